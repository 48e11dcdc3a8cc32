"""Choose the non-stackable group promotions (buy X get Y, bundles) best for the buyer.

Promotions that count none of the same lines never compete, so they are chosen apart
(each set of competing ones is usually one or two). Within a set the choice is greedy by net
saving — what a promotion takes off minus the per-unit promotion its units would lose — and,
when the set is small, tried again with each promotion forced first; the best plan wins
(ties: the plan found first, in promotion rank order). The first greedy pick is the best single
promotion, so the plan is never worse for the buyer than any one promotion alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.pricing.promos import Application, Cover, Unitline, apply_group, covered, unit_value
from app.pricing.rules import Promotion

SMALL_SET = 5  # sets up to this size are also tried with each promotion first
MEMO_SIZE = 4096  # plans remembered per rules snapshot


@dataclass(frozen=True)
class GroupPlan:
    """The chosen applications and the units they use per line."""

    applications: tuple[Application, ...]
    used: dict[int, int]


def choose_groups(lines: list[Unitline], promos: list[Promotion], best: list[Promotion | None],
                  cover: Cover, memo: dict[object, tuple[Application, ...]]) -> GroupPlan:
    """The group promotions to apply, given each line's best per-unit promotion ``best``.

    ``memo`` (kept on the rules snapshot) remembers each set's plan by what it depends on —
    the promotions and their lines' product, category, price, units and per-unit promotion —
    so a till that changes one line re-plans only the sets that line is in.
    """
    avail = [ln.units for ln in lines]
    chosen: list[Application] = []
    for competing in _competing_sets(promos, cover, avail):
        places = sorted({ln.pos for p in competing for ln in cover[p.id]})
        key = (tuple(p.id for p in competing), tuple(
            (lines[i].product_id, lines[i].category_id, lines[i].price, lines[i].units,
             _id(best[i])) for i in places))
        plan = memo.get(key)
        if plan is None:
            found = _best_plan(competing, lines, avail, best, cover)
            plan = tuple(_moved(app, {pos: n for n, pos in enumerate(places)}) for app in found)
            if len(memo) >= MEMO_SIZE:
                memo.clear()
            memo[key] = plan
        chosen.extend(_moved(app, dict(enumerate(places))) for app in plan)
    used: dict[int, int] = {}
    for app in chosen:
        for pos, n in app.used.items():
            used[pos] = used.get(pos, 0) + n
    return GroupPlan(tuple(chosen), used)


def _id(promo: Promotion | None) -> int:
    return promo.id if promo is not None else 0


def _moved(app: Application, where: dict[int, int]) -> Application:
    """``app`` with its line places renumbered through ``where``."""
    return Application(app.promo, {where[k]: v for k, v in app.discount.items()},
                       {where[k]: v for k, v in app.used.items()},
                       {where[k]: v for k, v in app.free.items()})


def _competing_sets(promos: list[Promotion], cover: Cover,
                    avail: list[int]) -> list[list[Promotion]]:
    """Promotions split into sets that share lines (union-find), each set in rank order."""
    parent = {p.id: p.id for p in promos}

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    owner: dict[int, int] = {}
    for promo in promos:
        for ln in covered(promo, cover, avail):
            other = owner.setdefault(ln.pos, promo.id)
            parent[root(promo.id)] = root(other)
    sets: dict[int, list[Promotion]] = {}
    for promo in sorted(promos, key=lambda p: p.rank):
        if covered(promo, cover, avail):
            sets.setdefault(root(promo.id), []).append(promo)
    return [sets[k] for k in sorted(sets, key=lambda k: sets[k][0].rank)]


def _best_plan(promos: list[Promotion], lines: list[Unitline], avail: list[int],
               best: list[Promotion | None], cover: Cover) -> list[Application]:
    firsts: list[Promotion | None] = [None]
    if 1 < len(promos) <= SMALL_SET:
        firsts.extend(promos)
    top_value, top_plan = 0, []
    for first in firsts:
        value, plan = _greedy(promos, first, lines, list(avail), best, cover)
        if value > top_value:
            top_value, top_plan = value, plan
    return top_plan


def _greedy(promos: list[Promotion], first: Promotion | None, lines: list[Unitline],
            avail: list[int], best: list[Promotion | None],
            cover: Cover) -> tuple[int, list[Application]]:
    """Apply the promotion with the largest net saving until none saves more (mutates avail)."""
    left = list(promos)
    plan: list[Application] = []
    value = 0
    while left:
        pick, net = _pick(first, left, lines, avail, best, cover)
        first = None
        if pick is None or net <= 0:
            break
        plan.append(pick)
        value += net
        left.remove(pick.promo)
        for pos, n in pick.used.items():
            avail[pos] -= n
    return value, plan


def _pick(first: Promotion | None, left: list[Promotion], lines: list[Unitline], avail: list[int],
          best: list[Promotion | None], cover: Cover) -> tuple[Application | None, int]:
    top: Application | None = None
    top_net = 0
    for promo in ([first] if first is not None else left):
        app = apply_group(promo, cover, avail)
        if app is None:
            continue
        net = app.total - _lost(app, lines, avail, best)
        if top is None or net > top_net:  # left is in rank order: ties keep the earlier
            top, top_net = app, net
    return top, top_net


def _lost(app: Application, lines: list[Unitline], avail: list[int],
          best: list[Promotion | None]) -> int:
    """What the units ``app`` uses would have saved under their per-unit promotion."""
    lost = 0
    for pos, n in app.used.items():
        promo = best[pos]
        if promo is not None and n:
            ln = lines[pos]
            before = ln.units - avail[pos]
            lost += unit_value(promo, ln, before) - unit_value(promo, ln, before + n)
    return lost

