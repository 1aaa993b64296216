"""Checking a region's templates before any book is built (`sopdocs templat periksa`).

A template is checked by rendering it, through the same code that builds books, for the example
workbook of `sopdocs init` with undefined names refused: the tags it knows are exactly those of
the render context, whatever the templates or the context become.
"""
from __future__ import annotations

import tempfile
import zipfile
from pathlib import Path
from typing import Callable

from .books import SINGLE_SOP, render_single_sop
from .errors import PluginError
from .file_plugin import NAME
from .pipeline.checking import check_workbook
from .profile import DEFAULT, Profile
from .starter import write_template


def renderers(plugins) -> dict[str, Callable]:
    """Each template name the books use (every book kind's, and one SOP alone) and how a
    template of that name is rendered for a document under a profile."""
    found: dict[str, Callable] = {}
    for kinds in plugins.call("sopdocs_book_kinds"):
        for kind in kinds or ():
            found.setdefault(kind.name, lambda doc, profile, path, kind=kind: kind.render(doc, profile, path, (), False))
    found[SINGLE_SOP] = lambda doc, profile, path: render_single_sop(doc, doc.sops[0], profile, path)
    return found


def check_folder(folder: Path, plugins, profile: Profile = DEFAULT) -> dict[Path, str | None]:
    """Each template of `folder` and what is wrong with it (None: it renders cleanly)."""
    known = renderers(plugins)
    return {path: check_template(path, known[path.stem], plugins, profile) for path in sorted(folder.glob("*.docx"))
            if path.stem in known}


def stray_files(folder: Path, plugins) -> list[str]:
    """Notes on the .docx files of a template folder that sopdocs does not use."""
    known = renderers(plugins)
    return [f"{path}: bukan nama templat, jadi tidak dipakai; nama yang dipakai: "
            + ", ".join(f"{n}.docx" for n in known) + "." for path in sorted(folder.glob("*.docx"))
            if path.stem not in known and not path.name.startswith("~$")]


def template_places(plugins) -> list[tuple[Path, Profile]]:
    """The template folders a region's files provide, each with the profile to check it with:
    the `templat` folders (the default profile) and each profile file's own `templat` folder
    (that profile)."""
    files = plugins.manager.get_plugin(NAME)
    if files is None:
        return []
    places = [(folder, DEFAULT) for folder in files.folders]
    return places + [(f.template_dir, plugins.profile(f.name)) for f in files.files if f.template_dir]


def check_plugin_templates(plugins) -> list[str]:
    """The problems of every template a region's files provide."""
    return [problem for folder, profile in template_places(plugins)
            for problem in check_folder(folder, plugins, profile).values() if problem]


def check_template(path: Path, render: Callable, plugins, profile: Profile = DEFAULT) -> str | None:
    """What is wrong with one template, rendered with `render`, in Bahasa Indonesia, or None."""
    try:
        render(_example(plugins), profile, path)
    except PluginError as exc:
        return str(exc)
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        return f"Templat {path} bukan dokumen Word (.docx) yang utuh ({exc}); simpan ulang dari Word sebagai .docx."
    return None


def _example(plugins):
    """The example workbook of `sopdocs init`, checked through `plugins` (numbered, linked):
    every part of every book has something."""
    if _EXAMPLE.get(id(plugins)) is None:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "contoh.xlsx"
            write_template(path)
            _EXAMPLE.clear()
            _EXAMPLE[id(plugins)] = check_workbook(path, plugins).doc
    return _EXAMPLE[id(plugins)]


_EXAMPLE: dict = {}  # the example's model for the plugins last asked (one at a time)
