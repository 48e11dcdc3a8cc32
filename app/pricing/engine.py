"""Reprice a cart: packs, wholesale tiers and promotions, deterministically, best for the buyer.

Steps, on the lines in a canonical order (so the line order never changes a result):

1. **Tier**: a line's price is the tier with the highest ``min_qty`` ≤ the quantity of that
   product *in that unit or pack* summed over the cart's lines (two lines of 6 pcs reach the
   "≥12" price like one of 12), first among the buyer's group's tiers, then among everyone's
   (group ""), else the unit's or pack's own price.
2. **Each unit** (non-stackable percent / rupiah off): every line takes its best such promotion.
3. **Groups** (non-stackable buy X get Y, bundles): chosen greedily per set of promotions that
   share lines, by what they save *beyond* step 2 on the units they use (tried with each as
   the first choice when the set is small); units they use lose their step-2 promotion.
4. **Stackable** promotions each add their discount on their units as if alone.
5. A line's discount never exceeds its gross; whole rupiah, half-up, never below zero.

A line with the cashier's own discount (``manual``) keeps its tier but gets no promotion.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from functools import lru_cache
from typing import Any

from app.money import format_qty, line_total
from app.pricing.groups import GroupPlan, choose_groups
from app.pricing.promos import Cover, Unitline, apply_group, unit_value
from app.pricing.rules import Promotion, RuleSet, Tier


@dataclass(frozen=True)
class LineIn:
    """A cart line as the engine needs it; ``list_price`` is one unit's or pack's own price."""

    product_id: int
    qty: Decimal
    list_price: int
    pack_id: int | None = None
    factor: Decimal = Decimal(1)
    category_id: int | None = None
    weighed: bool = False
    manual: bool = False

    @property
    def base_qty(self) -> Decimal:
        """The quantity in the product's base unit (what stock moves by)."""
        return self.qty * self.factor


@dataclass(frozen=True)
class Context:
    """Who buys, where and when: ``local_time`` is the shop's local time (never the PC zone)."""

    local_time: datetime
    channel_id: int | None = None
    group: str = ""


@dataclass(frozen=True)
class AppliedPromo:
    """A promotion on a line: its rupiah off and, for buy X get Y, the units given free."""

    promotion_id: int
    name: str
    amount: int
    free_qty: int = 0


@dataclass(frozen=True)
class PricedLine:
    """One line priced: the unit price used, its tier note, promotions and total."""

    unit_price: int
    tier_note: str
    gross: int
    promos: tuple[AppliedPromo, ...]
    base_qty: Decimal

    @property
    def discount(self) -> int:
        """Rupiah the promotions take off the line."""
        return sum(p.amount for p in self.promos)

    @property
    def total(self) -> int:
        """What the line costs after its promotions."""
        return self.gross - self.discount

    @property
    def promotion_id(self) -> int | None:
        """The line's main promotion (the largest), if any."""
        return self.promos[0].promotion_id if self.promos else None


@dataclass(frozen=True)
class PricedCart:
    """The priced lines in the order given, and the sums."""

    lines: tuple[PricedLine, ...]

    @property
    def gross(self) -> int:
        """Sum of the lines before promotions."""
        return sum(line.gross for line in self.lines)

    @property
    def discount(self) -> int:
        """Sum of the promotions' discounts."""
        return sum(line.discount for line in self.lines)

    @property
    def total(self) -> int:
        """Sum of the lines after promotions."""
        return sum(line.total for line in self.lines)


def tier_for(rules: RuleSet, line: LineIn, qty: Decimal, group: str) -> Tier | None:
    """The tier a line gets at ``qty`` (its product and pack's quantity in the cart)."""
    tiers = rules.tiers_for(line.product_id, line.pack_id)
    if not tiers:
        return None
    for wanted in ((group, "") if group else ("",)):
        for tier in tiers:  # highest min_qty first
            if tier.group == wanted and tier.min_qty <= qty:
                return tier
    return None


@lru_cache(maxsize=4096)
def tier_note(tier: Tier) -> str:
    """The words shown on the line: ``Grosir ≥12`` (``Grosir reseller ≥12`` for a group)."""
    who = f" {tier.group}" if tier.group else ""
    return f"Grosir{who} ≥{format_qty(tier.min_qty)}"


def canonical_order(lines: Sequence[LineIn]) -> list[int]:
    """Indexes of ``lines`` in an order that does not depend on how they were given."""
    def key(i: int) -> tuple[object, ...]:
        ln = lines[i]
        return (ln.product_id, ln.pack_id or 0, ln.factor, ln.list_price, ln.qty, ln.weighed,
                ln.manual, ln.category_id or 0)
    return sorted(range(len(lines)), key=key)


def reprice(lines: Sequence[LineIn], rules: RuleSet, ctx: Context) -> PricedCart:
    """Price ``lines`` under ``rules`` at ``ctx``; the result's lines follow ``lines``' order."""
    order = canonical_order(lines)
    work = _work_lines([lines[i] for i in order], rules, ctx.group)
    notes = [note for _, note in work]
    units = [u for u, _ in work]
    active, cover = _active(units, rules, ctx)
    promos = _promotions(units, active, cover, rules.plans)
    priced = [PricedLine(u.price, notes[u.pos], u.gross, promos[u.pos],
                         lines[order[u.pos]].base_qty) for u in units]
    result: list[PricedLine | None] = [None] * len(lines)
    for pos, index in enumerate(order):
        result[index] = priced[pos]
    return PricedCart(tuple(line for line in result if line is not None))


