"""Builders for the sync unit tests: server-shaped changes applied to a shop file."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

NOW = datetime(2026, 3, 10, 3, 0, tzinfo=UTC)


def listing(product_uuid: str, seq: int, *, name: str = "Beras 5 kg", price: int = 65_000,
            sku: str = "BRS5", published: bool = True, origin: int | None = 2) -> dict[str, Any]:
    """A ``listing.upsert`` change."""
    return {"seq": seq, "kind": "listing.upsert", "origin_device_id": origin, "payload": {
        "product_uuid": product_uuid, "sku": sku, "name": name, "price": price, "unit": "pcs",
        "category": "Sembako", "published": published, "photo_changed": False}}


def stamp(moment: datetime, counter: int = 0, node: str = "dev2") -> str:
    """An HLC stamp of another device."""
    micros = (moment - datetime(1970, 1, 1, tzinfo=UTC)) // timedelta(microseconds=1)
    return f"{micros:016d}-{counter:06d}-{node}"


def fields(product_uuid: str, seq: int, hlc: str, origin: int | None = 2,
           **values: Any) -> dict[str, Any]:
    """A ``product.fields`` change: these field values, all with stamp ``hlc``."""
    return {"seq": seq, "kind": "product.fields", "origin_device_id": origin, "payload": {
        "product_uuid": product_uuid,
        "fields": {k: {"value": v, "hlc": hlc} for k, v in values.items()}}}


def movement(product_uuid: str, seq: int, qty: str, key: str | None = None) -> dict[str, Any]:
    """A ``stock.movement`` change from device 2."""
    return {"seq": seq, "kind": "stock.movement", "origin_device_id": 2, "payload": {
        "movement_uuid": key or str(uuid.uuid4()), "product_uuid": product_uuid, "qty": qty,
        "kind": "sale", "created_at": NOW.isoformat(), "on_hand": "0.000"}}


def placed(product_uuid: str, seq: int, order_id: str | None = None, qty: str = "2.000",
           price: int = 65_000, code: int = 123) -> dict[str, Any]:
    """An ``order.placed`` change (a buyer's transfer order of one line)."""
    total = int(price * float(qty))
    return {"seq": seq, "kind": "order.placed", "origin_device_id": None, "payload": {
        "order_id": order_id or str(uuid.uuid4()), "status": "placed", "buyer_name": "Budi",
        "phone": "081234567890", "nip": None, "pay_method": "transfer", "total": total,
        "unique_code": code, "amount_due": total + code, "created_at": NOW.isoformat(),
        "expires_at": (NOW + timedelta(days=1)).isoformat(),
        "lines": [{"product_uuid": product_uuid, "name": "Beras 5 kg", "unit": "pcs",
                   "price": price, "qty": qty, "line_total": total}]}}


def status(order_id: str, seq: int, new: str, reason: str | None = None) -> dict[str, Any]:
    """An ``order.status`` change."""
    return {"seq": seq, "kind": "order.status", "origin_device_id": None, "payload": {
        "order_id": order_id, "status": new, "reason": reason, "paid_amount": None,
        "payment_reference": "TRF" if new == "paid" else None,
        "paid_at": NOW.isoformat() if new == "paid" else None, "updated_at": NOW.isoformat()}}
