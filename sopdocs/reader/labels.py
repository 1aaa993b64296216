"""The labels of the default workbook layout (WORKBOOK.md) and their aliases, as label keys.

Each table maps a label key to a field; the spellings come from {field: (label, alias, ...)}
as regions print them. A profile adds its own spellings of the SOP identity labels
(`Profile.label_aliases`, see `sop_labels`).
"""
from __future__ import annotations

import difflib
import functools
import re

from .values import MEMO, label_key

UNIT_IN_HEADER = re.compile(r"^(.*?)\s*\(\s*([^()]*?)\s*\)\s*$")  # `Waktu (Menit)`


def _table(pairs: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """{field: (label, alias, ...)} -> {label key: field}."""
    return {label_key(label): name for name, labels in pairs.items() for label in labels}


def sop_labels(aliases: dict[str, tuple[str, ...]] | None = None) -> dict[str, str]:
    """The SOP identity labels, with a profile's extra spellings ({field: (alias, ...)})."""
    return SOP | _table(aliases) if aliases else SOP


def nearest(key: str, table: dict[str, str], names: dict[str, tuple[str, ...]], cutoff: float = 0.6) -> list[str]:
    """The printed labels closest to an unknown label key (at most three), for a hint."""
    by_key = {label_key(label): label for labels in names.values() for label in labels}
    return [by_key[k] for k in difflib.get_close_matches(key, [k for k in by_key if k in table], 3, cutoff)]


@functools.lru_cache(maxsize=MEMO)  # the same few titles head every table of a region
def header_key(title: str) -> tuple[str, str]:
    """(key, unit) of a table header as printed: `Waktu (Menit)` -> ('waktu', 'menit'), `Ket.` -> ('ket', '')."""
    unit = ""
    if m := UNIT_IN_HEADER.match(title):
        title, unit = m.group(1), m.group(2).lower()
    return label_key(title).rstrip(".").strip(), unit


INSTANSI_NAMES = {
    "pemerintah": ("Pemerintah", "Pemerintah Daerah"),
    "nama": ("Perangkat Daerah", "SKPD", "OPD", "Nama SKPD", "Nama OPD", "Nama Perangkat Daerah"),
    "singkatan": ("Singkatan",),
    "alamat": ("Alamat",),
    "tahun": ("Tahun",),
    "logo": ("Logo",),
    "jabatan": ("Jabatan Pimpinan",),
    "nama_pimpinan": ("Nama Pimpinan",),
    "pangkat": ("Pangkat Pimpinan",),
    "nip": ("NIP Pimpinan",),
    "tempat_penetapan": ("Tempat Penetapan",),
    "nomor_keputusan": ("Nomor Keputusan",),
    "tanggal_keputusan": ("Tanggal Keputusan",),
    "ruang_lingkup": ("Ruang Lingkup",),
    "ringkasan": ("Ringkasan",),
    "definisi": ("Definisi",),
    "maklumat": ("Maklumat Pelayanan", "Maklumat"),
    "profil": ("Profil",),
}
INSTANSI = _table(INSTANSI_NAMES)
INSTANSI_LISTS = {"ruang_lingkup", "ringkasan", "definisi"}

SOP_NAMES = {
    "nomor": ("Nomor SOP", "No. SOP", "No SOP"),
    "nama": ("Nama SOP", "Judul SOP"),
    "unit_kerja": ("Unit Kerja", "Bidang", "Bagian", "Seksi", "Sub Bagian", "Subbagian", "Unit"),
    "tanggal_pembuatan": ("Tanggal Pembuatan", "Tgl Pembuatan", "Tgl. Pembuatan", "Tanggal Dibuat", "Tgl. Dibuat"),
    "tanggal_revisi": ("Tanggal Revisi", "Tgl Revisi", "Tgl. Revisi"),
    "tanggal_efektif": ("Tanggal Efektif", "Tgl Efektif", "Tgl. Efektif", "Tanggal Pengesahan", "Tgl Pengesahan",
                        "Tgl. Pengesahan", "Tanggal Ditetapkan", "Tgl Ditetapkan", "Tgl. Ditetapkan",
                        "Tanggal Berlaku"),
    "jabatan": ("Disahkan Oleh", "Disahkan oleh (Jabatan)", "Jabatan Pengesah"),
    "nama_pejabat": ("Nama Pejabat", "Nama Pengesah"),
    "pangkat": ("Pangkat", "Pangkat/Golongan", "Pangkat/Gol"),
    "nip": ("NIP", "NIP Pejabat"),
    "dasar_hukum": ("Dasar Hukum",),
    "kualifikasi": ("Kualifikasi Pelaksana", "Kualifikasi"),
    "keterkaitan": ("Keterkaitan", "Keterkaitan dengan SOP Lain"),
    "peralatan": ("Peralatan/Perlengkapan", "Peralatan", "Perlengkapan", "Peralatan dan Perlengkapan"),
    "peringatan": ("Peringatan",),
    "pencatatan": ("Pencatatan dan Pendataan", "Pencatatan", "Pencatatan/Pendataan"),
}
SOP = _table(SOP_NAMES)
SOP_LISTS = {"dasar_hukum", "kualifikasi", "keterkaitan", "peralatan", "peringatan", "pencatatan"}
SOP_DATES = {"tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif"}

# The activity table: the first two columns, and the columns after the actors (mutu baku and
# the rest), as real SOP books print them. Keys as `header_key` gives them (unit and final dot off).
NO_NAMES = ("No", "No.", "Nomor", "No Urut")
KEGIATAN_NAMES = ("Kegiatan", "Uraian Kegiatan", "Uraian Prosedur", "Aktivitas/Kegiatan", "Kegiatan/Aktivitas",
                  "Aktivitas", "Uraian", "Uraian Aktivitas", "Prosedur", "Uraian Pekerjaan")
COLUMN_NAMES = {
    "kelengkapan": ("Kelengkapan", "Persyaratan/Kelengkapan", "Persyaratan", "Kelengkapan dan Peralatan",
                    "Kelengkapan/Peralatan", "Persyaratan/Perlengkapan", "Perlengkapan", "Kelengkapan Berkas",
                    "Syarat", "Input"),
    "waktu": ("Waktu", "Waktu/Lama", "Lama", "Lama Waktu", "Durasi", "Waktu Penyelesaian", "Waktu (Menit)",
              "Waktu (Jam)"),
    "output": ("Output", "Keluaran", "Hasil", "Output/Hasil", "Hasil/Output", "Produk"),
    "keterangan": ("Keterangan", "Ket", "Ket.", "Catatan"),
    "jika_ya": ("Jika Ya", "Ya"),
    "jika_tidak": ("Jika Tidak", "Tidak"),
}
NO_HEADERS = {header_key(t)[0] for t in NO_NAMES}
KEGIATAN_HEADERS = {header_key(t)[0] for t in KEGIATAN_NAMES}
COLUMNS = {header_key(t)[0]: name for name, titles in COLUMN_NAMES.items() for t in titles}
TABLE_TITLES = {"No": NO_NAMES, "Kegiatan": KEGIATAN_NAMES, **{t[0]: t for t in COLUMN_NAMES.values()}}
MUTU_BAKU = {"kelengkapan", "waktu", "output", "keterangan"}  # a cell merged over rows is shared by them
PELAKSANA_GROUP = label_key("Pelaksana")
GROUP_HEADERS = {PELAKSANA_GROUP, label_key("Mutu Baku")}

SP_NAMES = {
    "jenis_pelayanan": ("Jenis Pelayanan",),
    "persyaratan": ("Persyaratan", "Persyaratan Pelayanan"),
    "prosedur": ("Sistem, Mekanisme, dan Prosedur", "Sistem, Mekanisme dan Prosedur", "Prosedur"),
    "jangka_waktu": ("Jangka Waktu Pelayanan", "Jangka Waktu", "Waktu Pelayanan"),
    "biaya": ("Biaya/Tarif", "Biaya", "Tarif"),
    "produk": ("Produk Pelayanan",),
    "pengaduan": ("Penanganan Pengaduan, Saran, dan Masukan", "Penanganan Pengaduan, Saran dan Masukan",
                  "Pengaduan"),
    "dasar_hukum": ("Dasar Hukum",),
    "sarana": ("Sarana dan Prasarana, dan/atau Fasilitas", "Sarana, Prasarana, dan/atau Fasilitas",
               "Sarana dan Prasarana"),
    "kompetensi": ("Kompetensi Pelaksana",),
    "pengawasan": ("Pengawasan Internal",),
    "jumlah_pelaksana": ("Jumlah Pelaksana",),
    "jaminan_pelayanan": ("Jaminan Pelayanan",),
    "jaminan_keamanan": ("Jaminan Keamanan dan Keselamatan Pelayanan",),
    "evaluasi": ("Evaluasi Kinerja Pelaksana",),
}
SP = _table(SP_NAMES)

SOP_MARKER = label_key("Nama SOP")
SP_MARKER = label_key("Jenis Pelayanan")
INSTANSI_SHEET = label_key("Instansi")
PETUNJUK_SHEET = label_key("Petunjuk")  # the instructions `sopdocs init` writes: ours, passed over quietly
