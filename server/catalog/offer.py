"""What a listing offers buyers beyond its one price: packs, wholesale tiers and variants.

The shop sends them as the ``offer`` field of a product edit (:class:`contract.sync.Offer`),
kept with the listing's other fields in ``listing_fields`` (no column of its own). The
product page shows the packs ("per dus (40 pcs) Rp150.000"), the tiers ("≥12 pcs
Rp3.300"; only the tiers for everyone, the ones an online order gets, see
:mod:`server.orders.pricing`) and, for a parent or one of its variants, a picker of the
variants that are visible (each variant is its own listing with its own stock and price).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from contract.sync import Offer
from server.models import ListingField


@dataclass(frozen=True)
class Choice:
    """One variant in the picker: its listing, label, price, whether it is this page."""

    listing_id: str
    label: str
    price: int
    available: bool
    current: bool


@dataclass
class Shown:
    """An offer as the product page shows it (Indonesian text, rupiah as integers)."""

    packs: list[tuple[str, int]] = field(default_factory=list)  # ("per dus (40 pcs)", 150000)
    tiers: list[tuple[str, int]] = field(default_factory=list)  # ("≥12 pcs", 3300)
    options: list[str] = field(default_factory=list)
    choices: list[Choice] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        """Nothing beyond the one price."""
        return not (self.packs or self.tiers or self.choices)


def read_offer(value: Any) -> Offer | None:
    """A stored ``offer`` field value as an :class:`Offer` (None when absent or in a shape
    this server does not know: stored by a newer device)."""
    if not isinstance(value, dict):
        return None
    try:
        return Offer.model_validate(value)
    except ValidationError:
        return None


def _offer(session: Session, listing_uuid: str) -> Offer | None:
    return read_offer(session.scalar(select(ListingField.value).where(
        ListingField.listing_uuid == listing_uuid, ListingField.field == "offer")))


def _qty(text: str) -> str:
    return f"{Decimal(text).normalize():f}".replace(".", ",")


def shown_offer(session: Session, item: dict[str, Any],
                visible: dict[str, dict[str, Any]] | None = None) -> Shown:
    """The offer of the listing ``item`` (as :func:`server.web.queries.listing` gives it).

    ``visible``: the visible listings by UUID among the variants (from the caller's query),
    so hidden or unpublished variants are left out of the picker.
    """
    uuid = str(item["listing_id"])
    offer = _offer(session, uuid)
    if offer is None:
        return Shown()
    unit = str(item["unit"])
    sold = {""} | {p.name for p in offer.packs}
    shown = Shown(  # a customer group's tiers are never an online buyer's price: not shown
        packs=[(f"per {p.name} ({_qty(p.factor)} {unit})", p.price) for p in offer.packs],
        tiers=[(f"≥{_qty(t.min_qty)} {t.pack or unit}", t.price)
               for t in offer.tiers if not t.group and t.pack in sold])
    parent = _offer(session, str(offer.parent_uuid)) if offer.parent_uuid else offer
    if parent is not None and parent.variants:
        shown.options = list(parent.options)
        seen = visible or {}
        for variant in parent.variants:
            key = str(variant.product_uuid)
            listing = seen.get(key)
            if listing is None:
                continue
            shown.choices.append(Choice(key, " / ".join(variant.values), int(listing["price"]),
                                        int(listing["available"]) > 0, key == uuid))
    return shown


def variant_uuids(session: Session, listing_uuid: str) -> list[str]:
    """The UUIDs of the variants in the picker of this listing (its own or its parent's)."""
    offer = _offer(session, listing_uuid)
    if offer is None:
        return []
    parent = _offer(session, str(offer.parent_uuid)) if offer.parent_uuid else offer
    return [str(v.product_uuid) for v in parent.variants] if parent is not None else []
