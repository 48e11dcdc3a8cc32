"""Storefront pages for ordering: checkout, my orders, payment, status (polled), cancel.

An order's pages live under ``/pesanan/<id>/<buyer secret>``: the secret link is the buyer's
only key (pages send ``Referrer-Policy: no-referrer`` so it never leaks to another site).
A wrong secret gives the same 404 as an unknown order, compared in constant time by
``server.orders.placement.buyer_order``.
"""

from __future__ import annotations

import base64
import json
import secrets
from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any

import qrcode
import qrcode.image.svg
from fastapi import APIRouter, Form, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from contract.enums import BUYER_WORDS, PaymentMethod
from server.db import ReadSessionDep
from server.errors import ApiError
from server.models import Seller, utcnow
from server.orders import placement, states
from server.orders.schemas import OrderView, PlacedOrder
from server.ratelimit import client_ip
from server.validation import check_nip, check_phone
from server.web import guard
from server.web.cart import (
    CART_COOKIE,
    FORM_KEY_RE,
    MAX_ORDERS,
    ORDERS_COOKIE,
    Buyer,
    cart_cookie,
    checkout,
    orders_cookie,
    read_cart,
    read_orders,
)
from server.web.pages import nobidi, render, render_error
from server.web.router import _db, _settings, cart_view

router = APIRouter(include_in_schema=False)

FAILED_COOKIE = "pesanan_gagal"

OrderId = Annotated[str, Path(pattern=r"^[0-9a-f-]{36}$")]
Secret = Annotated[str, Path(pattern=r"^[A-Za-z0-9_-]{20,100}$")]

STEPS = ((states.PLACED, "Dipesan"), (states.PAID, "Dibayar"), (states.FULFILLED, "Selesai"))
# The buyer's words of each state, declared with the states in contract.enums.
LABELS = {status.value: word.id for status, word in BUYER_WORDS.items()}


def _order(request: Request, session: Session, order_id: str,
           secret: str) -> OrderView | HTMLResponse:
    """The order behind a link, or the page to answer instead (429 guessing, 404 wrong link)."""
    if (limited := guard.check_secret(request, order_id)) is not None:
        return limited
    try:
        order = placement.buyer_order(session, order_id, secret)
    except ApiError:
        guard.record_miss(request, order_id)
        return _order_404()
    seller = session.get(Seller, order.seller_id)
    return placement.order_view(seller, order) if seller is not None else _order_404()


def _remembered(request: Request, session: Session,
                pairs: list[tuple[str, str]]) -> list[dict[str, Any]] | HTMLResponse:
    """The orders of the ``pesanan`` cookie still found (a 429 page when guessing)."""
    found = []
    for order_id, secret in pairs:
        view = _order(request, session, order_id, secret)
        if isinstance(view, HTMLResponse):
            if view.status_code == 429:
                return view
            continue
        found.append(_context(view, secret))
    return found


def shown_status(view: OrderView, now: datetime | None = None) -> str:
    """The state the buyer sees: an unpaid order past its deadline is already expired."""
    if view.status in states.UNPAID and view.expires_at <= (now or utcnow()):
        return states.EXPIRED
    return view.status


def _qris_image(payload: str | None) -> str | None:
    if not payload:
        return None
    image = qrcode.make(payload, image_factory=qrcode.image.svg.SvgPathImage, border=2)
    svg = image.to_string(encoding="unicode")
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def _context(view: OrderView, secret: str) -> dict[str, Any]:
    status = shown_status(view)
    return {"order": view, "secret": secret, "status": status, "label": LABELS[status],
            "base": f"/pesanan/{view.order_id}/{secret}", "steps": STEPS,
            "unpaid": status in states.UNPAID,
            "done_steps": _done_steps(status)}


def _done_steps(status: str) -> set[str]:
    if status in (states.PAID,):
        return {states.PLACED, states.PAID}
    if status == states.FULFILLED:
        return {states.PLACED, states.PAID, states.FULFILLED}
    return {states.PLACED}


@router.get("/checkout", response_class=HTMLResponse)
def checkout_form(request: Request, session: ReadSessionDep) -> Response:
    """The buyer's details and the payment method, with the orders it will make."""
    groups = cart_view(request, session)
    if not groups:
        return RedirectResponse("/keranjang", status_code=303)
    return render(request, "checkout.html", groups=groups, form={}, errors={},
                  qris=_qris_sellers(session, list(groups)), kunci=secrets.token_urlsafe(24))


def _qris_sellers(session: Session, seller_ids: list[int]) -> dict[int, bool]:
    return {sid: bool(s and s.qris_payload) for sid in seller_ids
            if (s := session.get(Seller, sid)) is not None}


