"""The product editor's "Varian" part: option names, their values, and the variants made.

Up to three options (Ukuran, Warna, Rasa), each with its values (``S, M, L``); saving makes
the product a parent (not sold itself, no stock) and adds every missing combination as its
own product. The table lists the variants; their price and barcode are edited in place.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import catalog, variants
from app.db import Session
from app.errors import ValidationError
from app.money import format_number, format_qty, parse_rupiah
from app.sync.offer import queue_offer

ERROR_STYLE = "color: #c62828; font-size: 11px;"
MAX_OPTIONS = variants.MAX_OPTIONS
PRICE_COL, BARCODE_COL = 2, 4


class VariantsPart(QWidget):
    """Options and variants of one product."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.variant_ids: list[int] = []
        self.loaded: list[tuple[str, str]] = []  # (price text, barcodes text) as loaded
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        hint = QLabel(self.tr("Produk induk tidak dijual sendiri dan tidak punya stok: tiap varian "
                              "punya SKU, barcode, stok dan harga sendiri."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        form = QFormLayout()
        self.names: list[QLineEdit] = []
        self.values: list[QLineEdit] = []
        for index, (name_hint, value_hint) in enumerate(((self.tr("Ukuran"), "S, M, L, XL"),
                                                         (self.tr("Warna"), self.tr("Merah, Biru")),
                                                         ("", ""))):
            name, values = QLineEdit(), QLineEdit()
            name.setPlaceholderText(name_hint or self.tr("Opsi lain (boleh kosong)"))
            values.setPlaceholderText(value_hint or self.tr("nilai, pisahkan dengan koma"))
            name.setMaximumWidth(160)
            row = QHBoxLayout()
            row.addWidget(name)
            row.addWidget(values, 1)
            form.addRow(self.tr("Opsi %d") % (index + 1), row)
            self.names.append(name)
            self.values.append(values)
        layout.addLayout(form)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("variantsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Varian"), self.tr("SKU"), self.tr("Harga (Rp)"),
                                              self.tr("Stok"), self.tr("Barcode")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        self.error = QLabel("")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)

    def load(self, session: Session, product_id: int) -> None:
        """Show the parent's options, their values and its variants."""
        product = catalog.get_product(session, product_id)
        names = variants.option_names_of(product)
        views = variants.variants_of(session, product_id)
        for index, name in enumerate(names[:MAX_OPTIONS]):
            self.names[index].setText(name)
            seen = list(dict.fromkeys(v.options[index] for v in views if index < len(v.options)))
            self.values[index].setText(", ".join(seen))
        if product.parent_id is not None:
            for edit in self.names + self.values:
                edit.setEnabled(False)
            self.set_error(self.tr("Produk ini sebuah varian; ubah opsinya dari produk induk."))
        self.table.setRowCount(len(views))
        for row, view in enumerate(views):
            cells = (view.label, view.sku, format_number(view.price),
                     f"{format_qty(view.on_hand)}", " ".join(view.barcodes))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col not in (PRICE_COL, BARCODE_COL):
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, col, item)
            self.loaded.append((cells[PRICE_COL], cells[BARCODE_COL]))
        self.variant_ids = [v.id for v in views]

    def set_error(self, message: str) -> None:
        """Show (or with "" clear) the part's message."""
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def option_names(self) -> list[str]:
        """The option names typed (blank ones skipped)."""
        return [e.text().strip() for e in self.names if e.text().strip() and e.isEnabled()]

    def wanted(self) -> dict[str, list[str]]:
        """Option name → its values as typed."""
        return {n.text().strip(): [v.strip() for v in vals.text().split(",") if v.strip()]
                for n, vals in zip(self.names, self.values, strict=True) if n.text().strip()}

    def is_used(self) -> bool:
        """Whether the product is (or becomes) a parent of variants."""
        return bool(self.option_names()) or bool(self.variant_ids)

    def _cell(self, row: int, col: int) -> str:
        item = self.table.item(row, col)
        return item.text().strip() if item is not None else ""

    def save(self, session: Session, product_id: int) -> None:
        """Make the product a parent, add the missing variants, store edited prices/barcodes."""
        names = self.option_names()
        if not names:
            return
        variants.make_parent(session, product_id, names)
        variants.rename_variants(session, product_id)
        if any(self.wanted().values()):
            variants.generate_variants(session, product_id, self.wanted())
        for row, variant_id in enumerate(self.variant_ids):
            price, codes = self._cell(row, PRICE_COL), self._cell(row, BARCODE_COL)
            if (price, codes) == self.loaded[row]:
                continue
            data = catalog.input_from_product(catalog.get_product(session, variant_id))
            try:
                data.price = parse_rupiah(price)
            except ValidationError:
                raise ValidationError(self.tr("Harga varian di baris %d bukan angka rupiah.") % (row + 1),
                                      field="options") from None
            data.barcodes = codes.replace(",", " ").split()
            catalog.update_product(session, variant_id, data)
        queue_offer(session, product_id)  # the variants' prices as buyers see them
