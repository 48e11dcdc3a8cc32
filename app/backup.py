"""Backups of the shop file: SQLite online backup, daily with rotation, on close, and restore.

A backup is a complete, self-contained SQLite file (journal mode DELETE) named
``<shop>-YYYYMMDD-HHMMSS-<kind>.sqlite`` in the ``backups`` folder next to the shop
file (for the default shop that is the data directory's ``backups`` folder). It is
written under a temporary name and renamed, so a half-written backup never looks
like a valid one. Kinds: ``harian`` (automatic daily), ``tutup`` (on close),
``manual`` and ``sebelum-pulih`` (taken before a restore). Each automatic kind
keeps the newest ``backup.keep`` files; manual backups are never deleted.

A restore first checks the chosen file is a valid shop (SQLite, integrity ok,
a known Alembic revision, all shop tables), backs up the current file, then copies
the backup into place with the online backup API and reopens the database.
"""

from __future__ import annotations

import os
import re
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from app import audit, settings
from app.clock import local, now_utc
from app.db import KNOWN_REVISIONS, Database, online_copy, open_database
from app.errors import UserError, ValidationError
from app.owner_only import OwnerPin, actor_of, approver_of, require_owner
from models import Base

KINDS = ("harian", "tutup", "manual", "sebelum-pulih")
ROTATED_KINDS = ("harian", "tutup", "sebelum-pulih")
KIND_LABELS = {"harian": "Harian otomatis", "tutup": "Saat aplikasi ditutup",
               "manual": "Manual", "sebelum-pulih": "Sebelum pemulihan"}
SQLITE_MAGIC = b"SQLite format 3\x00"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?-(?P<kind>[a-z-]+)\.sqlite$")


class InvalidBackup(ValidationError):
    """The chosen file is not a usable shop backup (corrupt, foreign or too new)."""


@dataclass(frozen=True)
class BackupInfo:
    """One backup file: where, what kind, when (local shop time) and how big."""

    path: Path
    kind: str
    created: datetime
    size: int

    @property
    def label(self) -> str:
        """The kind in Indonesian."""
        return KIND_LABELS.get(self.kind, self.kind)


def backup_dir_for(db_path: Path) -> Path:
    """The folder where backups of this shop file go."""
    return Path(db_path).parent / "backups"


def _copy(src_path: Path, dst_path: Path) -> None:
    """Copy a live SQLite file with the online backup API into a standalone file."""
    online_copy(sqlite3.connect(str(src_path)), dst_path)
    with closing(sqlite3.connect(str(dst_path))) as dst:
        dst.execute("PRAGMA journal_mode=DELETE")


def stamped_path(folder: Path, stem: str, when: datetime, tail: str) -> Path:
    """``folder/stem-YYYYmmdd-HHMMSS<tail>`` in shop time, ``-2``, ``-3``… when already taken."""
    stamp = local(when).strftime("%Y%m%d-%H%M%S")
    target = folder / f"{stem}-{stamp}{tail}"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{stem}-{stamp}-{n}{tail}"
    return target


def _target(folder: Path, stem: str, kind: str, when: datetime) -> Path:
    return stamped_path(folder, stem, when, f"-{kind}.sqlite")


