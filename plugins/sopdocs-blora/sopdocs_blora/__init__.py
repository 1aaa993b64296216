"""sopdocs plugin for Kabupaten Blora (Perbup Blora 48/2015).

Provides the profile `blora-48-2015`. Every other hook here acts only on workbooks whose
Instansi sheet selects that profile (`Profil: blora-48-2015`); any other workbook is built
exactly as without this plugin.

- sopdocs_profiles: the profile (labels `Tgl Pembuatan`, `Tgl Revisi`, `Tgl Pengesahan`, which
  the reader also accepts in the workbook through the profile's `label_aliases`; the Standar
  Pelayanan as one flat numbered list with Blora's labels and order);
- sopdocs_number_sop: Blora's Nomor SOP for SOPs the author left unnumbered (see `nomor`);
- sopdocs_validate: says when the SKPD code of those numbers has to be guessed;
- sopdocs_book_sections: a Kata Pengantar in front of the Daftar Isi of both books.

The hooks live in this module so that `sopdocs` can name this plugin when one of them fails.
"""
from __future__ import annotations

from sopdocs.hookspecs import hookimpl
from sopdocs.render.sections import Section
from sopdocs.render.context import DOTS, date_text, title_case

from .nomor import has_number, initials, nomor_sop
from .profile import PROFILE, PROFILE_NAME, is_blora

__all__ = ["PROFILE", "PROFILE_NAME", "is_blora", "nomor_sop"]


@hookimpl
def sopdocs_profiles():
    return [PROFILE]


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
