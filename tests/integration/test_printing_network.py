"""Printing through python-escpos's Network printer to a real socket on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.printing.connection import PrinterUnavailable, send
from app.printing.profile import ConnectionKind, PrinterProfile
from app.printing.queue import JobStatus, PrintQueue
from app.receipts import render_escpos
from app.receipts.samples import sample_receipt
from tests.unit.receipts.order_kit import FakeNetworkPrinter


@pytest.fixture
def printer() -> Iterator[FakeNetworkPrinter]:
    """A loopback printer that refuses connections until it is switched on (``start``)."""
    fake = FakeNetworkPrinter()
    yield fake
    fake.close()


def _profile(port: int) -> PrinterProfile:
    return PrinterProfile(name="LAN", kind=ConnectionKind.NETWORK, host="127.0.0.1", port=port,
                          paper_mm=80, has_cutter=True, drawer_pin=2, timeout_s=2.0)


def test_receipt_bytes_arrive_at_the_network_printer(printer: FakeNetworkPrinter) -> None:
    printer.start()
    profile = _profile(printer.port)
    data = render_escpos(sample_receipt(lines=10, method="cash"), profile)
    send(profile, data)
    assert printer.wait_for(1) == [data]
    assert b"\x1dV" in data and b"\x1bp" in data


def test_unreachable_printer_keeps_the_job_until_retry_succeeds(
    printer: FakeNetworkPrinter,
) -> None:
    profile = _profile(printer.port)
    data = render_escpos(sample_receipt(lines=3, method="cash"), profile)
    with pytest.raises(PrinterUnavailable):
        send(profile, data)
    queue = PrintQueue()
    job = queue.submit(profile, data, "Struk K1-20261128-0042")
    assert job.status is JobStatus.FAILED
    assert job.error == (f"Printer tidak terjangkau di 127.0.0.1:{profile.port} — "
                         "periksa kabel/daya, lalu Cetak ulang")
    assert [j.id for j in queue.failed()] == [job.id] and queue.get(job.id).data == data

    printer.start()  # the printer is switched on
    done = queue.retry(job.id)
    assert done.status is JobStatus.DONE and done.attempts == 2
    assert printer.wait_for(1) == [data]
    assert queue.jobs() == []
