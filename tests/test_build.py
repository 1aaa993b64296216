"""`sopdocs build`: a whole region in one command.

Good workbooks are built and broken ones reported cell by cell, outputs get safe and distinct
names, a file is only ever replaced by a complete new one (also when the process is killed),
parallel builds give the same books, and PDFs come along when LibreOffice is there.
"""
from __future__ import annotations

import copy
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import weakref
import zipfile
from pathlib import Path

import docx
import pytest

from conftest import ROOT, STEPS, check, instansi_rows, run_cli, run_process, sop_rows, write_workbook
from docx_checks import package_problems
from sopdocs.hookspecs import hookimpl
from sopdocs.pipeline import Options, build, check_workbook
from sopdocs.pipeline.naming import safe_file_name, unique_names
from sopdocs.plugins import Plugins

SAMPLES = sorted((ROOT / "samples").glob("*.xlsx"))
DISDUKCAPIL = ROOT / "samples" / "disdukcapil-bener-meriah.xlsx"
PDF_TOOLS = shutil.which("soffice") and shutil.which("pdfinfo")
needs_pdf = pytest.mark.skipif(not PDF_TOOLS, reason="LibreOffice atau poppler tidak terpasang")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HEADER = re.compile(r"^SKPD\s{2,}SOP\s{2,}.*Halaman\s{2,}Status\s{2,}File\s*$", re.M)


def summary(output: str) -> dict[str, dict[str, str]]:
    """The rows of the summary table by their SKPD column, each {column title: value}."""
    match = HEADER.search(output)
    assert match, output
    titles = match.group(0).split()
    rows = {}
    for line in output[match.end():].strip("\n").splitlines():
        if not line.strip():
            break
        cells = re.split(r"\s{2,}", line.strip(), maxsplit=len(titles) - 1)
        if len(cells) != len(titles):  # the notes and reports after the table
            break
        rows[cells[0]] = dict(zip(titles, cells))
    return rows


def steps_with(**changes):
    """The example steps with `s2_tidak="..."` style changes (Jika Tidak is the 8th value)."""
    result = copy.deepcopy(STEPS)
    for key, value in changes.items():
        number, part = key[1:].split("_")
        result[int(number) - 1][{"tidak": 7, "ya": 6}[part]] = value
    return result


def good(path: Path, singkatan: str = "DISDUKCAPIL", **instansi) -> Path:
    return write_workbook(path, {"Instansi": instansi_rows(Singkatan=singkatan, **instansi), "SOP 01": sop_rows()})


def broken(path: Path) -> Path:
    """A workbook whose SOP sends `Jika Tidak` of step 2 to a step that does not exist."""
    return write_workbook(path, {"Instansi": instansi_rows(Singkatan="DINKES"),
                                 "SOP 01": sop_rows(steps_with(s2_tidak="Tidak lengkap: 9"))})


def checked(*workbooks: Path) -> list:
    plugins = Plugins()
    return [check_workbook(w, plugins) for w in workbooks]


def files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def opens(path: Path) -> docx.Document:
    with zipfile.ZipFile(path) as package:
        assert package.testzip() is None
    return docx.Document(str(path))


def identity(tbl) -> dict[str, str]:
    """An identity table's label column and values: {"Nomor SOP": ..., "Nama SOP": ...}."""
    cells = lambda tr: ["".join(t.text or "" for t in tc.iter(W + "t")) for tc in tr.findall(W + "tc")]  # noqa: E731
    return {row[1]: row[2] for row in map(cells, tbl.findall(W + "tr"))
            if len(row) == 3 and row[1] in ("Nomor SOP", "Tanggal Pembuatan", "Nama SOP")}


def identity_of(sop) -> dict[str, str]:
    from sopdocs.reader.values import long_date

    return {"Nomor SOP": sop.nomor, "Tanggal Pembuatan": long_date(sop.tanggal_pembuatan.date), "Nama SOP": sop.nama}


def paper_mm(document) -> list[tuple[int, int]]:
    return [(round(s.page_width.mm), round(s.page_height.mm)) for s in document.sections]


