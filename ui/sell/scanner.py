"""Keyboard-wedge barcode scanner capture, wherever the keyboard focus is.

A scanner types a code as a fast burst of keys (a few ms apart) ending in Enter.
:class:`ScanDetector` is an application-level event filter: while it is active
and focus is outside the scan field, printable keys are held back for a moment.
If they turn out to be a burst ending in Enter, the code goes to the scan
handler and never reaches the focused widget; otherwise the held keys are
replayed to the widget unchanged, so typing by hand still works.

A scale label (:mod:`app.scale`) found by :func:`app.catalog.find_by_code` carries its own
quantity and, for a price label, the rupiah to take off: :func:`label_entry`.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from app.hits import ProductHit

BURST_GAP_MS = 50
MIN_LENGTH = 4
CODE_RE = re.compile(r"^[0-9A-Za-z\-\.\/\+]+$")
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


@dataclass
class _HeldKey:
    """A key press held back while deciding whether it belongs to a scan."""

    target: QObject
    key: int
    modifiers: Qt.KeyboardModifier
    text: str


def looks_like_code(text: str) -> bool:
    """Whether a burst could be a barcode (no spaces, long enough)."""
    return len(text) >= MIN_LENGTH and bool(CODE_RE.match(text))


def label_entry(hit: ProductHit, typed: Decimal | None) -> tuple[Decimal | None, int]:
    """The quantity to add and the rupiah to take off the line for a scanned product.

    A scale label gives the weighed quantity (and, for a price label, the difference that makes
    the line the label's price); ``3*`` before a label means three such packs. Any other hit: the
    typed quantity, nothing off.
    """
    if hit.label_qty is None:
        return typed, 0
    times = typed if typed is not None and typed == typed.to_integral_value() else Decimal(1)
    return hit.label_qty * times, hit.label_discount * int(times)


_wrappers_built = False


def build_wrappers() -> None:
    """Have PySide build now, once, what it builds the first time a Qt-internal object reaches
    Python (one of a class it does not wrap, e.g. the animation timer an app-wide filter sees
    soon after start): it then makes the enum types of every wrapped class it has not made yet,
    ~190 of them, 130–400 ms that the first scan would otherwise wait. A line edit's
    children are such an object (its internal ``QWidgetLineControl``)."""
    global _wrappers_built
    if not _wrappers_built:
        _wrappers_built = True
        probe = QLineEdit()
        probe.children()
        probe.deleteLater()


def wrappers_built() -> bool:
    """Whether :func:`build_wrappers` ran in this process."""
    return _wrappers_built


class ScanDetector(QObject):
    """Detect scanner bursts app-wide and emit ``sig_scanned(code)``.

    ``is_active()`` says when to listen (the sell screen visible, no dialog open);
    ``is_scan_field(obj)`` says which widget handles scans itself.
    """

    sig_scanned = Signal(str)

    def __init__(self, is_active: Callable[[], bool], is_scan_field: Callable[[QObject], bool],
                 gap_ms: int = BURST_GAP_MS) -> None:
        super().__init__()
        self._is_active = is_active
        self._is_scan_field = is_scan_field
        self._gap = gap_ms / 1000.0
        self._held: list[_HeldKey] = []
        self._last = 0.0
        self._burst = True
        self._replaying = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(gap_ms)
        self._timer.timeout.connect(self.flush)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        """Hold printable keys; turn a fast burst + Enter into a scan."""
        if self._replaying or event.type() != QEvent.Type.KeyPress:
            return False
        if not isinstance(obj, QWidget) or not isinstance(event, QKeyEvent):
            return False
        if self._is_scan_field(obj) or not self._is_active():
            self.flush()
            return False
        return self._on_key(obj, event)

    def _on_key(self, obj: QObject, event: QKeyEvent) -> bool:
        now = time.monotonic()
        gap_ok = (now - self._last) <= self._gap
        self._last = now
        if event.key() in _ENTER and self._held:
            return self._on_enter(gap_ok)
        text = event.text()
        plain = not event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier
                                          | Qt.KeyboardModifier.KeypadModifier)
        if len(text) == 1 and text.isprintable() and plain:
            if self._held and not gap_ok:
                self._burst = False
            if not self._held:
                self._burst = True
            self._held.append(_HeldKey(obj, event.key(), event.modifiers(), text))
            self._timer.start()
            return True
        self.flush()
        return False

    def _on_enter(self, gap_ok: bool) -> bool:
        code = "".join(k.text for k in self._held)
        if self._burst and gap_ok and looks_like_code(code):
            self._held.clear()
            self._timer.stop()
            self.sig_scanned.emit(code)
            return True
        self.flush()
        return False

    def flush(self) -> None:
        """Give held keys to the widget they were meant for (typing by hand)."""
        self._timer.stop()
        held, self._held = self._held, []
        self._replaying = True
        try:
            for key in held:
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QApplication.sendEvent(key.target, QKeyEvent(kind, key.key, key.modifiers,
                                                                  key.text))
        finally:
            self._replaying = False
