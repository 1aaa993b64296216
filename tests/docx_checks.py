"""The package faults that make Word refuse or "repair" a .docx although LibreOffice opens it."""
from __future__ import annotations

import posixpath
import re
import zipfile
from collections import Counter

from lxml import etree

CONTENT_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
PACKAGE_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
OFFICE_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
DRAWING_ID = re.compile(rb'<wp:docPr\b[^>]*\bid="(\d+)"')


def package_problems(path) -> list[str]:
    """Every part typed, every relationship target present, every r:id used in a part defined by
    that part's relationships, and drawing ids unique in each part."""
    problems = []
    with zipfile.ZipFile(path) as package:
        names = set(package.namelist())
        types = etree.fromstring(package.read("[Content_Types].xml"))
        extensions = {d.get("Extension").lower() for d in types.iter(CONTENT_TYPES + "Default")}
        overridden = {o.get("PartName").lstrip("/") for o in types.iter(CONTENT_TYPES + "Override")}
        for name in names - {"[Content_Types].xml"}:
            if name not in overridden and name.rsplit(".", 1)[-1].lower() not in extensions:
                problems.append(f"{name}: no content type")
        for rels in (n for n in names if n.endswith(".rels")):
            problems += _relationship_problems(package, names, rels)
        for name in (n for n in names if n.startswith("word/") and n.endswith(".xml")):
            repeated = [i for i, n in Counter(DRAWING_ID.findall(package.read(name))).items() if n > 1]
            if repeated:
                problems.append(f"{name}: drawing ids used twice: {sorted(map(int, repeated))[:5]}")
    return problems


def _relationship_problems(package, names: set[str], rels: str) -> list[str]:
    folder = posixpath.dirname(posixpath.dirname(rels))
    owner = posixpath.join(folder, posixpath.basename(rels)[: -len(".rels")])
    defined = set()
    problems = []
    for rel in etree.fromstring(package.read(rels)).iter(PACKAGE_RELS + "Relationship"):
        defined.add(rel.get("Id"))
        target = rel.get("Target")
        if rel.get("TargetMode") == "External":
            continue
        part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        if part not in names:
            problems.append(f"{rels}: target {target} is missing")
    if owner in names and owner.endswith(".xml"):
        for element in etree.fromstring(package.read(owner)).iter():
            for key, value in element.attrib.items():
                if key.startswith("{%s}" % OFFICE_RELS) and value not in defined:
                    problems.append(f"{owner}: relationship {value} is not defined")
    return problems
