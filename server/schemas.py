"""Shared pydantic field types: bounded texts without control characters."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path
from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints

MAX_RUPIAH = 1_000_000_000_000


def _clean(value: str) -> str:
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
        raise ValueError("teks tidak boleh berisi karakter kontrol")
    return value.strip()


def _nonempty(value: str) -> str:
    if not value:
        raise ValueError("teks tidak boleh kosong")
    return value


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



class Strict(BaseModel):
    """Base of request bodies: unknown fields are refused."""

    model_config = ConfigDict(extra="forbid")


DbId = Annotated[int, Path(ge=1, le=2_147_483_647)]
