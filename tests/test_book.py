"""The SOP book of one SKPD (FORMAT.md sections 1-4), built from each sample workbook.

The parts in their order (cover, Keputusan, Daftar Isi, Penjelasan, Daftar SOP, each SOP's identity
part and flowchart, the two Lampiran forms), the sections and paper, workbook text printed verbatim,
a package Word opens without repair, and, through LibreOffice, page numbers in the Daftar Isi that
point at the pages where the parts really are.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest

from conftest import instansi_rows, sop_rows, write_workbook
from docx_checks import package_problems
from sopdocs.model import book_order
from sopdocs.pipeline import Options, build, check_workbook
from sopdocs.plugins import Plugins

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.xlsx"))
INTEGRITY = ROOT.parent / "shared/tools/docx_integrity.py"  # the team's checker, beside the repository
PAPERS = {"F4": (215, 330), "A4": (210, 297)}
BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
         "November", "Desember"]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


# -- reading a book back ------------------------------------------------------------------------

def _in_textbox(node) -> bool:
    return any(a.tag == W + "txbxContent" for a in node.iterancestors())


def text_of(element) -> str:
    """The text of a paragraph, cell or table as a reader sees it (not the flowchart shapes'
    text boxes), one line per paragraph."""
    paragraphs = [element] if element.tag == W + "p" else list(element.iter(W + "p"))
    lines = []
    for p in paragraphs:
        if _in_textbox(p):
            continue
        lines.append("".join(t.text or "" for t in p.iter(W + "t") if not _in_textbox(t)))
    return "\n".join(lines)


def rows_of(tbl) -> list[list[str]]:
    """A table's rows, each a list of its cells' texts (a merged cell once, where it is in the XML)."""
    return [[text_of(tc) for tc in tr.findall(W + "tc")] for tr in tbl.findall(W + "tr")]


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


class Outline:
    """The body of a book as blocks in order: ('p', element, text) and ('tbl', element, rows)."""

    def __init__(self, document):
        self.blocks = []
        for element in document.element.body:
            if element.tag == W + "p":
                self.blocks.append(("p", element, text_of(element)))
            elif element.tag == W + "tbl":
                self.blocks.append(("tbl", element, rows_of(element)))

    def heading(self, prefix: str, start: int = 0) -> int:
        """The index of the first paragraph from `start` whose text starts with `prefix`."""
        for index in range(start, len(self.blocks)):
            kind, _, text = self.blocks[index]
            if kind == "p" and text.strip().startswith(prefix):
                return index
        raise AssertionError(f"no paragraph starting with {prefix!r} after block {start}")

    def table_after(self, index: int) -> tuple[int, list[list[str]]]:
        for i in range(index + 1, len(self.blocks)):
            if self.blocks[i][0] == "tbl":
                return i, self.blocks[i][2]
        raise AssertionError(f"no table after block {index}")

    def text(self, start: int, stop: int) -> str:
        """Everything between two blocks as one text (tables cell by cell)."""
        parts = []
        for kind, element, _ in self.blocks[start:stop]:
            parts.append(text_of(element))
        return "\n".join(parts)


def in_order(text: str, needles: list[str]) -> None:
    """Each needle occurs in `text`, after the previous one."""
    position = 0
    for needle in needles:
        found = text.find(needle, position)
        assert found >= 0, f"{needle!r} missing (or out of order) after: {text[position:position + 300]!r}"
        position = found + len(needle)


def long_date(tanggal) -> str:
    if tanggal.date:
        return f"{tanggal.date.day} {BULAN[tanggal.date.month - 1]} {tanggal.date.year}"
    return tanggal.text


def grouped(sops):
    """FORMAT.md: SOPs grouped by Unit Kerja, units in order of first appearance, SOPs in workbook order."""
    units: list[str] = []
    for sop in sops:
        if sop.unit_kerja.strip().lower() not in units:
            units.append(sop.unit_kerja.strip().lower())
    return [sop for unit in units for sop in sops if sop.unit_kerja.strip().lower() == unit]


def sheet_value(workbook: Path, sheet: str, label: str) -> str:
    """The value beside `label` on a sheet, as openpyxl reads it (not through sopdocs)."""
    book = openpyxl.load_workbook(workbook, read_only=True, data_only=True)
    try:
        for row in book[sheet].iter_rows(values_only=True):
            if row and isinstance(row[0], str) and row[0].strip().rstrip(":").strip().lower() == label.lower():
                return next(str(value).strip() for value in row[1:] if value not in (None, ""))
    finally:
        book.close()
    raise AssertionError(f"{label} not on {sheet}")


# -- the books ----------------------------------------------------------------------------------

class Built:
    def __init__(self, workbook: Path, paper: str, out_dir: Path):
        self.workbook, self.paper = workbook, paper
        checked = check_workbook(workbook, Plugins())
        assert checked.ok, [str(f) for f in checked.findings.errors]
        self.doc = checked.doc
        out_dir = out_dir / f"{workbook.stem}-{paper}"
        self.result, = build([workbook], out_dir, Options(paper=paper, jobs=1))
        assert self.result.ok, self.result.error
        self.path = next(p for p in self.result.outputs if p.name.endswith("_SOP.docx"))
        assert self.path in self.result.outputs
        self.pages = self.result.book_pages[self.path]  # the SOP book's pages, as the build counted them
        self.document = docx.Document(str(self.path))
        self.outline = Outline(self.document)
        self.sops = grouped(self.doc.sops)


@pytest.fixture(scope="module")
def books(tmp_path_factory) -> dict[tuple[str, str], Built]:
    out = tmp_path_factory.mktemp("books")
    return {(w.stem, paper): Built(w, paper, out) for w in SAMPLES for paper in PAPERS}


@pytest.fixture(params=[(w.stem, paper) for w in SAMPLES for paper in PAPERS], ids="-".join)
def book(request, books) -> Built:
    return books[request.param]


def test_book_order_groups_the_sops_by_unit_kerja(books):
    """The Sekretariat DPRK sample alternates its units, so its book order is not the workbook's."""
    assert all(book_order(b.doc) == b.sops for b in books.values())
    assert any(book_order(b.doc) != b.doc.sops for b in books.values())


