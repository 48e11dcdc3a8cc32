"""The light start reader (``app.quickstart``) shows what the full path shows and accepts the
PINs it accepts; anything but a PEKEN shop at the schema head is left to the full path."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, update

from app import first_run, permissions, quickstart, settings, tiles, users
from app.catalog import _HIT_COLUMNS, _hit
from app.db import SCHEMA_HEAD, Database, open_database
from app.demo import build_demo
from app.errors import PermissionDenied
from app.first_run import Step
from models import Category, Product, User

ROOT = Path(__file__).resolve().parents[2]
MARKED: dict[str, str] = {}  # what the demo shop's products were made into -> its SKU


@pytest.fixture(scope="module")
def demo_shop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo shop with a variant parent and child, an archived favourite, a product colour
    and an archived cashier (every rule of the grid and the login picker has a case)."""
    path = tmp_path_factory.mktemp("quick") / "toko.sqlite"
    database = open_database(path)
    with database.unit_of_work() as session:
        build_demo(session)
        users.create_user(session, "Dewi", "cashier", "2222")
    with database.unit_of_work() as session:
        products = list(session.scalars(select(Product).order_by(Product.id).limit(12)))
        for product in products[:8]:
            product.favourite = True
        products[1].archived = True  # an archived favourite: no tile
        products[2].color = "#123456"  # its own colour wins over the category's
        products[4].parent_id = products[3].id  # a variant: its parent's tile only
        products[3].option_names = json.dumps(["Rasa"])
        products[9].category_id = None  # no category: the default colour
        products[9].favourite = True
        MARKED.update(archived=products[1].sku, coloured=products[2].sku, parent=products[3].sku,
                      variant=products[4].sku, uncategorised=products[9].sku)
        session.execute(update(User).where(User.name == "Dewi").values(active=False))
        settings.set_value(session, "ui.language", "en")
    database.close()
    return path


@pytest.fixture
def quick(demo_shop: Path) -> Iterator[quickstart.QuickShop]:
    shop = quickstart.open_quick(demo_shop)
    assert shop is not None
    yield shop
    shop.close()


@pytest.fixture
def full(demo_shop: Path) -> Iterator[Database]:
    database = Database(demo_shop)
    yield database
    database.engine.dispose()


def _reference_tiles(database: Database, category_id: int | None) -> list[tuple[object, ...]]:
    """The quick grid as the ORM query app.tiles ran before it shared its SQL text."""
    stmt = (select(*_HIT_COLUMNS, Product.color, Category.color)
            .outerjoin(Category, Category.id == Product.category_id)
            .where(Product.archived.is_(False), Product.parent_id.is_(None)))
    stmt = (stmt.where(Product.favourite.is_(True)) if category_id is None
            else stmt.where(Product.category_id == category_id))
    with database.read() as session:
        rows = session.execute(stmt.order_by(Product.name).limit(tiles.TILE_LIMIT))
        width = len(_HIT_COLUMNS)
        return [(_hit(tuple(r[:width])), str(r[width] or r[width + 1] or tiles.DEFAULT_COLOUR))
                for r in rows]


def test_the_schema_head_is_the_database_layers() -> None:
    assert quickstart.schema_head() == SCHEMA_HEAD


