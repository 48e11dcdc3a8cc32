"""The per-shop change log and its gap-free counter.

Every transaction that writes to a shop's change log first locks the shop's
row (:func:`lock_shop`: ``SELECT ... FOR UPDATE`` on PostgreSQL; on SQLite the
write transaction already holds the database's write lock from ``BEGIN
IMMEDIATE``). The counter is taken from that row and written back in the same
transaction, so change ``n + 1`` can only commit after change ``n`` committed:
a reader paging with ``since`` can never step over a change that commits later.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, exists, literal, select
from sqlalchemy.orm import Session

from contract.changes import CHANGE_PAYLOADS
from server.errors import not_found
from server.models import Change, Order, Seller, bulk_insert, utcnow
from server.orders.states import UNPAID


def lock_shop(session: Session, seller_id: int) -> Seller:
    """Lock and return the shop's row for the rest of the transaction."""
    return _lock(session, seller_id, None)[0]


def _orders_due(seller_id: int, due_at: datetime | None) -> ColumnElement[bool]:
    """Whether the shop has unpaid orders whose time ran out by ``due_at`` (true if None)."""
    if due_at is None:
        return literal(True)
    return exists().where(Order.seller_id == seller_id, Order.status.in_(sorted(UNPAID)),
                          Order.expires_at <= due_at)


def _lock(session: Session, seller_id: int, due_at: datetime | None) -> tuple[Seller, bool]:
    """The locked shop row, and (read by the same statement) whether orders are due."""
    row = session.execute(
        select(Seller, _orders_due(seller_id, due_at).label("due"))
        .where(Seller.id == seller_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).first()
    if row is None:
        raise not_found("seller_not_found", "Penjual tidak ditemukan.")
    return row[0], bool(row[1])


@dataclass
class ChangeWriter:
    """Appends changes to one locked shop's log inside the current transaction."""

    session: Session
    seller: Seller
    buffered: bool = False
    orders_due: bool = True  # unpaid orders may have run out (see open_log's due_at)
    pending: list[dict[str, Any]] = field(default_factory=list)

    def append(self, kind: str, payload: dict[str, Any], origin_device_id: int | None) -> int:
        """Add one change with the next sequence number and return that number.

        The payload of a kind devices apply is checked with the contract's model first
        (:data:`contract.changes.CHANGE_PAYLOADS`, the shape the device checks on pull): a
        change no device could read is never logged. A buffered writer keeps the rows until
        :meth:`write_pending` (one bulk INSERT for a whole push batch); otherwise the row
        joins the session now.
        """
        model = CHANGE_PAYLOADS.get(kind)
        if model is not None:
            model.model_validate(payload)
        self.seller.change_seq += 1
        row = {"seller_id": self.seller.id, "seq": self.seller.change_seq, "kind": kind,
               "payload": payload, "origin_device_id": origin_device_id, "created_at": utcnow()}
        if self.buffered:
            self.pending.append(row)
        else:
            self.session.add(Change(**row))
        return self.seller.change_seq

    def write_pending(self) -> None:
        """Insert the buffered changes (same transaction, still under the shop lock)."""
        if self.pending:
            bulk_insert(self.session, Change, self.pending)
            self.pending = []


def open_log(session: Session, seller_id: int, *, due_at: datetime | None = None) -> ChangeWriter:
    """Lock the shop and return a writer for its change log.

    With ``due_at`` the locking statement also reads whether any unpaid order of the shop
    ran out by then (:attr:`ChangeWriter.orders_due`), so a caller that expires orders
    on every write skips the query for them when none is due.
    """
    seller, due = _lock(session, seller_id, due_at)
    return ChangeWriter(session, seller, orders_due=due)


def read_changes(session: Session, seller_id: int, since: int, limit: int) -> list[Change]:
    """Up to ``limit + 1`` changes with ``seq > since``, in order."""
    return list(
        session.scalars(
            select(Change)
            .where(Change.seller_id == seller_id, Change.seq > since)
            .order_by(Change.seq)
            .limit(limit + 1)
        )
    )
