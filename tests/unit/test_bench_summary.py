"""The benchmark summary: RESULT lines parsed, the table's verdicts, and one real tiny run."""

from __future__ import annotations

import json

from bench import summary
from bench._common import print_result


def test_the_last_result_line_is_parsed_and_anything_else_is_none(capsys) -> None:  # type: ignore[no-untyped-def]
    print("a table\nRESULT {\"old\": 1}")
    print_result({"checkout_ms": 3.14159, "raw_ms": 1.0, "ratio": 3.14159})
    out = capsys.readouterr().out
    assert summary.parse_result(out) == {"checkout_ms": 3.1416, "raw_ms": 1.0, "ratio": 3.1416}
    assert summary.parse_result(out + "a traceback after it\n") is None
    assert summary.parse_result("") is None


def test_the_table_judges_each_budget_and_shows_failures() -> None:
    rows = summary.table_rows({
        "checkout": {"checkout_ms": 9.0, "raw_ms": 3.0, "ratio": 3.0},
        "startup": {"startup_ms": 900.0, "bare_qt_ms": 300.0, "ratio": 3.01, "login_to_sell_ms": 120.0},
        "match": None,
    })
    by_what = {row[0]: row for row in rows}
    assert by_what["checkout, 5 lines cash (ms)"][1:] == ["9", "3", "3", "≤ 3×", "ok"]
    assert by_what["start → sell usable (ms)"][-1] == "OVER"
    assert by_what["login → sell usable (ms)"][-1] == "ok"
    assert by_what["statement 10 000 × 10 000 (s)"][-1] == "FAILED"
    assert not any(row[0].startswith("name search") for row in rows)  # search did not run


def test_options_reach_only_the_benchmarks_that_take_them() -> None:
    names, extra = summary._arguments(["--only", "reports,search,nonsense", "--orders", "500",
                                       "--products", "1000"])
    assert names == ["reports", "search"]
    assert extra["reports"] == ["--orders", "500"]
    assert extra["search"] == ["--products", "1000"]
    assert extra["checkout"] == []


def test_a_real_tiny_reports_run_gives_figure_floor_and_ratio() -> None:
    result = summary.run_bench("reports", ["--orders", "400"])
    assert result is not None, "bench.reports printed no RESULT line"
    assert result["floor_same_net"] is True
    assert result["orders"] >= 365  # at least one order a day over the year
    assert result["open_s"] > 0 and result["floor_year_s"] > 0
    assert abs(result["ratio"] - result["year_s"] / result["floor_year_s"]) < 0.01 * result["ratio"] + 1e-3
    json.dumps(result)
