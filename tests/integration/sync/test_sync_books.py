"""The money book through a real catalog server: a customer made on the booth appears on the
counter, an edit made later on the counter reaches the booth, a device enrolled afterwards
gets the book too (its snapshot has no customers), nothing doubles."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import func, select

from app.db import Database
from app.sync.books import share
from app.sync.engine import SyncEngine
from models import OutboxOp
from models.books import Customer
from tests.integration.sync.conftest import Catalog


def _customers(db: Database) -> list[tuple[str, str, str]]:
    with db.read() as session:
        return [(c.uuid, c.name, c.phone) for c in
                session.scalars(select(Customer).order_by(Customer.name))]


def test_customer_made_on_one_device_appears_on_the_other(
    catalog_server: Catalog, shop_factory: Callable[[str], Database]
) -> None:
    booth, counter = shop_factory("booth"), shop_factory("counter")
    seller = catalog_server.new_seller("Toko Kue Bu Sri")
    catalog_server.enroll(booth, seller, "Booth bazar")
    catalog_server.enroll(counter, seller, "Kasir toko")
    a, b = SyncEngine(booth), SyncEngine(counter)
    a.run_round()
    b.run_round()
    with booth.unit_of_work() as session:
        customer = Customer(name="Pak Joko", phone="+6281234500001")
        session.add(customer)
        share(session, customer)
        key = customer.uuid
    assert a.run_round().rejected == 0
    b.run_round()
    assert _customers(counter) == [(key, "Pak Joko", "+6281234500001")]
    with counter.unit_of_work() as session:
        row = session.scalars(select(Customer).where(Customer.uuid == key)).one()
        row.phone = "+6281234500002"
        share(session, row)
    for engine in (b, a, b):
        assert engine.run_round().rejected == 0
    assert _customers(booth) == _customers(counter) == [(key, "Pak Joko", "+6281234500002")]
    office = shop_factory("office")  # joins later: from the snapshot, the book still comes
    catalog_server.enroll(office, seller, "Laptop kantor")
    assert SyncEngine(office).run_round().rejected == 0
    assert _customers(office) == _customers(counter)
    for db in (booth, counter, office):
        with db.read() as session:
            assert session.scalar(select(func.count()).select_from(Customer)) == 1
            assert set(session.scalars(select(OutboxOp.status))) <= {"acked"}
