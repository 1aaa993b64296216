"""The web page and its API, in-process: every page, the build and its downloads, and every refusal."""
from __future__ import annotations

import io
import json
import threading
import time
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from starlette.testclient import TestClient

from conftest import STEPS, instansi_rows, sop_rows, sp_rows, write_workbook
from sopdocs import pipeline
from sopdocs.pipeline import Options
from sopdocs.web import jobs as jobs_module
from sopdocs.web.app import Settings, create_app, split_fix
from sopdocs.web.limits import MB, Limits

SAMPLES = Path(__file__).parent.parent / "samples"
UNMARKED_STEP = ["Mengajukan permohonan", [None, None, None, None], "Formulir", "lima", "Berkas", None, None, None]


class Browser:
    """One browser: its own cookies, and the CSRF token its pages carry."""

    def __init__(self, client: TestClient):
        self.client = client
        self.csrf = client.get("/").headers["x-csrf-token"]

    def upload(self, url: str, files: list[Path | tuple[str, bytes]], data: dict | None = None, **kwargs):
        parts = [("berkas", (f.name, f.read_bytes()) if isinstance(f, Path) else f) for f in files]
        headers = kwargs.pop("headers", {"X-CSRF-Token": self.csrf})
        return self.client.post(url, files=parts, data=data or {}, headers=headers, **kwargs)

    def wait(self, job_id: str, timeout: float = 240) -> dict:
        deadline = time.time() + timeout
        while time.time() < deadline:
            state = self.client.get(f"/api/pekerjaan/{job_id}").json()
            if state["selesai"]:
                return state
            time.sleep(0.2)
        raise AssertionError(f"job {job_id} not done: {state}")


@pytest.fixture
def serve(tmp_path):
    """serve(**Settings) -> a Browser on a fresh app; every app is closed at the end."""
    clients = []

    def start(**settings) -> Browser:
        settings.setdefault("root", tmp_path / f"kerja{len(clients)}")
        settings.setdefault("threads", True)
        client = TestClient(create_app(Settings(**settings)), follow_redirects=True)
        client.__enter__()
        clients.append(client)
        return Browser(client)

    yield start
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture
def broken(tmp_path) -> Path:
    """A workbook whose first step has no actor (GALAT at SOP 01!C12) and an unreadable Waktu
    (PERINGATAN at SOP 01!H12)."""
    return write_workbook(tmp_path / "dinas-rusak.xlsx", {"Instansi": instansi_rows(),
                                                           "SOP 01": sop_rows(steps=[UNMARKED_STEP, *STEPS[1:]]),
                                                           "SP 01": sp_rows()})


@pytest.fixture
def good(tmp_path) -> Path:
    return write_workbook(tmp_path / "dinas.xlsx", {"Instansi": instansi_rows(Singkatan="DISDIK"),
                                                     "SOP 01": sop_rows(), "SP 01": sp_rows()})


def zipped(entries: dict[str, bytes], name: str = "wilayah.zip") -> tuple[str, bytes]:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for entry, content in entries.items():
            archive.writestr(entry, content)
    return name, buffer.getvalue()


# ------------------------------------------------------------------------------------------------
# Pages.

def test_home_offers_the_blank_workbook_and_the_guide(serve, tmp_path):
    browser = serve()
    home = browser.client.get("/")
    assert home.status_code == 200
    assert "Unduh workbook kosong" in home.text and 'href="/panduan"' in home.text
    blank = browser.client.get("/workbook-kosong.xlsx")
    assert blank.headers["content-type"].startswith("application/vnd.openxmlformats")
    (tmp_path / "kosong.xlsx").write_bytes(blank.content)
    checked = pipeline.check([tmp_path / "kosong.xlsx"])[0]
    assert checked.ok and "Petunjuk" in openpyxl.load_workbook(tmp_path / "kosong.xlsx").sheetnames
    guide = browser.client.get("/panduan")
    assert guide.status_code == 200
    assert "<h1" in guide.text and "Panduan pengisian workbook SOP dan Standar Pelayanan</h1>" in guide.text
    assert "<h2" in guide.text and "Sheet Instansi" in guide.text  # docs/workbook.md, rendered


