"""Names shown for protected actions and audit log entries (translatable with Qt Linguist)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.money import format_rupiah


def _t(text: str) -> str:
    return QCoreApplication.translate("AuditLabels", text)


def action_label(action: str) -> str:
    """The shown name of a protected action key (``refund`` → ``retur/refund``)."""
    names = {
        "refund": _t("retur/refund"),
        "void": _t("membatalkan pesanan"),
        "discount": _t("diskon di atas batas"),
        "price_override": _t("mengubah harga jual"),
        "payment_confirm": _t("konfirmasi pembayaran"),
        "stock_adjust": _t("penyesuaian stok"),
        "settings": _t("mengubah pengaturan"),
        "cost_view": _t("melihat harga modal"),
        "cash_large": _t("kas masuk/keluar di atas batas"),
        "bank_account": _t("mengubah rekening bank"),
        "qris": _t("mengubah QRIS toko"),
        "printer": _t("mengubah printer struk"),
        "backup_target": _t("mengubah tujuan cadangan"),
        "restore": _t("memulihkan cadangan toko"),
    }
    return names.get(action, action)


def audit_label(action: str) -> str:
    """The shown name of an audit log action (``perm.refund`` → ``Izin: retur/refund``)."""
    if action.startswith("perm."):
        return _t("Izin: %1").replace("%1", action_label(action.removeprefix("perm.")))
    names = {
        "refund": _t("Retur dicatat"),
        "void": _t("Pesanan dibatalkan"),
        "payment.confirm": _t("Pembayaran dikonfirmasi"),
        "pin.wrong": _t("PIN salah"),
        "login": _t("Masuk"),
        "user.create": _t("Pengguna ditambah"),
        "user.pin": _t("PIN diganti"),
        "user.activate": _t("Pengguna diaktifkan"),
        "user.deactivate": _t("Pengguna dinonaktifkan"),
        "user.permissions": _t("Izin pengguna diubah"),
        "backup.restore": _t("Cadangan dipulihkan"),
        "backup.manual": _t("Cadangan dibuat"),
        "bank_account.add": _t("Rekening bank ditambah"),
        "bank_account.deactivate": _t("Rekening bank dinonaktifkan"),
        "qris.set": _t("QRIS toko disimpan"),
        "qris.clear": _t("QRIS toko dihapus"),
        "printer.set": _t("Printer struk diubah"),
    }
    return names.get(action, action)


def detail_text(detail: dict[str, object]) -> str:
    """An audit entry's details as one readable line (``order: K1-…, alasan: …``)."""
    keys = {"order": _t("pesanan"), "refund": _t("retur"), "amount": _t("jumlah"),
            "reason": _t("alasan"), "user": _t("pengguna"), "for": _t("untuk"),
            "permissions": _t("izin"), "role": _t("peran"), "file": _t("berkas"),
            "what": _t("hal"), "by": _t("oleh"), "previous": _t("data sebelumnya")}
    parts = []
    for key, value in detail.items():
        if value not in (None, ""):
            parts.append(f"{keys.get(key, key)}: {_value_text(key, value)}")
    return "; ".join(parts)


def _value_text(key: str, value: object) -> str:
    if key == "for" and isinstance(value, str):
        return action_label(value) if value != "login" else _t("masuk")
    if key == "amount" and isinstance(value, int):

        return format_rupiah(value)
    if key == "role" and isinstance(value, str):
        return {"owner": _t("pemilik"), "cashier": _t("kasir")}.get(value, value)
    if key == "permissions" and isinstance(value, str):
        return ", ".join(action_label(v) for v in value.split(",") if v) or "—"
    return str(value)
