"""Screenshots of the pre-order dialog and the upcoming pickups list (``make screenshots``).

Rendered on a private copy of the demo shop with a few pre-orders: one overdue, one for
today, one for tomorrow and one later, with cash and (still pending) transfer DPs.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import time, timedelta
from decimal import Decimal
from pathlib import Path

from app import preorders, samples
from app.clock import at_shop_time, now_local
from app.preorders import DepositInput, LineInput, PreorderInput
from app.shifts import current_shift, open_shift
from contract.enums import PaymentMethod
from ui.context import AppContext
from ui.orders.preorders import PreordersTab
from ui.orders.preorders_dialog import PreorderDialog
from ui.screenshots import private_copy, save

Render = Callable[[AppContext, Path], None]
ORDERS = (  # (days from today, hour, customer, phone, item, qty, price, note, dp, method)
    (-1, 15, "Pak Joko", "+6281311112222", "Nasi tumpeng mini", 2, 175_000, "tanpa sambal",
     100_000, PaymentMethod.CASH),
    (0, 16, "Bu Sri Rahayu", "+6281234567890", "Kue tart coklat 20 cm", 1, 250_000,
     "Tulisan: Selamat Ulang Tahun Dina", 100_000, PaymentMethod.TRANSFER),
    (1, 10, "Mbak Rina", "+6285712345678", "Kue lapis legit", 3, 120_000, "potong kotak",
     150_000, PaymentMethod.CASH),
    (3, 9, "Toko Berkah", "", "Snack box isi 5", 50, 15_000, "warna kotak hijau", 250_000,
     PaymentMethod.QRIS),
)


def _seed(ctx: AppContext) -> None:
    """Four pre-orders around today (the overdue one moved back after saving)."""
    today = now_local().date()
    with ctx.db.unit_of_work() as session:
        if current_shift(session) is None:  # the cash DPs go into its drawer
            open_shift(session, 200_000)
        product = next(iter(samples.products(session, limit=1)), None)
        for days, hour, name, phone, item, qty, price, note, dp, method in ORDERS:
            due = at_shop_time(today + timedelta(days=max(days, 1)), time(hour))
            lines = [LineInput(item, Decimal(qty), price, note=note)]
            if product is not None and days == 1:
                lines.append(LineInput(product.name, Decimal(2), product.price,
                                       product_uuid=product.uuid, reserved=True))
            order = preorders.create(session, PreorderInput(
                due_at=due, customer_name=name, customer_phone=phone, lines=lines,
                deposit=DepositInput(method, dp)))
            if days < 1:
                order.due_at = at_shop_time(today + timedelta(days=days), time(hour))


def render_preorders_list(ctx: AppContext, out_dir: Path) -> None:
    """Pesanan → Pre-order: pickups by day, overdue/today/tomorrow highlighted."""
    with private_copy(ctx) as own:
        _seed(own)
        tab = PreordersTab(own)
        tab.resize(1280, 420)
        tab.show()
        save(tab, out_dir / "preorders_list.png")
        tab.close()


def render_preorder_dialog(ctx: AppContext, out_dir: Path) -> None:
    """A new pre-order: a catalog product kept aside, a made-to-order cake with its text, a DP."""
    with private_copy(ctx) as own:
        dialog = PreorderDialog(own)
        dialog.name.setText("Bu Sri Rahayu")
        dialog.phone.setText("0812 3456 7890")
        with own.db.read() as session:
            product = next(iter(samples.products(session, limit=1)), None)
            query = product.name if product is not None else ""
        for search, qty, price, note in ((query, "2", "", ""),
                                         ("Kue tart coklat 20 cm", "1", "250.000",
                                          "Tulisan: Selamat Ulang Tahun Dina, warna pink")):
            dialog.search.setText(search)
            dialog._pick_product()
            dialog.qty.setText(qty)
            if price:
                dialog.price.setText(price)
            dialog.note.setText(note)
            dialog._add_line()
        dialog.dp.setText("100.000")
        dialog.order_note.setText("Diambil sore, telepon dulu")
        dialog.show()
        save(dialog, out_dir / "preorder_dialog.png")
        dialog.close()


SCREENS: list[tuple[str, Render]] = [
    ("preorders_list.png", render_preorders_list),
    ("preorder_dialog.png", render_preorder_dialog),
]
