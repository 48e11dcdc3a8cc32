"""Kasbon (piutang): a customer's credit ledger, its balance, oldest-first allocation, aging and
limit, the credit sale and refund lines written by checkout and refund, and later payments.

The ledger is :class:`models.books.CreditEntry`; each row is written once (a correction is a
new row). ``amount`` is positive and :class:`contract.enums.CreditKind` gives the sign: a
credit sale raises the balance, a refund, a payment or a correction lowers it. Only
*confirmed* rows count: a transfer or QRIS payment waits ``pending`` until the statement
import (:mod:`app.payments.service`) or the seller sees the money.

Payments pay the oldest credit sales first; a refund first lowers the sale it returns goods
of (``order_uuid`` of a refund line is the returned sale's), then the oldest. The unpaid rest
of each credit sale is aged against a shop day passed in (never the PC's date): 0–7, 8–30
and more than 30 days.

Sync: every line written or confirmed is shared with the shop's other devices
(``app.sync.books.share``) in the same transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from app import audit, customers, permissions, settings
from app.clock import day_start_utc, now_utc, shop_day
from app.customers import get_customer
from app.errors import ConflictError, NotFoundError, PermissionDenied, UserError, ValidationError
from app.kasbon_aging import aging_buckets
from app.money import MAX_AMOUNT, format_rupiah
from app.owner_only import OwnerPin, require_owner
from app.sync import books as books_sync
from contract.enums import PENDING_METHODS, CreditKind, PaymentMethod, PaymentStatus
from models import Payment, Shift
from models.books import CreditEntry, Customer

LIMIT_ACTION = "kasbon_limit"
PAYMENT_METHODS = (PaymentMethod.CASH, PaymentMethod.TRANSFER, PaymentMethod.QRIS)
BUCKETS = ((0, 7), (8, 30), (31, None))  # days since the credit sale, per aging column
_SIGNED = case((CreditEntry.kind == CreditKind.SALE, CreditEntry.amount), else_=-CreditEntry.amount)
_CONFIRMED = CreditEntry.status == PaymentStatus.CONFIRMED


class KasbonLimitError(PermissionDenied):
    """A credit sale would take the customer over their limit: the owner's PIN is needed.

    The UI answers it with the owner-approval dialog and tries again with the PIN.
    """


@dataclass(frozen=True)
class OpenSale:
    """A credit sale with what is still unpaid of it after oldest-first allocation."""

    entry_id: int
    created_at: datetime
    order_number: str
    amount: int
    unpaid: int

    def age(self, day: date) -> int:
        """Whole days from the sale's shop day to ``day``."""
        return (day - shop_day(self.created_at)).days


@dataclass(frozen=True)
class Aging:
    """The unpaid kasbon by age: 0–7, 8–30 and more than 30 days."""

    days_0_7: int = 0
    days_8_30: int = 0
    over_30: int = 0

    @property
    def total(self) -> int:
        """All unpaid credit sales together."""
        return self.days_0_7 + self.days_8_30 + self.over_30


@dataclass(frozen=True)
class PaymentIn:
    """A kasbon payment as the payment dialog gives it."""

    method: str
    amount: int
    bank_account_id: int | None = None
    unique_code: int = 0
    qris_payload: str | None = None
    reference: str = ""


# --- balance, allocation, aging ------------------------------------------------------------



def kept_with_balance(session: Session, uuid: str | None) -> tuple[Customer, int] | None:
    """A customer kept by uuid (a held cart's) with today's kasbon balance: a merged duplicate
    stands for the customer it was merged into; None when unknown or archived."""
    if not uuid:
        return None
    try:
        customer = customers.kept(session, uuid)
    except UserError:
        return None
    if customer.archived:
        return None
    return customer, balance(session, customer.uuid)


def balance(session: Session, customer_uuid: str) -> int:
    """Credit sales − refunds − confirmed payments (and corrections) of the customer."""
    total = session.scalar(select(func.coalesce(func.sum(_SIGNED), 0))
                           .where(CreditEntry.customer_uuid == customer_uuid, _CONFIRMED))
    return int(total or 0)


def pending_payments_total(session: Session, customer_uuid: str) -> int:
    """Transfer/QRIS payments made but not yet confirmed (they do not lower the balance)."""
    total = session.scalar(select(func.coalesce(func.sum(CreditEntry.amount), 0)).where(
        CreditEntry.customer_uuid == customer_uuid, CreditEntry.status == PaymentStatus.PENDING))
    return int(total or 0)


