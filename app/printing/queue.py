"""A thread-safe print queue that keeps failed jobs for "Cetak ulang" (retry).

Pure Python, no Qt: the UI runs :meth:`PrintQueue.submit` / :meth:`PrintQueue.retry`
on its worker thread and lists :meth:`PrintQueue.failed` jobs with their message.
A job is only dropped after the printer took every byte, so a failed print never
loses anything. With a ``spool_dir`` waiting jobs also survive a restart.
"""

from __future__ import annotations

import json
import logging
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import Enum
from pathlib import Path

from app.clock import now_utc
from app.errors import NotFoundError, UserError
from app.printing.connection import send
from app.printing.profile import PrinterProfile

log = logging.getLogger(__name__)

Sender = Callable[[PrinterProfile, bytes], None]


class JobStatus(str, Enum):
    """Where a print job is."""

    WAITING = "waiting"
    PRINTING = "printing"
    FAILED = "failed"
    DONE = "done"


@dataclass(frozen=True, slots=True)
class PrintJob:
    """Ready-made ESC/POS bytes for one printer, with what happened to them."""

    profile: PrinterProfile
    data: bytes
    title: str
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    created_at: datetime = field(default_factory=now_utc)
    status: JobStatus = JobStatus.WAITING
    attempts: int = 0
    error: str | None = None


class PrintQueue:
    """Jobs waiting to print or failed; each attempt's outcome is kept until it succeeds."""

    def __init__(self, sender: Sender = send, spool_dir: Path | None = None,
                 on_change: Callable[[PrintJob], None] | None = None) -> None:
        self._sender = sender
        self._spool = spool_dir
        self._on_change = on_change
        self._lock = threading.Lock()
        self._jobs: dict[str, PrintJob] = {}
        if spool_dir is not None:
            spool_dir.mkdir(parents=True, exist_ok=True)
            self._load_spool()

    def submit(self, profile: PrinterProfile, data: bytes, title: str) -> PrintJob:
        """Queue ``data`` and try to print it now; returns the job (DONE or FAILED)."""
        job = PrintJob(profile, data, title)
        self._store(job)
        return self._attempt(job.id)

    def retry(self, job_id: str) -> PrintJob:
        """Try a waiting or failed job again ("Cetak ulang")."""
        return self._attempt(job_id)

    def retry_all(self) -> list[PrintJob]:
        """Retry every failed or waiting job, oldest first."""
        with self._lock:
            ids = [j.id for j in sorted(self._jobs.values(), key=lambda j: j.created_at)
                   if j.status in (JobStatus.FAILED, JobStatus.WAITING)]
        results = []
        for job_id in ids:
            try:
                results.append(self._attempt(job_id))
            except NotFoundError:
                continue  # printed meanwhile by another thread, or discarded
        return results

    def discard(self, job_id: str) -> None:
        """Drop a job the seller no longer wants printed."""
        with self._lock:
            self._jobs.pop(job_id, None)
        self._unspool(job_id)

    def jobs(self) -> list[PrintJob]:
        """All jobs still in the queue, oldest first."""
        with self._lock:
            return sorted(self._jobs.values(), key=lambda j: j.created_at)

    def failed(self) -> list[PrintJob]:
        """Jobs whose last attempt failed, with their message."""
        return [j for j in self.jobs() if j.status is JobStatus.FAILED]

    def get(self, job_id: str) -> PrintJob:
        """One job by id (raises :class:`NotFoundError`)."""
        with self._lock:
            job = self._jobs.get(job_id)
        if job is None:
            raise NotFoundError("Tugas cetak tidak ditemukan (mungkin sudah tercetak).")
        return job

    def _attempt(self, job_id: str) -> PrintJob:
        """Send one job; on success drop it, on failure keep it with the message."""
        with self._lock:
            job = self._jobs.get(job_id)
            if job is None:
                raise NotFoundError("Tugas cetak tidak ditemukan (mungkin sudah tercetak).")
            if job.status is JobStatus.PRINTING:
                return job  # another thread is on it
            job = replace(job, status=JobStatus.PRINTING, attempts=job.attempts + 1)
            self._jobs[job_id] = job
        try:
            self._sender(job.profile, job.data)
        except UserError as exc:
            return self._finish(replace(job, status=JobStatus.FAILED, error=exc.message))
        except Exception as exc:  # a bug in a backend must not lose the job either
            log.exception("print job %s failed", job_id)
            message = f"Gagal mencetak ({type(exc).__name__}) — periksa printer, lalu Cetak ulang"
            return self._finish(replace(job, status=JobStatus.FAILED, error=message))
        return self._finish(replace(job, status=JobStatus.DONE, error=None))

    def _finish(self, job: PrintJob) -> PrintJob:
        """Record the outcome of an attempt and tell the listener."""
        with self._lock:
            if job.status is JobStatus.DONE:
                self._jobs.pop(job.id, None)
            elif job.id in self._jobs:
                self._jobs[job.id] = job
        if job.status is JobStatus.DONE:
            self._unspool(job.id)
        else:
            self._write_spool(job)
        if self._on_change is not None:
            self._on_change(job)
        return job

    def _store(self, job: PrintJob) -> None:
        """Add a new job (and spool it before the first attempt)."""
        with self._lock:
            self._jobs[job.id] = job
        self._write_spool(job)

    def _write_spool(self, job: PrintJob) -> None:
        """Persist a job as ``<id>.bin`` + ``<id>.json`` in the spool folder."""
        if self._spool is None:
            return
        (self._spool / f"{job.id}.bin").write_bytes(job.data)
        meta = {"title": job.title, "created_at": job.created_at.isoformat(),
                "attempts": job.attempts, "error": job.error, "profile": job.profile.to_dict()}
        (self._spool / f"{job.id}.json").write_text(json.dumps(meta), encoding="utf-8")

    def _unspool(self, job_id: str) -> None:
        """Remove a finished job's spool files."""
        if self._spool is None:
            return
        for suffix in (".bin", ".json"):
            (self._spool / f"{job_id}{suffix}").unlink(missing_ok=True)

    def _load_spool(self) -> None:
        """Reload jobs left from an earlier run as FAILED, so they show up for retry."""
        assert self._spool is not None
        for meta_path in sorted(self._spool.glob("*.json")):
            data_path = meta_path.with_suffix(".bin")
            try:
                meta = json.loads(meta_path.read_text(encoding="utf-8"))
                job = PrintJob(PrinterProfile.from_dict(meta["profile"]), data_path.read_bytes(),
                               meta["title"], id=meta_path.stem,
                               created_at=_aware(meta["created_at"]),
                               status=JobStatus.FAILED, attempts=int(meta["attempts"]),
                               error=meta.get("error") or "Belum tercetak sebelum aplikasi ditutup")
            except (OSError, ValueError, KeyError, UserError):
                log.warning("ignoring unreadable print spool entry %s", meta_path.name)
                continue
            self._jobs[job.id] = job


def _aware(stamp: str) -> datetime:
    """A spooled job's time, aware UTC (older spools wrote the PC's naive local time)."""
    moment = datetime.fromisoformat(stamp)
    return moment.astimezone(UTC)
