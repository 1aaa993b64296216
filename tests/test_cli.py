"""Everything the command line prints is Bahasa Indonesia, including click's own words."""
import re

import pytest
from click.testing import CliRunner

from sopdocs.cli import main

ENGLISH = re.compile(r"\b(Usage|Options|Commands|Show this|Error|Missing|Invalid|does not exist|is not one of|"
                     r"Did you mean|No such|Try)\b")


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.mark.parametrize("args", [["--help"], ["check", "--help"], ["build", "--help"], ["init", "--help"],
                                  ["pratinjau", "--help"], ["web", "--help"]])
def test_help_is_indonesian(args):
    result = run(*args)
    assert result.exit_code == 0
    assert "Penggunaan:" in result.output and "Opsi" in result.output
    assert not ENGLISH.search(result.output), result.output


@pytest.mark.parametrize("args, words", [
    (["build"], "belum diisi"),
    (["pratinjau", "/tidak/ada.docx"], "tidak ada"),
    (["build", "x.xlsx", "--kertas", "B5"], "bukan salah satu dari"),
    (["cek"], "Mungkin maksud Anda 'check'"),
    (["check", "--tidak-ada"], "Tidak ada opsi"),
])
def test_usage_errors_are_indonesian(args, words):
    result = run(*args)
    assert result.exit_code == 2
    assert words in result.output and "Galat:" in result.output
    assert not ENGLISH.search(result.output), result.output