def test_cover(book):
    outline, instansi = book.outline, book.doc.instansi
    end = outline.heading("KEPUTUSAN")
    cover = [text.strip() for kind, _, text in outline.blocks[:end] if kind == "p" and text.strip()]
    assert cover[:2] == ["STANDAR OPERASIONAL PROSEDUR", "ADMINISTRASI PEMERINTAHAN"]
    in_order("\n".join(cover), [instansi.nama.upper(), instansi.pemerintah.upper(), f"TAHUN {instansi.tahun}"])
    if instansi.alamat:
        assert instansi.alamat in cover
    # the logo, when the workbook has one, is a picture on the cover; the Keputusan starts the next
    # page itself (a page break ending the cover could fall on a page of its own)
    pictures = [b for _, element, _ in outline.blocks[:end] for b in element.iter(A + "blip")]
    assert len(pictures) == (1 if instansi.logo else 0)
    assert outline.blocks[end][1].find(f"{W}pPr/{W}pageBreakBefore") is not None
    assert not [br for _, element, _ in outline.blocks[:end] for br in element.iter(W + "br")]


def test_keputusan(book):
    outline, instansi = book.outline, book.doc.instansi
    start, stop = outline.heading("KEPUTUSAN"), outline.heading("DAFTAR ISI")
    text = outline.text(start, stop)
    nama = sheet_value(book.workbook, "Instansi", "Nama Pimpinan")
    nip = sheet_value(book.workbook, "Instansi", "NIP Pimpinan")
    jabatan = instansi.pimpinan.jabatan.upper()
    in_order(text, [f"KEPUTUSAN {jabatan}", "NOMOR", "TENTANG",
                    "PENETAPAN STANDAR OPERASIONAL PROSEDUR ADMINISTRASI PEMERINTAHAN",
                    f"PADA {instansi.nama.upper()}", "Menimbang", "Mengingat", "MEMUTUSKAN", "Menetapkan",
                    "KESATU", "Lampiran", "KEDUA", "pedoman", "KETIGA", "berlaku", "Ditetapkan di",
                    "pada tanggal", f"{jabatan},", nama, instansi.pimpinan.pangkat, f"NIP. {nip}"])
    if instansi.nomor_keputusan:
        assert f"NOMOR {instansi.nomor_keputusan}" in text
    if instansi.tempat_penetapan:
        assert f"Ditetapkan di {instansi.tempat_penetapan}" in text
    assert instansi.pimpinan.nama == nama and instansi.pimpinan.nip == nip


