"""Native, editable DrawingML shapes (Word 2010 `wps` shapes), grouped per page and anchored to it.

Each symbol, arrow, label and connector is its own shape, and the shapes of one flowchart page
form one group (`wpg`) positioned on the page in absolute terms, in front of the text and not
wrapping it: what Word writes when a user draws shapes from Insert > Shapes and groups them. Staff
can move a page's chart as one, or click into the group to move a shape or edit its text.
"""
from __future__ import annotations

import itertools

from ..layout.geometry import Arrow, Point, Rect, Shape
from .ooxml import NAMESPACES, emu, esc, paragraph, run_props

PRESET = {
    "terminator": "flowChartTerminator",
    "process": "flowChartProcess",
    "decision": "flowChartDecision",
    "connector": "flowChartOffpageConnector",
}
NAME = {"terminator": "Terminator", "process": "Proses", "decision": "Keputusan",
        "connector": "Penghubung", "label": "Label", "arrow": "Panah"}
LINE_WIDTH = 9525  # 0.75 pt, in EMU
BLACK = '<a:solidFill><a:srgbClr val="000000"/></a:solidFill>'
# The grouped shapes' ids count from here: docxtpl renumbers a book's docPr ids from 1001 on, one per
# group or picture, so the two never meet.
SHAPE_IDS = 100_000
# Declared on each group, so a group is well-formed in any document, whatever its root declares.
LOCAL_NAMESPACES = " ".join(f'xmlns:{p}="{NAMESPACES[p]}"' for p in ("mc", "wps", "wpg", "a"))


