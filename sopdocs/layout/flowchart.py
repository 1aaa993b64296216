"""Stage 3: the layout of an SOP's flowchart table, pure geometry (no docx here).

Given an SOP and a page setup it decides the column widths, each row's height from its wrapped
texts, which rows go on which page, the box of every symbol, and (in `routing`) the route of
every arrow, the decision labels and the off-page connectors. All sizes are in points, in page
coordinates: x from the left edge of the paper, y from its top.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..model import Sop, Step, Symbol
from .geometry import CONNECTOR, STUB, Column, Page, Rect, Row, Shape
from .page import PageSetup
from .routing import route_page_arrows
from .text import Font, font

CELL_PAD_X = 3.0  # left/right cell margin
ACTOR_PAD_X = 0.75  # the actor columns' left/right margin: their cells hold no text but the actor's name
# Room kept free above and below a cell's text inside the row's exact height. It is not a cell
# margin: Word-like engines add vertical cell margins to an exact row height, LibreOffice does not,
# so the table has none and the text is centred in its row instead.
CELL_PAD_Y = 2.0
BORDER = 0.5  # width of the table's rules; a renderer takes it from the cell's room for text
MEASURE_SLACK = 1.5  # narrower than the cell when wrapping, so a renderer's rounding never adds a line
SYMBOL_H = 18.0  # a process box's height (a decision is 1.35 times as tall)
ARROW_ROOM = 7.0  # free height above and below a symbol, where arrows turn and run into their heads
PAGE_SLACK = 6.0  # room left at the bottom of every page, so a table never spills onto the next
CAPTION_GAP = 3.0  # space between the caption line and the table
CONNECTOR_SPACE = STUB + CONNECTOR + 3.0  # room a row needs above/below for a connector
HEADER_MIN_SIZE = 6.0  # the header type shrinks down to this, then columns are widened for their titles
HEADER_FLOOR = 5.0  # ... and below it only when no column can be widened enough
KEGIATAN_FLOOR = 60.0  # Kegiatan gives room to the titles of other columns down to this width
MANY_ACTORS = 8
TITLES = {"no": "No", "kegiatan": "Kegiatan", "kelengkapan": "Kelengkapan", "waktu": "Waktu",
          "output": "Output", "keterangan": "Keterangan", "pelaksana": "Pelaksana", "mutu_baku": "Mutu Baku"}
MUTU_BAKU = ("kelengkapan", "waktu", "output", "keterangan")


@dataclass(frozen=True)
class Squeeze:
    """One level of column widths: the first level whose widths fit the page is used."""

    actor: float
    mutu_baku: tuple[float, float, float, float]  # kelengkapan, waktu, output, keterangan
    kegiatan_min: float
    font_size: float


SQUEEZE = (
    Squeeze(78, (92, 52, 86, 62), 160, 9),
    Squeeze(66, (82, 48, 76, 56), 140, 9),
    Squeeze(56, (72, 44, 66, 50), 125, 9),
    Squeeze(48, (64, 42, 60, 46), 115, 8),
    Squeeze(40, (58, 40, 54, 40), 105, 8),
    Squeeze(34, (52, 36, 48, 42), 95, 7),
    Squeeze(28, (48, 34, 44, 42), 85, 7),
)
ACTOR_MAX = 110
KEGIATAN_COMFORT = 300  # beyond this the Kegiatan column gives its surplus to the actors


@dataclass(frozen=True)
class Sizes:
    """Type and symbol sizes derived from the chosen column widths."""

    font: Font
    bold: Font  # the caption
    header: Font  # the header titles: bold, small enough that every title word fits its column
    actor_header: Font  # the actors' names: the same, on their own, so one long name shrinks only them
    label: Font
    lane: float  # free space on each side of a symbol inside its column
    symbol_w: float
    symbol_h: float
    decision_h: float

    def header_for(self, column: Column) -> Font:
        return self.actor_header if column.key == "actor" else self.header

    def symbol_room(self, symbol: Symbol) -> float:
        """The height a row needs for its symbol and the arrows around it; a decision's exit
        labels sit below and beside the diamond, so it keeps a label's height on both sides."""
        if symbol is Symbol.DECISION:
            return self.decision_h + 2 * max(ARROW_ROOM, self.label.line_height + 2)
        return self.symbol_h + 2 * ARROW_ROOM


