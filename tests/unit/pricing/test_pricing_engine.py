"""The pricing engine on worked examples: tiers, packs, each promotion kind, windows, choice."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from app.pricing import Context, PromoItem, Tier, Window, reprice, rules_of
from tests.unit.pricing.pricing_kit import (
    CTX,
    HAPPY_HOUR,
    MONDAY_10,
    amount,
    bundle,
    buy_get,
    line,
    on_products,
    percent,
)


def test_twelve_pcs_hit_the_grosir_price_and_eleven_do_not() -> None:
    rules = rules_of([Tier(1, Decimal(12), 2_800), Tier(1, Decimal(6), 2_900)], [])
    eleven = reprice([line(1, 11, 3_000)], rules, CTX).lines[0]
    twelve = reprice([line(1, 12, 3_000)], rules, CTX).lines[0]
    assert (eleven.unit_price, eleven.tier_note) == (2_900, "Grosir ≥6")
    assert (twelve.unit_price, twelve.tier_note, twelve.total) == (2_800, "Grosir ≥12", 33_600)
    assert reprice([line(1, 5, 3_000)], rules, CTX).lines[0].tier_note == ""


def test_tier_counts_the_product_over_its_lines_in_the_same_pack() -> None:
    rules = rules_of([Tier(1, Decimal(12), 2_800)], [])
    cart = reprice([line(1, 6, 3_000), line(1, 6, 3_000, manual=True)], rules, CTX)
    assert [ln.unit_price for ln in cart.lines] == [2_800, 2_800]
    dus = reprice([line(1, 6, 3_000), line(1, 6, 110_000, pack_id=9, factor=Decimal(40))],
                  rules, CTX)
    assert [ln.unit_price for ln in dus.lines] == [3_000, 110_000]


def test_group_tier_first_then_everyones_then_the_own_price() -> None:
    rules = rules_of([Tier(1, Decimal(1), 2_500, group="reseller"), Tier(1, Decimal(12), 2_800)], [])
    reseller = Context(MONDAY_10, group="reseller")
    assert reprice([line(1, 2, 3_000)], rules, reseller).lines[0].tier_note == "Grosir reseller ≥1"
    assert reprice([line(1, 12, 3_000)], rules, CTX).lines[0].unit_price == 2_800
    assert reprice([line(1, 2, 3_000)], rules, CTX).lines[0].unit_price == 3_000
    other = Context(MONDAY_10, group="member")
    assert reprice([line(1, 12, 3_000)], rules, other).lines[0].unit_price == 2_800


def test_a_pack_line_moves_factor_base_units_and_gets_its_own_tier() -> None:
    rules = rules_of([Tier(1, Decimal(2), 105_000, pack_id=9)], [])
    dus = reprice([line(1, 2, 110_000, pack_id=9, factor=Decimal(40))], rules, CTX).lines[0]
    assert (dus.base_qty, dus.unit_price, dus.total) == (Decimal(80), 105_000, 210_000)


def test_beli_2_gratis_1_gives_the_cheapest_units_free() -> None:
    rules = rules_of([], [buy_get(5, 2, 1, on_products(1))])
    for qty, free in ((2, 0), (3, 1), (5, 1), (6, 2)):
        priced = reprice([line(1, qty, 3_500)], rules, CTX).lines[0]
        assert priced.discount == free * 3_500
        assert priced.promos[0].free_qty == free if free else priced.promos == ()
    mixed = rules_of([], [buy_get(5, 2, 1, (PromoItem(category_id=3),))])
    cart = reprice([line(1, 2, 9_000, category_id=3), line(2, 1, 4_000, category_id=3)], mixed, CTX)
    assert [ln.discount for ln in cart.lines] == [0, 4_000]
    assert cart.lines[1].promos[0].name == "Beli 2 gratis 1"


def test_bundle_price_splits_over_its_lines_and_only_when_it_saves() -> None:
    rules = rules_of([], [bundle(7, 9_000, (PromoItem(product_id=1), PromoItem(product_id=2, qty=2)))])
    cart = reprice([line(1, 1, 5_000), line(2, 2, 3_000)], rules, CTX)
    assert cart.total == 9_000
    assert [ln.discount for ln in cart.lines] == [909, 1_091]
    twice = reprice([line(1, 2, 5_000), line(2, 3, 3_000)], rules, CTX)
    assert twice.total == 9_000 + 5_000 + 3_000
    dear = rules_of([], [bundle(7, 20_000, on_products(1, 2))])
    assert reprice([line(1, 1, 5_000), line(2, 1, 3_000)], dear, CTX).discount == 0


def test_percent_rounds_half_up_and_amount_stops_at_the_price() -> None:
    rules = rules_of([], [percent(1, 10, on_products(1)), amount(2, 2_000, on_products(2))])
    cart = reprice([line(1, 1, 1_005), line(2, 3, 1_500)], rules, CTX)
    assert [ln.discount for ln in cart.lines] == [101, 4_500]  # 100.5 → 101; never below zero
    assert [ln.total for ln in cart.lines] == [904, 0]


def test_counted_kinds_skip_packs_and_weighed_lines_but_percent_does_not() -> None:
    rules = rules_of([], [buy_get(1, 1, 1, on_products(1)), percent(2, 10, on_products(2))])
    dus = reprice([line(1, 2, 100_000, pack_id=9, factor=Decimal(40))], rules, CTX)
    assert dus.discount == 0
    kg = reprice([line(2, "0.250", 80_000, weighed=True)], rules, CTX)
    assert kg.discount == 2_000


def test_happy_hour_weekdays_dates_and_channel() -> None:
    rules = rules_of([], [percent(1, 10, on_products(1), window=HAPPY_HOUR)])
    at = lambda h, m=0: Context(datetime(2026, 11, 30, h, m))  # noqa: E731
    assert [reprice([line(1, 1, 10_000)], rules, at(h, m)).discount
            for h, m in ((15, 59), (16, 0), (17, 59), (18, 0))] == [0, 1_000, 1_000, 0]
    night = Window(from_minute=22 * 60, to_minute=2 * 60, weekdays=frozenset({1}),
                   starts_on=date(2026, 11, 1), ends_on=date(2026, 11, 30))
    assert night.contains(datetime(2026, 11, 30, 23, 0))
    assert night.contains(datetime(2026, 11, 30, 1, 0))
    assert not night.contains(datetime(2026, 11, 30, 12, 0))
    assert not night.contains(datetime(2026, 12, 7, 23, 0))  # after ends_on
    assert not night.contains(datetime(2026, 11, 24, 23, 0))  # a Tuesday
    bazaar = rules_of([], [percent(1, 10, on_products(1), channel_id=4)])
    assert reprice([line(1, 1, 10_000)], bazaar, CTX).discount == 0
    assert reprice([line(1, 1, 10_000)], bazaar, Context(MONDAY_10, channel_id=4)).discount == 1_000


def test_non_stackable_take_the_best_one_stackable_add_up() -> None:
    both = [percent(1, 10, on_products(1)), percent(2, 20, on_products(1))]
    assert reprice([line(1, 1, 10_000)], rules_of([], both), CTX).discount == 2_000
    stack = [percent(1, 10, on_products(1)), percent(2, 20, on_products(1), stackable=True)]
    priced = reprice([line(1, 1, 10_000)], rules_of([], stack), CTX).lines[0]
    assert [(p.promotion_id, p.amount) for p in priced.promos] == [(2, 2_000), (1, 1_000)]
    huge = [amount(1, 8_000, on_products(1)), amount(2, 8_000, on_products(1), stackable=True)]
    assert reprice([line(1, 1, 10_000)], rules_of([], huge), CTX).total == 0


def test_best_for_the_buyer_between_a_group_and_a_per_unit_promotion() -> None:
    promos = [buy_get(1, 2, 1, on_products(1)), percent(2, 50, on_products(1))]
    assert reprice([line(1, 3, 3_000)], rules_of([], promos), CTX).discount == 4_500
    promos = [buy_get(1, 2, 1, on_products(1)), percent(2, 20, on_products(1))]
    cart = reprice([line(1, 4, 3_000)], rules_of([], promos), CTX)
    assert cart.discount == 3_000 + 600  # 3 units in the group, the 4th at 20 % off
    assert {p.promotion_id for p in cart.lines[0].promos} == {1, 2}


def test_equal_discounts_go_to_the_higher_priority_then_the_lower_id() -> None:
    promos = [percent(4, 10, on_products(1)), percent(3, 10, on_products(1))]
    assert reprice([line(1, 1, 10_000)], rules_of([], promos), CTX).lines[0].promotion_id == 3
    promos = [percent(4, 10, on_products(1), priority=1), percent(3, 10, on_products(1))]
    assert reprice([line(1, 1, 10_000)], rules_of([], promos), CTX).lines[0].promotion_id == 4


def test_the_cashiers_own_discount_line_gets_no_promotion() -> None:
    rules = rules_of([Tier(1, Decimal(2), 2_500)], [percent(1, 10, on_products(1))])
    priced = reprice([line(1, 2, 3_000, manual=True)], rules, CTX).lines[0]
    assert (priced.unit_price, priced.discount) == (2_500, 0)


def test_the_snapshot_plans_memo_gives_the_same_answer_as_a_fresh_one() -> None:
    promos = [buy_get(1, 2, 1, on_products(1)), bundle(2, 5_000, on_products(1, 2))]
    rules = rules_of([], promos)
    cart = [line(1, 4, 3_000), line(2, 1, 4_000)]
    first = reprice(cart, rules, CTX)
    again = reprice(cart, rules, CTX)
    fresh = reprice(cart, rules_of([], promos), CTX)
    assert first == again == fresh
    assert first.discount == 3_000 + 2_000


def test_free_unit_between_equal_prices_does_not_depend_on_the_line_order() -> None:
    rules = rules_of([], [buy_get(5, 1, 1, (PromoItem(category_id=3),))])
    a, b = line(1, 1, 3_000, category_id=3), line(2, 1, 3_000, category_id=3)
    ab = reprice([a, b], rules, CTX).lines
    ba = reprice([b, a], rules, CTX).lines
    assert (ab[0], ab[1]) == (ba[1], ba[0])
    assert ab[0].discount == 3_000  # the lower product id, whatever the order
