"""Payments on the shop database: kode unik, dynamic QRIS, open payments, statement import.

Every function takes the caller's session and never commits (one user action = one
transaction). The pure parts live next door: :mod:`contract.qris`,
:mod:`app.payments.statements`, :mod:`app.payments.matching`, :mod:`app.payments.unique_code`.

A statement line confirms at most one payment, ever: its key is stored on the payment
(``Payment.statement_key``, unique) and on the imported line (``StatementRecord.payment_id``),
and both are read back as "already used" on every later import.
"""

from __future__ import annotations

import random
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
from app.payments.matching import MatchResult, OpenPayment, Proposal, match
from app.payments.statements import Statement, StatementLine, parse_statement
from app.payments.unique_code import MAX_CODE, allocate_unique_code
from app.sync.orders import queue_confirmation
from contract import qris
from contract.enums import OrderStatus, PaymentMethod, PaymentStatus
from models import BankAccount, Order, Payment, StatementRecord, User

OPEN_METHODS = (PaymentMethod.TRANSFER, PaymentMethod.QRIS)  # contract.enums.PENDING_METHODS, in order
CONFIRM_ACTION = "payment_confirm"
_CHUNK = 500


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


# --- open payments and expiry -----------------------------------------------------------------


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


def expire_due(session: Session, now: datetime | None = None) -> list[str]:
    """Expire the unpaid online reservations past their time; their numbers.

    Counter sales never expire (their goods left the shop); see :func:`expire_pending`.
    """
    return expire_pending(session, now)


def format_age(age: timedelta) -> str:
    """A short Indonesian age: ``5 mnt``, ``2 jam 10 mnt``, ``3 hari``."""
    minutes = max(0, int(age.total_seconds() // 60))
    if minutes < 60:
        return f"{minutes} mnt"
    if minutes < 24 * 60:
        hours, rest = divmod(minutes, 60)
        return f"{hours} jam {rest} mnt" if rest else f"{hours} jam"
    return f"{minutes // (24 * 60)} hari"


# --- statement import -------------------------------------------------------------------------


def used_keys(session: Session) -> set[str]:
    """Statement keys that already confirmed a payment."""
    on_payments = session.scalars(select(Payment.statement_key)
                                  .where(Payment.statement_key.is_not(None)))
    on_records = session.scalars(select(StatementRecord.key)
                                 .where(StatementRecord.payment_id.is_not(None)))
    return {key for key in (*on_payments, *on_records) if key} | kasbon_open.used_keys(session)


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
