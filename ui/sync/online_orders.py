"""Pesanan online PEKEN: the list with a "new" badge and a sound, and the seller's actions
(accept, reject with a reason, confirm the transfer by hand, fulfil, pick ticket)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.clock import local, now_utc
from app.db import Session
from app.errors import UserError
from app.money import format_rupiah
from app.payments import service
from app.sync import orders as online
from contract.enums import OrderStatus, PaymentStatus
from ui.context import AppContext
from ui.fonts import use_monospace
from ui.i18n import status_name
from ui.i18n_tools import QT_TRANSLATE_NOOP
from ui.messages import show_error
from ui.widgets import item_table

# Column titles, marked for lupdate; the widget shows them translated.
COLUMNS = (QT_TRANSLATE_NOOP("OnlineOrdersWidget", "Nomor"),
           QT_TRANSLATE_NOOP("OnlineOrdersWidget", "Waktu"),
           QT_TRANSLATE_NOOP("OnlineOrdersWidget", "Pembeli"),
           QT_TRANSLATE_NOOP("OnlineOrdersWidget", "HP"),
           QT_TRANSLATE_NOOP("OnlineOrdersWidget", "Total"),
           QT_TRANSLATE_NOOP("OnlineOrdersWidget", "Tagihan"),
           QT_TRANSLATE_NOOP("OnlineOrdersWidget", "Status"))
ACTIONS: dict[str, tuple[str, ...]] = {
    OrderStatus.PLACED: ("accept", "reject"), OrderStatus.PENDING: ("confirm", "reject"),
    OrderStatus.PAID: ("fulfil",)}


class PickTicketDialog(QDialog):
    """The pick ticket as text (copy or print from here)."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Daftar ambil barang"))
        self.text = QPlainTextEdit(text)
        self.text.setReadOnly(True)
        use_monospace(self.text)  # the shipped fixed-width font, kept under the style sheet
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(360, 420)


class OnlineOrdersWidget(QWidget):
    """The online orders of the shop, newest first.

    sig_badge(int): number of new orders waiting for a decision (for a tab badge).
    """

    sig_badge = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.badge = QLabel()
        self.badge.setObjectName("onlineBadge")
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.table = item_table([self.tr(c) for c in COLUMNS])
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.buttons = {
            "accept": QPushButton(self.tr("Terima")), "reject": QPushButton(self.tr("Tolak…")),
            "confirm": QPushButton(self.tr("Konfirmasi bayar")),
            "fulfil": QPushButton(self.tr("Selesai (barang diambil)")),
            "ticket": QPushButton(self.tr("Daftar ambil")),
        }
        self.buttons["accept"].clicked.connect(self.accept_selected)
        self.buttons["reject"].clicked.connect(self.ask_reject)
        self.buttons["confirm"].clicked.connect(self.confirm_selected)
        self.buttons["fulfil"].clicked.connect(self.fulfil_selected)
        self.buttons["ticket"].clicked.connect(self.show_ticket)
        self._layout()
        self.ids: list[int] = []
        self.statuses: list[str] = []
        self.new_count = 0
        self.refresh()

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Pesanan online PEKEN")))
        top.addWidget(self.badge)
        top.addStretch(1)
        actions = QHBoxLayout()
        for button in self.buttons.values():
            actions.addWidget(button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(self.table)
        layout.addLayout(actions)

    def refresh(self) -> None:
        """Reload the list; a higher count of new orders beeps and emits the badge."""
        with self.ctx.db.read() as session:
            views = online.list_online(session)
            new = online.new_order_count(session)
            notices = online.oversell_notices(session)
        self.ids = [v.id for v in views]
        self.statuses = [v.status for v in views]
        self.table.setRowCount(len(views))
        for i, v in enumerate(views):
            cells = (v.number, f"{local(v.created_at):%d/%m %H:%M}", v.buyer_name, v.buyer_phone,
                     format_rupiah(v.total), format_rupiah(v.amount_due), status_name(v.status))
            for j, text in enumerate(cells):
                self.table.setItem(i, j, QTableWidgetItem(text))
        self.notice.setText("\n".join(n.message for n in notices))
        self.notice.setVisible(bool(notices))
        if new > self.new_count:
            QApplication.beep()
        self.new_count = new
        self.badge.setText(self.tr("%1 baru").replace("%1", str(new)) if new else "")
        self.sig_badge.emit(new)
        self._update_buttons()

    def select_order(self, order_id: int) -> None:
        """Select the row of ``order_id``."""
        if order_id in self.ids:
            self.table.selectRow(self.ids.index(order_id))

    def _selected(self) -> tuple[int, str] | None:
        row = self.table.currentRow()
        if 0 <= row < len(self.ids):
            return self.ids[row], self.statuses[row]
        return None

    def _update_buttons(self) -> None:
        selected = self._selected()
        allowed = ACTIONS.get(selected[1], ()) if selected else ()
        for name, button in self.buttons.items():
            button.setEnabled(name in allowed or (name == "ticket" and selected is not None))

    def _act(self, action: Callable[[Session, int], object], done: str) -> None:
        selected = self._selected()
        if selected is None:
            return
        try:
            with self.ctx.db.unit_of_work() as session:
                action(session, selected[0])
        except UserError as exc:
            show_error(self, exc)
            return
        self.ctx.signals.sig_status.emit(done)
        self.ctx.signals.sig_catalog_changed.emit()
        self.refresh()
        self.select_order(selected[0])

    def accept_selected(self) -> None:
        """Accept the selected new order (stock stays reserved)."""
        self._act(lambda s, i: online.accept(s, i, self.ctx.user_id),
                  self.tr("Pesanan diterima."))

    def ask_reject(self) -> None:
        """Ask the reason, then reject."""
        self.reject_selected(None)

    def reject_selected(self, reason: str | None = None) -> None:
        """Reject with a reason (asked when not given)."""
        if reason is None:
            text, ok = QInputDialog.getText(self, self.tr("Tolak pesanan"),
                                            self.tr("Alasan (dibaca pembeli):"))
            if not ok:
                return
            reason = text
        self._act(lambda s, i: online.reject(s, i, reason or "", self.ctx.user_id),
                  self.tr("Pesanan ditolak."))

    def confirm_selected(self) -> None:
        """Confirm by hand that the exact amount arrived today."""
        def confirm(session: Session, order_id: int) -> object:
            order = online.online_order(session, order_id)
            payment = next(p for p in order.payments if p.status == PaymentStatus.PENDING)
            return service.confirm_manual(
                session, payment.id, received=payment.amount + payment.unique_code,
                paid_on=local(now_utc()).date(), reference=f"Manual {order.number}",
                user_id=self.ctx.user_id)

        self._act(confirm, self.tr("Pembayaran dikonfirmasi."))

    def fulfil_selected(self) -> None:
        """The buyer took the goods: a sale movement and the order is done."""
        self._act(lambda s, i: online.fulfil(s, i, self.ctx.user_id),
                  self.tr("Pesanan selesai."))

    def show_ticket(self) -> None:
        """The pick ticket of the selected order."""
        selected = self._selected()
        if selected is None:
            return
        with self.ctx.db.read() as session:
            text = online.pick_ticket(session, selected[0])
        PickTicketDialog(text, self).exec()
