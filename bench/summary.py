"""Every benchmark in turn, then one table of figure, floor, ratio and budget (``make bench``).

Run ``python -m bench.summary [--only checkout,search] [--products N] [--orders N]``. Each
benchmark runs as its own process (offscreen); its output is passed through and its last
line, ``RESULT {json}``, is parsed. A benchmark that fails or prints no RESULT line shows as
``failed`` in the table and the others still run. Budgets are docs/design.md's
"Performance budgets" (and the issue-19 targets where the design names them).
``--products`` goes to search, startup and products_table; ``--orders`` to reports and orders_page.
The last line is ``RESULT {json}`` with every benchmark's parsed result.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench._common import print_table

ROOT = Path(__file__).resolve().parent.parent
ORDER = ("checkout", "search", "scan", "startup", "products_table", "import_products", "receipt",
         "match", "sync", "reports", "orders_page", "books", "pricing", "server", "web")
PASS_THROUGH = {"--products": ("search", "startup", "products_table"), "--orders": ("reports", "orders_page")}


@dataclass(frozen=True)
class Check:
    """One table row: a figure of a benchmark, its floor and ratio, and the budget it must hold."""

    bench: str
    what: str
    figure: str
    floor: str | None
    ratio: str | None
    limit_key: str  # the value compared with the limit (the figure or the ratio)
    limit: float
    unit: str = ""


CHECKS = (
    Check("checkout", "checkout, 5 lines cash (ms)", "checkout_ms", "raw_ms", "ratio", "ratio", 3, "×"),
    Check("search", "name search, limit 30 (ms)", "search_ms", "floor_ms", "ratio", "ratio", 2, "×"),
    Check("search", "  vs bare MATCH … LIMIT", "search_ms", "bare_ms", "bare_ratio", "search_ms", 10, " ms"),
    Check("search", "barcode lookup (ms)", "barcode_ms", None, None, "barcode_ms", 1, " ms"),
    Check("scan", "scan → cart row, p95 (ms)", "p95_ms", None, None, "p95_ms", 16, " ms"),
    Check("startup", "start → sell usable (ms)", "startup_ms", "bare_qt_ms", "ratio", "ratio", 3, "×"),
    Check("startup", "login → sell usable (ms)", "login_to_sell_ms", None, None, "login_to_sell_ms", 300,
          " ms"),
    Check("products_table", "products table, first open (ms)", "open_ms", "floor_ms", "ratio", "open_ms",
          300, " ms"),
    Check("products_table", "products table filter (ms)", "filter_ms", None, None, "filter_ms", 50, " ms"),
    Check("products_table", "whole app memory (MB)", "rss_mb", None, None, "rss_mb", 300, " MB"),
    Check("import_products", "import 10 000 products (s)", "seconds", "floor_seconds", "ratio", "seconds",
          10, " s"),
    Check("receipt", "receipt ESC/POS, slowest kind (ms)", "escpos_max_ms", "escpos_floor_ms",
          "escpos_max_ratio", "escpos_max_ms", 5, " ms"),
    Check("receipt", "receipt PDF, slowest kind (ms)", "pdf_max_ms", "pdf_floor_ms", "pdf_max_ratio",
          "pdf_max_ms", 50, " ms"),
    Check("match", "statement 10 000 × 10 000 (s)", "seconds", "floor_seconds", "ratio", "seconds", 1, " s"),
    Check("sync", "sync push 10 000 changes (s)", "push_10k_s", None, None, "push_10k_s", 10, " s"),
    Check("sync", "sync pull 1 000 orders (s)", "pull_1k_orders_s", None, None, "pull_1k_orders_s", 2, " s"),
    Check("reports", "reports page open (s)", "open_s", None, None, "open_s", 0.3, " s"),
    Check("reports", "  figures, this month (s)", "month_s", "floor_month_s", "month_ratio", "month_s", 0.3,
          " s"),
    Check("reports", "  figures, last 365 days (s)", "year_s", "floor_year_s", "ratio", "year_s", 0.3, " s"),
    Check("orders_page", "Pesanan open (ms)", "open_ms", None, None, "open_ms", 200, " ms"),
    Check("orders_page", "  all time, first page (ms)", "all_ms", "floor_ms", "ratio", "all_ms", 200, " ms"),
    Check("orders_page", "  slowest filter (ms)", "worst_ms", None, None, "worst_ms", 200, " ms"),
    Check("books", "kasbon balances, 10 000 customers (ms)", "balances_ms", "balances_floor_ms", None,
          "balances_ms", 300, " ms"),
    Check("books", "  piutang aging, 200 000 lines (ms)", "aging_ms", "aging_floor_ms", None, "aging_ms",
          300, " ms"),
    Check("books", "  laba rugi, this year (ms)", "profit_loss_year_ms", "profit_floor_ms", None,
          "profit_loss_year_ms", 300, " ms"),
    Check("pricing", "reprice 50 lines, 200 rules (ms)", "reprice_ms", "floor_ms", "ratio", "reprice_ms", 2,
          " ms"),
    Check("server", "server search p95 (ms)", "search_p95_ms", None, None, "search_p95_ms", 50, " ms"),
    Check("server", "server push 10 000 ops (s)", "push_10k_s", None, None, "push_10k_s", 10, " s"),
    Check("web", "storefront page p95, slowest (ms)", "max_p95_ms", None, None, "max_p95_ms", 100, " ms"),
    Check("web", "storefront page + css + js (KB)", "page_kb", None, None, "page_kb", 100, " KB"),
)


def parse_result(output: str) -> dict[str, Any] | None:
    """The JSON of the last ``RESULT {json}`` line of a benchmark's output (None: none found)."""
    lines = [line for line in output.strip().splitlines() if line.strip()]
    if not lines or not lines[-1].startswith("RESULT "):
        return None
    parsed = json.loads(lines[-1].removeprefix("RESULT "))
    return parsed if isinstance(parsed, dict) else None


