"""Where each part of a rendered document falls on the printed pages.

The Daftar Isi must print real page numbers, so after rendering we lay the body out the way
Word does, in outline: paragraphs wrap with the real font metrics (sopdocs.layout.text), table
rows take the height of their tallest cell (or their exact height), a row that does not fit goes
to the next page with the table's header rows repeated, and page breaks, "page break before"
and section breaks start new pages. The flowchart pages, whose every height we chose, come out
exactly; the template-made parts are measured from the fonts and widths the template sets.
"""
from __future__ import annotations

import functools
import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from lxml import etree

from ..layout.text import font as fonts

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
NATURAL_LINE = 1.149  # Arial's ascent + descent + line gap, per point of size
DEFAULT_CELL_MARGIN = 5.4  # Word's default left/right cell margin


@functools.lru_cache(maxsize=None)
def _clark(path: str) -> tuple[str, str]:
    """A property path such as 'w:pPr/w:spacing' in lxml's notation, whole and below its first step."""
    return path.replace("w:", W), path.split("/", 1)[1].replace("w:", W)


def _points(attributes: dict[str, str], name: str) -> float:
    return int(attributes[name]) / 20 if attributes.get(name) not in (None, "") else 0.0


def _twips(element, attribute: str, default: float = 0.0) -> float:
    value = element.get(W + attribute) if element is not None else None
    return int(value) / 20 if value not in (None, "") else default


class Styles:
    """The paragraph and run defaults the measurement needs, read from styles.xml."""

    def __init__(self, styles_element):
        self.by_id = {s.get(W + "styleId"): s for s in styles_element.iter(W + "style")}
        defaults = styles_element.find(f"{W}docDefaults")
        self.default_ppr = defaults.find(f"{W}pPrDefault/{W}pPr") if defaults is not None else None
        self.default_rpr = defaults.find(f"{W}rPrDefault/{W}rPr") if defaults is not None else None
        self._cache: dict = {}
        self.default_para = next((s.get(W + "styleId") for s in self.by_id.values()
                                  if s.get(W + "type") == "paragraph" and s.get(W + "default") == "1"), None)

    def chain(self, style_id: str | None):
        """The style and the styles it is based on, nearest first, ending with the defaults."""
        seen = set()
        style_id = style_id or self.default_para
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            style = self.by_id[style_id]
            yield style
            based = style.find(f"{W}basedOn")
            style_id = based.get(W + "val") if based is not None else None

    def merged(self, style_id: str | None, path: str, direct=None) -> dict[str, str]:
        """The attributes of the paragraph property at `path` (e.g. 'w:pPr/w:spacing') merged as
        Word merges them: document defaults, the style chain from its base, direct formatting."""
        attributes = dict(self._inherited(style_id, path))
        layer = direct.find(_clark(path)[1]) if direct is not None else None
        if layer is not None:
            attributes.update((key.split("}")[-1], value) for key, value in layer.attrib.items())
        return attributes

    def _inherited(self, style_id: str | None, path: str) -> dict[str, str]:
        """The defaults and the style chain's part of `merged`, worked out once per style."""
        key = (style_id, path)
        if key not in self._cache:
            whole, inner = _clark(path)
            layers = [self.default_ppr.find(inner) if self.default_ppr is not None else None]
            layers += [style.find(whole) for style in reversed(list(self.chain(style_id)))]
            attributes: dict[str, str] = {}
            for layer in layers:
                if layer is not None:
                    attributes.update((k.split("}")[-1], value) for k, value in layer.attrib.items())
            self._cache[key] = attributes
        return self._cache[key]

    def lookup(self, style_id: str | None, path: str, direct=None, default_from: str = "ppr"):
        """The first element at `path` (e.g. 'w:pPr/w:spacing') in direct formatting, the style
        chain, then the document defaults."""
        if direct is not None:
            found = direct.find(_clark(path)[1])
            if found is not None:
                return found
        key = (style_id, path, default_from)
        if key not in self._cache:
            self._cache[key] = self._from_styles(style_id, path, default_from)
        return self._cache[key]

    def _from_styles(self, style_id: str | None, path: str, default_from: str):
        whole, inner = _clark(path)
        for style in self.chain(style_id):
            found = style.find(whole)
            if found is not None:
                return found
        base = self.default_ppr if default_from == "ppr" else self.default_rpr
        return base.find(inner) if base is not None else None


_SECTION_BREAK = f"{W}pPr/{W}sectPr"  # a paragraph that ends a section


