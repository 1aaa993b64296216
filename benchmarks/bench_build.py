"""Benchmark: build a whole region end to end, workbooks to .docx books (SOP and SP).

Target stated by the product: the whole region (40 SKPD workbooks x 60 SOPs = 2,400 SOPs)
built with `build_all(..., jobs=2)` in under 12 seconds on the 2-core reference machine, with
a peak memory under 500 MB per process.

    python benchmarks/bench_build.py [FOLDER] [--skpd 40] [--sops 60] [--jobs 2 1] [--repeat 1]
                                     [--paper F4] [--cpu] [--no-stages] [--stages-skpd N] [--pdf]
                                     [--profile FILE] [--profile-skpd 4]

The region is generated first (benchmarks/make_region.py) when FOLDER does not hold it yet.
What is printed:
- end to end, for each --jobs value (default 2, then 1; `--jobs` alone skips them):
  `sopdocs.build.build_all` over every workbook into a temporary folder, in a fresh interpreter
  so that each run's memory is its own: seconds (interpreter start-up and imports printed
  apart), SOPs per second, pages per second (the sum of BuildResult.pages, the pages the books'
  own pagination counts), whether the target is met (scaled to 2,400 SOPs for a smaller
  region), the CPU time of all the build's processes, the CPU-seconds other programs used
  meanwhile (this machine is shared: a warning above 10%), and peak memory as ru_maxrss:
  RUSAGE_SELF is the process that calls build_all (it builds every book itself when jobs=1,
  it only hands out work when jobs > 1), RUSAGE_CHILDREN the largest pool worker;
- each stage's share, from a pass in this process (--stages-skpd workbooks, default all) that
  builds each workbook with build_all's own per-workbook function, the library functions it
  calls wrapped in timers where they are looked up: plugin loading, read + check; for the SOP
  book layout, template render (docxtpl), flowchart serialisation (and their parse and
  insertion, in versions that insert them after rendering), plugin sections, pagination, the
  Daftar Isi page numbers, save (XML serialisation, zip deflate + write); the Standar
  Pelayanan book (render, save); gc.collect. --cpu times them in CPU seconds of the process
  (steadier when other programs load the machine). The pages are compared with the build's;
- with --pdf: one SKPD's books (the first workbook's SOP and Standar Pelayanan books) converted
  with `sopdocs.pdf.to_pdf` in one LibreOffice run (start-up included), PDF pages (pdfinfo) per
  second, and the PDF page count beside the count of the books' own pagination;
- with --profile FILE: cProfile of build_workbook over the first --profile-skpd workbooks in
  this process, the top functions by own time.

To measure a changed copy of sopdocs, put it first on the path (PYTHONPATH=/tmp/try); the fresh
interpreters of the end-to-end runs inherit it.
"""
from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_region import add_region_arguments, ensure_region  # noqa: E402

