"""Console pages of one seller: register, bank data, suspend/activate, enrollment codes (text
and QR to print), devices (revoke) and listing moderation."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Path, Query, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from server.devices import service as devices
from server.errors import ApiError
from server.models import BankAccount, Device, Listing, Seller
from server.sellers import service
from server.sellers.schemas import SellerIn
from server.validation import check_account_number
from server.web.admin import moderation
from server.web.admin.common import Console, back, console, refused, settings_of, to_login
from server.web.admin.routes import Csrf
from server.web.orders import _qris_image
from server.web.pages import render_error

router = APIRouter(prefix="/admin", include_in_schema=False)

SellerId = Annotated[int, Path(ge=1, le=2_147_483_647)]
ListingUuid = Annotated[str, Path(pattern=r"^[0-9a-f-]{36}$")]
Text = Annotated[str, Form(max_length=600)]
LISTINGS_PAGE = 50
ACCOUNT_ROWS = 3


def _seller_or_404(session: Session, seller_id: int) -> Seller | None:
    return session.get(Seller, seller_id)


def _not_found() -> HTMLResponse:
    return render_error(404, "Tidak ditemukan", "Penjual, perangkat atau produk ini tidak ada.")


@router.get("/penjual/baru", response_class=HTMLResponse)
def new_seller_form(request: Request) -> Response:
    """The registration form."""
    with console(request) as con:
        if con.login is None:
            return to_login()
        return con.page("seller_new.html", form={}, error="")


def _seller_in(form: dict[str, str]) -> SellerIn:
    data: dict[str, Any] = {
        "shop_name": form["toko"].strip(), "owner_name": form["pemilik"].strip(),
        "nik": form["nik"].strip(), "npwp": form["npwp"].strip() or None,
        "bank_accounts": [{"bank": form["bank"].strip(), "number": form["nomor"].strip(),
                           "holder": form["atas_nama"].strip()}],
        "qris_payload": form["qris"].strip() or None,
        "identity_override_reason": form["alasan"].strip() or None,
    }
    return SellerIn.model_validate(data)


def _problem(exc: ValidationError) -> str:
    names = {"shop_name": "nama toko", "owner_name": "nama pemilik", "nik": "NIK",
             "npwp": "NPWP", "bank_accounts": "rekening", "qris_payload": "QRIS",
             "identity_override_reason": "alasan"}
    fields = sorted({names.get(str(e["loc"][0]), str(e["loc"][0])) for e in exc.errors()})
    return "Periksa isian: " + ", ".join(fields) + "."


@router.post("/penjual/baru", response_class=HTMLResponse)
def register(request: Request, csrf: Csrf = "", toko: Text = "", pemilik: Text = "",
             nik: Text = "", npwp: Text = "", bank: Text = "", nomor: Text = "",
             atas_nama: Text = "", qris: Text = "", alasan: Text = "") -> Response:
    """Register a seller with one bank account (more from her app or the seller page)."""
    form = {"toko": toko, "pemilik": pemilik, "nik": nik, "npwp": npwp, "bank": bank,
            "nomor": nomor, "atas_nama": atas_nama, "qris": qris, "alasan": alasan}
    with console(request) as con:
        if (no := refused(con, csrf)) is not None:
            return no
        try:
            seller = service.register(con.session, _seller_in(form),  # raises before writing
                                      con.login.admin_id if con.login else None)
        except ValidationError as exc:
            return con.page("seller_new.html", 422, form=form, error=_problem(exc))
        except ApiError as exc:
            return con.page("seller_new.html", exc.status, form=form, error=exc.message)
        return back(f"/admin/penjual/{seller.id}", "Penjual terdaftar.")


def _listings(session: Session, seller_id: int, q: str, page: int) -> tuple[list[Listing], bool]:
    stmt = select(Listing).where(Listing.seller_id == seller_id, Listing.name != "")
    if q:
        stmt = stmt.where(Listing.name.ilike(f"%{q.replace('%', '').replace('_', '')}%"))
    rows = list(session.scalars(stmt.order_by(Listing.name, Listing.id)
                                .offset((page - 1) * LISTINGS_PAGE).limit(LISTINGS_PAGE + 1)))
    return rows[:LISTINGS_PAGE], len(rows) > LISTINGS_PAGE


@router.get("/penjual/{seller_id}", response_class=HTMLResponse)
def seller_page(request: Request, seller_id: SellerId,
                q: Annotated[str, Query(max_length=100)] = "",
                hal: Annotated[int, Query(ge=1, le=10_000)] = 1,
                ok: Annotated[str, Query(max_length=200)] = "") -> Response:
    """Everything about one seller, with the forms to act on it."""
    with console(request) as con:
        if con.login is None:
            return to_login()
        seller = _seller_or_404(con.session, seller_id)
        if seller is None:
            return _not_found()
        return _seller_view(con, seller, q=q.strip(), page=hal, ok=ok)


def _seller_view(con: Console, seller: Seller, status_code: int = 200, **extra: Any) -> Response:
    q, page = extra.pop("q", ""), extra.pop("page", 1)
    listings, more = _listings(con.session, seller.id, q, page)
    out = service.seller_out(con.session, settings_of(con.request), seller)
    return con.page("seller.html", status_code, seller=seller, out=out, listings=listings,
                    more=more, q=q, page=page, rows=ACCOUNT_ROWS,
                    devices=devices.list_devices(con.session, seller.id),
                    cap=settings_of(con.request).turnover_cap, **extra)


def _accounts(form: dict[str, str]) -> list[BankAccount]:
    """The bank account rows of the form that are filled in (each complete and valid)."""
    accounts: list[BankAccount] = []
    for i in range(ACCOUNT_ROWS):
        bank, number, holder = (" ".join(form.get(f"{k}{i}", "").split())
                                for k in ("bank", "nomor", "nama"))
        if not (bank or number or holder):
            continue
        if not (bank and holder) or len(bank) > 40 or len(holder) > 120 \
                or not (bank + holder).isprintable():
            raise ApiError(422, "invalid_account", f"Rekening {i + 1}: isi bank dan atas nama.")
        accounts.append(BankAccount(position=len(accounts), bank=bank,
                                    number=check_account_number(number), holder=holder))
    if not accounts:
        raise ApiError(422, "invalid_account", "Isi paling sedikit satu rekening.")
    return accounts


@router.post("/penjual/{seller_id}/rekening", response_class=HTMLResponse)
async def bank_data(request: Request, seller_id: SellerId) -> Response:
    """Replace the seller's bank accounts (up to three rows)."""
    form = {k: str(v)[:200] for k, v in (await request.form()).items()}
    return _save_accounts(request, seller_id, form)