@dataclass
class Measured:
    """What the pagination worked out under some styles, for every book that has them: the styles
    read, each table paragraph's height by its XML and width, each paragraph formatting by its
    XML without its texts."""

    styles: Styles
    heights: dict[tuple[bytes, float], float] = field(default_factory=dict)
    formats: dict[bytes, tuple] = field(default_factory=dict)


class Paginator:
    """Lays the body elements out page by page; `page_of[element]` is the printed number of the
    page where each top-level element starts (a section numbers its pages from its `w:start`, or
    on from the section before)."""

    def __init__(self, measured: Measured, fixed: dict | None = None):
        self.styles = measured.styles
        self.fixed = fixed or {}  # placeholder paragraph -> the heights of the pages it stands for
        self.page_of: dict = {}
        self.section_of: dict = {}  # top-level element -> index of its section
        self.sections: list[tuple[list, int]] = []  # (elements, pages)
        self._cell_heights = measured.heights
        self._cells: TableCells | None = None  # the table being laid out
        self._formats = measured.formats
        self._next_number = 1
        self._kept: list = []  # the paragraphs just laid out that keep with what follows
        self._kept_from = 0.0  # where on the page the first of them begins

    def run(self, body) -> None:
        elements = [e for e in body if e.tag in (W + "p", W + "tbl")]
        current = []
        for element in elements:
            current.append(element)
            sect_pr = element.find(_SECTION_BREAK)
            if sect_pr is not None:
                self._section(current, sect_pr)
                current = []
        if current:
            self._section(current, body.find(W + "sectPr"))

    def _section(self, elements: list, sect_pr) -> None:
        size, margins = sect_pr.find(W + "pgSz"), sect_pr.find(W + "pgMar")
        self.width = _twips(size, "w") - _twips(margins, "left") - _twips(margins, "right")
        self.height = _twips(size, "h") - _twips(margins, "top") - _twips(margins, "bottom")
        start = sect_pr.find(W + "pgNumType")
        first = int(start.get(W + "start")) if start is not None and start.get(W + "start") else self._next_number
        self.page, self.y, self._kept = first, 0.0, []
        for element in elements:
            self.section_of[element] = len(self.sections)
            if element in self.fixed:
                self._fixed_pages(element, self.fixed[element])
            elif element.tag == W + "p":
                self._paragraph(element, self.width, top_level=True)
            else:
                self._table(element)
        self.sections.append((elements, self.page - first + 1))
        self._next_number = self.page + 1

    def _fixed_pages(self, element, heights: list[float]) -> None:
        """Pages laid out already (a flowchart's, which stay text until the book is written):
        each starts a new page and reaches `heights[i]` down it; `element` is on the first."""
        for index, height in enumerate(heights):
            if self.y > 0:
                self._new_page()
            if index == 0:
                self.page_of[element] = self.page
            self.y = height
        self._kept = []

    # -- paragraphs -------------------------------------------------------------------------

    def _new_page(self) -> None:
        self.page += 1
        self.y = self._kept_from = 0.0  # kept paragraphs that began a page already move nowhere

    def _paragraph(self, p, width: float, top_level: bool = False) -> None:
        ppr = p.find(W + "pPr")
        style = ppr.find(f"{W}pStyle").get(W + "val") if ppr is not None and ppr.find(f"{W}pStyle") is not None else None
        if self._flag(style, ppr, "pageBreakBefore") and self.y > 0:
            self._new_page()
        if top_level:
            self.page_of[p] = self.page
            if not self._flag(style, ppr, "keepNext"):
                self._kept = []
            elif not self._kept:
                self._kept, self._kept_from = [p], self.y
            else:
                self._kept.append(p)
        before, after, lines = self.paragraph_lines(p, width)
        self.y += before
        for chunk, height in lines:
            if chunk == "break":
                self._new_page()
                continue
            if self.y + height > self.height and self.y > 0:
                self._new_page()
            self.y += height
        self.y += after

    def _flag(self, style, ppr, name: str) -> bool:
        found = self.styles.lookup(style, f"w:pPr/w:{name}", ppr)
        return found is not None and found.get(W + "val") not in ("0", "false")

    def paragraph_lines(self, p, width: float) -> tuple[float, float, list[tuple[str, float]]]:
        """Space before, space after, and the paragraph's lines with their heights ('break' for
        a page break inside it)."""
        return self._lines(self._formatting(p), _segments(_tree_pieces(p)), width)

    @staticmethod
    def _lines(formatting: tuple, segments: list, width: float) -> tuple[float, float, list[tuple[str, float]]]:
        before, after, sides, first_line, font, line = formatting
        width -= sides
        first = width - first_line  # a hanging first line is wider
        lines: list[tuple[str, float]] = []
        for index, segment in enumerate(segments):
            if segment == "\f":
                lines.append(("break", 0.0))
            elif isinstance(segment, float):
                lines.append(("image", max(segment, line)))
            else:
                count = _wrapped(font, segment, max(first if index == 0 else width, 10), max(width, 10))
                lines += [("text", line)] * max(1, count)
        return before, after, lines or [("text", line)]

    def _formatting(self, p) -> tuple:
        """What a paragraph's formatting gives its lines: space before and after, the room its
        indents take from every line and from the first, its font and line height."""
        ppr = p.find(W + "pPr")
        style = ppr.find(f"{W}pStyle").get(W + "val") if ppr is not None and ppr.find(f"{W}pStyle") is not None else None
        spacing = self.styles.merged(style, "w:pPr/w:spacing", ppr)
        indent = self.styles.merged(style, "w:pPr/w:ind", ppr)
        size, bold = self._run_font(p, style)
        sides = _points(indent, "left") + _points(indent, "right")
        first_line = _points(indent, "firstLine") - _points(indent, "hanging")
        return (_points(spacing, "before"), _points(spacing, "after"), sides, first_line, fonts(size, bold),
                self._line_height(spacing, size))

    def _run_font(self, p, style) -> tuple[float, bool]:
        run = p.find(f"{W}r/{W}rPr")
        size = self.styles.lookup(style, "w:rPr/w:sz", run, "rpr")
        bold = self.styles.lookup(style, "w:rPr/w:b", run, "rpr")
        mark = p.find(f"{W}pPr/{W}rPr/{W}sz")
        if size is None and mark is not None:
            size = mark
        points = int(size.get(W + "val")) / 2 if size is not None else 10.0
        return points, bold is not None and bold.get(W + "val") not in ("0", "false")

    @staticmethod
    def _line_height(spacing: dict[str, str], size: float) -> float:
        natural = size * NATURAL_LINE
        if spacing.get("line") is None:
            return natural
        value = int(spacing["line"])
        rule = spacing.get("lineRule", "auto")
        if rule == "exact":
            return value / 20
        if rule == "atLeast":
            return max(value / 20, natural)
        return natural * value / 240

    # -- tables -----------------------------------------------------------------------------

    def _table(self, tbl) -> None:
        grid = [_twips(col, "w") for col in tbl.iterfind(f"{W}tblGrid/{W}gridCol")]  # its own, not those of tables inside
        margins = self._cell_margins(tbl)
        cells = self._cells = TableCells.read(tbl)
        heights = self._row_heights(cells.rows, grid, margins)
        header = sum(h for r, h in zip(cells.rows, heights) if r.header)
        chain, start = self._keep_together(cells, heights)
        self.page_of[tbl] = self.page if self.y + 1 < self.height else self.page + 1
        page = self.page
        for row, height in zip(cells.rows, heights):
            if self.y + height > self.height and self.y > 0:
                self._new_page()
                if not row.header:
                    self.y += header
            self.y += height
        if cells.kept(cells.rows[-1]):  # the whole table keeps with what follows (the Keputusan's dictums)
            self._kept, self._kept_from = (chain + [tbl], start) if self.page == page else ([tbl], 0.0)

    def _keep_together(self, cells: TableCells, heights) -> tuple[list, float]:
        """Rows kept with the next (every paragraph "keep with next") go to the next page as one
        block when they do not fit here but fit on a page, taking along what keeps with the table
        before it (a heading, a table kept whole); as Word and LibreOffice do, nothing moves when
        the block would not fit on a new page either. Returns that chain and where it now starts."""
        kept = 0
        while kept < len(cells.rows) - 1 and cells.kept(cells.rows[kept]):
            kept += 1
        block = sum(heights[:kept + 1])
        chain, start = self._kept, (self._kept_from if self._kept else self.y)
        self._kept = []
        if self.y + block > self.height and start > 0 and self.y - start + block <= self.height:
            carried = self.y - start
            self._new_page()
            self.y, start = carried, 0.0
            for element in chain:
                self.page_of[element] = self.page
        return chain, start

    def _cell_margins(self, tbl) -> tuple[float, float, float, float]:
        style = tbl.find(f"{W}tblPr/{W}tblStyle")
        found = tbl.find(f"{W}tblPr/{W}tblCellMar")
        if found is None and style is not None:
            found = self.styles.lookup(style.get(W + "val"), "w:tblPr/w:tblCellMar")
        sides = {child.tag: child for child in found} if found is not None else {}
        return (_twips(sides.get(W + "top"), "w"), _twips(sides.get(W + "bottom"), "w"),
                _twips(sides.get(W + "left"), "w", DEFAULT_CELL_MARGIN),
                _twips(sides.get(W + "right"), "w", DEFAULT_CELL_MARGIN))

    def _row_heights(self, rows: list[TableRow], grid, margins) -> list[float]:
        top, bottom, left, right = margins
        heights, pending = [], {}  # pending: grid column -> (first row, content height) of a vertical merge
        measured, keys = self._cell_heights, self._cells.keys
        for index, row in enumerate(rows):
            if row.exact:
                heights.append(row.height)
                continue
            height, column = row.height, 0
            for span, merge, paragraphs in row.cells:
                width = sum(grid[column:column + span]) - left - right
                content = top + bottom
                for paragraph in paragraphs:  # most are measured already: looked up here, not in a call
                    known = measured.get((keys[paragraph], width))
                    content += known if known is not None else self._cell_paragraph_height(paragraph, width)
                if merge == RESTART:
                    pending[column] = (index, content)
                elif merge is None:
                    height = max(height, content)
                    pending.pop(column, None)
                column += span
            heights.append(height)
            for column, (first, content) in list(pending.items()):
                if not _continues(rows, index + 1, column):
                    spanned = sum(heights[first:index + 1])
                    heights[index] += max(0.0, content - spanned)
                    del pending[column]
        return heights

    def _cell_paragraph_height(self, index: int, width: float) -> float:
        """Measure a table paragraph and remember its height: the same cell paragraphs come back in
        every SOP's identity table (labels, dots, the same Dasar Hukum), and a paragraph's height
        depends only on its XML and the width."""
        before, after, lines = self._lines(self._cell_formatting(index), self._cell_segments(index), width)
        height = self._cell_heights[self._cells.keys[index], width] = before + after + sum(
            h for kind, h in lines if kind != "break")
        return height

    def _cell_formatting(self, index: int) -> tuple:
        """A table paragraph's formatting, worked out once for all those that differ only in their texts."""
        key = _TEXTS.sub(b"></w:t>", self._cells.keys[index])
        formatting = self._formats.get(key)
        if formatting is None:
            formatting = self._formats[key] = self._formatting(self._cells.paragraph(index))
        return formatting

    def _cell_segments(self, index: int) -> list:
        cells = self._cells
        return _segments(_tree_pieces(cells.paragraph(index)) if cells.walked else _xml_pieces(cells.keys[index]))


