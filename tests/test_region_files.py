"""A region adapts sopdocs with files, not Python: profile files (profil/*.toml), template folders
(templat/), `sopdocs templat salin/periksa`, `sopdocs plugins`, and the file-only example region
plugins/contoh-kota. Books are read back with python-docx; printed pages with LibreOffice."""
from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from conftest import STEPS, instansi_rows, sop_rows, sp_rows, write_workbook
from docx_checks import package_problems
from sopdocs import pipeline
from sopdocs.cli import main
from sopdocs.errors import PluginError
from sopdocs.pipeline import Options
from sopdocs.plugins import Plugins, local_dirs
from sopdocs.profile_file import ProfileFileError, line_of, read_profile_file
from sopdocs.template_files import copy_defaults

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "plugins" / "contoh-kota"
INTEGRITY = Path("/work/shared/tools/docx_integrity.py")


def body_text(document) -> str:
    """Every text of the body, text boxes (flowchart shapes) included, one paragraph a line."""
    W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    return "\n".join("".join(t.text or "" for t in p.iter(W + "t")) for p in document.element.body.iter(W + "p"))


def region(folder: Path, profiles: dict[str, str], profil: str | None = None, sheets: dict | None = None) -> Path:
    """A folder with profile files in profil/ and a workbook selecting `profil`."""
    (folder / "profil").mkdir(parents=True, exist_ok=True)
    for name, text in profiles.items():
        (folder / "profil" / f"{name}.toml").write_text(textwrap.dedent(text), encoding="utf-8")
    rows = {"Instansi": instansi_rows(**({"Profil": profil} if profil else {})), "SOP 01": sop_rows(),
            "SP 01": sp_rows()} | (sheets or {})
    return write_workbook(folder / "dinas.xlsx", rows)


def build_one(workbook: Path, extra: tuple[Path, ...] = ()) -> pipeline.BuildResult:
    """The books of one workbook, with the plugin folders beside it and `extra`."""
    result, = pipeline.build([workbook], workbook.parent / "hasil", Options(plugin_dirs=extra, jobs=1))
    assert result.ok, (result.error, [str(f) for f in result.findings.errors])
    return result


def build(workbook: Path, extra: tuple[Path, ...] = ()) -> dict[str, docx.Document]:
    result = build_one(workbook, extra)
    return {p.name.rsplit("_", 1)[1]: docx.Document(str(p)) for p in result.outputs}


# -- every key changes the book as docs/profil.md says ------------------------------------------

BASE = """
    nama = "dasar-uji"
    [label]
    nomor = "No. SOP"
"""
EVERY_KEY = """
    nama = "kota-uji"
    dasar = "dasar-uji"
    keterangan = "Kota Uji: profil dari file"
    kertas = "A4"
    nomor_sop = "{singkatan}-{urut:02d}-{unit}-{urut_unit}-{tahun}"
    bagian = ["sampul", "keputusan", "daftar_isi", "daftar_sop", "sop"]
    kata_keputusan = ["Benar", "Salah"]
    templat = "../templat-kota"

    [label]
    tanggal_efektif = "Tgl Berlaku"

    [judul_kolom]
    kegiatan = "Uraian Kegiatan"

    [alias_label]
    tanggal_efektif = ["Tgl Pengesahan", "Tgl. Pengesahan"]

    [sp]
    susunan = "datar"
    urutan = ["jenis_pelayanan", "biaya", "persyaratan"]
    [sp.label]
    biaya = "Tarif Layanan"

    [keputusan.sop]
    menimbang = ["bahwa {skpd} memerlukan {subjek};"]
    mengingat = ["Peraturan Wali Kota Uji Nomor 1 Tahun 2020;"]
    [keputusan.sop.diktum]
    KESATU = "Menetapkan {subjek} pada {INSTANSI}."

    [keputusan.sp]
    mengingat = ["Peraturan Wali Kota Uji Nomor 2 Tahun 2020 tentang Standar Pelayanan;"]
"""


