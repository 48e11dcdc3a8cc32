"""The product editor's "Kemasan & Grosir" part: packs (renteng, dus) and wholesale tiers.

Two small tables: packs (name, how many base units, price, barcodes) and tiers (for the unit
or a pack, from how many, the price, the customer group). Saving goes through
:mod:`app.packs` in the editor's unit of work.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import packs
from app.db import Session
from app.errors import ValidationError
from app.money import format_number, format_qty, parse_qty, parse_rupiah
from app.packs import PackInput, TierInput

ERROR_STYLE = "color: #c62828; font-size: 11px;"
PACK_COLUMNS = 4
TIER_COLUMNS = 4


def _table(columns: list[str], height: int) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels(columns)
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    table.setMaximumHeight(height)
    return table


def _text(table: QTableWidget, row: int, col: int) -> str:
    item = table.item(row, col)
    return item.text().strip() if item is not None else ""


def _set_row(table: QTableWidget, row: int, cells: list[str]) -> None:
    for col, text in enumerate(cells):
        table.setItem(row, col, QTableWidgetItem(text))


class PacksPart(QWidget):
    """Packs and tiers of one product, edited in place."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        hint = QLabel(self.tr("Stok tetap dihitung dalam satuan dasar; kemasan (dus = 40 pcs) dijual, "
                              "diterima dan dihitung dalam isi satuannya. Harga grosir: kemasan kosong "
                              "= satuan dasar, grup kosong = semua pembeli (atau mis. reseller)."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(QLabel(self.tr("Kemasan")))
        self.pack_table = _table([self.tr("Nama"), self.tr("Isi"), self.tr("Harga (Rp)"),
                                  self.tr("Barcode")], 150)
        self.pack_table.setObjectName("packTable")
        layout.addWidget(self.pack_table)
        layout.addLayout(self._buttons(self.pack_table, [self.tr("dus"), "40", "", ""]))
        layout.addWidget(QLabel(self.tr("Harga grosir")))
        self.tier_table = _table([self.tr("Kemasan"), self.tr("Mulai jumlah"), self.tr("Harga (Rp)"),
                                  self.tr("Grup")], 150)
        self.tier_table.setObjectName("tierTable")
        layout.addWidget(self.tier_table)
        layout.addLayout(self._buttons(self.tier_table, ["", "12", "", ""]))
        self.error = QLabel("")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        layout.addStretch(1)

    def _buttons(self, table: QTableWidget, blank: list[str]) -> QHBoxLayout:
        row = QHBoxLayout()
        add = QPushButton(self.tr("Tambah baris"))
        add.setAutoDefault(False)
        add.clicked.connect(lambda: self.add_row(table, blank))
        remove = QPushButton(self.tr("Hapus baris"))
        remove.setAutoDefault(False)
        remove.clicked.connect(lambda: self.remove_rows(table))
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        return row

    def add_row(self, table: QTableWidget, cells: list[str]) -> int:
        """Append a row with these cells; returns its index."""
        row = table.rowCount()
        table.insertRow(row)
        _set_row(table, row, cells)
        table.setCurrentCell(row, 0)
        return row

    def remove_rows(self, table: QTableWidget) -> None:
        """Remove the selected rows."""
        for row in sorted({i.row() for i in table.selectedIndexes()}, reverse=True):
            table.removeRow(row)

    def load(self, session: Session, product_id: int) -> None:
        """Show the product's packs and tiers."""
        for view in packs.packs_of(session, product_id):
            self.add_row(self.pack_table, [view.name, format_qty(view.factor), format_number(view.price),
                                           " ".join(view.barcodes)])
        for tier in packs.tiers_of(session, product_id):
            self.add_row(self.tier_table, [tier.pack, format_qty(tier.min_qty), format_number(tier.price),
                                           tier.group])

    def set_error(self, message: str) -> None:
        """Show (or with "" clear) the part's message."""
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def _number(self, text: str, what: str, row: int) -> Decimal:
        try:
            return parse_qty(text or "0")
        except ValidationError:
            raise ValidationError(self.tr("%s di baris %d bukan angka.") % (what, row + 1),
                                  field="packs") from None

    def _rupiah(self, text: str, row: int) -> int:
        try:
            return parse_rupiah(text or "0")
        except ValidationError:
            raise ValidationError(self.tr("Harga di baris %d bukan angka rupiah.") % (row + 1),
                                  field="packs") from None

    def collect(self) -> tuple[list[PackInput], list[TierInput]]:
        """The tables as packs and tiers (blank rows skipped); ValidationError names the row."""
        found: list[PackInput] = []
        for row in range(self.pack_table.rowCount()):
            cells = [_text(self.pack_table, row, c) for c in range(PACK_COLUMNS)]
            if not any(cells):
                continue
            found.append(PackInput(cells[0], self._number(cells[1], self.tr("Isi"), row),
                                   self._rupiah(cells[2], row), cells[3].replace(",", " ").split()))
        tiers: list[TierInput] = []
        for row in range(self.tier_table.rowCount()):
            cells = [_text(self.tier_table, row, c) for c in range(TIER_COLUMNS)]
            if not any(cells):
                continue
            tiers.append(TierInput(self._number(cells[1], self.tr("Mulai jumlah"), row),
                                   self._rupiah(cells[2], row), group=cells[3], pack=cells[0]))
        return found, tiers

    def has_rows(self) -> bool:
        """Whether any pack or tier is filled in."""
        return self.pack_table.rowCount() + self.tier_table.rowCount() > 0

    def save(self, session: Session, product_id: int) -> None:
        """Store the packs and tiers (the caller's unit of work commits)."""
        found, tiers = self.collect()
        packs.set_packs(session, product_id, found)
        packs.set_tiers(session, product_id, tiers)
