"""After start-up: its objects are frozen out of the collector's full collections, and PySide's
one-time build of its enum types is paid right after the sell screen is usable, not by the
first scan (ui.app.keep_start_up, ui.sell.scanner.build_wrappers)."""

from __future__ import annotations

import enum
import gc
from typing import Any

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from ui.app import keep_start_up
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.sell import scanner


class _Services(QObject):
    """The one signal of ui.wiring.Services that keep_start_up listens to."""

    sig_started = Signal()


def _window(ctx: AppContext, qtbot: QtBot) -> MainWindow:
    window = MainWindow(ctx, "Toko Berkah Jaya")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    return window


def test_start_up_objects_are_frozen_once_the_till_is_usable(ctx: AppContext,
                                                             qtbot: QtBot) -> None:
    gc.unfreeze()
    window = _window(ctx, qtbot)
    services = _Services()
    keep_start_up(window, services.sig_started)
    try:
        assert gc.get_freeze_count() == 0
        window.show()
        qtbot.waitUntil(lambda: window.ready, timeout=5000)
        qtbot.waitUntil(lambda: gc.get_freeze_count() > 0, timeout=2000)
        gc.unfreeze()
        services.sig_started.emit()  # what the deferred services made is frozen too
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()  # the rest of the test run collects as before


def test_the_first_scan_after_start_builds_no_enum_types(ctx: AppContext, qtbot: QtBot,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scanner, "_wrappers_built", False)  # as in a new process
    window = _window(ctx, qtbot)
    window.show()
    qtbot.waitUntil(lambda: window.ready, timeout=5000)
    qtbot.waitUntil(scanner.wrappers_built, timeout=2000)  # a zero timer after READY
    made: list[str] = []
    create = enum.EnumType._create_  # type: ignore[attr-defined]

    def counted(cls: Any, class_name: str, *args: Any, **kwargs: Any) -> Any:
        made.append(class_name)
        return create(cls, class_name, *args, **kwargs)

    monkeypatch.setattr(enum.EnumType, "_create_", counted)
    # what an app-wide filter meets soon after start: an object of a class PySide does not wrap
    # (QAnimationTimer then; a line edit's QWidgetLineControl here)
    probe = QLineEdit()
    internal = probe.children()
    assert internal and type(internal[0]) is QObject
    assert made == []
    probe.deleteLater()
    QApplication.processEvents()
