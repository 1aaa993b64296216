"""The flowchart layout (sopdocs.layout) as pure geometry: every case of flowchart_cases on F4
and A4 paper, checked against the rules of FORMAT.md section 3. No docx is written here."""
from __future__ import annotations

from collections import Counter
from functools import lru_cache
from itertools import combinations

import pytest

from flowchart_cases import CASES, LONG_ACTOR
from sopdocs.layout import Font, PageSetup, Rect, layout_flowchart
from sopdocs.layout.flowchart import BORDER, CELL_PAD_Y, MUTU_BAKU, pad_x
from sopdocs.model import Symbol

PAPERS = ("F4", "A4")
SYMBOLS = ("terminator", "process", "decision")
EPS = 0.01
TEXT_FIELDS = ("no", "kegiatan", *MUTU_BAKU)


@lru_cache(maxsize=None)
def laid_out(name: str, paper: str):
    setup = PageSetup(paper=paper)
    sop = CASES[name](setup)
    return sop, setup, layout_flowchart(sop, setup)


HEAD_LENGTH = 5.5  # how long LibreOffice draws the 'med' triangle of a 0.75 pt line, in points


def over_cases(known: dict[tuple[str, str], str] | None = None):
    """Parametrize `case` over every case and paper; `known` (case, paper) -> reason are strict xfails."""
    known = known or {}
    params = [pytest.param((n, p), id=f"{n}-{p}",
                           marks=[pytest.mark.xfail(strict=True, reason=known[n, p])] if (n, p) in known else [])
              for p in PAPERS for n in CASES]
    return pytest.mark.parametrize("case", params, indirect=True)


@pytest.fixture
def case(request):
    """(sop, setup, layout) of one case on one paper."""
    return laid_out(*request.param)


def segments(arrow):
    return list(zip(arrow.points, arrow.points[1:]))


def overlap(a: Rect, b: Rect) -> bool:
    """Whether two boxes share some area (touching edges do not count)."""
    return a.x < b.x1 - EPS and b.x < a.x1 - EPS and a.y < b.y1 - EPS and b.y < a.y1 - EPS


def step_pages(layout) -> dict[int, int]:
    return {row.step: page.index for page in layout.pages for row in page.rows}


def symbol_of(layout) -> dict[int, object]:
    return {s.step: s for page in layout.pages for s in page.symbols()}


def room(column) -> float:
    """The width a renderer has for a cell's text: the column less its cell margins and the rule."""
    return column.width - 2 * pad_x(column.key) - BORDER


def texts(step) -> dict[str, str]:
    return {"no": str(step.number), "kegiatan": step.kegiatan, "kelengkapan": step.kelengkapan,
            "waktu": step.waktu.text, "output": step.output, "keterangan": step.keterangan}


def drawn_edges(layout) -> Counter:
    """(source step, target step) of every flow the layout draws: an arrow between two symbols,
    or a pair of off-page connectors of one label joining a symbol to a symbol."""
    edges: Counter = Counter()
    outgoing: dict[str, list[int]] = {}
    incoming: dict[str, list[int]] = {}
    for page in layout.pages:
        for arrow in page.arrows:
            src, tgt = arrow.source, arrow.target
            if src.kind in SYMBOLS and tgt.kind in SYMBOLS:
                edges[src.step, tgt.step] += 1
            elif src.kind in SYMBOLS and tgt.kind == "connector":
                outgoing.setdefault(tgt.text, []).append(src.step)
            elif src.kind == "connector" and tgt.kind in SYMBOLS:
                incoming.setdefault(src.text, []).append(tgt.step)
            else:
                edges["bad", src.kind, tgt.kind] += 1
    for label in outgoing.keys() | incoming.keys():
        for a in outgoing.get(label, [None]):
            for b in incoming.get(label, [None]):
                edges[a, b] += 1
    return edges


def expected_edges(sop) -> Counter:
    return Counter((step.number, branch.target) for step in sop.steps for branch in sop.exits(step))


# --- the table ---------------------------------------------------------------------------------------

@over_cases()
def test_columns_fill_the_content_width(case):
    sop, setup, layout = case
    columns = layout.columns
    assert columns[0].x == pytest.approx(setup.left, abs=EPS)
    for left, right in zip(columns, columns[1:]):
        assert right.x == pytest.approx(left.x1, abs=EPS)
    assert columns[-1].x1 == pytest.approx(setup.left + setup.content_width, abs=EPS)
    assert sum(c.width for c in columns) == pytest.approx(setup.content_width, abs=EPS)
    assert all(c.width > 0 for c in columns)
    assert [c.key for c in columns] == ["no", "kegiatan", *["actor"] * len(sop.actors), *MUTU_BAKU]
    assert [c.title for c in layout.actor_columns] == sop.actors
    assert [c.actor for c in layout.actor_columns] == list(range(len(sop.actors)))


