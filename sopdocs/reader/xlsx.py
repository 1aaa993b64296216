"""Low-level access to an .xlsx file: sheets as grids of values, and what the grid cannot show.

Values come from python-calamine (a Rust reader, many times faster than openpyxl on whole
regions). The package structure (hidden sheets, formulas without saved values, images on a
sheet) is read straight from the zip, which every Excel, LibreOffice and WPS file shares.
"""
from __future__ import annotations

import functools
import io
import posixpath
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import python_calamine
from lxml import etree

from ..errors import WorkbookError

NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_MARK = "EncryptionInfo".encode("utf-16-le")
CELL_XML = re.compile(rb"<(?:\w+:)?c\b([^>]*)(?<!/)>(.*?)</(?:\w+:)?c>", re.S)  # a cell with content, not <c .../>
# Every formula closes with `</f>` (a shared formula's first cell too) except a data table's,
# which Excel writes with its values: one search for `f>` finds the sheets with formulas.
FORMULA_END = b"f>"
FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[\s>/]")
VALUE_TAG = re.compile(rb"<(?:\w+:)?v>[^<]")
DAMAGED = ("File rusak atau terpotong (isinya tidak lengkap); buka di Excel dan simpan ulang, "
           "atau salin lagi dari sumbernya.")
CELL_REF = re.compile(rb'\br="([A-Z]+[0-9]+)"')
ERROR_TYPE = re.compile(rb'\bt="e"')
VALUE = re.compile(rb"<(?:\w+:)?v>([^<]*)<")
LOCAL_HEADER = struct.Struct("<4s22xHH")  # a zip entry's signature, then its name and extra field lengths


@functools.lru_cache(maxsize=None)  # a sheet has at most 16,384 columns
def column_letter(index: int) -> str:
    """0-based column index to its Excel letters: 0 -> A, 27 -> AB."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def cell_name(row: int, col: int) -> str:
    """0-based row and column to an A1 name."""
    return f"{column_letter(col)}{row + 1}"


@dataclass
class Sheet:
    name: str
    rows: list[list] = field(default_factory=list)
    hidden: bool = False
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # r0, c0, r1, c1
    formulas_without_value: list[str] = field(default_factory=list)
    error_values: dict[str, str] = field(default_factory=dict)  # cell -> "#N/A": read as empty
    images: list[bytes] = field(default_factory=list)

    def value(self, row: int, col: int):
        """The value at a 0-based position; '' outside the used area."""
        try:
            return self.rows[row][col]
        except IndexError:
            return ""


def read_sheets(path: str | Path) -> list[Sheet]:
    """Every worksheet of the workbook in tab order, or WorkbookError saying why not."""
    path = Path(path)
    data = _read_container(path)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:  # from memory: no file reads per part
            sheets = _structure(package, data)
        book = python_calamine.CalamineWorkbook.from_path(str(path))
        for sheet in sheets:
            grid = book.get_sheet_by_name(sheet.name)
            sheet.rows = grid.to_python(skip_empty_area=False)
            sheet.merged = [(r0, c0, r1, c1) for (r0, c0), (r1, c1) in grid.merged_cell_ranges or []]
        book.close()
    except WorkbookError:
        raise
    except (zipfile.BadZipFile, zlib.error, struct.error, KeyError, EOFError, etree.XMLSyntaxError, OSError,
            ValueError) as exc:
        raise WorkbookError(f"{DAMAGED} ({type(exc).__name__})") from None
    except (python_calamine.XmlError, python_calamine.ZipError) as exc:  # a sheet part damaged (its CRC checked here)
        raise WorkbookError(f"{DAMAGED} ({type(exc).__name__})") from None
    except Exception as exc:  # calamine's other errors
        raise WorkbookError(
            "File tidak dapat dibaca sebagai workbook Excel (mungkin rusak); buka di Excel dan simpan ulang "
            f"sebagai .xlsx. Rincian teknis: {exc}"
        ) from None
    return sheets


def _read_container(path: Path) -> bytes:
    """The file's content, once it is known to be a zip package."""
    if not path.exists():
        raise WorkbookError("File tidak ditemukan; periksa nama dan foldernya.")
    if path.is_dir():
        raise WorkbookError("Ini sebuah folder, bukan file workbook.")
    data = path.read_bytes()
    if not data:
        raise WorkbookError("File kosong (0 byte); salin ulang workbook yang benar.")
    if data.startswith(OLE_MAGIC):
        if ENCRYPTED_MARK in data:
            raise WorkbookError(
                "Workbook dilindungi kata sandi; buka di Excel, hapus kata sandinya "
                "(File > Info > Protect Workbook > Encrypt with Password, kosongkan), lalu simpan ulang."
            )
        raise WorkbookError(
            "Ini file Excel lama (.xls); buka di Excel atau LibreOffice lalu simpan sebagai "
            "\"Excel Workbook (.xlsx)\"."
        )
    if not zipfile.is_zipfile(io.BytesIO(data)):
        if data.startswith(b"PK"):  # a zip whose end is missing: a copy cut short
            raise WorkbookError(DAMAGED)
        raise WorkbookError(
            "Ini bukan file Excel .xlsx (isinya bukan workbook); simpan workbook sebagai "
            "\"Excel Workbook (.xlsx)\"."
        )
    return data


