"""Output names: from the checked model alone, safe on every system, never shared by two workbooks."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from .checking import Checked

WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')
BLANKS = re.compile(r"\s+")  # book names have none: they pass through scripts and command lines unquoted


def safe_file_name(name: str, limit: int = 80) -> str:
    """A file name that Windows, macOS and Linux all accept, kept readable."""
    cleaned = UNSAFE.sub(" ", name)
    cleaned = re.sub(r"\s+", " ", cleaned).strip().rstrip(". ")[:limit].rstrip(". ")
    if not cleaned:
        return "dokumen"
    if cleaned.split(".")[0].upper() in WINDOWS_RESERVED:
        cleaned = "_" + cleaned
    return cleaned


def book_base(checked: Checked) -> str:
    """The name a workbook's books start with: its Singkatan, else the SKPD's name, else the file's."""
    instansi = checked.doc.instansi if checked.doc else None
    return safe_file_name((instansi and (instansi.singkatan or instansi.nama)) or checked.path.stem)


def unique_names(checked: list[Checked]) -> dict[Path, str]:
    """Book names that no two workbooks share, not even in letter case (Windows and macOS do not
    tell `Dinkes` from `DINKES`): the Singkatan, then the workbook's file name, then a number."""
    names = {c.path: book_base(c) for c in checked}
    counts = Counter(name.lower() for name in names.values())
    names = {w: (f"{n} ({safe_file_name(w.stem)})" if counts[n.lower()] > 1 else n) for w, n in names.items()}
    taken: Counter = Counter()
    for workbook, name in names.items():
        taken[name.lower()] += 1
        if taken[name.lower()] > 1:
            names[workbook] = f"{name} {taken[name.lower()]}"
    return {w: BLANKS.sub("_", n) for w, n in names.items()}
