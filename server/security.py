"""API tokens: random secrets of which only a SHA-256 digest is stored.

Tokens carry 32 random bytes, so a plain SHA-256 is enough (no dictionary to
attack); lookups go through the unique index on the digest. Admin tokens expire
(``PEKEN_ADMIN_TOKEN_HOURS``), device tokens after ``PEKEN_DEVICE_TOKEN_IDLE_DAYS``
without use; a rotated device token keeps working for a grace period (see
:mod:`server.tokens`).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Annotated, Any

from fastapi import Depends, Header, Request
from sqlalchemy import Select, String, bindparam, literal, or_, select, update

from server.config import Settings
from server.db import read_connection, read_session, write_session
from server.errors import ApiError
from server.models import AdminToken, Device, Seller, UTCDateTime, utcnow
from server.ratelimit import RECENT_HITS, client_ip, limiter, recent_events, rules

ADMIN_PREFIX = "pka_"
DEVICE_PREFIX = "pkd_"


def new_token(prefix: str) -> str:
    """A new random token (32 bytes of entropy) with a readable prefix."""
    return prefix + secrets.token_urlsafe(32)


def hash_secret(secret: str) -> str:
    """The hex SHA-256 digest under which a token or secret is stored."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def _bearer(authorization: str | None) -> str:
    if not authorization:
        raise ApiError(401, "unauthorized", "Token tidak ada: kirim header Authorization: Bearer.")
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(401, "unauthorized", "Header Authorization harus berbentuk 'Bearer <token>'.")
    return token.strip()


AuthHeader = Annotated[str | None, Header(include_in_schema=False)]


def _guard(request: Request) -> None:
    """429 for a client that has presented too many unknown tokens lately."""
    limiter(request).check(rules(request)["auth_failure"], client_ip(request))


def _refused(request: Request, message: str) -> ApiError:
    """Count a wrong token of this client and build its 401."""
    limiter(request).record(rules(request)["auth_failure"], client_ip(request))
    return ApiError(401, "unauthorized", message)


def require_admin(request: Request, authorization: AuthHeader = None) -> AdminToken:
    """The admin token of the request, or 401 (its own short session, released at once)."""
    _guard(request)
    token = _bearer(authorization)
    with read_session(request) as session:
        admin = session.scalar(
            select(AdminToken).where(AdminToken.token_hash == hash_secret(token)))
    hours = _settings(request).admin_token_hours
    if admin is None or admin.revoked_at is not None or (
            (admin.expires_at or admin.created_at + timedelta(hours=hours)) <= utcnow()):
        raise _refused(request, "Token admin tidak berlaku, kedaluwarsa, atau sudah dicabut.")
    return admin


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


@dataclass(frozen=True)
class DeviceAuth:
    """The enrolled device making the request and its (active) shop."""

    device_id: int
    seller_id: int


def _device_query(guarded: bool) -> Select[Any]:
    """The device of a token digest (current, or previous within its grace), its shop's
    status and, ``guarded``, the client's recent unknown tokens (:data:`RECENT_HITS`)."""
    digest, now = bindparam("digest", type_=String), bindparam("now", type_=UTCDateTime)
    return (select(Device.id, Device.seller_id, Device.revoked_at, Device.expires_at,
                   Seller.status, (RECENT_HITS if guarded else literal(0)).label("failures"))
            .join(Seller, Seller.id == Device.seller_id)
            .where(or_(Device.token_hash == digest,
                       (Device.previous_token_hash == digest) & (Device.previous_expires_at > now))))


# Built once: a device request is the commonest request, so it skips building its query.
DEVICE_QUERIES = {guarded: _device_query(guarded) for guarded in (False, True)}


def require_device(request: Request, authorization: AuthHeader = None) -> DeviceAuth:
    """The device whose token is presented, or 401 (unknown, revoked) / 403 (shop suspended);
    429 for a client that presented too many unknown tokens lately, even with a good one.

    One statement on its own short connection (back in the pool before the endpoint starts)
    reads the device, its shop and the client's recent failures.
    """
    try:
        digest = hash_secret(_bearer(authorization))
    except ApiError:
        _guard(request)
        raise
    rule, now = rules(request)["auth_failure"], utcnow()
    guard = recent_events(request, rule, client_ip(request))
    with read_connection(request) as conn:
        row = conn.execute(DEVICE_QUERIES[guard is not None],
                           {"digest": digest, "now": now, **(guard or {})}).first()
    if row is None or row.failures >= rule.limit > 0:
        _guard(request)  # the full check: 429 with its Retry-After while throttled
    if row is None or row.revoked_at is not None or (
            row.expires_at is not None and row.expires_at <= now):
        raise _refused(request, "Token perangkat tidak berlaku, kedaluwarsa, atau sudah dicabut.")
    if row.status != "active":
        raise ApiError(403, "seller_suspended", "Toko ini sedang dibekukan oleh admin PEKEN.")
    _keep_alive(request, row.id, row.expires_at, now)
    return DeviceAuth(device_id=row.id, seller_id=row.seller_id)


def _keep_alive(request: Request, device_id: int, expires_at: datetime | None,
                now: datetime) -> None:
    """Push an in-use device token's idle expiry forward (written at most once a day)."""
    idle = timedelta(days=_settings(request).device_token_idle_days)
    if expires_at is not None and expires_at - now > idle - timedelta(days=1):
        return
    with write_session(request) as session:
        session.execute(update(Device).where(Device.id == device_id)
                        .values(expires_at=now + idle))


AdminDep = Annotated[AdminToken, Depends(require_admin)]
DeviceDep = Annotated[DeviceAuth, Depends(require_device)]
