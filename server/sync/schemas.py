"""Wire shapes of the sync API (the contract in docs/server.md)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StrictStr,
    StringConstraints,
)

from server.schemas import (
    Clean,
    Moment,
    NonEmpty,
    Strict,
    Text20,
    Text40,
    Text60,
    Text64,
    Text100,
    Text200,
    Text300,
)

MAX_PRICE = 1_000_000_000_000
QtyDelta = Annotated[str, Field(pattern=r"^\s*[-+]?\d{1,12}(\.\d{1,3})?\s*$", max_length=20)]
# A hybrid logical clock stamp: wall time (µs since the epoch), logical counter, device node.
# Fixed-width parts, so comparing the strings compares the stamps.
HLC_PATTERN = r"^\d{16}-\d{6}-[0-9a-z]{1,32}$"
Hlc = Annotated[StrictStr, Field(pattern=HLC_PATTERN, max_length=56)]


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
    price: Annotated[StrictInt, Field(ge=0, le=MAX_PRICE)]
    unit: Text20
    category: Text60 = ""
    published: bool
    photo: Annotated[str, Field(max_length=1_500_000)] | None = None
    hlc: Hlc | None = None  # when the edit was made (old outboxes: absent → server time)


class _Stamped(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    hlc: Hlc


class SkuField(_Stamped):
    """A stamped SKU."""

    value: Annotated[StrictStr, StringConstraints(min_length=1, max_length=64), Clean, NonEmpty]


class NameField(_Stamped):
    """A stamped product name."""

    value: Annotated[StrictStr, StringConstraints(min_length=1, max_length=200), Clean, NonEmpty]


class UnitField(_Stamped):
    """A stamped unit (pcs, kg, ...)."""

    value: Annotated[StrictStr, StringConstraints(min_length=1, max_length=20), Clean, NonEmpty]


class CategoryField(_Stamped):
    """A stamped category name ('' = none)."""

    value: Annotated[StrictStr, StringConstraints(max_length=80), Clean]


class PriceField(_Stamped):
    """A stamped selling price (whole rupiah, more than zero)."""

    value: Annotated[StrictInt, Field(ge=1, le=MAX_PRICE)]


class CostField(_Stamped):
    """A stamped cost price (whole rupiah, zero allowed)."""

    value: Annotated[StrictInt, Field(ge=0, le=MAX_PRICE)]


class FlagField(_Stamped):
    """A stamped yes/no (published, archived, sold by weight)."""

    value: StrictBool


class QtyField(_Stamped):
    """A stamped non-negative quantity with at most 3 decimals (minimum stock)."""

    value: Annotated[StrictStr, Field(pattern=r"^\d{1,12}(\.\d{1,3})?$", max_length=16)]


Barcode = Annotated[StrictStr, StringConstraints(pattern=r"^[0-9A-Za-z\-\.\/\+ ]{3,48}$")]


class BarcodesField(_Stamped):
    """All barcodes of the product (the whole list is one field)."""

    value: Annotated[list[Barcode], Field(max_length=50)]


class PhotoRefField(_Stamped):
    """A reference to the product photo (its SHA-256, '' = none)."""

    value: Annotated[StrictStr, Field(pattern=r"^([0-9a-f]{64})?$")]


class ProductFields(BaseModel):
    """The changed fields of a product edit; unknown field names are refused."""

    model_config = ConfigDict(extra="forbid")

    sku: SkuField | None = None
    name: NameField | None = None
    price: PriceField | None = None
    unit: UnitField | None = None
    category: CategoryField | None = None
    published: FlagField | None = None
    archived: FlagField | None = None
    sold_by_weight: FlagField | None = None
    cost: CostField | None = None
    min_stock: QtyField | None = None
    min_order: QtyField | None = None  # the least a buyer may order online (public)
    barcodes: BarcodesField | None = None
    photo_ref: PhotoRefField | None = None


PUBLIC_FIELDS = ("sku", "name", "price", "unit", "category", "published")
PRIVATE_FIELDS = ("archived", "sold_by_weight", "cost", "min_stock", "barcodes", "photo_ref")


class ProductEditPayload(Payload):
    """``product.edit``: only the changed fields of one product, each with its HLC stamp."""

    product_uuid: UUID
    fields: ProductFields


class MovementPayload(Payload):
    """``stock.movement``: one immutable stock ledger row."""

    movement_uuid: UUID
    product_uuid: UUID
    qty: QtyDelta
    kind: Text20
    created_at: Moment


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
    amount: Annotated[StrictInt, Field(ge=1, le=MAX_PRICE)]
    reference: Text100
    confirmed_at: Moment


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
