"""``python -m server --workers N``: what each worker process is told (issue 14)."""

from __future__ import annotations

from pathlib import Path

import pytest

from server.__main__ import worker_environment
from server.config import Settings


def test_each_worker_takes_one_request_at_a_time_by_default(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    extra = worker_environment(Settings(data_dir=tmp_path), {"PATH": "/usr/bin"})
    assert extra == {"PEKEN_DATA_DIR": str(tmp_path), "PEKEN_MAX_CONCURRENT_REQUESTS": "1",
                     "PEKEN_QUEUE_TIMEOUT_S": "0.1"}
    for name, value in extra.items():
        monkeypatch.setenv(name, value)
    worker = Settings()  # as app_from_environment builds it in the worker
    assert worker.max_concurrent_requests == 1 and worker.queue_timeout_s == 0.1
    assert worker.data_dir == tmp_path
    assert worker.pool_size == 5  # its pool follows


def test_an_operators_choice_of_requests_at_work_is_kept(tmp_path: Path) -> None:
    extra = worker_environment(Settings(data_dir=tmp_path),
                               {"PEKEN_MAX_CONCURRENT_REQUESTS": "3"})
    assert extra == {"PEKEN_DATA_DIR": str(tmp_path), "PEKEN_QUEUE_TIMEOUT_S": "0.1"}


def test_one_process_alone_keeps_its_roomier_gate(tmp_path: Path) -> None:
    alone = Settings(data_dir=tmp_path)
    assert (alone.max_concurrent_requests, alone.queue_timeout_s) == (2, 0.5)
