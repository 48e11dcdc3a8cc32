"""Per-field merge of product edits by hybrid logical clock (last writer wins per field).

Every shared product field is kept as ``(value, hlc)`` in ``listing_fields``. An incoming
field replaces the stored one only when its stamp is greater, so the result does not
depend on the order in which devices reconnect. The fields that won are relayed to the
shop's devices in one ``product.fields`` change; the public ones are mirrored into the
listing's catalog columns. Private fields (cost, barcodes, minimum stock, ...) never
leave ``listing_fields`` except through the shop's own device API.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from contract.hlc import HLC_PATTERN, wall_of
from contract.hlc import stamp_at as hlc_stamp
from contract.sync import PUBLIC_FIELDS, ProductFields
from server.models import Listing, ListingField, utcnow

SERVER_NODE = "server"
ZERO_STAMP = f"{0:016d}-{0:06d}-{SERVER_NODE}"  # older than any edit: values from before fields
MAX_CLOCK_AHEAD = timedelta(days=1)
_HLC_RE = re.compile(HLC_PATTERN)

Stamped = dict[str, tuple[Any, str]]  # field → (value, hlc)


def stamp_at(moment: datetime, node: str = SERVER_NODE, counter: int = 0) -> str:
    """The HLC stamp of ``moment`` for ``node`` (the server's by default)."""
    return hlc_stamp(moment, node, counter)


def too_far_ahead(stamps: Stamped, now: datetime) -> bool:
    """Whether a stamp is more than a day ahead of the server's clock (a device clock gone
    wrong would otherwise win every later edit)."""
    limit = now + MAX_CLOCK_AHEAD
    return any(_HLC_RE.match(h) is None or wall_of(h) > limit for _v, h in stamps.values())


def from_payload(fields: ProductFields) -> Stamped:
    """The ``field → (value, hlc)`` pairs present in a validated edit."""
    out: Stamped = {}
    for name in fields.model_fields_set:
        item = getattr(fields, name)
        if item is not None:
            out[name] = (item.value, item.hlc)
    return out


@dataclass
class FieldStore:
    """The stored fields of the listings touched by one push batch (loaded once each)."""

    session: Session
    rows: dict[str, dict[str, ListingField]] = field(default_factory=dict)

    def of(self, product_uuid: str) -> dict[str, ListingField]:
        """The stored field rows of a product (cached for the batch)."""
        if product_uuid not in self.rows:
            found = self.session.scalars(
                select(ListingField).where(ListingField.listing_uuid == product_uuid))
            self.rows[product_uuid] = {r.field: r for r in found}
        return self.rows[product_uuid]

    def merge(self, listing: Listing, incoming: Stamped) -> dict[str, dict[str, Any]]:
        """Apply the fields whose stamp is newer; returns the winners as ``{value, hlc}``."""
        stored = self.of(listing.uuid)
        if not stored and listing.name:
            self._backfill(listing, stored)
        winners: dict[str, dict[str, Any]] = {}
        for name, (value, hlc) in sorted(incoming.items()):
            row = stored.get(name)
            if row is not None and row.hlc >= hlc:
                continue
            if row is None:
                row = ListingField(listing_uuid=listing.uuid, field=name,
                                   seller_id=listing.seller_id, value=value, hlc=hlc)
                self.session.add(row)
                stored[name] = row
            else:
                row.value, row.hlc = value, hlc
            winners[name] = {"value": value, "hlc": hlc}
        if winners:
            mirror_public(listing, stored)
        return winners

    def _backfill(self, listing: Listing, stored: dict[str, ListingField]) -> None:
        """A listing written before per-field stamps: its public columns become fields
        stamped older than any edit."""
        for name, value in legacy_fields(listing).items():
            row = ListingField(listing_uuid=listing.uuid, field=name, seller_id=listing.seller_id,
                               value=value, hlc=ZERO_STAMP)
            self.session.add(row)
            stored[name] = row


def legacy_fields(listing: Listing) -> dict[str, Any]:
    """The public columns of a listing as field values."""
    return {"sku": listing.sku, "name": listing.name, "price": listing.price,
            "unit": listing.unit, "category": listing.category, "published": listing.published}


def mirror_public(listing: Listing, stored: dict[str, ListingField]) -> None:
    """Copy the winning public values into the catalog columns of the listing."""
    values = {name: row.value for name, row in stored.items()}
    for name in PUBLIC_FIELDS:
        if name in values and name != "published":
            value = values[name]
            setattr(listing, name, value[:60] if name == "category" else value)
    if "published" in values:
        listing.published = bool(values["published"]) and not values.get("archived", False)
    if "min_order" in values:  # a validated "12.500": buyers order at least this much
        listing.min_order_milli = int(Decimal(str(values["min_order"])) * 1000)
    listing.updated_at = utcnow()


def field_map(session: Session, listing_uuids: list[str]) -> dict[str, dict[str, dict[str, Any]]]:
    """Every stored field of these listings as ``{uuid: {field: {value, hlc}}}``."""
    out: dict[str, dict[str, dict[str, Any]]] = {u: {} for u in listing_uuids}
    for start in range(0, len(listing_uuids), 500):
        chunk = listing_uuids[start:start + 500]
        for row in session.scalars(select(ListingField).where(
                ListingField.listing_uuid.in_(chunk))):
            out[row.listing_uuid][row.field] = {"value": row.value, "hlc": row.hlc}
    return out


def with_legacy(listing: Listing, fields: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """``fields``, or the public columns stamped as oldest for a listing without fields."""
    if fields or not listing.name:
        return fields
    return {k: {"value": v, "hlc": ZERO_STAMP} for k, v in legacy_fields(listing).items()}
