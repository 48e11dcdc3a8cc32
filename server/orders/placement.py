"""A buyer places, reads and cancels an order."""

from __future__ import annotations

import hmac
import secrets
import uuid
from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from contract.datetimes import month_key
from contract.enums import PaymentMethod
from contract.qris import MAX_AMOUNT as QRIS_MAX_AMOUNT
from contract.qris import QrisError, to_dynamic
from contract.quantity import QuantityError, milli_text, wire_milli
from contract.sync import Offer
from server.changelog import open_log
from server.config import Settings
from server.errors import ApiError, conflict, invalid, not_found
from server.models import Listing, Order, OrderLine, Seller, utcnow
from server.orders import idempotency, pricing, states
from server.orders.schemas import BankAccountView, OrderIn, OrderLineOut, OrderView, PlacedOrder
from server.orders.service import apply_move, expire_due, is_visible, order_payload
from server.schemas import MAX_RUPIAH
from server.security import hash_secret
from server.sellers.service import hold_minutes, turnover
from server.validation import check_nip, check_phone

ORDER_NOT_FOUND = "Pesanan tidak ditemukan atau kode rahasia pembeli salah."


Want = tuple[str, str]  # (listing UUID, pack name; "" for the base unit)


def _wanted(body: OrderIn) -> dict[Want, int]:
    """Quantities per listing UUID and pack (repeated lines summed), in thousandths."""
    wanted: dict[Want, int] = {}
    for i, line in enumerate(body.lines):
        try:
            milli = wire_milli(str(line.qty))
        except QuantityError as exc:
            raise invalid("invalid_qty", str(exc), f"lines.{i}.qty") from exc
        if milli <= 0:
            raise invalid("invalid_qty", "Jumlah pesanan harus lebih dari 0.", f"lines.{i}.qty")
        key = (line.listing_id.lower(), (line.pack or "").strip())
        wanted[key] = wanted.get(key, 0) + milli
    return wanted


def _available(listing: Listing, settings: Settings) -> int:
    buffer = int(settings.safety_buffer * 1000)
    return listing.on_hand_milli - listing.reserved_milli - buffer


def _line(listing: Listing, offer: Offer | None, pack: str, milli: int) -> OrderLine:
    """One order line priced by the server (tier, pack); its ``qty_milli`` in base units."""
    try:
        priced = pricing.price_for(offer, listing.price, listing.unit, pack, milli)
    except pricing.PackUnknown:
        raise invalid("pack_not_found", f"Kemasan '{pack}' tidak dijual untuk "
                      f"'{listing.name}'.", "lines") from None
    base = priced.base_milli(milli)
    if base is None:
        raise invalid("invalid_qty", f"Jumlah {pack} '{listing.name}' terlalu rinci.", "lines")
    return OrderLine(listing_id=listing.id, listing_uuid=listing.uuid, name=listing.name,
                     unit=listing.unit, price=priced.price, qty_milli=base,
                     line_total=priced.total(milli), pack_name=priced.pack,
                     pack_factor_milli=priced.factor_milli, price_note=priced.note)


def _check_stock(listing: Listing, base: int, settings: Settings) -> None:
    """The listing's whole quantity (units and packs, in base units) against its minimum
    order and what is available."""
    if base < listing.min_order_milli:
        raise invalid("below_min_order", f"Pembelian '{listing.name}' minimal "
                      f"{milli_text(listing.min_order_milli)} {listing.unit}.", "lines")
    if base > _available(listing, settings):
        left = milli_text(max(_available(listing, settings), 0))
        raise conflict(
            "insufficient_stock", f"Stok '{listing.name}' tidak cukup: tersedia {left}."
        )


def _build_lines(
    session: Session, seller: Seller, wanted: dict[Want, int], settings: Settings
) -> list[OrderLine]:
    """Check every wanted listing is published and available, and make the priced lines."""
    uuids = {key for key, _pack in wanted}
    found = {
        x.uuid: x
        for x in session.scalars(
            select(Listing).where(Listing.seller_id == seller.id, Listing.uuid.in_(uuids))
        )
    }
    offers = pricing.offers_of(session, found)
    lines, base = [], dict.fromkeys(uuids, 0)
    for (key, pack), milli in wanted.items():
        listing = found.get(key)
        if listing is None or not listing.published or listing.hidden_reason is not None:
            raise not_found("listing_not_found", f"Produk {key} tidak dijual oleh penjual ini.")
        lines.append(_line(listing, offers.get(key), pack, milli))
        base[key] += lines[-1].qty_milli
    for key, milli in base.items():
        _check_stock(found[key], milli, settings)
    return lines


