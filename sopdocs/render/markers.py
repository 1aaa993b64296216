"""Placeholders that a book's template prints and sopdocs replaces once the book is rendered: a
flowchart's place, a Daftar Isi page number, a Standar Pelayanan's heading until its page is known.

Workbook text is printed as it was typed, so a placeholder must be text that no workbook holds:
each kind of placeholder of each book draws a fresh random secret, which did not exist when the
workbook was written, and all its placeholders carry it: `⟦<secret>:<index>⟧`. The secret is
short because the pagination measures the placeholders where they stand, before they are replaced
by a page number or removed: a long one would wrap a line that prints on one. It is made of digits,
which are all as wide as each other, so that every run of a build measures, and numbers, the same
pages (hex letters differ in width: a book could gain a page in one run out of a few).
"""
from __future__ import annotations

import re
import secrets
from typing import Callable


class Markers:
    """The placeholders of one kind in one book, numbered as the caller counts."""

    def __init__(self):
        self.secret = f"{secrets.randbelow(10**6):06d}"
        self._pattern = re.compile(f"\u27e6{self.secret}:(\\d+)\u27e7")

    def __call__(self, index: int) -> str:
        """The placeholder numbered `index`."""
        return f"\u27e6{self.secret}:{index}\u27e7"

    def in_utf8(self) -> re.Pattern:
        """The placeholders as they are found in UTF-8 encoded text; group 1 is the index."""
        return re.compile(self._pattern.pattern.encode())

    def whole(self, text: str) -> int | None:
        """The index of the placeholder that is all of `text`, or None."""
        match = self._pattern.fullmatch(text)
        return int(match.group(1)) if match else None

    def replace(self, text: str, by: Callable[[int], str]) -> str:
        """`text` with each placeholder replaced by `by(its index)`."""
        return self._pattern.sub(lambda match: by(int(match.group(1))), text) if self.secret in text else text
