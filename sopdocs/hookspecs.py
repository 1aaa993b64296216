"""The named points of the pipeline where a plugin hooks in. See docs/plugins.md.

read -> sopdocs_read_workbook; model -> sopdocs_number_sop; validate -> sopdocs_validate;
lay out and render -> sopdocs_profiles, sopdocs_book_kinds, sopdocs_template, sopdocs_book_sections;
write -> sopdocs_postprocess.
"""
from __future__ import annotations

import pluggy

PROJECT = "sopdocs"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)  # what a plugin marks its hook functions with


@hookspec
def sopdocs_profiles():
    """Profiles this plugin provides.

    Called once when the plugins are loaded. Return a list of `sopdocs.profile.Profile`. A
    workbook chooses one by name in the `Profil` field of its Instansi sheet.
    """


@hookspec
def sopdocs_book_kinds():
    """Kinds of book this plugin makes from a workbook.

    Return a list of `sopdocs.books.BookKind` (name, file suffix, whether a workbook has anything
    for it, renderer). The built-in plugin returns the SOP book and the Standar Pelayanan book;
    a kind with the name of one already known replaces it.
    """


@hookspec(firstresult=True)
def sopdocs_read_workbook(path, sheets, findings, profile):
    """Read a workbook whose layout this plugin knows.

    `path` is the workbook file, `sheets` its worksheets (`sopdocs.reader.xlsx.Sheet`: name,
    rows of cell values, merged ranges, images), `findings` the `Findings` to add reading
    problems to (`findings.error(message, CellRef(sheet, cell))`), `profile` the `Profile` the
    Instansi sheet selects (the default when it names none or an unknown one): its
    `label_aliases` are more spellings of the SOP identity labels to accept. Return a `sopdocs.model.Dokumen`, or None when the layout is not yours; the
    first plugin to return one wins, and the default layout (WORKBOOK.md) reads last.
    """


@hookspec(firstresult=True)
def sopdocs_number_sop(sop, index, doc, profile):
    """The Nomor SOP of one SOP.

    Called for every SOP, in book order, after reading and before validation. `sop` is the
    `Sop` (its `nomor` as the author wrote it, maybe empty), `index` its position from 1 in the
    book, `doc` the `Dokumen`, `profile` the workbook's `Profile`. Return the number to use, or
    None to keep the author's. The built-in plugin answers last, with the profile's `nomor_sop`
    pattern (see numbering.py) for SOPs the author left unnumbered.
    """


@hookspec
def sopdocs_validate(doc, profile, findings):
    """Check a workbook's model; add findings with `findings.error(message, sheet, cell)` or
    `findings.warning(...)` (messages in Bahasa Indonesia saying how to fix it). Errors stop the
    build of that workbook. Called after reading and numbering; the return value is ignored.
    """


@hookspec(firstresult=True)
def sopdocs_template(name, profile):
    """The docxtpl template to render for `name` under `profile`.

    `name` is "buku_sop" (the SOP book), "sop" (one SOP alone, `build --per-sop`) or "buku_sp"
    (the Standar Pelayanan book with the Maklumat). Return a `pathlib.Path` to a .docx, or None
    for the default template. Templates are rendered in a sandboxed Jinja environment.
    """


@hookspec
def sopdocs_book_sections(doc, profile, book):
    """Sections to add to a book, e.g. a Kata Pengantar.

    `book` is "buku_sop" or "buku_sp". Return a list of `sopdocs.render.sections.Section`
    (title, paragraphs, and `before`: the heading of the part it goes in front of, e.g.
    "DAFTAR ISI"). Each starts on a new page and is listed in the Daftar Isi.
    """


@hookspec
def sopdocs_postprocess(document, doc, profile, book):
    """Change a finished python-docx `Document` of `book` ("buku_sop", "sop", "buku_sp") just
    before it is saved. The SOPs' flowcharts are not in it: each is one placeholder paragraph
    after its identity table, replaced by the flowchart's pages when the document is written
    (docs/plugins.md). The return value is ignored.
    """
