"""Shared pydantic field types: bounded texts, strict money, bounded moments.

The rules live in :mod:`contract.text` (the desktop app validates its ops with them too);
the server adds :data:`DbId` (a path parameter).

Texts refuse control characters and bidirectional overrides/embeddings/isolates
(which make a name display as something else); required texts also refuse text
made only of invisible characters (zero-width spaces, fillers, format marks).
Moments must carry a representable UTC time between :data:`EARLIEST` and a day
ahead of the server's clock; they are returned in UTC.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Path

from contract.text import (
    BIDI_CONTROLS,
    BLANK_LOOKALIKES,
    EARLIEST,
    INVISIBLE_CATEGORIES,
    MAX_AHEAD,
    MAX_RUPIAH,
    Clean,
    Moment,
    NonEmpty,
    PositiveRupiah,
    Rupiah,
    Strict,
    Text20,
    Text40,
    Text60,
    Text64,
    Text100,
    Text120,
    Text200,
    Text300,
    Text512,
    is_invisible,
)

__all__ = [
    "BIDI_CONTROLS", "BLANK_LOOKALIKES", "EARLIEST", "INVISIBLE_CATEGORIES", "MAX_AHEAD",
    "MAX_RUPIAH", "Clean", "DbId", "Moment", "NonEmpty", "PositiveRupiah", "Rupiah", "Strict",
    "Text20", "Text40", "Text60", "Text64", "Text100", "Text120", "Text200", "Text300", "Text512",
    "is_invisible",
]

DbId = Annotated[int, Path(ge=1, le=2_147_483_647)]
