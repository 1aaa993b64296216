"""The flowchart renderer (sopdocs.render): one document holding many cases of flowchart_cases,
reopened as a package and checked shape by shape against its layout; then converted once to
PDF with LibreOffice (when installed) to check the pages and the texts a reader sees."""
from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import docx
import pytest
from lxml import etree

from flowchart_cases import CASES, ESCAPED_TEXT, dokumen
from sopdocs.layout import PageSetup, layout_flowchart
from sopdocs.layout.page import PAPER_MM
from docx_checks import package_problems
from sopdocs.render.document import flowchart_document
from sopdocs.layout.flowchart import BORDER
from sopdocs.render.ooxml import NAMESPACES, emu, twips

SOFFICE = shutil.which("soffice")
PDF_TOOLS = shutil.which("pdfinfo") and shutil.which("pdftotext")
needs_pdf = pytest.mark.skipif(not (SOFFICE and PDF_TOOLS), reason="LibreOffice or poppler-utils not installed")
NS = NAMESPACES
W = "{%s}" % NS["w"]
PRESETS = {"terminator": "flowChartTerminator", "process": "flowChartProcess", "decision": "flowChartDecision",
           "connector": "flowChartOffpageConnector"}
CAPTION = "Bagian Flowchart SOP: "


@dataclass
class Drawn:
    """One anchored shape as found in document.xml."""

    geometry: str  # the preset, 'custom' for a freeform, 'label' for a text box
    x: int
    y: int
    cx: int
    cy: int
    doc_id: str
    text: str
    tail: bool
    path: list[tuple[int, int]] = field(default_factory=list)  # a freeform's points, from its corner


@dataclass
class RenderedPage:
    caption: str
    shapes: list[Drawn] = field(default_factory=list)
    groups: list = field(default_factory=list)  # the wp:anchor elements of the caption paragraph
    table: etree._Element | None = None


@dataclass
class Rendered:
    setup: PageSetup
    path: Path
    layouts: list
    root: etree._Element
    pages: list[RenderedPage]

    def pages_of(self, index: int) -> list[tuple[object, RenderedPage]]:
        """(layout page, rendered page) of the index-th SOP."""
        start = sum(len(lay.pages) for lay in self.layouts[:index])
        layout = self.layouts[index]
        return list(zip(layout.pages, self.pages[start:start + len(layout.pages)]))


def w_text(element) -> str:
    return "".join(t.text or "" for t in element.iter(W + "t"))


def drawn(group) -> list[Drawn]:
    """The shapes of one anchored group, each at its place on the page: the group's position plus
    the shape's offset in the group (child and group coordinates are asserted to be the same)."""
    x0 = int(group.find("wp:positionH/wp:posOffset", NS).text)
    y0 = int(group.find("wp:positionV/wp:posOffset", NS).text)
    frame = group.find(".//wpg:grpSpPr/a:xfrm", NS)
    extent = group.find("wp:extent", NS)
    size = (extent.get("cx"), extent.get("cy"))
    assert (frame.find("a:ext", NS).get("cx"), frame.find("a:ext", NS).get("cy")) == size
    assert (frame.find("a:chExt", NS).get("cx"), frame.find("a:chExt", NS).get("cy")) == size
    child_x, child_y = int(frame.find("a:chOff", NS).get("x")), int(frame.find("a:chOff", NS).get("y"))
    shapes = []
    for shape in group.iterfind(".//wpg:wgp/wps:wsp", NS):
        geometry = shape.find(".//a:prstGeom", NS)
        box = shape.find("wps:cNvSpPr", NS)
        if shape.find(".//a:custGeom", NS) is not None:
            kind = "custom"
        elif box is not None and box.get("txBox") == "1":
            kind = "label"
        else:
            kind = geometry.get("prst")
        off, ext = shape.find("wps:spPr/a:xfrm/a:off", NS), shape.find("wps:spPr/a:xfrm/a:ext", NS)
        shapes.append(Drawn(kind, x0 + int(off.get("x")) - child_x, y0 + int(off.get("y")) - child_y,
                            int(ext.get("cx")), int(ext.get("cy")), shape.find("wps:cNvPr", NS).get("id"),
                            w_text(shape), shape.find(".//a:tailEnd", NS) is not None,
                            [(int(pt.get("x")), int(pt.get("y"))) for pt in shape.iterfind(".//a:path/*/a:pt", NS)]))
    return shapes


