"""Stage 6 (optional): PDF and PNG pages through LibreOffice and poppler.

LibreOffice converts many files in one run, so a batch of documents costs one start of the
converter per worker, not one per file. Each worker has its own LibreOffice profile folder,
because two LibreOffice processes sharing a profile wait on each other or fail.
"""
from __future__ import annotations

import ntpath
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .errors import ConversionError
from .write import atomic_path

INSTALL_HINT = ("LibreOffice tidak ditemukan, jadi PDF tidak dapat dibuat. Pasang LibreOffice "
                "(Windows/macOS: unduh dari libreoffice.org; Debian/Ubuntu: sudo apt-get install "
                "libreoffice-writer), lalu jalankan lagi; bila terpasang di folder lain, isi variabel "
                "SOPDOCS_SOFFICE dengan lokasi soffice.exe. Dokumen Word (.docx) tetap dibuat.")
POPPLER_HINT = ("pdftoppm (poppler) tidak ditemukan, jadi halaman tidak dapat diubah menjadi gambar PNG. "
                "Pasang poppler (Debian/Ubuntu: sudo apt-get install poppler-utils).")
CONVERT_TIMEOUT = 600
SOFFICE_VARIABLE = "SOPDOCS_SOFFICE"  # the full path of soffice, where it is installed somewhere unusual


def soffice() -> str | None:
    """The LibreOffice executable, or None when it is not installed: $SOPDOCS_SOFFICE, then PATH,
    then where the installers put it (on Windows both Program Files folders and the registry)."""
    named = os.environ.get(SOFFICE_VARIABLE)
    if named:
        return named if os.path.isfile(named) else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return next((place for place in _install_places() if os.path.isfile(place)), None)


def _install_places() -> list[str]:
    if sys.platform == "win32":
        folders = dict.fromkeys([os.environ.get("ProgramW6432"), os.environ.get("ProgramFiles"),
                                 os.environ.get("ProgramFiles(x86)"), r"C:\Program Files", r"C:\Program Files (x86)"])
        return [ntpath.join(folder, "LibreOffice", "program", "soffice.exe") for folder in folders if folder] \
            + _registry_places()
    if sys.platform == "darwin":
        return ["/Applications/LibreOffice.app/Contents/MacOS/soffice"]
    return []


def _registry_places() -> list[str]:
    """Where the Windows registry says LibreOffice is (a custom install folder, too)."""
    try:
        import winreg
    except ImportError:
        return []
    places = []
    for root in (winreg.HKEY_LOCAL_MACHINE, winreg.HKEY_CURRENT_USER):
        for key in (r"SOFTWARE\LibreOffice\UNO\InstallPath", r"SOFTWARE\WOW6432Node\LibreOffice\UNO\InstallPath"):
            try:
                with winreg.OpenKey(root, key) as opened:
                    folder, _ = winreg.QueryValueEx(opened, "")  # the default value: the program folder
            except OSError:
                continue
            places.append(ntpath.join(folder, "soffice.exe"))
    return places


def to_pdf(documents: list[Path], jobs: int = 1) -> dict[Path, Path | ConversionError]:
    """Convert each .docx to a .pdf beside it; returns the PDF (or the error) for each document.

    The documents are split into `jobs` batches, one LibreOffice process each.
    """
    program = soffice()
    if program is None:
        raise ConversionError(INSTALL_HINT)
    jobs = max(1, min(jobs, len(documents)))
    batches = [documents[i::jobs] for i in range(jobs)]
    results: dict[Path, Path | ConversionError] = {}
    with ThreadPoolExecutor(jobs) as pool:
        for batch_result in pool.map(lambda batch: _convert_batch(program, batch), batches):
            results.update(batch_result)
    return results


def _convert_batch(program: str, documents: list[Path]) -> dict[Path, Path | ConversionError]:
    """Convert documents in one LibreOffice run. Each is copied in under a number first, because
    LibreOffice names its output after the file alone: two `01 Surat Masuk.docx` of different
    SKPDs would otherwise overwrite each other's PDF."""
    if not documents:
        return {}
    with tempfile.TemporaryDirectory(prefix="sopdocs-lo-") as work:
        work_dir = Path(work)
        copies = [work_dir / f"{number}.docx" for number in range(len(documents))]
        for doc, copy in zip(documents, copies):
            shutil.copyfile(doc, copy)
        profile = (work_dir / "profile").as_uri()
        command = [program, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                   "--convert-to", "pdf", "--outdir", str(work_dir), *map(str, copies)]
        try:
            subprocess.run(command, capture_output=True, timeout=CONVERT_TIMEOUT, check=False)
        except subprocess.TimeoutExpired:
            error = ConversionError("LibreOffice tidak selesai mengubah ke PDF dalam 10 menit.")
            return {doc: error for doc in documents}
        results: dict[Path, Path | ConversionError] = {}
        for doc, copy in zip(documents, copies):
            made = copy.with_suffix(".pdf")
            if not made.exists():
                results[doc] = ConversionError(f"LibreOffice gagal mengubah {doc.name} menjadi PDF.")
                continue
            target = doc.with_suffix(".pdf")
            with atomic_path(target) as tmp:
                shutil.move(str(made), tmp)
            results[doc] = target
    return results


def to_png(pdf: Path, out_dir: Path, resolution: int = 60) -> list[Path]:
    """Render every page of a PDF to `out_dir/<name>-<page>.png`; returns the files in page order."""
    if shutil.which("pdftoppm") is None:
        raise ConversionError(POPPLER_HINT)
    out_dir.mkdir(parents=True, exist_ok=True)
    prefix = out_dir / pdf.stem
    for old in out_dir.glob(f"{pdf.stem}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-png", "-r", str(resolution), str(pdf), str(prefix)], check=True,
                   capture_output=True, timeout=CONVERT_TIMEOUT)
    return sorted(out_dir.glob(f"{pdf.stem}-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
