"""The `sopdocs` command: a thin layer over the library, speaking Bahasa Indonesia."""
from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

import click

from . import clitext, pipeline
from .errors import PluginError
from .findings import LEVEL_WORD
from .pipeline import Event, Options, Stage
from .model import DEFAULT_PROFILE
from .plugins import Plugins

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class Command(click.Command):
    """A command whose usage line speaks Bahasa Indonesia too."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", clitext.OPTIONS_METAVAR)
        super().__init__(*args, **kwargs)


class Group(click.Group):
    command_class = Command

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", clitext.OPTIONS_METAVAR)
        kwargs.setdefault("subcommand_metavar", clitext.SUBCOMMAND_METAVAR)
        super().__init__(*args, **kwargs)

    def main(self, *args, **kwargs):
        clitext.install()  # click's own words in Bahasa Indonesia, from the moment the command runs
        return super().main(*args, **kwargs)


@click.group(cls=Group, context_settings=CONTEXT)
@click.version_option(package_name="sopdocs", message="sopdocs %(version)s", help="Tampilkan versi lalu keluar.")
@click.option("--plugins-dir", "plugin_dirs", multiple=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder plugin daerah: plugin satu file (*.py), profil (*.toml, profil/*.toml), templat/; boleh "
                   "diulang. Folder `plugins`, `profil` dan `templat` di samping workbook selalu dipakai.")
@click.option("--debug", is_flag=True, help="Tampilkan rincian teknis (traceback) bila plugin gagal.")
@click.pass_context
def main(ctx: click.Context, plugin_dirs: tuple[Path, ...], debug: bool) -> None:
    """sopdocs: mengubah workbook Excel SOP Administrasi Pemerintahan dan Standar Pelayanan
    menjadi dokumen Word resmi (buku SOP dengan flowchart yang bisa disunting).

    \b
    Langkah biasa:
      sopdocs init sop-dinas.xlsx     buat workbook kosong beserta contoh
      sopdocs check sop-dinas.xlsx    periksa isian, sel demi sel
      sopdocs build sop-dinas.xlsx    buat buku SOP dan buku Standar Pelayanan
    """
    ctx.obj = Options(plugin_dirs=plugin_dirs, debug=debug)


def _more_plugin_dirs(ctx: click.Context, _param, value: tuple[Path, ...]) -> None:
    """`sopdocs build x.xlsx --plugins-dir D`: the folders join those given before the command."""
    ctx.obj = dataclasses.replace(ctx.obj, plugin_dirs=tuple(ctx.obj.plugin_dirs) + tuple(value))


plugins_dir_option = click.option(
    "--plugins-dir", multiple=True, expose_value=False, callback=_more_plugin_dirs, metavar="FOLDER",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder plugin daerah (*.py, profil *.toml, templat/); boleh diulang.")


def _plugins(ctx: click.Context, paths) -> Plugins:
    """The plugins for these workbooks, loaded now so that a broken plugin stops the command with
    a clear message before any work."""
    try:
        return pipeline.checking.plugins_for(paths, ctx.obj)
    except PluginError as exc:
        if ctx.obj.debug:
            raise
        raise click.ClickException(str(exc)) from None


def _workbooks(paths) -> None:
    if not pipeline.find_workbooks(paths):
        raise click.ClickException("Tidak ada workbook .xlsx di " + ", ".join(map(str, paths)) + ".")


@main.command()
@click.argument("file", metavar="FILE.xlsx", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--timpa", is_flag=True, help="Timpa file yang sudah ada.")
def init(file: Path, timpa: bool) -> None:
    """Buat workbook kosong FILE.xlsx: petunjuk pengisian, sheet Instansi, dan contoh SOP serta
    Standar Pelayanan yang sudah terisi."""
    from .starter import write_template

    if file.suffix.lower() != ".xlsx":
        raise click.ClickException("Nama file harus berakhiran .xlsx, misalnya sop-dinas.xlsx.")
    if file.exists() and not timpa:
        raise click.ClickException(f"{file} sudah ada; pakai --timpa untuk menimpanya, atau pilih nama lain.")
    write_template(file)
    click.echo(f"Workbook dibuat: {file}\nIsi sheet Instansi dan ganti contoh SOP dengan SOP Anda, lalu "
               f"jalankan: sopdocs check {file}")


@main.command()
@click.argument("paths", nargs=-1, required=True, metavar="WORKBOOK_ATAU_FOLDER...", type=click.Path(path_type=Path))
@plugins_dir_option
@click.option("--json", "as_json", is_flag=True, help="Cetak temuan dalam format JSON (untuk program lain).")
@click.pass_context
def check(ctx: click.Context, paths: tuple[Path, ...], as_json: bool) -> None:
    """Periksa workbook (file atau folder berisi workbook) dan laporkan semua galat dan peringatan.

    Kode keluar 0 bila tidak ada galat (peringatan boleh), 1 bila ada workbook bergalat.
    """
    _workbooks(paths)

    def report(event: Event) -> None:  # each report printed as soon as its workbook is checked
        if not as_json:
            _print_report(event.checked)

    results = pipeline.check(paths, ctx.obj, report, _plugins(ctx, paths))
    bad = sum(not r.ok for r in results)
    if as_json:
        click.echo(json.dumps([r.as_dict() for r in results], ensure_ascii=False, indent=2))
    elif len(results) > 1:
        click.echo(f"{len(results)} workbook diperiksa: {len(results) - bad} siap dibuat, {bad} bergalat.")
    sys.exit(1 if bad else 0)


@main.command()
@click.argument("paths", nargs=-1, required=True, metavar="WORKBOOK_ATAU_FOLDER...", type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("hasil"),
              show_default=True, help="Folder tujuan dokumen.")
@click.option("--kertas", type=click.Choice(["F4", "A4"], case_sensitive=False), default=None,
              help="Ukuran kertas (bawaan: menurut profil, F4 pada profil bawaan).")
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=None,
              help="Jumlah proses paralel (bawaan: jumlah inti prosesor).")
@click.option("--per-sop", is_flag=True, help="Tulis juga setiap SOP sebagai file .docx tersendiri.")
@click.option("--publik", is_flag=True,
              help="Buku Standar Pelayanan hanya berisi enam komponen penyampaian pelayanan, untuk dipajang.")
@click.option("--pdf", "make_pdf", is_flag=True, help="Ubah juga setiap dokumen menjadi PDF (perlu LibreOffice).")
@plugins_dir_option
@click.pass_context
def build(ctx, paths, out_dir, kertas, jobs, per_sop, publik, make_pdf) -> None:
    """Buat dokumen Word dari workbook (file atau folder berisi workbook), satu buku per workbook.

    Workbook yang bergalat dilaporkan dan dilewati; yang lain tetap dibuat. Kode keluar 1 bila
    ada workbook yang gagal.
    """
    _workbooks(paths)
    options = dataclasses.replace(ctx.obj, paper=kertas.upper() if kertas else None, per_sop=per_sop,
                                  publik=publik, pdf=make_pdf, jobs=jobs)
    _check_templates(_plugins(ctx, paths))
    count = len(pipeline.find_workbooks(paths))
    with click.progressbar(length=count, label="Membuat dokumen", show_pos=True, file=sys.stderr) as bar:
        def advance(event: Event) -> None:
            if event.stage is Stage.FINISHED:
                bar.update(1)

        results = pipeline.build(paths, out_dir, options, advance)
    _print_summary(results)
    sys.exit(0 if all(r.ok for r in results) else 1)


def _print_summary(results) -> None:
    rows = [("SKPD", "SOP", "SP", "Halaman", "Status", "File")]
    for r in results:
        status = "OK" if r.ok else "GAGAL"
        books = [p.name for p in r.outputs if p.parent == r.outputs[0].parent]
        singles = len(r.outputs) - len(books)
        files = (", ".join(books) + (f" (+{singles} file per SOP)" if singles else "")) if r.ok else r.error
        counts = (str(r.sops), str(r.layanan), str(r.pages)) if r.ok else ("-", "-", "-")
        rows.append((r.skpd or r.workbook.name, *counts, status, files))
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    click.echo()
    for index, row in enumerate(rows):
        line = "  ".join(cell.ljust(w) for cell, w in zip(row, widths)) + "  " + row[5]
        click.secho(line, bold=index == 0, fg=None if index == 0 or row[4] == "OK" else "red")
    for r in results:
        for note in r.notes:
            click.echo(f"Catatan: {r.skpd or r.workbook.name}: {note}.")
        for warning in r.warnings:
            click.secho(f"Peringatan: {r.skpd or r.workbook.name}: {warning}", fg="yellow", err=True)
    for r in results:
        if not r.ok and r.findings.errors:
            click.echo()
            _print_report_of(r.workbook, r.findings)
    ok = sum(r.ok for r in results)
    click.echo(f"\n{ok} dari {len(results)} workbook berhasil dibuat.")


def _print_report_of(path, findings) -> None:
    click.secho(str(path), bold=True)
    for finding in findings.errors:
        click.echo(_finding_line(finding))


def _finding_line(finding) -> str:
    """`  GALAT      Sheet!A1: message`, the level coloured."""
    color = {"error": "red", "warning": "yellow"}.get(finding.level)
    return "  " + click.style(f"{LEVEL_WORD[finding.level]:<10}", fg=color) + f" {finding}"


@main.command()
@click.argument("file", metavar="FILE.docx", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder gambar PNG (bawaan: folder bernama sama dengan dokumen).")
@click.option("--resolusi", type=click.IntRange(30, 300), default=60, show_default=True, help="Titik per inci.")
def pratinjau(file: Path, out_dir: Path | None, resolusi: int) -> None:
    """Ubah dokumen .docx menjadi gambar PNG per halaman (lewat LibreOffice), untuk dilihat tanpa Word."""
    from .pdf import ConversionError, to_pdf, to_png

    out_dir = out_dir or file.with_suffix("")
    try:
        made = to_pdf([file])[file]
        if isinstance(made, ConversionError):
            raise made
        pages = to_png(made, out_dir, resolusi)
    except ConversionError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"PDF: {made}")
    click.echo(f"{len(pages)} halaman PNG di {out_dir}:")
    for page in pages:
        click.echo(f"  {page}")


@main.command()
@click.argument("paths", nargs=-1, metavar="[WORKBOOK_ATAU_FOLDER]...", type=click.Path(path_type=Path))
@plugins_dir_option
@click.pass_context
def plugins(ctx: click.Context, paths: tuple[Path, ...]) -> None:
    """Tampilkan profil yang tersedia (dan asalnya), templat Word yang dipakai setiap profil, serta
    plugin yang dimuat."""
    from .plugin_report import profile_reports

    loaded = _plugins(ctx, paths)
    click.echo("Profil yang tersedia (isi kolom Profil di sheet Instansi):")
    for report in profile_reports(loaded):
        click.secho(f"  {report.profile.name}", bold=True, nl=False)
        click.echo(f": {report.profile.description}" if report.profile.description else "")
        click.echo(f"    asal   : {report.origin}")
        own = [f"{name} dari {path}" for name, path in report.templates.items() if path]
        default = [name for name, path in report.templates.items() if not path]
        click.echo("    templat: " + "; ".join(own + ([", ".join(default) + " bawaan"] if default else [])))
    click.echo("\nPlugin yang dimuat:")
    for name, hooks, _ in loaded.describe():
        click.echo(f"  {name}")
        click.echo(f"    hook: {', '.join(hooks) or '-'}")


@main.group(cls=Group)
def templat() -> None:
    """Templat Word buku: salin templat bawaan untuk diubah di Word, lalu periksa."""


@templat.command()
@click.argument("folder", metavar="FOLDER", type=click.Path(file_okay=False, path_type=Path))
@click.option("--timpa", is_flag=True, help="Timpa file yang sudah ada.")
def salin(folder: Path, timpa: bool) -> None:
    """Salin templat Word bawaan (buku_sop.docx, sop.docx, buku_sp.docx) dan petunjuk tagnya
    (templates.md) ke FOLDER. Buat FOLDER bernama `templat` di samping workbook agar dipakai."""
    from .template_files import copy_defaults

    written, kept = copy_defaults(folder, overwrite=timpa)
    for path in written:
        click.echo(f"Ditulis: {path}")
    if kept:
        click.echo(f"{len(kept)} file sudah ada dan tidak ditimpa (pakai --timpa untuk menimpanya).")
    click.echo("Ubah templat di Word (lihat templates.md), lalu periksa: sopdocs templat periksa " + str(folder))


@templat.command()
@click.argument("folder", metavar="FOLDER", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--profil", "profile_name", metavar="NAMA", default=None,
              help="Periksa dengan profil ini (bawaan: profil bawaan, atau profil file yang memakai templat itu).")
@plugins_dir_option
@click.pass_context
def periksa(ctx: click.Context, folder: Path, profile_name: str | None) -> None:
    """Periksa templat Word tanpa membuat buku: di FOLDER, atau bila FOLDER adalah folder workbook,
    di folder `templat`-nya dan folder templat setiap file profilnya. Setiap tag harus ada dan
    ditulis dengan benar. Kode keluar 1 bila ada yang salah."""
    from .template_check import check_folder, stray_files, template_places

    plugins = _plugins(ctx, [folder])
    profile = plugins.profile(profile_name or DEFAULT_PROFILE)
    if profile is None:
        raise click.ClickException(f"Profil \"{profile_name}\" tidak dikenal; lihat `sopdocs plugins`.")
    places = template_places(plugins) or [(folder, profile)]  # a workbook folder's, or FOLDER itself
    places = [(place, profile if profile_name else own) for place, own in places]
    bad = 0
    for place, profile in dict(places).items():
        results = check_folder(place, plugins, profile)
        if not results:
            click.echo(f"Tidak ada templat .docx di {place}.")
        for path, problem in results.items():
            bad += problem is not None
            click.echo(f"  {click.style('SALAH', fg='red')} {problem}" if problem else f"  OK    {path}")
        for note in stray_files(place, plugins):
            click.echo(f"  {click.style('CATATAN', fg='yellow')} {note}")
    sys.exit(1 if bad else 0)


def _check_templates(plugins: Plugins) -> None:
    """A region's templates, checked before any book is built."""
    from .template_check import check_plugin_templates

    problems = check_plugin_templates(plugins)
    if problems:
        raise click.ClickException("Templat daerah perlu diperbaiki dulu:\n" + "\n".join(problems))


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Alamat yang didengarkan. Pakai 0.0.0.0 agar halaman bisa dibuka dari PC lain di kantor.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Nomor port.")
@click.option("--no-browser", is_flag=True, help="Jangan membuka peramban.")
@click.option("--kode", default=None,
              help="Kode akses untuk PC lain (bawaan: dibuat acak bila --host bukan 127.0.0.1/localhost).")
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=None,
              help="Berapa pembuatan dokumen berjalan bersamaan (bawaan: jumlah inti prosesor).")