def _work_lines(lines: list[LineIn], rules: RuleSet, group: str) -> list[tuple[Unitline, str]]:
    """Each line with its tier price and note, as the promotions see it."""
    summed: dict[tuple[int, int | None], Decimal] = {}
    for ln in lines:
        key = (ln.product_id, ln.pack_id)
        summed[key] = summed.get(key, Decimal(0)) + ln.qty
    out = []
    for pos, ln in enumerate(lines):
        tier = tier_for(rules, ln, summed[(ln.product_id, ln.pack_id)], group)
        price = tier.price if tier is not None else ln.list_price
        base_unit = ln.pack_id is None and ln.factor == 1
        units = 0
        if base_unit and not ln.weighed and not ln.manual:
            units = int(ln.qty)
            if units != ln.qty or units < 0:
                units = 0
        gross = units * price if units else line_total(ln.qty, price)
        out.append((Unitline(pos, ln.product_id, ln.category_id, ln.qty, price, base_unit, units,
                             ln.manual, gross), tier_note(tier) if tier is not None else ""))
    return out


def _active(lines: list[Unitline], rules: RuleSet, ctx: Context) -> tuple[list[Promotion], Cover]:
    """The promotions that run now, in id order, and the lines each counts (the index's work)."""
    running: dict[int, bool] = {}
    seen: dict[int, Promotion] = {}
    cover: Cover = {}
    for ln in lines:
        if ln.manual:
            continue
        for promo in rules.promotions_for(ln.product_id, ln.category_id):
            on = running.get(promo.id)
            if on is None:
                on = running[promo.id] = promo.runs(ctx.local_time, ctx.channel_id)
            if on:
                seen[promo.id] = promo
                cover.setdefault(promo.id, []).append(ln)
    return [seen[k] for k in sorted(seen)], cover


def _promotions(lines: list[Unitline], active: list[Promotion], cover: Cover,
                memo: dict[object, Any]) -> list[tuple[AppliedPromo, ...]]:
    """Every line's promotions after steps 2–5 of the module docstring."""
    best = _best_unit_promos(lines, [p for p in active if not p.is_group and not p.stackable], cover)
    plan = choose_groups(lines, [p for p in active if p.is_group and not p.stackable], best, cover,
                         memo)
    found: list[list[AppliedPromo]] = [[] for _ in lines]
    _add_groups(found, plan)
    for ln in lines:
        promo = best[ln.pos]
        if promo is not None:
            amount = unit_value(promo, ln, plan.used.get(ln.pos, 0))
            if amount > 0:
                found[ln.pos].append(AppliedPromo(promo.id, promo.name, amount))
    _add_stackable(found, lines, [p for p in active if p.stackable], cover)
    return [_capped(found[ln.pos], ln.gross) for ln in lines]


def _best_unit_promos(lines: list[Unitline], promos: list[Promotion],
                      cover: Cover) -> list[Promotion | None]:
    """Each line's best non-stackable percent/amount promotion on its whole quantity."""
    per_line: list[list[Promotion]] = [[] for _ in lines]
    for promo in promos:
        for ln in cover[promo.id]:
            per_line[ln.pos].append(promo)
    best: list[Promotion | None] = []
    for ln in lines:
        pick, value = None, 0
        for promo in per_line[ln.pos]:
            got = unit_value(promo, ln)
            if got > value or (got == value > 0 and pick is not None and promo.rank < pick.rank):
                pick, value = promo, got
        best.append(pick)
    return best


def _add_groups(found: list[list[AppliedPromo]], plan: GroupPlan) -> None:
    for app in plan.applications:
        for pos, amount in sorted(app.discount.items()):
            found[pos].append(AppliedPromo(app.promo.id, app.promo.name, amount,
                                           app.free.get(pos, 0)))


def _add_stackable(found: list[list[AppliedPromo]], lines: list[Unitline],
                   promos: list[Promotion], cover: Cover) -> None:
    """Stackable promotions, each on its units as if it were the only one."""
    avail = [ln.units for ln in lines]
    for promo in promos:
        if promo.is_group:
            app = apply_group(promo, cover, avail)
            if app is not None:
                _add_groups(found, GroupPlan((app,), {}))
            continue
        for ln in cover[promo.id]:
            amount = unit_value(promo, ln)
            if amount > 0:
                found[ln.pos].append(AppliedPromo(promo.id, promo.name, amount))


def _capped(promos: list[AppliedPromo], gross: int) -> tuple[AppliedPromo, ...]:
    """The line's promotions, largest first, the last ones trimmed so the sum ≤ ``gross``."""
    merged: dict[int, AppliedPromo] = {}
    for p in promos:
        old = merged.get(p.promotion_id)
        merged[p.promotion_id] = p if old is None else AppliedPromo(
            p.promotion_id, p.name, old.amount + p.amount, old.free_qty + p.free_qty)
    ordered = sorted(merged.values(), key=lambda p: (-p.amount, p.promotion_id))
    out: list[AppliedPromo] = []
    room = gross
    for p in ordered:
        amount = min(p.amount, room)
        if amount > 0:
            out.append(AppliedPromo(p.promotion_id, p.name, amount, p.free_qty))
            room -= amount
    return tuple(out)
