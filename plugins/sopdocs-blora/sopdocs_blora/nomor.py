"""Blora's Nomor SOP: component / SKPD / unit / sequence / year.

    SOP/<singkatan SKPD>/<kode unit>/<nn>/<tahun>      e.g. SOP/DISDUKCAPIL/BPPP/02/2024

- component: always `SOP`;
- SKPD: the Instansi sheet's `Singkatan` in capitals (spaces removed, `/` becomes `-`); when it
  is empty, the initials of `Perangkat Daerah` (`Dinas Kependudukan dan Pencatatan Sipil` -> `DKPS`);
- unit: the initials of the SOP's `Unit Kerja` (`Bidang Pelayanan Pendaftaran Penduduk` -> `BPPP`);
  an abbreviation written in capitals inside the name is kept whole (`Seksi PMD` -> `SPMD`);
  left out when the SOP has no Unit Kerja;
- sequence: the SOP's position within its Unit Kerja in the book, two digits (01, 02, ...);
- year: the Instansi sheet's `Tahun`, else the year of the SOP's Tanggal Pembuatan, else left out.
"""
from __future__ import annotations

import re

from sopdocs.model import Dokumen, Sop, book_order

COMPONENT = "SOP"
SMALL_WORDS = {"dan", "di", "ke", "dari", "pada", "untuk", "serta", "atau", "tentang", "yang", "&"}
NO_NUMBER = re.compile(r"^[\s\-\u2013\u2014.]*$")  # empty, "-" or dots: the author left it to us


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


def skpd_code(doc: Dokumen) -> str:
    singkatan = doc.instansi.singkatan.strip()
    if singkatan:
        return re.sub(r"\s+", "", singkatan.upper()).replace("/", "-")
    return initials(doc.instansi.nama)


def unit_code(sop: Sop) -> str:
    return initials(sop.unit_kerja)


def sequence(sop: Sop, doc: Dokumen) -> int:
    """The SOP's position, from 1, among the SOPs of its Unit Kerja in book order."""
    unit = sop.unit_kerja.strip().lower()
    same_unit = [s for s in book_order(doc) if s.unit_kerja.strip().lower() == unit]
    return next(i for i, s in enumerate(same_unit, 1) if s is sop)


def year(sop: Sop, doc: Dokumen) -> str:
    tahun = doc.instansi.tahun.strip()
    if tahun:
        return tahun
    return str(sop.tanggal_pembuatan.date.year) if sop.tanggal_pembuatan.date else ""


def nomor_sop(sop: Sop, doc: Dokumen) -> str:
    """The Blora Nomor SOP of `sop` (see the module's docstring)."""
    parts = (COMPONENT, skpd_code(doc), unit_code(sop), f"{sequence(sop, doc):02d}", year(sop, doc))
    return "/".join(part for part in parts if part)
