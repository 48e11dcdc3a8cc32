"""The Pesanan section: all orders, payments waiting for confirmation, and PEKEN online orders.

Each tab is its own widget (built here once); the online tab's title carries the number
of new online orders as a badge.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget

from ui.context import AppContext
from ui.orders.page import OrdersPage
from ui.orders.preorders import PreordersTab
from ui.payments.confirm_page import ConfirmPaymentsPage
from ui.sync.online_orders import OnlineOrdersWidget


class OrdersSection(QTabWidget):
    """Tabs: Semua pesanan, Konfirmasi pembayaran, PEKEN Online (badge), Pre-order."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("ordersSection")
        self.orders = OrdersPage(ctx)
        self.confirm = ConfirmPaymentsPage(ctx)
        self.online = OnlineOrdersWidget(ctx)
        self.preorders = PreordersTab(ctx)
        self.addTab(self.orders, self.tr("Semua pesanan"))
        self.addTab(self.confirm, self.tr("Konfirmasi pembayaran"))
        self.addTab(self.online, self.tr("PEKEN Online"))
        self.addTab(self.preorders, self.tr("Pre-order"))
        self.online.sig_badge.connect(self.on_badge)
        self.confirm.sig_confirmed.connect(lambda _numbers: self.orders.reload())
        ctx.signals.sig_order_saved.connect(lambda _order_id: self.confirm.refresh())
        self.currentChanged.connect(self.on_tab_changed)

    def on_badge(self, count: int) -> None:
        """Show how many online orders wait for the seller's decision."""
        title = self.tr("PEKEN Online")
        self.setTabText(2, f"{title} ({count})" if count else title)

    def on_tab_changed(self, index: int) -> None:
        """Refresh the tab being opened (payments may have arrived meanwhile)."""
        widget = self.widget(index)
        if widget is self.confirm:
            self.confirm.refresh()
        elif widget is self.online:
            self.online.refresh()
        elif widget is self.preorders:
            self.preorders.refresh()
