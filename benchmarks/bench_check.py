"""Benchmark: read and check a whole region (40 SKPD workbooks x 60 SOPs = 2,400 SOPs).

Target stated by the product: the whole region read and checked in under 5 seconds on the
2-core reference machine.

    python benchmarks/bench_check.py [FOLDER] [--skpd 40] [--sops 60] [--repeat 3] [--jobs 2] [--cli]
                                     [--profile FILE]

The region is generated first (benchmarks/make_region.py) when FOLDER does not hold it yet.
What is printed:
- the single-process figure: `sopdocs.pipeline.check` over every workbook (best and median of
  --repeat runs; the plugins loaded once before, their loading time printed apart), SOPs per
  second, and whether the target is met;
- each stage's share, from a separate pass of `check` with the functions it calls wrapped in
  timers where the pipeline looks them up (benchmarks/timers.py): the zip structure
  (`reader.xlsx._structure`, lxml), the grids (the rest of `read_sheets`, python-calamine), and
  the steps of `pipeline.checking.check_workbook`: model building (hook `sopdocs_read_workbook`),
  numbering (`sopdocs_number_sop`), the SP -> SOP link (`link_services`), validation
  (`sopdocs_validate`), and the rest (profile look-up, sorting the findings);
- with --jobs N (N > 1): the same check spread over N worker processes, one workbook per task;
  the workers send back counts only, as a parallel `sopdocs check` would send findings;
- python-calamine alone reading every cell of every sheet (CPU), and the check's CPU time as a
  multiple of it: --repeat runs in which the two alternate workbook by workbook (each workbook
  checked right after python-calamine alone reads it, so that both meet the machine in the same
  state), each run's ratio and their median;
- with --cli: the wall time of the real command, `sopdocs check FOLDER`, start-up and
  printing included, and its CPU time as a multiple of python-calamine alone;
- peak memory as the resident set size (getrusage ru_maxrss): python-calamine allocates in
  Rust, which tracemalloc does not see. For the parallel run, the largest worker's peak.
"""
from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import resource
import statistics
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from copies import add_copy_argument, use_sopdocs_from  # noqa: E402
from make_region import add_region_arguments, ensure_region, region_folder  # noqa: E402
from timers import Timers  # noqa: E402

TARGET_SECONDS = 5.0


