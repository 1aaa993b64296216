"""Finding workbooks, and reading plus checking each one: the library behind `sopdocs check`."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .findings import Findings, WorkbookError
from .model import Dokumen, book_order
from .plugins import PluginError, Plugins, debugging, load
from .profile import DEFAULT, Profile
from .reader import read_sheets

WORKBOOK_SUFFIXES = {".xlsx", ".xlsm", ".xls"}


@dataclass
class Checked:
    """One workbook after reading and checking: `doc` is None when it could not be read."""

    path: Path
    doc: Dokumen | None
    findings: Findings = field(default_factory=Findings)
    profile: Profile = DEFAULT

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


def check_workbook(path: str | Path, plugins: Plugins | None = None) -> Checked:
    """Read, number and validate one workbook through the plugins; a file that cannot be read,
    an unknown profile or a failing plugin becomes an error finding."""
    path, plugins = Path(path), plugins or load()
    findings = Findings()
    try:
        sheets = read_sheets(path)
    except WorkbookError as exc:
        findings.error(str(exc))
        return Checked(path, None, findings)
    try:
        doc = plugins.call("sopdocs_read_workbook", path=path, sheets=sheets, findings=findings)
        profile = _profile(doc, plugins, findings)
        for index, sop in enumerate(book_order(doc), 1):
            sop.nomor = plugins.call("sopdocs_number_sop", sop=sop, index=index, doc=doc, profile=profile) or sop.nomor
        plugins.call("sopdocs_validate", doc=doc, profile=profile, findings=findings)
    except PluginError as exc:
        if debugging():
            raise
        findings.error(str(exc))
        return Checked(path, None, findings)
    findings.sort(key=lambda f: _reading_order(doc.sheets, f))
    return Checked(path, doc, findings, profile)


def _profile(doc: Dokumen, plugins: Plugins, findings: Findings) -> Profile:
    """The workbook's profile; an unknown name is an error naming those there are."""
    profile = plugins.profile(doc.instansi.profil)
    if profile is None:
        known = ", ".join(sorted(plugins.profiles))
        findings.error(f"Profil \"{doc.instansi.profil}\" tidak dikenal; profil yang tersedia: {known}. Perbaiki "
                       "namanya, atau pasang plugin daerah yang menyediakannya (lihat `sopdocs plugins`).",
                       doc.instansi.sheet, doc.instansi.cells.get("profil", ""))
        profile = DEFAULT
    return profile


def _reading_order(sheets: list[str], finding) -> tuple:
    """Sheet by sheet in tab order, then top to bottom, left to right."""
    digits = "".join(ch for ch in finding.cell if ch.isdigit())
    letters = "".join(ch for ch in finding.cell if ch.isalpha())
    sheet = sheets.index(finding.sheet) if finding.sheet in sheets else -1
    return sheet, int(digits or 0), len(letters), letters
