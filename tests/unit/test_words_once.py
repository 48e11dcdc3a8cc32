"""Words declared once (issue 13): the stored codes are the enums of :mod:`contract.enums`, each
member carries its word in both languages, and no module spells a status or a method as a bare
string literal any more (it names the enum member, so a typo is an AttributeError, not a silent
mismatch, and a reader finds every use by the member's name).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from app import labels_i18n
from app.sync.apply import SERVER_TO_LOCAL
from contract.enums import (
    BUYER_WORDS,
    WORDED,
    ChannelKind,
    MovementKind,
    OnlineOrderStatus,
    OrderKind,
    OrderStatus,
    PaymentMethod,
    PaymentStatus,
    Worded,
)
from contract.labels import LANGUAGES
from server.orders import states as server_states

ROOT = Path(__file__).resolve().parents[2]
SCANNED = ("app", "ui", "models", "server")

# The strings kept in the databases and on the wire: renaming one would need a migration and
# a protocol change, so the enums must keep them exactly.
STORED = {
    PaymentMethod: {"cash", "transfer", "qris", "other", "kasbon", "deposit"},
    PaymentStatus: {"pending", "confirmed", "void"},
    OrderStatus: {"placed", "pending", "paid", "void", "expired", "rejected", "fulfilled",
                  "cancelled"},
    OnlineOrderStatus: {"placed", "awaiting_payment", "paid", "fulfilled", "rejected", "cancelled",
                        "expired"},
    OrderKind: {"sale", "refund"},
    ChannelKind: {"counter", "event", "online"},
    MovementKind: {"sale", "refund", "receive", "adjust", "stocktake", "online", "void", "initial",
                   "purchase", "sup_return"},
}
# The literals the scan refuses: every status and method code.
GUARDED = frozenset().union(*(STORED[e] for e in (PaymentMethod, PaymentStatus, OrderStatus,
                                                   OnlineOrderStatus)))

# (file, literal) pairs where the same letters mean something else; each says what.
OTHER_MEANINGS: dict[tuple[str, str], str] = {
    ("app/labels_i18n.py", "paid"): "catalog text id receipt.paid (the LUNAS stamp)",
    ("app/receipts/document.py", "paid"): "catalog text id receipt.paid",
    ("app/receipts/samples.py", "transfer"): "sample name and the Receipt.transfer field",
    ("app/receipts/samples.py", "qris"): "sample name",
    ("app/permissions.py", "void"): "permission name (owner approval to void)",
    ("app/permissions.py", "qris"): "permission name (changing the shop's QRIS)",
    ("app/orders.py", "void"): "audit action name",
    ("app/payments/service.py", "qris"): "permission name (owner approval for the QRIS sticker)",
    ("ui/admin/labels.py", "void"): "permission name",
    ("ui/admin/labels.py", "qris"): "permission name",
    ("ui/admin/screens.py", "void"): "permission name",
    ("ui/orders/page.py", "void"): "permission name",
    ("ui/payments/settings_tab.py", "qris"): "permission name",
    ("server/web/admin/sellers.py", "qris"): "admin form field name",
    ("app/outbox.py", "pending"): "outbox op state (sync), not an order or payment",
    ("app/importing/commit.py", "pending"): "outbox op state",
    ("app/sync/engine.py", "pending"): "outbox op state",
    ("app/sync/engine.py", "rejected"): "push result of an op",
    ("app/sync/state.py", "pending"): "outbox op state",
    ("app/sync/state.py", "rejected"): "outbox op state",
    ("app/sync/snapshot.py", "pending"): "outbox op state",
    ("app/sync/rejected.py", "rejected"): "outbox op state",
    ("app/sync/offsite.py", "pending"): "outbox op state",
    ("models/sync.py", "pending"): "outbox op state",
    ("server/sync/context.py", "rejected"): "push result of an op",
}


@pytest.mark.parametrize("codes", WORDED, ids=lambda e: e.__name__)
def test_every_member_has_its_word_in_both_languages_and_words_differ(codes: type[Worded]) -> None:
    for language in LANGUAGES:
        words = [member.label(language) for member in codes]
        assert all(word.strip() for word in words), f"{codes.__name__}: an empty word in {language}"
        assert len(set(words)) == len(words), f"{codes.__name__}: two codes share a word ({language})"
        for member in codes if codes in GROUPS else ():  # the app's catalog: the very same words
            assert labels_i18n.translate(f"{GROUPS[codes]}.{member}", language) == member.label(language)


GROUPS = {PaymentMethod: "method", PaymentStatus: "payment_status", OrderStatus: "status",
          OrderKind: "order_kind", ChannelKind: "channel", MovementKind: "movement"}


def test_the_server_names_each_state_with_the_word_the_shop_app_shows_for_it() -> None:
    for status in OnlineOrderStatus:
        local = OrderStatus(SERVER_TO_LOCAL[status])
        assert status.word == local.word
        assert server_states.STATUS_LABELS[status] == local.label().lower()  # inside a sentence


def test_the_enums_keep_the_stored_strings_and_buyers_have_a_word_for_every_state() -> None:
    for codes, stored in STORED.items():
        assert {member.value for member in codes} == stored, codes.__name__
        assert all(type(member.value) is str for member in codes)
    assert PaymentMethod("cash") is PaymentMethod.CASH and PaymentMethod.CASH == "cash"
    assert set(BUYER_WORDS) == set(OnlineOrderStatus)
    assert all(word.id.strip() and word.en.strip() for word in BUYER_WORDS.values())


def _bare_literals(path: Path) -> list[tuple[int, str]]:
    """Status/method literals in ``path``, except form field names (``field="qris"``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    field_names = {id(k.value) for node in ast.walk(tree) if isinstance(node, ast.Call)
                   for k in node.keywords if k.arg == "field"}
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and node.value in GUARDED and id(node) not in field_names]


def test_no_module_spells_a_status_or_a_method_as_a_bare_string() -> None:
    found = []
    for top in SCANNED:
        for path in sorted((ROOT / top).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            if "/migrations/" in relative:  # migrations are SQL history, frozen as written
                continue
            found += [f"{relative}:{line}: {text!r}" for line, text in _bare_literals(path)
                      if (relative, text) not in OTHER_MEANINGS]
    assert found == [], "use the contract.enums member instead:\n" + "\n".join(found)


def test_the_allow_list_has_no_stale_entries() -> None:
    stale = [pair for pair in OTHER_MEANINGS
             if not (ROOT / pair[0]).exists()
             or pair[1] not in {text for _line, text in _bare_literals(ROOT / pair[0])}]
    assert stale == []
