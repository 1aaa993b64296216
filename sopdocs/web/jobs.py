"""Jobs: each upload of the web page, in a folder of its own, seen only by the browser that made it.

A job's id is unguessable (128 random bits) and the job belongs to the session that made it: asked
for by anyone else, it does not exist. Builds run in a pool of `workers` processes (the same
count as `sopdocs build --jobs`); more builds wait in line, and each waiting job knows its place.
Inside a worker a job is one `pipeline.build` call with one process, whose progress events come
back over a queue. Finished jobs and their files are deleted `keep` seconds after they finish.
"""
from __future__ import annotations

import dataclasses
import itertools
import multiprocessing
import queue as queues
import secrets
import shutil
import threading
import time
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .. import pipeline
from ..errors import ConversionError, SopdocsError
from ..pipeline import Event, Options, Stage
from ..pipeline.checking import report_dict

QUEUED, RUNNING, DONE, FAILED = "antre", "berjalan", "selesai", "gagal"
PREVIEW = "pratinjau"
PREVIEW_DPI = 80
BUG = "Pekerjaan ini gagal karena kesalahan program; coba sekali lagi, dan bila tetap gagal laporkan ke pengelola."


@dataclass
class Job:
    id: str
    owner: str
    folder: Path
    workbooks: list[str] = field(default_factory=list)  # relative to folder/"unggahan"
    options: Options = Options()
    preview: bool = False
    status: str = QUEUED
    seq: int = 0
    created: float = field(default_factory=time.time)
    finished: float | None = None
    progress: dict[str, dict] = field(default_factory=dict)  # workbook -> {"bagian", "dari", "tahap"}
    checked: list[dict] = field(default_factory=list)  # as `sopdocs check --json`
    results: list[dict] = field(default_factory=list)  # one per workbook, see result_dict()
    previews: dict[str, list[str]] = field(default_factory=dict)  # book file -> its page images
    warnings: list[str] = field(default_factory=list)
    error: str = ""
    note: str = ""  # what the job is doing now, beyond its workbooks' progress
    checks: list = field(default_factory=list)  # Periksa: the Checked of each workbook

    @property
    def uploads(self) -> Path:
        return self.folder / "unggahan"

    @property
    def out_dir(self) -> Path:
        return self.folder / "hasil"

    @property
    def preview_dir(self) -> Path:
        return self.folder / "pratinjau"

    @property
    def fraction(self) -> float:
        if self.status in (DONE, FAILED):
            return 1.0
        parts = [p["bagian"] / p["dari"] if p["dari"] else 0.0 for p in self.progress.values()]
        return sum(parts) / len(self.workbooks) if self.workbooks else 0.0

    def files(self) -> list[str]:
        """Every file made, relative to the output folder."""
        return [name for r in self.results for name in r["berkas"]]


class Jobs:
    """All jobs of a server, and the pool that builds them."""

    def __init__(self, root: Path, workers: int = 1, keep: float = 3600, threads: bool = False):
        self.root = root
        self.keep = keep
        self.lock = threading.Lock()
        self.jobs: dict[str, Job] = {}
        self.sequence = itertools.count(1)
        # Threads stand in for processes in tests that patch something inside a build. Workers
        # are spawned, never forked: the server has threads (uvicorn's, the relay), and a child
        # forked while one of them holds a lock waits on it forever.
        if threads:
            self.events = queues.Queue()
            self.pool: Executor = ThreadPoolExecutor(workers, initializer=_start_worker, initargs=(self.events,))
        else:
            spawn = multiprocessing.get_context("spawn")
            self.events = spawn.Queue()
            self.pool = ProcessPoolExecutor(workers, spawn, initializer=_start_worker, initargs=(self.events,))
        self.relay = threading.Thread(target=self._relay, daemon=True, name="sopdocs-web-relay")
        self.relay.start()
        root.mkdir(parents=True, exist_ok=True)

    def new(self, owner: str) -> Job:
        job = Job(secrets.token_urlsafe(16), owner, self.root / secrets.token_hex(8))
        job.folder.mkdir(parents=True)
        with self.lock:
            self.jobs[job.id] = job
        return job

    def get(self, job_id: str, owner: str) -> Job | None:
        """The job, when it is this owner's; anyone else's is as unknown as one that never was."""
        with self.lock:
            job = self.jobs.get(job_id)
        return job if job is not None and secrets.compare_digest(job.owner, owner) else None

    def forget(self, job: Job) -> None:
        with self.lock:
            self.jobs.pop(job.id, None)
        shutil.rmtree(job.folder, ignore_errors=True)

    def build(self, job: Job) -> None:
        """Put the job in line for the pool."""
        job.seq = next(self.sequence)
        future = self.pool.submit(run_build, job.id, job.uploads, job.workbooks, job.out_dir, job.options,
                                  job.preview_dir if job.preview else None)
        future.add_done_callback(lambda done: self._finish(job, done))

    def place(self, job: Job) -> int:
        """1 for the next job to start, 2 for the one after it, ...; 0 when it is not waiting."""
        if job.status != QUEUED:
            return 0
        with self.lock:
            return 1 + sum(other.status == QUEUED and other.seq < job.seq for other in self.jobs.values())

    def sweep(self, now: float | None = None) -> int:
        """Delete the jobs that finished more than `keep` seconds ago; returns how many."""
        now = time.time() if now is None else now
        with self.lock:
            old = [job for job in self.jobs.values() if job.finished is not None and now - job.finished > self.keep]
        for job in old:
            self.forget(job)
        return len(old)

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
        self.events.put(None)
        self.relay.join(timeout=5)

    def _relay(self) -> None:
        for message in iter(self.events.get, None):
            job_id, what = message[0], message[1]
            with self.lock:
                job = self.jobs.get(job_id)
                if job is None or job.finished is not None:
                    continue
                if what == RUNNING:
                    job.status = RUNNING
                elif what == PREVIEW:
                    job.note = "membuat pratinjau halaman"
                else:
                    _apply(job, what)

    def _finish(self, job: Job, future) -> None:
        try:
            results, previews, warnings = future.result()
        except SopdocsError as exc:  # e.g. a plugin that does not load: its message says what to do
            results, previews, warnings, job.error = [], {}, [], str(exc)
        except Exception:  # a crash of the worker or of the program: the job fails, the server goes on
            results, previews, warnings, job.error = [], {}, [], BUG
        with self.lock:
            job.results, job.previews, job.warnings = results, previews, warnings
            job.checked = [r["periksa"] for r in results]
            job.status = DONE if any(r["ok"] for r in results) else FAILED
            job.finished = time.time()