TARGET_SECONDS = 12.0
TARGET_SOPS = 2400
TARGET_MB = 500
clock = time.perf_counter  # the stage pass's clock; --cpu makes it time.process_time


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident set size in MB (Linux reports ru_maxrss in kilobytes). For RUSAGE_CHILDREN
    it is the largest of the children that have ended and been waited for."""
    return resource.getrusage(who).ru_maxrss / 1024


def _cpu_jiffies() -> tuple[int, int]:
    """(busy, total) clock ticks of all cores since boot, from /proc/stat."""
    with open("/proc/stat") as stat:
        values = [int(v) for v in stat.readline().split()[1:]]
    return sum(values) - values[3] - values[4], sum(values)  # idle and iowait are not busy


def busy_cores(seconds: float = 1.0) -> float:
    """How many cores were busy (all processes) over `seconds`; -1 if unknown."""
    try:
        busy0, total0 = _cpu_jiffies()
        time.sleep(seconds)
        busy1, total1 = _cpu_jiffies()
    except OSError:
        return -1.0
    return (os.cpu_count() or 1) * (busy1 - busy0) / max(1, total1 - total0)


def cpu_seconds(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


# --- end to end, in a fresh interpreter ------------------------------------------------------

def child_run(paths: list[Path], jobs: int, paper: str, out_dir: str) -> None:
    """Run by the benchmark in a new interpreter: build_all over the region, print one JSON line."""
    started = time.perf_counter()
    from sopdocs.build import BuildOptions, build_all
    imported = time.perf_counter()
    cpu_at_import = cpu_seconds(resource.RUSAGE_SELF)
    results = build_all(paths, Path(out_dir), BuildOptions(paper=paper), jobs=jobs)
    seconds = time.perf_counter() - imported
    print(json.dumps({
        "seconds": seconds, "imports": imported - started, "workbooks": len(results),
        "sops": sum(r.sops for r in results), "pages": sum(r.pages for r in results),
        "failed": [f"{r.workbook.name}: {r.error}" for r in results if not r.ok],
        "bytes": sum(p.stat().st_size for r in results for p in r.outputs),
        "self_mb": peak_rss_mb(resource.RUSAGE_SELF), "children_mb": peak_rss_mb(resource.RUSAGE_CHILDREN),
        "cpu": cpu_seconds(resource.RUSAGE_SELF) + cpu_seconds(resource.RUSAGE_CHILDREN) - cpu_at_import,
    }))


def end_to_end(paths: list[Path], jobs: int, paper: str) -> dict:
    out_dir = tempfile.mkdtemp(prefix="sopdocs-bench-build-")
    try:
        ticks = _cpu_jiffies()
        wall = time.perf_counter()
        done = subprocess.run([sys.executable, __file__, "--child", str(jobs), "--paper", paper, "--out", out_dir,
                               *map(str, paths)], capture_output=True, text=True, check=False)
        wall = time.perf_counter() - wall
        busy = (_cpu_jiffies()[0] - ticks[0]) / os.sysconf("SC_CLK_TCK")
    finally:
        shutil.rmtree(out_dir, ignore_errors=True)
    if done.returncode != 0:
        raise SystemExit(f"the build run failed:\n{done.stderr}")
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    figures["wall"] = wall
    figures["others"] = max(0.0, busy - figures["cpu"] - (wall - figures["seconds"]))  # start-up counted as ours
    return figures


def verdict(seconds: float, sops: int, target: float = TARGET_SECONDS) -> str:
    """Whether the target is met, scaled to the number of SOPs when the region is not the full one."""
    scaled = seconds * TARGET_SOPS / sops if sops else float("inf")
    note = "" if sops == TARGET_SOPS else f" (scaled to {TARGET_SOPS:,} SOPs: {scaled:.1f} s)"
    return f"target {target:.0f} s for {TARGET_SOPS:,} SOPs {'MET' if scaled < target else 'NOT MET'}{note}"


# --- stages, in this process -----------------------------------------------------------------

STAGES = ["plugins (load)", "read + check (check_workbook)", "SOP book: layout (layout_flowchart)",
          "SOP book: template render (docxtpl: Jinja, XML fixes, parse)",
          "SOP book: flowcharts: serialise (flowchart_xml)",
          "SOP book: flowcharts: lxml parse", "SOP book: flowcharts: markers + insert",
          "SOP book: plugin sections", "SOP book: pagination (paginate)", "SOP book: Daftar Isi pages (DaftarIsi.fill)",
          "SOP book: rest of render_book", "SOP book: save: XML serialisation", "SOP book: save: zip deflate + write",
          "SP book: render (render_sp_book)", "SP book: save", "garbage collection (gc.collect)", "rest of the build"]


class _Wrapped:
    """Replaces module (or class) attributes by timers that add their own time to `seconds[key]`;
    an attribute that this version of sopdocs lacks is left alone. `key` may be a function of
    the call's arguments."""

    def __init__(self, seconds: dict, targets: list[tuple[object, str, object]]):
        self.seconds, self.targets, self.saved = seconds, targets, []

    def has(self, owner, name: str) -> bool:
        """Whether `owner.name` exists in this version (and is timed)."""
        return any(o is owner and n == name for o, n, _ in self.saved)

    def __enter__(self):
        for owner, name, key in self.targets:
            real = owner.__dict__.get(name) if isinstance(owner, type) else getattr(owner, name, None)
            if real is None:
                continue
            self.saved.append((owner, name, real))
            setattr(owner, name, self._timed(real, key))
        return self

    def __exit__(self, *exc):
        for owner, name, real in reversed(self.saved):
            setattr(owner, name, real)

    def _timed(self, real, key):
        seconds = self.seconds

        def timed(*args, **kwargs):
            t = clock()
            try:
                return real(*args, **kwargs)
            finally:
                seconds[key(*args, **kwargs) if callable(key) else key] += clock() - t
        return timed


