"""Hybrid logical clock stamps, as both the devices and the server write and compare them.

A stamp is ``WWWWWWWWWWWWWWWW-CCCCCC-node``: the wall time in microseconds since the epoch
(16 digits), a logical counter (6 digits) and the writer's node id. The parts have fixed
widths, so comparing two stamps as strings compares them as clocks. The device's running
clock (ticking, observing) is ``app.sync.hlc``; the server stamps with node ``server``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from contract.datetimes import read_wire

HLC_PATTERN = r"^\d{16}-\d{6}-[0-9a-z]{1,32}$"
STAMP_RE = re.compile(HLC_PATTERN)
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MAX_COUNTER = 999_999


@dataclass(frozen=True, order=True)
class Stamp:
    """One HLC reading (ordered like the clock)."""

    wall: int
    counter: int
    node: str

    def __str__(self) -> str:
        return f"{self.wall:016d}-{self.counter:06d}-{self.node}"

    @classmethod
    def parse(cls, text: str) -> Stamp | None:
        """The stamp written as ``text``, or None when it is not one."""
        if not isinstance(text, str) or STAMP_RE.match(text) is None:
            return None
        wall, counter, node = text.split("-", 2)
        return cls(int(wall), int(counter), node)


def micros(moment: datetime) -> int:
    """Microseconds since the epoch of an aware datetime."""
    return (moment - EPOCH) // timedelta(microseconds=1)


def stamp_at(moment: datetime, node: str, counter: int = 0) -> str:
    """The stamp of ``moment`` for ``node`` (a time without offset is UTC, as on the wire)."""
    return str(Stamp(micros(read_wire(moment)), counter % (MAX_COUNTER + 1), node))


def wall_of(stamp: str) -> datetime:
    """The wall-clock part of a stamp."""
    return EPOCH + timedelta(microseconds=int(stamp[:16]))
