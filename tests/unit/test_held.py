"""Held carts (F8/F9): put aside, list, resume exactly as they were, discard."""

from __future__ import annotations

from decimal import Decimal

from app import customers, held
from app.cart import Cart, Discount
from app.customers import CustomerInput
from app.db import Database
from app.errors import NotFoundError, ValidationError
from tests.unit.foundation_kit import add_product, assert_refused, cart_of


def _cart(db: Database) -> Cart:
    with db.unit_of_work() as session:
        kopi = add_product(session, "K1", "Kopi Kapal Api", 14_500, stock=10)
        beras = add_product(session, "B1", "Beras Pandan Wangi", 15_500, stock=10, weighed=True)
        cart = cart_of(session, [(kopi, 2), (beras, "0.750")], Discount("amount", Decimal(500)))
    cart.note = "Bapak baju biru"
    return cart


def test_hold_list_resume(db: Database) -> None:
    cart = _cart(db)
    with db.unit_of_work() as session:
        first = held.hold(session, cart, "  Ibu kerudung merah ")
        second = held.hold(session, cart)
    with db.read() as session:
        rows = held.list_held(session)
    assert [(r.id, r.label, r.total, r.lines) for r in rows] == [
        (first, "Ibu kerudung merah", cart.total, 2), (second, "Pembeli 2", cart.total, 2)]
    with db.unit_of_work() as session:
        back = held.resume(session, first)
    assert back == cart and back.total == 40_125
    with db.read() as session:
        assert [r.id for r in held.list_held(session)] == [second]


def test_resume_twice_or_unknown_is_refused(db: Database) -> None:
    cart = _cart(db)
    with db.unit_of_work() as session:
        held_id = held.hold(session, cart)
    with db.unit_of_work() as session:
        held.resume(session, held_id)
    assert_refused(db, lambda s: held.resume(s, held_id), NotFoundError, "tidak ditemukan")


def test_empty_cart_is_not_held(db: Database) -> None:
    assert_refused(db, lambda s: held.hold(s, Cart()), ValidationError, "kosong")


def test_discard(db: Database) -> None:
    cart = _cart(db)
    with db.unit_of_work() as session:
        held_id = held.hold(session, cart)
    with db.unit_of_work() as session:
        held.discard(session, held_id)
        held.discard(session, 999)  # already gone: nothing to do
    with db.read() as session:
        assert held.list_held(session) == []


def test_a_held_cart_keeps_its_customer_a_walk_in_one_has_none(db: Database) -> None:
    cart = _cart(db)
    with db.unit_of_work() as session:
        sari = customers.create_customer(session, CustomerInput("Bu Sari Warung")).uuid
        for_sari = held.hold(session, cart, "Bu Sari", customer_uuid="c-sari")
        walk_in = held.hold(session, cart)
        held.hold(session, cart, " ", customer_uuid=sari)  # no label: the customer's name
    with db.read() as session:
        assert [h.label for h in held.list_held(session)] == ["Bu Sari", "Pembeli 2", "Bu Sari Warung"]
    with db.unit_of_work() as session:
        back = held.take_back(session, for_sari)
        assert (back.cart, back.customer_uuid) == (cart, "c-sari")
        assert held.take_back(session, walk_in).customer_uuid is None  # (as a cart held before)
