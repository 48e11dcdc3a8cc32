"""Pesanan → Pre-order: upcoming pickups by day, and what a seller does with one.

The list shows open pre-orders by their pickup day — overdue ones first (red), today (amber),
tomorrow (yellow) — with the total, the DP and what is left to pay; the line above it is the
reminder (how many today, tomorrow, late). Keys: F2 new, Enter pickup (the sale with the DP
applied, the rest paid here), F6 ready, F7 DP transfer/QRIS seen, Del cancel (DP refunded or kept),
Ctrl+P order slip (receipt printer, or a PDF when none is set up).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import preorders
from app import settings as shop_settings
from app.clock import local, now_utc, shop_day
from app.customers import local_phone
from app.errors import UserError
from app.money import format_rupiah, parse_rupiah
from app.printing.queue import JobStatus, PrintJob
from app.printing.service import load_profile
from app.receipts.preorder_slip import slip_escpos, slip_pdf
from app.sales import PaymentInput
from contract.enums import PaymentMethod, PreorderStatus
from models.books import Preorder
from ui.context import AppContext
from ui.messages import error_text
from ui.orders.preorders_dialog import PreorderDialog, enter_only, named
from ui.widgets import error_label, hint_label, item_table
from ui.worker import run_task

COLOURS = {"overdue": "#f8d0cc", "today": "#ffe2a8", "tomorrow": "#fff6c4"}
PAY_METHODS = (PaymentMethod.CASH, PaymentMethod.TRANSFER, PaymentMethod.QRIS)


class PreordersTab(QWidget):
    """The upcoming pickups list with its actions."""

    sig_changed = Signal()

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("preordersTab")
        self.uuids: list[str | None] = []
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.reminder = named(QLabel(), "preorderReminder")
        self.reminder.setWordWrap(True)
        top.addWidget(self.reminder, 1)
        self.buttons: dict[str, QPushButton] = {}
        for key, text, shortcut, slot in (
                ("new", self.tr("Pesanan baru (F2)"), "F2", self.new_preorder),
                ("pickup", self.tr("Diambil, bayar sisa (Enter)"), "Return", self.pickup),
                ("ready", self.tr("Siap (F6)"), "F6", self.mark_ready),
                ("confirm", self.tr("DP masuk (F7)"), "F7", self.confirm_dp),
                ("cancel", self.tr("Batalkan (Del)"), "Delete", self.cancel),
                ("print", self.tr("Cetak nota (Ctrl+P)"), "Ctrl+P", self.print_slip)):
            button = named(QPushButton(text), f"preorder_{key}")
            button.clicked.connect(slot)
            top.addWidget(button)
            self.buttons[key] = button
            QShortcut(QKeySequence(shortcut), self, slot,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        layout.addLayout(top)
        self.table = item_table([self.tr("Diambil"), self.tr("No. pesanan"), self.tr("Pemesan"),
                                 self.tr("Barang"), self.tr("Total"), self.tr("DP"),
                                 self.tr("Sisa"), self.tr("Status")], stretch=3,
                                name="preorderList")
        layout.addWidget(self.table, 1)
        self.error = error_label()
        layout.addWidget(self.error)
        self.refresh()

    # ----- list ----------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the upcoming pickups (overdue, then the next two weeks)."""
        today = shop_day(now_utc())
        self.table.setRowCount(0)
        self.uuids = []
        counts = {"overdue": 0, "today": 0, "tomorrow": 0}
        with self.ctx.db.read() as session:
            for group in preorders.upcoming(session, 14, today=today):
                self._day_row(group.day, today)
                for order in group.orders:
                    urgency = preorders.urgency(order, today)
                    counts[urgency] = counts.get(urgency, 0) + 1
                    lines = preorders.lines_of(session, order.uuid)
                    self._order_row(order, preorders.money(session, order),
                                    ", ".join(f"{line.name}" for line in lines), urgency)
        self.reminder.setText(self.tr("Hari ini {today} pesanan diambil, besok {tomorrow}, "
                                      "terlambat {late}.")
                              .replace("{today}", str(counts["today"]))
                              .replace("{tomorrow}", str(counts["tomorrow"]))
                              .replace("{late}", str(counts["overdue"])))
        self.table.resizeColumnsToContents()
        self._select_first()

    def _day_row(self, day: date, today: date) -> None:
        delta = (day - today).days
        word = self.tr("Terlambat") if delta < 0 else self.tr("Hari ini") if delta == 0 else \
            self.tr("Besok") if delta == 1 else ""
        row = self.table.rowCount()
        self.table.insertRow(row)
        item = QTableWidgetItem(f"{word + ' — ' if word else ''}{day:%d/%m/%Y}")
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        self.table.setItem(row, 0, item)
        self.table.setSpan(row, 0, 1, self.table.columnCount())
        self.uuids.append(None)

    def _order_row(self, order: Preorder, money: preorders.Money, items: str, urgency: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        who = order.customer_name + (f" · {local_phone(order.customer_phone)}"
                                     if order.customer_phone else "")
        dp = format_rupiah(money.paid) + (self.tr(" (+{p} menunggu)").replace(
            "{p}", format_rupiah(money.pending)) if money.pending else "")
        cells = (f"{local(order.due_at):%H:%M}" + (self.tr(" diantar") if order.delivery else ""),
                 order.number, who, items, format_rupiah(money.total), dp,
                 format_rupiah(money.due), PreorderStatus(order.status).label())
        colour = COLOURS.get(urgency)
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if column in (4, 5, 6):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if colour:
                item.setBackground(QBrush(QColor(colour)))
            self.table.setItem(row, column, item)
        self.uuids.append(order.uuid)

    def _select_first(self) -> None:
        for row, uuid in enumerate(self.uuids):
            if uuid is not None:
                self.table.selectRow(row)
                return

    def selected(self) -> str | None:
        """The uuid of the selected pre-order (day rows select nothing)."""
        row = self.table.currentRow()
        return self.uuids[row] if 0 <= row < len(self.uuids) else None

    def select(self, uuid: str) -> None:
        """Select a pre-order's row."""
        if uuid in self.uuids:
            self.table.selectRow(self.uuids.index(uuid))

    # ----- actions -------------------------------------------------------------------------------

    def _done(self) -> None:
        self.error.setText("")
        self.refresh()
        self.sig_changed.emit()

    def new_preorder(self) -> None:
        """Open the pre-order dialog; the new one is selected after saving."""
        dialog = PreorderDialog(self.ctx)
        if dialog.exec() and dialog.saved_uuid:
            self._done()
            self.select(dialog.saved_uuid)

    def pickup(self) -> None:
        """The customer came: the sale with the DP applied, the rest paid now."""
        uuid = self.selected()
        if uuid is None:
            return
        dialog = PickupDialog(self.ctx, uuid, self)
        if dialog.exec():
            self._done()
            self.ctx.signals.sig_order_saved.emit(dialog.order_id)
            if self.ctx.printer is not None:  # the sale's receipt, as after any sale
                self.ctx.printer.after_sale(dialog.order_id, self)

    def mark_ready(self) -> None:
        """The order is made."""
        self._run(lambda session, uuid: preorders.mark_ready(session, uuid,
                                                             user_id=self.ctx.user_id))

    def confirm_dp(self) -> None:
        """The pending DP transfer/QRIS of the selected pre-order was seen: confirm it."""
        def confirm(session: Any, uuid: str) -> None:
            if not preorders.confirm_pending_deposits(session, uuid, user_id=self.ctx.user_id):
                raise UserError(self.tr("Tidak ada DP yang menunggu konfirmasi."))
        self._run(confirm)

    def print_slip(self) -> None:
        """The order slip: to the receipt printer when one is set up, else saved as a PDF."""
        uuid = self.selected()
        if uuid is None:
            return
        try:
            with self.ctx.db.read() as session:
                profile = load_profile(session) if self.ctx.printer is not None else None
                number = preorders.get(session, uuid).number
                data = slip_escpos(session, uuid, profile) if profile else slip_pdf(session, uuid)
        except UserError as exc:
            self.error.setText(error_text(exc))
            return
        if profile is not None and self.ctx.printer is not None:
            queue = self.ctx.printer.service.queue
            run_task(lambda _progress: queue.submit(profile, data, f"Nota pesanan {number}"),
                     on_done=self._printed, on_error=lambda e: self.error.setText(error_text(e)),
                     owner=self)
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Simpan nota pesanan"),
                                              f"nota-{number}.pdf", "PDF (*.pdf)")
        if path:
            Path(path).write_bytes(data)

    def _printed(self, job: PrintJob) -> None:
        self.error.setText("" if job.status is JobStatus.DONE else self.tr(
            "Nota belum tercetak: {error}").replace("{error}", str(job.error)))

    def cancel(self) -> None:
        """Ask refund or keep, then cancel."""
        uuid = self.selected()
        if uuid is None:
            return
        dialog = CancelDialog(self.ctx, uuid, self)
        if dialog.exec():
            self._done()

    def _run(self, action: object) -> None:
        uuid = self.selected()
        if uuid is None or not callable(action):
            return
        try:
            with self.ctx.db.unit_of_work() as session:
                action(session, uuid)
        except UserError as exc:
            self.error.setText(error_text(exc))
            return
        self._done()


