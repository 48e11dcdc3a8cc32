"""The sync outbox: each change the PEKEN catalog needs, written in the change's transaction.

Every op is built as its typed payload from :mod:`contract.sync` (validated here exactly as the
server will validate it) and stored as the JSON the server receives.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any, cast

from pydantic import BaseModel
from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from app.sync import fields, hlc
from contract.sync import ListingPayload, ProductEditPayload, build, wire
from models import OutboxOp, Product, SyncState
from models.base import new_uuid, utcnow

_OUTBOX = cast(Table, OutboxOp.__table__)


def enqueue(session: Session, kind: str, payload: BaseModel | Mapping[str, Any]) -> OutboxOp:
    """Add an op for the server; its ``seq`` is the next per-device sequence number.

    ``payload`` is the kind's contract model; a plain mapping is stored as is (a refused op
    sent again by the seller, unchanged).
    """
    op = OutboxOp(op_id=new_uuid(), kind=kind, payload=_json(kind, payload))
    session.add(op)
    return op


def enqueue_many(session: Session, kind: str, payloads: Sequence[BaseModel]) -> None:
    """Add several ops of one kind in one executemany (same rows as :func:`enqueue` each)."""
    if not payloads:
        return
    when = utcnow()
    session.execute(insert(_OUTBOX), [
        {"op_id": new_uuid(), "kind": kind, "payload": _json(kind, p), "status": "pending",
         "attempts": 0, "last_error": "", "created_at": when, "acked_at": None}
        for p in payloads
    ])


def _json(kind: str, payload: BaseModel | Mapping[str, Any]) -> str:
    if isinstance(payload, BaseModel):
        return json.dumps(wire(kind, payload))
    return json.dumps(payload, default=str)


def pending_count(session: Session) -> int:
    """How many ops still wait for the server's acknowledgement."""
    return int(
        session.scalar(select(func.count()).select_from(OutboxOp).where(OutboxOp.status == "pending"))
        or 0
    )


def listing_payload(product: Product, category_name: str | None) -> dict[str, Any]:
    """The listing snapshot the catalog server stores for a product (validated wire form)."""
    return wire("listing.upsert", build(
        ListingPayload, product_uuid=product.uuid, sku=product.sku, name=product.name,
        price=product.price, unit=product.unit, category=category_name or "",
        published=product.published and not product.archived))


def queue_product_edit(session: Session, product: Product, category: str,
                       before: dict[str, Any] | None = None) -> OutboxOp | None:
    """Queue a ``product.edit`` with the fields that differ from ``before`` (all of them for a
    new product), stamped with this device's clock; None when nothing changed."""
    after = fields.product_fields(product, category)
    changed = {k: v for k, v in after.items() if before is None or before.get(k) != v}
    return queue_fields(session, product.uuid, changed) if changed else None


def queue_fields(session: Session, product_uuid: str, values: dict[str, Any]) -> OutboxOp:
    """Queue a ``product.edit`` of these field values, all stamped now (clocks recorded)."""
    stamp = hlc.tick(session)
    fields.set_clocks(session, product_uuid, values.keys(), stamp)
    return enqueue(session, "product.edit", build(
        ProductEditPayload, product_uuid=product_uuid,
        fields={k: {"value": v, "hlc": stamp} for k, v in values.items()}))


def sync_enabled(session: Session) -> bool:
    """Whether this device is enrolled with a PEKEN server (ops are queued either way)."""
    return session.get(SyncState, "device_token") is not None