@dataclass
class FlowchartLayout:
    """Everything the renderer needs to draw one SOP's flowchart table."""

    sop: Sop
    setup: PageSetup
    columns: list[Column]
    header_heights: tuple[float, float]
    sizes: Sizes
    titles: dict[str, str] = field(default_factory=lambda: dict(TITLES))
    pages: list[Page] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the author should know (in Indonesian)

    @property
    def actor_columns(self) -> list[Column]:
        return [c for c in self.columns if c.key == "actor"]

    @property
    def header_height(self) -> float:
        return sum(self.header_heights)


def layout_flowchart(sop: Sop, setup: PageSetup = PageSetup(), decision_labels: tuple[str, str] = ("Ya", "Tidak"),
                     titles: dict[str, str] = TITLES) -> FlowchartLayout:
    """The layout of `sop`'s flowchart table; `titles` name the columns (keys of TITLES) and
    `decision_labels` are the words beside a decision's exits when the author gave none."""
    notes: list[str] = []
    columns, squeeze = _fit_columns(sop, setup, notes, titles)
    sizes = _sizes(columns, squeeze.font_size, setup)
    layout = FlowchartLayout(sop, setup, columns, _header_heights(columns, sizes), sizes, dict(titles), notes=notes)
    _paginate(layout, _row_heights(sop, columns, sizes))
    for page in layout.pages:
        _place_symbols(layout, page)
    route_page_arrows(layout, decision_labels)
    return layout


def _fit_columns(sop: Sop, setup: PageSetup, notes: list[str], titles: dict[str, str]) -> tuple[list[Column], Squeeze]:
    actors = max(len(sop.actors), 1)
    for level, squeeze in enumerate(SQUEEZE):
        no_width = _no_width(sop, squeeze.font_size, titles["no"])
        kegiatan = setup.content_width - no_width - actors * squeeze.actor - sum(squeeze.mutu_baku)
        if kegiatan >= squeeze.kegiatan_min:
            break
    else:  # more actors than any level holds: share what is left equally
        kegiatan = squeeze.kegiatan_min
        actor_width = (setup.content_width - no_width - kegiatan - sum(squeeze.mutu_baku)) / actors
        squeeze = Squeeze(actor_width, squeeze.mutu_baku, kegiatan, squeeze.font_size)
        level = len(SQUEEZE)
    actor_width = squeeze.actor
    if kegiatan > KEGIATAN_COMFORT:
        actor_width = min(ACTOR_MAX, actor_width + (kegiatan - KEGIATAN_COMFORT) / actors)
        kegiatan = setup.content_width - no_width - actors * actor_width - sum(squeeze.mutu_baku)
    if len(sop.actors) >= MANY_ACTORS or level >= 3:
        smaller = f" dan huruf tabel diperkecil menjadi {squeeze.font_size:g} pt" if level >= 3 else ""
        notes.append(f"SOP \"{sop.nama}\" punya {len(sop.actors)} pelaksana: kolom pelaksana dipersempit{smaller} "
                     f"agar muat di kertas {setup.paper}.")
    mutu_baku = dict(zip(MUTU_BAKU, squeeze.mutu_baku))
    longest = {key: _longest_word(sop, key, squeeze.font_size) for key in ("kegiatan", *MUTU_BAKU)}
    for key in MUTU_BAKU:  # a column as wide as its longest word, when Kegiatan can spare the room
        grow = min(longest[key], mutu_baku[key] * 1.6) - mutu_baku[key]
        if 0 < grow <= kegiatan - squeeze.kegiatan_min:
            mutu_baku[key] += grow
            kegiatan -= grow
    widths = [["no", titles["no"], no_width, None], ["kegiatan", titles["kegiatan"], kegiatan, None]]
    widths += [["actor", name, actor_width, i] for i, name in enumerate(sop.actors or [""])]
    widths += [[key, titles[key], mutu_baku[key], None] for key in MUTU_BAKU]
    _room_for_titles(widths, sop, longest, notes)
    columns, x = [], setup.left
    for key, title, width, actor in widths:
        columns.append(Column(key, title, x, width, actor))
        x += width
    return columns, squeeze


