"""Fixtures of the kill tests: the zygote that forks their children (see ``tests.zygote``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.zygote import Zygote

# The children of the SQLite-only kill tests (the Qt cart child gets its own zygote).
LIGHT_CHILDREN = ("tests.reliability.child", "tests.reliability.kasbon_child",
                  "tests.reliability.purchase_child")


@pytest.fixture(scope="session")
def zygote() -> Iterator[Zygote]:
    """One zygote per test process for the SQLite-only children (checkout, kasbon, purchase)."""
    helper = Zygote(LIGHT_CHILDREN)
    yield helper
    helper.close()
