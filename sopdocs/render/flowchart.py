"""Stage 4: a laid-out flowchart as WordprocessingML: per page, a caption paragraph holding the
page's shapes, then the table with the two header rows and rows of exact height."""
from __future__ import annotations

from functools import lru_cache

from ..layout.flowchart import BORDER, CELL_PAD_X, MUTU_BAKU, FlowchartLayout, pad_x
from ..layout.geometry import Column, Page
from ..layout.text import Font
from ..model import Step
from .ooxml import paragraph, run_props, text_runs, twips
from .shapes import ShapeWriter

HEADER_FILL = "E7E6E6"
RULE = '<w:{side} w:val="single" w:sz="{eighths}" w:space="0" w:color="000000"/>'  # w:sz is in 1/8 pt
BORDERS = "".join(RULE.format(side=s, eighths=round(BORDER * 8))
                  for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
ALIGN = {"no": "center", "waktu": "center"}


def flowchart_xml(layout: FlowchartLayout, writer: ShapeWriter, break_before: bool = True,
                  bookmark: tuple[int, str] | None = None) -> str:
    """The pages of one SOP's flowchart; each page starts on a new page (the first one too,
    unless `break_before` is false because it opens a section). `bookmark` (id, name) marks
    the first page's caption."""
    headers: dict[tuple[int, int], str] = {}  # the header rows, alike on most pages
    return "".join(_page(layout, page, writer, break_before or page.index > 0, bookmark if page.index == 0 else None,
                         headers) for page in layout.pages)


def _page(layout: FlowchartLayout, page: Page, writer: ShapeWriter, page_break: bool,
          bookmark: tuple[int, str] | None, headers: dict[tuple[int, int], str]) -> str:
    sizes, setup = layout.sizes, layout.setup
    anchors = writer.group(f"Flowchart {page.caption}", page.arrows, page.shapes, sizes.label.size)
    rpr = run_props(setup.font_name, sizes.bold.size, bold=True)
    mark = (f'<w:bookmarkStart w:id="{bookmark[0]}" w:name="{bookmark[1]}"/><w:bookmarkEnd w:id="{bookmark[0]}"/>'
            if bookmark else "")
    caption = paragraph(mark + text_runs(page.caption, rpr) + anchors, sizes.bold.line_height,
                        after=_caption_after(layout, page),
                        extra_ppr="<w:keepNext/><w:pageBreakBefore/>" if page_break else "<w:keepNext/>")
    return caption + _table(layout, page, headers)


def _grid(columns: list[Column]) -> list[int]:
    """Column widths in twips, rounded along the running position so no error accumulates."""
    edges = [twips(c.x) for c in columns] + [twips(columns[-1].x1)]
    return [b - a for a, b in zip(edges, edges[1:])]


def _table(layout: FlowchartLayout, page: Page, headers: dict[tuple[int, int], str]) -> str:
    grid = _grid(layout.columns)
    props = (f'<w:tblPr><w:tblW w:w="{sum(grid)}" w:type="dxa"/><w:tblInd w:w="0" w:type="dxa"/>'
             f'<w:tblBorders>{BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/>'
             f'<w:tblCellMar>{_margins(CELL_PAD_X)}</w:tblCellMar><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" '
             'w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>')
    cols = "".join(f'<w:gridCol w:w="{w}"/>' for w in grid)
    steps = {s.number: s for s in layout.sop.steps}
    heights = _row_heights(layout, page)
    if (heights[0], heights[1]) not in headers:
        headers[heights[0], heights[1]] = _header_rows(layout, grid, heights[:2])
    rows = headers[heights[0], heights[1]]
    page_steps = [steps[row.step] for row in page.rows]
    starts = [_cell_start(w, ALIGN.get(c.key, "left"), layout.sizes.font, 1, "", "", c.key)
              for c, w in zip(layout.columns, grid)]  # every data cell not merged begins so
    rows += "".join(_data_row(layout, grid, starts, step, h, merges) for step, h, merges
                    in zip(page_steps, heights[2:], _vertical_merges(page_steps)))
    return f"<w:tbl>{props}<w:tblGrid>{cols}</w:tblGrid>{rows}</w:tbl>"


def _row_heights(layout: FlowchartLayout, page: Page) -> list[int]:
    """The exact heights of the page's rows (the two header rows first), in twips, rounded along
    the running position."""
    edges = [page.table_top, page.table_top + layout.header_heights[0], page.table_top + layout.header_height]
    edges += [row.y1 for row in page.rows]
    return [twips(b) - twips(a) for a, b in zip(edges, edges[1:])]


def page_heights(layout: FlowchartLayout) -> list[float]:
    """How far down its page (points) each page of the flowchart reaches, as a Word-like engine
    adds up the caption's exact lines and spacing and the table's exact rows."""
    sizes, setup = layout.sizes, layout.setup
    return [(sizes.bold.lines(page.caption, setup.content_width) * twips(sizes.bold.line_height)
             + twips(_caption_after(layout, page)) + sum(_row_heights(layout, page))) / 20 for page in layout.pages]


def _caption_after(layout: FlowchartLayout, page: Page) -> float:
    return page.caption_height - layout.sizes.bold.height(page.caption, layout.setup.content_width)


@lru_cache(maxsize=None)  # a few values, written into thousands of cells
def _margins(horizontal: float) -> str:
    """Cell margins, none above and below: a Word-like engine adds those to an exact row height
    and LibreOffice does not, so the room above and below the text is kept inside the row
    height by the layout (CELL_PAD_Y) and the text is centred in it."""
    return "".join(f'<w:{side} w:w="{twips(value)}" w:type="dxa"/>'
                   for side, value in (("top", 0), ("left", horizontal), ("bottom", 0), ("right", horizontal)))


def _row(cells: str, height: int, header: bool = False) -> str:
    repeat = "<w:tblHeader/>" if header else ""
    return f'<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="{height}" w:hRule="exact"/>{repeat}</w:trPr>{cells}</w:tr>'


def _cell(layout: FlowchartLayout, width: int, text: str, align: str = "left", font: Font | None = None,
          span: int = 1, merge: str = "", fill: str = "", key: str = "") -> str:
    """A cell; a header cell is given its bold `font`. Font, size and line height are those of the
    cell's paragraph style (cell_styles), said once in the document instead of in every cell."""
    return _filled(_cell_start(width, align, font or layout.sizes.font, span, merge, fill, key), text)


def _filled(start: str, text: str) -> str:
    """A cell from its start (_cell_start) and its text."""
    return f"{start}{text_runs(text, '')}</w:p></w:tc>"


@lru_cache(maxsize=4096)  # a table's few column widths and kinds of cell recur in every row of every page
def _cell_start(width: int, align: str, font: Font, span: int, merge: str, fill: str, key: str) -> str:
    """A cell's XML up to its paragraph's text: the cell and paragraph properties."""
    props = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    props += f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    props += f'<w:vMerge w:val="{merge}"/>' if merge == "restart" else "<w:vMerge/>" if merge else ""
    props += f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
    props += f"<w:tcMar>{_margins(pad_x(key))}</w:tcMar>" if pad_x(key) != CELL_PAD_X else ""
    props += '<w:vAlign w:val="center"/>'
    jc = "" if align == "left" else f'<w:jc w:val="{align}"/>'
    return f'<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:pPr><w:pStyle w:val="{cell_style_id(font)}"/>{jc}</w:pPr>'


@lru_cache(maxsize=None)  # a few fonts (shared: layout.text.font), named in every cell
def cell_style_id(font: Font) -> str:
    """The paragraph style of the table cells set in `font` (size, weight and line height)."""
    return f"SopdocsSel{round(font.size * 2)}{'B' if font.bold else ''}L{twips(font.line_height)}"


def cell_styles(layouts: list[FlowchartLayout], based_on: str | None) -> list[str]:
    """The w:style elements the cells of `layouts` use, to add to the document's styles: the
    paragraph and run properties every cell had on its own (exact line height, no indents)."""
    fonts = {cell_style_id(f): (f, layout.setup.font_name) for layout in layouts
             for f in (layout.sizes.font, layout.sizes.header, layout.sizes.actor_header)}
    base = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    return [f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{style_id}">'
            f'<w:name w:val="Sopdocs Sel {font.size:g}{" Bold" if font.bold else ""} {font.line_height:g}"/>{base}'
            f'<w:pPr><w:spacing w:before="0" w:after="0" w:line="{twips(font.line_height)}" w:lineRule="exact"/>'
            f'<w:ind w:left="0" w:right="0" w:firstLine="0"/><w:jc w:val="left"/></w:pPr>'
            f'{run_props(name, font.size, font.bold)}</w:style>'
            for style_id, (font, name) in fonts.items()]


def _header_rows(layout: FlowchartLayout, grid: list[int], heights: list[int]) -> str:
    columns = layout.columns
    width = dict(zip((id(c) for c in columns), grid))
    actors = [c for c in columns if c.key == "actor"]
    mutu = [c for c in columns if c.key in MUTU_BAKU[:3]]
    head = lambda c, **kw: _cell(layout, width[id(c)], kw.pop("text", c.title), "center",  # noqa: E731
                                 layout.sizes.header_for(c), fill=HEADER_FILL, key=c.key, **kw)
    by_key = {c.key: c for c in columns}
    first = (head(by_key["no"], merge="restart") + head(by_key["kegiatan"], merge="restart")
             + _cell(layout, sum(width[id(c)] for c in actors), layout.titles["pelaksana"], "center",
                     layout.sizes.header, len(actors), fill=HEADER_FILL)
             + _cell(layout, sum(width[id(c)] for c in mutu), layout.titles["mutu_baku"], "center",
                     layout.sizes.header, len(mutu), fill=HEADER_FILL)
             + head(by_key["keterangan"], merge="restart"))
    second = (head(by_key["no"], text="", merge="continue") + head(by_key["kegiatan"], text="", merge="continue")
              + "".join(head(c) for c in actors) + "".join(head(c) for c in mutu)
              + head(by_key["keterangan"], text="", merge="continue"))
    return _row(first, heights[0], header=True) + _row(second, heights[1], header=True)


def _vertical_merges(steps: list[Step]) -> list[dict[str, str]]:
    """Per row of a page, {column: "restart" or "continue"} for the Keterangan and mutu baku cells
    the workbook merged over several activities; a merge cut by a page starts again on the next."""
    merges: list[dict[str, str]] = [{} for _ in steps]
    for index, step in enumerate(steps[1:], 1):
        for key, first in step.merged.items():
            previous = steps[index - 1]
            if previous.number == first or previous.merged.get(key) == first:
                merges[index][key] = "continue"
                merges[index - 1].setdefault(key, "restart")
    return merges


def _data_row(layout: FlowchartLayout, grid: list[int], starts: list[str], step: Step, height: int,
              merges: dict[str, str]) -> str:
    """A step's row; `starts` are the columns' cells up to their text, for the cells not merged."""
    values = {"no": str(step.number), "kegiatan": step.kegiatan, "kelengkapan": step.kelengkapan,
              "waktu": step.waktu.text, "output": step.output, "keterangan": step.keterangan}
    cells = []
    for column, width, start in zip(layout.columns, grid, starts):
        text = values.get(column.key, "")
        if column.key in merges:
            merge = merges[column.key]
            cells.append(_cell(layout, width, "" if merge == "continue" else text, ALIGN.get(column.key, "left"),
                               key=column.key, merge=merge))
        else:
            cells.append(_filled(start, text))
    return _row("".join(cells), height)