def test_periksa_page_shows_each_finding_with_its_cell_and_fix(serve, broken, good):
    page = serve().upload("/periksa", [broken, good], data={})
    assert page.status_code == 200 and "/periksa/" in str(page.url)
    assert "2 workbook diperiksa: 1 siap dibuat, 1 bergalat." in page.text
    assert "SOP 01!C12" in page.text and "Kegiatan langkah 1 belum punya pelaksana." in page.text
    assert "Beri tanda x di kolom jabatan yang melaksanakannya." in page.text  # the fix, in its own column
    assert "SOP 01!H12" in page.text and "PERINGATAN" in page.text
    assert "BERGALAT</b>:\n1 SOP, 1 Standar Pelayanan; 1 galat, 1 peringatan." in page.text
    assert "Unduh workbook bertanda" in page.text and "Profil: <b>permenpan-35-2012</b>" in page.text


def test_api_periksa_is_the_json_of_check(serve, broken, tmp_path):
    answer = serve().upload("/api/periksa", [broken])
    assert answer.status_code == 200
    expected = [c.as_dict() | {"workbook": broken.name} for c in pipeline.check([broken])]
    assert answer.json() == json.loads(json.dumps(expected))


def test_marked_workbook_colours_and_comments_the_cells(serve, broken, tmp_path):
    browser = serve()
    page = browser.upload("/periksa", [broken])
    marked = browser.client.get(str(page.url) + "/bertanda/0")
    assert marked.status_code == 200
    assert "dinas-rusak-bertanda.xlsx" in marked.headers["content-disposition"]
    (tmp_path / "bertanda.xlsx").write_bytes(marked.content)
    sheet = openpyxl.load_workbook(tmp_path / "bertanda.xlsx")["SOP 01"]
    assert sheet["C12"].fill.fgColor.rgb.endswith("FFC7CE")
    assert "GALAT: Kegiatan langkah 1 belum punya pelaksana" in sheet["C12"].comment.text
    assert sheet["H12"].fill.fgColor.rgb.endswith("FFEB9C") and "PERINGATAN: Waktu" in sheet["H12"].comment.text
    assert sheet["B12"].comment is None and sheet["B12"].value == "Mengajukan permohonan"


@pytest.mark.parametrize("sample, cell", [("kecamatan-contoh.xlsx", "SOP-01 Rekom Keramaian!J40"),
                                          ("disdukcapil-bener-meriah.xlsx", "05 Akta Kematian!B6")])
def test_marked_copy_keeps_everything_the_original_had(serve, tmp_path, sample, cell):
    """The samples (one with a logo, one with dropdowns; formats and merges) come back whole."""
    sample = SAMPLES / sample
    browser = serve()
    page = browser.upload("/periksa", [sample])
    (tmp_path / "bertanda.xlsx").write_bytes(browser.client.get(str(page.url) + "/bertanda/0").content)
    original, marked = openpyxl.load_workbook(sample), openpyxl.load_workbook(tmp_path / "bertanda.xlsx")
    assert original.sheetnames == marked.sheetnames
    for before in original:
        after = marked[before.title]
        assert [[(c.value, c.number_format, c.font.b, c.alignment.wrap_text) for c in row] for row in before.iter_rows()] \
            == [[(c.value, c.number_format, c.font.b, c.alignment.wrap_text) for c in row] for row in after.iter_rows()]
        assert set(map(str, before.merged_cells.ranges)) == set(map(str, after.merged_cells.ranges))
        assert [(v.type, v.formula1, str(v.sqref)) for v in before.data_validations.dataValidation] \
            == [(v.type, v.formula1, str(v.sqref)) for v in after.data_validations.dataValidation]
        assert [image._data() for image in before._images] == [image._data() for image in after._images]
        assert [(k, d.width) for k, d in before.column_dimensions.items()] \
            == [(k, d.width) for k, d in after.column_dimensions.items()]
    assert sum(len(sheet._images) + len(sheet.data_validations.dataValidation) for sheet in marked) > 0
    sheet, ref = cell.split("!")
    assert marked[sheet][ref].comment.text.startswith("PERINGATAN: ")
    for logo in SAMPLES.glob("*.png"):  # a logo named in the Instansi sheet is beside the workbook
        (tmp_path / logo.name).write_bytes(logo.read_bytes())
    assert pipeline.check([tmp_path / "bertanda.xlsx"])[0].as_dict()["temuan"] == \
        pipeline.check([sample])[0].as_dict()["temuan"]  # the marks change nothing sopdocs reads


