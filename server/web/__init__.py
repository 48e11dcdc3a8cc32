"""The buyers' storefront: server-rendered pages at ``/`` (see docs/server.md, "Storefront")."""

from __future__ import annotations

import logging
import re

from fastapi import FastAPI

from server.web.admin.install import install as install_console
from server.web.buyer import router as buyer_router
from server.web.errors import HtmlErrorPages
from server.web.orders import router as orders_router
from server.web.photos import router as photos_router
from server.web.router import router as pages_router

SECRET_IN_PATH = re.compile(r"(/pesanan/[0-9a-f-]{36}/)[A-Za-z0-9_-]+")


class RedactOrderSecrets(logging.Filter):
    """Hide the buyer secret of order links in access log lines (it is the buyer's only key)."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite ``/pesanan/<id>/<secret>`` as ``/pesanan/<id>/***``; never drops a record."""
        if isinstance(record.args, tuple):
            record.args = tuple(SECRET_IN_PATH.sub(r"\1***", a) if isinstance(a, str) else a
                                for a in record.args)
        if isinstance(record.msg, str):
            record.msg = SECRET_IN_PATH.sub(r"\1***", record.msg)
        return True


def install(app: FastAPI) -> None:
    """Add the storefront pages and the HTML error pages to ``app``.

    Call it after every other middleware is added: the error pages must wrap them all.
    """
    app.include_router(pages_router)
    app.include_router(orders_router)
    app.include_router(photos_router)
    app.include_router(buyer_router)
    install_console(app)
    app.add_middleware(HtmlErrorPages)
    access = logging.getLogger("uvicorn.access")
    if not any(isinstance(f, RedactOrderSecrets) for f in access.filters):
        access.addFilter(RedactOrderSecrets())
