"""Applying pushed ops: listings, stock movements and order moves of one shop.

Each handler returns an :class:`Outcome`; nothing here raises for a bad op —
a bad op is *rejected* with a code and an Indonesian message and stored like
any other result, so a replay gets the same answer.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError

from contract.books import RECORD as BOOK_RECORD
from contract.pricing import RECORD as PRICING_RECORD
from contract.quantity import QuantityError, milli_text, wire_milli
from contract.sync import (
    OP_PAYLOADS,
    PUBLIC_FIELDS,
    SHOP_PROFILE,
    ListingPayload,
    MovementPayload,
    OrderRef,
    OrderReject,
    PaymentConfirm,
    ProductEditPayload,
)
from server.models import Listing, Order, utcnow
from server.orders import states
from server.orders.service import add_turnover, apply_move
from server.photos import PhotoError, clean_photo
from server.sellers.profile import apply_profile
from server.sync.books import relay_pricing, relay_record
from server.sync.context import Outcome, PushContext, rejected
from server.sync.fields import Stamped, from_payload, too_far_ahead

FOREIGN_LISTING = rejected("listing_foreign", "Produk ini terdaftar milik toko lain.")


def _decode_photo(data: str, limit: int) -> bytes | Outcome:
    try:
        raw = base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        return rejected("invalid_photo", "Foto harus berupa base64 yang sah.")
    if len(raw) > limit:
        return rejected("photo_too_large", f"Foto terlalu besar (maksimal {limit // 1024} KB).")
    try:
        return clean_photo(raw, limit)  # sniffed, re-encoded as a plain JPEG
    except PhotoError as exc:
        return rejected("invalid_photo", str(exc))


def _relay_fields(ctx: PushContext, key: str, listing: Listing, incoming: Stamped,
                  extra: dict[str, Any] | None = None) -> Outcome:
    """Merge stamped fields; relay the winners (if any) as one ``product.fields`` change."""
    if too_far_ahead(incoming, utcnow()):
        return rejected("clock_ahead", "Jam perangkat ini lebih dari sehari di depan jam "
                                       "server; betulkan jam lalu kirim ulang.")
    winners = ctx.fields.merge(listing, incoming)
    if not winners and not extra:
        return Outcome("acknowledged")
    payload = {"product_uuid": key, "fields": winners} | (extra or {})
    return Outcome("acknowledged", change_seq=ctx.log.append("product.fields", payload,
                                                             ctx.device_id))


def upsert_listing(ctx: PushContext, p: ListingPayload) -> Outcome:
    """An old-style full listing: an edit of all its public fields made at the op's stamp
    (or, from outboxes older than stamps, when it reached the server)."""
    key = str(p.product_uuid)
    listing = ctx.listing(key)
    if listing is not None and listing.seller_id != ctx.seller_id:
        return FOREIGN_LISTING
    photo_changed = "photo" in p.model_fields_set
    photo: bytes | None = None
    if photo_changed and p.photo:
        decoded = _decode_photo(p.photo, ctx.settings.max_photo_bytes)
        if isinstance(decoded, Outcome):
            return decoded
        photo = decoded
    hlc = p.hlc or ctx.server_stamp()
    incoming: Stamped = {name: (getattr(p, name), hlc) for name in PUBLIC_FIELDS}
    if p.price <= 0:
        del incoming["price"]
    listing = listing or ctx.new_listing(key)
    if photo_changed:
        listing.photo = photo
    return _relay_fields(ctx, key, listing, incoming,
                         {"photo_changed": True} if photo_changed else None)


def edit_product(ctx: PushContext, p: ProductEditPayload) -> Outcome:
    """``product.edit``: the changed fields of a product, merged per field by HLC."""
    key = str(p.product_uuid)
    incoming = from_payload(p.fields)
    if not incoming:
        return rejected("no_fields", "Perubahan produk tanpa satu kolom pun.")
    listing = ctx.listing(key)
    if listing is not None and listing.seller_id != ctx.seller_id:
        return FOREIGN_LISTING
    return _relay_fields(ctx, key, listing or ctx.new_listing(key), incoming)


def add_movement(ctx: PushContext, p: MovementPayload) -> Outcome:
    """Merge a stock movement into the ledger exactly once (by its UUID)."""
    key, product = str(p.movement_uuid), str(p.product_uuid)
    owner = ctx.movements.get(key)
    if owner is not None:
        if owner != ctx.seller_id:
            return rejected("movement_foreign", "UUID mutasi stok ini sudah dipakai toko lain.")
        return Outcome("duplicate", "movement_known", "Mutasi stok ini sudah tercatat.")
    try:
        milli = wire_milli(p.qty)
    except QuantityError as exc:
        return rejected("invalid_payload", str(exc))
    listing = ctx.listing(product)
    if listing is not None and listing.seller_id != ctx.seller_id:
        return FOREIGN_LISTING
    listing = listing or ctx.new_listing(product)
    ctx.new_movements.append((listing, {
        "uuid": key, "seller_id": ctx.seller_id, "qty_milli": milli, "kind": p.kind,
        "created_at": p.created_at, "device_id": ctx.device_id}))
    ctx.movements[key] = ctx.seller_id
    listing.on_hand_milli += milli
    payload = {
        "movement_uuid": key, "product_uuid": product, "qty": milli_text(milli),
        "kind": p.kind, "created_at": p.created_at.isoformat(),
        "on_hand": milli_text(listing.on_hand_milli),
    }
    return Outcome("acknowledged", change_seq=ctx.log.append("stock.movement", payload,
                                                             ctx.device_id))


def _order_move(ctx: PushContext, action: str, order_id: str,
                prepare: Callable[[Order], Outcome | None] | None = None) -> Outcome:
    """Check ownership and the state machine, then move the order."""
    # The batch runs with autoflush off: write what earlier ops of this batch changed
    # (the order's status, this month's turnover row) before reading the order again.
    ctx.session.flush()
    order = ctx.session.get(Order, order_id, populate_existing=True)
    if order is None or order.seller_id != ctx.seller_id:
        return rejected("order_not_found", "Pesanan tidak ditemukan di toko ini.")
    move = states.MOVES[action]
    if states.is_already_done(move, order.status):
        return Outcome("duplicate", "already_done",
                       f"Pesanan sudah berstatus '{states.STATUS_LABELS[order.status]}'.")
    if order.status not in move.sources:
        return rejected("illegal_transition", states.refusal_message(move, order.status))
    if prepare is not None and (refusal := prepare(order)) is not None:
        return refusal
    return Outcome("acknowledged", change_seq=apply_move(ctx.session, ctx.log, order, move,
                                                         ctx.device_id))


def accept(ctx: PushContext, p: OrderRef) -> Outcome:
    """``order.accept``: placed → awaiting_payment."""
    return _order_move(ctx, "accept", str(p.order_id))


def fulfil(ctx: PushContext, p: OrderRef) -> Outcome:
    """``order.fulfil``: paid → fulfilled (the reservation is released)."""
    return _order_move(ctx, "fulfil", str(p.order_id))


def reject(ctx: PushContext, p: OrderReject) -> Outcome:
    """``order.reject``: placed/awaiting_payment → rejected, with the seller's reason."""

    def prepare(order: Order) -> None:
        order.reason = p.reason or "Ditolak penjual"

    return _order_move(ctx, "reject", str(p.order_id), prepare)


