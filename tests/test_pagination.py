"""The pagination model behind the Daftar Isi numbers, on small documents whose pages are easy to
count by hand: tables kept together, page numbering that runs on across sections, hanging
first lines."""
from __future__ import annotations

from pathlib import Path

import pytest
from docx.shared import Mm, Pt

from sopdocs.render.document import new_document
from sopdocs.render.ooxml import parse
from sopdocs.render.pagination import TableCells, W, paginate

ROOT = Path(__file__).resolve().parent.parent

LINE = 12  # exact line height of every paragraph below, in points


def document(page_height_pt: float = 200):
    """A portrait page whose text area is `page_height_pt` high."""
    doc = new_document()
    section = doc.sections[0]
    section.top_margin = section.bottom_margin = Mm(10)
    section.page_height = Pt(page_height_pt) + Mm(20)
    return doc


def lines(doc, count: int, keep: bool = False):
    """`count` one-line paragraphs of exactly LINE points; the last one's element returned."""
    paragraph = None
    for _ in range(count):
        paragraph = doc.add_paragraph("baris")
        paragraph.paragraph_format.line_spacing = Pt(LINE)
        paragraph.paragraph_format.space_after = Pt(0)
        paragraph.paragraph_format.keep_with_next = keep or None
    return paragraph._p


def table(doc, rows: int, kept: bool):
    """A table of `rows` rows of exactly LINE points; `kept`: every row but the last keeps with
    the next, as the Standar Pelayanan components do."""
    def row(last: bool) -> str:
        keep = "<w:keepNext/>" if kept and not last else ""
        return (f'<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="{LINE * 20}" w:hRule="exact"/></w:trPr>'
                f'<w:tc><w:p><w:pPr>{keep}</w:pPr><w:r><w:t>isi</w:t></w:r></w:p></w:tc></w:tr>')
    xml = ('<w:tbl><w:tblPr><w:tblW w:w="2000" w:type="dxa"/></w:tblPr><w:tblGrid><w:gridCol w:w="2000"/>'
           '</w:tblGrid>' + "".join(row(i == rows - 1) for i in range(rows)) + "</w:tbl>")
    element = parse(xml)[0]
    doc.element.body.find(W + "sectPr").addprevious(element)
    return element


def test_a_kept_table_that_does_not_fit_moves_whole_with_its_heading():
    doc = document()  # 200 pt: 16 lines of 12 pt
    lines(doc, 10)
    heading = lines(doc, 1, keep=True)
    kept = table(doc, 6, kept=True)  # 10 + 1 + 6 lines > 16: the table and its heading move
    paginator = paginate(doc)
    assert paginator.page_of[kept] == 2 and paginator.page_of[heading] == 2


def test_a_table_without_keeps_leaves_its_last_rows_on_the_next_page():
    doc = document()
    lines(doc, 10)
    heading = lines(doc, 1, keep=True)
    loose = table(doc, 6, kept=False)
    after = lines(doc, 1)
    paginator = paginate(doc)
    assert paginator.page_of[loose] == 1 and paginator.page_of[heading] == 1
    assert paginator.page_of[after] == 2


def test_a_kept_table_longer_than_a_page_stays_where_it_begins():
    doc = document()
    lines(doc, 10)
    long = table(doc, 20, kept=True)  # fits on no page: Word and LibreOffice split it as usual
    paginator = paginate(doc)
    assert paginator.page_of[long] == 1
    assert paginator.sections[0][1] == 2  # 10 + 20 lines, 16 a page: split, not moved (that would take 3)


def test_a_section_without_a_start_number_numbers_on():
    doc = document()
    lines(doc, 20)  # pages 1-2
    doc.add_section()
    number = doc.sections[1]._sectPr.find(W + "pgNumType")
    assert number is None  # python-docx's sections have no w:start: the numbering runs on
    first = lines(doc, 1)
    paginator = paginate(doc)
    assert paginator.page_of[first] == 3
    assert [pages for _, pages in paginator.sections] == [2, 1]


