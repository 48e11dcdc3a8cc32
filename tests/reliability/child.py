"""Child process for the kill test: checkouts in a loop, reporting each one only once committed.

    python -m tests.reliability.child DBPATH [SEED]

Prints ``READY`` once the shop is open, then the order number of every checkout,
flushed only after its unit of work committed. The parent kills it with SIGKILL.
"""

from __future__ import annotations

import random
import sys
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from app import catalog, inventory
from app.cart import Cart, CartLine, Discount
from app.db import Database, open_database
from app.sales import PaymentInput, checkout
from models import Product

PRODUCTS = [  # sku, name, price, sold by weight
    ("R1", "Mie Instan Indomie Goreng", 3_500, False),
    ("R2", "Kopi Kapal Api Special 165 g", 14_500, False),
    ("R3", "Gula Pasir Gulaku 1 kg", 18_500, False),
    ("R4", "Minyak Goreng Bimoli 2 L", 39_500, False),
    ("R5", "Beras Pandan Wangi", 15_500, True),
    ("R6", "Telur Ayam Negeri", 28_000, True),
    ("R7", "Sabun Mandi Lifebuoy", 4_000, False),
    ("R8", "Teh Celup Sariwangi 25s", 7_500, False),
]


def prepare_shop(path: Path) -> None:
    """Create the shop file with a few products in stock."""
    database = open_database(path)
    try:
        with database.unit_of_work() as session:
            for sku, name, price, weighed in PRODUCTS:
                pid = catalog.create_product(session, catalog.ProductInput(
                    sku=sku, name=name, price=price, unit="kg" if weighed else "pcs",
                    sold_by_weight=weighed))
                inventory.receive(session, pid, Decimal(100_000))
    finally:
        database.close()


Row = tuple[int, str, str, int, bool]


def _cart(products: list[Row], rng: random.Random) -> Cart:
    cart = Cart()
    for pid, name, unit, price, weighed in rng.sample(products, rng.randint(1, 5)):
        qty = Decimal(rng.randint(1, 2500)) / 1000 if weighed else Decimal(rng.randint(1, 4))
        cart.add(CartLine(pid, name, unit, qty, price, weighed))
    if rng.random() < 0.2:
        cart.discount = Discount("percent", Decimal(rng.choice([5, 10])))
    return cart


def _payments(total: int, rng: random.Random) -> list[PaymentInput]:
    if total > 2 and rng.random() < 0.3:
        part = rng.randint(1, total - 1)
        return [PaymentInput("cash", part, part + rng.randint(0, 5000)),
                PaymentInput("qris", total - part)]
    return [PaymentInput("cash", total, total + rng.randint(0, 50_000))]


def checkout_loop(database: Database, rng: random.Random) -> None:
    """Check out random carts forever, printing each number after its commit."""
    with database.read() as session:
        products: list[Row] = [tuple(r) for r in session.execute(  # type: ignore[misc]
            select(Product.id, Product.name, Product.unit, Product.price, Product.sold_by_weight)
            .order_by(Product.id))]
    while True:
        cart = _cart(products, rng)
        with database.unit_of_work() as session:
            result = checkout(session, cart, _payments(cart.total, rng))
        sys.stdout.write(result.number + "\n")
        sys.stdout.flush()


def main(argv: list[str]) -> int:
    """Open the shop named on the command line and sell until killed."""
    database = open_database(Path(argv[0]))
    rng = random.Random(int(argv[1]) if len(argv) > 1 else None)
    sys.stdout.write("READY\n")
    sys.stdout.flush()
    checkout_loop(database, rng)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
