"""Users of the till and their PINs (salted scrypt hashes, :mod:`app.pins`; a PIN is never
stored or logged)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import ConflictError, PermissionDenied, ValidationError
from app.pins import hash_pin, verify_pin
from models import User
from models.base import UserId

__all__ = ["ROLES", "UserChoice", "active_owners", "active_users", "authenticate", "check_pin_format",
           "create_user", "hash_pin", "list_users", "user_names", "verify_pin"]

ROLES = ("owner", "cashier")


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
