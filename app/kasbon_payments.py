"""Kasbon payments: received (cash at once into the open shift's drawer, transfer/QRIS
``pending``), confirmed when the money is seen (by hand or by the statement import,
:mod:`app.payments.service`), or voided when it never came.

A payment is a :class:`models.books.CreditEntry` of kind ``payment``; once confirmed it lowers
the balance (:mod:`app.kasbon_ledger`) and pays the oldest credit sales first
(:mod:`app.kasbon_allocation`). Every line written or confirmed is audited and shared with the
shop's other devices (``app.sync.books.share``) in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.clock import now_utc
from app.customers import get_customer
from app.errors import ConflictError, NotFoundError, ValidationError
from app.kasbon_ledger import balance, pending_payments_total
from app.money import MAX_AMOUNT, format_rupiah
from app.sync import books as books_sync
from contract.enums import PENDING_METHODS, CreditKind, PaymentMethod, PaymentStatus
from models import Payment, Shift
from models.books import CreditEntry, Customer

PAYMENT_METHODS = (PaymentMethod.CASH, PaymentMethod.TRANSFER, PaymentMethod.QRIS)


@dataclass(frozen=True)
class PaymentIn:
    """A kasbon payment as the payment dialog gives it."""

    method: str
    amount: int
    bank_account_id: int | None = None
    unique_code: int = 0
    qris_payload: str | None = None
    reference: str = ""


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
