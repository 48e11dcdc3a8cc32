"""How each promotion kind prices the units it is given (used by :mod:`app.pricing.engine`).

A working line (:class:`Unitline`) has a price (after its tier) and, for counted kinds, whole
units still free for a non-stackable promotion. Group kinds (buy X get Y, bundle) return an
:class:`Application`: the discount per line and the units they used. Whole rupiah throughout.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from app.money import round_rupiah
from app.pricing.rules import PromoItem, Promotion
from contract.enums import PromoKind


class Unitline(NamedTuple):
    """A cart line as the promotions see it (``pos`` is its place in the canonical order)."""

    pos: int
    product_id: int
    category_id: int | None
    qty: Decimal
    price: int
    base_unit: bool  # sold in the base unit (pack factor 1)
    units: int  # whole units a counted kind may use (0: a pack, weighed or hand-discounted line)
    manual: bool  # the cashier's own discount: no promotion on this line
    gross: int  # qty × price, half-up


class Application(NamedTuple):
    """What a group promotion does: rupiah off and units used per line, and the free units."""

    promo: Promotion
    discount: dict[int, int]
    used: dict[int, int]
    free: dict[int, int]

    @property
    def total(self) -> int:
        """The rupiah this application takes off."""
        return sum(self.discount.values())


def unit_value(promo: Promotion, line: Unitline, used: int = 0) -> int:
    """Rupiah a percent/amount promotion takes off the line's units not ``used`` by a group
    promotion (never more than their price)."""
    if line.manual:
        return 0
    if used:
        whole = line.units - used
        gross = whole * line.price
    else:
        whole, gross = line.units, line.gross
    if gross <= 0:
        return 0
    if promo.kind == PromoKind.PERCENT:
        num, den = promo.percent_ratio
        return min(gross, (2 * gross * num + den) // (2 * den))  # half-up, whole rupiah
    if promo.kind == PromoKind.AMOUNT and line.base_unit:
        off = whole * promo.amount if whole else round_rupiah(line.qty * promo.amount)
        return min(gross, off)
    return 0


Cover = dict[int, list[Unitline]]  # promotion id → the lines it counts (built once a reprice)


def covered(promo: Promotion, cover: Cover, avail: list[int]) -> list[Unitline]:
    """The lines with units left that a group promotion counts."""
    return [ln for ln in cover.get(promo.id, ()) if avail[ln.pos] > 0]


def apply_group(promo: Promotion, cover: Cover, avail: list[int]) -> Application | None:
    """The promotion applied as far as it goes on the units left (None: it does not apply)."""
    lines = covered(promo, cover, avail)
    if not lines:
        return None
    if promo.kind == PromoKind.BUY_GET:
        return _buy_get(promo, lines, avail)
    return _bundle(promo, lines, avail)


def _buy_get(promo: Promotion, lines: list[Unitline], avail: list[int]) -> Application | None:
    """Buy X get Y: every X+Y units, the Y cheapest are free; the cheapest units are used."""
    size = promo.buy_qty + promo.free_qty
    if promo.free_qty <= 0 or promo.buy_qty < 0 or size <= 0:
        return None
    groups = sum(avail[ln.pos] for ln in lines) // size
    if groups == 0:
        return None
    free_left, take_left = groups * promo.free_qty, groups * size
    discount: dict[int, int] = {}
    used: dict[int, int] = {}
    free: dict[int, int] = {}
    for ln in sorted(lines, key=lambda x: (x.price, x.pos)):
        take = min(avail[ln.pos], take_left)
        gratis = min(take, free_left)
        take_left -= take
        free_left -= gratis
        used[ln.pos] = take
        if gratis:
            free[ln.pos] = gratis
            discount[ln.pos] = gratis * ln.price
        if take_left == 0:
            break
    return Application(promo, discount, used, free)


def _slots(promo: Promotion) -> list[PromoItem]:
    """A bundle's items, products before categories, each in id order (deterministic)."""
    return sorted(promo.items, key=lambda it: (it.product_id is None, it.product_id or 0,
                                               it.category_id or 0))


def _bundle(promo: Promotion, lines: list[Unitline], avail: list[int]) -> Application | None:
    """Bundle: as many paket as the units allow (the dearest units first) while each saves."""
    pools = []
    for item in _slots(promo):
        found = [ln for ln in lines if _slot_takes(item, ln)]
        if sum(avail[ln.pos] for ln in found) < item.qty:
            return None
        pools.append((item.qty, sorted(found, key=lambda x: (-x.price, x.pos))))
    prices = {ln.pos: ln.price for ln in lines}
    left = list(avail)
    used: dict[int, int] = {}
    saved = 0
    while True:
        taken = _one_bundle(pools, left)
        if taken is None:
            break
        normal = sum(prices[pos] * n for pos, n in taken.items())
        if normal - promo.bundle_price <= 0:
            break
        saved += normal - promo.bundle_price
        for pos, n in taken.items():
            left[pos] -= n
            used[pos] = used.get(pos, 0) + n
    if not used:
        return None
    return Application(promo, _share(saved, {pos: n * prices[pos] for pos, n in used.items()}), used, {})


def _slot_takes(item: PromoItem, line: Unitline) -> bool:
    if item.product_id is not None:
        return item.product_id == line.product_id
    return item.category_id is not None and item.category_id == line.category_id


def _one_bundle(pools: list[tuple[int, list[Unitline]]], left: list[int]) -> dict[int, int] | None:
    """The units of one more paket (from ``left``, not yet taken out), or None if one is short."""
    taken: dict[int, int] = {}
    for count, found in pools:
        need = count
        for ln in found:
            spare = left[ln.pos] - taken.get(ln.pos, 0)
            if spare <= 0:
                continue
            n = min(spare, need)
            taken[ln.pos] = taken.get(ln.pos, 0) + n
            need -= n
            if need == 0:
                break
        if need > 0:
            return None
    return taken


def _share(amount: int, weights: dict[int, int]) -> dict[int, int]:
    """``amount`` split over lines in proportion to ``weights`` (largest remainder, then place)."""
    total = sum(weights.values())
    if total <= 0 or amount <= 0:
        return {}
    shares = {pos: amount * w // total for pos, w in weights.items()}
    rest = amount - sum(shares.values())
    order = sorted(weights, key=lambda pos: (-(amount * weights[pos] % total), pos))
    for pos in order[:rest]:
        shares[pos] += 1
    return {pos: v for pos, v in shares.items() if v}
