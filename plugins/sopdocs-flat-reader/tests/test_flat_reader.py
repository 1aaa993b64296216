"""The flat-layout reader, installed (entry point `sopdocs` -> `flat_reader`): a Daftar SOP sheet
and a Langkah sheet become the usual model, findings point at the right sheet and cell, and
workbooks of the default layout are still read by the default reader.

Run from the repository: `pip install -e plugins/sopdocs-flat-reader` then
`python -m pytest -q plugins/sopdocs-flat-reader`.
"""
from __future__ import annotations

import dataclasses
import re
import zipfile
from collections import Counter
from pathlib import Path

import pytest

sopdocs_flat_reader = pytest.importorskip("sopdocs_flat_reader")
docx = pytest.importorskip("docx")

from sopdocs import pipeline  # noqa: E402
from sopdocs.model import CellRef  # noqa: E402
from sopdocs.model import Sop, Symbol  # noqa: E402
from sopdocs.plugins import Plugins  # noqa: E402
from sopdocs.reader import read_sheets  # noqa: E402
from sopdocs.findings import Findings  # noqa: E402
from sopdocs.pipeline import Options, check_workbook  # noqa: E402
from sopdocs_flat_reader import FlatSop, read_flat  # noqa: E402
from sopdocs.testing import write_workbook  # noqa: E402
from sopdocs_flat_reader.contoh import (  # noqa: E402
    DAFTAR, DAFTAR_HEADER, LANGKAH, LANGKAH_HEADER, SHAPES, sample_sheets, write_sample,
)

PRESET = re.compile(r'<a:prstGeom prst="(flowChart\w+)"')


def sheets_with(daftar=None, langkah=None, daftar_header=None, langkah_header=None, **extra) -> dict:
    """The sample's sheets with other Daftar SOP / Langkah rows (lists of rows without the header)."""
    sheets = sample_sheets()
    sheets["Daftar SOP"] = [list(row) for row in [daftar_header or DAFTAR_HEADER, *(DAFTAR if daftar is None else daftar)]]
    sheets["Langkah"] = [list(row) for row in [langkah_header or LANGKAH_HEADER, *(LANGKAH if langkah is None else langkah)]]
    sheets.update(extra)
    return sheets


def langkah_rows(changes: dict[int, dict[str, object]]) -> list[list]:
    """The sample's Langkah rows with cells changed: {row index: {column title: value}}."""
    rows = [list(row) for row in LANGKAH]
    for index, cells in changes.items():
        for title, value in cells.items():
            rows[index][LANGKAH_HEADER.index(title)] = value
    return rows


def check(tmp_path: Path, sheets: dict, name: str = "datar.xlsx"):
    return check_workbook(write_workbook(tmp_path / name, sheets), Plugins())


def errors_at(findings, where: str) -> list:
    return [f for f in findings if f.is_error and f.where == where]


def presets(docx_path: Path) -> Counter:
    xml = zipfile.ZipFile(docx_path).read("word/document.xml").decode("utf-8")
    return Counter(PRESET.findall(xml))


def test_the_entry_point_is_found():
    assert "flat_reader" in dict(Plugins().manager.list_name_plugin())


def test_the_sample_checks_clean_and_reads_into_the_usual_model(tmp_path):
    checked = check_workbook(write_sample(tmp_path / "contoh.xlsx"), Plugins())
    assert checked.ok
    assert list(checked.findings) == []  # the sample's own Petunjuk sheet is passed over, like that of `sopdocs init`
    doc = checked.doc
    assert [s.nama for s in doc.sops] == ["Pelayanan Surat Keterangan Domisili", "Pengelolaan Surat Masuk"]
    first, second = doc.sops
    assert isinstance(first, FlatSop) and first.sop_id == "SOP-01"
    assert first.nomor == "100/01/SOP/KEC-BUKIT/2024" and first.unit_kerja == "Seksi Pemerintahan"
    assert first.tanggal_efektif.date.isoformat() == "2024-01-15"
    assert first.dasar_hukum[1] == "Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan"
    assert first.actors == ["Pemohon", "Petugas Loket", "Kasi Pemerintahan", "Camat"]
    assert [s.symbol for s in first.steps] == [Symbol.TERMINATOR, Symbol.DECISION, Symbol.PROCESS, Symbol.PROCESS,
                                               Symbol.TERMINATOR]
    assert [s.final for s in first.steps] == [False, False, False, False, True]
    decision = first.steps[1]
    assert (decision.no.target, decision.no.label) == (1, "Tidak lengkap") and decision.yes is None
    assert decision.waktu.minutes == 10 and first.steps[3].waktu.minutes == 8 * 60
    assert decision.cells["pelaksana"] == CellRef("Langkah", "D3")
    assert decision.cells["jika_tidak"] == CellRef("Langkah", "K3")
    assert second.actors == ["Pengadministrasi Umum", "Kasubbag Umum", "Sekretaris Camat", "Camat"]
    assert [s.actors for s in second.steps] == [[0], [1, 2], [3], [0]]  # a joint activity spans two columns
    assert doc.layanan[0].sop is first  # `SOP: <Nama SOP>` of a default SP sheet finds a flat SOP


