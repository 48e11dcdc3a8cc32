"""The one home of the words a user sees that app/ produces, in Indonesian and English.

Payment methods, order and payment statuses, sales channels, stock movement kinds (their
words are declared once with their enum in :mod:`contract.enums` and gathered here),
report periods, month names and the fixed words of receipts and report files live
here, keyed by a stable text id (``"method.cash"``, ``"status.paid"``,
``"receipt.total"``...). Receipts, report PDFs and exports are rendered in app/ without
Qt, so they ask :func:`translate` with the language they print in (the setting
``receipt.language``); the screens ask the same catalog with their current language
(``ui.i18n.word``). Pure Python: no Qt, no database.

Bahasa Indonesia is the default: a language other than ``"en"`` gives the Indonesian text,
and an unknown key gives the key itself (so a new status still shows something).
"""

from __future__ import annotations

from datetime import date

from contract.enums import (
    ChannelKind,
    MovementKind,
    OrderKind,
    OrderStatus,
    PaymentMethod,
    PaymentStatus,
    Worded,
)

# LANGUAGES and normal_language are part of this catalog's API (ui.i18n, settings).
from contract.labels import DEFAULT_LANGUAGE, LANGUAGES, Label, normal_language  # noqa: F401


def _words(codes: type[Worded]) -> dict[str, Label]:
    """The words of an enum of :mod:`contract.enums`, keyed by the stored code."""
    return {member.value: member.word for member in codes}