# -- good and broken workbooks -------------------------------------------------------------------

def test_good_books_are_built_and_broken_workbooks_reported(tmp_path):
    source, out = tmp_path / "masuk", tmp_path / "hasil"
    source.mkdir()
    good(source / "baik.xlsx")
    broken(source / "rusak.xlsx")
    (source / "bukan.xlsx").write_text("ini catatan, bukan workbook")
    (source / "catatan.txt").write_text("bukan workbook dan tidak dicari")
    findings = check(source / "rusak.xlsx").findings.errors
    assert [f.where for f in findings] == ["SOP 01!L13"]

    run = run_cli("build", source, "-o", out, "--jobs", "2")
    assert run.returncode == 1, run.stdout + run.stderr
    output = run.stdout + run.stderr
    # the good book, and nothing else: no book, temporary or partial file for the broken ones
    assert files(out) == ["DISDUKCAPIL_SOP.docx"]
    book = opens(out / "DISDUKCAPIL_SOP.docx")
    assert package_problems(out / "DISDUKCAPIL_SOP.docx") == []
    # the findings of the broken workbook, cell by cell, and the file that is no workbook
    assert f"{findings[0].where}: {findings[0].message}" in output
    assert "SOP 01!L13" in output and "langkah 9" in output
    assert "bukan file Excel" in output
    assert "catatan.txt" not in output
    # the summary: one row per workbook
    rows = summary(run.stdout)
    expected_pages = build([source / "baik.xlsx"], tmp_path / "lagi", Options(jobs=1))[0].pages
    row = rows["DISDUKCAPIL"]
    assert (row["SOP"], row["Halaman"], row["Status"], row["File"]) == ("1", str(expected_pages), "OK",
                                                                       "DISDUKCAPIL_SOP.docx")
    assert rows["rusak.xlsx"]["Status"] == rows["bukan.xlsx"]["Status"] == "GAGAL"
    assert rows["rusak.xlsx"]["Halaman"] == rows["bukan.xlsx"]["Halaman"] == "-"
    assert "perbaiki" in rows["rusak.xlsx"]["File"]
    assert len(rows) == 3
    assert "1 dari 3 workbook berhasil dibuat" in run.stdout
    assert any(t.text and "Pelayanan Penerbitan KTP-el" in t.text for t in book.element.body.iter(W + "t"))


def test_building_leaves_the_garbage_collector_running(tmp_path):
    """Each workbook's books are made with Python's collector paused: a long-running `sopdocs web`
    must have it running again afterwards, after a workbook that failed too."""
    import gc

    good(tmp_path / "baik.xlsx")
    broken(tmp_path / "rusak.xlsx")
    results = build([tmp_path / "baik.xlsx", tmp_path / "rusak.xlsx"], tmp_path / "hasil", Options(jobs=1))
    assert [bool(r.error) for r in results] == [False, True]
    assert gc.isenabled()


class KeepsTrack:
    """A plugin object that notes, as each book is finished, which books made before it are still alive."""

    def __init__(self):
        self.books: list[weakref.ref] = []
        self.alive_before: list[int] = []

    @hookimpl
    def sopdocs_postprocess(self, document, doc, profile, book):
        self.alive_before.append(sum(ref() is not None for ref in self.books))
        self.books.append(weakref.ref(document.part))  # in reference cycles with its package


def test_each_workbooks_books_are_freed_before_the_next_workbook(tmp_path):
    """A book's documents hold their XML trees in reference cycles: they are collected after each
    workbook, so a process holds one workbook's books at a time, and none when the build ends."""
    workbooks = [good(tmp_path / "a.xlsx"), good(tmp_path / "b.xlsx", singkatan="BAPPEDA")]
    plugins = Plugins()
    plugins.register(tracker := KeepsTrack(), name="keeps-track")
    results = build(workbooks, tmp_path / "hasil", Options(jobs=1), plugins=plugins)
    assert all(r.ok for r in results)
    assert tracker.alive_before == [0, 0]  # the SOP book of a.xlsx, then that of b.xlsx
    assert not any(ref() for ref in tracker.books)


