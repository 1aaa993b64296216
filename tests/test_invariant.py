"""The reader's promise, over generated workbooks: every non-empty cell of a sheet sopdocs reads
is either used (it went into the model, or it is a label, header or heading the reader
understood) or named, with its own address, in a finding. Nothing typed disappears without a word.

The workbooks come from a seeded random generator: a filled-in SOP sheet, then random blank rows
in the table, header variants and unknown headers, merges of every kind, stray notes anywhere,
unknown labels. Most are read straight from generated grids (as python-calamine returns them);
some go through real .xlsx files written with openpyxl.
"""
from __future__ import annotations

import dataclasses
import random
import re

import pytest

from conftest import instansi_rows, write_workbook
from sopdocs.findings import Findings
from sopdocs.reader import labels
from sopdocs.reader.sheets import SheetReader, read_instansi, read_sop
from sopdocs.reader.values import PLAIN_MARKS, SYMBOL_LETTERS, as_text, label_key
from sopdocs.reader.xlsx import Sheet, cell_name, read_sheets

IN_MEMORY, THROUGH_FILES = 300, 20
ACTOR_NAMES = ["Pemohon", "Pelaksana", "Staf", "Petugas Loket", "Kasi Pelayanan", "Kepala Dinas", "Pelaksana Teknis"]
TAIL_TITLES = [("Kelengkapan", "Kelengkapan dan Peralatan", "Persyaratan"), ("Waktu", "Waktu (Menit)", "Waktu/Lama"),
               ("Output", "Keluaran", "Hasil"), ("Keterangan", "Ket.", "Keterangan"), ("Jika Ya",), ("Jika Tidak",)]
IDENTITY = [("Nomor SOP", "No. SOP"), ("Nama SOP",), ("Unit Kerja", "Bidang"),
            ("Tanggal Pembuatan", "Tgl. Pembuatan"), ("Tanggal Revisi", "Tgl Revisi"),
            ("Tanggal Efektif", "Tanggal Pengesahan", "Tgl Pengesahan", "Tanggal Ditetapkan"),
            ("Disahkan Oleh",), ("Dasar Hukum",), ("Peralatan/Perlengkapan", "Peralatan")]
WORDS = "berkas surat laporan memeriksa menandatangani arsip catatan paraf nomor disposisi".split()
RANGE = re.compile(r"^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$")


def text(rng: random.Random, words: int = 3) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, words))).capitalize()


def generate(rng: random.Random) -> tuple[list[list], list[tuple[int, int, int, int]]]:
    """One SOP sheet as a grid (rows of values, '' empty, numbers as floats) and its merges."""
    rows: list[list] = [[rng.choice(names), text(rng, 5)] for names in IDENTITY if rng.random() < 0.9]
    rows.insert(0, ["Nama SOP", text(rng, 4)]) if not any(r[0] == "Nama SOP" for r in rows) else None
    for _ in range(rng.randint(0, 2)):  # unknown labels and headings
        rows.insert(rng.randrange(len(rows) + 1), [text(rng, 2), text(rng) if rng.random() < 0.5 else ""])
    rows.append([])
    actors = rng.sample(ACTOR_NAMES, rng.randint(1, 4))
    tail = [rng.choice(t) for t in TAIL_TITLES[:rng.randint(3, 6)]]
    if rng.random() < 0.3:
        tail.append(text(rng, 2))  # an unknown column
    two_rows = rng.random() < 0.4
    header_at = len(rows)
    if two_rows:
        rows.append(["No", "Kegiatan", "Pelaksana", *[""] * (len(actors) - 1), *tail])
        rows.append(["", "", *actors, *[""] * len(tail)])
    else:
        rows.append([rng.choice(["No", "No."]), rng.choice(["Kegiatan", "Uraian Kegiatan", "Uraian Prosedur"]),
                     *actors, *tail])
    first = len(rows)
    for number in range(1, rng.randint(2, 8) + 1):
        if rng.random() < 0.15:
            rows.append([])  # a blank row inside the table
        marks = [""] * len(actors)
        marks[rng.randrange(len(actors))] = rng.choice(["x", "X", "v", "\u2713", "M", "P"])
        values = [rng.choice([text(rng), "", float(rng.randint(1, 60)), "15 menit"]) for _ in tail]
        rows.append([float(number), text(rng, 5), *marks, *values])
    for _ in range(rng.randint(0, 2)):  # notes below the table
        rows.append([rng.choice(["", "Catatan:"]), text(rng, 4)] if rng.random() < 0.5 else [])
    width = max(len(r) for r in rows) + rng.randint(0, 3)
    for _ in range(rng.randint(0, 5)):  # stray notes anywhere
        r, c = rng.randrange(len(rows) + 3), rng.randrange(width)
        while len(rows) <= r:
            rows.append([])
        rows[r] = rows[r] + [""] * (c + 1 - len(rows[r]))
        rows[r][c] = text(rng, 2)
    merged = _merges(rng, rows, header_at, first, len(actors), two_rows)
    return _rectangular(rows, merged), merged


