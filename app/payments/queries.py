"""Payments read from the shop database: the static QRIS, kode unik quotes, open payments.

Nothing here writes: these are the reads the till and the confirmation screen show, and the
statement import matches against. The writes (bank accounts, the QRIS sticker, the statement
import and confirmations) live in :mod:`app.payments.service`, which also re-exports every
name here for its callers.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import settings
from app.clock import now_utc
from app.errors import NotFoundError, ValidationError
from app.payments import kasbon_open
from app.payments.matching import OpenPayment
from app.payments.unique_code import MAX_CODE, allocate_unique_code
from contract import qris
from contract.enums import OrderStatus, PaymentMethod, PaymentStatus
from models import BankAccount, Order, Payment, StatementRecord

OPEN_METHODS = (PaymentMethod.TRANSFER, PaymentMethod.QRIS)  # contract.enums.PENDING_METHODS, in order


@dataclass(frozen=True)
class TransferQuote:
    """What the buyer must transfer: the account and the exact amount with its kode unik.

    ``unique_code`` is signed: added to the total (+) or, as a discount, taken off (−);
    ``amount_due`` = ``base_amount`` + ``unique_code`` is what the statement must show.
    """

    account_id: int
    bank: str
    account_number: str
    holder: str
    base_amount: int
    unique_code: int
    amount_due: int
    code_as_discount: bool


@dataclass(frozen=True)
class OpenPaymentView:
    """A pending transfer/QRIS payment as the confirmation screen lists it."""

    payment_id: int
    order_id: int
    order_number: str
    method: str
    amount: int
    unique_code: int
    amount_due: int
    created_at: datetime
    age: timedelta
    expires_at: datetime | None
    bank: str | None
    account_number: str | None
    source: str = "counter"

    @property
    def counter(self) -> bool:
        """A counter/event sale whose goods were handed over: "belum dibayar", never expires."""
        return self.source != "online"

    def as_open_payment(self) -> OpenPayment:
        """The plain record the matcher works on."""
        return OpenPayment(self.payment_id, self.amount_due, self.created_at,
                           self.account_number, self.order_number)


# --- the static QRIS --------------------------------------------------------------------------


def static_qris(session: Session) -> qris.QrisPayload | None:
    """The stored static QRIS parsed, or None when none is stored."""
    text = str(settings.get(session, "qris.static_payload") or "")
    return qris.parse(text) if text else None


def qris_for(session: Session, amount: int) -> str:
    """The dynamic QRIS payload for one sale of ``amount`` rupiah."""
    text = str(settings.get(session, "qris.static_payload") or "")
    if not text:
        raise ValidationError("QRIS toko belum diisi. Isi di Pengaturan → Pembayaran.",
                              field="qris")
    return qris.to_dynamic(text, amount)


# --- transfers with a kode unik ---------------------------------------------------------------


def taken_amounts(session: Session, account_id: int) -> set[int]:
    """Amounts due of the open (pending) transfer payments into this account."""
    rows = session.execute(
        select(Payment.amount, Payment.unique_code).where(
            Payment.status == PaymentStatus.PENDING, Payment.method == PaymentMethod.TRANSFER,
            Payment.bank_account_id == account_id)
    )
    return {amount + code for amount, code in rows} | kasbon_open.taken_amounts(session, account_id)


def transfer_code(
    session: Session, account_id: int, base_amount: int, rng: random.Random | None = None
) -> int:
    """The signed kode unik so that base + code is unique among open transfers to the account.

    Normally 1–999 added to the amount (kode unik income for the shop). With the setting
    ``sales.unique_code_as_discount`` the code is given back to the buyer at once: it is
    taken off (−1…−999, so the buyer pays slightly less) and the amount due is still unique.
    """
    _active_account(session, account_id)
    taken = taken_amounts(session, account_id)
    if not settings.get(session, "sales.unique_code_as_discount"):
        return allocate_unique_code(base_amount, taken, rng)
    if base_amount <= 1:
        raise ValidationError("Total terlalu kecil untuk dipotong kode unik.", field="amount")
    mirrored = {2 * base_amount - amount for amount in taken}  # base − c taken ⇔ base + c here
    mirrored |= {base_amount + c for c in range(base_amount, MAX_CODE + 1)}  # keeps base − c ≥ 1
    return -allocate_unique_code(base_amount, mirrored, rng)


def transfer_quote(session: Session, account_id: int, base_amount: int) -> TransferQuote:
    """Everything the transfer panel shows: account, kode unik and the exact amount due."""
    account = _active_account(session, account_id)
    code = transfer_code(session, account_id, base_amount)
    return TransferQuote(account.id, account.bank, account.number, account.holder, base_amount,
                         code, base_amount + code, code < 0)


def _active_account(session: Session, account_id: int) -> BankAccount:
    account = session.get(BankAccount, account_id)
    if account is None or not account.active:
        raise NotFoundError("Rekening tujuan transfer tidak ditemukan atau sudah nonaktif.")
    return account


# --- open payments ----------------------------------------------------------------------------


def open_payments(session: Session, now: datetime | None = None) -> list[OpenPaymentView]:
    """Pending transfer/QRIS payments of pending orders, oldest first, with their age."""
    moment = now or now_utc()
    rows = session.execute(
        select(Payment, Order.number, Order.expires_at, BankAccount.bank, BankAccount.number,
               Order.source)
        .join(Order, Payment.order_id == Order.id)
        .outerjoin(BankAccount, Payment.bank_account_id == BankAccount.id)
        .where(Payment.status == PaymentStatus.PENDING, Payment.method.in_(OPEN_METHODS),
               Order.status == OrderStatus.PENDING)
        .order_by(Payment.created_at, Payment.id)
    )
    return [
        OpenPaymentView(p.id, p.order_id, number, p.method, p.amount, p.unique_code,
                        p.amount + p.unique_code, p.created_at, moment - p.created_at, expires,
                        bank, account, source)
        for p, number, expires, bank, account, source in rows
    ]


def format_age(age: timedelta) -> str:
    """A short Indonesian age: ``5 mnt``, ``2 jam 10 mnt``, ``3 hari``."""
    minutes = max(0, int(age.total_seconds() // 60))
    if minutes < 60:
        return f"{minutes} mnt"
    if minutes < 24 * 60:
        hours, rest = divmod(minutes, 60)
        return f"{hours} jam {rest} mnt" if rest else f"{hours} jam"
    return f"{minutes // (24 * 60)} hari"


def used_keys(session: Session) -> set[str]:
    """Statement keys that already confirmed a payment."""
    on_payments = session.scalars(select(Payment.statement_key)
                                  .where(Payment.statement_key.is_not(None)))
    on_records = session.scalars(select(StatementRecord.key)
                                 .where(StatementRecord.payment_id.is_not(None)))
    return {key for key in (*on_payments, *on_records) if key} | kasbon_open.used_keys(session)
