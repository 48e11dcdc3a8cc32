"""Screenshots of the Pesanan page and the refund dialog (``make screenshots``).

Rendered on a private copy of the shop after a short day at the till (see
:func:`ui.admin.screens.story_copy`), so the list shows a refund and a voided order.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ui.admin.screens import story_copy
from ui.context import AppContext
from ui.orders.refund_dialog import RETURN_COLUMN

Render = Callable[[AppContext, Path], None]
WINDOW = (1366, 700)


def render_orders_list(ctx: AppContext, out_dir: Path) -> None:
    """The last 7 days of orders with the newest refund selected."""
    from ui.orders.page import OrdersPage
    from ui.screenshots import save

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
    from ui.orders.page import OrdersPage
    from ui.orders.refund_dialog import RefundDialog
    from ui.screenshots import save

    with story_copy(ctx) as story:
        page = OrdersPage(story)
        page.period.setCurrentIndex(page.period.findData("all"))
        sale = max((r for r in page.model.rows if r.kind == "sale" and r.status == "paid"
                    and not r.refunded), key=lambda r: r.total)
        dialog = RefundDialog(story, sale.id)
        dialog.model.setData(dialog.model.index(0, RETURN_COLUMN), "1")
        dialog.reason.setEditText(dialog.tr("Barang rusak/cacat"))
        dialog.show()
        save(dialog, out_dir / "refund_dialog.png")
        dialog.close()
        page.close()


SCREENS: list[tuple[str, Render]] = [
    ("orders_list.png", render_orders_list),
    ("refund_dialog.png", render_refund_dialog),
]
