"""Reading workbooks of the default layout into the model (sopdocs.reader)."""
import datetime as dt
import io

import pytest

from conftest import (
    ACTORS, check, identity_rows, instansi_rows, model_dict, needs_soffice, only,
    soffice_convert, sop_rows, sp_rows, table_rows,
)
from sopdocs.model import CellRef, Symbol
from sopdocs.reader import read_workbook


def read(path):
    doc, findings = read_workbook(path)
    return doc, findings


def one_sop(build, rows, **options):
    doc, findings = read(build({"Instansi": instansi_rows(), "SOP": rows}, **options))
    assert len(doc.sops) == 1
    return doc.sops[0], findings


def step_row(kegiatan, marks, ya=None, tidak=None, waktu="5 menit"):
    return [kegiatan, marks, "Berkas", waktu, "Berkas", None, ya, tidak]


# --- the good workbook -------------------------------------------------------------------------

def test_good_workbook_reads_everything(build):
    doc, findings = read(build())
    assert doc.sheets == ["Instansi", "SOP 01", "SP 01"]
    assert doc.instansi.pemerintah == "PEMERINTAH KABUPATEN BENER MERIAH"
    assert doc.instansi.nama == "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL"
    assert doc.instansi.tahun == "2024"
    assert doc.instansi.pimpinan.nip == "196801011990031001"
    sop = doc.sops[0]
    assert sop.nama == "Pelayanan Penerbitan KTP-el"
    assert sop.nomor == "800/01/DUKCAPIL/2024"
    assert sop.actors == ACTORS
    assert [s.number for s in sop.steps] == [1, 2, 3, 4, 5]
    assert [s.actors for s in sop.steps] == [[0], [1], [2], [3], [0]]
    assert sop.steps[3].waktu.minutes == 480
    assert sop.cells["nama"] == CellRef("SOP 01", "B2")
    assert sop.steps[1].cells["jika_tidak"] == CellRef("SOP 01", "L13")
    assert not [f for f in findings if f.is_error]


def test_cells_point_at_each_value_and_the_table(build):
    """Where findings point: each identity value beside its label, the table's header, every cell
    of an activity row (the actors at the row's mark)."""
    sop = read(build())[0].sops[0]
    fields = ["nomor", "nama", "unit_kerja", "tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif",
              "dasar_hukum", "kualifikasi", "peralatan"]
    assert dict(sop.cells) == {**{name: CellRef("SOP 01", f"B{row}") for row, name in enumerate(fields, 1)},
                               "tabel": CellRef("SOP 01", "A11")}
    assert len(sop.cells) == len(fields) + 1
    assert dict(sop.steps[1].cells) == {name: CellRef("SOP 01", f"{col}13") for name, col in [
        ("pelaksana", "D"), ("no", "A"), ("kegiatan", "B"), ("kelengkapan", "G"), ("waktu", "H"), ("output", "I"),
        ("keterangan", "J"), ("jika_ya", "K"), ("jika_tidak", "L")]}


# --- aliases -----------------------------------------------------------------------------------

@pytest.mark.parametrize("label", ["Perangkat Daerah", "SKPD", "OPD", "Nama SKPD", "skpd :"])
def test_perangkat_daerah_aliases(build, label):
    rows = instansi_rows(**{"Perangkat Daerah": None}) + [[label, "DINAS KESEHATAN"]]
    doc, _ = read(build({"Instansi": rows}))
    assert doc.instansi.nama == "DINAS KESEHATAN"


@pytest.mark.parametrize("label", ["Unit Kerja", "Bidang", "Bagian", "Seksi", "BIDANG:"])
def test_unit_kerja_aliases(build, label):
    rows = sop_rows(**{"Unit Kerja": None})
    rows.insert(2, [label, "Bidang Pelayanan"])
    sop, _ = one_sop(build, rows)
    assert sop.unit_kerja == "Bidang Pelayanan"


@pytest.mark.parametrize("label", ["Peralatan/Perlengkapan", "Peralatan / Perlengkapan:", "Peralatan", "Perlengkapan"])
def test_peralatan_aliases(build, label):
    rows = sop_rows(**{"Peralatan/Perlengkapan": None})
    rows.insert(2, [label, "Komputer\nPrinter"])
    sop, _ = one_sop(build, rows)
    assert sop.peralatan == ["Komputer", "Printer"]


def test_pencatatan_alias(build):
    rows = sop_rows()
    rows.insert(2, ["Pencatatan", "Buku register"])
    sop, _ = one_sop(build, rows)
    assert sop.pencatatan == ["Buku register"]


