"""Printer profiles (settings JSON) and the print queue with real File connections."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from app.errors import ValidationError
from app.printing.connection import PrinterUnavailable, send
from app.printing.profile import ConnectionKind, PrinterProfile, QrMode, parse_usb_id
from app.printing.queue import JobStatus, PrintQueue


def test_profile_round_trips_through_json() -> None:
    profile = PrinterProfile(name="Kasir depan", kind=ConnectionKind.USB, usb_vendor_id=0x0416,
                             usb_product_id=0x5011, paper_mm=80, qr_mode=QrMode.NATIVE,
                             has_cutter=True, drawer_pin=5, drawer_pulse_ms=120, logo=False)
    stored = json.dumps(profile.to_dict())
    assert PrinterProfile.from_dict(json.loads(stored)) == profile
    assert profile.columns == 48 and profile.dots == 576
    assert PrinterProfile().columns == 32 and PrinterProfile().dots == 384


def test_from_dict_accepts_lsusb_hex_and_text_numbers() -> None:
    profile = PrinterProfile.from_dict({"kind": "network", "host": "192.168.1.50", "port": "9100",
                                        "usb_vendor_id": "0x0416", "usb_product_id": "5011",
                                        "drawer_pin": "2", "future_option": True})
    assert profile.usb_vendor_id == 0x0416 and profile.usb_product_id == 0x5011
    assert profile.port == 9100 and profile.drawer_pin == 2
    assert parse_usb_id("") is None


@pytest.mark.parametrize(("data", "message"), [
    ({"paper_mm": 76}, "58 atau 80"),
    ({"drawer_pin": 3}, "2 atau 5"),
    ({"code_page": "UTF-8"}, "Code page"),
    ({"usb_vendor_id": "xyz"}, "heksadesimal"),
    ({"kind": "bluetooth"}, "tidak dikenal"),
    ({"port": "abc"}, "bilangan bulat"),
])
def test_bad_settings_raise_indonesian_validation_errors(data: dict[str, object],
                                                         message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        PrinterProfile.from_dict(data)


def test_missing_connection_fields_are_reported_before_opening() -> None:
    with pytest.raises(ValidationError, match="alamat IP"):
        send(PrinterProfile(kind=ConnectionKind.NETWORK), b"x")
    with pytest.raises(ValidationError, match="lsusb"):
        send(PrinterProfile(kind=ConnectionKind.USB), b"x")


def test_file_printer_receives_the_bytes(tmp_path: Path) -> None:
    target = tmp_path / "printer.bin"
    send(PrinterProfile(kind=ConnectionKind.FILE, file_path=str(target)), b"\x1b@struk\n")
    assert target.read_bytes() == b"\x1b@struk\n"


def test_failed_job_is_kept_with_message_then_retried(tmp_path: Path) -> None:
    target = tmp_path / "missing-dir" / "printer.bin"
    profile = PrinterProfile(kind=ConnectionKind.FILE, file_path=str(target))
    changes: list[JobStatus] = []
    queue = PrintQueue(on_change=lambda job: changes.append(job.status))
    job = queue.submit(profile, b"STRUK-1", "Struk K1-20261128-0042")
    assert job.status is JobStatus.FAILED and job.attempts == 1
    assert job.error is not None and "Cetak ulang" in job.error and str(target) in job.error
    assert [j.id for j in queue.failed()] == [job.id]
    target.parent.mkdir()
    again = queue.retry(job.id)
    assert again.status is JobStatus.DONE and again.attempts == 2
    assert target.read_bytes() == b"STRUK-1"
    assert queue.jobs() == [] and changes == [JobStatus.FAILED, JobStatus.DONE]


def test_spooled_jobs_survive_a_restart(tmp_path: Path) -> None:
    spool = tmp_path / "spool"
    target = tmp_path / "later" / "printer.bin"
    profile = PrinterProfile(kind=ConnectionKind.FILE, file_path=str(target))
    first = PrintQueue(spool_dir=spool)
    job = first.submit(profile, b"STRUK-2", "Struk K1-20261128-0043")
    assert job.status is JobStatus.FAILED
    reopened = PrintQueue(spool_dir=spool)
    [restored] = reopened.failed()
    assert (restored.id, restored.data, restored.title) == (job.id, b"STRUK-2", job.title)
    target.parent.mkdir()
    assert [j.status for j in reopened.retry_all()] == [JobStatus.DONE]
    assert list(spool.iterdir()) == []


def test_concurrent_retries_print_a_job_once(tmp_path: Path) -> None:
    """While one thread is still sending a job, other retries of it must not send it again."""
    sent: list[bytes] = []
    failing = threading.Event()
    failing.set()
    in_sender, release = threading.Event(), threading.Event()

    def slow_sender(profile: PrinterProfile, data: bytes) -> None:
        if failing.is_set():
            raise PrinterUnavailable("Printer mati — periksa kabel/daya, lalu Cetak ulang")
        sent.append(data)
        in_sender.set()
        release.wait(timeout=5)  # the printer is still busy with the job

    queue = PrintQueue(sender=slow_sender)
    job = queue.submit(PrinterProfile(), b"X", "Struk")
    failing.clear()
    first = threading.Thread(target=queue.retry, args=(job.id,))
    first.start()
    assert in_sender.wait(timeout=5)
    others = [threading.Thread(target=queue.retry, args=(job.id,)) for _ in range(7)]
    for thread in others:
        thread.start()
    for thread in others:
        thread.join(timeout=5)
    release.set()
    first.join(timeout=5)
    assert sent == [b"X"] and queue.jobs() == []
    with pytest.raises(Exception, match="tidak ditemukan"):
        queue.retry(job.id)
