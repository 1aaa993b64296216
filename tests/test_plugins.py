"""Plugins: every hook does what docs/plugins.md says (one test each, and a test that there is
one for every hook), discovery, profiles, and clean messages when a plugin is broken."""
import inspect
import textwrap
from types import SimpleNamespace
from pathlib import Path

import docx
from click.testing import CliRunner

from conftest import instansi_rows, run_cli, run_process, sop_rows, sp_rows, write_workbook
from sopdocs import hookspecs
from sopdocs.hookspecs import hookimpl
from sopdocs import pipeline
from sopdocs.cli import main
from sopdocs.plugins import Plugins
from sopdocs.pipeline import Options, check_workbook


def plugin(folder: Path, code: str, name: str = "daerah.py") -> Path:
    """A one-file plugin in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text("from sopdocs.hookspecs import hookimpl\n" + textwrap.dedent(code), encoding="utf-8")
    return folder


def workbook(tmp_path: Path, profil: str | None = None, **sheets) -> Path:
    rows = {"Instansi": instansi_rows(**({"Profil": profil} if profil else {})), "SOP 01": sop_rows(),
            "SP 01": sp_rows()}
    return write_workbook(tmp_path / "dinas.xlsx", rows | sheets)


def build(tmp_path: Path, plugins: Path, **kwargs):
    result = pipeline.build([workbook(tmp_path, **kwargs)], tmp_path / "hasil", Options(plugin_dirs=(plugins,), jobs=1))[0]
    assert result.ok, (result.error, [str(f) for f in result.findings.errors])
    return result, {p.name.rsplit("_", 1)[1]: docx.Document(str(p)) for p in result.outputs}


def all_text(document) -> str:
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"


PROFILE_PLUGIN = """
from sopdocs.profile import DEFAULT

@hookimpl
def sopdocs_profiles():
    return [DEFAULT.but("uji-daerah", "Profil uji", labels={"tanggal_efektif": "Tgl Berlaku"},
                        decision_labels=("Benar", "Salah"), parts=("sampul", "daftar_isi", "sop"))]
