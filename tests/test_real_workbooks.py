"""Workbooks as staff really fill them: SOP tables copied from real regional SOP books, with
their headers and labels as printed. Each test types a workbook the way a person does and checks
what the book then says (python-docx) and what `check` reports, cell by cell."""
from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
import pytest

from conftest import (at, check, identity_rows, instansi_rows, needs_soffice, only, soffice_convert, sp_rows,
                      write_workbook)
from sopdocs import pipeline
from sopdocs.guide import markdown, petunjuk_lines
from sopdocs.pipeline import Options
from sopdocs.starter import INSTANSI_CONTOH, SOP_IDENTITAS_CONTOH, build_template

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ROOT = Path(__file__).resolve().parent.parent

# Satpol PP's SOP "Penertiban Pedagang Kaki Lima", typed as the printed book has it.
KEGIATAN = [
    "Menerima laporan masyarakat tentang pedagang kaki lima",
    "Menerbitkan surat perintah penertiban",
    "Melaksanakan penertiban di lapangan",
    "Membuat berita acara penertiban",
    "Melaporkan hasil penertiban kepada Kepala Satuan",
]


def sop_sheet(header: list, steps: list[list], identity: list[list] | None = None) -> list[list]:
    """An SOP sheet: identity rows, an empty row, the table header row(s), then `steps`."""
    return [*(identity or identity_rows()), [], *header, *steps]


def one_row_header(actors: list[str], tail: list[str], kegiatan: str = "Kegiatan") -> list[list]:
    return [["No", kegiatan, *actors, *tail]]


def steps(marks: list[list], tail: list[list]) -> list[list]:
    return [[n, k, *m, *t] for n, (k, m, t) in enumerate(zip(KEGIATAN, marks, tail), 1)]


DIAGONAL = [["x", None, None], [None, "x", None], [None, None, "x"], [None, "x", None], ["x", None, None]]
TAIL = [["Laporan", "15 menit", "Disposisi", None], ["Disposisi", "1 jam", "Surat perintah", None],
        ["Surat perintah", "2 jam", "PKL tertib", None], ["Catatan lapangan", "30 menit", "Berita acara", None],
        ["Berita acara", "15 menit", "Laporan", None]]


def workbook(tmp_path: Path, sop: list[list], merged: list[str] | None = None, **instansi) -> Path:
    sheets = {"Instansi": instansi_rows(**instansi), "SOP 01": sop}
    return write_workbook(tmp_path / "satpolpp.xlsx", sheets, merged={"SOP 01": merged or []})


def book(tmp_path: Path, path: Path):
    """(BuildResult, the SOP book as a python-docx Document)."""
    result, = pipeline.build([path], tmp_path / "hasil", Options(jobs=1))
    assert result.ok, (result.error, [str(f) for f in result.findings])
    sop_book = next(p for p in result.outputs if p.name.endswith("_SOP.docx"))
    return result, docx.Document(str(sop_book))


def flowchart_rows(document) -> list[list[str]]:
    """The rows of the flowchart tables (those whose header has Kegiatan), texts per cell as written in the XML."""
    rows = []
    for table in document.element.body.iter(W + "tbl"):
        trs = table.findall(W + "tr")
        texts = [["".join(t.text or "" for t in tc.iter(W + "t")) for tc in tr.findall(W + "tc")] for tr in trs]
        if texts and "Kegiatan" in texts[0] and "Mutu Baku" in texts[0]:
            rows.extend(texts[2:])
    return rows


def text(document) -> str:
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


# 1. A blank row inside the table -----------------------------------------------------------------

def test_a_blank_row_inside_the_table_is_skipped_and_later_activities_are_printed(tmp_path):
    table = steps(DIAGONAL, TAIL)
    sop = sop_sheet(one_row_header(["Pelapor", "Kasatpol PP", "Regu Penertiban"],
                                   ["Kelengkapan", "Waktu", "Output", "Keterangan"]), table[:3] + [[]] + table[3:])
    path = workbook(tmp_path, sop)
    findings = check(path).findings
    blank = only(findings, "SOP 01", "A15", "info")  # identity 9 rows, blank, header at 11, steps from 12
    assert "Baris 15 kosong" in blank.message
    assert not findings.errors
    _, document = book(tmp_path, path)
    assert [row[1] for row in flowchart_rows(document)] == KEGIATAN