def render(tmp: Path, setup: PageSetup, names=None) -> Rendered:
    doc = dokumen(names, setup)
    path = tmp / f"flowcharts-{setup.paper}.docx"
    flowchart_document(doc, setup).save(path)
    with zipfile.ZipFile(path) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    body = root.find("w:body", NS)
    pages: list[RenderedPage] = []
    for element in body:
        if element.tag == W + "p" and w_text(element).startswith(CAPTION):
            captions = [r for r in element.findall("w:r", NS) if r.find("w:t", NS) is not None]
            page = RenderedPage("".join(w_text(r) for r in captions))
            page.groups = list(element.iter("{%s}anchor" % NS["wp"]))
            page.shapes = [d for group in page.groups for d in drawn(group)]
            pages.append(page)
        elif element.tag == W + "tbl":
            assert pages and pages[-1].table is None, "a table without its caption"
            pages[-1].table = element
    layouts = [layout_flowchart(sop, setup) for sop in doc.sops]
    return Rendered(setup, path, layouts, root, pages)


@pytest.fixture(scope="module", params=["F4", "A4"])
def rendered(request, tmp_path_factory) -> Rendered:
    return render(tmp_path_factory.mktemp(f"render-{request.param}"), PageSetup(paper=request.param))


def cut_exits(layout) -> list[tuple[int, int]]:
    pages = {row.step: page.index for page in layout.pages for row in page.rows}
    return [(s.number, b.target) for s in layout.sop.steps for b in layout.sop.exits(s)
            if pages[s.number] != pages[b.target]]


def each_sop(rendered: Rendered):
    for index, layout in enumerate(rendered.layouts):
        yield layout, rendered.pages_of(index)


# --- the package -----------------------------------------------------------------------------------

def test_one_caption_and_one_table_per_layout_page(rendered):
    assert len(rendered.pages) == sum(len(lay.pages) for lay in rendered.layouts)
    for layout, pages in each_sop(rendered):
        for page, out in pages:
            assert out.caption == page.caption
            assert out.table is not None


def test_page_is_landscape_paper(rendered):
    size = rendered.root.find(".//w:sectPr/w:pgSz", NS)
    short, long = PAPER_MM[rendered.setup.paper]
    assert int(size.get(W + "w")) == pytest.approx(long * 72 / 25.4 * 20, abs=2)
    assert int(size.get(W + "h")) == pytest.approx(short * 72 / 25.4 * 20, abs=2)
    assert size.get(W + "orient") == "landscape"


def test_one_symbol_per_step_with_its_preset(rendered):
    for layout, pages in each_sop(rendered):
        expected = Counter(PRESETS[s.symbol.value] for s in layout.sop.steps)
        found = Counter(d.geometry for _, out in pages for d in out.shapes if d.geometry in PRESETS.values())
        found.pop("flowChartOffpageConnector", None)
        assert found == expected, layout.sop.nama
        for page, out in pages:  # each at the place the layout gave it
            placed = {(d.geometry, d.x, d.y, d.cx, d.cy) for d in out.shapes}
            for shape in page.symbols():
                r = shape.rect
                assert (PRESETS[shape.kind], emu(r.x), emu(r.y), emu(r.w), emu(r.h)) in placed, (layout.sop.nama, shape)


