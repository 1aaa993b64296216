"""Stage 4: rendering layouts into Word documents."""
from .document import flowchart_document

__all__ = ["flowchart_document"]
