"""Rendering a docxtpl template safely, on the profile's paper.

Templates are rendered in a sandboxed Jinja environment with escaping on and undefined names
refused, so workbook text is data and never template code.
"""
from __future__ import annotations

import datetime
import functools
import io
import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from docx.oxml.parser import element_class_lookup
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage
from jinja2 import StrictUndefined, TemplateSyntaxError, UndefinedError
from lxml import etree
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from ..errors import TemplateError
from ..layout import PAPER_MM, PageSetup
from ..model import Dokumen
from .pagination import W, Paginator

@dataclass
class Book:
    """A rendered, paginated book: the python-docx document and the numbers of its pages."""

    document: object
    front_pages: int  # the front matter, numbered i, ii, iii (none when the book has no front matter)
    body_pages: int
    sop_pages: dict[int, int] = field(default_factory=dict)  # SOP index (book order) -> first page

    @classmethod
    def paginated(cls, document, paginator: Paginator, **found) -> "Book":
        counts = [count for _, count in paginator.sections]
        return cls(document, counts[0] if len(counts) > 1 else 0, sum(counts[1:]) if len(counts) > 1 else sum(counts),
                   **found)

    @property
    def pages(self) -> int:
        return self.front_pages + self.body_pages


WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_BODY_PARSER = etree.XMLParser(recover=True, huge_tree=True)
_BODY_PARSER.set_element_class_lookup(element_class_lookup)  # python-docx's classes (document, body, ...)

class _Environment(SandboxedEnvironment):
    """The sandbox, compiling each template part once per process: every book made from a
    template renders the same part sources, and compiling them costs as much as rendering."""

    def __init__(self):
        super().__init__(autoescape=True, undefined=StrictUndefined)
        self._compiled: dict[str, object] = {}

    def getattr(self, obj, attribute):
        """`sop.nama` is the item of a context dict, looked up first: the sandbox would look for a
        dict attribute of that name before, and fail at a cost, at every tag of every SOP. A key
        named like a dict method (`items`) is thus its item, as a template author means it."""
        if type(obj) is dict:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)

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
_PATCHED: dict[str, str] = {}  # a template part's source -> docxtpl's patch_xml of it
_DRAWING_ID = re.compile(r'(<wp:docPr id=")\d+"')
_LISTING_TEXT = re.compile("<w:t(?: [^>]*)?>[^<]*[\t\a\n\f]")  # a tab, bell, new line or form feed in a text

