"""Fixtures of the kill tests: the zygote that forks their children (see ``forked``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.reliability.forked import Zygote


@pytest.fixture(scope="session")
def zygote() -> Iterator[Zygote]:
    """One zygote per test process for the SQLite-only children (checkout, kasbon, purchase)."""
    helper = Zygote()
    yield helper
    helper.close()
