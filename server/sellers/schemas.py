"""Request and response bodies of the admin seller API."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, Field, StringConstraints

from server.schemas import Clean, NonEmpty, Strict, Text40, Text120, Text512

MIN_HOLD_MINUTES = 5
MAX_HOLD_MINUTES = 24 * 60


class BankAccountIn(Strict):
    """A bank account buyers transfer to."""

    bank: Text40
    number: Text40
    holder: Text120


Reason = Annotated[str, StringConstraints(min_length=10, max_length=300), Clean, NonEmpty]
"""Why an admin bends a rule (audited): at least 10 characters."""
HoldMinutes = Annotated[int, Field(strict=True, ge=MIN_HOLD_MINUTES, le=MAX_HOLD_MINUTES)]


class SellerIn(Strict):
    """Registration of a seller by the city operator."""

    shop_name: Text120
    owner_name: Text120
    nik: Text40
    npwp: Text40 | None = None
    bank_accounts: list[BankAccountIn] = Field(min_length=1, max_length=5)
    qris_payload: Text512 | None = None
    order_hold_minutes: HoldMinutes | None = None
    identity_override_reason: Reason | None = None


class ActivateIn(Strict):
    """Re-activation; a reason lets a shop whose NIK/NPWP another active shop uses go live."""

    identity_override_reason: Reason | None = None


class OrderHoldIn(Strict):
    """How long this seller's unpaid orders keep their stock (None: the server default)."""

    minutes: HoldMinutes | None


class BankAccountOut(BaseModel):
    """A bank account as shown to admins and buyers."""

    bank: str
    number: str
    holder: str


class SellerOut(BaseModel):
    """A seller as the admin API shows it."""

    id: int
    shop_name: str
    owner_name: str
    nik: str
    npwp: str | None
    status: Literal["active", "suspended"]
    has_qris: bool
    bank_accounts: list[BankAccountOut]
    turnover_this_month: int
    created_at: datetime
    order_hold_minutes: int


class EnrollmentCodeOut(BaseModel):
    """A one-time enrollment code (shown once, stored hashed)."""

    seller_id: int
    code: str
    expires_at: datetime


class TurnoverRow(BaseModel):
    """Paid online turnover of one seller in one month."""

    seller_id: int
    shop_name: str
    month: str
    amount: int
    cap: int
    over_cap: bool


class DeviceOut(BaseModel):
    """An enrolled device as the admin API shows it."""

    id: int
    seller_id: int
    name: str
    created_at: datetime
    revoked: bool
    expires_at: datetime | None = None  # idle expiry of its token (None: not used since 0007)
