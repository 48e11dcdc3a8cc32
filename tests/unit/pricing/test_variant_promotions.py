"""A promotion on a variant parent covers every variant it has at the time of the sale,
also one added after the promotion was saved (issue 17), without a query per scan."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import event

from app import promotions, variants
from app.cart import Cart, CartLine
from app.db import Database
from app.pricing import store
from contract.enums import PromoKind
from tests.unit.foundation_kit import add_product

MONDAY_10 = datetime(2026, 11, 30, 10, 0)  # shop-local


@pytest.fixture(autouse=True)
def _fresh_rules() -> Iterator[None]:
    store.forget()
    yield
    store.forget()


@pytest.fixture
def kaos(db: Database) -> dict[str, int]:
    """Kaos (parent of M and L) with "Kaos 10%" saved on the parent."""
    with db.unit_of_work() as session:
        parent = add_product(session, "KS", "Kaos", 50_000)
        variants.make_parent(session, parent, ["Ukuran"])
        m, _l = variants.generate_variants(session, parent, {"Ukuran": ["M", "L"]})
        promo = promotions.create_promotion(session, promotions.PromotionInput(
            "Kaos 10%", PromoKind.PERCENT, [promotions.PromoTarget(product_id=parent)],
            percent=Decimal(10)))
    return {"parent": parent, "m": m, "promo": promo}


def _scan(product_id: int, price: int = 50_000) -> Cart:
    cart = Cart()
    cart.add(CartLine(product_id, "Kaos", "pcs", Decimal(1), price))
    return cart


def _add_xl(db: Database, parent: int) -> int:
    with db.unit_of_work() as session:
        return variants.add_variant(session, parent, ["XL"])


@contextmanager
def _statements(db: Database) -> Iterator[list[str]]:
    seen: list[str] = []

    def count(*args: Any) -> None:
        seen.append(str(args[2]))

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


def test_a_variant_added_after_the_promotion_gets_it_at_the_till(
        db: Database, kaos: dict[str, int]) -> None:
    pricer = store.TillPricer(db)
    first = _scan(kaos["m"])
    pricer.reprice(first)
    assert first.total == 45_000
    xl = _add_xl(db, kaos["parent"])
    pricer.forget()  # the till is shown again after the product screen
    cart = _scan(xl)
    pricer.reprice(cart)
    assert cart.total == 45_000
    assert cart.lines[0].promos[0].promotion_id == kaos["promo"]
    with _statements(db) as seen:  # the next scans read nothing
        for _ in range(3):
            pricer.reprice(_scan(xl))
    assert seen == []


def test_the_checkout_path_sees_the_new_variant_without_being_told(
        db: Database, kaos: dict[str, int]) -> None:
    with db.read() as session:
        store.reprice_cart(session, _scan(kaos["m"]), MONDAY_10)  # rules cached
    xl = _add_xl(db, kaos["parent"])
    cart = _scan(xl)
    with db.read() as session:
        store.reprice_cart(session, cart, MONDAY_10)
    assert cart.total == 45_000


def test_the_editor_keeps_the_parent_as_the_target(db: Database, kaos: dict[str, int]) -> None:
    with db.read() as session:
        back = promotions.input_from_promotion(session, kaos["promo"])
    assert [t.product_id for t in back.targets] == [kaos["parent"]]
