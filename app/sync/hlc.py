"""This device's hybrid logical clock (HLC) for product edits.

A stamp is ``WWWWWWWWWWWWWWWW-CCCCCC-node``: the wall time in microseconds since the epoch
(from :mod:`app.clock`), a logical counter and this device's node id as the tiebreak. The
parts have fixed widths, so comparing two stamps as strings compares them as clocks.

The clock never goes back: a local event takes ``max(last, wall)`` (the counter counts
events within one microsecond or while the wall clock lags), and every stamp received from
the shop's other devices pushes it forward (:func:`observe`). The last stamp and the node
id are kept in ``sync_state`` and written in the caller's transaction.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from app.clock import now_utc
from app.sync import state

NODE_KEY = "hlc_node"
LAST_KEY = "hlc_last"
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
STAMP_RE = re.compile(r"^\d{16}-\d{6}-[0-9a-z]{1,32}$")
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


def at(moment: datetime, node: str, counter: int = 0) -> str:
    """The stamp of a moment (for old outbox ops that carry only their creation time)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return str(Stamp(micros(moment), counter, node))


def node_id(session: Session) -> str:
    """This shop file's node id (made once, kept across enrollments)."""
    node = state.get(session, NODE_KEY)
    if not node:
        node = uuid.uuid4().hex[:12]
        state.put(session, NODE_KEY, node)
    return node


def _last(session: Session) -> Stamp | None:
    return Stamp.parse(state.get(session, LAST_KEY))


def tick(session: Session) -> str:
    """A new stamp for a local edit, later than every stamp this device made or saw."""
    node = node_id(session)
    wall = micros(now_utc())
    last = _last(session)
    if last is None or wall > last.wall:
        stamp = Stamp(wall, 0, node)
    elif last.counter < MAX_COUNTER:
        stamp = Stamp(last.wall, last.counter + 1, node)
    else:
        stamp = Stamp(last.wall + 1, 0, node)
    state.put(session, LAST_KEY, str(stamp))
    return str(stamp)


def observe(session: Session, stamps: Iterable[str]) -> None:
    """Move the clock past remote stamps, so the next local edit is later than them."""
    seen = [s for s in (Stamp.parse(t) for t in stamps) if s is not None]
    if not seen:
        return
    newest = max(seen)
    last = _last(session)
    if last is not None and last >= Stamp(newest.wall, newest.counter, last.node):
        return
    state.put(session, LAST_KEY, str(Stamp(newest.wall, newest.counter, node_id(session))))
