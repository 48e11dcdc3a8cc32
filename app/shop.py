"""The shop profile, sales channels (counter, events, online) and bank accounts."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import ConflictError, NotFoundError, ValidationError
from models import BankAccount, SalesChannel, ShopProfile

COUNTER_NAME = "Toko"
ONLINE_NAME = "PEKEN Online"
BANKS = ("BCA", "Mandiri", "BRI", "BNI", "Bank Jatim", "BSI", "CIMB Niaga", "Permata", "BTN", "Lainnya")


@dataclass(frozen=True)
class ChannelView:
    """A sales channel for pickers and reports."""

    id: int
    kind: str
    name: str
    active: bool


def _default_profile() -> ShopProfile:
    return ShopProfile(name="Toko Saya", owner_name="", address="", phone="", npwp="",
                       device_code="K1")


def profile(session: Session) -> ShopProfile:
    """The shop's profile (defaults, not stored, until the seller saves one); never writes."""
    row = session.scalar(select(ShopProfile).limit(1))
    return row if row is not None else _default_profile()


def update_profile(session: Session, **fields: str) -> ShopProfile:
    """Change profile fields; the device code must be 1–8 letters/digits."""
    row = session.scalar(select(ShopProfile).limit(1))
    if row is None:
        row = _default_profile()
        session.add(row)
    if "name" in fields and len(fields["name"].strip()) < 2:
        raise ValidationError("Nama toko wajib diisi.", field="name")
    if "device_code" in fields and not re.fullmatch(r"[A-Z0-9]{1,8}", fields["device_code"]):
        raise ValidationError("Kode perangkat 1–8 huruf besar/angka, mis. K1.", field="device_code")
    for key, value in fields.items():
        if not hasattr(row, key) or key in ("id", "created_at"):
            raise ValidationError("Kolom profil '{key}' tidak dikenal.", key=key)
        setattr(row, key, value.strip())
    return row


def ensure_channels(session: Session) -> None:
    """Create the built-in counter and online channels if missing."""
    names = set(session.scalars(select(SalesChannel.name)))
    if COUNTER_NAME not in names:
        session.add(SalesChannel(kind="counter", name=COUNTER_NAME))
    if ONLINE_NAME not in names:
        session.add(SalesChannel(kind="online", name=ONLINE_NAME))
    session.flush()


def channels(session: Session, active_only: bool = True) -> list[ChannelView]:
    """Counter first, then events by name, then online (built-ins come with the schema)."""
    query = select(SalesChannel)
    if active_only:
        query = query.where(SalesChannel.active.is_(True))
    order = {"counter": 0, "event": 1, "online": 2}
    rows = sorted(session.scalars(query), key=lambda c: (order.get(c.kind, 9), c.name))
    return [ChannelView(c.id, c.kind, c.name, c.active) for c in rows]


def create_event(session: Session, name: str) -> int:
    """Add a named exhibition/bazaar event to sell at (booth mode)."""
    clean = " ".join(name.split())
    if len(clean) < 3:
        raise ValidationError("Nama acara minimal 3 huruf, mis. 'Bazar UMKM Balai Kota'.", field="name")
    if session.scalar(select(SalesChannel.id).where(SalesChannel.name == clean)):
        raise ConflictError("Acara '{clean}' sudah ada.", field="name", clean=clean)
    channel = SalesChannel(kind="event", name=clean)
    session.add(channel)
    session.flush()
    return channel.id


def add_bank_account(session: Session, bank: str, number: str, holder: str) -> int:
    """Register an account buyers transfer to; number digits only."""
    digits = re.sub(r"[\s\-.]", "", number)
    if not bank.strip():
        raise ValidationError("Pilih bank.", field="bank")
    if not digits.isdigit() or not 6 <= len(digits) <= 20:
        raise ValidationError("Nomor rekening harus 6–20 angka.", field="number")
    if len(holder.strip()) < 2:
        raise ValidationError("Nama pemilik rekening wajib diisi.", field="holder")
    account = BankAccount(bank=bank.strip(), number=digits, holder=holder.strip().upper())
    session.add(account)
    session.flush()
    return account.id


def bank_accounts(session: Session) -> list[BankAccount]:
    """Active bank accounts."""
    return list(session.scalars(select(BankAccount).where(BankAccount.active.is_(True))))


def get_bank_account(session: Session, account_id: int) -> BankAccount:
    """One bank account, or NotFoundError."""
    account = session.get(BankAccount, account_id)
    if account is None:
        raise NotFoundError("Rekening tidak ditemukan.")
    return account
