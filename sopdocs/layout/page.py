"""Paper, margins and the type of the flowchart pages, in points (1/72 inch)."""
from __future__ import annotations

from dataclasses import dataclass

MM = 72 / 25.4

PAPER_MM = {"F4": (215, 330), "A4": (210, 297)}


@dataclass(frozen=True)
class PageSetup:
    """A landscape page for the flowchart part; `paper` is a key of PAPER_MM."""

    paper: str = "F4"
    margin_top_mm: float = 15
    margin_bottom_mm: float = 18  # the page number sits in the bottom margin
    margin_left_mm: float = 15
    margin_right_mm: float = 15
    font_name: str = "Arial"
    font_size: float = 9
    label_size: float = 7

    @property
    def width(self) -> float:
        return max(PAPER_MM[self.paper]) * MM

    @property
    def height(self) -> float:
        return min(PAPER_MM[self.paper]) * MM

    @property
    def left(self) -> float:
        return self.margin_left_mm * MM

    @property
    def top(self) -> float:
        return self.margin_top_mm * MM

    @property
    def content_width(self) -> float:
        return self.width - (self.margin_left_mm + self.margin_right_mm) * MM

    @property
    def content_height(self) -> float:
        return self.height - (self.margin_top_mm + self.margin_bottom_mm) * MM
