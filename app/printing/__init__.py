"""Receipt printers: profiles, connections (python-escpos) and a retrying print queue.

``test_page`` ("Cetak uji") lives in :mod:`app.printing.testpage`; it is not
re-exported here because it renders through :mod:`app.receipts`, which itself
imports the printer profile from this package.
"""

from app.printing.connection import PrinterUnavailable, open_printer, send
from app.printing.profile import ConnectionKind, PrinterProfile, QrMode
from app.printing.queue import JobStatus, PrintJob, PrintQueue

__all__ = [
    "ConnectionKind",
    "JobStatus",
    "PrintJob",
    "PrintQueue",
    "PrinterProfile",
    "PrinterUnavailable",
    "QrMode",
    "open_printer",
    "send",
]
