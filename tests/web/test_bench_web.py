"""``python -m bench.web`` runs end to end at a tiny size and prints its RESULT line."""

from __future__ import annotations

import json

import pytest

from bench import web

pytestmark = pytest.mark.slow


def test_bench_web_prints_the_result() -> None:
    lines: list[str] = []
    assert web.main(["--listings", "300", "--sellers", "20", "--pages", "5"], lines.append) == 0
    result = json.loads(lines[-1].removeprefix("RESULT "))
    assert set(result) >= {"home_p95_ms", "search_p95_ms", "product_p95_ms", "page_kb"}
    assert 1 < result["page_kb"] <= web.BUDGET_KB
    assert result["max_p95_ms"] == max(result["home_p95_ms"], result["search_p95_ms"],
                                       result["product_p95_ms"])
