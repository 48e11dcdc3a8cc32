"""Cashier shifts: open with the starting cash, close with the cash counted by denomination.

Expected cash = opening cash + cash taken for sales − cash paid back for refunds (over the
orders created while the shift was open, ``opened_at`` up to ``closed_at``, so it holds
whether or not checkout tags orders with the shift) + kas masuk − kas keluar + kasbon paid in
cash + DP taken in cash (− given back) − suppliers paid from the drawer (the money book's rows
of this shift: :class:`app.drawer.ShiftCash`). A DP applied at pickup is not cash of the shift.
The close stores the count per denomination, the difference and a Z report text
(32 or 48 columns) that can be printed again at any time.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session
from sqlalchemy.sql.elements import ColumnElement

from app import audit, settings
from app.clock import now_utc
from app.drawer import BY_KEY, MAX_PIECES, ShiftCash
from app.errors import ConflictError, NotFoundError, ValidationError
from app.labels_i18n import normal_language
from app.money import MAX_AMOUNT
from app.reports.figures import COUNTED_STATUSES
from app.reports.zreport import render_z_report
from contract.enums import (
    CashDirection,
    CreditKind,
    MoneySource,
    OrderKind,
    OrderStatus,
    PaymentMethod,
    PaymentStatus,
    PreorderPaymentKind,
)
from models import (
    CashMovement,
    CreditEntry,
    Order,
    Payment,
    PreorderPayment,
    Shift,
    SupplierPayment,
    User,
)


def counted_total(counts: dict[str, int]) -> int:
    """The rupiah in a count ``{denomination key: pieces}`` (checks every entry)."""
    total = 0
    for key, pieces in counts.items():
        denomination = BY_KEY.get(key)
        if denomination is None:
            raise ValidationError("Pecahan '{key}' tidak dikenal.", field="counts", key=key)
        if not isinstance(pieces, int) or isinstance(pieces, bool) or not 0 <= pieces <= MAX_PIECES:
            raise ValidationError(
                "Jumlah lembar/keping {label} harus 0–{MAX_PIECES}.", field=key, label=denomination.label,
                MAX_PIECES=MAX_PIECES)
        total += denomination.value * pieces
    return total


def current_shift(session: Session) -> Shift | None:
    """The open shift (the newest one not closed), or None. Checkout may tag orders with it."""
    return session.scalar(
        select(Shift).where(Shift.closed_at.is_(None)).order_by(Shift.opened_at.desc()).limit(1)
    )


def get_shift(session: Session, shift_id: int) -> Shift:
    """The shift with this id, or NotFoundError."""
    shift = session.get(Shift, shift_id)
    if shift is None:
        raise NotFoundError("Shift #{shift_id} tidak ditemukan.", shift_id=shift_id)
    return shift


def open_shift(
    session: Session, opening_cash: int, *, user_id: int | None = None, now: datetime | None = None,
) -> Shift:
    """Start a shift with the cash put in the drawer; refused while another shift is open."""
    if not isinstance(opening_cash, int) or isinstance(opening_cash, bool) or opening_cash < 0:
        raise ValidationError("Modal awal harus rupiah bulat, nol atau lebih.", field="opening_cash")
    if opening_cash > MAX_AMOUNT:
        raise ValidationError("Modal awal terlalu besar; periksa lagi angkanya.", field="opening_cash")
    existing = current_shift(session)
    if existing is not None:
        raise ConflictError("Shift #{id} masih terbuka. Tutup dulu sebelum membuka shift baru.",
                            id=existing.id)
    shift = Shift(user_id=user_id, opened_at=now or now_utc(), opening_cash=opening_cash)
    session.add(shift)
    session.flush()
    audit.record(session, "shift.open", user_id, None, shift=shift.id, opening_cash=opening_cash)
    return shift


def shift_cash(session: Session, shift: Shift, until: datetime | None = None) -> ShiftCash:
    """The shift's money from its orders created between opening and ``until`` (or close/now)."""
    end = until or shift.closed_at or now_utc()
    window = and_(Order.created_at >= shift.opened_at, Order.created_at < end)
    counted = and_(window, Order.status.in_(COUNTED_STATUSES))
    kinds = dict(session.execute(
        select(Order.kind, func.count()).where(counted).group_by(Order.kind)).all())
    states = dict(session.execute(
        select(Order.status, func.count()).where(window, Order.kind == OrderKind.SALE)
        .group_by(Order.status)).all())
    money = session.execute(
        select(Payment.method, Order.kind, func.sum(Payment.amount))
        .join(Order, Order.id == Payment.order_id)
        .where(window, Payment.status == PaymentStatus.CONFIRMED,
               Order.status.notin_((OrderStatus.VOID, OrderStatus.EXPIRED)))
        .group_by(Payment.method, Order.kind)
    ).all()
    rounding, codes = _adjustments(session, counted)
    by_method = {m.value: 0 for m in PaymentMethod}
    cash_sales = cash_refunds = 0
    for method, kind, amount in money:
        by_method[method] = by_method.get(method, 0) + int(amount or 0)
        if method == PaymentMethod.CASH and kind == OrderKind.SALE:
            cash_sales += int(amount or 0)
        elif method == PaymentMethod.CASH:
            cash_refunds -= int(amount or 0)
    return ShiftCash(
        shift.id, shift.opened_at, end, shift.opening_cash, cash_sales, cash_refunds,
        int(kinds.get(OrderKind.SALE, 0)), int(kinds.get(OrderKind.REFUND, 0)),
        int(states.get(OrderStatus.VOID, 0)) + int(states.get(OrderStatus.EXPIRED, 0)),
        int(states.get(OrderStatus.PENDING, 0)),
        by_method, rounding, codes, **book_cash(session, shift.id),
    )


