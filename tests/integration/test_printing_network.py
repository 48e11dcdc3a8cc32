"""Printing through python-escpos's Network printer to a real socket on 127.0.0.1."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest

from app.printing.connection import PrinterUnavailable, send
from app.printing.profile import ConnectionKind, PrinterProfile
from app.printing.queue import JobStatus, PrintQueue
from app.receipts import render_escpos
from app.receipts.samples import sample_receipt


class Listener:
    """A fake network printer: accepts connections on a bound socket and keeps the bytes."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.received: list[bytes] = []
        self.thread = threading.Thread(target=self._serve, daemon=True)

    @property
    def port(self) -> int:
        return int(self.sock.getsockname()[1])

    def start(self) -> None:
        self.sock.listen(4)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                chunks = []
                while chunk := conn.recv(65536):
                    chunks.append(chunk)
                self.received.append(b"".join(chunks))

    def wait_for(self, count: int) -> list[bytes]:
        for _ in range(200):
            if len(self.received) >= count:
                break
            threading.Event().wait(0.01)
        return self.received


@pytest.fixture
def bound_socket() -> Iterator[socket.socket]:
    """A socket bound to an ephemeral loopback port but not listening: connects are refused."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    yield sock
    sock.close()


def _profile(port: int) -> PrinterProfile:
    return PrinterProfile(name="LAN", kind=ConnectionKind.NETWORK, host="127.0.0.1", port=port,
                          paper_mm=80, has_cutter=True, drawer_pin=2, timeout_s=2.0)


def test_receipt_bytes_arrive_at_the_network_printer(bound_socket: socket.socket) -> None:
    listener = Listener(bound_socket)
    listener.start()
    profile = _profile(listener.port)
    data = render_escpos(sample_receipt(lines=10, method="cash"), profile)
    send(profile, data)
    assert listener.wait_for(1) == [data]
    assert b"\x1dV" in data and b"\x1bp" in data


def test_unreachable_printer_keeps_the_job_until_retry_succeeds(
    bound_socket: socket.socket,
) -> None:
    profile = _profile(int(bound_socket.getsockname()[1]))
    data = render_escpos(sample_receipt(lines=3, method="cash"), profile)
    with pytest.raises(PrinterUnavailable):
        send(profile, data)
    queue = PrintQueue()
    job = queue.submit(profile, data, "Struk K1-20261128-0042")
    assert job.status is JobStatus.FAILED
    assert job.error == (f"Printer tidak terjangkau di 127.0.0.1:{profile.port} — "
                         "periksa kabel/daya, lalu Cetak ulang")
    assert [j.id for j in queue.failed()] == [job.id] and queue.get(job.id).data == data

    listener = Listener(bound_socket)  # the printer is switched on
    listener.start()
    done = queue.retry(job.id)
    assert done.status is JobStatus.DONE and done.attempts == 2
    assert listener.wait_for(1) == [data]
    assert queue.jobs() == []