def test_the_book_has_the_right_shapes_and_the_sop_names(tmp_path):
    result = pipeline.build([write_sample(tmp_path / "contoh.xlsx")], tmp_path / "hasil", Options(per_sop=True, jobs=1))[0]
    assert result.ok, result.findings
    book = next(p for p in result.outputs if p.name.endswith("_SOP.docx"))
    singles = sorted(p for p in result.outputs if p.parent.name.endswith("_SOP"))
    assert len(singles) == 2
    for single, sop_id in zip(singles, ("SOP-01", "SOP-02")):
        assert presets(single) == Counter(SHAPES[sop_id]), single.name
    assert presets(book) == Counter(SHAPES["SOP-01"]) + Counter(SHAPES["SOP-02"])
    document = docx.Document(str(book))
    rows = [[c.text.strip() for c in row.cells] for table in document.tables for row in table.rows]
    names = [row[i + 1] for row in rows for i, text in enumerate(row[:-1]) if text == "Nama SOP" and row[i + 1] != text]
    assert names[-2:] == ["Pelayanan Surat Keterangan Domisili", "Pengelolaan Surat Masuk"]  # after Daftar SOP's header
    assert ["1", "100/01/SOP/KEC-BUKIT/2024", "Pelayanan Surat Keterangan Domisili", "Seksi Pemerintahan"] in rows


def test_a_broken_workbook_gives_findings_at_langkah_cells(tmp_path):
    langkah = langkah_rows({
        1: {"Simbol": "X"},  # row 3: unknown symbol
        2: {"Pelaksana": ""},  # row 4: no actor
        7: {"Jika Tidak": "9"},  # row 9: a step that does not exist
        8: {"Waktu": "sebentar"},  # row 10: not understood (a warning)
    })
    langkah.append(["SOP-99", 1, "Kegiatan SOP yang tidak ada", "Camat", "", "", "", "", "", "", ""])  # row 11
    checked = check(tmp_path, sheets_with(langkah=langkah))
    assert not checked.ok
    findings = checked.findings
    assert "tidak dikenal" in errors_at(findings, "Langkah!E3")[0].message
    assert len(errors_at(findings, "Langkah!D4")) == 1  # once: the reader's words, not validation's too
    assert "Pelaksana kosong" in errors_at(findings, "Langkah!D4")[0].message
    assert "langkah 9" in errors_at(findings, "Langkah!K9")[0].message
    assert "SOP-99" in errors_at(findings, "Langkah!A11")[0].message
    assert any(f.where == "Langkah!G10" and f.level == "warning" for f in findings)
    sheets = set(checked.doc.sheets)
    assert all(f.sheet in sheets or not f.sheet for f in findings), [str(f) for f in findings]


def test_identity_findings_point_at_daftar_sop(tmp_path):
    daftar = [list(row) for row in DAFTAR]
    daftar[1][DAFTAR_HEADER.index("Nama SOP")] = daftar[0][DAFTAR_HEADER.index("Nama SOP")]  # a duplicate name
    daftar[1][DAFTAR_HEADER.index("Tanggal Efektif")] = "kapan-kapan"
    daftar.append(["SOP-03", "", "Tanpa Kegiatan", "", "", "", "", "", "", "", "", "", ""])  # row 4
    checked = check(tmp_path, sheets_with(daftar=daftar))
    duplicate = errors_at(checked.findings, "Daftar SOP!C3")
    assert duplicate and "sheet \"Daftar SOP\" (ID SOP-01)" in duplicate[0].message
    assert any(f.where == "Daftar SOP!G3" and f.level == "warning" for f in checked.findings)
    assert "belum punya kegiatan" in errors_at(checked.findings, "Daftar SOP!A4")[0].message


def test_steps_follow_their_numbers_and_ids_are_matched_loosely(tmp_path):
    langkah = list(reversed(LANGKAH))
    langkah = [[row[0].lower(), *row[1:]] for row in langkah]  # sop-01 = SOP-01
    checked = check(tmp_path, sheets_with(langkah=langkah))
    assert checked.ok, checked.findings
    assert [s.number for s in checked.doc.sops[0].steps] == [1, 2, 3, 4, 5]
    assert checked.doc.sops[0].actors == ["Pemohon", "Camat", "Kasi Pemerintahan", "Petugas Loket"]  # as they appear


