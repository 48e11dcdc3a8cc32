"""The sync contract, push side: the ops a shop device sends (docs/server.md).

Both ends validate with these models: the desktop app builds every outbox op as one of the
payload models below (:func:`build`, :func:`wire`) and the catalog server validates every pushed
op with :data:`OP_PAYLOADS` before applying it. What the device pulls is in
:mod:`contract.changes`. The wire stays JSON with the same keys and spellings as when the payloads
were plain dicts: UUIDs as lower-case text, quantities as ``"-2.000"``, moments as ISO 8601
with an offset (``2026-11-28T01:00:00+00:00``), money as integer rupiah.

Payload models ignore unknown keys (a newer device may send more); a product edit's field
names are closed (an unknown field is refused).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, TypeVar
from uuid import UUID

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    StrictBool,
    StrictInt,
    StrictStr,
    StringConstraints,
)
from pydantic import ValidationError as PydanticValidationError

from contract.books import RECORD as BOOK_RECORD
from contract.books import BookRecordPayload
from contract.errors import ValidationError
from contract.hlc import HLC_PATTERN
from contract.pricing import RECORD as PRICING_RECORD
from contract.pricing import PricingRecordPayload
from contract.shop_profile import KIND as SHOP_PROFILE
from contract.shop_profile import ShopProfilePayload
from contract.text import (
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
Hlc = Annotated[StrictStr, Field(pattern=HLC_PATTERN, max_length=56)]
M = TypeVar("M", bound=BaseModel)
WireMoment = Annotated[Moment, PlainSerializer(lambda moment: moment.isoformat(), when_used="json")]
"""A bounded moment written back as ``datetime.isoformat()`` (``+00:00``, never ``Z``)."""


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


PackName = Annotated[StrictStr, StringConstraints(min_length=1, max_length=20)]
QtyText = Annotated[StrictStr, Field(pattern=r"^\d{1,12}(\.\d{1,3})?$", max_length=16)]
Money = Annotated[StrictInt, Field(ge=1, le=MAX_PRICE)]


class OfferPack(BaseModel):
    """A pack buyers may order: ``factor`` base units for ``price`` ("per dus (40 pcs)")."""

    model_config = ConfigDict(extra="forbid")

    name: PackName
    factor: QtyText
    price: Money


class OfferTier(BaseModel):
    """A wholesale price from ``min_qty`` of the unit (or of the pack named), for a group."""

    model_config = ConfigDict(extra="forbid")

    pack: Annotated[StrictStr, StringConstraints(max_length=20)] = ""
    min_qty: QtyText
    price: Money
    group: Annotated[StrictStr, StringConstraints(max_length=40)] = ""  # "" = every buyer


class OfferVariant(BaseModel):
    """One variant of a parent listing: its own listing (product) with its option values."""

    model_config = ConfigDict(extra="forbid")

    product_uuid: UUID
    values: Annotated[list[Annotated[StrictStr, StringConstraints(min_length=1, max_length=30)]],
                      Field(max_length=3)]
    price: Money


class Offer(BaseModel):
    """How a listing is sold beyond its one price: packs, wholesale tiers, and variants (a
    parent lists its option names and variants; a variant names its parent)."""

    model_config = ConfigDict(extra="forbid")

    packs: Annotated[list[OfferPack], Field(max_length=10)] = []
    tiers: Annotated[list[OfferTier], Field(max_length=20)] = []
    options: Annotated[list[Annotated[StrictStr, StringConstraints(min_length=1, max_length=30)]],
                       Field(max_length=3)] = []
    variants: Annotated[list[OfferVariant], Field(max_length=200)] = []
    parent_uuid: UUID | None = None


def _offer_dict(value: Any) -> dict[str, Any]:
    """An :class:`Offer` checked and kept as plain JSON (stored as is in ``listing_fields``)."""
    return Offer.model_validate(value).model_dump(mode="json")


class OfferField(_Stamped):
    """A stamped offer (packs, tiers, variants), shown to buyers with its prices."""

    value: Annotated[dict[str, Any], AfterValidator(_offer_dict)]


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
    offer: OfferField | None = None  # packs, tiers, variants: public, read from listing_fields


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
    created_at: WireMoment


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
    confirmed_at: WireMoment


OP_PAYLOADS: dict[str, type[BaseModel]] = {
    "listing.upsert": ListingPayload,
    "product.edit": ProductEditPayload,
    "stock.movement": MovementPayload,
    "order.accept": OrderRef,
    "order.reject": OrderReject,
    "order.confirm_payment": PaymentConfirm,
    "order.fulfil": OrderRef,
    SHOP_PROFILE: ShopProfilePayload,
    BOOK_RECORD: BookRecordPayload,
    PRICING_RECORD: PricingRecordPayload,
}
"""Every op kind a device may push, with the payload model both ends validate it with."""


def wire(kind: str, payload: BaseModel) -> dict[str, Any]:
    """The JSON-ready payload of an op of ``kind`` (only the keys that were given).

    A model of the wrong type for ``kind`` is a programming error (``TypeError``).
    """
    expected = OP_PAYLOADS.get(kind)
    if expected is None or not isinstance(payload, expected):
        wanted = expected.__name__ if expected else "no payload (unknown kind)"
        raise TypeError(f"op {kind!r} takes {wanted}, got {type(payload).__name__}")
    return payload.model_dump(mode="json", exclude_unset=True)


def build(model: type[M], **values: Any) -> M:
    """A validated payload; a value the server would refuse raises :class:`ValidationError`.

    The device checks its own ops before queueing them, so a bad one is named to the seller
    now instead of coming back rejected after the next sync.
    """
    try:
        return model.model_validate(values)
    except PydanticValidationError as exc:
        where = ", ".join(".".join(str(x) for x in err["loc"]) for err in exc.errors()[:5])
        raise ValidationError("Data untuk server PEKEN tidak sah: periksa {where}.",
                              field="sync", where=where) from exc
