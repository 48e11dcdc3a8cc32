"""The contract both sides of PEKEN speak: the desktop app (``app/``) and the catalog server
(``server/``) import it; it imports neither (pure Python and pydantic, no SQLAlchemy, no Qt).

* :mod:`contract.errors` — the base of every error a user (seller, buyer, device) can cause;
* :mod:`contract.money` — whole-rupiah money: formatting, parsing, half-up rounding;
* :mod:`contract.quantity` — Decimal quantities with three places and their wire text;
* :mod:`contract.qris` — the one QRIS codec (parse, validate, CRC, make dynamic);
* :mod:`contract.datetimes` — the one aware-datetime rule (naive refused, UTC kept);
* :mod:`contract.text` — bounded, clean texts and bounded moments of the wire;
* :mod:`contract.sync` — the sync ops a device pushes; :mod:`contract.changes` — what it pulls.
* :mod:`contract.enums` — the stored codes (payment methods and statuses, order statuses and
  kinds, sales channels, stock movement kinds), each with its shown word in
  :mod:`contract.labels` (Indonesian and English).
"""
