"""The sync ops as typed models: the wire stays what the plain dicts were (old clients and the
server agree), both ends validate with the same models, and a bad op is refused on the device."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import UserError
from contract import sync
from server.sync.ops import HANDLERS

WHEN = datetime(2026, 6, 1, 3, 4, 5, 678901, tzinfo=UTC)
PRODUCT = str(uuid.UUID(int=7))
ORDER = str(uuid.UUID(int=9))
STAMP = f"{1_780_000_000_000_000:016d}-{3:06d}-d1"


def test_every_op_kind_the_server_handles_is_validated_with_the_contract_model() -> None:
    for kind, (model, _apply) in HANDLERS.items():
        assert sync.OP_PAYLOADS[kind] is model


@given(st.uuids(version=4), st.decimals(min_value=-10**6, max_value=10**6, places=3),
       st.sampled_from(["sale", "refund", "receive", "adjust", "online"]))
def test_a_movement_is_byte_for_byte_the_old_dict(movement: uuid.UUID, qty: object, kind: str) -> None:
    old = {"movement_uuid": str(movement), "product_uuid": PRODUCT, "qty": f"{qty:.3f}",
           "kind": kind, "created_at": WHEN.isoformat()}
    built = sync.build(sync.MovementPayload, movement_uuid=str(movement), product_uuid=PRODUCT,
                       qty=f"{qty:.3f}", kind=kind, created_at=WHEN)
    assert json.dumps(sync.wire("stock.movement", built)) == json.dumps(old)
    assert sync.MovementPayload.model_validate(old) == built  # what the server reads


def test_order_ops_and_listings_keep_their_keys() -> None:
    confirm = sync.build(sync.PaymentConfirm, order_id=ORDER, amount=25_000, reference="TRF 1",
                         confirmed_at=WHEN)
    assert json.dumps(sync.wire("order.confirm_payment", confirm)) == json.dumps(
        {"order_id": ORDER, "amount": 25_000, "reference": "TRF 1", "confirmed_at": WHEN.isoformat()})
    assert sync.wire("order.fulfil", sync.build(sync.OrderRef, order_id=ORDER)) == {"order_id": ORDER}
    listing = sync.build(sync.ListingPayload, product_uuid=PRODUCT, sku="B1", name="Beras",
                         price=60_000, unit="pcs", category="", published=True)
    assert list(sync.wire("listing.upsert", listing)) == [
        "product_uuid", "sku", "name", "price", "unit", "category", "published"]  # no photo key
    edit = sync.build(sync.ProductEditPayload, product_uuid=PRODUCT,
                      fields={"price": {"value": 18_000, "hlc": STAMP}})
    assert sync.wire("product.edit", edit) == {
        "product_uuid": PRODUCT, "fields": {"price": {"value": 18_000, "hlc": STAMP}}}


def test_a_bad_op_is_refused_on_the_device_with_a_message() -> None:
    with pytest.raises(UserError, match=r"fields\.price"):
        sync.build(sync.ProductEditPayload, product_uuid=PRODUCT,
                   fields={"price": {"value": 0, "hlc": STAMP}})
    with pytest.raises(UserError, match="order_id"):
        sync.build(sync.OrderRef, order_id="not-a-uuid")
    with pytest.raises(TypeError):
        sync.wire("order.accept", sync.build(sync.OrderReject, order_id=ORDER))
