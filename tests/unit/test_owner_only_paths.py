"""No screen writes the owner's targets around the checked services: bank accounts, the static
QRIS, the printer profile and the second backup folder are written from ``ui/`` only through
``app.payments.service``, ``app.printing.service.set_profile`` and ``app.backup.set_second_folder``
(which check the owner). Screenshot builders (``screens.py``) work on a private copy."""

from __future__ import annotations

import re
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "ui"
BYPASSES = re.compile(
    r"shop\.add_bank_account\(|\bsave_profile\(|"
    r"set_value\(\s*\w+,\s*(\"qris\.static_payload\"|\"printer\.profile\"|\"backup\.second_folder\"|"
    r"PROFILE_KEY)"
)


def bypasses(text: str) -> list[str]:
    """The unchecked writes of owner-only targets in a module's source."""
    return [m.group(0) for m in BYPASSES.finditer(text)]


def test_the_pattern_finds_an_unchecked_write() -> None:
    assert bypasses('shop.add_bank_account(s, "BCA", "1", "x")') == ["shop.add_bank_account("]
    assert bypasses('settings.set_value(session, "printer.profile", raw)') != []
    assert bypasses('settings.get(session, "printer.profile")') == []


def test_no_screen_writes_owner_targets_directly() -> None:
    found = {
        str(path.relative_to(UI.parent)): hits
        for path in sorted(UI.rglob("*.py"))
        if path.name != "screens.py" and (hits := bypasses(path.read_text(encoding="utf-8")))
    }
    assert found == {}
