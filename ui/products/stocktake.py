"""Stocktake (opname): count by scanning, review the differences, commit them as deltas.

Each scan adds 1 to the counted quantity of that product (``12*code`` adds 12); a pack's
barcode adds what the pack holds (a dus of 40: 40 pcs). The "Dihitung" cell can also be typed,
in base units or naming a pack ("2 dus", "2 dus 5"). Every count and difference is in base
units. The review shows expected (system stock when the
product was first counted), counted and the difference; "Simpan opname" writes the
deltas in one transaction through :func:`app.inventory.stocktake`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QModelIndex
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import catalog, inventory
from app.errors import NotFoundError, UserError, ValidationError
from app.money import format_qty, parse_qty
from app.pack_units import UnitChoice, base_choice, describe_base, parse_count, unit_choices
from app.packs import to_base
from ui.context import AppContext
from ui.list_model import Column, TableModel, no_tooltip
from ui.messages import confirm, error_text, show_error

COUNTED = 4


@dataclass
class CountLine:
    """One product being counted."""

    product_id: int
    sku: str
    name: str
    unit: str
    expected: Decimal
    counted: Decimal  # base units
    choices: list[UnitChoice] = field(default_factory=list)  # base unit first, then packs

    def __post_init__(self) -> None:
        if not self.choices:
            self.choices = [base_choice(self.unit)]

    @property
    def delta(self) -> Decimal:
        """Counted − expected."""
        return self.counted - self.expected


def parse_scan(text: str) -> tuple[str, Decimal]:
    """``"8991234567891"`` → (code, 1); ``"12*8991234567891"`` → (code, 12)."""
    raw = text.strip()
    qty_text, star, code = raw.partition("*")
    if not star:
        return raw, Decimal(1)
    qty = parse_qty(qty_text)
    if qty <= 0:
        raise ValidationError(QCoreApplication.translate(
            "StocktakeDialog", "Jumlah sebelum '*' harus lebih dari nol."), field="qty")
    return code.strip(), qty


def _set_counted(line: CountLine, text: str) -> bool:
    """Typing a count replaces the counted quantity: a number of base units, or naming the
    line's packs ("2 dus", "2 dus 5"); refused when it is not a quantity ≥ 0."""
    try:
        qty = parse_count(text, line.choices)
    except ValidationError:
        return False
    if qty < 0:
        return False
    line.counted = qty
    return True


def _delta_text(line: CountLine) -> str:
    return ("+" if line.delta > 0 else "") + format_qty(line.delta)


def _delta_colour(line: CountLine) -> str | None:
    if line.delta == 0:
        return None
    return "#c62828" if line.delta < 0 else "#2e7d32"


class StocktakeModel(TableModel[CountLine]):
    """The products counted so far; the "Dihitung" column is editable (a number ≥ 0), the
    difference is red when short and green when over; no cell has a tooltip."""

    def __init__(self) -> None:
        super().__init__([
            Column(self.tr("SKU"), lambda r: r.sku, tooltip=no_tooltip),
            Column(self.tr("Nama"), lambda r: r.name, tooltip=no_tooltip),
            Column(self.tr("Satuan"), lambda r: r.unit, tooltip=no_tooltip),
            Column(self.tr("Sistem"), lambda r: format_qty(r.expected), numeric=True,
                   tooltip=no_tooltip),
            Column(self.tr("Dihitung"), lambda r: format_qty(r.counted), numeric=True,
                   tooltip=no_tooltip, edit=_set_counted),
            Column(self.tr("Selisih"), _delta_text, numeric=True, colour=_delta_colour,
                   tooltip=no_tooltip),
        ])

    @property
    def lines(self) -> list[CountLine]:
        """The lines counted, newest first (change them through :meth:`add` or the table)."""
        return self.rows

    def row_of(self, product_id: int) -> int | None:
        """The row counting this product, if any."""
        return next((row for row, line in enumerate(self.lines) if line.product_id == product_id),
                    None)

    def add(self, hit: catalog.ProductHit, qty: Decimal,
            choices: list[UnitChoice] | None = None) -> int:
        """Add ``qty`` base units to a product's count (new line at the top); returns its row."""
        row = self.row_of(hit.id)
        if row is not None:
            self.lines[row].counted += qty
            self.refresh_rows(row, row)
            return row
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._rows.insert(0, CountLine(hit.id, hit.sku, hit.name, hit.unit, hit.on_hand, qty,
                                       list(choices or [])))
        self.endInsertRows()
        return 0

    def counts(self) -> dict[int, Decimal]:
        """Counted quantity per product id, for :func:`app.inventory.stocktake`."""
        return {line.product_id: line.counted for line in self.lines}

    def differences(self) -> list[CountLine]:
        """Lines whose count differs from the system."""
        return [line for line in self.lines if line.delta != 0]


