"""The SOP book of one SKPD (FORMAT.md section 1), from the docxtpl template `buku_sop.docx`.

The template (cover, Keputusan, Daftar Isi, Penjelasan, Daftar SOP, each SOP's identity part,
the Lampiran forms) is rendered once per book (see `template`). Each SOP's flowchart pages take
the place of the marker paragraph that follows its identity part when the book is written (they
stay text: `flowchart_text`), and the Daftar Isi gets the page numbers the pagination finds.
"""
from __future__ import annotations

from pathlib import Path

from ..layout import FlowchartLayout, layout_flowchart
from ..model import Dokumen, Pejabat, Sop, book_order
from .flowchart import cell_styles, flowchart_xml, page_heights
from .flowchart_text import placeholders, write_as_text
from .markers import Markers
from .ooxml import add_styles, default_paragraph_style
from ..profile import DEFAULT, Profile
from .pagination import paginate
from .sections import Section, insert_sections
from .shapes import ShapeWriter
from ..templates_docx import default_template
from .contents import DaftarIsi, heading
from .context import DOTS, date_text, instansi_context, signatory
from .engine import Book, logo, render_template, template_bytes

BOOKMARK, BOOKMARK_ID = "_sopdocs_", 9000000  # hidden bookmarks on the flowcharts, far from a template's
SUBJECT = "Standar Operasional Prosedur Administrasi Pemerintahan"
COVER = {"judul": "STANDAR OPERASIONAL PROSEDUR", "sub": "ADMINISTRASI PEMERINTAHAN", "singkatan": "(SOP-AP)"}


def render_book(doc: Dokumen, profile: Profile = DEFAULT, template: Path | None = None,
                sections: tuple[Section, ...] = ()) -> Book:
    """The SOP book of `doc` under `profile`, with plugin `sections` in front of their parts."""
    sops = book_order(doc)
    identity_tables: list = []
    daftar_isi = _daftar_isi(sops, identity_tables, profile.parts, sections)
    template = template or default_template("buku_sop.docx")
    document, flowcharts = _render(doc, sops, template, profile, daftar_isi.entries)
    identity_tables.extend(place.getprevious() for place in flowcharts)
    insert_sections(document, sections)
    paginator = paginate(document, flowcharts, template_bytes(template))
    daftar_isi.fill(document, paginator)
    sop_pages = {i: paginator.page_of.get(table, 0) for i, table in enumerate(identity_tables)}
    return Book.paginated(document, paginator, sop_pages=sop_pages)


def render_sop(doc: Dokumen, sop: Sop, profile: Profile = DEFAULT, template: Path | None = None):
    """One SOP on its own: its identity part and flowchart pages (a python-docx Document)."""
    document, _ = _render(doc, [sop], template or default_template("sop.docx"), profile, [])
    return document


def _render(doc, sops, template, profile: Profile, entries):
    """The template rendered for `sops`, to be written with their flowcharts in place
    (flowchart_text); and each SOP's placeholder paragraph with the heights of its flowchart pages."""
    layouts = [layout_flowchart(sop, profile.page, profile.decision_labels, profile.titles) for sop in sops]
    places = Markers()  # each SOP's flowchart place in the rendered body

    def context(tpl) -> dict:
        small_logo = logo(tpl, doc, 18)
        instansi = doc.instansi
        return instansi_context(doc, logo(tpl, doc, 35), SUBJECT, profile.keputusan_sop) | {
            "sampul": COVER,
            "parts": profile.parts,
            "daftar_isi": entries,
            "ruang_lingkup": instansi.ruang_lingkup or [DOTS],
            "ringkasan": instansi.ringkasan or [DOTS],
            "definisi": instansi.definisi or [DOTS],
            "label": profile.labels,
            "sops": [_sop_context(sop, i, instansi.pimpinan, small_logo, places) for i, sop in enumerate(sops)],
        }

    title = sops[0].nama if len(sops) == 1 and not entries else f"Standar Operasional Prosedur {doc.instansi.nama}"
    document, last_drawing = render_template(template, context, profile.page, title, doc.instansi.nama)
    styles = document.styles.element
    add_styles(styles, cell_styles(layouts, default_paragraph_style(styles)))
    write_as_text(document, places, _flowcharts(layouts, last_drawing + 1))
    return document, dict(zip(placeholders(document, places, len(sops)), map(page_heights, layouts)))


def _sop_context(sop: Sop, index: int, default: Pejabat, logo, places: Markers) -> dict:
    return {
        "nama": sop.nama, "nomor": sop.nomor or DOTS, "unit_kerja": sop.unit_kerja, "logo": logo,
        "tanggal_pembuatan": date_text(sop.tanggal_pembuatan), "tanggal_efektif": date_text(sop.tanggal_efektif),
        "tanggal_revisi": date_text(sop.tanggal_revisi, empty="-"),
        "pengesah": signatory(sop.pengesah.filled_from(default)),
        "dasar_hukum": sop.dasar_hukum, "kualifikasi": sop.kualifikasi, "keterkaitan": sop.keterkaitan,
        "peralatan": sop.peralatan, "peringatan": sop.peringatan, "pencatatan": sop.pencatatan,
        "flowchart": places(index),
    }


def _daftar_isi(sops: list[Sop], identity_tables: list, parts: tuple[str, ...],
                sections: tuple[Section, ...]) -> DaftarIsi:
    """Plugin sections, Penjelasan, Daftar SOP, each SOP under its Unit Kerja, the Lampiran forms
    (those the profile's book has). The SOP entries point at their identity tables, known once
    the flowcharts are in place."""
    daftar_isi = DaftarIsi()
    for section in sections:
        daftar_isi.add(section.title, heading(section.title.upper()))
    if "penjelasan" in parts:
        daftar_isi.add("Penjelasan Singkat Penggunaan", heading("PENJELASAN SINGKAT"))
    if "daftar_sop" in parts:
        daftar_isi.add("Daftar Standar Operasional Prosedur", heading("DAFTAR STANDAR OPERASIONAL"))
    unit = None
    for index, sop in enumerate(sops):
        if sop.unit_kerja and sop.unit_kerja != unit:
            unit = sop.unit_kerja
            daftar_isi.add(unit.upper())
        daftar_isi.add(f"{index + 1}. {sop.nama}", lambda document, i=index: identity_tables[i], under=bool(unit))
    if "lampiran" in parts:
        daftar_isi.add("Lampiran 1: Monitoring Pelaksanaan SOP AP", heading("LAMPIRAN 1"))
        daftar_isi.add("Lampiran 2: Evaluasi Penerapan SOP AP", heading("LAMPIRAN 2"))
    return daftar_isi


def _flowcharts(layouts: list[FlowchartLayout], first_id: int) -> list[str]:
    """Each SOP's flowchart pages as XML; the first caption carries the bookmark `_sopdocs_<index>`.
    Their drawings are numbered on from `first_id`, after those of the rendered document."""
    writer = ShapeWriter(layouts[0].setup.font_name if layouts else "Arial", first_id)
    return [flowchart_xml(layout, writer, bookmark=(BOOKMARK_ID + index, f"{BOOKMARK}{index}"))
            for index, layout in enumerate(layouts)]