def daftar_isi(book: Built) -> list[list[str]]:
    """[title, page] of each Daftar Isi line: a paragraph whose tab (with its dot leader) separates
    the title from the page number; headings have no number."""
    start = book.outline.heading("DAFTAR ISI")
    stop = book.outline.heading("PENJELASAN SINGKAT PENGGUNAAN", start)
    rows = []
    for kind, element, _ in book.outline.blocks[start + 1:stop]:
        if kind != "p":
            continue
        text = "".join("\t" if node.tag == W + "tab" else node.text or ""
                       for node in element.iter(W + "t", W + "tab") if node.getparent().tag == W + "r")
        if text.strip() not in ("", "Halaman"):
            title, _, page = text.partition("\t")
            rows.append([title, page])
    return rows


def test_daftar_isi_lists_every_part_with_page_numbers(book):
    rows = daftar_isi(book)
    titles = [title for title, _ in rows]
    expected = ["Penjelasan Singkat Penggunaan", "Daftar Standar Operasional Prosedur"]
    unit = None
    for number, sop in enumerate(book.sops, 1):
        if sop.unit_kerja != unit:
            unit = sop.unit_kerja
            expected.append(unit.upper())
        expected.append(f"{number}. {sop.nama}")
    assert titles[:-2] == expected
    assert titles[-2].startswith("Lampiran 1") and titles[-1].startswith("Lampiran 2")
    pages = {title: page for title, page in rows}
    assert re.fullmatch("[ivxlcdm]+", pages["Penjelasan Singkat Penggunaan"])
    assert re.fullmatch("[ivxlcdm]+", pages["Daftar Standar Operasional Prosedur"])
    body = [int(page) for title, page in rows[2:] if title not in {s.unit_kerja.upper() for s in book.sops}]
    assert len(body) == len(book.sops) + 2
    assert body[0] == 1 and body == sorted(body) and len(set(body)) == len(body)
    assert body[-1] <= book.pages
    assert all(page == "" for title, page in rows if title in {s.unit_kerja.upper() for s in book.sops})
    assert "\u27e6" not in "".join(book.document.element.body.itertext())


def test_penjelasan(book):
    outline, instansi = book.outline, book.doc.instansi
    start, stop = outline.heading("PENJELASAN SINGKAT PENGGUNAAN"), outline.heading("DAFTAR STANDAR OPERASIONAL")
    text = outline.text(start, stop)
    needles = []
    for title, items in (("1. Ruang Lingkup", instansi.ruang_lingkup), ("2. Ringkasan", instansi.ringkasan),
                         ("3. Definisi", instansi.definisi)):
        needles += [title, *items]
    in_order(text, needles)


def test_daftar_sop_has_one_row_per_sop_in_book_order(book):
    outline = book.outline
    start = outline.heading("DAFTAR STANDAR OPERASIONAL PROSEDUR")
    index, rows = outline.table_after(start)
    assert rows[0] == ["No", "Nomor SOP", "Nama SOP", "Unit Kerja"]
    assert rows[1:] == [[str(n), s.nomor, s.nama, s.unit_kerja] for n, s in enumerate(book.sops, 1)]
    # the front matter ends here: the next paragraph closes the portrait section
    kind, element, _ = outline.blocks[index + 1]
    assert kind == "p" and element.find(f"{W}pPr/{W}sectPr") is not None


def sop_parts(book: Built) -> list[tuple[list[list[str]], list[list[list[str]]]]]:
    """Between the section break and Lampiran 1: (identity rows, [flowchart table rows...]) per SOP."""
    outline = book.outline
    start = outline.heading("DAFTAR STANDAR OPERASIONAL PROSEDUR")
    stop = outline.heading("LAMPIRAN 1")
    parts = []
    for kind, _, rows in outline.blocks[outline.table_after(start)[0] + 1:stop]:
        if kind != "tbl":
            continue
        if rows[0][1:2] == ["Nomor SOP"]:
            parts.append((rows, []))
        else:
            assert rows[0][:2] == ["No", "Kegiatan"], rows[0]
            assert parts, "a flowchart table before any identity part"
            parts[-1][1].append(rows)
    return parts


