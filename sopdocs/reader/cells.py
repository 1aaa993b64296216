"""Where the model's values came from, {field: CellRef}, each CellRef made when asked for.

A region holds tens of thousands of fields and activities, and only findings need their cells:
a map keeps the field's row and column, and makes the CellRef when a finding asks for it.
"""
from __future__ import annotations

from abc import abstractmethod
from collections.abc import Iterator, Mapping

from ..model import CellRef
from .xlsx import cell_name


class LazyCells(Mapping):
    """{field: CellRef} of one sheet; a subclass says where each field is (`place`, `names`). A
    CellRef set by name (a cell shared with another row, the table's header) takes precedence."""

    __slots__ = ("sheet", "moved")

    def __init__(self, sheet: str):
        self.sheet = sheet
        self.moved: dict[str, CellRef] | None = None

    @abstractmethod
    def place(self, name: str) -> tuple[int, int]:
        """The 0-based (row, column) of field `name`; KeyError when there is none."""

    @abstractmethod
    def names(self) -> list[str]:
        """The fields, in order."""

    def __getitem__(self, name: str) -> CellRef:
        if self.moved and name in self.moved:
            return self.moved[name]
        return CellRef(self.sheet, cell_name(*self.place(name)))

    def __setitem__(self, name: str, ref: CellRef) -> None:
        self.moved = {**(self.moved or {}), name: ref}

    def __iter__(self) -> Iterator[str]:
        return iter(dict.fromkeys([*self.names(), *(self.moved or ())]))

    def __len__(self) -> int:
        return len(dict.fromkeys([*self.names(), *(self.moved or ())]))


class FieldCells(LazyCells):
    """`cells` of an Instansi, SOP or Standar Pelayanan sheet: each field's value in column B of
    its row ({field: row})."""

    __slots__ = ("rows",)

    def __init__(self, sheet: str, rows: dict[str, int]):
        super().__init__(sheet)
        self.rows = rows

    def place(self, name: str) -> tuple[int, int]:
        return self.rows[name], 1

    def names(self) -> list[str]:
        return list(self.rows)


class RowCells(LazyCells):
    """`Step.cells` of one table row: just its number, the table's shared {field: column}, and the
    column of its first mark (the cell of `pelaksana`)."""

    __slots__ = ("row", "columns", "mark")

    def __init__(self, sheet: str, row: int, columns: dict[str, int], mark: int):
        # All set here rather than through LazyCells.__init__: one is made per activity row.
        self.sheet, self.moved, self.row, self.columns, self.mark = sheet, None, row, columns, mark

    def place(self, name: str) -> tuple[int, int]:
        return self.row, self.mark if name == "pelaksana" else self.columns[name]

    def names(self) -> list[str]:
        return ["pelaksana", *self.columns]
