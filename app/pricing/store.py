"""The pricing rules from the shop's database, as an immutable snapshot, and the cart repriced.

:func:`current_rules` keeps one :class:`~app.pricing.rules.RuleSet` per shop file and loads it
again only when the rules changed: a one-row version query (counts, largest ids, last
``updated_at`` and a checksum of tier prices of the tiers, promotions and their items, and of
the variants) runs each time; a changed figure means a fresh load. A promotion item naming a
variant parent is read as every variant the parent has at load time. The snapshot's own memo (plans per set of
promotions) lives as long as it.
"""

from __future__ import annotations

import time
from collections import defaultdict
from datetime import datetime
from decimal import Decimal
from threading import Lock

from sqlalchemy import bindparam, select, text
from sqlalchemy.orm import Session

from app.cart import Cart
from app.clock import now_local
from app.db import Database
from app.pricing.rules import PromoItem, Promotion, RuleSet, Tier, Window, rules_of, weekdays_of
from contract.enums import PromoKind
from models import Customer, PriceTier, Product, ProductPack
from models import Promotion as PromotionRow
from models import PromotionItem as PromotionItemRow

_VERSION = text(
    "SELECT (SELECT count(*) || ':' || coalesce(max(id), 0) || ':' || coalesce(max(updated_at), '')"
    " FROM promotions WHERE active = 1)"
    " || '/' || (SELECT count(*) || ':' || coalesce(max(id), 0) || ':' || total(qty)"
    " FROM promotion_items)"
    " || '/' || (SELECT count(*) || ':' || coalesce(max(id), 0) || ':' || total(price)"
    " || ':' || total(min_qty) FROM price_tiers)"
    " || '/' || (SELECT count(*) || ':' || coalesce(max(updated_at), '') FROM product_packs"
    " WHERE archived = 1)"
    " || '/' || (SELECT count(*) FROM products WHERE parent_id IS NOT NULL)"
    " || ':' || (SELECT coalesce(max(id), 0) FROM products)"  # a new variant (both indexed)
)
_VARIANTS = select(Product.id, Product.parent_id).where(Product.parent_id.is_not(None))
_CATEGORIES = select(Product.id, Product.category_id).where(
    Product.id.in_(bindparam("ids", expanding=True)))

_GROUP = select(Customer.group_name).where(Customer.uuid == bindparam("uuid"))

_cache: dict[str, RuleSet] = {}
_lock = Lock()


def rules_version(session: Session) -> str:
    """A short text that changes whenever a tier, promotion or its items change."""
    return str(session.execute(_VERSION).scalar_one())


def current_rules(session: Session) -> RuleSet:
    """The shop's rules now (cached per shop file until :func:`rules_version` changes)."""
    version = rules_version(session)
    key = str(session.get_bind().engine.url)
    with _lock:
        cached = _cache.get(key)
    if cached is not None and cached.version == version:
        return cached
    rules = load_rules(session, version)
    with _lock:
        _cache[key] = rules
    return rules


def load_rules(session: Session, version: str = "") -> RuleSet:
    """Read every tier (of packs still sold) and every switched-on promotion."""
    archived = {int(i) for i in session.scalars(select(ProductPack.id).where(ProductPack.archived))}
    tiers = [Tier(int(t.product_id), Decimal(t.min_qty), int(t.price), t.group_name or "",
                  t.pack_id) for t in session.scalars(select(PriceTier))
             if t.pack_id is None or t.pack_id not in archived]
    items: dict[int, list[PromoItem]] = defaultdict(list)
    for item in session.scalars(select(PromotionItemRow).order_by(PromotionItemRow.id)):
        items[item.promotion_id].append(PromoItem(item.product_id, item.category_id,
                                                  int(item.qty or 1)))
    items = _variants_for_parents(session, items)
    promos = [_promotion(row, tuple(items.get(row.id, ())))
              for row in session.scalars(select(PromotionRow).where(PromotionRow.active))]
    return rules_of(tiers, [p for p in promos if p.items], version)


def _variants_for_parents(session: Session, items: dict[int, list[PromoItem]]
                          ) -> dict[int, list[PromoItem]]:
    """A promotion item naming a variant parent stands for every variant the parent has now
    (one query at load time, none per scan); other items stay as they are."""
    named = {i.product_id for found in items.values() for i in found if i.product_id is not None}
    children: dict[int, list[int]] = defaultdict(list)
    if named:
        for child, parent in session.execute(_VARIANTS):
            if parent in named:
                children[int(parent)].append(int(child))
    if not children:
        return items
    out: dict[int, list[PromoItem]] = {}
    for promo_id, found in items.items():
        expanded: dict[tuple[int | None, int | None], PromoItem] = {}
        for item in found:
            kids = children.get(item.product_id or 0)
            for one in ([PromoItem(k, None, item.qty) for k in sorted(kids)] if kids else [item]):
                expanded.setdefault((one.product_id, one.category_id), one)
        out[promo_id] = list(expanded.values())
    return out


