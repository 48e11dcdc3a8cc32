"""Token lifetimes: expiring admin tokens and device tokens, rotation, listing, revocation.

- An admin token lives ``PEKEN_ADMIN_TOKEN_HOURS`` (a token from before expiry existed:
  that long after its creation). ``POST /admin/tokens/rotate`` trades the presented token
  for a new one (the old one is revoked at once); ``GET /admin/tokens`` lists every admin
  token with its expiry and revocation (the revocation list); ``POST /admin/tokens/{id}/revoke``
  revokes one.
- A device token expires after ``PEKEN_DEVICE_TOKEN_IDLE_DAYS`` without use (each use
  pushes the expiry forward, written at most once a day). ``POST /devices/token/rotate``
  gives the device a new token; the old one keeps working for
  ``PEKEN_DEVICE_ROTATION_GRACE_HOURS`` (the answer may be lost on the way), then dies.
  Revoked devices are listed per seller (``GET /admin/sellers/{id}/devices``).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from fastapi import APIRouter, Request
from pydantic import BaseModel
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from server.config import Settings
from server.db import write_session
from server.errors import not_found
from server.models import AdminToken, Device, utcnow
from server.schemas import DbId
from server.security import (
    ADMIN_PREFIX,
    DEVICE_PREFIX,
    AdminDep,
    DeviceDep,
    hash_secret,
    new_token,
)

router = APIRouter(prefix="/api/v1", tags=["tokens"])


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


class AdminTokenOut(BaseModel):
    """An admin token as the list shows it (never the token itself)."""

    id: int
    name: str
    created_at: datetime
    expires_at: datetime
    revoked_at: datetime | None
    active: bool


class IssuedToken(BaseModel):
    """A freshly issued token: shown only in this answer."""

    id: int
    token: str
    expires_at: datetime


def admin_expiry(token: AdminToken, hours: int) -> datetime:
    """When ``token`` stops working."""
    return token.expires_at or token.created_at + timedelta(hours=hours)


def admin_token_out(token: AdminToken, hours: int, now: datetime) -> AdminTokenOut:
    """The list view of an admin token."""
    expires = admin_expiry(token, hours)
    return AdminTokenOut(id=token.id, name=token.name, created_at=token.created_at,
                         expires_at=expires, revoked_at=token.revoked_at,
                         active=token.revoked_at is None and expires > now)


def issue_admin_token(session: Session, name: str, hours: int) -> tuple[AdminToken, str]:
    """A new admin token row and its secret (only the digest is stored)."""
    token = new_token(ADMIN_PREFIX)
    now = utcnow()
    row = AdminToken(name=name, token_hash=hash_secret(token), created_at=now,
                     expires_at=now + timedelta(hours=hours))
    session.add(row)
    session.flush()
    return row, token


@router.get("/admin/tokens", response_model=list[AdminTokenOut])
def list_admin_tokens(request: Request, _admin: AdminDep) -> list[AdminTokenOut]:
    """Every admin token, newest first, with expiry and revocation."""
    hours, now = _settings(request).admin_token_hours, utcnow()
    with write_session(request) as session:
        rows = session.scalars(select(AdminToken).order_by(AdminToken.id.desc()))
        return [admin_token_out(r, hours, now) for r in rows]


@router.post("/admin/tokens/rotate", response_model=IssuedToken, status_code=201)
def rotate_admin_token(request: Request, admin: AdminDep) -> IssuedToken:
    """A new token for the same admin; the presented one is revoked at once."""
    hours = _settings(request).admin_token_hours
    with write_session(request) as session:
        row, token = issue_admin_token(session, admin.name, hours)
        session.execute(update(AdminToken).where(AdminToken.id == admin.id)
                        .values(revoked_at=utcnow()))
        return IssuedToken(id=row.id, token=token, expires_at=admin_expiry(row, hours))


@router.post("/admin/tokens/{token_id}/revoke", response_model=AdminTokenOut)
def revoke_admin_token(token_id: DbId, request: Request, _admin: AdminDep) -> AdminTokenOut:
    """Revoke an admin token (it stops working at once)."""
    hours = _settings(request).admin_token_hours
    with write_session(request) as session:
        row = session.get(AdminToken, token_id)
        if row is None:
            raise not_found("token_not_found", f"Token admin {token_id} tidak ditemukan.")
        row.revoked_at = row.revoked_at or utcnow()
        return admin_token_out(row, hours, utcnow())


@router.post("/devices/token/rotate", response_model=IssuedToken, status_code=201)
def rotate_device_token(request: Request, device: DeviceDep) -> IssuedToken:
    """A new token for this device; the old one works for the grace period, then dies."""
    settings = _settings(request)
    token, now = new_token(DEVICE_PREFIX), utcnow()
    expires = now + timedelta(days=settings.device_token_idle_days)
    with write_session(request) as session:
        row = session.get(Device, device.device_id)
        assert row is not None  # authenticated a moment ago
        row.previous_token_hash = row.token_hash
        row.previous_expires_at = now + timedelta(hours=settings.device_rotation_grace_hours)
        row.token_hash = hash_secret(token)
        row.expires_at = expires
        return IssuedToken(id=row.id, token=token, expires_at=expires)
