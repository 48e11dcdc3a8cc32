"""Golden ESC/POS bytes and preview text of every sample receipt (app.receipts.samples).

The bytes were captured before the receipt document was introduced, so they prove a
refactor of the receipt code leaves the printed roll unchanged. A deliberate change of
the printed words regenerates them with ``UPDATE_GOLDEN=1`` and says why in the commit.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.printing.profile import PrinterProfile, QrMode
from app.receipts import render_escpos, render_text
from app.receipts.samples import sample_cases

GOLDEN = Path(__file__).parent / "golden" / "samples"
CASES = sample_cases()
PROFILES = {
    58: PrinterProfile(name="POS-58", paper_mm=58, qr_mode=QrMode.IMAGE, has_cutter=True,
                       drawer_pin=2, drawer_pulse_ms=100),
    80: PrinterProfile(name="TM-T82", paper_mm=80, qr_mode=QrMode.NATIVE, has_cutter=False,
                       drawer_pin=5),
}


def _check(name: str, data: bytes) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    assert path.is_file(), f"{name} missing; run with UPDATE_GOLDEN=1 once"
    assert path.read_bytes() == data, f"{name} changed; rerun with UPDATE_GOLDEN=1 if intended"


@pytest.mark.parametrize("paper", sorted(PROFILES))
@pytest.mark.parametrize("case", sorted(CASES))
def test_escpos_bytes_are_golden(case: str, paper: int) -> None:
    _check(f"{case}_{paper}mm.bin", render_escpos(CASES[case], PROFILES[paper]))


@pytest.mark.parametrize("case", sorted(CASES))
def test_preview_text_is_golden(case: str) -> None:
    _check(f"{case}_32.txt", render_text(CASES[case], 32).encode("utf-8"))
