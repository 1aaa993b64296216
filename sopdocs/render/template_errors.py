"""Messages for a Word template with a Jinja error: the paragraph, the tag, what is wrong."""
from __future__ import annotations

import html
import re
import zipfile
from pathlib import Path

GUIDE = "templates.md"  # the guide to the tags, shipped with the templates
TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")


def template_error(path: Path, exc: Exception) -> str:
    """The message for a Jinja error in template `path`: the paragraph, the tag, what is wrong."""
    lines = template_text(path).splitlines()
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


def template_text(path: Path) -> str:
    """The template's body text as Word shows it, a line per paragraph (those of tables too)."""
    try:
        with zipfile.ZipFile(path) as package:
            xml = package.read("word/document.xml").decode("utf-8")
    except (OSError, KeyError, zipfile.BadZipFile):
        return ""
    return html.unescape(re.sub(r"<[^>]+>", "", re.sub(r"</w:p>", "\n", xml)))
