"""Bounded, clean texts, strict money and bounded moments: the field types of the wire.

Texts refuse control characters and bidirectional overrides/embeddings/isolates
(which make a name display as something else); required texts also refuse text
made only of invisible characters (zero-width spaces, fillers, format marks).
Moments must carry a representable UTC time between :data:`EARLIEST` and a day
ahead of the reading side's clock; they are returned in UTC (a time without an offset is
read as UTC: :func:`contract.datetimes.read_wire`).
"""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime, timedelta
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from contract.datetimes import read_wire

MAX_RUPIAH = 1_000_000_000_000
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
MAX_AHEAD = timedelta(days=1)
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
INVISIBLE_CATEGORIES = frozenset({"Cf", "Zs", "Zl", "Zp", "Mn", "Me", "Cc"})
BLANK_LOOKALIKES = frozenset("\u115f\u1160\u3164\uffa0\u2800")


def _clean(value: str) -> str:
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
        raise ValueError("teks tidak boleh berisi karakter kontrol")
    if any(ch in BIDI_CONTROLS for ch in value):
        raise ValueError("teks tidak boleh berisi karakter pembalik arah tulisan")
    return value.strip()


def is_invisible(value: str) -> bool:
    """True when no character of ``value`` would show (spaces, zero-width, fillers)."""
    return all(unicodedata.category(ch) in INVISIBLE_CATEGORIES or ch in BLANK_LOOKALIKES
               for ch in value)


def _nonempty(value: str) -> str:
    if not value or is_invisible(value):
        raise ValueError("teks tidak boleh kosong")
    return value


def _moment(value: datetime) -> datetime:
    try:
        utc = read_wire(value)
    except (OverflowError, ValueError) as exc:
        raise ValueError("waktu di luar jangkauan") from exc
    if utc < EARLIEST:
        raise ValueError("waktu terlalu lampau (sebelum tahun 2000)")
    if utc > datetime.now(UTC) + MAX_AHEAD:
        raise ValueError("waktu lebih dari sehari di depan jam server")
    return utc


Clean = AfterValidator(_clean)
NonEmpty = AfterValidator(_nonempty)

Text20 = Annotated[str, StringConstraints(min_length=1, max_length=20), Clean, NonEmpty]
Text40 = Annotated[str, StringConstraints(min_length=1, max_length=40), Clean, NonEmpty]
Text64 = Annotated[str, StringConstraints(max_length=64), Clean]
Text60 = Annotated[str, StringConstraints(max_length=60), Clean]
Text100 = Annotated[str, StringConstraints(min_length=1, max_length=100), Clean, NonEmpty]
Text120 = Annotated[str, StringConstraints(min_length=1, max_length=120), Clean, NonEmpty]
Text200 = Annotated[str, StringConstraints(min_length=1, max_length=200), Clean, NonEmpty]
Text300 = Annotated[str, StringConstraints(max_length=300), Clean]
Text512 = Annotated[str, StringConstraints(max_length=512), Clean]

Moment = Annotated[datetime, AfterValidator(_moment)]
"""A moment between 2000 and a day ahead of the reading side's clock, returned in UTC."""
Rupiah = Annotated[int, Field(strict=True, ge=0, le=MAX_RUPIAH)]
"""Whole rupiah: a JSON integer (``true`` or ``"5"`` are refused), 0 … 10^12."""
PositiveRupiah = Annotated[int, Field(strict=True, ge=1, le=MAX_RUPIAH)]


class Strict(BaseModel):
    """Base of request bodies: unknown fields are refused."""

    model_config = ConfigDict(extra="forbid")