"""


def test_hook_sopdocs_profiles(tmp_path):
    folder = plugin(tmp_path / "plugins", PROFILE_PLUGIN)
    assert "uji-daerah" in Plugins((folder,)).profiles
    _, books = build(tmp_path, folder, profil="uji-daerah")
    text = all_text(books["SOP.docx"])
    assert "Tgl Berlaku" in text and "Tanggal Efektif" not in text
    assert "KEPUTUSAN" not in text and "LAMPIRAN 1" not in text  # parts the profile leaves out
    xml = books["SOP.docx"].element.xml
    assert ">Benar<" in xml and ">Tidak lengkap<" in xml  # the profile's "yes" word, the author's "no" label
    assert ">Ya<" not in xml


def test_unknown_profile_is_an_error_naming_the_known_ones(tmp_path):
    checked = check_workbook(workbook(tmp_path, profil="kabupaten-antah"), Plugins())
    error = next(f for f in checked.findings.errors if "Profil" in f.message)
    assert "kabupaten-antah" in error.message and "permenpan-35-2012" in error.message
    assert error.sheet == "Instansi" and error.cell.startswith("B")


def test_hook_sopdocs_read_workbook(tmp_path):
    folder = plugin(tmp_path / "plugins", """
        from sopdocs.model import CellRef, Dokumen, Instansi, Pejabat, Sop, Step, Symbol

        @hookimpl
        def sopdocs_read_workbook(path, sheets, findings):
            if not any(s.name == "Format Lama" for s in sheets):
                return None
            rows = next(s for s in sheets if s.name == "Format Lama").rows
            steps = [Step(i, text, [0], Symbol.PROCESS) for i, (text,) in enumerate(rows, 1)]
            steps[0].symbol = steps[-1].symbol = Symbol.TERMINATOR
            steps[-1].final = True
            sop = Sop("SOP dari format lama", sheet="Format Lama", actors=["Petugas"], steps=steps,
                      cells={"tabel": CellRef("Format Lama", "A1")})
            return Dokumen(str(path), Instansi("PEMERINTAH KABUPATEN UJI", "DINAS UJI", sheet="Format Lama",
                           pimpinan=Pejabat("Kepala Dinas", "Nama")), [sop], sheets=["Format Lama"])
        """)
    path = write_workbook(tmp_path / "lama.xlsx", {"Format Lama": [["Menerima berkas"], ["Memeriksa"], ["Selesai"]]})
    checked = check_workbook(path, Plugins((folder,)))
    assert checked.ok and [s.kegiatan for s in checked.doc.sops[0].steps] == ["Menerima berkas", "Memeriksa", "Selesai"]
    assert check_workbook(workbook(tmp_path), Plugins((folder,))).doc.sops[0].nama == "Pelayanan Penerbitan KTP-el"


def test_a_profile_adds_spellings_of_the_identity_labels(tmp_path):
    """`label_aliases`: the reader accepts a region's own spelling once its profile is selected;
    without the profile it is an unknown label, pointed at where it is."""
    folder = plugin(tmp_path / "plugins", """
        from sopdocs.profile import DEFAULT

        @hookimpl
        def sopdocs_profiles():
            return [DEFAULT.but("uji-alias", "Profil uji", label_aliases={"tanggal_efektif": ("Tgl Mulai Berlaku",)})]
        """)
    rows = sop_rows(**{"Tanggal Efektif": None})
    rows.insert(5, ["Tgl Mulai Berlaku", "3 Juni 2024"])
    path = write_workbook(tmp_path / "alias.xlsx", {"Instansi": instansi_rows(Profil="uji-alias"), "SOP 01": rows})
    checked = check_workbook(path, Plugins((folder,)))
    assert checked.ok and checked.doc.sops[0].tanggal_efektif.text == "3 Juni 2024"
    assert not [f for f in checked.findings if f.sheet == "SOP 01"]
    other = write_workbook(tmp_path / "lain.xlsx", {"Instansi": instansi_rows(), "SOP 01": rows})
    unknown = [f for f in check_workbook(other, Plugins((folder,))).findings if f.where == "SOP 01!A6:B6"]
    assert unknown and "Tgl Mulai Berlaku" in unknown[0].message and unknown[0].level == "warning"


def test_hook_sopdocs_number_sop(tmp_path):
    folder = plugin(tmp_path / "plugins", """
        @hookimpl
        def sopdocs_number_sop(sop, index, doc, profile):
            return f"UJI/{doc.instansi.singkatan}/{index:03d}"
        """)
    checked = check_workbook(workbook(tmp_path), Plugins((folder,)))
    assert checked.doc.sops[0].nomor == "UJI/DISDUKCAPIL/001"
    _, books = build(tmp_path, folder)
    assert "UJI/DISDUKCAPIL/001" in all_text(books["SOP.docx"])


def test_hook_sopdocs_validate(tmp_path):
    folder = plugin(tmp_path / "plugins", """
        @hookimpl
        def sopdocs_validate(doc, profile, findings):
            for sop in doc.sops:
                if not sop.nomor.startswith("800/"):
                    findings.error("Nomor SOP harus diawali 800/.", sop.sheet, sop.cells.get("nomor", "A1"))
                findings.warning("Aturan daerah diperiksa.", sop.sheet, "A1")
        """)
    checked = check_workbook(workbook(tmp_path, **{"SOP 01": sop_rows(**{"Nomor SOP": "470/01"})}), Plugins((folder,)))
    assert not checked.ok
    error = next(f for f in checked.findings.errors if "800/" in f.message)
    assert (error.sheet, error.cell) == ("SOP 01", "B1")
    assert any(f.message == "Aturan daerah diperiksa." for f in checked.findings.warnings)


def test_hook_sopdocs_template(tmp_path):
    from sopdocs.templates_docx import default_template

    custom = docx.Document(str(default_template("buku_sop.docx")))
    custom.paragraphs[0].insert_paragraph_before("TEMPLATE KHUSUS DAERAH {{ instansi.tahun }}")
    custom.save(tmp_path / "buku_daerah.docx")
    folder = plugin(tmp_path / "plugins", f"""
        from pathlib import Path

        @hookimpl
        def sopdocs_template(name, profile):
            return Path({str(tmp_path / "buku_daerah.docx")!r}) if name == "buku_sop" else None
        """)
    _, books = build(tmp_path, folder)
    assert "TEMPLATE KHUSUS DAERAH 2024" in all_text(books["SOP.docx"])
    assert "TEMPLATE KHUSUS" not in all_text(books["SP.docx"])


def test_hook_sopdocs_book_sections(tmp_path):
    folder = plugin(tmp_path / "plugins", """
        from sopdocs.render.sections import Section

        @hookimpl
        def sopdocs_book_sections(doc, profile, book):
            return [Section("Kata Pengantar", (f"Buku {book} ini disusun oleh {doc.instansi.nama}.",))]
        """)
    _, books = build(tmp_path, folder)
    for name, book in books.items():
        text = all_text(book)
        assert "KATA PENGANTAR" in text and f"Buku {'buku_sop' if name == 'SOP.docx' else 'buku_sp'} ini" in text
        assert text.index("KATA PENGANTAR") < text.index("DAFTAR ISI")
        entry = next(p for p in book.paragraphs if p.text.startswith("Kata Pengantar"))
        assert entry.text == "Kata Pengantar\tiii"  # its page in the Daftar Isi: after the cover and the Keputusan


class DaftarPelaksana:
    """A plugin object, registered in the test's own Plugins: a third kind of book, listing who does what."""

    @hookimpl
    def sopdocs_book_kinds(self):
        from sopdocs.books import BookKind

        return [BookKind("daftar_pelaksana", "PELAKSANA", lambda doc: bool(doc.sops),
                         "tidak ada SOP, daftar pelaksana tidak dibuat", self.render)]

    @staticmethod
    def render(doc, profile, template, sections, publik):
        document = docx.Document()
        for sop in doc.sops:
            document.add_paragraph(f"{sop.nama}: {', '.join(sop.actors)}")
        return SimpleNamespace(document=document, pages=1)


