"""What one push batch applies its ops in: the outcome of an op and the batch's context.

Kept apart from :mod:`server.sync.ops` so the appliers of other domains (the shop profile in
:mod:`server.sellers.profile`) can take the same context without importing the op table.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from server.changelog import ChangeWriter
from server.config import Settings
from server.models import Listing, StockMovement, bulk_insert, utcnow
from server.sync.fields import FieldStore, stamp_at


@dataclass
class Outcome:
    """The result of one op."""

    status: str
    code: str | None = None
    message: str | None = None
    change_seq: int | None = None


def rejected(code: str, message: str) -> Outcome:
    """A refused op (final: the device shows it to the seller)."""
    printable = "".join(ch for ch in message if ch.isprintable())
    return Outcome("rejected", code, printable[:300])


def _uuid_text(value: Any) -> str:
    """The canonical text of a UUID, or "" for anything else (it never reaches a query)."""
    try:
        return str(uuid.UUID(str(value)))
    except ValueError:
        return ""


@dataclass
class PushContext:
    """One push batch of one device, inside the shop-locked transaction."""

    session: Session
    log: ChangeWriter
    device_id: int
    settings: Settings
    listings: dict[str, Listing | None] = field(default_factory=dict)
    fields: FieldStore = field(init=False)
    movements: dict[str, int] = field(default_factory=dict)
    new_movements: list[tuple[Listing, dict[str, Any]]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.fields = FieldStore(self.session)
        self._ticks = 0

    def server_stamp(self) -> str:
        """A stamp of now for an op without one (increasing within the batch)."""
        self._ticks += 1
        return stamp_at(utcnow(), counter=self._ticks)

    @property
    def seller_id(self) -> int:
        """The shop of the pushing device."""
        return self.log.seller.id

    def prefetch(self, payloads: list[dict[str, Any]]) -> None:
        """Load the batch's listings and known movement UUIDs in two queries."""
        products = {_uuid_text(p.get("product_uuid")) for p in payloads}
        moves = {_uuid_text(p.get("movement_uuid")) for p in payloads}
        products.discard("")
        moves.discard("")
        for listing in self.session.scalars(select(Listing).where(Listing.uuid.in_(products))):
            self.listings[listing.uuid] = listing
        rows = self.session.execute(
            select(StockMovement.uuid, StockMovement.seller_id).where(
                StockMovement.uuid.in_(moves)
            )
        )
        self.movements.update({uuid: seller for uuid, seller in rows})

    def listing(self, product_uuid: str) -> Listing | None:
        """The listing with this UUID (any shop), or None."""
        if product_uuid not in self.listings:
            self.listings[product_uuid] = self.session.scalar(
                select(Listing).where(Listing.uuid == product_uuid)
            )
        return self.listings[product_uuid]

    def write_movements(self) -> None:
        """Flush listings (new ones get ids), then bulk-insert the batch's movements."""
        self.session.flush()
        if self.new_movements:
            rows = [row | {"listing_id": listing.id} for listing, row in self.new_movements]
            bulk_insert(self.session, StockMovement, rows)
            self.new_movements = []

    def new_listing(self, product_uuid: str) -> Listing:
        """Create an (unpublished) listing of this shop (inserted at the next flush)."""
        listing = Listing(uuid=product_uuid, seller_id=self.seller_id, sku="", name="",
                          price=0, unit="pcs", category="", published=False,
                          on_hand_milli=0, reserved_milli=0, updated_at=utcnow())
        self.session.add(listing)
        self.listings[product_uuid] = listing
        return listing
