"""A profile: the choices a region's rules make about its documents (FORMAT.md section 6).

The default profile, `permenpan-35-2012`, follows PermenPANRB 35/2012 and 15/2014; a region's
plugin returns its own from the `sopdocs_profiles` hook, usually `DEFAULT.but(...)`.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from .layout import PageSetup
from .layout.flowchart import TITLES as TABLE_TITLES
from .model import DEFAULT_PROFILE, KOMPONEN

IDENTITY_LABELS = {
    "nomor": "Nomor SOP", "tanggal_pembuatan": "Tanggal Pembuatan", "tanggal_revisi": "Tanggal Revisi",
    "tanggal_efektif": "Tanggal Efektif", "disahkan": "Disahkan Oleh", "nama": "Nama SOP",
}
SOP_BOOK_PARTS = ("sampul", "keputusan", "daftar_isi", "penjelasan", "daftar_sop", "sop", "lampiran")


@dataclass(frozen=True)
class Profile:
    """Everything a region may change without writing code of its own.

    - `labels`: the identity part's labels (keys of IDENTITY_LABELS); `titles`: the flowchart
      table's column titles (keys of TABLE_TITLES).
    - `label_aliases`: more spellings the reader accepts for the SOP identity labels of the
      workbook, {field: (spelling, ...)}, fields as in `sopdocs.reader.labels.SOP_NAMES`
      (e.g. {"tanggal_efektif": ("Tgl Disahkan",)}).
    - `page`: paper, margins and type of the flowchart pages; books follow its paper.
    - `parts`: which parts the SOP book has (the template fixes their order).
    - `decision_labels`: the words beside a decision's two exits when the author gave none.
    - `sp_layout`: "grouped" (the two groups of PermenPANRB 15/2014) or "flat" (one numbered
      list, in `sp_order`, starting with the service's name); `sp_labels`: component labels by
      key (see model.KOMPONEN, plus "jenis_pelayanan").
    """

    name: str
    description: str = ""
    labels: dict = field(default_factory=lambda: dict(IDENTITY_LABELS))
    titles: dict = field(default_factory=lambda: dict(TABLE_TITLES))
    label_aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    page: PageSetup = PageSetup()
    parts: tuple[str, ...] = SOP_BOOK_PARTS
    decision_labels: tuple[str, str] = ("Ya", "Tidak")
    sp_layout: str = "grouped"
    sp_labels: dict = field(default_factory=lambda: {k.key: k.label for k in KOMPONEN} | {"jenis_pelayanan": "Jenis Pelayanan"})
    sp_order: tuple[str, ...] = ("jenis_pelayanan", *(k.key for k in KOMPONEN))

    def but(self, name: str, description: str = "", **changes) -> Profile:
        """A copy named `name`; dict fields given in `changes` update this profile's dicts."""
        for key in ("labels", "titles", "sp_labels", "label_aliases"):
            if key in changes:
                changes[key] = getattr(self, key) | changes[key]
        return dataclasses.replace(self, name=name, description=description, **changes)

    def with_paper(self, paper: str | None) -> Profile:
        """This profile on another paper (the command line's --kertas)."""
        return self if not paper else dataclasses.replace(self, page=dataclasses.replace(self.page, paper=paper))


DEFAULT = Profile(DEFAULT_PROFILE, "PermenPANRB 35/2012 (SOP-AP) dan 15/2014 (Standar Pelayanan)")
