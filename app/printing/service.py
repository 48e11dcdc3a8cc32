"""Printing orders from the shop database: profile from settings, render, send, keep failures.

:class:`PrintService` is what the UI's print controller runs on its worker thread.
A receipt is rendered inside a short read-only session and sent outside it, so a
slow or dead printer never holds the database. A failed job stays in the
:class:`~app.printing.queue.PrintQueue` with an Indonesian message for "Cetak ulang";
the sale itself was committed before printing started.
"""

from __future__ import annotations

import json
import threading

from sqlalchemy.orm import Session

from app import audit, settings
from app.db import Database
from app.errors import UserError, ValidationError
from app.owner_only import OwnerPin, actor_of, approver_of, require_owner
from app.printing.connection import send
from app.printing.profile import PrinterProfile
from app.printing.queue import PrintJob, PrintQueue
from app.printing.testpage import test_page
from app.receipts.document import ReceiptDocument, build_document
from app.receipts.escpos_render import render_escpos
from app.receipts.from_order import receipt_from_order
from app.receipts.pdf import render_pdf
from app.receipts.preview import render_text

PROFILE_KEY = "printer.profile"
AFTER_SALE_KEY = "receipt.print_after_sale"
DEFAULT_COLUMNS = 32


class PrinterNotConfigured(UserError):
    """No receipt printer is set up (Pengaturan → Printer)."""

    def __init__(self) -> None:
        super().__init__("Printer struk belum diatur. Atur di Pengaturan → Printer, "
                         "atau simpan struk sebagai PDF.")


def load_profile(session: Session) -> PrinterProfile | None:
    """The stored printer profile, or None when no printer is set up.

    A stored value that cannot be read raises :class:`ValidationError`.
    """
    raw = str(settings.get(session, PROFILE_KEY) or "").strip()
    if not raw:
        return None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ValidationError("Pengaturan printer rusak; atur ulang di Pengaturan → Printer.",
                              field=PROFILE_KEY) from exc
    if not isinstance(data, dict):
        raise ValidationError("Pengaturan printer rusak; atur ulang di Pengaturan → Printer.",
                              field=PROFILE_KEY)
    return PrinterProfile.from_dict(data)


def save_profile(session: Session, profile: PrinterProfile | None) -> None:
    """Store ``profile`` (checked for its connection fields), or clear it with None."""
    if profile is None:
        settings.set_value(session, PROFILE_KEY, "")
        return
    profile.check_connection_fields()
    settings.set_value(session, PROFILE_KEY, json.dumps(profile.to_dict()))


def set_profile(session: Session, user_id: int | None, profile: PrinterProfile | None,
                owner_pin: OwnerPin | None = None) -> None:
    """Change where receipts are printed (owner only; a cashier needs an owner's PIN), audited.

    :func:`save_profile` is the bare store underneath, for setting up a new shop or a test.
    """
    if profile is not None:
        profile.check_connection_fields()
    approval = require_owner(session, user_id, "printer", owner_pin)
    save_profile(session, profile)
    audit.record(session, "printer.set", actor_of(approval), approver_of(approval),
                 **_audit_detail(profile))


def _audit_detail(profile: PrinterProfile | None) -> dict[str, object]:
    if profile is None:
        return {"printer": "tanpa printer"}
    return {"printer": profile.name, "kind": profile.kind.value, "target": profile.describe()}


def print_after_sale(session: Session) -> bool:
    """Whether a receipt is printed after each sale (Pengaturan → Printer)."""
    return bool(settings.get(session, AFTER_SALE_KEY))


def job_title(document: ReceiptDocument) -> str:
    """``Struk K1-20261128-0042`` (``(salinan)`` for a reprint) as listed in waiting jobs."""
    kind = "Struk retur" if document.is_refund else "Struk"
    copy = " (salinan)" if document.is_copy else ""
    return f"{kind} {document.number}{copy}"


def order_document(session: Session, order_id: int, reprint: bool = False) -> ReceiptDocument:
    """The receipt document of an order, built once for whatever renders it (reads only)."""
    return build_document(receipt_from_order(session, order_id, reprint=reprint))


class PrintService:
    """Print orders of one shop database through one queue, one job at a time."""

    def __init__(self, db: Database, queue: PrintQueue | None = None) -> None:
        self.db = db
        self.queue = queue if queue is not None else PrintQueue()
        self._device_lock = threading.Lock()  # a receipt printer takes one job at a time

    def profile(self) -> PrinterProfile | None:
        """The configured printer, or None."""
        with self.db.read() as session:
            return load_profile(session)

    def document(self, order_id: int, reprint: bool = False) -> ReceiptDocument:
        """The receipt document of an order (read-only): render it as often as needed."""
        with self.db.read() as session:
            return order_document(session, order_id, reprint)

    def print_order(self, order_id: int, reprint: bool = False) -> PrintJob:
        """Render the order's receipt and send it; returns the job (DONE, or FAILED and kept).

        Raises :class:`PrinterNotConfigured` when no printer is set up and
        :class:`~app.errors.NotFoundError` for an unknown order.
        """
        with self.db.read() as session:
            profile = load_profile(session)
            if profile is None:
                raise PrinterNotConfigured()
            document = order_document(session, order_id, reprint)
        data = render_escpos(document, profile)
        with self._device_lock:
            return self.queue.submit(profile, data, job_title(document))

    def retry(self, job_id: str) -> PrintJob:
        """Try one waiting job again ("Cetak ulang")."""
        with self._device_lock:
            return self.queue.retry(job_id)

    def retry_all(self) -> list[PrintJob]:
        """Try every waiting job again, oldest first."""
        with self._device_lock:
            return self.queue.retry_all()

    def waiting(self) -> list[PrintJob]:
        """Jobs that did not print yet, oldest first."""
        return self.queue.jobs()

    def test_print(self, profile: PrinterProfile) -> None:
        """Send the "Cetak uji" page to ``profile`` (raises PrinterUnavailable on failure)."""
        profile.check_connection_fields()
        data = test_page(profile)
        with self._device_lock:
            send(profile, data)

    def text(self, order_id: int, reprint: bool = False) -> str:
        """The text preview of an order's receipt, as wide as the configured paper."""
        with self.db.read() as session:
            profile = _profile_or_none(session)
            document = order_document(session, order_id, reprint)
        columns = profile.columns if profile else DEFAULT_COLUMNS
        encoding = profile.encoding if profile else "cp437"
        return render_text(document, columns, encoding)

    def pdf(self, order_id: int, paper: str = "58mm", reprint: bool = False) -> bytes:
        """The order's receipt as PDF: ``58mm``/``80mm`` roll or ``a4`` nota."""
        return render_pdf(self.document(order_id, reprint), paper)


def _profile_or_none(session: Session) -> PrinterProfile | None:
    """The profile, or None when none is set or the stored one is unreadable (preview only)."""
    try:
        return load_profile(session)
    except UserError:
        return None
