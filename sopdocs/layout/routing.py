"""Arrows between the symbols of a laid-out flowchart, their labels and off-page connectors.

Every row holds exactly one symbol, so a horizontal segment inside a symbol's own row never
meets another symbol. Two kinds of route follow from that:

- down: from the bottom of a step into the top of the next one; straight when both sit in the
  same column, otherwise down, across (in the gap below the source symbol) and down again.
- lane: every other exit (a decision's second way, a jump back or forward) leaves from a side
  of the symbol, runs vertically in a lane (the free strip between a symbol and its column's
  edge, which no symbol ever enters) and enters the target from its side. Lanes already used
  on a page are not reused over the same height, so parallel arrows never lie on each other.

An arrow whose two ends are on different pages ends at an off-page connector next to its
source and starts again at a connector with the same label next to its target.
"""
from __future__ import annotations

from collections import defaultdict
from string import ascii_uppercase

from ..model import Branch, Step, Symbol
from .flowchart import CONNECTOR_H, CONNECTOR_W, STUB, FlowchartLayout
from .geometry import Arrow, Page, Point, Rect, Shape

MIN_OUT = 3.0  # shortest horizontal run out of a side port
TOP_ENTRY = 5.0  # how far above a target a lane arrow turns in when both its sides are taken


def route_page_arrows(layout: FlowchartLayout, decision_labels: tuple[str, str]) -> None:
    Router(layout, decision_labels).route_all()


