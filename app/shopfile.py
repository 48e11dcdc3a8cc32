"""What is wrong with a shop file, found before it is opened — without changing it.

:func:`check` looks at a shop file (or where a new one would be made) and names the
first problem a seller can do something about: the file cannot be read, is damaged,
is not a PEKEN Kasir shop, is read-only or sits in a read-only folder (SQLite's WAL
needs to create ``-wal``/``-shm`` files beside it), was written by a newer version,
or the disk is full. :func:`acquire_lock` takes the shop's lock file so a second
PEKEN Kasir on the same file is refused (``locked``). :func:`classify_error` names
an error that still happened while opening.

Nothing here writes to the shop file: contents are read through a read-only
(``mode=ro``, or ``immutable`` when no WAL exists) SQLite connection, so a rejected
file is left byte-identical. Read-only means "marked read-only" (no write permission
bit) as well as "not writable by this user", so a file marked read-only is treated
the same for an administrator.

A read-only file or folder is not opened for use: :func:`copy_for_use` makes a
writable copy the seller may choose to open instead (the window then says so).
"""

from __future__ import annotations

import errno
import logging
import os
import shutil
import sqlite3
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from app.clock import file_stamp
from app.errors import DatabaseVersionError, UserError
from app.schema import KNOWN_REVISIONS

log = logging.getLogger(__name__)

SQLITE_MAGIC = b"SQLite format 3\x00"
MIN_FREE_BYTES = 5 * 1024 * 1024  # less free space than this at start-up: "disk full"
MIN_FREE_ENV = "PEKEN_MIN_FREE_BYTES"  # overrides it (tests; a PC on a nearly full disk)
LOCK_SUFFIX = ".lock"

KINDS = ("unreadable", "damaged", "not_shop", "readonly_file", "readonly_folder",
         "newer_version", "disk_full", "locked", "unexpected")
MESSAGES = {
    "unreadable": "Berkas toko tidak bisa dibaca.",
    "damaged": "Berkas toko rusak; pakai cadangan terbaru dari folder 'backups'.",
    "not_shop": "Berkas ini bukan database toko PEKEN Kasir.",
    "readonly_file": "Berkas toko hanya-baca; penjualan tidak bisa disimpan ke berkas ini.",
    "readonly_folder": "Folder berkas toko tidak bisa ditulisi (hanya-baca).",
    "newer_version": "Berkas toko dibuat oleh versi PEKEN Kasir yang lebih baru; perbarui aplikasi.",
    "disk_full": "Disk penuh; kosongkan ruang disk lalu buka lagi.",
    "locked": "Berkas toko sedang dibuka oleh PEKEN Kasir lain; tutup dulu yang lain itu.",
    "unexpected": "Berkas toko tidak bisa dibuka karena kesalahan tak terduga.",
}


@dataclass(frozen=True)
class ShopFileProblem:
    """One problem with a shop file: ``kind`` (one of :data:`KINDS`), the file, technical detail."""

    kind: str
    path: Path
    detail: str = ""
    said: str = ""  # a UserError's own Indonesian message, fit to show as it is

    @property
    def message(self) -> str:
        """The problem in Indonesian, with the file (for the command line and the log)."""
        return f"{MESSAGES[self.kind]} Berkas: {self.path}"

    @property
    def can_copy(self) -> bool:
        """Whether a writable copy would be usable (the contents themselves are fine)."""
        return self.kind in ("readonly_file", "readonly_folder")


def _marked_writable(path: Path) -> bool:
    mode = path.stat().st_mode
    return bool(mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)) and os.access(path, os.W_OK)


def _read_only_filesystem(path: Path) -> bool:
    statvfs = getattr(os, "statvfs", None)
    return bool(statvfs and statvfs(path).f_flag & getattr(os, "ST_RDONLY", 1))


def _folder_writable(folder: Path) -> bool:
    return (_marked_writable(folder) and os.access(folder, os.X_OK)
            and not _read_only_filesystem(folder))


def _existing_folder(path: Path) -> Path:
    """The folder of ``path``, or its nearest existing ancestor when it is still to be made."""
    folder = path.parent.absolute()
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder


def _read_header(path: Path) -> bytes:
    mode = path.stat().st_mode
    if not mode & (stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH):
        raise PermissionError(errno.EACCES, "berkas tidak boleh dibaca", str(path))
    with path.open("rb") as handle:
        return handle.read(len(SQLITE_MAGIC))


def read_only_connection(path: Path) -> sqlite3.Connection:
    """A connection that can never write to ``path``.

    Without a ``-wal`` file the database is opened immutable (nothing to merge, no
    ``-shm`` needed). With one, read-only through SQLite so the WAL's pages are seen;
    when even that cannot open (a read-only folder without ``-shm``), immutable: enough
    to read the schema and version, which a WAL left by a crash rarely changes.
    """
    wal = path.with_name(path.name + "-wal")
    uri = path.absolute().as_uri()
    if wal.exists():
        conn = sqlite3.connect(f"{uri}?mode=ro", uri=True)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.OperationalError:
            conn.close()
    return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True)


