"""Child process for the kasbon kill test: credit sales (all or part on kasbon) and kasbon
payments in a loop, each reported only once committed.

    python -m tests.reliability.kasbon_child DBPATH [SEED]

Prints ``READY``, then ``sale <order number>`` or ``pay <credit entry id>`` after each commit.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from sqlalchemy import select

from app import customers, kasbon, settings, shifts
from app.customers import CustomerInput
from app.db import Database, open_database
from app.kasbon_payments import PaymentIn
from app.sales import PaymentInput, checkout
from models import Product
from models.books import Customer
from tests.reliability.child import _cart, prepare_shop

NAMES = ("Bu Sari", "Pak Budi", "Mbak Rina", "Mas Joko")


def prepare_kasbon_shop(path: Path) -> None:
    """Products in stock (as the checkout kill test) and four customers with room for kasbon."""
    prepare_shop(path)
    database = open_database(path)
    try:
        with database.unit_of_work() as session:
            settings.set_value(session, "kasbon.default_limit", 10**11)
            if shifts.current_shift(session) is None:  # cash payments go into its drawer
                shifts.open_shift(session, 0)
            for i, name in enumerate(NAMES):
                customers.create_customer(session, CustomerInput(name, f"0812000000{i:02d}"))
    finally:
        database.close()


def _step(database: Database, products: list[tuple[int, str, str, int, bool]], who: str,
          rng: random.Random) -> str:
    if rng.random() < 0.3:
        with database.unit_of_work() as session:
            owed = kasbon.balance(session, who) - kasbon.pending_payments_total(session, who)
            if owed > 0:
                method = rng.choice(["cash", "transfer", "qris"])
                entry = kasbon.receive_payment(session, who, PaymentIn(method, rng.randint(1, owed)))
                session.flush()
                return f"pay {entry.id}"
    cart = _cart(products, rng)
    part = rng.randint(1, cart.total)
    pays = [PaymentInput("kasbon", part)] + ([PaymentInput("cash", cart.total - part)]
                                              if part < cart.total else [])
    with database.unit_of_work() as session:
        return "sale " + checkout(session, cart, pays, customer_uuid=who).number


def main(argv: list[str]) -> int:
    """Open the shop and sell on kasbon / take payments until killed."""
    database = open_database(Path(argv[0]))
    rng = random.Random(int(argv[1]) if len(argv) > 1 else None)
    with database.read() as session:
        products = [tuple(r) for r in session.execute(  # type: ignore[misc]
            select(Product.id, Product.name, Product.unit, Product.price, Product.sold_by_weight)
            .order_by(Product.id))]
        people = list(session.scalars(select(Customer.uuid)))
    sys.stdout.write("READY\n")
    sys.stdout.flush()
    while True:
        done = _step(database, products, rng.choice(people), rng)
        sys.stdout.write(done + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
