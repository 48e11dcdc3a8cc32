"""Benchmark: reprice a 50-line cart under 200 active promotions and wholesale tiers.

Run ``python -m bench.pricing``. Budget (issue 17): ``reprice_ms`` ≤ 2 ms, the median of many
reprices of carts that change the way a till's cart does (one line's quantity moves each time,
so no result is reused). The rules: 2 000 products in 20 categories, tiers on half of them,
200 promotions of every kind (product and category percent / rupiah off, buy X get Y,
bundles, some stackable, some in a happy-hour window that is on). The floor is summing the
50 lines' gross with no rules, so ``ratio`` shows the engine's cost over plain arithmetic.
"""

from __future__ import annotations

import random
from datetime import datetime
from decimal import Decimal

from app.money import line_total
from app.pricing import Context, LineIn, PromoItem, Promotion, RuleSet, Tier, Window, reprice, rules_of
from bench._common import describe, print_result, print_table, time_ms
from contract.enums import PromoKind

BUDGET_MS = 2.0
PRODUCTS = 2_000
CATEGORIES = 20
PROMOTIONS = 200
LINES = 50
RUNS = 400


def category_of(product_id: int) -> int:
    """The bench catalogue's category of a product."""
    return product_id % CATEGORIES + 1


def price_of(product_id: int) -> int:
    """The bench catalogue's price of a product (Rp 1 000 – 50 000, whole hundreds)."""
    return 1_000 + (product_id * 7_919) % 490 * 100


def build_rules(rng: random.Random) -> RuleSet:
    """Tiers on every other product and 200 promotions of every kind."""
    tiers = [Tier(pid, Decimal(min_qty), price_of(pid) - step * 100)
             for pid in range(1, PRODUCTS + 1, 2) for step, min_qty in ((1, 6), (2, 12))]
    happy = Window(weekdays=frozenset(range(1, 8)), from_minute=9 * 60, to_minute=17 * 60)
    promos = [_promotion(n, rng, happy) for n in range(1, PROMOTIONS + 1)]
    return rules_of(tiers, promos, "bench")


def _promotion(n: int, rng: random.Random, happy: Window) -> Promotion:
    kind = [PromoKind.PERCENT, PromoKind.AMOUNT, PromoKind.BUY_GET, PromoKind.BUNDLE][n % 4]
    on_category = n % 5 == 0
    item = PromoItem(category_id=rng.randint(1, CATEGORIES)) if on_category else PromoItem(
        product_id=rng.randint(1, PRODUCTS))
    items: tuple[PromoItem, ...] = (item,)
    if kind == PromoKind.BUNDLE:
        items = tuple(PromoItem(product_id=rng.randint(1, PRODUCTS), qty=rng.randint(1, 2))
                      for _ in range(rng.randint(2, 3)))
    return Promotion(n, f"Promo {n}", kind, items, buy_qty=2, free_qty=1, bundle_price=5_000,
                     percent=Decimal(rng.choice((5, 10, 15))), amount=rng.choice((200, 500)),
                     window=happy if n % 3 == 0 else Window(), stackable=n % 7 == 0,
                     priority=n % 3)


def build_cart(rng: random.Random, rules: RuleSet) -> list[LineIn]:
    """50 lines: products the promotions name (so they do apply) and random ones."""
    named = sorted({it.product_id for p in rules.promotions for it in p.items if it.product_id})
    picks = rng.sample(named, LINES // 2) + rng.sample(range(1, PRODUCTS + 1), LINES - LINES // 2)
    return [LineIn(pid, Decimal(rng.randint(1, 14)), price_of(pid), category_id=category_of(pid))
            for pid in picks]


def carts(base: list[LineIn], count: int) -> list[list[LineIn]]:
    """``count`` carts as a till sees them: each one changes one line's quantity."""
    out = []
    for n in range(count):
        cart = list(base)
        at = n % len(cart)
        cart[at] = LineIn(cart[at].product_id, Decimal(1 + n % 15), cart[at].list_price,
                          category_id=cart[at].category_id)
        out.append(cart)
    return out


def main() -> None:
    """Time the reprice and the floor, print the table and the RESULT line."""
    rng = random.Random(17)
    rules = build_rules(rng)
    base = build_cart(rng, rules)
    ctx = Context(datetime(2026, 11, 30, 10, 30))
    variants = carts(base, RUNS + 20)
    feed = iter(variants * 2)
    priced = reprice(base, rules, ctx)
    samples = time_ms(lambda: reprice(next(feed), rules, ctx), runs=RUNS, warmup=10)
    floor = time_ms(lambda: sum(line_total(ln.qty, ln.list_price) for ln in base), runs=RUNS)
    print_table(["what", "median ms", "p10", "p90", "runs"],
                [["reprice 50 lines", *describe(samples)], ["floor: sum gross", *describe(floor)]])
    print(f"promotions applied: {len({p.promotion_id for ln in priced.lines for p in ln.promos})}, "
          f"tiers: {sum(1 for ln in priced.lines if ln.tier_note)}, discount Rp{priced.discount}")
    reprice_ms, floor_ms = float(describe(samples)[0]), float(describe(floor)[0])
    print_result({"reprice_ms": reprice_ms, "floor_ms": floor_ms,
                  "ratio": reprice_ms / floor_ms if floor_ms else 0.0, "budget_ms": BUDGET_MS})


if __name__ == "__main__":
    main()
