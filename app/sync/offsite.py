"""Encrypted backups on the PEKEN server, and the outbox of a shop restored on a new PC.

The server keeps opaque ``.pekenbak`` blobs per shop (``/api/v1/backups``, device token).
:func:`backup_to_server` uploads one in chunks; :func:`restore_from_server` downloads
the chosen one and restores it with the owner's phrase (:mod:`app.offsite`).

After a restore the outbox may hold ops that the lost laptop sent after the backup was
made. :func:`reconcile_outbox` asks the server which of the pending op ids it already
processed (for this shop, from any device) and marks those acknowledged here, so they
are never sent again — and the stock they moved is not counted twice by a snapshot.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import select, update

from app import backup, offsite, settings
from app.clock import local, now_utc
from app.db import Database
from app.errors import UserError
from app.owner_only import OwnerPin
from app.sync import device, state
from app.sync.client import API, TIMEOUT, SyncUnavailable, normalize_url, raise_for
from models import OutboxOp

KNOWN_BATCH = 500
UPLOADED_KEY = offsite.UPLOADED_KEY


@dataclass(frozen=True)
class ServerBackup:
    """One backup the server keeps for this shop."""

    id: int
    created_at: datetime
    size: int


class OffsiteClient:
    """The backup calls of the device API (httpx; use as a context manager)."""

    def __init__(self, server_url: str, token: str, *, timeout: httpx.Timeout = TIMEOUT) -> None:
        self._http = httpx.Client(base_url=normalize_url(server_url) + API, timeout=timeout,
                                  headers={"Authorization": f"Bearer {token}"})

    def __enter__(self) -> OffsiteClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self._http.close()

    def _call(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        try:
            response = self._http.request(method, path, **kwargs)
        except httpx.HTTPError as exc:
            raise SyncUnavailable("Tidak bisa terhubung ke server PEKEN (offline?).") from exc
        raise_for(response)
        return response

    def upload(self, data: bytes) -> dict[str, Any]:
        """Send one encrypted backup (start, chunks, complete); the server's record of it."""
        digest = hashlib.sha256(data).hexdigest()
        started = self._call("POST", "/backups", json={"size": len(data), "sha256": digest}).json()
        step = int(started["chunk_size"])
        for idx, at in enumerate(range(0, len(data), step)):
            self._call("PUT", f"/backups/{int(started['id'])}/chunks/{idx}",
                       content=data[at:at + step],
                       headers={"Content-Type": "application/octet-stream"})
        done: dict[str, Any] = self._call("POST", f"/backups/{int(started['id'])}/complete").json()
        return done

    def backups(self) -> list[ServerBackup]:
        """This shop's backups on the server, newest first."""
        rows = self._call("GET", "/backups").json()
        return [ServerBackup(int(r["id"]), datetime.fromisoformat(r["created_at"]), int(r["size"]))
                for r in rows]

    def download(self, backup_id: int) -> bytes:
        """The encrypted bytes of one backup."""
        return self._call("GET", f"/backups/{int(backup_id)}").content

    def known_ops(self, op_ids: list[str]) -> set[str]:
        """Which of ``op_ids`` the server already processed for this shop."""
        answer = self._call("POST", "/backups/known-ops", json={"op_ids": op_ids}).json()
        return {str(op) for op in answer.get("known", [])}


def _client(db: Database) -> OffsiteClient:
    with db.read() as session:
        creds = state.credentials(session)
    if creds is None:
        raise UserError("Perangkat ini belum terdaftar di PEKEN; daftarkan dulu (Pengaturan → PEKEN).")
    return OffsiteClient(creds.server_url, creds.token)


def backup_to_server(db: Database, now: datetime | None = None) -> dict[str, Any]:
    """Encrypt the shop now and keep it on the PEKEN server."""
    data = offsite.encrypted_bytes(db, now)
    with _client(db) as client:
        return client.upload(data)


def server_backups(db: Database) -> list[ServerBackup]:
    """The shop's backups on the server, newest first."""
    with _client(db) as client:
        return client.backups()


def restore_from_server(db: Database, backup_id: int, phrase: str, *, user_id: int | None,
                        owner_pin: OwnerPin | None = None,
                        folder: Path | None = None) -> backup.RestoreResult:
    """Download one server backup, restore it with the phrase, then reconcile the outbox."""
    with _client(db) as client:
        data = client.download(backup_id)
    name = f"server-{backup_id}{offsite.SUFFIX}"
    result = offsite.restore_encrypted(db, data, phrase, name, user_id=user_id,
                                       owner_pin=owner_pin, folder=folder)
    reconcile_outbox(result.database)
    return result


def reconcile_outbox(db: Database) -> int:
    """Mark pending ops the server already has as acknowledged; returns how many."""
    with db.read() as session:
        pending = list(session.scalars(select(OutboxOp.op_id).where(OutboxOp.status == "pending")
                                       .order_by(OutboxOp.seq)))
    if not pending:
        return 0
    known: set[str] = set()
    with _client(db) as client:
        for at in range(0, len(pending), KNOWN_BATCH):
            known |= client.known_ops(pending[at:at + KNOWN_BATCH])
    if known:
        with db.unit_of_work() as session:
            session.execute(update(OutboxOp).where(OutboxOp.op_id.in_(known),
                                                   OutboxOp.status == "pending")
                            .values(status="acked", acked_at=now_utc(), last_error=""))
    return len(known)


def enroll_restored(db: Database, server_url: str, code: str, device_name: str = "Kasir") -> int:
    """Enroll a restored shop again keeping its cursor, then reconcile; ops marked acked."""
    with db.read() as session:
        cursor, shop_id = state.get(session, state.CURSOR, "0"), state.get(session, state.SHOP_ID)
    enrolled = device.enroll(db, server_url, code, device_name)
    if shop_id and int(shop_id) == enrolled.shop_id:
        with db.unit_of_work() as session:
            state.put(session, state.CURSOR, cursor or "0")
    return reconcile_outbox(db)


def _folder_due(db: Database, when: datetime) -> str:
    """Today's encrypted copy into the chosen folder (rotated); '' or the problem."""
    folder = offsite.offsite_folder(db)
    if folder is None:
        return ""
    today = local(when).strftime("-%Y%m%d-")
    if any(today in p.name for p in offsite.list_encrypted(folder, db.path.stem)):
        return ""
    try:
        offsite.write_encrypted(db, folder, when)
        offsite.rotate_encrypted(folder, db.path.stem, backup.keep_count(db))
    except UserError as exc:
        return str(exc)
    return ""


def _server_due(db: Database, when: datetime) -> str:
    """Today's encrypted copy on the PEKEN server when enabled and enrolled; '' or the problem."""
    day = local(when).date().isoformat()
    with db.read() as session:
        wanted = bool(settings.get(session, "offsite.server")) and state.is_enrolled(session)
        done = state.get(session, UPLOADED_KEY) == day
    if not wanted or done:
        return ""
    try:
        backup_to_server(db, when)
    except UserError as exc:
        return str(exc)
    with db.unit_of_work() as session:
        state.put(session, UPLOADED_KEY, day)
    return ""


def offsite_if_due(db: Database, now: datetime | None = None) -> list[str]:
    """The day's encrypted off-machine copies (folder, server) when set up; the problems."""
    with db.read() as session:
        if not offsite.is_set_up(session):
            return []
    when = now or now_utc()
    return [problem for problem in (_folder_due(db, when), _server_due(db, when)) if problem]
