"""Where shop files live: the user data directory from platformdirs."""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_NAME = "PEKEN Kasir"
APP_AUTHOR = "PEKEN"


def data_dir() -> Path:
    """The per-user data directory (created if missing)."""
    path = Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_shop_path() -> Path:
    """The default shop file."""
    return data_dir() / "toko.sqlite"


def demo_shop_path() -> Path:
    """The demo shop file used by ``--demo``."""
    return data_dir() / "demo.sqlite"
