"""Encrypted off-machine backups with real shop files: unreadable without the owner's phrase,
refused when wrong, damaged or another shop's (nothing overwritten), and restored row for row.

"Identical" here: every table of the shop (``sqlite_master`` schema text and every row of
every table, read sorted) is equal between the shop at backup time and the
restored one, except the ``sync_state`` keys a restore deliberately changes: the HLC node
id (new for this PC) and the old laptop's device token/id and last sync/error (dropped).
The SQLite file bytes may differ (page layout); the decrypted plaintext equals the online
copy byte for byte (the header's length and GCM's tag guard it).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from app import backup, backup_mirror, offsite
from app.db import Database
from app.offsite_format import HEADER_SIZE, BackupFileError, WrongPhrase, decrypt
from app.offsite_phrase import PhraseError, new_phrase, normalize
from app.sync import hlc, state
from tests.integration.sync.peken_kit import add_products
from tests.integration.sync.shop_actions import edit_price, sell
from tests.shop_template import new_shop

CHANGED_BY_RESTORE = {hlc.NODE_KEY, state.DEVICE_TOKEN, state.DEVICE_ID, state.LAST_SYNC,
                      state.LAST_ERROR, offsite.UPLOADED_KEY}


def dump(path: Path) -> dict[str, object]:
    """Schema and all rows of every table, in a stable order (sync_state minus restore keys)."""
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name")]
        out: dict[str, object] = {"schema": conn.execute(
            "SELECT type, name, sql FROM sqlite_master ORDER BY type, name").fetchall()}
        for table in tables:
            rows = sorted(conn.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)
            if table == "sync_state":
                rows = [r for r in rows if r[0] not in CHANGED_BY_RESTORE]
            out[table] = rows
    return out


@pytest.fixture
def old_shop(tmp_path: Path) -> Iterator[Database]:
    """The laptop that will be lost: products, stock, a price edit and two sales."""
    db = new_shop(tmp_path / "laptop" / "toko.sqlite")
    uuids = add_products(db, 5, stock=40)
    edit_price(db, uuids[0], 12_345)
    sell(db, uuids[0], 3)
    sell(db, uuids[2], 1)
    yield db
    db.close()


@pytest.fixture
def new_pc(tmp_path: Path) -> Iterator[Database]:
    """A fresh installation: an empty shop file in a new data folder."""
    db = new_shop(tmp_path / "pc-baru" / "toko.sqlite")
    yield db
    db.close()


def _set_up(db: Database) -> str:
    with db.unit_of_work() as session:
        return offsite.setup_phrase(session, None)


def test_phrase_words_checksum_and_prefixes() -> None:
    phrase = new_phrase()
    words = phrase.split()
    assert len(words) == 12 and normalize(phrase.upper()) == phrase
    assert normalize(" ".join(w[:4] for w in words)) == phrase  # first four letters suffice
    with pytest.raises(PhraseError, match="urutannya"):
        normalize(" ".join([words[1], words[0], *words[2:]]))
    with pytest.raises(PhraseError, match="Kata ke-3"):
        normalize(" ".join([*words[:2], "qqqq", *words[3:]]))
    with pytest.raises(PhraseError, match="12 kata"):
        normalize(" ".join(words[:11]))


def test_backup_is_unreadable_without_the_phrase_and_restores_identical_rows(
        old_shop: Database, new_pc: Database, tmp_path: Path) -> None:
    phrase = _set_up(old_shop)
    with old_shop.read() as session:
        stored = session.execute(text("SELECT key, value FROM settings")).all()
    words = phrase.split()
    pairs = [" ".join(words[i:i + 2]) for i in range(11)]
    assert stored and not any(pair in str(stored) for pair in pairs)  # the phrase is not kept
    usb = tmp_path / "usb"
    usb.mkdir()
    written = offsite.write_encrypted(old_shop, usb)
    data = written.read_bytes()
    assert b"SQLite format 3" not in data and b"Produk P0000" not in data
    assert b"Produk" not in data[HEADER_SIZE:]
    other = new_phrase()
    with pytest.raises(WrongPhrase, match="Frasa pemulihan salah"):
        decrypt(data, other, written.name)
    before = dump(old_shop.path)
    result = offsite.restore_encrypted(new_pc, data, phrase, written.name, user_id=None)
    try:
        assert dump(result.database.path) == before
        with result.database.read() as session, old_shop.read() as old:
            assert hlc.node_id(session) != hlc.node_id(old)  # this PC stamps as a new node
    finally:
        result.database.close()


def _refused(db: Database, data: bytes, phrase: str, match: str) -> None:
    before, files = dump(db.path), sorted(p.name for p in db.path.parent.rglob("*"))
    with pytest.raises((BackupFileError, PhraseError), match=match):
        offsite.restore_encrypted(db, data, phrase, "cadangan.pekenbak", user_id=None)
    assert dump(db.path) == before  # nothing overwritten
    assert sorted(p.name for p in db.path.parent.rglob("*")) == files  # nothing written beside
    assert backup.list_backups(db.path) == []


def test_wrong_damaged_or_foreign_backups_are_refused_and_nothing_changes(
        old_shop: Database, new_pc: Database) -> None:
    phrase = _set_up(old_shop)
    data = offsite.encrypted_bytes(old_shop)
    add_products(new_pc, 2, prefix="N")  # the new PC already holds something worth keeping
    _refused(new_pc, data, new_phrase(), "Frasa pemulihan salah")
    flipped = bytearray(data)
    flipped[len(data) // 2] ^= 0x01
    _refused(new_pc, bytes(flipped), phrase, "rusak atau telah diubah")
    header = bytearray(data)
    header[HEADER_SIZE - 30] ^= 0x01  # the creation time: only the header's GCM check sees it
    _refused(new_pc, bytes(header), phrase, "rusak")
    _refused(new_pc, data[: len(data) - 40], phrase, "rusak")
    _refused(new_pc, b"SQLite format 3\x00" + bytes(200), phrase, "bukan cadangan terenkripsi")
    with old_shop.unit_of_work() as session:
        state.put(session, state.SHOP_ID, "5")  # shop 5 on the PEKEN server
    enrolled_data = offsite.encrypted_bytes(old_shop)
    with new_pc.unit_of_work() as session:
        state.put(session, state.SHOP_ID, "6")  # this PC is enrolled for shop 6
    _refused(new_pc, enrolled_data, phrase, "cadangan toko lain")
    with new_pc.unit_of_work() as session:
        state.put(session, state.SHOP_ID, "")
    _set_up(new_pc)  # this installation is already another shop
    _refused(new_pc, data, phrase, "cadangan toko lain")


def test_the_daily_check_writes_one_encrypted_copy_per_shop_day_to_the_chosen_folder(
        old_shop: Database, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    day = datetime(2026, 11, 2, 3, 0, tzinfo=UTC)  # 10:00 WIB
    assert backup_mirror.scheduled_backup(old_shop, now=day).offsite == ()
    assert offsite.list_encrypted(usb, "toko") == []  # no phrase yet: nothing encrypted
    phrase = _set_up(old_shop)
    with old_shop.unit_of_work() as session:
        offsite.set_targets(session, None, usb, to_server=False)
    for hours in (0, 1, 12):  # the same shop day (until 23:59 WIB)
        backup_mirror.scheduled_backup(old_shop, now=day + timedelta(hours=hours))
    [first] = offsite.list_encrypted(usb, "toko")
    assert decrypt(first.read_bytes(), phrase)[1].startswith(b"SQLite format 3\x00")
    backup_mirror.scheduled_backup(old_shop, now=day + timedelta(hours=14))  # 00:00 WIB: the next shop day
    assert len(offsite.list_encrypted(usb, "toko")) == 2
    usb.rename(tmp_path / "dicabut")  # the drive is unplugged: said, not created on the PC
    problems = backup_mirror.scheduled_backup(old_shop, now=day + timedelta(days=2)).offsite
    assert problems and "tidak ditemukan" in problems[0] and not usb.exists()
