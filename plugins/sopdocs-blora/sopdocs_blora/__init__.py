"""sopdocs plugin for Kabupaten Blora (Perbup Blora 48/2015).

Provides the profile `blora-48-2015`. Every other hook here acts only on workbooks whose
Instansi sheet selects that profile (`Profil: blora-48-2015`); any other workbook is built
exactly as without this plugin.

- sopdocs_profiles: the profile (labels `Tgl Pembuatan`, `Tgl Revisi`, `Tgl Pengesahan`; the
  Standar Pelayanan as one flat numbered list with Blora's labels and order);
- sopdocs_read_workbook (a wrapper around the readers): lets SOP sheets of the default layout use
  the labels of Blora's form (`Tgl Pembuatan`, `Tgl Revisi`, `Tgl Pengesahan`), renamed to the
  default ones before any reader sees them;
- sopdocs_number_sop: Blora's Nomor SOP for SOPs the author left unnumbered (see `nomor`);
- sopdocs_validate: says when the SKPD code of those numbers has to be guessed;
- sopdocs_book_sections: a Kata Pengantar in front of the Daftar Isi of both books.

The hooks live in this module so that `sopdocs` can name this plugin when one of them fails.
"""
from __future__ import annotations

import dataclasses

from sopdocs.hookspecs import hookimpl
from sopdocs.reader import sheet_kind
from sopdocs.reader.values import as_text, label_key
from sopdocs.render.sections import Section
from sopdocs.render.template import DOTS, date_text, title_case

from .nomor import has_number, initials, nomor_sop
from .profile import PROFILE, PROFILE_NAME, is_blora

__all__ = ["PROFILE", "PROFILE_NAME", "is_blora", "nomor_sop"]

# Labels of Blora's form -> the default layout's labels they stand for (SOP sheets, column A).
FORM_LABELS = {
    label_key(alias): label
    for label, aliases in {
        "Tanggal Pembuatan": ("Tgl Pembuatan", "Tgl. Pembuatan"),
        "Tanggal Revisi": ("Tgl Revisi", "Tgl. Revisi"),
        "Tanggal Efektif": ("Tgl Pengesahan", "Tgl. Pengesahan", "Tanggal Pengesahan"),
    }.items()
    for alias in aliases
}


@hookimpl
def sopdocs_profiles():
    return [PROFILE]


@hookimpl(wrapper=True)
def sopdocs_read_workbook(path, sheets, findings):
    """Around every reader: in a Blora workbook, SOP sheets whose column A has the form's `Tgl`
    labels are handed on with the default labels instead, whichever reader then reads them.
    Any other workbook is handed on untouched."""
    if _selects_blora(sheets):
        for index, sheet in enumerate(sheets):
            if sheet_kind(sheet) == "sop":
                sheets[index] = _with_default_labels(sheet)  # the same list reaches every reader
    return (yield)


def _selects_blora(sheets) -> bool:
    for sheet in sheets:
        if label_key(sheet.name) != "instansi":
            continue
        for row in sheet.rows:
            if len(row) > 1 and isinstance(row[0], str) and label_key(row[0]) == "profil":
                return label_key(as_text(row[1])) == PROFILE_NAME
    return False


def _with_default_labels(sheet):
    """The sheet with Blora's labels in column A replaced by the default ones (the same sheet
    object when there are none)."""
    rows, changed = [], False
    for row in sheet.rows:
        label = label_key(row[0]) if row and isinstance(row[0], str) else ""
        if label in FORM_LABELS:
            row, changed = [FORM_LABELS[label], *row[1:]], True
        rows.append(row)
    return dataclasses.replace(sheet, rows=rows) if changed else sheet


@hookimpl
def sopdocs_number_sop(sop, index, doc, profile):
    if not is_blora(profile) or has_number(sop):
        return None  # another profile, or the author's own number
    return nomor_sop(sop, doc)


@hookimpl
def sopdocs_validate(doc, profile, findings):
    if not is_blora(profile) or doc.instansi.singkatan.strip() or not doc.instansi.sheet:
        return
    if not any(sop.nomor == nomor_sop(sop, doc) for sop in doc.sops):
        return  # every number is the author's own
    findings.warning(f"\"Singkatan\" belum diisi; Nomor SOP yang dibuat otomatis memakai inisial Perangkat Daerah "
                     f"\"{initials(doc.instansi.nama)}\". Isi Singkatan (mis. DISDUKCAPIL) agar nomornya sesuai "
                     "kode SKPD yang berlaku.", doc.instansi.sheet, doc.instansi.cells.get("singkatan", "A1"))


@hookimpl
def sopdocs_book_sections(doc, profile, book):
    if not is_blora(profile) or book not in ("buku_sop", "buku_sp"):
        return []
    return [kata_pengantar(doc, book)]


def kata_pengantar(doc, book: str) -> Section:
    """The Kata Pengantar of a Blora book, signed by the head of the SKPD."""
    instansi = doc.instansi
    skpd = title_case(instansi.nama) if instansi.nama else "Perangkat Daerah"
    pemerintah = title_case(instansi.pemerintah) if instansi.pemerintah else "Pemerintah Kabupaten Blora"
    tahun = f" Tahun {instansi.tahun}" if instansi.tahun else ""
    if book == "buku_sop":
        subject = "Standar Operasional Prosedur Administrasi Pemerintahan (SOP-AP)"
        purpose = (f"Penyusunan SOP-AP ini berpedoman pada Peraturan Bupati Blora Nomor 48 Tahun 2015. SOP-AP menjadi "
                   f"acuan bagi seluruh pegawai {skpd} dalam melaksanakan tugas dan fungsinya, agar setiap proses "
                   "kerja berjalan tertib, efektif, efisien, dan dapat dipertanggungjawabkan.")
    else:
        subject = "Standar Pelayanan dan Maklumat Pelayanan"
        purpose = ("Standar Pelayanan ini disusun berdasarkan Peraturan Menteri Pendayagunaan Aparatur Negara dan "
                   "Reformasi Birokrasi Nomor 15 Tahun 2014 tentang Pedoman Standar Pelayanan. Standar Pelayanan "
                   "menjadi tolok ukur penyelenggaraan pelayanan dan janji kami kepada masyarakat akan pelayanan "
                   "yang berkualitas, cepat, mudah, terjangkau, dan terukur.")
    pimpinan = instansi.pimpinan
    paragraphs = (
        f"Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa, karena atas rahmat-Nya buku {subject} "
        f"{skpd} {pemerintah}{tahun} dapat diselesaikan.",
        purpose,
        "Kami menyadari bahwa buku ini masih perlu terus disempurnakan. Saran dan masukan dari semua pihak kami "
        "terima dengan senang hati untuk perbaikan pada masa yang akan datang. Kepada semua pihak yang telah "
        "membantu penyusunannya kami sampaikan terima kasih.",
        f"{instansi.tempat_penetapan or 'Blora'}, {date_text(instansi.tanggal_keputusan)}",
        f"{(pimpinan.jabatan or 'Kepala Perangkat Daerah').upper()},",
        pimpinan.nama or DOTS,
        *([pimpinan.pangkat] if pimpinan.pangkat else []),
        f"NIP. {pimpinan.nip or DOTS}",
    )
    return Section("Kata Pengantar", paragraphs, before="DAFTAR ISI")
