"""Benchmark: build a whole region end to end, workbooks to .docx books (SOP and SP).

Target stated by the product: the whole region (40 SKPD workbooks x 60 SOPs = 2,400 SOPs)
built with `sopdocs.pipeline.build(..., Options(jobs=2))` in under 12 seconds on the 2-core reference machine, with
a peak memory under 500 MB per process.

    python benchmarks/bench_build.py [FOLDER] [--skpd 40] [--sops 60] [--jobs 2 1] [--repeat 1]
                                     [--paper F4] [--against-floor RUNS] [--cpu] [--no-stages]
                                     [--stages-skpd N] [--pdf]
                                     [--profile FILE] [--profile-skpd 4] [--sopdocs DIR]

The region is generated first (benchmarks/make_region.py) when FOLDER does not hold it yet.
What is printed:
- end to end, for each --jobs value (default 2, then 1; `--jobs` alone skips them):
  `sopdocs.pipeline.build` over every workbook into a temporary folder, in a fresh interpreter
  so that each run's memory is its own: seconds (interpreter start-up and imports printed
  apart), SOPs per second, pages per second (the sum of BuildResult.pages, the pages the books'
  own pagination counts), whether the target is met (scaled to 2,400 SOPs for a smaller
  region), the CPU time of all the build's processes, the CPU-seconds other programs used
  meanwhile (this machine is shared: a warning above 10%), with --repeat each run's CPU as a
  multiple of its own books' write floor and the median of those, and peak memory as ru_maxrss:
  RUSAGE_SELF is the process that calls build (it builds every book itself when jobs=1,
  it only hands out work when jobs > 1), RUSAGE_CHILDREN the largest pool worker;
- with --against-floor RUNS: the build's CPU as a multiple of its books' write floor, RUNS
  times in this process with 1 job, the two alternating workbook by workbook (each workbook
  built, then its books' floor measured), each run's ratio and their median;
- each stage's share, from one `build` in this process with 1 job (--stages-skpd workbooks,
  default all), the library functions it calls wrapped in timers where the pipeline looks them
  up (benchmarks/timers.py): plugin loading, read + check; for the SOP book layout, template
  render (docxtpl), flowchart serialisation, plugin sections, pagination, the Daftar Isi page
  numbers, save (XML serialisation, zip deflate + write); the Standar Pelayanan book (render,
  save); gc.collect. --cpu times them in CPU seconds of the process
  (steadier when other programs load the machine). The pages are compared with the build's;
- with --pdf: one SKPD's books (the first workbook's SOP and Standar Pelayanan books) converted
  with `sopdocs.pdf.to_pdf` in one LibreOffice run (start-up included), PDF pages (pdfinfo) per
  second, and the PDF page count beside the count of the books' own pagination;
- with --profile FILE: cProfile of `build` (1 job) over the first --profile-skpd workbooks in
  this process, the top functions by own time.

To measure another copy of sopdocs (a work tree with a change to try), give --sopdocs DIR; the
fresh interpreters of the end-to-end runs measure the same copy.
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
from make_region import add_region_arguments, ensure_region, region_folder  # noqa: E402
from bench_floor import write_floor  # noqa: E402
from copies import add_copy_argument, use_sopdocs_from  # noqa: E402
from timers import Timers  # noqa: E402

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
    """Run by the benchmark in a new interpreter: build over the region, print one JSON line."""
    started = time.perf_counter()
    from sopdocs.pipeline import Options, build
    imported = time.perf_counter()
    cpu_at_import = cpu_seconds(resource.RUSAGE_SELF)
    results = build(paths, Path(out_dir), Options(paper=paper, jobs=jobs))
    seconds = time.perf_counter() - imported
    cpu = cpu_seconds(resource.RUSAGE_SELF) + cpu_seconds(resource.RUSAGE_CHILDREN) - cpu_at_import
    self_mb, children_mb = peak_rss_mb(resource.RUSAGE_SELF), peak_rss_mb(resource.RUSAGE_CHILDREN)
    floor_start = time.perf_counter()
    floor = write_floor(p for r in results for p in r.outputs if p.suffix == ".docx")  # after the peaks are read
    floor_wall = time.perf_counter() - floor_start
    print(json.dumps({
        "seconds": seconds, "imports": imported - started, "workbooks": len(results),
        "sops": sum(r.sops for r in results), "pages": sum(r.pages for r in results),
        "failed": [f"{r.workbook.name}: {r.error}" for r in results if not r.ok],
        "bytes": sum(p.stat().st_size for r in results for p in r.outputs),
        "self_mb": self_mb, "children_mb": children_mb, "cpu": cpu,
        "floor": floor.seconds, "floor_serialise": floor.serialise, "document_xml": floor.document_xml,
        "floor_wall": floor_wall,
    }))


def end_to_end(paths: list[Path], jobs: int, paper: str, copy: str | None) -> dict:
    out_dir = tempfile.mkdtemp(prefix="sopdocs-bench-build-")
    try:
        ticks = _cpu_jiffies()
        wall = time.perf_counter()
        done = subprocess.run([sys.executable, __file__, "--child", str(jobs), "--paper", paper, "--out", out_dir,
                               *(["--sopdocs", copy] if copy else []), *map(str, paths)],
                              capture_output=True, text=True, check=False)
        wall = time.perf_counter() - wall
        busy = (_cpu_jiffies()[0] - ticks[0]) / os.sysconf("SC_CLK_TCK")
    finally:
        shutil.rmtree(out_dir, ignore_errors=True)
    if done.returncode != 0:
        raise SystemExit(f"the build run failed:\n{done.stderr}")
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    figures["wall"] = wall - figures["floor_wall"]  # the command's, without the floor measured after it
    figures["others"] = max(0.0, busy - figures["cpu"] - (wall - figures["seconds"]))  # start-up, floor: ours
    return figures


# --- against the floor, workbook by workbook ---------------------------------------------------

def against_floor(paths: list[Path], paper: str, plugins) -> tuple[float, float]:
    """(build CPU, write-floor CPU) over every workbook, in this process with 1 job, the two
    alternating workbook by workbook: each workbook's books meet the floor right after sopdocs
    built them, so that both meet this shared machine in the same state (its speed drifts from
    one second to the next, and not by the same for lxml's C as for sopdocs' Python)."""
    from sopdocs.pipeline import Options, build

    build_cpu = floor_cpu = 0.0
    out = Path(tempfile.mkdtemp(prefix="sopdocs-bench-against-floor-"))
    try:
        for index, path in enumerate(paths):
            cpu = time.process_time()
            (result,) = build([path], out / str(index), Options(paper=paper, jobs=1), plugins=plugins)
            build_cpu += time.process_time() - cpu
            floor_cpu += write_floor(p for p in result.outputs if p.suffix == ".docx").seconds
    finally:
        shutil.rmtree(out, ignore_errors=True)
    return build_cpu, floor_cpu


def print_against_floor(paths: list[Path], paper: str, runs: int) -> None:
    from sopdocs.plugins import Plugins

    plugins = Plugins()
    against_floor(paths[:1], paper, plugins)  # the render side's imports and templates, once
    ratios = []
    for _ in range(runs):
        build_cpu, floor_cpu = against_floor(paths, paper, plugins)
        ratios.append(build_cpu / floor_cpu)
    print(f"\nbuild CPU / write floor, 1 job in this process, workbook by workbook alternately, run by run: "
          f"{', '.join(f'{x:.2f}x' for x in ratios)} (median {statistics.median(ratios):.2f}x; target 4x); "
          f"last run {build_cpu:.1f} s against {floor_cpu:.1f} s")


def verdict(seconds: float, sops: int, target: float = TARGET_SECONDS) -> str:
    """Whether the target is met, scaled to the number of SOPs when the region is not the full one."""
    scaled = seconds * TARGET_SOPS / sops if sops else float("inf")
    note = "" if sops == TARGET_SOPS else f" (scaled to {TARGET_SOPS:,} SOPs: {scaled:.1f} s)"
    return f"target {target:.0f} s for {TARGET_SOPS:,} SOPs {'MET' if scaled < target else 'NOT MET'}{note}"


# --- stages, in this process -----------------------------------------------------------------

STAGES = ["plugins (load)", "read + check (check)", "SOP book: layout (layout_flowchart)",
          "SOP book: template render (docxtpl: Jinja, XML fixes, parse)",
          "SOP book: flowcharts: serialise (flowchart_xml)", "SOP book: plugin sections",
          "SOP book: pagination (paginate)", "SOP book: Daftar Isi pages (DaftarIsi.fill)",
          "SOP book: rest of render_book", "SOP book: save: XML serialisation", "SOP book: save: zip deflate + write",
          "SP book: render (render_sp_book)", "SP book: save", "garbage collection (gc.collect)", "rest of the build"]


def stage_times(paths: list[Path], paper: str, out_dir: Path) -> tuple[dict[str, float], int, int]:
    """Seconds per stage over `paths`, and the SOPs and pages built.

    The workbooks are built with `sopdocs.pipeline.build` itself, with one job (in this process);
    the library functions it calls are wrapped with timers where they are looked up (globals of
    sopdocs.pipeline.building, of sopdocs.render.book and sopdocs.render.sp, which the book kinds
    import when they render, methods of DaftarIsi and of the build's Books), so the figures follow
    the code as it is. What no timer covers is the "rest"."""
    import gc

    import docx.opc.part

    import sopdocs.pipeline.building as building
    import sopdocs.render.book as book
    import sopdocs.render.sp as sp
    import sopdocs.render.contents as contents
    from sopdocs.pipeline import Options

    raw = dict.fromkeys(["load", "check", "render_book", "layout", "template", "serialise", "sections", "paginate",
                         "fill", "fill_sp", "sp", "save_buku_sop", "save_other", "xml", "xml_sop", "build", "gc"], 0.0)
    in_sp = [False]

    def fill_key(*args, **kwargs):
        return "fill_sp" if in_sp[0] else "fill"

    def save_key(books, document, kind, *args, **kwargs):
        return "save_buku_sop" if kind == "buku_sop" else "save_other"

    real_sp, real_save = sp.render_sp_book, building.Books._save

    def sp_book(*args, **kwargs):
        in_sp[0] = True
        try:
            return real_sp(*args, **kwargs)
        finally:
            in_sp[0] = False

    def save(books, document, kind, *args, **kwargs):
        before = raw["xml"]
        try:
            return real_save(books, document, kind, *args, **kwargs)
        finally:
            if kind == "buku_sop":
                raw["xml_sop"] += raw["xml"] - before

    sp.render_sp_book, building.Books._save = sp_book, save
    wrapped = [(building, "plugins_for", "load"), (building, "check", "check"), (book, "render_book", "render_book"),
               (book, "layout_flowchart", "layout"), (book, "render_template", "template"),
               (book, "flowchart_xml", "serialise"), (book, "insert_sections", "sections"),
               (book, "paginate", "paginate"), (contents.DaftarIsi, "fill", fill_key), (sp, "render_sp_book", "sp"),
               (building.Books, "_save", save_key), (docx.opc.part, "serialize_part_xml", "xml"), (gc, "collect", "gc")]
    try:
        with Timers(raw, wrapped, clock):
            t = clock()
            results = building.build(paths, out_dir, Options(paper=paper, jobs=1))
            raw["build"] += clock() - t
    finally:
        sp.render_sp_book, building.Books._save = real_sp, real_save
    for result in results:
        if not result.ok:
            print(f"  {result.workbook.name} not built: {result.error}")
    # Before issue 14 the flowcharts were serialised inside the template rendering (and parsed
    # with it); since, they are serialised after it and stay text: each stage is shown alone.
    inside = raw["serialise"] if raw["serialise"] <= raw["template"] and not hasattr(book, "write_as_text") else 0.0
    times = dict(zip(STAGES, [
        raw["load"], raw["check"], raw["layout"], raw["template"] - inside, raw["serialise"],
        raw["sections"], raw["paginate"], raw["fill"],
        raw["render_book"] - sum(raw[k] for k in ("layout", "template", "sections", "paginate", "fill"))
        - (raw["serialise"] - inside),
        raw["xml_sop"], raw["save_buku_sop"] - raw["xml_sop"], raw["sp"], raw["save_other"], raw["gc"],
        raw["build"] - sum(raw[k] for k in ("load", "check", "render_book", "sp", "save_buku_sop", "save_other", "gc")),
    ]))
    return times, sum(r.sops for r in results), sum(r.pages for r in results)


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
    from sopdocs.errors import ConversionError
    from sopdocs.pdf import to_pdf
    from sopdocs.pipeline import Options, build

    out_dir = Path(tempfile.mkdtemp(prefix="sopdocs-bench-pdf-"))
    try:
        [result] = build([workbook], out_dir, Options(paper=paper, jobs=1))
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
    from sopdocs.pipeline import Options, build

    options = Options(paper=paper, jobs=1)
    out_dir = Path(tempfile.mkdtemp(prefix="sopdocs-bench-profile-"))
    try:
        build(paths[:1], out_dir, options)  # lazy imports out of the profile
        profiler = cProfile.Profile()
        profiler.enable()
        build(paths, out_dir, options)
        profiler.disable()
    finally:
        shutil.rmtree(out_dir, ignore_errors=True)
    profiler.dump_stats(out)
    print(f"\ncProfile of build over {len(paths)} workbooks written to {out}; top {top} by own time "
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
        add_copy_argument(child)
        args = child.parse_args(argv[1:])
        if args.sopdocs:
            use_sopdocs_from(args.sopdocs)
        child_run(args.paths, args.jobs, args.paper, args.out)
        return 0

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_region_arguments(parser)
    parser.add_argument("--paper", default="F4", help="F4 (default) or A4")
    parser.add_argument("--jobs", type=int, nargs="*", default=[2, 1],
                        help="build jobs for the end-to-end runs (default: 2 1; none to skip)")
    parser.add_argument("--repeat", type=int, default=1, help="end-to-end runs per jobs value (best and median)")
    parser.add_argument("--against-floor", type=int, default=0, metavar="RUNS",
                        help="also RUNS in-process builds, each workbook's books followed by their write floor")
    parser.add_argument("--no-stages", action="store_true", help="skip the single-process stage pass")
    parser.add_argument("--stages-skpd", type=int, help="workbooks in the stage pass (default: all)")
    parser.add_argument("--cpu", action="store_true", help="stage pass in CPU time of this process (steadier "
                                                           "when other programs load the machine) instead of wall time")
    parser.add_argument("--pdf", action="store_true", help="also time the PDF conversion of one SKPD's books")
    parser.add_argument("--profile", metavar="FILE", help="also cProfile build, stats to FILE")
    parser.add_argument("--profile-skpd", type=int, default=4, help="workbooks in the profile (default 4)")
    add_copy_argument(parser)
    args = parser.parse_args(argv)
    args.folder = region_folder(args)
    if args.sopdocs:
        use_sopdocs_from(args.sopdocs)
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
        runs = [end_to_end(paths, jobs, args.paper, args.sopdocs) for _ in range(max(1, args.repeat))]
        best = min(runs, key=lambda r: r["seconds"])
        seconds, sops, pages = best["seconds"], best["sops"], best["pages"]
        build_pages = pages
        print(f"\nbuild, jobs={jobs}: {best['workbooks']} workbooks, {sops:,} SOPs, {pages:,} pages, "
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
        print(f"  write floor of the same books (bench_floor.py: lxml serialisation + zip, CPU): {best['floor']:.2f} s "
              f"for {best['document_xml'] / 1e6:.0f} MB of document.xml; the build's CPU is "
              f"{best['cpu'] / best['floor']:.1f}x the floor ({1000 * best['cpu'] / max(1, sops):.1f} ms per SOP)")
        if len(runs) > 1:  # each run against the floor of its own books, measured right after it
            ratios = [r["cpu"] / r["floor"] for r in runs]
            print(f"  build CPU / floor, run by run: {', '.join(f'{x:.2f}x' for x in ratios)} "
                  f"(median {statistics.median(ratios):.2f}x)")
        worker = f"; largest worker (RUSAGE_CHILDREN) {best['children_mb']:.0f} MB" if jobs > 1 else ""
        biggest = max(best["self_mb"], best["children_mb"] if jobs > 1 else 0)
        print(f"  peak memory (ru_maxrss): calling process (RUSAGE_SELF) {best['self_mb']:.0f} MB{worker}; "
              f"target {TARGET_MB} MB per process {'MET' if biggest < TARGET_MB else 'NOT MET'}")
        for failure in best["failed"]:
            print(f"  not built: {failure}")

    if args.against_floor:
        print_against_floor(paths, args.paper, args.against_floor)

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