# 2. An actor column named Pelaksana -------------------------------------------------------------

@pytest.mark.parametrize("name", ["Pelaksana", "Staf", "Petugas", "Pelaksana Teknis"])
def test_an_actor_column_named_like_the_group_header_is_an_actor(tmp_path, name):
    sop = sop_sheet(one_row_header(["Pelapor", "Kasatpol PP", name], ["Kelengkapan", "Waktu", "Output",
                                                                       "Keterangan"]), steps(DIAGONAL, TAIL))
    checked = check(workbook(tmp_path, sop))
    assert not checked.findings.errors, [str(f) for f in checked.findings]
    sop_model = checked.doc.sops[0]
    assert sop_model.actors == ["Pelapor", "Kasatpol PP", name]
    assert [s.waktu.text for s in sop_model.steps] == ["15 menit", "1 jam", "2 jam", "30 menit", "15 menit"]


def test_pelaksana_as_an_actor_under_the_two_row_header_of_the_official_form(tmp_path):
    header = [["No", "Kegiatan", "Pelaksana", None, None, "Mutu Baku", None, None, "Keterangan"],
              [None, None, "Pelapor", "Kasatpol PP", "Pelaksana", "Kelengkapan", "Waktu", "Output", None]]
    merged = ["A11:A12", "B11:B12", "C11:E11", "F11:H11", "I11:I12"]
    path = workbook(tmp_path, sop_sheet(header, steps(DIAGONAL, TAIL)), merged)
    checked = check(path)
    assert not checked.findings.errors, [str(f) for f in checked.findings]
    assert checked.doc.sops[0].actors == ["Pelapor", "Kasatpol PP", "Pelaksana"]
    _, document = book(tmp_path, path)
    assert "Pelaksana" in text(document) and [row[1] for row in flowchart_rows(document)] == KEGIATAN


# 3. Column headers as printed --------------------------------------------------------------------

@pytest.mark.parametrize("kegiatan, output", [("Uraian Prosedur", "Keluaran"), ("Uraian Kegiatan", "Hasil"),
                                              ("Aktivitas/Kegiatan", "Output")])
def test_printed_headers_are_read_by_meaning(tmp_path, kegiatan, output):
    tail = [["Laporan", 15, "Disposisi", "via telepon"], ["Disposisi", 60, "Surat perintah", None],
            ["Surat perintah", 120, "PKL tertib", None], ["Catatan lapangan", 30, "Berita acara", None],
            ["Berita acara", 15, "Laporan", None]]
    header = one_row_header(["Pelapor", "Kasatpol PP", "Regu Penertiban"],
                            ["Kelengkapan dan Peralatan", "Waktu (Menit)", output, "Ket."], kegiatan=kegiatan)
    header[0][0] = "No."
    path = workbook(tmp_path, sop_sheet(header, steps(DIAGONAL, tail)))
    checked = check(path)
    assert not [f for f in checked.findings if f.level != "info"], [str(f) for f in checked.findings]
    sop = checked.doc.sops[0]
    assert sop.actors == ["Pelapor", "Kasatpol PP", "Regu Penertiban"]
    assert sop.steps[0].kelengkapan == "Laporan" and sop.steps[0].output == "Disposisi"
    assert sop.total_minutes() == 240
    _, document = book(tmp_path, path)
    first = flowchart_rows(document)[0]
    assert first[1] == KEGIATAN[0] and "15 menit" in first and "via telepon" in first and "Disposisi" in first


