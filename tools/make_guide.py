"""Write docs/workbook.md, the workbook guide for staff, from sopdocs/guide.py (the source the
`Petunjuk` sheet of `sopdocs init` is made from too).

    python tools/make_guide.py
"""
from __future__ import annotations

from pathlib import Path

from sopdocs.guide import markdown
from sopdocs.write import atomic_path

TARGET = Path(__file__).resolve().parent.parent / "docs" / "workbook.md"


def main() -> None:
    with atomic_path(TARGET) as tmp:
        Path(tmp).write_text(markdown(), encoding="utf-8")
    print(f"ditulis: {TARGET}")


if __name__ == "__main__":
    main()
