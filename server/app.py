"""The application factory of the catalog server."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any

import anyio.to_thread
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send

from server.appinfo.router import router as appinfo_router
from server.backups.router import router as backups_router
from server.catalog.router import router as catalog_router
from server.config import Settings
from server.db import Database
from server.devices.router import router as devices_router
from server.errors import install_error_handlers
from server.limits import (
    ConcurrencyLimit,
    CrashGuard,
    LimitStats,
    RequestLimits,
    SecurityHeaders,
    send_busy,
)
from server.orders.router import router as orders_router
from server.ratelimit import SharedRateLimiter, rules_from
from server.security import AdminDep
from server.sellers.router import router as sellers_router
from server.sync.router import router as sync_router
from server.tokens import router as tokens_router
from server.web import install as install_web
from server.web.errors import error_page_for, is_page_path

DESCRIPTION = (
    "Katalog pusat PEKEN Surabaya: listing penjual UMKM, pesanan pembeli yang dibayar langsung "
    "ke rekening/QRIS penjual, dan sinkronisasi perangkat kasir. Lihat docs/server.md."
)


HEALTH_PATH = "/api/v1/health"


def _lifespan(settings: Settings) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # The endpoints are synchronous: they run on this many threads, sized with the
        # pool so that every admitted request finds a thread and a connection.
        limiter = anyio.to_thread.current_default_thread_limiter()
        limiter.total_tokens = settings.worker_threads
        yield

    return lifespan


class CatalogApp(FastAPI):
    """The FastAPI app behind its load gate (:class:`server.limits.ConcurrencyLimit`)."""

    gate: ASGIApp | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Every request passes the gate first."""
        await (self.gate or self.serve)(scope, receive, send)

    async def serve(self, scope: Scope, receive: Receive, send: Send) -> None:
        """The app itself (middleware stack and routes)."""
        await super().__call__(scope, receive, send)


def create_app(settings: Settings | None = None, *, migrate: bool = True) -> CatalogApp:
    """Build the ASGI app on ``settings`` (migrating the database first)."""
    settings = settings or Settings()
    db = Database(settings)
    if migrate:
        db.migrate()
    public_docs = settings.api_docs == "public"
    app = CatalogApp(title="PEKEN Katalog", version="1.0.0", description=DESCRIPTION,
                  lifespan=_lifespan(settings), docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json" if public_docs else None)
    app.state.settings = settings
    app.state.db = db
    app.state.limits = LimitStats()  # shed / abandoned requests of this process
    app.state.limiter = SharedRateLimiter(db)  # shared by every worker process
    app.state.rate_rules = rules_from(settings)
    install_error_handlers(app)
    app.include_router(backups_router)  # encrypted shop backups (server/backups)
    app.include_router(appinfo_router)  # the latest desktop-app version (server/appinfo)
    for router in (sellers_router, devices_router, sync_router, catalog_router, orders_router,
                   tokens_router):
        app.include_router(router)

    if settings.api_docs == "admin":

        @app.get("/openapi.json", include_in_schema=False)
        def openapi_for_admins(_admin: AdminDep) -> dict[str, Any]:
            """The OpenAPI schema, for admins only."""
            return app.openapi()

    @app.get(HEALTH_PATH, tags=["meta"])
    async def health() -> dict[str, str]:
        """Liveness probe."""
        return {"status": "ok"}

    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins,
                           allow_methods=["GET", "POST"], allow_headers=["*"])
    app.add_middleware(CrashGuard)  # innermost: a crash is logged once, scrubbed
    app.add_middleware(RequestLimits, max_bytes=settings.max_body_bytes)
    app.add_middleware(SecurityHeaders)
    install_web(app)  # storefront pages at /; last: its HTML error pages wrap every middleware
    # Outermost, before routing and every other layer: a shed request costs next to nothing.
    app.gate = ConcurrencyLimit(
        app.serve, max_active=settings.max_concurrent_requests,
        max_queued=settings.max_queued_requests, queue_timeout=settings.queue_timeout_s,
        retry_after=settings.retry_after_s, exempt=(HEALTH_PATH,), stats=app.state.limits,
        busy=_busy_answer)
    return app


async def _busy_answer(scope: Scope, send: Send, retry_after: int) -> None:
    """The shedder's 503: a page for storefront addresses, JSON for the API."""
    if not is_page_path(str(scope.get("path", ""))):
        await send_busy(send, retry_after)
        return
    status, body, headers = error_page_for(503, str(retry_after))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def app_from_environment() -> CatalogApp:
    """The app of one worker process (``--workers N``): settings from the environment,
    schema already migrated by the parent."""
    return create_app(Settings(), migrate=False)