def _unique_code(session: Session, seller_id: int) -> int:
    """A code 1–999 not used by any unpaid order of this seller."""
    used = set(
        session.scalars(
            select(Order.unique_code).where(
                Order.seller_id == seller_id, Order.status.in_(states.UNPAID)
            )
        )
    )
    free = [code for code in range(1, 1000) if code not in used]
    if not free:
        raise conflict(
            "too_many_open_orders",
            "Penjual sedang punya terlalu banyak pesanan yang belum dibayar. Coba lagi nanti.",
        )
    return secrets.choice(free)


def _check_cap_room(session: Session, seller_id: int, total: int, cap: int) -> None:
    """409 when this one order would take the seller past this month's turnover cap."""
    room = cap - turnover(session, seller_id, month_key(utcnow()))
    if total > room:
        raise conflict(
            "over_turnover_cap",
            f"Pesanan ini melebihi sisa batas omzet online penjual bulan ini "
            f"(sisa Rp{max(room, 0):,}). Kurangi jumlahnya.".replace(",", "."),
        )


def _check_open_orders_ip(session: Session, seller_id: int, ip_hash: str | None,
                          cap: int) -> None:
    """409 when this client address already has ``cap`` unpaid orders at this seller (a flood
    with made-up phone numbers from one address cannot use up the seller's unique codes)."""
    if cap <= 0 or ip_hash is None:
        return
    open_orders = session.scalar(
        select(func.count()).select_from(Order).where(
            Order.seller_id == seller_id, Order.client_ip_hash == ip_hash,
            Order.status.in_(states.UNPAID)))
    if (open_orders or 0) >= cap:
        raise conflict(
            "too_many_open_orders_ip",
            "Terlalu banyak pesanan belum dibayar dari sambungan ini di penjual ini. "
            "Bayar atau batalkan dulu pesanan sebelumnya.",
        )


def _check_open_orders(session: Session, seller_id: int, phone: str, cap: int) -> None:
    """409 when this phone number already has ``cap`` unpaid orders at this seller."""
    if cap <= 0:
        return
    open_orders = session.scalar(
        select(func.count()).select_from(Order).where(
            Order.seller_id == seller_id, Order.phone == phone, Order.status.in_(states.UNPAID)))
    if (open_orders or 0) >= cap:
        raise conflict(
            "too_many_open_orders_buyer",
            f"Nomor HP ini sudah punya {cap} pesanan yang belum dibayar di penjual ini. "
            "Bayar atau batalkan dulu pesanan itu.",
        )


def _qris_for(seller: Seller, amount_due: int) -> str:
    if not seller.qris_payload:
        raise conflict("qris_unavailable", "Penjual ini belum menyediakan QRIS; pilih transfer.")
    if amount_due > QRIS_MAX_AMOUNT:
        raise invalid("qris_limit", "Pembayaran QRIS maksimal Rp10.000.000; pilih transfer.")
    try:
        return to_dynamic(seller.qris_payload, amount_due)
    except QrisError as exc:
        raise conflict("qris_unavailable", f"QRIS penjual tidak bisa dipakai: {exc}") from exc


def place(session: Session, settings: Settings, body: OrderIn,
          key: str | None = None, client_ip: str | None = None) -> PlacedOrder:
    """Check availability, reserve stock, pick the unique code and log the new order.

    With an idempotency ``key`` already used for this body, the order placed then is
    returned again, unchanged (see :mod:`server.orders.idempotency`). ``client_ip`` (the
    buyer's address) counts against the per-address cap of unpaid orders at a seller.
    """
    phone, nip = check_phone(body.phone), check_nip(body.nip)
    wanted = _wanted(body)
    log = open_log(session, body.seller_id)  # serializes the seller's orders (and same keys)
    seller, now = log.seller, utcnow()
    earlier = idempotency.known_order(session, key, body) if key else None
    if earlier is not None and key:
        return _placed(seller, earlier, idempotency.secret_for(key))
    expire_due(session, log, now)
    if not is_visible(session, seller, settings.turnover_cap):
        raise conflict("seller_unavailable", "Penjual ini sedang tidak menerima pesanan.")
    _check_open_orders(session, seller.id, phone, settings.max_open_orders_per_phone)
    ip_hash = hash_secret(f"ip:{client_ip}") if client_ip else None
    _check_open_orders_ip(session, seller.id, ip_hash, settings.max_open_orders_per_ip)
    lines = _build_lines(session, seller, wanted, settings)
    total = sum(line.line_total for line in lines)
    if total <= 0:
        raise invalid("empty_order", "Total pesanan harus lebih dari Rp0.", "lines")
    if body.fulfilment == "antar" and not (body.address or "").strip():
        raise invalid("address_required", "Tulis alamat pengiriman.", "address")
    if total > MAX_RUPIAH:
        raise invalid("order_too_large", "Total pesanan terlalu besar untuk satu pesanan.", "lines")
    _check_cap_room(session, seller.id, total, settings.turnover_cap)
    code = _unique_code(session, seller.id)
    secret = idempotency.secret_for(key) if key else secrets.token_urlsafe(32)
    order = Order(
        id=str(uuid.uuid4()), seller_id=seller.id, buyer_name=body.buyer_name, phone=phone,
        nip=nip, pay_method=body.pay_method, status=states.PLACED, total=total,
        unique_code=code, amount_due=total + code, secret_hash=hash_secret(secret),
        created_at=now, updated_at=now,
        expires_at=now + timedelta(minutes=hold_minutes(seller, settings)),
        fulfilment=body.fulfilment, address=(body.address or "").strip() or None,
        buyer_note=(body.note or "").strip() or None, client_ip_hash=ip_hash,
    )
    order.lines = lines
    for line in lines:
        listing = session.get(Listing, line.listing_id)
        assert listing is not None
        listing.reserved_milli += line.qty_milli
    session.add(order)
    session.flush()
    if key:
        idempotency.remember(session, key, body, order)
    log.append("order.placed", order_payload(order), None)
    return _placed(seller, order, secret)