def test_each_sop_is_its_identity_part_then_its_flowchart(book):
    pimpinan = book.doc.instansi.pimpinan
    parts = sop_parts(book)
    assert [squash(identity[5][2]) for identity, _ in parts] == [squash(s.nama) for s in book.sops]
    for sop, (identity, flowcharts) in zip(book.sops, parts):
        assert [row[1] for row in identity[:6]] == ["Nomor SOP", "Tanggal Pembuatan", "Tanggal Revisi",
                                                     "Tanggal Efektif", "Disahkan Oleh", "Nama SOP"]
        values = [row[2] for row in identity[:6]]
        assert values[0] == sop.nomor
        assert values[1:4] == [long_date(sop.tanggal_pembuatan), long_date(sop.tanggal_revisi) or "-",
                               long_date(sop.tanggal_efektif)]
        signer = [line for line in values[4].split("\n") if line]
        assert signer == [sop.pengesah.jabatan or pimpinan.jabatan, sop.pengesah.nama or pimpinan.nama,
                          sop.pengesah.pangkat or pimpinan.pangkat, f"NIP. {sop.pengesah.nip or pimpinan.nip}"]
        header = identity[0][0]
        in_order(header, [book.doc.instansi.pemerintah.upper(), book.doc.instansi.nama.upper(),
                          sop.unit_kerja.upper()])
        dasar = identity[6][0].split("\n")
        assert dasar == ["Dasar Hukum:", *(f"{i}. {item}" for i, item in enumerate(sop.dasar_hukum, 1))]
        assert identity[6][1].split("\n")[0] == "Kualifikasi Pelaksana:"
        assert [row[0].split("\n")[0] for row in identity[7:9]] == ["Keterkaitan:", "Peringatan:"]
        # the flowchart: one row per activity, numbered from 1, over one or more tables
        assert flowcharts, f"no flowchart after {sop.nama}"
        steps = [row for rows in flowcharts for row in rows if row and row[0].isdigit()]
        assert [(row[0], squash(row[1])) for row in steps] == [(str(s.number), squash(s.kegiatan))
                                                               for s in sop.steps]
        assert [s.number for s in sop.steps] == list(range(1, len(sop.steps) + 1))
        for rows in flowcharts:
            assert rows[0] == ["No", "Kegiatan", "Pelaksana", "Mutu Baku", "Keterangan"]
            assert rows[1][2:2 + len(sop.actors)] == sop.actors
            assert rows[1][2 + len(sop.actors):2 + len(sop.actors) + 3] == ["Kelengkapan", "Waktu", "Output"]


def test_lampiran_forms_have_one_row_per_sop(book):
    outline = book.outline
    names = [s.nama for s in book.sops]
    monitoring = outline.heading("LAMPIRAN 1")
    _, rows = outline.table_after(monitoring)
    assert "MONITORING PELAKSANAAN SOP" in outline.blocks[monitoring][2].upper()
    assert rows[0] == ["No", "Prosedur", "Penilaian Terhadap Penerapan", "Catatan Hasil Penilaian",
                       "Tindakan yang Harus Diambil", "Paraf Penilai"]
    assert rows[1] == [f"({n})" for n in range(1, 7)]
    assert [(row[0], row[1]) for row in rows[2:]] == [(str(n), name) for n, name in enumerate(names, 1)]
    for row in rows[2:]:
        assert "Berjalan dengan baik" in row[2] and "Tidak berjalan dengan baik" in row[2]
    evaluasi = outline.heading("LAMPIRAN 2", monitoring + 1)
    assert "EVALUASI PENERAPAN SOP" in outline.blocks[evaluasi][2].upper()
    _, rows = outline.table_after(evaluasi)
    assert rows[0][:2] == ["No", "Prosedur"] and len(rows[0]) >= 7
    assert rows[1] == [f"({n})" for n in range(1, len(rows[0]) + 1)]
    assert [(row[0], row[1]) for row in rows[2:]] == [(str(n), name) for n, name in enumerate(names, 1)]
    assert evaluasi > monitoring > outline.heading("DAFTAR STANDAR OPERASIONAL PROSEDUR")


def _has_page_field(part) -> bool:
    return any("PAGE" in (t.text or "") for t in part._element.iter(W + "instrText"))