_TEXTS = re.compile(rb">[^<]+</w:t>")  # a paragraph's texts, in its XML
RESTART, CONTINUE = "restart", "continue"


@dataclass
class TableRow:
    """What the pagination needs of a table row: its height rule, whether it is a header row
    repeated on every page, and its cells as (grid span, vertical merge, paragraph indices)."""

    exact: bool = False
    height: float = 0.0  # w:trHeight: the exact height, or the least
    header: bool = False
    cells: list[tuple[int, str | None, list[int]]] = field(default_factory=list)


class TableCells:
    """A table's rows, its paragraphs' XML (the keys of their heights) and, when a height must
    be measured, the paragraph elements (paragraph i is the table's i-th w:p)."""

    def __init__(self, tbl, rows: list[TableRow], keys: list[bytes], elements: list | None = None):
        self.tbl, self.rows, self.keys, self._elements = tbl, rows, keys, elements
        self.walked = elements is not None  # read by walking the tree (not from the XML as text)

    def kept(self, row: TableRow) -> bool:
        """Whether every paragraph of the row keeps with the next (and it has one)."""
        paragraphs = [self.keys[i] for _, _, indices in row.cells for i in indices]
        return bool(paragraphs) and all(_keeps_with_next(key) for key in paragraphs)

    def paragraph(self, index: int):
        if self._elements is None:
            self._elements = list(self.tbl.iter(W + "p"))
        return self._elements[index]

    @classmethod
    def read(cls, tbl) -> "TableCells":
        """From one serialisation of the table, read as text: walking the tree would make an
        lxml proxy for each of a book's ~40,000 table elements. A table the text reading does
        not cover (see _readable_as_text) is walked."""
        xml = etree.tostring(tbl, encoding="UTF-8", xml_declaration=False)  # no character references to write
        if _readable_as_text(xml):
            rows, keys = _read_xml(xml)
            if len(rows) == len(tbl.findall(W + "tr")):  # none inside a table in a cell
                return cls(tbl, rows, keys)
        return cls.from_tree(tbl)

    @classmethod
    def from_tree(cls, tbl) -> "TableCells":
        elements = list(tbl.iter(W + "p"))
        position = {p: i for i, p in enumerate(elements)}
        rows = []
        for tr in (r for r in tbl if r.tag == W + "tr"):
            rule = tr.find(f"{W}trPr/{W}trHeight")
            row = TableRow(rule is not None and rule.get(W + "hRule") == "exact",
                           _twips(rule, "val") if rule is not None else 0.0,
                           tr.find(f"{W}trPr/{W}tblHeader") is not None)
            for cell in tr.iter(W + "tc"):
                span, merge = cell.find(f"{W}tcPr/{W}gridSpan"), cell.find(f"{W}tcPr/{W}vMerge")
                paragraphs = [position[p] for p in cell.iter(W + "p") if not _inside_textbox(p)]
                row.cells.append((int(span.get(W + "val")) if span is not None else 1,
                                  None if merge is None else RESTART if merge.get(W + "val") == RESTART else CONTINUE,
                                  paragraphs))
            rows.append(row)
        return cls(tbl, rows, [etree.tostring(p) for p in elements], elements)


