""""Pulihkan toko" on the wizard's first page: a new installation takes over a backed-up shop.

The seller picks a file: a plain backup of the shop file (``*.sqlite``, e.g. the second backup
folder on a flash drive) or an encrypted ``.pekenbak`` with its recovery phrase
(:func:`app.offsite.restore_encrypted`: a new device identity for this PC). A copy kept on the
PEKEN server needs this PC enrolled first: after the wizard, Pengaturan → Cadangan →
"Pulihkan toko…" restores from the server. A new shop has no users, so nobody's PIN is asked; the restored
shop's own owner logs in afterwards (see :func:`ui.first_run.run_first_run`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QWidget

from app import backup, offsite
from app.errors import UserError
from app.offsite_format import SUFFIX
from ui.context import AppContext
from ui.messages import confirm, show_error


def _t(text: str) -> str:
    """Translate in this module's context (``parent.tr`` would look under the widget's class)."""
    return QCoreApplication.translate("RestoreShop", text)

def restore_shop(parent: QWidget, ctx: AppContext) -> bool:
    """Restore a backup over this new shop; True when ``ctx.db`` is now the restored shop."""
    name, _ = QFileDialog.getOpenFileName(
        parent, _t("Pilih berkas cadangan"), "",
        _t("Cadangan toko (*%1 *.sqlite *.db *.bak);;Semua (*)").replace("%1", SUFFIX))
    if not name:
        return False
    return restore_file(parent, ctx, Path(name))


def restore_file(parent: QWidget, ctx: AppContext, path: Path, phrase: str | None = None) -> bool:
    """Restore ``path`` (an encrypted one asks for its recovery phrase); errors are shown."""
    if path.suffix == SUFFIX and phrase is None:
        phrase, ok = QInputDialog.getText(parent, _t("Frasa pemulihan"), _t(
            "Ketik frasa pemulihan cadangan ini (kata-kata yang dicatat pemilik)."),
            QLineEdit.EchoMode.Normal, "")
        if not ok:
            return False
    question = _t("Toko baru ini diganti dengan isi cadangan '%1'. Lanjutkan?").replace(
        "%1", path.name)
    if phrase is None and not confirm(parent, _t("Pulihkan toko"), question):
        return False
    try:
        if path.suffix == SUFFIX:
            result = offsite.restore_encrypted(ctx.db, path.read_bytes(), phrase or "", path.name,
                                               user_id=None)
        else:
            result = backup.restore(ctx.db, path, user_id=None)
    except (UserError, OSError) as exc:
        show_error(parent, exc)
        return False
    ctx.db = result.database
    return True