def _promotion(row: PromotionRow, items: tuple[PromoItem, ...]) -> Promotion:
    window = Window(row.starts_on, row.ends_on, weekdays_of(row.weekdays or "1234567"),
                    row.from_minute, row.to_minute)
    return Promotion(int(row.id), row.name, PromoKind(row.kind), items,
                     buy_qty=int(row.buy_qty or 0), free_qty=int(row.free_qty or 0),
                     bundle_price=int(row.bundle_price or 0), percent=Decimal(row.percent or 0),
                     amount=int(row.amount or 0), window=window, channel_id=row.channel_id,
                     stackable=bool(row.stackable), priority=int(row.priority or 0))


def categories_of(session: Session, product_ids: list[int]) -> dict[int, int | None]:
    """Each product's category (one indexed query)."""
    if not product_ids:
        return {}
    rows = session.execute(_CATEGORIES, {"ids": sorted(set(product_ids))})
    return {int(pid): (int(cat) if cat is not None else None) for pid, cat in rows}


def group_key(group: str | None) -> str:
    """A customer's price group as tiers store it ("Reseller " → "reseller")."""
    return " ".join((group or "").split()).lower()


def reprice_cart(session: Session, cart: Cart, local_time: datetime | None = None, *,
                 customer_uuid: str | None = None) -> None:
    """Reprice ``cart`` under the shop's rules now (or at the shop-local ``local_time``); a
    named customer sets the cart's group (their wholesale tiers)."""
    if customer_uuid is not None:
        cart.group = group_key(session.scalar(_GROUP, {"uuid": customer_uuid}))
    rules = current_rules(session)
    when = local_time if local_time is not None else now_local()
    if not rules.promotions and not rules.tiers and not any(
            line.tier_note or line.promos for line in cart.lines):
        return  # a shop without rules: nothing to do on the scan path
    cats = categories_of(session, [line.product_id for line in cart.lines]) \
        if rules.has_category_promotions else {}
    cart.reprice(rules, when, cats)


class TillPricer:
    """Reprices the till's cart after every change without a database round trip per scan.

    The rules snapshot is checked against the database at most every ``recheck_s`` seconds
    and after :meth:`forget` (the till calls it when the seller comes back from another
    screen, where promotions are edited); product categories and customer groups are
    remembered with the snapshot.
    """

    def __init__(self, db: Database, recheck_s: float = 30.0) -> None:
        self.db = db
        self.recheck_s = recheck_s
        self._rules: RuleSet | None = None
        self._checked = 0.0
        self._categories: dict[int, int | None] = {}
        self._groups: dict[str, str] = {}

    def forget(self) -> None:
        """Check the rules (and read categories and groups) again on the next reprice."""
        self._rules = None

    def reprice(self, cart: Cart, customer_uuid: str | None = None) -> None:
        """Apply the shop's tiers and promotions to ``cart`` now (``customer_uuid``: its group)."""
        if customer_uuid is not None and customer_uuid not in self._groups:
            self._rules = None
        rules = self._current(cart, customer_uuid)
        if customer_uuid is not None:
            cart.group = self._groups.get(customer_uuid, "")
        if not rules.promotions and not rules.tiers and not any(
                line.tier_note or line.promos for line in cart.lines):
            return
        cart.reprice(rules, now_local(), self._categories)

    def _current(self, cart: Cart, customer_uuid: str | None) -> RuleSet:
        wanted = {line.product_id for line in cart.lines}
        stale = self._rules is None or time.monotonic() - self._checked > self.recheck_s
        missing = self._rules is not None and self._rules.has_category_promotions and bool(
            wanted - self._categories.keys())
        if stale or missing or self._rules is None:
            with self.db.read() as session:
                self._load(session, wanted, customer_uuid)
        assert self._rules is not None
        return self._rules

    def _load(self, session: Session, wanted: set[int], customer_uuid: str | None) -> None:
        rules = current_rules(session)
        if rules is not self._rules:
            self._categories, self._groups = {}, {}
        self._rules, self._checked = rules, time.monotonic()
        if customer_uuid is not None:
            self._groups[customer_uuid] = group_key(session.scalar(_GROUP, {"uuid": customer_uuid}))
        if rules.has_category_promotions:
            self._categories.update(categories_of(session, sorted(wanted)))


def forget() -> None:
    """Drop every cached snapshot (tests; a restored backup)."""
    with _lock:
        _cache.clear()
