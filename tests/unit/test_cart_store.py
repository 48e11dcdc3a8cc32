"""The open cart kept in the shop file, the till's entry rules and the checkout's stock rule."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from app import cart_store, held, settings
from app.cart import Cart, CartLine, Discount, EntryRules, check_line_qty, check_stock, split_qty_prefix
from app.db import Database
from app.errors import StockError, ValidationError
from app.sales import checkout
from models import OpenCart, Order, Product
from tests.unit.foundation_kit import add_product, cart_of, cash


@pytest.fixture
def kopi(db: Database) -> int:
    """A piece product with 54 in stock."""
    with db.unit_of_work() as session:
        return add_product(session, "K1", "Kopi Kapal Api", 14_500, stock=54)


def _cart(product_id: int, qty: int | str = 2) -> Cart:
    cart = Cart(note="Bu Sari")
    cart.add(CartLine(product_id, "Kopi Kapal Api", "pcs", Decimal(qty), 14_500))
    return cart


def test_kept_cart_comes_back_whole(db: Database, kopi: int) -> None:
    with db.unit_of_work() as session:
        cart_store.save(session, _cart(kopi, 3))
    with db.read() as session:
        back = cart_store.load(session)
    assert back is not None
    assert ([(ln.product_id, ln.qty) for ln in back.lines], back.note) == ([(kopi, Decimal(3))], "Bu Sari")


def test_an_empty_cart_and_clear_forget_the_kept_one(db: Database, kopi: int) -> None:
    with db.unit_of_work() as session:
        cart_store.save(session, _cart(kopi))
    with db.unit_of_work() as session:
        cart_store.save(session, Cart())
    with db.read() as session:
        assert cart_store.load(session) is None
    with db.unit_of_work() as session:
        cart_store.save(session, _cart(kopi))
        cart_store.clear(session)
    with db.read() as session:
        assert session.scalar(select(OpenCart.slot)) is None


def test_an_unreadable_kept_cart_is_ignored_not_fatal(db: Database) -> None:
    with db.unit_of_work() as session:
        session.add(OpenCart(slot=cart_store.SLOT, payload="{not json"))
    with db.read() as session:
        assert cart_store.load(session) is None


def test_hold_and_clear_in_one_transaction_leave_one_copy(db: Database, kopi: int) -> None:
    with db.unit_of_work() as session:
        cart_store.save(session, _cart(kopi))
    with db.unit_of_work() as session:
        held.hold(session, _cart(kopi), "Ditutup 21:40")
        cart_store.clear(session)
    with db.read() as session:
        assert cart_store.load(session) is None
        assert [h.label for h in held.list_held(session)] == ["Ditutup 21:40"]


@pytest.mark.parametrize(("text", "expected"), [
    ("3*8991234", (Decimal(3), "8991234")), ("1.000*kopi", (Decimal(1000), "kopi")),
    ("0,5 * beras", (Decimal("0.5"), "beras")), ("8991234", (None, "8991234")),
])
def test_qty_prefix(text: str, expected: tuple[Decimal | None, str]) -> None:
    assert split_qty_prefix(text) == expected


@pytest.mark.parametrize(("text", "word"), [
    ("0*8991234", "lebih dari 0"), ("1e9*8991234", "bukan angka"), ("-2*kopi", "negatif"),
    ("1.5*kopi", "koma untuk desimal"),
])
def test_qty_prefix_refused_never_read_as_one(text: str, word: str) -> None:
    with pytest.raises(ValidationError, match=word):
        split_qty_prefix(text)


def test_line_qty_limits() -> None:
    rules = EntryRules(max_qty=10_000)
    assert check_line_qty("Kopi", "pcs", Decimal(10_000), False, rules) == Decimal(10_000)
    with pytest.raises(ValidationError, match=r"paling banyak 10\.000"):
        check_line_qty("Kopi", "pcs", Decimal(10_001), False, rules)
    with pytest.raises(ValidationError, match="harus bulat"):
        check_line_qty("Kopi", "pcs", Decimal("1.5"), False, rules)
    assert check_line_qty("Beras", "kg", Decimal("1.5"), True, rules) == Decimal("1.5")


def test_stock_note_and_refusal() -> None:
    allow, forbid = EntryRules(), EntryRules(forbid_negative_stock=True)
    assert check_stock("Kopi", "pcs", Decimal(54), Decimal(54), allow) is None
    note = check_stock("Kopi", "pcs", Decimal(54), Decimal(500), allow)
    assert note is not None and (note.left, note.out) == (Decimal(54), False)
    empty = check_stock("Kopi", "pcs", Decimal(0), Decimal(1), allow)
    assert empty is not None and empty.out
    with pytest.raises(StockError, match=r"tinggal 54 pcs"):
        check_stock("Kopi", "pcs", Decimal(54), Decimal(55), forbid)


def test_checkout_refuses_below_zero_only_when_the_shop_forbids_it(db: Database, kopi: int) -> None:
    with db.unit_of_work() as session:
        settings.set_value(session, "sales.forbid_negative_stock", True)
    with pytest.raises(StockError, match=r"tinggal 54 pcs"), db.unit_of_work() as session:
        cart = cart_of(session, [(kopi, 30)])
        cart.lines.append(CartLine(kopi, "Kopi Kapal Api", "pcs", Decimal(25), 14_500,
                                   discount=Discount("amount", Decimal(500))))  # 55 in all
        checkout(session, cart, cash(cart.total))
    with db.read() as session:
        assert session.scalar(select(Order.id)) is None
    with db.unit_of_work() as session:
        settings.set_value(session, "sales.forbid_negative_stock", False)
        cart = cart_of(session, [(kopi, 500)])
        checkout(session, cart, cash(cart.total))
    with db.read() as session:
        assert session.scalar(select(Product.on_hand).where(Product.id == kopi)) == Decimal(-446)


def test_checkout_names_the_quantity_limit_the_indonesian_way(db: Database, kopi: int) -> None:
    with pytest.raises(ValidationError) as refused, db.unit_of_work() as session:
        cart = cart_of(session, [(kopi, 10_001)])
        checkout(session, cart, cash(cart.total))
    assert "10.001" in str(refused.value) and "10.000" in str(refused.value)