def _number(value: object) -> str:
    if isinstance(value, bool) or value is None:
        return "–" if value is None else str(value)
    if isinstance(value, int | float):
        return f"{value:,.3f}".rstrip("0").rstrip(".") if abs(value) < 100 else f"{value:,.0f}"
    return str(value)


def table_rows(results: dict[str, dict[str, Any] | None]) -> list[list[str]]:
    """One row per check of every benchmark that ran: what, figure, floor, ratio, budget, verdict."""
    rows = []
    for check in CHECKS:
        if check.bench not in results:
            continue
        result = results[check.bench]
        if result is None:
            rows.append([check.what, "failed", "", "", "", "FAILED"])
            continue
        ratio = result.get(check.ratio) if check.ratio else None
        floor = result.get(check.floor) if check.floor else None
        value = result.get(check.limit_key)
        verdict = "–" if not isinstance(value, int | float) else "ok" if value <= check.limit else "OVER"
        rows.append([check.what, _number(result.get(check.figure)), _number(floor),
                     _number(ratio), f"≤ {_number(check.limit)}{check.unit}", verdict])
    return rows


def _arguments(argv: Sequence[str]) -> tuple[list[str], dict[str, list[str]]]:
    """(benchmarks to run, extra arguments per benchmark) from the command line."""
    names = list(ORDER)
    extra: dict[str, list[str]] = {name: [] for name in ORDER}
    args = list(argv)
    for index, arg in enumerate(args[:-1]):
        if arg == "--only":
            names = [n for n in args[index + 1].split(",") if n in ORDER]
        for flag, targets in PASS_THROUGH.items():
            if arg == flag:
                for name in targets:
                    extra[name] += [flag, args[index + 1]]
    return names, extra


def run_bench(name: str, args: Sequence[str] = ()) -> dict[str, Any] | None:
    """Run ``bench.<name>`` as a process, pass its output through, and parse its RESULT line."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    print(f"\n=== bench.{name} {' '.join(args)}".rstrip(), flush=True)
    done = subprocess.run([sys.executable, "-m", f"bench.{name}", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=False)
    print(done.stdout.rstrip(), flush=True)
    if done.returncode != 0:
        print(f"bench.{name} failed ({done.returncode}):\n{done.stderr[-3000:]}", flush=True)
        return None
    return parse_result(done.stdout)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmarks, print the summary table and the RESULT line; 1 if any failed."""
    names, extra = _arguments(sys.argv[1:] if argv is None else argv)
    results = {name: run_bench(name, extra[name]) for name in names}
    print("\nSummary (figures from this run; the machine's load makes them noisy — compare ratios):")
    print_table(["what", "figure", "floor", "ratio", "budget", "verdict"], table_rows(results))
    print("RESULT " + json.dumps(results), flush=True)
    return 1 if any(r is None for r in results.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