def _import_sopdocs() -> None:
    global sopdocs, check, checking, xlsx, Plugins
    import sopdocs
    import sopdocs.pipeline.checking as checking
    import sopdocs.reader.xlsx as xlsx
    from sopdocs.pipeline import check
    from sopdocs.plugins import Plugins


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident set size in MB (Linux reports ru_maxrss in kilobytes)."""
    return resource.getrusage(who).ru_maxrss / 1024


def check_all(paths: list[Path], plugins) -> tuple[float, float, int, int, int]:
    """(wall seconds, CPU seconds, SOPs, errors, warnings) of checking every workbook in this process."""
    start, cpu = time.perf_counter(), time.process_time()
    sops = errors = warnings = 0
    for result in check(paths, plugins=plugins):
        sops += len(result.doc.sops) if result.doc else 0
        errors += len(result.findings.errors)
        warnings += len(result.findings.warnings)
    return time.perf_counter() - start, time.process_time() - cpu, sops, errors, warnings


_WORKER_PLUGINS = []  # a worker's plugins, loaded by its first task


def _check_counts(path: Path) -> tuple[int, int, int, float]:
    if not _WORKER_PLUGINS:
        _WORKER_PLUGINS.append(Plugins())
    result = checking.check_workbook(path, _WORKER_PLUGINS[0])
    return (len(result.doc.sops) if result.doc else 0, len(result.findings.errors),
            len(result.findings.warnings), peak_rss_mb())


def check_parallel(paths: list[Path], jobs: int) -> tuple[float, int, int, int, float]:
    """(seconds, SOPs, errors, warnings, largest worker peak MB) with `jobs` worker processes,
    starting the pool included."""
    start = time.perf_counter()
    with ProcessPoolExecutor(jobs) as pool:
        counts = list(pool.map(_check_counts, paths))
    seconds = time.perf_counter() - start
    return (seconds, sum(c[0] for c in counts), sum(c[1] for c in counts), sum(c[2] for c in counts),
            max(c[3] for c in counts))


STAGES = ["zip structure (lxml)", "grids (python-calamine)", "model building (sopdocs_read_workbook)",
          "numbering (sopdocs_number_sop)", "SP -> SOP link (link_services)", "validate (sopdocs_validate)",
          "rest (profile, sorting the findings)"]


def stage_times(paths: list[Path], plugins) -> dict[str, float]:
    """Seconds spent in each stage over all workbooks: one `check` with the functions it calls
    timed where the pipeline looks them up."""
    raw = dict.fromkeys(["structure", "read_sheets", "sopdocs_read_workbook", "sopdocs_number_sop", "link",
                         "sopdocs_validate", "check"], 0.0)

    def hook(plugins, name, **kwargs):
        return name if name in raw else "other hooks"

    raw["other hooks"] = 0.0
    with Timers(raw, [(xlsx, "_structure", "structure"), (checking, "read_sheets", "read_sheets"),
                      (type(plugins), "call", hook), (checking, "link_services", "link"),
                      (checking, "check_workbook", "check")]):
        check(paths, plugins=plugins)
    steps = ("read_sheets", "sopdocs_read_workbook", "sopdocs_number_sop", "link", "sopdocs_validate")
    return dict(zip(STAGES, [raw["structure"], raw["read_sheets"] - raw["structure"], raw["sopdocs_read_workbook"],
                             raw["sopdocs_number_sop"], raw["link"], raw["sopdocs_validate"],
                             raw["check"] - sum(raw[k] for k in steps)]))


def profile(paths: list[Path], plugins, out: str, top: int = 25) -> None:
    """cProfile one single-process check of the region; print the top functions by own time."""
    profiler = cProfile.Profile()
    profiler.enable()
    check(paths, plugins=plugins)
    profiler.disable()
    profiler.dump_stats(out)
    print(f"\ncProfile written to {out}; top {top} by own time (cProfile adds overhead, shares are what count):")
    pstats.Stats(out).sort_stats("tottime").print_stats(top)


def run_cli(folder: Path, package_dir: str | None) -> float:
    """Wall seconds of `sopdocs check FOLDER` in a new interpreter (the copy in `package_dir` if given)."""
    command = [sys.executable, "-m", "sopdocs", "check", str(folder)]
    if package_dir:
        command = [sys.executable, str(Path(__file__).with_name("copies.py")), package_dir, "check", str(folder)]
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def calamine_floor(paths: list[Path]) -> float:
    """CPU seconds python-calamine alone takes to read every cell of every sheet of `paths`: the
    least a checker reading with it could spend."""
    from python_calamine import CalamineWorkbook

    cpu = time.process_time()
    for path in paths:
        workbook = CalamineWorkbook.from_path(str(path))
        for name in workbook.sheet_names:
            workbook.get_sheet_by_name(name).to_python()
    return time.process_time() - cpu


def check_against_floor(paths: list[Path], plugins) -> tuple[float, float]:
    """(check CPU, python-calamine CPU) over every workbook, the two alternating workbook by
    workbook: each workbook is checked right after python-calamine alone reads it, so that both
    meet this shared machine in the same state (its speed drifts from one second to the next)."""
    check_cpu = floor_cpu = 0.0
    for path in paths:
        floor_cpu += calamine_floor([path])
        cpu = time.process_time()
        check([path], plugins=plugins)
        check_cpu += time.process_time() - cpu
    return check_cpu, floor_cpu


def verdict(seconds: float) -> str:
    return f"target {TARGET_SECONDS:.0f} s {'MET' if seconds < TARGET_SECONDS else 'NOT MET'}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_region_arguments(parser)
    parser.add_argument("--repeat", type=int, default=3, help="single-process runs (default 3; best and median)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="worker processes for the parallel run (default: the number of cores; 1 = skip)")
    parser.add_argument("--cli", action="store_true", help="also time `sopdocs check FOLDER` as a command")
    parser.add_argument("--profile", metavar="FILE", help="also cProfile one run and save the stats to FILE")
    add_copy_argument(parser)
    args = parser.parse_args(argv)
    args.folder = region_folder(args)
    if args.sopdocs:
        use_sopdocs_from(args.sopdocs)
    _import_sopdocs()

    start = time.perf_counter()
    paths = ensure_region(args.folder, args.skpd, args.sops, args.seed, jobs=os.cpu_count() or 1)
    made = time.perf_counter() - start
    if made > 1:
        print(f"generated the region in {made:.1f} s")
    folder = Path(args.folder)
    size = sum(p.stat().st_size for p in paths)
    print(f"region: {folder} ({len(paths)} workbooks, {size / 1e6:.1f} MB); {os.cpu_count()} cores, "
          f"Python {sys.version.split()[0]}; sopdocs from {Path(sopdocs.__file__).parent}")
    start = time.perf_counter()
    plugins = Plugins()
    print(f"plugins loaded in {time.perf_counter() - start:.2f} s (once, not counted below): "
          f"{', '.join(name for name, _, _ in plugins.describe())}")
    rss_before = peak_rss_mb()

    runs, cpu_runs = [], []
    for _ in range(max(1, args.repeat)):
        seconds, cpu, sops, errors, warnings = check_all(paths, plugins)
        runs.append(seconds)
        cpu_runs.append(cpu)
    best, median = min(runs), statistics.median(runs)
    print(f"\nsingle process: {len(paths)} workbooks, {sops} SOPs, {errors} errors, {warnings} warnings")
    print(f"  total {best:.2f} s best, {median:.2f} s median of {len(runs)} "
          f"({', '.join(f'{r:.2f}' for r in runs)}); CPU time {min(cpu_runs):.2f} s best "
          "(less disturbed by other programs running)")
    print(f"  {sops / best:,.0f} SOPs/s, {best / len(paths) * 1000:.0f} ms per workbook; {verdict(best)}")
    print(f"  peak memory (ru_maxrss, whole process): {peak_rss_mb():.0f} MB "
          f"(before checking, after imports: {rss_before:.0f} MB)")

    pairs = [check_against_floor(paths, plugins) for _ in range(max(1, args.repeat))]
    ratios = [cpu / floor for cpu, floor in pairs]
    floor = min(floor for _, floor in pairs)
    print(f"  python-calamine alone reading every cell: {floor:.2f} CPU-s best; "
          f"the check's CPU as a multiple of it, workbook by workbook alternately, run by run: "
          f"{', '.join(f'{r:.2f}x' for r in ratios)} (median {statistics.median(ratios):.2f}x; target 3x)")

    times = stage_times(paths, plugins)
    total = sum(times.values())
    print(f"\nstages (separate timed pass, {total:.2f} s in all):")
    for name, seconds in times.items():
        print(f"  {name:<40} {seconds:6.2f} s  {seconds / total:6.1%}")

    if args.jobs > 1:
        seconds, sops, errors, warnings, worker_peak = check_parallel(paths, args.jobs)
        print(f"\n{args.jobs} processes: {sops} SOPs, {errors} errors, {warnings} warnings")
        print(f"  total {seconds:.2f} s (pool start-up included), {sops / seconds:,.0f} SOPs/s, "
              f"{best / seconds:.2f}x the single process; {verdict(seconds)}")
        print(f"  peak memory (ru_maxrss): largest worker {worker_peak:.0f} MB; "
              f"{args.jobs} workers plus this process")

    if args.cli:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        seconds = run_cli(folder, args.sopdocs)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        print(f"\n`sopdocs check {folder}` as a command: {seconds:.2f} s wall (start-up and report printing "
              f"included); {verdict(seconds)}; {cpu:.2f} CPU-s, {cpu / floor:.1f}x python-calamine alone")

    if args.profile:
        profile(paths, plugins, args.profile)
    return 0 if best < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