def test_importing_the_reader_loads_no_database_layer() -> None:
    code = ("import sys, app.quickstart\n"
            "heavy = [m for m in ('sqlalchemy', 'models', 'alembic', 'pydantic', 'app.db')"
            " if m in sys.modules]\n"
            "print(','.join(heavy))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          check=True, timeout=60)
    assert done.stdout.strip() == ""


def test_the_quick_grid_matches_the_full_path_for_favourites_and_every_category(
        quick: quickstart.QuickShop, full: Database) -> None:
    with full.read() as session:
        categories = tiles.tile_categories(session)
        assert quick.tile_categories() == categories
        for category_id in [None, *(c[0] for c in categories)]:
            light = quick.quick_tiles(category_id)
            shared = tiles.quick_tiles(session, category_id)
            reference = _reference_tiles(full, category_id)
            assert [(t.hit, t.colour) for t in light] == reference == [
                (t.hit, t.colour) for t in shared]
    favourites = {t.hit.sku: t for t in quick.quick_tiles(None, limit=1000)}
    assert MARKED["archived"] not in favourites and MARKED["variant"] not in favourites
    assert favourites[MARKED["parent"]].hit.option_names  # the variant's parent has the tile
    assert favourites[MARKED["coloured"]].colour == "#123456"
    assert favourites[MARKED["uncategorised"]].colour == tiles.DEFAULT_COLOUR


def test_the_login_picker_lists_the_full_paths_active_users(
        quick: quickstart.QuickShop, full: Database) -> None:
    with full.read() as session:
        expected = [(u.id, u.name, u.role) for u in users.active_users(session)]
    assert [(u.id, u.name, u.role) for u in quick.active_users()] == expected
    assert [u.name for u in quick.active_users()] == ["Siti", "Rina"]  # owner first; Dewi archived


@pytest.mark.parametrize(("name", "pin"), [("Siti", "1234"), ("Siti", "1111"), ("Rina", "1111"),
                                           ("Rina", "12345"), ("Dewi", "2222"), ("Dewi", "1234")])
def test_a_pin_is_accepted_or_refused_as_the_full_login_does(
        quick: quickstart.QuickShop, full: Database, name: str, pin: str) -> None:
    with full.read() as session:
        user_id = int(session.scalar(select(User.id).where(User.name == name)) or 0)
        try:
            user = permissions.login(session, user_id, pin)
            full_says: tuple[str, str] | None = (user.name, user.role)
        except PermissionDenied:
            full_says = None
    light = quick.check_pin(user_id, pin)
    assert (None if light is None else (light.name, light.role)) == full_says
    assert (full_says is not None) == ((name, pin) in {("Siti", "1234"), ("Rina", "1111")})


def test_the_language_and_shop_name_are_the_stored_ones(quick: quickstart.QuickShop,
                                                        full: Database) -> None:
    with full.read() as session:
        assert quick.language() == settings.get(session, "ui.language") == "en"


def _with_revision(source: Path, target: Path, revision: str) -> Path:
    target.write_bytes(source.read_bytes())
    conn = sqlite3.connect(target)
    conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    conn.commit()
    conn.close()
    return target


def test_anything_but_a_shop_at_the_head_is_left_to_the_full_path(demo_shop: Path,
                                                                   tmp_path: Path) -> None:
    assert quickstart.open_quick(tmp_path / "missing.sqlite") is None
    (tmp_path / "empty.sqlite").write_bytes(b"")
    assert quickstart.open_quick(tmp_path / "empty.sqlite") is None
    (tmp_path / "text.sqlite").write_text("bukan database " * 100)
    assert quickstart.open_quick(tmp_path / "text.sqlite") is None
    assert quickstart.open_quick(tmp_path) is None  # a folder
    for revision in ("0014", "9999"):  # to migrate; from a newer version
        assert quickstart.open_quick(_with_revision(demo_shop, tmp_path / f"{revision}.sqlite",
                                                    revision)) is None
    new_shop = tmp_path / "new.sqlite"  # the schema, no user yet: the set-up wizard
    open_database(new_shop).close()
    assert quickstart.open_quick(new_shop) is None
    for step, light in ((Step.PAYMENT, False), (Step.FINISHED, True), (Step.SHOP, True)):
        begun = tmp_path / f"step{int(step)}.sqlite"  # users, and the wizard at ``step``
        begun.write_bytes(demo_shop.read_bytes())
        database = Database(begun)
        with database.unit_of_work() as session:
            settings.set_value(session, first_run.STEP_KEY, int(step))
        with database.read() as session:
            assert first_run.progress(session).needed is not light
        database.close()
        quick = quickstart.open_quick(begun)
        assert (quick is not None) is light
        if quick is not None:
            quick.close()


def test_the_reader_never_writes(demo_shop: Path) -> None:
    before = demo_shop.read_bytes()
    shop = quickstart.open_quick(demo_shop)
    assert shop is not None
    shop.check_pin(1, "0000")
    shop.quick_tiles(None)
    with pytest.raises(sqlite3.OperationalError):
        shop._conn.execute("DELETE FROM users")  # the connection is read-only
    shop.close()
    assert demo_shop.read_bytes() == before


def test_the_reader_leaves_no_wal_files_behind(demo_shop: Path, tmp_path: Path) -> None:
    """A refused file is left as it was found (the full path's error dialog says so), and an
    accepted one has no -wal/-shm once the reader is closed."""
    damaged, newer, accepted = (tmp_path / name / "toko.sqlite" for name in ("damaged", "newer", "ok"))
    for path in (damaged, newer, accepted):
        path.parent.mkdir()
        path.write_bytes(demo_shop.read_bytes())
    data = bytearray(demo_shop.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the header (WAL mode) is kept, the schema is not
    damaged.write_bytes(bytes(data))
    _with_revision(demo_shop, newer, "9999")
    for refused in (damaged, newer):
        assert quickstart.open_quick(refused) is None
        assert [p.name for p in refused.parent.iterdir()] == ["toko.sqlite"]
    shop = quickstart.open_quick(accepted)
    assert shop is not None
    shop.quick_tiles(None)
    shop.close()
    assert [p.name for p in accepted.parent.iterdir()] == ["toko.sqlite"]
