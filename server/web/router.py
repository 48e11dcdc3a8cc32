"""Storefront pages for browsing: home and search, product, seller, cart, static files."""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import APIRouter, Form, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from server.catalog.offer import shown_offer, variant_uuids
from server.config import Settings
from server.db import Database, ReadSessionDep
from server.models import Seller
from server.orders.pricing import PackUnknown, Priced, offers_of, price_for, price_table
from server.web import queries
from server.web.cart import CART_COOKIE, cart_cookie, parse_buyer_qty, read_cart
from server.web.pages import HERE, render, render_error

router = APIRouter(include_in_schema=False)

ListingId = Annotated[str, Path(max_length=100)]
UUID_RE = re.compile(r"^[0-9a-fA-F-]{36}$")
SellerId = Annotated[int, Path(ge=1, le=2_147_483_647)]
STATIC_TYPES = {"web.css": "text/css; charset=utf-8", "web.js": "text/javascript; charset=utf-8"}


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def _db(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


def not_found_page() -> HTMLResponse:
    """The 404 page for a product or seller buyers may not see."""
    return render_error(404, "Tidak ditemukan",
                        "Produk atau penjual ini tidak ada atau sedang tidak berjualan.")


CATEGORY_TTL_S = 60.0


def _chips(request: Request, session: Session, name: str) -> list[tuple[str, int]]:
    """The category (or kecamatan) chips, recomputed at most once a minute per process.

    Counting them scans every visible listing (tens of ms on 100 000); a chip that is a minute
    late only changes a count: the listings behind it are always searched live.
    """
    cached = getattr(request.app.state, f"web_{name}", None)
    now = time.monotonic()
    if cached is not None and cached[0] > now:
        return list(cached[1])
    read = queries.categories if name == "categories" else queries.kecamatans
    chips = read(session, _settings(request))
    setattr(request.app.state, f"web_{name}", (now + CATEGORY_TTL_S, chips))
    return chips


@router.get("/", response_class=HTMLResponse)
def home(
    request: Request, session: ReadSessionDep,
    q: Annotated[str | None, Query(max_length=100)] = None,
    kategori: Annotated[str | None, Query(max_length=60)] = None,
    stok: Annotated[str | None, Query(max_length=1)] = None,
    hal: Annotated[int, Query(ge=1, le=1000)] = 1,
) -> HTMLResponse:
    """Search and browse; ``stok=0`` also shows published listings that are out of stock."""
    words = (q or "").strip() or None
    browse = queries.Browse(q=words, category=kategori or None, in_stock=stok != "0", page=hal)
    found = queries.browse(session, _settings(request), browse, sqlite=_db(request).is_sqlite)
    cats = _chips(request, session, "categories")
    areas = _chips(request, session, "kecamatans") if browse == queries.Browse() else []
    return render(request, "home.html", found=found, browse=browse, categories=cats,
                  kecamatans=areas)


@router.get("/produk/{listing_id}", response_class=HTMLResponse)
def product(request: Request, listing_id: ListingId, session: ReadSessionDep) -> HTMLResponse:
    """One product with its seller and the seller's other products."""
    settings = _settings(request)
    item = queries.listing(session, settings, listing_id) if UUID_RE.match(listing_id) else None
    if item is None:
        return not_found_page()
    others = queries.browse(session, settings, queries.Browse(seller=item["seller_id"]),
                            sqlite=_db(request).is_sqlite)
    more = [x for x in others["items"] if x["listing_id"] != item["listing_id"]][:8]
    in_cart = [(pack, milli) for (uuid, pack), milli in read_cart(request).items()
               if uuid == item["listing_id"]]
    choices = queries.listings(session, settings, variant_uuids(session, item["listing_id"]))
    table = price_table(offers_of(session, [item["listing_id"]]).get(item["listing_id"]),
                        int(item["price"]))
    return render(request, "product.html", item=item, others=more, in_cart=in_cart,
                  seller=session.get(Seller, item["seller_id"]),
                  offer=shown_offer(session, item, choices), prices=table,
                  prices_json=json.dumps(table, separators=(",", ":")))


@router.get("/penjual/{seller_id}", response_class=HTMLResponse)
def seller_page(
    request: Request, seller_id: SellerId, session: ReadSessionDep,
    hal: Annotated[int, Query(ge=1, le=1000)] = 1,
) -> HTMLResponse:
    """A seller and the products she sells now."""
    settings = _settings(request)
    seller = queries.seller(session, settings, seller_id)
    if seller is None:
        return not_found_page()
    found = queries.browse(session, settings, queries.Browse(seller=seller_id, page=hal),
                           sqlite=_db(request).is_sqlite)
    return render(request, "seller.html", seller=seller, found=found)


@router.get("/kecamatan", response_class=HTMLResponse)
def kecamatan_page(request: Request, session: ReadSessionDep,
                   nama: Annotated[str, Query(max_length=60)] = "") -> HTMLResponse:
    """The sellers of one kecamatan."""
    sellers = queries.sellers_in(session, _settings(request), nama)
    if not sellers:
        return not_found_page()
    return render(request, "kecamatan.html", name=nama, sellers=sellers)


@dataclass
class CartLine:
    """A cart line with its listing as it is now, priced as the order will be."""

    item: dict[str, Any]
    milli: int
    priced: Priced

    @property
    def pack(self) -> str:
        """The pack ordered ("" for the listing's own unit)."""
        return self.priced.pack

    @property
    def line_total(self) -> int:
        """What the line costs (the server charges the same)."""
        return self.priced.total(self.milli)

    @property
    def base_milli(self) -> int:
        """The quantity in the listing's unit (what is reserved)."""
        return self.priced.base_milli(self.milli) or 0

    @property
    def short(self) -> bool:
        """More wanted than is available."""
        return self.base_milli > int(self.item["available"])


@dataclass
class CartGroup:
    """The cart lines of one seller (they become one order)."""

    shop_name: str
    lines: list[CartLine] = field(default_factory=list)

    @property
    def total(self) -> int:
        """The goods total of this seller's lines."""
        return sum(line.line_total for line in self.lines)


def cart_view(request: Request, session: Session) -> dict[int, CartGroup]:
    """The cart's listings (and packs) still for sale, grouped by seller, priced today."""
    cart = read_cart(request)
    uuids = list(dict.fromkeys(uuid for uuid, _pack in cart))
    known = queries.listings(session, _settings(request), uuids)
    offers = offers_of(session, known)
    groups: dict[int, CartGroup] = {}
    for (uuid, pack), milli in cart.items():
        item = known.get(uuid)
        if item is None:
            continue
        try:
            priced = price_for(offers.get(uuid), int(item["price"]), str(item["unit"]), pack,
                               milli)
        except PackUnknown:
            continue
        group = groups.setdefault(item["seller_id"], CartGroup(item["shop_name"]))
        group.lines.append(CartLine(item, milli, priced))
    return groups


@router.get("/keranjang", response_class=HTMLResponse)
def cart_page(request: Request, session: ReadSessionDep) -> HTMLResponse:
    """The cart across sellers."""
    groups = cart_view(request, session)
    gone = len(read_cart(request)) - sum(len(g.lines) for g in groups.values())
    return render(request, "cart.html", groups=groups, gone=gone,
                  grand=sum(g.total for g in groups.values()))


@router.post("/keranjang")
def cart_change(
    request: Request,
    listing_id: Annotated[str, Form(pattern=r"^[0-9a-fA-F-]{36}$")],
    qty: Annotated[str, Form(max_length=20)] = "1",
    aksi: Annotated[str, Form(pattern=r"^(tambah|ubah|hapus)$")] = "tambah",
    kemasan: Annotated[str, Form(max_length=20)] = "",
) -> Response:
    """Add to (``tambah``), set (``ubah``) or remove from (``hapus``) the cart; back to it.

    ``kemasan`` names one of the listing's packs ("dus"; empty: its own unit). The form
    carries no price: the cart and the order price every line on the server.
    """
    cart = read_cart(request)
    key = (listing_id.lower(), kemasan.strip())
    milli = parse_buyer_qty(qty)
    if milli is None and aksi != "hapus":
        return render_error(422, "Jumlah tidak valid",
                            "Tulis jumlah dengan angka, misalnya 2 atau 0,5.")
    if aksi == "hapus" or milli == 0:
        cart.pop(key, None)
    elif aksi == "tambah":
        cart[key] = cart.get(key, 0) + (milli or 0)
    else:
        cart[key] = milli or 0
    response = RedirectResponse("/keranjang", status_code=303)
    response.set_cookie(CART_COOKIE, cart_cookie(cart), max_age=30 * 86400, httponly=True,
                        samesite="lax", secure=request.url.scheme == "https")
    return response


@router.get("/static/{name}")
def static(name: Annotated[str, Path(pattern=r"^web\.(css|js)$")]) -> Response:
    """The storefront's one style sheet and one script (cached a day)."""
    body = (HERE / "static" / name).read_bytes()
    return Response(body, media_type=STATIC_TYPES[name],
                    headers={"Cache-Control": "public, max-age=86400",
                             "X-Content-Type-Options": "nosniff"})
