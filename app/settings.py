"""The settings registry: every setting declared once, with its type and default.

Values live in the shop database (table ``settings``) as JSON; QSettings is used
only for window geometry, by the UI.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from app.errors import ValidationError
from models import Setting


@dataclass(frozen=True)
class SettingSpec:
    """One declared setting: key, Python type, default and what it means (Indonesian)."""

    key: str
    type: type
    default: Any
    label: str


SPECS: dict[str, SettingSpec] = {
    spec.key: spec
    for spec in (
        SettingSpec("ppn.enabled", bool, False, "PPN aktif (harga sudah termasuk PPN)"),
        SettingSpec("ppn.rate_label", str, "12% (DPP 11/12)", "Label tarif PPN di struk"),
        SettingSpec("ppn.numerator", int, 11, "Pembilang PPN dari total"),
        SettingSpec("ppn.denominator", int, 111, "Penyebut PPN dari total"),
        SettingSpec("sales.max_qty", int, 10_000, "Jumlah terbesar per baris"),
        SettingSpec("sales.forbid_negative_stock", bool, False, "Larang menjual melebihi stok"),
        SettingSpec("sales.unique_code_as_discount", bool, False, "Kode unik dikembalikan sbg diskon"),
        SettingSpec("sales.cash_rounding_step", int, 0, "Pembulatan tunai (0, 100, 500, 1000)"),
        SettingSpec("sales.cash_rounding_mode", str, "down", "Cara pembulatan tunai (down/nearest)"),
        SettingSpec("sales.discount_limit_percent", int, 10, "Diskon tanpa izin pemilik (%)"),
        SettingSpec("sales.current_channel_id", int, 0, "Saluran penjualan aktif"),
        SettingSpec("receipt.footer", str, "Terima kasih, sampai jumpa lagi!", "Teks kaki struk"),
        SettingSpec("receipt.print_after_sale", bool, True, "Cetak struk setelah penjualan"),
        SettingSpec("printer.profile", str, "", "Profil printer (JSON)"),
        SettingSpec("qris.static_payload", str, "", "Payload QRIS statis"),
        SettingSpec("peken.safety_buffer", int, 0, "Stok cadangan yang tidak dijual online"),
        SettingSpec("peken.turnover_cap", int, 30_000_000, "Batas omzet PEKEN per bulan"),
        SettingSpec("peken.kecamatan", str, "", "Kecamatan toko (dilihat pembeli PEKEN)"),
        SettingSpec("peken.pickup_hours", str, "", "Jam ambil pesanan online"),
        SettingSpec("peken.buyer_account_id", int, 0, "Rekening yang dilihat pembeli (0 = pertama)"),
        SettingSpec("peken.moderation", str, "", "Produk yang disembunyikan admin kota (JSON)"),
        SettingSpec("ui.language", str, "id", "Bahasa tampilan (id/en)"),
        SettingSpec("receipt.language", str, "id", "Bahasa struk dan laporan PDF (id/en)"),
        SettingSpec("shop.timezone", str, "Asia/Jakarta", "Zona waktu toko"),
        SettingSpec("first_run.step", int, 0, "Langkah berikut wizard toko baru (99 = selesai)"),
        SettingSpec("updates.checked_at", str, "", "Terakhir memeriksa versi baru (UTC)"),
        SettingSpec("updates.dismissed", str, "", "Versi baru yang pemberitahuannya ditutup"),
        SettingSpec("backup.keep", int, 14, "Jumlah cadangan harian yang disimpan"),
        SettingSpec("backup.second_folder", str, "", "Folder cadangan kedua (flashdisk)"),
        SettingSpec("offsite.public_key", str, "", "Kunci publik cadangan terenkripsi"),
        SettingSpec("offsite.salt", str, "", "Garam kunci frasa pemulihan"),
        SettingSpec("offsite.shop_uuid", str, "", "Identitas toko pada cadangan terenkripsi"),
        SettingSpec("offsite.folder", str, "", "Folder cadangan terenkripsi (flashdisk/cloud)"),
        SettingSpec("offsite.server", bool, False, "Simpan cadangan terenkripsi di server PEKEN"),
        SettingSpec("security.owner_pin_idle_seconds", int, 120,
                    "Izin PIN pemilik berakhir setelah tidak ada input (detik)"),
        SettingSpec("scale.enabled", bool, False, "Baca barcode timbangan label"),
        SettingSpec("scale.prefixes", str, "20,21", "Awalan barcode timbangan (20–29, pisah koma)"),
        SettingSpec("scale.plu_digits", int, 5, "Jumlah angka PLU pada barcode timbangan"),
        SettingSpec("scale.value", str, "weight", "Isi barcode timbangan (weight = gram, price = rupiah)"),
        SettingSpec("scale.price_check", bool, False, "Barcode timbangan memuat cek digit harga"),
        SettingSpec("kasbon.default_limit", int, 500_000,
                    "Batas kasbon per pelanggan (Rp; di atasnya perlu PIN pemilik)"),
        SettingSpec("cash.approval_limit", int, 500_000,
                    "Kas masuk/keluar di atas jumlah ini perlu PIN pemilik (0 = selalu boleh)"),
        SettingSpec("preorder.keep_dp_on_cancel", bool, False,
                    "DP pesanan yang dibatalkan disimpan toko (tidak dikembalikan)"),
    )
}


def _spec(key: str) -> SettingSpec:
    try:
        return SPECS[key]
    except KeyError:
        raise KeyError(f"undeclared setting {key!r}") from None


_CACHE = "app.settings.values"
_generations = itertools.count(1)
_generation = 0


def generation() -> int:
    """A number that changes each time a session that saved a setting commits: a cache of
    values read from the settings (the till's scale layout) is still good while it is the same."""
    return _generation


def _saved(_session: Session) -> None:
    global _generation
    _generation = next(_generations)


def _stored(session: Session) -> dict[str, str]:
    """All stored settings (raw JSON), read once per transaction of ``session``."""
    cached = session.info.get(_CACHE)
    if cached is not None and cached[0] is session.get_transaction():
        return cast(dict[str, str], cached[1])
    rows = session.execute(select(Setting.key, Setting.value))
    values: dict[str, str] = {key: value for key, value in rows}
    session.info[_CACHE] = (session.get_transaction(), values)
    return values


def get(session: Session, key: str) -> Any:
    """The stored value of ``key``, or its declared default."""
    spec = _spec(key)
    raw = _stored(session).get(key)
    if raw is None:
        return spec.default
    return json.loads(raw)


def set_value(session: Session, key: str, value: Any) -> None:
    """Store ``value`` for ``key`` after checking it has the declared type."""
    spec = _spec(key)
    if (spec.type is int and isinstance(value, bool)) or not isinstance(value, spec.type):
        raise ValidationError("Pengaturan '{label}' harus bertipe {type_name}.", label=spec.label,
                              type_name=spec.type.__name__)
    row = session.get(Setting, key)
    if not event.contains(session, "after_commit", _saved):
        event.listen(session, "after_commit", _saved)
    encoded = json.dumps(value)
    if row is None:
        session.add(Setting(key=key, value=encoded))
    else:
        row.value = encoded
    cached = session.info.get(_CACHE)
    if cached is not None and cached[0] is session.get_transaction():
        cached[1][key] = encoded
