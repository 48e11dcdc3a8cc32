"""The server logs only changes a device can read: each payload of a kind the app applies is
checked with the contract's model (the one the device checks on pull) before it is written."""

from __future__ import annotations

import pydantic
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select

from contract.changes import read_change
from server.changelog import open_log
from server.models import Change
from tests.server.helpers import make_shop, stocked_listing


def test_an_unreadable_change_is_never_logged(client: TestClient, server_app: FastAPI,
                                              admin_token: str) -> None:
    shop = make_shop(client, admin_token, "Toko Log Kontrak")
    db = server_app.state.db
    with db.write_sessions() as session, session.begin():
        log = open_log(session, shop.id)
        before = log.seller.change_seq
        with pytest.raises(pydantic.ValidationError):
            log.append("order.placed", {"order_id": "x", "status": "awaiting_payment"}, None)
        with pytest.raises(pydantic.ValidationError):
            log.append("stock.movement", {"movement_uuid": "m", "product_uuid": "p", "qty": "tiga"},
                       None)
        assert log.append("kind.unknown.here", {"anything": 1}, None) == before + 1


def test_every_logged_change_reads_on_the_device(client: TestClient, server_app: FastAPI,
                                                 admin_token: str) -> None:
    shop = make_shop(client, admin_token, "Toko Log Dibaca")
    product = stocked_listing(client, shop, "5")
    placed = client.post("/api/v1/orders", json={
        "seller_id": shop.id, "buyer_name": "Bu Ani", "phone": "081234567801",
        "lines": [{"listing_id": product, "qty": "2"}], "pay_method": "transfer"})
    assert placed.status_code == 201, placed.text
    with server_app.state.db.write_sessions() as session:
        rows = session.scalars(select(Change).where(Change.seller_id == shop.id)).all()
    kinds = {row.kind for row in rows}
    assert {"order.placed"} <= kinds
    for row in rows:
        read_change({"seq": row.seq, "kind": row.kind, "payload": row.payload})
