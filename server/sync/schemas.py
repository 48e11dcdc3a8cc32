"""Wire shapes of the sync API (the contract in docs/server.md)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from server.schemas import Strict, Text20, Text40, Text60, Text64, Text100, Text200, Text300

MAX_PRICE = 1_000_000_000_000
QtyDelta = Annotated[str, Field(pattern=r"^\s*[-+]?\d{1,12}(\.\d{1,3})?\s*$", max_length=20)]


class OpIn(Strict):
    """One outbox entry of a device."""

    op_id: UUID
    seq: Annotated[int, Field(ge=0, le=2**62)]
    kind: Text40
    payload: dict[str, Any]


class PushIn(Strict):
    """A batch of ops, sent in the device's sequence order."""

    ops: list[OpIn] = Field(max_length=1000)


class OpResult(BaseModel):
    """What became of one op."""

    op_id: str
    status: Literal["acknowledged", "duplicate", "rejected"]
    code: str | None = None
    message: str | None = None
    change_seq: int | None = None
    replayed: bool = False


class PushOut(BaseModel):
    """Results in the order of the request, and the shop's change counter after the batch."""

    results: list[OpResult]
    change_seq: int


class Payload(BaseModel):
    """Base of op payloads: unknown keys are ignored (forward compatible)."""

    model_config = ConfigDict(extra="ignore")


class ListingPayload(Payload):
    """``listing.upsert``: the full state of a listing."""

    product_uuid: UUID
    sku: Text64 = ""
    name: Text200
    price: Annotated[int, Field(ge=0, le=MAX_PRICE)]
    unit: Text20
    category: Text60 = ""
    published: bool
    photo: Annotated[str, Field(max_length=1_500_000)] | None = None


class MovementPayload(Payload):
    """``stock.movement``: one immutable stock ledger row."""

    movement_uuid: UUID
    product_uuid: UUID
    qty: QtyDelta
    kind: Text20
    created_at: datetime


class OrderRef(Payload):
    """``order.accept`` / ``order.fulfil``."""

    order_id: UUID


class OrderReject(Payload):
    """``order.reject``."""

    order_id: UUID
    reason: Text300 = ""


class PaymentConfirm(Payload):
    """``order.confirm_payment``."""

    order_id: UUID
    amount: Annotated[int, Field(ge=1, le=MAX_PRICE)]
    reference: Text100
    confirmed_at: datetime


class ChangeOut(BaseModel):
    """One change-log entry."""

    seq: int
    kind: str
    payload: dict[str, Any]
    origin_device_id: int | None
    created_at: datetime


class ChangesOut(BaseModel):
    """A page of the change log: pass ``next`` as ``since`` for the following page."""

    changes: list[ChangeOut]
    next: int
    more: bool


class ListingOut(BaseModel):
    """A listing with its stock, as the owning shop sees it."""

    product_uuid: str
    sku: str
    name: str
    price: int
    unit: str
    category: str
    published: bool
    has_photo: bool
    on_hand: str
    reserved: str
    updated_at: datetime


class SnapshotOut(BaseModel):
    """Everything a device needs for a full resync; then pull ``changes?since=change_seq``."""

    shop_id: int
    shop_name: str
    status: str
    change_seq: int
    listings: list[ListingOut]
    open_orders: list[dict[str, Any]]