@over_cases()
def test_rows_lie_within_the_content_area(case):
    sop, setup, layout = case
    bottom = setup.top + setup.content_height
    for page in layout.pages:
        assert page.rows, f"page {page.index} has no rows"
        assert page.table_top >= setup.top - EPS
        assert page.rows[0].y == pytest.approx(page.table_top + layout.header_height, abs=EPS)
        for above, below in zip(page.rows, page.rows[1:]):
            assert below.y == pytest.approx(above.y1, abs=EPS)
        for row in page.rows:
            assert row.height > 0
            assert setup.top - EPS <= row.y and row.y1 <= bottom + EPS, (page.index, row)


@over_cases()
def test_every_step_is_on_exactly_one_row_of_one_page(case):
    sop, setup, layout = case
    placed = [row.step for page in layout.pages for row in page.rows]
    assert placed == [s.number for s in sop.steps]  # once each, in order
    assert [p.index for p in layout.pages] == list(range(len(layout.pages)))
    symbols = [s.step for page in layout.pages for s in page.symbols()]
    assert sorted(symbols) == placed  # one symbol per step
    pages = step_pages(layout)
    for page in layout.pages:
        for shape in page.symbols():
            assert pages[shape.step] == page.index


@over_cases()
def test_row_heights_hold_the_wrapped_texts(case):
    sop, setup, layout = case
    font = Font(layout.sizes.font.size)
    steps = {s.number: s for s in sop.steps}
    truncated = {n for n in steps if any(f"Langkah {n} " in note for note in layout.notes)}
    for page in layout.pages:
        for row in page.rows:
            if row.step in truncated:
                continue
            for column in layout.columns:
                text = texts(steps[row.step]).get(column.key, "")
                need = font.height(text, room(column)) + 2 * CELL_PAD_Y + BORDER
                assert row.height >= need - EPS, (row.step, column.key, row.height, need)


@over_cases()
def test_header_rows_hold_the_wrapped_titles(case):
    sop, setup, layout = case
    first, second = layout.header_heights
    for column in layout.columns:
        bold = layout.sizes.header_for(column)
        need = bold.height(column.title, room(column)) + 2 * CELL_PAD_Y + BORDER
        height = first + second if column.key in ("no", "kegiatan", "keterangan") else second
        assert height >= need - EPS, (column.key, column.title, height, need)


@pytest.mark.parametrize("paper", PAPERS)
def test_a_long_actor_name_shrinks_only_the_actor_names(paper):
    sop, setup, layout = laid_out("long_actor_names", paper)
    sop.actors = [f"Petugas {n}" for n in range(1, len(sop.actors) + 1)]
    short = layout_flowchart(sop, setup)
    assert layout.sizes.actor_header.size <= short.sizes.actor_header.size
    assert layout.sizes.header.size == short.sizes.header.size  # No, Kegiatan, Waktu ... keep their size


@over_cases()
def test_header_titles_break_only_between_words(case):
    sop, setup, layout = case
    for column in layout.columns:
        bold = layout.sizes.header_for(column)
        for word in column.title.split():
            assert bold.width(word) <= room(column), (column.key, column.title, word)


# --- symbols -----------------------------------------------------------------------------------------

@over_cases()
def test_symbols_sit_inside_their_columns_and_rows(case):
    sop, setup, layout = case
    steps = {s.number: s for s in sop.steps}
    actor_columns = layout.actor_columns
    for page in layout.pages:
        rows = {row.step: row for row in page.rows}
        for shape in page.symbols():
            step = steps[shape.step]
            assert shape.kind == step.symbol.value
            span = [actor_columns[i] for i in step.actors]
            rect, row = shape.rect, rows[shape.step]
            assert span[0].x - EPS <= rect.x and rect.x1 <= span[-1].x1 + EPS, (step.number, rect, span)
            assert row.y - EPS <= rect.y and rect.y1 <= row.y1 + EPS, (step.number, rect, row)
            assert rect.w > 0 and rect.h > 0


