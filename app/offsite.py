"""Encrypted off-machine backups: set-up, writing them to a folder, and restoring one.

The owner sets up a recovery phrase once (:func:`setup_phrase`, shown once, never
stored). From then on every off-machine copy — the chosen folder (a USB drive, a synced
cloud folder) and the PEKEN server (:mod:`app.sync.offsite`) — is a ``.pekenbak`` file
(:mod:`app.offsite_format`) made from a consistent online copy of the shop file.

Restoring (:func:`restore_encrypted`) decrypts with the phrase, refuses a wrong phrase, a
damaged file or another shop's backup before anything is touched, then hands the shop
file to :func:`app.backup.restore` (owner only, the current file backed up first) and
adopts the restored shop on this installation (:func:`adopt_installation`): this PC keeps
its own device token, gets a new HLC node id, and the restored outbox and cursor stay.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
import tempfile
import uuid
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from app import audit, backup, settings
from app.clock import now_utc
from app.db import Database, online_copy
from app.errors import UserError
from app.offsite_format import SUFFIX, BackupFileError, Header, decrypt, encrypt, read_header
from app.offsite_phrase import KdfParams, new_phrase, normalize, private_key, public_bytes
from app.owner_only import OwnerPin, actor_of, approver_of, require_owner
from app.sync import hlc, state

UPLOADED_KEY = "offsite_uploaded"  # sync_state: the shop day of the last server upload


def is_set_up(session: Session) -> bool:
    """Whether the owner has set up a recovery phrase for this shop."""
    return bool(settings.get(session, "offsite.public_key"))


def setup_phrase(session: Session, user_id: int | None, owner_pin: OwnerPin | None = None,
                 phrase: str | None = None) -> str:
    """Keep the public key of ``phrase`` (a new one when None); returns the phrase to show ONCE.

    Owner only and audited. Backups made before a new phrase still need the old phrase.
    """
    approval = require_owner(session, user_id, "backup_target", owner_pin)
    phrase = normalize(phrase) if phrase else new_phrase()
    salt = secrets.token_bytes(16)
    settings.set_value(session, "offsite.salt", salt.hex())
    settings.set_value(session, "offsite.public_key", public_bytes(private_key(phrase, salt)).hex())
    if not settings.get(session, "offsite.shop_uuid"):
        settings.set_value(session, "offsite.shop_uuid", str(uuid.uuid4()))
    audit.record(session, "backup.recovery_phrase", actor_of(approval), approver_of(approval))
    return phrase


def set_targets(session: Session, user_id: int | None, folder: Path | None, to_server: bool,
                owner_pin: OwnerPin | None = None) -> None:
    """Choose the encrypted-backup folder (None: none) and whether the server keeps copies."""
    approval = require_owner(session, user_id, "backup_target", owner_pin)
    old = (settings.get(session, "offsite.folder"), settings.get(session, "offsite.server"))
    settings.set_value(session, "offsite.folder", str(folder) if folder else "")
    settings.set_value(session, "offsite.server", bool(to_server))
    audit.record(session, "backup.offsite_targets", actor_of(approval), approver_of(approval),
                 old=list(old), new=[str(folder or ""), bool(to_server)])


def offsite_folder(db: Database) -> Path | None:
    """The folder chosen for encrypted backups, or None."""
    with db.read() as session:
        value = str(settings.get(session, "offsite.folder")).strip()
    return Path(value) if value else None


def encrypted_bytes(db: Database, now: datetime | None = None) -> bytes:
    """A consistent copy of the shop file, encrypted to the shop's key (UserError if not set up)."""
    with db.read() as session:
        if not is_set_up(session):
            raise UserError("Siapkan frasa pemulihan dulu (Pengaturan → Cadangan).")
        recipient = bytes.fromhex(str(settings.get(session, "offsite.public_key")))
        salt = bytes.fromhex(str(settings.get(session, "offsite.salt")))
        shop_uuid = str(settings.get(session, "offsite.shop_uuid"))
        shop_id = int(state.get(session, state.SHOP_ID, "0") or 0)
    with tempfile.TemporaryDirectory(dir=db.path.parent) as tmp:
        copy = Path(tmp) / "salinan.sqlite"
        online_copy(sqlite3.connect(str(db.path)), copy)
        plain = copy.read_bytes()
    return encrypt(plain, recipient=recipient, salt=salt, shop_uuid=shop_uuid,
                   server_shop_id=shop_id, created=now or now_utc(), kdf=KdfParams())


