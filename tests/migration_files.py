"""Shop files as an older release wrote them, for the migration tests."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config

from app import db as appdb


def file_at(path: Path, revision: str) -> None:
    """Create the shop file ``path`` migrated only up to ``revision`` (e.g. ``"0016"``)."""
    engine = appdb.make_engine(path)
    cfg = Config()
    cfg.set_main_option("script_location", str(appdb.MIGRATIONS_DIR))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    engine.dispose()
