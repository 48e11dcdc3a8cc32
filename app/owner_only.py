"""Changes only the shop's owner makes: bank accounts, QRIS, the printer and backup targets.

Every service that makes such a change takes the acting user's id (and, for a cashier, the
PIN an owner typed for this one change) and calls :func:`require_owner` first, in the same
transaction as the change. So no screen can skip the check: a cashier without an owner's
PIN gets :class:`app.errors.PermissionDenied`. A PIN is never stored or logged; the change
is audited with who made it and which owner approved it.

A shop without any users yet (a new shop file, before the first owner is created) has
nobody to ask, so a change with no acting user is allowed only there.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from app import permissions
from app.errors import PermissionDenied
from app.permissions import OWNER_ONLY, Approval


@dataclass(frozen=True)
class OwnerPin:
    """An owner's PIN typed for one owner-only change (``owner_name`` picks the owner).

    The PIN never shows in ``repr`` (so never in a log line or a traceback).
    """

    pin: str = field(repr=False)
    owner_name: str | None = None


def require_owner(
    session: Session,
    actor_id: int | None,
    action: str,
    owner_pin: OwnerPin | None = None,
    **detail: object,
) -> Approval:
    """Allow the owner-only ``action`` for the actor; else :class:`PermissionDenied`.

    An owner may always; anyone else only with ``owner_pin`` of an active owner, which
    is checked here (throttled, a wrong one logged). The approval is written to the audit
    log (``perm.<action>`` with ``detail``) in the caller's transaction.
    """
    if action not in OWNER_ONLY:
        raise ValueError(f"{action!r} is not an owner-only action")
    if actor_id is None:
        if permissions.shop_has_users(session):
            raise PermissionDenied("Hanya pemilik yang boleh {what}. Silakan masuk dulu.",
                                   what=OWNER_ONLY[action])
        return Approval(action, 0)
    pin = owner_pin.pin if owner_pin is not None else None
    name = owner_pin.owner_name if owner_pin is not None else None
    try:
        return permissions.require(session, actor_id, action, pin or None, name, detail=detail)
    except PermissionDenied as exc:
        if pin:
            raise
        raise PermissionDenied("Hanya pemilik yang boleh {what}. Minta pemilik memasukkan PIN.",
                               what=OWNER_ONLY[action]) from exc


def approver_of(approval: Approval) -> int | None:
    """The approving owner's id for an audit entry (None when the owner acted themselves)."""
    return approval.approved_by_id


def actor_of(approval: Approval) -> int | None:
    """The acting user's id for an audit entry (None in a shop without users)."""
    return approval.user_id or None