@pytest.mark.parametrize("title", ["Kelengkapan", "Persyaratan/Kelengkapan", "Persyaratan",
                                   "PERSYARATAN / KELENGKAPAN"])
def test_kelengkapan_column_aliases(build, title):
    rows = [*identity_rows(), [], *table_rows(tail=[title, "Waktu", "Output", "Keterangan", "Jika Ya", "Jika Tidak"])]
    sop, _ = one_sop(build, rows)
    assert sop.actors == ACTORS
    assert sop.steps[0].kelengkapan == "Formulir F-1.07"


def test_sp_aliases(build):
    rows = [["Jenis Pelayanan", "KTP-el"], ["Prosedur", "Datang ke loket"], ["Jangka Waktu", "1 hari"],
            ["Biaya", "Gratis"], ["Pengaduan", "SMS 0812"], ["Sarana dan Prasarana", "Ruang tunggu"]]
    doc, _ = read(build({"Instansi": instansi_rows(), "SP": rows}))
    sp = doc.layanan[0]
    assert sp.uraian["prosedur"] == ["Datang ke loket"]
    assert sp.uraian["jangka_waktu"] == ["1 hari"]
    assert sp.uraian["biaya"] == ["Gratis"]
    assert sp.uraian["pengaduan"] == ["SMS 0812"]
    assert sp.uraian["sarana"] == ["Ruang tunggu"]


# --- lists -------------------------------------------------------------------------------------

def test_list_continues_on_rows_with_column_a_empty(build):
    rows = sop_rows(**{"Dasar Hukum": None})
    rows[2:2] = [["Dasar Hukum", "1. Undang-Undang Nomor 23 Tahun 2014"],
                 [None, "2. Peraturan Pemerintah Nomor 40 Tahun 2019\n3. Perda Nomor 5 Tahun 2020"],
                 [None, "a) Perbup Nomor 7 Tahun 2021"]]
    sop, _ = one_sop(build, rows)
    assert sop.dasar_hukum == ["Undang-Undang Nomor 23 Tahun 2014", "Peraturan Pemerintah Nomor 40 Tahun 2019",
                               "Perda Nomor 5 Tahun 2020", "Perbup Nomor 7 Tahun 2021"]
    assert sop.unit_kerja == "Bidang Pelayanan Pendaftaran Penduduk"


def test_sp_list_continuation(build):
    rows = sp_rows(Persyaratan="1. Fotokopi KK")
    rows.insert(2, [None, "2. Pas foto"])
    doc, _ = read(build({"Instansi": instansi_rows(), "SP": rows}))
    assert doc.layanan[0].uraian["persyaratan"] == ["Fotokopi KK", "Pas foto"]


# --- the activity table ------------------------------------------------------------------------

def test_two_row_official_header(build):
    n = len(ACTORS)
    group = ["No", "Kegiatan", "Pelaksana", *[None] * (n - 1), "Mutu Baku", None, None, "Keterangan",
             "Jika Ya", "Jika Tidak"]
    names = [None, None, *ACTORS, "Kelengkapan", "Waktu", "Output"]
    body = table_rows()[1:]
    rows = [*identity_rows(), [], group, names, *body]
    merged = ["C11:F11", "G11:I11", "A11:A12", "B11:B12", "J11:J12", "K11:K12", "L11:L12"]
    sop, findings = one_sop(build, rows, merged={"SOP": merged})
    assert sop.actors == ACTORS
    assert len(sop.steps) == 5
    assert sop.steps[1].no.target == 1
    assert sop.steps[2].kelengkapan == "Berkas lengkap"
    assert sop.steps[3].waktu.minutes == 480
    assert not [f for f in findings if f.is_error], "\n".join(map(str, findings))
    one_row, _ = one_sop(build, sop_rows(), name="plain.xlsx")
    assert [s.actors for s in sop.steps] == [s.actors for s in one_row.steps]


@pytest.mark.parametrize("no, kegiatan", [("NO", "KEGIATAN"), ("No.", "Kegiatan:"), (" no ", "kegiatan")])
def test_table_header_written_loosely(build, no, kegiatan):
    rows = sop_rows()
    rows[10][:2] = [no, kegiatan]
    sop, findings = one_sop(build, rows)
    assert len(sop.steps) == 5 and sop.actors == ACTORS
    assert not [f for f in findings if f.is_error]