def test_every_layout_shape_is_drawn_at_its_place(rendered):
    kinds = {**PRESETS, "label": "label"}
    for layout, pages in each_sop(rendered):
        for page, out in pages:
            placed = Counter((d.geometry, d.x, d.y, d.cx, d.cy, d.text) for d in out.shapes if d.geometry != "custom")
            wanted = Counter((kinds[s.kind], emu(s.rect.x), emu(s.rect.y), max(emu(s.rect.w), 1),
                              max(emu(s.rect.h), 1), s.text) for s in page.shapes)
            assert placed == wanted, (layout.sop.nama, page.index)


def test_connectors_are_twice_the_cut_arrows(rendered):
    for layout, pages in each_sop(rendered):
        connectors = [d for _, out in pages for d in out.shapes if d.geometry == "flowChartOffpageConnector"]
        assert len(connectors) == 2 * len(cut_exits(layout)), layout.sop.nama
        assert all(count == 2 for count in Counter(d.text for d in connectors).values())
        expected = sorted(s.text for page in layout.pages for s in page.shapes if s.kind == "connector")
        assert sorted(d.text for d in connectors) == expected


def test_one_freeform_arrow_per_layout_arrow(rendered):
    for layout, pages in each_sop(rendered):
        for page, out in pages:
            arrows = [d for d in out.shapes if d.geometry == "custom"]
            assert len(arrows) == len(page.arrows), (layout.sop.nama, page.index)
            assert all(d.tail for d in arrows)
            assert not [d for d in out.shapes if d.geometry != "custom" and d.tail]


def test_arrow_paths_follow_the_layout_points(rendered):
    """Each freeform's path, moved to its anchor's position, is the layout's polyline."""
    def close(a, b):
        return len(a) == len(b) and all(abs(p - q) <= 2 for u, v in zip(a, b) for p, q in zip(u, v))

    for layout, pages in each_sop(rendered):
        for page, out in pages:
            paths = [[(d.x + x, d.y + y) for x, y in d.path] for d in out.shapes if d.geometry == "custom"]
            for arrow in page.arrows:
                want = [(emu(x), emu(y)) for x, y in arrow.points]
                assert any(close(path, want) for path in paths), (layout.sop.nama, arrow.points)


def test_labels_are_text_boxes_with_the_layout_text(rendered):
    for layout, pages in each_sop(rendered):
        for page, out in pages:
            expected = sorted(s.text for s in page.shapes if s.kind == "label")
            assert sorted(d.text for d in out.shapes if d.geometry == "label") == expected


def test_each_page_is_one_group_anchored_to_the_page(rendered):
    """A staff member can move a page's chart as one: one group per page, holding every shape."""
    for layout, pages in each_sop(rendered):
        for page, out in pages:
            assert len(out.groups) == 1, (layout.sop.nama, page.index)
            group = out.groups[0]
            assert group.find("a:graphic/a:graphicData", NS).get("uri").endswith("/wordprocessingGroup")
            assert {p.get("relativeFrom") for p in group.iterfind("wp:positionH", NS)} == {"page"}
            assert {p.get("relativeFrom") for p in group.iterfind("wp:positionV", NS)} == {"page"}
            assert group.find("wp:wrapNone", NS) is not None and group.get("behindDoc") == "0"
            assert len(out.shapes) == len(page.shapes) + len(page.arrows)
            kinds = [d.geometry for d in out.shapes]  # z-order: arrows at the back, labels in front
            assert kinds == sorted(kinds, key=lambda k: (k != "custom", k == "label"))


def test_drawing_ids_are_unique(rendered):
    groups = [d.get("id") for d in rendered.root.iter("{%s}docPr" % NS["wp"])]
    ids = groups + [d.doc_id for p in rendered.pages for d in p.shapes]
    assert ids and len(ids) == len(set(ids))
    assert len(groups) == len(rendered.pages)


def test_package_integrity(rendered):
    assert package_problems(rendered.path) == []


def test_python_docx_reopens_the_document(rendered):
    document = docx.Document(str(rendered.path))
    assert len(document.tables) == len(rendered.pages)


