"""The ``shop.profile`` sync op: what buyers see of a shop, kept in the desktop app.

The seller edits it in Pengaturan → Toko; the app pushes the whole profile through its outbox,
stamped with its hybrid logical clock, and the catalog server keeps the newest one (last writer
wins by stamp, so laptops reconnecting in any order agree). It carries:

* ``kecamatan`` and ``pickup_hours`` — shown on the storefront's seller and product pages;
* ``bank_accounts`` — the accounts buyers transfer to (1–5; ``None`` keeps the server's);
* ``shown_account`` — the index in ``bank_accounts`` of the one buyers are shown;
* ``qris_payload`` — the static QRIS sticker payload (``None`` keeps the server's, ``""`` removes);
* ``hlc`` — when the profile was saved.

Pure pydantic: imports nothing from ``app``, ``server``, ``models`` or ``ui``.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictInt, StrictStr

from contract.hlc import HLC_PATTERN

KIND = "shop.profile"
CHANGE_KIND = "shop.profile"  # the change the server logs for the shop's other devices
MAX_ACCOUNTS = 5
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def _clean(text: str) -> str:
    """One line of visible text: no control or bidi override characters, spaces folded."""
    if _BIDI.search(text) or any(unicodedata.category(ch) == "Cc" for ch in text):
        raise ValueError("teks berisi karakter kontrol")
    return " ".join(text.split())


def _digits(text: str) -> str:
    number = "".join(ch for ch in text if ch not in " .-")
    if not (number.isascii() and number.isdigit() and 5 <= len(number) <= 20):
        raise ValueError("nomor rekening harus 5–20 angka")
    return number


Line = Annotated[StrictStr, Field(max_length=120), AfterValidator(_clean)]


class ProfileAccount(BaseModel):
    """A bank account buyers may transfer to."""

    model_config = ConfigDict(extra="ignore")

    bank: Annotated[StrictStr, Field(min_length=1, max_length=40), AfterValidator(_clean)]
    number: Annotated[StrictStr, Field(max_length=40), AfterValidator(_digits)]
    holder: Annotated[StrictStr, Field(min_length=1, max_length=120), AfterValidator(_clean)]


class ShopProfilePayload(BaseModel):
    """The payload of a ``shop.profile`` op (unknown keys are ignored: forward compatible)."""

    model_config = ConfigDict(extra="ignore")

    kecamatan: Annotated[StrictStr, Field(max_length=60), AfterValidator(_clean)] = ""
    pickup_hours: Line = ""
    bank_accounts: Annotated[list[ProfileAccount], Field(min_length=1,
                                                         max_length=MAX_ACCOUNTS)] | None = None
    shown_account: Annotated[StrictInt, Field(ge=0, lt=MAX_ACCOUNTS)] = 0
    qris_payload: Annotated[StrictStr, Field(max_length=512)] | None = None
    hlc: Annotated[StrictStr, Field(pattern=HLC_PATTERN, max_length=56)]
