"""Regenerate templates_docx/buku_sop.docx, the default template of the SOP book.

The template is an ordinary Word file with docxtpl (Jinja) tags; a region may open it in Word,
restyle it and ship it in a plugin. This script is how the default one is made reproducibly.
Run: python tools/make_templates.py
"""
from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from sopdocs.render.document import LANGUAGE, new_document

OUT = Path(__file__).resolve().parent.parent / "templates_docx"
FONT = "Arial"


# Paragraph styles: (name, size, bold, centred, outline level). A style with an outline level is
# a heading: Word lists it in the Navigation Pane. "Judul Bagian" heads each part of a book (and
# the Keputusan, each Standar Pelayanan, the Maklumat), "Judul SOP" each SOP's name in its
# identity table; "Subjudul" looks like "Judul Bagian" but is no heading (cover lines).
STYLES = (("Judul Buku", 20, True, True, None), ("Judul Bagian", 14, True, True, 0), ("Subjudul", 14, True, True, None),
          ("Judul Keputusan", 12, True, True, None), ("Judul SOP", 10, True, False, 1))


def base_document() -> docx.Document:
    document = new_document()
    package_rels = document.part.package.rels
    for rel_id in [r for r, rel in package_rels.items() if rel.reltype.endswith("/thumbnail")]:
        del package_rels[rel_id]  # python-docx's own blank preview picture
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    normal.element.rPr.rFonts.set(qn("w:cs"), FONT)
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), LANGUAGE)
    normal.element.rPr.append(language)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.15
    for name, size, bold, centred, level in STYLES:
        style = document.styles.add_style(name, 1)
        style.base_style = normal
        style.font.bold = bold
        style.font.size = Pt(size)
        if centred:
            style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
            style.paragraph_format.space_after = Pt(6)
        if level is not None:
            outline(style.element.get_or_add_pPr(), level)
    return document


PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
             "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
             "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
             "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
             "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange")


def outline(ppr, level: int) -> None:
    """An outline level (0 = level 1 in Word's Navigation Pane) on a paragraph or its style."""
    element = OxmlElement("w:outlineLvl")
    element.set(qn("w:val"), str(level))
    insert_ordered(ppr, element, PPR_ORDER)


def para(document_or_cell, text: str = "", style: str | None = None, bold: bool = False, size: float | None = None,
         align=None, after: float | None = None, keep: bool = False):
    paragraph = document_or_cell.add_paragraph(style=style)
    if text:
        run = paragraph.add_run(text)
        run.bold = bold or None
        if size:
            run.font.size = Pt(size)
    if align is not None:
        paragraph.alignment = align
    if after is not None:
        paragraph.paragraph_format.space_after = Pt(after)
    if keep:
        paragraph.paragraph_format.keep_with_next = True
    return paragraph


def new_page(paragraph):
    """`paragraph` starts a page. A part starts its page itself rather than the part before
    ending with a page break: a break paragraph that no longer fits under a full page (a
    Keputusan on A4) would start a page of its own and leave that page blank."""
    paragraph.paragraph_format.page_break_before = True
    return paragraph


def set_page(section, landscape: bool) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    long, short = Mm(330), Mm(215)
    section.page_width, section.page_height = (long, short) if landscape else (short, long)
    section.top_margin = Mm(15 if landscape else 25)
    section.bottom_margin = Mm(18 if landscape else 25)
    section.left_margin = Mm(15 if landscape else 30)
    section.right_margin = Mm(15 if landscape else 20)
    section.header_distance = section.footer_distance = Mm(8)


def page_number_footer(section, fmt: str, start: int | None) -> None:
    """A centred PAGE field in the footer, with the section's number format."""
    section.footer.is_linked_to_previous = False
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        run = paragraph.add_run()
        run.font.size = Pt(9)
        if kind:
            field = OxmlElement("w:fldChar")
            field.set(qn("w:fldCharType"), kind)
            run._r.append(field)
        elif text.strip() == "PAGE":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            run.text = text
    number = OxmlElement("w:pgNumType")
    number.set(qn("w:fmt"), fmt)
    if start is not None:
        number.set(qn("w:start"), str(start))
    insert_ordered(section._sectPr, number, SECT_PR_ORDER)