_MAIN = W[1:-1].encode()
_ROW_START, _CELL_START = re.compile(rb"<w:tr[ >/]"), re.compile(rb"<w:tc[ >/]")
_PARAGRAPH_START = re.compile(rb"<w:p[ >/]")


def _readable_as_text(xml: bytes) -> bool:
    """Whether _read_xml reads every cell and paragraph of a serialised table: WordprocessingML
    bound to `w:` once, so every element of it is written with that prefix; no text box inside,
    whose paragraphs are not the table's own; no comment, whose text could look like markup. (A
    table inside adds rows, which `read` counts.) Each is one search of the bytes, for a needle
    rare enough to skip along them: `<w:tbl` or `<!` would stop at every tag."""
    return (xml.count(_MAIN) == 1 and b'xmlns:w="' + _MAIN + b'"' in xml and b"txbxContent" not in xml
            and b"<!--" not in xml)


_TRHEIGHT = re.compile(rb"<w:trHeight\b([^>]*)>")
_GRIDSPAN = re.compile(rb'<w:gridSpan w:val="(\d+)"')
_VMERGE = re.compile(rb"<w:vMerge\b([^>]*)>")
_VAL = re.compile(rb'\bw:val="([^"]*)"')
_H_RULE = re.compile(rb'\bw:hRule="exact"')


