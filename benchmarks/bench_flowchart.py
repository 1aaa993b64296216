"""Benchmark: lay out and serialise the flowchart table of every SOP of a region.

Target stated by the product: the 2,400 SOPs of a region (40 SKPD workbooks x 60 SOPs) laid out
(`sopdocs.layout.layout_flowchart`) and serialised to WordprocessingML
(`sopdocs.render.flowchart.flowchart_xml`) in under 5 seconds on the 2-core reference machine.

    python benchmarks/bench_flowchart.py [FOLDER] [--skpd 40] [--sops 60] [--paper F4] [--repeat 3]
                                         [--jobs 2] [--parse] [--profile FILE]

The region is generated first (benchmarks/make_region.py) when FOLDER does not hold it yet, then
read with `sopdocs.pipeline.check`; reading is not part of the figure (bench_check.py measures it).
What is printed:
- the single-process figure (the honest one): every SOP laid out and serialised in turn, best
  and median of --repeat runs (wall, and CPU time of the process, which other programs
  running on the machine disturb less), SOPs and flowchart pages (tables) per second, and
  whether the target is met; with --parse, each fragment is also parsed on its own with lxml
  (`sopdocs.render.ooxml.parse`, as a document that inserts flowcharts into a parsed tree
  does), and that counts towards the target;
- each part's share, from a separate pass that times the parts one by one (the layout's own
  functions are wrapped with timers, so a timed pass is a little slower than a plain one):
  columns (widths, sizes, header), row heights (wrapping the texts), pagination, symbols,
  routing (arrows, labels, off-page connectors), serialisation (flowchart_xml), and, shown
  whether or not --parse is given, the lxml parse of each fragment on its own;
- with --jobs N (N > 1): the workbooks dealt into N equal shares, one worker process each; each
  worker reads its share, waits for the others at a barrier, then lays out and serialises, so
  the figure (first start to last end) is the parallel layout and serialisation alone, with the
  wall time including reading and pool start-up printed beside it.
"""
from __future__ import annotations

import argparse
import cProfile
import gc
import multiprocessing
import os
import pstats
import resource
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_region import add_region_arguments, ensure_region, region_folder  # noqa: E402
from timers import Timers  # noqa: E402

import sopdocs  # noqa: E402
import sopdocs.layout.flowchart as layout_module  # noqa: E402
from sopdocs.pipeline import check  # noqa: E402
from sopdocs.layout import PageSetup, layout_flowchart  # noqa: E402
from sopdocs.render.flowchart import flowchart_xml  # noqa: E402
from sopdocs.render.ooxml import parse  # noqa: E402
from sopdocs.render.shapes import ShapeWriter  # noqa: E402

