"""Benchmark: render a typical 10-line receipt to ESC/POS bytes and to PDF.

Run ``python -m bench.receipt``. Budgets (DESIGN.md): ESC/POS ≤ 5 ms, PDF ≤ 50 ms,
median over repeated runs after a warm-up (fonts, QR and logo caches filled).
The raw floor is python-escpos writing the same lines into a bare ``Dummy`` and
reportlab drawing the same lines on a bare canvas, so the ratio shows our overhead.
"""

from __future__ import annotations

import io
import json
import statistics
import time
from collections.abc import Callable

from escpos.printer import Dummy
from reportlab.pdfgen.canvas import Canvas

from app.printing.profile import PrinterProfile, QrMode
from app.receipts import render_escpos, render_pdf, render_text
from app.receipts.samples import sample_receipt

REPEAT = 60
ESCPOS_BUDGET_MS = 5.0
PDF_BUDGET_MS = 50.0


def median_ms(func: Callable[[], object], repeat: int = REPEAT) -> float:
    """Median wall time of ``func`` in milliseconds after two warm-up calls."""
    func()
    func()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def raw_escpos(lines: list[str]) -> bytes:
    """The floor: the same text lines written to a bare python-escpos Dummy (CP437 pinned)."""
    printer = Dummy(magic_encode_args={"disabled": True, "encoding": "CP437"})
    for line in lines:
        printer.textln(line)
    printer.cut()
    return bytes(printer.output)


def raw_pdf(lines: list[str]) -> bytes:
    """The floor: the same text lines drawn on a bare reportlab canvas."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(164, 12 * len(lines) + 20))
    canvas.setFont("Helvetica", 8)
    for index, line in enumerate(lines):
        canvas.drawString(10, 10 + 12 * index, line)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def main() -> None:
    """Measure, print a table and the RESULT line."""
    cash = sample_receipt(lines=10, method="cash")
    qris = sample_receipt(lines=10, method="qris")
    p58 = PrinterProfile(paper_mm=58, has_cutter=True, drawer_pin=2)
    p80 = PrinterProfile(paper_mm=80, qr_mode=QrMode.NATIVE, has_cutter=True)
    lines = render_text(cash, 32).splitlines()
    rows = [
        ("escpos 58 mm, cash (typical)", median_ms(lambda: render_escpos(cash, p58))),
        ("escpos 58 mm, QRIS as image", median_ms(lambda: render_escpos(qris, p58))),
        ("escpos 80 mm, QRIS native", median_ms(lambda: render_escpos(qris, p80))),
        ("escpos floor (bare Dummy, same lines)", median_ms(lambda: raw_escpos(lines))),
        ("pdf 58 mm roll, cash (typical)", median_ms(lambda: render_pdf(cash, "58mm"))),
        ("pdf 80 mm roll, QRIS", median_ms(lambda: render_pdf(qris, "80mm"))),
        ("pdf A4 nota, QRIS", median_ms(lambda: render_pdf(qris, "a4"), repeat=20)),
        ("pdf floor (bare canvas, same lines)", median_ms(lambda: raw_pdf(lines))),
        ("text preview 32 columns", median_ms(lambda: render_text(cash, 32))),
    ]
    width = max(len(name) for name, _ in rows)
    print(f"{'what':<{width}}  median ms")
    for name, value in rows:
        print(f"{name:<{width}}  {value:9.3f}")
    escpos_ms, pdf_ms = rows[0][1], rows[4][1]
    escpos_floor, pdf_floor = rows[3][1], rows[7][1]
    print(f"budgets: escpos ≤ {ESCPOS_BUDGET_MS} ms, pdf ≤ {PDF_BUDGET_MS} ms")
    result = {
        "escpos_ms": round(escpos_ms, 3), "pdf_ms": round(pdf_ms, 3),
        "escpos_floor_ms": round(escpos_floor, 3), "pdf_floor_ms": round(pdf_floor, 3),
        "escpos_ratio": round(escpos_ms / escpos_floor, 2), "pdf_ratio": round(pdf_ms / pdf_floor, 2),
        "a4_ms": round(rows[6][1], 3),
        "within_budget": escpos_ms <= ESCPOS_BUDGET_MS and pdf_ms <= PDF_BUDGET_MS,
    }
    print("RESULT " + json.dumps(result))


if __name__ == "__main__":
    main()
