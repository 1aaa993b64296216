"""Sections a plugin adds to a book (the `sopdocs_book_sections` hook), e.g. a Kata Pengantar."""
from __future__ import annotations

from dataclasses import dataclass

from .ooxml import esc, parse
from .pagination import W


@dataclass(frozen=True)
class Section:
    """A titled section of plain paragraphs, placed in front of the part whose heading starts
    with `before` (e.g. "DAFTAR ISI"); it starts on a new page and the next part does too."""

    title: str
    paragraphs: tuple[str, ...] = ()
    before: str = "DAFTAR ISI"


def insert_sections(document, sections) -> None:
    """Put each section in front of its part; a section whose part is missing goes last."""
    from .contents import heading  # python-docx: not loaded by a plugin that only imports Section

    body = document.element.body
    for section in sections:
        anchor = heading(section.before)(document)
        for element in parse(_xml(section)):
            if anchor is not None:
                anchor.addprevious(element)
            else:
                body.find(W + "sectPr").addprevious(element)
        if anchor is not None:  # the part starts its page (no break paragraph that could fall on a page of its own)
            anchor.get_or_add_pPr().pageBreakBefore_val = True


def _xml(section: Section) -> str:
    heading = (f'<w:p><w:pPr><w:pStyle w:val="JudulBagian"/><w:pageBreakBefore/><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/>'
               f'</w:rPr><w:t xml:space="preserve">{esc(section.title.upper())}</w:t></w:r></w:p>')
    body = "".join(f'<w:p><w:pPr><w:spacing w:after="120"/><w:jc w:val="both"/></w:pPr><w:r>'
                   f'<w:t xml:space="preserve">{esc(text)}</w:t></w:r></w:p>' for text in section.paragraphs)
    return heading + body
