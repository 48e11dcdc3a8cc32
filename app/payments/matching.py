"""Propose which statement credit pays which open transfer payment (by exact amount).

Rules (docs/design.md, "Payments straight to the seller"):

* only settled credit lines count: debits never match, pending (``PEND``) lines wait;
* a line whose key was already used to confirm a payment is skipped (so re-importing an
  overlapping statement proposes nothing twice); a key repeated inside the input counts once;
* a credit is *eligible* for an open payment when the amounts are equal and the credit is
  dated on or after the shop day (app.clock) the payment was created (statements often have no time);
* a credit eligible for exactly one payment, which is itself eligible for no other credit, is a
  proposal; every other eligible credit is ambiguous (listed per amount, never proposed);
  credits eligible for nothing are unmatched.

Runs in O((lines + payments) log n): a dict by amount, then bisect over creation dates.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from app.clock import shop_day
from app.payments.statements.model import CREDIT, StatementLine
from contract.money import format_rupiah as rupiah


@dataclass(frozen=True)
class OpenPayment:
    """A transfer payment waiting for the money (amount due includes the unique code)."""

    payment_id: int
    amount_due: int
    created_at: datetime
    bank_account_number: str | None
    order_number: str
    kasbon: bool = False  # a kasbon payment (payment_id is its credit entry's id)


@dataclass(frozen=True)
class Proposal:
    """This credit line very probably pays this payment; the seller confirms with one click."""

    line: StatementLine
    payment: OpenPayment


@dataclass(frozen=True)
class Ambiguity:
    """Credits and payments of one amount that cannot be paired safely; the seller decides."""

    amount: int
    lines: tuple[StatementLine, ...]
    payments: tuple[OpenPayment, ...]

    @property
    def message(self) -> str:
        """Why no proposal was made, in Indonesian."""
        return (
            f"{len(self.lines)} kredit sebesar {rupiah(self.amount)} cocok dengan "
            f"{len(self.payments)} pesanan terbuka; pilih sendiri pasangannya"
        )


@dataclass(frozen=True)
class MatchResult:
    """Outcome of :func:`match`; lines keep their statement order inside each list."""

    proposals: tuple[Proposal, ...]
    ambiguous: tuple[Ambiguity, ...]
    unmatched: tuple[StatementLine, ...]
    pending: tuple[StatementLine, ...]
    already_used: tuple[StatementLine, ...]


def _digits(text: str | None) -> str:
    return "".join(ch for ch in text or "" if ch.isdigit())


def _by_amount(
    payments: Sequence[OpenPayment], account_number: str | None
) -> dict[int, list[OpenPayment]]:
    account = _digits(account_number)
    grouped: dict[int, list[OpenPayment]] = {}
    for payment in payments:
        own = _digits(payment.bank_account_number)
        if account and own and own != account:
            continue
        grouped.setdefault(payment.amount_due, []).append(payment)
    return grouped


def match(
    lines: Sequence[StatementLine],
    open_payments: Sequence[OpenPayment],
    already_used_keys: set[str],
    *,
    account_number: str | None = None,
) -> MatchResult:
    """Sort statement lines into proposals, ambiguous groups, unmatched, pending and used.

    ``account_number`` (the statement's account), when given, leaves out payments that are to
    be paid into another account.
    """
    pending: list[StatementLine] = []
    used: list[StatementLine] = []
    credits: dict[int, list[StatementLine]] = {}
    seen: set[str] = set()
    for line in lines:
        if line.direction != CREDIT:
            continue
        if line.pending or line.date is None:
            pending.append(line)
        elif line.key in already_used_keys or line.key in seen:
            used.append(line)
        else:
            seen.add(line.key)
            credits.setdefault(line.amount, []).append(line)
    payments = _by_amount(open_payments, account_number)
    proposals: list[Proposal] = []
    ambiguous: list[Ambiguity] = []
    unmatched: list[StatementLine] = []
    for amount, group in credits.items():
        _pair_amount(amount, group, payments.get(amount, []), proposals, ambiguous, unmatched)
    return MatchResult(
        proposals=tuple(sorted(proposals, key=lambda p: _order(p.line))),
        ambiguous=tuple(ambiguous),
        unmatched=tuple(sorted(unmatched, key=_order)),
        pending=tuple(pending),
        already_used=tuple(used),
    )


def _order(line: StatementLine) -> tuple[date, int]:
    return (line.date or date.max, line.row_number)


def _pair_amount(
    amount: int,
    lines: list[StatementLine],
    payments: list[OpenPayment],
    proposals: list[Proposal],
    ambiguous: list[Ambiguity],
    unmatched: list[StatementLine],
) -> None:
    """Pair the credits and payments of one amount (see the module rules)."""
    if not payments:
        unmatched.extend(lines)
        return
    ordered = sorted(payments, key=lambda p: (shop_day(p.created_at), p.kasbon, p.payment_id))
    created = [shop_day(p.created_at) for p in ordered]  # the bank dates credits in shop time
    line_dates = sorted(line.date for line in lines if line.date is not None)
    lines_for_first = len(line_dates) - bisect_left(line_dates, created[0])
    conflict_lines: list[StatementLine] = []
    widest = 0
    for line in lines:
        assert line.date is not None  # settled lines always have a date
        eligible = bisect_right(created, line.date)
        if eligible == 0:
            unmatched.append(line)
        elif eligible == 1 and lines_for_first == 1:
            proposals.append(Proposal(line, ordered[0]))
        else:
            conflict_lines.append(line)
            widest = max(widest, eligible)
    if conflict_lines:
        ambiguous.append(Ambiguity(amount, tuple(conflict_lines), tuple(ordered[:widest])))