def write_encrypted(db: Database, folder: Path, now: datetime | None = None) -> Path:
    """Write an encrypted backup into ``folder`` (written aside, flushed, then renamed)."""
    if not folder.is_dir():
        raise UserError("Folder cadangan terenkripsi '{folder}' tidak ditemukan (flashdisk belum "
                        "dipasang?).", folder=folder)
    when = now or now_utc()
    data = encrypted_bytes(db, when)
    target = backup.stamped_path(folder, db.path.stem, when, SUFFIX)
    partial = target.with_name(target.name + ".part")
    try:
        with partial.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        partial.replace(target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise UserError("Cadangan terenkripsi gagal disimpan di '{folder}': {reason}",
                        folder=folder, reason=exc.strerror or exc) from exc
    return target


def list_encrypted(folder: Path, stem: str) -> list[Path]:
    """This shop's encrypted backups in ``folder``, newest first (by name: stamps sort)."""
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{stem}-*{SUFFIX}"), key=lambda p: p.name, reverse=True)


def rotate_encrypted(folder: Path, stem: str, keep: int) -> list[Path]:
    """Delete the oldest encrypted backups beyond ``keep``; returns what went."""
    old = list_encrypted(folder, stem)[max(1, keep):]
    for path in old:
        path.unlink(missing_ok=True)
    return old


def check_shop(header: Header, db: Database, name: str) -> None:
    """Refuse a backup of another shop than the one this installation already holds."""
    with db.read() as session:
        mine = str(settings.get(session, "offsite.shop_uuid"))
        enrolled = int(state.get(session, state.SHOP_ID, "0") or 0)
    if (mine and mine != header.shop_uuid) or (
            enrolled and header.server_shop_id and enrolled != header.server_shop_id):
        raise BackupFileError("Berkas '{name}' adalah cadangan toko lain; toko ini tidak diubah.",
                              name=name)


def open_backup(db: Database, data: bytes, phrase: str, name: str) -> tuple[Header, bytes]:
    """Check shop and phrase and decrypt; nothing is written."""
    check_shop(read_header(data, name), db, name)
    return decrypt(data, phrase, name)


def restore_encrypted(db: Database, data: bytes, phrase: str, name: str, *, user_id: int | None,
                      owner_pin: OwnerPin | None = None,
                      folder: Path | None = None) -> backup.RestoreResult:
    """Restore the shop from an encrypted backup; the caller switches to the returned database."""
    _header, plain = open_backup(db, data, phrase, name)
    with db.read() as session:
        keep = {key: state.get(session, key) for key in (state.SERVER_URL, *state.DEVICE_KEYS)}
    with tempfile.TemporaryDirectory(dir=db.path.parent) as tmp:
        source = Path(tmp) / name.replace(SUFFIX, ".sqlite")
        source.write_bytes(plain)
        backup.validate_shop_file(source)
        result = backup.restore(db, source, folder, user_id=user_id, owner_pin=owner_pin)
    adopt_installation(result.database, keep)
    return result


def adopt_installation(db: Database, before: dict[str, str]) -> None:
    """Make the restored shop this PC's: own token (or none), a new HLC node, cursor kept.

    ``before`` is the sync state of the file that was replaced. When that installation was
    enrolled its token, device id and server stay in force; otherwise the restored token
    (of the lost laptop) is dropped. The restored cursor stays when the shop is the same, so
    the pull resumes after the backup; outbox rows stay as they are (see
    :func:`app.sync.offsite.reconcile_outbox` for ops the server already has).
    """
    with db.unit_of_work() as session:
        restored_shop = state.get(session, state.SHOP_ID)
        for key in (state.DEVICE_TOKEN, state.DEVICE_ID, state.LAST_ERROR, state.LAST_SYNC):
            state.put(session, key, "")
        if before.get(state.DEVICE_TOKEN):
            for key in (state.SERVER_URL, state.DEVICE_TOKEN, state.DEVICE_ID, state.SHOP_ID):
                state.put(session, key, before.get(key, ""))
            if restored_shop != before.get(state.SHOP_ID):
                state.put(session, state.CURSOR, "0")
        state.put(session, hlc.NODE_KEY, uuid.uuid4().hex[:12])
        if state.get(session, UPLOADED_KEY):
            state.put(session, UPLOADED_KEY, "")  # this PC has not uploaded today
