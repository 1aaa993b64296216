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
class Keputusan:
    """The texts of a book's Keputusan. Each may name the fields {subjek} (what is adopted, e.g.
    `Standar Pelayanan`), {skpd} (the SKPD's name in title case), {instansi} (its name as written),
    {jabatan} (its head's office) and their capitals {SUBJEK}, {INSTANSI}, {JABATAN}; the book
    letters the menimbang (a., b., ...) and numbers the mengingat (1., 2., ...)."""

    menimbang: tuple[str, ...]
    mengingat: tuple[str, ...]
    diktum: tuple[tuple[str, str], ...]  # (label, text): ("Menetapkan", ...), ("KESATU", ...), ...


KEPUTUSAN_FIELDS = ("subjek", "skpd", "instansi", "jabatan", "SUBJEK", "INSTANSI", "JABATAN")
MENIMBANG = (
    "bahwa dalam rangka meningkatkan kualitas penyelenggaraan pemerintahan dan pelayanan kepada masyarakat, perlu "
    "disusun {subjek} pada {skpd};",
    "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Keputusan {jabatan} tentang "
    "Penetapan {subjek} pada {skpd};",
)
DIKTUM = (
    ("Menetapkan", "KEPUTUSAN {JABATAN} TENTANG PENETAPAN {SUBJEK} PADA {INSTANSI}."),
    ("KESATU", "Menetapkan {subjek} pada {skpd} sebagaimana tercantum dalam Lampiran yang merupakan bagian tidak "
               "terpisahkan dari Keputusan ini."),
    ("KEDUA", "{subjek} sebagaimana dimaksud pada Diktum KESATU menjadi pedoman bagi seluruh pegawai di lingkungan "
              "{skpd} dalam melaksanakan tugas dan fungsinya."),
    ("KETIGA", "Keputusan ini mulai berlaku pada tanggal ditetapkan."),
)
PEMDA = ("Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah sebagaimana telah beberapa kali diubah, "
         "terakhir dengan Undang-Undang Nomor 6 Tahun 2023 tentang Penetapan Peraturan Pemerintah Pengganti "
         "Undang-Undang Nomor 2 Tahun 2022 tentang Cipta Kerja menjadi Undang-Undang;")
KEPUTUSAN_SOP = Keputusan(MENIMBANG, (
    "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;",
    "Undang-Undang Nomor 30 Tahun 2014 tentang Administrasi Pemerintahan;",
    PEMDA,
    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 35 Tahun 2012 tentang "
    "Pedoman Penyusunan Standar Operasional Prosedur Administrasi Pemerintahan;",
), DIKTUM)
KEPUTUSAN_SP = Keputusan(MENIMBANG, (
    "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;",
    PEMDA,
    "Peraturan Pemerintah Nomor 96 Tahun 2012 tentang Pelaksanaan Undang-Undang Nomor 25 Tahun 2009 tentang "
    "Pelayanan Publik;",
    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 15 Tahun 2014 tentang "
    "Pedoman Standar Pelayanan;",
), DIKTUM)


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
    - `label_aliases`: for a workbook label's key (reader.labels, e.g. "tanggal_efektif"), more
      spellings the reader accepts (e.g. ("Tgl Pengesahan",)).
    - `keputusan_sop`, `keputusan_sp`: the texts of the two books' Keputusan.
    - `nomor_sop`: a pattern for the Nomor SOP of SOPs whose author left it empty (see
      numbering.FIELDS), e.g. "{singkatan}/{urut:03d}/SOP/{tahun}"; empty: the author's numbers.
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
    label_aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    keputusan_sop: Keputusan = KEPUTUSAN_SOP
    keputusan_sp: Keputusan = KEPUTUSAN_SP
    nomor_sop: str = ""

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
