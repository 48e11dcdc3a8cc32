"""Console logins: scrypt passwords, server-side sessions with an idle timeout, CSRF tokens.

Sessions live in the database (``admin_sessions``: the cookie's SHA-256, the CSRF token, the
last request), so every worker process of a city's server knows them. A session unused for
:data:`IDLE` or older than :data:`LONGEST` is gone; logging out deletes it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta

from fastapi import Request
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from server.models import AdminSession, AdminToken, utcnow
from server.security import hash_secret

COOKIE = "peken_admin"
LOGIN_COOKIE = "peken_admin_masuk"  # double-submit CSRF of the login form (no session yet)
IDLE = timedelta(minutes=30)
LONGEST = timedelta(hours=12)
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
MIN_PASSWORD = 10


def hash_password(password: str) -> str:
    """``scrypt$N$r$p$salt$digest`` of ``password`` (random 16-byte salt)."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P)
    b64 = base64.urlsafe_b64encode
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${b64(salt).decode()}${b64(digest).decode()}"


def check_password(password: str, stored: str | None) -> bool:
    """Whether ``password`` matches the stored scrypt hash (constant-time compare)."""
    try:
        kind, n, r, p, salt, digest = (stored or "").split("$")
        if kind != "scrypt":
            return False
        want = base64.urlsafe_b64decode(digest)
        got = hashlib.scrypt(password.encode(), salt=base64.urlsafe_b64decode(salt),
                             n=int(n), r=int(r), p=int(p), dklen=len(want))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, want)


DUMMY_HASH = hash_password(secrets.token_urlsafe(16))  # equal work for unknown names


def authenticate(session: Session, name: str, password: str) -> AdminToken | None:
    """The admin with this name and password, or None (the same work either way)."""
    candidates = list(session.scalars(
        select(AdminToken).where(AdminToken.name == name, AdminToken.password_hash.isnot(None))))
    if not candidates:
        check_password(password, DUMMY_HASH)
        return None
    for admin in candidates:
        if check_password(password, admin.password_hash):
            return admin
    return None


def start(session: Session, admin_id: int) -> str:
    """A new session of ``admin_id``; the cookie value (only its digest is stored)."""
    token = secrets.token_urlsafe(32)
    now = utcnow()
    session.execute(delete(AdminSession).where(AdminSession.last_seen_at < now - IDLE))
    session.add(AdminSession(token_hash=hash_secret(token), admin_id=admin_id,
                             csrf=secrets.token_urlsafe(32), created_at=now, last_seen_at=now))
    return token


@dataclass(frozen=True)
class Login:
    """The logged-in operator of a console request."""

    admin_id: int
    name: str
    csrf: str


def current(session: Session, request: Request) -> Login | None:
    """The request's live session (its idle clock restarted), or None."""
    token = request.cookies.get(COOKIE, "")
    if not token or len(token) > 100:
        return None
    row = session.get(AdminSession, hash_secret(token))
    now = utcnow()
    if row is None:
        return None
    if row.last_seen_at <= now - IDLE or row.created_at <= now - LONGEST:
        session.delete(row)
        return None
    row.last_seen_at = now
    admin = session.get(AdminToken, row.admin_id)
    return Login(row.admin_id, admin.name if admin else "", row.csrf) if admin else None


def end(session: Session, request: Request) -> None:
    """Log out: the request's session is deleted."""
    token = request.cookies.get(COOKIE, "")
    if token:
        session.execute(delete(AdminSession).where(AdminSession.token_hash == hash_secret(token)))


def csrf_ok(expected: str, sent: str) -> bool:
    """Whether the form's CSRF token is the session's (constant time)."""
    return bool(expected) and hmac.compare_digest(expected.encode(), sent.encode())
