"""Who may do what: protected actions, owner-PIN approval on the spot, and the audit trail.

Owners may do everything. A cashier may do a protected action only when it was
granted to them (``User.permissions``, a comma list) or when an active owner
types their PIN on the spot. :func:`require` decides, and writes every protected
action (allowed or approved) to the audit log with who did it and who approved.
A wrong PIN is logged too (never the PIN itself), in its own transaction so it
survives the caller's rollback; after :data:`MAX_WRONG_PINS` wrong PINs in a row,
PINs are refused for :data:`LOCKOUT_SECONDS` (counted from the audit log, so a
restart does not reset it).

A wrong PIN is written through a second session right after the caller's
transaction ends (rolled back by the PermissionDenied, or committed).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import event, or_, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app import audit, pins, settings
from app.clock import now_utc
from app.errors import PermissionDenied, ValidationError
from app.users import check_pin_format, create_user, hash_pin, verify_pin
from models import AuditEntry, User

log = logging.getLogger(__name__)

# action key → what it is, in Indonesian (used in messages and in the users tab)
ACTIONS: dict[str, str] = {
    "refund": "retur/refund",
    "void": "membatalkan pesanan",
    "discount": "diskon di atas batas",
    "price_override": "mengubah harga jual",
    "payment_confirm": "konfirmasi pembayaran",
    "stock_adjust": "penyesuaian stok",
    "settings": "mengubah pengaturan",
    "cost_view": "melihat harga modal",
    "cash_large": "kas masuk/keluar di atas batas",
}
# Changes only the owner makes: where the money and the shop's data go. A cashier can never be
# granted these; an owner's PIN covers exactly one such change (see :func:`require_owner`).
OWNER_ONLY: dict[str, str] = {
    "bank_account": "mengubah rekening bank",
    "qris": "mengubah QRIS toko",
    "printer": "mengubah printer struk",
    "backup_target": "mengubah tujuan cadangan",
    "restore": "memulihkan cadangan toko",  # replaces accounts, QRIS, printer and users at once
    "kasbon_limit": "memberi kasbon melebihi batas",
}
AUDIT_PREFIX = "perm."
WRONG_PIN = pins.WRONG_PIN
LOGIN = pins.LOGIN
MAX_WRONG_PINS = 5
LOCKOUT_SECONDS = 60


@dataclass(frozen=True)
class Approval:
    """The outcome of :func:`require`: the action may go ahead.

    ``approved_by_id`` is None when the user holds the permission themselves.
    """

    action: str
    user_id: int
    approved_by_id: int | None = None
    approver_name: str = ""


def label(action: str) -> str:
    """The Indonesian name of a protected action."""
    try:
        return ACTIONS.get(action) or OWNER_ONLY[action]
    except KeyError:
        raise ValueError(f"unknown protected action {action!r}") from None


def granted(user: User) -> set[str]:
    """The protected actions a user may do without asking (owners: all, owner-only ones too)."""
    if user.role == "owner":
        return set(ACTIONS) | set(OWNER_ONLY)
    return {name.strip() for name in user.permissions.split(",") if name.strip() in ACTIONS}


def can(session: Session, user_id: int | None, action: str) -> bool:
    """Whether the user may do ``action`` by themselves (no logging; for showing/hiding UI)."""
    label(action)
    user = session.get(User, user_id) if user_id is not None else None
    return bool(user and user.active and action in granted(user))


def discount_needs_approval(session: Session, subtotal: int, discount: int) -> bool:
    """Whether a discount of ``discount`` rupiah on ``subtotal`` is above the shop's limit."""
    if discount <= 0:
        return False
    if subtotal <= 0:
        return True
    limit = int(settings.get(session, "sales.discount_limit_percent"))
    return discount * 100 > subtotal * limit


def _active_user(session: Session, user_id: int | None) -> User:
    user = session.get(User, user_id) if user_id is not None else None
    if user is None or not user.active:
        raise PermissionDenied("Pengguna tidak dikenal atau sudah nonaktif. Silakan masuk lagi.")
    return user


def _owners(session: Session, approver_name: str | None) -> list[User]:
    query = select(User).where(User.role == "owner", User.active.is_(True)).order_by(User.id)
    if approver_name:
        query = query.where(User.name == approver_name)
    return list(session.scalars(query))


