"""Shared helpers: build small workbooks of the default layout (WORKBOOK.md) with openpyxl.

A workbook is described as {sheet name: rows}, each row a list of cell values (None = empty).
`instansi_rows()` and `sop_rows()` give filled-in defaults that tests change where they care.
"""
from __future__ import annotations

import contextlib
import dataclasses
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from sopdocs.cli import main
from sopdocs.pipeline import check_workbook
from sopdocs.plugins import Plugins
from sopdocs.testing import write_workbook  # noqa: F401  (the tests import it from here too)

ROOT = Path(__file__).resolve().parent.parent
SOFFICE = shutil.which("soffice")
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) tidak terpasang")

ACTORS = ["Pemohon", "Petugas Loket", "Kasi Pelayanan", "Kadis"]
TABLE_TAIL = ["Kelengkapan", "Waktu", "Output", "Keterangan", "Jika Ya", "Jika Tidak"]

# The example of WORKBOOK.md: (kegiatan, marks per actor, kelengkapan, waktu, output, ket, ya, tidak)
STEPS = [
    ["Mengajukan permohonan KTP-el", ["x", None, None, None], "Formulir F-1.07", "5 menit", "Berkas", None, None, None],
    ["Memeriksa kelengkapan berkas", [None, "x", None, None], "Berkas", "10 menit", "Berkas lengkap", None, None,
     "Tidak lengkap: 1"],
    ["Memverifikasi data", [None, None, "x", None], "Berkas lengkap", "15 menit", "Data valid", None, None, None],
    ["Menandatangani", [None, None, None, "x"], "Konsep", "1 hari", "KTP-el", None, None, None],
    ["Menerima KTP-el", ["x", None, None, None], "KTP-el", "5 menit", "KTP-el", None, None, None],
]


def instansi_rows(**changes) -> list[list]:
    """The Instansi sheet; `changes` replace values by label (None drops the row)."""
    values = {
        "Pemerintah": "PEMERINTAH KABUPATEN BENER MERIAH",
        "Perangkat Daerah": "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL",
        "Singkatan": "DISDUKCAPIL",
        "Alamat": "Jl. Lintas Takengon, Redelong",
        "Tahun": 2024,
        "Jabatan Pimpinan": "KEPALA DINAS",
        "Nama Pimpinan": "Drs. AMIR HUSIN",
        "Pangkat Pimpinan": "Pembina Utama Muda",
        "NIP Pimpinan": "196801011990031001",
    }
    values.update(changes)
    return [[label, value] for label, value in values.items() if value is not None]


def identity_rows(**changes) -> list[list]:
    """The top part of an SOP sheet; `changes` replace values by label (None drops the row)."""
    values = {
        "Nomor SOP": "800/01/DUKCAPIL/2024",
        "Nama SOP": "Pelayanan Penerbitan KTP-el",
        "Unit Kerja": "Bidang Pelayanan Pendaftaran Penduduk",
        "Tanggal Pembuatan": "2 Januari 2024",
        "Tanggal Revisi": "-",
        "Tanggal Efektif": "2024-01-15",
        "Dasar Hukum": "1. Undang-Undang Nomor 24 Tahun 2013",
        "Kualifikasi Pelaksana": "Memahami administrasi kependudukan",
        "Peralatan/Perlengkapan": "Komputer",
    }
    values.update(changes)
    return [[label, value] for label, value in values.items() if value is not None]


def table_rows(steps=None, actors=None, tail=None) -> list[list]:
    """The activity table: header row and one row per step (in the layout of STEPS)."""
    actors = ACTORS if actors is None else actors
    tail = TABLE_TAIL if tail is None else tail
    rows = [["No", "Kegiatan", *actors, *tail]]
    for number, (kegiatan, marks, *rest) in enumerate(STEPS if steps is None else steps, 1):
        rows.append([number, kegiatan, *marks, *rest[:len(tail)]])
    return rows


def sop_rows(steps=None, actors=None, **changes) -> list[list]:
    """A whole SOP sheet: identity rows, an empty row, the activity table."""
    return [*identity_rows(**changes), [], *table_rows(steps, actors)]


def sp_rows(**changes) -> list[list]:
    values = {
        "Jenis Pelayanan": "Penerbitan KTP-el",
        "Persyaratan": "1. Fotokopi KK\n2. Surat pengantar",
        "Sistem, Mekanisme, dan Prosedur": "SOP: Pelayanan Penerbitan KTP-el",
        "Jangka Waktu Pelayanan": "2 hari",
        "Biaya/Tarif": "Tidak dipungut biaya",
        "Produk Pelayanan": "KTP-el",
        "Penanganan Pengaduan, Saran, dan Masukan": "Kotak saran",
    }
    values.update(changes)
    return [[label, value] for label, value in values.items() if value is not None]


@pytest.fixture
def build(tmp_path):
    """build(sheets=None, name="dinas.xlsx", **write_workbook options) -> path of the workbook.

    Without `sheets`: a good workbook with Instansi, one SOP and one SP.
    """

    def _build(sheets=None, name="dinas.xlsx", **options) -> Path:
        if sheets is None:
            sheets = {"Instansi": instansi_rows(), "SOP 01": sop_rows(), "SP 01": sp_rows()}
        return write_workbook(tmp_path / name, sheets, **options)

    return _build


def check(path: Path):
    """check_workbook, for tests."""
    return check_workbook(path, Plugins())


def at(findings, sheet: str, cell: str, level: str | None = None) -> list:
    """The findings at one cell (of one level when given)."""
    return [f for f in findings if f.sheet == sheet and f.cell == cell and level in (None, f.level)]


def only(findings, sheet: str, cell: str, level: str):
    """The single finding of `level` at `sheet!cell`; fails listing every finding otherwise."""
    found = at(findings, sheet, cell, level)
    assert len(found) == 1, "\n".join(map(str, findings)) or "no findings"
    return found[0]


def model_dict(doc) -> dict:
    """A Dokumen as plain data, without the parts that depend on where the file is."""
    data = dataclasses.asdict(doc)
    data.pop("path")
    for sp in data["layanan"]:
        sp["sop"] = sp["sop"] and sp["sop"]["nama"]
    return data


def soffice_convert(source: Path, outdir: Path) -> Path:
    """The workbook as LibreOffice Calc saves it (xlsx in, xlsx out)."""
    outdir.mkdir(parents=True, exist_ok=True)
    profile = outdir.parent / "lo-profile"
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "xlsx",
                    "--outdir", str(outdir), str(source)], check=True, capture_output=True, timeout=180)
    converted = outdir / source.name
    assert converted.is_file()
    return converted


@dataclasses.dataclass
class CliRun:
    """What a run of the command did: its exit code and what it printed on stdout and stderr."""

    returncode: int
    stdout: str
    stderr: str


def run_cli(*args, env: dict | None = None, cwd: Path = ROOT) -> CliRun:
    """`sopdocs ARGS` as a user types it, run in this process by click's CliRunner (a new
    interpreter costs a second a run). Never a traceback: an exception the command lets out fails
    the test with its own traceback."""
    with contextlib.chdir(cwd):
        result = CliRunner().invoke(main, [str(a) for a in args], env=env, prog_name="sopdocs")
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    run = CliRun(result.exit_code, result.stdout, result.stderr)
    assert "Traceback" not in run.stdout + run.stderr, run.stdout + run.stderr
    return run


def run_process(*args, env: dict | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    """`python -m sopdocs ARGS` in a new process, for the tests where a real process is the point."""
    return subprocess.run([sys.executable, "-m", "sopdocs", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, env=env, cwd=ROOT)
