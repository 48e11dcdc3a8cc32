"""Seller registration, suspension, enrollment codes and turnover."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from contract.datetimes import month_key
from contract.qris import QrisError, static_text
from server import audit
from server.changelog import open_log
from server.config import Settings
from server.errors import ApiError, conflict, invalid, not_found
from server.models import BankAccount, EnrollmentCode, Seller, SellerTurnover, utcnow
from server.security import hash_secret
from server.sellers.schemas import (
    BankAccountOut,
    EnrollmentCodeOut,
    SellerIn,
    SellerOut,
    TurnoverRow,
)
from server.validation import check_account_number, check_nik, check_npwp

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def current_month(now: datetime | None = None) -> str:
    """The month key ``YYYY-MM`` (Surabaya time) used for turnover."""
    return month_key(now or utcnow())


def turnover(session: Session, seller_id: int, month: str) -> int:
    """Paid online turnover of a seller in ``month``."""
    row = session.get(SellerTurnover, (seller_id, month))
    return row.amount if row else 0


def hold_minutes(seller: Seller, settings: Settings) -> int:
    """How long an unpaid order of ``seller`` keeps its stock reserved."""
    return seller.order_hold_minutes or settings.order_expiry_minutes


def seller_out(session: Session, settings: Settings, seller: Seller) -> SellerOut:
    """The admin view of a seller."""
    return SellerOut(
        id=seller.id,
        shop_name=seller.shop_name,
        owner_name=seller.owner_name,
        nik=seller.nik,
        npwp=seller.npwp,
        status="suspended" if seller.status == "suspended" else "active",
        has_qris=bool(seller.qris_payload),
        bank_accounts=[
            BankAccountOut(bank=a.bank, number=a.number, holder=a.holder)
            for a in seller.bank_accounts
        ],
        turnover_this_month=turnover(session, seller.id, current_month()),
        created_at=seller.created_at,
        order_hold_minutes=hold_minutes(seller, settings),
    )


def _checked_qris(payload: str | None) -> str | None:
    if not payload:
        return None
    try:
        return static_text(payload)
    except QrisError as exc:
        raise invalid("invalid_qris", str(exc), "qris_payload") from exc


def _identity_clash(session: Session, nik: str, npwp: str | None,
                    seller_id: int | None = None) -> ApiError | None:
    """The 409 when another active seller has this NIK or NPWP (one person, one listed shop)."""
    others = select(Seller.id).where(Seller.status == "active")
    if seller_id is not None:
        others = others.where(Seller.id != seller_id)
    if session.scalar(others.where(Seller.nik == nik).limit(1)) is not None:
        return conflict("nik_taken", "NIK ini sudah dipakai penjual aktif lain "
                        "(admin bisa mengizinkan dengan alasan: identity_override_reason).")
    if npwp and session.scalar(others.where(Seller.npwp == npwp).limit(1)) is not None:
        return conflict("npwp_taken", "NPWP ini sudah dipakai penjual aktif lain "
                        "(admin bisa mengizinkan dengan alasan: identity_override_reason).")
    return None


def _unique_or_overridden(session: Session, seller: Seller, override: Override | None) -> None:
    """Refuse a NIK/NPWP clash unless an admin gave a reason; an override is audited and
    flags the seller (the partial unique indexes skip flagged sellers)."""
    clash = _identity_clash(session, seller.nik, seller.npwp, seller.id)
    seller.identity_override = clash is not None
    if clash is None:
        return
    if override is None or not override.reason:
        raise clash
    audit.record(session, override.admin_id, f"identity_override:{clash.code}", seller.id,
                 override.reason)


def register(session: Session, data: SellerIn, admin_id: int | None = None) -> Seller:
    """Create a seller after validating NIK, NPWP (unique among active sellers unless the
    admin overrides with a reason), bank accounts and QRIS."""
    nik, npwp = check_nik(data.nik), check_npwp(data.npwp)
    reason = data.identity_override_reason
    clash = _identity_clash(session, nik, npwp)
    if clash is not None and (not reason or admin_id is None):
        raise clash
    seller = Seller(
        shop_name=data.shop_name,
        owner_name=data.owner_name,
        nik=nik,
        npwp=npwp,
        qris_payload=_checked_qris(data.qris_payload),
        status="active",
        change_seq=0,
        order_hold_minutes=data.order_hold_minutes,
        identity_override=clash is not None,
    )
    seller.bank_accounts = [
        BankAccount(position=i, bank=a.bank, number=check_account_number(a.number), holder=a.holder)
        for i, a in enumerate(data.bank_accounts)
    ]
    session.add(seller)
    session.flush()
    if clash is not None and reason and admin_id is not None:
        audit.record(session, admin_id, f"identity_override:{clash.code}", seller.id, reason)
    return seller


def get_seller(session: Session, seller_id: int) -> Seller:
    """The seller with this id, or 404."""
    seller = session.get(Seller, seller_id)
    if seller is None:
        raise not_found("seller_not_found", f"Penjual dengan id {seller_id} tidak ditemukan.")
    return seller


def list_sellers(session: Session) -> list[Seller]:
    """Every seller, oldest first."""
    return list(session.scalars(select(Seller).order_by(Seller.id)))


@dataclass(frozen=True)
class Override:
    """An admin's permission, with a reason, to bend the one-NIK-one-shop rule."""

    admin_id: int
    reason: str | None


def set_status(session: Session, seller_id: int, status: str,
               override: Override | None = None) -> Seller:
    """Suspend or reactivate a seller; the shop's devices learn it from the change log."""
    log = open_log(session, seller_id)
    if status == "active" and log.seller.status != status:
        _unique_or_overridden(session, log.seller, override)
    if log.seller.status != status:
        log.seller.status = status
        log.append("shop.status", {"status": status}, None)
    return log.seller


def issue_code(session: Session, seller_id: int, valid_hours: int) -> EnrollmentCodeOut:
    """A new one-time enrollment code like ``K7QX-M2PA-9TZC``; only its hash is kept."""
    seller = get_seller(session, seller_id)
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    code = f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"
    expires = utcnow() + timedelta(hours=valid_hours)
    session.add(
        EnrollmentCode(seller_id=seller.id, code_hash=hash_secret(normalize_code(code)),
                       expires_at=expires)
    )
    return EnrollmentCodeOut(seller_id=seller.id, code=code, expires_at=expires)


def normalize_code(code: str) -> str:
    """An enrollment code without dashes and spaces, upper-case."""
    return "".join(ch for ch in code.upper() if ch.isalnum())


def turnover_report(session: Session, month: str, cap: int) -> list[TurnoverRow]:
    """Turnover of every seller in ``month`` (zero when nothing was paid)."""
    amounts = {
        row.seller_id: row.amount
        for row in session.scalars(select(SellerTurnover).where(SellerTurnover.month == month))
    }
    return [
        TurnoverRow(
            seller_id=s.id,
            shop_name=s.shop_name,
            month=month,
            amount=amounts.get(s.id, 0),
            cap=cap,
            over_cap=amounts.get(s.id, 0) >= cap,
        )
        for s in list_sellers(session)
    ]


def set_order_hold(session: Session, seller_id: int, minutes: int | None) -> Seller:
    """Set how long this seller's unpaid orders keep their stock (None: the server default)."""
    seller = get_seller(session, seller_id)
    seller.order_hold_minutes = minutes
    return seller
