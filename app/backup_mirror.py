"""The second backup folder (a USB drive) and the backups taken while the app keeps running.

Setting ``backup.second_folder`` names a folder — typically on a flash drive — that
receives a copy of each new backup under the same name. A copy counts only once it is
**verified**: its bytes hash the same as the original's and SQLite's integrity check
passes on the copy opened read-only. A drive that is unplugged is reported, never
created on the PC's own disk. The second folder is rotated like the first.

:func:`scheduled_backup` is what the app runs periodically (``ui.backup_scheduler``):
today's automatic backup when the shop day (``app.clock``) has none yet, then the newest
backup copied to the second folder if it is not there.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app import backup, settings
from app.db import Database
from app.errors import UserError

# One backup job at a time: the periodic check (a worker thread) and the closing backup (the
# GUI thread) would otherwise rotate and copy the same folders at once.
_JOBS = threading.Lock()

STATES = ("off", "folder_missing", "no_backup", "missing", "present", "ok", "corrupt")


@dataclass(frozen=True)
class SecondCopyStatus:
    """How the second folder stands: ``state`` (one of :data:`STATES`), which backup, detail."""

    state: str
    folder: Path | None = None
    backup_name: str = ""
    detail: str = ""

    @property
    def ok(self) -> bool:
        """Whether the newest backup has a verified copy (or no second folder is set)."""
        return self.state in ("off", "ok", "present", "no_backup")


def second_folder(db: Database) -> Path | None:
    """The second backup folder set for this shop, or None."""
    with db.read() as session:
        value = str(settings.get(session, "backup.second_folder")).strip()
    return Path(value) if value else None


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def copy_problem(original: Path, copy: Path) -> str:
    """Why ``copy`` is not a faithful, usable copy of ``original`` ("" when it is)."""
    if not copy.is_file():
        return "salinan tidak ada"
    if _sha256(copy) != _sha256(original):
        return "isi salinan berbeda dari cadangan aslinya"
    try:
        conn = sqlite3.connect(f"{copy.absolute().as_uri()}?mode=ro&immutable=1", uri=True)
        try:
            result = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return f"salinan tidak bisa dibaca: {exc}"
    return "" if result == ["ok"] else f"pemeriksaan integritas gagal: {result[0]}"


def copy_to_second(backup_path: Path, folder: Path) -> Path:
    """Copy one backup into the second folder and verify it; UserError when that fails."""
    if not folder.is_dir():
        raise UserError("Folder cadangan kedua '{folder}' tidak ditemukan (flashdisk belum "
                        "dipasang?).", folder=folder)
    target = folder / backup_path.name
    partial = target.with_name(target.name + ".part")
    try:
        shutil.copyfile(backup_path, partial)
        with partial.open("rb+") as handle:
            os.fsync(handle.fileno())
        partial.replace(target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise UserError("Cadangan gagal disalin ke '{folder}': {reason}", folder=folder,
                        reason=exc.strerror or exc) from exc
    problem = copy_problem(backup_path, target)
    if problem:
        raise UserError("Salinan cadangan di '{folder}' tidak sama dengan aslinya: {problem}",
                        folder=folder, problem=problem)
    return target


def status(db_path: Path, second: Path | None, folder: Path | None = None) -> SecondCopyStatus:
    """Check the newest backup's copy in the second folder (reads both files)."""
    if second is None:
        return SecondCopyStatus("off")
    if not second.is_dir():
        return SecondCopyStatus("folder_missing", second)
    backups = backup.list_backups(db_path, folder)
    if not backups:
        return SecondCopyStatus("no_backup", second)
    newest = backups[0].path
    copy = second / newest.name
    if not copy.exists():
        return SecondCopyStatus("missing", second, newest.name)
    problem = copy_problem(newest, copy)
    return SecondCopyStatus("corrupt" if problem else "ok", second, newest.name, problem)


def mirror_newest(db: Database, folder: Path | None = None,
                  verify_existing: bool = False) -> SecondCopyStatus:
    """Copy the newest backup to the second folder when it has no copy there yet, verified.

    ``verify_existing``: also check a copy already there, and copy again when it is bad.
    """
    second = second_folder(db)
    if second is None:
        return SecondCopyStatus("off")
    backups = backup.list_backups(db.path, folder)
    if not backups:
        return SecondCopyStatus("no_backup", second)
    newest = backups[0].path
    copy = second / newest.name
    if copy.exists() and not (verify_existing and copy_problem(newest, copy)):
        return SecondCopyStatus("present", second, newest.name)  # verified when it was copied
    try:
        copy_to_second(newest, second)
    except UserError as exc:
        state = "folder_missing" if not second.is_dir() else "corrupt"
        return SecondCopyStatus(state, second, newest.name, str(exc))
    backup.rotate(db.path, backup.keep_count(db), second)
    return SecondCopyStatus("ok", second, newest.name)


@dataclass(frozen=True)
class ScheduledResult:
    """What a periodic check did: the new daily backup (or None) and the second folder's state."""

    made: Path | None
    second: SecondCopyStatus
    offsite: tuple[str, ...] = ()  # problems of the encrypted off-machine copies


def scheduled_backup(db: Database, folder: Path | None = None,
                     now: datetime | None = None) -> ScheduledResult:
    """Today's (shop-day) automatic backup if missing, its copy to the second folder, then
    the day's encrypted copies (chosen folder, PEKEN server: :mod:`app.sync.offsite`)."""
    from app.sync.offsite import offsite_if_due  # noqa: PLC0415 (app.sync.offsite pulls the HTTP sync client, ~290 ms; loaded only when a copy is due)

    with _JOBS:
        made = backup.daily_backup_if_due(db, folder, now)
        second = mirror_newest(db, folder)
    return ScheduledResult(made, second, tuple(offsite_if_due(db, now)))


def closing_backup(db: Database, folder: Path | None = None) -> SecondCopyStatus:
    """The backup taken when the app closes and its copy to the second folder.

    Waits for a periodic check still running, so the two never touch the folders together.
    """
    with _JOBS:
        backup.backup_on_close(db, folder)
        return mirror_newest(db, folder)
