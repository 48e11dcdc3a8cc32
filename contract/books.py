"""The ``book.record`` sync op and change: the shop's money book between its own devices.

Customers, kasbon entries, pre-orders (with their lines and DP payments), drawer cash movements,
suppliers, purchases (with their lines) and supplier payments travel from the device that wrote
them to the shop's other devices through the server's per-shop change log. The server checks
each record with these models and relays it; it keeps nothing else of it, never publishes it in
the catalog, and no other shop can read it.

One op carries one whole record (:class:`BookRecordPayload`): its kind (``record``), its
``uuid``, its hybrid-logical-clock ``stamp`` (last writer wins per record) and its ``fields``,
checked with the kind's model in :data:`RECORD_MODELS`. Records refer to each other and to
products by uuid (``customer_uuid``, ``preorder_uuid``, ``product_uuid``...), never by local id.

Not synced, on purpose: local ids, who did it on the device (``user_id``, ``approved_by_id``),
the drawer it touched (``shift_id``: the money is in THAT device's drawer only), the bank
account row and the statement line key of a payment, and the photo of a cash movement's nota
(``cash_movements.photo``: too big for the change log; it stays on the device that took it).

Strict where it matters: money is a JSON integer within the column's range (``true`` or
``"5"`` refused), texts are bounded, one line where the column is, and free of control
characters and bidi overrides (:mod:`contract.text`), moments carry their zone and are kept in
UTC (:mod:`contract.datetimes`), quantities are decimal text with at most 3 decimals. Unknown
keys are ignored (a newer device may send more); the server relays only what it checked.

Pure pydantic: imports nothing from ``app``, ``server``, ``models`` or ``ui``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Annotated, Any, ClassVar, Literal, Self
from uuid import UUID

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    StrictBool,
    StrictInt,
    StringConstraints,
    model_validator,
)

from contract.datetimes import read_wire
from contract.enums import (
    CashCategory,
    CashDirection,
    CreditKind,
    MoneySource,
    PaymentMethod,
    PaymentStatus,
    PreorderPaymentKind,
    PreorderStatus,
    PurchaseKind,
    PurchaseStatus,
)
from contract.hlc import HLC_PATTERN
from contract.text import BIDI_CONTROLS, EARLIEST, Clean, Moment, NonEmpty, PositiveRupiah, Rupiah

RECORD = "book.record"
"""The op kind a device pushes and the change kind the server logs for the shop's devices."""

RecordKind = Literal["customer", "credit_entry", "preorder", "preorder_line", "preorder_payment",
                     "cash_movement", "supplier", "purchase", "purchase_line", "supplier_payment"]
LEDGER_KINDS: frozenset[str] = frozenset({"credit_entry", "preorder_payment", "cash_movement",
                                          "supplier_payment"})
"""Immutable ledger rows: written once; only their payment state (pending → confirmed/void)
may change later, the amount and the rest never do (a correction is a new row)."""
LEDGER_MUTABLE: frozenset[str] = frozenset({"status", "confirmed_at", "reference"})
MAX_DUE_AHEAD = timedelta(days=800)
UNIQUE_CODE_MAX = 999_999


def _long_text(value: str) -> str:
    """A multi-line note: line breaks and tabs allowed, other control and bidi characters not."""
    for ch in value:
        if (ord(ch) < 32 and ch not in "\n\r\t") or ord(ch) == 127:
            raise ValueError("teks tidak boleh berisi karakter kontrol")
        if ch in BIDI_CONTROLS:
            raise ValueError("teks tidak boleh berisi karakter pembalik arah tulisan")
    return value.strip()


def _positive(value: str) -> str:
    if not value.strip("0."):
        raise ValueError("jumlah harus lebih dari nol")
    return value


def _due(value: datetime) -> datetime:
    utc = read_wire(value)
    if utc < EARLIEST or utc > datetime.now(UTC) + MAX_DUE_AHEAD:
        raise ValueError("tanggal pesanan di luar jangkauan")
    return utc


def _day(value: date) -> date:
    if not date(2000, 1, 1) <= value <= date(2200, 12, 31):
        raise ValueError("tanggal di luar jangkauan")
    return value


