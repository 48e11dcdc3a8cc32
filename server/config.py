"""Server settings, read from the environment (prefix ``PEKEN_``)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Every tunable of the catalog server, with its default.

    ``database_url`` wins over ``data_dir``: when it is empty the server uses
    ``<data_dir>/catalog.sqlite3``.
    """

    model_config = SettingsConfigDict(env_prefix="PEKEN_", extra="ignore")

    data_dir: Path = Field(default=Path("peken-server-data"))
    database_url: str = ""
    host: str = "127.0.0.1"
    port: int = 8040
    turnover_cap: int = 30_000_000
    safety_buffer: Decimal = Decimal("0")
    order_expiry_minutes: int = 120  # default reservation; per seller: order_hold_minutes
    enrollment_code_hours: int = 72
    max_body_bytes: int = 2 * 1024 * 1024
    max_ops_per_push: int = 1000
    max_photo_bytes: int = 512 * 1024
    cors_origins: list[str] = Field(default_factory=list)
    sqlite_busy_timeout_ms: int = 5_000
    # Load shedding: at most ``max_concurrent_requests`` requests work at once per process;
    # up to ``max_queued_requests`` more wait at most ``queue_timeout_s``, the rest get 503.
    # Few at a time per process (scale with --workers): the endpoints share one interpreter
    # lock with the event loop, so more requests at work at once only make each answer, and
    # the loop's reading, slower (docs/server.md has the measurements; 1 was fastest under
    # overload, 2 keeps one slow request or row lock from stalling the process). The queue
    # is served newest first (server.limits.ConcurrencyLimit).
    max_concurrent_requests: int = Field(default=2, ge=1, le=1000)
    max_queued_requests: int = Field(default=16, ge=0, le=100_000)
    # The longest wait for a slot (0.1 s for each worker of --workers N: server/__main__.py).
    queue_timeout_s: float = Field(default=0.5, ge=0, le=60)
    retry_after_s: int = Field(default=2, ge=1, le=3600)
    # Database pool per process (derived from max_concurrent_requests when 0).
    db_pool_size: int = Field(default=0, ge=0, le=1000)
    db_pool_timeout_s: float = Field(default=5.0, gt=0, le=120)
    pg_lock_timeout_ms: int = Field(default=5_000, ge=0)
    pg_statement_timeout_ms: int = Field(default=15_000, ge=0)
    shutdown_timeout_s: int = Field(default=10, ge=1, le=600)
    # How long an idle client connection stays open (uvicorn's default is 5 s): a device syncing
    # every few seconds then keeps its connection instead of opening a new one each round.
    keep_alive_s: int = Field(default=30, ge=1, le=3600)
    # Abuse control (per process, sliding window of rate_window_s; 0 switches a limit off).
    rate_window_s: int = Field(default=600, ge=1)
    rate_enroll_per_ip: int = Field(default=10, ge=0)
    rate_auth_failures_per_ip: int = Field(default=20, ge=0)
    rate_secret_failures_per_ip: int = Field(default=20, ge=0)
    rate_secret_failures_per_order: int = Field(default=10, ge=0)
    rate_orders_per_ip: int = Field(default=60, ge=0)
    max_open_orders_per_phone: int = Field(default=3, ge=0)
    max_open_orders_per_ip: int = Field(default=10, ge=0)  # unpaid, per client address per seller
    forwarded_allow_ips: str = "127.0.0.1"
    # Token lifetimes (server/tokens.py).
    admin_token_hours: int = Field(default=12, ge=1, le=24 * 365)
    device_token_idle_days: int = Field(default=90, ge=1, le=3650)
    device_rotation_grace_hours: int = Field(default=24, ge=0, le=24 * 30)
    # OpenAPI schema: "admin" (GET /openapi.json with an admin token), "public" or "off".
    # No Swagger/ReDoc pages: they load scripts from a CDN.
    api_docs: Literal["off", "admin", "public"] = "admin"

    @property
    def worker_threads(self) -> int:
        """Threads running the synchronous endpoints (a few more than admitted requests)."""
        return self.max_concurrent_requests + 8

    @property
    def pool_size(self) -> int:
        """Pooled connections per engine: one per admitted request plus spares."""
        return self.db_pool_size or self.max_concurrent_requests + 4

    def resolved_database_url(self) -> str:
        """The SQLAlchemy URL to connect to (SQLite file in ``data_dir`` by default)."""
        if self.database_url:
            return self.database_url
        path = Path(self.data_dir).resolve() / "catalog.sqlite3"
        return f"sqlite:///{path}"

    @property
    def is_sqlite(self) -> bool:
        """True when the server stores its data in SQLite."""
        return self.resolved_database_url().startswith("sqlite")
