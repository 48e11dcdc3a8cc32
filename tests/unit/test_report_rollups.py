"""Report rollups kept by triggers equal the rollups rebuilt from the ledger."""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app import backup, orders, shop
from app.cart import Cart, CartLine
from app.db import Database
from app.errors import UserError
from app.reports import rollups
from app.sales import PaymentInput, checkout
from models import Order, Payment, Product
from tests.unit.foundation_kit import add_product
from tests.unit.report_shop import generate

EVENING = datetime(2026, 11, 10, 15, 30, tzinfo=UTC)  # 22:30 WIB: sales run past midnight


def _kept(session: Session) -> dict[str, set[tuple[object, ...]]]:
    """Every rollup row whose sums are not all zero, per table."""
    return {t: {tuple(r) for r in session.execute(text(f"SELECT * FROM {t}")) if any(tuple(r)[len(keys):])}
            for t, (keys, _sums, _sql) in rollups.TABLES.items()}


def test_a_generated_shop_keeps_its_rollups_and_a_rebuild_changes_nothing(db: Database) -> None:
    with db.unit_of_work() as session:
        generate(session)
    with db.unit_of_work() as session:
        assert rollups.differences(session) == []
        before = _kept(session)
        assert all(before.values())  # orders, payments and lines were all summed
        rollups.rebuild(session)
        assert _kept(session) == before


def test_check_reports_a_tampered_row_and_rebuild_repairs_it(db: Database, capsys) -> None:  # type: ignore[no-untyped-def]
    with db.unit_of_work() as session:
        generate(session, count=10)
        session.execute(text("UPDATE rollup_orders SET total = total + 1 WHERE rowid = "
                             "(SELECT min(rowid) FROM rollup_orders)"))
    path = str(db.path)
    assert rollups.main(["--db", path, "--check"]) == 1
    assert "rollup_orders" in capsys.readouterr().out
    assert rollups.main(["--db", path]) == 0
    assert rollups.main(["--db", path, "--check"]) == 0


def test_an_older_shop_gets_its_rollups_filled_from_its_orders_on_upgrade(tmp_path: Path) -> None:
    from alembic import command
    from alembic.config import Config

    from app import db as appdb

    path = tmp_path / "lama.sqlite"
    engine = appdb.make_engine(path)
    cfg = Config()
    cfg.set_main_option("script_location", str(appdb.MIGRATIONS_DIR))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    with Session(engine) as session:  # orders made with today's models...
        generate(session, count=20)
        session.commit()
    with engine.begin() as conn:  # ...in a shop taken back to 0006, before the rollups existed
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0006")
    engine.dispose()
    assert backup.validate_shop_file(path) == "0006"  # a backup made before still restores
    upgraded = Database(path)
    try:
        with upgraded.read() as session:
            assert all(_kept(session).values())
            assert rollups.differences(session) == []
    finally:
        upgraded.close()


OPS = st.lists(st.tuples(st.sampled_from(["sale", "sale", "refund", "void", "confirm", "expire"]),
                         st.integers(0, 10_000), st.integers(0, 23 * 60)), min_size=1, max_size=25)


def _sale(session: Session, pids: list[int], pick: int, minutes: int) -> None:
    product = session.get(Product, pids[pick % len(pids)])
    assert product is not None
    cart = Cart(channel_id=shop.channels(session)[pick % 2].id)
    cart.add(CartLine(product.id, product.name, product.unit, Decimal(1 + pick % 3), product.price,
                      product.sold_by_weight))
    method = ("cash", "transfer", "qris")[pick % 3]
    pay = PaymentInput(method, cart.total, cart.total + 5_000 if method == "cash" else None,
                       unique_code=7 if method == "transfer" else 0)
    result = checkout(session, cart, [pay], now=EVENING + timedelta(minutes=minutes))
    if pick % 5 == 0:  # an online reservation that can expire
        order = session.get(Order, result.order_id)
        assert order is not None
        if order.status == "pending":
            order.source, order.expires_at = "online", order.created_at + timedelta(hours=1)


def _apply(session: Session, pids: list[int], op: str, pick: int, minutes: int) -> None:
    pending = session.scalars(select(Payment).where(Payment.status == "pending").order_by(Payment.id)).all()
    paid = session.scalars(select(Order).where(Order.kind == "sale", Order.status == "paid")
                           .order_by(Order.id)).all()
    if op == "sale" or (op in ("void", "confirm") and not pending) or (op == "refund" and not paid):
        _sale(session, pids, pick, minutes)
    elif op == "refund":
        order = paid[pick % len(paid)]
        with contextlib.suppress(UserError):  # everything of that line already went back
            orders.refund(session, order.id, [orders.RefundRequest(order.lines[0].id, Decimal(1))], "rusak",
                          now=order.created_at + timedelta(minutes=minutes))
    elif op == "void":
        orders.void_pending(session, pending[pick % len(pending)].order_id, "pembeli batal")
    elif op == "confirm":
        payment = pending[pick % len(pending)]
        orders.confirm_payment(session, payment.id, received=payment.amount + payment.unique_code,
                               when=payment.created_at + timedelta(minutes=minutes))
    else:
        orders.expire_pending(session, now=EVENING + timedelta(days=1, minutes=minutes))
    session.flush()


@pytest.fixture(scope="module")
def stock_shop(tmp_path_factory: pytest.TempPathFactory) -> tuple[Database, list[int]]:
    """A shop with a few well-stocked products (each example rolls its orders back)."""
    database = Database(Path(tmp_path_factory.mktemp("rollups")) / "shop.sqlite")
    with database.unit_of_work() as session:
        shop.ensure_channels(session)
        shop.create_event(session, "Bazar UMKM Balai Kota")
        pids = [add_product(session, f"R-{n}", name, price, stock=10_000, cost=price * 3 // 4)
                for n, (name, price) in enumerate([("Beras 5 kg", 75_000), ("Gula Pasir", 17_000),
                                                   ("Kopi Kapal Api", 1_500)])]
    return database, pids


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=OPS)
def test_any_sequence_of_sales_refunds_voids_confirmations_and_expiries_keeps_them_equal(
        stock_shop: tuple[Database, list[int]], ops: list[tuple[str, int, int]]) -> None:
    database, pids = stock_shop
    with database.read() as session:  # rolled back at the end of each example
        for op, pick, minutes in ops:
            _apply(session, pids, op, pick, minutes)
        assert rollups.differences(session) == []
