"""The Standar Pelayanan book: fourteen components in order, the linked SOP's activities, the
Maklumat Pelayanan, the public variant, and Daftar Isi page numbers that match the PDF."""
import re
import subprocess
from pathlib import Path

import docx
import pytest

from conftest import instansi_rows, needs_soffice, sop_rows
from docx_checks import package_problems
from sopdocs import pipeline
from sopdocs.pipeline import Options
from sopdocs.model import KOMPONEN
from sopdocs.render.sp import MAKLUMAT

FULL_SP = {
    "Jenis Pelayanan": "Penerbitan KTP-el",
    "Persyaratan": "1. Fotokopi KK\n2. Surat pengantar RT",
    "Sistem, Mekanisme, dan Prosedur": "SOP: Pelayanan Penerbitan KTP-el",
    "Jangka Waktu Pelayanan": "2 hari kerja",
    "Biaya/Tarif": "Rp0,00 (gratis)",
    "Produk Pelayanan": "KTP-el",
    "Penanganan Pengaduan, Saran, dan Masukan": "Kotak saran\nSP4N-LAPOR!",
    "Dasar Hukum": "UU 24/2013\nPerpres 96/2018",
    "Sarana dan Prasarana, dan/atau Fasilitas": "Ruang tunggu",
    "Kompetensi Pelaksana": "Memahami SIAK",
    "Pengawasan Internal": "Kepala Bidang",
    "Jumlah Pelaksana": "4 orang",
    "Jaminan Pelayanan": "Tepat waktu",
    "Jaminan Keamanan dan Keselamatan Pelayanan": "Data dijaga kerahasiaannya",
    "Evaluasi Kinerja Pelaksana": "Survei kepuasan setiap semester",
}


def cells_text(document) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]


def body_text(document) -> str:
    return "\n".join(p.text for p in document.paragraphs)


@pytest.fixture
def sp_book(build, tmp_path):
    def _build(sp=FULL_SP, publik=False, **instansi):
        path = build({"Instansi": instansi_rows(**instansi), "SOP 01": sop_rows(), "SP 01": [[k, v] for k, v in sp.items()]})
        result = pipeline.build([path], tmp_path / "hasil", Options(publik=publik, jobs=1))[0]
        assert result.ok, result.findings
        book = next(p for p in result.outputs if "_SP" in p.name)
        return book, docx.Document(str(book))
    return _build


def component_rows(document) -> list[tuple[str, str, str]]:
    return [tuple(row[:3]) for row in cells_text(document) if len(row) >= 3 and row[0].isdigit()]


def test_full_sp_lists_the_fourteen_components_in_order(sp_book):
    path, document = sp_book()
    rows = component_rows(document)
    assert [r[1] for r in rows] == [k.label for k in KOMPONEN]
    assert [r[0] for r in rows] == [str(n) for n in range(1, 7)] + [str(n) for n in range(1, 9)]
    uraian = {r[1]: r[2] for r in rows}
    assert uraian["Persyaratan"] == "1. Fotokopi KK\n2. Surat pengantar RT"
    assert uraian["Biaya/tarif"] == "Rp0,00 (gratis)"
    assert uraian["Jumlah pelaksana"] == "4 orang"
    text = "\n".join(" ".join(r) for r in cells_text(document))
    assert "A. Komponen Standar Pelayanan yang terkait dengan proses penyampaian pelayanan" in text
    assert "B. Komponen Standar Pelayanan yang terkait dengan proses pengelolaan pelayanan" in text
    assert "PENERBITAN KTP-EL" in body_text(document)
    assert package_problems(path) == []


def test_linked_sop_activities_with_their_actors(sp_book):
    _, document = sp_book()
    prosedur = next(r[2] for r in component_rows(document) if r[1] == "Sistem, mekanisme, dan prosedur")
    lines = prosedur.split("\n")
    assert lines[0] == "Sesuai SOP 800/01/DUKCAPIL/2024 Pelayanan Penerbitan KTP-el:"
    assert lines[1] == "1. Mengajukan permohonan KTP-el (Pemohon)"
    assert lines[2] == "2. Memeriksa kelengkapan berkas (Petugas Loket)"
    assert lines[5] == "5. Menerima KTP-el (Pemohon)"
    assert len(lines) == 6


def test_maklumat_default_pledge_and_signatory(sp_book):
    _, document = sp_book()
    text = body_text(document)
    maklumat = text[text.index("MAKLUMAT PELAYANAN\n"):]
    assert MAKLUMAT in maklumat
    signature = "\n".join(row[-1] for row in cells_text(document) if "NIP." in row[-1])
    assert "Drs. AMIR HUSIN" in signature and "NIP. 196801011990031001" in signature


def test_maklumat_text_from_the_instansi_sheet(sp_book):
    _, document = sp_book(**{"Maklumat Pelayanan": "Kami siap melayani dengan ramah.\nTanpa pungutan liar."})
    text = body_text(document)
    assert "Kami siap melayani dengan ramah." in text and "Tanpa pungutan liar." in text
    assert MAKLUMAT not in text


def test_publik_keeps_only_service_delivery(sp_book):
    path, document = sp_book(publik=True)
    assert path.name.endswith("_SP_publik.docx")
    assert [r[1] for r in component_rows(document)] == [k.label for k in KOMPONEN if k.group == "A"]
    assert "B. Komponen" not in "\n".join(" ".join(r) for r in cells_text(document))


def test_workbook_text_is_printed_verbatim(sp_book):
    sp = FULL_SP | {"Produk Pelayanan": 'KTP-el <b>&"{{ x }}"{% if 1 %}'}
    _, document = sp_book(sp=sp)
    assert 'KTP-el <b>&"{{ x }}"{% if 1 %}' in "\n".join(r[2] for r in component_rows(document))


