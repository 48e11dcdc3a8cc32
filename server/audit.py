"""The admin audit trail: decisions that bend a rule, with who, when and why."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel
from sqlalchemy import ForeignKey, Integer, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from server.models import Base, UTCDateTime, utcnow


class AdminAudit(Base):
    """One audited admin decision."""

    __tablename__ = "admin_audit"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    admin_id: Mapped[int] = mapped_column(ForeignKey("admin_tokens.id"))
    action: Mapped[str] = mapped_column(String(40))
    seller_id: Mapped[int | None] = mapped_column(ForeignKey("sellers.id"))
    reason: Mapped[str] = mapped_column(String(300))


class AuditOut(BaseModel):
    """An audit entry as the admin API shows it."""

    id: int
    at: datetime
    admin_id: int
    action: str
    seller_id: int | None
    reason: str


def record(session: Session, admin_id: int, action: str, seller_id: int | None,
           reason: str) -> None:
    """Add an entry to the trail (in the caller's transaction)."""
    session.add(AdminAudit(admin_id=admin_id, action=action, seller_id=seller_id, reason=reason,
                           at=utcnow()))


def entries(session: Session, limit: int = 200) -> list[AuditOut]:
    """The newest entries first."""
    rows = session.scalars(select(AdminAudit).order_by(AdminAudit.id.desc()).limit(limit))
    return [AuditOut(id=r.id, at=r.at, admin_id=r.admin_id, action=r.action,
                     seller_id=r.seller_id, reason=r.reason) for r in rows]