@pytest.fixture(scope="module")
def every_key(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kota")
    templates = folder / "templat-kota"
    copy_defaults(templates)
    cover = docx.Document(str(templates / "buku_sop.docx"))
    cover.paragraphs[0].insert_paragraph_before("TEMPLAT KOTA UJI {{ instansi.tahun }}")
    cover.save(str(templates / "buku_sop.docx"))
    second = sop_rows(**{"Nomor SOP": "ASLI/7", "Nama SOP": "Pelayanan Kedua"})
    workbook = region(folder, {"dasar": BASE, "kota": EVERY_KEY}, "kota-uji",
                      {"SOP 01": sop_rows(**{"Nomor SOP": None}), "SOP 02": second})
    return workbook, build(workbook)


def test_key_nama_and_dasar(every_key):
    _, books = every_key
    lines = body_text(books["SOP.docx"]).splitlines()
    assert lines.count("No. SOP") == 2  # each identity part's label, from the base profile file


def test_key_kertas(every_key):
    _, books = every_key
    for document in books.values():
        for section in document.sections:
            assert sorted(round(v.mm) for v in (section.page_width, section.page_height)) == [210, 297]


def test_key_nomor_sop_numbers_only_the_empty_ones(every_key):
    _, books = every_key
    text = body_text(books["SOP.docx"])
    assert text.count("DISDUKCAPIL-01-BPPP-1-2024") >= 2  # identity part and Daftar SOP
    assert "ASLI/7" in text and "DISDUKCAPIL-02" not in text


def test_key_bagian(every_key):
    _, books = every_key
    text = body_text(books["SOP.docx"])
    assert "DAFTAR STANDAR OPERASIONAL PROSEDUR" in text
    assert "PENJELASAN SINGKAT PENGGUNAAN" not in text and "LAMPIRAN 1" not in text


def test_key_kata_keputusan(every_key):
    _, books = every_key
    lines = body_text(books["SOP.docx"]).splitlines()
    assert "Benar" in lines and "Ya" not in lines  # the unlabelled exit of the decision


def test_key_label_and_judul_kolom(every_key):
    _, books = every_key
    lines = body_text(books["SOP.docx"]).splitlines()
    assert "Tgl Berlaku" in lines and "Tanggal Efektif" not in lines
    assert "Uraian Kegiatan" in lines and "Kegiatan" not in lines


def test_key_sp(every_key):
    _, books = every_key
    rows = [[c.text for c in row.cells] for table in books["SP.docx"].tables for row in table.rows]
    components = [r[1] for r in rows if len(r) == 3 and r[0] in ("1", "2", "3", "4")]
    assert components[:3] == ["Jenis Pelayanan", "Tarif Layanan", "Persyaratan"]
    assert "A. Komponen" not in body_text(books["SP.docx"])


def test_key_keputusan(every_key):
    _, books = every_key
    sop, sp = body_text(books["SOP.docx"]), body_text(books["SP.docx"])
    assert "a. bahwa Dinas Kependudukan dan Pencatatan Sipil memerlukan Standar Operasional Prosedur " \
           "Administrasi Pemerintahan;" in sop
    assert "1. Peraturan Wali Kota Uji Nomor 1 Tahun 2020;" in sop and "Nomor 30 Tahun 2014" not in sop
    assert "Menetapkan Standar Operasional Prosedur Administrasi Pemerintahan pada DINAS KEPENDUDUKAN DAN " \
           "PENCATATAN SIPIL." in sop and "KEDUA" not in sop
    assert "1. Peraturan Wali Kota Uji Nomor 2 Tahun 2020 tentang Standar Pelayanan;" in sp
    assert "KEDUA" in sp  # the SP book keeps the default diktum


def test_key_templat(every_key):
    _, books = every_key
    assert "TEMPLAT KOTA UJI 2024" in body_text(books["SOP.docx"])
    assert "TEMPLAT KOTA UJI" not in body_text(books["SP.docx"])  # only buku_sop.docx was replaced


def test_key_alias_label_reaches_the_profile(every_key):
    """The reader accepts these spellings once it reads `Profile.label_aliases` (the real-sheets
    work); the file fills exactly that field."""
    workbook, _ = every_key
    profile = Plugins(local_dirs([workbook])).profile("kota-uji")
    assert profile.label_aliases["tanggal_efektif"] == ("Tgl Pengesahan", "Tgl. Pengesahan")


def test_key_keterangan_and_origin_in_sopdocs_plugins(every_key):
    workbook, _ = every_key
    run = CliRunner().invoke(main, ["plugins", str(workbook)])
    assert run.exit_code == 0, run.output
    assert "kota-uji: Kota Uji: profil dari file" in run.output
    assert f"file profil {workbook.parent / 'profil' / 'kota.toml'} (dasar: dasar-uji)" in run.output
    assert f"buku_sop.docx dari {workbook.parent / 'templat-kota' / 'buku_sop.docx'}" in run.output
    assert "asal   : bawaan sopdocs" in run.output


# -- every mistake in a profile file: its file, line and key ----------------------------------------

MISTAKES = [
    ('nama = "x"\nkertas = "B5"\n', 2, "kertas", '"B5" bukan pilihan'),
    ('nama = "x"\nkertas = 4\n', 2, "kertas", "tertulis angka 4"),
    ('nama = "x"\n\n[label]\ntanggal_efektf = "Tgl"\n', 4, "label.tanggal_efektf", 'maksudnya "tanggal_efektif"'),
    ('nama = "x"\n[lable]\nnomor = "No"\n', 2, "lable", 'maksudnya "label"'),
    ('nama = "x"\nnomor_sop = "{singkatan}/{unitt}"\n', 2, "nomor_sop", "{unitt} tidak ada"),
    ('nama = "x"\nnomor_sop = "{urut:03x"\n', 2, "nomor_sop", "kurung kurawal tidak berpasangan"),
    ('nama = "x"\nbagian = ["sampul", "daftarisi"]\n', 2, "bagian", 'maksudnya "daftar_isi"'),
    ('nama = "x"\nkata_keputusan = ["Ya"]\n', 2, "kata_keputusan", "tepat 2 butir"),
    ('nama = "x"\n[keputusan.sop]\nmengingat = [\n  "a;",\n  "{skdp};",\n]\n', 3, "keputusan.sop.mengingat",
     "maksudnya {skpd}"),
    ('nama = "x"\n[sp]\nsusunan = "datar"\n[sp.label]\nbiayaa = "Tarif"\n', 5, "sp.label.biayaa", "biaya"),
    ('nama = "x"\nlabel = "Tgl"\n', 2, "label", "harus tabel"),
    ('nama = "x"\ntemplat = "tidak-ada"\n', 2, "templat", "folder templat"),
]


@pytest.mark.parametrize("text,line,key,words", MISTAKES, ids=[m[2] + "-" + str(i) for i, m in enumerate(MISTAKES)])
def test_profile_file_mistake(tmp_path, text, line, key, words):
    path = tmp_path / "daerah.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProfileFileError) as error:
        read_profile_file(path)
    assert str(error.value).startswith(f"File profil {path}, baris {line}, kunci `{key}`: ")
    assert words in str(error.value)


def test_toml_syntax_error_names_file_and_line(tmp_path):
    path = tmp_path / "daerah.toml"
    path.write_text('nama = "x"\n[label]\nnomor = "No SOP\n', encoding="utf-8")
    with pytest.raises(ProfileFileError, match=rf"File profil {path}, baris 3: penulisan TOML salah"):
        read_profile_file(path)


def test_missing_nama(tmp_path):
    path = tmp_path / "daerah.toml"
    path.write_text('kertas = "A4"\n', encoding="utf-8")
    with pytest.raises(ProfileFileError, match="kunci `nama` belum ada"):
        read_profile_file(path)


def test_unknown_base_profile_is_named_with_those_there_are(tmp_path):
    workbook = region(tmp_path, {"kota": 'nama = "kota"\n\ndasar = "permenpan-35"\n'}, "kota")
    with pytest.raises(PluginError) as error:
        Plugins(local_dirs([workbook]))
    message = str(error.value)
    assert f"File profil {tmp_path / 'profil' / 'kota.toml'}, baris 3, kunci `dasar`" in message
    assert '"permenpan-35" tidak dikenal' in message and "permenpan-35-2012" in message


def test_a_file_cannot_take_a_built_in_name(tmp_path):
    workbook = region(tmp_path, {"kota": 'nama = "permenpan-35-2012"\n'})
    with pytest.raises(PluginError, match="baris 1, kunci `nama`: profil \"permenpan-35-2012\" sudah ada"):
        Plugins(local_dirs([workbook]))


def test_cli_reports_a_profile_mistake_without_a_traceback(tmp_path):
    workbook = region(tmp_path, {"kota": 'nama = "kota"\nkertas = "B5"\n'}, "kota")
    for command in ("check", "build"):
        run = CliRunner().invoke(main, [command, str(workbook), "-o", str(tmp_path / "hasil")][:2 if command == "check" else 4])
        assert run.exit_code == 1 and "Traceback" not in run.output
        assert f"File profil {tmp_path / 'profil' / 'kota.toml'}, baris 2, kunci `kertas`" in run.output
    assert not (tmp_path / "hasil").exists()


def test_line_of_finds_dotted_and_inline_keys():
    text = 'nama = "x"\nlabel.nomor = "No"\n[sp]\nlabel = { biaya = "Tarif" }\n'
    assert line_of(text, "label.nomor") == 2
    assert line_of(text, "sp.label.biaya") == 4


# -- templates ------------------------------------------------------------------------------------

def edit_template(path: Path, old: str, new: str) -> None:
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(path))
    for element in document.element.body.iter(qn("w:p")):  # table cells' paragraphs too
        paragraph = Paragraph(element, document)
        if old in paragraph.text:
            paragraph.runs[0].text = paragraph.text.replace(old, new)
            for run in paragraph.runs[1:]:
                run.text = ""
            break
    else:
        raise AssertionError(old)
    document.save(str(path))


