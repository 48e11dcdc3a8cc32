"""``python -m server [--port N] [--data-dir DIR] [--workers N]``, ``... create-admin`` or
``... set-password --name NAME`` (the console login; the password is read from the terminal).

SIGTERM / Ctrl+C: the server stops accepting connections, lets the requests in
flight finish for at most ``PEKEN_SHUTDOWN_TIMEOUT_S`` seconds and exits.

With ``--workers N`` (N > 1) each worker takes one request at a time and lets one wait at
most 0.1 s for it, unless ``PEKEN_MAX_CONCURRENT_REQUESTS`` / ``PEKEN_QUEUE_TIMEOUT_S`` say
otherwise: the workers already overlap one another's waits, more at work per process only
fought over its interpreter lock, and under overload the requests served late (after most
of a 0.5 s wait) were often ones their clients had given up on. Issue 14, bench.server_load,
PostgreSQL, 4 workers on 2 cores, p95 push / search / order: 2 at work and 0.5 s 478 / 706 /
423 ms (36 served/s), 2 and 0.1 s 180 / 119 / 196 ms, 1 and 0.1 s 106 / 79 / 115 ms (57/s).
One process alone keeps 2 and 0.5 s, so a row lock held by another server cannot stall it.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Mapping
from pathlib import Path

import uvicorn

from server.admin import create_admin, set_password
from server.app import create_app
from server.config import Settings


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m server", description="Server katalog PEKEN")
    parser.add_argument("command", nargs="?", default="serve",
                        choices=["serve", "create-admin", "set-password"])
    parser.add_argument("--data-dir", type=Path, help="folder data (file SQLite)")
    parser.add_argument("--port", type=int, help="port (bawaan 8040)")
    parser.add_argument("--host", help="alamat (bawaan 127.0.0.1)")
    parser.add_argument("--workers", type=int, default=1, help="jumlah proses (bawaan 1)")
    parser.add_argument("--name", default="admin", help="nama token admin (create-admin)")
    return parser


def _settings(args: argparse.Namespace) -> Settings:
    overrides: dict[str, object] = {}
    if args.data_dir is not None:
        overrides["data_dir"] = args.data_dir
    if args.port is not None:
        overrides["port"] = args.port
    if args.host is not None:
        overrides["host"] = args.host
    return Settings(**overrides)  # type: ignore[arg-type]


def main(argv: list[str] | None = None) -> int:
    """Serve the catalog, or print a new admin token."""
    args = _parser().parse_args(argv)
    settings = _settings(args)
    if args.command == "create-admin":
        print(create_admin(settings, args.name))
        return 0
    if args.command == "set-password":  # the city console's login (reads the password)
        set_password(settings, args.name, getpass.getpass("Kata sandi admin: ")
                     if sys.stdin.isatty() else sys.stdin.readline().rstrip("\n"))
        return 0
    return _serve(settings, args.workers)


# The load gate of each worker of --workers N, unless the operator set these (module docstring).
WORKER_GATE = {"PEKEN_MAX_CONCURRENT_REQUESTS": "1", "PEKEN_QUEUE_TIMEOUT_S": "0.1"}


def worker_environment(settings: Settings, environ: Mapping[str, str]) -> dict[str, str]:
    """What the worker processes of ``--workers N`` read besides the inherited environment:
    the data folder, and :data:`WORKER_GATE` where the operator chose nothing."""
    extra = {"PEKEN_DATA_DIR": str(settings.data_dir)}
    extra.update({name: value for name, value in WORKER_GATE.items() if name not in environ})
    return extra


def _serve(settings: Settings, workers: int) -> int:
    common: dict[str, object] = {
        "host": settings.host, "port": settings.port, "log_level": "info",
        "timeout_graceful_shutdown": settings.shutdown_timeout_s,
        "timeout_keep_alive": settings.keep_alive_s,
        "forwarded_allow_ips": settings.forwarded_allow_ips,
    }
    if workers <= 1:
        uvicorn.run(create_app(settings), **common)  # type: ignore[arg-type]
        return 0
    create_app(settings).state.db.dispose()  # migrate once, before the workers start
    os.environ.update(worker_environment(settings, os.environ))
    uvicorn.run("server.app:app_from_environment", factory=True, workers=workers,
                **common)  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main())
