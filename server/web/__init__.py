"""The buyers' storefront: server-rendered pages at ``/`` (see docs/server.md, "Storefront")."""

from __future__ import annotations

from fastapi import FastAPI


def install(app: FastAPI) -> None:
    """Add the storefront pages and the HTML error pages to ``app``.

    Call it after every other middleware is added: the error pages must wrap them all.
    """
    from server.web.errors import HtmlErrorPages
    from server.web.orders import router as orders_router
    from server.web.photos import router as photos_router
    from server.web.router import router as pages_router

    app.include_router(pages_router)
    app.include_router(orders_router)
    app.include_router(photos_router)
    app.add_middleware(HtmlErrorPages)
