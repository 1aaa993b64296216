"""Workbook text that looks like one of sopdocs' placeholders prints as typed, in every field of
both books, and the placeholders still do their work (flowcharts in place, page numbers filled)."""
from __future__ import annotations

import re

import docx
import pytest

from conftest import STEPS, identity_rows, instansi_rows, sp_rows, table_rows, write_workbook
from sopdocs.pipeline import Options, build
from sopdocs.render.markers import Markers
from sopdocs.render.pagination import W

FAKE = "042195"
# Every shape a placeholder had or has: the old SP heading mark, the old flowchart marker, the old
# page token, the hex secrets, and the present secret format (digits) of each kind.
LOOKALIKES = ["\u00a71\u00a7", "\u00a7SOPDOCS-FLOWCHART-0\u00a7", "\u00a7SOPDOCS-FLOWCHART-1\u00a7",
              "\u27e6a1b2c3d4e5f6:0\u27e7", "\u27e60a1b2c:0\u27e7", f"\u27e6{FAKE}:0\u27e7", f"\u27e6{FAKE}:1\u27e7"]


def nasty(field: str) -> str:
    return f"{field} Tarif {' '.join(LOOKALIKES)} rupiah"


INSTANSI = ["Pemerintah", "Perangkat Daerah", "Alamat", "Jabatan Pimpinan", "Nama Pimpinan", "Pangkat Pimpinan",
            "Ruang Lingkup", "Ringkasan", "Definisi", "Maklumat Pelayanan"]
IDENTITY = ["Nama SOP", "Unit Kerja", "Dasar Hukum", "Kualifikasi Pelaksana", "Keterkaitan",
            "Peralatan/Perlengkapan", "Peringatan", "Pencatatan dan Pendataan"]
SP = ["Jenis Pelayanan", "Persyaratan", "Biaya/Tarif", "Produk Pelayanan",
      "Penanganan Pengaduan, Saran, dan Masukan", "Dasar Hukum", "Kompetensi Pelaksana"]


def sop_sheet(n: int) -> list[list]:
    identity = identity_rows(**{label: nasty(f"{label} {n}") for label in IDENTITY}, **{"Nomor SOP": f"800/0{n}"})
    steps = [[nasty(f"Kegiatan {n}.{i}") if i == 1 else kegiatan, marks, nasty(f"Kelengkapan {n}.{i}"), waktu,
              nasty(f"Output {n}.{i}"), nasty(f"Keterangan {n}.{i}"), ya, tidak]
             for i, (kegiatan, marks, _, waktu, _, _, ya, tidak) in enumerate(STEPS, 1)]
    return [*identity, [], *table_rows(steps)]


@pytest.fixture(scope="module")
def books(tmp_path_factory):
    folder = tmp_path_factory.mktemp("markers")
    sheets = {"Instansi": instansi_rows(**{label: nasty(label) for label in INSTANSI})}
    for n in (1, 2):
        sheets[f"SOP {n}"] = sop_sheet(n)
    for n in (1, 2):
        sheets[f"SP {n}"] = sp_rows(**{label: nasty(f"{label} {n}") for label in SP},
                                    **{"Sistem, Mekanisme, dan Prosedur": f"SOP: {nasty(f'Nama SOP {n}')}"})
    path = write_workbook(folder / "dinas.xlsx", sheets)
    [result] = build([path], folder / "hasil", Options(jobs=1))
    assert result.ok, result.error or [str(f) for f in result.findings]
    assert not result.findings.errors
    return {p.stem.rsplit("_", 1)[-1]: docx.Document(p) for p in result.outputs}


def paragraphs(document) -> list[str]:
    """The text of every paragraph of the body, those in table cells and text boxes too."""
    return [" ".join("".join(t.text or "" for t in p.iter(W + "t")).split()) for p in document.element.body.iter(W + "p")]


def printed(document, text: str) -> bool:
    """Whether a paragraph holds `text`; in any letter case, as the cover and titles print in capitals."""
    return any(text.casefold() in p.casefold() for p in paragraphs(document))


@pytest.mark.parametrize("label", INSTANSI[:6])
def test_instansi_fields_print_verbatim_in_both_books(books, label):
    assert printed(books["SOP"], nasty(label))
    assert printed(books["SP"], nasty(label))


@pytest.mark.parametrize("label", IDENTITY)
def test_sop_identity_prints_verbatim(books, label):
    for n in (1, 2):
        assert printed(books["SOP"], nasty(f"{label} {n}"))


def test_the_lists_of_the_books_print_verbatim(books):
    for label in ("Ruang Lingkup", "Ringkasan", "Definisi"):
        assert printed(books["SOP"], nasty(label)), label
    assert printed(books["SP"], nasty("Maklumat Pelayanan"))


def test_activities_print_verbatim_in_the_flowcharts_and_the_linked_procedure(books):
    """Flowchart cells wrap their text over lines; the placeholders' look-alikes have no spaces,
    so each prints whole, and every one as many times as the workbook holds it."""
    text = " ".join(paragraphs(books["SOP"]))
    for n in (1, 2):
        for column in ("Kelengkapan", "Output", "Keterangan"):
            for i in range(1, len(STEPS) + 1):
                assert f"{column} {n}.{i}" in text
    for lookalike in LOOKALIKES:
        assert text.count(lookalike) >= text.count("Tarif") > 0, lookalike
    for n in (1, 2):
        assert printed(books["SP"], nasty(f"Kegiatan {n}.1"))


@pytest.mark.parametrize("label", SP)
def test_service_components_print_verbatim(books, label):
    for n in (1, 2):
        assert printed(books["SP"], nasty(f"{label} {n}"))


def test_the_placeholders_still_work(books):
    """The real markers are all gone: flowcharts in their places, page numbers in the Daftar Isi."""
    for name, document in books.items():
        body = " ".join(paragraphs(document))
        assert not re.search("\u27e6(?!" + FAKE + ")[0-9]{6}:", body), name
    captions = [p for p in books["SOP"].element.body.iter(W + "bookmarkStart")
                if p.get(W + "name", "").startswith("_sopdocs_")]
    assert len(captions) == 2
    for name, field in (("SOP", "Nama SOP"), ("SP", "Jenis Pelayanan")):
        pages = contents_pages(books[name])
        for n in (1, 2):
            [page] = [page for title, page in pages.items() if nasty(f"{field} {n}") in title]
            assert page.isdigit() and int(page) > 0, (name, n, page)


def contents_pages(document) -> dict[str, str]:
    """{title: page} of the Daftar Isi lines: paragraphs whose tab separates a title from its page."""
    lines = {}
    for p in document.element.body.iter(W + "p"):
        text = "".join("\t" if n.tag == W + "tab" else n.text or "" for n in p.iter(W + "t", W + "tab")
                       if n.getparent().tag == W + "r")
        title, tab, page = text.rpartition("\t")
        if tab and title.strip():
            lines[" ".join(title.split())] = page.strip()
    return lines


def test_markers_are_secret_per_book():
    first, second = Markers(), Markers()
    assert first(0) != second(0)
    assert second.replace(f"a {first(0)} b {second(0)}", lambda i: "X") == f"a {first(0)} b X"


def test_a_placeholder_measures_the_same_in_every_run():
    """The pagination measures placeholders before they are replaced: drawn afresh for each book,
    a secret of another width would move a page break from one run of the same build to the next."""
    from sopdocs.layout.text import font

    widths = {font(size, bold).width(Markers()(12)) for size in (9, 11, 12) for bold in (False, True)
              for _ in range(50)}
    assert len(widths) == 6
