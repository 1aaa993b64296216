"""Regenerate plugins/contoh-kota/templat-kota/buku_sop.docx, the restyled template of the
file-only example region.

A region makes such a file in Word from `sopdocs templat salin`; this script makes the same
changes reproducibly, as a region's staff would by hand, to the default template: the identity
part's label cells shaded, its list rows in another order (Peringatan first), the SKPD block
in the brand colour, and the cover title in that colour. No tag is added or removed.
Run: python tools/make_example_template.py
"""
from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import RGBColor

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "templates_docx" / "buku_sop.docx"
TARGET = ROOT / "plugins" / "contoh-kota" / "templat-kota" / "buku_sop.docx"
BRAND = RGBColor(0x1F, 0x4E, 0x79)
SHADE = "DEEAF6"


def shade(cell) -> None:
    properties = cell._tc.get_or_add_tcPr()
    fill = OxmlElement("w:shd")
    fill.set(qn("w:val"), "clear")
    fill.set(qn("w:color"), "auto")
    fill.set(qn("w:fill"), SHADE)
    properties.append(fill)


def identity_table(document):
    return next(t for t in document.tables if "{{ label.nomor }}" in t._tbl.xml)


def main() -> None:
    document = docx.Document(str(SOURCE))
    table = identity_table(document)
    rows = table._tbl.findall(qn("w:tr"))
    for row in table.rows[:6]:
        shade(row.cells[1])  # the label column
    lists = rows[6:9]  # Dasar Hukum / Kualifikasi, Keterkaitan / Peralatan, Peringatan / Pencatatan
    lists[0].addprevious(lists[2])  # the warnings first: what a reader must not miss
    for paragraph in table.cell(0, 0).paragraphs:
        for run in paragraph.runs:
            run.font.color.rgb = BRAND
    for paragraph in document.paragraphs:
        if paragraph.text.strip() in ("{{ sampul.judul }}", "{{ sampul.sub }}"):
            for run in paragraph.runs:
                run.font.color.rgb = BRAND
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(TARGET))


if __name__ == "__main__":
    main()
