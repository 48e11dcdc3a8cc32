"""Child process for the purchase kill test: purchases in a loop, each reported once committed.

    python -m tests.reliability.purchase_child DBPATH [SEED]

Prints ``READY``, then ``number total paid`` of every purchase, flushed only after its unit of
work committed (the screen says "Tersimpan" then). The parent kills it with SIGKILL.
"""

from __future__ import annotations

import random
import sys
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from app import catalog, purchases, suppliers
from app.db import Database, open_database
from app.purchases import LineInput, PurchaseInput
from app.shifts import current_shift, open_shift
from contract.enums import MoneySource
from models import Product


def prepare_shop(path: Path) -> None:
    """A shop file with a few products, a supplier and an open shift."""
    database = open_database(path)
    try:
        with database.unit_of_work() as session:
            for i in range(6):
                catalog.create_product(session, catalog.ProductInput(
                    sku=f"P{i}", name=f"Barang {i}", price=10_000 + i * 1_000))
            suppliers.create_supplier(session, suppliers.SupplierInput("CV Grosir Jaya"))
            open_shift(session, 10_000_000)
    finally:
        database.close()


def purchase_loop(database: Database, rng: random.Random) -> None:
    """Buy random goods forever, printing each purchase after its commit."""
    with database.read() as session:
        pids = list(session.scalars(select(Product.id).order_by(Product.id)))
        supplier = suppliers.list_suppliers(session)[0].uuid
        assert current_shift(session) is not None
    while True:
        lines = [LineInput(pid, Decimal(rng.randint(1, 50)), rng.randint(500, 9_000))
                 for pid in rng.sample(pids, rng.randint(1, 4))]
        source = rng.choice([MoneySource.DRAWER, MoneySource.BANK, None])
        with database.unit_of_work() as session:
            bought = purchases.create_purchase(session, PurchaseInput(
                supplier, lines, invoice_no=f"N{rng.randint(1, 99999)}", pay_source=source))
            number, total = bought.number, bought.total
        sys.stdout.write(f"{number} {total} {total if source else 0}\n")
        sys.stdout.flush()


def main(argv: list[str]) -> int:
    """Open the shop named on the command line and buy until killed."""
    database = open_database(Path(argv[0]))
    rng = random.Random(int(argv[1]) if len(argv) > 1 else None)
    sys.stdout.write("READY\n")
    sys.stdout.flush()
    purchase_loop(database, rng)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
