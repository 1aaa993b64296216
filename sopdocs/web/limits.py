"""What an upload may be, and how it lands in a job's folder.

Only workbooks (.xlsx) and .zip archives of workbooks are taken, judged by their content and not
by their name. A .zip is unpacked entry by entry: only workbooks and the logo images they may name are
kept (never a plugin, a script or anything else the pipeline might load from beside a workbook), every name is made safe
and stays inside the job's folder, and sizes are checked before a byte is unpacked, so that an
archive that would blow up to gigabytes is refused (a workbook is itself a zip, so it gets the
same check).
"""
from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..pipeline.naming import safe_file_name
from ..reader.sheets import IMAGE_SIGNATURES

MB = 1024 * 1024
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # old .xls, and password-protected .xlsx
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".bmp")  # logos named in an Instansi sheet


@dataclass(frozen=True)
class Limits:
    file_size: int = 20 * MB  # one uploaded file
    request_size: int = 60 * MB  # one whole upload (all files of a form)
    files: int = 50  # files in one upload, and workbooks in one job
    zip_entries: int = 2000  # entries of one archive (a workbook has ~20)
    unpacked_size: int = 200 * MB  # what one archive unpacks to
    ratio: int = 100  # unpacked / packed size of an archive


class Refused(Exception):
    """An upload that is not taken; the message says why, in Bahasa Indonesia."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


def store_uploads(uploads: list[tuple[str, bytes]], folder: Path, limits: Limits) -> list[Path]:
    """Put each (file name, content) uploaded into `folder`, unpacking archives; returns the
    workbooks. Raises Refused, naming the file, for anything that is not taken."""
    if not uploads:
        raise Refused("Belum ada file yang dipilih. Pilih satu atau beberapa workbook .xlsx, atau satu .zip.")
    if len(uploads) > limits.files:
        raise Refused(f"Terlalu banyak file sekaligus ({len(uploads)}); paling banyak {limits.files}.")
    folder.mkdir(parents=True, exist_ok=True)
    workbooks: list[Path] = []
    for name, content in uploads:
        if len(content) > limits.file_size:
            raise Refused(f"File {name} terlalu besar ({len(content) / MB:.1f} MB); paling besar "
                          f"{limits.file_size // MB} MB per file.", 413)
        kind = content_kind(name, content, limits)
        if kind == "xlsx":
            workbooks.append(_write(folder, [safe_file_name(Path(name).name)], content))
        else:
            workbooks.extend(_unpack(name, content, folder, limits))
        if len(workbooks) > limits.files:
            raise Refused(f"Terlalu banyak workbook ({len(workbooks)}); paling banyak {limits.files} sekaligus.")
    if not workbooks:
        raise Refused("Tidak ada workbook .xlsx di file yang diunggah.")
    return workbooks


def content_kind(name: str, content: bytes, limits: Limits) -> str:
    """"xlsx" or "zip", from what the file holds; refuses a file whose content is neither, or is
    not what its name says."""
    suffix = Path(name).suffix.lower()
    if suffix not in (".xlsx", ".zip"):
        raise Refused(f"File {name} tidak diterima: hanya workbook Excel (.xlsx) atau arsip .zip berisi workbook.")
    if content.startswith(OLE_MAGIC):
        raise Refused(f"File {name} bukan .xlsx biasa: mungkin format .xls lama atau dikunci kata sandi. "
                      "Buka di Excel, hapus kata sandinya bila ada, lalu simpan sebagai Excel Workbook (.xlsx).")
    archive = _archive(name, content)
    if archive is None:
        raise Refused(f"File {name} bukan workbook Excel (.xlsx) maupun arsip .zip yang sebenarnya, walaupun "
                      "namanya berakhiran " + suffix + ".")
    with archive:
        check_archive(name, archive, len(content), limits)
        is_workbook = "xl/workbook.xml" in archive.namelist()
    if suffix == ".xlsx" and not is_workbook:
        raise Refused(f"File {name} bukan workbook Excel (.xlsx) yang sebenarnya; simpan ulang dari Excel sebagai "
                      "Excel Workbook (.xlsx).")
    if suffix == ".zip" and is_workbook:
        raise Refused(f"File {name} adalah workbook Excel yang diberi nama .zip; ganti namanya menjadi .xlsx.")
    return suffix[1:]


def check_archive(name: str, archive: zipfile.ZipFile, packed: int, limits: Limits) -> None:
    """Refuse an archive with too many entries, or that unpacks to too much (a zip bomb)."""
    entries = archive.infolist()
    if len(entries) > limits.zip_entries:
        raise Refused(f"Arsip {name} berisi terlalu banyak file ({len(entries)}); paling banyak {limits.zip_entries}.")
    unpacked = sum(entry.file_size for entry in entries)
    if unpacked > limits.unpacked_size:
        raise Refused(f"Arsip {name} terlalu besar setelah dibuka ({unpacked / MB:.0f} MB); paling besar "
                      f"{limits.unpacked_size // MB} MB.", 413)
    if unpacked > limits.ratio * max(packed, 1) and unpacked > MB:
        raise Refused(f"Arsip {name} tidak wajar: isinya {unpacked // max(packed, 1)} kali ukuran arsipnya "
                      f"(paling banyak {limits.ratio} kali). File seperti ini tidak diproses.", 413)


def safe_parts(entry_name: str) -> list[str] | None:
    """The folders and file name of a zip entry as safe names inside the job's folder, or None when
    the name tries to leave it (absolute, a drive, `..`)."""
    name = entry_name.replace("\\", "/")
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        return None
    normal = posixpath.normpath(name)
    if normal == ".." or normal.startswith("../"):
        return None
    parts = [part for part in PurePosixPath(normal).parts if part not in ("", ".")]
    return [safe_file_name(part) for part in parts] or None


def _archive(name: str, content: bytes) -> zipfile.ZipFile | None:
    if not zipfile.is_zipfile(io.BytesIO(content)):
        return None
    try:
        return zipfile.ZipFile(io.BytesIO(content))
    except zipfile.BadZipFile:
        return None


def _unpack(name: str, content: bytes, folder: Path, limits: Limits) -> list[Path]:
    """The workbooks of an archive, written under `folder/<archive name>/` with their folders (and
    the images beside them, for the logos their Instansi sheets name)."""
    base = safe_file_name(Path(name).stem)
    workbooks = []
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        for entry in archive.infolist():
            parts = safe_parts(entry.filename)
            if parts is None:
                raise Refused(f"Arsip {name} berisi nama file yang menunjuk ke luar foldernya ({entry.filename}); "
                              "arsip ini tidak diproses.")
            if entry.is_dir() or parts[-1].startswith(("~$", ".~lock", "._")) or "__MACOSX" in parts:
                continue  # folders come with their files; Excel's lock files, macOS's resource copies
            suffix = Path(parts[-1]).suffix.lower()
            if suffix == ".xlsx":
                data = archive.read(entry)
                content_kind(entry.filename, data, limits)  # a workbook inside must be a real one too
                workbooks.append(_write(folder, [base, *parts], data))
            elif suffix in IMAGE_SUFFIXES:
                data = archive.read(entry)
                if data.startswith(IMAGE_SIGNATURES):
                    _write(folder, [base, *parts], data)
    return workbooks


def _write(folder: Path, parts: list[str], content: bytes) -> Path:
    """Write `content` at folder/parts..., numbering the name when it is taken; checks again that
    the place is inside `folder`."""
    target = folder.joinpath(*parts)
    number = 2
    while target.exists():
        target = target.with_stem(f"{Path(parts[-1]).stem} ({number})")
        number += 1
    if not target.resolve().is_relative_to(folder.resolve()):
        raise Refused(f"Nama file {'/'.join(parts)} tidak aman; file ini tidak diproses.")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)
    return target

