"""Stage 3: layout, pure geometry. `layout_flowchart(sop, setup)` -> FlowchartLayout."""
from .flowchart import FlowchartLayout, layout_flowchart
from .geometry import Arrow, Column, Page, Rect, Row, Shape
from .page import PAPER_MM, PageSetup
from .text import Font

__all__ = ["Arrow", "Column", "FlowchartLayout", "Font", "PAPER_MM", "Page", "PageSetup", "Rect", "Row", "Shape",
           "layout_flowchart"]
