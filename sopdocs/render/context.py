"""The words every book prints about its SKPD: the cover, the Keputusan and the signatures, from
the Instansi sheet and the profile's Keputusan texts. Plain text only (no Word), so a plugin may
import these helpers without loading the document libraries."""
from __future__ import annotations

import re

from ..model import Dokumen, Instansi, Pejabat, Tanggal
from ..profile import Keputusan
from ..reader.values import long_date

DOTS = "...................."
SMALL_WORDS = {"dan", "di", "ke", "dari", "pada", "untuk", "serta", "atau", "tentang"}
REGION_PREFIX = re.compile(r"^\s*pemerintah(?:\s+daerah)?\s+", re.I)  # PEMERINTAH KOTA BATAM -> KOTA BATAM
REGION_KIND = re.compile(r"^(?:kota|kabupaten|kab\.?|provinsi)\s+", re.I)  # KOTA BATAM -> BATAM


def signatory(pejabat: Pejabat) -> dict:
    return {"jabatan": pejabat.jabatan or DOTS, "nama": pejabat.nama or DOTS, "pangkat": pejabat.pangkat,
            "nip": pejabat.nip or DOTS}

def date_text(tanggal: Tanggal, empty: str = DOTS) -> str:
    """`2 Januari 2024`, the author's text when not understood, `empty` when there is none."""
    if tanggal.date:
        return long_date(tanggal.date)
    return tanggal.text or empty

def title_case(name: str) -> str:
    """`DINAS KESEHATAN DAN KELUARGA BERENCANA` -> `Dinas Kesehatan dan Keluarga Berencana`."""
    words = name.lower().split()
    return " ".join(w if i and w in SMALL_WORDS else w[:1].upper() + w[1:] for i, w in enumerate(words))

def pejabat_keputusan(instansi: Instansi) -> str:
    """Who issues the Keputusan, as its title names him: the Jabatan Pimpinan and the region (the
    Pemerintah without `PEMERINTAH`), `Kepala Satuan Polisi Pamong Praja Kota Batam`; the Jabatan
    alone when it already names the region (`Kepala Dinas Kesehatan Kabupaten Blora`)."""
    jabatan = instansi.pimpinan.jabatan or "Kepala Perangkat Daerah"
    region = REGION_PREFIX.sub("", instansi.pemerintah).strip()  # KOTA BATAM
    place = REGION_KIND.sub("", region).strip()  # BATAM
    if not region or (place and place.lower() in jabatan.lower()):
        return jabatan
    return f"{jabatan} {title_case(region)}"

def instansi_context(doc: Dokumen, logo, subject: str, keputusan: Keputusan) -> dict:
    """The cover, Keputusan and signature fields of a book adopting `subject` (e.g. `Standar
    Pelayanan`), for the SKPD of `doc`, with the profile's `keputusan` texts; `logo` is the cover's
    picture (or nothing)."""
    instansi = doc.instansi
    skpd = title_case(instansi.nama)
    jabatan = pejabat_keputusan(instansi)
    fields = {"subjek": subject, "skpd": skpd, "instansi": instansi.nama, "jabatan": jabatan,
              "SUBJEK": subject.upper(), "INSTANSI": instansi.nama.upper(), "JABATAN": jabatan.upper()}
    return {
        "instansi": {"nama": instansi.nama, "pemerintah": instansi.pemerintah, "tahun": instansi.tahun or DOTS,
                     "alamat": instansi.alamat},
        "logo": logo,
        "pimpinan": signatory(instansi.pimpinan),
        "pejabat_keputusan": jabatan,
        "nomor_keputusan": instansi.nomor_keputusan or DOTS,
        "tempat": instansi.tempat_penetapan or DOTS,
        "tanggal": date_text(instansi.tanggal_keputusan),
        "tentang": f"Penetapan {subject} pada {skpd}",
        "menimbang": [f"{chr(ord('a') + i)}. {text.format_map(fields)}" for i, text in enumerate(keputusan.menimbang)],
        "mengingat": [f"{i}. {text.format_map(fields)}" for i, text in enumerate(keputusan.mengingat, 1)],
        "diktum": [{"label": label, "text": text.format_map(fields)} for label, text in keputusan.diktum],
    }