@pytest.mark.parametrize("old,new,words", [
    ("{{ sampul.judul }}", "{{ sampul.judull }}", "tag {{ sampul.judull }} memakai nama yang tidak ada"),
    ("{{ sampul.judul }}", "{{ sampull.judul }}", "tag {{ sampull.judul }} memakai nama yang tidak ada"),
    ("{{ sampul.judul }}", "{{ sampul.judul }", "tag {{ sampul.judul } (tanpa penutup }}) salah tulis"),
    ("{%p if 'lampiran' in parts %}", "{%p iff 'lampiran' in parts %}", "tag {%p iff 'lampiran' in parts %} salah"),
])
def test_template_mistakes_stop_the_build_before_any_book(tmp_path, old, new, words):
    workbook = region(tmp_path, {})
    copy_defaults(tmp_path / "templat")
    edit_template(tmp_path / "templat" / "buku_sop.docx", old, new)
    run = CliRunner().invoke(main, ["build", str(workbook), "-o", str(tmp_path / "hasil")])
    assert run.exit_code == 1 and "Traceback" not in run.output
    assert f"Templat {tmp_path / 'templat' / 'buku_sop.docx'}: paragraf ke-" in run.output and words in run.output
    assert not (tmp_path / "hasil").exists()
    check = CliRunner().invoke(main, ["templat", "periksa", str(tmp_path)])
    assert check.exit_code == 1 and words in check.output
    assert f"OK    {tmp_path / 'templat' / 'buku_sp.docx'}" in check.output


