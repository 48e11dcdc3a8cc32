"""Kas masuk / kas keluar: money put into or taken out of the drawer, with its reason.

Every movement belongs to the open shift (it changes what the drawer should hold, see
:mod:`app.shifts`), is written once (a correction is a new movement) and is audited in the
same transaction. An amount above the shop's ``cash.approval_limit`` needs an owner: a user
holding ``cash_large`` may, anyone else gets :class:`CashApprovalNeeded` and the screen asks an
owner's PIN (``ui.admin.approval.ask_approval(..., CASH_APPROVAL)``), then records again with
the approving owner's id.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit, permissions, settings
from app.catalog import photo_jpeg
from app.clock import day_bounds_utc, now_utc, shop_day
from app.errors import ConflictError, PermissionDenied, ValidationError
from app.money import MAX_AMOUNT, format_rupiah
from app.shifts import current_shift
from app.sync.books import share
from contract.enums import CashCategory, CashDirection
from models import CashMovement, User

CASH_APPROVAL = "cash_large"
PHOTO_MAX_BYTES = 15 * 1024 * 1024  # the photo as picked (a phone photo), before shrinking
PHOTO_MAX_PX = 1280  # a nota stays readable
NOTE_MAX = 300


class CashApprovalNeeded(PermissionDenied):
    """The amount is above the shop's limit: an owner's PIN must approve it."""

    action = CASH_APPROVAL


@dataclass(frozen=True)
class CashInput:
    """What the seller typed for one kas masuk / kas keluar."""

    direction: CashDirection
    category: CashCategory
    amount: int
    note: str = ""
    photo: bytes | None = None


def check_amount(amount: int) -> int:
    """Refuse zero, negative, non-integer or absurd amounts."""
    if not isinstance(amount, int) or isinstance(amount, bool) or amount <= 0:
        raise ValidationError("Jumlah harus rupiah bulat lebih dari nol.", field="amount")
    if amount > MAX_AMOUNT:
        raise ValidationError("Jumlah terlalu besar; periksa lagi angkanya.", field="amount")
    return amount


def nota_photo(data: bytes) -> bytes:
    """The photo of a nota as a JPEG at most :data:`PHOTO_MAX_PX` per side."""
    if len(data) > PHOTO_MAX_BYTES:
        raise ValidationError("Foto nota terlalu besar (maks. {mb} MB).", field="photo",
                              mb=PHOTO_MAX_BYTES // (1024 * 1024))
    return photo_jpeg(data, PHOTO_MAX_PX)


def approval_limit(session: Session) -> int:
    """Movements above this amount need an owner (0 = no limit)."""
    return max(0, int(settings.get(session, "cash.approval_limit")))


def needs_approval(session: Session, amount: int, user_id: int | None) -> bool:
    """Whether this user must ask an owner's PIN for ``amount``."""
    limit = approval_limit(session)
    if limit == 0 or amount <= limit:
        return False
    if user_id is None:
        return permissions.shop_has_users(session)
    return not permissions.can(session, user_id, CASH_APPROVAL)


def _check_approver(session: Session, approved_by_id: int) -> None:
    owner = session.get(User, approved_by_id)
    if owner is None or not owner.active or owner.role != "owner":
        raise PermissionDenied("Persetujuan pemilik tidak berlaku. Minta PIN pemilik lagi.")


def _no_shift(direction: CashDirection) -> ConflictError:
    """No shift open: a whole sentence per direction, so each one translates as it is."""
    if direction == CashDirection.IN:
        return ConflictError("Belum ada shift yang dibuka. Buka shift dulu untuk mencatat kas masuk.")
    return ConflictError("Belum ada shift yang dibuka. Buka shift dulu untuk mencatat kas keluar.")


def _over_limit(direction: CashDirection, amount: str, limit: str) -> CashApprovalNeeded:
    """Above the shop's limit: the owner's PIN (a whole sentence per direction)."""
    if direction == CashDirection.IN:
        return CashApprovalNeeded("Kas masuk {amount} di atas batas {limit}: perlu PIN pemilik.",
                                  amount=amount, limit=limit)
    return CashApprovalNeeded("Kas keluar {amount} di atas batas {limit}: perlu PIN pemilik.",
                              amount=amount, limit=limit)


def record_cash(
    session: Session, data: CashInput, *, user_id: int | None = None,
    approved_by_id: int | None = None, purchase_uuid: str | None = None,
    now: datetime | None = None, exempt: bool = False,
) -> CashMovement:
    """Write one kas masuk / kas keluar in the open shift, audited, shared with the shop's devices.

    ``exempt``: an amount a service worked out itself (a supplier's refund of a return), not
    typed by the seller, needs no owner above the limit.
    """
    direction, category = CashDirection(data.direction), CashCategory(data.category)
    amount = check_amount(data.amount)
    note = data.note.strip()
    if len(note) > NOTE_MAX:
        raise ValidationError("Catatan terlalu panjang (maks. {n} huruf).", field="note", n=NOTE_MAX)
    if category == CashCategory.OTHER and not note:
        raise ValidationError("Kategori 'Lain-lain' perlu catatan.", field="note")
    shift = current_shift(session)
    if shift is None:
        raise _no_shift(direction)
    if approved_by_id is not None:
        _check_approver(session, approved_by_id)
    elif not exempt and needs_approval(session, amount, user_id):
        raise _over_limit(direction, format_rupiah(amount), format_rupiah(approval_limit(session)))
    photo = nota_photo(data.photo) if data.photo else None
    row = CashMovement(direction=direction.value, category=category.value, amount=amount,
                       note=note, photo=photo, purchase_uuid=purchase_uuid, user_id=user_id,
                       approved_by_id=approved_by_id, shift_id=shift.id,
                       created_at=now or now_utc())
    session.add(row)
    session.flush()
    audit.record(session, f"cash.{direction.value}", user_id, approved_by_id, movement=row.uuid,
                 category=category.value, amount=amount, shift=shift.id, note=note)
    share(session, row)
    return row


@dataclass(frozen=True)
class CashRow:
    """One movement for the list: signed amount (+ in, − out), without the photo bytes."""

    id: int
    created_at: datetime
    direction: str
    category: str
    amount: int
    note: str
    has_photo: bool
    shift_id: int | None

    @property
    def signed(self) -> int:
        """+amount for kas masuk, −amount for kas keluar."""
        return self.amount if self.direction == CashDirection.IN else -self.amount


_LIST = select(CashMovement.id, CashMovement.created_at, CashMovement.direction,
               CashMovement.category, CashMovement.amount, CashMovement.note,
               CashMovement.photo.is_not(None), CashMovement.shift_id)


def _rows(session: Session, query: object) -> list[CashRow]:
    return [CashRow(*row) for row in session.execute(query)]  # type: ignore[call-overload]


def shift_movements(session: Session, shift_id: int) -> list[CashRow]:
    """The shift's movements, oldest first."""
    return _rows(session, _LIST.where(CashMovement.shift_id == shift_id)
                 .order_by(CashMovement.created_at, CashMovement.id))


def day_movements(session: Session, when: datetime | None = None) -> list[CashRow]:
    """The movements of the shop day of ``when`` (now), oldest first."""
    start, end = day_bounds_utc(shop_day(when or now_utc()))
    return _rows(session, _LIST.where(CashMovement.created_at >= start, CashMovement.created_at < end)
                 .order_by(CashMovement.created_at, CashMovement.id))


def movement_photo(session: Session, movement_id: int) -> bytes | None:
    """The nota photo of one movement (None when it has none)."""
    return session.scalar(select(CashMovement.photo).where(CashMovement.id == movement_id))
