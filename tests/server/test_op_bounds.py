"""Every op either applies or is rejected with a code: the ops that used to answer 500.

A 500 on a push blocks the device's outbox for good (it retries the batch forever),
so out-of-range times, money beyond the columns, booleans posing as numbers and
names that display as something else must each become a clean per-op rejection
(or a 4xx for a buyer's order).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.server.helpers import (
    Shop,
    auth,
    listing_op,
    make_shop,
    op,
    place_order,
    push,
    stocked_listing,
)

FUZZ = settings(deadline=None, database=None, derandomize=True,
                suppress_health_check=list(HealthCheck))
EXTREME_TIMES = ["0001-01-01T00:00:00+07:00", "9999-12-31T23:59:59-01:00",
                 "9999-12-31T23:59:59Z", "1970-01-01T00:00:00Z", "2999-01-01T00:00:00Z"]


@pytest.fixture(scope="module")
def shop(client: TestClient, admin_token: str) -> Shop:
    """A shop with one enrolled device."""
    return make_shop(client, admin_token, "Toko Batas")


def _movement(product: str, created_at: Any, qty: Any = "1") -> dict[str, Any]:
    return op("stock.movement", {"movement_uuid": str(uuid.uuid4()), "product_uuid": product,
                                 "qty": qty, "kind": "receive", "created_at": created_at})


def _one(client: TestClient, token: str, one_op: dict[str, Any]) -> dict[str, Any]:
    results = push(client, token, [one_op])
    assert len(results) == 1
    return results[0]


@pytest.mark.parametrize("created_at", EXTREME_TIMES)
def test_movement_time_out_of_range_is_rejected(
    client: TestClient, shop: Shop, created_at: str
) -> None:
    product = stocked_listing(client, shop, "1")
    result = _one(client, shop.tokens[0], _movement(product, created_at))
    assert (result["status"], result["code"]) == ("rejected", "invalid_payload"), result
    assert "created_at" in result["message"]


def test_movement_time_within_range_is_applied_in_utc(client: TestClient, shop: Shop) -> None:
    product = stocked_listing(client, shop, "1")
    when = datetime.now(UTC).astimezone(timezone(timedelta(hours=7))) - timedelta(days=3)
    result = _one(client, shop.tokens[0], _movement(product, when.isoformat()))
    assert result["status"] == "acknowledged", result


def _accepted_order(client: TestClient, shop: Shop) -> dict[str, Any]:
    product = stocked_listing(client, shop, "5")
    order = place_order(client, shop.id, product).json()
    accepted = _one(client, shop.tokens[0], op("order.accept", {"order_id": order["order_id"]}))
    assert accepted["status"] == "acknowledged", accepted
    return dict(order)


@pytest.mark.parametrize("confirmed_at", ["9999-12-31T23:59:59Z", "0001-01-01T00:00:00+07:00"])
def test_payment_time_out_of_range_is_rejected(
    client: TestClient, shop: Shop, confirmed_at: str
) -> None:
    order = _accepted_order(client, shop)
    result = _one(client, shop.tokens[0], op("order.confirm_payment", {
        "order_id": order["order_id"], "amount": order["amount_due"], "reference": "TRF-1",
        "confirmed_at": confirmed_at}))
    assert (result["status"], result["code"]) == ("rejected", "invalid_payload"), result


def test_order_beyond_the_money_columns_is_refused(client: TestClient, shop: Shop) -> None:
    product = str(uuid.uuid4())
    results = push(client, shop.tokens[0], [listing_op(product, price=10**12),
                                            _movement(product, datetime.now(UTC).isoformat(),
                                                      "999999999")])
    assert [r["status"] for r in results] == ["acknowledged", "acknowledged"]
    resp = place_order(client, shop.id, product, qty="999999999")
    assert resp.status_code == 422, resp.text
    assert resp.json()["code"] == "order_too_large"


@pytest.mark.parametrize("price", [True, False, "18000", 18000.5, 10**12 + 1, -1])
def test_listing_price_must_be_a_plain_integer(
    client: TestClient, shop: Shop, price: Any
) -> None:
    listing = listing_op(str(uuid.uuid4()))
    listing["payload"]["price"] = price
    result = _one(client, shop.tokens[0], listing)
    assert (result["status"], result["code"]) == ("rejected", "invalid_payload"), result


@pytest.mark.parametrize("name", ["\u202eLATOT\u202c", "Gula \u2066pasir\u2069",
                                  "\u200b\u200b", "\u3164", "\u2060 \u200d"])
def test_names_that_display_as_something_else_are_rejected(
    client: TestClient, shop: Shop, name: str
) -> None:
    result = _one(client, shop.tokens[0], listing_op(str(uuid.uuid4()), name=name))
    assert (result["status"], result["code"]) == ("rejected", "invalid_payload"), result


def test_order_quantity_true_is_not_one(client: TestClient, shop: Shop) -> None:
    product = stocked_listing(client, shop, "5")
    resp = client.post("/api/v1/orders", json={
        "seller_id": shop.id, "buyer_name": "Pak Budi", "phone": "081234567890",
        "lines": [{"listing_id": product, "qty": True}], "pay_method": "transfer"})
    assert resp.status_code == 422, resp.text


def _zones() -> st.SearchStrategy[timezone]:
    return st.integers(-(24 * 60 - 1), 24 * 60 - 1).map(lambda m: timezone(timedelta(minutes=m)))


def _times(low: datetime, high: datetime) -> st.SearchStrategy[str]:
    return st.datetimes(min_value=low, max_value=high, timezones=_zones()).map(datetime.isoformat)


TIMES = st.one_of(  # the edges of datetime itself, where time zones overflow, and everything
    _times(datetime(1, 1, 1), datetime(1, 1, 2)),
    _times(datetime(9999, 12, 30), datetime(9999, 12, 31, 23, 59, 59)),
    _times(datetime(1, 1, 1), datetime(9999, 12, 31, 23, 59, 59)),
)
NUMBERS = st.one_of(st.booleans(), st.integers(-(2**70), 2**70),
                    st.floats(allow_nan=False, allow_infinity=False),
                    st.sampled_from([10**12, 10**12 + 1, 2**63, -(2**63) - 1]))
QTYS = st.one_of(st.sampled_from(["999999999999.999", "-999999999999.999", "0.001", "1e3"]),
                 NUMBERS, st.decimals(places=3, min_value=-(10**13), max_value=10**13).map(str))
TEXTS = st.text(alphabet=st.characters(codec="utf-8"), max_size=12) | st.sampled_from(
    ["\u202e", "\u200b", " ", "x" * 500])


@st.composite
def bounded_op(draw: st.DrawFn, product: str, order: dict[str, Any]) -> dict[str, Any]:
    """A well-formed op with its dangerous fields drawn from the edges of their types."""
    kind = draw(st.sampled_from(["listing.upsert", "stock.movement", "order.confirm_payment"]))
    if kind == "listing.upsert":
        return op(kind, {"product_uuid": draw(st.sampled_from([product, str(uuid.uuid4())])),
                         "name": draw(TEXTS), "price": draw(NUMBERS), "unit": draw(TEXTS),
                         "published": draw(st.booleans() | NUMBERS)}, draw(st.integers(0, 99)))
    if kind == "stock.movement":
        return _movement(product, draw(TIMES | NUMBERS), draw(QTYS))
    return op(kind, {"order_id": order["order_id"], "amount": draw(NUMBERS),
                     "reference": draw(TEXTS), "confirmed_at": draw(TIMES | NUMBERS)})


def test_op_edges_fuzz_never_answer_5xx(client: TestClient, shop: Shop) -> None:
    product = stocked_listing(client, shop, "10")
    order = _accepted_order(client, shop)

    @given(ops=st.lists(bounded_op(product, order), min_size=1, max_size=3))
    @settings(FUZZ, max_examples=150)
    def run(ops: list[dict[str, Any]]) -> None:
        resp = client.post("/api/v1/sync/push", json={"ops": ops}, headers=auth(shop.tokens[0]))
        assert resp.status_code == 200, resp.text
        for result in resp.json()["results"]:
            assert result["status"] in {"acknowledged", "duplicate", "rejected"}
            assert result["status"] != "rejected" or result["code"]

    run()


def test_order_edges_fuzz_never_answer_5xx(client: TestClient, shop: Shop) -> None:
    product = str(uuid.uuid4())
    push(client, shop.tokens[0], [listing_op(product, price=10**12),
                                  _movement(product, datetime.now(UTC).isoformat(), "999999999")])

    @given(qty=QTYS, name=TEXTS)
    @settings(FUZZ, max_examples=60)
    def run(qty: Any, name: str) -> None:
        resp = client.post("/api/v1/orders", json={
            "seller_id": shop.id, "buyer_name": name, "phone": "081234567890",
            "lines": [{"listing_id": product, "qty": qty}], "pay_method": "transfer"})
        assert resp.status_code < 500, resp.text

    run()