TBL_PR_ORDER = ("tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize",
                "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook")
SECT_PR_ORDER = ("headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar",
                 "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote",
                 "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings")


def insert_ordered(parent, element, order: tuple[str, ...]) -> None:
    """Insert `element` where the schema's sequence puts it (Word rejects elements out of order)."""
    name = element.tag.split("}")[1]
    existing = parent.find(element.tag)
    if existing is not None:
        parent.replace(existing, element)
        return
    later = set(order[order.index(name) + 1:])
    for child in parent:
        if child.tag.split("}")[1] in later:
            child.addprevious(element)
            return
    parent.append(element)


def borderless(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    insert_ordered(table._tbl.tblPr, borders, TBL_PR_ORDER)


def widths(table, mm: list[float]) -> None:
    """Fixed column widths, in the grid (what Word and LibreOffice lay out by) and every cell."""
    table.autofit = False
    for column, width in zip(table._tbl.tblGrid.gridCol_lst, mm):
        column.w = Mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, mm):
            cell.width = Mm(width)
    table_width = OxmlElement("w:tblW")
    table_width.set(qn("w:w"), str(round(sum(mm) * 72 / 25.4 * 20)))
    table_width.set(qn("w:type"), "dxa")
    insert_ordered(table._tbl.tblPr, table_width, TBL_PR_ORDER)


def cover(document) -> None:
    para(document, "", after=60)
    para(document, "{{ logo }}", align=WD_ALIGN_PARAGRAPH.CENTER, after=30)
    para(document, "{{ sampul.judul }}", "Judul Buku")
    para(document, "{{ sampul.sub }}", "Judul Buku", after=4)
    para(document, "{{ sampul.singkatan }}", "Subjudul", after=90)
    para(document, "{{ instansi.nama|upper }}", "Subjudul", after=4)
    para(document, "{{ instansi.pemerintah|upper }}", "Subjudul", after=40)
    para(document, "TAHUN {{ instansi.tahun }}", "Subjudul", after=8)
    para(document, "{{ instansi.alamat }}", align=WD_ALIGN_PARAGRAPH.CENTER, size=10)


def signature(container, first_line: str = "Ditetapkan di {{ tempat }}",
              second_line: str = "pada tanggal {{ tanggal }}") -> None:
    """The signature block on the right: place and date, jabatan, room to sign, name, pangkat, NIP."""
    table = container.add_table(rows=1, cols=2)
    borderless(table)
    widths(table, [70, 95])
    cell = table.rows[0].cells[1]
    cell.paragraphs[0].text = first_line
    para(cell, second_line, after=6)
    para(cell, "{{ pimpinan.jabatan|upper }},", bold=True, after=36)
    para(cell, "{{ pimpinan.nama }}", bold=True)
    para(cell, "{{ pimpinan.pangkat }}")
    para(cell, "NIP. {{ pimpinan.nip }}")
    compact(table, 10.5)
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # the block stays on one page


def considerations(document, label: str, items: str) -> None:
    """`Menimbang : a. ...` with the items' wrapped lines hanging under their text."""
    table = document.add_table(rows=1, cols=3)
    borderless(table)
    widths(table, [28, 4, 133])
    cells = table.rows[0].cells
    cells[0].paragraphs[0].text = label
    cells[1].paragraphs[0].text = ":"
    cells[2].paragraphs[0].text = "{%p for item in " + items + " %}"
    item = para(cells[2], "{{ item }}", after=2)
    item.paragraph_format.left_indent = Mm(5)
    item.paragraph_format.first_line_indent = Mm(-5)
    item.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    para(cells[2], "{%p endfor %}")
    compact(table, 10.5)


