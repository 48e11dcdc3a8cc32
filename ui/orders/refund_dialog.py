"""The Retur (refund/return) dialog: how much of each line comes back, why, and the total.

A cashier without the refund permission is asked for an owner's PIN on the spot.
Saving books a refund order (cash paid back), puts the stock back and writes the
audit log — all through :func:`app.orders.refund` in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.money import format_qty, format_rupiah, parse_qty
from app.order_queries import LineView, OrderDetail, load_detail
from app.orders import RefundRequest, refund, refund_preview
from app.sales import CheckoutResult
from ui.admin.approval import ask_approval
from ui.context import AppContext
from ui.list_model import Column, Index, TableModel
from ui.messages import error_text
from ui.widgets import error_label

RETURN_COLUMN = 4
RETURNABLE = "#fff8e1"


@dataclass
class ReturnLine:
    """A sold line and the quantity chosen to return now."""

    line: LineView
    qty: Decimal = Decimal(0)


class RefundLinesModel(TableModel[ReturnLine]):
    """Lines of the sale: sold, already returned, and the editable quantity to return now."""

    def __init__(self, lines: list[LineView]) -> None:
        super().__init__(rows=[ReturnLine(line) for line in lines], key=lambda r: r.line.id)
        self.set_columns([
            Column(self.tr("Barang"), lambda r: r.line.name),
            Column(self.tr("Harga"), lambda r: format_rupiah(r.line.unit_price), numeric=True),
            Column(self.tr("Terjual"), lambda r: r.line.qty_text, numeric=True),
            Column(self.tr("Sudah diretur"), lambda r: format_qty(r.line.refunded), numeric=True),
            Column(self.tr("Retur sekarang"), lambda r: format_qty(r.qty), numeric=True,
                   background=lambda r: RETURNABLE if r.line.left > 0 else None, edit=self._edit),
        ])

    @property
    def lines(self) -> list[LineView]:
        """The sold lines, in order."""
        return [r.line for r in self.rows]

    @property
    def returning(self) -> list[Decimal]:
        """The quantity to return now, per line."""
        return [r.qty for r in self.rows]

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Only the quantity to return is editable, and only while something is left."""
        flags = super().flags(index)
        row = self.row_at(index.row()) if index.isValid() else None
        if row is not None and row.line.left <= 0:
            flags &= ~Qt.ItemFlag.ItemIsEditable
        return flags

    @staticmethod
    def _edit(row: ReturnLine, text: str) -> bool:
        """Set the quantity to return (0 … what is left); a bad value is refused."""
        try:
            qty = parse_qty(text) if text.strip() else Decimal(0)
        except UserError:
            return False
        if qty < 0 or qty > row.line.left:
            return False
        row.qty = qty
        return True

    def set_all(self) -> None:
        """Return everything that is left."""
        for row in self.rows:
            row.qty = row.line.left
        self.refresh_rows()

    def requests(self) -> list[RefundRequest]:
        """The lines with a quantity to return."""
        return [RefundRequest(r.line.id, r.qty) for r in self.rows if r.qty > 0]


class RefundDialog(QDialog):
    """Choose quantities and a reason; save the refund (asking an owner's PIN when needed)."""

    def __init__(self, ctx: AppContext, order_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        with ctx.db.read() as session:
            self.order: OrderDetail = load_detail(session, order_id)
        self.result_: CheckoutResult | None = None
        self.confirmed_total = 0
        self.setWindowTitle(self.tr("Retur pesanan %1").replace("%1", self.order.number))
        self.resize(760, 480)
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Retur dari %1 — total belanja %2")
                         .replace("%1", self.order.number)
                         .replace("%2", format_rupiah(self.order.total)))
        heading.setObjectName("dialogHeading")
        layout.addWidget(heading)
        self.model = RefundLinesModel(self.order.lines)
        self.model.dataChanged.connect(self._update_total)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        layout.addLayout(self._reason_row())
        self.error = error_label()
        layout.addWidget(self.error)
        layout.addWidget(self._buttons())
        self._update_total()

    def _reason_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        form = QFormLayout()
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.addItem("")
        for text in (self.tr("Barang rusak/cacat"), self.tr("Salah barang"),
                     self.tr("Pembeli berubah pikiran"), self.tr("Kedaluwarsa"),
                     self.tr("Salah input kasir")):
            self.reason.addItem(text)
        edit = self.reason.lineEdit()
        if edit is not None:
            edit.setPlaceholderText(self.tr("Tulis atau pilih alasan retur"))
        self.reason.setMinimumWidth(320)
        form.addRow(self.tr("Alasan"), self.reason)
        row.addLayout(form, 1)
        all_button = QPushButton(self.tr("Retur semua"))
        all_button.clicked.connect(self.model.set_all)
        row.addWidget(all_button)
        self.total_label = QLabel("")
        self.total_label.setObjectName("payCaption")
        row.addWidget(self.total_label)
        return row

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.save_button.setText(self.tr("Simpan retur"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        return buttons

    def refund_total(self) -> int:
        """The cash paid back for the chosen quantities (as the service books it).

        Once saved, the amount shown when the refund was confirmed.
        """
        if self.result_ is not None:
            return self.confirmed_total
        with self.ctx.db.read() as session:
            return refund_preview(session, self.order.id, self.model.requests())

    def _update_total(self) -> None:
        total = self.refund_total()
        self.total_label.setText(self.tr("Uang kembali: %1").replace("%1", format_rupiah(total)))
        self.save_button.setEnabled(bool(self.model.requests()))

    def submit(self) -> None:
        """Check the form, get approval, save the refund."""
        items = self.model.requests()
        reason = " ".join(self.reason.currentText().split())
        if not items:
            self.error.setText(self.tr("Isi jumlah barang yang diretur di kolom 'Retur sekarang'."))
            return
        if not reason:
            self.error.setText(self.tr("Tulis alasan retur."))
            return
        self.confirmed_total = self.refund_total()
        approval = ask_approval(self, self.ctx, "refund", order=self.order.number,
                                amount=self.confirmed_total)
        if approval is None:
            self.error.setText(self.tr("Retur belum disimpan: perlu persetujuan pemilik."))
            return
        try:
            with self.ctx.db.unit_of_work() as session:
                self.result_ = refund(session, self.order.id, items, reason,
                                      user_id=approval.user_id,
                                      approved_by_id=approval.approved_by_id)
        except UserError as exc:
            self.error.setText(error_text(exc))
            return
        self.ctx.signals.sig_order_saved.emit(int(self.result_.order_id))
        self.ctx.signals.sig_catalog_changed.emit()
        self.accept()
