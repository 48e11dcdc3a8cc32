"""A migrated, empty shop file made once per test process, copied for every test that needs one.

Running the Alembic migrations costs about half a second per shop file; copying a file that is
already at the head revision and opening it costs a few milliseconds. ``open_database`` on the
copy takes the same path as on any shop at head (no migration, no backup), so a test of a new
shop sees the same file it would get by migrating from scratch. Tests of the migrations
themselves keep calling ``open_database`` on a new path.
"""

from __future__ import annotations

import atexit
import functools
import shutil
import tempfile
from pathlib import Path

from app.db import Database, open_database


@functools.cache
def template_path() -> Path:
    """The migrated empty shop file of this process (made on first use, removed at exit)."""
    folder = Path(tempfile.mkdtemp(prefix="peken-template-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    path = folder / "template.sqlite"
    open_database(path).close()  # close checkpoints the WAL: the main file is complete
    return path


def copy_template(target: Path) -> Path:
    """Copy the migrated empty shop to ``target`` (folders made as needed); returns ``target``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(template_path(), target)
    return target


def new_shop(target: Path) -> Database:
    """Open a new, migrated, empty shop file at ``target`` (a copy of the template)."""
    return open_database(copy_template(target))
