"""Shown names of order statuses, kinds and payment methods (translatable)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("OrderLabels", text)


def status_label(status: str) -> str:
    """``paid`` → ``Lunas`` and so on."""
    names = {
        "pending": _t("Menunggu bayar"), "paid": _t("Lunas"), "void": _t("Dibatalkan"),
        "expired": _t("Kedaluwarsa"), "accepted": _t("Diterima"), "rejected": _t("Ditolak"),
        "fulfilled": _t("Selesai"), "cancelled": _t("Dibatalkan pembeli"),
    }
    return names.get(status, status)


def method_label(method: str) -> str:
    """``cash`` → ``Tunai`` and so on."""
    names = {"cash": _t("Tunai"), "transfer": _t("Transfer"), "qris": _t("QRIS"),
             "other": _t("Lainnya")}
    return names.get(method, method)


def methods_label(methods: str) -> str:
    """A comma list of methods, shown."""
    return ", ".join(method_label(m) for m in methods.split(",") if m)


def kind_label(kind: str) -> str:
    """``sale`` → ``Penjualan``, ``refund`` → ``Retur``."""
    return _t("Retur") if kind == "refund" else _t("Penjualan")


def payment_status_label(status: str) -> str:
    """A payment's status, shown."""
    names = {"pending": _t("Menunggu"), "confirmed": _t("Diterima"), "void": _t("Batal")}
    return names.get(status, status)


STATUS_FILTERS: tuple[str | None, ...] = (None, "paid", "pending", "refund", "void", "expired",
                                          "fulfilled")


def filter_label(key: str | None) -> str:
    """The shown name of a status filter (None: all; ``refund``: refunds)."""
    if key is None:
        return _t("Semua status")
    if key == "refund":
        return _t("Retur")
    return status_label(key)
