"""The marked workbook: the author's own file back, with every cell that has a finding coloured by
its severity and carrying an Excel comment with the message, so it is fixed in Excel at its place.

openpyxl keeps what the original has (values, formats, merges, data validation, comments, and
images while Pillow is installed); a finding's cell inside a merged range is marked on the
range's first cell, where Excel shows the text. Findings about a sheet as a whole are noted on its
A1, those about the workbook as a whole on the first sheet's A1.
"""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill
from openpyxl.utils.cell import coordinate_from_string
from openpyxl.utils.exceptions import CellCoordinatesException

from ..findings import ERROR, INFO, LEVEL_WORD, WARNING, Finding
from ..write import atomic_path

FILLS = {ERROR: "FFC7CE", WARNING: "FFEB9C", INFO: "DDEBF7"}  # Excel's own red, yellow; a light blue
SEVERITY = {ERROR: 0, WARNING: 1, INFO: 2}
AUTHOR = "sopdocs"


def mark(source: Path, findings: list[Finding], target: Path) -> None:
    """Write `source` with its findings marked to `target`."""
    book = load_workbook(source)
    for (sheet, cell), found in _by_cell(book, findings).items():
        _mark_cell(book[sheet][cell], found)
    with atomic_path(target) as tmp:
        book.save(tmp)


def _by_cell(book, findings: list[Finding]) -> dict[tuple[str, str], list[Finding]]:
    """The findings of each cell they point at, in the workbook as it is."""
    cells: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for finding in findings:
        sheet = finding.sheet if finding.sheet in book.sheetnames else book.sheetnames[0]
        cell = _anchor(book[sheet], finding.cell) if finding.sheet == sheet else "A1"
        cells[sheet, cell].append(finding)
    return cells


def _anchor(sheet, cell: str) -> str:
    """The cell a finding is shown on: its own, the first of its merged range, or A1."""
    try:
        coordinate_from_string(cell)
    except CellCoordinatesException:
        return "A1"
    for merged in sheet.merged_cells.ranges:
        if cell in merged:
            return merged.start_cell.coordinate
    return cell


def _mark_cell(cell, findings: list[Finding]) -> None:
    worst = min(findings, key=lambda f: SEVERITY.get(f.level, 2)).level
    cell.fill = PatternFill("solid", fgColor=FILLS.get(worst, FILLS[INFO]))
    text = "\n".join(f"{LEVEL_WORD.get(f.level, f.level)}: {f.message}" for f in findings)
    if cell.comment is not None:  # the author's own note stays, above ours
        text = f"{cell.comment.text}\n\n{text}"
    comment = Comment(text, AUTHOR)
    comment.width, comment.height = 320, min(60 + 18 * text.count("\n") + len(text) // 2, 600)
    cell.comment = comment
