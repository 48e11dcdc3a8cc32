"""Plain data returned by the statement parser: lines, refused lines, the statement itself."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, time
from typing import Literal

from app.errors import ValidationError

Direction = Literal["credit", "debit"]
CREDIT: Direction = "credit"
DEBIT: Direction = "debit"
MAX_LISTED_PROBLEMS = 10


class StatementError(ValidationError):
    """A statement file cannot be imported; the message names the problem and the rows."""

    def __init__(self, message: str, problems: Sequence[str] = (), **params: object) -> None:
        self.problems = tuple(problems)
        super().__init__(message, field="statement", **params)
        if self.problems:
            shown = "\n".join(f"- {p}" for p in self.problems[:MAX_LISTED_PROBLEMS])
            more = len(self.problems) - MAX_LISTED_PROBLEMS
            tail = f"\n- ... dan {more} masalah lain" if more > 0 else ""
            self.append(f"\n{shown}{tail}")


@dataclass(frozen=True)
class LineDraft:
    """A parsed row before its key is known (keys need the whole file)."""

    row_number: int
    date: date | None
    time: time | None
    amount: int
    direction: Direction
    description: str
    reference: str | None
    raw: tuple[str, ...]
    pending: bool


@dataclass(frozen=True)
class StatementLine(LineDraft):
    """One transaction of a bank statement: a :class:`LineDraft` with its key.

    ``amount`` is whole rupiah, always positive; ``direction`` says credit (money in) or debit.
    ``date`` is None only for a pending (``PEND``) line that the bank has not dated yet.
    ``key`` is a stable identity used to never confirm a payment twice from the same line,
    also across overlapping imports.
    """

    key: str

    @property
    def is_settled_credit(self) -> bool:
        """True for money received that the bank has settled (the only lines that can match)."""
        return self.direction == CREDIT and not self.pending and self.date is not None


@dataclass(frozen=True)
class RefusedLine:
    """A row that is a valid transaction but cannot be used for matching (e.g. sen amounts)."""

    row_number: int
    message: str
    raw: tuple[str, ...]


@dataclass(frozen=True)
class Statement:
    """A parsed statement file. Iterating over it yields its lines."""

    bank: str
    format: str
    account_number: str | None
    period_start: date | None
    period_end: date | None
    lines: tuple[StatementLine, ...]
    refused: tuple[RefusedLine, ...] = ()
    totals_checked: bool = False

    def __iter__(self) -> Iterator[StatementLine]:
        return iter(self.lines)

    def __len__(self) -> int:
        return len(self.lines)

    @property
    def credits(self) -> tuple[StatementLine, ...]:
        """The settled credit lines, the ones matching looks at."""
        return tuple(line for line in self.lines if line.is_settled_credit)


def normalise_text(text: str) -> str:
    """Collapse whitespace and upper-case, so re-exports with other spacing give equal keys."""
    return " ".join(text.split()).upper()


MIN_REFERENCE_CHARS = 6


def is_bank_reference(reference: str | None) -> bool:
    """Whether ``reference`` can tell a line apart: at least 6 letters/digits, not all one
    character. ``-``, empty, ``0``, ``TRF`` or ``000000`` are placeholders some exports put
    in the column, shared by many lines."""
    chars = [ch for ch in (reference or "").upper() if ch.isalnum()]
    return len(chars) >= MIN_REFERENCE_CHARS and len(set(chars)) > 1


def assign_keys(bank: str, account: str | None, drafts: Sequence[LineDraft]) -> list[StatementLine]:
    """Give each draft its stable key.

    With a bank reference: ``bank:ref:<reference>:<date>:<C|D><amount>`` (the date and amount
    guard against references that restart every day). Without one, or with a placeholder
    (see :func:`is_bank_reference`; it is then dropped from the line): a hash of bank,
    account, date, time, direction, amount, description and the occurrence index among
    identical rows of the file, so two equal-looking credits stay two lines and the same
    file imported again gives the same keys.
    """
    seen: dict[tuple[str, ...], int] = {}
    lines = []
    for given in drafts:
        draft = given if is_bank_reference(given.reference) else replace(given, reference=None)
        day = draft.date.isoformat() if draft.date else "PEND"
        sign = "C" if draft.direction == CREDIT else "D"
        if draft.reference and not draft.pending:
            key = f"{bank}:ref:{normalise_text(draft.reference)}:{day}:{sign}{draft.amount}"
        else:
            moment = draft.time.isoformat() if draft.time else ""
            description = normalise_text(draft.description)
            base = (bank, account or "", day, moment, sign, str(draft.amount), description)
            index = seen.get(base, 0)
            seen[base] = index + 1
            digest = hashlib.sha256("\x1f".join((*base, str(index))).encode()).hexdigest()
            key = f"{bank}:row:{digest[:32]}"
        lines.append(StatementLine(key=key, **draft.__dict__))
    return lines
