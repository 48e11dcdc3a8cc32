"""The device checks every pulled change against the contract before applying the page."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import func, select

from app.db import Database
from app.errors import UserError
from app.sync.apply import apply_changes
from contract.changes import MovementChange, read_change
from models import Product, StockMovement
from tests.unit.sync.sync_kit import listing, movement


def test_a_page_with_an_unreadable_change_is_refused_by_name_and_applies_nothing(db: Database) -> None:
    key = str(uuid.uuid4())
    page = [listing(key, 1, price=60_000), movement(key, 2, "3.000"), movement(key, 3, "tiga")]
    with pytest.raises(UserError, match=r"payload\.qty|qty"), db.unit_of_work() as session:
        apply_changes(session, page)
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Product)) == 0
        assert session.scalar(select(func.count()).select_from(StockMovement)) == 0
    with db.unit_of_work() as session:
        result = apply_changes(session, page[:2])
    assert (result.applied, result.movements) == (2, 1)


def test_the_envelope_may_leave_out_what_older_servers_left_out() -> None:
    change, payload = read_change({"kind": "stock.movement", "payload": {
        "movement_uuid": 5, "product_uuid": "p", "qty": "-1.500"}})
    assert (change.seq, change.origin_device_id, change.created_at) == (0, None, None)
    assert isinstance(payload, MovementChange) and payload.movement_uuid == "5"
    assert read_change({"kind": "shop.someday", "payload": {}})[1] is None  # unknown: not checked
    with pytest.raises(UserError, match="payload"):
        read_change({"kind": "order.status"})
