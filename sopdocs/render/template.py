"""What every book shares: rendering a docxtpl template safely, the Instansi and Keputusan
context, and a Daftar Isi whose page numbers come from the pagination.

Templates are rendered in a sandboxed Jinja environment with escaping on, so workbook text is
data and never template code.
"""
from __future__ import annotations

import copy
import datetime
import io
import re
from importlib import resources
from pathlib import Path
from typing import Callable

from docx.oxml import OxmlElement
from docx.oxml.parser import element_class_lookup
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage
from jinja2 import StrictUndefined, TemplateSyntaxError, UndefinedError
from lxml import etree
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from ..layout import PAPER_MM, PageSetup
from ..model import Dokumen, Instansi, Pejabat, Tanggal
from ..errors import TemplateError
from ..profile import Keputusan
from ..reader.values import long_date
from .markers import Markers
from .pagination import W, Paginator

DOTS = "...................."
SMALL_WORDS = {"dan", "di", "ke", "dari", "pada", "untuk", "serta", "atau", "tentang"}
REGION_PREFIX = re.compile(r"^\s*pemerintah(?:\s+daerah)?\s+", re.I)  # PEMERINTAH KOTA BATAM -> KOTA BATAM
REGION_KIND = re.compile(r"^(?:kota|kabupaten|kab\.?|provinsi)\s+", re.I)  # KOTA BATAM -> BATAM


def default_template(name: str) -> Path:
    return Path(str(resources.files("sopdocs.templates_docx").joinpath(name)))


WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_BODY_PARSER = etree.XMLParser(recover=True, huge_tree=True)
_BODY_PARSER.set_element_class_lookup(element_class_lookup)  # python-docx's classes (document, body, ...)


class _Environment(SandboxedEnvironment):
    """The sandbox, compiling each template part once per process: every book made from a
    template renders the same part sources, and compiling them costs as much as rendering."""

    def __init__(self):
        super().__init__(autoescape=True, undefined=StrictUndefined)
        self._compiled: dict[str, object] = {}

    def from_string(self, source, globals=None, template_class=None):
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        compiled = self._compiled.get(source)
        if compiled is None:
            if len(self._compiled) >= 64:
                self._compiled.clear()
            compiled = self._compiled[source] = super().from_string(source)
        return compiled


_ENVIRONMENT = _Environment()
_LISTING_TEXT = re.compile("<w:t(?: [^>]*)?>[^<]*[\t\a\n\f]")  # a tab, bell, new line or form feed in a text


class _Template(DocxTemplate):
    """A DocxTemplate whose rendered body XML passes through `rewrite` before it is parsed."""

    def __init__(self, path: Path, rewrite: Callable[[str], str] | None):
        super().__init__(str(path))
        self._rewrite = rewrite

    def build_xml(self, context, jinja_env=None):
        self._column_loops = "{%tc" in self.get_xml()
        xml = super().build_xml(context, jinja_env)
        return self._rewrite(xml) if self._rewrite else xml

    def resolve_listing(self, xml):
        """docxtpl turns tabs, bells, new lines and form feeds inside texts into Word markup, with
        regular expressions over every run of the part; with none of them in any text there is
        nothing to turn, and the part is returned as it is."""
        return super().resolve_listing(xml) if _LISTING_TEXT.search(xml) else xml

    def fix_tables(self, xml):
        """docxtpl widens the grid of tables whose `{%tc %}` loops added columns; without such
        loops every grid is already right, and checking the flowchart tables would cost a third
        of a book's rendering."""
        if self._column_loops:
            return super().fix_tables(xml)
        root = self.docx.element
        if len(root) != 1:  # more than the body (a page background): docxtpl's way, moving the body in
            return etree.fromstring(xml, parser=etree.XMLParser(recover=True, huge_tree=True))
        # The body is parsed inside a new document element, which then takes the place of the
        # part's own (map_tree): moving a parsed body into the old tree would cost lxml a pass
        # over each of its hundreds of thousands of nodes.
        shell = etree.tostring(etree.Element(root.tag, attrib=dict(root.attrib), nsmap=root.nsmap),
                               encoding="unicode")
        document = f"{shell[:-2]}>{xml}</{shell[1:].split(None, 1)[0]}>"
        return etree.fromstring(document.encode(), parser=_BODY_PARSER)[0]

    def fix_docpr_ids(self, tree):
        """docxtpl numbers the drawings of the document anew (1, 2, ...), with the XPath call of a
        plain lxml element, which python-docx's body class (from _BODY_PARSER) replaces."""
        for drawing in etree._Element.xpath(tree, "//wp:docPr", namespaces={"wp": WP[1:-1]}):
            self.docx_ids_index += 1
            drawing.set("id", str(self.docx_ids_index))

    def map_tree(self, tree):
        root = tree.getparent()
        if root is None:
            return super().map_tree(tree)
        part = self.docx.part
        part._element = root
        self.docx = part.document


