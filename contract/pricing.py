"""The ``pricing.record`` sync op and change: packs, wholesale tiers, variants and promotions
between one shop's own devices.

The public ``offer`` field of a product (:class:`contract.sync.Offer`) tells buyers about packs,
tiers and variants; it carries no barcodes, no uuids and no promotions, so a shop's other tills
learn them from these records instead. Like ``book.record`` (:mod:`contract.books`), one op
carries one whole record: its kind (``record``), its ``uuid``, its hybrid-logical-clock
``stamp`` (last writer wins per record) and its ``fields``, checked with the kind's model in
:data:`RECORD_MODELS`. The server checks and relays it into the shop's change log; it keeps
nothing of it and never publishes it.

* ``pack`` (uuid: the pack's): a pack of a product with its barcodes. Deleting a pack is
  archiving it: ``archived`` travels (its barcodes are then empty).
* ``tiers`` (uuid: the PRODUCT's): the product's whole wholesale price table. The seller edits
  the table as one (:func:`app.packs.set_tiers` replaces every row), so the table is the record;
  an empty list is "no tiers". A tier names its pack by the pack's uuid.
* ``variant`` (uuid: the product's): a parent's option names, or a variant's parent (by uuid)
  and option values.
* ``promotion`` (uuid: the promotion's): the rule with its items (products by uuid, categories
  by name, as products carry them) and the channel by name; a deleted promotion travels as
  ``deleted`` (a tombstone: an older edit never brings it back).

Strict like :mod:`contract.books`: money is a JSON integer in range (``true`` refused),
quantities are decimal text with at most 3 decimals and more than zero, texts are bounded and
clean. Unknown keys are ignored. Pure pydantic: imports nothing from ``app``, ``server``,
``models`` or ``ui``.
"""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal
from uuid import UUID

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StringConstraints,
    model_validator,
)

from contract.books import Day, Line40, Line120, PositiveQty, StampedRecordPayload
from contract.enums import ChannelKind, PromoKind
from contract.text import Clean, NonEmpty, PositiveRupiah, Rupiah

RECORD = "pricing.record"
"""The op kind a device pushes and the change kind the server logs for the shop's devices."""

RecordKind = Literal["pack", "tiers", "variant", "promotion"]
MAX_PACK_CODES = 50  # as many as a product may have (contract.sync.BarcodesField)
MAX_TIERS = 20
MAX_ITEMS = 500

PackName = Annotated[str, StringConstraints(min_length=1, max_length=20), Clean, NonEmpty]
Code = Annotated[str, StringConstraints(pattern=r"^[0-9A-Za-z\-\.\/\+ ]{3,48}$")]
OptionWord = Annotated[str, StringConstraints(min_length=1, max_length=30), Clean, NonEmpty]
PromoName = Annotated[str, StringConstraints(min_length=1, max_length=80), Clean, NonEmpty]
CategoryName = Annotated[str, StringConstraints(min_length=1, max_length=80), Clean, NonEmpty]
Percent = Annotated[str, StringConstraints(pattern=r"^\d{1,3}(\.\d{1,2})?$", max_length=6)]
Minute = Annotated[StrictInt, Field(ge=0, le=24 * 60 - 1)]
SmallQty = Annotated[str, StringConstraints(pattern=r"^\d{1,7}(\.\d{1,3})?$", max_length=11)]


class PackRecord(BaseModel):
    """``pack``: ``factor`` base units of a product sold at ``price``, with its barcodes."""

    model_config = ConfigDict(extra="ignore")

    product_uuid: UUID
    name: PackName
    factor: PositiveQty
    price: PositiveRupiah
    barcodes: Annotated[list[Code], Field(max_length=MAX_PACK_CODES)] = []
    archived: StrictBool = False

    @model_validator(mode="after")
    def _distinct_codes(self) -> PackRecord:
        if len(set(self.barcodes)) != len(self.barcodes):
            raise ValueError("barcode kemasan ditulis dua kali")
        return self


class TierItem(BaseModel):
    """One wholesale price: from ``min_qty`` of the base unit (or of the pack), for a group."""

    model_config = ConfigDict(extra="ignore")

    pack_uuid: UUID | None = None
    group: Line40 = ""
    min_qty: PositiveQty
    price: PositiveRupiah


class TiersRecord(BaseModel):
    """``tiers``: a product's whole wholesale table (the record's uuid is the product's)."""

    model_config = ConfigDict(extra="ignore")

    tiers: Annotated[list[TierItem], Field(max_length=MAX_TIERS)] = []


class VariantRecord(BaseModel):
    """``variant``: a parent's option names, or a variant's parent and option values."""

    model_config = ConfigDict(extra="ignore")

    parent_uuid: UUID | None = None
    option_names: Annotated[list[OptionWord], Field(max_length=3)] = []
    options: Annotated[dict[OptionWord, OptionWord], Field(max_length=3)] = {}


class PromoItemRecord(BaseModel):
    """What a promotion covers: one product (by uuid) or one category (by name)."""

    model_config = ConfigDict(extra="ignore")

    product_uuid: UUID | None = None
    category: CategoryName | None = None
    qty: PositiveQty = "1"

    @model_validator(mode="after")
    def _one_target(self) -> PromoItemRecord:
        if (self.product_uuid is None) == (self.category is None):
            raise ValueError("tiap baris promo berisi satu produk atau satu kategori")
        return self


class PromotionRecord(BaseModel):
    """``promotion``: a pricing rule with its window, channel and items (or its deletion)."""

    model_config = ConfigDict(extra="ignore")

    name: PromoName
    kind: PromoKind
    active: StrictBool = True
    buy_qty: SmallQty = "0"
    free_qty: SmallQty = "0"
    bundle_price: Rupiah = 0
    percent: Percent = "0"
    amount: Rupiah = 0
    starts_on: Day | None = None
    ends_on: Day | None = None
    weekdays: Annotated[str, StringConstraints(pattern=r"^[1-7]{1,7}$")] = "1234567"
    from_minute: Minute | None = None
    to_minute: Minute | None = None
    channel: Line120 = ""  # the sales channel's name; "" = every channel
    channel_kind: ChannelKind = ChannelKind.EVENT
    stackable: StrictBool = False
    priority: Annotated[StrictInt, Field(ge=-1000, le=1000)] = 0
    items: Annotated[list[PromoItemRecord], Field(max_length=MAX_ITEMS)] = []
    deleted: StrictBool = False

    @model_validator(mode="after")
    def _sane(self) -> PromotionRecord:
        if float(self.percent) > 100:
            raise ValueError("diskon persen paling banyak 100")
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValueError("tanggal selesai sebelum tanggal mulai")
        if (self.from_minute is None) != (self.to_minute is None):
            raise ValueError("jam mulai dan jam selesai diisi berdua")
        return self


RECORD_MODELS: dict[str, type[BaseModel]] = {
    "pack": PackRecord,
    "tiers": TiersRecord,
    "variant": VariantRecord,
    "promotion": PromotionRecord,
}
"""Each record kind with the model its ``fields`` are checked with."""


class PricingRecordPayload(StampedRecordPayload):
    """``pricing.record``: one whole pricing record, as pushed and as pulled
    (:data:`RECORD_MODELS` checks its ``fields``)."""

    MODELS: ClassVar[dict[str, type[BaseModel]]] = RECORD_MODELS

    record: RecordKind