def dictums(document) -> None:
    """`Menetapkan :` and the dictums KESATU, KEDUA, ... each on its own row."""
    table = document.add_table(rows=0, cols=3)
    borderless(table)
    loop_rows(table, ("{{ d.label }}", ":", "{{ d.text }}"), "diktum", "d")
    widths(table, [28, 4, 133])
    for row in table.rows:
        row.cells[2].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        row.cells[2].paragraphs[0].paragraph_format.space_after = Pt(3)
    compact(table, 10.5)
    kept_together(table)  # with the signature after them: a Keputusan too long for its page takes
    # its dictums, not the signature alone, onto the next one


def keputusan(document) -> None:
    title = new_page(para(document, "KEPUTUSAN {{ pejabat_keputusan|upper }}", "Judul Keputusan", after=4))
    outline(title._p.get_or_add_pPr(), 0)  # the Keputusan's heading in the Navigation Pane
    para(document, "NOMOR {{ nomor_keputusan }}", align=WD_ALIGN_PARAGRAPH.CENTER, after=6)
    para(document, "TENTANG", "Judul Keputusan", after=0)
    para(document, "{{ tentang|upper }}", "Judul Keputusan", after=8)
    para(document, "DENGAN RAHMAT TUHAN YANG MAHA ESA", "Judul Keputusan", after=4)
    para(document, "{{ pejabat_keputusan|upper }},", "Judul Keputusan", after=8)
    considerations(document, "Menimbang", "menimbang")
    para(document, "", after=2)
    considerations(document, "Mengingat", "mengingat")
    heading = para(document, "MEMUTUSKAN:", "Judul Keputusan", after=6, keep=True)
    heading.paragraph_format.space_before = Pt(6)
    dictums(document)
    para(document, "", after=6, keep=True)
    signature(document)


def daftar_isi(document) -> None:
    """Entries with dot leaders to their page numbers; unit headings bold, their SOPs indented."""
    new_page(para(document, "DAFTAR ISI", "Judul Bagian", after=6))
    para(document, "Halaman", bold=True, align=WD_ALIGN_PARAGRAPH.RIGHT, after=6)
    para(document, "{%p for e in daftar_isi %}")
    para(document, "{%p if not e.halaman %}")
    para(document, "{{ e.judul }}", bold=True, after=2, keep=True).paragraph_format.space_before = Pt(4)
    para(document, "{%p elif e.bawah %}")
    entry(document, indent=6)
    para(document, "{%p else %}")
    entry(document, indent=0)
    para(document, "{%p endif %}")
    para(document, "{%p endfor %}")


def entry(document, indent: float) -> None:
    """A Daftar Isi line: the title, dots, and the page number against the right margin."""
    paragraph = para(document, "{{ e.judul }}", after=2)
    paragraph.add_run().add_tab()
    paragraph.add_run("{{ e.halaman }}")
    paragraph.paragraph_format.left_indent = Mm(indent)
    paragraph.paragraph_format.tab_stops.add_tab_stop(Mm(164), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)


def loop_rows(table, cells: tuple[str, ...], items: str, name: str) -> None:
    """Three rows: the loop's start, its body (one cell per text, lines split on \\n), its end."""
    table.add_row().cells[0].paragraphs[0].text = "{%tr for " + name + " in " + items + " %}"
    for cell, text in zip(table.add_row().cells, cells):
        lines = text.split("\n")
        cell.paragraphs[0].text = lines[0]
        for line in lines[1:]:
            para(cell, line)
    table.add_row().cells[0].paragraphs[0].text = "{%tr endfor %}"


def penjelasan(document) -> None:
    new_page(para(document, "PENJELASAN SINGKAT PENGGUNAAN", "Judul Bagian", after=12))
    for number, (title, key) in enumerate((("Ruang Lingkup", "ruang_lingkup"), ("Ringkasan", "ringkasan"),
                                           ("Definisi", "definisi")), 1):
        para(document, f"{number}. {title}", bold=True, after=4, keep=True)
        para(document, "{%p for item in " + key + " %}")
        paragraph = para(document, "{{ item }}", after=4)
        paragraph.paragraph_format.left_indent = Mm(6)
        para(document, "{%p endfor %}")
        para(document, "", after=6)


