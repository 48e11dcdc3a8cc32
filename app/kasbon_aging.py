"""Every customer's kasbon aging in one SQL query: the bulk form of :func:`app.kasbon.allocate`.

The rule is the kasbon's own (:mod:`app.kasbon`): only confirmed lines count; a refund first
lowers the credit sale it returns goods of (same ``order_uuid``, same customer), what is left
of it and every payment or correction pay the oldest credit sales first; the unpaid rest of
each sale is aged from its shop day to the day asked (0–7, 8–30, more than 30 days).

Done in SQL with a running sum, read from the covering index ``ix_credit_entries_kasbon``,
so 200 000 kasbon lines of 10 000 customers age in one pass instead of 200 000 Python rows.
A property test holds it equal to :func:`app.kasbon.allocate` customer by customer.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.clock import day_start_utc, utc_offset

_AGING = """
WITH e AS MATERIALIZED (
  SELECT id, customer_uuid, kind, amount, created_at, order_uuid FROM credit_entries
  WHERE status = 'confirmed' AND created_at < :until),
own AS (
  SELECT customer_uuid, order_uuid, sum(amount) AS back FROM e
  WHERE kind = 'refund' AND order_uuid IS NOT NULL GROUP BY 1, 2),
sales AS (
  SELECT s.id, s.customer_uuid, s.created_at, s.amount,
         min(s.amount, coalesce(o.back, 0)) AS took
  FROM e s LEFT JOIN own o ON o.customer_uuid = s.customer_uuid AND o.order_uuid = s.order_uuid
  WHERE s.kind = 'sale'),
pool AS (
  SELECT customer_uuid, sum(CASE kind WHEN 'sale' THEN 0 ELSE amount END) AS paid FROM e GROUP BY 1),
taken AS (SELECT customer_uuid, sum(took) AS took FROM sales GROUP BY 1),
run AS (
  SELECT customer_uuid, created_at, amount - took AS rest,
         sum(amount - took) OVER (PARTITION BY customer_uuid ORDER BY created_at, id) AS run
  FROM sales),
open AS (
  SELECT r.customer_uuid,
         julianday(:day) - julianday(date(r.created_at, :offset)) AS age,
         max(0, min(r.rest, r.run - (p.paid - coalesce(t.took, 0)))) AS unpaid
  FROM run r JOIN pool p ON p.customer_uuid = r.customer_uuid
  LEFT JOIN taken t ON t.customer_uuid = r.customer_uuid)
SELECT customer_uuid,
       sum(CASE WHEN age <= 7 THEN unpaid ELSE 0 END),
       sum(CASE WHEN age > 7 AND age <= 30 THEN unpaid ELSE 0 END),
       sum(CASE WHEN age > 30 THEN unpaid ELSE 0 END)
FROM open GROUP BY customer_uuid HAVING sum(unpaid) > 0
"""


def aging_buckets(session: Session, day: date) -> dict[str, tuple[int, int, int]]:
    """customer uuid → unpaid kasbon (0–7, 8–30, > 30 days) as of the end of shop day ``day``;
    customers with nothing unpaid are left out."""
    offset = f"+{int(utc_offset().total_seconds() // 60)} minutes"
    until = day_start_utc(day + timedelta(days=1)).replace(tzinfo=None).isoformat(" ", "microseconds")
    rows = session.execute(text(_AGING), {"until": until, "day": day.isoformat(), "offset": offset})
    return {str(uuid): (int(b0), int(b1), int(b2)) for uuid, b0, b1, b2 in rows}