def test_split_fix():
    assert split_fix('Waktu "5" tidak dikenali; tulis misalnya "5 menit".') == \
        ('Waktu "5" tidak dikenali.', 'Tulis misalnya "5 menit".')
    assert split_fix("Sheet X diabaikan.") == ("Sheet X diabaikan.", "")


# ------------------------------------------------------------------------------------------------
# Building.

def test_build_in_the_process_pool_gives_the_books_and_a_zip(serve, good, tmp_path):
    browser = serve(threads=False, workers=2)
    answer = browser.upload("/api/buat", [good], data={"kertas": "A4", "per_sop": "1"})
    assert answer.status_code == 202
    job_id = answer.json()["id"]
    state = browser.wait(job_id)
    assert state["status"] == "selesai" and state["kemajuan"] == 100 and state["temuan"][0]["ok"]
    names = [f["nama"] for f in state["berkas"]]
    assert names == ["DISDIK_SOP.docx", "DISDIK_SP.docx", "DISDIK_SOP/01 Pelayanan Penerbitan KTP-el.docx"]
    book = browser.client.get(state["berkas"][0]["url"])
    assert book.status_code == 200
    (tmp_path / "buku.docx").write_bytes(book.content)
    document = docx.Document(str(tmp_path / "buku.docx"))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL" in text
    assert round(document.sections[0].page_width.mm) == 210  # A4 as asked
    everything = zipfile.ZipFile(io.BytesIO(browser.client.get(f"/pekerjaan/{job_id}/semua.zip").content))
    assert sorted(everything.namelist()) == sorted(names)
    page = browser.client.get(f"/pekerjaan/{job_id}")
    assert "1 dari 1 workbook berhasil dibuat." in page.text and "Profil: <b>permenpan-35-2012</b>" in page.text
    assert "Unduh semua (.zip)" in page.text


def test_a_broken_workbook_fails_with_its_findings(serve, broken):
    browser = serve()
    state = browser.wait(browser.upload("/api/buat", [broken]).json()["id"])
    assert state["status"] == "gagal" and state["berkas"] == []
    assert state["temuan"][0]["temuan"][0]["where"] == "SOP 01!C12"
    page = browser.client.get(f"/pekerjaan/{state['id']}")
    assert "workbook bergalat; perbaiki dulu" in page.text and "SOP 01!C12" in page.text


def test_a_book_open_in_word_is_named_on_the_page(serve, good, monkeypatch):
    """Windows refuses to replace a .docx that Word has open: the page says to close it."""
    def refuse(source, target):
        raise PermissionError(13, "Permission denied", str(target))

    monkeypatch.setattr("sopdocs.write.os.replace", refuse)
    browser = serve()
    state = browser.wait(browser.upload("/api/buat", [good]).json()["id"])
    assert "tutup dulu file DISDIK_SOP.docx di Word, lalu ulangi" in state["hasil"][0]["galat"]
    page = browser.client.get(f"/pekerjaan/{state['id']}")
    assert "tutup dulu file DISDIK_SOP.docx di Word, lalu ulangi" in page.text


def test_builds_beyond_the_pool_wait_with_their_place(serve, good, monkeypatch):
    release = threading.Event()
    real_build = pipeline.build

    def slow_build(*args, **kwargs):
        release.wait(30)
        return real_build(*args, **kwargs)

    monkeypatch.setattr(jobs_module.pipeline, "build", slow_build)
    browser = serve(workers=1)
    first, second, third = (browser.upload("/api/buat", [good]).json()["id"] for _ in range(3))
    deadline = time.time() + 10
    while browser.client.get(f"/api/pekerjaan/{first}").json()["status"] != "berjalan" and time.time() < deadline:
        time.sleep(0.05)
    states = [browser.client.get(f"/api/pekerjaan/{job}").json() for job in (first, second, third)]
    assert [(s["status"], s["antrean"]) for s in states] == [("berjalan", 0), ("antre", 1), ("antre", 2)]
    assert "urutan ke-2" in browser.client.get(f"/pekerjaan/{third}").text
    release.set()
    assert all(browser.wait(job)["status"] == "selesai" for job in (first, second, third))