def test_the_pelaksana_column_of_daftar_sop_orders_the_actor_columns(tmp_path):
    header = [*DAFTAR_HEADER, "Pelaksana"]
    daftar = [[*DAFTAR[0], "Pemohon\nPetugas Loket\nKasi Pemerintahan\nCamat"], [*DAFTAR[1], ""]]
    langkah = list(reversed(LANGKAH[:5])) + LANGKAH[5:]
    checked = check(tmp_path, sheets_with(daftar=daftar, langkah=langkah, daftar_header=header))
    assert checked.ok, checked.findings
    assert checked.doc.sops[0].actors == ["Pemohon", "Petugas Loket", "Kasi Pemerintahan", "Camat"]


def test_joint_actors_that_are_not_adjacent_say_how_to_fix_it_in_the_flat_layout(tmp_path):
    surat = [("Menerima surat masuk", "Pengadministrasi Umum"), ("Meneruskan surat", "Kasubbag Umum"),
             ("Memberi disposisi", "Camat"), ("Menelaah disposisi", "Pengadministrasi Umum + Camat"),  # row 10
             ("Mendistribusikan surat", "Pengadministrasi Umum")]
    langkah = LANGKAH[:5] + [["SOP-02", n, kegiatan, who, "", "", "", "", "", "", ""]
                             for n, (kegiatan, who) in enumerate(surat, 1)]
    checked = check(tmp_path, sheets_with(langkah=langkah))
    error = errors_at(checked.findings, "Langkah!D10")
    assert error and "tidak bersebelahan" in error[0].message
    hint = [f for f in checked.findings if f.level == "info" and f.where == "Langkah!D10"]
    assert hint and "kolom Pelaksana sheet Daftar SOP" in hint[0].message


def test_without_a_header_row_the_reader_says_where(tmp_path):
    checked = check(tmp_path, sheets_with(langkah_header=["Nomor", "Uraian", "Siapa"]))
    assert "ID SOP" in errors_at(checked.findings, "Langkah!A1")[0].message


def test_a_default_layout_workbook_is_still_read_by_the_default_reader(tmp_path):
    sop = [["Nama SOP", "Pelayanan Surat Keterangan Domisili"], ["Tanggal Pembuatan", "2 Januari 2024"],
           ["Tanggal Efektif", "15 Januari 2024"], ["Dasar Hukum", "UU 23/2014"], [],
           ["No", "Kegiatan", "Pemohon", "Petugas", "Kelengkapan", "Waktu", "Output"],
           [1, "Mengajukan permohonan", "x", None, "Formulir", "5 menit", "Berkas"],
           [2, "Memproses permohonan", None, "x", "Berkas", "10 menit", "Surat"],
           [3, "Menerima surat", "x", None, "Surat", "5 menit", "Surat"]]
    sheets = {"Instansi": sample_sheets()["Instansi"], "SOP 01": sop}
    path = write_workbook(tmp_path / "biasa.xlsx", sheets)
    assert read_flat(path, read_sheets(path), Findings()) is None
    checked = check_workbook(path, Plugins())
    assert checked.ok, checked.findings
    assert type(checked.doc.sops[0]) is Sop and checked.doc.sops[0].sheet == "SOP 01"
    without = Plugins()
    without.manager.unregister(name="flat_reader")
    alone = check_workbook(path, without)
    assert dataclasses.asdict(alone.doc) == dataclasses.asdict(checked.doc)
    assert list(alone.findings) == list(checked.findings)


def test_one_of_the_two_sheets_alone_is_not_the_flat_layout(tmp_path):
    sheets = sample_sheets()
    del sheets["Langkah"]
    checked = check(tmp_path, sheets)
    assert checked.doc.sops == [] and "Daftar SOP" in checked.doc.ignored_sheets


def test_a_flat_workbook_may_select_a_regional_profile(tmp_path):
    """With the Blora plugin installed too: its numbering applies to flat SOPs, and Daftar SOP
    may title the date column as Blora's form does."""
    blora = pytest.importorskip("sopdocs_blora")
    sheets = sample_sheets(blora.PROFILE_NAME)
    sheets["Daftar SOP"][0] = [h.replace("Tanggal Efektif", "Tgl Pengesahan") for h in DAFTAR_HEADER]
    for row in sheets["Daftar SOP"][1:]:
        row[DAFTAR_HEADER.index("Nomor SOP")] = ""
    checked = check(tmp_path, sheets)
    assert checked.ok and checked.profile is blora.PROFILE
    assert [s.nomor for s in checked.doc.sops] == ["SOP/KEC-BUKIT/SP/01/2024", "SOP/KEC-BUKIT/SBUK/01/2024"]
    assert all(s.tanggal_efektif.text == "15 Januari 2024" for s in checked.doc.sops)
