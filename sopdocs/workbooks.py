"""Finding workbooks, and reading plus checking each one: the library behind `sopdocs check`."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .findings import Findings, WorkbookError
from .model import Dokumen
from .reader import read_workbook
from .validate import validate

WORKBOOK_SUFFIXES = {".xlsx", ".xlsm", ".xls"}


@dataclass
class Checked:
    """One workbook after reading and checking: `doc` is None when it could not be read."""

    path: Path
    doc: Dokumen | None
    findings: Findings = field(default_factory=Findings)

    @property
    def ok(self) -> bool:
        return self.doc is not None and not self.findings.errors


def find_workbooks(paths: list[str | Path]) -> list[Path]:
    """The files named, and the workbooks inside the folders named (old .xls too, so that their
    authors are told to convert them; not the ~$ lock files Excel leaves while a file is open)."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() in WORKBOOK_SUFFIXES
                                and not p.name.startswith(("~$", ".~lock"))))
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def check_workbook(path: str | Path) -> Checked:
    """Read and validate one workbook; a file that cannot be read becomes an error finding."""
    path = Path(path)
    try:
        doc, findings = read_workbook(path)
    except WorkbookError as exc:
        findings = Findings()
        findings.error(str(exc))
        return Checked(path, None, findings)
    findings = validate(doc, findings)
    findings.sort(key=lambda f: _reading_order(doc.sheets, f))
    return Checked(path, doc, findings)


def _reading_order(sheets: list[str], finding) -> tuple:
    """Sheet by sheet in tab order, then top to bottom, left to right."""
    digits = "".join(ch for ch in finding.cell if ch.isdigit())
    letters = "".join(ch for ch in finding.cell if ch.isalpha())
    sheet = sheets.index(finding.sheet) if finding.sheet in sheets else -1
    return sheet, int(digits or 0), len(letters), letters
