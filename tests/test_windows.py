"""What a Windows office needs: an installable wheel that carries its files, and a clear message
when a book cannot be replaced because it is open in Word."""
from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from click.testing import CliRunner

from conftest import instansi_rows, sop_rows, sp_rows, write_workbook
from sopdocs.cli import main

ROOT = Path(__file__).parent.parent


def test_cli_names_the_book_open_in_word(tmp_path, monkeypatch):
    workbook = write_workbook(tmp_path / "dinas.xlsx", {"Instansi": instansi_rows(), "SOP 01": sop_rows(),
                                                        "SP 01": sp_rows()})

    def refuse(source, target):  # what Windows does while Word has the file open
        raise PermissionError(13, "Permission denied", str(target))

    monkeypatch.setattr("sopdocs.write.os.replace", refuse)
    result = CliRunner().invoke(main, ["build", str(workbook), "-o", str(tmp_path / "hasil"), "--jobs", "1"])
    assert result.exit_code == 1
    assert "tutup dulu file DISDUKCAPIL_SOP.docx di Word, lalu ulangi" in result.output
    assert "Traceback" not in result.output


def test_wheel_carries_templates_web_files_and_docs(tmp_path):
    """`python -m build --wheel`, as the README's Windows steps say, without a deprecation warning."""
    built = subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(tmp_path), str(ROOT)],
                           capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    assert "deprecat" not in (built.stdout + built.stderr).lower(), built.stdout + built.stderr
    wheel = next(tmp_path.glob("sopdocs-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for wanted in ("sopdocs/templates_docx/buku_sop.docx", "sopdocs/templates_docx/buku_sp.docx",
                   "sopdocs/templates_docx/sop.docx", "sopdocs/pipeline/building.py", "sopdocs/web/app.py",
                   "sopdocs/web/templates/periksa.html", "sopdocs/web/static/sopdocs.css",
                   "sopdocs/web/static/pekerjaan.js", "sopdocs/docs/plugins.md", "sopdocs/data/arial-metrics.json"):
        assert wanted in names, wanted
    for guide in ROOT.glob("docs/*.md"):
        assert f"sopdocs/docs/{guide.name}" in names