def _placed(seller: Seller, order: Order, secret: str) -> PlacedOrder:
    """The answer to a placement: the order, where to pay, and the buyer secret."""
    qris = _qris_for(seller, order.amount_due) if order.pay_method == PaymentMethod.QRIS else None
    view = order_view(seller, order, qris)
    return PlacedOrder(**view.model_dump(), buyer_secret=secret)


def order_view(seller: Seller, order: Order, qris: str | None = None) -> OrderView:
    """The buyer's view of an order, with where and how much to pay."""
    bank = None
    if order.pay_method == PaymentMethod.TRANSFER and seller.bank_accounts:
        shown = seller.shown_account or 0  # the account the seller chose to show buyers
        first = seller.bank_accounts[shown if shown < len(seller.bank_accounts) else 0]
        bank = BankAccountView(bank=first.bank, number=first.number, holder=first.holder)
    if order.pay_method == PaymentMethod.QRIS and qris is None and seller.qris_payload:
        try:
            qris = to_dynamic(seller.qris_payload, order.amount_due)
        except QrisError:
            qris = None
    return OrderView(
        order_id=order.id, seller_id=seller.id, shop_name=seller.shop_name, status=order.status,
        pay_method=order.pay_method,
        lines=[line_out(x) for x in order.lines],
        total=order.total, unique_code=order.unique_code, amount_due=order.amount_due,
        bank_account=bank, qris_payload=qris, created_at=order.created_at,
        expires_at=order.expires_at, paid_at=order.paid_at, reason=order.reason,
        fulfilment=order.fulfilment or "ambil", address=order.address, note=order.buyer_note,
        buyer_paid_at=order.buyer_paid_at,
    )


def line_out(line: OrderLine) -> OrderLineOut:
    """A line as the buyer reads it: ``2 dus (80 pcs)`` at the pack's (or tier's) price."""
    factor = line.pack_factor_milli or pricing.UNIT
    ordered = line.qty_milli * pricing.UNIT // factor if line.pack_name else line.qty_milli
    base = f"{pricing.qty_words(line.qty_milli)} {line.unit}"
    label = f"{pricing.qty_words(ordered)} {line.pack_name} ({base})" if line.pack_name else base
    return OrderLineOut(listing_id=line.listing_uuid, name=line.name, unit=line.unit,
                        price=line.price, qty=milli_text(ordered), line_total=line.line_total,
                        pack_name=line.pack_name or "",
                        pack_factor=milli_text(factor) if line.pack_name else None,
                        base_qty=milli_text(line.qty_milli), qty_label=label,
                        price_note=line.price_note or "")


def buyer_order(session: Session, order_id: str, secret: str | None) -> Order:
    """The order if ``secret`` is its buyer secret; otherwise the same 404 either way."""
    order = session.get(Order, order_id)
    if order is None or not secret:
        raise not_found("order_not_found", ORDER_NOT_FOUND)
    if not hmac.compare_digest(order.secret_hash, hash_secret(secret)):
        raise not_found("order_not_found", ORDER_NOT_FOUND)
    return order


def cancel(session: Session, order_id: str, secret: str | None) -> OrderView:
    """The buyer cancels an unpaid order; the reservation is released."""
    order = buyer_order(session, order_id, secret)
    log = open_log(session, order.seller_id)
    session.refresh(order)
    move = states.MOVES["cancel"]
    if order.status not in move.sources:
        raise ApiError(409, "illegal_transition", states.refusal_message(move, order.status))
    order.reason = "Dibatalkan pembeli"
    apply_move(session, log, order, move, None)
    return order_view(log.seller, order)
