"""Small pieces of WordprocessingML written as text: units, escaping, runs and paragraphs.

Fragments are built as strings (fast, and they read like the XML Word itself writes), then
parsed once with lxml inside a wrapper that declares the namespaces they use.
"""
from __future__ import annotations

from lxml import etree

NAMESPACES = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "wpg": "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
}
_DECLARATIONS = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in NAMESPACES.items())


def esc(text: str) -> str:
    """Workbook text as XML character data: always escaped, never interpreted. (A replace finds
    nothing to do at C speed; `str.translate` looks up every character.)"""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def twips(points: float) -> int:
    return round(points * 20)


def emu(points: float) -> int:
    return round(points * 12700)


def parse(fragment: str) -> list[etree._Element]:
    """Parse a run of sibling elements written with the prefixes of NAMESPACES."""
    wrapper = etree.fromstring(f"<w:body {_DECLARATIONS}>{fragment}</w:body>")
    return list(wrapper)


def add_styles(styles_element, styles: list[str]) -> None:
    """Add the w:style elements (written with the prefixes of NAMESPACES) that are not there yet."""
    w = f"{{{NAMESPACES['w']}}}"
    present = {s.get(w + "styleId") for s in styles_element.iterchildren(w + "style")}
    for style in parse("".join(styles)):
        if style.get(w + "styleId") not in present:
            styles_element.append(style)


def default_paragraph_style(styles_element) -> str | None:
    """The id of the document's default paragraph style (Normal), if it has one."""
    w = f"{{{NAMESPACES['w']}}}"
    return next((s.get(w + "styleId") for s in styles_element.iterchildren(w + "style")
                 if s.get(w + "type") == "paragraph" and s.get(w + "default") in ("1", "true")), None)


def run_props(font: str, size: float, bold: bool = False) -> str:
    half_points = round(size * 2)
    return (f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}"/>{"<w:b/><w:bCs/>" if bold else ""}'
            f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/></w:rPr>')


def text_runs(text: str, rpr: str) -> str:
    """Runs for `text`, its line breaks kept as <w:br/>."""
    if not text:
        return ""
    parts = [f'<w:t xml:space="preserve">{esc(line)}</w:t>' for line in text.split("\n")]
    return f"<w:r>{rpr}{'<w:br/>'.join(parts)}</w:r>"


def paragraph(content: str, line: float, align: str = "left", after: float = 0.0, extra_ppr: str = "",
              mark_rpr: str = "") -> str:
    """A paragraph with exact line spacing, so its height is what the layout computed."""
    return (f'<w:p><w:pPr>{extra_ppr}<w:spacing w:before="0" w:after="{twips(after)}" w:line="{twips(line)}" '
            f'w:lineRule="exact"/><w:ind w:left="0" w:right="0" w:firstLine="0"/><w:jc w:val="{align}"/>'
            f'{mark_rpr}</w:pPr>{content}</w:p>')
