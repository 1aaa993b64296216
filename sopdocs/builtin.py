"""The built-in plugin: the default profile, workbook layout, rules and templates, written
against the same hooks a region's plugin uses (each is the last to answer)."""
from __future__ import annotations

from .plugins import hookimpl
from .profile import DEFAULT
from .reader import read_default
from .render.template import default_template
from .validate import validate


@hookimpl
def sopdocs_profiles():
    return [DEFAULT]


@hookimpl(trylast=True)
def sopdocs_read_workbook(path, sheets, findings):
    return read_default(path, sheets, findings)


@hookimpl
def sopdocs_validate(doc, profile, findings):
    validate(doc, findings, profile.labels)


@hookimpl(trylast=True)
def sopdocs_template(name, profile):
    return default_template(f"{name}.docx")