def test_rows_starting_with_no_above_the_table_are_labels_not_its_header(build):
    """Only a No word over a Kegiatan word starts the table: `No. Registrasi` or `No` over a value
    are labels of the identity block (an unknown one is named), and the table below is read."""
    rows = sop_rows()
    rows[10:10] = [["No. Registrasi", "REG-2024-07"], ["No", "Dokumen Induk"]]
    sop, findings = one_sop(build, rows)
    assert len(sop.steps) == 5 and sop.actors == ACTORS
    assert sop.cells["tabel"] == CellRef("SOP", "A13")
    unknown = [f for f in findings if "tidak dikenal" in f.message]
    assert [f.cell for f in unknown] == ["A11:B11", "A12:B12"]
    assert not [f for f in findings if f.is_error]


def test_a_note_below_the_table_is_no_activity_and_is_named(build):
    rows = sop_rows() + [[], ["Catatan", "dibuat oleh tim"]]
    sop, findings = one_sop(build, rows)
    assert len(sop.steps) == 5
    assert not [f for f in findings if f.is_error]
    assert "tidak dibaca" in only(findings, "SOP", "A18", "info").message
    assert "dibuat oleh tim" in only(findings, "SOP", "B18", "info").message


def test_steps_after_an_empty_row_are_read(build):
    rows = sop_rows() + [[], [6, "Mengarsipkan", None, "x"]]
    sop, findings = one_sop(build, rows)
    assert [s.kegiatan for s in sop.steps][-1] == "Mengarsipkan"
    assert "Baris 17 kosong" in only(findings, "SOP", "A17", "info").message


# --- dates -------------------------------------------------------------------------------------

def test_excel_dates_and_text_dates(build):
    rows = sop_rows(**{"Tanggal Pembuatan": dt.datetime(2024, 1, 2), "Tanggal Revisi": "02/03/2024",
                       "Tanggal Efektif": "2024-04-01"})
    sop, findings = one_sop(build, rows)
    assert sop.tanggal_pembuatan.date == dt.date(2024, 1, 2)
    assert sop.tanggal_pembuatan.text == "2 Januari 2024"
    assert sop.tanggal_revisi.date == dt.date(2024, 3, 2)
    assert sop.tanggal_efektif.date == dt.date(2024, 4, 1)
    assert not [f for f in findings if "Tanggal" in f.message]


def test_tanggal_keputusan_excel_date(build):
    doc, _ = read(build({"Instansi": instansi_rows(**{"Tanggal Keputusan": dt.datetime(2024, 12, 31)})}))
    assert doc.instansi.tanggal_keputusan.date == dt.date(2024, 12, 31)


def test_numbers_read_as_text_without_decimal(build):
    doc, _ = read(build({"Instansi": instansi_rows(Tahun=2024.0)}))
    assert doc.instansi.tahun == "2024"


# --- marks and symbols -------------------------------------------------------------------------

def test_default_symbols(build):
    sop, _ = one_sop(build, sop_rows())
    assert [s.symbol for s in sop.steps] == [Symbol.TERMINATOR, Symbol.DECISION, Symbol.PROCESS,
                                             Symbol.PROCESS, Symbol.TERMINATOR]
    assert [s.final for s in sop.steps] == [False, False, False, False, True]


def test_letters_choose_symbols(build):
    steps = [
        step_row("Mulai", ["M", None, None, None]),
        step_row("Periksa", [None, "K", None, None], tidak="Tidak: 1"),
        step_row("Arsip", [None, None, "S", None]),
        step_row("Catat", [None, None, None, "P"]),
        step_row("Serahkan", ["P", None, None, None]),
    ]
    sop, findings = one_sop(build, [*identity_rows(), [], *table_rows(steps)])
    assert [s.symbol for s in sop.steps] == [Symbol.TERMINATOR, Symbol.DECISION, Symbol.TERMINATOR,
                                             Symbol.PROCESS, Symbol.PROCESS]
    assert [s.final for s in sop.steps] == [False, False, True, False, True]
    assert not [f for f in findings if f.is_error]


def test_any_plain_mark_works(build):
    steps = [step_row("A", ["x", None, None, None]), step_row("B", [None, "v", None, None]),
             step_row("C", [None, None, 1, None]), step_row("D", [None, None, None, "\u2713"]),
             step_row("E", ["\u221a", None, None, None])]
    sop, findings = one_sop(build, [*identity_rows(), [], *table_rows(steps)])
    assert [s.actors for s in sop.steps] == [[0], [1], [2], [3], [0]]
    assert not [f for f in findings if f.is_error]


def test_joint_activity_by_adjacent_marks(build):
    steps = [step_row("A", ["x", None, None, None]), step_row("Rapat", [None, "x", "x", "x"]),
             step_row("C", ["x", None, None, None])]
    sop, findings = one_sop(build, [*identity_rows(), [], *table_rows(steps)])
    assert sop.steps[1].actors == [1, 2, 3]
    assert not [f for f in findings if f.is_error]


