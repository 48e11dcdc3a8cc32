"""Screenshots of Buku Kas (``make screenshots``): the kas keluar dialog, the cash list, the
purchase screen and the purchases list with utang aging.

Each is rendered on a private copy of the demo shop with a short story: a shift opened this
morning, two kas keluar, suppliers, one purchase paid by bank and one owed past due.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from app import purchases, samples, suppliers
from app.cashbook import CashInput, record_cash
from app.clock import now_utc, today
from app.purchases import LineInput, PurchaseInput
from app.shifts import current_shift, open_shift
from contract.enums import CashCategory, CashDirection, MoneySource
from ui.books.cash_dialog import CashDialog
from ui.books.purchase_dialog import PurchaseDialog
from ui.books.section import BooksSection
from ui.context import AppContext
from ui.screenshots import WINDOW_SIZE, private_copy, save, save_window

Render = Callable[[AppContext, Path], None]


def _story(ctx: AppContext) -> list[tuple[int, str, int]]:
    """A shift with kas keluar, two suppliers and two purchases; returns a few (id, name, cost)."""
    with ctx.db.unit_of_work() as session:
        if current_shift(session) is None:
            open_shift(session, 300_000, user_id=ctx.user_id, now=now_utc() - timedelta(hours=3))
        record_cash(session, CashInput(CashDirection.OUT, CashCategory.ELECTRICITY, 100_000,
                                       "Token listrik"), user_id=ctx.user_id)
        record_cash(session, CashInput(CashDirection.OUT, CashCategory.TRANSPORT, 25_000,
                                       "Bensin antar galon"), user_id=ctx.user_id)
        record_cash(session, CashInput(CashDirection.IN, CashCategory.CAPITAL, 200_000,
                                       "Uang kecil dari Bu Siti"), user_id=ctx.user_id)
        rejeki = suppliers.create_supplier(session, suppliers.SupplierInput(
            "CV Sumber Rejeki", "081234567890", "Jl. Pasar Baru 12"))
        makmur = suppliers.create_supplier(session, suppliers.SupplierInput("UD Makmur Jaya", "0274 556677"))
        goods = [(int(p.id), p.name, max(p.cost, 1_000))
                 for p in samples.products(session, limit=3, weighed=False)]
        lines = [LineInput(pid, Decimal(24), cost) for pid, _n, cost in goods]
        purchases.create_purchase(session, PurchaseInput(
            rejeki.uuid, lines[:2], invoice_no="SR-2611-045", pay_source=MoneySource.BANK),
            user_id=ctx.user_id)
        purchases.create_purchase(session, PurchaseInput(
            makmur.uuid, lines[1:], invoice_no="MJ/0915", invoice_date=today() - timedelta(days=40),
            due_date=today() - timedelta(days=10)), user_id=ctx.user_id,
            now=now_utc() - timedelta(days=40))
    return goods


def render_cash_out_dialog(ctx: AppContext, out_dir: Path) -> None:
    """Kas keluar with the amount typed, Listrik picked and a note."""
    with private_copy(ctx) as own:
        _story(own)
        dialog = CashDialog(own, CashDirection.OUT)
        dialog.amount.setText("150.000")
        dialog._show_amount("150.000")
        dialog.category.setCurrentIndex(dialog.category.findData(CashCategory.GOODS.value))
        dialog.note.setText("Belanja telur dan gula di pasar")
        dialog.photo_label.setText("nota_pasar.jpg")
        dialog.show()
        save(dialog, out_dir / "books_cash_out_dialog.png")
        dialog.close()


def render_cash_list(ctx: AppContext, out_dir: Path) -> None:
    """Buku Kas → Kas masuk/keluar of the open shift."""
    with private_copy(ctx) as own:
        _story(own)
        section = BooksSection(own)
        save_window(section, out_dir / "books_cash_1366.png", WINDOW_SIZE)


def render_purchase_dialog(ctx: AppContext, out_dir: Path) -> None:
    """The purchase screen with a supplier, three lines, the invoice and a due date."""
    with private_copy(ctx) as own:
        goods = _story(own)
        dialog = PurchaseDialog(own)
        dialog.supplier.setCurrentIndex(dialog.supplier.findText("CV Sumber Rejeki"))
        for (pid, name, cost), qty in zip(goods, ("48", "24", "12"), strict=False):
            dialog.add_line(pid, name, str(cost), qty)
        dialog.invoice_no.setText("SR-2611-052")
        dialog.has_due.setChecked(True)
        dialog.search.setText("kopi")
        dialog.find_products("kopi")
        dialog.show()
        save(dialog, out_dir / "books_purchase_dialog.png")
        dialog.close()


def render_purchases_list(ctx: AppContext, out_dir: Path) -> None:
    """Buku Kas → Pembelian: one paid, one owed 10 days past due (orange), the aging line."""
    with private_copy(ctx) as own:
        _story(own)
        section = BooksSection(own)
        section.setCurrentWidget(section.purchases)
        section.purchases.reload()
        save_window(section, out_dir / "books_purchases_1366.png", WINDOW_SIZE)


SCREENS: list[tuple[str, Render]] = [
    ("books_cash_out_dialog.png", render_cash_out_dialog),
    ("books_cash_1366.png", render_cash_list),
    ("books_purchase_dialog.png", render_purchase_dialog),
    ("books_purchases_1366.png", render_purchases_list),
]
