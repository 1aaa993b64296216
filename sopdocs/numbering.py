"""A profile's Nomor SOP pattern (`Profile.nomor_sop`), e.g. "{singkatan}/{urut:03d}/SOP/{tahun}".

The pattern is a Python format string restricted to the plain field names of FIELDS (no
attributes, no indexes), so a region's file can shape a number but never reach into objects.
The built-in `sopdocs_number_sop` hook applies it to every SOP whose author left the number empty.
"""
from __future__ import annotations

import re

from .model import Dokumen, Sop, book_order

FIELDS = {
    "singkatan": "Singkatan Perangkat Daerah (sheet Instansi), huruf besar, tanpa spasi",
    "urut": "urutan SOP di dalam buku, mulai 1",
    "urut_unit": "urutan SOP di dalam Unit Kerjanya, mulai 1",
    "unit": "inisial Unit Kerja SOP (Bidang Pelayanan Pendaftaran Penduduk: BPPP)",
    "tahun": "Tahun (sheet Instansi), atau tahun Tanggal Pembuatan SOP",
}
SAMPLE = {"singkatan": "DINAS", "urut": 1, "urut_unit": 1, "unit": "BU", "tahun": "2024"}
SMALL_WORDS = {"dan", "di", "ke", "dari", "pada", "untuk", "serta", "atau", "tentang", "yang", "&"}
NO_NUMBER = re.compile(r"^[\s\-\u2013\u2014.]*$")  # empty, "-" or dots: the author left it to us


def format_problem(pattern: str) -> str | None:
    """What is wrong with the formats of a pattern whose fields are all FIELDS, or None."""
    try:
        pattern.format_map(SAMPLE)
    except (ValueError, TypeError) as exc:
        return f"format kolom tidak dapat dipakai ({exc}); contoh yang benar: {{urut:03d}} atau {{tahun}}"
    return None


def has_number(sop: Sop) -> bool:
    """Whether the author wrote a Nomor SOP (a dash or dots do not count)."""
    return not NO_NUMBER.match(sop.nomor or "")


def initials(name: str) -> str:
    """`Bidang Pelayanan Pendaftaran Penduduk` -> `BPPP`; `Sub Bagian Umum dan Kepegawaian` -> `SBUK`;
    `Seksi PMD` -> `SPMD` (a capitalised abbreviation in a mixed-case name stays whole)."""
    words = [w for w in re.split(r"[\s/,.()\-]+", name) if w]
    mixed = name != name.upper()
    code = ""
    for word in words:
        if word.lower() in SMALL_WORDS:
            continue
        if mixed and len(word) > 1 and word.isupper() and word.isalpha():
            code += word
        elif word[0].isalnum():
            code += word[0].upper()
    return code


def sequence_in_unit(sop: Sop, doc: Dokumen) -> int:
    """The SOP's position, from 1, among the SOPs of its Unit Kerja in book order."""
    unit = sop.unit_kerja.strip().lower()
    same_unit = [s for s in book_order(doc) if s.unit_kerja.strip().lower() == unit]
    return next(i for i, s in enumerate(same_unit, 1) if s is sop)


def fields(sop: Sop, index: int, doc: Dokumen) -> dict:
    """The values of FIELDS for one SOP (`index`: its position in the book from 1)."""
    tahun = doc.instansi.tahun.strip()
    if not tahun and sop.tanggal_pembuatan.date:
        tahun = str(sop.tanggal_pembuatan.date.year)
    return {"singkatan": re.sub(r"\s+", "", doc.instansi.singkatan.upper()), "urut": index,
            "urut_unit": sequence_in_unit(sop, doc), "unit": initials(sop.unit_kerja), "tahun": tahun}


def number(pattern: str, sop: Sop, index: int, doc: Dokumen) -> str | None:
    """The pattern's Nomor SOP, or None when there is no pattern or the author wrote a number."""
    if not pattern or has_number(sop):
        return None
    return pattern.format_map(fields(sop, index, doc))
