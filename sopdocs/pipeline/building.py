"""lay out -> render -> paginate -> write (-> PDF): the books of every checked workbook.

Every workbook is checked first (in this process; reading is fast), so that output names come
from the checked models. Then the books are made, in `options.processes` processes; a workbook
with errors is reported and skipped, the others are built; every file is written atomically.
"""
from __future__ import annotations

import gc
import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from ..books import SINGLE_SOP, BookKind, render_single_sop
from ..errors import ConversionError, OutputError, PluginError
from ..findings import Findings
from ..model import book_order
from ..plugins import Plugins
from ..write import atomic_path
from .checking import Checked, check, plugins_for
from .collector import collector_paused
from .events import Event, Progress, Stage, ignore
from .naming import safe_file_name, unique_names
from .options import Options

BUG = "gagal dibuat karena kesalahan program"


@dataclass
class BuildResult:
    """What became of one workbook."""

    workbook: Path
    skpd: str = ""
    profile: str = ""
    sops: int = 0
    layanan: int = 0
    book_pages: dict[Path, int] = field(default_factory=dict)  # each book and its number of pages
    outputs: list[Path] = field(default_factory=list)
    findings: Findings = field(default_factory=Findings)
    notes: list[str] = field(default_factory=list)  # for the summary: what was not made, and why
    warnings: list[str] = field(default_factory=list)  # what went wrong after the books were written (PDF)
    error: str = ""
    parts: int = 0  # how many parts its progress counts (books, single SOPs, PDF)

    @property
    def ok(self) -> bool:
        return not self.error

    @property
    def pages(self) -> int:
        return sum(self.book_pages.values())


def build(paths, out_dir: Path, options: Options = Options(), progress: Progress = ignore,
          plugins: Plugins | None = None) -> list[BuildResult]:
    """Check and build every workbook found in `paths` into `out_dir`; results in the workbooks' order.

    `progress` is called from one thread at a time. `plugins`, when given (a test's own), are used in
    this process only, so the books are then made one after another.
    """
    own_plugins = plugins is None
    plugins = plugins or plugins_for(paths, options)
    progress = _serialised(progress)
    checked = check(paths, options, progress, plugins)
    names = unique_names(checked)
    jobs = min(options.processes, len(checked)) if own_plugins else 1
    results = []
    try:
        for result in _build_each(checked, names, out_dir, options, plugins, jobs, progress):
            results.append(result)
            if not options.pdf:
                progress(Event(Stage.FINISHED, result.workbook, result=result))
    finally:
        gc.unfreeze()  # what the books' collections set aside (_safe_build) is the collector's again
    if options.pdf:
        _convert_pdfs(results, options.processes)
        for result in results:
            progress(Event(Stage.PART, result.workbook, part="pdf", done=result.parts, total=result.parts))
            progress(Event(Stage.FINISHED, result.workbook, result=result))
    return results


def _serialised(progress: Progress) -> Progress:
    """`progress` behind a lock: the workers' events arrive on a thread of their own."""
    lock = threading.Lock()

    def call(event: Event) -> None:
        with lock:
            progress(event)

    return call


def _build_each(checked, names, out_dir, options, plugins, jobs, progress):
    """Each workbook's BuildResult, in the workbooks' order, as soon as it and those before it are done."""
    if jobs <= 1:
        for c in checked:
            yield _safe_build(c, out_dir / names[c.path], options, plugins, progress)
        return
    queue = multiprocessing.get_context().Queue()
    relay = threading.Thread(target=_relay, args=(queue, progress), daemon=True)
    relay.start()
    try:
        with ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=(plugins.dirs, queue)) as pool:
            futures = [pool.submit(_worker_build, c, out_dir / names[c.path], options) for c in checked]
            for future in futures:
                yield future.result()
    finally:
        queue.put(None)
        relay.join()


def _relay(queue, progress: Progress) -> None:
    """Pass the workers' events on to the caller, in this process, until told to stop."""
    for event in iter(queue.get, None):
        progress(event)


_WORKER: dict = {}  # a build process's own plugins and event queue, set once when it starts


def _start_worker(dirs: tuple[Path, ...], queue) -> None:
    _WORKER["plugins"] = Plugins(dirs)
    _WORKER["progress"] = queue.put


def _worker_build(checked: Checked, base: Path, options: Options) -> BuildResult:
    return _safe_build(checked, base, options, _WORKER["plugins"], _WORKER["progress"])