def render_template(template: Path, context: Callable[[DocxTemplate], dict], setup: PageSetup, title: str,
                    author: str, rewrite: Callable[[str], str] | None = None):
    """The rendered python-docx Document; `context(tpl)` builds the context (images need tpl).
    `title` and `author` become the file's properties (what Word shows in File > Info).
    `rewrite` may change the rendered body XML (text) before it is parsed; docxtpl then gives
    every drawing in the document its own id."""
    try:
        tpl = _Template(template, rewrite)
        tpl.render(context(tpl), _ENVIRONMENT, autoescape=True)
    except SecurityError as exc:
        raise TemplateError(f"Template {template} memakai sesuatu yang tidak diizinkan: {exc}") from exc
    except (TemplateSyntaxError, UndefinedError) as exc:
        from .template_errors import template_error

        raise TemplateError(template_error(template, exc)) from exc
    set_paper(tpl.docx, setup)
    _describe(tpl.docx, title, author)
    return tpl.docx


def _describe(document, title: str, author: str) -> None:
    now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    properties = document.core_properties
    properties.title, properties.author, properties.last_modified_by = title, author, author
    properties.subject, properties.keywords = "", ""
    properties.comments = "Dibuat dengan sopdocs"
    properties.created = properties.modified = now
    properties.revision = 1


