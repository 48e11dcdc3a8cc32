"""Property: random per-field edits from 3 devices, applied in random orders, converge to
the same product — on three real shop files and in the server's field store — and that
product holds, per field, the value of the edit with the greatest stamp."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from app.db import Database
from app.sync.apply import apply_changes
from app.sync.fields import category_name, product_fields
from models import Product
from server.models import Base as ServerBase
from server.models import Listing
from server.sync.fields import FieldStore
from tests.shop_template import new_shop

FIELDS = ("name", "price", "cost", "unit", "category", "published", "archived",
          "sold_by_weight", "min_stock", "barcodes", "sku")
UNITS = ("pcs", "kg", "pak", "dus")
BASE_WALL = 1_790_000_000_000_000

Edit = tuple[int, str, int, int]  # device, field, value index, wall offset (µs)


def value_of(field: str, i: int, key: str) -> Any:
    """The ``i``-th test value of a field (barcodes and SKUs unique to the product)."""
    return {
        "name": f"Nama Barang {i}", "price": 1_000 * (i + 1), "cost": 100 * i,
        "unit": UNITS[i], "category": f"Kategori {i}", "published": bool(i % 2),
        "archived": i == 3, "sold_by_weight": bool(i % 2), "min_stock": f"{i}.500",
        "barcodes": [f"{key[:8]}{i}", f"{key[:8]}{i}9"][: 1 + i % 2], "sku": f"S{key[:6]}{i}",
    }[field]


def stamps(edits: list[Edit]) -> list[str]:
    """HLC stamps: each device counts its own events, so no device repeats a stamp."""
    counters = [0, 0, 0]
    out = []
    for device, _field, _i, offset in edits:
        counters[device] += 1
        out.append(f"{BASE_WALL + offset:016d}-{counters[device]:06d}-dev{device}")
    return out


def change(key: str, seq: int, field: str, value: Any, stamp: str) -> dict[str, Any]:
    """A ``product.fields`` change of one field."""
    return {"seq": seq, "kind": "product.fields", "origin_device_id": 1,
            "payload": {"product_uuid": key, "fields": {field: {"value": value, "hlc": stamp}}}}


@pytest.fixture(scope="module")
def devices(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[Database]]:
    """Three shop files (each example edits a new product in all three)."""
    folder = tmp_path_factory.mktemp("devices")
    dbs = [new_shop(folder / f"device{i}.sqlite") for i in range(3)]
    yield dbs
    for db in dbs:
        db.close()


@pytest.fixture(scope="module")
def server_session() -> Iterator[Session]:
    """The server's schema in memory (each order merges in its own rolled-back transaction)."""
    engine = create_engine("sqlite://")
    ServerBase.metadata.create_all(engine)
    with Session(engine) as session:
        yield session


def device_state(db: Database, key: str) -> dict[str, Any]:
    """The product's shared fields on one device."""
    with db.read() as session:
        product = session.scalars(select(Product).where(Product.uuid == key)).one()
        return product_fields(product, category_name(session, product))


def server_state(session: Session, key: str, edits: list[tuple[str, Any, str]]) -> dict[str, Any]:
    """Merge the edits in the given order into the server's field store; the stored values."""
    store = FieldStore(session)
    listing = Listing(uuid=key, seller_id=1, sku="", name="", price=0, unit="pcs", category="",
                      published=False, on_hand_milli=0, reserved_milli=0)
    with session.no_autoflush:
        for field, value, stamp in edits:
            store.merge(listing, {field: (value, stamp)})
    result = {name: row.value for name, row in store.of(key).items()}
    session.rollback()
    return result


edit_lists = st.lists(st.tuples(st.integers(0, 2), st.sampled_from(FIELDS), st.integers(0, 3),
                                st.integers(0, 3)), min_size=1, max_size=14)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits=edit_lists, data=st.data())
def test_random_field_edits_converge_in_any_order(
    devices: list[Database], server_session: Session, edits: list[Edit], data: st.DataObject
) -> None:
    key = str(uuid.uuid4())
    stamped = [(field, value_of(field, i, key), stamp)
               for (_d, field, i, _o), stamp in zip(edits, stamps(edits), strict=True)]
    expected = {}
    for field, value, _stamp in sorted(stamped, key=lambda e: e[2]):
        expected[field] = value  # the greatest stamp per field wins
    states = []
    for db in devices:
        order = data.draw(st.permutations(stamped))
        with db.unit_of_work() as session:
            apply_changes(session, [change(key, n, f, v, s) for n, (f, v, s) in enumerate(order)])
        states.append(device_state(db, key))
    assert states[0] == states[1] == states[2]
    for field, value in expected.items():
        got = states[0][field]
        assert (Decimal(got) == Decimal(value)) if field == "min_stock" else got == value, field
    servers = [server_state(server_session, key, data.draw(st.permutations(stamped)))
               for _ in range(3)]
    assert servers[0] == servers[1] == servers[2] == expected
