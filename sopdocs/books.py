"""The kinds of book a workbook becomes. Each kind names its template, its file name and its
renderer; the built-in plugin provides the SOP book and the Standar Pelayanan book, and a
region's plugin may add a kind of its own (hook `sopdocs_book_kinds`)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Protocol

from .model import Dokumen
from .profile import Profile


class Rendered(Protocol):
    """What a renderer returns: the python-docx Document and its number of pages."""

    document: Any
    pages: int


@dataclass(frozen=True)
class BookKind:
    name: str  # the `book` argument of the hooks, and the template's name: "buku_sop"
    suffix: str  # the file name after the SKPD's: DISDUKCAPIL_SOP.docx
    wanted: Callable[[Dokumen], bool]  # does this workbook have anything for it?
    missing: str  # the summary's note when it has not
    render: Callable[..., Rendered]  # (doc, profile, template, sections, publik) -> Rendered
    publik_suffix: str = ""  # the file name under `--publik`, when the kind has a public edition

    def file_name(self, base: str, publik: bool) -> str:
        return f"{base}_{self.publik_suffix if publik and self.publik_suffix else self.suffix}.docx"


def _render_sop_book(doc, profile, template, sections, publik):
    from .render.book import render_book

    return render_book(doc, profile, template, sections)


def _render_sp_book(doc, profile, template, sections, publik):
    from .render.sp import render_sp_book

    return render_sp_book(doc, profile, template, sections, publik=publik)


SOP_BOOK = BookKind("buku_sop", "SOP", lambda doc: bool(doc.sops), "tidak ada sheet SOP, buku SOP tidak dibuat",
                    _render_sop_book)
SP_BOOK = BookKind("buku_sp", "SP", lambda doc: bool(doc.layanan),
                   "tidak ada sheet Standar Pelayanan, buku SP tidak dibuat", _render_sp_book, "SP_publik")
SINGLE_SOP = "sop"  # the template of one SOP alone (`build --per-sop`)


def render_single_sop(doc: Dokumen, sop, profile: Profile, template: Path):
    from .render.book import render_sop

    return render_sop(doc, sop, profile, template)
