"""Receipt printers: profiles, connections (python-escpos) and a retrying print queue."""

from app.printing.profile import ConnectionKind, PrinterProfile, QrMode

__all__ = ["ConnectionKind", "PrinterProfile", "QrMode"]
