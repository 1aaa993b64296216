"""The user documentation shown by the web page, from the package `sopdocs.docs` (the repository's
docs/ folder, installed inside the package so that a wheel carries it)."""
from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import markdown

GUIDE = "workbook.md"
IMAGE_NAME = re.compile(r"[\w-]+\.png")


def _docs() -> Path:
    return Path(str(resources.files("sopdocs.docs")))


def workbook_guide() -> str | None:
    """The workbook guide as HTML, or None while it has not been written."""
    path = _docs() / GUIDE
    if not path.is_file():
        return None
    html = markdown.markdown(path.read_text("utf-8"), extensions=["tables", "fenced_code", "toc", "sane_lists"])
    return html.replace('src="img/', 'src="/panduan/img/')


def image(name: str) -> Path | None:
    """An image of the docs (docs/img/NAME.png); None for anything else."""
    if not IMAGE_NAME.fullmatch(name):
        return None
    path = _docs() / "img" / name
    return path if path.is_file() else None