def balances(session: Session) -> dict[str, int]:
    """Every customer's balance in one grouped query (customers without kasbon left out)."""
    rows = session.execute(select(CreditEntry.customer_uuid, func.sum(_SIGNED))
                           .where(_CONFIRMED).group_by(CreditEntry.customer_uuid))
    return {uuid: int(total) for uuid, total in rows}


Row = tuple[int, str, int, datetime, str | None, str]  # id, kind, amount, at, order uuid, number


@dataclass
class _Left:
    """A credit sale being paid down (mutable while allocating)."""

    row: Row
    unpaid: int

    def take(self, amount: int) -> int:
        """Pay up to ``amount`` of it; what was left of ``amount``."""
        taken = min(self.unpaid, amount)
        self.unpaid -= taken
        return amount - taken


def allocate(rows: Iterable[Row]) -> list[OpenSale]:
    """The credit sales (oldest first) with their unpaid rest after the lowering rows.

    A refund lowers its own sale first (matched by ``order_uuid``); what is left of it and
    every payment or correction pay the oldest sales first. Integers only.
    """
    ordered = sorted(rows, key=lambda r: (r[3], r[0]))
    sales = [_Left(r, r[2]) for r in ordered if r[1] == CreditKind.SALE]
    by_order = {s.row[4]: s for s in sales if s.row[4]}
    pool = 0
    for row in ordered:
        if row[1] == CreditKind.SALE:
            continue
        own = by_order.get(row[4] or "") if row[1] == CreditKind.REFUND else None
        pool += own.take(row[2]) if own is not None else row[2]
    for sale in sales:
        pool = sale.take(pool)
    return [OpenSale(s.row[0], s.row[3], s.row[5], s.row[2], s.unpaid) for s in sales]


def _rows(session: Session, customer_uuid: str | None, day: date | None) -> list[tuple[str, Row]]:
    query = select(CreditEntry.customer_uuid, CreditEntry.id, CreditEntry.kind, CreditEntry.amount,
                   CreditEntry.created_at, CreditEntry.order_uuid, CreditEntry.order_number
                   ).where(_CONFIRMED)
    if customer_uuid is not None:
        query = query.where(CreditEntry.customer_uuid == customer_uuid)
    if day is not None:
        query = query.where(CreditEntry.created_at < day_start_utc(day + timedelta(days=1)))
    return [(r[0], (r[1], r[2], r[3], r[4], r[5], r[6])) for r in session.execute(query)]


def open_sales(session: Session, customer_uuid: str, day: date | None = None) -> list[OpenSale]:
    """The customer's credit sales with their unpaid rest (as of the end of shop day ``day``)."""
    return allocate(row for _uuid, row in _rows(session, customer_uuid, day))


def age_of(sales: Iterable[OpenSale], day: date) -> Aging:
    """Sum the unpaid rest of each sale into its age bucket as of shop day ``day``."""
    buckets = [0, 0, 0]
    for sale in sales:
        if sale.unpaid <= 0:
            continue
        age = sale.age(day)
        buckets[0 if age <= BUCKETS[0][1] else 1 if age <= BUCKETS[1][1] else 2] += sale.unpaid
    return Aging(*buckets)


def aging(session: Session, customer_uuid: str, day: date) -> Aging:
    """One customer's aging as of shop day ``day``."""
    return age_of(open_sales(session, customer_uuid, day), day)


def _grouped(session: Session, day: date) -> dict[str, list[Row]]:
    grouped: dict[str, list[Row]] = {}
    for uuid, row in _rows(session, None, day):
        grouped.setdefault(uuid, []).append(row)
    return grouped


def aging_all(session: Session, day: date) -> dict[str, Aging]:
    """Every customer's aging as of shop day ``day`` (customers with nothing unpaid left out):
    the same allocation in one SQL query (:mod:`app.kasbon_aging`, bench.books)."""
    return {uuid: Aging(*buckets) for uuid, buckets in aging_buckets(session, day).items()}


@dataclass(frozen=True)
class Reminder:
    """A customer with kasbon older than the shop's term: what is late and what is owed."""

    customer: Customer
    late: int
    unpaid: int
    oldest: date


