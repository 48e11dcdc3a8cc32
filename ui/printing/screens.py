"""Screenshots of the printing screens for docs/screenshots (``make screenshots``).

Each entry of :data:`SCREENS` is ``(file name, render(ctx, out_dir))``. The renderers work
on a private copy of ``ctx``'s shop file (SQLite backup API), so the sale and the printer
profile made for the picture never touch the shop being documented.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

from app import samples, shop
from app.cart import Cart, CartLine, Discount
from app.payments import service
from app.payments.unique_code import allocate_unique_code
from app.printing.profile import ConnectionKind, PrinterProfile
from app.printing.service import save_profile
from app.sales import PaymentInput, checkout
from contract.enums import PaymentMethod
from ui import screenshots
from ui.context import AppContext
from ui.payments.screens import private_copy as payments_copy
from ui.printing.preview_dialog import ReceiptPreviewDialog
from ui.printing.settings_tab import PrinterSettingsTab

Render = Callable[[AppContext, Path], None]
SAMPLE_PRINTER = PrinterProfile(name="Printer kasir depan", kind=ConnectionKind.NETWORK,
                                host="192.168.1.87", port=9100, paper_mm=58, has_cutter=True,
                                drawer_pin=2)


@contextmanager
def private_copy(ctx: AppContext) -> Iterator[AppContext]:
    """A throw-away copy of the shop with a bank account (for the transfer box)."""
    with screenshots.private_copy(ctx) as own:
        with own.db.unit_of_work() as session:
            if not shop.bank_accounts(session):
                shop.add_bank_account(session, "BCA", "1234567890", "Siti Aminah")
        yield own


def sample_transfer_sale(ctx: AppContext) -> int:
    """Sell three stocked products (one weighed) by pending transfer; the order id."""
    with ctx.db.unit_of_work() as session:
        pieces = samples.products(session, more_than=5, weighed=False, limit=2)
        weighed = next(iter(samples.products(session, more_than=2, weighed=True, active_only=False,
                                             limit=1)), None)
        cart = Cart()
        for product, qty in zip(pieces, ("2", "1"), strict=False):
            cart.add(CartLine(product.id, product.name, product.unit, Decimal(qty),
                              product.price))
        if weighed is not None:
            cart.add(CartLine(weighed.id, weighed.name, weighed.unit, Decimal("1.5"),
                              weighed.price, True))
        if cart.lines:
            cart.lines[0].discount = Discount("amount", Decimal(1_000))
        account = shop.bank_accounts(session)[0]
        code = allocate_unique_code(cart.total, set())
        pay = PaymentInput(PaymentMethod.TRANSFER, cart.total, bank_account_id=account.id, unique_code=code)
        return int(checkout(session, cart, [pay], cashier_id=ctx.user_id).order_id)


def render_printer_settings(ctx: AppContext, out_dir: Path) -> None:
    """Pengaturan → Printer with a 58 mm network printer set up."""
    with private_copy(ctx) as copy:
        with copy.db.unit_of_work() as session:
            save_profile(session, SAMPLE_PRINTER)
        tab = PrinterSettingsTab(copy)
        tab._say(tab.tr("Cetak uji terkirim ke 192.168.1.87:9100. Periksa kertasnya: deretan "
                        "angka harus pas satu baris dan kode QR harus terbaca."))
        screenshots.save_window(tab, out_dir / "printer_settings.png", (760, 620))


def render_receipt_preview(ctx: AppContext, out_dir: Path) -> None:
    """The receipt preview of a pending transfer sale, as shown when no printer is set up."""
    with private_copy(ctx) as copy:
        order_id = sample_transfer_sale(copy)
        dialog = ReceiptPreviewDialog(copy, order_id)
        screenshots.save_window(dialog, out_dir / "receipt_preview.png", (dialog.width(), dialog.height()))


def render_receipt_preview_qris(ctx: AppContext, out_dir: Path) -> None:
    """The preview of a QRIS sale waiting for its money: the code beside the receipt text."""
    with payments_copy(ctx) as copy:
        with copy.db.unit_of_work() as session:
            product = next(iter(samples.products(session, more_than=5, active_only=False,
                                                 limit=1)), None)
            assert product is not None
            cart = Cart()
            cart.add(CartLine(product.id, product.name, product.unit, Decimal(2), product.price))
            payload = service.qris_for(session, cart.total)
            pay = PaymentInput(PaymentMethod.QRIS, cart.total, qris_payload=payload)
            order_id = int(checkout(session, cart, [pay], cashier_id=copy.user_id).order_id)
        dialog = ReceiptPreviewDialog(copy, order_id)
        screenshots.save_window(dialog, out_dir / "receipt_preview_qris.png",
                                (dialog.width(), dialog.height()))


SCREENS: list[tuple[str, Render]] = [
    ("printer_settings.png", render_printer_settings),
    ("receipt_preview.png", render_receipt_preview),
    ("receipt_preview_qris.png", render_receipt_preview_qris),
]