def _pin_events(session: Session) -> list[AuditEntry]:
    """The newest PIN checks (wrong ones, logins and approvals), newest first."""
    query = (
        select(AuditEntry)
        .where(or_(AuditEntry.action.in_((WRONG_PIN, LOGIN)),
                   AuditEntry.approved_by_id.is_not(None)))
        .order_by(AuditEntry.id.desc())
        .limit(MAX_WRONG_PINS)
    )
    return list(session.scalars(query))


def lockout_left(session: Session, now: datetime | None = None) -> int:
    """Seconds until PINs are accepted again (0 when not locked out)."""
    events = _pin_events(session)
    if len(events) < MAX_WRONG_PINS or any(e.action != WRONG_PIN for e in events):
        return 0
    until = events[0].at + timedelta(seconds=LOCKOUT_SECONDS)
    left = (until - (now or now_utc())).total_seconds()
    return max(0, int(left + 0.999))


def _check_lockout(session: Session, now: datetime | None) -> None:
    left = lockout_left(session, now)
    if left:
        raise PermissionDenied(
            "Terlalu banyak PIN salah berturut-turut. Coba lagi dalam {left} detik.", left=left
        )


def _log_wrong_pin(session: Session, user_id: int | None, action: str, when: datetime) -> None:
    """Record a wrong PIN so that it survives the caller's rollback.

    The caller's unit of work holds SQLite's write lock, so the entry is written
    through a separate session as soon as the caller's transaction ends (the
    PermissionDenied raised next normally rolls it back; a commit works too).
    """
    detail = json.dumps({"for": action}, ensure_ascii=False)
    bind = session.get_bind()
    done = False

    def write(_session: Session) -> None:
        nonlocal done
        if done:
            return
        done = True
        try:
            with Session(bind) as side:
                side.add(AuditEntry(action=WRONG_PIN, user_id=user_id, at=when, detail=detail))
                side.commit()
        except SQLAlchemyError:
            log.exception("could not record a wrong PIN in the audit log")

    event.listen(session, "after_rollback", write, once=True)
    event.listen(session, "after_commit", write, once=True)


def _verify_owner_pin(
    session: Session, pin: str, approver_name: str | None
) -> User | None:
    for owner in _owners(session, approver_name):
        if verify_pin(pin, owner.pin_hash):
            return owner
    return None


def require(
    session: Session,
    user_id: int | None,
    action: str,
    approver_pin: str | None = None,
    approver_name: str | None = None,
    *,
    now: datetime | None = None,
    detail: dict[str, object] | None = None,
) -> Approval:
    """Allow ``action`` for the user, or with an active owner's PIN; else PermissionDenied.

    The allowed/approved action is written to the audit log in the caller's
    transaction (``detail`` goes with it); a wrong PIN is logged at once.
    """
    what = label(action)
    detail = detail or {}
    user = _active_user(session, user_id)
    if action in granted(user):
        audit.record(session, AUDIT_PREFIX + action, user.id, None, **detail)
        return Approval(action, user.id)
    if not approver_pin:
        raise PermissionDenied(
            "{name} tidak punya izin untuk {what}. Minta pemilik memasukkan PIN.", name=user.name, what=what
        )
    when = now or now_utc()
    _check_lockout(session, when)
    owner = _verify_owner_pin(session, approver_pin, approver_name)
    if owner is None:
        _log_wrong_pin(session, user.id, action, when)
        raise PermissionDenied("PIN pemilik salah. Izin untuk {what} tidak diberikan.", what=what)
    audit.record(session, AUDIT_PREFIX + action, user.id, owner.id, **detail)
    return Approval(action, user.id, owner.id, owner.name)


def check_owner_pin(
    session: Session,
    user_id: int | None,
    action: str,
    pin: str,
    approver_name: str | None = None,
    *,
    now: datetime | None = None,
) -> User:
    """The owner whose PIN this is (throttled; a wrong PIN is logged); nothing else is written.

    Used by the PIN prompt of an owner-only change: the change itself checks the PIN again
    (:func:`app.owner_only.require_owner`) in its own transaction.
    """
    label(action)
    user = _active_user(session, user_id)
    when = now or now_utc()
    _check_lockout(session, when)
    owner = _verify_owner_pin(session, pin, approver_name) if pin else None
    if owner is None:
        _log_wrong_pin(session, user.id, action, when)
        raise PermissionDenied("PIN pemilik salah. Izin untuk {what} tidak diberikan.",
                               what=label(action))
    return owner


