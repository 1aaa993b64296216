"""The `sopdocs` command: a thin layer over the library, speaking Bahasa Indonesia."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .findings import LEVEL_WORD
from .workbooks import check_workbook, find_workbooks

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(context_settings=CONTEXT)
@click.version_option(package_name="sopdocs", message="sopdocs %(version)s")
def main() -> None:
    """sopdocs: mengubah workbook Excel SOP Administrasi Pemerintahan dan Standar Pelayanan
    menjadi dokumen Word resmi (buku SOP dengan flowchart yang bisa disunting).

    \b
    Langkah biasa:
      sopdocs init sop-dinas.xlsx     buat workbook kosong beserta contoh
      sopdocs check sop-dinas.xlsx    periksa isian, sel demi sel
    """


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--timpa", is_flag=True, help="Timpa file yang sudah ada.")
def init(file: Path, timpa: bool) -> None:
    """Buat workbook kosong FILE.xlsx: petunjuk pengisian, sheet Instansi, dan contoh SOP serta
    Standar Pelayanan yang sudah terisi."""
    from .template import write_template

    if file.suffix.lower() != ".xlsx":
        raise click.ClickException("Nama file harus berakhiran .xlsx, misalnya sop-dinas.xlsx.")
    if file.exists() and not timpa:
        raise click.ClickException(f"{file} sudah ada; pakai --timpa untuk menimpanya, atau pilih nama lain.")
    write_template(file)
    click.echo(f"Workbook dibuat: {file}\nIsi sheet Instansi dan ganti contoh SOP dengan SOP Anda, lalu "
               f"jalankan: sopdocs check {file}")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Cetak temuan dalam format JSON (untuk program lain).")
def check(paths: tuple[Path, ...], as_json: bool) -> None:
    """Periksa workbook (file atau folder berisi workbook) dan laporkan semua galat dan peringatan.

    Kode keluar 0 bila tidak ada galat (peringatan boleh), 1 bila ada workbook bergalat.
    """
    workbooks = find_workbooks(list(paths))
    if not workbooks:
        raise click.ClickException("Tidak ada workbook .xlsx di " + ", ".join(map(str, paths)) + ".")
    results = [check_workbook(path) for path in workbooks]
    if as_json:
        click.echo(json.dumps([{"workbook": str(r.path), "ok": r.ok,
                                "temuan": [f.as_dict() for f in r.findings]} for r in results],
                              ensure_ascii=False, indent=2))
    else:
        for result in results:
            _print_report(result)
        if len(results) > 1:
            bad = sum(not r.ok for r in results)
            click.echo(f"{len(results)} workbook diperiksa: {len(results) - bad} siap dibuat, {bad} bergalat.")
    sys.exit(1 if any(not r.ok for r in results) else 0)


def _print_report(result) -> None:
    click.secho(str(result.path), bold=True)
    colors = {"error": "red", "warning": "yellow", "info": None}
    for finding in result.findings:
        click.echo("  " + click.style(f"{LEVEL_WORD[finding.level]:<10}", fg=colors[finding.level]) + f" {finding}")
    errors, warnings = len(result.findings.errors), len(result.findings.warnings)
    if result.doc is None:
        verdict = "tidak dapat dibaca"
    else:
        verdict = f"{len(result.doc.sops)} SOP, {len(result.doc.layanan)} Standar Pelayanan"
    status = click.style("BERGALAT", fg="red") if errors else click.style("SIAP", fg="green")
    click.echo(f"  => {status}: {verdict}; {errors} galat, {warnings} peringatan.\n")
