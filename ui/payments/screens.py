"""Screenshots of the payment screens for docs/screenshots (``make screenshots``).

Each entry of :data:`SCREENS` is ``(file name, render(ctx, out_dir))``. The renderers work on
a private copy of ``ctx``'s shop file (made with SQLite's backup API), so the pending orders
and statement they add for the picture never touch the shop being documented.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from app import samples, shop
from app.cart import Cart, CartLine
from app.clock import now_utc, shop_day
from app.payments import service
from app.sales import PaymentInput, checkout
from contract import qris
from contract.enums import PaymentMethod
from ui import screenshots
from ui.context import AppContext
from ui.payments.confirm_page import ConfirmPaymentsPage
from ui.payments.qris_panel import QrisPanel
from ui.payments.settings_tab import PaymentSettingsTab
from ui.payments.transfer_panel import TransferPanel

Render = Callable[[AppContext, Path], None]
SAMPLE_TOTAL = 187_500


def demo_static_qris(merchant: str = "TOKO BERKAH JAYA", city: str = "SURABAYA") -> str:
    """A well-formed static QRIS for pictures (invented IDs; not payable)."""
    tlv = qris.TlvObject
    objects = [
        tlv("00", "01"), tlv("01", "11"),
        tlv("26", "", (tlv("00", "ID.CO.BANKJATIM.WWW"), tlv("01", "936001140000012345"),
                     tlv("02", "000012345"), tlv("03", "UMI"))),
        tlv("51", "", (tlv("00", "ID.CO.QRIS.WWW"), tlv("02", "ID1025000012345"), tlv("03", "UMI"))),
        tlv("52", "5411"), tlv("53", "360"), tlv("58", "ID"), tlv("59", merchant[:25]), tlv("60", city),
        tlv("61", "60111"), tlv("62", "", (tlv("07", "K1"),)),
    ]
    return qris.encode(objects)


@contextmanager
def private_copy(ctx: AppContext) -> Iterator[AppContext]:
    """A throw-away copy of the shop, with a bank account and a static QRIS."""
    with screenshots.private_copy(ctx) as own:
        with own.db.unit_of_work() as session:
            if not shop.bank_accounts(session):
                shop.add_bank_account(session, "BCA", "1234567890", "Siti Aminah")
            if service.static_qris(session) is None:
                service.set_static_qris(session, demo_static_qris(shop.profile(session).name),
                                        user_id=own.user_id)
        yield own


def render_settings(ctx: AppContext, out_dir: Path) -> None:
    """Pengaturan → Pembayaran with an account and a stored QRIS."""
    with private_copy(ctx) as own:
        screenshots.save_window(PaymentSettingsTab(own), out_dir / "payment_settings.png", (760, 620))


def render_transfer(ctx: AppContext, out_dir: Path) -> None:
    """The transfer panel for a Rp187.500 sale."""
    with private_copy(ctx) as own:
        panel = TransferPanel(own)
        panel.show_for(SAMPLE_TOTAL)
        screenshots.save_window(panel, out_dir / "pay_transfer.png", (760, 300))


def render_qris(ctx: AppContext, out_dir: Path) -> None:
    """The QRIS panel for a Rp187.500 sale."""
    with private_copy(ctx) as own:
        panel = QrisPanel(own)
        panel.show_for(SAMPLE_TOTAL)
        screenshots.save_window(panel, out_dir / "pay_qris.png", (640, 300))


def _pending_sales(own: AppContext, count: int) -> list[int]:
    """``count`` transfer sales of the first products; their amounts due."""
    dues = []
    with own.db.unit_of_work() as session:
        account = shop.bank_accounts(session)[0].id
        products = samples.products(session, limit=count)
        for index, product in enumerate(products):
            cart = Cart()
            cart.add(CartLine(product.id, product.name, product.unit, Decimal(index + 1),
                              product.price, product.sold_by_weight))
            code = service.transfer_code(session, account, cart.total)
            checkout(session, cart, [PaymentInput(PaymentMethod.TRANSFER, cart.total, bank_account_id=account,
                                                  unique_code=code)],
                     now=now_utc() - timedelta(minutes=15 * (count - index)))
            dues.append(cart.total + code)
    return dues


def _statement(path: Path, own: AppContext, dues: list[int]) -> Path:
    with own.db.read() as session:
        number = shop.bank_accounts(session)[0].number
    day = shop_day(now_utc())
    rows = [f"No. Rekening,=,'{number}", "Nama,=,SITI AMINAH",
            f"Periode,=,{day - timedelta(days=2):%d/%m/%Y} - {day:%d/%m/%Y}", "Mata Uang,=,IDR",
            "", "Tanggal Transaksi,Keterangan,Cabang,Jumlah,,Saldo"]
    lines = [(dues[0], "CR", "TRSF E-BANKING CR ANDI PRASETYO"),
             (dues[1], "CR", "SWITCHING CR TRANSFER DR 008 RINA, PESANAN"),
             (250_000, "CR", "SETORAN TUNAI"), (dues[2], "DB", "TRSF E-BANKING DB GROSIR JAYA")]
    balance = 2_000_000
    for amount, marker, text in lines:
        balance += amount if marker == "CR" else -amount
        rows.append(f"'{day:%d/%m},\"{text}\",'0000,{amount}.00,{marker},{balance}.00")
    path.write_text("\r\n".join(rows) + "\r\n", encoding="utf-8")
    return path


def render_confirm(ctx: AppContext, out_dir: Path) -> None:
    """The confirmation page after importing a statement: 2 proposals, 1 unmatched credit."""
    with private_copy(ctx) as own, tempfile.TemporaryDirectory() as folder:
        dues = _pending_sales(own, 4)
        statement = _statement(Path(folder) / "mutasi.csv", own, dues)
        page = ConfirmPaymentsPage(own)
        with own.db.unit_of_work() as session:
            result = service.import_statement(session, statement)
        page._imported(result)  # the worker's callback, run in line for the picture
        screenshots.save_window(page, out_dir / "confirm_payments.png", (1100, 760))


SCREENS: list[tuple[str, Render]] = [
    ("payment_settings.png", render_settings),
    ("pay_transfer.png", render_transfer),
    ("pay_qris.png", render_qris),
    ("confirm_payments.png", render_confirm),
]