@over_cases()
def test_joint_symbols_span_their_columns(case):
    sop, setup, layout = case
    symbols = symbol_of(layout)
    columns = layout.actor_columns
    for step in sop.steps:
        rect = symbols[step.number].rect
        for i, column in enumerate(columns):
            centre_inside = column.x < rect.cx < column.x1
            crosses = rect.x < column.x1 - EPS and rect.x1 > column.x + EPS
            if len(step.actors) > 1:
                assert crosses == (i in step.actors), (step.number, i)
            elif centre_inside:
                assert i in step.actors


@over_cases()
def test_symbols_of_a_kind_have_one_size(case):
    sop, setup, layout = case
    steps = {s.number: s for s in sop.steps}
    heights: dict[str, set] = {}
    widths: dict[str, set] = {}
    for page in layout.pages:
        for shape in page.symbols():
            heights.setdefault(shape.kind, set()).add(round(shape.rect.h, 2))
            if len(steps[shape.step].actors) == 1:
                widths.setdefault(shape.kind, set()).add(round(shape.rect.w, 2))
    assert all(len(h) == 1 for h in heights.values()), heights
    assert all(len(w) == 1 for w in widths.values()), widths


@over_cases()
def test_first_and_last_steps_are_terminators(case):
    sop, setup, layout = case
    symbols = symbol_of(layout)
    assert symbols[sop.steps[0].number].kind == "terminator"
    assert symbols[sop.steps[-1].number].kind == "terminator"


@over_cases()
def test_drawn_shapes_do_not_overlap(case):
    """Symbols, connectors and labels never lie on one another."""
    sop, setup, layout = case
    for page in layout.pages:
        for a, b in combinations(page.shapes, 2):
            assert not overlap(a.rect, b.rect), (page.index, a, b)


@over_cases()
def test_everything_is_drawn_inside_the_actor_columns_and_the_rows(case):
    sop, setup, layout = case
    left, right = layout.actor_columns[0].x, layout.actor_columns[-1].x1
    for page in layout.pages:
        top, bottom = page.rows[0].y, page.rows[-1].y1
        boxes = [(s.kind, s.rect) for s in page.shapes]
        boxes += [("arrow", Rect(x, y, 0, 0)) for a in page.arrows for x, y in a.points]
        for kind, rect in boxes:
            assert left - EPS <= rect.x and rect.x1 <= right + EPS, (page.index, kind, rect)
            assert top - EPS <= rect.y and rect.y1 <= bottom + EPS, (page.index, kind, rect)


# --- arrows ------------------------------------------------------------------------------------------

@over_cases()
def test_arrows_run_from_edge_to_edge_of_symbols_or_connectors(case):
    sop, setup, layout = case
    for page in layout.pages:
        shapes = [id(s) for s in page.shapes]
        for arrow in page.arrows:
            assert len(arrow.points) >= 2
            assert arrow.source.kind in (*SYMBOLS, "connector") and arrow.target.kind in (*SYMBOLS, "connector")
            assert id(arrow.source) in shapes and id(arrow.target) in shapes, "arrow to a shape of another page"
            assert arrow.source.rect.on_edge(arrow.points[0]), (arrow.points, arrow.source)
            assert arrow.target.rect.on_edge(arrow.points[-1]), (arrow.points, arrow.target)
            assert not (arrow.source.kind == arrow.target.kind == "connector")


@over_cases()
def test_arrow_segments_are_horizontal_or_vertical(case):
    sop, setup, layout = case
    for page in layout.pages:
        for arrow in page.arrows:
            for (ax, ay), (bx, by) in segments(arrow):
                assert abs(ax - bx) < EPS or abs(ay - by) < EPS, arrow.points


@over_cases()
def test_arrows_never_pass_through_a_symbol_or_connector(case):
    sop, setup, layout = case
    for page in layout.pages:
        boxes = [s for s in page.shapes if s.kind != "label"]
        for arrow in page.arrows:
            for a, b in segments(arrow):
                for shape in boxes:
                    assert not shape.rect.crossed_by(a, b), (page.index, arrow.points, shape)


@over_cases()
def test_every_exit_is_drawn_once(case):
    """Each way out of each step is one arrow, or one connector pair when it changes page."""
    sop, setup, layout = case
    assert drawn_edges(layout) == expected_edges(sop)