def test_workbook_without_sp_sheets_says_so(build, tmp_path):
    path = build({"Instansi": instansi_rows(), "SOP 01": sop_rows()})
    result = pipeline.build([path], tmp_path / "hasil", Options(jobs=1))[0]
    assert [p.name for p in result.outputs] == ["DISDUKCAPIL_SOP.docx"]
    assert any("Standar Pelayanan" in note for note in result.notes)


@needs_soffice
def test_daftar_isi_pages_match_the_pdf(tmp_path):
    from sopdocs.pdf import to_pdf

    result = pipeline.build([Path(__file__).parent.parent / "samples" / "disdukcapil-bener-meriah.xlsx"], tmp_path, Options(jobs=1))[0]
    book = next(p for p in result.outputs if p.name.endswith("_SP.docx"))
    pdf = to_pdf([book])[book]
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout.split("\f")
    pages = [p for p in pages if p.strip()]
    contents = next(p for p in pages if "DAFTAR ISI" in p)
    entries = re.findall(r"^\s*(\d+\. Standar Pelayanan .+?|Maklumat Pelayanan)\.{2,}\s*(\d+)\s*$", contents, re.M)
    assert len(entries) == 4
    printed = {p.strip().splitlines()[-1].strip(): p for p in pages}  # the footer's page number
    for title, number in entries:
        if title.startswith("Maklumat"):  # its own page, last, and unnumbered: it is hung up
            assert "MAKLUMAT PELAYANAN" in pages[-1] and number not in printed
            assert str(int(number) - 1) in printed
        else:
            page = printed[number]
            name = title.split("Standar Pelayanan ", 1)[1]
            assert "STANDAR PELAYANAN" in page and name.upper()[:30] in re.sub(r"\s+", " ", page)


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_a_jenis_starting_with_pelayanan_is_not_doubled(sp_book):
    _, document = sp_book(sp=FULL_SP | {"Jenis Pelayanan": "Pelayanan Perekaman KTP-el"})
    text = body_text(document)
    assert "Standar Pelayanan Perekaman KTP-el" in text and "Pelayanan Pelayanan" not in text
    heading = next(p for p in document.paragraphs if "PEREKAMAN KTP-EL" in p.text)
    assert heading.text == "STANDAR PELAYANAN\nPEREKAMAN KTP-EL"  # one heading, two lines, as before
    assert "PELAYANAN PELAYANAN" not in text


def test_maklumat_is_a_section_without_a_page_number(sp_book):
    _, document = sp_book()
    maklumat = document.sections[-1]
    body = maklumat._sectPr
    assert len(document.sections) == 3
    assert "MAKLUMAT PELAYANAN" in body_text(document).split("STANDAR PELAYANAN\n")[-1]
    footers = [maklumat.footer, maklumat.first_page_footer]
    assert all(not any("PAGE" in (t.text or "") for t in f._element.iter(W + "instrText")) for f in footers)
    assert not maklumat.footer.is_linked_to_previous
    # the Standar Pelayanan pages before it still carry their numbers
    assert any("PAGE" in (t.text or "") for t in document.sections[1].footer._element.iter(W + "instrText"))
    assert body.find(W + "pgNumType").get(W + "start") is None


def test_component_rows_stay_together(sp_book):
    """Every row of a component table is kept whole and with the next one, but the last row,
    so the table moves to a new page whole and holds on to nothing after it."""
    _, document = sp_book()
    tables = [t for t in document.tables if len(t.rows) > 2 and t.rows[1].cells[1].text == "Komponen"]
    assert len(tables) == 2
    for table in tables:
        rows = table._tbl.findall(W + "tr")
        assert all(r.find(f"{W}trPr/{W}cantSplit") is not None for r in rows)
        for row in rows[:-1]:
            assert all(p.find(f"{W}pPr/{W}keepNext") is not None for p in row.iter(W + "p"))
        assert not list(rows[-1].iter(W + "keepNext"))
        assert all(len(tc.findall(f"{W}tcPr/{W}shd")) <= 1 for tc in table._tbl.iter(W + "tc"))


def pdf_pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    return [p for p in text.split("\f") if p.strip()]


@needs_soffice
def test_a_component_table_that_does_not_fit_moves_whole(sp_book, tmp_path):
    """Group A long enough that group B does not fit under it: B starts the next page with all
    its rows, and the Daftar Isi's number for the Maklumat is still the page where it is."""
    from sopdocs.pdf import to_pdf

    long_list = "\n".join(f"Persyaratan tambahan nomor {n} yang harus dilampirkan pemohon" for n in range(1, 31))
    path, _ = sp_book(sp=FULL_SP | {"Persyaratan": long_list})
    pages = pdf_pages(to_pdf([path])[path])
    contents = next(p for p in pages if "DAFTAR ISI" in p)
    first = next(i for i, p in enumerate(pages) if "Persyaratan tambahan nomor 1 " in p)
    group_b = [i for i, p in enumerate(pages) if "B. Komponen Standar Pelayanan" in p]
    assert group_b == [first + 1], group_b
    assert "Evaluasi kinerja" in pages[first + 1] and "Dasar hukum" in pages[first + 1]
    assert "Evaluasi kinerja" not in pages[first]
    maklumat = int(re.search(r"Maklumat Pelayanan\.{2,}\s*(\d+)", contents).group(1))
    assert "MAKLUMAT PELAYANAN" in pages[first - 1 + maklumat]
