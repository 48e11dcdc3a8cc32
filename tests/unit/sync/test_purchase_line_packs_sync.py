"""A purchase bought in packs reaches the shop's other device with its pack and its exact money
(10 renteng at Rp40.000 owe Rp400.000 there too); the pack fields are optional on the wire (a
line from an older device reads as bought in base units) and checked as strictly as the rest."""

from __future__ import annotations

import json
import shutil
import uuid
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError as PydanticValidationError
from sqlalchemy import select

from app import purchases, suppliers
from app.db import Database, open_database
from app.purchases import LineInput, PurchaseInput
from app.sync.apply import apply_changes
from contract.books import BookRecordPayload
from models import OutboxOp, Purchase, PurchaseLine
from models.pricing import ProductPack
from tests.unit.foundation_kit import add_product

STAMP = "1764471600000000-000000-abc"
LINE = {"device": "K2", "created_at": "2026-11-30T03:00:00+00:00",
        "purchase_uuid": "30000000-0000-4000-8000-000000000001",
        "product_uuid": "00000000-0000-4000-8000-000000000001", "name": "Mi Goreng",
        "qty_ordered": "120", "qty_received": "120", "unit_cost": 3_333}


@pytest.fixture
def pair(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Iterator[tuple[Database, Database]]:
    """The booth, where the purchase is typed, and the counter device of the same shop."""
    template = tmp_path_factory.getbasetemp() / "purchase-packs-template.sqlite"
    if not template.exists():
        open_database(template).close()
    devices = []
    for name in ("booth", "counter"):
        path = tmp_path / f"{name}-{uuid.uuid4().hex[:8]}.sqlite"
        shutil.copy(template, path)
        devices.append(open_database(path))
    yield devices[0], devices[1]
    for device in devices:
        device.close()


def _drain(db: Database) -> list[dict[str, Any]]:
    with db.unit_of_work() as session:
        ops = list(session.scalars(select(OutboxOp).where(OutboxOp.status == "pending",
                                                          OutboxOp.kind == "book.record")
                                   .order_by(OutboxOp.seq)))
        for op in ops:
            op.status = "acked"
        return [{"seq": i + 1, "kind": op.kind, "origin_device_id": 1,
                 "payload": json.loads(op.payload)} for i, op in enumerate(ops)]


def test_a_purchase_in_renteng_keeps_its_pack_and_money_on_the_other_device(
        pair: tuple[Database, Database]) -> None:
    booth, counter = pair
    with booth.unit_of_work() as session:
        pid = add_product(session, "M1", "Mi Goreng", 3_500)
        pack = ProductPack(product_id=pid, name="renteng", factor=Decimal(12), price=41_000)
        session.add(pack)
        supplier = suppliers.create_supplier(session, suppliers.SupplierInput("CV Sumber Rejeki"))
        session.flush()
        bought = purchases.create_purchase(session, PurchaseInput(
            supplier.uuid, [LineInput(pid, Decimal(10), 40_000, pack_id=pack.id)]))
        key = bought.uuid
    changes = _drain(booth)
    sent = [c["payload"]["fields"] for c in changes if c["payload"]["record"] == "purchase_line"]
    assert [(f["pack_name"], Decimal(f["pack_factor"]), f["pack_cost"], f["unit_cost"]) for f in sent] == [
        ("renteng", 12, 40_000, 3_333)]
    with counter.unit_of_work() as session:
        apply_changes(session, changes)
    with counter.read() as session:
        line = session.scalars(select(PurchaseLine)).one()
        there = session.scalars(select(Purchase).where(Purchase.uuid == key)).one()
        assert (line.qty_received, line.unit_cost) == (Decimal(120), 3_333)
        assert (line.pack_name, line.pack_factor, line.pack_cost) == ("renteng", Decimal(12), 40_000)
        assert purchases.line_amount(line) == there.total == 400_000 == purchases.owed(session, there)


def test_a_line_from_an_older_device_reads_as_bought_in_base_units() -> None:
    fields = BookRecordPayload(record="purchase_line", uuid=uuid.uuid4(), stamp=STAMP, fields=LINE).fields
    assert (fields["pack_name"], fields["pack_factor"], fields["pack_cost"]) == ("", "1", None)


@pytest.mark.parametrize("bad", [
    {"pack_name": "renteng", "pack_cost": True},
    {"pack_name": "renteng", "pack_cost": "40000"},
    {"pack_name": "renteng", "pack_cost": -1},
    {"pack_name": "renteng", "pack_cost": 10**15},
    {"pack_name": "renteng", "pack_cost": 40_000, "pack_factor": "0"},
    {"pack_name": "renteng", "pack_cost": 40_000, "pack_factor": "1.0001"},
    {"pack_name": "renteng", "pack_cost": 40_000, "pack_factor": 12},
    {"pack_name": "r" * 21, "pack_cost": 40_000},
    {"pack_name": "ren\u202eteng", "pack_cost": 40_000},
    {"pack_name": "ren\nteng"},
    {"pack_cost": 40_000},  # a price per pack with no pack
])
def test_pack_fields_are_checked_strictly(bad: dict[str, object]) -> None:
    good = LINE | {"pack_name": "renteng", "pack_factor": "12", "pack_cost": 40_000}
    BookRecordPayload(record="purchase_line", uuid=uuid.uuid4(), stamp=STAMP, fields=good)
    with pytest.raises(PydanticValidationError):
        BookRecordPayload(record="purchase_line", uuid=uuid.uuid4(), stamp=STAMP, fields=LINE | bad)