def set_paper(document, setup: PageSetup) -> None:
    """Templates are F4; another paper keeps each section's orientation and margins. On any paper
    every table then fits between the margins of its section."""
    if setup.paper != "F4":
        short, long = (Mm(v) for v in PAPER_MM[setup.paper])
        narrowest = None
        for section in document.sections:
            landscape = section.page_width > section.page_height
            section.page_width, section.page_height = (long, short) if landscape else (short, long)
            width = section.page_width - section.left_margin - section.right_margin
            narrowest = width if narrowest is None else min(narrowest, width)
        for stop in document.element.body.iter(f"{W}tab"):  # a right tab (Daftar Isi) stays inside the margins
            if stop.getparent().tag == f"{W}tabs" and int(stop.get(f"{W}pos", 0)) * 635 > narrowest:
                stop.set(f"{W}pos", str(narrowest // 635))
    for table, width in tables_and_text_widths(document.element.body):
        if table.find(f".//{WP}anchor") is None:  # a flowchart's shapes are laid out for its paper already
            fit_table(table, width)


def tables_and_text_widths(body) -> list[tuple[object, int]]:
    """Each top-level table with the text width (twips) of the section it is in."""
    sect_pr, found = body.find(f"{W}sectPr"), []
    for element in reversed(body):  # a section's properties close it, in its last paragraph
        inner = element.find(f"{W}pPr/{W}sectPr")
        if inner is not None:
            sect_pr = inner
        if element.tag == f"{W}tbl":
            size, margins = sect_pr.find(f"{W}pgSz"), sect_pr.find(f"{W}pgMar")
            width = int(size.get(f"{W}w")) - int(margins.get(f"{W}left")) - int(margins.get(f"{W}right"))
            found.append((element, width))
    return found[::-1]


def fit_table(table, width: int) -> None:
    """Narrow a table wider than `width` twips: every column (and cell, and the table's own
    width) by the same factor, so the form keeps its proportions."""
    columns = table.findall(f"{W}tblGrid/{W}gridCol")
    total = sum(int(c.get(f"{W}w", 0)) for c in columns)
    if total <= width:
        return
    scale = width / total
    widths = [c for c in columns] + [w for w in table.iter(f"{W}tcW", f"{W}tblW") if w.get(f"{W}type") in (None, "dxa")]
    for element in widths:
        element.set(f"{W}w", str(int(int(element.get(f"{W}w", 0)) * scale)))


def signatory(pejabat: Pejabat) -> dict:
    return {"jabatan": pejabat.jabatan or DOTS, "nama": pejabat.nama or DOTS, "pangkat": pejabat.pangkat,
            "nip": pejabat.nip or DOTS}


def date_text(tanggal: Tanggal, empty: str = DOTS) -> str:
    """`2 Januari 2024`, the author's text when not understood, `empty` when there is none."""
    if tanggal.date:
        return long_date(tanggal.date)
    return tanggal.text or empty


def title_case(name: str) -> str:
    """`DINAS KESEHATAN DAN KELUARGA BERENCANA` -> `Dinas Kesehatan dan Keluarga Berencana`."""
    words = name.lower().split()
    return " ".join(w if i and w in SMALL_WORDS else w[:1].upper() + w[1:] for i, w in enumerate(words))


def pejabat_keputusan(instansi: Instansi) -> str:
    """Who issues the Keputusan, as its title names him: the Jabatan Pimpinan and the region (the
    Pemerintah without `PEMERINTAH`), `Kepala Satuan Polisi Pamong Praja Kota Batam`; the Jabatan
    alone when it already names the region (`Kepala Dinas Kesehatan Kabupaten Blora`)."""
    jabatan = instansi.pimpinan.jabatan or "Kepala Perangkat Daerah"
    region = REGION_PREFIX.sub("", instansi.pemerintah).strip()  # KOTA BATAM
    place = REGION_KIND.sub("", region).strip()  # BATAM
    if not region or (place and place.lower() in jabatan.lower()):
        return jabatan
    return f"{jabatan} {title_case(region)}"


def instansi_context(doc: Dokumen, tpl: DocxTemplate, subject: str, keputusan: Keputusan) -> dict:
    """The cover, Keputusan and signature fields of a book adopting `subject` (e.g. `Standar
    Pelayanan`), for the SKPD of `doc`, with the profile's `keputusan` texts."""
    instansi = doc.instansi
    skpd = title_case(instansi.nama)
    jabatan = pejabat_keputusan(instansi)
    fields = {"subjek": subject, "skpd": skpd, "instansi": instansi.nama, "jabatan": jabatan,
              "SUBJEK": subject.upper(), "INSTANSI": instansi.nama.upper(), "JABATAN": jabatan.upper()}
    return {
        "instansi": {"nama": instansi.nama, "pemerintah": instansi.pemerintah, "tahun": instansi.tahun or DOTS,
                     "alamat": instansi.alamat},
        "logo": logo(tpl, doc, 35),
        "pimpinan": signatory(instansi.pimpinan),
        "pejabat_keputusan": jabatan,
        "nomor_keputusan": instansi.nomor_keputusan or DOTS,
        "tempat": instansi.tempat_penetapan or DOTS,
        "tanggal": date_text(instansi.tanggal_keputusan),
        "tentang": f"Penetapan {subject} pada {skpd}",
        "menimbang": [f"{chr(ord('a') + i)}. {text.format_map(fields)}" for i, text in enumerate(keputusan.menimbang)],
        "mengingat": [f"{i}. {text.format_map(fields)}" for i, text in enumerate(keputusan.mengingat, 1)],
        "diktum": [{"label": label, "text": text.format_map(fields)} for label, text in keputusan.diktum],
    }


def logo(tpl: DocxTemplate, doc: Dokumen, height_mm: float):
    """The government's logo as an inline picture `height_mm` high, or nothing."""
    return RepeatedImage(tpl, io.BytesIO(doc.instansi.logo), height=Mm(height_mm)) if doc.instansi.logo else ""


class RepeatedImage(InlineImage):
    """An inline picture printed many times (the logo of every identity part): its XML is made
    once; docxtpl renumbers the drawing ids of the rendered document afterwards."""

    _xml = None

    def _insert_image(self):
        if self._xml is None:
            self._xml = super()._insert_image()
        return self._xml


def first_paragraph(test: Callable[[str], bool]) -> Callable:
    """A finder of the first paragraph of the body (not inside a table) whose text passes `test`."""
    def find(document):
        return next((p for p in document.element.body.iterchildren(W + "p")
                     if test("".join(t.text or "" for t in p.iter(W + "t")).strip())), None)
    return find


def heading(prefix: str) -> Callable:
    """A finder of the first paragraph that starts with `prefix`."""
    return first_paragraph(lambda text: text.startswith(prefix))


BOOKMARK, BOOKMARK_ID = "_DaftarIsi_", 9100000  # hidden bookmarks, far from a template's and the flowcharts'


class DaftarIsi:
    """The entries of a table of contents: titles with page tokens, filled in after pagination.

    As in a table of contents Word makes, each page number is a PAGEREF field to a bookmark on
    the page it cites, with our computed number as its result, and each entry a link there: Word
    shows the right numbers at once, and updating the fields (F9) keeps them right after edits.
    """

    def __init__(self):
        self.entries: list[dict] = []
        self._targets: list[Callable] = []
        self._pages = Markers()  # page tokens, found again after pagination

    def add(self, title: str, finder: Callable | None = None, under: bool = False) -> None:
        """An entry; `finder(document)` returns the element whose page it shows (none: a heading);
        `under` indents it below the heading before it."""
        token = self._pages(len(self._targets))
        self.entries.append({"judul": title, "halaman": token if finder else "", "bawah": under})
        if finder:
            self._targets.append(finder)

    def fill(self, document, paginator: Paginator) -> list[int]:
        """Replace the tokens by the printed page numbers (roman in the front matter, the first of
        several sections); returns the page numbers."""
        elements = [top_level(paginator, finder(document)) for finder in self._targets]
        pages = [paginator.page_of.get(e, 0) for e in elements]
        front = len(paginator.sections) > 1
        printed = [roman_numeral(p) if front and paginator.section_of.get(e) == 0 else str(p)
                   for p, e in zip(pages, elements)]
        for text in [t for t in document.element.body.iter(W + "t") if t.text and self._pages.secret in t.text]:
            index = self._pages.whole(text.text)
            if index is not None and elements[index] is not None and text.getparent().tag == W + "r":
                name = f"{BOOKMARK}{index}"
                _bookmark(elements[index], name, BOOKMARK_ID + index)
                _link_entry(text.getparent(), name, printed[index])
            else:  # a token among other text (a region's template): the number alone
                text.text = self._pages.replace(text.text, lambda i: printed[i])
        return pages


def _bookmark(element, name: str, bookmark_id: int) -> None:
    """A bookmark around the first paragraph of `element` (a paragraph or a table)."""
    paragraph = element if element.tag == W + "p" else next(element.iter(W + "p"))
    start = OxmlElement("w:bookmarkStart", {W + "id": str(bookmark_id), W + "name": name})
    paragraph.append(OxmlElement("w:bookmarkEnd", {W + "id": str(bookmark_id)}))
    ppr = paragraph.find(W + "pPr")
    paragraph.insert(paragraph.index(ppr) + 1 if ppr is not None else 0, start)


def _link_entry(page_run, name: str, number: str) -> None:
    """The entry's paragraph becomes a link to bookmark `name`; its page run a PAGEREF field
    whose shown result is `number`. A roman number (the front matter) stays plain text:
    LibreOffice updates the fields when it opens a file and prints a PAGEREF in digits, even
    on a page numbered i, ii, iii."""
    paragraph = page_run.getparent()
    link = OxmlElement("w:hyperlink", {W + "anchor": name, W + "history": "1"})
    for child in [c for c in paragraph if c.tag != W + "pPr"]:
        link.append(child)
    paragraph.append(link)
    position = link.index(page_run)
    if not number.isdigit():
        page_run.find(W + "t").text = number
        return
    link.remove(page_run)
    style = page_run.find(W + "rPr")
    pieces = (("fldChar", {W + "fldCharType": "begin"}, None), ("instrText", {}, f" PAGEREF {name} \\h "),
              ("fldChar", {W + "fldCharType": "separate"}, None), ("t", {}, number),
              ("fldChar", {W + "fldCharType": "end"}, None))
    for offset, (tag, attributes, text) in enumerate(pieces):
        run = OxmlElement("w:r")
        if style is not None:
            run.append(copy.deepcopy(style))
        piece = OxmlElement(f"w:{tag}", attributes)
        run.append(piece)
        if text is not None:
            piece.text = text
            piece.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        link.insert(position + offset, run)


def top_level(paginator: Paginator, element):
    """The body element holding `element`."""
    while element is not None and element not in paginator.page_of:
        element = element.getparent()
    return element


def roman_numeral(number: int) -> str:
    numerals = (("m", 1000), ("cm", 900), ("d", 500), ("cd", 400), ("c", 100), ("xc", 90), ("l", 50), ("xl", 40),
                ("x", 10), ("ix", 9), ("v", 5), ("iv", 4), ("i", 1))
    out = ""
    for letters, value in numerals:
        while number >= value:
            out, number = out + letters, number - value
    return out