class PickupDialog(QDialog):
    """Pickup: total, DP already paid, the rest and how it is paid (cash with change)."""

    def __init__(self, ctx: AppContext, uuid: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.uuid, self.order_id = ctx, uuid, 0
        self.setWindowTitle(self.tr("Pesanan diambil"))
        self.setObjectName("pickupDialog")
        with ctx.db.read() as session:
            order = preorders.get(session, uuid)
            self.money = preorders.money(session, order)
            title = f"{order.number} · {order.customer_name}"
        form = QFormLayout(self)
        form.addRow(QLabel(title))
        form.addRow(self.tr("Total"), QLabel(format_rupiah(self.money.total)))
        form.addRow(self.tr("DP sudah dibayar"), QLabel(format_rupiah(self.money.paid)))
        due = named(QLabel(format_rupiah(self.money.due)), "pickupDue")
        font = due.font()
        font.setPointSize(font.pointSize() + 6)
        font.setBold(True)
        due.setFont(font)
        form.addRow(self.tr("Sisa dibayar"), due)
        self.method = named(QComboBox(), "pickupMethod")
        for method in PAY_METHODS:
            self.method.addItem(method.label(), method.value)
        form.addRow(self.tr("Cara bayar"), self.method)
        self.tendered = named(QLineEdit(placeholderText=str(self.money.due)), "tendered")
        self.tendered.returnPressed.connect(self.pay)
        form.addRow(self.tr("Uang diterima"), self.tendered)
        self.error = error_label()
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Bayar & serahkan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.pay)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.tendered.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in "Uang diterima" pays once (not again through the default OK button)."""
        if enter_only(event) and self.tendered.hasFocus():
            event.accept()
            return
        super().keyPressEvent(event)

    def pay(self) -> None:
        """Run the pickup sale (one transaction); a refusal stays in the dialog."""
        method = str(self.method.currentData())
        due = self.money.due
        try:
            tendered = parse_rupiah(self.tendered.text()) if self.tendered.text().strip() else due
            rest = [PaymentInput(method, due, tendered=tendered if method == PaymentMethod.CASH
                                 else None)] if due else []
            with self.ctx.db.unit_of_work() as session:
                result = preorders.pickup(session, self.uuid, rest, cashier_id=self.ctx.user_id)
        except UserError as exc:
            self.error.setText(error_text(exc))
            return
        self.order_id = int(result.order_id)
        self.accept()


class CancelDialog(QDialog):
    """Cancel a pre-order: the DP refunded or kept (the shop's rule preselected)."""

    def __init__(self, ctx: AppContext, uuid: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.uuid = ctx, uuid
        self.setWindowTitle(self.tr("Batalkan pesanan"))
        with ctx.db.read() as session:
            paid = preorders.money(session, preorders.get(session, uuid)).paid
            keep = bool(shop_settings.get(session, "preorder.keep_dp_on_cancel"))
        layout = QVBoxLayout(self)
        layout.addWidget(hint_label(self.tr("DP yang sudah dibayar: {dp}").replace(
            "{dp}", format_rupiah(paid))))
        self.refund = named(QRadioButton(self.tr("Kembalikan DP ke pemesan")), "refundDp")
        self.keep = named(QRadioButton(self.tr("DP disimpan toko (tidak dikembalikan)")), "keepDp")
        (self.keep if keep else self.refund).setChecked(True)
        layout.addWidget(self.refund)
        layout.addWidget(self.keep)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Batalkan pesanan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Kembali"))
        buttons.accepted.connect(self.run)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def run(self) -> None:
        """Cancel with the chosen DP rule."""
        try:
            with self.ctx.db.unit_of_work() as session:
                preorders.cancel(session, self.uuid, keep_dp=self.keep.isChecked(),
                                 user_id=self.ctx.user_id)
        except UserError as exc:
            self.error.setText(error_text(exc))
            return
        self.accept()