def stage_times(paths: list[Path], paper: str, out_dir: Path) -> tuple[dict[str, float], int, int]:
    """Seconds per stage over `paths`, and the SOPs and pages built.

    Each workbook is built with `sopdocs.build.build_workbook` itself; the library functions it
    calls are wrapped with timers where they are looked up (globals of sopdocs.build, of
    sopdocs.render.book and sopdocs.render.sp, methods of DaftarIsi and of the build's Job), so
    the figures follow the code as it is. What no timer covers is the "rest"."""
    import gc

    import docx.opc.part

    import sopdocs.build as build
    import sopdocs.render.book as book
    import sopdocs.render.sp as sp
    import sopdocs.render.template as template
    from sopdocs.build import BuildOptions

    options = BuildOptions(paper=paper)
    raw = dict.fromkeys(["load", "check", "render_book", "layout", "template", "insert", "serialise", "parse",
                         "sections", "paginate", "fill", "fill_sp", "sp", "save_buku_sop", "save_other", "xml",
                         "xml_sop", "build", "gc"], 0.0)
    in_sp = [False]

    def fill_key(*args, **kwargs):
        return "fill_sp" if in_sp[0] else "fill"

    def save_key(job, document, kind, *args, **kwargs):
        return "save_buku_sop" if kind == "buku_sop" else "save_other"

    real_sp = getattr(sp, "render_sp_book", None)

    def sp_book(*args, **kwargs):
        in_sp[0] = True
        try:
            return real_sp(*args, **kwargs)
        finally:
            in_sp[0] = False

    real_save = build.__dict__.get("Job") and build.Job.__dict__.get("_save")

    def save(job, document, kind, *args, **kwargs):
        before = raw["xml"]
        try:
            return real_save(job, document, kind, *args, **kwargs)
        finally:
            if kind == "buku_sop":
                raw["xml_sop"] += raw["xml"] - before

    wrapped = [(build, "load", "load"), (build, "check_workbook", "check"), (book, "render_book", "render_book"),
               (book, "layout_flowchart", "layout"), (book, "render_template", "template"),
               (book, "_insert_flowcharts", "insert"), (book, "flowchart_xml", "serialise"), (book, "parse", "parse"),
               (book, "insert_sections", "sections"), (book, "paginate", "paginate"),
               (template.DaftarIsi, "fill", fill_key), (sp, "render_sp_book", "sp"),
               (docx.opc.part, "serialize_part_xml", "xml"), (gc, "collect", "gc")]
    patches = []
    if real_sp is not None:
        sp.render_sp_book = sp_book
        patches.append((sp, "render_sp_book", real_sp))
    if real_save:
        build.Job._save = save
        patches.append((build.Job, "_save", real_save))
        wrapped.append((build.Job, "_save", save_key))
    sops_done = pages_done = 0
    # _safe_build is what build_all runs for each workbook (with what it does after a book, e.g.
    # collecting garbage); build_workbook in versions without it.
    one = getattr(build, "_safe_build", None) or (lambda path, out, opts, name: build.build_workbook(path, out, opts))
    try:
        with _Wrapped(raw, wrapped) as timers:
            inserted_apart = timers.has(book, "_insert_flowcharts")
            for path in paths:
                t = clock()
                result = one(path, out_dir, options, None)
                raw["build"] += clock() - t
                if not result.ok:
                    print(f"  {path.name} not built: {result.error}")
                sops_done += result.sops
                pages_done += result.pages
                result = None
    finally:
        for owner, name, real in reversed(patches):
            setattr(owner, name, real)
    times = dict.fromkeys(STAGES, 0.0)
    times["plugins (load)"] = raw["load"]
    times["read + check (check_workbook)"] = raw["check"]
    times["SOP book: layout (layout_flowchart)"] = raw["layout"]
    # Flowcharts are either inserted after the template is rendered (_insert_flowcharts: its own
    # serialisation, parse and insertion), or written into the rendered XML inside the template
    # rendering and parsed with it (then the rendering is shown without their serialisation).
    times["SOP book: template render (docxtpl: Jinja, XML fixes, parse)"] = (
        raw["template"] - (0.0 if inserted_apart else raw["serialise"]))
    times["SOP book: flowcharts: serialise (flowchart_xml)"] = raw["serialise"]
    if inserted_apart:
        times["SOP book: flowcharts: lxml parse"] = raw["parse"]
        times["SOP book: flowcharts: markers + insert"] = raw["insert"] - raw["serialise"] - raw["parse"]
    else:
        del times["SOP book: flowcharts: lxml parse"], times["SOP book: flowcharts: markers + insert"]
    times["SOP book: plugin sections"] = raw["sections"]
    times["SOP book: pagination (paginate)"] = raw["paginate"]
    times["SOP book: Daftar Isi pages (DaftarIsi.fill)"] = raw["fill"]
    times["SOP book: rest of render_book"] = raw["render_book"] - sum(
        raw[k] for k in ("layout", "template", "insert", "sections", "paginate", "fill"))
    if not timers.has(book, "insert_sections"):
        del times["SOP book: plugin sections"]
    times["SOP book: save: XML serialisation"] = raw["xml_sop"]
    times["SOP book: save: zip deflate + write"] = raw["save_buku_sop"] - raw["xml_sop"]
    times["SP book: render (render_sp_book)"] = raw["sp"]
    times["SP book: save"] = raw["save_other"]
    times["garbage collection (gc.collect)"] = raw["gc"]
    times["rest of the build"] = raw["build"] - sum(
        raw[k] for k in ("load", "check", "render_book", "sp", "save_buku_sop", "save_other", "gc"))
    return times, sops_done, pages_done


