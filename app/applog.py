"""The app's log file in the data directory: errors go there, never to a seller's screen as a traceback.

Started from a shortcut there is no terminal, so what went wrong is kept in
``peken-kasir.log`` (the dialogs name the file); it is rotated at 1 MB, 3 files kept.
"""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from app import paths

LOG_NAME = "peken-kasir.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_path() -> Path:
    """Where the log file is (in the user data directory)."""

    return paths.data_dir() / LOG_NAME


def start_file_log(path: Path | None = None) -> Path:
    """Send INFO and worse of every logger to the log file (once per process); returns its path."""
    target = path or log_path()
    root = logging.getLogger()
    for handler in root.handlers:
        if isinstance(handler, RotatingFileHandler) and Path(handler.baseFilename) == target:
            return target
    try:
        handler = RotatingFileHandler(target, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:  # no writable data directory: stderr is all there is
        return target
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.INFO:
        root.setLevel(logging.INFO)
    return target
