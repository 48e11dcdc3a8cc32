"""The Pesanan reads: every filter pages off an index (no table scan; a sort only of the few
ids a sparse method or number has), paging and counting return exactly the rows a plain query
returns, in order, and the number index follows the orders."""

from __future__ import annotations

import random
import sqlite3
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any
from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import event, text

from app import order_queries
from app.db import Database, open_database
from app.order_queries import OrderFilter, count_orders, fetch_orders, load_detail
from app.sales import PaymentInput, checkout
from bench.orders_page import ORDER_COLUMNS, PAY_COLUMNS, TS, _insert
from tests.unit.foundation_kit import add_product, cart_of

SINCE = datetime(2026, 11, 1, tzinfo=UTC)
FILTERS = {
    "all": OrderFilter(),
    "period": OrderFilter(since=SINCE, until=SINCE + timedelta(days=1)),
    "status": OrderFilter(status="void"),
    "refunds": OrderFilter(status="refund"),
    "channel": OrderFilter(channel_id=1),
    "status in period": OrderFilter(since=SINCE, until=SINCE + timedelta(days=30), status="paid"),
}

# the first page of every order (or of a method most orders are paid by) walks the time index
# from the newest end, and LIMIT stops the walk; any other filter or page seeks into an index
WALK = "INDEX ix_orders_created_at"  # covering, or not when the number is tested per order
WALKS_FROM_THE_TOP = {"all", "method (many)", "number (many)"}
SORTS_FEW = {"method (few)", "number (few)"}  # at most SPARSE ids, fetched by id and sorted


def _plan(db: Database, flt: OrderFilter, after: tuple[datetime, int] | None) -> list[str]:
    """The query plan of the part of a page that meets the history (its ids)."""
    with db.read() as session:
        keys = order_queries.page_keys(flt, session, after, 200)
        compiled = keys.compile(session.get_bind())
        params = [compiled.params[name] for name in compiled.positiontup or ()]
        rows = session.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + str(compiled),
                                                    tuple(params))
        return [str(row[3]) for row in rows]


@pytest.mark.parametrize("name", sorted([*FILTERS, "method (few)", "method (many)",
                                         "number (few)", "number (many)"]))
def test_each_filter_pages_off_an_index(db: Database, name: str) -> None:
    with db.unit_of_work() as session:  # statistics as a shop with history has them
        session.execute(text("ANALYZE"))
    flt = FILTERS.get(name) or OrderFilter(method="qris" if "method" in name else None,
                                           number="0042" if "number" in name else "")
    sparse = -1 if "(many)" in name else order_queries.SPARSE  # -1: always "many"
    for after in (None, (SINCE + timedelta(hours=5), 10**6)):
        with patch.object(order_queries, "SPARSE", sparse):
            plan = _plan(db, flt, after)
        sorted_ = any("TEMP B-TREE FOR ORDER BY" in step for step in plan)
        assert sorted_ == (name in SORTS_FEW), plan
        walks = [s for s in plan if s.startswith("SCAN") and "order_number_fts" not in s]
        if name in SORTS_FEW:
            assert walks == [] and any("LIST SUBQUERY" in s for s in plan), plan
        else:
            allowed = 1 if after is None and name in WALKS_FROM_THE_TOP else 0
            assert len(walks) == allowed and all(s.endswith(WALK) for s in walks), plan
        if name == "number (few)":
            assert any("order_number_fts VIRTUAL TABLE" in s for s in plan), plan


def test_method_filter_and_capped_count(db: Database) -> None:
    with db.unit_of_work() as session:
        pid = add_product(session, "A1", "Gula Pasir", 18_500, stock=10)
        for method in ("cash", "qris", "qris", "transfer"):
            checkout(session, cart_of(session, [(pid, 1)]), [PaymentInput(method, 18_500)])
    with db.read() as session:
        qris = fetch_orders(session, OrderFilter(method="qris"))
        assert len(qris) == 2 and {r.methods for r in qris} == {"qris"}
        assert count_orders(session, OrderFilter(method="transfer")) == 1
        assert count_orders(session, OrderFilter(), cap=None) == 4
        assert count_orders(session, OrderFilter(), cap=2) == 3  # "more than 2"
        assert count_orders(session, OrderFilter(), cap=10) == 4


