"""The whole pipeline for one workbook, and for many in parallel: the library behind `sopdocs build`.

read -> validate -> lay out -> render -> write (-> PDF). A workbook with errors is reported and
skipped; the others are built. Every file is written atomically.
"""
from __future__ import annotations

import gc
import re
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from .findings import Findings
from .model import Dokumen, book_order
from .plugins import PluginError, Plugins, debugging, load
from .profile import Profile
from .workbooks import check_workbook
from .write import atomic_path

WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')
BLANKS = re.compile(r"\s+")  # book names have none: they pass through scripts and command lines unquoted


@dataclass(frozen=True)
class BuildOptions:
    paper: str | None = None  # None: the profile's paper
    per_sop: bool = False
    publik: bool = False  # Standar Pelayanan: only the six components of service delivery
    plugin_dirs: tuple[Path, ...] = ()


@dataclass
class BuildResult:
    """What became of one workbook."""

    workbook: Path
    skpd: str = ""
    sops: int = 0
    layanan: int = 0
    book_pages: dict[Path, int] = field(default_factory=dict)  # each book and its number of pages
    outputs: list[Path] = field(default_factory=list)
    findings: Findings = field(default_factory=Findings)
    notes: list[str] = field(default_factory=list)
    error: str = ""

    @property
    def ok(self) -> bool:
        return not self.error

    @property
    def pages(self) -> int:
        return sum(self.book_pages.values())


def safe_file_name(name: str, limit: int = 80) -> str:
    """A file name that Windows, macOS and Linux all accept, kept readable."""
    cleaned = UNSAFE.sub(" ", name)
    cleaned = re.sub(r"\s+", " ", cleaned).strip().rstrip(". ")[:limit].rstrip(". ")
    if not cleaned:
        return "dokumen"
    if cleaned.split(".")[0].upper() in WINDOWS_RESERVED:
        cleaned = "_" + cleaned
    return cleaned


def build_workbook(workbook: Path, out_dir: Path, options: BuildOptions = BuildOptions(),
                   name: str | None = None) -> BuildResult:
    """Build the documents of one workbook into `out_dir`: its SOP book and its Standar Pelayanan
    book, each when the workbook has sheets for it, under the workbook's profile."""
    plugins = load(options.plugin_dirs)
    checked = check_workbook(workbook, plugins)
    result = BuildResult(workbook, findings=checked.findings)
    if not checked.ok:
        result.error = "workbook bergalat; perbaiki dulu (lihat sopdocs check)"
        return result
    doc = checked.doc
    result.skpd = doc.instansi.singkatan or doc.instansi.nama
    result.sops, result.layanan = len(doc.sops), len(doc.layanan)
    base = out_dir / BLANKS.sub("_", name or safe_file_name(result.skpd or workbook.stem))
    book = Job(plugins, doc, checked.profile.with_paper(options.paper), options, base, result)
    try:
        if doc.sops:
            book.sop_book()
        else:
            result.notes.append("tidak ada sheet SOP, buku SOP tidak dibuat")
        if doc.layanan:
            book.sp_book()
        else:
            result.notes.append("tidak ada sheet Standar Pelayanan, buku SP tidak dibuat")
    except PluginError as exc:
        if debugging():
            raise
        result.error = str(exc)
    return result