def _sum(session: Session, column: InstrumentedAttribute[int], *where: ColumnElement[bool]) -> int:
    return int(session.scalar(select(func.coalesce(func.sum(column), 0)).where(*where)) or 0)


def book_cash(session: Session, shift_id: int) -> dict[str, int]:
    """The money book's drawer cash of a shift (its rows are tagged with it: ``shift_id``)."""
    moved = dict(session.execute(
        select(CashMovement.direction, func.sum(CashMovement.amount))
        .where(CashMovement.shift_id == shift_id)
        .group_by(CashMovement.direction)).all())
    deposits = dict(session.execute(
        select(PreorderPayment.kind, func.sum(PreorderPayment.amount))
        .where(PreorderPayment.shift_id == shift_id,
               PreorderPayment.method == PaymentMethod.CASH,
               PreorderPayment.status == PaymentStatus.CONFIRMED)
        .group_by(PreorderPayment.kind)).all())
    kasbon = _sum(session, CreditEntry.amount, CreditEntry.shift_id == shift_id,
                  CreditEntry.kind == CreditKind.PAYMENT,
                  CreditEntry.method == PaymentMethod.CASH,
                  CreditEntry.status == PaymentStatus.CONFIRMED)
    supplier = _sum(session, SupplierPayment.amount, SupplierPayment.shift_id == shift_id,
                    SupplierPayment.source == MoneySource.DRAWER)
    return {
        "cash_in": int(moved.get(CashDirection.IN, 0) or 0),
        "cash_out": int(moved.get(CashDirection.OUT, 0) or 0),
        "kasbon_cash": kasbon,
        "deposits_cash": int(deposits.get(PreorderPaymentKind.DEPOSIT, 0) or 0)
        - int(deposits.get(PreorderPaymentKind.REFUND, 0) or 0),
        "supplier_cash": supplier,
    }


def _adjustments(session: Session, counted: ColumnElement[bool]) -> tuple[int, int]:
    """(cash rounding, kode unik) of the counted orders: the money the sales' totals lack.

    Kode unik counts once its transfer is confirmed: + income, − given back as a discount.
    """
    rounding = session.scalar(select(func.coalesce(func.sum(Order.rounding), 0)).where(counted))
    codes = session.scalar(
        select(func.coalesce(func.sum(Payment.unique_code), 0))
        .join(Order, Order.id == Payment.order_id)
        .where(counted, Payment.status == PaymentStatus.CONFIRMED,
               Payment.method == PaymentMethod.TRANSFER))
    return int(rounding or 0), int(codes or 0)


@dataclass(frozen=True)
class ShiftClose:
    """The result of closing a shift."""

    shift_id: int
    cash: ShiftCash
    counted_cash: int
    counts: dict[str, int]
    z_report: str

    @property
    def difference(self) -> int:
        """Counted − expected: positive when the drawer holds more than it should."""
        return self.counted_cash - self.cash.expected_cash


def close_shift(
    session: Session, shift_id: int, counts: dict[str, int], *, user_id: int | None = None,
    note: str = "", now: datetime | None = None, width: int = 32, shop_name: str = "",
) -> ShiftClose:
    """Close an open shift with the counted cash; stores the count and the Z report."""
    shift = get_shift(session, shift_id)
    if shift.closed_at is not None:
        raise ConflictError("Shift #{id} sudah ditutup.", id=shift.id)
    counted_cash = counted_total(counts)
    when = now or now_utc()
    if when < shift.opened_at:
        raise ValidationError("Waktu tutup shift sebelum waktu buka.")
    cash = shift_cash(session, shift, when)
    clean = {k: v for k, v in counts.items() if v}
    cashier = session.get(User, shift.user_id) if shift.user_id else None
    closer = session.get(User, user_id) if user_id else None
    text = render_z_report(
        cash, clean, counted_cash, width=width, shop_name=shop_name,
        cashier=cashier.name if cashier else "", closed_by=closer.name if closer else "", note=note,
        language=normal_language(settings.get(session, "receipt.language")),
    )
    shift.closed_at, shift.expected_cash, shift.counted_cash = when, cash.expected_cash, counted_cash
    shift.counted_detail = json.dumps({"counts": clean, "note": note.strip(), "closed_by": user_id})
    shift.z_report = text
    audit.record(session, "shift.close", user_id, None, shift=shift.id, expected=cash.expected_cash,
                 counted=counted_cash, difference=counted_cash - cash.expected_cash)
    return ShiftClose(shift.id, cash, counted_cash, clean, text)


def stored_counts(shift: Shift) -> dict[str, int]:
    """The count per denomination kept at close (empty for an open shift)."""
    try:
        data = json.loads(shift.counted_detail or "{}")
    except ValueError:
        return {}
    counts = data.get("counts", {}) if isinstance(data, dict) else {}
    return {str(k): int(v) for k, v in counts.items() if str(k) in BY_KEY}


def recent_shifts(session: Session, limit: int = 30) -> list[Shift]:
    """The newest shifts first."""
    return list(session.scalars(select(Shift).order_by(Shift.opened_at.desc()).limit(limit)))


def last_z_report(session: Session) -> str | None:
    """The Z report text of the most recently closed shift (None before the first close)."""
    return session.scalar(select(Shift.z_report).where(Shift.closed_at.is_not(None))
                          .order_by(Shift.closed_at.desc()).limit(1))
