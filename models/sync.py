"""The sync outbox and the small key/value sync state (cursor, device token)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, new_uuid, utcnow


class OutboxOp(Base):
    """A change waiting for the PEKEN server; deleted/acked only after the server acknowledged."""

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_status_seq", "status", "seq"),)

    seq: Mapped[int] = mapped_column(primary_key=True)  # the per-device sequence number
    op_id: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    kind: Mapped[str] = mapped_column(String(40))
    payload: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10), default="pending")  # pending|acked|rejected
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    acked_at: Mapped[datetime | None]


class SyncState(Base):
    """Key/value sync state: server URL, device token, change cursor, last sync time."""

    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class FieldClock(Base):
    """The hybrid-logical-clock stamp of the last write of one shared product field.

    A remote field change is applied only when its stamp is newer than the stored one, so
    every device of a shop ends with the same value whatever order changes arrive in.
    """

    __tablename__ = "product_field_clocks"

    product_uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    field: Mapped[str] = mapped_column(String(20), primary_key=True)
    hlc: Mapped[str] = mapped_column(String(64))
