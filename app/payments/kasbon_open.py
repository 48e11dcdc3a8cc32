"""Kasbon payments by transfer or QRIS in the statement import: open like any transfer.

A pending kasbon payment (:class:`models.books.CreditEntry`, kind payment) waits for its money
like a pending order payment: the matcher (:mod:`app.payments.matching`) sees it as an
:class:`~app.payments.matching.OpenPayment` with ``kasbon=True`` (its id is the credit entry's),
its amount due with its kode unik counts among the amounts taken on the account, and a
statement line confirms it once: the key is stored on the entry (``statement_key``, unique),
and read back as "already used" on every later import.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import kasbon_payments
from app.payments.matching import OpenPayment
from contract.enums import CreditKind, PaymentMethod, PaymentStatus
from models import BankAccount
from models.books import CreditEntry, Customer

_OPEN = (CreditEntry.status == PaymentStatus.PENDING, CreditEntry.kind == CreditKind.PAYMENT)


def taken_amounts(session: Session, account_id: int) -> set[int]:
    """Amounts due of the pending kasbon transfers into this account."""
    rows = session.execute(select(CreditEntry.amount, CreditEntry.unique_code).where(
        *_OPEN, CreditEntry.method == PaymentMethod.TRANSFER, CreditEntry.bank_account_id == account_id))
    return {amount + code for amount, code in rows}


def open_payments(session: Session) -> list[OpenPayment]:
    """Pending kasbon transfer/QRIS payments as the matcher sees them, oldest first."""
    rows = session.execute(
        select(CreditEntry.id, CreditEntry.amount, CreditEntry.unique_code, CreditEntry.created_at,
               BankAccount.number, Customer.name)
        .join(Customer, Customer.uuid == CreditEntry.customer_uuid)
        .outerjoin(BankAccount, BankAccount.id == CreditEntry.bank_account_id)
        .where(*_OPEN).order_by(CreditEntry.created_at, CreditEntry.id))
    return [OpenPayment(int(i), amount + code, at, number, f"Kasbon {name}", kasbon=True)
            for i, amount, code, at, number, name in rows]


def used_keys(session: Session) -> set[str]:
    """Statement keys that already confirmed a kasbon payment."""
    return {key for key in session.scalars(select(CreditEntry.statement_key)
                                           .where(CreditEntry.statement_key.is_not(None))) if key}


def confirm(session: Session, payment: OpenPayment, amount: int, reference: str, key: str,
            user_id: int | None, when: datetime | None = None) -> None:
    """Confirm a proposed kasbon payment with its statement line (key stored once)."""
    kasbon_payments.confirm_payment(session, payment.payment_id, received=amount,
                                    reference=reference, user_id=user_id, statement_key=key,
                                    when=when)