@pytest.mark.parametrize("paper", PAPERS)
def test_sections_paper_orientation_and_page_numbers(books, paper):
    short, long = PAPERS[paper]
    for (stem, built_paper), built in books.items():
        if built_paper != paper:
            continue
        sections = built.document.sections
        assert len(sections) == 2, stem
        front, body = sections
        assert (round(front.page_width.mm), round(front.page_height.mm)) == (short, long), stem
        assert (round(body.page_width.mm), round(body.page_height.mm)) == (long, short), stem
        front_number = front._sectPr.find(W + "pgNumType")
        body_number = body._sectPr.find(W + "pgNumType")
        assert front_number.get(W + "fmt") == "lowerRoman"
        assert body_number.get(W + "fmt") in (None, "decimal") and body_number.get(W + "start") == "1"
        # the cover carries no number; every other page of both sections shows its number
        assert front.different_first_page_header_footer and not _has_page_field(front.first_page_footer)
        assert _has_page_field(front.footer) and _has_page_field(body.footer)
        assert not body.different_first_page_header_footer


def test_the_paper_also_changes_the_flowchart_pages(books):
    """A4 is not F4 with another page size: the flowchart pages are laid out for it."""
    for sample in SAMPLES:
        f4, a4 = books[(sample.stem, "F4")], books[(sample.stem, "A4")]
        f4_rows = [len(rows) for _, flows in sop_parts(f4) for rows in flows]
        a4_rows = [len(rows) for _, flows in sop_parts(a4) for rows in flows]
        assert sum(a4_rows) >= sum(f4_rows)
    assert any(books[(s.stem, "A4")].pages > books[(s.stem, "F4")].pages for s in SAMPLES)


def test_drawing_ids_are_unique(books):
    for built in books.values():
        ids = [d.get("id") for d in built.document.element.body.iter(WP + "docPr")]
        assert ids, built.path
        assert len(ids) == len(set(ids)), built.path


def test_drawings_written_otherwise_are_numbered_in_the_tree():
    """Drawings are numbered in the rendered XML when Word's spelling is found for every one; a
    template whose picture names its id after another attribute is numbered in the tree instead,
    so no two drawings ever share an id."""
    from sopdocs.render.engine import _Template
    from sopdocs.templates_docx import default_template

    template = _Template(str(default_template("sop.docx")))
    template.docx_ids_index = 1000
    word = '<wp:docPr id="7" name="Gambar 1"/><wp:docPr id="7" name="Gambar 2"/>'
    assert template._numbered_drawings(word) == ('<wp:docPr id="1001" name="Gambar 1"/>'
                                                 '<wp:docPr id="1002" name="Gambar 2"/>')
    assert template.docx_ids_index == 1002
    assert template._numbered_drawings(word + '<wp:docPr name="Gambar 3" id="7"/>') is None
    assert template.docx_ids_index == 1002


def test_package_is_sound(books):
    for built in books.values():
        assert package_problems(built.path) == [], built.path


