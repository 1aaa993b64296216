"""The Blora plugin, installed (entry point `sopdocs` -> `blora`): its profile changes the books of
workbooks that select it, and nothing else.

Run from the repository: `pip install -e plugins/sopdocs-blora` then `python -m pytest -q plugins/sopdocs-blora`.
"""
from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

sopdocs_blora = pytest.importorskip("sopdocs_blora")
docx = pytest.importorskip("docx")

from sopdocs import pipeline  # noqa: E402
from sopdocs.plugins import Plugins  # noqa: E402
from sopdocs.pipeline import Options, check_workbook  # noqa: E402
from sopdocs.testing import write_workbook  # noqa: E402
from sopdocs_blora.nomor import initials  # noqa: E402

BLORA = "blora-48-2015"
ACTORS = ["Pemohon", "Petugas Loket", "Kasi Pelayanan", "Kadis"]
STEPS = [  # kegiatan, marks per actor, kelengkapan, waktu, output, keterangan, jika ya, jika tidak
    ["Mengajukan permohonan", ["x", None, None, None], "Formulir", "5 menit", "Berkas", None, None, None],
    ["Memeriksa kelengkapan berkas", [None, "x", None, None], "Berkas", "10 menit", "Berkas lengkap", None, None,
     "Tidak lengkap: 1"],
    ["Memverifikasi data", [None, None, "x", None], "Berkas lengkap", "15 menit", "Data valid", None, None, None],
    ["Menandatangani", [None, None, None, "x"], "Konsep", "1 hari", "Dokumen", None, None, None],
    ["Menerima dokumen", ["x", None, None, None], "Dokumen", "5 menit", "Dokumen", None, None, None],
]
SP = {
    "Jenis Pelayanan": "Penerbitan KTP-el",
    "Persyaratan": "1. Fotokopi KK\n2. Surat pengantar RT",
    "Sistem, Mekanisme, dan Prosedur": "SOP: Penerbitan KTP-el",
    "Jangka Waktu Pelayanan": "2 hari kerja",
    "Biaya/Tarif": "Rp0,00 (gratis)",
    "Produk Pelayanan": "KTP-el",
    "Penanganan Pengaduan, Saran, dan Masukan": "Kotak saran",
    "Dasar Hukum": "UU 24/2013",
    "Sarana dan Prasarana, dan/atau Fasilitas": "Ruang tunggu",
    "Kompetensi Pelaksana": "Memahami SIAK",
    "Pengawasan Internal": "Kepala Bidang",
    "Jumlah Pelaksana": "4 orang",
    "Jaminan Pelayanan": "Tepat waktu",
    "Jaminan Keamanan dan Keselamatan Pelayanan": "Data dijaga kerahasiaannya",
    "Evaluasi Kinerja Pelaksana": "Survei kepuasan",
}
BLORA_SP_LABELS = [
    "Jenis Pelayanan", "Dasar Hukum", "Persyaratan", "Prosedur", "Waktu Pelayanan", "Biaya", "Produk Pelayanan",
    "Sarana dan Prasarana", "Kompetensi Pelaksana", "Pengawasan Internal", "Penanganan Pengaduan",
    "Jumlah Pelaksana", "Jaminan Pelayanan", "Jaminan Keamanan dan Keselamatan", "Evaluasi Kinerja",
]
UNIT_A = "Bidang Pelayanan Pendaftaran Penduduk"
UNIT_B = "Sub Bagian Umum dan Kepegawaian"


def instansi_rows(profil: str | None = BLORA, **changes) -> list[list]:
    values = {
        "Pemerintah": "PEMERINTAH KABUPATEN BLORA",
        "Perangkat Daerah": "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL",
        "Singkatan": "DISDUKCAPIL",
        "Alamat": "Jl. Pemuda No. 12, Blora",
        "Tahun": 2024,
        "Jabatan Pimpinan": "KEPALA DINAS",
        "Nama Pimpinan": "Drs. SUKARDI",
        "Pangkat Pimpinan": "Pembina Utama Muda",
        "NIP Pimpinan": "196801011990031001",
        "Tempat Penetapan": "Blora",
        "Profil": profil,
    } | changes
    return [[label, value] for label, value in values.items() if value is not None]


def sop_rows(nama: str, unit: str, nomor: str | None = None, efektif_label: str = "Tanggal Efektif",
             pembuatan_label: str = "Tanggal Pembuatan") -> list[list]:
    identity = [
        ["Nomor SOP", nomor],
        ["Nama SOP", nama],
        ["Unit Kerja", unit],
        [pembuatan_label, "2 Januari 2024"],
        ["Tanggal Revisi", "-"],
        [efektif_label, "15 Januari 2024"],
        ["Dasar Hukum", "Undang-Undang Nomor 24 Tahun 2013"],
    ]
    table = [["No", "Kegiatan", *ACTORS, "Kelengkapan", "Waktu", "Output", "Keterangan", "Jika Ya", "Jika Tidak"]]
    table += [[n, kegiatan, *marks, *rest] for n, (kegiatan, marks, *rest) in enumerate(STEPS, 1)]
    return [*identity, [], *table]


