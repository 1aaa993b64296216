"""sopdocs plugin: reads the flat workbook layout many regions already keep.

One sheet `Daftar SOP` (one row per SOP) and one sheet `Langkah` (one row per activity), beside
the usual `Instansi` sheet (see README.md). A workbook without both sheets is not this layout:
the reader returns None and the next reader (at last the default layout) reads it.

- sopdocs_read_workbook: the flat layout into the usual model (`reader.read_flat`);
- sopdocs_validate (a wrapper around every validation): after an error about joint actors that
  are not adjacent, a note on how the flat layout orders the actor columns
  (`reader.hint_actor_order`); does nothing for workbooks of another layout.

The hooks live in this module so that `sopdocs` can name this plugin when one of them fails.
"""
from __future__ import annotations

from sopdocs.hookspecs import hookimpl

from .reader import FlatSop, hint_actor_order, read_flat

__all__ = ["FlatSop", "read_flat"]


@hookimpl
def sopdocs_read_workbook(path, sheets, findings, profile):
    return read_flat(path, sheets, findings, profile.label_aliases)


@hookimpl(wrapper=True)
def sopdocs_validate(doc, profile, findings):
    start = len(findings)
    try:
        return (yield)
    finally:
        hint_actor_order(doc, findings, start)
