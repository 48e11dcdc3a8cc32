"""Screenshots of the Pesanan page and the refund dialog (``make screenshots``).

Rendered on a private copy of the shop after a short day at the till (see
:func:`ui.admin.screens.story_copy`), so the list shows a refund and a voided order.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from app.payments import service
from contract.enums import OrderKind, OrderStatus
from ui.admin.screens import story_copy
from ui.context import AppContext
from ui.orders.page import OrdersPage
from ui.orders.refund_dialog import RETURN_COLUMN, RefundDialog
from ui.orders.section import OrdersSection
from ui.payments.screens import _pending_sales, _statement, private_copy
from ui.screenshots import WINDOW_SIZE, save, save_window
from ui.sell.screens import _window

Render = Callable[[AppContext, Path], None]
WINDOW = (1366, 700)


def render_orders_list(ctx: AppContext, out_dir: Path) -> None:
    """The last 7 days of orders with the newest refund selected."""
    with story_copy(ctx) as story:
        page = OrdersPage(story)
        page.resize(*WINDOW)
        page.show()
        page.period.setCurrentIndex(page.period.findData("7d"))
        refund = next((r for r in page.model.rows if r.kind == "sale" and r.refunded), None)
        page.select_order(refund.id if refund else None)
        save(page, out_dir / "orders_list.png")
        page.close()


def render_refund_dialog(ctx: AppContext, out_dir: Path) -> None:
    """The refund dialog of a multi-line sale, one item being returned, with a reason."""
    with story_copy(ctx) as story:
        page = OrdersPage(story)
        page.period.setCurrentIndex(page.period.findData("all"))
        sale = max((r for r in page.model.rows if r.kind == OrderKind.SALE and r.status == OrderStatus.PAID
                    and not r.refunded), key=lambda r: r.total)
        dialog = RefundDialog(story, sale.id)
        dialog.model.setData(dialog.model.index(0, RETURN_COLUMN), "1")
        dialog.reason.setEditText(dialog.tr("Barang rusak/cacat"))
        dialog.show()
        save(dialog, out_dir / "refund_dialog.png")
        dialog.close()
        page.close()


def render_orders_laptop(ctx: AppContext, out_dir: Path) -> None:
    """Pesanan in the main window at 1366×768: the sale with the most lines in the detail."""
    with story_copy(ctx) as story:
        window, _screen = _window(story)
        section = window.show_section(2)
        assert isinstance(section, OrdersSection)
        page = section.orders
        page.period.setCurrentIndex(page.period.findData("all"))
        sale = max((r for r in page.model.rows if r.kind == "sale"), key=lambda r: r.total)
        page.select_order(sale.id)
        save_window(window, out_dir / "orders_1366.png", WINDOW_SIZE)


def render_import_laptop(ctx: AppContext, out_dir: Path) -> None:
    """Pesanan → Konfirmasi pembayaran at 1366×768 right after a bank statement import."""
    with private_copy(ctx) as own, tempfile.TemporaryDirectory() as folder:
        dues = _pending_sales(own, 4)
        statement = _statement(Path(folder) / "mutasi.csv", own, dues)
        window, _screen = _window(own)
        section = window.show_section(2)
        assert isinstance(section, OrdersSection)
        section.setCurrentWidget(section.confirm)
        with own.db.unit_of_work() as session:
            result = service.import_statement(session, statement)
        section.confirm._imported(result)  # the worker's callback, run in line for the picture
        save_window(window, out_dir / "orders_import_1366.png", WINDOW_SIZE)


SCREENS: list[tuple[str, Render]] = [
    ("orders_list.png", render_orders_list),
    ("refund_dialog.png", render_refund_dialog),
    ("orders_1366.png", render_orders_laptop),
    ("orders_import_1366.png", render_import_laptop),
]
