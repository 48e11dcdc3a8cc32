"""A device starting from the server's snapshot still gets the shop's money book.

The snapshot (:mod:`app.sync.snapshot`) carries products and open online orders, not the
money book: the server keeps nothing of it but its change log. So before a device at cursor 0
applies a snapshot, it reads the log up to the snapshot's counter and applies only the
``book.record`` changes (customers, kasbon, pre-orders... made on the shop's other devices
before this one joined or while its cursor was reset) and the ``pricing.record`` ones (packs,
tiers, variants, promotions: the snapshot's products carry none of these either). Each page
is its own transaction and every record merges idempotently (:func:`app.sync.books.apply_record`,
:func:`app.sync.pricing_apply.apply_record`), so a crash halfway
just reads the log again next round: the cursor stays 0 until the snapshot is applied.

It pages through the whole log once (stock movements included, skipped here): the price of
a first sync, paid once per enrollment.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from app.db import Database
from app.sync.apply import apply_changes
from app.sync.client import PekenClient
from contract.books import RECORD
from contract.pricing import RECORD as PRICING_RECORD

KINDS = (RECORD, PRICING_RECORD)
Call = Callable[[Callable[[], dict[str, Any]]], dict[str, Any]]


def backfill(db: Database, client: PekenClient, upto: int, page_size: int, call: Call,
             kinds: tuple[str, ...] = KINDS) -> int:
    """Apply the log's ``book.record`` and ``pricing.record`` changes (or only ``kinds``) with
    ``seq <= upto``; how many were read."""
    since, applied = 0, 0
    while since < upto:
        page = call(functools.partial(client.changes, since, page_size))
        records = [c for c in page.get("changes", [])
                   if c.get("kind") in kinds and int(c.get("seq") or 0) <= upto]
        if records:
            with db.unit_of_work() as session:
                applied += apply_changes(session, records).applied
        following = int(page.get("next", since))
        if following <= since or not page.get("more"):
            break
        since = following
    return applied