# The words of the stored codes are declared with their enum (contract.enums), once.
METHODS = _words(PaymentMethod)
ORDER_STATUSES = _words(OrderStatus)
PAYMENT_STATUSES = _words(PaymentStatus)
ORDER_KINDS = _words(OrderKind)
CHANNELS = _words(ChannelKind)
MOVEMENTS = _words(MovementKind)
PERIODS: dict[str, Label] = {
    "today": Label("Hari ini", "Today"),
    "yesterday": Label("Kemarin", "Yesterday"),
    "this_week": Label("Minggu ini", "This week"),
    "last_7": Label("7 hari terakhir", "Last 7 days"),
    "this_month": Label("Bulan ini", "This month"),
    "last_month": Label("Bulan lalu", "Last month"),
    "this_year": Label("Tahun ini", "This year"),
    "last_days": Label("{count} hari terakhir", "Last {count} days"),
    "all": Label("Semua", "All"),
}
MONTHS: tuple[Label, ...] = (
    Label("Januari", "January"), Label("Februari", "February"), Label("Maret", "March"),
    Label("April", "April"), Label("Mei", "May"), Label("Juni", "June"), Label("Juli", "July"),
    Label("Agustus", "August"), Label("September", "September"), Label("Oktober", "October"),
    Label("November", "November"), Label("Desember", "December"),
)
GROUPS: dict[str, dict[str, Label]] = {
    "method": METHODS, "status": ORDER_STATUSES, "payment_status": PAYMENT_STATUSES,
    "order_kind": ORDER_KINDS, "channel": CHANNELS, "movement": MOVEMENTS, "period": PERIODS,
}
# Fixed words of a receipt (struk), an A4 nota and a refund receipt; ``{named}`` values are
# filled by :func:`translate`.
RECEIPT: dict[str, Label] = {
    "phone": Label("Telp. {phone}", "Tel. {phone}"),
    "refund_title": Label("RETUR PENJUALAN", "SALES REFUND"),
    "reprint": Label("*** CETAK ULANG ***", "*** REPRINT ***"),
    "number": Label("No.", "No."),
    "date": Label("Tanggal", "Date"),
    "cashier": Label("Kasir", "Cashier"),
    "channel": Label("Kanal", "Channel"),
    "discount": Label("Diskon", "Discount"),
    "subtotal": Label("Subtotal", "Subtotal"),
    "order_discount": Label("Diskon pesanan", "Order discount"),
    "total": Label("TOTAL", "TOTAL"),
    "refund_total": Label("TOTAL RETUR", "REFUND TOTAL"),
    "includes": Label("Termasuk {tax}", "Includes {tax}"),
    "tendered": Label("Uang diterima", "Cash received"),
    "change": Label("Kembali", "Change"),
    "rounding": Label("Pembulatan", "Rounding"),
    "code_discount": Label("Potongan kode unik", "Unique code discount"),
    "amount_due": Label("TOTAL BAYAR", "AMOUNT DUE"),
    "unique_code_off": Label("(sudah dipotong kode unik {code})", "(unique code {code} taken off)"),
    "paid": Label("LUNAS", "PAID"),
    "unpaid": Label("BELUM LUNAS", "NOT PAID"),
    "transfer_title": Label("TRANSFER KE REKENING", "TRANSFER TO ACCOUNT"),
    "bank": Label("Bank", "Bank"),
    "account_short": Label("No. Rek.", "Acct. no."),
    "holder": Label("Atas nama", "Account name"),
    "exact_amount": Label("Jumlah tepat", "Exact amount"),
    "unique_code": Label("(sudah termasuk kode unik {code})", "(includes unique code {code})"),
    "transfer_exact": Label("Mohon transfer sesuai jumlah tepat di atas agar mudah dicocokkan.",
                            "Please transfer exactly the amount above so it can be matched."),
    "qris_title": Label("SCAN QRIS UNTUK MEMBAYAR", "SCAN QRIS TO PAY"),
    "transfer_bank": Label("Transfer {bank}", "Transfer {bank}"),
    "refunded": Label("{label} dikembalikan", "{label} refunded"),
    "refund_of": Label("Retur dari pesanan {number}", "Refund of order {number}"),
    "reason": Label("Alasan: {reason}", "Reason: {reason}"),
    "nota": Label("NOTA", "INVOICE"),
    "nota_doc_title": Label("Nota {number}", "Invoice {number}"),
    "roll_doc_title": Label("Struk {number}", "Receipt {number}"),
    "col_no": Label("No", "No"),
    "col_item": Label("Barang", "Item"),
    "col_qty_price": Label("Jumlah × Harga", "Qty × Price"),
    "col_discount": Label("Diskon", "Discount"),
    "col_amount": Label("Subtotal", "Amount"),
    "status": Label("Status", "Status"),
}
# Fixed words of the report PDF and of the CSV/XLSX exports.
REPORT: dict[str, Label] = {
    "title": Label("Laporan Penjualan — {shop}", "Sales report — {shop}"),
    "period_line": Label("Periode: {period} · dibuat {made}", "Period: {period} · made {made}"),
    "doc_title": Label("Laporan {shop} {period}", "Report {shop} {period}"),
    "by_hour": Label("Penjualan bersih per jam ({zone})", "Net sales by hour ({zone})"),
    "by_day": Label("Penjualan bersih per hari", "Net sales by day"),
    "by_method_money": Label("Uang masuk per cara bayar", "Money in by payment method"),
    "no_payments": Label("Belum ada pembayaran pada periode ini.", "No payments in this period yet."),
    "no_data": Label("(tidak ada data)", "(no data)"),
    "net_sales": Label("Penjualan bersih", "Net sales"),
    "gross_sales": Label("Penjualan kotor", "Gross sales"),
    "orders": Label("Jumlah pesanan", "Orders"),
    "refund_orders": Label("Jumlah retur", "Refunds (orders)"),
    "average": Label("Rata-rata belanja", "Average basket"),
    "refunds": Label("Retur", "Refunds"),
    "discounts": Label("Diskon", "Discounts"),
    "unique_codes": Label("Kode unik transfer", "Transfer unique codes"),
    "rounding": Label("Pembulatan tunai", "Cash rounding"),
    "money_in": Label("Uang diterima", "Money received"),
    "gross_profit": Label("Laba kotor", "Gross profit"),
    "cost_of_goods": Label("Harga pokok penjualan", "Cost of goods sold"),
    "stock_cost": Label("Nilai stok (pokok)", "Stock value (cost)"),
    "stock_cost_long": Label("Nilai stok (harga pokok)", "Stock value (cost price)"),
    "stock_price": Label("Nilai stok (harga jual)", "Stock value (selling price)"),
    "peken_month": Label("PEKEN {month}", "PEKEN {month}"),
    "peken_turnover": Label("Omzet PEKEN {month}", "PEKEN turnover {month}"),
    "peken_cap": Label("Batas PEKEN", "PEKEN cap"),
    "peken_cap_long": Label("Batas omzet PEKEN", "PEKEN turnover cap"),
    "peken_left": Label("Sisa sebelum batas", "Left before the cap"),
    "top": Label("Produk terlaris", "Best sellers"),
    "slow": Label("Kurang laku (ada stok, sedikit terjual)", "Slow movers (in stock, few sold)"),
    "slow_short": Label("Kurang laku", "Slow movers"),
    "low": Label("Stok menipis", "Low stock"),
    "per_method": Label("Per cara bayar", "By payment method"),
    "per_channel": Label("Per saluran dan acara", "By channel and event"),
    "per_channel_short": Label("Per saluran", "By channel"),
    "per_hour": Label("Per jam", "By hour"),
    "per_day": Label("Per hari", "By day"),
    "summary": Label("Ringkasan", "Summary"),
    "col_product": Label("Produk", "Product"),
    "col_sold": Label("Terjual", "Sold"),
    "col_sales": Label("Penjualan", "Sales"),
    "col_stock": Label("Stok", "Stock"),
    "col_stock_value": Label("Nilai stok", "Stock value"),
    "col_sku": Label("SKU", "SKU"),
    "col_min": Label("Minimum", "Minimum"),
    "col_unit": Label("Satuan", "Unit"),
    "col_cost": Label("Harga pokok", "Cost"),
    "col_method": Label("Cara bayar", "Payment method"),
    "col_payments": Label("Transaksi", "Payments"),
    "col_refunds": Label("Retur", "Refunds"),
    "col_net": Label("Bersih", "Net"),
    "col_channel": Label("Saluran / acara", "Channel / event"),
    "col_kind": Label("Jenis", "Kind"),
    "col_orders": Label("Pesanan", "Orders"),
    "col_hour": Label("Jam ({zone})", "Hour ({zone})"),
    "col_date": Label("Tanggal", "Date"),
    "col_what": Label("Keterangan", "Item"),
    "col_value": Label("Nilai", "Value"),
    "shop": Label("Toko", "Shop"),
    "period": Label("Periode", "Period"),
    "made": Label("Dibuat", "Made"),
    "footer": Label("PEKEN Kasir — laporan dihitung dari pesanan lunas; retur mengurangi, pesanan "
                    "yang dibatalkan, kedaluwarsa atau belum dibayar tidak dihitung.",
                    "PEKEN Kasir — figures count paid orders; refunds subtract, voided, expired "
                    "and unpaid orders are left out."),
    "page": Label("Halaman {page}", "Page {page}"),
    "million": Label("{value} jt", "{value} M"),
    "thousand": Label("{value} rb", "{value} K"),
}
# The Z report printed when a shift closes (``app.reports.zreport``).
ZREPORT: dict[str, Label] = {
    "title": Label("LAPORAN Z - TUTUP SHIFT", "Z REPORT - SHIFT CLOSE"),
    "shift": Label("Shift", "Shift"),
    "cashier": Label("Kasir", "Cashier"),
    "opened": Label("Buka", "Opened"),
    "closed": Label("Tutup", "Closed"),
    "paid_orders": Label("Pesanan lunas", "Paid orders"),
    "refunds": Label("Retur", "Refunds"),
    "voided": Label("Batal/kedaluwarsa", "Voided/expired"),
    "unpaid": Label("Belum dibayar", "Not paid yet"),
    "by_method": Label("UANG MASUK PER METODE", "MONEY IN BY METHOD"),
    "unique_codes": Label("Kode unik transfer", "Transfer unique codes"),
    "net": Label("Total bersih", "Net total"),
    "credit_sales": Label("Kasbon (belum dibayar)", "On credit (unpaid)"),
    "deposit_applied": Label("Dibayar dengan DP", "Paid with a deposit"),
    "drawer": Label("KAS DI LACI", "CASH IN DRAWER"),
    "opening": Label("Modal awal", "Opening cash"),
    "cash_sales": Label("Penjualan tunai", "Cash sales"),
    "rounding": Label("  termasuk pembulatan", "  incl. rounding"),
    "cash_refunds": Label("Retur tunai", "Cash refunds"),
    "cash_in": Label("Kas masuk", "Cash in"),
    "cash_out": Label("Kas keluar", "Cash out"),
    "kasbon_cash": Label("Bayar kasbon tunai", "Credit paid in cash"),
    "deposits_cash": Label("DP pesanan tunai", "Pre-order deposits"),
    "supplier_cash": Label("Bayar pemasok", "Paid to suppliers"),
    "expected": Label("Seharusnya", "Expected"),
    "count": Label("HITUNG UANG", "CASH COUNT"),
    "counted": Label("Dihitung", "Counted"),
    "empty_drawer": Label("(tidak ada uang di laci)", "(no money in the drawer)"),
    "difference": Label("SELISIH", "DIFFERENCE"),
    "exact": Label("Rp0 (PAS)", "Rp0 (EXACT)"),
    "over": Label("SELISIH (LEBIH)", "DIFFERENCE (OVER)"),
    "short": Label("SELISIH (KURANG)", "DIFFERENCE (SHORT)"),
    "closed_by": Label("Ditutup oleh: {name}", "Closed by: {name}"),
    "note": Label("Catatan: {note}", "Note: {note}"),
}
# What a refused sync op was about (Pengaturan → PEKEN → refused changes).
SYNC_OPS: dict[str, Label] = {
    "listing.upsert": Label("Data produk", "Product data"),
    "product.edit": Label("Data produk", "Product data"),
    "stock.movement": Label("Mutasi stok", "Stock movement"),
    "order.accept": Label("Terima pesanan", "Accept order"),
    "order.reject": Label("Tolak pesanan", "Reject order"),
    "order.confirm_payment": Label("Konfirmasi bayar", "Confirm payment"),
    "order.fulfil": Label("Pesanan selesai", "Order completed"),
    "pricing.record": Label("Kemasan, grosir, varian, promo", "Packs, tiers, variants, promos"),
}
# Fixed words of the money book's report files (laba rugi, arus kas, piutang, utang).
BOOKS: dict[str, Label] = {
    "title": Label("Buku Kas — {period}", "Cash book — {period}"),
    "profit": Label("Laba rugi", "Profit and loss"),
    "flow": Label("Arus kas per hari", "Cash flow by day"),
    "receivables": Label("Piutang (kasbon) per {day}", "Receivables (credit) as of {day}"),
    "payables": Label("Utang pemasok per {day}", "Payables to suppliers as of {day}"),
    "other_income": Label("Pembulatan & kode unik", "Rounding & unique codes"),
    "dp_kept": Label("Pendapatan lain: DP hangus (pesanan batal)",
                     "Other income: kept deposits (cancelled orders)"),
    "expense": Label("Biaya: {what}", "Expense: {what}"),
    "net_profit": Label("Laba bersih", "Net profit"),
    "col_name": Label("Nama", "Name"),
    "col_phone": Label("Telepon", "Phone"),
    "col_left": Label("Sisa", "Outstanding"),
    "col_b0": Label("0–7 hari", "0–7 days"),
    "col_b1": Label("8–30 hari", "8–30 days"),
    "col_b2": Label("> 30 hari", "> 30 days"),
    "total": Label("Jumlah", "Total"),
    "drawer_in": Label("Laci masuk", "Drawer in"),
    "drawer_out": Label("Laci keluar", "Drawer out"),
    "bank_in": Label("Bank masuk", "Bank in"),
    "bank_out": Label("Bank keluar", "Bank out"),
}
GROUPS.update(receipt=RECEIPT, report=REPORT, books=BOOKS, zreport=ZREPORT, sync_op=SYNC_OPS)