def _read_xml(xml: bytes) -> tuple[list[TableRow], list[bytes]]:
    """The rows and paragraph XML of a table serialised with the `w:` prefix, read from its text
    a row and a cell at a time (splitting and searching text is done in C, paragraphs included)."""
    rows: list[TableRow] = []
    keys: list[bytes] = []
    for row_xml in _ROW_START.split(xml)[1:]:
        properties, *cells = _CELL_START.split(row_xml)
        height = _TRHEIGHT.search(properties)
        value = _VAL.search(height.group(1)) if height else None
        row = TableRow(bool(height and _H_RULE.search(height.group(1))),
                       int(value.group(1)) / 20 if value and value.group(1) else 0.0, b"<w:tblHeader" in properties)
        for cell_xml in cells:
            end = cell_xml.find(b"</w:tcPr>")  # the cell's properties end there (none: -1, nothing searched)
            span, merge = _GRIDSPAN.search(cell_xml, 0, end), _VMERGE.search(cell_xml, 0, end)
            first = len(keys)
            # A paragraph's XML after its `<w:p`, up to its end (paragraphs nest only in text boxes,
            # which _readable_as_text leaves to the tree walk); an empty <w:p/>, up to the next.
            keys += [part.partition(b"</w:p>")[0] for part in _PARAGRAPH_START.split(cell_xml)[1:]]
            row.cells.append((int(span.group(1)) if span else 1, None if merge is None else
                              RESTART if b'w:val="restart"' in merge.group(1) else CONTINUE,
                              list(range(first, len(keys)))))
        rows.append(row)
    return rows, keys


# What _tree_pieces reads of a paragraph, in its XML: texts, breaks, tabs, inline pictures.
_SEGMENT_TAGS = re.compile(rb'<w:t(?: [^>]*)?>([^<]*)</w:t>|<w:br\b([^>]*)>|<w:tab[ />]'
                           rb'|<wp:inline\b[^>]*><wp:extent\b[^>]*\bcy="(\d+)"')


