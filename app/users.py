"""Users of the till and their PINs (salted scrypt hashes; a PIN is never stored or logged)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import ConflictError, PermissionDenied, ValidationError
from models import User
from models.base import UserId

ROLES = ("owner", "cashier")
_N, _R, _P = 2**14, 8, 1


def hash_pin(pin: str) -> str:
    """A salted scrypt hash of the PIN, as ``scrypt$N$r$p$salt$hash``."""
    salt = os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    enc = base64.b64encode
    return f"scrypt${_N}${_R}${_P}${enc(salt).decode()}${enc(digest).decode()}"


def verify_pin(pin: str, stored: str) -> bool:
    """Whether ``pin`` matches the stored hash (constant-time compare)."""
    try:
        _, n, r, p, salt, digest = stored.split("$")
        expected = base64.b64decode(digest)
        got = hashlib.scrypt(pin.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r),
                             p=int(p), dklen=len(expected))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, expected)


def check_pin_format(pin: str) -> str:
    """A PIN is 4–8 digits."""
    if not pin.isdigit() or not 4 <= len(pin) <= 8:
        raise ValidationError("PIN harus 4–8 angka.", field="pin")
    return pin


def create_user(session: Session, name: str, role: str, pin: str) -> UserId:
    """Add an owner or cashier with a PIN."""
    clean = " ".join(name.split())
    if len(clean) < 2:
        raise ValidationError("Nama pengguna wajib diisi.", field="name")
    if role not in ROLES:
        raise ValidationError("Peran harus pemilik atau kasir.", field="role")
    check_pin_format(pin)
    if session.scalar(select(User.id).where(User.name == clean)):
        raise ConflictError("Nama pengguna '{clean}' sudah ada.", field="name", clean=clean)
    user = User(name=clean, role=role, pin_hash=hash_pin(pin))
    session.add(user)
    session.flush()
    return UserId(user.id)


def authenticate(session: Session, name: str, pin: str) -> User:
    """The active user with this name and PIN, or PermissionDenied."""
    user = session.scalar(select(User).where(User.name == name, User.active.is_(True)))
    if user is None or not verify_pin(pin, user.pin_hash):
        raise PermissionDenied("Nama atau PIN salah.")
    return user


def list_users(session: Session) -> list[User]:
    """All users, owners first."""
    return list(session.scalars(select(User).order_by(User.role.desc(), User.name)))


@dataclass(frozen=True)
class UserChoice:
    """A user as a picker shows one: id, name and role."""

    id: int
    name: str
    role: str


def active_users(session: Session) -> list[UserChoice]:
    """Active users for the login picker: owners first, then by name."""
    rows = session.execute(select(User.id, User.name, User.role).where(User.active.is_(True))
                           .order_by(User.role.desc(), User.name))
    return [UserChoice(int(r[0]), str(r[1]), str(r[2])) for r in rows]


def active_owners(session: Session) -> list[UserChoice]:
    """Active owners (who may approve), oldest account first."""
    rows = session.execute(select(User.id, User.name, User.role)
                           .where(User.role == "owner", User.active.is_(True)).order_by(User.id))
    return [UserChoice(int(r[0]), str(r[1]), str(r[2])) for r in rows]


def user_names(session: Session) -> list[tuple[int, str]]:
    """Every user (active or not) as (id, name), by name: the audit log's filter."""
    return [(int(r[0]), str(r[1])) for r in session.execute(select(User.id, User.name).order_by(User.name))]