def daftar_sop(document) -> None:
    new_page(para(document, "DAFTAR STANDAR OPERASIONAL PROSEDUR", "Judul Bagian", after=12))
    table = document.add_table(rows=1, cols=4)
    table.style = document.styles["Table Grid"]
    for cell, title in zip(table.rows[0].cells, ("No", "Nomor SOP", "Nama SOP", "Unit Kerja")):
        cell.paragraphs[0].add_run(title).bold = True
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    loop_rows(table, ("{{ loop.index }}", "{{ s.nomor }}", "{{ s.nama }}", "{{ s.unit_kerja }}"), "sops", "s")
    widths(table, [10, 58, 62, 35])
    compact(table, 10)
    cell_margins(table, 1.5)


def cell_list(cell, title: str, items: str, first: bool = True) -> None:
    """A list field in a cell: its bold title, then the items numbered, or '-' when empty."""
    paragraph = cell.paragraphs[0] if first else para(cell)
    paragraph.add_run(title + ":").bold = True
    para(cell, "{%p for item in " + items + " %}")
    item = para(cell, "{{ loop.index }}. {{ item }}")
    item.paragraph_format.left_indent = Mm(5)
    item.paragraph_format.first_line_indent = Mm(-5)
    para(cell, "{%p else %}")
    para(cell, "-")
    para(cell, "{%p endfor %}")


def cell_margins(table, top_bottom_pt: float) -> None:
    """Room above and below the text of every cell, so it does not touch the lines."""
    margins = OxmlElement("w:tblCellMar")
    for side, points in (("top", top_bottom_pt), ("left", 5.4), ("bottom", top_bottom_pt), ("right", 5.4)):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), str(round(points * 20)))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    insert_ordered(table._tbl.tblPr, margins, TBL_PR_ORDER)


def compact(table, size: float) -> None:
    """Direct formatting on every paragraph of a table: `size` pt, single line spacing."""
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.line_spacing = 1.0
                for run in paragraph.runs:
                    run.font.size = Pt(size)


def identity(document) -> None:
    """The identity part of each SOP (FORMAT.md section 2), in a loop over the book's SOPs.

    Four grid columns: the logo cell and the labels above, the two halves of the list rows below.
    """
    para(document, "{%p for sop in sops %}")
    para(document, "{%p if not loop.first %}")
    para(document, "").paragraph_format.page_break_before = True
    para(document, "{%p endif %}")
    table = document.add_table(rows=9, cols=4)
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    widths(table, [100, 50, 45, 105])
    left = table.cell(0, 0).merge(table.cell(5, 0))
    left.paragraphs[0].text = "{{ sop.logo }}"
    left.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    for text in ("{{ instansi.pemerintah|upper }}", "{{ instansi.nama|upper }}", "{{ sop.unit_kerja|upper }}"):
        para(left, text, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=2)
    left.vertical_alignment = 1  # centre
    labels = ("{{ label.nomor }}", "{{ label.tanggal_pembuatan }}", "{{ label.tanggal_revisi }}",
              "{{ label.tanggal_efektif }}", "{{ label.disahkan }}", "{{ label.nama }}")
    values = ("{{ sop.nomor }}", "{{ sop.tanggal_pembuatan }}", "{{ sop.tanggal_revisi }}",
              "{{ sop.tanggal_efektif }}", None, "{{ sop.nama }}")
    for row, (label, value) in enumerate(zip(labels, values)):
        table.cell(row, 1).paragraphs[0].add_run(label).bold = True
        cell = table.cell(row, 2).merge(table.cell(row, 3))
        if value:
            cell.paragraphs[0].add_run(value).bold = row == 5 or None
            if row == 5:
                cell.paragraphs[0].style = document.styles["Judul SOP"]
            continue
        cell.paragraphs[0].text = "{{ sop.pengesah.jabatan }}"
        para(cell, "", after=30)
        para(cell, "{{ sop.pengesah.nama }}", bold=True)
        para(cell, "{{ sop.pengesah.pangkat }}")
        para(cell, "NIP. {{ sop.pengesah.nip }}")
    pairs = ((("Dasar Hukum", "sop.dasar_hukum"), ("Kualifikasi Pelaksana", "sop.kualifikasi")),
             (("Keterkaitan", "sop.keterkaitan"), ("Peralatan/Perlengkapan", "sop.peralatan")),
             (("Peringatan", "sop.peringatan"), ("Pencatatan dan Pendataan", "sop.pencatatan")))
    for row, (first, second) in enumerate(pairs, 6):
        cell_list(table.cell(row, 0).merge(table.cell(row, 1)), *first)
        cell_list(table.cell(row, 2).merge(table.cell(row, 3)), *second)
    compact(table, 10)
    cell_margins(table, 2)
    para(document, "{{ sop.flowchart }}")
    para(document, "{%p endfor %}")


