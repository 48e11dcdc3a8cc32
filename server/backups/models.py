"""Tables of the encrypted shop backups: one row per backup, its bytes in chunks."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, ForeignKey, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from server.models import Base, UTCDateTime, utcnow


class ShopBackup(Base):
    """An encrypted backup a device of a seller uploaded (the server cannot read it)."""

    __tablename__ = "shop_backups"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seller_id: Mapped[int] = mapped_column(ForeignKey("sellers.id"), index=True)
    device_id: Mapped[int] = mapped_column(ForeignKey("devices.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    complete: Mapped[bool] = mapped_column(Boolean, default=False)


class ShopBackupChunk(Base):
    """One piece of a backup's bytes (a request body stays under the server's limit)."""

    __tablename__ = "shop_backup_chunks"
    backup_id: Mapped[int] = mapped_column(ForeignKey("shop_backups.id", ondelete="CASCADE"),
                                           primary_key=True)
    idx: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
