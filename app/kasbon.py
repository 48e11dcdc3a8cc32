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

This module holds the limit and the lines checkout and refund write; the rest lives beside it
and is importable from here too: the balance reads in :mod:`app.kasbon_ledger`, allocation and
aging in :mod:`app.kasbon_allocation`, payments in :mod:`app.kasbon_payments`.

Sync: every line written or confirmed is shared with the shop's other devices
(``app.sync.books.share``) in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from app import audit, permissions, settings
from app.customers import get_customer
from app.errors import PermissionDenied, ValidationError
from app.kasbon_allocation import (
    BUCKETS,
    Aging,
    OpenSale,
    Reminder,
    age_of,
    aging,
    aging_all,
    allocate,
    open_sales,
    overdue,
)
from app.kasbon_ledger import (
    balance,
    balances,
    entries,
    kasbon_of_order,
    kept_with_balance,
    open_payments,
    pending_payments_total,
)
from app.kasbon_payments import (
    PAYMENT_METHODS,
    PaymentIn,
    confirm_payment,
    key_used,
    receive_payment,
    void_payment,
)
from app.money import format_rupiah
from app.owner_only import OwnerPin, require_owner
from app.sync import books as books_sync
from contract.enums import CreditKind, PaymentMethod, PaymentStatus
from models.books import CreditEntry, Customer

__all__ = [
    "BUCKETS", "LIMIT_ACTION", "PAYMENT_METHODS", "Aging", "CreditCheck", "KasbonLimitError",
    "OpenSale", "PaymentIn", "Reminder", "admit_credit", "age_of", "aging", "aging_all",
    "allocate", "balance", "balances", "check_limit", "confirm_payment", "credit_customer",
    "entries", "kasbon_of_order", "kept_with_balance", "key_used", "limit_of", "open_payments",
    "open_sales", "overdue", "pending_payments_total", "receive_payment", "record_refund",
    "record_sale", "refund_part", "void_payment",
]

LIMIT_ACTION = "kasbon_limit"


class KasbonLimitError(PermissionDenied):
    """A credit sale would take the customer over their limit: the owner's PIN is needed.

    The UI answers it with the owner-approval dialog and tries again with the PIN.
    """


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
