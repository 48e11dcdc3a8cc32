"""SQLAlchemy models of the catalog server (independent of the desktop ``models/``).

Quantities are stored as integer thousandths (``*_milli``) so both SQLite and
PostgreSQL keep them exact; money is whole rupiah in integers.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    insert,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship

from contract.datetimes import from_storage, to_storage

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


ACTIVE_UNIQUE = "status = 'active' AND NOT identity_override"  # one NIK/NPWP per active seller


def utcnow() -> datetime:
    """The current time, timezone-aware UTC."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp stored as naive UTC and returned timezone-aware (UTC)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Store as naive UTC; a naive datetime is refused (:func:`contract.datetimes.to_storage`)."""
        return to_storage(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        """Load as aware UTC."""
        return from_storage(value)


class Base(DeclarativeBase):
    """Declarative base of the server models."""

    metadata = MetaData(naming_convention=NAMING)


class AdminToken(Base):
    """A city operator's API token (only its SHA-256 is stored)."""

    __tablename__ = "admin_tokens"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    password_hash: Mapped[str | None] = mapped_column(String(200))  # console login (scrypt)
    # API token lifetime (PEKEN_ADMIN_TOKEN_HOURS); None: issued before expiry existed.
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class AdminSession(Base):
    """A logged-in city console session (cookie digest, CSRF token, idle clock)."""

    __tablename__ = "admin_sessions"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    admin_id: Mapped[int] = mapped_column(ForeignKey("admin_tokens.id"))
    csrf: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Seller(Base):
    """A PEKEN shop. ``change_seq`` is the shop's change-log counter (row-locked)."""

    __tablename__ = "sellers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    shop_name: Mapped[str] = mapped_column(String(120))
    owner_name: Mapped[str] = mapped_column(String(120))
    nik: Mapped[str] = mapped_column(String(16))
    npwp: Mapped[str | None] = mapped_column(String(16))
    qris_payload: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="active")
    change_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    order_hold_minutes: Mapped[int | None] = mapped_column(Integer)  # None: server default
    kecamatan: Mapped[str | None] = mapped_column(String(60))  # shop profile (synced)
    pickup_hours: Mapped[str | None] = mapped_column(String(120))
    shown_account: Mapped[int | None] = mapped_column(Integer)  # position buyers see
    profile_hlc: Mapped[str | None] = mapped_column(String(64))
    # An admin allowed this active seller to share a NIK/NPWP (audited); the partial unique
    # indexes on nik and npwp cover the active sellers without this flag.
    identity_override: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    bank_accounts: Mapped[list[BankAccount]] = relationship(
        order_by="BankAccount.position", cascade="all, delete-orphan"
    )

    __table_args__ = tuple(
        Index(f"uq_sellers_active_{column}", column, unique=True,
              sqlite_where=text(ACTIVE_UNIQUE), postgresql_where=text(ACTIVE_UNIQUE))
        for column in ("nik", "npwp")
    )


class BankAccount(Base):
    """A bank account that buyers of a seller transfer to."""

    __tablename__ = "bank_accounts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seller_id: Mapped[int] = mapped_column(ForeignKey("sellers.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    bank: Mapped[str] = mapped_column(String(40))
    number: Mapped[str] = mapped_column(String(30))
    holder: Mapped[str] = mapped_column(String(120))


