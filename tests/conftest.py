"""Shared test setup: offscreen Qt, a fresh shop file per test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from app.db import Database, open_database


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    """A new, migrated shop file in tmp_path."""
    database = open_database(tmp_path / "shop.sqlite")
    yield database
    database.close()
