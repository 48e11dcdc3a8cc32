"""The sync contract, pull side: the change log, the snapshot, and how a device reads them.

The server answers ``/sync/changes`` with :class:`ChangesOut` and ``/sync/snapshot`` with
:class:`SnapshotOut`. The device checks every change it pulls with :func:`read_change` before
applying it: the envelope, and the payload of each kind it applies (:data:`CHANGE_PAYLOADS`).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, Field
from pydantic import ValidationError as PydanticValidationError

from contract.books import RECORD as BOOK_RECORD
from contract.books import BookRecordPayload
from contract.datetimes import read_wire
from contract.errors import ValidationError
from contract.pricing import RECORD as PRICING_RECORD
from contract.pricing import PricingRecordPayload
from contract.sync import Payload


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
    fields: dict[str, dict[str, Any]] = Field(default_factory=dict)  # {name: {value, hlc}}


class SnapshotOut(BaseModel):
    """Everything a device needs for a full resync; then pull ``changes?since=change_seq``."""

    shop_id: int
    shop_name: str
    status: str
    change_seq: int
    listings: list[ListingOut]
    open_orders: list[dict[str, Any]]


# ----- the changes as the device reads them ------------------------------------------------------
# Lenient on purpose: a change was written by the server (perhaps an older one) and is applied
# as far as the device understands it; the device checks the shape it relies on, no more.

AnyId = Annotated[str, BeforeValidator(str)]
"""An order id, product or movement UUID as text, whatever JSON type carried it."""
AnyQty = Annotated[str, BeforeValidator(str), Field(pattern=r"^\s*[-+]?\d{1,15}(\.\d+)?\s*$")]
WireTime = Annotated[datetime, AfterValidator(read_wire)]


class PulledChange(ChangeOut):
    """A change-log entry as the device reads it (``seq``, origin and time may be absent)."""

    seq: int = 0
    origin_device_id: int | None = None
    created_at: WireTime | None = None  # type: ignore[assignment]


class FieldsChange(Payload):
    """``product.fields``: the winning stamped fields of one product."""

    product_uuid: AnyId
    fields: dict[str, Any] = Field(default_factory=dict)
    photo_changed: bool = False


class ListingChange(Payload):
    """``listing.upsert`` (logs of older servers): the public fields, present or not."""

    product_uuid: AnyId
    hlc: str | None = None


class MovementChange(Payload):
    """``stock.movement``: a ledger row of one of the shop's devices."""

    movement_uuid: AnyId
    product_uuid: AnyId
    qty: AnyQty
    kind: str = "adjust"
    created_at: WireTime | None = None
    on_hand: str | None = None


class OrderLineChange(Payload):
    """One line of a buyer's order: ``qty`` in base units and ``price`` per base unit; a pack
    line ("2 dus (80 pcs)") also names its pack, factor, pack count and pack price, and a line
    priced by a wholesale tier its ``price_note`` (all optional: older servers send none)."""

    product_uuid: AnyId
    qty: AnyQty
    price: int
    name: str = ""
    unit: str = "pcs"
    line_total: int | None = None
    pack_name: str = ""
    pack_factor: AnyQty | None = None
    pack_qty: AnyQty | None = None
    pack_price: int | None = None
    price_note: str = ""


class OrderPlaced(Payload):
    """``order.placed``: a buyer's new order, as the server logs it."""

    order_id: AnyId
    status: str
    created_at: WireTime
    expires_at: WireTime | None = None
    pay_method: str = "transfer"
    total: int
    unique_code: int = 0
    buyer_name: str = ""
    phone: str = ""
    nip: str | None = None
    lines: list[OrderLineChange] = Field(default_factory=list)


class OrderStatusChange(Payload):
    """``order.status``: a state change of an online order."""

    order_id: AnyId
    status: str | None = None
    reason: str | None = None
    payment_reference: str | None = None
    paid_at: WireTime | None = None
    updated_at: WireTime | None = None


class BookRecordChange(BookRecordPayload, Payload):
    """``book.record``: a money-book record of one of the shop's devices (:mod:`contract.books`)."""


class PricingRecordChange(PricingRecordPayload, Payload):
    """``pricing.record``: a pack, tier table, variant or promotion of one of the shop's
    devices (:mod:`contract.pricing`)."""


CHANGE_PAYLOADS: dict[str, type[Payload]] = {
    "product.fields": FieldsChange,
    "listing.upsert": ListingChange,
    "stock.movement": MovementChange,
    "order.placed": OrderPlaced,
    "order.status": OrderStatusChange,
    BOOK_RECORD: BookRecordChange,
    PRICING_RECORD: PricingRecordChange,
}
"""The change kinds the device applies, with the shape it checks before applying one."""


def read_change(raw: Mapping[str, Any]) -> tuple[PulledChange, Payload | None]:
    """Check a pulled change: its envelope, and its payload when the kind is known here.

    Raises :class:`ValidationError` naming what is wrong (the round stops before applying a
    change it cannot understand, and tries again later).
    """
    try:
        change = PulledChange.model_validate(raw)
        model = CHANGE_PAYLOADS.get(change.kind)
        return change, None if model is None else model.model_validate(change.payload)
    except PydanticValidationError as exc:
        where = ", ".join(".".join(str(x) for x in err["loc"]) for err in exc.errors()[:5])
        raise ValidationError("Perubahan dari server PEKEN tidak bisa dibaca: periksa {where}.",
                              field="sync", where=where) from exc
