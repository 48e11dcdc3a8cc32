"""Adds the console's routers to the app (called by :func:`server.web.install`)."""

from __future__ import annotations

from fastapi import FastAPI


def install(app: FastAPI) -> None:
    """The console's pages under ``/admin``."""
    from server.web.admin.routes import router as pages
    from server.web.admin.sellers import router as sellers

    app.include_router(pages)
    app.include_router(sellers)
