"""Payments written on the shop database: bank accounts, the QRIS sticker, statement import,
confirmations.

Every function takes the caller's session and never commits (one user action = one
transaction). The reads (static QRIS, kode unik quotes, open payments, used statement keys)
live in :mod:`app.payments.queries` and are re-exported here, so ``service.open_payments``
and the rest still work for every caller. The pure parts live next door:
:mod:`contract.qris`, :mod:`app.payments.statements`, :mod:`app.payments.matching`,
:mod:`app.payments.unique_code`.

A statement line confirms at most one payment, ever: its key is stored on the payment
(``Payment.statement_key``, unique) and on the imported line (``StatementRecord.payment_id``),
and both are read back as "already used" on every later import.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app import audit, permissions, settings, shop
from app.clock import now_utc
from app.errors import ConflictError, NotFoundError, ValidationError
from app.money import format_rupiah
from app.orders import confirm_payment, expire_pending
from app.owner_only import OwnerPin, actor_of, approver_of, require_owner
from app.payments import kasbon_open
from app.payments.matching import MatchResult, Proposal, match
from app.payments.queries import (
    OPEN_METHODS,
    OpenPaymentView,
    TransferQuote,
    format_age,
    open_payments,
    qris_for,
    static_qris,
    taken_amounts,
    transfer_code,
    transfer_quote,
    used_keys,
)
from app.payments.statements import Statement, StatementLine, parse_statement
from app.sync.orders import queue_confirmation
from contract import qris
from models import BankAccount, Payment, StatementRecord, User

__all__ = [  # the reads are app.payments.queries' names, kept importable from here
    "CONFIRM_ACTION", "OPEN_METHODS", "ImportResult", "OpenPaymentView", "TransferQuote",
    "add_bank_account", "authorise_confirmation", "clear_static_qris", "confirm_manual",
    "confirm_proposals", "deactivate_bank_account", "expire_due", "format_age", "import_statement",
    "open_payments", "qris_for", "set_static_qris", "static_qris", "taken_amounts",
    "transfer_code", "transfer_quote", "used_keys",
]

CONFIRM_ACTION = "payment_confirm"
_CHUNK = 500


@dataclass(frozen=True)
class ImportResult:
    """A statement read and matched: proposals, ambiguous and unmatched credits, counts."""

    statement: Statement
    matches: MatchResult
    new_lines: int
    seen_before: int
    account_known: bool

    @property
    def proposals(self) -> tuple[Proposal, ...]:
        """Credit lines that pay exactly one open payment."""
        return self.matches.proposals

    @property
    def warnings(self) -> list[str]:
        """Things the seller should know about this file (Indonesian)."""
        notes = []
        if not self.account_known and self.statement.account_number:
            notes.append(f"Rekening {self.statement.account_number} di mutasi ini tidak terdaftar "
                         "di Pengaturan → Pembayaran.")
        if self.statement.refused:
            notes.append(f"{len(self.statement.refused)} baris dilewati (nominal bersen).")
        if self.matches.pending:
            notes.append(f"{len(self.matches.pending)} kredit masih PEND (menunggu bank).")
        if self.matches.already_used:
            notes.append(f"{len(self.matches.already_used)} kredit sudah pernah dipakai "
                         "untuk konfirmasi.")
        return notes


# --- bank accounts and the static QRIS -------------------------------------------------------


def add_bank_account(
    session: Session, user_id: int | None, bank: str, number: str, holder: str,
    owner_pin: OwnerPin | None = None,
) -> int:
    """Register an account buyers transfer to (owner only; a cashier needs an owner's PIN).

    Audited with who added it, who approved, and the account (never the PIN).
    """
    approval = require_owner(session, user_id, "bank_account", owner_pin, change="tambah")
    account_id = shop.add_bank_account(session, bank, number, holder)
    account = session.get(BankAccount, account_id)
    assert account is not None
    audit.record(session, "bank_account.add", actor_of(approval), approver_of(approval),
                 bank=account.bank, number=account.number, holder=account.holder)
    return account_id


def deactivate_bank_account(session: Session, account_id: int, user_id: int | None = None,
                            owner_pin: OwnerPin | None = None) -> None:
    """Stop offering an account to buyers (kept for old orders and statements; owner only)."""
    account = session.get(BankAccount, account_id)
    if account is None:
        raise NotFoundError("Rekening tidak ditemukan.")
    approval = require_owner(session, user_id, "bank_account", owner_pin, change="nonaktifkan")
    account.active = False
    audit.record(session, "bank_account.deactivate", actor_of(approval), approver_of(approval),
                 bank=account.bank, number=account.number)


def set_static_qris(session: Session, payload: str, user_id: int | None = None,
                    owner_pin: OwnerPin | None = None) -> qris.QrisPayload:
    """Validate and store the seller's static QRIS (from the sticker; owner only); returns it parsed."""
    text = payload.strip()
    parsed = qris.parse_static(text)
    approval = require_owner(session, user_id, "qris", owner_pin, change="simpan")
    settings.set_value(session, "qris.static_payload", text)
    audit.record(session, "qris.set", actor_of(approval), approver_of(approval),
                 merchant=parsed.merchant_name, city=parsed.merchant_city, nmid=parsed.nmid)
    return parsed


def clear_static_qris(session: Session, user_id: int | None = None,
                      owner_pin: OwnerPin | None = None) -> None:
    """Forget the stored static QRIS (QRIS is then not offered at the till; owner only)."""
    approval = require_owner(session, user_id, "qris", owner_pin, change="hapus")
    settings.set_value(session, "qris.static_payload", "")
    audit.record(session, "qris.clear", actor_of(approval), approver_of(approval))


# --- expiry -----------------------------------------------------------------------------------


def expire_due(session: Session, now: datetime | None = None) -> list[str]:
    """Expire the unpaid online reservations past their time; their numbers.

    Counter sales never expire (their goods left the shop); see :func:`expire_pending`.
    """
    return expire_pending(session, now)


# --- statement import -------------------------------------------------------------------------


def _known_keys(session: Session, keys: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(keys), _CHUNK):
        chunk = keys[start:start + _CHUNK]
        found.update(session.scalars(select(StatementRecord.key)
                                     .where(StatementRecord.key.in_(chunk))))
    return found


def _remember_lines(session: Session, bank: str, lines: Iterable[StatementLine]) -> tuple[int, int]:
    """Store each dated line once (by key); returns (new, seen before)."""
    dated = {line.key: line for line in lines if line.date is not None}
    known = _known_keys(session, list(dated))
    rows = [
        {"key": key, "bank": bank[:20], "amount": line.amount if line.direction == "credit"
         else -line.amount, "line_date": line.date, "description": line.description}
        for key, line in dated.items() if key not in known
    ]
    if rows:
        session.execute(insert(StatementRecord), rows)
    return len(rows), len(known)


def _account_known(session: Session, number: str | None) -> bool:
    if not number:
        return True
    digits = "".join(ch for ch in number if ch.isdigit())
    return digits in set(session.scalars(select(BankAccount.number)))


def import_statement(
    session: Session, path: Path, *, today: date | None = None, now: datetime | None = None
) -> ImportResult:
    """Read a statement file, remember its lines and match its credits to open payments.

    Nothing is confirmed here; pass the proposals the seller accepts to
    :func:`confirm_proposals`. A bad file raises :class:`StatementError` (nothing stored).
    """
    statement = parse_statement(Path(path), today=today)
    opens = [view.as_open_payment() for view in open_payments(session, now)]
    opens += kasbon_open.open_payments(session)
    result = match(statement.lines, opens, used_keys(session),
                   account_number=statement.account_number)
    new, seen = _remember_lines(session, statement.bank, statement.lines)
    return ImportResult(statement, result, new, seen, _account_known(session,
                                                                      statement.account_number))


# --- confirmation -----------------------------------------------------------------------------


def authorise_confirmation(
    session: Session, user_id: int | None, approver_pin: str | None = None
) -> None:
    """Check the confirm-payment permission (app.permissions), before anything is written.

    A shop without any user yet (first start) has nobody to ask, so it is allowed. The
    details of each confirmation go to the audit log with the confirmation itself.
    """
    if user_id is None and session.scalar(select(User.id).where(User.active.is_(True))) is None:
        return
    permissions.require(session, user_id, CONFIRM_ACTION, approver_pin)


def _record_use(session: Session, line: StatementLine, payment_id: int, bank: str) -> None:
    record = session.scalar(select(StatementRecord).where(StatementRecord.key == line.key))
    if record is None:
        if line.date is None:
            raise ValidationError("Baris mutasi yang masih PEND belum bisa dipakai konfirmasi.")
        record = StatementRecord(key=line.key, bank=bank[:20], amount=line.amount,
                                 line_date=line.date, description=line.description)
        session.add(record)
    elif record.payment_id is not None and record.payment_id != payment_id:
        raise ConflictError("Baris mutasi ini sudah dipakai untuk konfirmasi lain.")
    record.payment_id = payment_id


def confirm_proposals(
    session: Session, proposals: Sequence[Proposal], user_id: int | None, *,
    bank: str = "", approver_pin: str | None = None, now: datetime | None = None,
    check_permission: bool = True,
) -> list[str]:
    """Confirm each proposed payment with its statement line (all or nothing).

    Returns the order numbers confirmed. A payment no longer pending, or a line already
    used, raises :class:`ConflictError` naming the order, and nothing is confirmed.
    ``check_permission=False`` is for the command line, run by whoever holds the shop file.
    """
    if not proposals:
        return []
    if check_permission:
        authorise_confirmation(session, user_id, approver_pin)
    numbers = []
    for proposal in proposals:
        line, payment = proposal.line, proposal.payment
        reference = (line.reference or line.description)[:120]
        if payment.kasbon or line.key in kasbon_open.used_keys(session):
            _confirm_kasbon(session, proposal, reference, user_id, now)
            numbers.append(payment.order_number)
            continue
        try:
            order = confirm_payment(session, payment.payment_id, received=line.amount,
                                    reference=reference, user_id=user_id,
                                    statement_key=line.key, when=now)
        except ConflictError as exc:
            raise ConflictError("{order_number}: {exc}", order_number=payment.order_number,
                                exc=exc) from exc
        queue_confirmation(session, order, line.amount, reference, now)
        _record_use(session, line, payment.payment_id, bank or line.key.split(":", 1)[0])
        numbers.append(payment.order_number)
    return numbers


def _confirm_kasbon(session: Session, proposal: Proposal, reference: str, user_id: int | None,
                    now: datetime | None) -> None:
    """A kasbon payment's line (or a line a kasbon payment already used: refused)."""
    line, payment = proposal.line, proposal.payment
    try:
        if not payment.kasbon:
            raise ConflictError("Baris mutasi ini sudah dipakai untuk konfirmasi lain.")
        kasbon_open.confirm(session, payment, line.amount, reference, line.key, user_id, now)
    except ConflictError as exc:
        raise ConflictError("{order_number}: {exc}", order_number=payment.order_number,
                            exc=exc) from exc


def confirm_manual(
    session: Session, payment_id: int, *, received: int, paid_on: date, reference: str,
    user_id: int | None, approver_pin: str | None = None, now: datetime | None = None,
) -> str:
    """Confirm a payment by hand (amount received, date, bank reference); its order number."""
    if paid_on > (now or now_utc()).date() + timedelta(days=1):
        raise ValidationError("Tanggal uang masuk tidak boleh di masa depan.", field="date")
    payment = session.get(Payment, payment_id)
    if payment is None:
        raise NotFoundError("Pembayaran #{payment_id} tidak ditemukan.", payment_id=payment_id)
    due = payment.amount + payment.unique_code
    if received != due:
        raise ValidationError("Uang masuk {received} tidak sama dengan tagihan {due}.", field="amount",
                              received=format_rupiah(received), due=format_rupiah(due))
    authorise_confirmation(session, user_id, approver_pin)
    order = confirm_payment(session, payment_id, received=received, reference=reference,
                            user_id=user_id, when=now)
    queue_confirmation(session, order, received, reference, now)
    payment.note = f"Diterima {paid_on:%d/%m/%Y}"[:120]
    audit.record(session, "payment.manual", user_id, None, order=order.number,
                 payment=payment_id, paid_on=paid_on.isoformat(), reference=reference)
    return order.number
