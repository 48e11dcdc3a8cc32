"""Shared fixtures for tests of damaged, locked or read-only shop files.

Import them into a test module (``from tests.shopfile_kit import shop, shop_template``)
so the unit tests of ``app.shopfile`` and the start-up dialogs use the same files.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.db import open_database


@pytest.fixture(scope="module")
def shop_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A valid, migrated, empty shop file (WAL checkpointed away on close)."""
    path = tmp_path_factory.mktemp("template") / "toko.sqlite"
    open_database(path).close()
    return path


@pytest.fixture
def shop(shop_template: Path, tmp_path: Path) -> Iterator[Path]:
    """A copy of the valid shop in its own folder; permissions restored afterwards."""
    folder = tmp_path / "toko"
    folder.mkdir()
    path = folder / "toko.sqlite"
    shutil.copy(shop_template, path)
    yield path
    folder.chmod(0o755)
    if path.exists():
        path.chmod(0o644)