# -- every path returns exactly what a plain query returns, in order -------------------------

STAMPS = [SINCE + timedelta(hours=h, minutes=m) for h in (0, 5, 30, 200) for m in (0, 7)]
METHODS = ("cash", "qris", "transfer", "other")


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """120 orders sharing a few timestamps (the id breaks ties), written as raw rows."""
    database = open_database(tmp_path_factory.mktemp("orders") / "shop.sqlite")
    rng = random.Random(19)
    conn = sqlite3.connect(database.path, isolation_level=None)
    channels = [r[0] for r in conn.execute("SELECT id FROM sales_channels")] + [None]
    conn.execute("BEGIN")
    for oid in range(1, 121):
        when = rng.choice(STAMPS)
        kind = "refund" if rng.random() < 0.15 else "sale"
        status = rng.choice(("paid", "paid", "void", "pending", "expired"))
        values: dict[str, object] = dict.fromkeys(ORDER_COLUMNS, "")
        values.update(id=oid, uuid=str(uuid.uuid4()), number=f"K{oid % 3}-{when:%Y%m%d}-{oid:04d}",
                      device=f"K{oid % 3}", day=f"{when:%Y-%m-%d}", seq=oid, kind=kind,
                      refund_of_id=None, channel_id=rng.choice(channels), source="counter",
                      status=status, subtotal=1000, total=-1000 if kind == "refund" else 1000,
                      cashier_id=None, created_at=when.replace(tzinfo=None).strftime(TS),
                      paid_at=None, expires_at=None, discount=0, tax=0)
        conn.execute(_insert("orders", ORDER_COLUMNS), tuple(values[c] for c in ORDER_COLUMNS))
        for pid, method in enumerate(rng.sample(METHODS, rng.choice((0, 1, 1, 2)))):
            conn.execute(_insert("payments", PAY_COLUMNS),
                         (oid * 10 + pid, str(uuid.uuid4()), oid, method, 1000, "confirmed", 0,
                          values["created_at"], None, 0, "", ""))
    conn.execute("COMMIT")
    conn.close()
    yield database
    database.close()


def _expected(db: Database, flt: OrderFilter) -> list[int]:
    """The matching ids by a plain read of every order, filtered and sorted in Python."""
    with db.read() as session:
        orders = session.execute(text(
            "SELECT id, created_at, number, kind, status, channel_id FROM orders")).all()
        paid = set(session.execute(text("SELECT order_id, method FROM payments")).all())
    since = flt.since.replace(tzinfo=None) if flt.since else None
    until = flt.until.replace(tzinfo=None) if flt.until else None
    kept = []
    for oid, stamp, number, kind, status, channel in orders:
        at = datetime.strptime(stamp, TS)
        if ((since and at < since) or (until and at >= until)
                or (flt.status == "refund" and kind != "refund")
                or (flt.status not in (None, "refund") and (status, kind) != (flt.status, "sale"))
                or (flt.channel_id is not None and channel != flt.channel_id)
                or (flt.method and (oid, flt.method) not in paid)
                or flt.number.strip().lower() not in number.lower()):
            continue
        kept.append((at, oid))
    return [oid for _at, oid in sorted(kept, reverse=True)]


def _paged(db: Database, flt: OrderFilter, page: int) -> list[int]:
    shown: list[int] = []
    after = None
    with db.read() as session:
        while True:
            rows = fetch_orders(session, flt, after, page)
            shown += [r.id for r in rows]
            assert len(shown) <= 120, "a page came twice"
            if len(rows) < page:
                return shown
            after = (rows[-1].created_at, rows[-1].id)


