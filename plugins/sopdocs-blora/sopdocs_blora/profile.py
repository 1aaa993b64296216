"""The Blora profile (Perbup Blora 48/2015): identity labels, the flat Standar Pelayanan list."""
from __future__ import annotations

from sopdocs.profile import DEFAULT, Profile

PROFILE_NAME = "blora-48-2015"

# The identity part of Blora's form: abbreviated dates, and the date the SOP takes effect is
# called Tgl Pengesahan (it replaces Tanggal Efektif; the model keeps it in `tanggal_efektif`).
LABELS = {
    "nomor": "Nomor SOP",
    "tanggal_pembuatan": "Tgl Pembuatan",
    "tanggal_revisi": "Tgl Revisi",
    "tanggal_efektif": "Tgl Pengesahan",
    "disahkan": "Disahkan Oleh",
    "nama": "Nama SOP",
}

# The same labels as the SOP sheets of Blora's workbooks spell them: {field: (spelling, ...)}.
LABEL_ALIASES = {
    "tanggal_pembuatan": ("Tgl Pembuatan", "Tgl. Pembuatan"),
    "tanggal_revisi": ("Tgl Revisi", "Tgl. Revisi"),
    "tanggal_efektif": ("Tgl Pengesahan", "Tgl. Pengesahan", "Tanggal Pengesahan"),
}

# Blora prints a Standar Pelayanan as one numbered list: (model key, Blora's label), in order.
SP_COMPONENTS = (
    ("jenis_pelayanan", "Jenis Pelayanan"),
    ("dasar_hukum", "Dasar Hukum"),
    ("persyaratan", "Persyaratan"),
    ("prosedur", "Prosedur"),
    ("jangka_waktu", "Waktu Pelayanan"),
    ("biaya", "Biaya"),
    ("produk", "Produk Pelayanan"),
    ("sarana", "Sarana dan Prasarana"),
    ("kompetensi", "Kompetensi Pelaksana"),
    ("pengawasan", "Pengawasan Internal"),
    ("pengaduan", "Penanganan Pengaduan"),
    ("jumlah_pelaksana", "Jumlah Pelaksana"),
    ("jaminan_pelayanan", "Jaminan Pelayanan"),
    ("jaminan_keamanan", "Jaminan Keamanan dan Keselamatan"),
    ("evaluasi", "Evaluasi Kinerja"),
)

PROFILE = DEFAULT.but(
    PROFILE_NAME,
    description="Kabupaten Blora (Perbup Blora 48/2015): label Tgl, Tgl Pengesahan, Nomor SOP otomatis, "
                "Standar Pelayanan sebagai satu daftar bernomor",
    labels=LABELS,
    label_aliases=LABEL_ALIASES,
    sp_layout="flat",
    sp_labels=dict(SP_COMPONENTS),
    sp_order=tuple(key for key, _ in SP_COMPONENTS),
)


def is_blora(profile: Profile | None) -> bool:
    """Whether a workbook's profile is this plugin's (the hooks do nothing for any other)."""
    return profile is not None and profile.name.strip().lower() == PROFILE_NAME
