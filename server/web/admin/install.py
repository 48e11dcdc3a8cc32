"""Adds the console's routers to the app (called by :func:`server.web.install`)."""

from __future__ import annotations

from fastapi import FastAPI

from server.web.admin.routes import router as pages
from server.web.admin.sellers import router as sellers


def install(app: FastAPI) -> None:
    """The console's pages under ``/admin``."""
    app.include_router(pages)
    app.include_router(sellers)