def overdue(session: Session, day: date, after_days: int = 7) -> list[Reminder]:
    """Reminders: customers whose credit sales older than ``after_days`` days (on shop day
    ``day``) are not fully paid, the largest late amount first."""
    late: dict[str, tuple[int, int, date]] = {}
    for uuid, rows in _grouped(session, day).items():
        unpaid = [s for s in allocate(rows) if s.unpaid > 0]
        old = [s for s in unpaid if s.age(day) > after_days]
        if old:
            late[uuid] = (sum(s.unpaid for s in old), sum(s.unpaid for s in unpaid),
                          shop_day(old[0].created_at))
    if not late:
        return []
    customers = session.scalars(select(Customer).where(Customer.uuid.in_(list(late))))
    found = [Reminder(c, *late[c.uuid]) for c in customers]
    return sorted(found, key=lambda r: (-r.late, r.customer.name))


# --- the limit -------------------------------------------------------------------------------


def limit_of(session: Session, customer: Customer) -> int:
    """The customer's own limit, else the shop's default (setting ``kasbon.default_limit``)."""
    if customer.credit_limit is not None:
        return customer.credit_limit
    return int(settings.get(session, "kasbon.default_limit"))


def check_limit(session: Session, customer: Customer, amount: int, actor_id: int | None,
                owner_pin: OwnerPin | None = None) -> int | None:
    """Allow a credit sale of ``amount``; over the limit the owner must approve.

    Returns the approving owner's id (None when within the limit or the owner sells). Over
    the limit without an owner's PIN raises :class:`KasbonLimitError` (nothing written).
    """
    before = balance(session, customer.uuid)
    limit = limit_of(session, customer)
    if before + amount <= limit:
        return None
    detail = {"customer": customer.uuid, "balance": before, "amount": amount, "limit": limit}
    may = owner_pin is not None or permissions.can(session, actor_id, LIMIT_ACTION) or (
        actor_id is None and not permissions.shop_has_users(session))
    if not may:
        raise KasbonLimitError(
            "Kasbon {name} jadi {after}, melebihi batas {limit}. Perlu PIN pemilik.",
            name=customer.name, after=format_rupiah(before + amount), limit=format_rupiah(limit))
    return require_owner(session, actor_id, LIMIT_ACTION, owner_pin, **detail).approved_by_id


# --- lines written by checkout and refund ----------------------------------------------------


def credit_customer(session: Session, customer_uuid: str | None) -> Customer:
    """The customer of a kasbon sale: required, active (not merged or archived)."""
    if not customer_uuid:
        raise ValidationError("Kasbon perlu pelanggan: pilih pelanggan dulu (F11).",
                              field="customer")
    customer = get_customer(session, customer_uuid)
    if customer.merged_into or customer.archived:
        raise ValidationError("Pelanggan {name} sudah digabung/diarsipkan.", field="customer",
                              name=customer.name)
    return customer


@dataclass(frozen=True)
class CreditCheck:
    """A checkout's kasbon part, allowed: the customer and the owner who approved (if any)."""

    customer: Customer
    amount: int
    approved_by_id: int | None


def admit_credit(session: Session, customer_uuid: str | None, amount: int, actor_id: int | None,
                 owner_pin: OwnerPin | None = None) -> CreditCheck | None:
    """Checkout's kasbon rules before anything is written: a KASBON part needs a customer
    and stays within the limit (or the owner approves); None when nothing is on kasbon."""
    if amount <= 0:
        if customer_uuid:
            get_customer(session, customer_uuid)
        return None
    customer = credit_customer(session, customer_uuid)
    return CreditCheck(customer, amount, check_limit(session, customer, amount, actor_id, owner_pin))


def record_sale(session: Session, customer: Customer, amount: int, *, order_uuid: str,
                order_number: str, user_id: int | None, approved_by_id: int | None,
                when: datetime) -> CreditEntry:
    """The credit-sale line of a checkout (same transaction as the order)."""
    entry = CreditEntry(customer_uuid=customer.uuid, kind=CreditKind.SALE, amount=amount,
                        order_uuid=order_uuid, order_number=order_number,
                        method=PaymentMethod.KASBON, status=PaymentStatus.CONFIRMED,
                        user_id=user_id, created_at=when, confirmed_at=when)
    session.add(entry)
    audit.record(session, "kasbon.sale", user_id, approved_by_id, customer=customer.uuid,
                 order=order_number, amount=amount)
    books_sync.share(session, entry)
    return entry


