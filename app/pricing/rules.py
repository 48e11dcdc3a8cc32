"""The pricing rules as immutable values: wholesale tiers, promotions and their time windows.

A :class:`RuleSet` is one snapshot of the shop's rules (loaded by :mod:`app.pricing.store`);
it indexes tiers by (product, pack) and promotions by product and category, so a reprice
touches only the rules of the products in the cart. Pure Python: no database, no Qt.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from contract.enums import PromoKind

ALL_WEEKDAYS = frozenset(range(1, 8))
GROUP_KINDS = frozenset({PromoKind.BUY_GET, PromoKind.BUNDLE})


@dataclass(frozen=True)
class Tier:
    """A wholesale price: from ``min_qty`` (in the unit or pack it prices) for ``group``.

    ``group`` "" is every buyer; ``pack_id`` None prices the base unit.
    """

    product_id: int
    min_qty: Decimal
    price: int
    group: str = ""
    pack_id: int | None = None


@dataclass(frozen=True)
class Window:
    """When a promotion runs, in the shop's local time (never the PC's zone).

    Dates are inclusive; ``weekdays`` are ISO (1 = Monday); minutes of the day
    ``from_minute`` ≤ t < ``to_minute`` (a window past midnight wraps: 22:00–02:00).
    """

    starts_on: date | None = None
    ends_on: date | None = None
    weekdays: frozenset[int] = ALL_WEEKDAYS
    from_minute: int | None = None
    to_minute: int | None = None

    def contains(self, local: datetime) -> bool:
        """Whether the shop-local moment ``local`` is inside the window."""
        day = local.date()
        if self.starts_on is not None and day < self.starts_on:
            return False
        if self.ends_on is not None and day > self.ends_on:
            return False
        if local.isoweekday() not in self.weekdays:
            return False
        return self._in_hours(local.hour * 60 + local.minute)

    def _in_hours(self, minute: int) -> bool:
        start, end = self.from_minute, self.to_minute
        if start is None or end is None or start == end:
            return True
        if start < end:
            return start <= minute < end
        return minute >= start or minute < end


@dataclass(frozen=True)
class PromoItem:
    """What a promotion covers: one product or a whole category; ``qty`` counts in a bundle."""

    product_id: int | None = None
    category_id: int | None = None
    qty: int = 1


@dataclass(frozen=True)
class Promotion:
    """One promotion rule.

    ``buy_get``: buy ``buy_qty`` get ``free_qty`` free (the cheapest qualifying units);
    ``bundle``: the items together (each ``qty`` of it) for ``bundle_price``;
    ``percent``: ``percent`` % off; ``amount``: ``amount`` rupiah off each unit.
    Counted kinds (buy_get, bundle, amount) count lines sold in the base unit; percent also
    applies to packs. ``stackable`` promotions add to others on the same units; others never
    share a unit. Among equal discounts the higher ``priority``, then the lower ``id`` wins.
    """

    id: int
    name: str
    kind: PromoKind
    items: tuple[PromoItem, ...]
    buy_qty: int = 0
    free_qty: int = 0
    bundle_price: int = 0
    percent: Decimal = Decimal(0)
    amount: int = 0
    window: Window = Window()
    channel_id: int | None = None
    stackable: bool = False
    priority: int = 0

    @property
    def percent_ratio(self) -> tuple[int, int]:
        """``percent`` / 100 as a whole-number fraction (numerator, denominator)."""
        num, den = Decimal(self.percent).as_integer_ratio()
        return num, den * 100

    @property
    def is_group(self) -> bool:
        """Buy-X-get-Y and bundles work on groups of units; percent and amount on each unit."""
        return self.kind in GROUP_KINDS

    @property
    def rank(self) -> tuple[int, int]:
        """Sort key among equal discounts: higher priority first, then lower id."""
        return (-self.priority, self.id)

    def runs(self, local: datetime, channel_id: int | None) -> bool:
        """Whether the promotion is on at ``local`` for a sale in ``channel_id``."""
        if self.channel_id is not None and self.channel_id != channel_id:
            return False
        return self.window.contains(local)

    def covers(self, product_id: int, category_id: int | None) -> bool:
        """Whether a line of this product (in this category) is one the promotion counts."""
        return any(item.product_id == product_id
                   or (item.category_id is not None and item.category_id == category_id)
                   for item in self.items)


@dataclass(frozen=True)
class RuleSet:
    """An immutable snapshot of the rules with its indexes (built once, looked up per line)."""

    tiers: tuple[Tier, ...] = ()
    promotions: tuple[Promotion, ...] = ()
    version: str = ""
    _tiers: dict[tuple[int, int | None], tuple[Tier, ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False)
    _by_product: dict[int, tuple[Promotion, ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False)
    _by_category: dict[int, tuple[Promotion, ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False)
    _relevant: dict[tuple[int, int | None], tuple[Promotion, ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False)
    plans: dict[object, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        """Build the indexes (the dicts are private and only filled here and by the cache)."""
        tiers: dict[tuple[int, int | None], list[Tier]] = defaultdict(list)
        for tier in self.tiers:
            tiers[(tier.product_id, tier.pack_id)].append(tier)
        for key, found in tiers.items():
            self._tiers[key] = tuple(sorted(found, key=lambda t: (-t.min_qty, t.price)))
        by_product: dict[int, list[Promotion]] = defaultdict(list)
        by_category: dict[int, list[Promotion]] = defaultdict(list)
        for promo in sorted(self.promotions, key=lambda p: p.id):
            _index(promo, by_product, by_category)
        self._by_product.update((k, tuple(v)) for k, v in by_product.items())
        self._by_category.update((k, tuple(v)) for k, v in by_category.items())

    @property
    def has_category_promotions(self) -> bool:
        """Whether any promotion names a category (a reprice then needs the lines' categories)."""
        return bool(self._by_category)

    def tiers_for(self, product_id: int, pack_id: int | None) -> tuple[Tier, ...]:
        """The tiers of a product's unit or pack, highest ``min_qty`` first."""
        return self._tiers.get((product_id, pack_id), ())

    def promotions_for(self, product_id: int, category_id: int | None) -> tuple[Promotion, ...]:
        """The promotions that may count a line of this product (cached per product)."""
        key = (product_id, category_id)
        found = self._relevant.get(key)
        if found is None:
            merged = {p.id: p for p in self._by_product.get(product_id, ())}
            if category_id is not None:
                merged.update((p.id, p) for p in self._by_category.get(category_id, ()))
            found = tuple(merged[k] for k in sorted(merged))
            self._relevant[key] = found
        return found


def _index(promo: Promotion, by_product: dict[int, list[Promotion]],
           by_category: dict[int, list[Promotion]]) -> None:
    products = {item.product_id for item in promo.items if item.product_id is not None}
    categories = {item.category_id for item in promo.items if item.category_id is not None}
    for product_id in products:
        by_product[product_id].append(promo)
    for category_id in categories:
        by_category[category_id].append(promo)


def weekdays_of(text: str) -> frozenset[int]:
    """``"12345"`` (ISO digits, as stored) → {1, 2, 3, 4, 5}; other characters are ignored."""
    return frozenset(int(ch) for ch in text if ch in "1234567")


def rules_of(tiers: Iterable[Tier], promotions: Iterable[Promotion], version: str = "") -> RuleSet:
    """A snapshot in a canonical order (so two loads of the same rules compare equal)."""
    ordered_tiers = sorted(tiers, key=lambda t: (t.product_id, t.pack_id or 0, t.group, t.min_qty))
    return RuleSet(tuple(ordered_tiers), tuple(sorted(promotions, key=lambda p: p.id)), version)
