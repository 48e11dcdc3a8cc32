"""Declarative base, shared column types and typed IDs for the shop database."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, NewType

from sqlalchemy import DateTime, Integer, MetaData, String
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

from contract.datetimes import from_storage, to_storage

ProductId = NewType("ProductId", int)
CategoryId = NewType("CategoryId", int)
OrderId = NewType("OrderId", int)
PaymentId = NewType("PaymentId", int)
UserId = NewType("UserId", int)
ChannelId = NewType("ChannelId", int)
BankAccountId = NewType("BankAccountId", int)

QTY_SCALE = 1000

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_uuid() -> str:
    """A fresh client-made UUID (text) for records that leave the device."""
    return str(uuid.uuid4())


def utcnow() -> datetime:
    """The current time in UTC, timezone-aware."""
    return datetime.now(UTC)


class Quantity(TypeDecorator[Decimal]):
    """A Decimal with 3 places stored exactly as an integer count of thousandths."""

    impl = Integer
    cache_ok = True

    def process_bind_param(self, value: Decimal | int | None, dialect: Dialect) -> int | None:
        """Decimal → integer thousandths (refuses more than 3 places)."""
        if value is None:
            return None
        scaled = Decimal(value) * QTY_SCALE
        if scaled != scaled.to_integral_value():
            raise ValueError(f"quantity {value} has more than 3 decimal places")
        return int(scaled)

    def process_result_value(self, value: int | None, dialect: Dialect) -> Decimal | None:
        """Integer thousandths → Decimal with 3 places."""
        if value is None:
            return None
        return (Decimal(value) / QTY_SCALE).quantize(Decimal("0.001"))


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime (SQLite stores naive text; we restore the zone)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Store as naive UTC; a naive datetime is refused (:func:`contract.datetimes.to_storage`)."""
        return to_storage(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        """Load as aware UTC."""
        return from_storage(value)


class Base(DeclarativeBase):
    """Declarative base of every shop table."""

    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {
        Decimal: Quantity,
        datetime: UTCDateTime,
        str: String,
    }