@pytest.mark.skipif(not INTEGRITY.is_file(), reason="docx_integrity.py tidak ada")
def test_package_integrity(books):
    run = subprocess.run([sys.executable, str(INTEGRITY), *(str(b.path) for b in books.values())],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr


# -- holding in Word ------------------------------------------------------------------------------

def every_book(books):
    """Every .docx the sample builds wrote (SOP and SP books), both papers."""
    return sorted({path for built in books.values() for path in built.result.outputs if path.suffix == ".docx"})


def text_widths(document) -> list[tuple[object, int]]:
    """Each top-level table with the text width (twips) of its section, read from the XML."""
    body, found = document.element.body, []
    sect_pr = body.find(W + "sectPr")
    for element in reversed(body):
        sect_pr = element.find(f"{W}pPr/{W}sectPr") if element.find(f"{W}pPr/{W}sectPr") is not None else sect_pr
        if element.tag == W + "tbl":
            size, margins = sect_pr.find(W + "pgSz"), sect_pr.find(W + "pgMar")
            found.append((element, int(size.get(W + "w")) - int(margins.get(W + "left")) - int(margins.get(W + "right"))))
    return found


def test_every_table_fits_between_the_margins(books):
    for path in every_book(books):
        tables = text_widths(docx.Document(str(path)))
        assert tables, path
        for table, width in tables:
            grid = sum(int(col.get(W + "w")) for col in table.iter(W + "gridCol"))
            assert grid <= width, (path.name, text_of(table)[:60], grid, width)


def test_no_schema_findings(books):
    from openxml_audit import OpenXmlValidator

    validator = OpenXmlValidator()
    for path in every_book(books):
        findings = [f"{e.path}: {e.description}" for e in validator.validate(str(path)).errors]
        assert findings == [], (path.name, findings[:5])
        with zipfile.ZipFile(path) as package:
            assert not [n for n in package.namelist() if "stylesWithEffects" in n], path.name


def _style_chain(styles, style_id):
    while style_id in styles:
        yield styles[style_id]
        based = styles[style_id].find(W + "basedOn")
        style_id = based.get(W + "val") if based is not None else None


def outline_titles(document) -> list[tuple[int, str]]:
    """The paragraphs Word lists in its Navigation Pane: (level, text), from direct formatting or style."""
    styles = {s.get(W + "styleId"): s for s in document.styles.element.iter(W + "style")}
    found = []
    for p in document.element.body.iter(W + "p"):
        if _in_textbox(p):
            continue
        level = p.find(f"{W}pPr/{W}outlineLvl")
        style = p.find(f"{W}pPr/{W}pStyle")
        for candidate in ([] if level is not None or style is None else _style_chain(styles, style.get(W + "val"))):
            level = candidate.find(f"{W}pPr/{W}outlineLvl")
            if level is not None:
                break
        if level is not None and int(level.get(W + "val")) < 9:
            found.append((int(level.get(W + "val")), squash(text_of(p))))
    return found


def test_indonesian_spelling_and_headings_for_the_navigation_pane(book):
    styles = book.document.styles.element
    assert styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang").get(W + "val") == "id-ID"
    normal = next(s for s in styles.iter(W + "style") if s.get(W + "default") == "1" and s.get(W + "type") == "paragraph")
    assert normal.find(f"{W}rPr/{W}lang").get(W + "val") == "id-ID"
    assert all(lang.get(W + "val") == "id-ID" for lang in book.document.element.iter(W + "lang"))
    titles = outline_titles(book.document)
    parts = [text for level, text in titles if level == 0]
    assert parts[0].startswith("KEPUTUSAN ")
    assert parts[1:4] == ["DAFTAR ISI", "PENJELASAN SINGKAT PENGGUNAAN", "DAFTAR STANDAR OPERASIONAL PROSEDUR"]
    assert [text.split(":")[0] for text in parts[4:]] == ["LAMPIRAN 1", "LAMPIRAN 2"]
    assert [text for level, text in titles if level == 1] == [squash(s.nama) for s in book.sops]


def test_daftar_isi_entries_are_pageref_links_to_bookmarks(book):
    """Each numbered entry links to a bookmark on the part it cites, with a PAGEREF field whose
    shown result is the number the book prints."""
    body = book.document.element.body
    bookmarks = {b.get(W + "name"): b for b in body.iter(W + "bookmarkStart")}
    rows = dict((squash(t), n) for t, n in daftar_isi(book) if n)
    links = [link for link in body.iter(W + "hyperlink") if link.get(W + "anchor")]
    assert len(links) == len(rows)
    for link in links:
        name = link.get(W + "anchor")
        texts = [t.text or "" for t in link.iter(W + "t")]
        title, shown = squash("".join(texts[:-1])), texts[-1]  # the last text is the field's result
        instructions = "".join(i.text for i in link.iter(W + "instrText")).split()
        # a body page is a PAGEREF field; a roman front-matter page plain text (LibreOffice would print digits)
        assert instructions == (["PAGEREF", name, "\\h"] if shown.isdigit() else []), (shown, instructions)
        target = bookmarks[name]
        paragraph = target.getparent()
        top = paragraph
        while top.getparent() is not body:
            top = top.getparent()
        cited = squash(text_of(top))
        entry = next(t for t in rows if title == t)
        assert shown == rows[entry], (entry, shown)
        if re.match(r"\d+\. ", entry):  # an SOP: its identity table
            assert top.tag == W + "tbl" and "Tanggal Pembuatan" in cited and squash(entry.split(". ", 1)[1]) in cited
        else:
            assert cited.upper().startswith(entry.split(":")[0].upper()[:20]), (entry, cited[:40])


def test_the_body_ends_with_a_paragraph_of_its_own(books):
    for path in every_book(books):
        body = docx.Document(str(path)).element.body
        last = [e for e in body if e.tag in (W + "p", W + "tbl")][-1]
        assert last.tag == W + "p" and not text_of(last).strip(), path.name


# -- workbook text is data ------------------------------------------------------------------------

NASTY_NAME = "Izin <Usaha> & \"Toko\" {{ x }} {% if y %}z{% endif %}"
NASTY_ITEMS = ["Perda Nomor 5 & 6 <tentang> {{ instansi.nama }}", "{%p for a in b %}{{ a }}{%p endfor %} &amp; ]]>"]
NASTY_SKPD = "DINAS KOPERASI & UKM <TEST>"


@pytest.fixture(scope="module")
def nasty(tmp_path_factory) -> Built:
    folder = tmp_path_factory.mktemp("nasty")
    path = write_workbook(folder / "nasty.xlsx", {
        "Instansi": instansi_rows(**{"Perangkat Daerah": NASTY_SKPD}),
        "SOP 01": sop_rows(**{"Nama SOP": NASTY_NAME, "Dasar Hukum": "\n".join(f"{i}. {t}" for i, t in
                                                                               enumerate(NASTY_ITEMS, 1)),
                              "Tanggal Revisi": None}),
    })
    return Built(path, "F4", folder)


def test_workbook_text_prints_verbatim(nasty):
    assert nasty.doc.sops[0].nama == NASTY_NAME and nasty.doc.sops[0].dasar_hukum == NASTY_ITEMS
    (identity, flowcharts), = sop_parts(nasty)
    assert identity[5][2] == NASTY_NAME
    assert identity[6][0].split("\n") == ["Dasar Hukum:", *(f"{i}. {t}" for i, t in enumerate(NASTY_ITEMS, 1))]
    assert identity[2][2] == "-"  # no Tanggal Revisi
    assert NASTY_SKPD in identity[0][0]
    assert f"1. {NASTY_NAME}" in [title for title, _ in daftar_isi(nasty)]
    outline = nasty.outline
    cover = outline.text(0, outline.heading("KEPUTUSAN"))
    assert NASTY_SKPD in cover
    _, rows = outline.table_after(outline.heading("DAFTAR STANDAR OPERASIONAL PROSEDUR"))
    assert rows[1][2] == NASTY_NAME
    for heading in ("LAMPIRAN 1", "LAMPIRAN 2"):
        assert outline.table_after(outline.heading(heading))[1][2][1] == NASTY_NAME
    assert "\u00a7SOPDOCS" not in "".join(nasty.document.element.body.itertext())


def test_workbook_text_that_looks_like_a_page_token_prints_verbatim(tmp_path):
    name = "Layanan \u27e60\u27e7 Khusus"
    path = write_workbook(tmp_path / "token.xlsx", {"Instansi": instansi_rows(),
                                                    "SOP 01": sop_rows(**{"Nama SOP": name})})
    built = Built(path, "F4", tmp_path)
    (identity, _), = sop_parts(built)
    assert identity[5][2] == name


def test_workbook_text_package_integrity(nasty):
    assert package_problems(nasty.path) == []
    if not INTEGRITY.is_file():
        pytest.skip("docx_integrity.py tidak ada")
    run = subprocess.run([sys.executable, str(INTEGRITY), str(nasty.path)], capture_output=True, text=True,
                         timeout=60)
    assert run.returncode == 0, run.stdout + run.stderr


# -- the printed pages (LibreOffice) ---------------------------------------------------------------

PDF_TOOLS = shutil.which("soffice") and shutil.which("pdftotext") and shutil.which("pdfinfo")
ROMAN = (("m", 1000), ("cm", 900), ("d", 500), ("cd", 400), ("c", 100), ("xc", 90), ("l", 50), ("xl", 40),
         ("x", 10), ("ix", 9), ("v", 5), ("iv", 4), ("i", 1))
ENTRY = re.compile(r"^\s*(\S.*?)[\s.]*?\.{2,}\s*(\d+|[ivxlcdm]+)\s*$")  # title, dot leader, number


def roman(number: int) -> str:
    out = ""
    for letters, value in ROMAN:
        while number >= value:
            out, number = out + letters, number - value
    return out


@pytest.fixture(scope="module")
def pdfs(books) -> dict[tuple[str, str], Path]:
    """Every sample book in both papers as PDF, in one LibreOffice run."""
    if not PDF_TOOLS:
        pytest.skip("LibreOffice atau poppler (pdftotext) tidak terpasang")
    from sopdocs.pdf import to_pdf

    made = to_pdf([b.path for b in books.values()], jobs=1)
    out = {}
    for key, built in books.items():
        assert isinstance(made[built.path], Path), made[built.path]
        out[key] = made[built.path]
    return out


def pdf_pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return pages


def last_line(page: str) -> str:
    lines = [line.strip() for line in page.splitlines() if line.strip()]
    return lines[-1] if lines else ""


def page_sizes(pdf: Path, count: int) -> list[tuple[float, float]]:
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", str(count), str(pdf)], check=True, capture_output=True,
                          text=True).stdout
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("sample", [w.stem for w in SAMPLES])
def test_printed_pages_match_the_daftar_isi(books, pdfs, sample, paper):
    built = books[(sample, paper)]
    pages = pdf_pages(pdfs[(sample, paper)])
    assert len(pages) == built.pages

    # the footers: no number on the cover, ii, iii, ... on the front matter, then 1, 2, ... on the SOPs
    footers = [last_line(page) for page in pages]
    assert not re.fullmatch(r"\d+|[ivxlcdm]+", footers[0])
    front = next(i for i, f in enumerate(footers) if f == "1")
    assert footers[1:front] == [roman(n) for n in range(2, front + 1)]
    assert footers[front:] == [str(n) for n in range(1, len(pages) - front + 1)]
    printed = {footer: index for index, footer in enumerate(footers) if index}

    # portrait front matter, landscape SOP pages, of the chosen paper (in points)
    short, long = (mm * 72 / 25.4 for mm in PAPERS[paper])
    for index, (width, height) in enumerate(page_sizes(pdfs[(sample, paper)], len(pages))):
        expected = (short, long) if index < front else (long, short)
        assert abs(width - expected[0]) < 2 and abs(height - expected[1]) < 2, (index + 1, width, height)

    # the Keputusan's signature never stands alone on a page: its last dictum is with it
    signed = next(page for page in pages if "Ditetapkan di" in page)
    assert "KETIGA" in signed

    # the Daftar Isi as printed: from its heading to the page where the Penjelasan starts
    first = next(i for i, page in enumerate(pages) if "DAFTAR ISI" in [line.strip() for line in page.splitlines()])
    last = next(i for i, page in enumerate(pages) if "PENJELASAN SINGKAT PENGGUNAAN" in page and i > first)
    printed_entries = []
    for page in pages[first:last]:
        lines = [line for line in page.splitlines() if line.strip()][:-1]  # without the footer
        printed_entries += [(squash(m.group(1)), m.group(2)) for m in map(ENTRY.match, lines) if m]
    expected = [(title, number) for title, number in daftar_isi(built) if number]
    assert len(printed_entries) == len(expected), printed_entries
    for (title, number), (shown, shown_number) in zip(expected, printed_entries):
        assert squash(title).startswith(shown) and shown_number == number, (title, number, shown, shown_number)

    # each entry's number is the printed page where that part is
    sop_pages = set()
    for (title, number), sop in zip([e for e in expected if re.match(r"\d+\. ", e[0])], built.sops):
        page = pages[printed[number]]
        assert "Tanggal Pembuatan" in page and squash(sop.nama) in squash(page), (title, number)
        assert squash(sop.nomor) in squash(page)
        sop_pages.add(printed[number])
    # and an identity part is on exactly those pages
    assert {i for i, page in enumerate(pages) if "Tanggal Pembuatan" in page} == sop_pages
    others = {"Penjelasan Singkat Penggunaan": "PENJELASAN SINGKAT PENGGUNAAN",
              "Daftar Standar Operasional Prosedur": "DAFTAR STANDAR OPERASIONAL PROSEDUR",
              "Lampiran 1": "LAMPIRAN 1", "Lampiran 2": "LAMPIRAN 2"}
    for title, number in expected:
        for start, heading in others.items():
            if title.startswith(start):
                assert heading in pages[printed[number]], (title, number)
    assert "LAMPIRAN 2" in pages[-1]