def test_all_good_exits_zero(tmp_path):
    run = run_cli("build", *SAMPLES, "-o", tmp_path, "--jobs", "1")
    assert run.returncode == 0, run.stdout + run.stderr
    rows = summary(run.stdout)
    assert {r["Status"] for r in rows.values()} == {"OK"} and len(rows) == len(SAMPLES)
    for row in rows.values():
        for name in row["File"].split(", "):
            assert (tmp_path / name).is_file()
        assert f"{row['SKPD'].replace(' ', '_')}_SOP.docx" in row["File"].split(", ")
        assert int(row["Halaman"]) > 0 and int(row["SOP"]) > 0
    assert sorted(name for row in rows.values() for name in row["File"].split(", ")) == files(tmp_path)


def test_no_workbook_found_is_a_clear_message(tmp_path):
    (tmp_path / "kosong").mkdir()
    run = run_cli("build", tmp_path / "kosong", "-o", tmp_path / "hasil")
    assert run.returncode != 0
    assert "Tidak ada workbook" in run.stdout + run.stderr
    assert not (tmp_path / "hasil").exists() or files(tmp_path / "hasil") == []


# -- options --------------------------------------------------------------------------------------

def test_per_sop_writes_one_document_per_sop_in_a_subfolder(tmp_path):
    from sopdocs.render.book import book_order

    run = run_cli("build", DISDUKCAPIL, "-o", tmp_path, "--per-sop")
    assert run.returncode == 0, run.stdout + run.stderr
    sops = book_order(check_workbook(DISDUKCAPIL, Plugins()).doc)
    folder = tmp_path / "DISDUKCAPIL_SOP"
    singles = sorted(folder.glob("*.docx"))
    assert (tmp_path / "DISDUKCAPIL_SOP.docx").is_file()
    assert len(singles) == len(sops) == len(list(folder.iterdir()))
    for number, (path, sop) in enumerate(zip(singles, sops), 1):
        assert path.name.startswith(f"{number:02d} ") and sop.nama[:20] in path.name
        document = opens(path)
        assert package_problems(path) == []
        identities = [identity(t) for t in document.element.body.iter(W + "tbl")
                      if "Tanggal Pembuatan" in identity(t)]
        assert identities == [identity_of(sop)]
        assert paper_mm(document) == [(330, 215)]  # landscape F4
    assert f"(+{len(sops)} file per SOP)" in summary(run.stdout)["DISDUKCAPIL"]["File"]


def test_kertas_a4(tmp_path):
    good(tmp_path / "dinas.xlsx")
    run = run_cli("build", tmp_path / "dinas.xlsx", "-o", tmp_path / "a4", "--kertas", "A4")
    assert run.returncode == 0, run.stdout + run.stderr
    assert paper_mm(opens(tmp_path / "a4" / "DISDUKCAPIL_SOP.docx")) == [(210, 297), (297, 210)]
    run = run_cli("build", tmp_path / "dinas.xlsx", "-o", tmp_path / "f4")
    assert run.returncode == 0, run.stdout + run.stderr
    assert paper_mm(opens(tmp_path / "f4" / "DISDUKCAPIL_SOP.docx")) == [(215, 330), (330, 215)]


def test_jobs_2_builds_the_same_books_as_jobs_1(tmp_path):
    """As a user runs them: each a real `python -m sopdocs`, the second with a pool of two workers."""
    one = run_process("build", *SAMPLES, "-o", tmp_path / "satu", "--jobs", "1")
    two = run_process("build", *SAMPLES, "-o", tmp_path / "dua", "--jobs", "2")
    assert one.returncode == two.returncode == 0
    assert files(tmp_path / "satu") == files(tmp_path / "dua")
    assert len([name for name in files(tmp_path / "satu") if name.endswith("_SOP.docx")]) == len(SAMPLES)
    assert summary(one.stdout) == summary(two.stdout)
    for name in files(tmp_path / "satu"):
        with zipfile.ZipFile(tmp_path / "satu" / name) as a, zipfile.ZipFile(tmp_path / "dua" / name) as b:
            assert a.read("word/document.xml") == b.read("word/document.xml"), name


