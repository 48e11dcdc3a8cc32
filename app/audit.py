"""The audit log: who did which sensitive action, when, and with whose approval."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import AuditEntry


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