@dataclass
class Job:
    """The books of one workbook: the hooks around each rendering, and saving."""

    plugins: Plugins
    doc: Dokumen
    profile: Profile
    options: BuildOptions
    base: Path  # out_dir / the workbook's output name, e.g. DISDUKCAPIL: books DISDUKCAPIL_SOP.docx, _SP.docx
    result: BuildResult

    def sop_book(self) -> None:
        from .render.book import render_book, render_sop

        book = render_book(self.doc, self.profile, self._template("buku_sop"), self._sections("buku_sop"))
        target = self._save(book.document, "buku_sop", self.base.with_name(f"{self.base.name}_SOP.docx"))
        self.result.book_pages[target] = book.pages
        if self.options.per_sop:
            folder = target.with_suffix("")
            for number, sop in enumerate(book_order(self.doc), 1):
                document = render_sop(self.doc, sop, self.profile, self._template("sop"))
                self._save(document, "sop", folder / f"{number:02d} {safe_file_name(sop.nama, 60)}.docx")

    def sp_book(self) -> None:
        from .render.sp import render_sp_book

        book = render_sp_book(self.doc, self.profile, self._template("buku_sp"), self._sections("buku_sp"),
                              publik=self.options.publik)
        suffix = "SP_publik" if self.options.publik else "SP"
        target = self._save(book.document, "buku_sp", self.base.with_name(f"{self.base.name}_{suffix}.docx"))
        self.result.book_pages[target] = book.pages

    def _template(self, name: str) -> Path:
        return self.plugins.call("sopdocs_template", name=name, profile=self.profile)

    def _sections(self, book: str) -> tuple:
        found = self.plugins.call("sopdocs_book_sections", doc=self.doc, profile=self.profile, book=book)
        return tuple(section for sections in found for section in sections or ())

    def _save(self, document, book: str, target: Path) -> Path:
        self.plugins.call("sopdocs_postprocess", document=document, doc=self.doc, profile=self.profile, book=book)
        with atomic_path(target) as tmp:
            document.save(tmp)
        self.result.outputs.append(target)
        return target


def unique_names(workbooks: list[Path]) -> dict[Path, str]:
    """Output names that no two workbooks share, not even in letter case (Windows and macOS do not
    tell `Dinkes` from `DINKES`): the Singkatan, then the workbook's file name, then a number."""
    from .reader import peek_instansi

    names = {}
    for workbook in workbooks:
        fields = peek_instansi(workbook)
        names[workbook] = safe_file_name(fields.get("singkatan") or fields.get("nama") or workbook.stem)
    counts = Counter(name.lower() for name in names.values())
    names = {w: (f"{n} ({safe_file_name(w.stem)})" if counts[n.lower()] > 1 else n) for w, n in names.items()}
    taken: Counter = Counter()
    for workbook, name in names.items():
        taken[name.lower()] += 1
        if taken[name.lower()] > 1:
            names[workbook] = f"{name} {taken[name.lower()]}"
    return names


def build_all(workbooks: list[Path], out_dir: Path, options: BuildOptions = BuildOptions(), jobs: int = 1,
              on_done: Callable[[BuildResult], None] | None = None) -> list[BuildResult]:
    """Build many workbooks, in `jobs` processes; results come back in the workbooks' order."""
    names = unique_names(workbooks)
    results: dict[Path, BuildResult] = {}
    for result in _run(workbooks, out_dir, options, names, jobs):
        results[result.workbook] = result
        if on_done:
            on_done(result)
    return [results[w] for w in workbooks]


def _run(workbooks, out_dir, options, names, jobs) -> Iterator[BuildResult]:
    if jobs <= 1 or len(workbooks) <= 1:
        for workbook in workbooks:
            yield _safe_build(workbook, out_dir, options, names[workbook])
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(_safe_build, w, out_dir, options, names[w]) for w in workbooks]
        for future in futures:
            yield future.result()


def _safe_build(workbook: Path, out_dir: Path, options: BuildOptions, name: str | None) -> BuildResult:
    """One workbook's build; an unexpected failure is reported for it alone."""
    try:
        return build_workbook(workbook, out_dir, options, name)
    except PluginError:  # raised only under --debug, to show its traceback
        raise
    except Exception as exc:  # a bug must not stop the other workbooks
        return BuildResult(workbook, error=f"gagal dibuat karena kesalahan program: {type(exc).__name__}: {exc}")
    finally:
        # A book's document trees live in C memory behind a few Python objects in reference
        # cycles; the collector would not see them as large and let a worker grow by ~150 MB
        # a book. Collecting after each book keeps every process at the size of one book.
        gc.collect()
