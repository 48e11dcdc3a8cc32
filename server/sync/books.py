"""``book.record``: a money-book record relayed between one shop's own devices.

Customers, kasbon, pre-orders, drawer cash, suppliers and purchases live on the shop's devices
(:mod:`contract.books`). The server checks the record (the op's payload model did, before this
runs), refuses a stamp from a clock more than a day ahead (it would win every later edit), and
appends the checked record to the pushing shop's change log as a ``book.record`` change, so the
shop's other devices pull it. Nothing else of it is stored: no customer table, never in the
public catalog, and another shop's devices never read this shop's log.
"""

from __future__ import annotations

from contract.books import RECORD, BookRecordPayload
from contract.hlc import wall_of
from server.models import utcnow
from server.sync.context import Outcome, PushContext, rejected
from server.sync.fields import MAX_CLOCK_AHEAD


def relay_record(ctx: PushContext, p: BookRecordPayload) -> Outcome:
    """Append the record to this shop's change log for its other devices."""
    if wall_of(p.stamp) > utcnow() + MAX_CLOCK_AHEAD:
        return rejected("clock_ahead", "Jam perangkat ini lebih dari sehari di depan jam "
                                       "server; betulkan jam lalu kirim ulang.")
    payload = p.model_dump(mode="json")
    return Outcome("acknowledged", change_seq=ctx.log.append(RECORD, payload, ctx.device_id))
