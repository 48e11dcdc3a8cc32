"""API tokens: random secrets of which only a SHA-256 digest is stored.

Tokens carry 32 random bytes, so a plain SHA-256 is enough (no dictionary to
attack); lookups go through the unique index on the digest.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Header, Request
from sqlalchemy import select

from server.db import read_session
from server.errors import ApiError
from server.models import AdminToken, Device, Seller
from server.ratelimit import client_ip, limiter, rules

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
    if admin is None:
        raise _refused(request, "Token admin tidak berlaku.")
    return admin


@dataclass(frozen=True)
class DeviceAuth:
    """The enrolled device making the request and its (active) shop."""

    device_id: int
    seller_id: int


def require_device(request: Request, authorization: AuthHeader = None) -> DeviceAuth:
    """The device whose token is presented, or 401 (unknown, revoked) / 403 (shop suspended).

    The lookup runs in its own short session, so the connection is back in the pool
    before the endpoint starts.
    """
    _guard(request)
    token = _bearer(authorization)
    with read_session(request) as session:
        row = session.execute(
            select(Device.id, Device.seller_id, Device.revoked_at, Seller.status)
            .join(Seller, Seller.id == Device.seller_id)
            .where(Device.token_hash == hash_secret(token))
        ).first()
    if row is None or row.revoked_at is not None:
        raise _refused(request, "Token perangkat tidak berlaku atau sudah dicabut.")
    if row.status != "active":
        raise ApiError(403, "seller_suspended", "Toko ini sedang dibekukan oleh admin PEKEN.")
    return DeviceAuth(device_id=row.id, seller_id=row.seller_id)


AdminDep = Annotated[AdminToken, Depends(require_admin)]
DeviceDep = Annotated[DeviceAuth, Depends(require_device)]
