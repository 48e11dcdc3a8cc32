"""The shop's money book between its own devices: share a record, apply a pulled one.

:func:`share` is called by every writer of a money-book row (customers, kasbon, pre-orders,
drawer cash, suppliers, purchases) right after the row is added or changed, in the same
transaction: it stamps the row with this device's hybrid logical clock and queues one
``book.record`` op (:mod:`contract.books`) carrying the whole record. The server relays it
into the shop's change log; the shop's other devices (and this one) pull it back and
:func:`apply_record` merges it:

* a record unknown here is inserted (by its ``uuid``);
* a known one takes the pulled fields only when the pulled ``stamp`` is newer than its own
  (last writer wins per record, so every device ends with the edit made last whatever order
  the changes arrive in, and a re-delivered change changes nothing);
* ledger rows (kasbon entries, DP payments, cash movements, supplier payments) are inserted
  once and never rewritten: only their payment state (pending → confirmed or void) follows
  a newer stamp.

Product references (``preorder_lines.product_uuid``, ``purchase_lines.product_uuid``) are
kept as the product's uuid, which every device shares: a product that has not arrived here yet
resolves as soon as it does. Local-only columns (``shift_id``, ``user_id``, the nota photo...)
are never sent and never overwritten (:mod:`contract.books` says why).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import outbox
from app.clock import now_utc
from app.sync import hlc
from contract.books import LEDGER_KINDS, LEDGER_MUTABLE, RECORD, RECORD_MODELS, BookRecordPayload
from contract.sync import build
from models import ShopProfile
from models.base import new_uuid
from models.books import (
    CashMovement,
    CreditEntry,
    Customer,
    Preorder,
    PreorderLine,
    PreorderPayment,
    Purchase,
    PurchaseLine,
    Supplier,
    SupplierPayment,
)

BookRow = (Customer | CreditEntry | Preorder | PreorderLine | PreorderPayment | CashMovement
           | Supplier | Purchase | PurchaseLine | SupplierPayment)
KINDS: dict[type[Any], str] = {
    Customer: "customer", CreditEntry: "credit_entry", Preorder: "preorder",
    PreorderLine: "preorder_line", PreorderPayment: "preorder_payment",
    CashMovement: "cash_movement", Supplier: "supplier", Purchase: "purchase",
    PurchaseLine: "purchase_line", SupplierPayment: "supplier_payment",
}
"""Each money-book model with its record kind on the wire."""
MODELS: dict[str, type[Any]] = {kind: model for model, kind in KINDS.items()}


def _device(session: Session) -> str:
    # read here, not through app.sales (which shares kasbon rows: no import cycle)
    return session.scalar(select(ShopProfile.device_code).limit(1)) or "K1"


def kind_of(row: object) -> str:
    """The record kind of a money-book row (``TypeError`` for anything else)."""
    kind = KINDS.get(type(row))
    if kind is None:
        raise TypeError(f"{type(row).__name__} is not a money-book record")
    return kind


def _wire_value(value: object) -> object:
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=UTC)).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def record_fields(row: object) -> dict[str, Any]:
    """The synced fields of a row as wire values (only those its kind's model knows)."""
    model = RECORD_MODELS[kind_of(row)]
    return {name: _wire_value(getattr(row, name)) for name in model.model_fields}


def share(session: Session, row: BookRow) -> None:
    """Stamp ``row`` with this device's clock and queue it for the shop's other devices.

    Call it after adding or changing the row, in the same transaction (the op commits or
    rolls back with the row). Sets ``device`` (this device's code) when it is empty, and the
    ``uuid`` and ``created_at`` a new row would get at flush. A row the contract refuses
    raises :class:`contract.errors.ValidationError` before anything is queued.
    """
    kind = kind_of(row)
    # queries first (they may autoflush the row), then every column set at once: the flush at
    # commit writes exactly what was sent (updated_at's onupdate never moves it after)
    device = row.device or _device(session)
    stamp = hlc.tick(session)
    now = now_utc()
    row.uuid = row.uuid or new_uuid()
    row.device = device
    row.created_at = row.created_at or now
    if isinstance(row, Customer | Preorder | Supplier | Purchase):
        row.updated_at = now
    row.stamp = stamp
    payload = build(BookRecordPayload, record=kind, uuid=row.uuid, stamp=row.stamp,
                    fields=record_fields(row))
    outbox.enqueue(session, RECORD, payload)


def _row_of(session: Session, kind: str, key: str) -> Any:
    model = MODELS[kind]
    return session.scalar(select(model).where(model.uuid == key))


def _values(payload: BookRecordPayload) -> dict[str, Any]:
    """The checked fields as column values (uuids as text, quantities as Decimal)."""
    typed = payload.typed()
    out: dict[str, Any] = {}
    for name in type(typed).model_fields:
        value = getattr(typed, name)
        if value is not None and (name.startswith("qty") or name == "pack_factor"):
            value = Decimal(value)
        elif value is not None and (name.endswith("_uuid") or name in ("merged_into", "return_of")):
            value = str(value)
        out[name] = value
    return out


def _free_number(session: Session, model: type[Any], key: str, number: str) -> str:
    """The number a pulled pre-order/purchase may take here.

    Two devices with the same device code (both still ``K1``) may give the same number to
    different records while offline. Every device settles it the same way: the record with
    the smaller uuid keeps the number, the other shows it with a piece of its uuid.
    """
    other = session.scalar(select(model).where(model.number == number, model.uuid != key))
    if other is None:
        return number
    if other.uuid < key:
        return f"{number}-{key[:4]}"
    other.number = f"{number}-{other.uuid[:4]}"
    session.flush()
    return number


def apply_record(session: Session, payload: BookRecordPayload) -> bool:
    """Merge one pulled record (insert, or last writer wins by stamp); whether it changed
    anything here. Idempotent: the same change applied twice changes nothing the second time.
    """
    key = str(payload.uuid)
    row = _row_of(session, payload.record, key)
    values = _values(payload)
    if "number" in values and (row is None or payload.stamp > (row.stamp or "")):
        values["number"] = _free_number(session, MODELS[payload.record], key, values["number"])
    if row is None:
        session.add(MODELS[payload.record](uuid=key, stamp=payload.stamp, **values))
        session.flush()
        return True
    if payload.stamp <= (row.stamp or ""):
        return False
    if payload.record in LEDGER_KINDS:
        values = {k: v for k, v in values.items() if k in LEDGER_MUTABLE}
    for name, value in values.items():
        setattr(row, name, value)
    row.stamp = payload.stamp
    return True