def _no_width(sop: Sop, font_size: float, title: str) -> float:
    """Room for the largest step number and for the column's title, both in bold type."""
    number = font(font_size, bold=True).width(str(max(len(sop.steps), 10))) + _margins("no") + 2
    return max(number, _title_need("no", title, font_size))


def pad_x(key: str) -> float:
    """The left and right cell margin of a column (given its key)."""
    return ACTOR_PAD_X if key == "actor" else CELL_PAD_X


def _margins(key: str) -> float:
    """What a column's width gives up before text: both cell margins, the rule between cells and
    a slack for a renderer's rounding."""
    return 2 * pad_x(key) + BORDER + MEASURE_SLACK


def text_room(key: str, width: float) -> float:
    """The width a renderer really has for text in a column `width` points wide."""
    return width - _margins(key)


@lru_cache(maxsize=4096)  # the same titles (column names, an SKPD's actors) in every SOP, at a few sizes
def _title_need(key: str, title: str, size: float) -> float:
    """The column width at which the longest word of `title`, in bold `size`, is not broken."""
    bold = font(size, bold=True)
    return max((bold.width(word) for word in title.split()), default=0.0) + _margins(key)


def _room_for_titles(widths: list[list], sop: Sop, longest: dict[str, float], notes: list[str]) -> None:
    """Widen the columns whose longest title word would be broken even in HEADER_MIN_SIZE type.

    The room comes from Kegiatan, then from the mutu baku columns, each down to what its title
    and its longest word need (Kegiatan at least KEGIATAN_FLOOR). Only when that is not enough
    does the header type go below HEADER_MIN_SIZE (to HEADER_FLOOR); if even that fails the
    author is told to shorten the actors' names, since a word is never broken silently.
    """
    words = {key: longest[key] for key in MUTU_BAKU}  # their own words stay whole
    words["kegiatan"] = max(KEGIATAN_FLOOR, longest["kegiatan"])
    size = HEADER_MIN_SIZE
    while True:
        needs = [_title_need(key, title, size) for key, title, _, _ in widths]
        actor_need = max(n for n, w in zip(needs, widths) if w[0] == "actor")  # the actors keep one width
        needs = [actor_need if w[0] == "actor" else n for n, w in zip(needs, widths)]
        short = sum(max(0.0, need - w[2]) for need, w in zip(needs, widths))
        spare = {i: w[2] - max(needs[i], words[w[0]]) for i, w in enumerate(widths) if w[0] in words}
        if short <= sum(max(0.0, v) for v in spare.values()) + 0.01 or size <= HEADER_FLOOR:
            break
        size -= 0.5
    if short <= 0:
        return
    for i, w in enumerate(widths):
        w[2] = max(w[2], needs[i])
    for i in sorted(spare, key=lambda i: widths[i][0] != "kegiatan"):  # Kegiatan first
        take = min(max(0.0, spare[i]), short)
        widths[i][2] -= take
        short -= take
    if short > 0.01:  # not enough room anywhere: give back what is missing, shared by the actors
        actors = [w for w in widths if w[0] == "actor"]
        for w in actors:
            w[2] -= short / len(actors)
        notes.append(f"SOP \"{sop.nama}\": nama pelaksana terlalu panjang untuk {len(actors)} kolom pelaksana, "
                     "sehingga ada kata yang terpenggal di judul kolom; singkat nama jabatannya (misalnya "
                     "\"Kasubbag\" untuk \"Kepala Subbagian\").")


def _longest_word(sop: Sop, key: str, font_size: float) -> float:
    """The width a text column needs so that no word of it is broken."""
    regular = font(font_size)
    texts = [step.waktu.text if key == "waktu" else getattr(step, key) for step in sop.steps]
    words = set(" ".join(texts).split())  # split once, in C
    return max(map(regular.width, words), default=0.0) + _margins(key) + 1


