"""The built-in Word templates (installed as `sopdocs.templates_docx`)."""
from __future__ import annotations

from importlib import resources
from pathlib import Path


def default_template(name: str) -> Path:
    """The built-in template `name`, e.g. `buku_sop.docx`."""
    return Path(str(resources.files(__name__).joinpath(name)))
