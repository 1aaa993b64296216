"""Arrows between the symbols of a laid-out flowchart, their labels and off-page connectors.

Every row holds exactly one symbol, so a horizontal segment inside a symbol's own row never
meets another symbol. Two kinds of route follow from that:

- down: from the bottom of a step into the top of the next one; straight when both sit in the
  same column, otherwise down, across (in the gap below the source symbol) and down again.
- lane: every other exit (a decision's second way, a jump back or forward) leaves from a side
  of the symbol, runs vertically in a lane (the free strip between a symbol and its column's
  edge, which no symbol ever enters) and enters the target from its side. A lane already used
  on a page is not reused over the same height, and no lane runs through a label, so parallel
  arrows never lie on each other.

An arrow whose two ends are on different pages ends at an off-page connector and starts again
at a connector with the same label: below and above the symbols for the flow going down to the
next page, beside them (turned towards the flow) for a jump. Labels are lettered in reading
order once everything is routed. Decision labels take the first free place beside their exit.
"""
from __future__ import annotations

from collections import defaultdict
from string import ascii_uppercase
from typing import TYPE_CHECKING

from ..model import Branch, Step, Symbol
from .geometry import CONNECTOR, STUB, Arrow, Page, Point, Rect, Shape

if TYPE_CHECKING:  # flowchart.py calls this module: importing it back would be a cycle
    from .flowchart import FlowchartLayout

MIN_OUT = 3.0  # shortest horizontal run out of a side port
MIN_IN = 8.0  # shortest last segment into a target, so the arrow head is drawn straight
LANE_CLEAR = 4.0  # a lane nearer than this to a table line is hard to tell from it
SLIDES = tuple(range(0, 40, 3))  # how far a label may move along its line to find a free place
TURN_RIGHT, TURN_LEFT = 270, 90  # rotations of a connector (it points down unturned)


def route_page_arrows(layout: FlowchartLayout, decision_labels: tuple[str, str]) -> None:
    Router(layout, decision_labels).route_all()


def connector_label(index: int) -> str:
    """A, B, ..., Z, then A1, B1, ..."""
    letter, cycle = ascii_uppercase[index % 26], index // 26
    return letter + (str(cycle) if cycle else "")


def _overlap(a: Rect, b: Rect) -> bool:
    return a.x < b.x1 - 0.01 and b.x < a.x1 - 0.01 and a.y < b.y1 - 0.01 and b.y < a.y1 - 0.01


def _outward(rect: Rect, side: str, x: float, least: float) -> bool:
    """Whether a lane at `x` lies at least `least` outside the `side` of `rect` (a top entry: beside it)."""
    if side == "right":
        return x >= rect.x1 + least
    if side == "left":
        return x <= rect.x - least
    return not rect.x - MIN_OUT < x < rect.x1 + MIN_OUT


