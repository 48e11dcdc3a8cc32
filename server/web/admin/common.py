"""What every console page shares: the session transaction, rendering, refusals, redirects."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from server.config import Settings
from server.db import Database
from server.web.admin import auth
from server.web.pages import ENV, SECURITY_HEADERS, render_error

LOGIN_PATH = "/admin/masuk"


def settings_of(request: Request) -> Settings:
    """The app's settings."""
    settings: Settings = request.app.state.settings
    return settings


def db_of(request: Request) -> Database:
    """The app's database."""
    db: Database = request.app.state.db
    return db


@dataclass
class Console:
    """One console request: its transaction and its operator (None: not logged in)."""

    session: Session
    login: auth.Login | None
    request: Request

    def page(self, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        """A console page (the CSRF token and the operator's name are in every one)."""
        assert self.login is not None
        html = ENV.get_template(f"admin/{template}").render(
            request=self.request, login=self.login, csrf=self.login.csrf, **context)
        return HTMLResponse(html, status_code, headers=SECURITY_HEADERS)


@contextmanager
def console(request: Request) -> Iterator[Console]:
    """A write transaction with the request's live session (committed on success)."""
    with db_of(request).write_sessions() as session, session.begin():
        yield Console(session, auth.current(session, request), request)


def to_login() -> RedirectResponse:
    """Back to the login page (not logged in, or the session ran idle)."""
    return RedirectResponse(LOGIN_PATH, status_code=303)


def forbidden() -> HTMLResponse:
    """The answer to a console form without the session's CSRF token."""
    return render_error(403, "Formulir ditolak",
                        "Formulir ini kedaluwarsa atau tidak berasal dari konsol PEKEN. "
                        "Muat ulang halaman, lalu coba lagi.")


def refused(con: Console, csrf: str) -> Response | None:
    """The answer when a console POST may not run (no session, wrong CSRF), else None."""
    if con.login is None:
        return forbidden() if csrf else to_login()
    if not auth.csrf_ok(con.login.csrf, csrf):
        return forbidden()
    return None


def back(path: str, note: str = "") -> RedirectResponse:
    """Post/redirect/get to a console page, with an optional note (``?ok=``)."""
    return RedirectResponse(f"{path}?ok={quote(note)}" if note else path, status_code=303)
