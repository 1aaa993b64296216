"""The labels of the default workbook layout (WORKBOOK.md) and their aliases, as label keys."""
from __future__ import annotations

from .values import label_key


def _table(pairs: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """{field: (label, alias, ...)} -> {label key: field}."""
    return {label_key(label): name for name, labels in pairs.items() for label in labels}


INSTANSI = _table({
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
})
INSTANSI_LISTS = {"ruang_lingkup", "ringkasan", "definisi"}

SOP = _table({
    "nomor": ("Nomor SOP",),
    "nama": ("Nama SOP",),
    "unit_kerja": ("Unit Kerja", "Bidang", "Bagian", "Seksi"),
    "tanggal_pembuatan": ("Tanggal Pembuatan",),
    "tanggal_revisi": ("Tanggal Revisi",),
    "tanggal_efektif": ("Tanggal Efektif",),
    "jabatan": ("Disahkan Oleh",),
    "nama_pejabat": ("Nama Pejabat",),
    "pangkat": ("Pangkat",),
    "nip": ("NIP",),
    "dasar_hukum": ("Dasar Hukum",),
    "kualifikasi": ("Kualifikasi Pelaksana",),
    "keterkaitan": ("Keterkaitan",),
    "peralatan": ("Peralatan/Perlengkapan", "Peralatan", "Perlengkapan"),
    "peringatan": ("Peringatan",),
    "pencatatan": ("Pencatatan dan Pendataan", "Pencatatan"),
})
SOP_LISTS = {"dasar_hukum", "kualifikasi", "keterkaitan", "peralatan", "peringatan", "pencatatan"}
SOP_DATES = {"tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif"}

# Columns of the activity table after the actors.
COLUMNS = _table({
    "kelengkapan": ("Kelengkapan", "Persyaratan/Kelengkapan", "Persyaratan"),
    "waktu": ("Waktu",),
    "output": ("Output",),
    "keterangan": ("Keterangan", "Ket"),
    "jika_ya": ("Jika Ya",),
    "jika_tidak": ("Jika Tidak",),
})
GROUP_HEADERS = {label_key("Pelaksana"), label_key("Mutu Baku")}

SP = _table({
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
})

SOP_MARKER = label_key("Nama SOP")
SP_MARKER = label_key("Jenis Pelayanan")
INSTANSI_SHEET = label_key("Instansi")