def test_joint_activity_by_merged_mark_cell(build):
    steps = [step_row("A", ["x", None, None, None]), step_row("Rapat", [None, "x", None, None]),
             step_row("C", ["x", None, None, None])]
    sop, findings = one_sop(build, [*identity_rows(), [], *table_rows(steps)], merged={"SOP": ["D13:F13"]})
    assert sop.steps[1].actors == [1, 2, 3]
    assert not [f for f in findings if f.is_error], "\n".join(map(str, findings))


def test_branches_with_labels(build):
    steps = [step_row("Ajukan", ["x", None, None, None]),
             step_row("Periksa", [None, "x", None, None], ya="Lengkap: 3", tidak="Tidak lengkap: 1"),
             step_row("Proses", [None, None, "x", None], ya=4),
             step_row("Selesai", ["x", None, None, None])]
    sop, findings = one_sop(build, [*identity_rows(), [], *table_rows(steps)])
    periksa = sop.steps[1]
    assert (periksa.yes.target, periksa.yes.label) == (3, "Lengkap")
    assert (periksa.no.target, periksa.no.label) == (1, "Tidak lengkap")
    assert (sop.steps[2].yes.target, sop.steps[2].yes.label) == (4, "")
    assert sop.steps[0].yes is None
    assert not [f for f in findings if f.is_error]


def test_sp_reference_to_sop_is_resolved(build):
    doc = check(build()).doc
    sp = doc.layanan[0]
    assert sp.sop_ref == "Pelayanan Penerbitan KTP-el"
    assert sp.sop is doc.sops[0]


def test_sp_reference_by_nomor(build):
    sheets = {"Instansi": instansi_rows(), "SOP": sop_rows(),
              "SP": sp_rows(**{"Sistem, Mekanisme, dan Prosedur": "sop : 800/01/DUKCAPIL/2024"})}
    doc = check(build(sheets)).doc
    assert doc.layanan[0].sop is doc.sops[0]


# --- the logo ----------------------------------------------------------------------------------

def picture(color="red"):
    """An 8x8 PNG picture for openpyxl to place on a sheet (skips the test without Pillow)."""
    pil = pytest.importorskip("PIL.Image")
    from openpyxl.drawing.image import Image

    out = io.BytesIO()
    pil.new("RGB", (8, 8), color).save(out, "PNG")
    return Image(pil.open(out))


def pixel(data: bytes) -> tuple:
    from PIL import Image

    return Image.open(io.BytesIO(data)).convert("RGB").getpixel((4, 4))


def test_image_on_instansi_sheet_is_the_logo(build):
    doc, findings = read(build({"Instansi": instansi_rows(), "SOP": sop_rows()}, images={"Instansi": picture("red")}))
    assert doc.instansi.logo.startswith(b"\x89PNG")
    assert pixel(doc.instansi.logo) == (255, 0, 0)
    assert not [f for f in findings if f.is_error]


def test_image_on_another_sheet_is_not_the_logo(build):
    doc, _ = read(build({"Instansi": instansi_rows(), "SOP": sop_rows()}, images={"SOP": picture()}))
    assert doc.instansi.logo is None


@pytest.mark.parametrize("written", ["gambar/logo.png", "gambar\\logo.png", "./gambar/logo.png"])
def test_logo_path_relative_to_workbook(build, tmp_path, monkeypatch, written):
    (tmp_path / "gambar").mkdir()
    (tmp_path / "gambar" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 20)
    path = build({"Instansi": instansi_rows(Logo=written)})
    monkeypatch.chdir(tmp_path.parent)
    doc, findings = read(path)
    assert doc.instansi.logo.startswith(b"\x89PNG")
    assert not findings.warnings


@pytest.mark.parametrize("written", ["../rahasia.png", "gambar/../../rahasia.png", "{outside}"])
def test_a_logo_outside_the_workbook_folder_is_never_read(build, tmp_path, written):
    """Workbook text names no file outside its folder: on the web page a workbook is someone else's upload."""
    outside = tmp_path.parent / "rahasia.png"
    outside.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 20)
    written = written.format(outside=outside)
    doc, findings = read(build({"Instansi": instansi_rows(Logo=written)}))
    assert doc.instansi.logo is None
    finding = only(findings, "Instansi", "B10", "warning")
    assert written in finding.message and "di luar folder workbook" in finding.message


def test_missing_logo_file_is_a_warning(build):
    doc, findings = read(build({"Instansi": instansi_rows(Logo="tidak-ada.png")}))
    assert doc.instansi.logo is None
    finding = only(findings, "Instansi", "B10", "warning")
    assert "tidak-ada.png" in finding.message and "tidak ditemukan" in finding.message