@click.option("--simpan", type=click.IntRange(1, 7 * 24 * 60), default=60, show_default=True,
              help="Berapa menit file unggahan dan hasil disimpan sebelum dihapus.")
@click.option("--folder", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder kerja untuk unggahan dan hasil (bawaan: folder sementara).")
@click.pass_context
def web(ctx, host, port, no_browser, kode, jobs, simpan, folder) -> None:
    """Jalankan halaman web sopdocs: periksa workbook dan buat dokumen dari peramban."""
    from .web import access
    from .web.app import Settings
    from .web.server import address, office_address, serve

    _plugins(ctx, [])
    code = kode or (access.new_code() if access.needs_code(host) else None)
    settings = Settings(code=code, workers=jobs or pipeline.default_jobs(), keep=simpan * 60, options=ctx.obj,
                        root=folder)
    click.echo(f"sopdocs web berjalan di {address(host, port)}")
    if office_address(host, port):
        click.echo(f"Dari PC lain di kantor: {office_address(host, port)} (atau alamat IP PC ini, lihat ipconfig)")
    if code:
        click.secho(f"Kode akses: {code}", bold=True)
        click.echo("Berikan kode ini kepada rekan kantor; peramban menanyakannya sekali.")
    click.echo("Tekan Ctrl+C untuk berhenti.")
    serve(host, port, settings, open_browser=not no_browser)


def _print_report(result) -> None:
    click.secho(str(result.path), bold=True)
    for finding in result.findings:
        click.echo(_finding_line(finding))
    errors, warnings = len(result.findings.errors), len(result.findings.warnings)
    status = click.style("BERGALAT", fg="red") if errors else click.style("SIAP", fg="green")
    click.echo(f"  => {status}: {result.verdict}; {errors} galat, {warnings} peringatan.\n")