def test_hook_sopdocs_book_kinds(tmp_path):
    plugins = Plugins()
    plugins.register(DaftarPelaksana(), name="daftar-pelaksana")
    result, = pipeline.build([workbook(tmp_path)], tmp_path / "hasil", Options(), plugins=plugins)
    assert result.ok, result.error
    assert sorted(p.name for p in result.outputs) == ["DISDUKCAPIL_PELAKSANA.docx", "DISDUKCAPIL_SOP.docx",
                                                      "DISDUKCAPIL_SP.docx"]
    listing = docx.Document(str(tmp_path / "hasil" / "DISDUKCAPIL_PELAKSANA.docx"))
    sop = result_sop(tmp_path)
    assert [p.text for p in listing.paragraphs] == [f"{sop.nama}: {', '.join(sop.actors)}"]
    assert result.book_pages[tmp_path / "hasil" / "DISDUKCAPIL_PELAKSANA.docx"] == 1


def result_sop(tmp_path):
    return check_workbook(tmp_path / "dinas.xlsx", Plugins()).doc.sops[0]


def test_hook_sopdocs_postprocess(tmp_path):
    folder = plugin(tmp_path / "plugins", """
        @hookimpl
        def sopdocs_postprocess(document, doc, profile, book):
            document.core_properties.author = f"Bagian Organisasi ({book})"
        """)
    _, books = build(tmp_path, folder)
    assert books["SOP.docx"].core_properties.author == "Bagian Organisasi (buku_sop)"
    assert books["SP.docx"].core_properties.author == "Bagian Organisasi (buku_sp)"


