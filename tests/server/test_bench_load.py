"""Smoke run of ``bench.server_load``: a short city load on SQLite keeps every promise."""

from __future__ import annotations

from bench.server_load import options_for, run


def test_short_load_run_loses_and_doubles_nothing() -> None:
    figures = run("sqlite", options_for(shops=3, devices=2, buyers=4, seconds=3, device_every=0.2,
                                        buyer_every=0.2, clients=1))
    assert figures["errors_5xx"] == 0
    assert figures["lost"] == 0 and figures["doubled"] == 0
    assert figures["gap_free"] is True
    assert figures["ops_per_s"] > 0
    assert figures["health_after_s"] < 1