@over_cases()
def test_straight_arrow_within_one_column(case):
    sop, setup, layout = case
    symbols = symbol_of(layout)
    pages = step_pages(layout)
    steps = {s.number: s for s in sop.steps}
    for step in sop.steps:
        following = step.number + 1
        if following not in steps or all(b.target != following for b in sop.exits(step)):
            continue
        if pages[step.number] != pages[following]:
            continue
        if len(step.actors) == 1 and step.actors == steps[following].actors:
            page = layout.pages[pages[step.number]]
            arrows = [a for a in page.arrows if a.source is symbols[step.number] and a.target is symbols[following]]
            assert len(arrows) == 1
            assert len(arrows[0].points) == 2 and abs(arrows[0].points[0][0] - arrows[0].points[1][0]) < EPS


@over_cases()
def test_cut_arrows_become_one_connector_pair_each(case):
    sop, setup, layout = case
    pages = step_pages(layout)
    cut = [(s.number, b.target) for s in sop.steps for b in sop.exits(s) if pages[s.number] != pages[b.target]]
    connectors = [(page.index, shape) for page in layout.pages for shape in page.shapes if shape.kind == "connector"]
    assert len(connectors) == 2 * len(cut)
    by_label: dict[str, list] = {}
    for index, shape in connectors:
        assert shape.text, "a connector without a label"
        by_label.setdefault(shape.text, []).append((index, shape))
    assert len(by_label) == len(cut), f"labels are not unique per pair: {sorted(by_label)}"
    for label, pair in by_label.items():
        assert len(pair) == 2, (label, pair)
        (page_a, out), (page_b, back) = sorted(pair, key=lambda c: not any(
            a.target is c[1] for a in layout.pages[c[0]].arrows))  # the one an arrow runs into first
        out_arrows = [a for a in layout.pages[page_a].arrows if a.target is out]
        back_arrows = [a for a in layout.pages[page_b].arrows if a.source is back]
        assert len(out_arrows) == 1 and len(back_arrows) == 1, label
        assert not [a for p in layout.pages for a in p.arrows if a.source is out or a.target is back]
        source, target = out_arrows[0].source.step, back_arrows[0].target.step
        assert (source, target) in cut
        assert page_a == pages[source] and page_b == pages[target]


@over_cases()
def test_cut_down_arrows_end_at_the_page_bottom_and_resume_at_the_top(case):
    """A flow from the last row of a page into the first row of the next ends in a pentagon
    below its symbol and resumes from a pentagon above the next symbol (FORMAT.md 3)."""
    sop, setup, layout = case
    symbols = symbol_of(layout)
    for page, following in zip(layout.pages, layout.pages[1:]):
        last, first = page.rows[-1], following.rows[0]
        if all(b.target != first.step for b in sop.exits(next(s for s in sop.steps if s.number == last.step))):
            continue
        below = [s for s in page.shapes if s.kind == "connector" and s.rect.y >= symbols[last.step].rect.y1 - EPS]
        above = [s for s in following.shapes if s.kind == "connector" and s.rect.y1 <= symbols[first.step].rect.y + EPS]
        assert len(below) == 1 and len(above) == 1
        assert below[0].text == above[0].text
        assert below[0].rect.y1 <= last.y1 + EPS and above[0].rect.y >= first.y - EPS


@over_cases()
def test_arrow_heads_have_a_straight_run(case):
    """The last segment of an arrow is at least as long as its head, or the head is drawn bent."""
    sop, setup, layout = case
    for page in layout.pages:
        for arrow in page.arrows:
            (ax, ay), (bx, by) = arrow.points[-2:]
            assert abs(ax - bx) + abs(ay - by) >= HEAD_LENGTH, (page.index, arrow.source, arrow.points)


@over_cases()
def test_no_two_vertical_segments_lie_on_each_other(case):
    """Parallel lanes: arrows running beside each other keep apart."""
    sop, setup, layout = case
    for page in layout.pages:
        vertical = [(i, a[0], min(a[1], b[1]), max(a[1], b[1]))
                    for i, arrow in enumerate(page.arrows) for a, b in segments(arrow) if abs(a[0] - b[0]) < EPS]
        for (i, x, lo, hi), (j, x2, lo2, hi2) in combinations(vertical, 2):
            if i != j and abs(x - x2) <= 0.5:
                assert min(hi, hi2) - max(lo, lo2) <= 0.5, (page.index, page.arrows[i].points, page.arrows[j].points)


