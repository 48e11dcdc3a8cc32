"""What an online order line costs, priced the way the shop's till prices a public buyer.

A line names a listing, a quantity and, optionally, one of the listing's packs ("dus"): the
quantity then counts packs and the stock moves ``qty × factor`` base units. Its price is the
wholesale tier with the highest ``min_qty`` ≤ the quantity among the tiers for everyone
(group ""; a customer group's tiers are for the shop's known customers, never for an
anonymous buyer) of that unit or pack, else the pack's own price, else the listing's price
— as :func:`app.pricing.engine.tier_for` does at the till. The offer (packs, tiers) is the
one the shop published with the listing (:mod:`server.catalog.offer`); the server always
computes the price, a buyer never sends one. The storefront's page shows the same figures
from :func:`price_table` so what the buyer sees is what is charged.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from contract.money import milli_line_total
from contract.quantity import QuantityError, wire_milli
from contract.sync import Offer
from server.catalog.offer import read_offer
from server.models import ListingField

UNIT = 1000  # thousandths in one base unit


class PackUnknown(LookupError):
    """The line names a pack the listing does not offer (any more)."""


@dataclass(frozen=True)
class Priced:
    """The price of one unit or pack of a line, and how it was reached."""

    price: int
    pack: str = ""  # "" = the base unit
    factor_milli: int = UNIT  # base thousandths in one pack
    note: str = ""  # "harga grosir ≥12 pcs" when a tier priced it

    def base_milli(self, qty_milli: int) -> int | None:
        """The quantity in base thousandths (None when it is not a whole thousandth)."""
        base, rest = divmod(qty_milli * self.factor_milli, UNIT)
        return None if rest else base

    def total(self, qty_milli: int) -> int:
        """The line total of ``qty_milli`` thousandths of this unit or pack (half-up)."""
        return milli_line_total(self.price, qty_milli)


def offers_of(session: Session, uuids: Iterable[str]) -> dict[str, Offer]:
    """The published offers of these listings (one query); listings without one are absent."""
    wanted = sorted(set(uuids))
    if not wanted:
        return {}
    rows = session.execute(select(ListingField.listing_uuid, ListingField.value).where(
        ListingField.listing_uuid.in_(wanted), ListingField.field == "offer"))
    found = {}
    for uuid, value in rows:
        offer = read_offer(value)
        if offer is not None:
            found[str(uuid)] = offer
    return found


def _milli(text: str) -> int:
    try:
        return wire_milli(text)
    except QuantityError:
        return 0


def qty_words(milli: int) -> str:
    """``12`` / ``0,5`` as a buyer reads a quantity (Indonesian decimal comma)."""
    return f"{Decimal(milli).scaleb(-3).normalize():f}".replace(".", ",")


def _base_of(offer: Offer | None, listing_price: int, pack: str) -> Priced:
    if not pack:
        return Priced(listing_price)
    for known in offer.packs if offer is not None else ():
        factor = _milli(known.factor)
        if known.name == pack and factor > 0:
            return Priced(known.price, pack, factor)
    raise PackUnknown(pack)


def price_for(offer: Offer | None, listing_price: int, unit: str, pack: str,
              qty_milli: int) -> Priced:
    """The price of one unit (``pack`` "") or one ``pack`` at ``qty_milli`` of it.

    Raises :class:`PackUnknown` when the listing does not offer that pack.
    """
    base = _base_of(offer, listing_price, pack)
    best: tuple[int, int] | None = None  # (min_qty, price): highest min_qty, then lowest price
    for tier in offer.tiers if offer is not None else ():
        least = _milli(tier.min_qty)
        if tier.group or tier.pack != pack or least > qty_milli:
            continue
        if best is None or (least, -tier.price) > (best[0], -best[1]):
            best = (least, tier.price)
    if best is None:
        return base
    note = f"harga grosir ≥{qty_words(best[0])} {pack or unit}"
    return Priced(best[1], base.pack, base.factor_milli, note)


def price_table(offer: Offer | None, listing_price: int) -> dict[str, Any]:
    """What the product page's script needs to show the price it will be charged: per
    choice ("" = the unit, else a pack name) its own price, base factor and public tiers."""
    choices: dict[str, Any] = {"": {"price": listing_price, "factor": UNIT, "tiers": []}}
    for pack in offer.packs if offer is not None else ():
        factor = _milli(pack.factor)
        if factor > 0:
            choices[pack.name] = {"price": pack.price, "factor": factor, "tiers": []}
    for tier in offer.tiers if offer is not None else ():
        if not tier.group and tier.pack in choices and _milli(tier.min_qty) > 0:
            choices[tier.pack]["tiers"].append([_milli(tier.min_qty), tier.price])
    return choices
