"""Where each part of a rendered document falls on the printed pages.

The Daftar Isi must print real page numbers, so after rendering we lay the body out the way
Word does, in outline: paragraphs wrap with the real font metrics (sopdocs.layout.text), table
rows take the height of their tallest cell (or their exact height), a row that does not fit goes
to the next page with the table's header rows repeated, and page breaks, "page break before"
and section breaks start new pages. The flowchart pages, whose every height we chose, come out
exactly; the template-made parts are measured from the fonts and widths the template sets.
"""
from __future__ import annotations

import re

from lxml import etree

from ..layout.text import font as fonts

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
NATURAL_LINE = 1.149  # Arial's ascent + descent + line gap, per point of size
DEFAULT_CELL_MARGIN = 5.4  # Word's default left/right cell margin


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
        layer = direct.find(path.split("/", 1)[1].replace("w:", W)) if direct is not None else None
        if layer is not None:
            attributes.update((key.split("}")[-1], value) for key, value in layer.attrib.items())
        return attributes

    def _inherited(self, style_id: str | None, path: str) -> dict[str, str]:
        """The defaults and the style chain's part of `merged`, worked out once per style."""
        key = (style_id, path)
        if key not in self._cache:
            inner = path.split("/", 1)[1].replace("w:", W)
            layers = [self.default_ppr.find(inner) if self.default_ppr is not None else None]
            layers += [style.find(path.replace("w:", W)) for style in reversed(list(self.chain(style_id)))]
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
            found = direct.find(path.split("/", 1)[1].replace("w:", W))
            if found is not None:
                return found
        key = (style_id, path, default_from)
        if key not in self._cache:
            self._cache[key] = self._from_styles(style_id, path, default_from)
        return self._cache[key]

    def _from_styles(self, style_id: str | None, path: str, default_from: str):
        for style in self.chain(style_id):
            found = style.find(path.replace("w:", W))
            if found is not None:
                return found
        base = self.default_ppr if default_from == "ppr" else self.default_rpr
        return base.find(path.split("/", 1)[1].replace("w:", W)) if base is not None else None


