"""read -> profile -> number -> link -> validate: a workbook into a checked model and its findings."""
from __future__ import annotations

import gc
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import PluginError, WorkbookError
from ..findings import Findings
from ..link import link_services
from ..model import Dokumen, book_order, cell_of
from ..plugins import Plugins, local_dirs
from ..profile import DEFAULT, Profile
from ..reader import profile_name, read_sheets
from .collector import collector_paused
from .events import Event, Progress, Stage, ignore
from .options import Options

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

    @property
    def verdict(self) -> str:
        """What the workbook holds, as `check` sums it up."""
        if self.doc is None:
            return "tidak dapat dibaca"
        return f"{len(self.doc.sops)} SOP, {len(self.doc.layanan)} Standar Pelayanan"

    def as_dict(self) -> dict:
        """The JSON of `sopdocs check --json` and of the web page's API."""
        return report_dict(str(self.path), self.ok, self.profile.name, self.findings)


def report_dict(workbook: str, ok: bool, profile: str, findings: Findings) -> dict:
    """One workbook's check report as JSON: `sopdocs check --json`, and the web page's."""
    return {"workbook": workbook, "ok": ok, "profil": profile, "temuan": [f.as_dict() for f in findings]}


def find_workbooks(paths) -> list[Path]:
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


def plugins_for(paths, options: Options) -> Plugins:
    """The plugins of a run: installed ones, `options.plugin_dirs`, and `plugins` folders beside the
    workbooks. Raises PluginError when one cannot be loaded."""
    return Plugins(local_dirs(paths, options.plugin_dirs))


def check(paths, options: Options = Options(), progress: Progress = ignore,
          plugins: Plugins | None = None) -> list[Checked]:
    """Check every workbook found in `paths`, one at a time; `progress` hears of each as it is done."""
    workbooks = find_workbooks(paths)
    plugins = plugins or plugins_for(paths, options)
    results = []
    try:
        for path in workbooks:
            with collector_paused():
                checked = check_workbook(path, plugins, options.debug)
                # What the workbook leaves alive (its model) is set aside before the collector runs
                # again: no collection walks it, nor any model checked before it, until the end.
                gc.freeze()
            progress(Event(Stage.CHECKED, path, checked=checked))
            results.append(checked)
    finally:
        gc.unfreeze()
    return results


def check_workbook(path: str | Path, plugins: Plugins, debug: bool = False) -> Checked:
    """Read, number, link and validate one workbook through the plugins; a file that cannot be
    read, an unknown profile or a failing plugin becomes an error finding."""
    with collector_paused():  # reading makes tens of thousands of objects that outlive collections
        return _check_workbook(Path(path), plugins, debug)


def _check_workbook(path: Path, plugins: Plugins, debug: bool) -> Checked:
    findings = Findings()
    try:
        sheets = read_sheets(path)
    except WorkbookError as exc:
        findings.error(str(exc))
        return Checked(path, None, findings)
    try:
        selected = plugins.profile(profile_name(sheets)) or DEFAULT  # an unknown name is reported below
        doc = plugins.call("sopdocs_read_workbook", path=path, sheets=sheets, findings=findings, profile=selected)
        profile = _profile(doc, plugins, findings)
        _number(doc, plugins, profile)
        link_services(doc, findings)
        plugins.call("sopdocs_validate", doc=doc, profile=profile, findings=findings)
    except PluginError as exc:
        if debug:
            raise
        findings.error(str(exc))
        return Checked(path, None, findings)
    findings.sort(key=lambda f: _reading_order(doc.sheets, f))
    return Checked(path, doc, findings, profile)


def _number(doc: Dokumen, plugins: Plugins, profile: Profile) -> None:
    for index, sop in enumerate(book_order(doc), 1):
        sop.nomor = plugins.call("sopdocs_number_sop", sop=sop, index=index, doc=doc, profile=profile) or sop.nomor


def _profile(doc: Dokumen, plugins: Plugins, findings: Findings) -> Profile:
    """The workbook's profile; an unknown name is an error naming those there are."""
    profile = plugins.profile(doc.instansi.profil)
    if profile is None:
        known = ", ".join(sorted(plugins.profiles))
        findings.error(f"Profil \"{doc.instansi.profil}\" tidak dikenal; profil yang tersedia: {known}. Perbaiki "
                       "namanya, atau pasang plugin daerah yang menyediakannya (lihat `sopdocs plugins`).",
                       cell_of(doc.instansi, "profil", ""))
        profile = DEFAULT
    return profile


def _reading_order(sheets: list[str], finding) -> tuple:
    """Sheet by sheet in tab order, then top to bottom, left to right (a range by its first cell)."""
    first = finding.cell.split(":")[0]
    digits = "".join(ch for ch in first if ch.isdigit())
    letters = "".join(ch for ch in first if ch.isalpha())
    sheet = sheets.index(finding.sheet) if finding.sheet in sheets else -1
    return sheet, int(digits or 0), len(letters), letters