def confirm_payment(ctx: PushContext, p: PaymentConfirm) -> Outcome:
    """``order.confirm_payment``: awaiting_payment → paid; counts in the monthly turnover."""

    def prepare(order: Order) -> Outcome | None:
        if p.amount < order.total:
            return rejected("payment_short", f"Pembayaran Rp{p.amount} kurang dari total "
                                             f"pesanan Rp{order.total}.")
        order.paid_amount, order.payment_reference = p.amount, p.reference
        order.paid_at = p.confirmed_at
        add_turnover(ctx.session, order, p.confirmed_at)
        return None

    return _order_move(ctx, "confirm_payment", str(p.order_id), prepare)


Handler = tuple[type[BaseModel], Callable[[PushContext, Any], Outcome]]
APPLY: dict[str, Callable[[PushContext, Any], Outcome]] = {
    "listing.upsert": upsert_listing,
    "product.edit": edit_product,
    "stock.movement": add_movement,
    "order.accept": accept,
    "order.reject": reject,
    "order.confirm_payment": confirm_payment,
    "order.fulfil": fulfil,
    SHOP_PROFILE: apply_profile,
    BOOK_RECORD: relay_record,
    PRICING_RECORD: relay_pricing,
}
HANDLERS: dict[str, Handler] = {kind: (OP_PAYLOADS[kind], apply) for kind, apply in APPLY.items()}
"""Each op kind: its payload model from the contract (:data:`contract.sync.OP_PAYLOADS`) and
the function that applies it."""


def apply_op(ctx: PushContext, kind: str, payload: dict[str, Any]) -> Outcome:
    """Validate the payload for its kind and apply it."""
    handler = HANDLERS.get(kind)
    if handler is None:
        return rejected("unknown_kind", f"Jenis op '{kind[:40]}' tidak dikenal server.")
    model, apply = handler
    try:
        parsed = model.model_validate(payload)
    except PydanticValidationError as exc:
        where = ", ".join(".".join(str(x) for x in e["loc"]) for e in exc.errors()[:5])
        return rejected("invalid_payload", f"Isi op tidak valid: periksa {where}.")
    return apply(ctx, parsed)
