"""Findings: what `check` tells the author, each pointing at a sheet and a cell."""
from __future__ import annotations

from dataclasses import asdict, dataclass

from .model import CellRef

ERROR = "error"
WARNING = "warning"
INFO = "info"
LEVEL_WORD = {ERROR: "GALAT", WARNING: "PERINGATAN", INFO: "CATATAN"}


@dataclass(frozen=True)
class Finding:
    level: str
    message: str
    sheet: str = ""
    cell: str = ""

    @property
    def is_error(self) -> bool:
        return self.level == ERROR

    @property
    def ref(self) -> CellRef:
        return CellRef(self.sheet, self.cell)

    @property
    def where(self) -> str:
        """`Sheet!A1`, `Sheet` or empty (the workbook as a whole)."""
        return f"{self.sheet}!{self.cell}" if self.cell else self.sheet

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message

    def as_dict(self) -> dict:
        return asdict(self) | {"where": self.where}


class Findings(list):
    """The findings of one workbook, in the order they were found."""

    def add(self, level: str, message: str, sheet: str | CellRef = "", cell: str | CellRef = "") -> None:
        """A finding at `sheet`!`cell`, or at a CellRef given as either (plugins written when cells
        were strings pass `sheet, sop.cells[...]`)."""
        ref = sheet if isinstance(sheet, CellRef) else cell if isinstance(cell, CellRef) else None
        if ref is not None:
            sheet, cell = ref.sheet, ref.cell
        self.append(Finding(level, message, sheet, cell))

    def error(self, message: str, sheet: str | CellRef = "", cell: str | CellRef = "") -> None:
        self.add(ERROR, message, sheet, cell)

    def warning(self, message: str, sheet: str | CellRef = "", cell: str | CellRef = "") -> None:
        self.add(WARNING, message, sheet, cell)

    def info(self, message: str, sheet: str | CellRef = "", cell: str | CellRef = "") -> None:
        self.add(INFO, message, sheet, cell)

    def error_at(self, ref: CellRef) -> bool:
        return any(f.is_error and f.sheet == ref.sheet and f.cell == ref.cell for f in self)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self if f.is_error]

    def errors_in(self, sheet: str) -> bool:
        return any(f.is_error and f.sheet == sheet for f in self)

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self if f.level == WARNING]