# -- names ----------------------------------------------------------------------------------------

def test_same_singkatan_gives_distinct_outputs(tmp_path):
    source = tmp_path / "masuk"
    source.mkdir()
    first = good(source / "dukcapil-lama.xlsx")
    second = good(source / "dukcapil-baru.xlsx", **{"Perangkat Daerah": "DINAS DUKCAPIL (BARU)"})
    names = unique_names(checked(first, second))
    assert len(set(names.values())) == 2
    run = run_cli("build", source, "-o", tmp_path / "hasil")
    assert run.returncode == 0, run.stdout + run.stderr
    made = files(tmp_path / "hasil")
    assert len(made) == 2 and all(name.endswith(".docx") and "DISDUKCAPIL" in name for name in made)
    assert any("dukcapil-lama" in name for name in made) and any("dukcapil-baru" in name for name in made)
    texts = sorted("".join(opens(tmp_path / "hasil" / name).element.body.itertext()) for name in made)
    assert "DINAS DUKCAPIL (BARU)" in texts[0] + texts[1]
    assert ("DINAS DUKCAPIL (BARU)" in texts[0]) != ("DINAS DUKCAPIL (BARU)" in texts[1])


def test_singkatan_differing_only_in_case_gives_distinct_outputs(tmp_path):
    first = good(tmp_path / "a.xlsx", singkatan="Disdukcapil")
    second = good(tmp_path / "b.xlsx", singkatan="DISDUKCAPIL")
    names = unique_names(checked(first, second))
    assert len({name.casefold() for name in names.values()}) == 2


def test_same_singkatan_and_file_name_in_subfolders_gives_distinct_outputs(tmp_path):
    (tmp_path / "bidang-1").mkdir()
    (tmp_path / "bidang-2").mkdir()
    first = good(tmp_path / "bidang-1" / "sop.xlsx")
    second = good(tmp_path / "bidang-2" / "sop.xlsx")
    assert len(set(unique_names(checked(first, second)).values())) == 2


@pytest.mark.parametrize("name", ["CON", "con", "Aux", "NUL.txt", "COM1", "lpt9 ", "a/b:c*?", "<x>|\"y\"\\z",
                                  "Dinas...", "Dinas. . .", "  Dinas  ", "x" * 200, "Kecamatan " * 20 + "....",
                                  "", "...", "///", "tab\tdan\nbaris", "Kec. Bukit"])
def test_safe_file_name(tmp_path, name):
    safe = safe_file_name(name)
    assert safe and len(safe) <= 80
    assert not re.search(r'[<>:"/\\|?*\x00-\x1f]', safe)
    assert not safe.endswith((".", " ")) and not safe.startswith(" ")
    reserved = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
    assert safe.split(".")[0].strip().upper() not in reserved
    (tmp_path / f"{safe}_SOP.docx").write_bytes(b"")
    (tmp_path / safe).mkdir()


def test_safe_file_name_keeps_readable_names():
    assert safe_file_name("Kec. Bukit") == "Kec. Bukit"
    assert safe_file_name("DISDUKCAPIL") == "DISDUKCAPIL"
    assert safe_file_name("a/b:c*?") == "a b c"
    assert safe_file_name("x" * 200) == "x" * 80
    assert safe_file_name("") == "dokumen"


# -- replacing outputs ----------------------------------------------------------------------------

OLD = b"buku lama yang sudah dicetak"


