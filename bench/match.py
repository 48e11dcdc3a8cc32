"""Benchmark: a statement of 10 000 lines matched against 10 000 open payments (budget ≤ 1 s).

Run as ``python -m bench.match``. Times ``match()`` alone on prepared lines (median of several
runs), the raw floor (one dict lookup per line, no rules), and separately parsing a
10 000-line KlikBCA Bisnis CSV. The last line is ``RESULT {json}``.
"""

from __future__ import annotations

import json
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

from app.payments.matching import MatchResult, OpenPayment, match
from app.payments.statements import CREDIT, DEBIT, StatementLine, parse_statement
from app.payments.unique_code import allocate_unique_code

LINES = 10_000
ORDERS = 10_000
RUNS = 5
BUDGET_SECONDS = 1.0
START = date(2025, 6, 1)


def make_payments(rng: random.Random) -> list[OpenPayment]:
    """10 000 open transfer payments with unique amounts (base price + kode unik)."""
    taken: set[int] = set()
    payments = []
    for pid in range(ORDERS):
        base = rng.randrange(10, 500) * 1000
        due = base + allocate_unique_code(base, taken, rng)
        taken.add(due)
        created = datetime.combine(START, datetime.min.time()) + timedelta(minutes=pid)
        payments.append(OpenPayment(pid, due, created, "1234567890", f"K1-{pid:05d}"))
    return payments


def make_lines(rng: random.Random, payments: list[OpenPayment]) -> list[StatementLine]:
    """7 000 paying credits, 1 000 debits, 1 000 unknown credits, 1 000 pending credits."""
    lines = []
    for index in range(LINES):
        kind = index % 10
        amount = payments[index].amount_due if kind < 7 else rng.randrange(1000, 9_000_000)
        lines.append(
            StatementLine(
                date=None if kind == 9 else START + timedelta(days=8),
                time=None,
                amount=amount,
                direction=DEBIT if kind == 7 else CREDIT,
                description=f"TRSF E-BANKING CR {index:05d} PEMBELI",
                reference=None,
                raw=(),
                pending=kind == 9,
                key=f"bca:row:{index:032x}",
                row_number=index + 2,
            )
        )
    rng.shuffle(lines)
    return lines


def floor(lines: list[StatementLine], payments: list[OpenPayment]) -> int:
    """The raw floor: index payments by amount and look every line up once."""
    by_amount = {p.amount_due: p for p in payments}
    return sum(1 for line in lines if line.amount in by_amount)


def timed(work: Callable[[], object]) -> float:
    """Median wall time of ``RUNS`` calls."""
    samples = []
    for _ in range(RUNS):
        begin = time.perf_counter()
        work()
        samples.append(time.perf_counter() - begin)
    return statistics.median(samples)


def parse_seconds(rng: random.Random) -> float:
    """Time parsing a 10 000-line KlikBCA Bisnis CSV."""
    rows = [
        f'{1 + i % 28:02d}/06/2025,"TRSF E-BANKING CR {i:05d}/FTSCY/WS95031 PEMBELI, SBY",'
        f'"0000","{rng.randrange(1000, 9_000_000):,}.00 {"CR" if i % 5 else "DB"}"'
        for i in range(LINES)
    ]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "mutasi.csv"
        path.write_text("Tanggal Transaksi,Keterangan,Cabang,Jumlah\n" + "\n".join(rows))
        seconds = timed(lambda: parse_statement(path))
        assert len(parse_statement(path).lines) == LINES
    return seconds


def main() -> None:
    """Run the benchmark and print the table and the RESULT line."""
    rng = random.Random(20250601)
    payments = make_payments(rng)
    lines = make_lines(rng, payments)
    result: MatchResult = match(lines, payments, set())
    seconds = timed(lambda: match(lines, payments, set()))
    floor_seconds = timed(lambda: floor(lines, payments))
    parsing = parse_seconds(rng)
    ratio = seconds / floor_seconds if floor_seconds else float("inf")
    print(f"{'what':<44}{'seconds':>10}")
    print(f"{'match() 10 000 lines x 10 000 payments':<44}{seconds:>10.4f}")
    print(f"{'raw floor (dict lookup per line)':<44}{floor_seconds:>10.4f}")
    print(f"{'parse 10 000-line KlikBCA Bisnis CSV':<44}{parsing:>10.4f}")
    print(
        f"proposals {len(result.proposals)}, ambiguous {len(result.ambiguous)}, "
        f"unmatched {len(result.unmatched)}, pending {len(result.pending)}; "
        f"ratio {ratio:.1f}x floor; budget {BUDGET_SECONDS} s: "
        f"{'OK' if seconds <= BUDGET_SECONDS else 'OVER'}"
    )
    figures = {
        "lines": LINES,
        "orders": ORDERS,
        "seconds": round(seconds, 4),
        "floor_seconds": round(floor_seconds, 4),
        "ratio": round(ratio, 1),
        "parse_seconds": round(parsing, 4),
        "budget_seconds": BUDGET_SECONDS,
    }
    print("RESULT " + json.dumps(figures))


if __name__ == "__main__":
    main()
