"""Server settings, read from the environment (prefix ``PEKEN_``)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

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
    order_expiry_minutes: int = 24 * 60
    enrollment_code_hours: int = 72
    max_body_bytes: int = 2 * 1024 * 1024
    max_ops_per_push: int = 1000
    max_photo_bytes: int = 512 * 1024
    cors_origins: list[str] = Field(default_factory=list)
    sqlite_busy_timeout_ms: int = 30_000

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
