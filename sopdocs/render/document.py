"""A Word document built with python-docx, with our WordprocessingML fragments in its body."""
from __future__ import annotations

import docx
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Mm

from ..layout import PAPER_MM, PageSetup, layout_flowchart
from ..model import Dokumen
from .flowchart import cell_styles, flowchart_xml
from .ooxml import add_styles, default_paragraph_style, parse
from .shapes import ShapeWriter


LANGUAGE = "id-ID"


def new_document() -> docx.Document:
    """An empty document laid out by Word 2013+ rules (compatibility mode 15), which place a
    table's border on the margin, as the layout assumes; its text is Indonesian, so Word checks
    the spelling as Indonesian."""
    document = docx.Document()
    for setting in document.settings.element.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")
    for language in document.styles.element.iter(qn("w:lang")):
        language.set(qn("w:val"), LANGUAGE)
    # python-docx's blank document carries Word 2010's stylesWithEffects, a copy of the styles
    # that no longer matches them once we add ours; Word reads styles.xml without it.
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            document.part.drop_rel(rel_id)
    return document


def set_landscape(section, setup: PageSetup) -> None:
    short, long = PAPER_MM[setup.paper]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(long), Mm(short)
    section.top_margin, section.bottom_margin = Mm(setup.margin_top_mm), Mm(setup.margin_bottom_mm)
    section.left_margin, section.right_margin = Mm(setup.margin_left_mm), Mm(setup.margin_right_mm)
    section.header_distance, section.footer_distance = Mm(8), Mm(8)


def append_xml(document: docx.Document, fragment: str) -> None:
    """Append body elements before the document's final section properties."""
    body = document.element.body
    sect_pr = body.find(qn("w:sectPr"))
    for element in parse(fragment):
        sect_pr.addprevious(element)


def flowchart_document(dokumen: Dokumen, setup: PageSetup = PageSetup()) -> docx.Document:
    """A document with the flowchart table of every SOP of the workbook, each from a new page."""
    document = new_document()
    set_landscape(document.sections[0], setup)
    writer = ShapeWriter(setup.font_name)
    layouts = [layout_flowchart(sop, setup) for sop in dokumen.sops]
    styles = document.styles.element
    add_styles(styles, cell_styles(layouts, default_paragraph_style(styles)))
    fragments = [flowchart_xml(layout, writer, break_before=i > 0) for i, layout in enumerate(layouts)]
    append_xml(document, "".join(fragments))
    return document
