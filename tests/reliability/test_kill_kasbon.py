"""SIGKILL during credit sales and kasbon payments loses nothing that was confirmed.

A child (``tests.reliability.kasbon_child``) sells on kasbon and takes kasbon payments in a
loop, printing each only after its commit; the parent kills it at random moments and checks
the file: every reported sale and payment is there, every credit sale line has its order (and
the order's kasbon payment equals it), no order paid on kasbon lacks its line.
"""

from __future__ import annotations

import random
import sqlite3
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from app import kasbon
from app.db import open_database
from models.books import Customer
from tests.reliability.kasbon_child import prepare_kasbon_shop
from tests.zygote import Zygote

KILLS = 20

# Orders and credit-sale lines must pair up exactly, amount for amount.
UNPAIRED = """
SELECT o.number FROM orders o JOIN payments p ON p.order_id = o.id AND p.method = 'kasbon'
WHERE o.kind = 'sale' AND NOT EXISTS (SELECT 1 FROM credit_entries c WHERE c.kind = 'sale'
      AND c.order_uuid = o.uuid AND c.amount = p.amount AND c.customer_uuid = o.customer_uuid)
UNION ALL
SELECT c.order_number FROM credit_entries c WHERE c.kind = 'sale' AND NOT EXISTS
      (SELECT 1 FROM orders o WHERE o.uuid = c.order_uuid)
"""


def _run_and_kill(zygote: Zygote, path: Path, rng: random.Random) -> list[str]:
    child = zygote.start("tests.reliability.kasbon_child", [str(path), str(rng.randrange(2**31))])
    first = child.readline()
    if first != "READY":
        raise AssertionError(f"child failed to start: {first!r} (exit code {child.stop()})")
    done = [child.readline()]  # one commit first: a slow PC still gets kills mid-sale
    time.sleep(rng.uniform(0.0, 0.3))
    return [line for line in done + child.kill_and_read() if line]


def _check(path: Path, sales: set[str], payments: set[int]) -> None:
    database = open_database(path)
    with database.read() as session:
        people = set(session.scalars(select(Customer.uuid)))
        for uuid in people:  # the balance is the ledger's sum, never negative
            assert kasbon.balance(session, uuid) >= 0
    database.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute(UNPAIRED).fetchall() == []
        stored = {row[0] for row in conn.execute("SELECT number FROM orders")}
        paid = {row[0] for row in conn.execute(
            "SELECT id FROM credit_entries WHERE kind = 'payment'")}
    assert not sales - stored, f"credit sales committed but lost: {sorted(sales - stored)[:5]}"
    assert not payments - paid, f"payments committed but lost: {sorted(payments - paid)[:5]}"


@pytest.mark.slow
def test_sigkill_during_credit_sales_loses_nothing(tmp_path: Path, zygote: Zygote) -> None:
    seed = random.randrange(2**31)
    rng = random.Random(seed)
    path = tmp_path / "toko.sqlite"
    prepare_kasbon_shop(path)
    sales: set[str] = set()
    payments: set[int] = set()
    for _ in range(KILLS):
        for line in _run_and_kill(zygote, path, rng):
            kind, value = line.split(" ", 1)
            if kind == "sale":
                sales.add(value)
            else:
                payments.add(int(value))
        _check(path, sales, payments)
    assert len(sales) + len(payments) >= KILLS, f"seed {seed}: the child hardly did anything"
