"""A region's Word templates as files: copying the defaults out (`sopdocs templat salin`) and
finding `templat/` folders. Checking them is template_check.py."""
from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

from .books import SINGLE_SOP, SOP_BOOK, SP_BOOK
from .render.template_errors import GUIDE

DEFAULTS = (SOP_BOOK.name, SINGLE_SOP, SP_BOOK.name)  # the built-in templates: buku_sop, sop, buku_sp


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
    from .templates_docx import default_template
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