def _iso(moment: datetime) -> str:
    return moment.isoformat()


Note = Annotated[str, StringConstraints(max_length=4000), AfterValidator(_long_text)]
When = Annotated[Moment, PlainSerializer(_iso, when_used="json")]
Due = Annotated[datetime, AfterValidator(_due), PlainSerializer(_iso, when_used="json")]
Day = Annotated[date, AfterValidator(_day)]
Qty = Annotated[str, StringConstraints(pattern=r"^\d{1,12}(\.\d{1,3})?$", max_length=16)]
PositiveQty = Annotated[Qty, AfterValidator(_positive)]
Position = Annotated[StrictInt, Field(ge=0, le=100_000)]
UniqueCode = Annotated[StrictInt, Field(ge=0, le=UNIQUE_CODE_MAX)]
Name120 = Annotated[str, StringConstraints(min_length=1, max_length=120), Clean, NonEmpty]
Name160 = Annotated[str, StringConstraints(min_length=1, max_length=160), Clean, NonEmpty]
Number = Annotated[str, StringConstraints(min_length=1, max_length=40), Clean, NonEmpty]
Unit = Annotated[str, StringConstraints(min_length=1, max_length=12), Clean, NonEmpty]
Phone = Annotated[str, StringConstraints(max_length=20), Clean]
Line20 = Annotated[str, StringConstraints(max_length=20), Clean]
Line40 = Annotated[str, StringConstraints(max_length=40), Clean]
Line60 = Annotated[str, StringConstraints(max_length=60), Clean]
Line120 = Annotated[str, StringConstraints(max_length=120), Clean]
Line200 = Annotated[str, StringConstraints(max_length=200), Clean]
Address = Annotated[str, StringConstraints(max_length=300), Clean]


class Record(BaseModel):
    """Fields every synced book record has (besides its uuid and stamp)."""

    model_config = ConfigDict(extra="ignore")

    device: Line40 = ""
    created_at: When


class CustomerRecord(Record):
    """``customer``: a buyer the shop knows."""

    name: Name120
    phone: Phone = ""
    address: Address = ""
    note: Note = ""
    group_name: Line40 = ""
    credit_limit: Rupiah | None = None
    merged_into: UUID | None = None
    archived: StrictBool = False
    updated_at: When


class CreditEntryRecord(Record):
    """``credit_entry``: one kasbon line (sale, payment, refund, correction)."""

    customer_uuid: UUID
    kind: CreditKind
    amount: PositiveRupiah
    order_uuid: UUID | None = None
    order_number: Line40 = ""
    method: PaymentMethod | None = None
    status: PaymentStatus = PaymentStatus.CONFIRMED
    unique_code: UniqueCode = 0
    note: Line200 = ""
    confirmed_at: When | None = None


class PreorderRecord(Record):
    """``preorder``: an order for later pickup or delivery."""

    number: Number
    customer_uuid: UUID | None = None
    customer_name: Line120 = ""
    customer_phone: Phone = ""
    due_at: Due
    delivery: StrictBool = False
    address: Address = ""
    note: Note = ""
    status: PreorderStatus = PreorderStatus.OPEN
    total: Rupiah = 0
    dp_kept: Rupiah = 0
    order_uuid: UUID | None = None
    updated_at: When


class PreorderLineRecord(Record):
    """``preorder_line``: one item of a pre-order (a product by uuid, or made to order)."""

    preorder_uuid: UUID
    position: Position = 0
    product_uuid: UUID | None = None
    name: Name160
    unit: Unit = "pcs"
    qty: PositiveQty
    unit_price: Rupiah
    reserved: StrictBool = False
    note: Address = ""


class PreorderPaymentRecord(Record):
    """``preorder_payment``: a DP taken or refunded."""

    preorder_uuid: UUID
    kind: PreorderPaymentKind = PreorderPaymentKind.DEPOSIT
    method: PaymentMethod
    amount: PositiveRupiah
    status: PaymentStatus = PaymentStatus.CONFIRMED
    unique_code: UniqueCode = 0
    reference: Line120 = ""