def lampiran(document) -> None:
    """The monitoring and evaluation forms of PermenPANRB 35/2012, one row per SOP."""
    heading = para(document, "LAMPIRAN 1: MONITORING PELAKSANAAN SOP AP", "Judul Bagian")
    heading.paragraph_format.page_break_before = True
    para(document, "Periode: ........................................  Penilai: ........................................",
         after=8)
    titles = ("No", "Prosedur", "Penilaian Terhadap Penerapan", "Catatan Hasil Penilaian",
              "Tindakan yang Harus Diambil", "Paraf Penilai")
    form(document, titles, [12, 80, 60, 60, 60, 28],
         ("{{ loop.index }}", "{{ s.nama }}", "\u2610 Berjalan dengan baik\n\u2610 Tidak berjalan dengan baik", "", "", ""))
    penilai(document)
    heading = para(document, "LAMPIRAN 2: EVALUASI PENERAPAN SOP AP", "Judul Bagian")
    heading.paragraph_format.page_break_before = True
    para(document, "Tahun: ..............  Isi dengan Ya / Tidak.", after=8)
    titles = ("No", "Prosedur", "Mampu mendorong peningkatan kinerja", "Mudah dipahami dan dilaksanakan",
              "Dapat dijalankan oleh semua pelaksana", "Perlu perbaikan atau SOP baru",
              "Bersinergi dengan SOP lain", "Catatan")
    form(document, titles, [12, 70, 32, 32, 32, 32, 32, 58], ("{{ loop.index }}", "{{ s.nama }}", "", "", "", "", "", ""))
    penilai(document)


def penilai(document) -> None:
    """Place, date and the assessor's signature under a Lampiran form."""
    para(document, "", after=6)
    table = document.add_table(rows=1, cols=2)
    borderless(table)
    widths(table, [200, 100])
    cell = table.rows[0].cells[1]
    cell.paragraphs[0].text = "{{ tempat }}, ........................ 20......"
    para(cell, "Penilai,", after=40)
    para(cell, "(........................................)")
    para(cell, "NIP. ........................................")
    compact(table, 10)
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def form(document, titles, mm, cells) -> None:
    table = document.add_table(rows=2, cols=len(titles))
    table.style = document.styles["Table Grid"]
    for number, (title, head, numbered) in enumerate(zip(titles, table.rows[0].cells, table.rows[1].cells), 1):
        head.paragraphs[0].add_run(title).bold = True
        numbered.paragraphs[0].text = f"({number})"
        head.paragraphs[0].alignment = numbered.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    for row in table.rows:
        row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    loop_rows(table, cells, "sops", "s")
    widths(table, mm)
    room = table.rows[-2]  # the loop's row: room to write by hand (at least 12 mm, in every engine)
    room.height, room.height_rule = Mm(12), WD_ROW_HEIGHT_RULE.AT_LEAST
    compact(table, 10)
    for cell in room.cells:  # "☐" comes from a fallback font whose taller lines would vary by machine
        for paragraph in cell.paragraphs:
            paragraph.paragraph_format.line_spacing = Pt(12)
            paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    # Room above and below the text as paragraph spacing, not cell margins: Word adds a cell's
    # top and bottom margins to a row's minimum height, LibreOffice counts them in it.
    cell_margins(table, 0)
    for row in table.rows:
        for tc in row._tr.tc_lst:
            paragraphs = tc.findall(qn("w:p"))
            paragraphs[0].get_or_add_pPr().get_or_add_spacing().set(qn("w:before"), "40")
            paragraphs[-1].get_or_add_pPr().get_or_add_spacing().set(qn("w:after"), "40")