def record_elevated(
    session: Session, user_id: int | None, action: str, owner_id: int, detail: dict[str, object]
) -> Approval:
    """Log ``action`` done under an owner's running approval (a screen visit the owner opened).

    The owner must still be an active owner; otherwise PermissionDenied.
    """
    label(action)
    user = _active_user(session, user_id)
    owner = session.get(User, owner_id)
    if owner is None or not owner.active or owner.role != "owner":
        raise PermissionDenied("Persetujuan pemilik sudah tidak berlaku. Minta PIN pemilik lagi.")
    audit.record(session, AUDIT_PREFIX + action, user.id, owner.id, elevated=True, **detail)
    return Approval(action, user.id, owner.id, owner.name)


def shop_has_users(session: Session) -> bool:
    """Whether any active user exists (a new shop without users has nobody to ask)."""
    return session.scalar(select(User.id).where(User.active.is_(True)).limit(1)) is not None


def first_owner_id(session: Session) -> int | None:
    """The first active owner's id (None in a shop without an owner)."""
    owners = _owners(session, None)
    return owners[0].id if owners else None


def can_view_cost(session: Session, user_id: int | None) -> bool:
    """Whether cost prices, cost of goods and gross profit may be shown to this user.

    Nobody logged in counts as allowed only in a shop without users.
    """
    if user_id is None:
        return not shop_has_users(session)
    return can(session, user_id, "cost_view")


def login(session: Session, user_id: int, pin: str, *, now: datetime | None = None) -> User:
    """Check a user's PIN at login/unlock (throttled, logged); the user or PermissionDenied."""
    when = now or now_utc()
    _check_lockout(session, when)
    user = _active_user(session, user_id)
    if not verify_pin(pin, user.pin_hash):
        _log_wrong_pin(session, user.id, LOGIN, when)
        raise PermissionDenied("PIN {name} salah.", name=user.name)
    audit.record(session, LOGIN, user.id, None)
    return user


def set_permissions(session: Session, actor_id: int | None, user_id: int, actions: set[str]) -> None:
    """Grant exactly ``actions`` to a cashier (owners always have all)."""
    unknown = actions - set(ACTIONS)
    if unknown:
        raise ValidationError("Izin tidak dikenal: {value}.", value=', '.join(sorted(unknown)))
    user = _active_user(session, user_id)
    if user.role == "owner":
        raise ValidationError("{name} adalah pemilik dan sudah punya semua izin.", name=user.name)
    user.permissions = ",".join(name for name in ACTIONS if name in actions)
    audit.record(session, "user.permissions", actor_id, None, user=user.name,
                 permissions=user.permissions)


def add_user(session: Session, actor_id: int | None, name: str, role: str, pin: str) -> int:
    """Add an owner or cashier (logged; the PIN is stored only as a salted hash)."""

    user_id = create_user(session, name, role, pin)
    audit.record(session, "user.create", actor_id, None, user=" ".join(name.split()), role=role)
    return int(user_id)


def change_pin(session: Session, actor_id: int | None, user_id: int, new_pin: str) -> None:
    """Give a user a new PIN (logged without the PIN)."""

    user = _active_user(session, user_id)
    user.pin_hash = hash_pin(check_pin_format(new_pin))
    audit.record(session, "user.pin", actor_id, None, user=user.name)


def set_active(session: Session, actor_id: int | None, user_id: int, active: bool) -> None:
    """Deactivate (or reactivate) a user; the last active owner cannot be deactivated."""
    user = session.get(User, user_id)
    if user is None:
        raise ValidationError("Pengguna #{user_id} tidak ditemukan.", user_id=user_id)
    if not active and user.role == "owner" and user.active and len(_owners(session, None)) <= 1:
        raise ValidationError(
            "{name} adalah satu-satunya pemilik aktif dan tidak bisa dinonaktifkan.", name=user.name
        )
    user.active = active
    audit.record(session, "user.activate" if active else "user.deactivate", actor_id, None,
                 user=user.name)