def test_a_hanging_first_line_is_as_wide_as_the_column():
    """`1. text` with a hanging indent: the first line starts at the margin, the others at the
    indent, so a line that fits only the full width takes one line, not two."""
    doc = document()
    text = "1. " + "kata " * 30
    paragraph = doc.add_paragraph(text.strip())
    paragraph.paragraph_format.left_indent = Mm(10)
    paragraph.paragraph_format.first_line_indent = Mm(-10)
    paginator = paginate(doc)
    from sopdocs.layout.text import font

    width = font(11).width(text.strip())  # python-docx's default 11 pt
    _, _, hanging = paginator.paragraph_lines(paragraph._p, width + 1)
    assert len(hanging) == 1
    paragraph.paragraph_format.first_line_indent = Mm(0)
    _, _, indented = paginator.paragraph_lines(paragraph._p, width + 1)
    assert len(indented) == 2


def test_a_signature_that_does_not_fit_takes_the_kept_rows_and_heading_before_it():
    """The Keputusan: "MEMUTUSKAN:" keeps with the dictums, whose rows all keep with the next,
    then a spacer kept too, then the signature block; when the signature does not fit, all of
    them go to the next page together instead of the signature alone."""
    doc = document()
    lines(doc, 8)
    heading = lines(doc, 1, keep=True)
    dictums = table(doc, 4, kept=True)
    last_row = dictums.findall(W + "tr")[-1]
    last_row.find(f"{W}tc/{W}p/{W}pPr").append(parse("<w:keepNext/>")[0])
    spacer = lines(doc, 1, keep=True)
    signature = table(doc, 4, kept=True)  # 8 + 1 + 4 + 1 = 14 lines: 4 more do not fit on 16
    paginator = paginate(doc)
    assert [paginator.page_of[e] for e in (heading, dictums, spacer, signature)] == [2, 2, 2, 2]


def auto_height_table(doc, cell_paragraphs: str):
    """A one-cell table whose row is as tall as its paragraphs (`cell_paragraphs`, XML)."""
    xml = ('<w:tbl><w:tblPr><w:tblW w:w="2000" w:type="dxa"/></w:tblPr><w:tblGrid><w:gridCol w:w="2000"/>'
           f'</w:tblGrid><w:tr><w:tc>{cell_paragraphs}</w:tc></w:tr></w:tbl>')
    element = parse(xml)[0]
    doc.element.body.find(W + "sectPr").addprevious(element)
    return element


def one_line(text: str = "isi") -> str:
    return (f'<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="{LINE * 20}" w:lineRule="exact"/></w:pPr>'
            f'<w:r><w:t>{text}</w:t></w:r></w:p>')


def test_the_text_of_a_text_box_in_a_table_takes_no_room():
    """A table holding a text box is walked as a tree (its XML is not read as text): the 30
    paragraphs inside the box are drawn over the page, the cell's one line is all it takes."""
    doc = document()  # 16 lines a page
    lines(doc, 14)
    box = ('<w:r><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>'
           + one_line() * 30 + "</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor>"
           "</w:drawing></w:r>")
    boxed = auto_height_table(doc, one_line()[:-len("</w:p>")] + box + "</w:p>")
    after = lines(doc, 1)
    paginator = paginate(doc)
    assert TableCells.read(boxed).walked
    assert paginator.page_of[boxed] == 1 and paginator.page_of[after] == 1  # 14 + 1 + 1 lines


@pytest.mark.parametrize("odd, paragraphs", [
    ('<x:p xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><x:r><x:t>baris</x:t></x:r></x:p>', 4),
    ("<!-- a note left in the template: <w:p><w:r><w:t>not a paragraph</w:t></w:r></w:p> -->", 3),
    ('<w:tbl><w:tblGrid><w:gridCol w:w="1000"/></w:tblGrid><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>', 4),
], ids=["a second prefix for WordprocessingML", "a comment", "a table inside"])
def test_a_table_whose_xml_the_text_reading_could_misread_is_walked(odd, paragraphs):
    """A paragraph written with another prefix than w: (as a template made by another program
    may have it; the text reading would not see it), a comment whose text looks like a paragraph
    (it would see one too many), or a table inside a cell (its rows would seem the table's own):
    the table is walked as a tree, which finds its paragraphs."""
    tbl = parse('<w:tbl><w:tblGrid><w:gridCol w:w="2000"/></w:tblGrid><w:tr><w:tc>'
                f'{one_line()}{odd}{one_line()}<w:p/></w:tc></w:tr></w:tbl>')[0]
    cells = TableCells.read(tbl)
    assert cells.walked
    assert len(cells.keys) == paragraphs