def _merges(rng, rows, header_at, first, n_actors, two_rows) -> list[tuple[int, int, int, int]]:
    merged = []
    if two_rows:
        merged += [(header_at, 0, header_at + 1, 0), (header_at, 1, header_at + 1, 1)]
        if n_actors > 1:
            merged.append((header_at, 2, header_at, 1 + n_actors))
    for _ in range(rng.randint(0, 2)):  # merges of every kind, in and out of the table
        r0 = rng.randrange(first - 2, len(rows))
        c0 = rng.randrange(0, max(len(r) for r in rows))
        r1, c1 = (r0 + rng.randint(1, 2), c0) if rng.random() < 0.6 else (r0, c0 + 1)
        if all(r1 < a or r0 > b or c1 < c or c0 > d for a, c, b, d in merged):
            merged.append((r0, c0, r1, c1))
    return merged


def _rectangular(rows, merged) -> list[list]:
    """Every row as wide as the widest, empty cells '', the cells a merge hides '' (as calamine reads them)."""
    height = max(len(rows), *(r1 + 1 for _, _, r1, _ in merged)) if merged else len(rows)
    width = max([len(r) for r in rows] + [c1 + 1 for _, _, _, c1 in merged])
    grid = [[(v if v is not None else "") for v in r] + [""] * (width - len(r)) for r in rows]
    grid += [[""] * width for _ in range(height - len(grid))]
    for r0, c0, r1, c1 in merged:
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                if (r, c) != (r0, c0):
                    grid[r][c] = ""
    return grid


def addresses(cell: str) -> set[tuple[int, int]]:
    """The (row, col) of an A1 cell or range."""
    m = RANGE.match(cell)
    if not m:
        return set()
    c0, r0 = _col(m.group(1)), int(m.group(2)) - 1
    c1, r1 = (_col(m.group(3)), int(m.group(4)) - 1) if m.group(3) else (c0, r0)
    return {(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}


def _col(letters: str) -> int:
    index = 0
    for ch in letters:
        index = index * 26 + ord(ch) - 64
    return index - 1


def model_texts(part) -> set[str]:
    """Every text the model holds (label keys), to check that a used cell really went somewhere."""
    found = set()

    def walk(value):
        if isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, (list, tuple)):
            for v in value:
                walk(v)
        elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
            found.add(label_key(as_text(value)))

    walk(dataclasses.asdict(part))
    return found


STRUCTURE = ({label_key(t) for names in (labels.SOP_NAMES, labels.INSTANSI_NAMES) for ts in names.values() for t in ts}
             | {label_key(t) for ts in labels.TABLE_TITLES.values() for t in ts}
             | {"pelaksana", "mutu baku"} | PLAIN_MARKS | set(SYMBOL_LETTERS) | {"no."})


def assert_nothing_lost(sheet: Sheet, read) -> None:
    findings = Findings()
    reader = SheetReader(sheet, findings)
    part = read(reader)
    reported = set()
    for finding in findings:
        if finding.sheet == sheet.name:
            reported |= addresses(finding.cell)
    used = {(r, c) for r, spans in reader.covered.items() for c0, c1 in spans for c in range(c0, c1 + 1)}
    texts = model_texts(part) | STRUCTURE
    marks = {(r, c) for r in _rows(part) for c in _columns(part)}  # a mark goes into step.actors
    for r, row in enumerate(sheet.rows):
        for c, value in enumerate(row):
            if value == "" or (r, c) in reported:
                continue
            where = f"{sheet.name}!{cell_name(r, c)} {value!r}"
            assert (r, c) in used, f"{where} is neither used nor named:\n" + "\n".join(map(str, findings))
            key = label_key(as_text(value))
            heading = c == 0 and sheet.value(r, 1) == ""
            assert heading or (r, c) in marks or key in texts or any(key in t for t in texts), \
                f"{where} is said to be used but is not"


def _rows(part) -> set[int]:
    """The rows of the SOP's activities."""
    return {min(addresses(step.cells["no"].cell))[0] for step in getattr(part, "steps", [])}


def _columns(part) -> set[int]:
    """The SOP's actor columns."""
    return {min(addresses(ref.cell))[1] for ref in getattr(part, "actor_cells", [])}


def test_nothing_typed_disappears_in_generated_sop_sheets():
    rng = random.Random(20261201)
    for index in range(IN_MEMORY):
        rows, merged = generate(rng)
        assert_nothing_lost(Sheet(f"SOP {index}", rows, merged=merged), read_sop)


def test_nothing_typed_disappears_in_generated_workbooks(tmp_path):
    """The same through real files: what openpyxl writes, python-calamine reads back."""
    rng = random.Random(7)
    for index in range(THROUGH_FILES):
        rows, merged = generate(rng)
        instansi = instansi_rows() + [[None, None, text(rng)]] * rng.randint(0, 1)
        refs = [f"{cell_name(r0, c0)}:{cell_name(r1, c1)}" for r0, c0, r1, c1 in merged]
        path = write_workbook(tmp_path / f"w{index}.xlsx", {"Instansi": instansi, "SOP": [
            [None if v == "" else v for v in row] for row in rows]}, merged={"SOP": refs})
        sheets = {s.name: s for s in read_sheets(path)}
        assert_nothing_lost(sheets["SOP"], read_sop)
        assert_nothing_lost(sheets["Instansi"], lambda reader: read_instansi(reader, tmp_path))


@pytest.mark.parametrize("seed", range(3))
def test_a_generated_sheet_reads_without_a_traceback_and_with_its_steps(seed):
    rows, merged = generate(random.Random(seed))
    findings = Findings()
    sop = read_sop(SheetReader(Sheet("SOP", rows, merged=merged), findings))
    numbered = [r for r in rows if isinstance(r[0], float)]
    assert len(sop.steps) >= len(numbered)  # no activity dropped, blank rows or not
