"""The one table-model base: roles come from the column definitions; lists and appends are sound."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush

from ui.list_model import KEY_ROLE, RIGHT, ROW_ROLE, Column, TableModel, no_tooltip


@dataclass
class Item:
    """A row for the tests."""

    id: int
    name: str
    price: int


def _set_price(item: Item, text: str) -> bool:
    if not text.strip().isdigit():
        return False
    item.price = int(text)
    return True


def _model(rows: list[Item]) -> TableModel[Item]:
    return TableModel([
        Column("Nama", lambda r: r.name, background=lambda r: "#fff8e1" if r.price == 0 else None),
        Column("Harga", lambda r: f"Rp{r.price}", numeric=True,
               colour=lambda r: "#c62828" if r.price < 0 else None, edit=_set_price),
    ], rows, key=lambda r: r.id)


def test_roles_come_from_the_columns(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = _model([Item(7, "Gula", 18500), Item(8, "Teh", -1), Item(9, "Air", 0)])
    qtmodeltester.check(model)
    assert (model.rowCount(), model.columnCount()) == (3, 2)
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Harga"
    assert model.data(model.index(0, 1)) == "Rp18500"
    assert model.data(model.index(0, 1), Qt.ItemDataRole.TextAlignmentRole) == RIGHT
    assert model.data(model.index(0, 0), Qt.ItemDataRole.TextAlignmentRole) is None
    assert model.data(model.index(0, 1), Qt.ItemDataRole.ForegroundRole) is None
    red = model.data(model.index(1, 1), Qt.ItemDataRole.ForegroundRole)
    assert isinstance(red, QBrush) and red.color().name() == "#c62828"
    assert model.data(model.index(2, 0), Qt.ItemDataRole.BackgroundRole).color().name() == "#fff8e1"
    assert model.data(model.index(1, 0), KEY_ROLE) == 8
    assert model.data(model.index(1, 0), ROW_ROLE).name == "Teh"


def test_only_columns_with_edit_are_editable(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = _model([Item(7, "Gula", 18500)])
    editable = Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, 0)) & editable
    assert model.flags(model.index(0, 1)) & editable
    assert model.setData(model.index(0, 1), "20000") and model.rows[0].price == 20000
    assert not model.setData(model.index(0, 1), "dua puluh") and model.rows[0].price == 20000
    assert not model.setData(model.index(0, 0), "Garam") and model.rows[0].name == "Gula"
    qtmodeltester.check(model)


def test_set_append_and_row_colour(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    class Greyed(TableModel[Item]):
        def row_colour(self, row: Item) -> str | None:
            return "#8a939c" if row.price == 0 else None

    model = Greyed([Column("Nama", lambda r: r.name)])
    qtmodeltester.check(model)
    model.set_rows([Item(1, "A", 1)])
    model.append_rows([Item(2, "B", 0), Item(3, "C", 5)])
    qtmodeltester.check(model)
    assert [model.data(model.index(r, 0)) for r in range(3)] == ["A", "B", "C"]
    assert model.data(model.index(1, 0), Qt.ItemDataRole.ForegroundRole).color().name() == "#8a939c"
    assert model.data(model.index(3, 0)) is None and model.row_at(3) is None
    model.set_columns([Column("Kode", lambda r: str(r.id)), Column("Nama", lambda r: r.name)])
    assert model.columnCount() == 2 and model.data(model.index(2, 0)) == "3"


def test_tooltip_per_column(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = TableModel([
        Column("Nama", lambda r: r.name, tooltip=lambda r: f"{r.name} (#{r.id})"),
        Column("Harga", lambda r: f"Rp{r.price}", tooltip=no_tooltip),
        Column("Kode", lambda r: str(r.id)),
    ], [Item(7, "Gula", 18500)])
    qtmodeltester.check(model)
    tip = Qt.ItemDataRole.ToolTipRole
    assert model.data(model.index(0, 0), tip) == "Gula (#7)"
    assert model.data(model.index(0, 1), tip) is None
    assert model.data(model.index(0, 2), tip) == "7"  # no tooltip given: the cell text