def workbook_sheets(profil: str | None = BLORA, blora_labels: bool = True, **instansi) -> dict[str, list[list]]:
    """Three SOPs (two in one unit, the second numbered by its author) and one Standar Pelayanan;
    with `blora_labels` the first SOP uses the form's `Tgl Pembuatan` and `Tgl Pengesahan`."""
    labels = {"efektif_label": "Tgl Pengesahan", "pembuatan_label": "Tgl Pembuatan"} if blora_labels else {}
    return {
        "Instansi": instansi_rows(profil, **instansi),
        "SOP 01": sop_rows("Penerbitan KTP-el", UNIT_A, **labels),
        "SOP 02": sop_rows("Penerbitan Kartu Keluarga", UNIT_A, nomor="470/017/DISDUKCAPIL/2023"),
        "SOP 03": sop_rows("Pengelolaan Surat Masuk", UNIT_B),
        "SP 01": [[label, value] for label, value in SP.items()],
    }


def build(tmp_path: Path, sheets: dict[str, list[list]], name: str = "dinas.xlsx"):
    workbook = write_workbook(tmp_path / name, sheets)
    result = pipeline.build([workbook], tmp_path / "hasil", Options(jobs=1))[0]
    assert result.ok, "\n".join(map(str, result.findings))
    books = {"sop": next(p for p in result.outputs if p.name.endswith("_SOP.docx")),
             "sp": next(p for p in result.outputs if p.name.endswith("_SP.docx"))}
    return result, {key: docx.Document(str(path)) for key, path in books.items()}


def table_rows(document) -> list[list[str]]:
    return [[cell.text.strip() for cell in row.cells] for table in document.tables for row in table.rows]


def value_after(document, label: str) -> list[str]:
    """The text of the cell right of every cell reading `label` (identity parts)."""
    found = []
    for row in table_rows(document):
        for left, right in zip(row, row[1:]):
            if left == label and right != label:
                found.append(right)
    return found


def all_text(document) -> str:
    return "\n".join([p.text for p in document.paragraphs] + ["\t".join(r) for r in table_rows(document)])


@pytest.fixture
def blora_books(tmp_path):
    return build(tmp_path, workbook_sheets())


def test_the_entry_point_is_found_and_provides_the_profile():
    plugins = Plugins()
    assert "blora" in dict(plugins.manager.list_name_plugin())
    assert plugins.profile(BLORA) is sopdocs_blora.PROFILE
    assert plugins.profile("Blora-48-2015") is sopdocs_blora.PROFILE  # written by hand, any case


def test_identity_part_prints_the_abbreviated_labels_and_tgl_pengesahan(blora_books):
    _, books = blora_books
    text = all_text(books["sop"])
    for label in ("Tgl Pembuatan", "Tgl Revisi", "Tgl Pengesahan", "Disahkan Oleh", "Nomor SOP", "Nama SOP"):
        assert label in text
    assert "Tanggal Efektif" not in text and "Tanggal Pembuatan" not in text
    assert value_after(books["sop"], "Tgl Pengesahan") == ["15 Januari 2024"] * 3  # also read from `Tgl Pengesahan`
    assert value_after(books["sop"], "Tgl Pembuatan") == ["2 Januari 2024"] * 3


def test_nomor_sop_is_generated_and_the_authors_number_kept(blora_books):
    result, books = blora_books
    expected = ["SOP/DISDUKCAPIL/BPPP/01/2024", "470/017/DISDUKCAPIL/2023", "SOP/DISDUKCAPIL/SBUK/01/2024"]
    assert value_after(books["sop"], "Nomor SOP")[-3:] == expected  # identity parts, in book order
    daftar = [row for row in table_rows(books["sop"]) if len(row) == 4 and row[0] in ("1", "2", "3")]
    assert [row[1] for row in daftar] == expected  # Daftar SOP: No | Nomor SOP | Nama SOP | Unit Kerja
    assert [row[2] for row in daftar] == ["Penerbitan KTP-el", "Penerbitan Kartu Keluarga", "Pengelolaan Surat Masuk"]
    assert not [f for f in result.findings if "tidak dikenal" in f.message]


