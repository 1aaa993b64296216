"""Finding LibreOffice: $SOPDOCS_SOFFICE, PATH, the install folders, and on Windows the registry."""
from __future__ import annotations

import sys
import types

import pytest

from sopdocs import pdf


@pytest.fixture
def machine(monkeypatch):
    """machine(platform, files, registry={key: folder}, env={}): a pretend computer for soffice()."""

    def pretend(platform: str, files=(), registry=None, env=None, on_path=None):
        monkeypatch.setattr(pdf.sys, "platform", platform)
        monkeypatch.setattr(pdf.shutil, "which", lambda name: on_path if name == "soffice" else None)
        monkeypatch.setattr(pdf.os.path, "isfile", lambda path: path in set(files))
        for name in ("SOPDOCS_SOFFICE", "ProgramFiles", "ProgramFiles(x86)", "ProgramW6432"):
            monkeypatch.delenv(name, raising=False)
        for name, value in (env or {}).items():
            monkeypatch.setenv(name, value)
        monkeypatch.setitem(sys.modules, "winreg", fake_winreg(registry or {}))

    return pretend


def fake_winreg(values: dict) -> types.ModuleType:
    module = types.ModuleType("winreg")
    module.HKEY_LOCAL_MACHINE, module.HKEY_CURRENT_USER = "HKLM", "HKCU"

    class Key:
        def __init__(self, root, key):
            if (root, key) not in values:
                raise FileNotFoundError(key)
            self.value = values[root, key]

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

    module.OpenKey = Key
    module.QueryValueEx = lambda key, name: (key.value, 1)
    return module


def test_windows_program_files(machine):
    machine("win32", files=[r"C:\Program Files\LibreOffice\program\soffice.exe"])
    assert pdf.soffice() == r"C:\Program Files\LibreOffice\program\soffice.exe"


def test_windows_program_files_x86_from_the_environment(machine):
    place = r"D:\Apps (x86)\LibreOffice\program\soffice.exe"
    machine("win32", files=[place], env={"ProgramFiles(x86)": r"D:\Apps (x86)", "ProgramFiles": r"D:\Apps"})
    assert pdf.soffice() == place


def test_windows_registry_names_a_custom_folder(machine):
    machine("win32", files=[r"E:\Kantor\LO\program\soffice.exe"],
            registry={("HKLM", r"SOFTWARE\LibreOffice\UNO\InstallPath"): r"E:\Kantor\LO\program"})
    assert pdf.soffice() == r"E:\Kantor\LO\program\soffice.exe"


def test_windows_registry_of_32_bit_office_on_64_bit_windows(machine):
    machine("win32", files=[r"F:\LO\program\soffice.exe"],
            registry={("HKLM", r"SOFTWARE\WOW6432Node\LibreOffice\UNO\InstallPath"): r"F:\LO\program"})
    assert pdf.soffice() == r"F:\LO\program\soffice.exe"


def test_path_comes_before_the_install_folders(machine):
    machine("win32", files=[r"C:\Program Files\LibreOffice\program\soffice.exe"], on_path=r"C:\LO\soffice.exe")
    assert pdf.soffice() == r"C:\LO\soffice.exe"


def test_the_variable_comes_first_and_must_exist(machine):
    machine("win32", files=[r"G:\lo\soffice.exe", r"C:\Program Files\LibreOffice\program\soffice.exe"],
            env={"SOPDOCS_SOFFICE": r"G:\lo\soffice.exe"}, on_path="/usr/bin/soffice")
    assert pdf.soffice() == r"G:\lo\soffice.exe"
    machine("linux", files=[], env={"SOPDOCS_SOFFICE": "/salah/soffice"}, on_path="/usr/bin/soffice")
    assert pdf.soffice() is None


def test_nothing_found(machine):
    machine("win32", files=[])
    assert pdf.soffice() is None
    machine("darwin", files=["/Applications/LibreOffice.app/Contents/MacOS/soffice"])
    assert pdf.soffice() == "/Applications/LibreOffice.app/Contents/MacOS/soffice"
    machine("linux", files=["/Applications/LibreOffice.app/Contents/MacOS/soffice"])
    assert pdf.soffice() is None
