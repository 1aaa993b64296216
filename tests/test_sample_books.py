"""The sample books read the same as the fixture saved before a change of how books are made:
the body's text in order (tables, page and section breaks, row heights, the Daftar Isi page
numbers) and the geometry of every drawing (tests/book_digest.py).

A change that is meant to change what the books show rewrites the fixture, from the commit
before that change and again after it, and the diff of the two is reviewed:
`python tests/test_sample_books.py` (writes tests/data/sample_books.json).
"""
from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from book_digest import digest  # noqa: E402

from sopdocs.pipeline import Options, build  # noqa: E402

ROOT = Path(__file__).parent.parent
FIXTURE = ROOT / "tests" / "data" / "sample_books.json"
SAMPLES = sorted((ROOT / "samples").glob("*.xlsx"))
PER_SOP = "kecamatan-contoh"  # the one sample whose single-SOP documents are compared too


def sample_books(sample: Path, out: Path) -> dict:
    """The digest of every book `sample` becomes, by `<sample>/<file>`."""
    [result] = build([sample], out / sample.stem, Options(jobs=1, per_sop=sample.stem == PER_SOP))
    assert result.ok, result.error
    return {f"{sample.stem}/{p.relative_to(out / sample.stem).as_posix()}":
            {"pages": result.book_pages.get(p), **digest(p)} for p in result.outputs}


def _first_difference(made, saved, where: str = "") -> str:
    if isinstance(made, dict) and isinstance(saved, dict):
        for key in sorted(set(made) | set(saved)):
            if made.get(key) != saved.get(key):
                return _first_difference(made.get(key), saved.get(key), f"{where}/{key}")
    if isinstance(made, list) and isinstance(saved, list) and len(made) == len(saved):
        for index, (a, b) in enumerate(zip(made, saved)):
            if a != b:
                return _first_difference(a, b, f"{where}[{index}]")
    now, before = (json.dumps(value, ensure_ascii=False)[:300] for value in (made, saved))
    return f"{where}: now {now}, saved {before}"


@pytest.fixture(scope="module")
def saved() -> dict:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_sample_books_read_as_saved(sample, saved, tmp_path):
    made = sample_books(sample, tmp_path)
    expected = {name: book for name, book in saved.items() if name.startswith(f"{sample.stem}/")}
    assert sorted(made) == sorted(expected)
    for name in made:
        assert made[name] == expected[name], f"{name}: {_first_difference(made[name], expected[name])}"


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        books = {name: book for sample in SAMPLES for name, book in sample_books(sample, Path(folder)).items()}
    FIXTURE.write_text(json.dumps(books, ensure_ascii=False, separators=(",", ":"), sort_keys=True), encoding="utf-8")
    print(f"{FIXTURE}: {len(books)} books")
