"""A sample workbook of the flat layout: `python -m sopdocs_flat_reader.contoh contoh-datar.xlsx`.

Sheets: Petunjuk (instructions, ignored by the reader), Instansi, Daftar SOP, Langkah, and one
Standar Pelayanan sheet of the default layout that links an SOP of the flat sheets.
"""
from __future__ import annotations

import sys
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Font

PETUNJUK = [
    ["Petunjuk pengisian (tata letak datar)"],
    ["Sheet Daftar SOP: satu baris per SOP. Kolom ID wajib dan unik; daftar (Dasar Hukum, dll.) satu butir per baris "
     "di dalam sel (Alt+Enter)."],
    ["Sheet Langkah: satu baris per kegiatan. ID SOP menunjuk ke kolom ID di Daftar SOP; No mulai dari 1 untuk setiap SOP."],
    ["Pelaksana: jabatan pelaksana; kegiatan bersama ditulis beberapa jabatan dipisah ; atau + (mis. Kasubbag Umum + Sekcam)."],
    ["Kolom pelaksana di flowchart urut sesuai kemunculan pertama di sheet Langkah, atau sesuai kolom Pelaksana di Daftar SOP."],
    ["Simbol: M (mulai), S (selesai), P (proses), K (keputusan), atau kosong (dipilih otomatis)."],
    ["Jika Tidak: nomor langkah tujuan bila keputusan bernilai tidak, boleh dengan label (mis. Tidak lengkap: 1)."],
]

INSTANSI = [
    ["Pemerintah", "PEMERINTAH KABUPATEN BENER MERIAH"],
    ["Perangkat Daerah", "KECAMATAN BUKIT"],
    ["Singkatan", "KEC-BUKIT"],
    ["Alamat", "Jl. Simpang Tiga, Bukit"],
    ["Tahun", 2024],
    ["Jabatan Pimpinan", "CAMAT BUKIT"],
    ["Nama Pimpinan", "MUHAMMAD RIZAL, S.STP"],
    ["Pangkat Pimpinan", "Pembina"],
    ["NIP Pimpinan", "198001012000031001"],
    ["Tempat Penetapan", "Bukit"],
]

DAFTAR_HEADER = ["ID", "Nomor SOP", "Nama SOP", "Unit Kerja", "Tanggal Pembuatan", "Tanggal Revisi", "Tanggal Efektif",
                 "Dasar Hukum", "Kualifikasi Pelaksana", "Keterkaitan", "Peralatan/Perlengkapan", "Peringatan",
                 "Pencatatan dan Pendataan"]
DAFTAR = [
    ["SOP-01", "100/01/SOP/KEC-BUKIT/2024", "Pelayanan Surat Keterangan Domisili", "Seksi Pemerintahan",
     "2 Januari 2024", "-", "15 Januari 2024",
     "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah\nPeraturan Pemerintah Nomor 17 Tahun 2018 "
     "tentang Kecamatan", "Memahami administrasi kependudukan\nMampu mengoperasikan komputer",
     "SOP Pengelolaan Surat Keluar", "Komputer dan printer\nBuku register", "Surat tidak diterbitkan bila berkas "
     "tidak lengkap", "Buku register surat keterangan"],
    ["SOP-02", "100/02/SOP/KEC-BUKIT/2024", "Pengelolaan Surat Masuk", "Sub Bagian Umum dan Kepegawaian",
     "2 Januari 2024", "-", "15 Januari 2024", "Peraturan Bupati tentang Tata Naskah Dinas",
     "Memahami tata naskah dinas", "", "Buku agenda\nLembar disposisi", "Surat penting segera disampaikan",
     "Buku agenda surat masuk"],
]

LANGKAH_HEADER = ["ID SOP", "No", "Kegiatan", "Pelaksana", "Simbol", "Kelengkapan", "Waktu", "Output", "Keterangan",
                  "Jika Ya", "Jika Tidak"]