def find(text_id: str) -> Label | None:
    """The catalog entry of ``"group.key"``, or None."""
    group, _, key = text_id.partition(".")
    return GROUPS.get(group, {}).get(key)


def translate(text_id: str, language: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The text of ``"group.key"`` in ``language`` with its ``{named}`` values filled.

    An unknown id gives its key (the part after the dot), so new codes still show.
    """
    label = find(text_id)
    text = label.text(language) if label is not None else text_id.partition(".")[2] or text_id
    return text.format(**values) if values else text


def method_label(method: str, language: str = DEFAULT_LANGUAGE) -> str:
    """``cash`` → ``Tunai`` / ``Cash``."""
    return translate(f"method.{method}", language)


def status_label(status: str, language: str = DEFAULT_LANGUAGE) -> str:
    """An order status: ``paid`` → ``Lunas`` / ``Paid``."""
    return translate(f"status.{status}", language)


def payment_status_label(status: str, language: str = DEFAULT_LANGUAGE) -> str:
    """A payment status: ``confirmed`` → ``Diterima`` / ``Received``."""
    return translate(f"payment_status.{status}", language)


def channel_label(kind: str, language: str = DEFAULT_LANGUAGE) -> str:
    """A sales channel kind: ``event`` → ``Acara`` / ``Event``."""
    return translate(f"channel.{kind}", language)


def movement_label(kind: str, language: str = DEFAULT_LANGUAGE) -> str:
    """A stock movement kind: ``receive`` → ``Barang masuk`` / ``Goods received``."""
    return translate(f"movement.{kind}", language)


def period_label(key: str, language: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """A report/filter period: ``this_month`` → ``Bulan ini`` / ``This month``."""
    return translate(f"period.{key}", language, **values)


def month_name(month: int, language: str = DEFAULT_LANGUAGE) -> str:
    """The name of month 1–12."""
    return MONTHS[month - 1].text(language)


def format_date(day: date, language: str = DEFAULT_LANGUAGE) -> str:
    """``28 November 2026`` (the same order in both languages)."""
    return f"{day.day} {month_name(day.month, language)} {day.year}"


def describe_dates(first: date, last: date, language: str = DEFAULT_LANGUAGE) -> str:
    """A compact range: ``28 November 2026`` or ``1–30 November 2026``."""
    if first == last:
        return format_date(first, language)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {month_name(first.month, language)} {first.year}"
    return f"{format_date(first, language)} – {format_date(last, language)}"


def period_title(kind: str, first: date, last: date, language: str = DEFAULT_LANGUAGE) -> str:
    """The title of a report period (``Bulan ini, November 2026`` / ``This month, November 2026``).

    ``kind`` is how the period was chosen: today, this_week, this_month, this_year,
    last_days, month; anything else (a custom range) gives just the dates.
    """
    days = (last - first).days + 1
    month = f"{month_name(last.month, language)} {last.year}"
    titles = {
        "today": f"{period_label('today', language)}, {format_date(last, language)}",
        "this_week": f"{period_label('this_week', language)}, {describe_dates(first, last, language)}",
        "this_month": f"{period_label('this_month', language)}, {month}",
        "this_year": f"{period_label('this_year', language)}, {last.year}",
        "last_days": period_label("last_days", language, count=days),
        "month": month,
    }
    return titles.get(kind, describe_dates(first, last, language))
