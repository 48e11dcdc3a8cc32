"""Small dialogs of the users tab: add a user, change a PIN, grant permissions."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.permissions import ACTIONS
from app.users import check_pin_format
from ui.admin.approval import pin_field
from ui.admin.labels import action_label
from ui.messages import error_text
from ui.widgets import error_label


def _t(text: str) -> str:
    """Translate in this module's context (``owner.tr`` would look under each dialog's class)."""
    return QCoreApplication.translate("UserDialogs", text)

def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_t("Batal"))
    buttons.rejected.connect(dialog.reject)
    return buttons


class _PinPair:
    """A PIN typed twice; :meth:`value` checks format and that both match."""

    def __init__(self, form: QFormLayout, owner: QWidget) -> None:
        self.first = pin_field(_t("4–8 angka"))
        self.second = pin_field(_t("ulangi PIN"))
        form.addRow(_t("PIN baru"), self.first)
        form.addRow(_t("Ulangi PIN"), self.second)
        self.owner = owner

    def value(self) -> str:
        pin = check_pin_format(self.first.text())
        if pin != self.second.text():
            raise ValidationError(_t("Kedua PIN tidak sama. Ketik ulang."), field="pin")
        return pin


class _FormDialog(QDialog):
    """A form with an error line and OK/Cancel; subclasses implement :meth:`collect`."""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(400)
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.error = error_label()

    def finish(self, ok_text: str) -> None:
        """Add the error line and the buttons (call at the end of ``__init__``)."""
        self.layout_.addWidget(self.error)
        buttons = _buttons(self, ok_text)
        buttons.accepted.connect(self.submit)
        self.layout_.addWidget(buttons)

    def collect(self) -> None:
        """Read and check the fields (raise ValidationError)."""
        raise NotImplementedError

    def submit(self) -> None:
        """Accept when the fields are valid; otherwise show why."""
        try:
            self.collect()
        except ValidationError as exc:
            self.error.setText(error_text(exc))
            return
        self.accept()


class AddUserDialog(_FormDialog):
    """Name, role and PIN of a new user."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Tambah pengguna"), parent)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("mis. Rina"))
        self.form.addRow(self.tr("Nama"), self.name_edit)
        self.role_combo = QComboBox()
        self.role_combo.addItem(self.tr("Kasir"), "cashier")
        self.role_combo.addItem(self.tr("Pemilik (semua izin)"), "owner")
        self.form.addRow(self.tr("Peran"), self.role_combo)
        self.pins = _PinPair(self.form, self)
        self.name = self.role = self.pin = ""
        self.finish(self.tr("Tambah"))

    def collect(self) -> None:
        """Check the name and the PIN pair."""
        name = " ".join(self.name_edit.text().split())
        if len(name) < 2:
            raise ValidationError(self.tr("Nama pengguna wajib diisi."), field="name")
        self.pin = self.pins.value()
        self.name, self.role = name, str(self.role_combo.currentData())


class ChangePinDialog(_FormDialog):
    """A new PIN for one user, typed twice."""

    def __init__(self, user_name: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Ganti PIN %1").replace("%1", user_name), parent)
        self.pins = _PinPair(self.form, self)
        self.pin = ""
        self.finish(self.tr("Simpan PIN"))

    def collect(self) -> None:
        """Check the PIN pair."""
        self.pin = self.pins.value()


class PermissionsDialog(_FormDialog):
    """Checkboxes for the protected actions a cashier may do without asking the owner."""

    def __init__(self, user_name: str, granted: set[str], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Izin untuk %1").replace("%1", user_name), parent)
        hint = QLabel(self.tr("Yang tidak dicentang tetap bisa dilakukan dengan PIN pemilik."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        self.form.addRow(hint)
        self.boxes: dict[str, QCheckBox] = {}
        for action in ACTIONS:
            box = QCheckBox(action_label(action))
            box.setChecked(action in granted)
            self.boxes[action] = box
            self.form.addRow(box)
        self.chosen: set[str] = set(granted)
        self.finish(self.tr("Simpan izin"))

    def collect(self) -> None:
        """Read the ticked actions."""
        self.chosen = {action for action, box in self.boxes.items() if box.isChecked()}