TARGET_SECONDS = 5.0
TARGET_SOPS = 2400


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident set size in MB (Linux reports ru_maxrss in kilobytes)."""
    return resource.getrusage(who).ru_maxrss / 1024


def read_sops(paths: list[Path]) -> list:
    """Every SOP of the workbooks, in workbook order (workbooks with errors are skipped, as the build does)."""
    return [sop for checked in check(paths) if checked.ok for sop in checked.doc.sops]


def run_once(sops: list, setup: PageSetup, with_parse: bool) -> tuple[float, int, int]:
    """(seconds, flowchart pages, characters of XML) for laying out and serialising every SOP;
    the CPU seconds are added to `cpu_runs`."""
    writer = ShapeWriter(setup.font_name)
    pages = chars = 0
    cpu = time.process_time()
    start = time.perf_counter()
    for sop in sops:
        layout = layout_flowchart(sop, setup)
        xml = flowchart_xml(layout, writer)
        if with_parse:
            parse(xml)
        pages += len(layout.pages)
        chars += len(xml)
    seconds = time.perf_counter() - start
    cpu_runs.append(time.process_time() - cpu)
    return seconds, pages, chars


cpu_runs: list[float] = []


PARTS = [  # (module, function, part), where layout_flowchart looks each function up
    (layout_module, "_fit_columns", "columns (widths, sizes, header)"),
    (layout_module, "_sizes", "columns (widths, sizes, header)"),
    (layout_module, "_header_heights", "columns (widths, sizes, header)"),
    (layout_module, "_row_height", "row heights (text wrapping)"),
    (layout_module, "_paginate", "pagination (rows to pages)"),
    (layout_module, "_place_symbols", "symbols"),
    (layout_module, "route_page_arrows", "routing (arrows, labels, connectors)"),
]


def part_times(sops: list, setup: PageSetup, with_parse: bool) -> dict[str, float]:
    """Seconds spent in each part over all SOPs (layout parts from timers around its functions)."""
    writer = ShapeWriter(setup.font_name)
    layout_total = serialise = parsing = 0.0
    parts = dict.fromkeys(part for _, _, part in PARTS)
    timed = dict.fromkeys(parts, 0.0)
    with Timers(timed, PARTS):
        for sop in sops:
            t0 = time.perf_counter()
            layout = layout_flowchart(sop, setup)
            t1 = time.perf_counter()
            xml = flowchart_xml(layout, writer)
            t2 = time.perf_counter()
            if with_parse:
                parse(xml)
            t3 = time.perf_counter()
            layout_total += t1 - t0
            serialise += t2 - t1
            parsing += t3 - t2
    times = dict(timed)
    times["layout, rest (model look-ups, objects)"] = max(0.0, layout_total - sum(timed.values()))
    times["serialisation (flowchart_xml)"] = serialise
    if with_parse:
        times["lxml parse of the fragment"] = parsing
    return times


# --- parallel ------------------------------------------------------------------------------

_worker_barrier = None


def _init_worker(barrier) -> None:
    global _worker_barrier
    _worker_barrier = barrier


def _worker(args: tuple) -> tuple[float, float, int, int, float]:
    """Read this worker's workbooks, wait for the others, then lay out and serialise their SOPs.
    Returns (start, end, SOPs, pages, peak MB); start and end on the shared monotonic clock."""
    paths, paper, with_parse = args
    sops = read_sops(paths)
    gc.collect()
    _worker_barrier.wait()
    start = time.perf_counter()
    seconds, pages, _ = run_once(sops, PageSetup(paper=paper), with_parse)
    return start, start + seconds, len(sops), pages, peak_rss_mb()


def run_parallel(paths: list[Path], jobs: int, paper: str, with_parse: bool) -> tuple[float, float, int, int, float]:
    """(span of the parallel layout from the first start to the last end, wall seconds with reading
    and pool start-up, SOPs, pages, largest worker peak MB). The workbooks are dealt round-robin
    into `jobs` equal shares, one task per worker, so the workers start together at a barrier."""
    shares = [paths[i::jobs] for i in range(jobs)]
    wall = time.perf_counter()
    context = multiprocessing.get_context()
    barrier = context.Barrier(jobs)  # inherited by the workers when they start
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_worker, initargs=(barrier,)) as pool:
        results = list(pool.map(_worker, [(share, paper, with_parse) for share in shares]))
    wall = time.perf_counter() - wall
    span = max(r[1] for r in results) - min(r[0] for r in results)
    return span, wall, sum(r[2] for r in results), sum(r[3] for r in results), max(r[4] for r in results)


def verdict(seconds: float, sops: int) -> str:
    """Whether the target is met, scaled to the number of SOPs when the region is not the full one."""
    scaled = seconds * TARGET_SOPS / sops if sops else float("inf")
    note = "" if sops == TARGET_SOPS else f" (scaled to {TARGET_SOPS:,} SOPs: {scaled:.2f} s)"
    met = "MET" if scaled < TARGET_SECONDS else "NOT MET"
    return f"target {TARGET_SECONDS:.0f} s for {TARGET_SOPS:,} SOPs {met}{note}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_region_arguments(parser)
    parser.add_argument("--paper", default="F4", help="F4 (default) or A4")
    parser.add_argument("--repeat", type=int, default=3, help="single-process runs (default 3; best and median)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="worker processes for the parallel run (default: the number of cores; 1 = skip)")
    parser.add_argument("--parse", action="store_true", help="count the lxml parse of each fragment on its own "
                                                             "in the timed runs")
    parser.add_argument("--profile", metavar="FILE", help="also cProfile one single-process run, stats to FILE")
    args = parser.parse_args(argv)
    args.folder = region_folder(args)
    with_parse = args.parse
    setup = PageSetup(paper=args.paper)

    start = time.perf_counter()
    paths = ensure_region(args.folder, args.skpd, args.sops, args.seed, jobs=os.cpu_count() or 1)
    made = time.perf_counter() - start
    if made > 1:
        print(f"generated the region in {made:.1f} s")
    start = time.perf_counter()
    sops = read_sops(paths)
    read = time.perf_counter() - start
    print(f"region: {args.folder} ({len(paths)} workbooks, {len(sops):,} SOPs, read in {read:.1f} s, not counted); "
          f"{os.cpu_count()} cores, Python {sys.version.split()[0]}; sopdocs from {Path(sopdocs.__file__).parent}")
    print(f"paper {args.paper}; each SOP: layout_flowchart + flowchart_xml" + (" + lxml parse" if with_parse else ""))

    runs = []
    for _ in range(max(1, args.repeat)):
        gc.collect()
        seconds, pages, chars = run_once(sops, setup, with_parse)
        runs.append(seconds)
    best, median = min(runs), statistics.median(runs)
    print(f"\nsingle process: {len(sops):,} SOPs, {pages:,} flowchart pages (tables), "
          f"{chars / 1e6:.1f} M characters of XML ({chars / len(sops) / 1000:.0f} k per SOP)")
    print(f"  total {best:.2f} s best, {median:.2f} s median of {len(runs)} ({', '.join(f'{r:.2f}' for r in runs)}); "
          f"CPU {min(cpu_runs):.2f} s best (steadier when other programs load the machine)")
    print(f"  {len(sops) / best:,.0f} SOPs/s, {pages / best:,.0f} flowchart tables/s, "
          f"{best / len(sops) * 1000:.2f} ms per SOP; {verdict(best, len(sops))}")
    print(f"  peak memory (ru_maxrss, RUSAGE_SELF, the SOP models of the whole region held): {peak_rss_mb():.0f} MB")

    gc.collect()
    times = part_times(sops, setup, True)
    total = sum(times.values())
    print(f"\nparts (separate timed pass, {total:.2f} s in all; the timers add a little; the parse is "
          f"{'counted' if with_parse else 'not counted'} in the target):")
    for name, seconds in times.items():
        print(f"  {name:<40} {seconds:6.2f} s  {seconds / total:6.1%}")

    if args.jobs > 1:
        span, wall, n, pages, worker_peak = run_parallel(paths, args.jobs, args.paper, with_parse)
        print(f"\n{args.jobs} processes: {n:,} SOPs, {pages:,} flowchart pages")
        print(f"  layout + serialisation {span:.2f} s (first start to last end), {n / span:,.0f} SOPs/s, "
              f"{best / span:.2f}x the single process; {verdict(span, n)}")
        print(f"  wall {wall:.2f} s with pool start-up and each worker reading its workbooks")
        print(f"  peak memory (ru_maxrss, RUSAGE_SELF in each worker): largest worker {worker_peak:.0f} MB")

    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        run_once(sops, setup, with_parse)
        profiler.disable()
        profiler.dump_stats(args.profile)
        print(f"\ncProfile written to {args.profile}; top 20 by own time (cProfile adds overhead):")
        pstats.Stats(args.profile).sort_stats("tottime").print_stats(20)
    return 0


if __name__ == "__main__":
    sys.exit(main())