def kasbon_of_order(session: Session, order_uuid: str) -> tuple[str | None, int]:
    """(customer uuid, kasbon still owed of this sale, after its earlier refunds)."""
    rows = session.execute(select(CreditEntry.customer_uuid, CreditEntry.kind, CreditEntry.amount)
                           .where(CreditEntry.order_uuid == order_uuid, _CONFIRMED))
    customer, owed = None, 0
    for uuid, kind, amount in rows:
        customer = uuid
        owed += amount if kind == CreditKind.SALE else -amount if kind == CreditKind.REFUND else 0
    return customer, max(0, owed)


def refund_part(session: Session, order_uuid: str, refund_amount: int) -> tuple[str | None, int]:
    """How much of a refund of ``refund_amount`` (positive) lowers the kasbon instead of
    being paid back in cash: up to the sale's kasbon not yet refunded and the balance less the
    payments still on their way (once confirmed they pay the rest; the kasbon never goes below
    zero)."""
    customer, owed = kasbon_of_order(session, order_uuid)
    if customer is None:
        return None, 0
    open_balance = balance(session, customer) - pending_payments_total(session, customer)
    return customer, max(0, min(refund_amount, owed, open_balance))


def record_refund(session: Session, customer_uuid: str, amount: int, *, sale_order_uuid: str,
                  refund_number: str, user_id: int | None, when: datetime) -> CreditEntry:
    """The refund line of a kasbon sale's refund (``order_uuid``: the returned sale's)."""
    entry = CreditEntry(customer_uuid=customer_uuid, kind=CreditKind.REFUND, amount=amount,
                        order_uuid=sale_order_uuid, order_number=refund_number,
                        method=PaymentMethod.KASBON, status=PaymentStatus.CONFIRMED,
                        user_id=user_id, created_at=when, confirmed_at=when)
    session.add(entry)
    audit.record(session, "kasbon.refund", user_id, None, customer=customer_uuid,
                 refund=refund_number, amount=amount)
    books_sync.share(session, entry)
    return entry


# --- payments -------------------------------------------------------------------------------


def _drawer_shift_id(session: Session, method: str) -> int | None:
    """The open shift whose drawer takes a cash payment (None for transfer/QRIS): cash with no
    shift open is refused, like every drawer line of the money book (kas masuk/keluar, paying
    a supplier from the drawer), so no shift's expected cash ever misses it."""
    if method != PaymentMethod.CASH:
        return None
    shift_id = session.scalar(select(Shift.id).where(Shift.closed_at.is_(None))
                              .order_by(Shift.opened_at.desc()).limit(1))
    if shift_id is None:  # the message literal here: ui.i18n_tools extracts it for translation
        raise ConflictError("Belum ada shift yang dibuka: bayar kasbon tunai masuk ke laci shift. "
                            "Buka shift dulu di Laporan → Shift, atau terima lewat transfer/QRIS.")
    return int(shift_id)


def _check_payment(session: Session, customer: Customer, pay: PaymentIn) -> None:
    if pay.method not in PAYMENT_METHODS:
        raise ValidationError("Cara bayar kasbon harus tunai, transfer atau QRIS.", field="method")
    if not isinstance(pay.amount, int) or not 0 < pay.amount <= MAX_AMOUNT:
        raise ValidationError("Jumlah bayar harus lebih dari nol.", field="amount")
    if not -999 <= pay.unique_code <= 999 or pay.amount + pay.unique_code <= 0:
        raise ValidationError("Kode unik harus 1–999.", field="unique_code")
    owed = balance(session, customer.uuid) - pending_payments_total(session, customer.uuid)
    if pay.amount > owed:
        raise ValidationError("Pembayaran {amount} melebihi sisa kasbon {owed}.", field="amount",
                              amount=format_rupiah(pay.amount), owed=format_rupiah(max(0, owed)))


