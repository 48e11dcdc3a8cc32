"""The Pelanggan list: customers found by phone or name with their kasbon balance and aging
(as of a shop day passed in), or only those with overdue kasbon (the reminders list)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from app import kasbon_allocation, kasbon_ledger
from app.customers import find_customers
from app.kasbon_allocation import Aging
from models.books import Customer

LIST_LIMIT = 500


@dataclass(frozen=True)
class CustomerRow:
    """One row of the list: the customer, balance, aging and what is overdue."""

    uuid: str
    name: str
    phone: str
    group_name: str
    balance: int
    aging: Aging
    late: int


def _row(customer: Customer, balance: int, aging: Aging, late: int) -> CustomerRow:
    return CustomerRow(customer.uuid, customer.name, customer.phone, customer.group_name,
                       balance, aging, late)


def customer_rows(session: Session, query: str, day: date, *, overdue_only: bool = False,
                  limit: int = LIST_LIMIT) -> list[CustomerRow]:
    """Customers matching ``query`` (all when empty), or the overdue ones, with their kasbon."""
    if overdue_only:
        return [_row(r.customer, kasbon_ledger.balance(session, r.customer.uuid),
                     kasbon_allocation.aging(session, r.customer.uuid, day), r.late)
                for r in kasbon_allocation.overdue(session, day)]
    found = find_customers(session, query, limit=limit)
    balances = kasbon_ledger.balances(session)
    agings = kasbon_allocation.aging_all(session, day)
    rows = []
    for customer in found:
        aging = agings.get(customer.uuid, Aging())
        rows.append(_row(customer, balances.get(customer.uuid, 0), aging,
                         aging.days_8_30 + aging.over_30))
    if not query.strip():
        rows.sort(key=lambda r: (-r.balance, r.name.lower()))
    return rows