class Router:
    def __init__(self, layout: FlowchartLayout, decision_labels: tuple[str, str]):
        self.layout = layout
        self.decision_labels = decision_labels
        self.place: dict[int, tuple[Page, Shape]] = {}
        for page in layout.pages:
            for shape in page.symbols():
                self.place[shape.step] = (page, shape)
        self.rows = {row.step: row for page in layout.pages for row in page.rows}
        self.used_ports: dict[int, set[str]] = defaultdict(set)
        self.lanes: dict[int, list[tuple[float, float, float]]] = defaultdict(list)  # page -> (x, y0, y1)
        self.pairs: list[tuple[Shape, Shape, Page]] = []  # off-page connectors: (out, back, source page)
        actor_columns = layout.actor_columns
        self.area = (actor_columns[0].x, actor_columns[-1].x1)
        quarter = layout.sizes.lane / 4
        self.lane_gap = quarter
        self.lane_xs = sorted({round(x, 2) for c in actor_columns for k in (1, 2, 3)
                               for x in (c.x + k * quarter, c.x1 - k * quarter)})
        self.column_edges = sorted({c.x for c in actor_columns} | {actor_columns[-1].x1})
        # a lane near a table line is hard to tell from it
        self.lane_penalty = {x: 10 * max(0.0, LANE_CLEAR - self._to_table_line(x)) for x in self.lane_xs}

    def route_all(self) -> None:
        exits = []
        for step in self.layout.sop.steps:
            down_taken = False
            for branch in self.layout.sop.exits(step):
                down = branch.target == step.number + 1 and not down_taken
                down_taken = down_taken or down
                exits.append((not down, abs(branch.target - step.number), step, branch))
        for lane, _, step, branch in sorted(exits, key=lambda e: (e[0], e[1], e[2].number)):
            if lane:
                self._lane(step, branch)
            else:
                self._down(step, branch)
        self._letter_connectors()

    # -- down routes ------------------------------------------------------------------------

    def _down(self, step: Step, branch: Branch) -> None:
        page, source = self.place[step.number]
        target_page, target = self.place[branch.target]
        start, end = source.rect.port("bottom"), target.rect.port("top")
        self.used_ports[id(source)].add("bottom")
        self.used_ports[id(target)].add("top")
        if target_page is page:
            if abs(start[0] - end[0]) < 0.5:
                points = [start, (start[0], end[1])]
            else:
                row_bottom = self.rows[step.number].y1
                turn = row_bottom - min(5.0, (row_bottom - source.rect.y1) / 2)
                points = [start, (start[0], turn), (end[0], turn), end]
            page.arrows.append(Arrow(points, source, target))
            beside = [(start[0], 0.0)]
            turns_right = end[0] > start[0] + 0.5
        else:
            out = self._connector(page, Rect(start[0] - CONNECTOR / 2, start[1] + STUB, CONNECTOR, CONNECTOR))
            page.arrows.append(Arrow([start, (start[0], out.rect.y)], source, out))
            back = self._connector(target_page, Rect(end[0] - CONNECTOR / 2, end[1] - STUB - CONNECTOR,
                                                     CONNECTOR, CONNECTOR))
            target_page.arrows.append(Arrow([(end[0], back.rect.y1), end], back, target))
            self.pairs.append((out, back, page))
            beside = [(start[0], CONNECTOR / 2)]
            turns_right = False
        if step.symbol is Symbol.DECISION:
            self._label(page, step, branch, self._below_candidates(start, beside[0][1], turns_right))

    # -- lane routes ------------------------------------------------------------------------

    def _lane(self, step: Step, branch: Branch) -> None:
        page, source = self.place[step.number]
        target_page, target = self.place[branch.target]
        if target_page is page:
            room = self._size(self._text(step, branch))[0] + 4 if step.symbol is Symbol.DECISION else 0.0
            side, points = self._lane_route(page, source, target, room)
            page.arrows.append(Arrow(points, source, target))
            going_up = target.rect.y < source.rect.y
            clearance = 0.0
        else:
            side = self._roomy_side(source)
            entry = self._roomy_side(target)
            start, end = source.rect.port(side), target.rect.port(entry)
            out = self._connector(page, self._beside(source.rect, side), TURN_RIGHT if side == "right" else TURN_LEFT)
            page.arrows.append(Arrow([start, (out.rect.x if side == "right" else out.rect.x1, start[1])], source, out))
            back = self._connector(target_page, self._beside(target.rect, entry),
                                   TURN_LEFT if entry == "right" else TURN_RIGHT)
            target_page.arrows.append(Arrow([(back.rect.x if entry == "right" else back.rect.x1, end[1]), end],
                                            back, target))
            self.used_ports[id(target)].add(entry)
            self.pairs.append((out, back, page))
            going_up, clearance = False, CONNECTOR / 2
        self.used_ports[id(source)].add(side)
        if step.symbol is Symbol.DECISION:
            port = source.rect.port(side)
            self._label(page, step, branch, self._side_candidates(port, side, going_up, clearance))

    def _lane_route(self, page: Page, source: Shape, target: Shape, room: float) -> tuple[str, list[Point]]:
        """The cheapest (source side, lane, target side) whose lane is free over the height it spans.

        Costs: the length of the route; lanes close to a table line (hard to tell from it);
        lanes that leave less than `room` (a decision's label) beside the exit; entering from
        the top, or through a side already taken; and, when nothing else is left, a lane
        already used over the same height. Some route always exists: a route that turns in
        above the target through any lane beside it.
        """
        best = None
        rect, into = source.rect, target.rect
        for crowded in (False, True):
            for side in self._free_sides(source) or ["right", "left"]:
                sx, sy = rect.port(side)
                for entry in [*self._free_sides(target), "top"]:
                    # where the lane ends: beside the target, or above it for a turn into its top
                    ex, ey = (into.cx, into.y - MIN_IN) if entry == "top" else into.port(entry)
                    for x in self.lane_xs:
                        if not (_outward(rect, side, x, MIN_OUT) and _outward(into, entry, x, MIN_IN)):
                            continue
                        # the length of _lane_points' route, summed in its order
                        cost = abs(x - sx) + abs(ey - sy) + abs(ex - x)
                        cost += abs(ey - into.y) if entry == "top" else 0.0
                        cost += 40 * (abs(x - sx) < room) + 60 * (entry == "top") + self.lane_penalty[x]
                        if best is not None and cost >= best[0]:
                            continue  # a clash only adds: no need to look for one (most lanes end here)
                        clash = self._clashes(page, x, sy, ey)
                        if clash and not crowded:
                            continue
                        cost += 1000 * clash
                        if best is None or cost < best[0]:
                            best = (cost, side, entry, x)
            if best:
                break
        _, side, entry, x = best
        points = self._lane_points(rect, side, into, entry, x)
        self.lanes[page.index].append((x, min(points[1][1], points[2][1]), max(points[1][1], points[2][1])))
        self.used_ports[id(target)].add(entry)
        return side, points

    def _to_table_line(self, x: float) -> float:
        return min(abs(x - edge) for edge in self.column_edges)

    @staticmethod
    def _lane_points(source: Rect, side: str, target: Rect, entry: str, x: float) -> list[Point]:
        """The route of the lane at `x` chosen for `source` to `target` (_lane_route)."""
        start = source.port(side)
        if entry == "top":
            turn = target.y - MIN_IN
            return [start, (x, start[1]), (x, turn), (target.cx, turn), (target.cx, target.y)]
        end = target.port(entry)
        return [start, (x, start[1]), (x, end[1]), end]

    def _clashes(self, page: Page, x: float, y0: float, y1: float) -> bool:
        """Whether a lane at x from y0 to y1 lies on another lane or runs through a label."""
        lo, hi = min(y0, y1) - 2, max(y0, y1) + 2
        if any(abs(x - ox) < self.lane_gap * 0.8 and lo < oy1 and oy0 < hi for ox, oy0, oy1 in self.lanes[page.index]):
            return True
        return any(s.rect.crossed_by((x, lo), (x, hi)) for s in page.shapes if s.kind == "label")

    def _free_sides(self, shape: Shape) -> list[str]:
        return [s for s in ("right", "left") if s not in self.used_ports[id(shape)]]

    def _roomy_side(self, shape: Shape) -> str:
        """A free side with room for a connector inside the actor columns (right preferred)."""
        room = {"right": self.area[1] - shape.rect.x1, "left": shape.rect.x - self.area[0]}
        sides = self._free_sides(shape) or ["right", "left"]
        fitting = [s for s in sides if room[s] >= STUB + CONNECTOR]
        return (fitting or sorted(sides, key=lambda s: -room[s]))[0]

    @staticmethod
    def _beside(rect: Rect, side: str) -> Rect:
        x = rect.x1 + STUB if side == "right" else rect.x - STUB - CONNECTOR
        return Rect(x, rect.cy - CONNECTOR / 2, CONNECTOR, CONNECTOR)

    # -- connectors -------------------------------------------------------------------------

    @staticmethod
    def _connector(page: Page, rect: Rect, rotation: int = 0) -> Shape:
        shape = Shape("connector", rect, rotation=rotation)
        page.shapes.append(shape)
        return shape

    def _letter_connectors(self) -> None:
        """A, B, C ... in the order a reader meets the outgoing connectors."""
        ordered = sorted(self.pairs, key=lambda pair: (pair[2].index, pair[0].rect.y, pair[0].rect.x))
        for index, (out, back, _) in enumerate(ordered):
            out.text = back.text = connector_label(index)

    # -- labels -----------------------------------------------------------------------------

    def _text(self, step: Step, branch: Branch) -> str:
        return branch.label or self.decision_labels[1 if branch is step.no else 0]

    def _size(self, text: str) -> tuple[float, float]:
        font = self.layout.sizes.label
        return font.width(text) + 3, font.line_height + 1

    def _below_candidates(self, port: Point, clearance: float, turns_right: bool):
        """Places beside the line that leaves a bottom vertex: away from where the arrow turns."""
        x, y = port
        right = lambda w, h: Rect(x + 2 + clearance, y + 0.5, w, h)  # noqa: E731
        left = lambda w, h: Rect(x - 2 - clearance - w, y + 0.5, w, h)  # noqa: E731
        return [left, right] if turns_right else [right, left]

    def _side_candidates(self, port: Point, side: str, going_up: bool, clearance: float):
        """Places by the line that leaves a side vertex: on the side the lane does not take first,
        sliding outwards along the line past other lanes when the nearest places are taken."""
        x, y = port
        sign = 1 if side == "right" else -1

        def at(above: bool, slide: float):
            def rect(w, h):
                left = x + 2 + slide if sign > 0 else x - 2 - slide - w
                top = y - clearance - h - 0.5 if above else y + clearance + 0.5
                return Rect(left, top, w, h)
            return rect

        return [at(above, slide) for slide in SLIDES for above in (not going_up, going_up)]

    def _label(self, page: Page, step: Step, branch: Branch, candidates) -> None:
        """The exit's words (`Ya`/`Tidak` or the author's) at the first candidate place that covers no
        symbol, connector, label or line; at the first one when none is free."""
        text = self._text(step, branch)
        width, height = self._size(text)
        rects = [make(width, height) for make in candidates]
        chosen = next((r for r in rects if self._free(page, r)), rects[0])
        page.shapes.append(Shape("label", chosen, text, step.number))

    @staticmethod
    def _free(page: Page, rect: Rect) -> bool:
        if any(_overlap(rect, s.rect) for s in page.shapes):
            return False
        return not any(rect.crossed_by(a, b) for arrow in page.arrows for a, b in zip(arrow.points, arrow.points[1:]))
