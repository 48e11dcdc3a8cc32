"""Screenshots of the customer picker at the till and the Pelanggan section with kasbon aging
(``make screenshots``), on a private copy of the demo shop given a few kasbon customers."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from app import customers, kasbon, samples
from app.cart import Cart, CartLine
from app.clock import now_utc
from app.customers import CustomerInput
from app.kasbon import PaymentIn
from app.sales import PaymentInput, checkout
from app.shifts import current_shift, open_shift
from contract.enums import PaymentMethod
from ui import screenshots
from ui.context import AppContext
from ui.customers.section import CustomersSection
from ui.sell.customer_picker import CustomerPicker
from ui.sell.screens import _window

Render = Callable[[AppContext, Path], None]
PELANGGAN = 3  # the section's place in ui.main_window.SECTIONS

# name, phone, group, [(days ago, pieces, on kasbon)], paid back in cash
STORY: tuple[tuple[str, str, str, tuple[tuple[int, int, bool], ...], int], ...] = (
    ("Bu Sari Warung Makan", "0812-3456-7001", "reseller", ((45, 6, True), (20, 4, True),
                                                            (3, 2, True)), 100_000),
    ("Pak Budi Santoso", "0813-2222-8080", "", ((12, 3, True), (1, 2, True)), 20_000),
    ("Mbak Rina", "0857-1111-2323", "", ((5, 2, True),), 0),
    ("Bu Warsini", "0819-9000-1212", "", ((35, 3, True),), 0),
    ("Mas Joko Bengkel", "0821-7777-0003", "", ((2, 1, False),), 0),
    ("Ibu Ratna", "", "", ((9, 2, True),), 0),
)


@contextmanager
def kasbon_copy(ctx: AppContext) -> Iterator[AppContext]:
    """A private copy of the shop with the customers of :data:`STORY` and their kasbon."""
    with screenshots.private_copy(ctx) as own:
        with own.db.unit_of_work() as session:
            products = samples.products(session, limit=4, more_than=20, weighed=False)
            lines = [(p.id, p.name, p.unit, p.price) for p in products]
            moment = now_utc()
            if current_shift(session) is None:  # the cash payments go into its drawer
                open_shift(session, 200_000, now=moment - timedelta(days=3))
            for name, phone, group, sales, paid in STORY:
                who = customers.create_customer(session, CustomerInput(name, phone, group_name=group,
                                                                       credit_limit=2_000_000))
                for number, (days, pieces, on_kasbon) in enumerate(sales):
                    pid, title, unit, price = lines[number % len(lines)]
                    cart = Cart()
                    cart.add(CartLine(pid, title, unit, Decimal(pieces), price, False))
                    method = PaymentMethod.KASBON if on_kasbon else PaymentMethod.CASH
                    checkout(session, cart, [PaymentInput(method, cart.total)], customer_uuid=who.uuid,
                             now=moment - timedelta(days=days, hours=2))
                if paid:
                    kasbon.receive_payment(session, who.uuid, PaymentIn(PaymentMethod.CASH, paid),
                                           now=moment - timedelta(days=2))
        yield own


def render_customer_picker(ctx: AppContext, out_dir: Path) -> None:
    """F11 at the till: "08" typed, the matching customers with their kasbon."""
    with kasbon_copy(ctx) as own:
        window, _screen = _window(own)
        picker = CustomerPicker(own, window)
        picker.search.setText("08")
        picker.refresh()
        picker.show()
        screenshots.save_on_screen(window, picker, out_dir / "customer_picker.png")
        picker.close()
        window.close()


def render_customers_section(ctx: AppContext, out_dir: Path) -> None:
    """Pelanggan at 1366×768: the list with kasbon aging, Bu Sari's page."""
    with kasbon_copy(ctx) as own:
        window, _screen = _window(own)
        section = window.show_section(PELANGGAN)
        assert isinstance(section, CustomersSection)
        section.reload()
        first = section.model.rows[0].uuid if section.model.rows else None
        if first is not None:
            section.open_customer(first)
        screenshots.save_window(window, out_dir / "customers_1366.png", screenshots.WINDOW_SIZE)


SCREENS: list[tuple[str, Render]] = [
    ("customer_picker.png", render_customer_picker),
    ("customers_1366.png", render_customers_section),
]