def _sizes(columns: list[Column], font_size: float, setup: PageSetup) -> Sizes:
    actor_width = next(c.width for c in columns if c.key == "actor")
    lane = min(17.0, max(5.0, actor_width * 0.22))
    symbol_w = min(56.0, actor_width - 2 * lane)
    symbol_h = min(SYMBOL_H, symbol_w * 0.5)
    label_size = min(setup.label_size, font_size - 1)
    actors = [c for c in columns if c.key == "actor"]
    header = _header_font([c for c in columns if c.key != "actor"], font_size)
    return Sizes(font(font_size), font(font_size, bold=True), header, _header_font(actors, header.size),
                 font(label_size), lane, symbol_w, symbol_h, round(symbol_h * 1.35, 2))


def _header_font(columns: list[Column], font_size: float) -> Font:
    # Every word scales alike with the type: a title's widest word at one size is its widest at all.
    bold = font(font_size, bold=True)
    widest = [(max(c.title.split(), key=bold.width), text_room(c.key, c.width)) for c in columns if c.title.split()]
    size = font_size
    while size > HEADER_FLOOR:
        bold = font(size, bold=True)
        if all(bold.width(word) <= room for word, room in widest):
            break
        size -= 0.5
    return font(size, bold=True)


def _text_height(font: Font, text: str, column: Column) -> float:
    return font.height(text, text_room(column.key, column.width)) + 2 * CELL_PAD_Y + BORDER


def _header_heights(columns: list[Column], sizes: Sizes) -> tuple[float, float]:
    first = sizes.header.line_height + 2 * CELL_PAD_Y + 2
    second = max(_text_height(sizes.header_for(c), c.title, c) for c in columns if c.key in ("actor", *MUTU_BAKU[:3]))
    spanning = max(_text_height(sizes.header, c.title, c) for c in columns if c.key in ("no", "kegiatan", "keterangan"))
    return first, max(second + 2, spanning - first)


def _row_heights(sop: Sop, columns: list[Column], sizes: Sizes) -> dict[int, float]:
    """Each row as tall as its own texts and symbol need. A cell merged over several rows (a
    shared Keterangan) needs their sum: the last of its rows grows by what is missing."""
    merges: dict[tuple[str, int], list[int]] = {}  # (column key, first step) -> the steps it covers
    for step in sop.steps:
        for key, first in step.merged.items():
            merges.setdefault((key, first), [first]).append(step.number)
    starts = {number: {key for key, first in merges if first == number} for number in {f for _, f in merges}}
    heights = {step.number: _row_height(_texts(step, starts.get(step.number, ())), columns, sizes, step.symbol)
               for step in sop.steps}
    steps, by_key = {s.number: s for s in sop.steps}, {c.key: c for c in columns}
    for (key, first), numbers in merges.items():
        if key in by_key:
            missing = (_text_height(sizes.font, _texts(steps[first])[key], by_key[key])
                       - sum(heights[n] for n in numbers))
            heights[numbers[-1]] += max(0.0, missing)
    return heights


def _texts(step: Step, merged_out=()) -> dict[str, str]:
    """The row's texts by column key; those of `merged_out` and of cells merged from above left out."""
    texts = {"no": str(step.number), "kegiatan": step.kegiatan, "kelengkapan": step.kelengkapan,
             "waktu": step.waktu.text, "output": step.output, "keterangan": step.keterangan}
    texts.update(dict.fromkeys([*step.merged, *merged_out], ""))
    return texts


def _row_height(texts: dict[str, str], columns: list[Column], sizes: Sizes, symbol) -> float:
    """As tall as the tallest text of the row or its symbol with the arrows around it, no more."""
    text = max(_text_height(sizes.font, texts[c.key], c) for c in columns if c.key in texts)
    return max(text, sizes.symbol_room(symbol))


def caption_text(sop: Sop, page_index: int) -> str:
    name = f"{sop.nomor}  {sop.nama}".strip() if sop.nomor else sop.nama
    return f"Bagian Flowchart SOP: {name}" + (" (lanjutan)" if page_index else "")


