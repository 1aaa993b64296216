"""Measuring and wrapping text with the real advance widths of the document font.

The documents are set in Arial; its advance widths are those of Liberation Sans (metric-
compatible, what LibreOffice substitutes), shipped in sopdocs/data/arial-metrics.json, so the
layout needs no font file and is the same on every machine. Lines break the way Word breaks
them: at spaces, and inside a word only when the word alone is wider than the line.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

FALLBACK_WIDTH = 556  # the width of a digit, for characters outside the table (in 1/1000 em)


@lru_cache(maxsize=None)
def _widths(bold: bool) -> dict[str, int]:
    data = json.loads(resources.files("sopdocs").joinpath("data/arial-metrics.json").read_text("utf-8"))
    table = data["bold" if bold else "regular"]
    return dict(zip(table["chars"], table["widths"]))


@lru_cache(maxsize=None)
def font(size: float, bold: bool = False) -> Font:
    """The Font of this size and weight, shared so that its memory of word widths serves all."""
    return Font(size, bold)


class Font:
    """A font size and weight that measures and wraps text, in points."""

    def __init__(self, size: float, bold: bool = False, line_height: float | None = None):
        self.size = size
        self.bold = bold
        self.line_height = line_height or round(size * 1.2, 1)
        self._table = _widths(bold)
        self._scale = size / 1000
        self._cache: dict[str, float] = {}
        self._lines: dict[tuple[str, float], int] = {}

    def width(self, text: str) -> float:
        """The advance width of `text`; words come back again and again, so each is summed once."""
        found = self._cache.get(text)
        if found is None:
            table = self._table
            found = self._cache[text] = sum(table.get(ch, FALLBACK_WIDTH) for ch in text) * self._scale
        return found

    def wrap(self, text: str, width: float) -> list[str]:
        """The lines `text` occupies in a column `width` points wide (paragraphs kept)."""
        lines: list[str] = []
        for paragraph in text.split("\n"):
            lines.extend(self._wrap_paragraph(paragraph, width))
        return lines

    def lines(self, text: str, width: float) -> int:
        """How many lines `text` wraps to; memoised, since a layout measures each cell text in
        every column it may take and the same texts (labels, dots, headers) recur in every SOP."""
        key = (text, width)
        found = self._lines.get(key)
        if found is None:
            if len(self._lines) >= 100_000:  # a long-lived process (sopdocs web) stays bounded
                self._lines.clear()
            found = self._lines[key] = len(self.wrap(text, width)) if text else 0
        return found

    def height(self, text: str, width: float) -> float:
        return self.lines(text, width) * self.line_height

    def _wrap_paragraph(self, paragraph: str, width: float) -> list[str]:
        space = self.width(" ")
        lines: list[str] = []
        line, line_width = "", 0.0
        for word in paragraph.split(" "):
            word_width = self.width(word)
            if line and line_width + space + word_width <= width:
                line, line_width = f"{line} {word}", line_width + space + word_width
                continue
            if line:
                lines.append(line)
            if word_width <= width:
                line, line_width = word, word_width
            else:
                pieces = self._break_word(word, width)
                lines.extend(pieces[:-1])
                line, line_width = pieces[-1], self.width(pieces[-1])
        lines.append(line)
        return lines

    def _break_word(self, word: str, width: float) -> list[str]:
        pieces, piece = [], ""
        for ch in word:
            if piece and self.width(piece + ch) > width:
                pieces.append(piece)
                piece = ""
            piece += ch
        return pieces + [piece]