def test_plugins_dir_profile_is_used_and_shown(serve, tmp_path):
    folder = tmp_path / "plugin-daerah"
    folder.mkdir()
    (folder / "daerah.py").write_text(
        "from sopdocs.hookspecs import hookimpl\nfrom sopdocs.profile import DEFAULT\n\n@hookimpl\n"
        "def sopdocs_profiles():\n    return [DEFAULT.but('uji-daerah', 'Profil uji')]\n", encoding="utf-8")
    workbook = write_workbook(tmp_path / "daerah.xlsx", {"Instansi": instansi_rows(Profil="uji-daerah"),
                                                         "SOP 01": sop_rows(), "SP 01": sp_rows()})
    browser = serve(options=Options(plugin_dirs=(folder,)))
    assert browser.upload("/api/periksa", [workbook]).json()[0]["profil"] == "uji-daerah"
    state = browser.wait(browser.upload("/api/buat", [workbook]).json()["id"])
    assert state["status"] == "selesai" and state["hasil"][0]["profil"] == "uji-daerah"


def test_old_jobs_are_deleted(serve, good):
    browser = serve(keep=60)
    job_id = browser.upload("/api/buat", [good]).json()["id"]
    browser.wait(job_id)
    web = browser.client.app.app.state.web
    folder = web.jobs.jobs[job_id].folder
    assert web.jobs.sweep(time.time() + 30) == 0 and folder.exists()
    assert web.jobs.sweep(time.time() + 61) == 1 and not folder.exists()
    assert browser.client.get(f"/api/pekerjaan/{job_id}").status_code == 404


# ------------------------------------------------------------------------------------------------
# Refusals.

def test_someone_elses_job_is_not_found(serve, good):
    mine = serve()
    job_id = mine.upload("/api/buat", [good]).json()["id"]
    state = mine.wait(job_id)
    theirs = Browser(TestClient(mine.client.app))
    for url in (f"/api/pekerjaan/{job_id}", f"/pekerjaan/{job_id}", state["berkas"][0]["url"],
                f"/pekerjaan/{job_id}/semua.zip"):
        refused = theirs.client.get(url)
        assert refused.status_code == 404, url
    assert "tidak ada" in theirs.client.get(f"/api/pekerjaan/{job_id}").json()["galat"]
    assert mine.client.get("/api/pekerjaan/tidak-ada-sama-sekali").status_code == 404


def test_only_files_the_build_made_are_served(serve, good):
    browser = serve()
    job_id = browser.upload("/api/buat", [good]).json()["id"]
    browser.wait(job_id)
    for path in ("../unggahan/dinas.xlsx", "%2e%2e/unggahan/dinas.xlsx", "DISDIK_SOP.pdf"):
        assert browser.client.get(f"/api/pekerjaan/{job_id}/berkas/{path}").status_code == 404, path


@pytest.mark.parametrize("url", ["/api/periksa", "/periksa"])
def test_bad_or_missing_csrf_token_is_refused(serve, good, url):
    browser = serve()
    for headers in ({}, {"X-CSRF-Token": "palsu"}):
        refused = browser.upload(url, [good], headers=headers)
        assert refused.status_code == 403
        assert "Token keamanan (CSRF)" in refused.text


def test_access_code_is_asked_once_per_browser(serve, good):
    browser = serve(code="rahasia8")
    page = browser.client.get("/buat")
    assert "/masuk" in str(page.url) and "Kode akses" in page.text
    refused = browser.upload("/api/periksa", [good])
    assert refused.status_code == 401 and "X-Sopdocs-Kode" in refused.json()["galat"]
    wrong = browser.client.post("/masuk?lanjut=/buat", data={"kode": "salah", "csrf": browser.csrf})
    assert wrong.status_code == 403 and "Kode akses salah" in wrong.text
    right = browser.client.post("/masuk?lanjut=/buat", data={"kode": "RAHASIA8", "csrf": browser.csrf})
    assert right.status_code == 200 and str(right.url).endswith("/buat") and "Buat dokumen" in right.text
    assert browser.upload("/api/periksa", [good]).status_code == 200  # the cookie now proves it
    script = Browser(TestClient(browser.client.app))
    assert script.upload("/api/periksa", [good],
                         headers={"X-CSRF-Token": script.csrf, "X-Sopdocs-Kode": "rahasia8"}).status_code == 200


def test_too_large_a_file_is_refused(serve, good):
    browser = serve(limits=Limits(file_size=2000))
    refused = browser.upload("/api/periksa", [good])
    assert refused.status_code == 413 and "terlalu besar" in refused.json()["galat"] and "dinas.xlsx" in refused.json()["galat"]