def test_an_unknown_column_after_the_mutu_baku_is_a_warning_naming_its_cells(tmp_path):
    tail = [[*row, "paraf"] for row in TAIL]
    header = one_row_header(["Pelapor", "Kasatpol PP", "Regu Penertiban"],
                            ["Kelengkapan", "Waktu", "Output", "Keterangan", "Paraf Petugas"])
    checked = check(workbook(tmp_path, sop_sheet(header, steps(DIAGONAL, tail))))
    warning = only(checked.findings, "SOP 01", "J11:J16", "warning")
    assert "Paraf Petugas" in warning.message and "tidak dicetak" in warning.message
    assert checked.doc.sops[0].actors == ["Pelapor", "Kasatpol PP", "Regu Penertiban"]


# 4. Identity labels as printed -------------------------------------------------------------------

@pytest.mark.parametrize("label, field", [("Tanggal Pengesahan", "tanggal_efektif"), ("Tgl Pengesahan", "tanggal_efektif"),
                                          ("Tanggal Ditetapkan", "tanggal_efektif"),
                                          ("Tgl. Pembuatan", "tanggal_pembuatan")])
def test_identity_labels_as_printed_keep_their_value(tmp_path, label, field):
    default = {"tanggal_efektif": "Tanggal Efektif", "tanggal_pembuatan": "Tanggal Pembuatan"}[field]
    identity = [[label if row[0] == default else row[0], "17 Agustus 2024" if row[0] == default else row[1]]
                for row in identity_rows()]
    path = workbook(tmp_path, sop_sheet(one_row_header(["Pelapor", "Kasatpol PP", "Regu Penertiban"],
                                                       ["Kelengkapan", "Waktu", "Output", "Keterangan"]),
                                        steps(DIAGONAL, TAIL), identity))
    checked = check(path)
    assert not [f for f in checked.findings if f.level != "info"], [str(f) for f in checked.findings]
    assert getattr(checked.doc.sops[0], field).text == "17 Agustus 2024"
    _, document = book(tmp_path, path)
    assert "17 Agustus 2024" in text(document)


def test_an_unknown_label_is_a_warning_at_its_cell_with_the_nearest_labels(tmp_path):
    identity = [["Tanggal Efektf" if row[0] == "Tanggal Efektif" else row[0], row[1]] for row in identity_rows()]
    checked = check(workbook(tmp_path, sop_sheet(one_row_header(["Pelapor", "Kasatpol PP", "Regu Penertiban"],
                                                                ["Kelengkapan", "Waktu", "Output", "Keterangan"]),
                                                 steps(DIAGONAL, TAIL), identity)))
    warning = only(checked.findings, "SOP 01", "A6:B6", "warning")
    assert "Tanggal Efektf" in warning.message and "Tanggal Efektif" in warning.message
    assert "B6" in warning.message  # what happens to the value


# 5. Merged Keterangan and mutu baku cells --------------------------------------------------------

def test_a_keterangan_merged_over_two_activities_is_printed_merged(tmp_path):
    tail = [list(row) for row in TAIL]
    tail[1][3] = "Dilakukan bersama Polri dan TNI"
    tail[1][1] = "3 jam"  # Waktu merged over steps 2 and 3 too: counted once
    tail[2][1] = None
    sop = sop_sheet(one_row_header(["Pelapor", "Kasatpol PP", "Regu Penertiban"],
                                   ["Kelengkapan", "Waktu", "Output", "Keterangan"]), steps(DIAGONAL, tail))
    path = workbook(tmp_path, sop, merged=["I13:I14", "G13:G14"])
    checked = check(path)
    assert not [f for f in checked.findings if f.level != "info"], [str(f) for f in checked.findings]
    model = checked.doc.sops[0]
    assert model.steps[1].keterangan == model.steps[2].keterangan == "Dilakukan bersama Polri dan TNI"
    assert model.total_minutes() == 15 + 180 + 30 + 15
    _, document = book(tmp_path, path)
    rows = [tr for tbl in document.element.body.iter(W + "tbl") for tr in tbl.findall(W + "tr")]
    row2, row3 = [tr for tr in rows if KEGIATAN[1] in "".join(t.text or "" for t in tr.iter(W + "t"))
                  or KEGIATAN[2] in "".join(t.text or "" for t in tr.iter(W + "t"))][:2]
    last2, last3 = row2.findall(W + "tc")[-1], row3.findall(W + "tc")[-1]
    assert last2.find(f"{W}tcPr/{W}vMerge").get(W + "val") == "restart"
    assert "Dilakukan bersama Polri dan TNI" in "".join(t.text or "" for t in last2.iter(W + "t"))
    assert last3.find(f"{W}tcPr/{W}vMerge") is not None and last3.find(f"{W}tcPr/{W}vMerge").get(W + "val") is None
    assert flowchart_rows(document)[2][-1] == ""  # printed once, in the merged cell


