"""``pricing.record``: a shop's packs, tiers, variants and promotions reach its own other
devices through the change log, checked; a bad record is refused with a code (never a 500),
and nothing of it reaches the catalog or another shop."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi.testclient import TestClient

from contract.hlc import stamp_at
from tests.server.helpers import changes, make_shop, op, push

KIND = "pricing.record"


def _pack(*, stamp: str | None = None, **fields: Any) -> dict[str, Any]:
    return {"record": "pack", "uuid": str(uuid.uuid4()),
            "stamp": stamp or stamp_at(datetime.now(UTC), "booth1"),
            "fields": {"product_uuid": str(uuid.uuid4()), "name": "dus", "factor": "40",
                       "price": 110_000, "barcodes": ["8990000000123"], "secret": "dropped"}
            | fields}


def _promo(**fields: Any) -> dict[str, Any]:
    return {"record": "promotion", "uuid": str(uuid.uuid4()),
            "stamp": stamp_at(datetime.now(UTC), "booth1"),
            "fields": {"name": "Diskon kopi", "kind": "percent", "percent": "20",
                       "items": [{"product_uuid": str(uuid.uuid4())}]} | fields}


def test_pricing_record_reaches_the_shops_devices_only(client: TestClient,
                                                       admin_token: str) -> None:
    shop_a = make_shop(client, admin_token, "Toko Grosir A", devices=2)
    shop_b = make_shop(client, admin_token, "Toko Grosir B")
    pack, promo = _pack(), _promo()
    results = push(client, shop_a.tokens[0], [op(KIND, pack, seq=1), op(KIND, promo, seq=2)])
    assert [r["status"] for r in results] == ["acknowledged"] * 2, results
    logged = [c for c in changes(client, shop_a.tokens[1])["changes"] if c["kind"] == KIND]
    assert [c["payload"]["uuid"] for c in logged] == [pack["uuid"], promo["uuid"]]
    assert logged[0]["payload"]["fields"]["barcodes"] == ["8990000000123"]
    assert "secret" not in logged[0]["payload"]["fields"]
    assert all(c["kind"] != KIND for c in changes(client, shop_b.tokens[0])["changes"])
    assert "8990000000123" not in client.get(f"/api/v1/catalog?seller={shop_a.id}").text


BAD = [
    ("price_bool", _pack(price=True)), ("price_text", _pack(price="110000")),
    ("price_zero", _pack(price=0)), ("price_huge", _pack(price=10**15)),
    ("factor_zero", _pack(factor="0")), ("factor_4_decimals", _pack(factor="1.2345")),
    ("factor_number", _pack(factor=40)), ("name_bidi", _pack(name="d\u202eus")),
    ("name_long", _pack(name="x" * 21)), ("code_bad", _pack(barcodes=["<script>"])),
    ("codes_twice", _pack(barcodes=["8990000000123", "8990000000123"])),
    ("percent_over", _promo(percent="100.01")), ("item_both", _promo(items=[
        {"product_uuid": str(uuid.uuid4()), "category": "Minuman"}])),
    ("tier_bool_price", {"record": "tiers", "uuid": str(uuid.uuid4()),
                         "stamp": stamp_at(datetime.now(UTC), "b"),
                         "fields": {"tiers": [{"min_qty": "12", "price": True}]}}),
    ("variant_long_option", {"record": "variant", "uuid": str(uuid.uuid4()),
                             "stamp": stamp_at(datetime.now(UTC), "b"),
                             "fields": {"option_names": ["x" * 31]}}),
    ("unknown_record", _pack() | {"record": "listing"}),
    ("fields_not_object", _pack() | {"fields": ["dus"]}),
]


def test_bad_pricing_records_are_refused_with_a_code(client: TestClient,
                                                    admin_token: str) -> None:
    shop = make_shop(client, admin_token, "Toko Data Rusak", devices=2)
    results = push(client, shop.tokens[0], [op(KIND, record, seq=i)
                                            for i, (_name, record) in enumerate(BAD)])
    verdicts = {name: (r["status"], r["code"]) for (name, _), r in zip(BAD, results, strict=True)}
    assert verdicts == {name: ("rejected", "invalid_payload") for name, _ in BAD}
    assert all(c["kind"] != KIND for c in changes(client, shop.tokens[1])["changes"])


def test_pricing_record_from_a_clock_far_ahead_is_refused(client: TestClient,
                                                          admin_token: str) -> None:
    shop = make_shop(client, admin_token, "Toko Jam Maju")
    ahead = stamp_at(datetime.now(UTC) + timedelta(days=3), "booth1")
    [result] = push(client, shop.tokens[0], [op(KIND, _pack(stamp=ahead))])
    assert (result["status"], result["code"]) == ("rejected", "clock_ahead")