def test_logo_that_is_not_an_image_is_a_warning(build, tmp_path):
    (tmp_path / "logo.png").write_text("bukan gambar")
    doc, findings = read(build({"Instansi": instansi_rows(Logo="logo.png")}))
    assert doc.instansi.logo is None
    assert "PNG" in only(findings, "Instansi", "B10", "warning").message


# --- LibreOffice -------------------------------------------------------------------------------

def rich_workbook(build):
    steps = [step_row("Ajukan", ["M", None, None, None]),
             step_row("Periksa", [None, "x", None, None], ya="Lengkap: 3", tidak="Tidak lengkap: 1"),
             step_row("Rapat", [None, "x", None, None], waktu="2 jam"),
             step_row("Tanda tangan", [None, None, None, "x"], waktu="1 hari"),
             step_row("Terima", ["S", None, None, None], waktu="lama")]
    sop = identity_rows(**{"Tanggal Pembuatan": dt.datetime(2024, 1, 2), "Dasar Hukum": "1. UU 24/2013"})
    sop.insert(7, [None, "2. Perbup 7/2021"])
    sheets = {"Petunjuk": [["Isi sheet Instansi dahulu."]], "Instansi": instansi_rows(),
              "SOP": [*sop, [], *table_rows(steps)], "SOP 2": sop_rows(**{"Nama SOP": "Lain", "Nomor SOP": "2"}),
              "SP": sp_rows()}
    return build(sheets, merged={"SOP": ["D15:E15"]})


@needs_soffice
def test_libreoffice_copy_reads_the_same(build, tmp_path):
    original = rich_workbook(build)
    converted = soffice_convert(original, tmp_path / "lo")
    doc_a, findings_a = read(original)
    doc_b, findings_b = read(converted)
    sop = doc_a.sops[0]
    assert sop.steps[2].actors == [1, 2]  # the merged mark cell survived the conversion
    assert sop.tanggal_pembuatan.date == dt.date(2024, 1, 2)
    assert sop.dasar_hukum == ["UU 24/2013", "Perbup 7/2021"]
    assert doc_a.ignored_sheets == ["Petunjuk"]
    assert model_dict(doc_b) == model_dict(doc_a)
    assert [str(f) for f in findings_b] == [str(f) for f in findings_a]
    assert check(converted).findings == check(original).findings


def init_template(tmp_path):
    from click.testing import CliRunner

    from sopdocs.cli import main

    path = tmp_path / "templat.xlsx"
    result = CliRunner().invoke(main, ["init", str(path)])
    assert result.exit_code == 0, result.output
    return path


def test_init_template_reads_as_an_example(tmp_path):
    doc, findings = read(init_template(tmp_path))
    assert len(doc.sops) == 1 and len(doc.layanan) == 1
    assert doc.layanan[0].sop_ref
    assert not [f for f in findings if f.level != "info"], "\n".join(map(str, findings))


@needs_soffice
def test_libreoffice_copy_of_init_template_reads_the_same(tmp_path):
    original = init_template(tmp_path)
    converted = soffice_convert(original, tmp_path / "lo")
    assert model_dict(read(converted)[0]) == model_dict(read(original)[0])


@needs_soffice
def test_libreoffice_copy_keeps_the_logo(build, tmp_path):
    original = build({"Instansi": instansi_rows(), "SOP": sop_rows()}, images={"Instansi": picture("blue")})
    logo = read(soffice_convert(original, tmp_path / "lo"))[0].instansi.logo
    assert logo is not None and pixel(logo) == (0, 0, 255)


# --- dashes: staff fill unused cells with "-" ----------------------------------------------------

def test_dashes_in_actor_and_branch_cells_are_empty(build):
    steps = [
        ["Mengajukan permohonan", ["x", "-", "-", "-"], "Formulir", "5 menit", "Berkas", None, "-", "-"],
        ["Memeriksa berkas", ["-", "x", "\u2013", "-"], "Berkas", "10 menit", "Berkas", None, "-", "Tidak: 1"],
        ["Menerima hasil", ["x", "-", "-", "-"], "Berkas", "5 menit", "Berkas", None, "-", "-"],
    ]
    path = build({"Instansi": instansi_rows(), "SOP": sop_rows(steps=steps)})
    sop = read(path)[0].sops[0]
    assert [s.actors for s in sop.steps] == [[0], [1], [0]]
    assert [s.yes for s in sop.steps] == [None, None, None]
    assert sop.steps[1].no.target == 1 and sop.steps[1].symbol is Symbol.DECISION
    assert check(path).ok