def test_templat_periksa_on_a_workbook_folder_checks_each_profile_files_templates(tmp_path):
    region(tmp_path, {"kota": 'nama = "kota"\ntemplat = "../templat-kota"\n[label]\nnomor = "No"\n'}, "kota")
    copy_defaults(tmp_path / "templat-kota")
    (tmp_path / "templat-kota" / "buku_sp.docx").unlink()
    edit_template(tmp_path / "templat-kota" / "sop.docx", "{{ label.nomor }}", "{{ label.nomer }}")
    run = CliRunner().invoke(main, ["templat", "periksa", str(tmp_path)])
    assert run.exit_code == 1, run.output
    assert f"OK    {tmp_path / 'templat-kota' / 'buku_sop.docx'}" in run.output
    assert f"Templat {tmp_path / 'templat-kota' / 'sop.docx'}: paragraf ke-" in run.output
    assert "tag {{ label.nomer }} memakai nama yang tidak ada" in run.output


def test_templat_salin_then_periksa(tmp_path):
    run = CliRunner().invoke(main, ["templat", "salin", str(tmp_path / "templat")])
    assert run.exit_code == 0, run.output
    assert sorted(p.name for p in (tmp_path / "templat").iterdir()) == [
        "buku_sop.docx", "buku_sp.docx", "sop.docx", "templates.md"]
    guide = (tmp_path / "templat" / "templates.md").read_text(encoding="utf-8")
    assert "{{ sop.nomor }}" in guide and "English" in guide
    again = CliRunner().invoke(main, ["templat", "salin", str(tmp_path / "templat")])
    assert "4 file sudah ada dan tidak ditimpa" in again.output
    (tmp_path / "templat" / "Sampul lama.docx").write_bytes(b"")
    check = CliRunner().invoke(main, ["templat", "periksa", str(tmp_path / "templat")])
    assert check.exit_code == 0, check.output
    assert check.output.count("OK ") == 3 and "Sampul lama.docx: bukan nama templat" in check.output


