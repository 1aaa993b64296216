"""A region's Word templates as files: copying the defaults out (`sopdocs templat salin`),
finding `templat/` folders, and checking templates before any book is built
(`sopdocs templat periksa`).

A template is checked by rendering it, through the same code that builds books, for the example
workbook of `sopdocs init` with undefined names refused: the tags it knows are exactly those of
the render context, whatever the templates or the context become.
"""
from __future__ import annotations

import html
import re
import shutil
import tempfile
import zipfile
from importlib import resources
from pathlib import Path
from typing import Callable

from .books import SINGLE_SOP, SOP_BOOK, SP_BOOK
from .profile import DEFAULT, Profile

DEFAULTS = (SOP_BOOK.name, SINGLE_SOP, SP_BOOK.name)  # the built-in templates: buku_sop, sop, buku_sp
GUIDE = "templates.md"
TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")


def template_folders(dirs) -> list[Path]:
    """The `templat` folders in or among these plugin folders."""
    found = []
    for folder in map(Path, dirs):
        if folder.name.lower() == "templat" and folder.is_dir():
            found.append(folder)
        elif (folder / "templat").is_dir():
            found.append(folder / "templat")
    return list(dict.fromkeys(p.resolve() for p in found))


def guide() -> Path:
    """The tag guide (docs/templates.md, shipped in the package)."""
    return Path(str(resources.files("sopdocs.docs").joinpath(GUIDE)))


def copy_defaults(folder: Path, overwrite: bool = False) -> tuple[list[Path], list[Path]]:
    """Write the default templates and the tag guide into `folder`; existing files are kept
    unless `overwrite`. Returns the files written and the files kept."""
    from .render.template import default_template
    from .write import atomic_path

    folder.mkdir(parents=True, exist_ok=True)
    written, kept = [], []
    for source in [default_template(f"{name}.docx") for name in DEFAULTS] + [guide()]:
        target = folder / source.name
        if target.exists() and not overwrite:
            kept.append(target)
            continue
        with atomic_path(target) as tmp:
            shutil.copyfile(source, tmp)
        written.append(target)
    return written, kept


def renderers(plugins) -> dict[str, Callable]:
    """Each template name the books use (every book kind's, and one SOP alone) and how a
    template of that name is rendered for a document under a profile."""
    from .books import render_single_sop

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
    from .file_plugin import NAME

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
    from .errors import PluginError

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
        from .pipeline.checking import check_workbook
        from .starter import write_template

        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "contoh.xlsx"
            write_template(path)
            _EXAMPLE.clear()
            _EXAMPLE[id(plugins)] = check_workbook(path, plugins).doc
    return _EXAMPLE[id(plugins)]


_EXAMPLE: dict = {}  # the example's model for the plugins last asked (one at a time)


def template_error(path: Path, exc: Exception) -> str:
    """The message for a Jinja error in template `path`: the paragraph, the tag, what is wrong."""
    lines = _text(path).splitlines()
    undefined = "undefined" in str(exc) or "has no attribute" in str(exc)
    found = None if undefined else _broken_tag(lines)
    if found is None:
        names = [n for n in re.findall(r"'([^']+)'", str(exc)) if re.fullmatch(r"\w+", n)]
        found = next(((number, tag) for name in names[::-1] for number, line in enumerate(lines, 1)
                      for tag in TAG.findall(line) if re.search(rf"\b{name}\b", tag)), None)
    where = f"paragraf ke-{found[0]}, tag {found[1]} " if found else ""
    what = "memakai nama yang tidak ada" if undefined else "salah tulis"
    return (f"Templat {path}: {where}{what} ({exc}). Tag yang ada dijelaskan di {GUIDE} (sopdocs templat salin); "
            "perbaiki di Word, lalu periksa dengan `sopdocs templat periksa`.")


def _broken_tag(lines: list[str]) -> tuple[int, str] | None:
    """The first tag not closed in its paragraph, or a {{ }} tag that does not parse: (its
    paragraph from 1, the tag)."""
    from jinja2 import Environment, TemplateSyntaxError

    for number, line in enumerate(lines, 1):
        for opening in re.finditer(r"\{[{%]", line):
            close = "}}" if opening.group() == "{{" else "%}"
            end = line.find(close, opening.end())
            if end < 0:
                return number, f"{line[opening.start():opening.start() + 60]} (tanpa penutup {close})"
            tag = line[opening.start():end + 2]
            if close == "}}":
                try:
                    Environment().parse(tag)
                except TemplateSyntaxError:
                    return number, tag
    return None


def _text(path: Path) -> str:
    """The template's body text as Word shows it, a line per paragraph (those of tables too)."""
    try:
        with zipfile.ZipFile(path) as package:
            xml = package.read("word/document.xml").decode("utf-8")
    except (OSError, KeyError, zipfile.BadZipFile):
        return ""
    return html.unescape(re.sub(r"<[^>]+>", "", re.sub(r"</w:p>", "\n", xml)))