def _apply(job: Job, event: dict) -> None:
    """One progress event of a worker, told to its job (the lock is held)."""
    state = job.progress.setdefault(event["workbook"], {"bagian": 0, "dari": 0, "tahap": ""})
    if event["stage"] == Stage.FINISHED.value:
        state.update(bagian=max(state["dari"], 1), dari=max(state["dari"], 1), tahap=event["stage"])
    else:
        state.update(bagian=event["done"], dari=event["total"], tahap=event["part"] or event["stage"])


# --------------------------------------------------------------------------------------------
# Inside a worker of the pool.

_WORKER: dict = {}


def _start_worker(events) -> None:
    _WORKER["send"] = events.put


def run_build(job_id: str, uploads: Path, workbooks: list[str], out_dir: Path, options: Options,
              preview_dir: Path | None) -> tuple[list[dict], dict[str, list[str]], list[str]]:
    """Build a job's books; returns each workbook's result_dict(), the page images of each book
    and the warnings of the previews."""
    send = _WORKER["send"]
    send((job_id, RUNNING))

    def progress(event: Event) -> None:
        if event.stage is not Stage.CHECKED:
            send((job_id, {"workbook": _relative(event.workbook, uploads), "stage": event.stage.value,
                           "part": event.part, "done": event.done, "total": event.total}))

    paths = [uploads / name for name in workbooks]
    results = pipeline.build(paths, out_dir, dataclasses.replace(options, jobs=1), progress)
    dicts = [result_dict(r, uploads, out_dir) for r in results]
    if preview_dir:
        send((job_id, PREVIEW))
    previews, warnings = make_previews([p for r in results for p in r.book_pages], out_dir, preview_dir,
                                       options.pdf) if preview_dir else ({}, [])
    return dicts, previews, warnings


def result_dict(result, uploads: Path, out_dir: Path) -> dict:
    """What the page and the API show of one BuildResult; paths relative to the job's folders."""
    workbook = _relative(result.workbook, uploads)
    return {"workbook": workbook, "skpd": result.skpd, "profil": result.profile, "ok": result.ok,
            "galat": result.error, "sop": result.sops, "layanan": result.layanan, "halaman": result.pages,
            "berkas": [_relative(p, out_dir) for p in result.outputs], "catatan": result.notes,
            "peringatan": result.warnings,
            "periksa": report_dict(workbook, not result.findings.errors, result.profile, result.findings)}


def make_previews(books: list[Path], out_dir: Path, preview_dir: Path,
                  have_pdf: bool) -> tuple[dict[str, list[str]], list[str]]:
    """PNG images of every page of each book, through a PDF (the one made already when there is)."""
    from ..pdf import to_pdf, to_png

    sources = preview_dir / "sumber"
    pdfs: dict[Path, Path | ConversionError] = {}
    try:
        if have_pdf:
            pdfs = {book: book.with_suffix(".pdf") for book in books if book.with_suffix(".pdf").exists()}
        wanted = [book for book in books if book not in pdfs]
        if wanted:
            copies = {sources / _relative(book, out_dir): book for book in wanted}
            for copy, book in copies.items():
                copy.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(book, copy)
            pdfs |= {copies[copy]: made for copy, made in to_pdf(list(copies)).items()}
        previews, warnings = {}, []
        for book, made in pdfs.items():
            if isinstance(made, ConversionError):
                warnings.append(str(made))
                continue
            pages = to_png(made, preview_dir / Path(_relative(book, out_dir)).stem, PREVIEW_DPI)
            previews[_relative(book, out_dir)] = [_relative(page, preview_dir) for page in pages]
        return previews, warnings
    except ConversionError as exc:
        return {}, [f"Pratinjau halaman tidak dapat dibuat: {exc}"]
    finally:
        shutil.rmtree(sources, ignore_errors=True)


def _relative(path: Path, base: Path) -> str:
    return Path(path).relative_to(base).as_posix()
