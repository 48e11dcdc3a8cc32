"""The "kode unik": 1–999 rupiah added to a transfer so its amount is unique among open orders.

Policy: without a random generator the **smallest** free code is taken, so the buyer pays as
little extra as possible and codes stay short (Rp125.001, Rp125.002, ...). Passing ``rng``
picks a uniformly **random** free code instead, which makes amounts harder to guess from the
order sequence; both never collide with ``taken_amounts``.

With the shop setting ``sales.unique_code_as_discount`` the code is not added but taken off
(the buyer pays the total minus the code, e.g. Rp124.999, and the amount is still unique);
:func:`app.payments.queries.transfer_code` then stores it negative on the payment, so
"amount + unique_code" is the exact amount due either way, and the reports show the kode unik
as income (+) or as a discount given (−).
"""

from __future__ import annotations

import random

from app.errors import ConflictError, ValidationError
from contract.money import format_rupiah as rupiah

MIN_CODE = 1
MAX_CODE = 999


def allocate_unique_code(
    base_amount: int, taken_amounts: set[int], rng: random.Random | None = None
) -> int:
    """Return a code in 1..999 such that ``base_amount + code`` is not in ``taken_amounts``.

    ``taken_amounts`` are the amounts due of the open transfer orders for the same bank account.
    Raises :class:`ValidationError` for a base amount below Rp1 and :class:`ConflictError`
    (a :class:`~app.errors.UserError`) when all 999 codes are taken.
    """
    if isinstance(base_amount, bool) or not isinstance(base_amount, int) or base_amount < 1:
        raise ValidationError(
            "Total untuk transfer harus rupiah bulat lebih dari Rp0, tertulis {base_amount!r}",
            field="amount", base_amount=base_amount,
        )
    if rng is None:
        for code in range(MIN_CODE, MAX_CODE + 1):
            if base_amount + code not in taken_amounts:
                return code
    else:
        free = [c for c in range(MIN_CODE, MAX_CODE + 1) if base_amount + c not in taken_amounts]
        if free:
            return rng.choice(free)
    raise ConflictError(
        "Semua {MAX_CODE} kode unik untuk total {base_amount} sedang dipakai pesanan transfer yang belum "
        "dibayar ke rekening ini; konfirmasi atau batalkan sebagian dulu, atau pakai rekening lain",
        MAX_CODE=MAX_CODE, base_amount=rupiah(base_amount)
    )
