"""Ops the server refused: listed with their reasons for the seller, who re-sends them
(after fixing what was wrong) or discards them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import outbox
from app.errors import ConflictError, NotFoundError
from app.labels_i18n import SYNC_OPS
from app.sync import fields
from models import Category, OutboxOp, Product

KIND_LABELS = {kind: label.id for kind, label in SYNC_OPS.items()}  # Indonesian, for the CLI


@dataclass(frozen=True)
class RejectedOp:
    """A refused op as the dialog lists it."""

    seq: int
    kind: str
    label: str
    subject: str
    reason: str
    created_at: datetime


def _subject(session: Session, kind: str, payload: dict[str, object]) -> str:
    fields = payload.get("fields")
    if isinstance(payload.get("record"), str) and isinstance(fields, dict):
        # a book.record / pricing.record: the record's name, else the product it belongs to
        key = fields.get("product_uuid") or (payload.get("uuid") if payload["record"] in
                                             ("tiers", "variant") else None)
        name = fields.get("name") or (session.scalar(select(Product.name).where(
            Product.uuid == str(key))) if key else None)
        return str(name or payload.get("uuid", ""))[:80]
    key = payload.get("product_uuid")
    if key:
        name = session.scalar(select(Product.name).where(Product.uuid == str(key)))
        return str(name or payload.get("name") or key)
    return str(payload.get("order_id", ""))[:8]


def list_rejected(session: Session) -> list[RejectedOp]:
    """Refused ops, oldest first."""
    out = []
    for op in session.scalars(select(OutboxOp).where(OutboxOp.status == "rejected")
                              .order_by(OutboxOp.seq)):
        payload = json.loads(op.payload)
        out.append(RejectedOp(op.seq, op.kind, KIND_LABELS.get(op.kind, op.kind),
                              _subject(session, op.kind, payload), op.last_error, op.created_at))
    return out


def _rejected(session: Session, seq: int) -> OutboxOp:
    op = session.get(OutboxOp, seq)
    if op is None:
        raise NotFoundError("Op #{seq} tidak ditemukan.", seq=seq)
    if op.status != "rejected":
        raise ConflictError("Op #{seq} tidak berstatus ditolak.", seq=seq)
    return op


def requeue(session: Session, seq: int) -> int:
    """Send a refused op again as a new op (a listing with the product's current data).

    The server remembers its answer per op id, so a retry needs a new one; the refused
    row is kept as ``discarded`` for the record. Returns the new op's sequence number.
    """
    op = _rejected(session, seq)
    payload = json.loads(op.payload)
    if op.kind == "listing.upsert":
        product = session.scalar(select(Product).where(Product.uuid == payload.get("product_uuid")))
        if product is not None:
            category = session.get(Category, product.category_id) if product.category_id else None
            payload = outbox.listing_payload(product, category.name if category else None)
    op.status = "discarded"
    if op.kind == "product.edit":
        new = _restamped(session, payload)
    else:
        new = outbox.enqueue(session, op.kind, payload)
    session.flush()
    return new.seq


def _restamped(session: Session, payload: dict[str, Any]) -> OutboxOp:
    """A refused product edit again: the same fields with the product's current values and a
    new stamp (the seller may have fixed the values or the device clock meanwhile)."""
    key = str(payload.get("product_uuid", ""))
    values = {k: v.get("value") for k, v in dict(payload.get("fields") or {}).items()
              if isinstance(v, dict)}
    product = session.scalar(select(Product).where(Product.uuid == key))
    if product is not None:
        current = fields.product_fields(product, fields.category_name(session, product))
        values = {k: current.get(k, v) for k, v in values.items()}
    return outbox.queue_fields(session, key, values)


def discard(session: Session, seq: int) -> None:
    """The seller gives up on a refused op (kept in the table as ``discarded``)."""
    _rejected(session, seq).status = "discarded"