class _Template(DocxTemplate):
    """A DocxTemplate that skips docxtpl's passes with nothing to do and parses the body once."""

    _drawings_numbered = False  # by _numbered_drawings, in the XML before it was parsed

    def build_xml(self, context, jinja_env=None):
        xml = self.get_xml()
        self._column_loops = "{%tc" in xml
        return self.render_xml_part(self.patch_xml(xml), self.docx._part, context, jinja_env)

    def render_xml_part(self, src_xml, part, context, jinja_env=None):
        """The part rendered by Jinja. docxtpl would first put a new line before each paragraph
        (for the line numbers of its error display) and take them out of the result with a regular
        expression calling Python at every one of a book's thousands of paragraphs; our messages
        find the paragraph themselves (template_errors), and the new lines change nothing else:
        whitespace control only ever removes whitespace, and these would all be removed."""
        self.current_rendering_part = part
        xml = jinja_env.from_string(src_xml).render(context)
        if "_" in xml:  # docxtpl's literal tags, looked for by their "_", which is found at memchr speed
            for escaped, tag in (("{_{", "{{"), ("}_}", "}}"), ("{_%", "{%"), ("%_}", "%}")):
                xml = xml.replace(escaped, tag)
        return self.resolve_listing(xml)

    def patch_xml(self, src_xml):
        """docxtpl readies a part's XML for Jinja with some thirty regular expressions over it (a
        fifth of a book's rendering); the result depends on the source alone, which every book
        made from a template shares: worked out once per source and process."""
        patched = _PATCHED.get(src_xml)
        if patched is None:
            if len(_PATCHED) >= 64:
                _PATCHED.clear()
            patched = _PATCHED[src_xml] = super().patch_xml(src_xml)
        return patched

    def resolve_listing(self, xml):
        """docxtpl turns tabs, bells, new lines and form feeds inside texts into Word markup, with
        regular expressions over every run of the part; with none of them in any text there is
        nothing to turn, and the part is returned as it is."""
        special = any(character in xml for character in "\t\a\n\f")  # found at C speed, most books have none
        return super().resolve_listing(xml) if special and _LISTING_TEXT.search(xml) else xml

    def fix_tables(self, xml):
        """docxtpl widens the grid of tables whose `{%tc %}` loops added columns; without such
        loops every grid is already right, and checking them would cost a second parse of the body."""
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
        numbered = self._numbered_drawings(xml)
        self._drawings_numbered = numbered is not None
        document = f"{shell[:-2]}>{numbered or xml}</{shell[1:].split(None, 1)[0]}>"
        return etree.fromstring(document.encode(), parser=_BODY_PARSER)[0]

    def _numbered_drawings(self, xml: str) -> str | None:
        """`xml` with its drawings numbered on from docx_ids_index, as fix_docpr_ids numbers them
        in the tree, but without a walk over the whole tree; None when a drawing is not written
        `<wp:docPr id="..."` as Word and python-docx write it (the tree is walked then)."""
        first, drawings = self.docx_ids_index + 1, xml.count("<wp:docPr")
        ids = itertools.count(first)
        numbered, found = _DRAWING_ID.subn(lambda match: f'{match.group(1)}{next(ids)}"', xml)
        if found != drawings:
            return None
        self.docx_ids_index += found
        return numbered

    def fix_docpr_ids(self, tree):
        """docxtpl numbers the drawings of the document anew (1001, 1002, ...); unless the XML was
        numbered before it was parsed, with the XPath call of a plain lxml element, which
        python-docx's body class (from _BODY_PARSER) replaces."""
        if self._drawings_numbered:
            return
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
                    author: str):
    """The rendered python-docx Document and the id of the last drawing in its body (docxtpl numbers
    them all anew, from 1001); `context(tpl)` builds the context (images need tpl). `title` and
    `author` become the file's properties (what Word shows in File > Info)."""
    try:
        tpl = _Template(io.BytesIO(template_bytes(template)))
        tpl.render(context(tpl), _ENVIRONMENT, autoescape=True)
    except SecurityError as exc:
        raise TemplateError(f"Template {template} memakai sesuatu yang tidak diizinkan: {exc}") from exc
    except (TemplateSyntaxError, UndefinedError) as exc:
        from .template_errors import template_error

        raise TemplateError(template_error(template, exc)) from exc
    set_paper(tpl.docx, setup)
    _describe(tpl.docx, title, author)
    return tpl.docx, tpl.docx_ids_index

def template_bytes(template: Path | str) -> bytes:
    """The template file, read once per process while it is unchanged (the same bytes object each
    time): python-docx opens a package from memory faster than from a file, one read per part (a
    book opens its template each time)."""
    stat = Path(template).stat()
    return _read_template(str(template), stat.st_mtime_ns, stat.st_size)

@functools.lru_cache(maxsize=16)
def _read_template(path: str, mtime_ns: int, size: int) -> bytes:  # the file's state keys the cache
    return Path(path).read_bytes()

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
    if total <= width or table.find(f".//{WP}anchor") is not None:  # a flowchart's shapes fit its paper already
        return
    scale = width / total
    widths = [c for c in columns] + [w for w in table.iter(f"{W}tcW", f"{W}tblW") if w.get(f"{W}type") in (None, "dxa")]
    for element in widths:
        element.set(f"{W}w", str(int(int(element.get(f"{W}w", 0)) * scale)))

def logo(tpl: DocxTemplate, doc: Dokumen, height_mm: float):
    """The government's logo as an inline picture `height_mm` high, or nothing."""
    return RepeatedImage(tpl, io.BytesIO(doc.instansi.logo), height=Mm(height_mm)) if doc.instansi.logo else ""

class RepeatedImage(InlineImage):
    """An inline picture printed many times (the logo of every identity part): its XML is made
    once, without the indentation python-docx writes between its elements (new lines that would
    send every book through docxtpl's pass for new lines in texts); docxtpl renumbers the drawing
    ids of the rendered document afterwards."""

    _xml = None

    def _insert_image(self):
        if self._xml is None:
            self._xml = _INDENTATION.sub("><", super()._insert_image())
        return self._xml

_INDENTATION = re.compile(r">\s+<")