def print_stages(paths: list[Path], paper: str, build_pages: int | None) -> None:
    out_dir = Path(tempfile.mkdtemp(prefix="sopdocs-bench-stages-"))
    try:
        start = time.perf_counter()
        times, sops, pages = stage_times(paths, paper, out_dir)
        wall = time.perf_counter() - start
    finally:
        shutil.rmtree(out_dir, ignore_errors=True)
    total = sum(times.values())
    kind = "CPU seconds of this process" if clock is time.process_time else "wall seconds"
    same = "" if build_pages is None else (" (the same as the build)" if pages == build_pages
                                           else f" (the build counted {build_pages:,}: the pass differs!)")
    print(f"\nstages, single process, {len(paths)} workbooks, {sops:,} SOPs, {pages:,} pages{same}:")
    print(f"  {wall:.2f} s wall in all, {sops / wall:,.0f} SOPs/s, {wall / len(paths):.2f} s per workbook; "
          f"peak memory (ru_maxrss, RUSAGE_SELF) {peak_rss_mb():.0f} MB; stages in {kind} ({total:.2f} s):")
    for name, seconds in times.items():
        print(f"  {name:<60} {seconds:6.2f} s  {seconds / total:6.1%}")


# --- PDF -----------------------------------------------------------------------------------------

def pdf_pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def print_pdf(workbook: Path, paper: str) -> None:
    from sopdocs.build import BuildOptions, build_workbook
    from sopdocs.pdf import ConversionError, to_pdf

    out_dir = Path(tempfile.mkdtemp(prefix="sopdocs-bench-pdf-"))
    try:
        result = build_workbook(workbook, out_dir, BuildOptions(paper=paper))
        if not result.ok:
            print(f"\nPDF: {workbook.name} was not built: {result.error}")
            return
        start = time.perf_counter()
        try:
            converted = to_pdf(result.outputs, jobs=1)  # one LibreOffice run for the SKPD's books
        except ConversionError as exc:
            print(f"\nPDF: {exc}")
            return
        seconds = time.perf_counter() - start
        failed = [str(pdf) for pdf in converted.values() if isinstance(pdf, ConversionError)]
        if failed:
            print(f"\nPDF: {'; '.join(failed)}")
            return
        pages = sum(pdf_pages(pdf) for pdf in converted.values())
        books = ", ".join(p.name for p in result.outputs)
        print(f"\nPDF of one SKPD ({workbook.name}: {books}; {result.sops} SOPs) with sopdocs.pdf.to_pdf, one "
              "LibreOffice run:")
        print(f"  {pages} PDF pages in {seconds:.1f} s (LibreOffice start-up included): {pages / seconds:.1f} pages/s, "
              f"{result.sops / seconds:.1f} SOPs/s")
        print(f"  the books' own pagination counted {result.pages} pages "
              f"({'the same' if result.pages == pages else f'{result.pages - pages:+d} against the PDF'})")
    finally:
        shutil.rmtree(out_dir, ignore_errors=True)


# --- profile ---------------------------------------------------------------------------------