def _clean_text(text: str) -> str | None:
    """A free text of the form with line breaks folded, or None when it holds control or
    bidi characters (the order API refuses those)."""
    folded = " ".join(text.split())
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in folded) or nobidi(folded) != folded:
        return None
    return folded


def _delivery(form: dict[str, str], errors: dict[str, str]) -> tuple[str, str | None, str | None]:
    """Pickup or delivery, the address (required to deliver) and the note."""
    kirim = "antar" if form.get("kirim") == "antar" else "ambil"
    address, note = _clean_text(form.get("alamat", "")), _clean_text(form.get("catatan", ""))
    if address is None or (kirim == "antar" and not address):
        errors["alamat"] = "Tulis alamat pengiriman (jalan, nomor, kelurahan)."
    if note is None:
        errors["catatan"] = "Catatan berisi tanda yang tidak bisa dipakai."
    return kirim, address or None, note or None


def _check_buyer(form: dict[str, str]) -> tuple[Buyer | None, dict[str, str]]:
    errors: dict[str, str] = {}
    nama, hp, nip, bayar = form["nama"], form["hp"], form["nip"], form["bayar"]
    name = nama.strip()
    if not name or any(ord(ch) < 32 or ord(ch) == 127 for ch in name):
        errors["nama"] = "Tulis nama Anda."
    kirim, address, note = _delivery(form, errors)
    phone = nip_value = None
    try:
        phone = check_phone(hp)
    except ApiError as exc:
        errors["hp"] = exc.message
    try:
        nip_value = check_nip(nip)
    except ApiError as exc:
        errors["nip"] = exc.message
    if errors or phone is None:
        return None, errors
    return Buyer(name=name, phone=phone, nip=nip_value,
                 pay_method=PaymentMethod.QRIS if bayar == PaymentMethod.QRIS else PaymentMethod.TRANSFER,
                 fulfilment="antar" if kirim == "antar" else "ambil", address=address,
                 note=note), errors


@router.post("/checkout", response_class=HTMLResponse)
def checkout_submit(
    request: Request, session: ReadSessionDep,
    nama: Annotated[str, Form(max_length=120)] = "",
    hp: Annotated[str, Form(max_length=20)] = "",
    nip: Annotated[str, Form(max_length=40)] = "",
    bayar: Annotated[str, Form(max_length=10)] = PaymentMethod.TRANSFER.value,
    kunci: Annotated[str, Form(max_length=100)] = "",
    kirim: Annotated[str, Form(max_length=10)] = "ambil",
    alamat: Annotated[str, Form(max_length=300)] = "",
    catatan: Annotated[str, Form(max_length=300)] = "",
) -> Response:
    """Place one order per seller; placed sellers leave the cart, failed ones stay."""
    groups = cart_view(request, session)
    if not groups:
        return RedirectResponse("/keranjang", status_code=303)
    if (limited := guard.check_ordering(request)) is not None:
        return limited
    qris = _qris_sellers(session, list(groups))
    form = {"nama": nama, "hp": hp, "nip": nip, "bayar": bayar, "kirim": kirim,
            "alamat": alamat, "catatan": catatan}
    buyer, errors = _check_buyer(form)
    if buyer is None:
        return render(request, "checkout.html", 422, groups=groups, form=form, errors=errors,
                      qris=qris, kunci=kunci if FORM_KEY_RE.match(kunci) else "")
    by_seller = {sid: {(line.item["listing_id"], line.pack): line.milli for line in group.lines}
                 for sid, group in groups.items()}
    session.close()
    result = checkout(_db(request), _settings(request), buyer, by_seller, qris,
                      before_each=lambda: guard.count_order(request),
                      form_key=kunci if FORM_KEY_RE.match(kunci) else None,
                      client_ip=client_ip(request))
    failed = [[groups[sid].shop_name, message] for sid, message in result.failed.items()]
    return _to_result_page(request, result.placed, failed)


def _to_result_page(request: Request, placed: list[PlacedOrder],
                    failed: list[list[str]]) -> RedirectResponse:
    """Post/redirect/get to the result: reloading it must never place the orders again.

    Placed lines leave the cart; the orders are remembered on this phone; the sellers whose
    order failed are shown once (a short-lived cookie).
    """
    cart = read_cart(request)
    for order in placed:
        for line in order.lines:
            cart.pop((line.listing_id, line.pack_name), None)
    new = [(o.order_id, o.buyer_secret) for o in placed]
    response = RedirectResponse(f"/checkout/selesai?baru={len(new)}", status_code=303)
    secure = request.url.scheme == "https"
    response.set_cookie(CART_COOKIE, cart_cookie(cart), max_age=30 * 86400, httponly=True,
                        samesite="lax", secure=secure)
    response.set_cookie(ORDERS_COOKIE, orders_cookie(new, read_orders(request)),
                        max_age=90 * 86400, httponly=True, samesite="lax", secure=secure)
    if failed:
        flash = base64.urlsafe_b64encode(json.dumps(failed).encode()).decode()[:3000]
        response.set_cookie(FAILED_COOKIE, flash, max_age=600, httponly=True, samesite="lax",
                            secure=secure, path="/checkout/selesai")
    return response


