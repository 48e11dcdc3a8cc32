"""Benchmark: render a typical 10-line receipt to ESC/POS bytes and to PDF.

Run ``python -m bench.receipt``. Budgets (docs/design.md, "Performance budgets"):
ESC/POS ≤ 5 ms, PDF ≤ 50 ms,
median over repeated runs after a warm-up (fonts loaded). Every run renders a FRESH order
(its own number, time and total, so a QRIS receipt has its own dynamic QR payload): no run
reuses a cached QR image, as no real sale does.
The raw floor is python-escpos writing the same lines into a bare ``Dummy`` and
reportlab drawing the same lines on a bare canvas, so the ratio shows our overhead.
"""

from __future__ import annotations

import dataclasses
import io
import itertools
import json
import statistics
import time
from collections.abc import Callable, Iterator
from datetime import timedelta

from escpos.printer import Dummy
from reportlab.pdfgen.canvas import Canvas

from app.printing.profile import PrinterProfile, QrMode
from app.receipts import render_escpos, render_pdf, render_text
from app.receipts.layout import Receipt
from app.receipts.samples import sample_qris_payload, sample_receipt

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


_SERIAL = itertools.count(1)  # every order of the whole run differs from every other


def fresh_orders(base: Receipt, count: int = 2 * REPEAT + 8) -> Iterator[Receipt]:
    """``base`` as ``count`` different orders (number, time, total; QRIS: the payload too), cycled."""
    orders = []
    for n in (next(_SERIAL) for _ in range(count)):
        total = base.total + 100 * n
        changes: dict[str, object] = {"order_number": f"K1-20261128-{n:04d}", "total": total,
                                      "created_at": base.created_at + timedelta(minutes=n)}
        if base.qris_payload:
            changes["qris_payload"] = sample_qris_payload(total)
        orders.append(dataclasses.replace(base, **changes))  # type: ignore[arg-type]
    return itertools.cycle(orders)


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


def _fresh(base: Receipt, render: Callable[[Receipt], object], repeat: int = REPEAT) -> float:
    """Median ms of ``render`` on a different order each call (no two calls share a QR)."""
    orders = fresh_orders(base, repeat + 2)
    return median_ms(lambda: render(next(orders)), repeat)


def main() -> None:
    """Measure, print a table and the RESULT line."""
    cash = sample_receipt(lines=10, method="cash")
    qris = sample_receipt(lines=10, method="qris")
    p58 = PrinterProfile(paper_mm=58, has_cutter=True, drawer_pin=2)
    p80 = PrinterProfile(paper_mm=80, qr_mode=QrMode.NATIVE, has_cutter=True)
    lines = render_text(cash, 32).splitlines()
    rows = [
        ("escpos 58 mm, cash (typical)", _fresh(cash, lambda r: render_escpos(r, p58))),
        ("escpos 58 mm, QRIS as image", _fresh(qris, lambda r: render_escpos(r, p58))),
        ("escpos 80 mm, QRIS native", _fresh(qris, lambda r: render_escpos(r, p80))),
        ("escpos floor (bare Dummy, same lines)", median_ms(lambda: raw_escpos(lines))),
        ("pdf 58 mm roll, cash (typical)", _fresh(cash, lambda r: render_pdf(r, "58mm"))),
        ("pdf 80 mm roll, QRIS", _fresh(qris, lambda r: render_pdf(r, "80mm"))),
        ("pdf A4 nota, QRIS", _fresh(qris, lambda r: render_pdf(r, "a4"), repeat=20)),
        ("pdf floor (bare canvas, same lines)", median_ms(lambda: raw_pdf(lines))),
        ("text preview 32 columns", _fresh(cash, lambda r: render_text(r, 32))),
    ]
    width = max(len(name) for name, _ in rows)
    print(f"{'what':<{width}}  median ms")
    for name, value in rows:
        print(f"{name:<{width}}  {value:9.3f}")
    escpos_ms, pdf_ms = rows[0][1], rows[4][1]
    escpos_floor, pdf_floor = rows[3][1], rows[7][1]
    escpos_max = max(rows[i][1] for i in (0, 1, 2))  # the budget holds for every receipt, QRIS too
    pdf_max = max(rows[i][1] for i in (4, 5, 6))
    print(f"budgets: escpos ≤ {ESCPOS_BUDGET_MS} ms, pdf ≤ {PDF_BUDGET_MS} ms (slowest kind: "
          f"escpos {escpos_max:.1f} ms, pdf {pdf_max:.1f} ms)")
    result = {
        "escpos_ms": round(escpos_ms, 3), "pdf_ms": round(pdf_ms, 3),
        "escpos_floor_ms": round(escpos_floor, 3), "pdf_floor_ms": round(pdf_floor, 3),
        "escpos_ratio": round(escpos_ms / escpos_floor, 2), "pdf_ratio": round(pdf_ms / pdf_floor, 2),
        "a4_ms": round(rows[6][1], 3), "qris_escpos_ms": round(rows[1][1], 3),
        "qris_pdf_ms": round(rows[5][1], 3),
        "escpos_max_ms": round(escpos_max, 3), "pdf_max_ms": round(pdf_max, 3),
        "escpos_max_ratio": round(escpos_max / escpos_floor, 2),
        "pdf_max_ratio": round(pdf_max / pdf_floor, 2),
        "within_budget": escpos_max <= ESCPOS_BUDGET_MS and pdf_max <= PDF_BUDGET_MS,
    }
    print("RESULT " + json.dumps(result))


if __name__ == "__main__":
    main()
