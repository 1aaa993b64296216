"""What a caller may choose for a run of the pipeline (the command line's flags, the web page's form)."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PAPERS = ("F4", "A4")


def default_jobs() -> int:
    """One build process per processor core."""
    return os.cpu_count() or 1


@dataclass(frozen=True)
class Options:
    paper: str | None = None  # "F4" or "A4"; None: the profile's paper
    per_sop: bool = False  # also one .docx per SOP
    publik: bool = False  # Standar Pelayanan: only the six components of service delivery
    pdf: bool = False  # also a PDF of every document (LibreOffice)
    jobs: int | None = None  # build processes; None: default_jobs()
    plugin_dirs: tuple[Path, ...] = ()  # one-file plugin folders (besides those found beside the workbooks)
    debug: bool = False  # let a plugin's exception through with its traceback

    @property
    def processes(self) -> int:
        return self.jobs or default_jobs()
