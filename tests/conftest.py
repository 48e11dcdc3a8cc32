"""Shared test setup: offscreen Qt, a fresh shop file per test, the shop clock.

Time: ``app.clock`` is the only reader of the current time. ``shop_clock`` freezes time at
a shop-local moment (``time-machine``); ``pc_zone`` sets the process (PC) time zone far from
the shop's for one test. The shop's zone is reset to WIB around every test. The environment
variable ``PEKEN_TEST_SHOP_TIME`` starts a whole run at a shop-local moment (see below).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
import time_machine

from app import clock
from app.db import Database
from tests.shop_template import new_shop

# The day frozen clocks use unless a test names another (a Monday in the middle of a month).
FROZEN_DAY = date(2026, 11, 30)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    """A new, migrated shop file in tmp_path (a copy of the process's migrated template)."""
    database = new_shop(tmp_path / "shop.sqlite")
    yield database
    database.close()


@pytest.fixture(scope="session", autouse=True)
def _session_clock() -> Iterator[None]:
    """``PEKEN_TEST_SHOP_TIME=00:30`` (today, WIB) or ``="2026-11-30 23:30"`` runs the whole
    session on a clock that starts at that shop-local moment and ticks on from there, to try
    a suite at the edges of the shop day; unset: the real clock."""
    when = os.environ.get("PEKEN_TEST_SHOP_TIME", "").strip()
    if not when:
        yield
        return
    if " " not in when:
        when = f"{clock.today().isoformat()} {when}"
    travel = time_machine.travel(shop_moment(when).timestamp(), tick=True)
    travel.start()
    yield
    travel.stop()


@pytest.fixture(autouse=True)
def _shop_zone_reset() -> Iterator[None]:
    """Every test starts and ends with the shop clock on WIB (the zone is process-wide)."""
    clock.reset_shop_zone()
    yield
    clock.reset_shop_zone()


def shop_moment(when: str | datetime, zone: str = clock.DEFAULT_ZONE) -> datetime:
    """An aware moment from shop-local text: ``"23:30"`` (on FROZEN_DAY) or ``"2026-11-30 23:30"``.

    An aware datetime is returned as it is; a naive one is read in ``zone``.
    """
    if isinstance(when, str):
        text = when if " " in when else f"{FROZEN_DAY.isoformat()} {when}"
        when = datetime.fromisoformat(text)
    return when if when.tzinfo is not None else when.replace(tzinfo=ZoneInfo(zone))


class ShopClock:
    """A travelling clock for one test: frozen (or ticking from) a shop-local moment."""

    def __init__(self, when: str | datetime, *, tick: bool) -> None:
        self.tick = tick
        self.start = shop_moment(when)
        # A POSIX timestamp, not an aware datetime: time-machine would otherwise also set the
        # process TZ to the destination's zone and hide any use of the PC's zone.
        self._travel = time_machine.travel(self.start.timestamp(), tick=tick)
        self._traveller = self._travel.start()

    def move_to(self, when: str | datetime, zone: str = clock.DEFAULT_ZONE) -> datetime:
        """Jump to another shop-local moment; returns it (aware)."""
        moment = shop_moment(when, zone)
        self._traveller.move_to(moment.timestamp(), tick=self.tick)
        return moment

    def shift(self, delta: timedelta) -> None:
        """Move the clock by ``delta``."""
        self._traveller.shift(delta)

    def stop(self) -> None:
        """Back to real time."""
        self._travel.stop()


def _clock_fixture(request: pytest.FixtureRequest, tick: bool) -> Iterator[ShopClock]:
    when = getattr(request, "param", "10:00")
    frozen = ShopClock(when, tick=tick)
    yield frozen
    frozen.stop()


@pytest.fixture
def shop_clock(request: pytest.FixtureRequest) -> Iterator[ShopClock]:
    """Time frozen (no tick) at a WIB moment: 10:00 on FROZEN_DAY unless parametrized.

    ``@pytest.mark.parametrize("shop_clock", ["00:30", "23:30"], indirect=True)``
    """
    yield from _clock_fixture(request, tick=False)


@pytest.fixture
def shop_clock_running(request: pytest.FixtureRequest) -> Iterator[ShopClock]:
    """Like ``shop_clock`` but time runs on from the moment (pytest-qt waits need it to)."""
    yield from _clock_fixture(request, tick=True)


@pytest.fixture
def pc_zone() -> Iterator[Callable[[str], None]]:
    """Set the process (PC) time zone for this test, e.g. ``pc_zone("UTC")``; restored after."""
    before = os.environ.get("TZ")

    def set_zone(name: str) -> None:
        os.environ["TZ"] = name
        time.tzset()

    yield set_zone
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()
