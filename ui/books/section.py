"""The Buku Kas section: kas masuk/keluar, suppliers (Pemasok) and purchases (Pembelian)."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTabWidget

from ui.books.cash_tab import CashTab
from ui.books.purchases_tab import PurchasesTab
from ui.books.suppliers_tab import SuppliersTab
from ui.context import AppContext


class BooksSection(QTabWidget):
    """Tabs: Kas masuk/keluar, Pembelian, Pemasok."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("booksSection")
        self.cash = CashTab(ctx)
        self.purchases = PurchasesTab(ctx)
        self.suppliers = SuppliersTab(ctx)
        self.addTab(self.cash, self.tr("Kas masuk/keluar"))
        self.addTab(self.purchases, self.tr("Pembelian"))
        self.addTab(self.suppliers, self.tr("Pemasok"))
        self.currentChanged.connect(self.on_tab_changed)

    def on_tab_changed(self, index: int) -> None:
        """Refresh the tab being opened (the till may have written meanwhile)."""
        widget = self.widget(index)
        if widget is self.cash:
            self.cash.reload()
        elif widget is self.purchases:
            self.purchases.apply_cost_view()
        elif widget is self.suppliers:
            self.suppliers.reload()

    def showEvent(self, event: QShowEvent) -> None:
        """Coming back to the section shows fresh figures."""
        super().showEvent(event)
        self.on_tab_changed(self.currentIndex())