class StocktakeDialog(QDialog):
    """A stocktake session: scan field, the count table, the summary and commit."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Stok opname"))
        self.resize(820, 520)
        self.model = StocktakeModel()
        self.scan = QLineEdit()
        self.scan.setPlaceholderText(self.tr("Scan barcode atau ketik SKU lalu Enter (12*kode = tambah 12)"))
        self.scan.returnPressed.connect(self.on_scan)
        self.message = QLabel("")
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.summary = QLabel("")
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Catatan opname, mis. Opname akhir bulan rak depan"))
        self.commit_button = QPushButton(self.tr("Simpan opname"))
        self.commit_button.clicked.connect(self.commit)
        close = QPushButton(self.tr("Tutup"))
        close.clicked.connect(self.reject)
        for button in (self.commit_button, close):
            button.setAutoDefault(False)
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("Hitung barang di rak: setiap scan menambah 1; scan barcode kemasan (dus, "
                              "renteng) menambah isinya. Kolom 'Dihitung' bisa diketik: 85, 2 dus, atau "
                              "2 dus 5."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(self.scan)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(close)
        row.addWidget(self.commit_button)
        layout.addLayout(row)
        self.model.dataChanged.connect(self.update_summary)
        self.model.rowsInserted.connect(self.update_summary)
        self.update_summary()

    def scan_code(self, text: str) -> bool:
        """Count one scan (or ``N*code``); False with a message when the code is unknown."""
        try:
            code, qty = parse_scan(text)
            with self.ctx.db.read() as session:
                hit = catalog.find_by_code(session, code)
                if hit is None:
                    raise NotFoundError(self.tr("Barcode/SKU '%s' tidak dikenal.") % code)
                known = self.model.row_of(hit.id) is not None
                choices = None if known else unit_choices(session, hit.id)
        except UserError as exc:
            self._say(error_text(exc), error=True)
            return False
        row = self.model.add(hit, to_base(qty, hit.pack_factor), choices)  # a dus scan: its factor
        self.table.selectRow(row)
        line = self.model.lines[row]
        self._say(f"{hit.name}: {self.tr('dihitung')} {describe_base(line.counted, line.choices)}")
        return True

    def on_scan(self) -> None:
        """The scan field's Enter."""
        self.scan_code(self.scan.text())
        self.scan.clear()

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #c62828;" if error else "color: #2e7d32;")

    def update_summary(self) -> None:
        """Products counted, how many differ, and the total difference."""
        diffs = self.model.differences()
        short = sum((-d.delta for d in diffs if d.delta < 0), Decimal(0))
        over = sum((d.delta for d in diffs if d.delta > 0), Decimal(0))
        self.summary.setText(
            self.tr("%d produk dihitung, %d berselisih (kurang %s, lebih %s).")
            % (len(self.model.lines), len(diffs), format_qty(short), format_qty(over)))
        self.commit_button.setEnabled(bool(self.model.lines))

    def commit(self, ask: bool = True) -> bool:
        """Write every difference as a stocktake movement, in one transaction."""
        diffs = self.model.differences()
        question = self.tr("Simpan %d selisih stok dari %d produk yang dihitung?") % (
            len(diffs), len(self.model.lines))
        if ask and not confirm(self, self.tr("Simpan opname"), question):
            return False
        try:
            with self.ctx.db.unit_of_work() as session:
                inventory.stocktake(session, self.model.counts(), note=self.note.text().strip(),
                                    user_id=self.ctx.user_id)
        except UserError as exc:
            show_error(self, exc)
            return False
        self.ctx.signals.sig_catalog_changed.emit()
        self.accept()
        return True
