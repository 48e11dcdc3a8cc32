"""SIGKILL during purchases never loses a confirmed purchase nor leaves a half one.

A child (``tests.reliability.purchase_child``) records purchases in a loop and prints each one
only after its transaction committed. The parent kills it with SIGKILL at random moments and
after every kill checks: every printed purchase is there with its total and payment, every
purchase's lines, stock movements and costs agree, on-hand equals the ledger.
"""

from __future__ import annotations

import random
import signal
import sqlite3
import time
from pathlib import Path

import pytest

from app.db import open_database
from tests.reliability.purchase_child import prepare_shop
from tests.zygote import Zygote

KILLS = 12

# A purchase's total is the sum of its lines; its stock movements mirror its lines.
HALF_PURCHASES = """
SELECT p.number FROM purchases p
WHERE NOT EXISTS (SELECT 1 FROM purchase_lines l WHERE l.purchase_uuid = p.uuid)
   OR p.total != (SELECT sum((l.qty_received * l.unit_cost + 500) / 1000)  -- qty: thousandths
                  FROM purchase_lines l WHERE l.purchase_uuid = p.uuid)
"""
MOVED = """
SELECT (SELECT coalesce(sum(qty), 0) FROM stock_movements WHERE kind = 'purchase'),
       (SELECT coalesce(sum(qty_received), 0) FROM purchase_lines)
"""
LEDGER = """
SELECT p.sku, p.on_hand, coalesce((SELECT sum(qty) FROM stock_movements m WHERE m.product_id = p.id), 0)
FROM products p
"""


def _run_and_kill(zygote: Zygote, path: Path, rng: random.Random) -> list[str]:
    child = zygote.start("tests.reliability.purchase_child", [str(path), str(rng.randrange(2**31))])
    first = child.readline()
    if first != "READY":
        raise AssertionError(f"child failed to start: {first!r} (exit code {child.stop()})")
    time.sleep(rng.uniform(0.2, 0.9))
    lines = child.kill_and_read()
    assert child.returncode == -signal.SIGKILL
    return lines


def _check_file(path: Path, committed: dict[str, tuple[int, int]]) -> None:
    open_database(path).close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute(HALF_PURCHASES).fetchall() == []
        moved, lines = conn.execute(MOVED).fetchone()
        assert moved == lines
        for sku, on_hand, ledger in conn.execute(LEDGER):
            assert on_hand == ledger, f"{sku}: on-hand {on_hand} != ledger {ledger}"
        stored = {number: (total, paid) for number, total, paid in conn.execute(
            "SELECT p.number, p.total, (SELECT coalesce(sum(amount), 0) FROM supplier_payments s"
            " WHERE s.purchase_uuid = p.uuid) FROM purchases p")}
        costs = conn.execute("SELECT count(*) FROM products WHERE typeof(cost) != 'integer'")
        assert costs.fetchone()[0] == 0
    for number, money in committed.items():
        assert stored.get(number) == money, f"committed {number} {money}, found {stored.get(number)}"


@pytest.mark.slow
def test_sigkill_during_purchases_loses_nothing(tmp_path: Path, zygote: Zygote) -> None:
    seed = random.randrange(2**31)
    rng = random.Random(seed)
    path = tmp_path / "toko.sqlite"
    prepare_shop(path)
    committed: dict[str, tuple[int, int]] = {}
    for _ in range(KILLS):
        for line in _run_and_kill(zygote, path, rng):
            number, total, paid = line.split()
            assert number not in committed, f"seed {seed}: {number} reused"
            committed[number] = (int(total), int(paid))
        _check_file(path, committed)
    assert len(committed) > KILLS, f"seed {seed}: the child hardly bought anything"
