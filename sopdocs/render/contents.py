"""The Daftar Isi: entries whose page numbers come from the pagination, each a link to a bookmark
on the page it cites with a PAGEREF field; and the finders of the elements they cite."""
from __future__ import annotations

import copy
from typing import Callable


from .markers import Markers
from .pagination import W, Paginator

def first_paragraph(test: Callable[[str], bool]) -> Callable:
    """A finder of the first paragraph of the body (not inside a table) whose text passes `test`."""
    def find(document):
        return next((p for p in document.element.body.iterchildren(W + "p")
                     if test("".join(t.text or "" for t in p.iter(W + "t")).strip())), None)
    return find

def heading(prefix: str) -> Callable:
    """A finder of the first paragraph that starts with `prefix`."""
    return first_paragraph(lambda text: text.startswith(prefix))

BOOKMARK, BOOKMARK_ID = "_DaftarIsi_", 9100000  # hidden bookmarks, far from a template's and the flowcharts'

class DaftarIsi:
    """The entries of a table of contents: titles with page tokens, filled in after pagination.

    As in a table of contents Word makes, each page number is a PAGEREF field to a bookmark on
    the page it cites, with our computed number as its result, and each entry a link there: Word
    shows the right numbers at once, and updating the fields (F9) keeps them right after edits.
    """

    def __init__(self):
        self.entries: list[dict] = []
        self._targets: list[Callable] = []
        self._pages = Markers()  # page tokens, found again after pagination

    def add(self, title: str, finder: Callable | None = None, under: bool = False) -> None:
        """An entry; `finder(document)` returns the element whose page it shows (none: a heading);
        `under` indents it below the heading before it."""
        token = self._pages(len(self._targets))
        self.entries.append({"judul": title, "halaman": token if finder else "", "bawah": under})
        if finder:
            self._targets.append(finder)

    def fill(self, document, paginator: Paginator) -> list[int]:
        """Replace the tokens by the printed page numbers (roman in the front matter, the first of
        several sections); returns the page numbers."""
        elements = [top_level(paginator, finder(document)) for finder in self._targets]
        pages = [paginator.page_of.get(e, 0) for e in elements]
        front = len(paginator.sections) > 1
        printed = [roman_numeral(p) if front and paginator.section_of.get(e) == 0 else str(p)
                   for p, e in zip(pages, elements)]
        for text in [t for t in document.element.body.iter(W + "t") if t.text and self._pages.secret in t.text]:
            index = self._pages.whole(text.text)
            if index is not None and elements[index] is not None and text.getparent().tag == W + "r":
                name = f"{BOOKMARK}{index}"
                _bookmark(elements[index], name, BOOKMARK_ID + index)
                _link_entry(text.getparent(), name, printed[index])
            else:  # a token among other text (a region's template): the number alone
                text.text = self._pages.replace(text.text, lambda i: printed[i])
        return pages

def _bookmark(element, name: str, bookmark_id: int) -> None:
    """A bookmark around the first paragraph of `element` (a paragraph or a table)."""
    paragraph = element if element.tag == W + "p" else next(element.iter(W + "p"))
    start = paragraph.makeelement(W + "bookmarkStart", {W + "id": str(bookmark_id), W + "name": name})
    paragraph.append(paragraph.makeelement(W + "bookmarkEnd", {W + "id": str(bookmark_id)}))
    ppr = paragraph.find(W + "pPr")
    paragraph.insert(paragraph.index(ppr) + 1 if ppr is not None else 0, start)

def _link_entry(page_run, name: str, number: str) -> None:
    """The entry's paragraph becomes a link to bookmark `name`; its page run a PAGEREF field
    whose shown result is `number`. A roman number (the front matter) stays plain text:
    LibreOffice updates the fields when it opens a file and prints a PAGEREF in digits, even
    on a page numbered i, ii, iii."""
    paragraph = page_run.getparent()
    # makeelement, not python-docx's OxmlElement, which parses a string for each element
    link = paragraph.makeelement(W + "hyperlink", {W + "anchor": name, W + "history": "1"})
    for child in [c for c in paragraph if c.tag != W + "pPr"]:
        link.append(child)
    paragraph.append(link)
    position = link.index(page_run)
    if not number.isdigit():
        page_run.find(W + "t").text = number
        return
    link.remove(page_run)
    style = page_run.find(W + "rPr")
    pieces = (("fldChar", {W + "fldCharType": "begin"}, None), ("instrText", {}, f" PAGEREF {name} \\h "),
              ("fldChar", {W + "fldCharType": "separate"}, None), ("t", {}, number),
              ("fldChar", {W + "fldCharType": "end"}, None))
    for offset, (tag, attributes, text) in enumerate(pieces):
        run = link.makeelement(W + "r", {})
        if style is not None:
            run.append(copy.deepcopy(style))
        piece = run.makeelement(W + tag, attributes)
        run.append(piece)
        if text is not None:
            piece.text = text
            piece.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        link.insert(position + offset, run)

def top_level(paginator: Paginator, element):
    """The body element holding `element`."""
    while element is not None and element not in paginator.page_of:
        element = element.getparent()
    return element

def roman_numeral(number: int) -> str:
    numerals = (("m", 1000), ("cm", 900), ("d", 500), ("cd", 400), ("c", 100), ("xc", 90), ("l", 50), ("xl", 40),
                ("x", 10), ("ix", 9), ("v", 5), ("iv", 4), ("i", 1))
    out = ""
    for letters, value in numerals:
        while number >= value:
            out, number = out + letters, number - value
    return out
