"""Flowcharts kept as text until their document is written.

A book's flowcharts are most of its XML elements (three quarters of the body's), and they come
out of the layout as text. Parsed into the document's lxml tree, they would only be serialised
again when the book is saved, at several times the cost of writing them. So each SOP's flowchart
place stays in the tree as the placeholder paragraph its template prints, and the flowchart's
pages take its place in the XML text when the document part is serialised. Whatever works on
the tree (the Daftar Isi, a plugin's `sopdocs_postprocess`) sees that placeholder paragraph,
whose only text is its token; the pagination takes the flowchart's pages from its layout.
"""
from __future__ import annotations

import re

from docx.parts.document import DocumentPart

from .markers import Markers
from .pagination import W


class FlowchartPart(DocumentPart):
    """The main document part, whose placeholder paragraphs are written as their flowcharts."""

    placeholder: re.Pattern = re.compile(b"(?!)")  # the placeholders' tokens in the XML, their index
    flowcharts: list[bytes] = []  # by index, UTF-8

    @property
    def blob(self) -> bytes:
        xml = super().blob
        pieces, position, done = [], 0, set()
        for match in self.placeholder.finditer(xml):  # one pass, in the document's order
            index = int(match.group(1))
            if index in done or index >= len(self.flowcharts):
                continue
            done.add(index)
            start = max(xml.rfind(b"<w:p>", position, match.start()), xml.rfind(b"<w:p ", position, match.start()))
            pieces += [xml[position:start], self.flowcharts[index]]
            position = xml.index(b"</w:p>", match.end()) + len(b"</w:p>")
        return b"".join(pieces) + xml[position:]


def placeholders(document, places: Markers, count: int) -> list:
    """The top-level paragraphs holding the placeholders `places(0)` ... `places(count - 1)`."""
    found: dict[int, object] = {}
    for p in document.element.body.iterchildren(W + "p"):
        for t in p.iter(W + "t"):
            index = places.whole(t.text) if t.text and places.secret in t.text else None
            if index is not None:
                found[index] = p
    return [found[i] for i in range(count)]


def write_as_text(document, places: Markers, flowcharts: list[str]) -> None:
    """Have `document` written with `flowcharts[i]` in place of the paragraph of `places(i)`
    (a placeholder a plugin removed takes its flowchart with it)."""
    part = document.part
    part.__class__ = FlowchartPart
    part.placeholder = places.in_utf8()
    part.flowcharts = [xml.encode() for xml in flowcharts]