def test_a_failed_render_leaves_the_old_book(tmp_path, monkeypatch):
    import sopdocs.render.book as book_module

    workbook = good(tmp_path / "dinas.xlsx")
    out = tmp_path / "hasil"
    out.mkdir()
    target = out / "DISDUKCAPIL_SOP.docx"
    target.write_bytes(OLD)

    def fail(*args, **kwargs):
        raise RuntimeError("templat rusak")

    monkeypatch.setattr(book_module, "render_book", fail)
    result, = build([workbook], out, Options(jobs=1))
    assert not result.ok and "RuntimeError" in result.error
    assert target.read_bytes() == OLD
    assert files(out) == ["DISDUKCAPIL_SOP.docx"]


def test_a_save_failing_half_way_leaves_the_old_book(tmp_path, monkeypatch):
    import sopdocs.render.book as book_module

    workbook = good(tmp_path / "dinas.xlsx")
    out = tmp_path / "hasil"
    out.mkdir()
    target = out / "DISDUKCAPIL_SOP.docx"
    target.write_bytes(OLD)
    real = book_module.render_book
    written = []

    def half(*args, **kwargs):
        book = real(*args, **kwargs)

        def save(path):
            Path(path).write_bytes(b"PK\x03\x04 setengah")
            written.append(Path(path))
            raise OSError(28, "No space left on device")

        book.document.save = save
        return book

    monkeypatch.setattr(book_module, "render_book", half)
    result, = build([workbook], out, Options(jobs=1))
    assert written and not result.ok
    assert target.read_bytes() == OLD
    assert files(out) == ["DISDUKCAPIL_SOP.docx"]
    # and without the fault the old book is replaced by the new one
    monkeypatch.setattr(book_module, "render_book", real)
    result, = build([workbook], out, Options(jobs=1))
    assert result.ok and target.read_bytes() != OLD
    opens(target)
    assert files(out) == ["DISDUKCAPIL_SOP.docx"]


