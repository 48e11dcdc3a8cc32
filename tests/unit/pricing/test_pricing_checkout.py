"""Packs, tiers and promotions from the shop file, through the cart and the checkout."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select

from app import orders, packs, promotions
from app.cart import Cart, CartLine
from app.db import Database
from app.pricing import store
from app.receipts import render_text
from app.receipts.from_order import receipt_from_order
from app.reports.periods import Period
from app.reports.promotions import PromoDiscountRow, promotion_discounts
from app.sales import PaymentInput, checkout, get_order
from contract.enums import PromoKind
from models import Product, StockMovement
from tests.unit.foundation_kit import add_product, cash

NOV30 = datetime(2026, 11, 30, 3, 0, tzinfo=UTC)  # a Monday, 10:00 WIB


@pytest.fixture
def shop(db: Database) -> dict[str, int]:
    """Indomie (pcs, a dus of 40, grosir from 12) and Kopi (beli 2 gratis 1)."""
    with db.unit_of_work() as session:
        ids = {"mie": add_product(session, "M1", "Indomie Goreng", 3_000, stock=200, cost=2_500),
               "kopi": add_product(session, "K1", "Kopi Kapal Api", 3_500, stock=50)}
        ids["dus"] = packs.add_pack(session, ids["mie"],
                                    packs.PackInput("dus", Decimal(40), 110_000, ["8990000000123"]))
        packs.set_tiers(session, ids["mie"], [packs.TierInput(Decimal(12), 2_800)])
        ids["promo"] = promotions.create_promotion(session, promotions.PromotionInput(
            "Beli 2 gratis 1", PromoKind.BUY_GET,
            [promotions.PromoTarget(product_id=ids["kopi"])], buy_qty=2, free_qty=1))
    return ids


def _cart(ids: dict[str, int]) -> Cart:
    cart = Cart()
    cart.add(CartLine(ids["mie"], "Indomie Goreng", "pcs", Decimal(12), 3_000))
    cart.add(CartLine(ids["mie"], "Indomie Goreng", "pcs", Decimal(1), 110_000, pack_id=ids["dus"],
                      pack_name="dus", factor=Decimal(40)))
    cart.add(CartLine(ids["kopi"], "Kopi Kapal Api", "pcs", Decimal(3), 3_500))
    return cart


def test_checkout_prices_packs_tiers_and_promotions_and_moves_base_units(
        db: Database, shop: dict[str, int]) -> None:
    with db.unit_of_work() as session:
        cart = _cart(shop)
        store.reprice_cart(session, cart, datetime(2026, 11, 30, 10, 0))
        assert cart.total == 33_600 + 110_000 + 7_000
        assert cart.qty_of(shop["mie"]) == Decimal(52)
        result = checkout(session, cart, cash(cart.total), now=NOV30)
    with db.read() as session:
        order = get_order(session, result.order_id)
        assert (order.subtotal, order.total) == (150_600, 150_600)
        rows = [(ln.qty, ln.pack_name, ln.pack_factor, ln.unit_price, ln.price_note, ln.promotion_id,
                 ln.promo_discount, ln.discount, ln.total) for ln in order.lines]
        assert rows == [
            (Decimal(12), "", Decimal(1), 2_800, "Grosir ≥12", None, 0, 0, 33_600),
            (Decimal(1), "dus", Decimal(40), 110_000, "", None, 0, 0, 110_000),
            (Decimal(3), "", Decimal(1), 3_500, "", shop["promo"], 3_500, 3_500, 7_000)]
        moved = session.execute(select(StockMovement.product_id, StockMovement.qty)
                                .where(StockMovement.order_id == order.id)).all()
        assert sorted((int(p), q) for p, q in moved) == sorted(
            [(shop["mie"], Decimal(-12)), (shop["mie"], Decimal(-40)), (shop["kopi"], Decimal(-3))])
        assert session.get(Product, shop["mie"]).on_hand == Decimal(148)  # type: ignore[union-attr]
        # cost per unit sold: the dus line costs 40 × Rp2.500, so laba kotor stays right
        assert [ln.unit_cost for ln in order.lines][:2] == [2_500, 100_000]


def test_checkout_reprices_a_cart_the_till_did_not(db: Database, shop: dict[str, int]) -> None:
    with db.unit_of_work() as session:
        cart = _cart(shop)
        assert cart.total == 36_000 + 110_000 + 10_500  # list prices, never repriced
        result = checkout(session, cart, cash(150_600), now=NOV30)
    assert result.total == 150_600


def test_rules_snapshot_is_cached_until_a_rule_changes(db: Database, shop: dict[str, int]) -> None:
    with db.read() as session:
        first = store.current_rules(session)
        assert store.current_rules(session) is first
        assert len(first.promotions) == 1 and len(first.tiers) == 1
    with db.unit_of_work() as session:
        promotions.set_active(session, shop["promo"], False)
    with db.read() as session:
        assert store.current_rules(session).promotions == ()
    with db.unit_of_work() as session:
        packs.set_tiers(session, shop["mie"], [packs.TierInput(Decimal(10), 2_700)])
    with db.read() as session:
        assert [t.min_qty for t in store.current_rules(session).tiers] == [Decimal(10)]


def test_a_cart_held_before_packs_and_tiers_still_loads() -> None:
    old = json.dumps({"lines": [{"product_id": 7, "name": "Teh", "unit": "pcs", "qty": "2.000",
                                 "unit_price": 7500, "sold_by_weight": False,
                                 "discount": {"kind": "amount", "value": "0"}}],
                      "discount": {"kind": "amount", "value": "0"}, "note": "", "channel_id": None})
    cart = Cart.from_json(old)
    [line] = cart.lines
    assert (line.list_price, line.factor, line.pack_id, line.promos, cart.group) == (
        7_500, Decimal(1), None, (), "")
    assert cart.total == 15_000
    again = Cart.from_json(cart.to_json())
    assert again == cart


def test_a_priced_cart_round_trips_with_its_pack_tier_and_promotions(
        db: Database, shop: dict[str, int]) -> None:
    cart = _cart(shop)
    cart.group = "reseller"
    with db.read() as session:
        store.reprice_cart(session, cart, datetime(2026, 11, 30, 10, 0))
    again = Cart.from_json(cart.to_json())
    assert again == cart
    assert again.lines[1].qty_text == "1 dus (40 pcs)"
    assert again.lines[2].promos[0].free_qty == 1


def test_the_receipt_shows_the_pack_the_tier_and_the_promotion(
        db: Database, shop: dict[str, int]) -> None:
    with db.unit_of_work() as session:
        result = checkout(session, _cart(shop), cash(150_600), now=NOV30)
    with db.read() as session:
        text = render_text(receipt_from_order(session, result.order_id), 32)
    assert "  12 x Rp2.800          Rp33.600\n  Grosir ≥12\n" in text
    assert "  1 dus (40 pcs) x Rp110.000\n" in text
    assert "  3 x Rp3.500           Rp10.500\n  Beli 2 gratis 1       -Rp3.500\n" in text
    assert "Diskon" not in text


def test_the_report_sums_the_discount_given_per_promotion(db: Database, shop: dict[str, int]) -> None:
    with db.unit_of_work() as session:
        checkout(session, _cart(shop), cash(150_600), now=NOV30)
        kopi = Cart([CartLine(shop["kopi"], "Kopi Kapal Api", "pcs", Decimal(6), 3_500)])
        checkout(session, kopi, cash(14_000), now=NOV30)
    with db.read() as session:
        rows = promotion_discounts(session, Period(date(2026, 11, 30), date(2026, 11, 30)))
        assert rows == [PromoDiscountRow(shop["promo"], "Beli 2 gratis 1", 2, 2, 3_500 + 7_000)]
        assert promotion_discounts(session, Period(date(2026, 12, 1), date(2026, 12, 1))) == []


def test_refund_and_void_of_a_dus_put_back_40_pcs(db: Database, shop: dict[str, int]) -> None:
    dus = CartLine(shop["mie"], "Indomie Goreng", "pcs", Decimal(1), 110_000, pack_id=shop["dus"],
                   pack_name="dus", factor=Decimal(40))
    with db.unit_of_work() as session:
        sold = checkout(session, Cart([dus]), cash(110_000), now=NOV30)
        line_id = get_order(session, sold.order_id).lines[0].id
        orders.refund(session, sold.order_id, [orders.RefundRequest(line_id, Decimal(1))], "rusak",
                      now=NOV30)
        pending = checkout(session, Cart([replace(dus)]), [PaymentInput("transfer", 110_000)],
                           now=NOV30)
        assert session.get(Product, shop["mie"]).on_hand == Decimal(160)  # type: ignore[union-attr]
        orders.void_pending(session, pending.order_id, "batal")
    with db.read() as session:
        assert session.get(Product, shop["mie"]).on_hand == Decimal(200)  # type: ignore[union-attr]


def test_the_till_pricer_keeps_its_snapshot_until_told(db: Database, shop: dict[str, int]) -> None:
    pricer = store.TillPricer(db)
    cart = _cart(shop)
    pricer.reprice(cart)
    assert cart.total == 150_600
    with db.unit_of_work() as session:
        promotions.set_active(session, shop["promo"], False)
    pricer.reprice(cart)
    assert cart.total == 150_600  # no database trip per scan
    pricer.forget()  # back on the till after editing promotions
    pricer.reprice(cart)
    assert cart.total == 150_600 + 3_500
    assert cart.lines[2].promos == ()
