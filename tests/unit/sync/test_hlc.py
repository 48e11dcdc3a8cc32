"""The device's hybrid logical clock: never goes back, moves past what it saw, and orders
stamps as strings the way it orders the clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import time_machine

from app.db import Database
from app.sync import hlc

T0 = datetime(2026, 3, 10, 3, 0, tzinfo=UTC)


def test_clock_never_goes_back_when_the_wall_clock_does(db: Database) -> None:
    with db.unit_of_work() as session:
        with time_machine.travel(T0, tick=False):
            first = hlc.tick(session)
            same_instant = hlc.tick(session)
        with time_machine.travel(T0 - timedelta(hours=2), tick=False):  # PC clock set back
            after_setback = hlc.tick(session)
        with time_machine.travel(T0 + timedelta(seconds=1), tick=False):
            later = hlc.tick(session)
    assert first < same_instant < after_setback < later
    assert hlc.Stamp.parse(first) == hlc.Stamp(hlc.micros(T0), 0, first.rsplit("-", 1)[1])
    assert hlc.Stamp.parse(later) == hlc.Stamp(hlc.micros(T0) + 1_000_000, 0, hlc.Stamp.parse(
        first).node)  # type: ignore[union-attr]


def test_clock_moves_past_received_stamps(db: Database) -> None:
    remote = hlc.at(T0 + timedelta(minutes=5), "otherdevice", counter=7)
    with db.unit_of_work() as session, time_machine.travel(T0, tick=False):
        hlc.observe(session, [remote, "not-a-stamp"])
        mine = hlc.tick(session)
        node = hlc.node_id(session)
    assert mine > remote
    assert hlc.Stamp.parse(mine) == hlc.Stamp(hlc.micros(T0 + timedelta(minutes=5)), 8, node)


def test_node_id_is_kept(db: Database) -> None:
    with db.unit_of_work() as session:
        node = hlc.node_id(session)
    with db.unit_of_work() as session:
        assert hlc.node_id(session) == node
