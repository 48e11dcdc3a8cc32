"""Checks of Indonesian identifiers and phone numbers used by the server."""

from __future__ import annotations

import re

from server.errors import invalid

_DIGITS = re.compile(r"[\s.\-]")


def digits_only(value: str) -> str:
    """Drop the usual separators (spaces, dots, dashes)."""
    return _DIGITS.sub("", value)


def check_nik(value: str) -> str:
    """A NIK is exactly 16 digits."""
    nik = digits_only(value)
    if not (nik.isdigit() and nik.isascii() and len(nik) == 16):
        raise invalid("invalid_nik", "NIK harus terdiri dari 16 angka.", "nik")
    return nik


def check_npwp(value: str | None) -> str | None:
    """An NPWP is 15 (legacy) or 16 digits; empty means none."""
    if value is None or not value.strip():
        return None
    npwp = digits_only(value)
    if not (npwp.isdigit() and npwp.isascii() and len(npwp) in (15, 16)):
        raise invalid("invalid_npwp", "NPWP harus terdiri dari 15 atau 16 angka.", "npwp")
    return npwp


def check_phone(value: str) -> str:
    """An Indonesian phone number: 8–15 digits, optionally starting with +62."""
    phone = digits_only(value)
    body = phone[1:] if phone.startswith("+") else phone
    if not (body.isdigit() and body.isascii() and 8 <= len(body) <= 15):
        raise invalid("invalid_phone", "Nomor HP harus 8–15 angka, contoh 081234567890.", "phone")
    return phone


def check_nip(value: str | None) -> str | None:
    """A civil servant's NIP is 18 digits; empty means none."""
    if value is None or not value.strip():
        return None
    nip = digits_only(value)
    if not (nip.isdigit() and nip.isascii() and len(nip) == 18):
        raise invalid("invalid_nip", "NIP harus terdiri dari 18 angka.", "nip")
    return nip


def check_account_number(value: str) -> str:
    """A bank account number: 5–20 digits."""
    number = digits_only(value)
    if not (number.isdigit() and number.isascii() and 5 <= len(number) <= 20):
        raise invalid(
            "invalid_account_number", "Nomor rekening harus 5–20 angka.", "bank_accounts"
        )
    return number
