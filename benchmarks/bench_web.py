"""Load test of `sopdocs web`: N clients check and build at once against a server on 127.0.0.1.

Each client is a browser of its own (its own cookies and CSRF token) with a workbook of its own
SKPD (make_region.py, a few SOPs each). It checks the workbook (POST /api/periksa), builds it
(POST /api/buat), polls GET /api/pekerjaan/{id} until it is done and downloads its SOP book. Every
result must be its own: the JSON names its workbook, the book carries its SKPD's name and no
other client's, and another client asking for its job gets a 404. The server's memory (it and its
build processes) is sampled throughout and must stay under --max-mb.

Bounded: every client has --timeout seconds in all, polling waits 0.3 s between requests, and the
server is stopped at the end whatever happened.

    python benchmarks/bench_web.py [--clients 20] [--sops 3] [--jobs 2] [--timeout 900] [--max-mb 3000]

Prints requests per second and the median and 95th-percentile time of each kind of request.
"""
from __future__ import annotations

import argparse
import io
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import docx
import httpx2 as httpx

sys.path.insert(0, str(Path(__file__).parent))
from make_region import make_workbook  # noqa: E402


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, from /proc."""
    children = defaultdict(list)
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                children[int(fields[1])].append(int(entry.name))
            except (OSError, IndexError):
                continue
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
        todo.extend(children.get(current, []))
    return total / 1024


class Timings:
    def __init__(self):
        self.lock = threading.Lock()
        self.times: dict[str, list[float]] = defaultdict(list)

    def request(self, client: httpx.Client, kind: str, method: str, url: str, **kwargs) -> httpx.Response:
        start = time.perf_counter()
        response = client.request(method, url, **kwargs)
        with self.lock:
            self.times[kind].append(time.perf_counter() - start)
        return response


def run_client(base: str, workbook: Path, singkatan: str, nama: str, others: list[str], timings: Timings,
               timeout: float) -> dict:
    """One client's whole visit; returns its job id and the problems found (none when all is right)."""
    deadline = time.time() + timeout
    problems = []
    with httpx.Client(base_url=base, timeout=120) as client:
        csrf = timings.request(client, "GET /", "GET", "/").headers["x-csrf-token"]
        files = {"berkas": (workbook.name, workbook.read_bytes())}
        checked = timings.request(client, "POST /api/periksa", "POST", "/api/periksa", files=files,
                                  headers={"X-CSRF-Token": csrf})
        if checked.status_code != 200 or [c["workbook"] for c in checked.json()] != [workbook.name] \
                or not checked.json()[0]["ok"]:
            problems.append(f"periksa: {checked.status_code} {checked.text[:200]}")
        started = timings.request(client, "POST /api/buat", "POST", "/api/buat", files=files,
                                  headers={"X-CSRF-Token": csrf})
        job = started.json().get("id", "")
        state = {}
        while time.time() < deadline:
            state = timings.request(client, "GET /api/pekerjaan", "GET", f"/api/pekerjaan/{job}").json()
            if state.get("selesai"):
                break
            time.sleep(0.3)
        else:
            problems.append(f"timeout: {state.get('status')}")
        books = [f for f in state.get("berkas", []) if f["nama"].endswith("_SOP.docx")]
        if state.get("status") != "selesai" or [f["nama"] for f in books] != [f"{singkatan}_SOP.docx"]:
            problems.append(f"buat: {state.get('status')} {[f['nama'] for f in state.get('berkas', [])]}")
        for book in books:
            content = timings.request(client, "GET berkas", "GET", book["url"]).content
            text = "\n".join(p.text for p in docx.Document(io.BytesIO(content)).paragraphs)
            if nama not in text:
                problems.append("the book is not this client's")
            problems.extend(f"the book names {other}" for other in others if other in text and other not in nama)
    return {"job": job, "problems": problems}


def someone_elses(base: str, job: str) -> int:
    with httpx.Client(base_url=base, timeout=60) as stranger:
        return stranger.get(f"/api/pekerjaan/{job}").status_code


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--sops", type=int, default=3, help="SOPs per workbook")
    parser.add_argument("--jobs", type=int, default=2, help="builds at once on the server")
    parser.add_argument("--timeout", type=float, default=900, help="seconds each client has in all")
    parser.add_argument("--max-mb", type=float, default=3000, help="memory the server may use in all")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="sopdocs-bench-web-") as folder:
        folder = Path(folder)
        workbooks = [make_workbook(folder / f"skpd-{i + 1:02d}.xlsx", i, sops=args.sops) for i in range(args.clients)]
        from sopdocs import pipeline

        instansi = [c.doc.instansi for c in pipeline.check(workbooks)]
        singkatan, nama = [i.singkatan for i in instansi], [i.nama for i in instansi]
        port = free_port()
        server = subprocess.Popen([sys.executable, "-m", "sopdocs", "web", "--host", "127.0.0.1", "--port", str(port),
                                   "--no-browser", "--jobs", str(args.jobs), "--folder", str(folder / "kerja")],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        base = f"http://127.0.0.1:{port}"
        peak, sampling = [0.0], threading.Event()

        def sample() -> None:
            while not sampling.wait(0.5):
                peak[0] = max(peak[0], tree_rss_mb(server.pid))

        try:
            for _ in range(100):
                try:
                    httpx.get(base + "/", timeout=2)
                    break
                except httpx.HTTPError:
                    time.sleep(0.2)
            sampler = threading.Thread(target=sample, daemon=True)
            sampler.start()
            timings = Timings()
            start = time.perf_counter()
            with ThreadPoolExecutor(args.clients) as pool:
                results = list(pool.map(lambda i: run_client(base, workbooks[i], singkatan[i], nama[i],
                                                             [n for n in nama if n != nama[i]],
                                                             timings, args.timeout), range(args.clients)))
            elapsed = time.perf_counter() - start
            strangers = [someone_elses(base, r["job"]) for r in results]
        finally:
            sampling.set()
            server.terminate()
            try:
                server.wait(60)
            except subprocess.TimeoutExpired:
                server.kill()
        problems = [f"client {i + 1}: {p}" for i, r in enumerate(results) for p in r["problems"]]
        problems += [f"client {i + 1}: a stranger got {code} for its job" for i, code in enumerate(strangers)
                     if code != 404]
        problems += [f"server memory {peak[0]:.0f} MB > {args.max_mb:.0f} MB"] if peak[0] > args.max_mb else []

    requests = sum(len(t) for t in timings.times.values())
    all_times = sorted(t for times in timings.times.values() for t in times)
    print(f"{args.clients} clients, {args.sops} SOPs each, {args.jobs} builds at once: {elapsed:.1f} s, "
          f"{requests} requests, {requests / elapsed:.1f} requests/s, "
          f"p95 {all_times[int(0.95 * (len(all_times) - 1))] * 1000:.0f} ms; server memory peak {peak[0]:.0f} MB")
    for kind, times in sorted(timings.times.items()):
        times.sort()
        print(f"  {kind:<20} {len(times):>5}  median {statistics.median(times) * 1000:>7.0f} ms  "
              f"p95 {times[int(0.95 * (len(times) - 1))] * 1000:>7.0f} ms")
    for problem in problems:
        print("PROBLEM:", problem)
    print("all results correct, none lost or mixed" if not problems else f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
