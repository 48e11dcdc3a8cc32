"""The money book between a shop's devices (``book.record``): shared in the writer's
transaction, merged last-writer-wins by stamp, ledger rows once; both devices converge
whatever order (and however often) the changes arrive."""

from __future__ import annotations

import json
import shutil
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError as PydanticValidationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import Database, open_database
from app.sync import hlc
from app.sync.apply import apply_changes
from app.sync.books import MODELS, record_fields, share
from contract.books import BookRecordPayload
from contract.enums import PaymentMethod, PaymentStatus, PreorderStatus
from contract.errors import ValidationError
from models import OutboxOp
from models.books import Customer, Preorder, PreorderLine, PreorderPayment

DUE = datetime(2026, 12, 24, 3, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated shop file, copied for each device of each example (fast)."""
    path = tmp_path_factory.mktemp("books") / "template.sqlite"
    open_database(path).close()
    return path


def _device(template: Path, folder: Path, name: str) -> Database:
    path = folder / f"{name}-{uuid.uuid4().hex[:8]}.sqlite"
    shutil.copy(template, path)
    return open_database(path)


@pytest.fixture
def pair(template: Path, tmp_path: Path) -> Iterator[tuple[Database, Database]]:
    """A booth and a counter device of one shop."""
    a, b = _device(template, tmp_path, "booth"), _device(template, tmp_path, "counter")
    yield a, b
    a.close()
    b.close()


def _drain(db: Database) -> list[dict[str, Any]]:
    """The book.record ops queued on a device (marked sent), as server changes."""
    with db.unit_of_work() as session:
        ops = list(session.scalars(select(OutboxOp).where(OutboxOp.status == "pending",
                                                          OutboxOp.kind == "book.record")
                                   .order_by(OutboxOp.seq)))
        for op in ops:
            op.status = "acked"
        return [{"seq": 0, "kind": op.kind, "origin_device_id": 1,
                 "payload": json.loads(op.payload)} for op in ops]


def _deliver(db: Database, changes: list[dict[str, Any]]) -> None:
    with db.unit_of_work() as session:
        apply_changes(session, [c | {"seq": i + 1} for i, c in enumerate(changes)])


def _state(db: Database) -> dict[str, dict[str, Any]]:
    """Every book record on the device: uuid → synced fields and stamp."""
    out: dict[str, dict[str, Any]] = {}
    with db.read() as session:
        for model in MODELS.values():
            for row in session.scalars(select(model)):
                out[row.uuid] = record_fields(row) | {"stamp": row.stamp}
    return out


def _new_customer(session: Session, name: str) -> str:
    customer = Customer(name=name, phone="+628123456789")
    session.add(customer)
    share(session, customer)
    return customer.uuid


def _new_preorder(session: Session, number: str) -> str:
    order = Preorder(number=number, customer_name="Bu Sri", due_at=DUE, total=150_000)
    session.add(order)
    share(session, order)
    line = PreorderLine(preorder_uuid=order.uuid, name="Kue ulang tahun", qty=Decimal(1),
                        unit_price=150_000, note="Tulisan: Selamat ulang tahun Dina")
    session.add(line)
    share(session, line)
    return order.uuid


def test_share_stamps_the_row_and_queues_one_checked_op(pair: tuple[Database, Database]) -> None:
    booth, _counter = pair
    with booth.unit_of_work() as session:
        key = _new_customer(session, "Pak Joko")
        row = session.scalars(select(Customer).where(Customer.uuid == key)).one()
        assert row.device == "K1" and row.stamp and hlc.Stamp.parse(row.stamp) is not None
        op = session.scalars(select(OutboxOp)).one()
        sent = BookRecordPayload.model_validate(json.loads(op.payload))
        assert (sent.record, str(sent.uuid), sent.stamp) == ("customer", key, row.stamp)
        assert sent.fields["name"] == "Pak Joko" and "id" not in sent.fields
    with pytest.raises(ValidationError), booth.unit_of_work() as session:  # refused: not queued
        _new_customer(session, "Bu\u202eSri")
    with booth.read() as session:
        assert session.scalar(select(func.count()).select_from(Customer)) == 1
        assert session.scalar(select(func.count()).select_from(OutboxOp)) == 1


def test_customer_made_on_one_device_appears_on_the_other_once(
    pair: tuple[Database, Database],
) -> None:
    booth, counter = pair
    with booth.unit_of_work() as session:
        key = _new_customer(session, "Pak Joko")
        order = _new_preorder(session, "PO-K2-20261130-0001")
    changes = _drain(booth)
    _deliver(counter, changes)
    _deliver(counter, changes)  # re-delivered: nothing doubles
    _deliver(booth, changes)  # its own changes come back: nothing changes
    assert _state(counter) == _state(booth)
    with counter.read() as session:
        assert session.scalar(select(Customer.name).where(Customer.uuid == key)) == "Pak Joko"
        line = session.scalars(select(PreorderLine).where(PreorderLine.preorder_uuid == order)).one()
        assert line.qty == Decimal(1) and line.note.startswith("Tulisan")
        assert session.scalar(select(func.count()).select_from(OutboxOp)) == 0  # no echo


def test_ledger_row_keeps_its_amount_and_only_its_payment_state_moves(
    pair: tuple[Database, Database],
) -> None:
    booth, counter = pair
    with booth.unit_of_work() as session:
        order = _new_preorder(session, "PO-K2-20261130-0002")
        dp = PreorderPayment(preorder_uuid=order, method=PaymentMethod.TRANSFER, amount=50_000,
                             status=PaymentStatus.PENDING)
        session.add(dp)
        share(session, dp)
        key = dp.uuid
    first = _drain(booth)
    _deliver(counter, first)
    forged = json.loads(json.dumps(first[-1]))  # a newer stamp claiming another amount
    newer = hlc.Stamp.parse(forged["payload"]["stamp"])
    assert newer is not None
    forged["payload"]["stamp"] = str(hlc.Stamp(newer.wall + 10, 0, newer.node))
    forged["payload"]["fields"] |= {"amount": 1, "status": PaymentStatus.CONFIRMED}
    _deliver(counter, [forged, *first])
    with counter.read() as session:
        rows = list(session.scalars(select(PreorderPayment)))
        assert [(r.uuid, r.amount, r.status) for r in rows] == [(key, 50_000,
                                                                 PaymentStatus.CONFIRMED)]


def test_contract_refuses_bool_money_long_text_and_bidi_names() -> None:
    fields: dict[str, Any] = {"preorder_uuid": str(uuid.uuid4()), "method": "cash",
                              "amount": 5000, "created_at": "2026-11-30T03:00:00+00:00"}
    base: dict[str, Any] = {"record": "preorder_payment", "uuid": str(uuid.uuid4()),
                            "stamp": "1764471600000000-000000-abc", "fields": fields}
    assert BookRecordPayload.model_validate(base).fields["amount"] == 5000
    for bad in ({"amount": True}, {"amount": "5000"}, {"amount": 0}, {"amount": 10**13},
                {"method": "cek"}, {"reference": "x" * 121}, {"created_at": "2999-01-01T00:00:00Z"}):
        with pytest.raises(PydanticValidationError):
            BookRecordPayload.model_validate(base | {"fields": fields | bad})
    customer = base | {"record": "customer", "fields": {
        "name": "Bu\u202eSri", "created_at": "2026-11-30T03:00:00+00:00",
        "updated_at": "2026-11-30T03:00:00+00:00"}}
    with pytest.raises(PydanticValidationError):
        BookRecordPayload.model_validate(customer)


# ----- two devices, random interleaved edits, any delivery order --------------------------------

Edit = tuple[str, str, int, int]  # (device, action, which record, value)
EDITS = st.lists(st.tuples(st.sampled_from(["a", "b"]),
                           st.sampled_from(["rename", "note", "status", "dp", "confirm"]),
                           st.integers(0, 2), st.integers(0, 9)), min_size=1, max_size=16)


def _edit(session: Session, action: str, customers: list[str], orders: list[str], which: int,
          value: int) -> None:
    if action == "rename":
        row: Any = session.scalars(select(Customer).where(Customer.uuid == customers[which])).one()
        row.name, row.phone = f"Pelanggan {value}", f"+62812{value:06d}"
    elif action in ("note", "status"):
        row = session.scalars(select(Preorder).where(Preorder.uuid == orders[which])).one()
        if action == "note":
            row.note = f"Warna {value}\nukuran {value + 20} cm"
        else:
            row.status = list(PreorderStatus)[value % len(PreorderStatus)]
    elif action == "dp":
        row = PreorderPayment(preorder_uuid=orders[which], method=PaymentMethod.TRANSFER,
                              amount=10_000 * (value + 1), status=PaymentStatus.PENDING)
        session.add(row)
    else:
        row = session.scalars(select(PreorderPayment).where(
            PreorderPayment.status == PaymentStatus.PENDING).limit(1)).first()
        if row is None:
            return
        row.status = PaymentStatus.CONFIRMED
    share(session, row)


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(edits=EDITS, data=st.data())
def test_two_devices_converge_whatever_order_changes_arrive(
    template: Path, tmp_path: Path, edits: list[Edit], data: st.DataObject,
) -> None:
    dbs = {"a": _device(template, tmp_path, "a"), "b": _device(template, tmp_path, "b")}
    try:
        with dbs["a"].unit_of_work() as session:
            customers = [_new_customer(session, f"Pelanggan awal {i}") for i in range(3)]
            orders = [_new_preorder(session, f"PO-K1-20261130-{i:04d}") for i in range(3)]
        _deliver(dbs["b"], _drain(dbs["a"]))
        log: list[dict[str, Any]] = []
        for device, action, which, value in edits:  # each device edits offline
            with dbs[device].unit_of_work() as session:
                _edit(session, action, customers, orders, which, value)
            if data.draw(st.booleans(), label=f"sync {device} now"):
                log.extend(_drain(dbs[device]))
        log.extend(_drain(dbs["a"]) + _drain(dbs["b"]))
        for name, db in dbs.items():  # each pulls the whole log, in its own order, some twice
            order = data.draw(st.permutations(log), label=f"order at {name}")
            again = data.draw(st.lists(st.sampled_from(log), max_size=5) if log else st.just([]),
                              label=f"again {name}")
            _deliver(db, list(order) + again)
        a, b = _state(dbs["a"]), _state(dbs["b"])
        assert a == b
        payments = sum(1 for c in log if c["payload"]["record"] == "preorder_payment"
                       and c["payload"]["fields"]["status"] == PaymentStatus.PENDING)
        for db in dbs.values():  # every DP once, however often its change came
            with db.read() as session:
                count = session.scalar(select(func.count()).select_from(PreorderPayment))
            assert count == payments
        newest: dict[str, str] = {}
        for c in log:  # each record holds the edit made last
            newest[c["payload"]["uuid"]] = max(newest.get(c["payload"]["uuid"], ""),
                                               c["payload"]["stamp"])
        assert {k: v["stamp"] for k, v in a.items() if k in newest} == newest
    finally:
        for db in dbs.values():
            db.close()


def test_payload_moments_are_utc_text(pair: tuple[Database, Database]) -> None:
    booth, _ = pair
    with booth.unit_of_work() as session:
        order = Preorder(number="PO-K1-1", due_at=DUE + timedelta(hours=1), total=0,
                         customer_name="Ani")
        session.add(order)
        share(session, order)
    [change] = _drain(booth)
    assert change["payload"]["fields"]["due_at"] == "2026-12-24T04:00:00+00:00"


def test_same_number_from_two_devices_with_one_code_settles_alike(
    pair: tuple[Database, Database],
) -> None:
    """Both devices still ``K1``: offline they number their pre-orders alike; after the
    exchange no sync fails and both devices show the same two distinct numbers."""
    booth, counter = pair
    for db in pair:
        with db.unit_of_work() as session:
            _new_preorder(session, "PO-K1-20261130-0001")
    from_booth, from_counter = _drain(booth), _drain(counter)
    _deliver(counter, from_booth)
    _deliver(booth, from_counter)
    _deliver(booth, from_booth)
    numbers = []
    for db in pair:
        with db.read() as session:
            numbers.append(sorted(session.scalars(select(Preorder.number))))
    assert numbers[0] == numbers[1] and len(set(numbers[0])) == 2
    assert numbers[0][0] == "PO-K1-20261130-0001"
