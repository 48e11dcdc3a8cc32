"""``python -m app.sync --db SHOP.sqlite [--interval S]``: run the sync worker headless
(a booth laptop without the window, or the fault tests)."""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from pathlib import Path

from app.db import open_database
from app.sync.engine import RetryPolicy, SyncEngine
from app.sync.worker import SyncWorker


def main(argv: list[str] | None = None) -> int:
    """Run rounds until SIGTERM/SIGINT."""
    parser = argparse.ArgumentParser(prog="python -m app.sync", description="Sinkronisasi PEKEN")
    parser.add_argument("--db", type=Path, required=True, help="berkas toko (.sqlite)")
    parser.add_argument("--interval", type=float, default=30.0, help="jeda antar putaran (detik)")
    parser.add_argument("--max-backoff", type=float, default=120.0)
    parser.add_argument("--batch", type=int, default=1000)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    db = open_database(args.db)
    done = threading.Event()
    engine = SyncEngine(db, batch_size=args.batch,
                        retry=RetryPolicy(attempts=3, base=0.05, cap=0.5))
    worker = SyncWorker(db, interval=args.interval, min_backoff=min(1.0, args.interval),
                        max_backoff=args.max_backoff, engine=engine)
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    signal.signal(signal.SIGINT, lambda *_: done.set())
    worker.start()
    done.wait()
    worker.stop()
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
