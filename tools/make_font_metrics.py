"""Regenerate sopdocs/data/arial-metrics.json: advance widths of Liberation Sans (metric-compatible
with Arial, which the documents use) for the characters Indonesian documents contain.

Run: python tools/make_font_metrics.py  (needs fonttools and Debian's fonts-liberation)
"""
import json
from pathlib import Path

from fontTools.ttLib import TTFont

FONTS = {
    "regular": "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "bold": "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
}
CHARS = [chr(c) for c in [*range(32, 127), *range(160, 0x250)]] + list("‐‑‒–—―‘’‚“”„•…′″‹›€™√✓✔☑×÷−≤≥°№")
OUT = Path(__file__).resolve().parent.parent / "sopdocs" / "data" / "arial-metrics.json"


def advance_widths(path: str) -> dict[str, int]:
    font = TTFont(path)
    scale = 1000 / font["head"].unitsPerEm
    cmap, hmtx = font.getBestCmap(), font["hmtx"]
    return {ch: round(hmtx[cmap[ord(ch)]][0] * scale) for ch in CHARS if ord(ch) in cmap}


def main() -> None:
    data = {"font": "Arial (metrics of Liberation Sans, metric-compatible)", "units_per_em": 1000}
    for style, path in FONTS.items():
        widths = advance_widths(path)
        data[style] = {"chars": "".join(widths), "widths": list(widths.values())}
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


if __name__ == "__main__":
    main()
