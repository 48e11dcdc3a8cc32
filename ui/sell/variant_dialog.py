"""Which variant? The quick grid's parent tile ("Kemeja Batik Parang") asks for the option.

A small list of the variants with their price and stock; arrows move, Enter (or a double
click) picks, Esc cancels.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.hits import ProductHit
from app.money import format_qty, format_rupiah


class VariantDialog(QDialog):
    """Pick one variant of a parent; :attr:`chosen` is its hit after Enter."""

    def __init__(self, parent_name: str, variants: list[tuple[ProductHit, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.variants = variants
        self.chosen: ProductHit | None = None
        self.setWindowTitle(self.tr("Pilih varian"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        title = QLabel(parent_name)
        title.setWordWrap(True)
        title.setStyleSheet("font-weight: bold; font-size: 15px;")
        layout.addWidget(title)
        self.table = QTableWidget(len(variants), 3)
        self.table.setObjectName("variantTable")
        self.table.setHorizontalHeaderLabels([self.tr("Varian"), self.tr("Harga"), self.tr("Stok")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        for row, (hit, label) in enumerate(variants):
            self._fill(row, hit, label)
        self.table.setMinimumHeight(min(420, 40 + 32 * max(1, len(variants))))
        self.table.doubleClicked.connect(lambda _index: self.accept())
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Pilih"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if variants:
            self.table.selectRow(self._first_in_stock())
        self.table.setFocus()

    def _fill(self, row: int, hit: ProductHit, label: str) -> None:
        cells = (label, format_rupiah(hit.price), f"{format_qty(hit.on_hand)} {hit.unit}")
        for col, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if col:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if hit.on_hand <= 0:
                item.setForeground(Qt.GlobalColor.gray)
            self.table.setItem(row, col, item)

    def _first_in_stock(self) -> int:
        return next((i for i, (hit, _l) in enumerate(self.variants) if hit.on_hand > 0), 0)

    def accept(self) -> None:
        """Take the selected variant (nothing selected: stay open)."""
        row = self.table.currentRow()
        if not 0 <= row < len(self.variants):
            return
        self.chosen = self.variants[row][0]
        super().accept()
