"""Barcode label printing: choose products and how many labels each, save the PDF."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.labels import LAYOUTS, LabelItem, barcode_kind, label_items, render_labels
from app.money import format_rupiah
from ui.context import AppContext
from ui.list_model import Column, TableModel
from ui.messages import show_error

COUNT_COLUMN = 4
MAX_PER_PRODUCT = 999


@dataclass
class LabelLine:
    """A product and how many labels to print for it."""

    product_id: int
    item: LabelItem
    count: int


class LabelModel(TableModel[LabelLine]):
    """Products for labels; the "Jumlah label" column is editable."""

    def __init__(self, lines: list[LabelLine]) -> None:
        super().__init__([
            Column(self.tr("Nama"), lambda r: r.item.name),
            Column(self.tr("Harga"), lambda r: format_rupiah(r.item.price), numeric=True),
            Column(self.tr("Kode"), lambda r: r.item.code),
            Column(self.tr("Jenis"),
                   lambda r: "EAN-13" if barcode_kind(r.item.code) == "ean13" else "Code 128"),
            Column(self.tr("Jumlah label"), lambda r: str(r.count), numeric=True, edit=_set_count),
        ], lines)


def _set_count(line: LabelLine, text: str) -> bool:
    """A whole number of labels, 0–999."""
    text = text.strip()
    if not text.isdigit() or int(text) > MAX_PER_PRODUCT:
        return False
    line.count = int(text)
    return True


def label_lines(ctx: AppContext, product_ids: list[int]) -> list[LabelLine]:
    """Name, price and code (first barcode, else SKU) of each product, one label each by default."""
    with ctx.db.read() as session:
        return [LabelLine(pid, item, 1) for pid, item in label_items(session, product_ids)]


class LabelDialog(QDialog):
    """Choose the layout and counts, then save the label PDF."""

    def __init__(self, ctx: AppContext, product_ids: list[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Cetak label barcode"))
        self.resize(760, 460)
        self.model = LabelModel(label_lines(ctx, product_ids))
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.resizeColumnsToContents()
        self.layout_combo = QComboBox()
        for key, geometry in LAYOUTS.items():
            self.layout_combo.addItem(geometry.title, key)
        self.start_at = QSpinBox()
        self.start_at.setRange(1, 30)
        self.start_at.setPrefix(self.tr("mulai label ke-"))
        self.layout_combo.currentIndexChanged.connect(
            lambda: self.start_at.setEnabled(self.layout_combo.currentData() == "a4"))
        save = QPushButton(self.tr("Simpan PDF…"))
        save.clicked.connect(self.choose_and_save)
        close = QPushButton(self.tr("Tutup"))
        close.clicked.connect(self.reject)
        options = QHBoxLayout()
        options.addWidget(QLabel(self.tr("Format:")))
        options.addWidget(self.layout_combo)
        options.addWidget(self.start_at)
        options.addStretch(1)
        options.addWidget(close)
        options.addWidget(save)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Ubah 'Jumlah label' untuk tiap produk (0 = tidak dicetak).")))
        layout.addWidget(self.table, 1)
        layout.addLayout(options)

    def pdf_bytes(self) -> bytes:
        """The label PDF for the current choices."""
        items = [(line.item, line.count) for line in self.model.rows]
        layout = str(self.layout_combo.currentData())
        return render_labels(items, layout, start_at=self.start_at.value() - 1)

    def save_to(self, path: Path) -> bool:
        """Write the PDF to ``path``; errors are shown, False returned."""
        try:
            path.write_bytes(self.pdf_bytes())
        except (UserError, OSError) as exc:
            show_error(self, exc)
            return False
        self.ctx.signals.sig_status.emit(self.tr("Label disimpan ke %s") % path)
        return True

    def choose_and_save(self) -> None:
        """Ask where to save, then save."""
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Simpan label"), "label-barcode.pdf",
                                              "PDF (*.pdf)")
        if path and self.save_to(Path(path)):
            self.accept()
