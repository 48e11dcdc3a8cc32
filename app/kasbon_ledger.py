"""Kasbon ledger reads: a customer's balance, the payments still on their way, every
customer's balance at once, the lines of one customer or of one sale, the open payments.

The ledger is :class:`models.books.CreditEntry`; ``amount`` is positive and
:class:`contract.enums.CreditKind` gives the sign (:data:`SIGNED`): a credit sale raises the
balance, a refund, a payment or a correction lowers it. Only *confirmed* rows count
(:data:`CONFIRMED`): a transfer or QRIS payment waits ``pending`` until the money is seen.
The lines are written by :mod:`app.kasbon` (checkout and refund) and
:mod:`app.kasbon_payments`; what is unpaid of each sale and its age is
:mod:`app.kasbon_allocation`.
"""

from __future__ import annotations

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from app import customers
from app.errors import UserError
from contract.enums import CreditKind, PaymentStatus
from models.books import CreditEntry, Customer

SIGNED = case((CreditEntry.kind == CreditKind.SALE, CreditEntry.amount), else_=-CreditEntry.amount)
CONFIRMED = CreditEntry.status == PaymentStatus.CONFIRMED


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
    total = session.scalar(select(func.coalesce(func.sum(SIGNED), 0))
                           .where(CreditEntry.customer_uuid == customer_uuid, CONFIRMED))
    return int(total or 0)


def pending_payments_total(session: Session, customer_uuid: str) -> int:
    """Transfer/QRIS payments made but not yet confirmed (they do not lower the balance)."""
    total = session.scalar(select(func.coalesce(func.sum(CreditEntry.amount), 0)).where(
        CreditEntry.customer_uuid == customer_uuid, CreditEntry.status == PaymentStatus.PENDING))
    return int(total or 0)


def balances(session: Session) -> dict[str, int]:
    """Every customer's balance in one grouped query (customers without kasbon left out)."""
    rows = session.execute(select(CreditEntry.customer_uuid, func.sum(SIGNED))
                           .where(CONFIRMED).group_by(CreditEntry.customer_uuid))
    return {uuid: int(total) for uuid, total in rows}


def kasbon_of_order(session: Session, order_uuid: str) -> tuple[str | None, int]:
    """(customer uuid, kasbon still owed of this sale, after its earlier refunds)."""
    rows = session.execute(select(CreditEntry.customer_uuid, CreditEntry.kind, CreditEntry.amount)
                           .where(CreditEntry.order_uuid == order_uuid, CONFIRMED))
    customer, owed = None, 0
    for uuid, kind, amount in rows:
        customer = uuid
        owed += amount if kind == CreditKind.SALE else -amount if kind == CreditKind.REFUND else 0
    return customer, max(0, owed)


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
