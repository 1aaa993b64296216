"""Helpers for the tests of sopdocs and of its plugins (part of the plugin surface, docs/plugins.md).

A test writes a workbook the way people type one, then runs the pipeline on it:

    from sopdocs.testing import write_workbook
    from sopdocs.pipeline import check_workbook
    from sopdocs.plugins import Plugins

    path = write_workbook(tmp_path / "dinas.xlsx", {"Instansi": [["Pemerintah", "..."], ...]})
    checked = check_workbook(path, Plugins())

Nothing in sopdocs itself imports this module.
"""
from __future__ import annotations

from pathlib import Path

import openpyxl


def write_workbook(path: str | Path, sheets: dict[str, list[list]], merged: dict[str, list[str]] | None = None,
                   hidden: tuple[str, ...] = (), images: dict[str, object] | None = None) -> Path:
    """Write `sheets` ({sheet name: rows}, each row a list of cell values, None = empty) to `path`
    as an .xlsx file; `merged` {sheet: ["C7:D7", ...]} merges cells, `hidden` names sheets to
    hide, `images` {sheet: openpyxl Image} puts a picture at D1 of a sheet."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for r, row in enumerate(rows, 1):
            for c, value in enumerate(row, 1):
                if value is not None:
                    sheet.cell(r, c, value)
        for ref in (merged or {}).get(name, []):
            sheet.merge_cells(ref)
        if name in hidden:
            sheet.sheet_state = "hidden"
        if images and name in images:
            sheet.add_image(images[name], "D1")
    path = Path(path)
    book.save(path)
    return path
