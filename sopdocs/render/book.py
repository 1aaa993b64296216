"""The SOP book of one SKPD (FORMAT.md section 1), from the docxtpl template `buku_sop.docx`.

The template (cover, Keputusan, Daftar Isi, Penjelasan, Daftar SOP, each SOP's identity part,
the Lampiran forms) is rendered once per book in a sandboxed Jinja environment with escaping on,
so workbook text is data and never template code. Each SOP's flowchart pages then replace the
marker paragraph that follows its identity part, and the Daftar Isi gets the page numbers the
pagination finds.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage
from jinja2.sandbox import SandboxedEnvironment

from ..layout import FlowchartLayout, PageSetup, layout_flowchart
from ..model import Dokumen, Pejabat, Sop, Tanggal
from ..reader.values import long_date
from .flowchart import flowchart_xml
from .ooxml import parse
from .pagination import W, paginate
from .shapes import ShapeWriter

DOTS = "...................."
MARKER = "\u00a7SOPDOCS-FLOWCHART-{}\u00a7"
TOKEN = "\u27e6{}\u27e7"
TOKEN_PATTERN = re.compile("\u27e6(\\d+)\u27e7")
LABELS = {"nomor": "Nomor SOP", "tanggal_pembuatan": "Tanggal Pembuatan", "tanggal_revisi": "Tanggal Revisi",
          "tanggal_efektif": "Tanggal Efektif", "disahkan": "Disahkan Oleh", "nama": "Nama SOP"}
MENGINGAT = (
    "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;",
    "Undang-Undang Nomor 30 Tahun 2014 tentang Administrasi Pemerintahan;",
    "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah sebagaimana telah beberapa kali diubah, "
    "terakhir dengan Undang-Undang Nomor 6 Tahun 2023 tentang Penetapan Peraturan Pemerintah Pengganti "
    "Undang-Undang Nomor 2 Tahun 2022 tentang Cipta Kerja menjadi Undang-Undang;",
    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 35 Tahun 2012 tentang "
    "Pedoman Penyusunan Standar Operasional Prosedur Administrasi Pemerintahan;",
)


@dataclass
class Book:
    """A rendered book: the python-docx document and the numbers of its pages."""

    document: object
    front_pages: int
    body_pages: int
    sop_pages: dict[int, int] = field(default_factory=dict)  # SOP index (book order) -> first page

    @property
    def pages(self) -> int:
        return self.front_pages + self.body_pages


def default_template(name: str = "buku_sop.docx") -> Path:
    return Path(str(resources.files("sopdocs.templates_docx").joinpath(name)))


def book_order(doc: Dokumen) -> list[Sop]:
    """SOPs grouped by Unit Kerja, units in the order they first appear, SOPs in workbook order."""
    units: dict[str, list[Sop]] = {}
    for sop in doc.sops:
        units.setdefault(sop.unit_kerja.strip().lower(), []).append(sop)
    return [sop for group in units.values() for sop in group]


def render_book(doc: Dokumen, setup: PageSetup = PageSetup(), template: Path | None = None,
                decision_labels: tuple[str, str] = ("Ya", "Tidak")) -> Book:
    sops = book_order(doc)
    entries, targets = _daftar_isi(sops)
    document, identity_tables = _render(doc, sops, template or default_template(), setup, decision_labels, entries)
    paginator = paginate(document)
    (front, front_pages), (_, body_pages) = paginator.sections[0], paginator.sections[-1]
    pages = {key: _page_of(paginator, finder(document, identity_tables)) for key, finder in targets.items()}
    _fill_tokens(document, entries, pages)
    sop_pages = {i: pages[("sop", i)] for i in range(len(sops))}
    return Book(document, front_pages, body_pages, sop_pages)


def render_sop(doc: Dokumen, sop: Sop, setup: PageSetup = PageSetup(), template: Path | None = None,
               decision_labels: tuple[str, str] = ("Ya", "Tidak")):
    """One SOP on its own: its identity part and flowchart pages (a python-docx Document)."""
    document, _ = _render(doc, [sop], template or default_template("sop.docx"), setup, decision_labels, [])
    return document


def _render(doc, sops, template, setup, decision_labels, entries):
    """The template rendered for `sops`, with their flowcharts in place; and the identity tables."""
    layouts = [layout_flowchart(sop, setup, decision_labels) for sop in sops]
    tpl = DocxTemplate(str(template))
    tpl.render(_context(doc, sops, tpl, entries), SandboxedEnvironment(autoescape=True), autoescape=True)
    _set_paper(tpl.docx, setup)
    return tpl.docx, _insert_flowcharts(tpl.docx, layouts)


def _context(doc: Dokumen, sops: list[Sop], tpl: DocxTemplate, entries: list[dict]) -> dict:
    instansi = doc.instansi
    pimpinan = _signatory(instansi.pimpinan)
    logo = lambda height: InlineImage(tpl, io.BytesIO(instansi.logo), height=Mm(height)) if instansi.logo else ""  # noqa: E731,E501
    skpd = _title_case(instansi.nama)
    jabatan = instansi.pimpinan.jabatan or "Kepala Perangkat Daerah"
    return {
        "instansi": {"nama": instansi.nama, "pemerintah": instansi.pemerintah, "tahun": instansi.tahun or DOTS,
                     "alamat": instansi.alamat},
        "logo": logo(35),
        "pimpinan": pimpinan,
        "nomor_keputusan": instansi.nomor_keputusan or DOTS,
        "tempat": instansi.tempat_penetapan or DOTS,
        "tanggal": _date(instansi.tanggal_keputusan),
        "menimbang": [
            f"a. bahwa dalam rangka meningkatkan kualitas penyelenggaraan pemerintahan dan pelayanan kepada "
            f"masyarakat, perlu disusun Standar Operasional Prosedur Administrasi Pemerintahan pada {skpd};",
            f"b. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Keputusan "
            f"{jabatan} tentang Penetapan Standar Operasional Prosedur Administrasi Pemerintahan pada {skpd};",
        ],
        "mengingat": [f"{i}. {text}" for i, text in enumerate(MENGINGAT, 1)],
        "menetapkan": [
            f"KEPUTUSAN {jabatan.upper()} TENTANG PENETAPAN STANDAR OPERASIONAL PROSEDUR ADMINISTRASI "
            f"PEMERINTAHAN PADA {instansi.nama.upper()}.",
            f"KESATU: Menetapkan Standar Operasional Prosedur Administrasi Pemerintahan pada {skpd} sebagaimana "
            "tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan dari Keputusan ini.",
            f"KEDUA: Standar Operasional Prosedur sebagaimana dimaksud pada Diktum KESATU menjadi pedoman bagi "
            f"seluruh pegawai di lingkungan {skpd} dalam melaksanakan tugas dan fungsinya.",
            "KETIGA: Keputusan ini mulai berlaku pada tanggal ditetapkan.",
        ],
        "daftar_isi": entries,
        "ruang_lingkup": instansi.ruang_lingkup or [DOTS],
        "ringkasan": instansi.ringkasan or [DOTS],
        "definisi": instansi.definisi or [DOTS],
        "label": LABELS,
        "sops": [_sop_context(sop, i, instansi.pimpinan, logo(18)) for i, sop in enumerate(sops)],
    }


def _sop_context(sop: Sop, index: int, default: Pejabat, logo) -> dict:
    return {
        "nama": sop.nama, "nomor": sop.nomor or DOTS, "unit_kerja": sop.unit_kerja, "logo": logo,
        "tanggal_pembuatan": _date(sop.tanggal_pembuatan), "tanggal_efektif": _date(sop.tanggal_efektif),
        "tanggal_revisi": _date(sop.tanggal_revisi, empty="-"),
        "pengesah": _signatory(sop.pengesah.filled_from(default)),
        "dasar_hukum": sop.dasar_hukum, "kualifikasi": sop.kualifikasi, "keterkaitan": sop.keterkaitan,
        "peralatan": sop.peralatan, "peringatan": sop.peringatan, "pencatatan": sop.pencatatan,
        "flowchart": MARKER.format(index),
    }


def _signatory(pejabat: Pejabat) -> dict:
    return {"jabatan": pejabat.jabatan or DOTS, "nama": pejabat.nama or DOTS, "pangkat": pejabat.pangkat,
            "nip": pejabat.nip or DOTS}


def _date(tanggal: Tanggal, empty: str = DOTS) -> str:
    if tanggal.date:
        return long_date(tanggal.date)
    return tanggal.text or empty


def _title_case(name: str) -> str:
    """`DINAS KESEHATAN` -> `Dinas Kesehatan`, keeping short words lower case."""
    small = {"dan", "di", "ke", "dari", "pada", "untuk", "serta", "atau"}
    words = name.lower().split()
    return " ".join(w if i and w in small else w[:1].upper() + w[1:] for i, w in enumerate(words))


def _daftar_isi(sops: list[Sop]) -> tuple[list[dict], dict]:
    """The entries (with page tokens) and, per token key, how to find the element it points at."""
    entries: list[dict] = []
    targets: dict = {}

    def add(title: str, key, finder) -> None:
        entries.append({"judul": title, "halaman": TOKEN.format(len(targets)) if key else ""})
        if key:
            targets[key] = finder

    add("Penjelasan Singkat Penggunaan", "penjelasan", _heading("PENJELASAN SINGKAT"))
    add("Daftar Standar Operasional Prosedur", "daftar", _heading("DAFTAR STANDAR OPERASIONAL"))
    unit = None
    for index, sop in enumerate(sops):
        if sop.unit_kerja and sop.unit_kerja != unit:
            unit = sop.unit_kerja
            add(unit.upper(), None, None)
        add(f"{index + 1}. {sop.nama}", ("sop", index), lambda document, tables, i=index: tables[i])
    add("Lampiran 1: Monitoring Pelaksanaan SOP AP", "monitoring", _heading("LAMPIRAN 1"))
    add("Lampiran 2: Evaluasi Penerapan SOP AP", "evaluasi", _heading("LAMPIRAN 2"))
    return entries, targets


def _heading(prefix: str):
    def find(document, _tables):
        return next((p for p in document.element.body.iter(W + "p")
                     if "".join(t.text or "" for t in p.iter(W + "t")).strip().startswith(prefix)), None)
    return find


def _page_of(paginator, element) -> int:
    while element is not None and element not in paginator.page_of:
        element = element.getparent()
    return paginator.page_of.get(element, 0)


def _fill_tokens(document, entries: list[dict], pages: dict) -> None:
    """Replace the page tokens of the Daftar Isi with the numbers as printed (roman in front)."""
    keys = list(pages)
    roman = {"penjelasan", "daftar"}
    for text in document.element.body.iter(W + "t"):
        if text.text and "\u27e6" in text.text:
            text.text = TOKEN_PATTERN.sub(
                lambda m: _roman(pages[keys[int(m.group(1))]]) if keys[int(m.group(1))] in roman
                else str(pages[keys[int(m.group(1))]]), text.text)


def _roman(number: int) -> str:
    numerals = (("m", 1000), ("cm", 900), ("d", 500), ("cd", 400), ("c", 100), ("xc", 90), ("l", 50), ("xl", 40),
                ("x", 10), ("ix", 9), ("v", 5), ("iv", 4), ("i", 1))
    out = ""
    for letters, value in numerals:
        while number >= value:
            out, number = out + letters, number - value
    return out


def _insert_flowcharts(document, layouts: list[FlowchartLayout]) -> list:
    """Replace each SOP's marker paragraph by its flowchart pages; returns the identity tables."""
    body = document.element.body
    markers = {}
    for p in body.iter(W + "p"):
        text = "".join(t.text or "" for t in p.iter(W + "t"))
        if text.startswith("\u00a7SOPDOCS-FLOWCHART-"):
            markers[int(text.strip("\u00a7").rsplit("-", 1)[1])] = p
    writer = ShapeWriter(layouts[0].setup.font_name if layouts else "Arial", _next_drawing_id(body))
    tables = []
    for index, layout in enumerate(layouts):
        marker = markers[index]
        tables.append(marker.getprevious())
        for element in parse(flowchart_xml(layout, writer)):
            marker.addprevious(element)
        marker.getparent().remove(marker)
    return tables


def _next_drawing_id(body) -> int:
    ids = [int(d.get("id")) for d in body.iter("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr")]
    return max(ids, default=0) + 1


def _set_paper(document, setup: PageSetup) -> None:
    """The template is F4; another paper keeps each section's orientation and margins."""
    if setup.paper == "F4":
        return
    from ..layout.page import PAPER_MM

    short, long = (Mm(v) for v in PAPER_MM[setup.paper])
    for section in document.sections:
        landscape = section.page_width > section.page_height
        section.page_width, section.page_height = (long, short) if landscape else (short, long)