def _safe_build(checked: Checked, base: Path, options: Options, plugins: Plugins,
                progress: Progress) -> BuildResult:
    """One workbook's books; an unexpected failure is reported for it alone."""
    with collector_paused():
        try:
            return build_checked(checked, base, options, plugins, progress)
        except PluginError:  # raised only under --debug, to show its traceback
            raise
        except Exception as exc:  # a bug must not stop the other workbooks
            if options.debug:
                raise
            return BuildResult(checked.path, error=f"{BUG}: {type(exc).__name__}: {exc}")
        finally:
            # A book's document trees live in C memory behind a few Python objects in reference
            # cycles; the collector would not see them as large and let a worker grow by ~150 MB
            # a book. Collecting after each book keeps every process at the size of one book.
            # Only the youngest generation is collected: with the collector paused, everything the
            # workbook made is still in it (only collections move objects on), and the older ones
            # hold what was alive before (modules, the checked workbooks, a server's state), which
            # a full collection would walk for nothing, at every call of build(). What outlives
            # the collection (caches) then stays out of the next ones (a build unfreezes it when
            # done). Both happen before the collector runs again, which would walk the same objects.
            gc.collect(0)
            gc.freeze()


def build_checked(checked: Checked, base: Path, options: Options, plugins: Plugins,
                  progress: Progress = ignore) -> BuildResult:
    """The books of one checked workbook, named `base` + the kind's suffix."""
    result = BuildResult(checked.path, findings=checked.findings, profile=checked.profile.name)
    if not checked.ok:
        result.error = "workbook bergalat; perbaiki dulu (lihat sopdocs check)"
        return result
    Books(checked, base, options, plugins, progress, result).make()
    return result


@dataclass
class Books:
    """The books of one workbook: the hooks around each rendering, saving, and progress."""

    checked: Checked
    base: Path  # out_dir / the workbook's book name, e.g. DISDUKCAPIL
    options: Options
    plugins: Plugins
    progress: Progress
    result: BuildResult
    done: int = 0

    def make(self) -> None:
        doc, result = self.checked.doc, self.result
        profile = self.checked.profile.with_paper(self.options.paper)
        result.skpd = doc.instansi.singkatan or doc.instansi.nama
        result.sops, result.layanan = len(doc.sops), len(doc.layanan)
        kinds = self._kinds()
        wanted = [kind for kind in kinds if kind.wanted(doc)]
        result.notes.extend(kind.missing for kind in kinds if not kind.wanted(doc))
        singles = book_order(doc) if self.options.per_sop else []
        result.parts = len(wanted) + len(singles) + self.options.pdf
        self.progress(Event(Stage.STARTED, self.checked.path, total=result.parts))
        try:
            for kind in wanted:
                self._book(kind, profile)
            for number, sop in enumerate(singles, 1):
                self._single(sop, number, profile)
        except PluginError as exc:
            if self.options.debug:
                raise
            result.error = str(exc)
        except OutputError as exc:
            result.error = str(exc)

    def _kinds(self) -> list[BookKind]:
        kinds: dict[str, BookKind] = {}
        for found in self.plugins.call("sopdocs_book_kinds"):
            for kind in found or ():
                kinds.setdefault(kind.name, kind)
        return list(kinds.values())

    def _book(self, kind: BookKind, profile) -> None:
        sections = self.plugins.call("sopdocs_book_sections", doc=self.checked.doc, profile=profile, book=kind.name)
        sections = tuple(section for found in sections for section in found or ())
        book = kind.render(self.checked.doc, profile, self._template(kind.name, profile), sections,
                           self.options.publik)
        target = self._save(book.document, kind.name, profile,
                            self.base.with_name(kind.file_name(self.base.name, self.options.publik)))
        self.result.book_pages[target] = book.pages
        self._part_done(kind.name)

    def _single(self, sop, number: int, profile) -> None:
        document = render_single_sop(self.checked.doc, sop, profile, self._template(SINGLE_SOP, profile))
        folder = self.base.with_name(f"{self.base.name}_SOP")
        self._save(document, SINGLE_SOP, profile, folder / f"{number:02d} {safe_file_name(sop.nama, 60)}.docx")
        self._part_done(f"{SINGLE_SOP} {number}")

    def _template(self, name: str, profile) -> Path:
        return self.plugins.call("sopdocs_template", name=name, profile=profile)

    def _save(self, document, book: str, profile, target: Path) -> Path:
        self.plugins.call("sopdocs_postprocess", document=document, doc=self.checked.doc, profile=profile, book=book)
        with atomic_path(target) as tmp:
            document.save(tmp)
        self.result.outputs.append(target)
        return target

    def _part_done(self, part: str) -> None:
        self.done += 1
        self.progress(Event(Stage.PART, self.checked.path, part=part, done=self.done, total=self.result.parts))


def _convert_pdfs(results: list[BuildResult], jobs: int) -> None:
    """A PDF beside every document made; what cannot be converted is a warning of its workbook."""
    from ..pdf import to_pdf

    documents = [path for r in results if r.ok for path in r.outputs if path.suffix == ".docx"]
    if not documents:
        return
    try:
        converted = to_pdf(documents, jobs)
    except ConversionError as exc:
        for result in results:
            if result.ok and result.outputs:
                result.warnings.append(str(exc))
        return
    for result in results:
        for path in list(result.outputs):
            made = converted.get(path)
            if isinstance(made, Path):
                result.outputs.append(made)
            elif made is not None:
                result.warnings.append(str(made))
