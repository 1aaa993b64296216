"""What a reader of a built book sees, compactly: the body's text in order (paragraphs, table
cells, page and section breaks, row heights) and every drawing's geometry. Saved from one version
of sopdocs (tests/data/sample_books.json), it shows that a change of how books are made changed
nothing a user can see."""
from __future__ import annotations

import zipfile

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
WPS = "{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}"
WPG = "{http://schemas.microsoft.com/office/word/2010/wordprocessingGroup}"
TEXT_BOX = W + "txbxContent"


def digest(path) -> dict:
    """The body blocks and drawings of the .docx at `path`."""
    with zipfile.ZipFile(path) as package:
        body = etree.fromstring(package.read("word/document.xml")).find(W + "body")
    return {"blocks": [_block(element) for element in body if element.tag in (W + "p", W + "tbl")],
            "drawings": [_drawing(anchor) for anchor in body.iter(WP + "anchor", WP + "inline")]}


def _outside_text_boxes(element, *tags):
    return (node for node in element.iter(*tags) if not any(a.tag == TEXT_BOX for a in node.iterancestors()))


def _text(element) -> str:
    """The text of `element`, tabs and breaks included, without what its drawings hold."""
    parts = []
    for node in _outside_text_boxes(element, W + "t", W + "tab", W + "br", W + "cr"):
        if node.tag == W + "t":
            parts.append(node.text or "")
        elif node.getparent().tag == W + "r":  # a tab stop (w:tabs/w:tab) is no text
            parts.append("\t" if node.tag == W + "tab" else "\f" if node.get(W + "type") == "page" else "\n")
    return "".join(parts)


def _block(element):
    if element.tag == W + "tbl":
        rows = element.findall(W + "tr")
        return {"rows": [[_text(cell) for cell in row.findall(W + "tc")] for row in rows],
                "heights": [_height(row) for row in rows]}
    ppr = element.find(W + "pPr")
    mark = ""
    if ppr is not None and ppr.find(W + "pageBreakBefore") is not None:
        mark += "[page]"
    if ppr is not None and ppr.find(W + "sectPr") is not None:
        mark += "[section]"
    return mark + _text(element)


def _height(row) -> str:
    height = row.find(f"{W}trPr/{W}trHeight")
    return "" if height is None else f"{height.get(W + 'val')}{height.get(W + 'hRule', '')[:1]}"


def _drawing(anchor) -> list:
    """Where the drawing sits, its size, and each shape in it: kind, offset, size, rotation, text."""
    extent = anchor.find(WP + "extent")
    positions = (anchor.find(WP + "positionH"), anchor.find(WP + "positionV"))
    place = [int(p.findtext(WP + "posOffset") or 0) for p in positions if p is not None]
    shapes = []
    for shape in anchor.iter(WPS + "wsp", "{http://schemas.openxmlformats.org/drawingml/2006/picture}pic"):
        xfrm = shape.find(f".//{A}xfrm")
        off, ext = (xfrm.find(A + "off"), xfrm.find(A + "ext")) if xfrm is not None else (None, None)
        geometry = shape.find(f".//{A}prstGeom")
        kind = (geometry.get("prst") if geometry is not None
                else "custom" if shape.find(f".//{A}custGeom") is not None else "picture")
        points = [[int(pt.get("x")), int(pt.get("y"))] for pt in shape.iter(A + "pt")]
        box = shape.find(f".//{TEXT_BOX}")
        shapes.append([kind, [int(off.get("x")), int(off.get("y"))] if off is not None else None,
                       [int(ext.get("cx")), int(ext.get("cy"))] if ext is not None else None,
                       int(xfrm.get("rot", 0)) if xfrm is not None else 0, bool(xfrm is not None and xfrm.get("flipH")),
                       bool(xfrm is not None and xfrm.get("flipV")), points,
                       "\n".join(_text(p) for p in box.iter(W + "p")) if box is not None else None])
    return [anchor.tag.split("}")[1], place, [int(extent.get("cx")), int(extent.get("cy"))], shapes]
