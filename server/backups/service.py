"""Storing, listing, serving and pruning a shop's encrypted backups.

The server never sees a key: a backup is opaque bytes encrypted on the shop's PC with
the owner's recovery phrase. An upload is started with its size and SHA-256, sent in
chunks of at most :data:`CHUNK_SIZE` (each request stays under the body limit), and only
counts once :func:`complete` has checked every chunk, the size and the hash. A shop sees
only its own backups: another shop's id is "not found".

Retention (after each completed upload): the newest :data:`KEEP_LAST` backups, plus the
newest of each calendar month (UTC) for the last :data:`KEEP_MONTHS` months; the rest
go. A started upload is dropped when the same shop starts another or after a day.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from pydantic import BaseModel
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from server.backups.models import ShopBackup, ShopBackupChunk
from server.errors import ApiError, invalid, not_found
from server.models import ProcessedOp
from server.security import DeviceAuth

CHUNK_SIZE = 1024 * 1024
MAX_BACKUP_BYTES = 256 * 1024 * 1024
KEEP_LAST = 7
KEEP_MONTHS = 12
STALE_UPLOAD = timedelta(days=1)


class BackupOut(BaseModel):
    """One backup as the shop's device sees it."""

    id: int
    created_at: datetime
    size: int
    sha256: str


class UploadOut(BaseModel):
    """A started upload: where to send the chunks and how big each may be."""

    id: int
    chunk_size: int
    chunks: int


def _out(row: ShopBackup) -> BackupOut:
    return BackupOut(id=row.id, created_at=row.created_at, size=row.size, sha256=row.sha256)


def chunk_count(size: int) -> int:
    """How many chunks a backup of ``size`` bytes has."""
    return max(1, -(-size // CHUNK_SIZE))


def _drop(session: Session, ids: list[int]) -> None:
    if ids:
        session.execute(delete(ShopBackupChunk).where(ShopBackupChunk.backup_id.in_(ids)))
        session.execute(delete(ShopBackup).where(ShopBackup.id.in_(ids)))


def start(session: Session, auth: DeviceAuth, size: int, sha256: str, now: datetime) -> UploadOut:
    """Begin an upload (the shop's unfinished ones are dropped); 413 when too large."""
    if size > MAX_BACKUP_BYTES:
        raise ApiError(413, "backup_too_large",
                       f"Cadangan terlalu besar (maksimal {MAX_BACKUP_BYTES // 1024 ** 2} MB).")
    unfinished = session.scalars(select(ShopBackup.id).where(
        ShopBackup.seller_id == auth.seller_id, ShopBackup.complete.is_(False))).all()
    _drop(session, list(unfinished))
    row = ShopBackup(seller_id=auth.seller_id, device_id=auth.device_id, created_at=now,
                     size=size, sha256=sha256.lower(), complete=False)
    session.add(row)
    session.flush()
    return UploadOut(id=row.id, chunk_size=CHUNK_SIZE, chunks=chunk_count(size))


def _own(session: Session, auth: DeviceAuth, backup_id: int) -> ShopBackup:
    row = session.get(ShopBackup, backup_id)
    if row is None or row.seller_id != auth.seller_id:
        raise not_found("backup_not_found", "Cadangan tidak ditemukan.")
    return row


def put_chunk(session: Session, auth: DeviceAuth, backup_id: int, idx: int, data: bytes) -> None:
    """Store (or replace) one chunk of an unfinished upload."""
    row = _own(session, auth, backup_id)
    if row.complete:
        raise ApiError(409, "backup_complete", "Cadangan ini sudah lengkap dan tidak bisa diubah.")
    if idx >= chunk_count(row.size) or not data or len(data) > CHUNK_SIZE:
        raise invalid("backup_chunk_invalid", "Potongan cadangan tidak sesuai ukurannya.")
    session.execute(delete(ShopBackupChunk).where(ShopBackupChunk.backup_id == row.id,
                                                  ShopBackupChunk.idx == idx))
    session.add(ShopBackupChunk(backup_id=row.id, idx=idx, data=data))


def content(session: Session, auth: DeviceAuth, backup_id: int, *, finished: bool = True) -> bytes:
    """The bytes of one of the shop's backups (404 for another shop's)."""
    row = _own(session, auth, backup_id)
    if finished and not row.complete:
        raise not_found("backup_not_found", "Cadangan tidak ditemukan.")
    chunks = session.scalars(select(ShopBackupChunk.data).where(
        ShopBackupChunk.backup_id == row.id).order_by(ShopBackupChunk.idx)).all()
    return b"".join(chunks)


def complete(session: Session, auth: DeviceAuth, backup_id: int, now: datetime) -> BackupOut:
    """Check the upload (every chunk, size, SHA-256), mark it complete, apply retention."""
    row = _own(session, auth, backup_id)
    parts = session.scalar(select(func.count()).where(ShopBackupChunk.backup_id == row.id))
    data = content(session, auth, backup_id, finished=False)
    if parts != chunk_count(row.size) or len(data) != row.size \
            or hashlib.sha256(data).hexdigest() != row.sha256:
        raise invalid("backup_incomplete", "Cadangan belum lengkap atau isinya tidak cocok; "
                                            "kirim ulang.")
    row.complete = True
    row.created_at = now
    session.flush()
    prune(session, auth.seller_id, now)
    return _out(row)


def listing(session: Session, auth: DeviceAuth) -> list[BackupOut]:
    """The shop's complete backups, newest first."""
    rows = session.scalars(select(ShopBackup).where(
        ShopBackup.seller_id == auth.seller_id, ShopBackup.complete.is_(True))
        .order_by(ShopBackup.created_at.desc(), ShopBackup.id.desc()))
    return [_out(row) for row in rows]


def keepers(rows: list[tuple[int, datetime]], now: datetime) -> set[int]:
    """Which backups retention keeps: newest KEEP_LAST, plus each recent month's newest."""
    ordered = sorted(rows, key=lambda r: (r[1], r[0]), reverse=True)
    keep = {backup_id for backup_id, _ in ordered[:KEEP_LAST]}
    months: set[tuple[int, int]] = set()
    oldest = (now.year * 12 + now.month - 1) - (KEEP_MONTHS - 1)
    for backup_id, created in ordered:
        month = (created.year, created.month)
        if month not in months and created.year * 12 + created.month - 1 >= oldest:
            months.add(month)
            keep.add(backup_id)
    return keep


def prune(session: Session, seller_id: int, now: datetime) -> list[int]:
    """Apply retention to a shop's backups and drop stale unfinished uploads; returns dropped ids."""
    rows = session.execute(select(ShopBackup.id, ShopBackup.created_at, ShopBackup.complete)
                           .where(ShopBackup.seller_id == seller_id)).all()
    done = [(r.id, r.created_at) for r in rows if r.complete]
    keep = keepers(done, now)
    gone = [r.id for r in rows if (r.complete and r.id not in keep)
            or (not r.complete and r.created_at < now - STALE_UPLOAD)]
    _drop(session, gone)
    return gone


def known_ops(session: Session, auth: DeviceAuth, op_ids: list[str]) -> list[str]:
    """Which of ``op_ids`` the server already processed for this shop (any device)."""
    found = session.scalars(select(ProcessedOp.op_id).where(
        ProcessedOp.seller_id == auth.seller_id, ProcessedOp.op_id.in_(op_ids)))
    return sorted(found)