class CashMovementRecord(Record):
    """``cash_movement``: kas masuk / kas keluar (the nota photo stays on its device)."""

    direction: CashDirection
    category: CashCategory
    amount: PositiveRupiah
    note: Address = ""
    purchase_uuid: UUID | None = None


class SupplierRecord(Record):
    """``supplier``: who the shop buys from."""

    name: Name120
    phone: Phone = ""
    address: Address = ""
    note: Note = ""
    archived: StrictBool = False
    updated_at: When


class PurchaseRecord(Record):
    """``purchase``: goods bought from (or returned to) a supplier."""

    number: Number
    kind: PurchaseKind = PurchaseKind.PURCHASE
    supplier_uuid: UUID | None = None
    invoice_no: Line60 = ""
    invoice_date: Day | None = None
    due_date: Day | None = None
    status: PurchaseStatus = PurchaseStatus.RECEIVED
    total: Rupiah = 0
    note: Note = ""
    return_of: UUID | None = None
    received_at: When | None = None
    updated_at: When


class PurchaseLineRecord(Record):
    """``purchase_line``: one product of a purchase (by uuid)."""

    purchase_uuid: UUID
    position: Position = 0
    product_uuid: UUID
    name: Name160
    unit: Unit = "pcs"
    qty_ordered: Qty = "0"
    qty_received: Qty = "0"
    unit_cost: Rupiah = 0
    # the pack it was bought in (optional: an older device sends none and they read as none);
    # the line's money is then qty ÷ pack_factor × pack_cost
    pack_name: Line20 = ""
    pack_factor: PositiveQty = "1"
    pack_cost: Rupiah | None = None

    @model_validator(mode="after")
    def _pack_named(self) -> PurchaseLineRecord:
        if self.pack_cost is not None and not self.pack_name:
            raise ValueError("harga per kemasan tanpa nama kemasan")
        return self


class SupplierPaymentRecord(Record):
    """``supplier_payment``: money paid to a supplier."""

    supplier_uuid: UUID | None = None
    purchase_uuid: UUID | None = None
    source: MoneySource
    amount: PositiveRupiah
    note: Line200 = ""


RECORD_MODELS: dict[str, type[Record]] = {
    "customer": CustomerRecord,
    "credit_entry": CreditEntryRecord,
    "preorder": PreorderRecord,
    "preorder_line": PreorderLineRecord,
    "preorder_payment": PreorderPaymentRecord,
    "cash_movement": CashMovementRecord,
    "supplier": SupplierRecord,
    "purchase": PurchaseRecord,
    "purchase_line": PurchaseLineRecord,
    "supplier_payment": SupplierPaymentRecord,
}
"""Each record kind with the model its ``fields`` are checked with."""


class StampedRecordPayload(BaseModel):
    """One whole record shared between a shop's own devices: its kind (``record``), ``uuid``,
    hybrid-logical-clock ``stamp`` and ``fields``, checked with the kind's model in the
    subclass's :attr:`MODELS` and kept in their wire form (known fields only); :meth:`typed`
    gives the checked model. ``book.record`` and ``pricing.record`` are its two ops."""

    model_config = ConfigDict(extra="ignore")
    MODELS: ClassVar[dict[str, type[BaseModel]]] = {}

    record: str
    uuid: UUID
    stamp: Annotated[str, Field(strict=True, pattern=HLC_PATTERN, max_length=56)]
    fields: dict[str, Any]

    @model_validator(mode="after")
    def _check_fields(self) -> Self:
        self.fields = self.typed().model_dump(mode="json")
        return self

    def typed(self) -> Any:
        """The fields as the kind's checked model."""
        return self.MODELS[self.record].model_validate(self.fields)


class BookRecordPayload(StampedRecordPayload):
    """``book.record``: one whole money-book record, as pushed and as pulled
    (:data:`RECORD_MODELS` checks its ``fields``)."""

    MODELS: ClassVar[dict[str, type[BaseModel]]] = RECORD_MODELS  # type: ignore[assignment]

    record: RecordKind

    def typed(self) -> Record:
        """The fields as the kind's checked model."""
        return RECORD_MODELS[self.record].model_validate(self.fields)
