"""Properties of the pricing engine over random carts and rules (hypothesis)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from app.pricing import Context, LineIn, PromoItem, Promotion, RuleSet, Tier, Window, reprice, rules_of
from contract.enums import PromoKind

PRODUCTS = st.integers(1, 3)  # few products and categories, so promotions meet on lines
CATEGORY = {1: 1, 2: 1, 3: 2}


@st.composite
def lines(draw: st.DrawFn) -> LineIn:
    pid = draw(PRODUCTS)
    pack = draw(st.sampled_from([None, None, 9]))
    weighed = pack is None and draw(st.booleans()) and pid == 3
    qty = Decimal(draw(st.integers(1, 3000))) / 1000 if weighed else Decimal(draw(st.integers(1, 14)))
    price = draw(st.one_of(st.sampled_from([1_000, 2_500, 3_000]), st.integers(1, 30_000)))
    return LineIn(pid, qty, price,
                  pack_id=pack, factor=Decimal(40) if pack else Decimal(1),
                  category_id=CATEGORY[pid], weighed=weighed, manual=draw(st.integers(0, 9)) == 0)


@st.composite
def items(draw: st.DrawFn) -> tuple[PromoItem, ...]:
    found = draw(st.lists(st.one_of(
        st.builds(lambda p, q: PromoItem(product_id=p, qty=q), PRODUCTS, st.integers(1, 3)),
        st.builds(lambda c: PromoItem(category_id=c), st.integers(1, 2))), min_size=1, max_size=3))
    return tuple(found)


@st.composite
def promotions(draw: st.DrawFn, pid: int) -> Promotion:
    window = draw(st.sampled_from([Window(), Window(), Window(), Window(weekdays=frozenset({1})),
                                   Window(from_minute=600, to_minute=660),
                                   Window(weekdays=frozenset({2}))]))
    return Promotion(pid, f"P{pid}", draw(st.sampled_from(list(PromoKind))), draw(items()),
                     buy_qty=draw(st.integers(1, 3)), free_qty=draw(st.integers(1, 2)),
                     bundle_price=draw(st.integers(0, 200)) * 100,
                     percent=Decimal(draw(st.integers(0, 1000))) / 10,
                     amount=draw(st.integers(0, 60)) * 100, window=window,
                     stackable=draw(st.integers(0, 3)) == 0, priority=draw(st.integers(0, 2)))


@st.composite
def rule_sets(draw: st.DrawFn) -> RuleSet:
    tiers = draw(st.lists(st.builds(
        lambda p, q, pr, g, pk: Tier(p, Decimal(q), pr * 100, g, pk), PRODUCTS, st.integers(1, 12),
        st.integers(1, 300), st.sampled_from(["", "", "reseller"]), st.sampled_from([None, 9])),
        max_size=6))
    count = draw(st.integers(1, 6))
    return rules_of(tiers, [draw(promotions(n)) for n in range(1, count + 1)])


CONTEXTS = st.builds(lambda h, g, c: Context(datetime(2026, 11, 30, h, 30), c, g),
                     st.sampled_from([10, 10, 12, 23]), st.sampled_from(["", "reseller"]),
                     st.sampled_from([None, 4]))


def _keyed(cart: list[LineIn], rules: RuleSet, ctx: Context) -> list[tuple[str, str]]:
    priced = reprice(cart, rules, ctx)
    return sorted((repr(ln), repr(pr)) for ln, pr in zip(cart, priced.lines, strict=True))


@settings(max_examples=100, deadline=None)
@given(st.lists(lines(), min_size=1, max_size=8), rule_sets(), CONTEXTS, st.randoms())
def test_same_cart_in_any_order_prices_the_same(cart: list[LineIn], rules: RuleSet, ctx: Context,
                                                rnd: object) -> None:
    shuffled = list(cart)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    again = rules_of(rules.tiers, rules.promotions)  # a fresh snapshot: no memo
    assert _keyed(cart, rules, ctx) == _keyed(shuffled, rules, ctx) == _keyed(cart, again, ctx)


@settings(max_examples=100, deadline=None)
@given(st.lists(lines(), min_size=1, max_size=8), rule_sets(), CONTEXTS)
def test_totals_add_up_and_discounts_stay_within_the_price(cart: list[LineIn], rules: RuleSet,
                                                           ctx: Context) -> None:
    priced = reprice(cart, rules, ctx)
    assert priced.total == sum(ln.total for ln in priced.lines)
    assert priced.gross - priced.discount == priced.total
    for ln, src in zip(priced.lines, cart, strict=True):
        assert 0 <= ln.discount <= ln.gross
        assert all(p.amount > 0 and isinstance(p.amount, int) for p in ln.promos)
        assert isinstance(ln.total, int) and ln.total >= 0
        if src.manual:
            assert ln.promos == ()
    assert sum(ln.base_qty for ln in priced.lines) == sum(ln.qty * ln.factor for ln in cart)


@settings(max_examples=100, deadline=None)
@given(st.lists(lines(), min_size=1, max_size=8), rule_sets(), CONTEXTS)
def test_best_for_the_buyer_is_never_worse_than_any_one_promotion(
        cart: list[LineIn], rules: RuleSet, ctx: Context) -> None:
    together = reprice(cart, rules, ctx).discount
    for promo in rules.promotions:
        alone = reprice(cart, rules_of(rules.tiers, [promo]), ctx).discount
        assert together >= alone, promo