@settings(max_examples=60, deadline=None)
@given(since=st.sampled_from([None, *STAMPS]), days=st.sampled_from([None, 1, 9]),
       status=st.sampled_from([None, "paid", "void", "pending", "refund"]),
       channel=st.sampled_from([None, 1, 2, 3]), method=st.sampled_from([None, *METHODS]),
       number=st.sampled_from(["", "0", "00", "K1", "k2-2026", "0042", "-00", "1101-01", "zzz"]),
       page=st.integers(1, 9), dense=st.booleans())
def test_pages_and_count_equal_a_plain_query(
    shop: Database, since: datetime | None, days: int | None, status: str | None,
    channel: int | None, method: str | None, number: str, page: int, dense: bool,
) -> None:
    until = since + timedelta(days=days) if since and days else None
    flt = OrderFilter(since=since, until=until, status=status, channel_id=channel,
                      number=number, method=method)
    expected = _expected(shop, flt)
    with patch.object(order_queries, "SPARSE", -1 if dense else order_queries.SPARSE):
        assert _paged(shop, flt, page) == expected
        with shop.read() as session:
            assert count_orders(session, flt, cap=None) == len(expected)
            assert count_orders(session, flt, cap=3) == min(len(expected), 4)


def test_number_index_follows_inserts_renumbering_and_deletes(db: Database) -> None:
    with db.unit_of_work() as session:
        pid = add_product(session, "A1", "Gula Pasir", 18_500, stock=10)
        for _ in range(3):
            checkout(session, cart_of(session, [(pid, 1)]), [PaymentInput("cash", 18_500)])
    conn = sqlite3.connect(db.path, isolation_level=None)  # no foreign keys: a bare delete
    first, second, _third = (r[0] for r in conn.execute("SELECT id FROM orders ORDER BY id"))
    number, old = (conn.execute("SELECT number FROM orders WHERE id = ?", (oid,)).fetchone()[0]
                   for oid in (first, second))
    conn.execute("UPDATE orders SET number = 'ZX-7781' WHERE id = ?", (second,))
    conn.execute("DELETE FROM orders WHERE id = ?", (first,))
    conn.close()
    with db.read() as session:
        def found(text_: str) -> list[int]:
            return [r.id for r in fetch_orders(session, OrderFilter(number=text_))]

        assert found("zx-778") == [second]
        assert found(number) == []  # deleted
        assert len(found(number[:-1])) == 1  # the third order shares all but the last digit
    conn = sqlite3.connect(db.path, isolation_level=None)
    try:  # the index itself (not only what the list shows) let go of the old numbers
        for gone in (number, old):
            assert conn.execute("SELECT rowid FROM order_number_fts WHERE order_number_fts "
                                "MATCH ?", (f'"{gone}"',)).fetchall() == []
    finally:
        conn.close()


def test_detail_reads_no_whole_table(db: Database) -> None:
    with db.unit_of_work() as session:
        pid = add_product(session, "A1", "Gula Pasir", 18_500, stock=10)
        sale = checkout(session, cart_of(session, [(pid, 2)]), [PaymentInput("cash", 37_000)])
        session.execute(text("ANALYZE"))
    seen: list[tuple[str, Any]] = []

    def keep(_conn: Any, _cursor: Any, statement: str, params: Any, _ctx: Any, _many: bool) -> None:
        seen.append((statement, params))

    event.listen(db.engine, "before_cursor_execute", keep)
    try:
        with db.read() as session:
            assert load_detail(session, sale.order_id).lines[0].refunded == 0
    finally:
        event.remove(db.engine, "before_cursor_execute", keep)
    with db.read() as session:
        for statement, params in seen:
            plan = session.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params)
            scans = [row[3] for row in plan if str(row[3]).startswith("SCAN")]
            assert not [s for s in scans if s.split()[1] in HISTORY], (statement, scans)


HISTORY = {"orders", "order_lines", "payments"}  # tables that grow with every sale
