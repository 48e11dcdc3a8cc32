"""Pengaturan → Toko: the shop profile, time zone, PPN, receipt footer and selling limits.

There is no expiry setting for counter transfers: goods handed over never expire (online
reservations expire at the deadline the catalog server sets)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import clock, settings, shop
from app.db import Session
from app.errors import UserError
from app.sync import profile as peken_profile
from ui.context import AppContext
from ui.i18n_tools import QT_TRANSLATE_NOOP
from ui.messages import show_error
from ui.settings.scale_box import ScaleBox

# The shop's time zone decides "today", order numbers, receipts, reports and backups.
ZONE_CHOICES = (("Asia/Jakarta", QT_TRANSLATE_NOOP("ShopTab", "WIB (UTC+7)")),
                ("Asia/Makassar", QT_TRANSLATE_NOOP("ShopTab", "WITA (UTC+8)")),
                ("Asia/Jayapura", QT_TRANSLATE_NOOP("ShopTab", "WIT (UTC+9)")))

# The profile's rows: setting key and label (marked for lupdate, translated in _build).
PROFILE_FIELDS = (
    ("name", QT_TRANSLATE_NOOP("ShopTab", "Nama toko")),
    ("owner_name", QT_TRANSLATE_NOOP("ShopTab", "Pemilik")),
    ("address", QT_TRANSLATE_NOOP("ShopTab", "Alamat")),
    ("phone", QT_TRANSLATE_NOOP("ShopTab", "Telepon / WA")),
    ("npwp", QT_TRANSLATE_NOOP("ShopTab", "NPWP (opsional)")),
    ("device_code", QT_TRANSLATE_NOOP("ShopTab", "Kode perangkat (untuk nomor pesanan)")),
)


class ShopTab(QWidget):
    """Edit the shop profile and the shop-wide sale settings; saved in one transaction."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.edits: dict[str, QLineEdit] = {}
        self.ppn = QCheckBox(self.tr("PPN aktif (harga jual sudah termasuk PPN)"))
        self.footer = QLineEdit()
        self.zone = QComboBox()
        self.zone.setObjectName("shopTimezone")
        for name, label in ZONE_CHOICES:
            self.zone.addItem(self.tr(label), name)
        self.max_qty = QSpinBox()  # sales.max_qty: a larger quantity is refused where it is typed
        self.max_qty.setObjectName("shopMaxQty")
        self.max_qty.setRange(1, 1_000_000)
        self.forbid_negative = QCheckBox(self.tr("Jangan jual melebihi stok (stok tidak boleh minus)"))
        self.forbid_negative.setObjectName("shopForbidNegative")
        self.kecamatan = QLineEdit()  # the PEKEN profile buyers see (pushed as shop.profile)
        self.kecamatan.setObjectName("pekenKecamatan")
        self.kecamatan.setMaxLength(60)
        self.pickup_hours = QLineEdit()
        self.pickup_hours.setObjectName("pekenPickupHours")
        self.pickup_hours.setMaxLength(120)
        self.buyer_account = QComboBox()
        self.buyer_account.setObjectName("pekenBuyerAccount")
        self.hidden = QLabel()
        self.hidden.setObjectName("pekenHidden")
        self.hidden.setWordWrap(True)
        self.status = QLabel()
        self.scale_box = ScaleBox()  # scale.*: the label scale's barcodes
        self._build()
        self.load()

    def _build(self) -> None:
        profile_box = QGroupBox(self.tr("Profil toko"))
        form = QFormLayout(profile_box)
        for key, label in PROFILE_FIELDS:
            edit = QLineEdit()
            edit.setObjectName(f"profile_{key}")
            self.edits[key] = edit
            form.addRow(self.tr(label), edit)
        form.addRow(self.tr("Zona waktu"), self.zone)
        sale_box = QGroupBox(self.tr("Penjualan"))
        sale_form = QFormLayout(sale_box)
        sale_form.addRow(self.ppn)
        sale_form.addRow(self.tr("Teks kaki struk"), self.footer)
        sale_form.addRow(self.tr("Jumlah terbesar per baris"), self.max_qty)
        sale_form.addRow(self.forbid_negative)
        peken_box = QGroupBox(self.tr("PEKEN online (dilihat pembeli)"))
        peken_form = QFormLayout(peken_box)
        peken_form.addRow(self.tr("Kecamatan"), self.kecamatan)
        peken_form.addRow(self.tr("Jam ambil pesanan"), self.pickup_hours)
        peken_form.addRow(self.tr("Rekening untuk pembeli"), self.buyer_account)
        peken_form.addRow(self.hidden)
        save = QPushButton(self.tr("Simpan"))
        save.setObjectName("saveShop")
        save.clicked.connect(self.on_save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(save)
        layout = QVBoxLayout(self)
        layout.addWidget(profile_box)
        sale_row = QHBoxLayout()  # side by side: the tab fits a 1366×768 screen
        sale_row.addWidget(sale_box, 1)
        sale_row.addWidget(self.scale_box, 1)
        layout.addLayout(sale_row)
        layout.addWidget(peken_box)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def load(self) -> None:
        """Fill the fields from the shop database."""
        with self.ctx.db.read() as session:
            profile = shop.profile(session)
            for key, edit in self.edits.items():
                edit.setText(str(getattr(profile, key) or ""))
            self.ppn.setChecked(bool(settings.get(session, "ppn.enabled")))
            self.footer.setText(str(settings.get(session, "receipt.footer")))
            self.zone.setCurrentIndex(max(0, self.zone.findData(settings.get(session, "shop.timezone"))))
            self.max_qty.setValue(int(settings.get(session, "sales.max_qty")))
            self.forbid_negative.setChecked(bool(settings.get(session, "sales.forbid_negative_stock")))
            self._load_peken(session)
            self.scale_box.load(session)

    def _load_peken(self, session: Session) -> None:
        """The PEKEN profile fields and the products the city hid."""
        self.kecamatan.setText(str(settings.get(session, "peken.kecamatan")))
        self.pickup_hours.setText(str(settings.get(session, "peken.pickup_hours")))
        self.buyer_account.clear()
        for account in shop.bank_accounts(session):
            text = self.tr("{bank} {number} a.n. {holder}").format(
                bank=account.bank, number=account.number, holder=account.holder)
            self.buyer_account.addItem(text, account.id)
        chosen = int(settings.get(session, "peken.buyer_account_id"))
        self.buyer_account.setCurrentIndex(max(0, self.buyer_account.findData(chosen)))
        hidden = peken_profile.hidden_listings(session)
        self.hidden.setText("\n".join(
            [self.tr("Disembunyikan admin kota:")]
            + [f"• {h.name}: {h.reason}" for h in hidden]) if hidden else "")

    def on_save(self) -> None:
        """Validate and store everything in one transaction."""
        values = {key: edit.text() for key, edit in self.edits.items()}
        zone = str(self.zone.currentData())
        try:
            with self.ctx.db.unit_of_work() as session:
                shop.update_profile(session, **values)
                settings.set_value(session, "ppn.enabled", self.ppn.isChecked())
                settings.set_value(session, "receipt.footer", self.footer.text().strip())
                settings.set_value(session, "sales.max_qty", self.max_qty.value())
                settings.set_value(session, "sales.forbid_negative_stock", self.forbid_negative.isChecked())
                settings.set_value(session, "shop.timezone", zone)
                self.scale_box.save(session)
                peken_profile.save_shop_profile(session, self.kecamatan.text(), self.pickup_hours.text(),
                                           int(self.buyer_account.currentData() or 0))
        except UserError as exc:
            show_error(self, exc)
            return
        clock.set_shop_zone(zone)  # days, order numbers and the status-bar clock follow at once
        self.status.setText(self.tr("Tersimpan."))
        self.ctx.signals.sig_status.emit(self.tr("Pengaturan toko disimpan"))
