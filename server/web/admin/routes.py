"""Console pages: login and logout, the sellers overview, orders, turnover, the ASN report."""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, Response

from contract.datetimes import month_key
from server.models import utcnow
from server.orders import states
from server.ratelimit import RateLimited, client_ip, limiter, rules
from server.sellers import service
from server.web.admin import auth, reports
from server.web.admin.common import (
    back,
    console,
    db_of,
    refused,
    settings_of,
    to_login,
)
from server.web.guard import too_many
from server.web.orders import LABELS
from server.web.pages import ENV, SECURITY_HEADERS

router = APIRouter(prefix="/admin", include_in_schema=False)

Month = Annotated[str | None, Query(pattern=r"^\d{4}-(0[1-9]|1[0-2])$")]
Csrf = Annotated[str, Form(max_length=100)]


def _login_page(token: str, error: str = "", status: int = 200) -> HTMLResponse:
    html = ENV.get_template("admin/login.html").render(token=token, error=error)
    response = HTMLResponse(html, status, headers=SECURITY_HEADERS)
    response.set_cookie(auth.LOGIN_COOKIE, token, max_age=3600, httponly=True,
                        samesite="strict", path="/admin")
    return response


@router.get("/masuk", response_class=HTMLResponse)
def login_form(request: Request) -> Response:
    """The login form (a logged-in operator goes straight to the console)."""
    with console(request) as con:
        if con.login is not None:
            return back("/admin")
    return _login_page(secrets.token_urlsafe(24))


@router.post("/masuk")
def login(request: Request, nama: Annotated[str, Form(max_length=100)] = "",
          sandi: Annotated[str, Form(max_length=200)] = "", csrf: Csrf = "") -> Response:
    """Check name and password; start a session (cookie HttpOnly, SameSite=Strict)."""
    sent = request.cookies.get(auth.LOGIN_COOKIE, "")
    if not auth.csrf_ok(sent, csrf):
        return _login_page(secrets.token_urlsafe(24), "Formulir kedaluwarsa, silakan masuk lagi.",
                           403)
    try:
        limiter(request).check(rules(request)["auth_failure"], client_ip(request))
    except RateLimited as exc:
        return too_many(exc)
    with db_of(request).write_sessions() as session, session.begin():
        admin = auth.authenticate(session, nama.strip(), sandi)
        token = auth.start(session, admin.id) if admin is not None else ""
    if not token:
        limiter(request).record(rules(request)["auth_failure"], client_ip(request))
        return _login_page(secrets.token_urlsafe(24), "Nama atau kata sandi salah.", 401)
    response = back("/admin")
    response.set_cookie(auth.COOKIE, token, httponly=True, samesite="strict", path="/admin",
                        secure=request.url.scheme == "https")
    response.delete_cookie(auth.LOGIN_COOKIE, path="/admin")
    return response


@router.post("/keluar")
def logout(request: Request, csrf: Csrf = "") -> Response:
    """End the session."""
    with console(request) as con:
        if (no := refused(con, csrf)) is not None:
            return no
        auth.end(con.session, request)
    response = to_login()
    response.delete_cookie(auth.COOKIE, path="/admin")
    return response


@router.get("", response_class=HTMLResponse)
def overview(request: Request, ok: Annotated[str, Query(max_length=200)] = "") -> Response:
    """Every seller with this month's turnover against the cap."""
    with console(request) as con:
        if con.login is None:
            return to_login()
        cap = settings_of(request).turnover_cap
        month = month_key(utcnow())
        turnover = {r.seller_id: r for r in service.turnover_report(con.session, month, cap)}
        sellers = service.list_sellers(con.session)
        return con.page("overview.html", sellers=sellers, turnover=turnover, month=month,
                        cap=cap, ok=ok)


@router.get("/pesanan", response_class=HTMLResponse)
def orders(
    request: Request,
    penjual: Annotated[int | None, Query(ge=1, le=2_147_483_647)] = None,
    status: Annotated[str | None, Query(max_length=20)] = None,
    hal: Annotated[int, Query(ge=1, le=10_000)] = 1,
) -> Response:
    """Orders by seller and state, newest first."""
    with console(request) as con:
        if con.login is None:
            return to_login()
        state = status if status in LABELS else None
        rows, more = reports.orders(con.session, reports.OrderFilter(penjual, state, hal))
        return con.page("orders.html", rows=rows, more=more, page=hal, seller_id=penjual,
                        status=state, labels=LABELS, sellers=service.list_sellers(con.session),
                        states=[s for s in LABELS if s != states.AWAITING])


@router.get("/omzet", response_class=HTMLResponse)
def turnover(request: Request, bulan: Month = None) -> Response:
    """Paid online turnover per seller in a month, against the cap."""
    with console(request) as con:
        if con.login is None:
            return to_login()
        month = bulan or month_key(utcnow())
        cap = settings_of(request).turnover_cap
        rows = service.turnover_report(con.session, month, cap)
        return con.page("turnover.html", rows=rows, month=month, cap=cap)


@router.get("/laporan-asn", response_class=HTMLResponse)
def asn_report(request: Request, bulan: Month = None,
               format: Annotated[str, Query(pattern=r"^(html|csv|xlsx)$")] = "html") -> Response:
    """The month's purchases by civil servants (NIP): a page, CSV or XLSX."""
    with console(request) as con:
        if con.login is None:
            return to_login()
        month = bulan or month_key(utcnow())
        rows = reports.asn_report(con.session, month)
        if format == "html":
            return con.page("asn.html", rows=rows, month=month)
    name = f"belanja-asn-{month}"
    if format == "csv":
        body, media = reports.asn_csv(rows), "text/csv; charset=utf-8"
    else:
        body = reports.asn_xlsx(rows)
        media = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    headers = {**SECURITY_HEADERS,
               "Content-Disposition": f'attachment; filename="{name}.{format}"'}
    return Response(body, media_type=media, headers=headers)