def _contents_problem(path: Path) -> ShopFileProblem | None:
    """Open read-only and check it is a shop this version knows."""
    try:
        conn = read_only_connection(path)
        try:
            tables = {row[0] for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table'")}
            if "alembic_version" not in tables:
                return ShopFileProblem("not_shop", path, "tidak ada versi skema") if tables else None
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return classify_error(path, exc)
    revision = str(row[0]) if row else ""
    if revision and revision not in KNOWN_REVISIONS:
        return ShopFileProblem("newer_version", path, f"skema {revision}")
    return None


def _space_problem(path: Path, folder: Path, min_free: int) -> ShopFileProblem | None:
    free = shutil.disk_usage(folder).free
    if free < min_free:
        return ShopFileProblem("disk_full", path, f"sisa {free} byte")
    return None


def check(path: Path, *, min_free: int | None = None) -> ShopFileProblem | None:
    """The first problem that stops ``path`` from being opened as a shop, or None.

    A missing file is fine when its folder can be made and written (a new shop).
    ``min_free``: bytes that must be free on its disk (default :data:`MIN_FREE_BYTES`,
    or ``PEKEN_MIN_FREE_BYTES``).
    """
    path = Path(path)
    if min_free is None:
        min_free = int(os.environ.get(MIN_FREE_ENV) or MIN_FREE_BYTES)
    folder = _existing_folder(path)
    try:
        if not path.exists():
            if not _folder_writable(folder):
                return ShopFileProblem("readonly_folder", path, f"folder {folder}")
            return _space_problem(path, folder, min_free)
        if not path.is_file():
            return ShopFileProblem("unreadable", path, "bukan berkas biasa (folder?)")
        header = _read_header(path)
        if header and header != SQLITE_MAGIC:
            return ShopFileProblem("not_shop", path, "bukan berkas SQLite")
        problem = _contents_problem(path) if header else None
        if problem is not None:
            return problem
        if not _marked_writable(path):
            return ShopFileProblem("readonly_file", path)
        if not _folder_writable(folder):
            return ShopFileProblem("readonly_folder", path, f"folder {folder}")
        return _space_problem(path, folder, min_free)
    except OSError as exc:
        return classify_error(path, exc)


def classify_error(path: Path, exc: BaseException) -> ShopFileProblem:
    """Name the problem behind an error raised while checking or opening ``path``."""
    detail = str(exc)
    cause = getattr(exc, "orig", None) or exc  # SQLAlchemy wraps the sqlite3 error
    text = str(cause).lower()
    if isinstance(exc, DatabaseVersionError):
        return ShopFileProblem("newer_version", path, detail)
    if isinstance(cause, OSError):
        if cause.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            return ShopFileProblem("disk_full", path, detail)
        if cause.errno == errno.EROFS:
            return ShopFileProblem("readonly_folder", path, detail)
        return ShopFileProblem("unreadable", path, detail)
    if isinstance(cause, sqlite3.DatabaseError):
        for needle, kind in (("disk is full", "disk_full"), ("locked", "locked"),
                             ("busy", "locked"), ("readonly", "readonly_file"),
                             ("not a database", "not_shop"), ("malformed", "damaged"),
                             ("corrupt", "damaged"), ("unable to open", "unreadable"),
                             ("disk i/o", "unreadable")):
            if needle in text:
                return ShopFileProblem(kind, path, detail)
    said = str(exc) if isinstance(exc, UserError) else ""
    return ShopFileProblem("unexpected", path, detail, said)


class ShopLock:
    """The OS lock on ``<shop>.lock`` held while this app has the shop open (freed on exit/crash)."""

    def __init__(self, handle: IO[bytes], path: Path) -> None:
        self._handle = handle
        self.path = path

    def release(self) -> None:
        """Let another PEKEN Kasir open the shop (the lock file itself stays)."""
        if not self._handle.closed:
            self._handle.close()  # closing the descriptor drops the OS lock


def lock_path(path: Path) -> Path:
    """The lock file beside a shop file."""
    return Path(path).with_name(Path(path).name + LOCK_SUFFIX)


_HELD = {errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES, getattr(errno, "EDEADLK", errno.EACCES)}


def _try_lock(handle: IO[bytes]) -> bool:
    """Lock the file's first byte; False when another process holds it.

    A folder whose file system cannot lock at all (some network shares) is not "in use":
    the shop opens without the guard, and the log says so.
    """
    handle.seek(0)  # Windows locks bytes from the current position: always byte 0
    try:
        if os.name == "nt":
            import msvcrt  # noqa: PLC0415 (platform-specific: Windows only)

            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        else:
            import fcntl  # noqa: PLC0415 (platform-specific: POSIX only)

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in _HELD:
            return False
        log.warning("shop lock not supported here (%s); opening without it", exc)
    return True


def acquire_lock(path: Path) -> ShopLock | ShopFileProblem:
    """Take the shop's lock, or the ``locked`` problem when another PEKEN Kasir holds it."""
    target = lock_path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle = open(target, "a+b")  # noqa: SIM115 - held open for the life of the lock
    except OSError as exc:
        return classify_error(path, exc)
    if not _try_lock(handle):
        handle.close()
        return ShopFileProblem("locked", path, f"kunci {target} dipegang proses lain")
    handle.truncate(0)
    handle.write(f"{os.getpid()}\n".encode())
    handle.flush()
    return ShopLock(handle, target)


def copy_for_use(path: Path, folder: Path) -> Path:
    """A writable copy of a read-only shop file in ``folder``; the original is only read.

    The file and its ``-wal`` (sales not yet merged, e.g. after a power cut) are copied
    byte for byte, then the copy merges its WAL and becomes a standalone file.
    """
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{path.stem}-salinan-{file_stamp()}.sqlite"
    shutil.copyfile(path, target)
    wal = path.with_name(path.name + "-wal")
    if wal.exists():
        shutil.copyfile(wal, target.with_name(target.name + "-wal"))
    copy = sqlite3.connect(str(target))
    try:
        copy.execute("PRAGMA journal_mode=DELETE")  # merges the copied WAL into the copy
    finally:
        copy.close()
    return target