def test_tables_have_the_layout_rows_and_columns(rendered):
    for layout, pages in each_sop(rendered):
        steps = {s.number: s for s in layout.sop.steps}
        for page, out in pages:
            grid = [int(g.get(W + "w")) for g in out.table.iterfind("w:tblGrid/w:gridCol", NS)]
            assert len(grid) == len(layout.columns)
            assert sum(grid) == pytest.approx(twips(rendered.setup.content_width), abs=2)
            rows = out.table.findall("w:tr", NS)
            assert len(rows) == 2 + len(page.rows)
            assert [len(r.findall("w:trPr/w:tblHeader", NS)) for r in rows[:3]] == [1, 1, 0]  # repeated header
            heights = [int(r.find("w:trPr/w:trHeight", NS).get(W + "val")) for r in rows]
            assert sum(heights) == pytest.approx(twips(page.rows[-1].y1 - page.table_top), abs=2)
            kegiatan = [c.key for c in layout.columns].index("kegiatan")
            for row, tr in zip(page.rows, rows[2:]):
                cells = tr.findall("w:tc", NS)
                assert len(cells) == len(layout.columns)
                assert w_text(cells[0]) == str(row.step)
                assert "\n".join(w_text(p) for p in cells[kegiatan].iter(W + "p")) == steps[row.step].kegiatan


def test_table_rows_are_as_tall_in_every_renderer(rendered):
    """What makes a row as tall in Word, WPS and LibreOffice as the layout made it: an exact
    height, no vertical cell margin (a Word-like engine adds it to an exact height, LibreOffice
    does not), text in paragraphs of exact line height without spacing, rules as thick as the
    layout counted, and the text centred in the room the layout kept for it."""
    with zipfile.ZipFile(rendered.path) as package:
        styles = etree.fromstring(package.read("word/styles.xml"))
    cell_styles = {st.get(W + "styleId"): st for st in styles.iterfind("w:style", NS)
                   if st.get(W + "styleId", "").startswith("SopdocsSel")}
    for page in rendered.pages:
        table = page.table
        margins = table.find("w:tblPr/w:tblCellMar", NS)
        assert [int(margins.find(f"w:{side}", NS).get(W + "w")) for side in ("top", "bottom")] == [0, 0]
        for cell_margin in table.iterfind(".//w:tcMar", NS):
            assert all(int(m.get(W + "w")) == 0 for m in cell_margin if m.tag in (W + "top", W + "bottom"))
        rules = table.find("w:tblPr/w:tblBorders", NS)
        assert {int(r.get(W + "sz")) for r in rules} == {round(BORDER * 8)}
        assert table.find(".//w:tcBorders", NS) is None  # no cell draws a thicker rule of its own
        for tr in table.iterfind("w:tr", NS):
            assert tr.find("w:trPr/w:trHeight", NS).get(W + "hRule") == "exact"
            assert tr.find("w:trPr/w:cantSplit", NS) is not None
            for tc in tr.iterfind("w:tc", NS):
                assert tc.find("w:tcPr/w:vAlign", NS).get(W + "val") == "center"
                for p in tc.iterfind("w:p", NS):
                    style = cell_styles[p.find("w:pPr/w:pStyle", NS).get(W + "val")]
                    spacing = style.find("w:pPr/w:spacing", NS)
                    assert (spacing.get(W + "before"), spacing.get(W + "after"), spacing.get(W + "lineRule")) == \
                        ("0", "0", "exact")
                    assert p.find("w:pPr/w:spacing", NS) is None  # nothing overrides the style's spacing


def test_every_shape_lies_within_the_text_area(rendered):
    """Symbols, arrows, labels and connectors stay inside the margins of their section."""
    sect = rendered.root.find(".//w:body/w:sectPr", NS)
    size, margin = sect.find("w:pgSz", NS), sect.find("w:pgMar", NS)
    to_emu = lambda element, name: int(element.get(W + name)) * 635  # noqa: E731  twips to EMU
    left, top = to_emu(margin, "left"), to_emu(margin, "top")
    right = to_emu(size, "w") - to_emu(margin, "right")
    bottom = to_emu(size, "h") - to_emu(margin, "bottom")
    shapes = [d for page in rendered.pages for d in page.shapes]
    assert shapes
    for d in shapes:
        assert left <= d.x and d.x + d.cx <= right, d
        assert top <= d.y and d.y + d.cy <= bottom, d


