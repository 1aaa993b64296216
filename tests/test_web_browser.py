"""End to end in a real headless Chromium: a member of staff checks a sample and a broken workbook,
sees the finding at its cell, builds, watches the progress, downloads the .docx.

Screenshots go to $SOPDOCS_SCREENSHOTS (default: the test's temporary folder) for a person to look at.
"""
from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import docx
import pytest

from conftest import STEPS, instansi_rows, sop_rows, sp_rows, write_workbook

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright (Python) tidak terpasang")
CHROMIUM = os.environ.get("SOPDOCS_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium tidak terpasang (Debian: apt-get install chromium)")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SAMPLE = Path(__file__).parent.parent / "samples" / "kecamatan-contoh.xlsx"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    """A real `sopdocs web` server (uvicorn, process pool) on 127.0.0.1 and a free port."""
    import uvicorn

    from sopdocs.web.app import Settings, create_app

    port = free_port()
    config = uvicorn.Config(create_app(Settings(workers=2, root=tmp_path / "kerja")), host="127.0.0.1", port=port,
                            log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.time() + 30
    while not running.started and time.time() < deadline:
        time.sleep(0.05)
    assert running.started
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(60)


@pytest.fixture
def page():
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
        yield context.new_page()
        browser.close()


def test_check_and_build_in_chromium(server, page, tmp_path):
    shots = Path(os.environ.get("SOPDOCS_SCREENSHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    broken = write_workbook(tmp_path / "dinas-rusak.xlsx", {
        "Instansi": instansi_rows(),
        "SOP 01": sop_rows(steps=[["Mengajukan permohonan", [None] * 4, "Formulir", "5 menit", "Berkas", None, None,
                                   None], *STEPS[1:]]),
        "SP 01": sp_rows()})

    page.goto(server + "/")
    assert page.get_by_role("link", name="Unduh workbook kosong").is_visible()
    page.get_by_role("link", name="Periksa", exact=True).first.click()
    page.set_input_files("#berkas", [str(SAMPLE), str(broken)])
    page.get_by_role("button", name="Periksa").click()
    page.wait_for_selector("#hasil-periksa")
    finding = page.locator("table.findings tr.error").first
    assert finding.locator("td.where").inner_text() == "SOP 01!C12"
    assert "belum punya pelaksana" in finding.inner_text()
    assert "PERINGATAN" in page.inner_text("#hasil-periksa")  # the sample's Waktu "5" at J40
    page.screenshot(path=str(shots / "periksa.png"), full_page=True)

    page.get_by_role("link", name="Buat", exact=True).click()
    page.set_input_files("#berkas", [str(SAMPLE)])
    page.get_by_role("button", name="Buat dokumen").click()
    page.wait_for_selector("progress")  # the progress bar of the workbook, while it is being made
    page.wait_for_selector("#unduh-semua", timeout=300_000)
    assert "1 dari 1 workbook berhasil dibuat." in page.inner_text("#status")
    if page.locator(".pages img").count():
        page.locator(".pages img").first.wait_for()
    page.screenshot(path=str(shots / "hasil.png"), full_page=True)

    with page.expect_download() as download:
        page.get_by_role("link", name="Kec._Bukit_SOP.docx").click()
    saved = tmp_path / "unduhan.docx"
    download.value.save_as(saved)
    text = "\n".join(p.text for p in docx.Document(str(saved)).paragraphs)
    assert "KECAMATAN" in text.upper()
