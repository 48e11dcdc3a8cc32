"""Matching statement credits to open transfer payments, and the unique code."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from app.errors import ConflictError, UserError, ValidationError
from app.payments.matching import OpenPayment, match
from app.payments.statements import CREDIT, StatementLine, parse_statement
from app.payments.unique_code import allocate_unique_code

DATA = Path(__file__).parent / "data"


def payment(pid: int, amount: int, day: int = 1, account: str | None = None) -> OpenPayment:
    return OpenPayment(pid, amount, datetime(2025, 6, day, 14, 30), account, f"K1-202506{pid:02d}")


def line(key: str, amount: int, day: int = 5, *, pending: bool = False) -> StatementLine:
    return StatementLine(
        date=None if pending else date(2025, 6, day),
        time=None,
        amount=amount,
        direction=CREDIT,
        description=f"TRF {key}",
        reference=None,
        raw=(),
        pending=pending,
        key=key,
        row_number=int(key[1:]) if key[1:].isdigit() else 0,
    )


def test_klikbca_statement_proposes_only_settled_credits() -> None:
    statement = parse_statement(DATA / "bca_klikbca.csv")
    open_payments = [payment(1, 125_345), payment(2, 50_456), payment(3, 87_654),
                     payment(4, 75_210), payment(5, 99_999)]  # fmt: skip
    result = match(statement.lines, open_payments, set())
    assert [(p.payment.payment_id, p.line.amount) for p in result.proposals] == [
        (1, 125_345),
        (2, 50_456),
    ]
    # the debit of Rp87.654 equals payment 3's amount but is money going out: never matched
    assert all(p.payment.payment_id != 3 for p in result.proposals)
    assert [ln.amount for ln in result.pending] == [75_210]
    assert result.unmatched == () and result.ambiguous == ()


def test_credit_dated_before_the_order_day_is_not_proposed() -> None:
    result = match([line("L1", 10_123, day=3)], [payment(1, 10_123, day=4)], set())
    assert result.proposals == ()
    assert [ln.key for ln in result.unmatched] == ["L1"]
    same_day = match([line("L1", 10_123, day=4)], [payment(1, 10_123, day=4)], set())
    assert [p.payment.payment_id for p in same_day.proposals] == [1]


def test_one_credit_two_payments_is_ambiguous() -> None:
    result = match([line("L1", 20_001)], [payment(1, 20_001), payment(2, 20_001)], set())
    assert result.proposals == ()
    (group,) = result.ambiguous
    assert group.amount == 20_001
    assert [ln.key for ln in group.lines] == ["L1"]
    assert {p.payment_id for p in group.payments} == {1, 2}
    assert "1 kredit sebesar Rp20.001 cocok dengan 2 pesanan" in group.message


def test_two_credits_one_payment_is_ambiguous() -> None:
    result = match([line("L1", 20_001), line("L2", 20_001, day=6)], [payment(1, 20_001)], set())
    assert result.proposals == ()
    assert [ln.key for ln in result.ambiguous[0].lines] == ["L1", "L2"]


def test_later_order_is_not_a_candidate_for_an_earlier_credit() -> None:
    payments = [payment(1, 30_005, day=1), payment(2, 30_005, day=9)]
    result = match([line("L1", 30_005, day=5)], payments, set())
    assert [(p.line.key, p.payment.payment_id) for p in result.proposals] == [("L1", 1)]


def test_used_keys_and_duplicate_keys_confirm_nothing_twice() -> None:
    lines = [line("L1", 40_004), line("L1", 40_004), line("L2", 50_005)]
    result = match(lines, [payment(1, 40_004), payment(2, 50_005)], {"L2"})
    assert [(p.line.key, p.payment.payment_id) for p in result.proposals] == [("L1", 1)]
    assert [ln.key for ln in result.already_used] == ["L1", "L2"]


def test_overlapping_reimport_proposes_nothing_twice() -> None:
    first = parse_statement(DATA / "bca_personal_week1.csv")
    second = parse_statement(DATA / "bca_personal_week2.csv")
    open_payments = [payment(1, 125_345), payment(2, 20_000), payment(3, 50_456),
                     payment(4, 72_100)]  # fmt: skip
    one = match(first.lines, open_payments, set())
    assert [p.payment.payment_id for p in one.proposals] == [1]
    assert len(one.ambiguous) == 1  # two identical credits of Rp20.000 for one order
    # the seller confirms payment 1 and, by hand, payment 2 with the first Rp20.000 line
    used = {one.proposals[0].line.key, one.ambiguous[0].lines[0].key}
    remaining = [p for p in open_payments if p.payment_id not in (1, 2)]
    two = match(second.lines, remaining, used)
    assert [p.payment.payment_id for p in two.proposals] == [3]
    assert one.ambiguous[0].lines[0].key in {ln.key for ln in two.already_used}
    assert all(p.line.key not in used for p in two.proposals)
    # payment 4 equals a debit (money out) in both files: never matched
    assert all(p.payment.payment_id != 4 for p in one.proposals + two.proposals)


def test_payments_for_another_account_are_left_out() -> None:
    payments = [payment(1, 60_006, account="123-456-7890"), payment(2, 60_006, account="999")]
    result = match([line("L1", 60_006)], payments, set(), account_number="1234567890")
    assert [p.payment.payment_id for p in result.proposals] == [1]


def test_unique_code_smallest_free() -> None:
    assert allocate_unique_code(125_000, set()) == 1
    assert allocate_unique_code(125_000, {125_001, 125_002, 125_004}) == 3


def test_unique_code_random_free() -> None:
    taken = {125_000 + c for c in range(1, 999)}  # only 999 is free
    assert allocate_unique_code(125_000, taken, random.Random(7)) == 999
    codes = {allocate_unique_code(125_000, set(), random.Random(seed)) for seed in range(30)}
    assert len(codes) > 1 and all(1 <= c <= 999 for c in codes)


def test_unique_code_all_taken() -> None:
    taken = {125_000 + c for c in range(1, 1000)}
    for rng in (None, random.Random(1)):
        with pytest.raises(ConflictError, match=r"Semua 999 kode unik untuk total Rp125\.000"):
            allocate_unique_code(125_000, taken, rng)
    assert issubclass(ConflictError, UserError)


@pytest.mark.parametrize("base", [0, -1, True])
def test_unique_code_needs_a_positive_base(base: int) -> None:
    with pytest.raises(ValidationError):
        allocate_unique_code(base, set())


def test_the_order_day_is_the_shop_day_not_the_utc_day() -> None:
    # 00:30 WIB on 4 June is 17:30 UTC on 3 June: a credit dated 3 June came before the order
    early = OpenPayment(1, 10_123, datetime(2025, 6, 3, 17, 30, tzinfo=UTC), None, "K1-20250604-0001")
    result = match([line("L1", 10_123, day=3)], [early], set())
    assert result.proposals == ()
    assert [ln.key for ln in result.unmatched] == ["L1"]
    same_day = match([line("L1", 10_123, day=4)], [early], set())
    assert [p.payment.payment_id for p in same_day.proposals] == [1]