def test_postprocess_edits_the_book_around_its_flowcharts(tmp_path):
    """The flowcharts are not in the Document a plugin changes (they are written as text when it
    is saved): its edits land, and every flowchart page is still in the saved book, its shapes
    too; a placeholder the plugin removed takes its flowchart with it, nothing else breaks."""
    folder = plugin(tmp_path / "plugins", """
        @hookimpl
        def sopdocs_postprocess(document, doc, profile, book):
            document.add_paragraph(f"Catatan akhir {book}")
        """)
    _, books = build(tmp_path, folder)
    sop = books["SOP.docx"]
    assert sop.paragraphs[-1].text == "Catatan akhir buku_sop"
    captions = [p.text for p in sop.paragraphs if p.text.startswith("Bagian Flowchart")]
    assert captions and len(list(sop.element.body.iter(WP + "anchor"))) == len(captions)
    assert "\u27e6" not in all_text(sop)

    folder = plugin(tmp_path / "plugins2", """
        from sopdocs.render.pagination import W

        @hookimpl
        def sopdocs_postprocess(document, doc, profile, book):
            for p in list(document.element.body.iterchildren(W + "p")):
                if "\u27e6" in "".join(p.itertext()):
                    p.getparent().remove(p)
        """)
    (tmp_path / "tanpa").mkdir()
    _, books = build(tmp_path / "tanpa", folder)
    sop = books["SOP.docx"]
    assert not [p.text for p in sop.paragraphs if p.text.startswith("Bagian Flowchart")]
    assert not list(sop.element.body.iter(WP + "anchor")) and "\u27e6" not in all_text(sop)


def test_every_hook_has_a_test():
    hooks = {name for name, _ in inspect.getmembers(hookspecs, inspect.isfunction) if name.startswith("sopdocs_")}
    tests = {name[len("test_hook_"):] for name in globals() if name.startswith("test_hook_")}
    assert hooks == tests
    assert all(inspect.getdoc(getattr(hookspecs, h)) for h in hooks)
    documented = (Path(__file__).parent.parent / "docs" / "plugins.md").read_text(encoding="utf-8")
    assert all(f"`{h}" in documented for h in hooks)


# --- discovery and failures ---------------------------------------------------------------------

def test_plugins_folder_beside_the_workbooks_is_found(tmp_path):
    plugin(tmp_path / "plugins", PROFILE_PLUGIN)
    path = workbook(tmp_path, profil="uji-daerah")
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 0, result.output
    listing = CliRunner().invoke(main, ["plugins", str(tmp_path)])
    assert "daerah.py" in listing.output and "uji-daerah" in listing.output and "sopdocs_profiles" in listing.output


def test_a_plugin_that_raises_is_named_without_a_traceback(tmp_path):
    folder = plugin(tmp_path / "plugins", """
        @hookimpl
        def sopdocs_validate(doc, profile, findings):
            raise KeyError("kolom")
        """, name="rusak.py")
    path = workbook(tmp_path)
    run = run_cli("--plugins-dir", folder, "check", path)  # fails on a traceback
    assert run.returncode == 1
    assert "rusak.py" in run.stdout and "sopdocs_validate" in run.stdout and "KeyError" in run.stdout
    # the interpreter prints the traceback of --debug: a real `python -m sopdocs`
    debug = run_process("--debug", "--plugins-dir", folder, "check", path)
    assert "Traceback" in debug.stderr and "KeyError" in debug.stderr


def test_a_plugin_that_does_not_load_is_named(tmp_path):
    folder = tmp_path / "plugins"
    folder.mkdir()
    (folder / "salah_ketik.py").write_text("def sopdocs_profiles(:\n", encoding="utf-8")
    run = run_cli("--plugins-dir", folder, "build", workbook(tmp_path), "-o", tmp_path / "hasil")
    assert run.returncode == 1
    assert "salah_ketik.py" in run.stderr and "gagal dimuat" in run.stderr
    assert not (tmp_path / "hasil").exists()


def test_templates_are_sandboxed(tmp_path):
    from sopdocs.templates_docx import default_template

    custom = docx.Document(str(default_template("buku_sop.docx")))
    custom.paragraphs[0].insert_paragraph_before("{{ ''.__class__.__mro__[1].__subclasses__() }}")
    custom.save(tmp_path / "jahat.docx")
    folder = plugin(tmp_path / "plugins", f"""
        from pathlib import Path

        @hookimpl
        def sopdocs_template(name, profile):
            return Path({str(tmp_path / "jahat.docx")!r}) if name == "buku_sop" else None
        """)
    result = pipeline.build([workbook(tmp_path)], tmp_path / "hasil", Options(plugin_dirs=(folder,), jobs=1))[0]
    assert not result.ok and "Template" in result.error and "diizinkan" in result.error
    assert not list((tmp_path / "hasil").glob("*SOP.docx"))
