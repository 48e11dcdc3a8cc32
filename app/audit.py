"""The audit log: who did which sensitive action, when, and with whose approval.

Writes (:func:`record`) and the reads the log viewer and tests use live here together."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from models import AuditEntry, User


def record(
    session: Session,
    action: str,
    user_id: int | None = None,
    approved_by_id: int | None = None,
    **detail: Any,
) -> AuditEntry:
    """Append an audit entry in the caller's transaction."""
    entry = AuditEntry(
        action=action,
        user_id=user_id,
        approved_by_id=approved_by_id,
        detail=json.dumps(detail, default=str, ensure_ascii=False),
    )
    session.add(entry)
    return entry


def recent(session: Session, limit: int = 200, action: str | None = None) -> list[AuditEntry]:
    """The newest audit entries first."""
    query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if action:
        query = query.where(AuditEntry.action == action)
    return list(session.scalars(query))


@dataclass(frozen=True)
class AuditRow:
    """One audit entry for the viewer, with user names resolved."""

    id: int
    at: datetime
    action: str
    user_name: str
    approver_name: str
    detail: dict[str, object]


def audit_rows(
    session: Session,
    *,
    action: str | None = None,
    user_id: int | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = 2000,
) -> list[AuditRow]:
    """Audit entries newest first, filtered by exact action, user (doer or approver) and time."""
    query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if action:
        query = query.where(AuditEntry.action == action)
    if user_id is not None:
        query = query.where(or_(AuditEntry.user_id == user_id,
                                AuditEntry.approved_by_id == user_id))
    if since is not None:
        query = query.where(AuditEntry.at >= since)
    if until is not None:
        query = query.where(AuditEntry.at < until)
    names = {row[0]: row[1] for row in session.execute(select(User.id, User.name))}
    return [
        AuditRow(e.id, e.at, e.action, names.get(e.user_id or 0, "—"),
                 names.get(e.approved_by_id or 0, ""), _detail(e.detail))
        for e in session.scalars(query)
    ]


def audit_actions(session: Session) -> list[str]:
    """The distinct actions present in the audit log (for the viewer's filter)."""
    return sorted(session.scalars(select(AuditEntry.action).distinct()))


def _detail(text: str) -> dict[str, object]:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {"teks": text}
    return value if isinstance(value, dict) else {"nilai": value}