def down_exit(sop: Sop, step: Step) -> bool:
    """Whether the flow leaves `step` through its bottom into the next step's top."""
    return any(branch.target == step.number + 1 for branch in sop.exits(step))


def _paginate(layout: FlowchartLayout, heights: dict[int, float]) -> None:
    sop = layout.sop
    steps = {s.number: s for s in sop.steps}
    pages: list[list[int]] = []
    current: list[int] = []
    used = capacity = 0.0
    for step in sop.steps:
        if not current:
            capacity = _capacity(layout, len(pages))
        top = CONNECTOR_SPACE if not current and pages and down_exit(sop, steps[step.number - 1]) else 0.0
        need = heights[step.number] + (CONNECTOR_SPACE if down_exit(sop, step) else 0.0)
        if current and used + need > capacity:
            pages.append(current)
            current, used, capacity = [], 0.0, _capacity(layout, len(pages))
            top = CONNECTOR_SPACE if down_exit(sop, steps[step.number - 1]) else 0.0
        current.append(step.number)
        used += heights[step.number] + top
    if current:
        pages.append(current)
    _avoid_lone_last_row(pages, heights, layout)
    for index, numbers in enumerate(pages):
        layout.pages.append(_page_rows(layout, index, numbers, heights, steps))


def _avoid_lone_last_row(pages: list[list[int]], heights: dict[int, float], layout: FlowchartLayout) -> None:
    """A last page holding only the closing step looks forgotten: give it the step before too."""
    if len(pages) < 2 or len(pages[-1]) != 1 or len(pages[-2]) < 3:
        return
    moved = pages[-2][-1]
    need = heights[moved] + heights[pages[-1][0]] + 2 * CONNECTOR_SPACE
    if need <= _capacity(layout, len(pages) - 1):
        pages[-1].insert(0, pages[-2].pop())


def _capacity(layout: FlowchartLayout, page_index: int) -> float:
    setup = layout.setup
    return setup.content_height - _caption_height(layout, page_index) - layout.header_height - PAGE_SLACK


def _caption_height(layout: FlowchartLayout, page_index: int) -> float:
    return layout.sizes.bold.height(caption_text(layout.sop, page_index), layout.setup.content_width) + CAPTION_GAP


def _page_rows(layout, index, numbers, heights, steps) -> Page:
    sop = layout.sop
    caption_height = _caption_height(layout, index)
    page = Page(index, caption_text(sop, index), caption_height, layout.setup.top + caption_height)
    capacity = _capacity(layout, index)
    y = page.table_top + layout.header_height
    for position, number in enumerate(numbers):
        top = CONNECTOR_SPACE if position == 0 and number > 1 and down_exit(sop, steps[number - 1]) else 0.0
        bottom = CONNECTOR_SPACE if position == len(numbers) - 1 and down_exit(sop, steps[number]) else 0.0
        height = heights[number] + top + bottom
        if height > capacity:
            layout.notes.append(f"Langkah {number} SOP \"{sop.nama}\" terlalu panjang untuk satu halaman; teksnya "
                                "terpotong. Ringkas uraiannya atau pindahkan rinciannya ke Keterangan/lampiran.")
            height = capacity
        page.rows.append(Row(number, y, height, top, bottom))
        y += height
    return page


def _place_symbols(layout: FlowchartLayout, page: Page) -> None:
    sizes, actor_columns = layout.sizes, layout.actor_columns
    steps = {s.number: s for s in layout.sop.steps}
    for row in page.rows:
        step = steps[row.step]
        span = [actor_columns[i] for i in step.actors if i < len(actor_columns)] or actor_columns[:1]
        x0, x1 = span[0].x + sizes.lane, span[-1].x1 - sizes.lane
        width = sizes.symbol_w if len(span) == 1 else x1 - x0
        height = sizes.decision_h if step.symbol is Symbol.DECISION else sizes.symbol_h
        rect = Rect(round((x0 + x1 - width) / 2, 2), round(row.symbol_middle - height / 2, 2), width, height)
        page.shapes.append(Shape(step.symbol.value, rect, step=step.number))