@over_cases()
def test_no_two_horizontal_segments_lie_on_each_other(case):
    sop, setup, layout = case
    for page in layout.pages:
        horizontal = [(i, a[1], min(a[0], b[0]), max(a[0], b[0]))
                      for i, arrow in enumerate(page.arrows) for a, b in segments(arrow) if abs(a[1] - b[1]) < EPS]
        for (i, y, lo, hi), (j, y2, lo2, hi2) in combinations(horizontal, 2):
            if i != j and abs(y - y2) <= 0.5:
                assert min(hi, hi2) - max(lo, lo2) <= 0.5, (page.index, page.arrows[i].points, page.arrows[j].points)


# --- decision labels ---------------------------------------------------------------------------------

@over_cases()
def test_decision_exits_are_labelled(case):
    sop, setup, layout = case
    labels = Counter()
    for page in layout.pages:
        for shape in page.shapes:
            if shape.kind == "label":
                labels[shape.step, shape.text] += 1
    expected = Counter()
    for step in sop.steps:
        if step.symbol is Symbol.DECISION:
            expected[step.number, step.yes.label if step.yes and step.yes.label else "Ya"] += 1
            expected[step.number, step.no.label or "Tidak"] += 1
    assert labels == expected


def hugs_first_segment(rect, arrow) -> bool:
    """Whether a label lies along the first segment of `arrow`, just above or below a horizontal one."""
    (ax, ay), (bx, by) = arrow.points[:2]
    if ay != by:
        return False
    beside = -EPS <= ay - rect.y1 <= 1 or -EPS <= rect.y - ay <= 1
    return beside and rect.x < max(ax, bx) and rect.x1 > min(ax, bx)


@over_cases()
def test_labels_sit_next_to_their_decision(case):
    """Close to the diamond, or along its own exit line where other lanes push it outwards."""
    sop, setup, layout = case
    symbols = symbol_of(layout)
    pages = step_pages(layout)
    for page in layout.pages:
        for label in (s for s in page.shapes if s.kind == "label"):
            assert pages[label.step] == page.index
            rect, diamond = label.rect, symbols[label.step].rect
            gap_x = max(diamond.x - rect.x1, rect.x - diamond.x1, 0)
            gap_y = max(diamond.y - rect.y1, rect.y - diamond.y1, 0)
            own = [a for a in page.arrows if a.source is symbols[label.step]]
            assert (gap_x <= 5 and gap_y <= 5) or any(hugs_first_segment(rect, a) for a in own), (label, diamond)


@over_cases()
def test_labels_do_not_overlap_symbols_or_connectors(case):
    sop, setup, layout = case
    for page in layout.pages:
        for label in (s for s in page.shapes if s.kind == "label"):
            for shape in page.shapes:
                if shape.kind != "label":
                    assert not overlap(label.rect, shape.rect), (label, shape)


@over_cases()
def test_labels_are_not_struck_through_by_arrows(case):
    sop, setup, layout = case
    for page in layout.pages:
        for label in (s for s in page.shapes if s.kind == "label"):
            for arrow in page.arrows:
                for a, b in segments(arrow):
                    assert not label.rect.crossed_by(a, b), (label, arrow.points)


# --- many actors, long texts -------------------------------------------------------------------------

@pytest.mark.parametrize("name, paper", [
    *[(n, p) for n in ("eight_actors", "twelve_actors", "fifteen_actors") for p in PAPERS]])
def test_many_actors_give_a_note_and_still_fit(name, paper):
    sop, setup, layout = laid_out(name, paper)
    assert len(sop.actors) >= 8
    notes = [n for n in layout.notes if "pelaksana" in n]
    assert len(notes) == 1, layout.notes
    assert str(len(sop.actors)) in notes[0] and sop.nama in notes[0]
    assert layout.columns[-1].x1 <= setup.left + setup.content_width + EPS
    assert len(layout.actor_columns) == len(sop.actors)


@pytest.mark.parametrize("paper", PAPERS)
def test_names_too_long_for_any_room_give_a_note(paper):
    """Sixteen actors whose titles are one long word each: no column can be wide enough, and the
    author is told which SOP and what to do instead of finding broken words in print."""
    setup = PageSetup(paper=paper)
    sop = CASES["fifteen_actors"](setup)  # a fresh one: laid_out's are shared
    sop.actors = [f"Kepala{'Subbagian' * 2}{n}" for n in range(16)]
    layout = layout_flowchart(sop, setup)
    notes = [n for n in layout.notes if "terpenggal" in n]
    assert len(notes) == 1 and sop.nama in notes[0] and "Kasubbag" in notes[0], layout.notes
    assert layout.columns[-1].x1 == pytest.approx(setup.left + setup.content_width, abs=EPS)
    assert layout.sizes.actor_header.size == 5.0