LANGKAH = [
    ["SOP-01", 1, "Mengajukan permohonan surat keterangan domisili", "Pemohon", "M", "Formulir, KTP, KK", "5 menit",
     "Berkas permohonan", "", "", ""],
    ["SOP-01", 2, "Memeriksa kelengkapan berkas", "Petugas Loket", "K", "Berkas permohonan", "10 menit",
     "Berkas lengkap", "", "", "Tidak lengkap: 1"],
    ["SOP-01", 3, "Memverifikasi data dan membuat konsep surat", "Kasi Pemerintahan", "", "Berkas lengkap", "15 menit",
     "Konsep surat", "", "", ""],
    ["SOP-01", 4, "Menandatangani surat keterangan", "Camat", "", "Konsep surat", "1 hari", "Surat keterangan", "", "",
     ""],
    ["SOP-01", 5, "Menerima surat keterangan domisili", "Pemohon", "S", "Surat keterangan", "5 menit",
     "Surat keterangan", "", "", ""],
    ["SOP-02", 1, "Menerima dan mencatat surat masuk di buku agenda", "Pengadministrasi Umum", "", "Surat masuk",
     "10 menit", "Surat tercatat", "", "", ""],
    ["SOP-02", 2, "Menelaah surat dan menyiapkan lembar disposisi", "Kasubbag Umum + Sekretaris Camat", "",
     "Surat tercatat", "30 menit", "Lembar disposisi", "", "", ""],
    ["SOP-02", 3, "Memberi disposisi", "Camat", "", "Lembar disposisi", "1 jam", "Disposisi", "", "", ""],
    ["SOP-02", 4, "Mendistribusikan surat sesuai disposisi", "Pengadministrasi Umum", "", "Disposisi", "15 menit",
     "Surat terdistribusi", "", "", ""],
]

SP = [
    ["Jenis Pelayanan", "Surat Keterangan Domisili"],
    ["Persyaratan", "1. Fotokopi KTP\n2. Fotokopi KK\n3. Surat pengantar RT/RW"],
    ["Sistem, Mekanisme, dan Prosedur", "SOP: Pelayanan Surat Keterangan Domisili"],
    ["Jangka Waktu Pelayanan", "2 hari kerja"],
    ["Biaya/Tarif", "Rp0,00 (gratis)"],
    ["Produk Pelayanan", "Surat Keterangan Domisili"],
    ["Penanganan Pengaduan, Saran, dan Masukan", "Kotak saran\nSP4N-LAPOR!"],
]

# The shapes each sample SOP's flowchart has: {ID: {DrawingML preset: count}}.
SHAPES = {
    "SOP-01": {"flowChartTerminator": 2, "flowChartDecision": 1, "flowChartProcess": 2},
    "SOP-02": {"flowChartTerminator": 2, "flowChartProcess": 2},
}


def sample_sheets(profil: str | None = None) -> dict[str, list[list]]:
    """The sample as {sheet name: rows}; `profil` fills Instansi's Profil."""
    instansi = INSTANSI + ([["Profil", profil]] if profil else [])
    sheets = {
        "Petunjuk": PETUNJUK,
        "Instansi": instansi,
        "Daftar SOP": [DAFTAR_HEADER, *DAFTAR],
        "Langkah": [LANGKAH_HEADER, *LANGKAH],
        "SP 01": SP,
    }
    return {name: [list(row) for row in rows] for name, rows in sheets.items()}  # copies: callers may change them


def write_workbook(path: str | Path, sheets: dict[str, list[list]]) -> Path:
    """{sheet name: rows} as an .xlsx file; the first row of Daftar SOP and Langkah in bold."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for r, row in enumerate(rows, 1):
            for c, value in enumerate(row, 1):
                if value is not None and value != "":
                    cell = sheet.cell(r, c, value)
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
                    if r == 1 and name in ("Daftar SOP", "Langkah"):
                        cell.font = Font(bold=True)
        if name in ("Daftar SOP", "Langkah"):
            sheet.freeze_panes = "A2"
            for column in sheet.columns:
                sheet.column_dimensions[column[0].column_letter].width = 22
    path = Path(path)
    book.save(path)
    return path


def write_sample(path: str | Path, profil: str | None = None) -> Path:
    """Write the sample workbook to `path`."""
    return write_workbook(path, sample_sheets(profil))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print("Pemakaian: python -m sopdocs_flat_reader.contoh FILE.xlsx [PROFIL]")
        return 2
    path = write_sample(args[0], args[1] if len(args) > 1 else None)
    print(f"Workbook contoh tata letak datar dibuat: {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
