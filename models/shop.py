"""The shop itself: profile, settings, bank accounts, sales channels, users, audit log."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow


class ShopProfile(Base):
    """The one row describing this shop and this device."""

    __tablename__ = "shop_profile"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    owner_name: Mapped[str] = mapped_column(String(120), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    npwp: Mapped[str] = mapped_column(String(30), default="")
    device_code: Mapped[str] = mapped_column(String(8), default="K1")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Setting(Base):
    """One stored setting; keys and types are declared in ``app.settings``."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class BankAccount(Base):
    """A bank account of the seller that buyers transfer to directly."""

    __tablename__ = "bank_accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    bank: Mapped[str] = mapped_column(String(40))
    number: Mapped[str] = mapped_column(String(40))
    holder: Mapped[str] = mapped_column(String(120))
    active: Mapped[bool] = mapped_column(default=True)


class SalesChannel(Base):
    """Where a sale happens: the shop counter, a named exhibition/bazaar event, or PEKEN online."""

    __tablename__ = "sales_channels"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))  # counter | event | online
    name: Mapped[str] = mapped_column(String(120), unique=True)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class User(Base):
    """Someone who works the till: the owner or a cashier, logging in with a PIN."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    role: Mapped[str] = mapped_column(String(10))  # owner | cashier
    pin_hash: Mapped[str] = mapped_column(String(200))
    permissions: Mapped[str] = mapped_column(Text, default="")  # comma list, extra grants
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class AuditEntry(Base):
    """An append-only record of a sensitive action: who, what, when, details (JSON)."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    action: Mapped[str] = mapped_column(String(60), index=True)
    detail: Mapped[str] = mapped_column(Text, default="{}")


class Shift(Base):
    """A cashier shift: opening cash, and at close the counted cash and the difference."""

    __tablename__ = "shifts"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    opened_at: Mapped[datetime] = mapped_column(default=utcnow)
    opening_cash: Mapped[int] = mapped_column(default=0)
    closed_at: Mapped[datetime | None]
    expected_cash: Mapped[int | None]
    counted_cash: Mapped[int | None]
    counted_detail: Mapped[str] = mapped_column(Text, default="{}")
    z_report: Mapped[str] = mapped_column(Text, default="")