def shaded(tc, fill: str = "E7E6E6") -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    tc.get_or_add_tcPr().append(shading)


def kept_together(table) -> None:
    """Rows that never split and each keep with the next, so Word and LibreOffice move a table
    that fits on one page whole to the next page instead of leaving a row behind; the last row
    keeps the table with what follows (the SP renderer releases it in the component tables)."""
    for row in table.rows:
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        for tc in row._tr.tc_lst:
            for p in tc.iter(qn("w:p")):
                insert_ordered(p.get_or_add_pPr(), OxmlElement("w:keepNext"), PPR_ORDER)


def komponen_table(document, group: str) -> None:
    """One group of Standar Pelayanan components: its title (when the layout has groups), then
    No | Komponen | Uraian, one row per component."""
    table = document.add_table(rows=0, cols=3)
    table.style = document.styles["Table Grid"]
    table.add_row().cells[0].paragraphs[0].text = "{%tr if sp.judul_" + group + " %}"
    title_row = table.add_row()
    title = title_row.cells[0].merge(title_row.cells[2])
    title.paragraphs[0].add_run("{{ sp.judul_" + group + " }}").bold = True
    table.add_row().cells[0].paragraphs[0].text = "{%tr endif %}"
    head = table.add_row()
    for cell, text in zip(head.cells, ("No", "Komponen", "Uraian")):
        cell.paragraphs[0].add_run(text).bold = True
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    for row in (title_row, head):
        row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
        for tc in row._tr.tc_lst:  # a merged cell once, not once per grid column it spans
            shaded(tc)
    table.add_row().cells[0].paragraphs[0].text = "{%tr for k in sp.kelompok_" + group + " %}"
    cells = table.add_row().cells
    cells[0].paragraphs[0].text = "{{ k.no }}"
    cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    cells[1].paragraphs[0].text = "{{ k.komponen }}"
    cells[2].paragraphs[0].text = "{%p for line in k.uraian %}"
    item = para(cells[2], "{{ line }}")
    item.paragraph_format.left_indent = Mm(5)
    item.paragraph_format.first_line_indent = Mm(-5)
    para(cells[2], "{%p endfor %}")
    table.add_row().cells[0].paragraphs[0].text = "{%tr endfor %}"
    widths(table, [12, 50, 103])
    compact(table, 10)
    kept_together(table)


def standar_pelayanan(document) -> None:
    """Each Standar Pelayanan (FORMAT.md section 5): the heading, then its two groups."""
    para(document, "{%p for sp in layanan %}")
    para(document, "{%p if not loop.first %}")
    para(document, "").paragraph_format.page_break_before = True
    para(document, "{%p endif %}")
    title = para(document, "STANDAR PELAYANAN", "Judul Bagian", after=0)  # one heading of two lines
    title.runs[0].add_break()
    title.add_run("{{ sp.judul|upper }}{{ sp.penanda }}")
    title.paragraph_format.keep_with_next = True
    para(document, "{{ instansi.nama|upper }}", "Subjudul", after=12, keep=True)
    komponen_table(document, "a")
    para(document, "{%p if sp.kelompok_b %}")
    para(document, "", after=6)
    komponen_table(document, "b")
    para(document, "{%p endif %}")
    para(document, "{%p endfor %}")