def test_workbook_text_is_escaped_not_interpreted(rendered):
    texts = [w_text(t) for t in rendered.root.iter(W + "tc")]
    assert ESCAPED_TEXT in texts
    assert "A & B < C" in texts and '"Surat" <asli>' in texts and "{% if %}" in texts
    assert any(p.caption.endswith('Teks Khusus <&> "{{ nama }}"') for p in rendered.pages)
    with zipfile.ZipFile(rendered.path) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    assert "<b>" not in xml
    assert "&lt;b&gt;&amp;" in xml


# --- LibreOffice -------------------------------------------------------------------------------------

def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def pdf(rendered, tmp_path_factory):
    """The document converted by LibreOffice: (rendered, page texts)."""
    if not (SOFFICE and PDF_TOOLS):
        pytest.skip("LibreOffice or poppler-utils not installed")
    outdir = tmp_path_factory.mktemp(f"pdf-{rendered.setup.paper}")
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{outdir}/lo-profile", "--headless", "--convert-to",
                    "pdf", "--outdir", str(outdir), str(rendered.path)], check=True, capture_output=True, timeout=120)
    path = outdir / rendered.path.with_suffix(".pdf").name
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    count = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    text = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return rendered, count, pages


@needs_pdf
def test_pdf_has_one_page_per_layout_page(pdf):
    rendered, count, pages = pdf
    assert count == sum(len(lay.pages) for lay in rendered.layouts)
    assert len(pages) == count


@needs_pdf
def test_pdf_shows_every_kegiatan(pdf):
    rendered, count, pages = pdf
    everything = squash("".join(pages))
    missing = [s.kegiatan for lay in rendered.layouts for s in lay.sop.steps if squash(s.kegiatan) not in everything]
    assert not missing
    assert ESCAPED_TEXT in "".join(pages)


@needs_pdf
def test_pdf_pages_hold_the_rows_the_layout_gave_them(pdf):
    rendered, count, pages = pdf
    flat = [page for lay in rendered.layouts for page in lay.pages]
    assert len(pages) == len(flat)
    for index, (page, text) in enumerate(zip(flat, pages)):
        steps = {s.number: s for s in page_sop(rendered, page).steps}
        squashed = squash(text)
        assert squash(page.caption) in squashed, index
        for row in page.rows:
            assert squash(steps[row.step].kegiatan) in squashed, (index, page.caption, row.step)


@needs_pdf
@pytest.mark.parametrize("name", ["eight_actors", "twelve_actors", "fifteen_actors", "long_actor_names"])
def test_pdf_header_words_are_never_broken(pdf, name):
    """Every word of every column title reaches the printed page whole (a word that does not fit
    its column would come out in pieces, `Kepanitera` / `an`), on every page of the SOP."""
    rendered, count, pages = pdf
    flat = [(lay, page) for lay in rendered.layouts for page in lay.pages]
    layout = next(lay for lay in rendered.layouts if lay.sop.nama == CASES[name](rendered.setup).nama)
    titles = [c.title for c in layout.columns] + [layout.titles["pelaksana"], layout.titles["mutu_baku"]]
    for index, (lay, page) in enumerate(flat):
        if lay is layout:
            words = set(pages[index].split())
            missing = [w for title in titles for w in title.split() if w not in words]
            assert not missing, (name, page.index, missing)


def page_sop(rendered, page):
    return next(lay.sop for lay in rendered.layouts if any(p is page for p in lay.pages))


def test_cases_are_all_rendered(rendered):
    assert [lay.sop.nama for lay in rendered.layouts] == [CASES[n](rendered.setup).nama for n in CASES]
