"""Stage 1: read a workbook of the default layout (WORKBOOK.md) into the model.

`read_workbook(path)` returns the `Dokumen` and the findings met while reading (values that
cannot be understood). Rules about the meaning of the whole (step numbers, reachability, ...)
belong to `sopdocs.validate`.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

import python_calamine

from ..errors import WorkbookError
from ..findings import Findings
from ..model import Dokumen, Sop
from . import labels
from .sheets import SheetReader, read_instansi, read_sop, read_sp
from .values import as_text, label_key
from .xlsx import Sheet, read_sheets

__all__ = ["profile_name", "read_default", "read_sheets", "read_workbook", "WorkbookError"]


def read_workbook(path: str | Path, aliases: dict[str, tuple[str, ...]] | None = None) -> tuple[Dokumen, Findings]:
    """Read one workbook of the default layout (`aliases`: a profile's extra spellings of the SOP
    identity labels). Raises WorkbookError when the file is not a readable workbook."""
    findings = Findings()
    return read_default(Path(path), read_sheets(path), findings, aliases), findings


def read_default(path: Path, sheets: list[Sheet], findings: Findings,
                 aliases: dict[str, tuple[str, ...]] | None = None,
                 own_sheets: Callable[[Sheet], list[Sop] | None] | None = None) -> Dokumen:
    """The model of a workbook of the default layout (WORKBOOK.md), from its sheets.

    A reader plugin whose layout adds sheets of its own passes `own_sheets`: it returns the SOPs
    of a sheet it reads (an empty list for a sheet it only uses), or None for the others, which
    are read as the default layout reads them.
    """
    doc = Dokumen(str(path))
    instansi_sheets = []
    for sheet in sheets:
        doc.sheets.append(sheet.name)
        own = own_sheets(sheet) if own_sheets else None
        if own is not None:
            doc.sops.extend(own)
            continue
        kind = sheet_kind(sheet)
        if kind == "instansi":
            instansi_sheets.append(sheet)
            continue
        if kind is None:
            doc.ignored_sheets.append(sheet.name)
            if label_key(sheet.name) == labels.PETUNJUK_SHEET:
                continue  # the instructions of `sopdocs init`: ours, nothing to say
            findings.info(f"Sheet \"{sheet.name}\" bukan sheet Instansi, SOP, atau Standar Pelayanan; diabaikan.",
                          sheet.name)
            continue
        if sheet.hidden:
            findings.warning(f"Sheet \"{sheet.name}\" disembunyikan (hidden) sehingga dilewati; tampilkan "
                             "(klik kanan tab > Unhide) bila ingin ikut dibuat dokumennya.", sheet.name)
            continue
        reader = SheetReader(sheet, findings)
        if kind == "sop":
            doc.sops.append(read_sop(reader, aliases))
        else:
            doc.layanan.append(read_sp(reader))
    if not instansi_sheets:
        findings.error("Tidak ada sheet \"Instansi\"; tambahkan sheet bernama Instansi berisi Pemerintah, "
                       "Perangkat Daerah, Tahun, dan pimpinan (lihat `sopdocs init`).")
    else:
        for extra in instansi_sheets[1:]:
            findings.error(f"Ada lebih dari satu sheet Instansi (\"{instansi_sheets[0].name}\" dan "
                           f"\"{extra.name}\"); hapus atau ganti nama salah satunya.", extra.name)
        doc.instansi = read_instansi(SheetReader(instansi_sheets[0], findings), Path(path).parent)
    return doc


def peek_instansi(path: str | Path) -> dict[str, str]:
    """The Instansi sheet's fields as text, read alone and fast (to name outputs before a build);
    empty when the workbook cannot be read."""
    try:
        book = python_calamine.CalamineWorkbook.from_path(str(path))
        name = next(n for n in book.sheet_names if label_key(n) == labels.INSTANSI_SHEET)
        rows = book.get_sheet_by_name(name).to_python()
        book.close()
    except Exception:  # unreadable: the build itself reports why
        return {}
    fields = {}
    for row in rows:
        if len(row) > 1 and isinstance(row[0], str) and label_key(row[0]) in labels.INSTANSI:
            fields.setdefault(labels.INSTANSI[label_key(row[0])], as_text(row[1]).strip())
    return fields


def profile_name(sheets: list[Sheet]) -> str:
    """The `Profil` the Instansi sheet selects, as typed ('' when none): the reader needs the
    profile's label aliases before the workbook is read."""
    for sheet in sheets:
        if label_key(sheet.name) == labels.INSTANSI_SHEET:
            for row in sheet.rows:
                if len(row) > 1 and isinstance(row[0], str) and labels.INSTANSI.get(label_key(row[0])) == "profil":
                    return as_text(row[1])
    return ""


def sheet_kind(sheet: Sheet) -> str | None:
    """'instansi', 'sop', 'sp' or None, from the sheet's name and the labels in column A."""
    if label_key(sheet.name) == labels.INSTANSI_SHEET:
        return "instansi"
    for row in sheet.rows[:60]:
        key = label_key(row[0]) if row and isinstance(row[0], str) else ""
        if key == labels.SOP_MARKER:
            return "sop"
        if key == labels.SP_MARKER:
            return "sp"
    return None