def test_too_large_an_upload_is_refused_before_it_is_read(serve, good):
    browser = serve(limits=Limits(request_size=MB))
    refused = browser.upload("/api/periksa", [("besar.xlsx", b"\0" * (2 * MB))])
    assert refused.status_code == 413 and "paling besar 1 MB" in refused.json()["galat"]


def test_too_many_files_are_refused(serve, good):
    refused = serve(limits=Limits(files=2)).upload("/api/periksa", [good, good, good])
    assert refused.status_code == 400 and "Terlalu banyak file" in refused.json()["galat"]


@pytest.mark.parametrize("name, content, words", [
    ("dinas.xlsx", b"ini bukan workbook", "bukan workbook Excel (.xlsx) maupun arsip .zip yang sebenarnya"),
    ("dinas.pdf", b"%PDF-1.4", "hanya workbook Excel (.xlsx) atau arsip .zip"),
    ("lama.xlsx", b"\xd0\xcf\x11\xe0" + b"\0" * 600, "format .xls lama atau dikunci kata sandi"),
    ("foto.xlsx", zipped({"foto.txt": b"x"})[1], "bukan workbook Excel (.xlsx) yang sebenarnya"),
])
def test_content_that_is_not_a_workbook_is_refused(serve, name, content, words):
    refused = serve().upload("/api/periksa", [(name, content)])
    assert refused.status_code == 400 and words in refused.json()["galat"]


def test_zip_bomb_is_refused(serve, good):
    bomb = zipped({"dinas.xlsx": good.read_bytes(), "isi.xlsx": b"\0" * (30 * MB)})
    refused = serve().upload("/api/periksa", [bomb])
    assert refused.status_code == 413 and "tidak wajar" in refused.json()["galat"]
    too_big = serve(limits=Limits(unpacked_size=MB)).upload("/api/periksa", [zipped({"a.xlsx": b"\1" * (2 * MB)})])
    assert too_big.status_code == 413 and "terlalu besar setelah dibuka" in too_big.json()["galat"]


def test_zip_with_too_many_entries_is_refused(serve, good):
    many = zipped({f"catatan{i}.txt": b"" for i in range(30)})
    refused = serve(limits=Limits(zip_entries=20)).upload("/api/periksa", [many])
    assert refused.status_code == 400 and "terlalu banyak file (30)" in refused.json()["galat"]


@pytest.mark.parametrize("entry", ["../dinas.xlsx", "/tmp/dinas.xlsx", "C:/Windows/dinas.xlsx",
                                   "wilayah/../../dinas.xlsx", "..\\..\\dinas.xlsx"])
def test_zip_names_never_leave_the_job_folder(serve, good, tmp_path, entry):
    browser = serve()
    refused = browser.upload("/api/periksa", [zipped({entry: good.read_bytes()})])
    assert refused.status_code == 400 and "menunjuk ke luar foldernya" in refused.json()["galat"]
    root = tmp_path / "kerja0"
    assert sorted(p.name for p in tmp_path.rglob("dinas.xlsx")) == ["dinas.xlsx"]  # only the test's own
    assert not any(root.rglob("*.xlsx"))


def test_region_zip_is_checked_workbook_by_workbook_and_nothing_else_is_taken(serve, good, broken, tmp_path):
    """Only workbooks come out of an archive: never a plugin that the pipeline would run."""
    evil = "import pathlib\npathlib.Path(%r).write_text('dijalankan')\n" % str(tmp_path / "dijalankan.txt")
    archive = zipped({"wilayah/dinas/dinas.xlsx": good.read_bytes(), "wilayah/rusak.xlsx": broken.read_bytes(),
                      "wilayah/plugins/jahat.py": evil.encode(), "wilayah/dinas/plugins/jahat.py": evil.encode(),
                      "wilayah/~$dinas.xlsx": b"lock", "__MACOSX/wilayah/._rusak.xlsx": b"x"})
    browser = serve(threads=False)
    checked = browser.upload("/api/periksa", [archive]).json()
    assert [c["workbook"] for c in checked] == ["wilayah/wilayah/dinas/dinas.xlsx", "wilayah/wilayah/rusak.xlsx"]
    assert [c["ok"] for c in checked] == [True, False]
    state = browser.wait(browser.upload("/api/buat", [archive]).json()["id"])
    assert [f["nama"] for f in state["berkas"]] == ["DISDIK_SOP.docx", "DISDIK_SP.docx"]
    assert not (tmp_path / "dijalankan.txt").exists()
