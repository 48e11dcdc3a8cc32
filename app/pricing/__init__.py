"""The pricing engine: packs, wholesale tiers (harga grosir) and promotions.

Pure Python (no database, no Qt): :mod:`app.pricing.rules` holds the rules as immutable
values, :func:`reprice` prices a cart under a :class:`RuleSet` snapshot, and
:mod:`app.pricing.store` loads that snapshot from the shop's database.
"""

from app.pricing.engine import AppliedPromo, Context, LineIn, PricedCart, PricedLine, reprice
from app.pricing.rules import PromoItem, Promotion, RuleSet, Tier, Window, rules_of, weekdays_of

__all__ = [
    "AppliedPromo", "Context", "LineIn", "PricedCart", "PricedLine", "PromoItem", "Promotion",
    "RuleSet", "Tier", "Window", "reprice", "rules_of", "weekdays_of",
]