def receive_payment(session: Session, customer_uuid: str, pay: PaymentIn, *,
                    user_id: int | None = None, now: datetime | None = None) -> CreditEntry:
    """A kasbon payment: cash is confirmed at once and counted in the open shift's drawer (no
    shift open: refused, :class:`ConflictError`); transfer and QRIS wait ``pending`` until the
    money is seen."""
    customer = get_customer(session, customer_uuid)
    _check_payment(session, customer, pay)
    shift_id = _drawer_shift_id(session, pay.method)
    when = now or now_utc()
    pending = pay.method in PENDING_METHODS
    entry = CreditEntry(
        customer_uuid=customer.uuid, kind=CreditKind.PAYMENT, amount=pay.amount, method=pay.method,
        status=PaymentStatus.PENDING if pending else PaymentStatus.CONFIRMED,
        unique_code=pay.unique_code if pay.method == PaymentMethod.TRANSFER else 0,
        bank_account_id=pay.bank_account_id, note=pay.reference.strip()[:200], user_id=user_id,
        shift_id=shift_id,
        created_at=when, confirmed_at=None if pending else when)
    session.add(entry)
    session.flush()
    audit.record(session, "kasbon.payment", user_id, None, customer=customer.uuid, entry=entry.id,
                 method=pay.method, amount=pay.amount, unique_code=entry.unique_code)
    books_sync.share(session, entry)
    return entry


def _pending(session: Session, entry_id: int) -> CreditEntry:
    entry = session.get(CreditEntry, entry_id)
    if entry is None or entry.kind != CreditKind.PAYMENT:
        raise NotFoundError("Pembayaran kasbon #{entry_id} tidak ditemukan.", entry_id=entry_id)
    if entry.status != PaymentStatus.PENDING:
        if entry.status == PaymentStatus.VOID:
            raise ConflictError("Pembayaran kasbon ini sudah dibatalkan.")
        raise ConflictError("Pembayaran kasbon ini sudah dikonfirmasi.")
    return entry


def key_used(session: Session, statement_key: str) -> bool:
    """Whether a statement line already confirmed an order payment or a kasbon payment."""
    return bool(session.scalar(select(Payment.id).where(Payment.statement_key == statement_key))
                or session.scalar(select(CreditEntry.id)
                                  .where(CreditEntry.statement_key == statement_key)))


def confirm_payment(session: Session, entry_id: int, *, received: int, reference: str = "",
                    user_id: int | None = None, statement_key: str | None = None,
                    when: datetime | None = None) -> CreditEntry:
    """The money of a pending kasbon transfer/QRIS arrived: it now lowers the balance."""
    entry = _pending(session, entry_id)
    due = entry.amount + entry.unique_code
    if received != due:
        raise ValidationError("Uang masuk {received} tidak sama dengan tagihan {due}.",
                              field="amount", received=format_rupiah(received),
                              due=format_rupiah(due))
    if statement_key and key_used(session, statement_key):
        raise ConflictError("Baris mutasi ini sudah dipakai untuk konfirmasi lain.")
    entry.status, entry.confirmed_at = PaymentStatus.CONFIRMED, when or now_utc()
    entry.statement_key = statement_key
    if reference.strip():
        entry.note = reference.strip()[:200]
    audit.record(session, "kasbon.payment.confirm", user_id, None, customer=entry.customer_uuid,
                 entry=entry.id, amount=received, reference=reference, statement_key=statement_key)
    books_sync.share(session, entry)
    return entry


def void_payment(session: Session, entry_id: int, reason: str, *,
                 user_id: int | None = None) -> CreditEntry:
    """A pending kasbon payment that never came: voided (the balance never moved)."""
    if not reason.strip():
        raise ValidationError("Tulis alasan pembatalan.", field="reason")
    entry = _pending(session, entry_id)
    entry.status = PaymentStatus.VOID
    audit.record(session, "kasbon.payment.void", user_id, None, customer=entry.customer_uuid,
                 entry=entry.id, reason=reason.strip())
    books_sync.share(session, entry)
    return entry


def open_payments(session: Session) -> list[tuple[CreditEntry, str]]:
    """Pending kasbon transfer/QRIS payments with their customer's name, oldest first."""
    rows = session.execute(
        select(CreditEntry, Customer.name)
        .join(Customer, Customer.uuid == CreditEntry.customer_uuid)
        .where(CreditEntry.status == PaymentStatus.PENDING, CreditEntry.kind == CreditKind.PAYMENT)
        .order_by(CreditEntry.created_at, CreditEntry.id))
    return [(entry, name) for entry, name in rows]


def entries(session: Session, customer_uuid: str) -> list[CreditEntry]:
    """All of a customer's kasbon lines (any status), oldest first."""
    return list(session.scalars(select(CreditEntry).where(CreditEntry.customer_uuid == customer_uuid)
                                .order_by(CreditEntry.created_at, CreditEntry.id)))
