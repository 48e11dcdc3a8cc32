"""Request and response bodies of the buyer order API."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from contract.enums import PaymentMethod
from server.schemas import Strict, Text20, Text40, Text120, Text300

QtyText = Annotated[str, Field(pattern=r"^\s*\d{1,9}(\.\d{1,3})?\s*$", examples=["2", "0.250"])]


class OrderLineIn(Strict):
    """A listing (its product UUID) and the quantity wanted; with ``pack`` (one of the
    listing's packs, e.g. "dus") the quantity counts packs. No price: the server prices it."""

    listing_id: Annotated[str, Field(min_length=36, max_length=36)]
    qty: QtyText | Annotated[int, Field(strict=True, ge=1, le=1_000_000)]
    pack: Text20 | None = None


class OrderIn(Strict):
    """A buyer's order at one seller."""

    seller_id: Annotated[int, Field(strict=True, ge=1, le=2_147_483_647)]
    buyer_name: Text120
    phone: Text20
    nip: Text40 | None = None
    lines: list[OrderLineIn] = Field(min_length=1, max_length=100)
    pay_method: Literal[PaymentMethod.TRANSFER, PaymentMethod.QRIS]
    fulfilment: Literal["ambil", "antar"] = "ambil"  # pickup at the shop or delivery
    address: Text300 | None = None  # required for "antar"
    note: Text300 | None = None


class BankAccountView(BaseModel):
    """Where to transfer."""

    bank: str
    number: str
    holder: str


class OrderLineOut(BaseModel):
    """A line as ordered: ``qty`` at ``price`` each, in packs when ``pack_name`` is set
    (``base_qty`` is then ``qty × pack_factor`` of ``unit``); ``price_note`` names the
    wholesale tier that priced it ("harga grosir ≥12 pcs")."""

    listing_id: str
    name: str
    unit: str
    price: int
    qty: str
    line_total: int
    pack_name: str = ""
    pack_factor: str | None = None
    base_qty: str | None = None
    qty_label: str = ""  # "2 dus (80 pcs)" / "12 pcs"
    price_note: str = ""


class OrderView(BaseModel):
    """An order as its buyer (or the owning shop) sees it."""

    order_id: str
    seller_id: int
    shop_name: str
    status: str
    pay_method: str
    lines: list[OrderLineOut]
    total: int
    unique_code: int
    amount_due: int
    bank_account: BankAccountView | None
    qris_payload: str | None
    created_at: datetime
    expires_at: datetime
    paid_at: datetime | None
    reason: str | None
    fulfilment: str = "ambil"
    address: str | None = None
    note: str | None = None
    buyer_paid_at: datetime | None = None  # the buyer said "sudah transfer"


class PlacedOrder(OrderView):
    """The answer to a placed order: the view plus the buyer secret (shown once)."""

    buyer_secret: str
