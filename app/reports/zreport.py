"""The Z report of a closed shift as fixed-width text (32 columns on 58 mm, 48 on 80 mm),
and the ESC/POS bytes to print it on a receipt printer."""

from __future__ import annotations

from app.clock import local, zone_label
from app.drawer import DENOMINATIONS, ShiftCash
from app.labels_i18n import DEFAULT_LANGUAGE, METHODS, translate
from app.money import format_rupiah
from contract.enums import PaymentMethod

WIDTHS = (32, 48)

# Paid without money changing hands in this shift: listed apart, not in "Total bersih".
NOT_MONEY_IN = frozenset({PaymentMethod.KASBON, PaymentMethod.DEPOSIT})


def _pair(left: str, right: str, width: int) -> str:
    room = width - len(right) - 1
    return f"{left[:room]:<{room}} {right}"


def _center(text: str, width: int) -> str:
    return text[:width].center(width).rstrip()


def _z(key: str, language: str, **values: object) -> str:
    return translate(f"zreport.{key}", language, **values)


def _when(cash: ShiftCash, width: int, language: str) -> list[str]:
    fmt = f"%d/%m/%Y %H:%M {zone_label()}"
    return [_pair(_z("opened", language), local(cash.opened_at).strftime(fmt), width),
            _pair(_z("closed", language), local(cash.until).strftime(fmt), width)]


def _count_lines(counts: dict[str, int], width: int, language: str) -> list[str]:
    lines = []
    for d in DENOMINATIONS:
        pieces = counts.get(d.key, 0)
        if pieces:
            lines.append(_pair(f"{d.label} x {pieces}", format_rupiah(d.value * pieces), width))
    return lines or [_z("empty_drawer", language)]


def _difference(diff: int, width: int, language: str) -> str:
    if diff == 0:
        return _pair(_z("difference", language), _z("exact", language), width)
    sign = "+" if diff > 0 else ""
    return _pair(_z("over" if diff > 0 else "short", language), sign + format_rupiah(diff), width)


def render_z_report(
    cash: ShiftCash, counts: dict[str, int], counted_cash: int, *, width: int = 32,
    shop_name: str = "", cashier: str = "", closed_by: str = "", note: str = "",
    language: str = DEFAULT_LANGUAGE,
) -> str:
    """The Z report text: orders, money by method, expected vs counted cash and the difference.

    Its fixed words are in ``language`` (the shop's ``receipt.language``).
    """
    if width not in WIDTHS:
        raise ValueError(f"width must be one of {WIDTHS}")
    rule = "-" * width
    lines = [_center(shop_name.upper(), width)] if shop_name else []
    lines += [_center(_z("title", language), width), rule,
              _pair(_z("shift", language), f"#{cash.shift_id}", width)]
    if cashier:
        lines.append(_pair(_z("cashier", language), cashier, width))
    lines += [*_when(cash, width, language), rule, *_orders(cash, width, language), rule,
              *_money(cash, width, language), rule, _z("count", language),
              *_count_lines(counts, width, language),
              _pair(_z("counted", language), format_rupiah(counted_cash), width), rule,
              _difference(counted_cash - cash.expected_cash, width, language), rule]
    if closed_by:
        lines.append(_z("closed_by", language, name=closed_by)[:width])
    if note.strip():
        lines += _wrap(_z("note", language, note=note.strip()), width)
    return "\n".join(lines) + "\n"


def _orders(cash: ShiftCash, width: int, language: str) -> list[str]:
    return [_pair(_z("paid_orders", language), str(cash.orders), width),
            _pair(_z("refunds", language), str(cash.refunds), width),
            _pair(_z("voided", language), str(cash.voided), width),
            _pair(_z("unpaid", language), str(cash.pending), width)]


def _money(cash: ShiftCash, width: int, language: str) -> list[str]:
    lines = [_z("by_method", language)]
    lines += [_pair(label.text(language), format_rupiah(cash.by_method.get(m, 0)), width)
              for m, label in METHODS.items() if m not in NOT_MONEY_IN]
    taken = cash.net_sales - sum(cash.by_method.get(m, 0) for m in NOT_MONEY_IN)
    return [*lines,
            _pair(_z("unique_codes", language), format_rupiah(cash.unique_codes), width),
            _pair(_z("net", language), format_rupiah(taken + cash.unique_codes), width),
            *_not_money_in(cash, width, language),
            "-" * width, _z("drawer", language),
            _pair(_z("opening", language), format_rupiah(cash.opening_cash), width),
            _pair(_z("cash_sales", language), format_rupiah(cash.cash_sales), width),
            _pair(_z("rounding", language), format_rupiah(cash.rounding), width),
            _pair(_z("cash_refunds", language), format_rupiah(-cash.cash_refunds), width),
            *_book_lines(cash, width, language),
            _pair(_z("expected", language), format_rupiah(cash.expected_cash), width)]


def _not_money_in(cash: ShiftCash, width: int, language: str) -> list[str]:
    """Sales paid with no money this shift: on kasbon (owed) or with a DP taken earlier."""
    keys = ((PaymentMethod.KASBON, "credit_sales"), (PaymentMethod.DEPOSIT, "deposit_applied"))
    return [_pair(_z(key, language), format_rupiah(cash.by_method[m]), width)
            for m, key in keys if cash.by_method.get(m, 0)]


def _book_lines(cash: ShiftCash, width: int, language: str) -> list[str]:
    """The money book's drawer lines, signed as they move the drawer (each its own line)."""
    signed = (("cash_in", cash.cash_in), ("cash_out", -cash.cash_out),
              ("kasbon_cash", cash.kasbon_cash), ("deposits_cash", cash.deposits_cash),
              ("supplier_cash", -cash.supplier_cash))
    return [_pair(_z(key, language), format_rupiah(amount), width) for key, amount in signed]


def _wrap(text: str, width: int) -> list[str]:
    words, lines, current = text.split(), [], ""
    for word in words:
        candidate = f"{current} {word}".strip()
        if len(candidate) <= width:
            current = candidate
        else:
            if current:
                lines.append(current)
            current = word[:width]
    if current:
        lines.append(current)
    return lines


def z_report_escpos(text: str, encoding: str = "cp437", *, cut: bool = True) -> bytes:
    """ESC/POS bytes printing the Z report text in font A, then feed (and cut)."""
    body = text.encode(encoding, errors="replace")
    data = b"\x1b@" + body + b"\n\n\n\n"
    return data + (b"\x1dV\x42\x00" if cut else b"")
