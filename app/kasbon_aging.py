"""Every customer's kasbon aging in one SQL query: the bulk form of
:func:`app.kasbon_allocation.allocate`.

The rule is the kasbon's own (:mod:`app.kasbon_allocation`): only confirmed lines count; a
refund first lowers the credit sale it returns goods of (same ``order_uuid``, same customer),
what is left of it and every payment or correction pay the oldest credit sales first; the
unpaid rest of each sale is aged from its shop day to the day asked (0–7, 8–30, more than 30
days).

Done in SQL in one pass over the covering index ``ix_credit_entries_kasbon`` (its order is
the windows' order, so nothing is sorted): per line the running sum of what the sales still
ask and the customer's whole pool of credits; a sale is unpaid by what the running sum
exceeds the pool, at most its own rest. Ages compare stored UTC text with the first instant
of the bucket's shop day, so no date is computed per row.
A property test holds it equal to :func:`app.kasbon_allocation.allocate` customer by
customer.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.clock import day_start_utc, now_utc, shop_day

_AGING = """
WITH own AS MATERIALIZED (
  SELECT customer_uuid, order_uuid, sum(amount) AS back FROM credit_entries
  WHERE kind = 'refund' AND status = 'confirmed' AND order_uuid IS NOT NULL AND created_at < :until
  GROUP BY 1, 2),
lines AS (
  SELECT e.customer_uuid, e.created_at, e.kind,
         CASE e.kind WHEN 'sale' THEN e.amount - coalesce(min(e.amount, o.back), 0) ELSE 0 END AS rest,
         CASE e.kind WHEN 'sale' THEN -coalesce(min(e.amount, o.back), 0) ELSE e.amount END AS credit,
         e.id
  FROM credit_entries e LEFT JOIN own o
    ON e.kind = 'sale' AND o.customer_uuid = e.customer_uuid AND o.order_uuid = e.order_uuid
  WHERE e.status = 'confirmed' AND e.created_at < :until),
run AS (
  SELECT customer_uuid, created_at, kind, rest,
         sum(rest) OVER (PARTITION BY customer_uuid ORDER BY created_at, id
                         ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS run,
         sum(credit) OVER (PARTITION BY customer_uuid ORDER BY created_at, id
                           ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS pool
  FROM lines)
SELECT customer_uuid,
  sum(CASE WHEN created_at >= :b7 THEN unpaid ELSE 0 END),
  sum(CASE WHEN created_at < :b7 AND created_at >= :b30 THEN unpaid ELSE 0 END),
  sum(CASE WHEN created_at < :b30 THEN unpaid ELSE 0 END)
FROM (SELECT customer_uuid, created_at, min(rest, run - pool) AS unpaid FROM run
      WHERE kind = 'sale' AND run > pool)
GROUP BY customer_uuid
"""


# Today's aging from the open credit sales the triggers of migration 0013 keep (kasbon_open).
_OPEN = """
SELECT customer_uuid,
  sum(CASE WHEN created_at >= :b7 THEN unpaid ELSE 0 END),
  sum(CASE WHEN created_at < :b7 AND created_at >= :b30 THEN unpaid ELSE 0 END),
  sum(CASE WHEN created_at < :b30 THEN unpaid ELSE 0 END)
FROM kasbon_open GROUP BY customer_uuid HAVING sum(unpaid) > 0
"""


def aging_buckets(session: Session, day: date) -> dict[str, tuple[int, int, int]]:
    """customer uuid → unpaid kasbon (0–7, 8–30, > 30 days) as of the end of shop day ``day``;
    customers with nothing unpaid are left out.

    As of today (the usual question) it reads the open sales kept up to date by triggers
    (``kasbon_open``: a line dated after today, from a device whose clock runs ahead, counts
    already); as of an earlier day it allocates the ledger up to that day.
    """
    def start(back: int) -> str:  # a shop day's first instant, as stored (naive UTC text)
        return day_start_utc(day - timedelta(days=back)).replace(tzinfo=None).isoformat(" ", "microseconds")

    bounds = {"b7": start(7), "b30": start(30)}
    if day >= shop_day(now_utc()):
        rows = session.execute(text(_OPEN), bounds)
    else:
        rows = session.execute(text(_AGING), {"until": start(-1), **bounds})
    return {str(uuid): (int(b0), int(b1), int(b2)) for uuid, b0, b1, b2 in rows}