def _save_accounts(request: Request, seller_id: int, form: dict[str, str]) -> Response:
    with console(request) as con:
        if (no := refused(con, form.get("csrf", ""))) is not None:
            return no
        seller = _seller_or_404(con.session, seller_id)
        if seller is None:
            return _not_found()
        try:
            accounts = _accounts(form)
        except ApiError as exc:
            return _seller_view(con, seller, 422, error=exc.message)
        seller.bank_accounts = accounts
        if (seller.shown_account or 0) >= len(accounts):
            seller.shown_account = None
        return back(f"/admin/penjual/{seller_id}", "Rekening disimpan.")


@router.post("/penjual/{seller_id}/bekukan")
def suspend(request: Request, seller_id: SellerId, csrf: Csrf = "") -> Response:
    """Suspend: hidden from buyers, devices refused."""
    return _set_status(request, seller_id, "suspended", csrf, "")


@router.post("/penjual/{seller_id}/aktifkan")
def activate(request: Request, seller_id: SellerId, csrf: Csrf = "",
             alasan: Annotated[str, Form(max_length=300)] = "") -> Response:
    """Lift a suspension (a reason lets a second shop of the same NIK/NPWP go live)."""
    return _set_status(request, seller_id, "active", csrf, alasan)


def _set_status(request: Request, seller_id: int, status: str, csrf: str,
                reason: str) -> Response:
    with console(request) as con:
        if (no := refused(con, csrf)) is not None:
            return no
        assert con.login is not None
        seller = _seller_or_404(con.session, seller_id)
        if seller is None:
            return _not_found()
        try:
            service.set_status(con.session, seller_id, status,  # raises before writing
                               service.Override(con.login.admin_id, reason.strip() or None))
        except ApiError as exc:
            return _seller_view(con, seller, exc.status, error=exc.message)
        note = "Penjual dibekukan." if status == "suspended" else "Penjual aktif lagi."
        return back(f"/admin/penjual/{seller_id}", note)


@router.post("/penjual/{seller_id}/kode", response_class=HTMLResponse)
def enrollment_code(request: Request, seller_id: SellerId, csrf: Csrf = "") -> Response:
    """A new one-time enrollment code, shown once as text and as a QR code to print."""
    with console(request) as con:
        if (no := refused(con, csrf)) is not None:
            return no
        seller = _seller_or_404(con.session, seller_id)
        if seller is None:
            return _not_found()
        code = service.issue_code(con.session, seller_id,
                                  settings_of(request).enrollment_code_hours)
        return con.page("code.html", seller=seller, code=code, qr=_qris_image(code.code),
                        server=str(request.base_url).rstrip("/"))


@router.post("/perangkat/{device_id}/cabut")
def revoke(request: Request, device_id: SellerId, csrf: Csrf = "") -> Response:
    """Revoke a device: its token stops working at once."""
    with console(request) as con:
        if (no := refused(con, csrf)) is not None:
            return no
        device = con.session.get(Device, device_id)
        if device is None:
            return _not_found()
        devices.revoke(con.session, device_id)
        return back(f"/admin/penjual/{device.seller_id}", f"Perangkat '{device.name}' dicabut.")


@router.post("/produk/{listing_uuid}/sembunyikan")
def hide(request: Request, listing_uuid: ListingUuid, csrf: Csrf = "",
         alasan: Annotated[str, Form(max_length=600)] = "") -> Response:
    """Hide a listing from buyers with a reason the seller's app shows."""
    return _moderate(request, listing_uuid, csrf, alasan)


@router.post("/produk/{listing_uuid}/tampilkan")
def show(request: Request, listing_uuid: ListingUuid, csrf: Csrf = "") -> Response:
    """Show a hidden listing again."""
    return _moderate(request, listing_uuid, csrf, None)


def _moderate(request: Request, listing_uuid: str, csrf: str, reason: str | None) -> Response:
    with console(request) as con:
        if (no := refused(con, csrf)) is not None:
            return no
        try:
            listing = (moderation.hide(con.session, listing_uuid, reason)  # raises before writing
                       if reason is not None else moderation.show(con.session, listing_uuid))
        except ApiError as exc:
            if exc.status == 404:
                return _not_found()
            return render_error(exc.status, "Alasan diperlukan", exc.message)
        note = "Produk disembunyikan." if reason is not None else "Produk ditampilkan lagi."
        return back(f"/admin/penjual/{listing.seller_id}", note)