def test_sequence_counts_within_the_unit_kerja(tmp_path):
    sheets = workbook_sheets()
    sheets["SOP 02"] = sop_rows("Penerbitan Kartu Keluarga", UNIT_A)  # now unnumbered too
    sheets["SOP 04"] = sop_rows("Pengelolaan Arsip", UNIT_B)
    checked = check_workbook(write_workbook(tmp_path / "urut.xlsx", sheets), Plugins())
    assert checked.ok, checked.findings
    assert [s.nomor for s in checked.doc.sops] == [
        "SOP/DISDUKCAPIL/BPPP/01/2024", "SOP/DISDUKCAPIL/BPPP/02/2024",
        "SOP/DISDUKCAPIL/SBUK/01/2024", "SOP/DISDUKCAPIL/SBUK/02/2024"]


def test_without_singkatan_the_skpd_initials_are_used_with_a_warning(tmp_path):
    sheets = workbook_sheets(Singkatan=None)
    checked = check_workbook(write_workbook(tmp_path / "tanpa.xlsx", sheets), Plugins())
    assert checked.doc.sops[0].nomor == "SOP/DKPS/BPPP/01/2024"
    warning = [f for f in checked.findings if f.level == "warning" and "Singkatan" in f.message]
    assert len(warning) == 1 and warning[0].sheet == "Instansi"


def test_initials_of_unit_names():
    assert initials("Bidang Pelayanan Pendaftaran Penduduk") == "BPPP"
    assert initials("Sub Bagian Umum dan Kepegawaian") == "SBUK"
    assert initials("Seksi PMD") == "SPMD"
    assert initials("BIDANG PELAYANAN") == "BP"
    assert initials("") == ""


def test_standar_pelayanan_is_one_flat_list_in_blora_order(blora_books):
    _, books = blora_books
    rows = [row for row in table_rows(books["sp"]) if len(row) >= 3 and row[0].isdigit()]
    assert [row[0] for row in rows] == [str(n) for n in range(1, 16)]
    assert [row[1] for row in rows] == BLORA_SP_LABELS
    assert rows[0][2] == "Penerbitan KTP-el"
    assert rows[4][2] == "2 hari kerja" and rows[5][2] == "Rp0,00 (gratis)"
    assert rows[3][2].startswith("Sesuai SOP/DISDUKCAPIL/BPPP/01/2024 Penerbitan KTP-el")
    text = all_text(books["sp"])
    assert "Komponen Standar Pelayanan yang terkait" not in text  # no groups A and B


def test_both_books_open_with_a_kata_pengantar_listed_in_the_daftar_isi(blora_books):
    _, books = blora_books
    for document in books.values():
        paragraphs = [p.text.strip() for p in document.paragraphs]
        assert "KATA PENGANTAR" in paragraphs
        assert paragraphs.index("KATA PENGANTAR") < paragraphs.index("DAFTAR ISI")
        daftar_isi = re.compile(r"^Kata Pengantar\t+[ivxlc]+$", re.M)  # an entry with its roman page number
        assert daftar_isi.search(all_text(document))
    assert "Peraturan Bupati Blora Nomor 48 Tahun 2015" in all_text(books["sop"])
    assert "Nomor 15 Tahun 2014 tentang Pedoman Standar Pelayanan" in all_text(books["sp"])


def test_a_workbook_without_the_profile_is_unchanged(tmp_path):
    _, books = build(tmp_path, workbook_sheets(profil=None, blora_labels=False), name="lain.xlsx")
    text = all_text(books["sop"])
    assert "Tanggal Efektif" in text and "Tanggal Pembuatan" in text
    assert "Tgl Pengesahan" not in text and "Tgl Pembuatan" not in text
    assert value_after(books["sop"], "Nomor SOP")[-3:] == [
        "....................", "470/017/DISDUKCAPIL/2023", "...................."]
    sp_text = all_text(books["sp"])
    assert "Komponen Standar Pelayanan yang terkait dengan proses penyampaian pelayanan" in sp_text
    for document in books.values():
        assert "KATA PENGANTAR" not in [p.text.strip() for p in document.paragraphs]


def test_other_workbooks_read_and_check_the_same_without_the_plugin(tmp_path):
    path = write_workbook(tmp_path / "lain.xlsx", workbook_sheets(profil=None))
    without = Plugins()
    without.manager.unregister(name="blora")
    alone, with_blora = check_workbook(path, without), check_workbook(path, Plugins())
    assert dataclasses.asdict(with_blora.doc) == dataclasses.asdict(alone.doc)
    assert list(with_blora.findings) == list(alone.findings)


def test_the_form_s_tgl_labels_are_read_under_any_profile_too(tmp_path):
    """The `Tgl` labels of Blora's form are common spellings that every profile reads; only the
    printed labels (and the numbering) are Blora's."""
    checked = check_workbook(write_workbook(tmp_path / "lain.xlsx", workbook_sheets(profil=None)), Plugins())
    assert not [f for f in checked.findings if f.sheet == "SOP 01" and "Tgl" in f.message]
    assert not checked.doc.sops[0].tanggal_efektif.empty