class Paginator:
    """Lays the body elements out page by page; `page_of[element]` is the printed number of the
    page where each top-level element starts (a section numbers its pages from its `w:start`, or
    on from the section before)."""

    def __init__(self, styles: Styles, fixed: dict | None = None):
        self.styles = styles
        self.fixed = fixed or {}  # placeholder paragraph -> the heights of the pages it stands for
        self.page_of: dict = {}
        self.section_of: dict = {}  # top-level element -> index of its section
        self.sections: list[tuple[list, int]] = []  # (elements, pages)
        self._cell_heights: dict[tuple[bytes, float], float] = {}
        self._keys: dict = {}  # the paragraphs of the table being laid out -> their height keys
        self._formats: dict[bytes, tuple] = {}  # a paragraph's XML without its texts -> _formatting
        self._next_number = 1
        self._kept: list = []  # the paragraphs just laid out that keep with what follows
        self._kept_from = 0.0  # where on the page the first of them begins

    def run(self, body) -> None:
        elements = [e for e in body if e.tag in (W + "p", W + "tbl")]
        current = []
        for element in elements:
            current.append(element)
            if element.find(f"{W}pPr/{W}sectPr") is not None:
                self._section(current, element.find(f"{W}pPr/{W}sectPr"))
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

    def paragraph_lines(self, p, width: float,
                        xml: bytes | None = None) -> tuple[float, float, list[tuple[str, float]]]:
        """Space before, space after, and the paragraph's lines with their heights ('break' for
        a page break inside it). `xml`, the paragraph's XML when the caller has it, lets the
        formatting be worked out once for all the paragraphs that differ only in their texts."""
        key = _TEXTS.sub(b"", xml) if xml is not None else None
        formatting = self._formats.get(key) if key is not None else None
        if formatting is None:
            formatting = self._formatting(p)
            if key is not None:
                self._formats[key] = formatting
        before, after, sides, first_line, font, line = formatting
        width -= sides
        first = width - first_line  # a hanging first line is wider
        lines: list[tuple[str, float]] = []
        for index, segment in enumerate(self._segments(p)):
            if segment == "\f":
                lines.append(("break", 0.0))
            elif isinstance(segment, float):
                lines.append(("image", max(segment, line)))
            else:
                count = _wrapped(font, segment, max(first if index == 0 else width, 10), max(width, 10))
                lines.extend(("text", line) for _ in range(max(1, count)))
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

    def _segments(self, p) -> list:
        """The paragraph's text split at line and page breaks; images as their heights."""
        segments, text = [], ""
        for node in p.iter(W + "t", W + "br", W + "tab", WP + "extent", W + "txbxContent"):
            if node.tag == W + "txbxContent":
                continue
            if node.tag == W + "t":
                if not _inside_textbox(node):
                    text += node.text or ""
            elif node.tag == W + "tab":
                text += "    "
            elif node.tag == WP + "extent":
                if node.getparent().tag == WP + "inline":
                    segments.append(text) if text else None
                    segments.append(int(node.get("cy")) / 12700)
                    text = ""
            elif node.get(W + "type") == "page":
                segments.extend([text, "\f"] if text else ["\f"])
                text = ""
            elif not _inside_textbox(node):
                segments.append(text)
                text = ""
        if text or not segments:
            segments.append(text)
        return segments

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
        grid = [_twips(col, "w") for col in tbl.iter(W + "gridCol")]
        margins = self._cell_margins(tbl)
        rows = [r for r in tbl if r.tag == W + "tr"]
        self._keys = _paragraph_keys(tbl)
        heights = self._row_heights(rows, grid, margins)
        header = sum(h for r, h in zip(rows, heights) if r.find(f"{W}trPr/{W}tblHeader") is not None)
        chain, start = self._keep_together(rows, heights)
        self.page_of[tbl] = self.page if self.y + 1 < self.height else self.page + 1
        page = self.page
        for row, height in zip(rows, heights):
            if self.y + height > self.height and self.y > 0:
                self._new_page()
                if row.find(f"{W}trPr/{W}tblHeader") is None:
                    self.y += header
            self.y += height
        if self._row_kept(rows[-1]):  # the whole table keeps with what follows (the Keputusan's dictums)
            self._kept, self._kept_from = (chain + [tbl], start) if self.page == page else ([tbl], 0.0)

    def _keep_together(self, rows, heights) -> tuple[list, float]:
        """Rows kept with the next (every paragraph "keep with next") go to the next page as one
        block when they do not fit here but fit on a page, taking along what keeps with the table
        before it (a heading, a table kept whole); as Word and LibreOffice do, nothing moves when
        the block would not fit on a new page either. Returns that chain and where it now starts."""
        kept = 0
        while kept < len(rows) - 1 and self._row_kept(rows[kept]):
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

    def _row_kept(self, row) -> bool:
        paragraphs = [p for p in row.iter(W + "p") if not _inside_textbox(p)]
        return bool(paragraphs) and all(p.find(f"{W}pPr/{W}keepNext") is not None for p in paragraphs)

    def _cell_margins(self, tbl) -> tuple[float, float, float, float]:
        style = tbl.find(f"{W}tblPr/{W}tblStyle")
        found = tbl.find(f"{W}tblPr/{W}tblCellMar")
        if found is None and style is not None:
            found = self.styles.lookup(style.get(W + "val"), "w:tblPr/w:tblCellMar")
        side = lambda name, default: _twips(found.find(W + name), "w", default) if found is not None and found.find(W + name) is not None else default  # noqa: E731,E501
        return side("top", 0), side("bottom", 0), side("left", DEFAULT_CELL_MARGIN), side("right", DEFAULT_CELL_MARGIN)

    def _row_heights(self, rows, grid, margins) -> list[float]:
        top, bottom, left, right = margins
        heights, pending = [], {}  # pending: grid column -> (first row, content height) of a vertical merge
        for index, row in enumerate(rows):
            rule = row.find(f"{W}trPr/{W}trHeight")
            fixed = _twips(rule, "val") if rule is not None else 0.0
            if rule is not None and rule.get(W + "hRule") == "exact":
                heights.append(fixed)
                continue
            height, column = fixed, 0
            for cell in row.iter(W + "tc"):
                span, merge = _span_and_merge(cell)
                width = sum(grid[column:column + span]) - left - right
                paragraphs = cell.iter(W + "p")
                if next(cell.iter(W + "txbxContent"), None) is not None:  # a drawing's text takes no room here
                    paragraphs = [p for p in paragraphs if not _inside_textbox(p)]
                content = top + bottom + sum(self._cell_paragraph_height(p, width) for p in paragraphs)
                if merge is not None and merge.get(W + "val") == "restart":
                    pending[column] = (index, content)
                elif merge is None:
                    height = max(height, content)
                    pending.pop(column, None)
                column += span
            heights.append(height)
            for column, (first, content) in list(pending.items()):
                if not _continues(rows, index + 1, column, grid):
                    spanned = sum(heights[first:index + 1])
                    heights[index] += max(0.0, content - spanned)
                    del pending[column]
        return heights

    def _cell_paragraph_height(self, p, width: float) -> float:
        # The same cell paragraphs come back in every SOP's identity table (labels, dots, the
        # same Dasar Hukum): a paragraph's height depends only on its XML and the width. (A key
        # made of what paragraph_lines reads, walked in Python, costs more than the XML.)
        key = (self._keys.get(p) or etree.tostring(p), width)
        height = self._cell_heights.get(key)
        if height is None:
            before, after, lines = self.paragraph_lines(p, width, key[0])
            height = self._cell_heights[key] = before + after + sum(h for kind, h in lines if kind != "break")
        return height


