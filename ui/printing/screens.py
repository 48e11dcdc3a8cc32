"""Screenshots of the printing screens for docs/screenshots (``make screenshots``).

Each entry of :data:`SCREENS` is ``(file name, render(ctx, out_dir))``. The renderers work
on a private copy of ``ctx``'s shop file (SQLite backup API), so the sale and the printer
profile made for the picture never touch the shop being documented.
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from app import shop
from app.cart import Cart, CartLine, Discount
from app.db import open_database
from app.payments.unique_code import allocate_unique_code
from app.printing.profile import ConnectionKind, PrinterProfile
from app.printing.service import save_profile
from app.sales import PaymentInput, checkout
from models import Product
from ui.context import AppContext
from ui.printing.preview_dialog import ReceiptPreviewDialog
from ui.printing.settings_tab import PrinterSettingsTab

Render = Callable[[AppContext, Path], None]
SAMPLE_PRINTER = PrinterProfile(name="Printer kasir depan", kind=ConnectionKind.NETWORK,
                                host="192.168.1.87", port=9100, paper_mm=58, has_cutter=True,
                                drawer_pin=2)


@contextmanager
def private_copy(ctx: AppContext) -> Iterator[AppContext]:
    """A context over a throw-away copy of the shop (with a bank account)."""
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "screens.sqlite"
        with sqlite3.connect(ctx.db.path) as source, sqlite3.connect(target) as copy:
            source.backup(copy)
        database = open_database(target)
        try:
            with database.unit_of_work() as session:
                if not shop.bank_accounts(session):
                    shop.add_bank_account(session, "BCA", "1234567890", "Siti Aminah")
            yield AppContext(db=database, user_id=ctx.user_id, user_name=ctx.user_name,
                             user_role=ctx.user_role)
        finally:
            database.close()


def _save(widget: QWidget, out_dir: Path, name: str, size: tuple[int, int]) -> None:
    widget.resize(*size)
    widget.show()
    QApplication.processEvents()
    out_dir.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(out_dir / name))
    widget.close()
    widget.deleteLater()


def sample_transfer_sale(ctx: AppContext) -> int:
    """Sell three stocked products (one weighed) by pending transfer; the order id."""
    with ctx.db.unit_of_work() as session:
        pieces = list(session.scalars(
            select(Product).where(Product.on_hand > 5, Product.sold_by_weight.is_(False),
                                  Product.archived.is_(False)).order_by(Product.id).limit(2)))
        weighed = session.scalars(
            select(Product).where(Product.on_hand > 2, Product.sold_by_weight.is_(True))
            .order_by(Product.id).limit(1)).first()
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
        pay = PaymentInput("transfer", cart.total, bank_account_id=account.id, unique_code=code)
        return int(checkout(session, cart, [pay], cashier_id=ctx.user_id).order_id)


def render_printer_settings(ctx: AppContext, out_dir: Path) -> None:
    """Pengaturan → Printer with a 58 mm network printer set up."""
    with private_copy(ctx) as copy:
        with copy.db.unit_of_work() as session:
            save_profile(session, SAMPLE_PRINTER)
        tab = PrinterSettingsTab(copy)
        tab._say(tab.tr("Cetak uji terkirim ke 192.168.1.87:9100. Periksa kertasnya: deretan "
                        "angka harus pas satu baris dan kode QR harus terbaca."))
        _save(tab, out_dir, "printer_settings.png", (760, 620))


def render_receipt_preview(ctx: AppContext, out_dir: Path) -> None:
    """The receipt preview of a pending transfer sale, as shown when no printer is set up."""
    with private_copy(ctx) as copy:
        order_id = sample_transfer_sale(copy)
        dialog = ReceiptPreviewDialog(copy, order_id)
        _save(dialog, out_dir, "receipt_preview.png", (dialog.width(), dialog.height()))


SCREENS: list[tuple[str, Render]] = [
    ("printer_settings.png", render_printer_settings),
    ("receipt_preview.png", render_receipt_preview),
]
