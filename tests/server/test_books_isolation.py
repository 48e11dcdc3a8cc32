"""``book.record``: a shop's money book reaches its own other devices through the change log,
checked, and nothing else: never the catalog, never another shop, never a server table."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi.testclient import TestClient

from contract.hlc import stamp_at
from server.models import Base
from tests.server.helpers import auth, changes, make_shop, op, push


def _customer(name: str = "Bu Sri Warung Ujung", *, stamp: str | None = None,
              key: str | None = None) -> dict[str, Any]:
    now = datetime.now(UTC)
    return {"record": "customer", "uuid": key or str(uuid.uuid4()),
            "stamp": stamp or stamp_at(now, "booth1"),
            "fields": {"name": name, "phone": "+6281234567890", "credit_limit": 500_000,
                       "created_at": now.isoformat(), "updated_at": now.isoformat(),
                       "photo": "not a column of the record: dropped"}}


def test_book_record_reaches_the_shops_devices_only(client: TestClient, admin_token: str) -> None:
    shop_a = make_shop(client, admin_token, "Toko A", devices=2)
    shop_b = make_shop(client, admin_token, "Toko B")
    record = _customer()
    [result] = push(client, shop_a.tokens[0], [op("book.record", record)])
    assert result["status"] == "acknowledged", result
    # the shop's other device pulls it, checked (unknown keys dropped)
    logged = [c for c in changes(client, shop_a.tokens[1])["changes"] if c["kind"] == "book.record"]
    assert [c["payload"]["uuid"] for c in logged] == [record["uuid"]]
    assert logged[0]["payload"]["fields"]["name"] == "Bu Sri Warung Ujung"
    assert "photo" not in logged[0]["payload"]["fields"]
    assert logged[0]["origin_device_id"] == shop_a.device_ids[0]
    # another shop never sees it: not in its log, not in its snapshot, not in the catalog
    assert all(c["kind"] != "book.record" for c in changes(client, shop_b.tokens[0])["changes"])
    snap = client.get("/api/v1/sync/snapshot", headers=auth(shop_b.tokens[0])).text
    assert record["uuid"] not in snap
    for query in (f"seller={shop_a.id}", "q=Sri"):
        assert record["uuid"] not in client.get(f"/api/v1/catalog?{query}").text
        assert "Warung Ujung" not in client.get(f"/api/v1/catalog?{query}").text


def test_server_keeps_no_book_table() -> None:
    tables = set(Base.metadata.tables)
    assert tables and not {t for t in tables if any(w in t for w in ("customer", "preorder",
                                                                      "supplier", "credit"))}


def test_book_record_refused_when_bad_or_from_a_clock_far_ahead(
    client: TestClient, admin_token: str,
) -> None:
    shop = make_shop(client, admin_token, "Toko C", devices=2)
    ahead = stamp_at(datetime.now(UTC) + timedelta(days=3), "booth1")
    bad_money = _customer() | {"fields": _customer()["fields"] | {"credit_limit": True}}
    bidi = _customer("Bu\u202eSri")
    results = push(client, shop.tokens[0], [
        op("book.record", _customer(stamp=ahead), seq=1),
        op("book.record", bad_money, seq=2),
        op("book.record", bidi, seq=3),
        op("book.record", _customer() | {"record": "listing"}, seq=4),
    ])
    assert [r["status"] for r in results] == ["rejected"] * 4
    assert [r["code"] for r in results] == ["clock_ahead"] + ["invalid_payload"] * 3
    assert all(c["kind"] != "book.record" for c in changes(client, shop.tokens[1])["changes"])