class EnrollmentCode(Base):
    """A one-time code with which a device of a seller enrolls (hash only)."""

    __tablename__ = "enrollment_codes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seller_id: Mapped[int] = mapped_column(ForeignKey("sellers.id"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Device(Base):
    """An enrolled device (laptop, counter PC) of a seller."""

    __tablename__ = "devices"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seller_id: Mapped[int] = mapped_column(ForeignKey("sellers.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    # Idle expiry: pushed forward when the token is used (at most once a day).
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # After a rotation the old token works a little longer (the answer may have been lost).
    previous_token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    previous_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Listing(Base):
    """A product of a seller as the catalog shows it, with its stock projection."""

    __tablename__ = "listings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    seller_id: Mapped[int] = mapped_column(ForeignKey("sellers.id"), index=True)
    sku: Mapped[str] = mapped_column(String(64), default="")
    name: Mapped[str] = mapped_column(String(200), default="")
    price: Mapped[int] = mapped_column(BigInteger, default=0)
    unit: Mapped[str] = mapped_column(String(20), default="pcs")
    category: Mapped[str] = mapped_column(String(60), default="", index=True)
    published: Mapped[bool] = mapped_column(Boolean, default=False)
    photo: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    hidden_reason: Mapped[str | None] = mapped_column(String(300))  # hidden by the city
    on_hand_milli: Mapped[int] = mapped_column(BigInteger, default=0)
    min_order_milli: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    reserved_milli: Mapped[int] = mapped_column(BigInteger, default=0)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ListingField(Base):
    """One shared product field of a listing with the HLC stamp of its last write.

    Holds the whole product as the shop sees it (public fields and private ones such as
    cost, barcodes and minimum stock); only the shop's own devices ever read it. The
    public columns of :class:`Listing` mirror the winning public values.
    """

    __tablename__ = "listing_fields"
    listing_uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    field: Mapped[str] = mapped_column(String(20), primary_key=True)
    seller_id: Mapped[int] = mapped_column(ForeignKey("sellers.id"), index=True)
    value: Mapped[Any] = mapped_column(JSON, nullable=False)
    hlc: Mapped[str] = mapped_column(String(64))


class StockMovement(Base):
    """One immutable stock ledger row pushed by a device (merged by UUID)."""

    __tablename__ = "stock_movements"
    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    seller_id: Mapped[int] = mapped_column(ForeignKey("sellers.id"), index=True)
    listing_id: Mapped[int] = mapped_column(ForeignKey("listings.id"), index=True)
    qty_milli: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    device_id: Mapped[int | None] = mapped_column(ForeignKey("devices.id"))
    listing: Mapped[Listing] = relationship()


class ProcessedOp(Base):
    """The stored result of a pushed op, so a replay gets the same answer."""

    __tablename__ = "processed_ops"
    seller_id: Mapped[int] = mapped_column(ForeignKey("sellers.id"), primary_key=True)
    op_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    device_id: Mapped[int] = mapped_column(ForeignKey("devices.id"))
    seq: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(16))
    code: Mapped[str | None] = mapped_column(String(40))
    message: Mapped[str | None] = mapped_column(Text)
    change_seq: Mapped[int | None] = mapped_column(BigInteger)
    processed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Change(Base):
    """One entry of a shop's change log; ``seq`` is gap-free per shop."""

    __tablename__ = "changes"
    seller_id: Mapped[int] = mapped_column(ForeignKey("sellers.id"), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    origin_device_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Order(Base):
    """An online order placed by a buyer; paid straight to the seller."""

    __tablename__ = "orders"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    seller_id: Mapped[int] = mapped_column(ForeignKey("sellers.id"))
    buyer_name: Mapped[str] = mapped_column(String(120))
    phone: Mapped[str] = mapped_column(String(20))
    nip: Mapped[str | None] = mapped_column(String(18))
    pay_method: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(20))
    total: Mapped[int] = mapped_column(BigInteger)
    unique_code: Mapped[int] = mapped_column(Integer)
    amount_due: Mapped[int] = mapped_column(BigInteger)
    secret_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    paid_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    paid_amount: Mapped[int | None] = mapped_column(BigInteger)
    payment_reference: Mapped[str | None] = mapped_column(String(100))
    reason: Mapped[str | None] = mapped_column(String(300))
    client_ip_hash: Mapped[str | None] = mapped_column(String(64))  # per-IP open-order cap
    fulfilment: Mapped[str | None] = mapped_column(String(10))  # ambil | antar
    address: Mapped[str | None] = mapped_column(String(300))
    buyer_note: Mapped[str | None] = mapped_column(String(300))
    buyer_paid_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # "Saya sudah transfer"
    lines: Mapped[list[OrderLine]] = relationship(
        order_by="OrderLine.id", cascade="all, delete-orphan"
    )

    __table_args__ = (Index("ix_orders_seller_status", "seller_id", "status"),)


class OrderLine(Base):
    """A line of an online order, with the listing's name and price at order time."""

    __tablename__ = "order_lines"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[str] = mapped_column(ForeignKey("orders.id"), index=True)
    listing_id: Mapped[int] = mapped_column(ForeignKey("listings.id"))
    listing_uuid: Mapped[str] = mapped_column(String(36))
    name: Mapped[str] = mapped_column(String(200))
    unit: Mapped[str] = mapped_column(String(20))
    price: Mapped[int] = mapped_column(BigInteger)  # of one unit, or one pack for a pack line
    qty_milli: Mapped[int] = mapped_column(BigInteger)  # base units (what is reserved)
    line_total: Mapped[int] = mapped_column(BigInteger)
    # A pack line ("2 dus"): base thousandths per pack; the tier that priced the line (0009).
    pack_name: Mapped[str] = mapped_column(String(20), default="", server_default="")
    pack_factor_milli: Mapped[int] = mapped_column(BigInteger, default=1000, server_default="1000")
    price_note: Mapped[str] = mapped_column(String(60), default="", server_default="")


class SellerTurnover(Base):
    """Paid online turnover of a seller in one month (``YYYY-MM``)."""

    __tablename__ = "seller_turnover"
    seller_id: Mapped[int] = mapped_column(ForeignKey("sellers.id"), primary_key=True)
    month: Mapped[str] = mapped_column(String(7), primary_key=True)
    amount: Mapped[int] = mapped_column(BigInteger, default=0)


class RateHit(Base):
    """Events of one rate-limit rule and key in one time bucket (shared by every worker)."""

    __tablename__ = "rate_hits"
    rule: Mapped[str] = mapped_column(String(40), primary_key=True)
    key: Mapped[str] = mapped_column(String(128), primary_key=True)
    bucket: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    hits: Mapped[int] = mapped_column(Integer, default=0)


def table_of(model: type[Base]) -> Table:
    """The Core table of a model (for bulk inserts)."""
    return cast(Table, model.__table__)


def bulk_insert(session: Session, model: type[Base], rows: list[dict[str, Any]]) -> None:
    """Insert many rows in one Core executemany (pipelined by psycopg on PostgreSQL)."""
    if rows:
        session.connection().execute(insert(table_of(model)), rows)
