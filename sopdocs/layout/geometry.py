"""The plain geometry a flowchart layout is made of, in points, page coordinates (y downwards)."""
from __future__ import annotations

from dataclasses import dataclass, field

Point = tuple[float, float]
CONNECTOR = 14.0  # an off-page connector's box is square, so it can be turned towards the flow
STUB = 9.0  # length of an arrow between a symbol and its off-page connector, longer than its head


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    @property
    def x1(self) -> float:
        return self.x + self.w

    @property
    def y1(self) -> float:
        return self.y + self.h

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2

    def port(self, side: str) -> Point:
        """The middle of a side: 'top', 'bottom', 'left' or 'right' (a diamond's vertices)."""
        if side == "top":
            return self.cx, self.y
        if side == "bottom":
            return self.cx, self.y1
        if side == "left":
            return self.x, self.cy
        if side == "right":
            return self.x1, self.cy
        raise KeyError(side)

    def on_edge(self, point: Point, tolerance: float = 0.01) -> bool:
        x, y = point
        inside = self.x - tolerance <= x <= self.x1 + tolerance and self.y - tolerance <= y <= self.y1 + tolerance
        return inside and min(abs(x - self.x), abs(x - self.x1), abs(y - self.y), abs(y - self.y1)) <= tolerance

    def crossed_by(self, a: Point, b: Point) -> bool:
        """Whether the axis-parallel segment a-b passes through the inside of this box."""
        (ax, ay), (bx, by) = a, b
        lo_x, hi_x, lo_y, hi_y = min(ax, bx), max(ax, bx), min(ay, by), max(ay, by)
        eps = 0.01
        return lo_x < self.x1 - eps and hi_x > self.x + eps and lo_y < self.y1 - eps and hi_y > self.y + eps


@dataclass
class Shape:
    """A symbol, an off-page connector or a label, with the text it shows."""

    kind: str  # 'terminator', 'process', 'decision', 'connector', 'label'
    rect: Rect
    text: str = ""
    step: int | None = None
    rotation: int = 0  # degrees clockwise; a connector turned 90 or 270 points left or right


@dataclass
class Arrow:
    """An orthogonal polyline from one shape's edge to another's, with its head at the end."""

    points: list[Point]
    source: Shape
    target: Shape


@dataclass
class Column:
    """A column of the flowchart table; `actor` is the actor's index for Pelaksana columns."""

    key: str  # 'no', 'kegiatan', 'actor', 'kelengkapan', 'waktu', 'output', 'keterangan'
    title: str
    x: float
    width: float
    actor: int | None = None

    @property
    def x1(self) -> float:
        return self.x + self.width


@dataclass
class Row:
    """One activity's row on its page."""

    step: int
    y: float
    height: float
    top_space: float = 0.0  # kept free above the symbol for an incoming off-page connector
    bottom_space: float = 0.0  # kept free below it for an outgoing one

    @property
    def y1(self) -> float:
        return self.y + self.height

    @property
    def symbol_middle(self) -> float:
        return (self.y + self.top_space + self.y1 - self.bottom_space) / 2


@dataclass
class Page:
    """One page of a flowchart table: its rows and everything drawn over them."""

    index: int
    caption: str
    caption_height: float
    table_top: float
    rows: list[Row] = field(default_factory=list)
    shapes: list[Shape] = field(default_factory=list)
    arrows: list[Arrow] = field(default_factory=list)

    def symbols(self) -> list[Shape]:
        return [s for s in self.shapes if s.kind in ("terminator", "process", "decision")]
