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

from sopdocs.model import Dokumen, Sop
from sopdocs.numbering import fields, has_number, initials

__all__ = ["has_number", "initials", "nomor_sop"]

COMPONENT = "SOP"


def skpd_code(doc: Dokumen) -> str:
    singkatan = doc.instansi.singkatan.strip()
    if singkatan:
        return re.sub(r"\s+", "", singkatan.upper()).replace("/", "-")
    return initials(doc.instansi.nama)


def nomor_sop(sop: Sop, doc: Dokumen) -> str:
    """The Blora Nomor SOP of `sop` (see the module's docstring): the pattern fields of sopdocs,
    with the parts that are empty left out."""
    found = fields(sop, 0, doc)
    parts = (COMPONENT, skpd_code(doc), found["unit"], f"{found['urut_unit']:02d}", found["tahun"])
    return "/".join(part for part in parts if part)