def test_a_long_merged_keterangan_shares_the_height_of_its_rows(tmp_path):
    """The merged text needs the rows' heights together, not a tall first row of its own."""
    from sopdocs.layout import layout_flowchart

    header = one_row_header(["Pelapor", "Kasatpol PP", "Regu Penertiban"], ["Kelengkapan", "Waktu", "Output", "Keterangan"])
    tail = [list(row) for row in TAIL]
    tail[1][3] = "Dilaksanakan bersama kelurahan, kecamatan, kepolisian sektor dan koramil setempat sesuai jadwal"

    def heights(name: str, tail, merged=()) -> dict[int, float]:
        (tmp_path / name).mkdir()
        model = check(workbook(tmp_path / name, sop_sheet(header, steps(DIAGONAL, tail)), merged=list(merged))).doc
        return {row.step: row.height for page in layout_flowchart(model.sops[0]).pages for row in page.rows}

    no_note, alone, merged = heights("polos", TAIL), heights("sendiri", tail), heights("gabung", tail, ["I13:I14"])
    assert alone[2] > no_note[2] + 10  # alone, the long note makes its row tall
    assert merged[2] < alone[2] - 10  # merged over two rows, its first row is not made that tall
    assert merged[2] + merged[3] >= alone[2] - 0.01  # the two rows together hold the text


def test_a_merged_kegiatan_or_actor_mark_stays_an_error(tmp_path):
    sop = sop_sheet(one_row_header(["Pelapor", "Kasatpol PP", "Regu Penertiban"],
                                   ["Kelengkapan", "Waktu", "Output", "Keterangan"]), steps(DIAGONAL, TAIL))
    findings = check(workbook(tmp_path, sop, merged=["D13:D14"])).findings
    assert "Unmerge" in only(findings, "SOP 01", "D13", "error").message


# 6. `Ya` in Jika Ya ---------------------------------------------------------------------------

@pytest.mark.parametrize("ya", ["Ya", "Lanjut", "-", "ya."])
def test_ya_in_jika_ya_means_the_next_step(tmp_path, ya):
    tail = [[*row, None, None] for row in TAIL]
    tail[1][4:] = [ya, "Tidak lengkap: 1"]
    marks = [list(m) for m in DIAGONAL]
    sop = sop_sheet(one_row_header(["Pelapor", "Kasatpol PP", "Regu Penertiban"],
                                   ["Kelengkapan", "Waktu", "Output", "Keterangan", "Jika Ya", "Jika Tidak"]),
                    steps(marks, tail))
    path = workbook(tmp_path, sop)
    checked = check(path)
    assert not checked.findings.errors, [str(f) for f in checked.findings]
    decision = checked.doc.sops[0].steps[1]
    assert decision.yes is None and decision.no.target == 1
    assert [b.target for b in checked.doc.sops[0].exits(decision)] == [3, 1]


@pytest.mark.parametrize("mark", ["V", "\u2713", "\u221a", "X"])
def test_common_spellings_of_the_mark_still_mark(tmp_path, mark):
    marks = [[mark if m else None for m in row] for row in DIAGONAL]
    sop = sop_sheet(one_row_header(["Pelapor", "Kasatpol PP", "Regu Penertiban"],
                                   ["Kelengkapan", "Waktu", "Output", "Keterangan"]), steps(marks, TAIL))
    checked = check(workbook(tmp_path, sop))
    assert not checked.findings.errors
    assert [s.actors for s in checked.doc.sops[0].steps] == [[0], [1], [2], [1], [0]]


