"""The Retur (refund/return) dialog: how much of each line comes back, why, and the total.

A cashier without the refund permission is asked for an owner's PIN on the spot.
Saving books a refund order (cash paid back), puts the stock back and writes the
audit log — all through :func:`app.orders.refund` in one transaction.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
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
from ui.messages import error_text

Index = QModelIndex | QPersistentModelIndex
RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
RETURN_COLUMN = 4


class RefundLinesModel(QAbstractTableModel):
    """Lines of the sale: sold, already returned, and the editable quantity to return now."""

    def __init__(self, lines: list[LineView]) -> None:
        super().__init__()
        self.lines = lines
        self.returning: list[Decimal] = [Decimal(0) for _ in lines]
        self.headers = [self.tr("Barang"), self.tr("Harga"), self.tr("Terjual"),
                        self.tr("Sudah diretur"), self.tr("Retur sekarang")]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        """One row per sold line."""
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        """Five columns."""
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Column titles."""
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.headers)):
            return self.headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Only the quantity to return is editable, and only while something is left."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == RETURN_COLUMN and self.lines[index.row()].left > 0:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Cell text; the editable column highlighted."""
        if not index.isValid() or not 0 <= index.row() < len(self.lines):
            return None
        line, col = self.lines[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            values = (line.name, format_rupiah(line.unit_price),
                      f"{format_qty(line.qty)} {line.unit}", format_qty(line.refunded),
                      format_qty(self.returning[index.row()]))
            return values[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return RIGHT
        if role == Qt.ItemDataRole.BackgroundRole and col == RETURN_COLUMN and line.left > 0:
            return QBrush(QColor("#fff8e1"))
        return None

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Set the quantity to return (0 … what is left); a bad value is refused."""
        if not index.isValid() or index.column() != RETURN_COLUMN or role != Qt.ItemDataRole.EditRole:
            return False
        line = self.lines[index.row()]
        try:
            qty = parse_qty(str(value)) if str(value).strip() else Decimal(0)
        except UserError:
            return False
        if qty < 0 or qty > line.left:
            return False
        self.returning[index.row()] = qty
        self.dataChanged.emit(index, index)
        return True

    def set_all(self) -> None:
        """Return everything that is left."""
        self.returning = [line.left for line in self.lines]
        self.dataChanged.emit(self.index(0, RETURN_COLUMN),
                              self.index(max(0, len(self.lines) - 1), RETURN_COLUMN))

    def requests(self) -> list[RefundRequest]:
        """The lines with a quantity to return."""
        return [RefundRequest(line.id, qty) for line, qty in zip(self.lines, self.returning, strict=True)
                if qty > 0]


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
        self.error = QLabel("")
        self.error.setObjectName("errorLabel")
        self.error.setWordWrap(True)
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