def print_profile(paths: list[Path], paper: str, out: str, top: int = 30) -> None:
    from sopdocs.build import BuildOptions, build_workbook

    out_dir = Path(tempfile.mkdtemp(prefix="sopdocs-bench-profile-"))
    try:
        build_workbook(paths[0], out_dir, BuildOptions(paper=paper))  # lazy imports out of the profile
        profiler = cProfile.Profile()
        profiler.enable()
        for path in paths:
            build_workbook(path, out_dir, BuildOptions(paper=paper))
        profiler.disable()
    finally:
        shutil.rmtree(out_dir, ignore_errors=True)
    profiler.dump_stats(out)
    print(f"\ncProfile of build_workbook over {len(paths)} workbooks written to {out}; top {top} by own time "
          "(cProfile adds overhead and cannot see inside lxml, which shows as the Python caller's own time):")
    pstats.Stats(out).sort_stats("tottime").print_stats(top)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        child = argparse.ArgumentParser()
        child.add_argument("jobs", type=int)
        child.add_argument("paths", nargs="+", type=Path)
        child.add_argument("--paper")
        child.add_argument("--out")
        args = child.parse_args(argv[1:])
        child_run(args.paths, args.jobs, args.paper, args.out)
        return 0

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_region_arguments(parser)
    parser.add_argument("--paper", default="F4", help="F4 (default) or A4")
    parser.add_argument("--jobs", type=int, nargs="*", default=[2, 1],
                        help="build_all jobs for the end-to-end runs (default: 2 1; none to skip)")
    parser.add_argument("--repeat", type=int, default=1, help="end-to-end runs per jobs value (best and median)")
    parser.add_argument("--no-stages", action="store_true", help="skip the single-process stage pass")
    parser.add_argument("--stages-skpd", type=int, help="workbooks in the stage pass (default: all)")
    parser.add_argument("--cpu", action="store_true", help="stage pass in CPU time of this process (steadier "
                                                           "when other programs load the machine) instead of wall time")
    parser.add_argument("--pdf", action="store_true", help="also time the PDF conversion of one SKPD's books")
    parser.add_argument("--profile", metavar="FILE", help="also cProfile build_workbook, stats to FILE")
    parser.add_argument("--profile-skpd", type=int, default=4, help="workbooks in the profile (default 4)")
    args = parser.parse_args(argv)
    global clock
    if args.cpu:
        clock = time.process_time

    start = time.perf_counter()
    paths = ensure_region(args.folder, args.skpd, args.sops, args.seed, jobs=os.cpu_count() or 1)
    made = time.perf_counter() - start
    if made > 1:
        print(f"generated the region in {made:.1f} s")
    import sopdocs
    size = sum(p.stat().st_size for p in paths)
    busy = busy_cores()
    print(f"region: {args.folder} ({len(paths)} workbooks x {args.sops} SOPs, {size / 1e6:.1f} MB); "
          f"paper {args.paper}; "
          f"{os.cpu_count()} cores, Python {sys.version.split()[0]}; sopdocs from {Path(sopdocs.__file__).parent}")
    print(f"cores busy before measuring: {busy:.1f} of {os.cpu_count()}"
          + ("  WARNING: another program is using the CPU, figures are not comparable" if busy > 0.3 else ""))

    build_pages = None
    for jobs in args.jobs:
        runs = [end_to_end(paths, jobs, args.paper) for _ in range(max(1, args.repeat))]
        best = min(runs, key=lambda r: r["seconds"])
        seconds, sops, pages = best["seconds"], best["sops"], best["pages"]
        build_pages = pages
        print(f"\nbuild_all, jobs={jobs}: {best['workbooks']} workbooks, {sops:,} SOPs, {pages:,} pages, "
              f"{best['bytes'] / 1e6:.1f} MB of .docx")
        if len(runs) > 1:
            median = statistics.median(r["seconds"] for r in runs)
            print(f"  {seconds:.2f} s best, {median:.2f} s median of {len(runs)}")
        print(f"  {seconds:.2f} s: {sops / seconds:,.0f} SOPs/s, {pages / seconds:,.0f} pages/s; "
              f"{verdict(seconds, sops)}")
        print(f"  (interpreter start-up and imports {best['wall'] - best['seconds']:.2f} s more: "
              f"{best['wall']:.2f} s wall as a command)")
        print(f"  CPU time of the build, all its processes: {best['cpu']:.1f} s ({best['cpu'] / jobs:.1f} s per job); "
              f"other programs used {best['others']:.1f} CPU-seconds meanwhile"
              + ("  WARNING: figures disturbed" if best["others"] > 0.1 * best["wall"] * (os.cpu_count() or 1) else ""))
        worker = f"; largest worker (RUSAGE_CHILDREN) {best['children_mb']:.0f} MB" if jobs > 1 else ""
        biggest = max(best["self_mb"], best["children_mb"] if jobs > 1 else 0)
        print(f"  peak memory (ru_maxrss): calling process (RUSAGE_SELF) {best['self_mb']:.0f} MB{worker}; "
              f"target {TARGET_MB} MB per process {'MET' if biggest < TARGET_MB else 'NOT MET'}")
        for failure in best["failed"]:
            print(f"  not built: {failure}")

    if not args.no_stages:
        stage_paths = paths[:args.stages_skpd] if args.stages_skpd else paths
        print_stages(stage_paths, args.paper, build_pages if len(stage_paths) == len(paths) else None)
    if args.pdf:
        print_pdf(paths[0], args.paper)
    if args.profile:
        print_profile(paths[:args.profile_skpd], args.paper, args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
