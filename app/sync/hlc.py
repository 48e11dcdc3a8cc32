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

import uuid
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy.orm import Session

from app.clock import now_utc
from app.sync import state
from contract.hlc import MAX_COUNTER, Stamp, micros, stamp_at

__all__ = ["MAX_COUNTER", "Stamp", "at", "micros", "node_id", "observe", "tick"]

NODE_KEY = "hlc_node"
LAST_KEY = "hlc_last"


def at(moment: datetime, node: str, counter: int = 0) -> str:
    """The stamp of a moment (for old outbox ops that carry only their creation time)."""
    return stamp_at(moment, node, counter)


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