def _kill_when_writing(source: Path, out: Path, delay: float) -> None:
    """Start a build of `source`; SIGKILL it (and its workers) `delay` s after its first output file appears."""
    process = subprocess.Popen([sys.executable, "-m", "sopdocs", "build", str(source), "-o", str(out), "--jobs", "2"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True, cwd=ROOT)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None:
            if out.is_dir() and any(out.iterdir()):
                break
            time.sleep(0.001)
        time.sleep(delay)
        assert process.poll() is None, "the build ended before it could be killed"
    finally:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        process.wait(timeout=30)


@pytest.mark.parametrize("delay", [0.0, 0.05, 0.2])
def test_sigkill_half_way_leaves_only_complete_books(tmp_path, delay):
    source = tmp_path / "wilayah"
    source.mkdir()
    for copy_number in range(10):
        for sample in SAMPLES:
            shutil.copy(sample, source / f"{copy_number:02d}-{sample.name}")
    out = tmp_path / "hasil"
    _kill_when_writing(source, out, delay)
    time.sleep(0.2)  # nothing may still be writing: the whole process group is gone
    left = [p for p in out.rglob("*") if p.is_file()]
    books = [p for p in left if p.suffix == ".docx"]
    assert len([p for p in books if p.name.endswith("_SOP.docx")]) < 10 * len(SAMPLES), "not interrupted"
    for path in books:
        opens(path)
    # what the killed writers left are hidden temporary files that no one takes for a book
    for path in left:
        if path.suffix != ".docx":
            assert path.name.startswith(".") and path.name.endswith(".tmp"), path.name
    if delay:
        return
    # and a new build over the debris completes every book
    run = run_cli("build", source, "-o", out, "--jobs", "2")
    assert run.returncode == 0, run.stdout + run.stderr
    assert len(list(out.glob("*_SOP.docx"))) == 10 * len(SAMPLES)
    assert not [p for p in out.rglob("*") if p.is_file() and p.suffix != ".docx" and not p.name.startswith(".")]


# -- PDF ------------------------------------------------------------------------------------------

@needs_pdf
def test_pdf_next_to_each_docx(tmp_path):
    good(tmp_path / "dinas.xlsx")
    run = run_cli("build", tmp_path / "dinas.xlsx", "-o", tmp_path / "hasil", "--pdf")
    assert run.returncode == 0, run.stdout + run.stderr
    assert files(tmp_path / "hasil") == ["DISDUKCAPIL_SOP.docx", "DISDUKCAPIL_SOP.pdf"]
    row = summary(run.stdout)["DISDUKCAPIL"]
    assert "DISDUKCAPIL_SOP.pdf" in row["File"]
    info = subprocess.run(["pdfinfo", str(tmp_path / "hasil" / "DISDUKCAPIL_SOP.pdf")], capture_output=True,
                          text=True, check=True).stdout
    assert re.search(r"^Pages:\s+(\d+)", info, re.M).group(1) == row["Halaman"]


@needs_pdf
def test_pdf_of_same_named_per_sop_documents_of_two_skpd(tmp_path):
    source = tmp_path / "masuk"
    source.mkdir()
    for name, singkatan, skpd in (("a.xlsx", "DISDUKCAPIL", "DINAS KEPENDUDUKAN"), ("b.xlsx", "DINKES", "DINAS KESEHATAN")):
        write_workbook(source / name, {"Instansi": instansi_rows(Singkatan=singkatan, **{"Perangkat Daerah": skpd}),
                                       "SOP 01": sop_rows(**{"Nama SOP": "Pengelolaan Surat Masuk"})})
    out = tmp_path / "hasil"
    run = run_cli("build", source, "-o", out, "--per-sop", "--pdf", "--jobs", "1")
    assert run.returncode == 0
    for folder, skpd, other in (("DISDUKCAPIL_SOP", "KEPENDUDUKAN", "KESEHATAN"),
                                ("DINKES_SOP", "KESEHATAN", "KEPENDUDUKAN")):
        pdf = out / folder / "01 Pengelolaan Surat Masuk.pdf"
        assert pdf.is_file(), run.stdout + run.stderr
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert skpd in text and other not in text


def test_pdf_without_libreoffice_explains_and_still_builds(tmp_path):
    empty = tmp_path / "bin"
    empty.mkdir()
    good(tmp_path / "dinas.xlsx")
    run = run_cli("build", tmp_path / "dinas.xlsx", "-o", tmp_path / "hasil", "--pdf",
                  env={**os.environ, "PATH": str(empty)})
    assert run.returncode == 0, run.stdout + run.stderr
    output = run.stdout + run.stderr
    assert "LibreOffice tidak ditemukan" in output and "libreoffice.org" in output
    assert "apt-get install" in output
    assert files(tmp_path / "hasil") == ["DISDUKCAPIL_SOP.docx"]
    opens(tmp_path / "hasil" / "DISDUKCAPIL_SOP.docx")
    assert summary(run.stdout)["DISDUKCAPIL"]["Status"] == "OK"


# -- a region -------------------------------------------------------------------------------------

SIX = ["Pemohon", "Petugas Loket", "Pengelola Data", "Kepala Seksi", "Pengadministrasi Umum", "Sekretaris"]


def _two_returns_to_start():
    """Seven steps over six actors; the decisions of steps 3 and 6 both send "Tidak lengkap" back to step 1
    (SOP 25 of benchmarks/make_region.py's first SKPD, in short)."""
    plan = [(0, None), (5, None), (4, "Tidak lengkap: 1"), (3, None), (2, None), (1, "Tidak lengkap: 1"), (1, None)]
    steps = []
    for number, (actor, no) in enumerate(plan, 1):
        marks = [None] * len(SIX)
        marks[actor] = "x"
        steps.append([f"Kegiatan nomor {number} " + "kata " * 10, marks, "Berkas", "10 menit", "Hasil", None, None, no])
    return steps


def test_a4_book_with_two_decisions_returning_to_the_start(tmp_path):
    workbook = write_workbook(tmp_path / "dinas.xlsx", {
        "Instansi": instansi_rows(), "SOP 01": sop_rows(_two_returns_to_start(), SIX)})
    assert check(workbook).ok
    run = run_cli("build", workbook, "-o", tmp_path / "hasil", "--kertas", "A4")
    assert run.returncode == 0, run.stdout + run.stderr
