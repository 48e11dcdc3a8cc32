"""A print failure never costs a sale: checkout committed, receipt waits, retry prints it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from app.db import Database, open_database
from app.printing.profile import ConnectionKind, PrinterProfile
from app.printing.queue import JobStatus, PrintQueue
from app.printing.service import PrintService, save_profile
from models import Order
from tests.unit.receipts.order_kit import FakeNetworkPrinter, checkout, make_shop

ORDER_NUMBER = re.compile(rb"K1-\d{8}-\d{4}")


@pytest.fixture
def printer() -> Iterator[FakeNetworkPrinter]:
    fake = FakeNetworkPrinter()
    yield fake
    fake.close()


def _set_printer(db: Database, port: int) -> PrinterProfile:
    profile = PrinterProfile(name="Kasir", kind=ConnectionKind.NETWORK, host="127.0.0.1",
                             port=port, paper_mm=58, has_cutter=True, drawer_pin=2,
                             timeout_s=2.0)
    with db.unit_of_work() as session:
        save_profile(session, profile)
    return profile


def test_unreachable_printer_keeps_the_sale_and_the_receipt_for_retry(
    db: Database, printer: FakeNetworkPrinter
) -> None:
    kit = make_shop(db)
    _set_printer(db, printer.port)
    sale = checkout(db, kit)  # committed through app.sales.checkout
    service = PrintService(db)

    job = service.print_order(sale.order_id)

    assert job.status is JobStatus.FAILED
    assert job.error == (f"Printer tidak terjangkau di 127.0.0.1:{printer.port} — "
                         "periksa kabel/daya, lalu Cetak ulang")
    assert [j.id for j in service.waiting()] == [job.id]
    with db.read() as session:
        saved = session.scalar(select(Order).where(Order.number == sale.number))
        assert saved is not None and saved.total == sale.total and saved.status == "paid"

    printer.start()  # the seller switched the printer on
    [done] = service.retry_all()

    assert done.status is JobStatus.DONE and done.attempts == 2
    [data] = printer.wait_for(1)
    assert ORDER_NUMBER.findall(data) == [sale.number.encode()]
    assert b"Rp1.349.500" in data and b"\x1dV" in data and b"\x1bp" in data  # cut, drawer
    assert service.waiting() == []


def test_waiting_receipt_survives_a_restart_through_the_spool(
    tmp_path: Path, printer: FakeNetworkPrinter
) -> None:
    db = open_database(tmp_path / "shop.sqlite")
    try:
        kit = make_shop(db)
        _set_printer(db, printer.port)
        sale = checkout(db, kit)
        spool = tmp_path / "spool"
        first = PrintService(db, PrintQueue(spool_dir=spool))
        assert first.print_order(sale.order_id).status is JobStatus.FAILED

        again = PrintService(db, PrintQueue(spool_dir=spool))  # the app was restarted
        [waiting] = again.waiting()
        assert waiting.title == f"Struk {sale.number}" and waiting.status is JobStatus.FAILED
        printer.start()
        assert again.retry(waiting.id).status is JobStatus.DONE
        assert sale.number.encode() in printer.wait_for(1)[0]
        assert again.waiting() == [] and list(spool.iterdir()) == []
    finally:
        db.close()
