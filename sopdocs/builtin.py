"""The built-in plugin: the default profile, workbook layout, rules and templates, written
against the same hooks a region's plugin uses (each is the last to answer)."""
from __future__ import annotations

from . import numbering
from .books import SOP_BOOK, SP_BOOK
from .templates_docx import default_template
from .hookspecs import hookimpl
from .profile import DEFAULT
from .reader import read_default
from .validate import validate


@hookimpl
def sopdocs_profiles():
    return [DEFAULT]


@hookimpl(trylast=True)
def sopdocs_book_kinds():
    return [SOP_BOOK, SP_BOOK]


@hookimpl(trylast=True)
def sopdocs_read_workbook(path, sheets, findings, profile):
    return read_default(path, sheets, findings, profile.label_aliases)


@hookimpl(trylast=True)
def sopdocs_number_sop(sop, index, doc, profile):
    return numbering.number(profile.nomor_sop, sop, index, doc)


@hookimpl
def sopdocs_validate(doc, profile, findings):
    validate(doc, findings, profile.labels)


@hookimpl(trylast=True)
def sopdocs_template(name, profile):
    return default_template(f"{name}.docx")
