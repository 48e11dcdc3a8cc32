"""Push, pull and snapshot for a shop's devices."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from contract.changes import ChangeOut, ChangesOut, ListingOut, SnapshotOut
from contract.quantity import milli_text
from contract.sync import OpResult, PushIn, PushOut
from server.changelog import open_log, read_changes
from server.config import Settings
from server.errors import ApiError, not_found
from server.models import Device, Listing, Order, ProcessedOp, Seller, bulk_insert, utcnow
from server.orders import states
from server.orders.service import expire_due, order_payload, status_payload
from server.security import DeviceAuth
from server.sync.context import Outcome, PushContext
from server.sync.fields import field_map, with_legacy
from server.sync.ops import apply_op

PROCESSED_COLUMNS = ("seller_id", "op_id", "device_id", "seq", "kind", "status", "code",
                     "message", "change_seq", "processed_at")


def _stored_result(op: ProcessedOp) -> OpResult:
    return OpResult(op_id=op.op_id, status=op.status, code=op.code,  # type: ignore[arg-type]
                    message=op.message, change_seq=op.change_seq, replayed=True)


def push(session: Session, settings: Settings, auth: DeviceAuth, body: PushIn) -> PushOut:
    """Apply a batch in order; a known ``op_id`` gets its stored result and no new effect."""
    if len(body.ops) > settings.max_ops_per_push:
        raise ApiError(413, "batch_too_large",
                       f"Maksimal {settings.max_ops_per_push} op per kiriman.")
    now = utcnow()
    log = open_log(session, auth.seller_id, due_at=now)
    if log.orders_due:
        expire_due(session, log, now)
    log.buffered = True
    keys = [str(op.op_id) for op in body.ops]
    stored = {
        op.op_id: op
        for op in session.scalars(
            select(ProcessedOp).where(ProcessedOp.seller_id == auth.seller_id,
                                      ProcessedOp.op_id.in_(keys))
        )
    }
    ctx = PushContext(session, log, auth.device_id, settings)
    ctx.prefetch([op.payload for op in body.ops if str(op.op_id) not in stored])
    results: list[OpResult] = []
    records: list[dict[str, Any]] = []
    with session.no_autoflush:
        for op, key in zip(body.ops, keys, strict=True):
            if key in stored:
                results.append(_stored_result(stored[key]))
                continue
            outcome: Outcome = apply_op(ctx, op.kind, op.payload)
            record = ProcessedOp(seller_id=auth.seller_id, op_id=key, device_id=auth.device_id,
                                 seq=op.seq, kind=op.kind, status=outcome.status,
                                 code=outcome.code, message=outcome.message,
                                 change_seq=outcome.change_seq, processed_at=utcnow())
            records.append({c: getattr(record, c) for c in PROCESSED_COLUMNS})
            stored[key] = record
            results.append(OpResult(op_id=key, status=outcome.status,  # type: ignore[arg-type]
                                    code=outcome.code, message=outcome.message,
                                    change_seq=outcome.change_seq))
    _note_device_seq(session, auth.device_id, [op.seq for op in body.ops])
    ctx.write_movements()
    log.write_pending()
    if records:
        bulk_insert(session, ProcessedOp, records)
    return PushOut(results=results, change_seq=log.seller.change_seq)


def _note_device_seq(session: Session, device_id: int, seqs: list[int]) -> None:
    """Raise the device's highest seq seen (one UPDATE, no read first)."""
    if seqs:
        top = max(seqs)
        session.execute(update(Device).where(Device.id == device_id, Device.last_seq < top)
                        .values(last_seq=top).execution_options(synchronize_session=False))


def changes(session: Session, seller_id: int, since: int, limit: int) -> ChangesOut:
    """A page of the shop's change log after ``since``."""
    rows = read_changes(session, seller_id, since, limit)
    page = rows[:limit]
    return ChangesOut(
        changes=[
            ChangeOut(seq=c.seq, kind=c.kind, payload=c.payload,
                      origin_device_id=c.origin_device_id, created_at=c.created_at)
            for c in page
        ],
        next=page[-1].seq if page else since,
        more=len(rows) > limit,
    )


def listing_out(listing: Listing, fields: dict[str, dict[str, Any]] | None = None) -> ListingOut:
    """A listing with its stock and every shared field, for the owning shop only."""
    return ListingOut(
        product_uuid=listing.uuid, sku=listing.sku, name=listing.name, price=listing.price,
        unit=listing.unit, category=listing.category, published=listing.published,
        has_photo=listing.photo is not None, on_hand=milli_text(listing.on_hand_milli),
        reserved=milli_text(listing.reserved_milli), updated_at=listing.updated_at,
        fields=with_legacy(listing, fields or {}),
    )


def snapshot(session: Session, seller_id: int) -> SnapshotOut:
    """All listings, on-hand, open orders and the counter, read in one consistent snapshot."""
    seller = session.get(Seller, seller_id)
    if seller is None:
        raise not_found("seller_not_found", "Toko tidak ditemukan.")
    listings = list(session.scalars(
        select(Listing).where(Listing.seller_id == seller_id).order_by(Listing.id)
    ))
    fields = field_map(session, [x.uuid for x in listings])
    orders = session.scalars(
        select(Order).where(Order.seller_id == seller_id, Order.status.in_(states.RESERVING))
        .order_by(Order.created_at)
    )
    return SnapshotOut(
        shop_id=seller.id, shop_name=seller.shop_name, status=seller.status,
        change_seq=seller.change_seq, listings=[listing_out(x, fields[x.uuid]) for x in listings],
        open_orders=[order_payload(o) | status_payload(o) for o in orders],
    )


def shop_order(session: Session, seller_id: int, order_id: str) -> dict[str, object]:
    """One order of the shop (404 for another shop's order)."""
    order = session.get(Order, order_id)
    if order is None or order.seller_id != seller_id:
        raise not_found("order_not_found", "Pesanan tidak ditemukan di toko ini.")
    return order_payload(order) | status_payload(order)


def shop_listing(session: Session, seller_id: int, product_uuid: str) -> ListingOut:
    """One listing of the shop (404 for another shop's listing)."""
    listing = session.scalar(select(Listing).where(Listing.uuid == product_uuid.lower()))
    if listing is None or listing.seller_id != seller_id:
        raise not_found("listing_not_found", "Produk tidak ditemukan di toko ini.")
    return listing_out(listing, field_map(session, [listing.uuid])[listing.uuid])