def test_guide_names_every_tag_of_the_default_templates():
    """templates.md explains every tag the default templates use."""
    import re
    from sopdocs.render.template_errors import template_text as _text
    from sopdocs.template_files import guide
    from sopdocs.templates_docx import default_template

    text = guide().read_text(encoding="utf-8")
    for name in ("buku_sop", "sop", "buku_sp"):
        for tag in re.findall(r"\{\{\s*([\w.]+)", _text(default_template(f"{name}.docx"))):
            assert tag.split(".")[-1] in text or tag in text, (name, tag)


def test_copied_unchanged_templates_build_the_same_books(tmp_path):
    plain = build(region(tmp_path / "bawaan", {}))
    copy_defaults(tmp_path / "salinan" / "templat")
    copied = build(region(tmp_path / "salinan", {}))
    assert plain.keys() == copied.keys() == {"SOP.docx", "SP.docx"}
    for name in plain:
        assert body_text(copied[name]) == body_text(plain[name])


def test_a_templates_literal_tags_print_as_written(tmp_path):
    """docxtpl's escaped tags ({_{ ... }_}) print as the tag itself, for a template that must show one."""
    copy_defaults(tmp_path / "contoh" / "templat")
    edit_template(tmp_path / "contoh" / "templat" / "buku_sop.docx", "{{ sampul.judul }}",
                  "{{ sampul.judul }} {_{ sop.nama }_}")
    books = build(region(tmp_path / "contoh", {}))
    assert "STANDAR OPERASIONAL PROSEDUR {{ sop.nama }}" in body_text(books["SOP.docx"])


def test_plugins_dir_after_the_subcommand(tmp_path):
    folder = tmp_path / "daerah"
    region(folder, {"kota": 'nama = "kota-d"\n'})
    workbook = write_workbook(tmp_path / "dinas.xlsx", {"Instansi": instansi_rows(Profil="kota-d"),
                                                        "SOP 01": sop_rows()})
    run = CliRunner().invoke(main, ["check", str(workbook), "--plugins-dir", str(folder)])
    assert run.exit_code == 0, run.output
    run = CliRunner().invoke(main, ["check", str(workbook)])
    assert run.exit_code == 1 and 'Profil "kota-d" tidak dikenal' in run.output


# -- the file-only example region ----------------------------------------------------------------

