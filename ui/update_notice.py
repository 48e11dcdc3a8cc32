"""The quiet "versi baru" notice in the status bar: a link to the download, a × to close it.

:func:`check_later` runs :func:`app.updates.check` off the GUI thread once the window's
services are up; when a newer version is announced, :class:`UpdateNotice` appears at the
left of the status bar's facts. It never pops up a dialog and never takes the focus from
the till. Closing it (×) forgets that version; a later one shows again.
"""

from __future__ import annotations

import html
import logging
import os
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QToolButton, QWidget

from ui import startup_probe
from ui.context import AppContext
from ui.worker import Task, run_task

if TYPE_CHECKING:  # app.updates (httpx) is imported by the background check, not at start-up
    from app.updates import Release

OFF_ENV = "PEKEN_NO_UPDATE_CHECK"
log = logging.getLogger(__name__)


class UpdateNotice(QWidget):
    """"Versi baru 0.2.0 tersedia — Unduh" with the notes as a tooltip, and a close button."""

    def __init__(self, ctx: AppContext, release: Release, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.release = ctx, release
        self.setObjectName("updateNotice")
        self.label = QLabel(self.tr("Versi baru %1 tersedia — <a href=\"%2\">Unduh</a>")
                            .replace("%1", html.escape(release.version))
                            .replace("%2", html.escape(release.download_url, quote=True)))
        self.label.setObjectName("updateLink")
        self.label.setOpenExternalLinks(True)
        self.label.setToolTip(release.notes)
        self.close_button = QToolButton()
        self.close_button.setObjectName("updateDismiss")
        self.close_button.setText("×")
        self.close_button.setToolTip(self.tr("Tutup pemberitahuan ini"))
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.on_dismiss)
        for widget in (self.label, self.close_button):
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # never takes the till's focus
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.close_button)

    def on_dismiss(self) -> None:
        """Hide the notice and do not show this version again."""
        from app import updates  # noqa: PLC0415 (app.updates (httpx) ~12 ms; this module loads before the window is shown (bench.startup))

        updates.dismiss(self.ctx.db, self.release.version)
        self.hide()
        self.deleteLater()


def check_now(window: QMainWindow, ctx: AppContext) -> Task:
    """Ask the server in the background; a newer release puts the notice in the status bar."""
    def work(_progress: object) -> Release | None:
        from app import updates  # noqa: PLC0415 (app.updates (httpx) ~12 ms; loaded in the background check, not before the window shows)

        return updates.check(ctx.db)

    def done(release: Release | None) -> None:
        if release is not None:
            show_notice(window, ctx, release)

    def failed(error: BaseException) -> None:
        log.warning("update check failed: %s", error)  # never the seller's problem

    return run_task(work, on_done=done, on_error=failed, owner=window)


def show_notice(window: QMainWindow, ctx: AppContext, release: Release) -> UpdateNotice:
    """Put the notice for ``release`` in the window's status bar."""
    notice = UpdateNotice(ctx, release)
    status = window.statusBar()
    add = getattr(status, "add_notice", None)
    if callable(add):
        add(notice)
    else:
        status.insertPermanentWidget(0, notice)
    return notice


def check_later(window: QMainWindow, ctx: AppContext, started: SignalInstance) -> None:
    """Check once ``started`` fires (the window's services are up); off while the start-up is
    measured or when ``PEKEN_NO_UPDATE_CHECK=1``."""
    if startup_probe.measuring() or os.environ.get(OFF_ENV) == "1":
        return
    started.connect(lambda: check_now(window, ctx))