def maklumat(document) -> None:
    """The Maklumat Pelayanan: one page to print and hang up, in a section of its own whose
    footer is empty (no page number on a notice on the wall)."""
    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.footer.is_linked_to_previous = False
    section._sectPr.find(qn("w:pgNumType")).attrib.pop(qn("w:start"))  # the numbering runs on
    para(document, "{{ logo }}", align=WD_ALIGN_PARAGRAPH.CENTER, after=18)
    title = para(document, "MAKLUMAT PELAYANAN", "Judul Buku", after=4)
    outline(title._p.get_or_add_pPr(), 0)
    para(document, "{{ instansi.nama|upper }}", "Subjudul", after=4)
    para(document, "{{ instansi.pemerintah|upper }}", "Subjudul", after=40)
    para(document, "{%p for line in maklumat %}")
    pledge = para(document, "{{ line }}", size=16, align=WD_ALIGN_PARAGRAPH.CENTER, after=10)
    pledge.paragraph_format.line_spacing = 1.4
    para(document, "{%p endfor %}")
    para(document, "", after=40)
    table = document.add_table(rows=1, cols=2)
    borderless(table)
    widths(table, [80, 85])
    cell = table.rows[0].cells[1]
    cell.paragraphs[0].text = "{{ tempat }}, {{ tanggal }}"
    para(cell, "{{ pimpinan.jabatan|upper }},", bold=True, after=50)
    para(cell, "{{ pimpinan.nama }}", bold=True)
    para(cell, "{{ pimpinan.pangkat }}")
    para(cell, "NIP. {{ pimpinan.nip }}")
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def end(document) -> None:
    """The body's last paragraph, one point high. A body that ends with a table makes Word add a
    paragraph of its own after it, which can take a blank last page."""
    paragraph = para(document, after=0)
    paragraph.paragraph_format.line_spacing = Pt(1)
    paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    mark, size = OxmlElement("w:rPr"), OxmlElement("w:sz")
    size.set(qn("w:val"), "2")
    mark.append(size)
    insert_ordered(paragraph._p.get_or_add_pPr(), mark, PPR_ORDER)


def part(document, name: str, write, *args) -> None:
    """A part of a book, present when the profile lists it in `parts`."""
    para(document, "{%p if '" + name + "' in parts %}")
    write(document, *args)
    para(document, "{%p endif %}")


def front_matter(document) -> None:
    """Cover, Keputusan and Daftar Isi in a portrait section numbered i, ii, iii (cover unnumbered)."""
    front = document.sections[0]
    set_page(front, landscape=False)
    front.different_first_page_header_footer = True
    page_number_footer(front, "lowerRoman", 1)
    part(document, "sampul", cover)
    part(document, "keputusan", keputusan)
    part(document, "daftar_isi", daftar_isi)


def main() -> None:
    OUT.mkdir(exist_ok=True)
    document = base_document()
    front_matter(document)
    part(document, "penjelasan", penjelasan)
    part(document, "daftar_sop", daftar_sop)
    body = document.add_section(WD_SECTION.NEW_PAGE)
    set_page(body, landscape=True)
    body.different_first_page_header_footer = False
    page_number_footer(body, "decimal", 1)
    identity(document)
    part(document, "lampiran", lampiran)
    end(document)
    document.save(OUT / "buku_sop.docx")
    single = base_document()  # one SOP on its own (build --per-sop): identity part and flowchart
    set_page(single.sections[0], landscape=True)
    page_number_footer(single.sections[0], "decimal", 1)
    identity(single)
    end(single)
    single.save(OUT / "sop.docx")
    services = base_document()  # the Standar Pelayanan book
    front_matter(services)
    body = services.add_section(WD_SECTION.NEW_PAGE)
    set_page(body, landscape=False)
    body.different_first_page_header_footer = False
    page_number_footer(body, "decimal", 1)
    standar_pelayanan(services)
    maklumat(services)
    end(services)
    services.save(OUT / "buku_sp.docx")


if __name__ == "__main__":
    main()