def _xml_pieces(xml: bytes) -> Iterator:
    """_tree_pieces of a paragraph without text boxes, read from its XML."""
    for match in _SEGMENT_TAGS.finditer(xml):
        words, brk, height = match.groups()
        if words is not None:
            yield html.unescape(words.decode()) if b"&" in words else words.decode()
        elif height is not None:
            yield int(height) / 12700
        elif brk is None:
            yield TAB
        else:
            yield PAGE_BREAK if b'w:type="page"' in brk else LINE_BREAK


def _tree_pieces(p) -> Iterator:
    """What a paragraph's lines are made of, in order: texts, tabs (as spaces), line and page
    breaks, inline pictures' heights; the words of a text box take no room here."""
    boxed = next(p.iter(W + "txbxContent"), None) is not None
    for node in p.iter(W + "t", W + "br", W + "tab", WP + "extent"):
        if node.tag == W + "t":
            if not (boxed and _inside_textbox(node)):
                yield node.text or ""
        elif node.tag == W + "tab":
            yield TAB
        elif node.tag == WP + "extent":
            if node.getparent().tag == WP + "inline":
                yield int(node.get("cy")) / 12700
        elif node.get(W + "type") == "page":
            yield PAGE_BREAK
        elif not (boxed and _inside_textbox(node)):
            yield LINE_BREAK


TAB = "    "
PAGE_BREAK, LINE_BREAK = object(), object()


def _segments(pieces: Iterable) -> list:
    """A paragraph's text split at line and page breaks ("\\f" for a page break), pictures as
    their heights, from its pieces (_tree_pieces, _xml_pieces)."""
    segments, text = [], ""
    for piece in pieces:
        if piece is PAGE_BREAK:
            segments.extend([text, "\f"] if text else ["\f"])
            text = ""
        elif piece is LINE_BREAK:
            segments.append(text)
            text = ""
        elif isinstance(piece, float):
            segments.append(text) if text else None
            segments.append(piece)
            text = ""
        else:
            text += piece
    if text or not segments:
        segments.append(text)
    return segments


def _keeps_with_next(paragraph: bytes) -> bool:
    end = paragraph.find(b"</w:pPr>")  # its own properties come first, before any run (or text box)
    return end >= 0 and b"<w:keepNext" in paragraph[:end]


def _wrapped(font, text: str, first: float, width: float) -> int:
    """The lines of `text` whose first line is `first` points wide and the others `width`."""
    if first == width:
        return font.lines(text, width)
    lines = font.wrap(text, first)
    if len(lines) <= 1:
        return len(lines)
    words = text.split(" ")
    rest = " ".join(words[len(lines[0].split(" ")):]) if len(lines[0]) < len(text) else ""
    return 1 + font.lines(rest, width)


def _inside_textbox(node) -> bool:
    return any(a.tag == W + "txbxContent" for a in node.iterancestors())


def _continues(rows: list[TableRow], index: int, column: int) -> bool:
    """Whether row `index` continues the vertical merge at grid `column`."""
    if index >= len(rows):
        return False
    position = 0
    for span, merge, _ in rows[index].cells:
        if position == column:
            return merge == CONTINUE
        position += span
    return False


def paginate(document, fixed: dict | None = None, template: bytes | None = None) -> Paginator:
    """Lay out a python-docx Document's body; see Paginator. `fixed` maps placeholder paragraphs
    to the heights of the pages they stand for. `template`, the bytes of the template the document
    was rendered from, says whose styles it has (a book adds styles only for its flowcharts, which
    are not measured): the books of one template share what was measured, as the same labels,
    dots and Dasar Hukum come back in the books of every SKPD."""
    measured = _MEASURED.get(template) if template is not None else None
    if measured is None:
        measured = Measured(Styles(document.styles.element))
        if template is not None:
            if len(_MEASURED) >= 8:
                _MEASURED.clear()
            _MEASURED[template] = measured
    elif len(measured.heights) >= 50_000:  # a long-lived process (sopdocs web) stays bounded (~20 MB;
        measured.heights.clear()  # the SOP books of a region of 40 SKPD measure about 13,000)
    paginator = Paginator(measured, fixed)
    paginator.run(document.element.body)
    return paginator


_MEASURED: dict[bytes, Measured] = {}  # a template's bytes -> what its books' pagination measured