_PARAGRAPH_START = re.compile(rb"<w:p[ >/]")
_TEXTS = re.compile(rb"(?<=<w:t>)[^<]+|(?<=<w:t xml:space=\"preserve\">)[^<]+")  # a paragraph's texts, in its XML


def _paragraph_keys(tbl) -> dict:
    """Each paragraph of `tbl` with its XML, the key of its height, cut from one serialisation
    of the table: serialised one by one, every paragraph would repeat the document's two dozen
    namespace declarations, at four times the cost. A paragraph holding a text box is left out
    (its XML does not end before the next paragraph starts), and so is every paragraph when the
    table's XML does not spell them `w:p`."""
    xml = etree.tostring(tbl)
    starts = [match.start() for match in _PARAGRAPH_START.finditer(xml)]
    paragraphs = list(tbl.iter(W + "p"))
    if len(starts) != len(paragraphs):
        return {}
    keys = {}
    for p, start, following in zip(paragraphs, starts, starts[1:] + [len(xml)]):
        end = xml.find(b"</w:p>", start, following)  # none: an empty <w:p/>
        key = xml[start:end if end >= 0 else following]
        if b"txbxContent" not in key:
            keys[p] = key
    return keys


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


def _span_and_merge(cell) -> tuple[int, object]:
    """A cell's grid span and its w:vMerge (or None), from its properties, its first child: the
    pagination reads them for every cell of every table, faster so than with find."""
    span, merge = 1, None
    if len(cell) and cell[0].tag == TCPR:
        for prop in cell[0]:
            if prop.tag == GRID_SPAN:
                span = int(prop.get(W + "val"))
            elif prop.tag == V_MERGE:
                merge = prop
    return span, merge


TCPR, GRID_SPAN, V_MERGE = W + "tcPr", W + "gridSpan", W + "vMerge"


def _inside_textbox(node) -> bool:
    return any(a.tag == W + "txbxContent" for a in node.iterancestors())


def _continues(rows, index: int, column: int, grid) -> bool:
    """Whether row `index` continues the vertical merge at grid `column`."""
    if index >= len(rows):
        return False
    position = 0
    for cell in rows[index].iter(W + "tc"):
        span_el = cell.find(f"{W}tcPr/{W}gridSpan")
        if position == column:
            merge = cell.find(f"{W}tcPr/{W}vMerge")
            return merge is not None and merge.get(W + "val") != "restart"
        position += int(span_el.get(W + "val")) if span_el is not None else 1
    return False


def paginate(document, fixed: dict | None = None) -> Paginator:
    """Lay out a python-docx Document's body; see Paginator. `fixed` maps placeholder paragraphs
    to the heights of the pages they stand for."""
    paginator = Paginator(Styles(document.styles.element), fixed)
    paginator.run(document.element.body)
    return paginator
