"""Screenshots of the PEKEN screens for docs/screenshots (``make screenshots``).

Each entry of :data:`SCREENS` is ``(file name, render(ctx, out_dir))``. The pictures are
made on a private copy of the shop file, with invented online orders applied to it, so the
documented shop is never touched.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from app import samples
from app.clock import now_utc
from app.sync import state
from app.sync.apply import apply_changes
from contract.enums import ChannelKind, OnlineOrderStatus, OrderStatus, PaymentMethod
from models import Product
from ui import screenshots
from ui.context import AppContext
from ui.sync.online_orders import OnlineOrdersWidget
from ui.sync.settings_tab import PekenSettingsTab

Render = Callable[[AppContext, Path], None]
BUYERS = ("Budi Santoso", "Rina Wulandari", "Agus Prasetyo", "Dewi Lestari", "Hendra Wijaya")


def _placed(products: list[Product], i: int) -> dict[str, Any]:
    when = now_utc() - timedelta(minutes=7 * i + 3)
    lines: list[dict[str, Any]] = []
    for product in products[i % 3: i % 3 + 2]:
        qty = 1 + i % 2
        lines.append({"product_uuid": product.uuid, "name": product.name, "unit": product.unit,
                      "price": product.price, "qty": f"{qty}.000", "line_total": product.price * qty})
    total = sum(x["line_total"] for x in lines)
    return {"seq": i + 1, "kind": "order.placed", "origin_device_id": None, "payload": {
        "order_id": str(uuid.uuid4()), "status": OnlineOrderStatus.PLACED, "buyer_name": BUYERS[i % 5],
        "phone": f"08123456{i:04d}", "pay_method": PaymentMethod.TRANSFER, "total": total,
        "unique_code": 100 + i * 37, "created_at": when.isoformat(),
        "expires_at": (when + timedelta(days=1)).isoformat(), "lines": lines}}


def demo_orders(ctx: AppContext, count: int = 5) -> None:
    """Apply invented buyer orders to the (private) shop; move some along."""
    with ctx.db.unit_of_work() as session:
        products = samples.products(session, limit=6)
        apply_changes(session, [_placed(products, i) for i in range(count)])
        orders = samples.orders_from(session, ChannelKind.ONLINE)
        for order, status in zip(orders, (OrderStatus.PAID, OrderStatus.PENDING), strict=False):
            order.status = status


def render_settings(ctx: AppContext, out_dir: Path) -> None:
    """Pengaturan → PEKEN of an enrolled booth laptop."""
    with screenshots.private_copy(ctx) as copy:
        with copy.db.unit_of_work() as session:
            state.put(session, state.SERVER_URL, "https://peken.surabaya.go.id")
            state.put(session, state.DEVICE_TOKEN, "contoh")
            state.put(session, state.SHOP_ID, "128")
            state.note_success(session, now_utc() - timedelta(minutes=4))
        screenshots.save_window(PekenSettingsTab(copy), out_dir / "peken_settings.png", (820, 520))


def render_online_orders(ctx: AppContext, out_dir: Path) -> None:
    """The online orders list with new, accepted and paid orders."""
    with screenshots.private_copy(ctx) as copy:
        demo_orders(copy)
        widget = OnlineOrdersWidget(copy)
        widget.table.selectRow(0)
        widget.table.resizeColumnsToContents()
        screenshots.save_window(widget, out_dir / "online_orders.png", (980, 460))


SCREENS: list[tuple[str, Render]] = [
    ("peken_settings.png", render_settings),
    ("online_orders.png", render_online_orders),
]
