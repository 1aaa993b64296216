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
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .profile import DEFAULT, Profile

NAMES = ("buku_sop", "sop", "buku_sp")
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


def copy_defaults(folder: Path, overwrite: bool = False) -> list[Path]:
    """Write the default templates and the tag guide into `folder`; existing files are kept
    unless `overwrite`. Returns the files written."""
    from .render.template import default_template
    from .write import atomic_path

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for source in [default_template(f"{name}.docx") for name in NAMES] + [guide()]:
        target = folder / source.name
        if target.exists() and not overwrite:
            continue
        with atomic_path(target) as tmp:
            shutil.copyfile(source, tmp)
        written.append(target)
    return written


def check_folder(folder: Path, profile: Profile = DEFAULT) -> dict[Path, str | None]:
    """Each .docx of `folder` and what is wrong with it (None: renders cleanly)."""
    return {path: check_template(path, profile) for path in sorted(folder.glob("*.docx"))
            if not path.name.startswith("~$")}


def check_template(path: Path, profile: Profile = DEFAULT) -> str | None:
    """What is wrong with one template, in Bahasa Indonesia, or None."""
    from .errors import PluginError

    if path.stem not in NAMES:
        return (f"Templat {path}: nama file tidak dikenal, jadi tidak dipakai; nama yang dipakai sopdocs: "
                + ", ".join(f"{n}.docx" for n in NAMES) + ".")
    try:
        _render(path.stem, path, profile)
    except PluginError as exc:
        return str(exc)
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        return f"Templat {path} bukan dokumen Word (.docx) yang utuh ({exc}); simpan ulang dari Word sebagai .docx."
    return None


def _render(name: str, path: Path, profile: Profile) -> None:
    from .render.book import render_book, render_sop
    from .render.sp import render_sp_book

    doc = _example()
    if name == "buku_sop":
        render_book(doc, profile, path)
    elif name == "sop":
        render_sop(doc, doc.sops[0], profile, path)
    else:
        render_sp_book(doc, profile, path)


@lru_cache(maxsize=1)
def _example():
    """The example workbook of `sopdocs init`, read: every part of every book has something."""
    from .reader import read_workbook
    from .template import write_template

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "contoh.xlsx"
        write_template(path)
        doc, _ = read_workbook(path)
    return doc


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