def make_backup(
    db_path: Path, kind: str = "manual", folder: Path | None = None, now: datetime | None = None
) -> Path:
    """Back up the shop file now; returns the new backup's path."""
    if kind not in KINDS:
        raise ValueError(f"unknown backup kind {kind!r}")
    db_path = Path(db_path)
    folder = folder or backup_dir_for(db_path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError("Folder cadangan '{folder}' tidak bisa dibuat: {value}", folder=folder,
                        value=exc.strerror or exc) from exc
    target = _target(folder, db_path.stem, kind, now or now_utc())
    partial = target.with_name(target.name + ".part")
    try:
        _copy(db_path, partial)
        _flush_to_disk(partial)  # a power cut after the rename must not leave an empty backup
        partial.replace(target)
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        raise UserError("Cadangan gagal dibuat di '{folder}': {exc}", folder=folder, exc=exc) from exc
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise UserError("Cadangan gagal disimpan di '{folder}': {value}", folder=folder,
                        value=exc.strerror or exc) from exc
    return target


def _flush_to_disk(path: Path) -> None:
    """Push ``path``'s bytes to the disk (fsync), so the rename that follows names real data."""
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def list_backups(db_path: Path, folder: Path | None = None) -> list[BackupInfo]:
    """Backups of this shop file, newest first."""
    db_path = Path(db_path)
    folder = folder or backup_dir_for(db_path)
    found: list[BackupInfo] = []
    if not folder.is_dir():
        return found
    for path in folder.glob(f"{db_path.stem}-*.sqlite"):
        match = _NAME.match(path.name)
        if not match or match["stem"] != db_path.stem or match["kind"] not in KINDS:
            continue
        created = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
        found.append(BackupInfo(path, match["kind"], created, path.stat().st_size))
    found.sort(key=lambda b: (b.created, b.path.name), reverse=True)
    return found


def rotate(db_path: Path, keep: int, folder: Path | None = None) -> list[Path]:
    """Delete the oldest automatic backups beyond ``keep`` of each kind; returns what went."""
    keep = max(1, keep)
    removed: list[Path] = []
    for kind in ROTATED_KINDS:
        of_kind = [b for b in list_backups(db_path, folder) if b.kind == kind]
        for old in of_kind[keep:]:
            old.path.unlink(missing_ok=True)
            removed.append(old.path)
    return removed


def keep_count(db: Database) -> int:
    """How many automatic backups of each kind are kept (setting ``backup.keep``)."""
    with db.read() as session:
        return int(settings.get(session, "backup.keep"))


def daily_backup_if_due(
    db: Database, folder: Path | None = None, now: datetime | None = None
) -> Path | None:
    """Make today's automatic backup unless one exists (then rotate); None when not due."""
    when = now or now_utc()
    today = local(when).date()
    if any(b.kind == "harian" and b.created.date() == today for b in list_backups(db.path, folder)):
        return None
    path = make_backup(db.path, "harian", folder, when)
    rotate(db.path, keep_count(db), folder)
    return path


def backup_on_close(db: Database, folder: Path | None = None, now: datetime | None = None) -> Path:
    """The backup the main window takes when the app closes (rotated like the daily ones)."""
    path = make_backup(db.path, "tutup", folder, now)
    rotate(db.path, keep_count(db), folder)
    return path


# Tables a later migration creates: a file from before that revision lacks them, and opening it
# (restoring it) creates them.
ADDED_BY = {
    "0013": ("customers", "credit_entries", "preorders", "preorder_lines", "preorder_payments",
             "cash_movements", "suppliers", "purchases", "purchase_lines", "supplier_payments",
             "kasbon_open"),
    "0014": ("promotions", "product_packs", "promotion_items", "price_tiers"),
    "0016": ("pricing_tombstones",),
    "0017": (),  # only columns (purchase_lines' pack): a 0016 file restores as it is
    "0018": (),  # rollup_product_counts is derived (a rollup_ table): migration 0018 fills it
}


def _shop_tables(revision: str) -> set[str]:
    """The tables a shop file at ``revision`` must have."""
    # The report rollups are derived: migration 0007 creates and fills them when an older file opens.
    tables = {table.name for table in Base.metadata.sorted_tables if not table.name.startswith("rollup_")}
    for added, names in ADDED_BY.items():
        if revision < added:
            tables -= set(names)
    return tables


def _open_candidate(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise InvalidBackup("Berkas '{name}' tidak ditemukan.", name=path.name)
    with path.open("rb") as handle:
        if handle.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
            raise InvalidBackup(
                "Berkas '{name}' bukan database SQLite, jadi bukan cadangan toko.", name=path.name
            )
    return _read_only(path)


def _read_only(path: Path) -> sqlite3.Connection:
    """Open a file we must never change (a chosen backup) strictly read-only.

    Our backups have no WAL, so they are opened immutable; a copied shop file with
    its ``-wal`` beside it is opened read-only through SQLite so the WAL is read too.
    """
    wal = path.with_name(path.name + "-wal")
    options = "mode=ro" if wal.exists() else "mode=ro&immutable=1"
    return sqlite3.connect(f"{path.resolve().as_uri()}?{options}", uri=True)


def _check_contents(conn: sqlite3.Connection, name: str) -> str:
    result = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    if result != ["ok"]:
        raise InvalidBackup("Berkas '{name}' rusak (pemeriksaan integritas gagal: {value}).", name=name,
                            value=result[0])
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "alembic_version" not in tables:
        raise InvalidBackup("Berkas '{name}' bukan database toko PEKEN Kasir (tidak ada versi skema).",
                            name=name)
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    revision = str(row[0]) if row else ""
    if revision not in KNOWN_REVISIONS:
        raise InvalidBackup(
            "Berkas '{name}' memakai skema '{value}' yang tidak dikenal versi aplikasi ini (mungkin dari "
            "versi yang lebih baru).", name=name, value=revision or '?'
        )
    missing = _shop_tables(revision) - tables
    if missing:
        raise InvalidBackup(
            "Berkas '{name}' bukan database toko yang lengkap (tabel hilang: {value}).", name=name,
            value=', '.join(sorted(missing)[:5])
        )
    return revision


def validate_shop_file(path: Path) -> str:
    """Check that ``path`` is a valid shop file; returns its schema revision or InvalidBackup."""
    path = Path(path)
    conn = _open_candidate(path)
    try:
        return _check_contents(conn, path.name)
    except sqlite3.DatabaseError as exc:
        raise InvalidBackup("Berkas '{name}' rusak atau bukan database toko: {exc}.", name=path.name,
                            exc=exc) from exc
    finally:
        conn.close()


@dataclass(frozen=True)
class RestoreResult:
    """After a restore: the reopened database and the backup of the file it replaced."""

    database: Database
    previous: Path


def restore(db: Database, source: Path, folder: Path | None = None, *, user_id: int | None,
            owner_pin: OwnerPin | None = None) -> RestoreResult:
    """Replace the shop with a validated backup; the caller must switch to the returned database.

    Owner-only (a restore replaces bank accounts, QRIS, printer and users at once): the
    approval is written to the current shop's audit log first. The current file is backed
    up (kind ``sebelum-pulih``), then ``db`` is closed. Whoever was logged in must log in
    again into the restored shop, whose users may differ.
    """
    source = Path(source)
    if source.exists() and source.resolve() == db.path.resolve():
        raise InvalidBackup("Berkas yang dipilih adalah berkas toko yang sedang dipakai.")
    validate_shop_file(source)
    with db.unit_of_work() as session:
        require_owner(session, user_id, "restore", owner_pin, file=source.name)
    keep = keep_count(db)
    previous = make_backup(db.path, "sebelum-pulih", folder)
    path = db.path
    db.close()
    try:
        _copy_into(source, path)
    except sqlite3.Error as exc:
        raise UserError("Pemulihan gagal, data lama tetap dipakai: {exc}", exc=exc) from exc
    finally:
        rotate(path, keep, folder)
    return RestoreResult(open_database(path), previous)


def _copy_into(source: Path, target: Path) -> None:
    """Overwrite the live shop file's contents with ``source`` (WAL-safe, atomic for readers)."""
    online_copy(_read_only(source), target)


def set_second_folder(session: Session, user_id: int | None, folder: Path | None,
                      owner_pin: OwnerPin | None = None) -> None:
    """Point the second backup copy at ``folder`` (None: no second copy); owner only, audited.

    A cashier needs an owner's PIN for this one change (:func:`app.owner_only.require_owner`).
    """
    old = str(settings.get(session, "backup.second_folder"))
    new = str(folder) if folder else ""
    approval = require_owner(session, user_id, "backup_target", owner_pin)
    settings.set_value(session, "backup.second_folder", new)
    audit.record(session, "backup.second_folder", actor_of(approval), approver_of(approval),
                 old=old, new=new)
