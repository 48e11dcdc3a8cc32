"""``book.record``: a money-book record relayed between one shop's own devices.

Customers, kasbon, pre-orders, drawer cash, suppliers and purchases live on the shop's devices
(:mod:`contract.books`). The server checks the record (the op's payload model did, before this
runs), refuses a stamp from a clock more than a day ahead (it would win every later edit), and
appends the checked record to the pushing shop's change log as a ``book.record`` change, so the
shop's other devices pull it. Nothing else of it is stored: no customer table, never in the
public catalog, and another shop's devices never read this shop's log.

``pricing.record`` (packs, wholesale tiers, variants, promotions: :mod:`contract.pricing`) is
relayed the same way, under its own change kind.
"""

from __future__ import annotations

from contract.books import RECORD, BookRecordPayload
from contract.hlc import wall_of
from contract.pricing import RECORD as PRICING_RECORD
from contract.pricing import PricingRecordPayload
from server.models import utcnow
from server.sync.context import Outcome, PushContext, rejected
from server.sync.fields import MAX_CLOCK_AHEAD


def _relay(ctx: PushContext, kind: str, p: BookRecordPayload | PricingRecordPayload) -> Outcome:
    if wall_of(p.stamp) > utcnow() + MAX_CLOCK_AHEAD:
        return rejected("clock_ahead", "Jam perangkat ini lebih dari sehari di depan jam "
                                       "server; betulkan jam lalu kirim ulang.")
    payload = p.model_dump(mode="json")
    return Outcome("acknowledged", change_seq=ctx.log.append(kind, payload, ctx.device_id))


def relay_record(ctx: PushContext, p: BookRecordPayload) -> Outcome:
    """Append the record to this shop's change log for its other devices."""
    return _relay(ctx, RECORD, p)


def relay_pricing(ctx: PushContext, p: PricingRecordPayload) -> Outcome:
    """Append the pack, tier table, variant or promotion to this shop's change log."""
    return _relay(ctx, PRICING_RECORD, p)