def test_a_table_read_as_text_is_measured_as_its_tree():
    """Vertical merges, spans, empty paragraphs and paragraphs with attributes, read from the
    table's XML as text, give the heights the tree walk gives."""
    doc = document(400)
    merged = ('<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>' + one_line() * 5 + '</w:tc>'
              '<w:tc>' + one_line() + '</w:tc></w:tr>'
              '<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p w:rsidR="00A1"/></w:tc></w:tr>'
              '<w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>' + one_line("dua kolom") + '</w:tc></w:tr>')
    tbl = parse('<w:tbl><w:tblPr><w:tblW w:w="4000" w:type="dxa"/></w:tblPr><w:tblGrid><w:gridCol w:w="2000"/>'
                f'<w:gridCol w:w="2000"/></w:tblGrid>{merged}</w:tbl>')[0]
    doc.element.body.find(W + "sectPr").addprevious(tbl)
    text, tree = TableCells.read(tbl), TableCells.from_tree(tbl)
    assert not text.walked
    assert text.rows == tree.rows
    paginator = paginate(doc)
    paginator._cells = text
    by_text = paginator._row_heights(text.rows, [100, 100], (0, 0, 5.4, 5.4))
    paginator._cells = tree
    assert by_text == paginator._row_heights(tree.rows, [100, 100], (0, 0, 5.4, 5.4))
    assert by_text[0] + by_text[1] == pytest.approx(5 * LINE)  # the merged cell's five lines


@pytest.mark.parametrize("sample", ["kecamatan-contoh", "satpolpp-kota-batam"])
def test_every_book_table_read_as_text_paginates_as_the_tree_walk(sample, monkeypatch):
    """Each table of the sample books is read from its XML as text; walked as a tree instead,
    every element of the books falls on the same page."""
    from sopdocs.pipeline.checking import check_workbook
    from sopdocs.plugins import Plugins
    from sopdocs.render import book, sp

    laid_out = []
    for module in (book, sp):
        monkeypatch.setattr(module, "paginate",
                            lambda d, fixed=None, template=None: laid_out.append((d, fixed)) or paginate(d, fixed))
    checked = check_workbook(ROOT / "samples" / f"{sample}.xlsx", Plugins())
    book.render_book(checked.doc, checked.profile)
    sp.render_sp_book(checked.doc, checked.profile)
    assert len(laid_out) == 2
    for document, fixed in laid_out:
        tables = list(document.element.body.iter(W + "tbl"))
        assert tables and not any(TableCells.read(t).walked for t in tables)
        by_text = paginate(document, fixed)
        with monkeypatch.context() as walking:
            walking.setattr(TableCells, "read", classmethod(lambda cls, tbl: cls.from_tree(tbl)))
            by_tree = paginate(document, fixed)
        assert [count for _, count in by_text.sections] == [count for _, count in by_tree.sections]
        assert by_text.page_of == by_tree.page_of


def test_books_of_one_template_share_what_was_measured_and_fall_on_the_same_pages(monkeypatch):
    """The second SKPD's book measures only the table paragraphs the first one did not have (the
    labels, dots and signatures come back), and every element falls on the page a pagination of
    its own finds."""
    from sopdocs.pipeline.checking import check_workbook
    from sopdocs.plugins import Plugins
    from sopdocs.render import book, pagination
    from sopdocs.render.engine import template_bytes
    from sopdocs.templates_docx import default_template

    laid_out = []
    monkeypatch.setattr(book, "paginate",
                        lambda d, fixed=None, template=None: laid_out.append((d, fixed)) or paginate(d, fixed))
    for sample in ("kecamatan-contoh", "satpolpp-kota-batam"):
        checked = check_workbook(ROOT / "samples" / f"{sample}.xlsx", Plugins())
        book.render_book(checked.doc, checked.profile)
    measured = []
    original = pagination.Paginator._cell_paragraph_height
    monkeypatch.setattr(pagination.Paginator, "_cell_paragraph_height",
                        lambda self, index, width: measured.append(index) or original(self, index, width))
    monkeypatch.setattr(pagination, "_MEASURED", {})
    template = template_bytes(default_template("buku_sop.docx"))
    paginate(*laid_out[0], template=template)
    first = len(measured)
    shared = paginate(*laid_out[1], template=template)
    again = len(measured) - first
    alone = paginate(*laid_out[1])
    assert 0 < again < len(measured) - first - again  # the second book measured less than on its own
    assert shared.page_of == alone.page_of and shared.sections == alone.sections