# 7. The region in the Keputusan ------------------------------------------------------------------

@pytest.mark.parametrize("pemerintah, jabatan, title", [
    ("PEMERINTAH KOTA BATAM", "Kepala Satuan Polisi Pamong Praja",
     "KEPUTUSAN KEPALA SATUAN POLISI PAMONG PRAJA KOTA BATAM"),
    ("PEMERINTAH KABUPATEN BENER MERIAH", "Kepala Dinas Kependudukan dan Pencatatan Sipil",
     "KEPUTUSAN KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL KABUPATEN BENER MERIAH"),
    ("PEMERINTAH KABUPATEN BLORA", "Kepala Dinas Kesehatan Kabupaten Blora",
     "KEPUTUSAN KEPALA DINAS KESEHATAN KABUPATEN BLORA"),
])
def test_the_keputusan_title_names_the_region(tmp_path, pemerintah, jabatan, title):
    sop = sop_sheet(one_row_header(["Pelapor", "Kasatpol PP", "Regu Penertiban"],
                                   ["Kelengkapan", "Waktu", "Output", "Keterangan"]), steps(DIAGONAL, TAIL))
    path = workbook(tmp_path, sop, Pemerintah=pemerintah, **{"Jabatan Pimpinan": jabatan})
    _, document = book(tmp_path, path)
    paragraphs = [p.text for p in document.paragraphs]
    assert title in paragraphs
    assert f"{title} KABUPATEN" not in "\n".join(paragraphs) and f"{title} KOTA" not in "\n".join(paragraphs)


def test_the_instansi_sheet_and_the_guide_say_how_the_keputusan_is_titled(tmp_path):
    hints = input_messages(template(tmp_path)["Instansi"])
    assert "judul Keputusan" in hints[f"B{label_row('Instansi', 'Jabatan Pimpinan')}"][1]
    assert "KEPUTUSAN <Jabatan Pimpinan> <daerah>" in markdown()


# The guide ------------------------------------------------------------------------------------

def test_docs_workbook_md_is_the_guide_the_petunjuk_sheet_is_made_from():
    assert (ROOT / "docs" / "workbook.md").read_text(encoding="utf-8") == markdown(), \
        "docs/workbook.md is stale: run python tools/make_guide.py"
    sheet = [c.value for c in build_template()["Petunjuk"]["A"] if c.value]
    assert len(sheet) == len(petunjuk_lines())
    assert any("Tanggal Pengesahan" in line for line in sheet)  # the label tables are in the sheet too


# The workbook of `sopdocs init` ------------------------------------------------------------------

def template(tmp_path: Path) -> openpyxl.Workbook:
    """The workbook of `sopdocs init` as staff open it."""
    build_template().save(tmp_path / "baru.xlsx")
    return openpyxl.load_workbook(tmp_path / "baru.xlsx")


def label_row(sheet: str, label: str) -> int:
    """The row of `label` in the Instansi sheet or the SOP sheet of `sopdocs init` (a title, a
    blank row, then one row per label)."""
    rows = INSTANSI_CONTOH if sheet == "Instansi" else SOP_IDENTITAS_CONTOH
    return 3 + [row[0] for row in rows].index(label)


def input_messages(ws) -> dict[str, tuple[str, str]]:
    """{cell: (title, text)} of the messages a sheet shows when a cell is selected."""
    return {str(ref): (dv.promptTitle, dv.prompt) for dv in ws.data_validations.dataValidation
            if dv.showInputMessage for ref in dv.sqref.ranges}


def test_a_fresh_workbook_of_init_checks_without_any_finding(tmp_path):
    build_template().save(tmp_path / "baru.xlsx")
    assert [str(f) for f in check(tmp_path / "baru.xlsx").findings] == []