def connector_label(index: int) -> str:
    """A, B, ..., Z, then A1, B1, ..."""
    letter, cycle = ascii_uppercase[index % 26], index // 26
    return letter + (str(cycle) if cycle else "")


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
        self.occupied: dict[int, list[tuple[float, float, float]]] = defaultdict(list)
        self.connectors = 0
        actor_columns = layout.actor_columns
        self.area = (actor_columns[0].x, actor_columns[-1].x1)
        quarter = layout.sizes.lane / 4
        self.lane_gap = quarter
        self.lane_xs = sorted({round(x, 2) for c in actor_columns for k in (1, 2, 3)
                               for x in (c.x + k * quarter, c.x1 - k * quarter)})

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

    # -- down routes ------------------------------------------------------------------------

    def _down(self, step: Step, branch: Branch) -> None:
        page, source = self.place[step.number]
        target_page, target = self.place[branch.target]
        start = source.rect.port("bottom")
        end = target.rect.port("top")
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
        else:
            label = self._next_connector_label()
            out = self._connector(page, Rect(start[0] - CONNECTOR_W / 2, start[1] + STUB, CONNECTOR_W, CONNECTOR_H), label)
            page.arrows.append(Arrow([start, (start[0], out.rect.y)], source, out))
            back = self._connector(target_page, Rect(end[0] - CONNECTOR_W / 2, end[1] - STUB - CONNECTOR_H,
                                                     CONNECTOR_W, CONNECTOR_H), label)
            target_page.arrows.append(Arrow([(end[0], back.rect.y1), end], back, target))
        self._label(page, step, branch, start, "bottom", turns_right=end[0] > start[0] + 0.5)

    # -- lane routes ------------------------------------------------------------------------

    def _lane(self, step: Step, branch: Branch) -> None:
        page, source = self.place[step.number]
        target_page, target = self.place[branch.target]
        if target_page is page:
            side, points = self._lane_route(page, source, target)
            page.arrows.append(Arrow(points, source, target))
        else:
            side = self._roomy_side(source)
            label = self._next_connector_label()
            start = source.rect.port(side)
            out = self._connector(page, self._beside(source.rect, side), label)
            page.arrows.append(Arrow([start, (out.rect.x if side == "right" else out.rect.x1, start[1])], source, out))
            entry = self._roomy_side(target)
            end = target.rect.port(entry)
            back = self._connector(target_page, self._beside(target.rect, entry), label)
            target_page.arrows.append(Arrow([(back.rect.x if entry == "right" else back.rect.x1, end[1]), end],
                                            back, target))
            self.used_ports[id(target)].add(entry)
        self.used_ports[id(source)].add(side)
        going_up = target_page is page and target.rect.y < source.rect.y
        self._label(page, step, branch, source.rect.port(side), side, below=going_up)

    def _lane_route(self, page: Page, source: Shape, target: Shape) -> tuple[str, list[Point]]:
        """The cheapest (source side, lane, target side) whose lane is free over the height it spans."""
        best = None
        for crowded in (False, True):
            for side in self._free_sides(source):
                start = source.rect.port(side)
                for entry in self._free_sides(target) or ["top"]:
                    for x in self.lane_xs:
                        points = self._lane_points(source.rect, side, target.rect, entry, x)
                        if points is None:
                            continue
                        clash = self._clashes(page, x, points[1][1], points[2][1])
                        if clash and not crowded:
                            continue
                        cost = sum(abs(a[0] - b[0]) + abs(a[1] - b[1]) for a, b in zip(points, points[1:]))
                        cost += 1000 * clash
                        if best is None or cost < best[0]:
                            best = (cost, side, entry, x, points)
            if best:
                break
        _, side, entry, x, points = best
        self.occupied[page.index].append((x, min(points[1][1], points[2][1]), max(points[1][1], points[2][1])))
        self.used_ports[id(target)].add(entry)
        return side, points

    @staticmethod
    def _lane_points(source: Rect, side: str, target: Rect, entry: str, x: float) -> list[Point] | None:
        def outward(rect: Rect, port_side: str) -> bool:
            if port_side == "right":
                return x >= rect.x1 + MIN_OUT
            if port_side == "left":
                return x <= rect.x - MIN_OUT
            return not rect.x - MIN_OUT < x < rect.x1 + MIN_OUT  # top entry: the lane passes beside it

        if not (outward(source, side) and outward(target, entry)):
            return None
        start = source.port(side)
        if entry == "top":
            turn = target.y - TOP_ENTRY
            return [start, (x, start[1]), (x, turn), (target.cx, turn), (target.cx, target.y)]
        end = target.port(entry)
        return [start, (x, start[1]), (x, end[1]), end]

    def _clashes(self, page: Page, x: float, y0: float, y1: float) -> bool:
        lo, hi = min(y0, y1) - 2, max(y0, y1) + 2
        return any(abs(x - ox) < self.lane_gap * 0.8 and lo < oy1 and oy0 < hi
                   for ox, oy0, oy1 in self.occupied[page.index])

    def _free_sides(self, shape: Shape) -> list[str]:
        return [s for s in ("right", "left") if s not in self.used_ports[id(shape)]]

    def _roomy_side(self, shape: Shape) -> str:
        """A free side with room for a connector inside the actor columns (right preferred)."""
        room = {"right": self.area[1] - shape.rect.x1, "left": shape.rect.x - self.area[0]}
        sides = self._free_sides(shape) or ["right", "left"]
        fitting = [s for s in sides if room[s] >= STUB + CONNECTOR_W]
        return (fitting or sorted(sides, key=lambda s: -room[s]))[0]

    @staticmethod
    def _beside(rect: Rect, side: str) -> Rect:
        x = rect.x1 + STUB if side == "right" else rect.x - STUB - CONNECTOR_W
        return Rect(x, rect.cy - CONNECTOR_H / 2, CONNECTOR_W, CONNECTOR_H)

    # -- connectors and labels --------------------------------------------------------------

    def _next_connector_label(self) -> str:
        label = connector_label(self.connectors)
        self.connectors += 1
        return label

    @staticmethod
    def _connector(page: Page, rect: Rect, label: str) -> Shape:
        shape = Shape("connector", rect, label)
        page.shapes.append(shape)
        return shape

    def _label(self, page: Page, step: Step, branch: Branch, port: Point, side: str, below: bool = False,
               turns_right: bool = False) -> None:
        """`Ya`/`Tidak` (or the author's words) beside a decision's exit, on the side of the line
        where the arrow does not go: under a side exit whose lane goes up, left of a bottom exit
        that turns right."""
        if step.symbol is not Symbol.DECISION:
            return
        text = branch.label or self.decision_labels[1 if branch is step.no else 0]
        font = self.layout.sizes.label
        width, height = font.width(text) + 3, font.line_height + 1
        x, y = port
        if side == "bottom":
            rect = Rect(x - 2 - width if turns_right else x + 2, y + 0.5, width, height)
        else:
            top = y + 0.5 if below else y - height - 0.5
            rect = Rect(x + 2 if side == "right" else x - 2 - width, top, width, height)
        page.shapes.append(Shape("label", rect, text, step.number))