class ShapeWriter:
    """Writes a page's shapes as one anchored group, with document-wide unique drawing ids."""

    def __init__(self, font: str, first_id: int = 1):
        self.font = font
        self._ids = itertools.count(first_id)  # the groups' (docPr)
        self._shape_ids = itertools.count(SHAPE_IDS)  # the grouped shapes' (cNvPr)

    def group(self, name: str, arrows: list[Arrow], shapes: list[Shape], label_size: float) -> str:
        """One page's drawing: the arrows at the back, the symbols and connectors over them and
        the labels on top (a group's z-order is the order of its shapes)."""
        arrow_boxes = [_box(a) for a in arrows]
        boxes = arrow_boxes + [s.rect for s in shapes]
        x0, y0 = min(b.x for b in boxes), min(b.y for b in boxes)
        box = Rect(x0, y0, max(b.x1 for b in boxes) - x0, max(b.y1 for b in boxes) - y0)
        children = "".join(self._arrow(a, a_box, box) for a, a_box in zip(arrows, arrow_boxes))
        children += "".join(self._symbol(s, box, label_size) for s in shapes if s.kind != "label")
        children += "".join(self._label(s, box, label_size) for s in shapes if s.kind == "label")
        return self._anchor(name, box, children)

    def _symbol(self, shape: Shape, group: Rect, label_size: float) -> str:
        """A flowchart symbol; a connector carries its label inside."""
        text = self._text_box(shape.text, label_size, bold=True) if shape.text else ""
        geometry = f'<a:prstGeom prst="{PRESET[shape.kind]}"><a:avLst/></a:prstGeom>'
        fill = '<a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill>'
        line = f'<a:ln w="{LINE_WIDTH}">{BLACK}</a:ln>'
        return self._shape(shape.kind, shape.rect, group, f"{geometry}{fill}{line}", text, rotation=shape.rotation)

    def _label(self, shape: Shape, group: Rect, size: float) -> str:
        """Words beside a decision's exit: a borderless text box, white so that a table line
        behind it does not strike through the words."""
        geometry = ('<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="FFFFFF"/>'
                    '</a:solidFill><a:ln><a:noFill/></a:ln>')
        return self._shape("label", shape.rect, group, geometry, self._text_box(shape.text, size))

    def _arrow(self, arrow: Arrow, box: Rect, group: Rect) -> str:
        """An orthogonal polyline (within `box`) with an arrow head at its end, as a freeform (Edit
        Points works)."""
        width, height = max(emu(box.w), 1), max(emu(box.h), 1)
        path = "".join(self._path_point(i, p, box) for i, p in enumerate(arrow.points))
        geometry = (f'<a:custGeom><a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/><a:rect l="0" t="0" r="r" b="b"/>'
                    f'<a:pathLst><a:path w="{width}" h="{height}" fill="none">{path}</a:path></a:pathLst></a:custGeom>')
        line = f'<a:noFill/><a:ln w="{LINE_WIDTH}">{BLACK}<a:tailEnd type="triangle" w="med" len="med"/></a:ln>'
        return self._shape("arrow", box, group, geometry + line, "")

    @staticmethod
    def _path_point(index: int, point: Point, box: Rect) -> str:
        tag = "moveTo" if index == 0 else "lnTo"
        return f'<a:{tag}><a:pt x="{emu(point[0] - box.x)}" y="{emu(point[1] - box.y)}"/></a:{tag}>'

    def _text_box(self, text: str, size: float, bold: bool = False) -> str:
        rpr = run_props(self.font, size, bold)
        runs = f'<w:r>{rpr}<w:t xml:space="preserve">{esc(text)}</w:t></w:r>'
        body = paragraph(runs, round(size * 1.2, 1), align="center", mark_rpr=rpr)
        return f"<wps:txbx><w:txbxContent>{body}</w:txbxContent></wps:txbx>"

    def _shape(self, kind: str, rect: Rect, group: Rect, properties: str, text_box: str, rotation: int = 0) -> str:
        """One shape of a group, placed by its offset from the group's corner (child and group
        coordinates are the same EMU, so its place on the page is exact)."""
        shape_id = next(self._shape_ids)
        x, y = emu(rect.x) - emu(group.x), emu(rect.y) - emu(group.y)
        cx, cy = max(emu(rect.w), 1), max(emu(rect.h), 1)
        body = ('<wps:bodyPr rot="0" vert="horz" wrap="none" lIns="0" tIns="0" rIns="0" bIns="0" anchor="ctr" '
                'anchorCtr="0"><a:noAutofit/></wps:bodyPr>')
        non_visual = '<wps:cNvSpPr txBox="1"/>' if kind == "label" else "<wps:cNvSpPr/>"
        turn = f' rot="{rotation * 60000}"' if rotation else ""
        return (f'<wps:wsp><wps:cNvPr id="{shape_id}" name="{NAME[kind]} {shape_id}"/>{non_visual}<wps:spPr>'
                f'<a:xfrm{turn}><a:off x="{x}" y="{y}"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>{properties}</wps:spPr>'
                f'{text_box}{body}</wps:wsp>')

    def _anchor(self, name: str, box: Rect, children: str) -> str:
        shape_id = next(self._ids)
        cx, cy = max(emu(box.w), 1), max(emu(box.h), 1)
        return (
            f'<w:r><mc:AlternateContent {LOCAL_NAMESPACES}><mc:Choice Requires="wpg"><w:drawing>'
            f'<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="{shape_id}" '
            'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
            '<wp:simplePos x="0" y="0"/>'
            f'<wp:positionH relativeFrom="page"><wp:posOffset>{emu(box.x)}</wp:posOffset></wp:positionH>'
            f'<wp:positionV relativeFrom="page"><wp:posOffset>{emu(box.y)}</wp:posOffset></wp:positionV>'
            f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
            f'<wp:docPr id="{shape_id}" name="{esc(name)}"/><wp:cNvGraphicFramePr/>'
            '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup">'
            f'<wpg:wgp><wpg:cNvGrpSpPr/><wpg:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/>'
            f'<a:chOff x="0" y="0"/><a:chExt cx="{cx}" cy="{cy}"/></a:xfrm></wpg:grpSpPr>{children}</wpg:wgp>'
            '</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice></mc:AlternateContent></w:r>'
        )


def _box(arrow: Arrow) -> Rect:
    xs = [p[0] for p in arrow.points]
    ys = [p[1] for p in arrow.points]
    return Rect(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))