def test_the_hints_of_init_show_when_their_value_cell_is_selected(tmp_path):
    wb = template(tmp_path)
    assert input_messages(wb["Instansi"])["B3"] == ("Pemerintah", "wajib")
    assert input_messages(wb["SOP 01"])["B4"] == ("Nama SOP", "wajib")
    for sheet, rows in (("Instansi", INSTANSI_CONTOH), ("SOP 01", SOP_IDENTITAS_CONTOH)):
        hints = input_messages(wb[sheet])
        expected = {f"B{label_row(sheet, label)}": (label, hint) for label, _, hint in rows if hint}
        assert {cell: hints[cell] for cell in expected if cell in hints} == expected
        # Nothing of ours is left in the grid beside the labels, where it would be unread text.
        assert [c.coordinate for c in wb[sheet]["C"][:len(rows) + 2] if c.value is not None] == []


def test_a_note_staff_type_beside_a_hint_is_still_reported(tmp_path):
    wb = template(tmp_path)
    instansi, sop = f"C{label_row('Instansi', 'Nama Pimpinan')}", f"C{label_row('SOP 01', 'Nama SOP')}"
    wb["Instansi"][instansi] = "tanyakan gelar ke Bagian Umum"
    wb["SOP 01"][sop] = "judul sementara"
    wb.save(tmp_path / "diisi.xlsx")
    findings = check(tmp_path / "diisi.xlsx").findings
    assert "tanyakan gelar ke Bagian Umum" in only(findings, "Instansi", instansi, "info").message
    assert "judul sementara" in only(findings, "SOP 01", sop, "info").message
    assert len(findings) == 2, "\n".join(map(str, findings))


@needs_soffice
def test_libreoffice_keeps_the_hints_of_init_and_checks_clean(tmp_path):
    build_template().save(tmp_path / "baru.xlsx")
    converted = soffice_convert(tmp_path / "baru.xlsx", tmp_path / "lo")
    original, copy = openpyxl.load_workbook(tmp_path / "baru.xlsx"), openpyxl.load_workbook(converted)
    for sheet in ("Instansi", "SOP 01"):
        assert input_messages(copy[sheet]) == input_messages(original[sheet])
    assert [str(f) for f in check(converted).findings] == []


def test_the_workbook_of_init_has_no_finding_about_its_petunjuk_sheet(tmp_path):
    path = tmp_path / "baru.xlsx"
    build_template().save(path)
    checked = check(path)
    assert not checked.findings.errors and at(checked.findings, "Petunjuk", "") == []
    assert not [f for f in checked.findings if f.sheet == "Petunjuk"]


def test_sp_sheets_and_instansi_keep_their_rules(tmp_path):
    sop = sop_sheet(one_row_header(["Pelapor", "Kasatpol PP", "Regu Penertiban"],
                                   ["Kelengkapan", "Waktu", "Output", "Keterangan"]), steps(DIAGONAL, TAIL))
    path = write_workbook(tmp_path / "d.xlsx", {"Instansi": instansi_rows() + [["Catatan Kepala", "rahasia"]],
                                                "SOP 01": sop, "SP 01": sp_rows()})
    findings = check(path).findings
    assert "Catatan Kepala" in only(findings, "Instansi", "A10:B10", "warning").message


def test_the_sample_copied_from_a_regional_sop_book_builds_clean(tmp_path):
    path = ROOT / "samples" / "satpolpp-kota-batam.xlsx"
    checked = check(path)
    assert [f.level for f in checked.findings] == ["info"]  # only the blank row inside a table
    assert checked.findings[0].where == "SOP 01 Penertiban PKL!A24"
    sop = checked.doc.sops[0]
    assert sop.actors[-1] == "Pelaksana" and len(sop.steps) == 7
    assert sop.tanggal_efektif.text == "1 Februari 2024" and sop.steps[0].waktu.text == "15 menit"
    assert sop.steps[3].keterangan == sop.steps[4].keterangan != ""
    _, document = book(tmp_path, path)
    assert "KEPUTUSAN KEPALA SATUAN POLISI PAMONG PRAJA KOTA BATAM" in [p.text for p in document.paragraphs]
    kegiatan = [row[1] for row in flowchart_rows(document)]
    assert kegiatan[:7] == [step.kegiatan for step in sop.steps]  # the steps after the blank row too
    assert kegiatan[6] == "Melaporkan hasil penertiban kepada Kepala Satuan"