@router.get("/checkout/selesai", response_class=HTMLResponse)
def checkout_done(request: Request, session: ReadSessionDep,
                  baru: Annotated[int, Query(ge=0, le=MAX_ORDERS)] = 0) -> HTMLResponse:
    """The orders just placed (the newest ``baru`` of this phone) and the sellers that failed."""
    placed = _remembered(request, session, read_orders(request)[:baru])
    if isinstance(placed, HTMLResponse):
        return placed
    response = render(request, "placed.html", placed=placed, failed=_failed(request))
    response.delete_cookie(FAILED_COOKIE, path="/checkout/selesai")
    return response


def _failed(request: Request) -> list[tuple[str, str]]:
    try:
        data = json.loads(base64.urlsafe_b64decode(request.cookies.get(FAILED_COOKIE, "W10=")))
    except ValueError:
        return []
    if not isinstance(data, list):
        return []
    return [(str(x[0]), str(x[1])) for x in data
            if isinstance(x, list) and len(x) == 2][:MAX_ORDERS]


@router.get("/pesanan-saya", response_class=HTMLResponse)
def my_orders(request: Request, session: ReadSessionDep) -> HTMLResponse:
    """The orders placed from this phone (remembered in a cookie)."""
    found = _remembered(request, session, read_orders(request))
    if isinstance(found, HTMLResponse):
        return found
    return render(request, "my_orders.html", orders=found)


@router.get("/pesanan/{order_id}/{secret}/bayar", response_class=HTMLResponse)
def pay_page(request: Request, order_id: OrderId, secret: Secret,
             session: ReadSessionDep) -> HTMLResponse:
    """Where and exactly how much to pay, until when."""
    return _order_page(request, session, order_id, secret, "pay.html",
                       lambda view: {"qris_image": _qris_image(view.qris_payload)})


@router.get("/pesanan/{order_id}/{secret}", response_class=HTMLResponse)
def status_page(request: Request, order_id: OrderId, secret: Secret,
                session: ReadSessionDep) -> HTMLResponse:
    """The order's state, updating by itself (``web.js`` polls the part below)."""
    return _order_page(request, session, order_id, secret, "status.html")


@router.get("/pesanan/{order_id}/{secret}/bagian-status", response_class=HTMLResponse)
def status_part(request: Request, order_id: OrderId, secret: Secret,
                session: ReadSessionDep) -> HTMLResponse:
    """The status block alone, for polling."""
    return _order_page(request, session, order_id, secret, "_status.html")


def _order_page(request: Request, session: Session, order_id: str, secret: str, template: str,
                extra: Callable[[OrderView], dict[str, Any]] = lambda _view: {}) -> HTMLResponse:
    """``template`` for the order behind its secret link (the 404/429 page when not found)."""
    view = _order(request, session, order_id, secret)
    if isinstance(view, HTMLResponse):
        return view
    return render(request, template, **extra(view), **_context(view, secret))


def buyer_action(request: Request, order_id: str, secret: str, failed: str,
                 action: Callable[[Session], object]) -> Response:
    """A buyer's button on the order page: ``action`` in one write transaction, then back.

    Wrong secrets are counted (and limited) like every order link; a refusal shows ``failed``
    as the page title with the reason.
    """
    if (limited := guard.check_secret(request, order_id)) is not None:
        return limited
    try:
        with _db(request).write_sessions() as session, session.begin():
            action(session)
    except ApiError as exc:
        if exc.status == 404:
            guard.record_miss(request, order_id)
            return _order_404()
        return render_error(exc.status, failed, exc.message)
    return RedirectResponse(f"/pesanan/{order_id}/{secret}", status_code=303)


@router.post("/pesanan/{order_id}/{secret}/batal")
def cancel(request: Request, order_id: OrderId, secret: Secret) -> Response:
    """Cancel an unpaid order, then back to its status page."""
    return buyer_action(request, order_id, secret, "Tidak bisa dibatalkan",
                        lambda session: placement.cancel(session, order_id, secret))


def _order_404() -> HTMLResponse:
    return render_error(404, "Pesanan tidak ditemukan",
                        "Tautan pesanan ini salah atau tidak lengkap. Buka tautan yang Anda "
                        "terima saat memesan, atau lihat Pesanan saya.")