def _structure(package: zipfile.ZipFile, data: bytes) -> list[Sheet]:
    names = set(package.namelist())
    if "xl/workbook.xml" not in names:
        raise WorkbookError(
            "File ini arsip zip tetapi bukan workbook Excel (tidak ada xl/workbook.xml); "
            "simpan workbook sebagai \"Excel Workbook (.xlsx)\"."
        )
    targets = _relationships(package, "xl/workbook.xml")
    workbook = etree.fromstring(package.read("xl/workbook.xml"))
    sheets = []
    for node in workbook.iter(f"{{{NS_MAIN}}}sheet"):
        part = targets.get(node.get(f"{{{NS_REL}}}id"), "")
        if part not in names:  # listed in the workbook, but its content is missing from the package
            raise WorkbookError(f"{DAMAGED} (isi sheet \"{node.get('name')}\" tidak ada di dalam file)")
        xml = _inflated(package, data, part)
        sheet = Sheet(node.get("name"), hidden=node.get("state", "visible") != "visible")
        # `in` finds a literal many times faster than the regexes; they run only when it may match.
        if FORMULA_END in xml and FORMULA_TAG.search(xml):
            sheet.formulas_without_value = _formulas_without_value(xml)
        if b"#" in xml and ERROR_TYPE.search(xml):  # every error value starts with #: #N/A, #DIV/0!, ...
            sheet.error_values = _error_values(xml)
        if _relationships_part(part) in names:  # a picture is placed through the sheet's relationships
            sheet.images = _images(package, part, names)
        sheets.append(sheet)
    if not sheets:
        raise WorkbookError("Workbook tidak berisi satu lembar kerja (sheet) pun.")
    return sheets


def _inflated(package: zipfile.ZipFile, data: bytes, part: str) -> bytes:
    """A part's content, inflated straight from the package's bytes (`data`). zipfile's reader
    costs more than the inflating itself for a region's thousands of small sheets. The size is
    checked here; the CRC, when python-calamine reads the same sheet right after (a mismatch
    is its XmlError). Parts zipfile must decrypt or decompress otherwise are read by zipfile."""
    info = package.getinfo(part)
    if info.compress_type != zipfile.ZIP_DEFLATED or info.flag_bits & 1:
        return package.read(part)
    signature, name_length, extra_length = LOCAL_HEADER.unpack_from(data, info.header_offset)
    if signature != b"PK\x03\x04":
        raise zipfile.BadZipFile(f"no entry header for {part}")
    start = info.header_offset + LOCAL_HEADER.size + name_length + extra_length
    content = zlib.decompress(memoryview(data)[start:start + info.compress_size], -zlib.MAX_WBITS)
    if len(content) != info.file_size:
        raise zipfile.BadZipFile(f"bad size of {part}")
    return content


def _relationships_part(part: str) -> str:
    """`xl/worksheets/sheet1.xml` -> `xl/worksheets/_rels/sheet1.xml.rels`."""
    folder, _, name = part.rpartition("/")
    return f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels"


def _relationships(package: zipfile.ZipFile, part: str) -> dict[str, str]:
    """Relationship id -> target part name, for one part."""
    try:
        root = etree.fromstring(package.read(_relationships_part(part)))
    except KeyError:
        return {}
    base = posixpath.dirname(part)
    out = {}
    for rel in root.iter(f"{{{NS_PKG_REL}}}Relationship"):
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External":
            continue
        full = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(base, target))
        out[rel.get("Id")] = full
    return out


def _formulas_without_value(data: bytes) -> list[str]:
    cells = []
    for attrs, body in CELL_XML.findall(data):
        if FORMULA_TAG.search(body) and not VALUE_TAG.search(body):
            ref = CELL_REF.search(attrs)
            if ref:
                cells.append(ref.group(1).decode())
    return cells


def _error_values(data: bytes) -> dict[str, str]:
    """Cells showing an Excel error (#N/A, #DIV/0!, ...), which read as empty."""
    errors = {}
    for attrs, body in CELL_XML.findall(data):
        ref, value = CELL_REF.search(attrs), VALUE.search(body)
        if ERROR_TYPE.search(attrs) and ref:
            errors[ref.group(1).decode()] = value.group(1).decode() if value else "#N/A"
    return errors


def _images(package: zipfile.ZipFile, sheet_part: str, names: set[str]) -> list[bytes]:
    """The pictures placed on a sheet, in drawing order."""
    images = []
    for drawing in _relationships(package, sheet_part).values():
        if "/drawings/" not in drawing or drawing not in names:
            continue
        for media in _relationships(package, drawing).values():
            if "/media/" in media and media in names:
                images.append(package.read(media))
    return images
