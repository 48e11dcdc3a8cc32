"""The sync state kept in the shop database (table ``sync_state``): server URL, device
token, the change cursor, last sync and last error.

The device token is written once at enrollment and only read by the HTTP client; it is
never shown, returned in a status or logged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from models import OutboxOp, SyncState

SERVER_URL = "server_url"
DEVICE_TOKEN = "device_token"
DEVICE_ID = "device_id"
SHOP_ID = "shop_id"
SHOP_NAME = "shop_name"
CURSOR = "cursor"
LAST_SYNC = "last_sync"
LAST_ERROR = "last_error"
DEVICE_KEYS = (DEVICE_TOKEN, DEVICE_ID, SHOP_ID, SHOP_NAME, CURSOR, LAST_SYNC, LAST_ERROR)


@dataclass(frozen=True)
class Credentials:
    """Where and as whom this device talks to the server (the token stays inside)."""

    server_url: str
    token: str

    def __repr__(self) -> str:
        return f"Credentials(server_url={self.server_url!r}, token='***')"


@dataclass(frozen=True)
class OutboxCounts:
    """How many ops wait, were refused, or were acknowledged."""

    pending: int
    rejected: int
    acked: int


def get(session: Session, key: str, default: str = "") -> str:
    """The stored value of ``key`` or ``default``."""
    row = session.get(SyncState, key)
    return row.value if row is not None else default


def put(session: Session, key: str, value: str) -> None:
    """Store ``value`` under ``key`` (in the caller's transaction)."""
    row = session.get(SyncState, key)
    if row is None:
        session.add(SyncState(key=key, value=value))
    else:
        row.value = value


def cursor(session: Session) -> int:
    """The last server change applied here (0 = none yet)."""
    return int(get(session, CURSOR, "0") or 0)


def credentials(session: Session) -> Credentials | None:
    """The server URL and token when this device is enrolled, else None."""
    token = get(session, DEVICE_TOKEN)
    url = get(session, SERVER_URL)
    return Credentials(url, token) if token and url else None


def is_enrolled(session: Session) -> bool:
    """Whether a device token is stored."""
    return bool(get(session, DEVICE_TOKEN))


def forget_device(session: Session) -> None:
    """Drop the token and the cursor (unenroll); the outbox and server URL stay."""
    session.execute(delete(SyncState).where(SyncState.key.in_(DEVICE_KEYS)))


def note_success(session: Session, when: datetime) -> None:
    """Remember a completed round."""
    put(session, LAST_SYNC, when.isoformat())
    put(session, LAST_ERROR, "")


def last_sync(session: Session) -> datetime | None:
    """When the last round completed, or None."""
    text = get(session, LAST_SYNC)
    return datetime.fromisoformat(text) if text else None


def outbox_counts(session: Session) -> OutboxCounts:
    """Counts of outbox rows by status."""
    rows = dict(session.execute(
        select(OutboxOp.status, func.count()).group_by(OutboxOp.status)).all())
    return OutboxCounts(int(rows.get("pending", 0)), int(rows.get("rejected", 0)),
                        int(rows.get("acked", 0)))
