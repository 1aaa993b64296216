"""Benchmark: the write floor of .docx books, the CPU it takes just to write them.

    python benchmarks/bench_floor.py BOOK.docx|FOLDER ... [--repeat 1]

For each book, every part is first read and parsed into memory (lxml for the XML parts, bytes
for the others), outside the timing; then the timed part: every XML part serialised the way
python-docx serialises it (`etree.tostring(..., encoding="UTF-8", standalone=True)`) and the
package written as python-docx writes it (a new zip file, ZIP_DEFLATED at zlib's default level),
to a file beside the book. The sum over the books is the least a builder of the same documents
with lxml could spend on writing them: `bench_build.py` sets sopdocs' own CPU time beside it.

CPU time of this process (time.process_time), since the machine is shared.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

_PARSER = etree.XMLParser(huge_tree=True)


@dataclass
class Floor:
    books: int = 0
    seconds: float = 0.0  # CPU seconds, serialisation and zip
    serialise: float = 0.0
    document_xml: int = 0  # bytes of word/document.xml, serialised


def _is_xml(name: str) -> bool:
    return name.endswith((".xml", ".rels"))


def _parts(book: Path) -> list[tuple[str, object]]:
    """Every part of `book`, in the package's order: XML parts as lxml trees, others as bytes."""
    with zipfile.ZipFile(book) as package:
        return [(info.filename, etree.fromstring(package.read(info), _PARSER) if _is_xml(info.filename)
                 else package.read(info)) for info in package.infolist()]


def book_floor(book: Path, floor: Floor) -> None:
    """Add `book`'s write floor to `floor`."""
    parts = _parts(book)
    target = book.with_name(f".floor-{os.getpid()}-{book.name}")
    start = time.process_time()
    blobs = [(name, etree.tostring(part, encoding="UTF-8", standalone=True) if isinstance(part, etree._Element)
              else part) for name, part in parts]
    serialised = time.process_time()
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as package:
        for name, blob in blobs:
            package.writestr(name, blob)
    end = time.process_time()
    target.unlink()
    floor.books += 1
    floor.seconds += end - start
    floor.serialise += serialised - start
    floor.document_xml += sum(len(blob) for name, blob in blobs if name == "word/document.xml")


def write_floor(books) -> Floor:
    """The write floor of `books` (.docx paths)."""
    floor = Floor()
    for book in books:
        book_floor(Path(book), floor)
    return floor


def _books(arguments: list[str]) -> list[Path]:
    found = []
    for argument in map(Path, arguments):
        found += sorted(argument.rglob("*.docx")) if argument.is_dir() else [argument]
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("books", nargs="+", help=".docx files or folders holding them")
    parser.add_argument("--repeat", type=int, default=1, help="runs; the best is printed")
    args = parser.parse_args(argv)
    books = _books(args.books)
    if not books:
        raise SystemExit("no .docx found")
    best = min((write_floor(books) for _ in range(max(1, args.repeat))), key=lambda f: f.seconds)
    print(f"write floor of {best.books} books ({best.document_xml / 1e6:.1f} MB of document.xml): "
          f"{best.seconds:.2f} CPU-s (serialisation {best.serialise:.2f}, zip {best.seconds - best.serialise:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
