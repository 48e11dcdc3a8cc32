"""Small builders for the server tests (sellers, devices, ops, orders)."""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from fastapi.testclient import TestClient

from contract import qris
from contract.datetimes import month_key

NIK = "3578012345678901"


def new_nik() -> str:
    """A fresh 16-digit NIK (one NIK may belong to only one active seller)."""
    return "3578" + "".join(secrets.choice("0123456789") for _ in range(12))


def new_npwp() -> str:
    """A fresh 16-digit NPWP."""
    return "0" + "".join(secrets.choice("0123456789") for _ in range(15))


def sample_qris(name: str = "WARUNG SAYUR") -> str:
    """A syntactically valid static QRIS payload with a correct CRC."""
    items = [
        ("00", "01"), ("01", "11"),
        ("26", "0014ID.CO.QRIS.WWW0118936000140000001234"),
        ("51", "0014ID.CO.QRIS.WWW0215ID10200176114730303UMI"),
        ("52", "5411"), ("53", "360"), ("58", "ID"), ("59", name[:25]), ("60", "SURABAYA"),
        ("61", "60111"), ("62", "0703A01"),
    ]
    return qris.encode(qris.TlvObject(tag, value) for tag, value in items)


def now_iso() -> str:
    """The current moment as ISO 8601 with offset."""
    return datetime.now(UTC).isoformat()


def this_month() -> str:
    """The current turnover month (WIB)."""
    return month_key(datetime.now(UTC))


def auth(token: str) -> dict[str, str]:
    """The Authorization header for a bearer token."""
    return {"Authorization": f"Bearer {token}"}


@dataclass
class Shop:
    """A registered seller with one or more enrolled device tokens."""

    id: int
    tokens: list[str]
    device_ids: list[int]


def register_seller(
    client: TestClient, admin: str, name: str = "Toko Uji", qris: bool = True
) -> dict[str, Any]:
    """Register a seller through the admin API."""
    body: dict[str, Any] = {
        "shop_name": name, "owner_name": "Bu Sri", "nik": new_nik(), "npwp": new_npwp(),
        "bank_accounts": [{"bank": "BCA", "number": "1234567890", "holder": "Sri Wahyuni"}],
    }
    if qris:
        body["qris_payload"] = sample_qris()
    resp = client.post("/api/v1/admin/sellers", json=body, headers=auth(admin))
    assert resp.status_code == 201, resp.text
    return dict(resp.json())


def enroll(client: TestClient, admin: str, seller_id: int, name: str = "Laptop 1") -> tuple[int, str]:
    """Issue a code and enroll a device with it; returns (device_id, token)."""
    code = client.post(f"/api/v1/admin/sellers/{seller_id}/enrollment-codes", headers=auth(admin))
    assert code.status_code == 201, code.text
    resp = client.post("/api/v1/devices/enroll",
                       json={"code": code.json()["code"], "device_name": name})
    assert resp.status_code == 201, resp.text
    return int(resp.json()["device_id"]), str(resp.json()["token"])


def make_shop(client: TestClient, admin: str, name: str = "Toko Uji", devices: int = 1) -> Shop:
    """A seller with ``devices`` enrolled devices."""
    seller = register_seller(client, admin, name)
    shop = Shop(id=seller["id"], tokens=[], device_ids=[])
    for i in range(devices):
        device_id, token = enroll(client, admin, seller["id"], f"Perangkat {i + 1}")
        shop.tokens.append(token)
        shop.device_ids.append(device_id)
    return shop


def op(kind: str, payload: dict[str, Any], seq: int = 1, op_id: str | None = None) -> dict[str, Any]:
    """One outbox op."""
    return {"op_id": op_id or str(uuid.uuid4()), "seq": seq, "kind": kind, "payload": payload}


def listing_op(product: str, name: str = "Minyak Goreng 1L", price: int = 18000,
               published: bool = True, category: str = "sembako", seq: int = 1) -> dict[str, Any]:
    """A ``listing.upsert`` op."""
    return op("listing.upsert", {"product_uuid": product, "sku": "MG-1", "name": name,
                                 "price": price, "unit": "pcs", "category": category,
                                 "published": published}, seq)


def movement_op(product: str, qty: str, movement: str | None = None, seq: int = 1) -> dict[str, Any]:
    """A ``stock.movement`` op."""
    return op("stock.movement", {"movement_uuid": movement or str(uuid.uuid4()),
                                 "product_uuid": product, "qty": qty, "kind": "receive",
                                 "created_at": "2026-11-28T08:00:00+07:00"}, seq)


def push(client: TestClient, token: str, ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Push ops and return the per-op results."""
    resp = client.post("/api/v1/sync/push", json={"ops": ops}, headers=auth(token))
    assert resp.status_code == 200, resp.text
    return list(resp.json()["results"])


def stocked_listing(client: TestClient, shop: Shop, qty: str = "10", price: int = 18000,
                    name: str = "Minyak Goreng 1L") -> str:
    """Publish a listing with ``qty`` on hand; returns its product UUID."""
    product = str(uuid.uuid4())
    results = push(client, shop.tokens[0], [listing_op(product, name, price),
                                            movement_op(product, qty)])
    assert [r["status"] for r in results] == ["acknowledged", "acknowledged"], results
    return product


def place_order(client: TestClient, seller_id: int, product: str, qty: str = "1",
                pay_method: str = "transfer") -> Any:
    """A buyer's order (raw response)."""
    return client.post("/api/v1/orders", json={
        "seller_id": seller_id, "buyer_name": "Pak Budi", "phone": "081234567890",
        "nip": "198503152010011001", "lines": [{"listing_id": product, "qty": qty}],
        "pay_method": pay_method,
    })


def changes(client: TestClient, token: str, since: int = 0, limit: int = 1000) -> dict[str, Any]:
    """One page of the change log."""
    resp = client.get(f"/api/v1/sync/changes?since={since}&limit={limit}", headers=auth(token))
    assert resp.status_code == 200, resp.text
    return dict(resp.json())


def listing_state(client: TestClient, token: str, product: str) -> dict[str, Any]:
    """The shop's view of a listing (on-hand, reserved)."""
    resp = client.get(f"/api/v1/shop/listings/{product}", headers=auth(token))
    assert resp.status_code == 200, resp.text
    return dict(resp.json())
