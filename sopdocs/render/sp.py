"""The Standar Pelayanan book of one SKPD (FORMAT.md section 5), from `buku_sp.docx`: cover,
Keputusan, Daftar Isi, each Standar Pelayanan with its components in two groups, and the
Maklumat Pelayanan."""
from __future__ import annotations

from pathlib import Path

from ..model import KOMPONEN, Dokumen, Sop, StandarPelayanan
from ..profile import DEFAULT, Profile
from .markers import Markers
from .pagination import W, paginate
from .sections import Section, insert_sections
from ..templates_docx import default_template
from .contents import DaftarIsi, first_paragraph, heading
from .context import instansi_context
from .engine import Book, logo, render_template, template_bytes

SUBJECT = "Standar Pelayanan"
COVER = {"judul": "STANDAR PELAYANAN", "sub": "DAN MAKLUMAT PELAYANAN", "singkatan": ""}
GROUP_TITLES = {
    "a": "A. Komponen Standar Pelayanan yang terkait dengan proses penyampaian pelayanan",
    "b": "B. Komponen Standar Pelayanan yang terkait dengan proses pengelolaan pelayanan di internal organisasi",
}
MAKLUMAT = ("Dengan ini, kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan yang telah "
            "ditetapkan dan apabila tidak menepati janji ini, kami siap menerima sanksi sesuai peraturan "
            "perundang-undangan yang berlaku.")


def render_sp_book(doc: Dokumen, profile: Profile = DEFAULT, template: Path | None = None,
                   sections: tuple[Section, ...] = (), publik: bool = False) -> Book:
    """The book of every Standar Pelayanan of `doc`; `publik` keeps only the six components of
    service delivery, for display to the public."""
    marks = Markers()  # ends each service's heading until the pages are known
    daftar_isi = DaftarIsi()
    for section in sections:
        daftar_isi.add(section.title, heading(section.title.upper()))
    for index, sp in enumerate(doc.layanan, 1):
        daftar_isi.add(f"{index}. Standar Pelayanan {service_name(sp.jenis_pelayanan)}",
                       first_paragraph(lambda text, mark=marks(index): mark in text))
    daftar_isi.add("Maklumat Pelayanan", heading("MAKLUMAT PELAYANAN"))

    def context(tpl) -> dict:
        return instansi_context(doc, logo(tpl, doc, 35), SUBJECT, profile.keputusan_sp) | {
            "sampul": COVER,
            "parts": profile.parts,
            "daftar_isi": daftar_isi.entries,
            "layanan": [_service(sp, i, profile, publik, marks) for i, sp in enumerate(doc.layanan, 1)],
            "maklumat": [line for line in (doc.instansi.maklumat or MAKLUMAT).split("\n") if line.strip()],
        }

    template = template or default_template("buku_sp.docx")
    document, _ = render_template(template, context, profile.page, f"Standar Pelayanan {doc.instansi.nama}",
                                  doc.instansi.nama)
    insert_sections(document, sections)
    _release_last_rows(document)
    paginator = paginate(document, template=template_bytes(template))
    daftar_isi.fill(document, paginator)
    _remove_marks(document, marks)
    return Book.paginated(document, paginator)


def service_name(jenis: str) -> str:
    """The Jenis Pelayanan as it follows "Standar Pelayanan": `Pelayanan Perekaman KTP-el` would
    read "Standar Pelayanan Pelayanan Perekaman KTP-el", so its own leading "Pelayanan" goes."""
    first, _, rest = jenis.strip().partition(" ")
    return rest.strip() if first.lower() == "pelayanan" and rest.strip() else jenis.strip()


def _release_last_rows(document) -> None:
    """The template keeps every row of a component table with the next, so the table moves to a
    new page whole; its last row must not also keep the table with what follows it. Component
    tables are those with repeated header rows."""
    for table in document.element.body.iterchildren(W + "tbl"):
        rows = table.findall(W + "tr")
        if len(rows) > 1 and table.find(f"{W}tr/{W}trPr/{W}tblHeader") is not None:
            for keep in rows[-1].iter(W + "keepNext"):
                keep.getparent().remove(keep)


def _service(sp: StandarPelayanan, index: int, profile: Profile, publik: bool, marks: Markers) -> dict:
    """The two groups of components (or the profile's one flat list) with their numbered lines."""
    lines = {k.key: (sop_procedure(sp.sop) if k.key == "prosedur" and sp.sop else v) for k, v in sp.komponen()}
    groups = {k.key: k.group.lower() for k in KOMPONEN}
    if profile.sp_layout == "flat":
        lines["jenis_pelayanan"] = [sp.jenis_pelayanan]
        keys = [k for k in profile.sp_order if not publik or groups.get(k, "a") == "a"]
        rows = {"a": keys, "b": []}
        titles = {"a": "", "b": ""}
    else:
        rows = {g: [k.key for k in KOMPONEN if k.group.lower() == g] for g in ("a", "b")}
        rows["b"] = [] if publik else rows["b"]
        titles = GROUP_TITLES
    table = {g: [{"no": str(n), "komponen": profile.sp_labels[key], "uraian": numbered(lines[key])}
                 for n, key in enumerate(keys, 1)] for g, keys in rows.items()}
    return {"jenis": sp.jenis_pelayanan, "judul": service_name(sp.jenis_pelayanan), "penanda": marks(index),
            "judul_a": titles["a"], "judul_b": titles["b"], "kelompok_a": table["a"], "kelompok_b": table["b"]}


def sop_procedure(sop: Sop) -> list[str]:
    """The procedure of a linked SOP: its name, then each activity with who does it."""
    number = sop.nomor if sop.nomor.upper().startswith("SOP") else f"SOP {sop.nomor}".strip()
    heading = f"Sesuai {number} {sop.nama}:"
    steps = [f"{step.kegiatan} ({', '.join(sop.actors[i] for i in step.actors)})" for step in sop.steps]
    return [heading] + [f"{n}. {text}" for n, text in enumerate(steps, 1)]


def numbered(lines: list[str]) -> list[str]:
    """Several items are numbered 1., 2., ...; one stands alone; none prints a dash. A linked
    SOP's procedure arrives numbered already."""
    if not lines:
        return ["-"]
    if len(lines) == 1 or lines[0].startswith("Sesuai SOP"):
        return lines
    return [f"{n}. {line}" for n, line in enumerate(lines, 1)]


def _remove_marks(document, marks: Markers) -> None:
    for text in document.element.body.iter(W + "t"):
        if text.text:
            text.text = marks.replace(text.text, lambda index: "")