@pytest.mark.parametrize("paper", PAPERS)
def test_header_type_shrinks_only_as_far_as_needed(paper):
    """Twelve actors of a court: the titles keep at least 6 pt, because the columns get room."""
    sop, setup, layout = laid_out("twelve_actors", paper)
    assert layout.sizes.actor_header.size >= 6.0 and layout.sizes.header.size >= 6.0
    assert len({round(c.width, 3) for c in layout.actor_columns}) == 1  # the actors keep one width


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("name", ["linear_4", "realistic_10", "one_actor", "long_actor_names"])
def test_few_actors_give_no_note(name, paper):
    sop, setup, layout = laid_out(name, paper)
    assert layout.notes == []


@pytest.mark.parametrize("paper", PAPERS)
def test_long_kegiatan_gets_a_tall_row(paper):
    sop, setup, layout = laid_out("long_kegiatan", paper)
    step = sop.steps[1]
    assert len(step.kegiatan) == 600
    row = next(r for p in layout.pages for r in p.rows if r.step == step.number)
    kegiatan = next(c for c in layout.columns if c.key == "kegiatan")
    lines = Font(layout.sizes.font.size).lines(step.kegiatan, room(kegiatan))
    assert lines >= 5
    assert row.height >= lines * layout.sizes.font.line_height + 2 * CELL_PAD_Y + BORDER - EPS
    others = [r.height for p in layout.pages for r in p.rows if r.step != step.number]
    assert row.height > max(others)


@pytest.mark.parametrize("paper", PAPERS)
def test_long_actor_names_wrap_in_the_header(paper):
    sop, setup, layout = laid_out("long_actor_names", paper)
    column = layout.actor_columns[0]
    assert column.title == LONG_ACTOR
    bold = layout.sizes.actor_header
    assert bold.lines(LONG_ACTOR, room(column)) >= 2
    assert layout.header_heights[1] >= bold.height(LONG_ACTOR, room(column)) + 2 * CELL_PAD_Y + BORDER


@pytest.mark.parametrize("paper", PAPERS)
def test_empty_mutu_baku_rows_keep_the_symbol_height(paper):
    sop, setup, layout = laid_out("empty_mutu_baku", paper)
    steps = {s.number: s for s in sop.steps}
    for row in (r for p in layout.pages for r in p.rows):
        assert row.height >= layout.sizes.symbol_room(steps[row.step].symbol) - EPS


@pytest.mark.parametrize("paper", PAPERS)
def test_forty_steps_span_several_pages_with_a_cut_back_arrow(paper):
    sop, setup, layout = laid_out("forty_steps", paper)
    pages = step_pages(layout)
    assert len(layout.pages) >= 3
    assert pages[22] != pages[4], "the back-arrow 22 -> 4 should cross a page break"
    labels = [s.text for p in layout.pages for s in p.shapes if s.kind == "connector"]
    assert len(labels) == 2 * len(set(labels))


@pytest.mark.parametrize("paper", PAPERS)
def test_decision_on_the_last_row_of_a_page(paper):
    sop, setup, layout = laid_out("decision_last_on_page", paper)
    last = layout.pages[0].rows[-1]
    step = next(s for s in sop.steps if s.number == last.step)
    assert step.symbol is Symbol.DECISION
    assert last.bottom_space > 0  # room for the connector below the diamond


@pytest.mark.parametrize("paper", PAPERS)
def test_parallel_back_arrows_use_separate_lanes(paper):
    sop, setup, layout = laid_out("parallel_lanes", paper)
    page = layout.pages[0]
    back = [a for a in page.arrows if a.source.kind == "decision" and a.target.rect.y < a.source.rect.y]
    assert len(back) == 3
    lanes = [max((p for p in zip(a.points, a.points[1:]) if abs(p[0][0] - p[1][0]) < EPS),
                 key=lambda s: abs(s[0][1] - s[1][1]))[0][0] for a in back]
    assert len({round(x, 1) for x in lanes}) == 3, lanes


def test_profile_decision_labels_replace_ya_tidak():
    sop = CASES["realistic_10"]()
    layout = layout_flowchart(sop, PageSetup(), decision_labels=("Benar", "Salah"))
    labels = sorted(s.text for p in layout.pages for s in p.shapes if s.kind == "label")
    assert labels == ["Benar", "Tidak lengkap"]  # the author's own label wins over the default