@pytest.fixture(scope="module")
def kota(tmp_path_factory):
    folder = tmp_path_factory.mktemp("contoh-kota")
    second = sop_rows(**{"Nomor SOP": None, "Nama SOP": "Pelayanan Surat Pindah", "Unit Kerja": "Bidang Lain"})
    workbook = write_workbook(folder / "dinas.xlsx", {
        "Instansi": instansi_rows(Profil="kota-contoh"), "SOP 01": sop_rows(**{"Nomor SOP": None}),
        "SOP 02": second, "SP 01": sp_rows()})
    return build_one(workbook, (EXAMPLE,)), folder / "hasil" / "DISDUKCAPIL_SOP.docx"


def test_example_region_is_only_files():
    files = [p for p in EXAMPLE.rglob("*") if p.is_file()]
    assert files and not [p for p in files if p.suffix == ".py"]
    assert {p.suffix for p in files} == {".toml", ".docx", ".md"}


def test_example_region_book(kota):
    result, path = kota
    document = docx.Document(str(path))
    text = body_text(document)
    lines = text.splitlines()
    assert "SOP/DISDUKCAPIL/001/2024" in lines and "SOP/DISDUKCAPIL/002/2024" in lines
    assert "Tgl Pengesahan" in lines and "Ditetapkan Oleh" in lines
    assert "PENJELASAN SINGKAT PENGGUNAAN" not in text and "KATA PENGANTAR" not in text
    assert round(document.sections[0].page_height.mm) == 297
    for kegiatan, *_ in STEPS:  # every activity of both SOPs, in the flowchart and nowhere lost
        assert text.count(kegiatan) >= 2, kegiatan
    identity = next(t for t in document.tables if "Tgl Pengesahan" in t._tbl.xml)
    lists = [row.cells[0].text.split(":")[0] for row in identity.rows[6:9]]
    assert lists == ["Peringatan", "Dasar Hukum", "Keterkaitan"]  # the restyled identity layout
    assert package_problems(path) == []


@pytest.mark.skipif(not INTEGRITY.is_file(), reason="docx_integrity.py tidak ada")
def test_example_region_package_integrity(kota):
    result, _ = kota
    run = subprocess.run([sys.executable, str(INTEGRITY), *(str(p) for p in result.outputs)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr


PDF_TOOLS = shutil.which("soffice") and shutil.which("pdftotext")


@pytest.mark.skipif(not PDF_TOOLS, reason="LibreOffice atau poppler (pdftotext) tidak terpasang")
def test_example_region_daftar_isi_pages_are_the_printed_pages(kota):
    from sopdocs.pdf import to_pdf
    from test_book import ENTRY, last_line, pdf_pages, squash

    result, path = kota
    pdf = to_pdf([path])[path]
    assert isinstance(pdf, Path), pdf
    pages = pdf_pages(pdf)
    assert len(pages) == result.book_pages[path]
    printed = {last_line(page): index for index, page in enumerate(pages) if index}
    first = next(i for i, page in enumerate(pages) if "DAFTAR ISI" in [line.strip() for line in page.splitlines()])
    entries = [(squash(m.group(1)), m.group(2)) for page in pages[first:first + 2]
               for m in map(ENTRY.match, page.splitlines()[:-1]) if m]
    assert [title.split(":")[0] for title, _ in entries] == [
        "Daftar Standar Operasional Prosedur", "1. Pelayanan Penerbitan KTP-el", "2. Pelayanan Surat Pindah",
        "Lampiran 1", "Lampiran 2"]
    headings = {"Daftar Standar Operasional Prosedur": "DAFTAR STANDAR OPERASIONAL PROSEDUR",
                "Lampiran 1": "LAMPIRAN 1", "Lampiran 2": "LAMPIRAN 2"}
    for title, number in entries:
        expected = headings.get(title.split(":")[0]) or title.split(". ", 1)[1]
        assert squash(expected) in squash(pages[printed[number]]), (title, number)
        if expected != title.split(". ", 1)[-1]:
            continue
        assert "Tgl Pengesahan" in pages[printed[number]]  # an SOP's entry: the page of its identity part
