"""Messy and broken input: never a traceback, always a clear Indonesian sentence, and the other
workbooks of the same call still checked."""
import json
import re
import zipfile

import openpyxl
import pytest
from openpyxl.styles import Font

from conftest import (
    TABLE_TAIL, at, check, identity_rows, instansi_rows, needs_soffice, only, run_cli, soffice_convert, sop_rows,
)

OLE_MAGIC = bytes.fromhex("d0cf11e0a1b11ae1")


def report(output: str, path) -> str:
    """The lines `check` printed about one workbook: from its name to its `=>` summary."""
    start = output.index(str(path))
    return output[start:output.index("=>", start) + 200].split("\n\n")[0]


@pytest.fixture
def good(build):
    return build(name="baik.xlsx")


def assert_unreadable(bad, good, *words):
    """`check BAD GOOD` in a subprocess: no traceback, exit 1, BAD explained, GOOD still fine."""
    result = run_cli("check", str(bad), str(good))
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert result.returncode == 1
    bad_report = report(result.stdout, bad)
    assert "GALAT" in bad_report and "BERGALAT: tidak dapat dibaca; 1 galat" in bad_report
    for word in words:
        assert word in bad_report, bad_report
    assert "SIAP: 1 SOP, 1 Standar Pelayanan; 0 galat" in report(result.stdout, good)
    assert "2 workbook diperiksa: 1 siap dibuat, 1 bergalat." in result.stdout
    return bad_report


# --- files that are not readable workbooks -----------------------------------------------------

def test_text_file_renamed_xlsx(tmp_path, good):
    bad = tmp_path / "catatan.xlsx"
    bad.write_text("Nama SOP;Pelayanan KTP\n", encoding="utf-8")
    assert_unreadable(bad, good, "bukan file Excel .xlsx", "simpan workbook sebagai")


def test_old_xls(tmp_path, good):
    bad = tmp_path / "lama.xls"
    bad.write_bytes(OLE_MAGIC + b"\0" * 4096)
    assert_unreadable(bad, good, "file Excel lama (.xls)", "simpan sebagai")


def test_old_xls_found_in_a_folder(tmp_path, good):
    (tmp_path / "lama.xls").write_bytes(OLE_MAGIC + b"\0" * 600)
    (tmp_path / "~$baik.xlsx").write_bytes(b"lock")
    result = run_cli("check", str(tmp_path))
    assert result.returncode == 1
    assert "file Excel lama (.xls)" in report(result.stdout, tmp_path / "lama.xls")
    assert "~$" not in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_password_protected_file(tmp_path, good):
    bad = tmp_path / "rahasia.xlsx"
    bad.write_bytes(OLE_MAGIC + b"\0" * 1000 + "EncryptionInfo".encode("utf-16-le") + b"\0" * 1000)
    assert_unreadable(bad, good, "dilindungi kata sandi", "hapus kata sandinya")


def test_password_protected_real_workbook(tmp_path, good):
    crypto = pytest.importorskip("msoffcrypto.format.ooxml")
    bad = tmp_path / "terkunci.xlsx"
    with good.open("rb") as plain, bad.open("wb") as out:
        crypto.OOXMLFile(plain).encrypt("rahasia", out)
    assert_unreadable(bad, good, "dilindungi kata sandi")


def test_empty_file(tmp_path, good):
    bad = tmp_path / "kosong.xlsx"
    bad.write_bytes(b"")
    assert_unreadable(bad, good, "File kosong (0 byte)")


def test_truncated_file(tmp_path, good):
    bad = tmp_path / "terpotong.xlsx"
    data = good.read_bytes()
    bad.write_bytes(data[:len(data) // 2])
    assert_unreadable(bad, good, "rusak atau terpotong")


def test_zip_that_is_not_a_workbook(tmp_path, good):
    bad = tmp_path / "arsip.xlsx"
    with zipfile.ZipFile(bad, "w") as package:
        package.writestr("dokumen.txt", "bukan workbook")
    assert_unreadable(bad, good, "bukan workbook Excel")


def damage_part(good, bad, part, keep):
    """Copy the package `good` to `bad` with `part` cut to `keep` of its length (0: left out)."""
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(bad, "w") as out:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == part:
                if not keep:
                    continue
                data = data[:int(len(data) * keep)]
            out.writestr(item, data)
    return bad


def test_damaged_sheet_inside_the_package(tmp_path, good):
    bad = damage_part(good, tmp_path / "rusak.xlsx", "xl/worksheets/sheet2.xml", 0.5)
    assert_unreadable(bad, good, "rusak", "simpan ulang")


def test_sheet_whose_checksum_does_not_match(tmp_path, good):
    """A sheet whose content no longer matches the checksum the zip keeps for it (bytes changed
    by a bad disk or copy): the file keeps its length and its zip directory."""
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as package:
        info = package.getinfo("xl/worksheets/sheet2.xml")
    wrong = (info.CRC ^ 1).to_bytes(4, "little")
    data[info.header_offset + 14:info.header_offset + 18] = wrong  # the entry's own header
    central = data.index(b"PK\x01\x02")
    while data[central + 46:central + 46 + len(info.filename)] != info.filename.encode():
        central = data.index(b"PK\x01\x02", central + 4)
    data[central + 16:central + 20] = wrong  # the directory's copy
    bad = tmp_path / "rusak-isi.xlsx"
    bad.write_bytes(bytes(data))
    assert_unreadable(bad, good, "rusak atau terpotong")


@pytest.mark.parametrize("part", ["xl/worksheets/sheet2.xml", "xl/_rels/workbook.xml.rels"])
def test_sheet_missing_from_the_package(tmp_path, good, part):
    bad = damage_part(good, tmp_path / "bolong.xlsx", part, 0)
    assert_unreadable(bad, good, "rusak atau terpotong", '"Instansi"' if "rels" in part else '"SOP 01"')


def test_missing_file_and_folder(tmp_path, good):
    result = run_cli("check", str(tmp_path / "tidak-ada.xlsx"), str(good))
    assert result.returncode == 1
    assert "File tidak ditemukan" in report(result.stdout, tmp_path / "tidak-ada.xlsx")
    assert "Traceback" not in result.stdout + result.stderr


# --- readable workbooks with problems ----------------------------------------------------------

def test_no_instansi_sheet_via_cli(build, good):
    bad = build({"SOP": sop_rows()}, name="tanpa-instansi.xlsx")
    result = run_cli("check", str(bad), str(good))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    bad_report = report(result.stdout, bad)
    assert 'Tidak ada sheet "Instansi"' in bad_report and "BERGALAT: 1 SOP" in bad_report
    assert "SIAP" in report(result.stdout, good)


def test_vertical_merge_of_kegiatan_in_the_activity_table(build):
    findings = check(build({"Instansi": instansi_rows(), "SOP": sop_rows()}, merged={"SOP": ["B13:B14"]})).findings
    finding = only(findings, "SOP", "B13", "error")
    assert "B13:B14" in finding.message and "Unmerge" in finding.message


def test_merges_outside_the_table_are_fine(build):
    rows = sop_rows() + [[], ["Catatan: dibuat oleh tim penyusun"]]
    findings = check(build({"Instansi": instansi_rows(), "SOP": rows},
                           merged={"SOP": ["B2:F2", "A18:F18", "N12:O14"]})).findings
    assert [f for f in findings if f.is_error] == []


def rewrite_sheets(path, change):
    """Rewrite the package at `path` with `change(xml)` applied to each sheet part."""
    with zipfile.ZipFile(path) as source:
        items = [(item, source.read(item)) for item in source.infolist()]
    with zipfile.ZipFile(path, "w") as out:
        for item, data in items:
            out.writestr(item, change(data) if item.filename.startswith("xl/worksheets/sheet") else data)


def excel_style_blanks(path):
    """Rewrite empty cells as Excel writes them (`<c r="A9" s="1"/>`, not `<c ...></c>`)."""
    rewrite_sheets(path, lambda xml: re.sub(rb"<c ([^>]*?)></c>", rb"<c \1/>", xml))


def formula_workbook(build):
    rows = sop_rows(**{"Nama SOP": '=CONCATENATE("Pelayanan ","KTP-el")'})
    rows.insert(7, [None, '="Perbup "&"Nomor 7"'])  # a Dasar Hukum continuation row, column A styled
    path = build({"Instansi": instansi_rows(), "SOP": rows})
    book = openpyxl.load_workbook(path)
    book["SOP"]["A8"].font = Font(bold=True)
    book.save(path)
    return path


def test_formula_without_saved_value(build):
    path = formula_workbook(build)
    excel_style_blanks(path)
    findings = check(path).findings
    for cell in ("B2", "B8"):
        finding = only(findings, "SOP", cell, "warning")
        assert "rumus" in finding.message and "nilainya tidak tersimpan" in finding.message
    assert at(findings, "SOP", "A8") == []
    assert '"Nama SOP" belum diisi' in only(findings, "SOP", "B2", "error").message


def prefixed_sheets(path):
    """Rewrite the sheets with a namespace prefix on every element (`<x:c>`, `<x:f>`), as some
    generators write them."""
    def prefixed(xml):
        xml = re.sub(rb"<(/?)(?!\?)([A-Za-z]+[ >/])", rb"<\1x:\2", xml)
        return xml.replace(b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
                           b'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', 1)
    rewrite_sheets(path, prefixed)


def test_formula_without_saved_value_in_prefixed_sheet(build):
    path = formula_workbook(build)
    prefixed_sheets(path)
    findings = check(path).findings
    for cell in ("B2", "B8"):
        assert "nilainya tidak tersimpan" in only(findings, "SOP", cell, "warning").message


def test_stored_package_without_compression(build, tmp_path):
    """A package whose parts are stored, not compressed (zip tools can write such files)."""
    path = formula_workbook(build)
    stored = tmp_path / "tanpa-kompresi.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(stored, "w", zipfile.ZIP_STORED) as out:
        for item in source.infolist():
            out.writestr(item.filename, source.read(item))
    findings = check(stored).findings
    assert "nilainya tidak tersimpan" in only(findings, "SOP", "B2", "warning").message
    assert check(stored).doc.sops[0].steps


@needs_soffice
def test_formula_with_saved_error_value(build, tmp_path):
    rows = sop_rows()
    rows[12][7] = "=NA()"
    converted = soffice_convert(build({"Instansi": instansi_rows(), "SOP": rows}), tmp_path / "lo")
    findings = check(converted).findings
    assert "galat rumus #N/A" in only(findings, "SOP", "H13", "warning").message


@needs_soffice
def test_formula_with_saved_value_reads_its_value(build, tmp_path):
    converted = soffice_convert(formula_workbook(build), tmp_path / "lo")
    result = check(converted)
    assert result.doc.sops[0].nama == "Pelayanan KTP-el"
    assert result.doc.sops[0].dasar_hukum == ["Undang-Undang Nomor 24 Tahun 2013", "Perbup Nomor 7"]
    assert not [f for f in result.findings if "rumus" in f.message]
    assert result.ok


def test_cells_showing_an_excel_error(build):
    rows = sop_rows(**{"Nama SOP": "#DIV/0!"})  # openpyxl stores these as error values, as Excel does
    rows[12][7] = "#N/A"
    findings = check(build({"Instansi": instansi_rows(), "SOP": rows})).findings
    assert "galat rumus #DIV/0!" in only(findings, "SOP", "B2", "warning").message
    assert "galat rumus #N/A" in only(findings, "SOP", "H13", "warning").message
    assert '"Nama SOP" belum diisi' in only(findings, "SOP", "B2", "error").message


def test_hidden_sop_sheet_is_skipped_with_a_warning(build):
    sheets = {"Instansi": instansi_rows(), "SOP": sop_rows(),
              "SOP lama": sop_rows(**{"Nama SOP": "Lama"}, steps=[])}
    result = check(build(sheets, hidden=("SOP lama",)))
    finding = only(result.findings, "SOP lama", "", "warning")
    assert "disembunyikan" in finding.message and "Unhide" in finding.message
    assert [s.nama for s in result.doc.sops] == ["Pelayanan Penerbitan KTP-el"]
    assert result.ok


@pytest.mark.parametrize("number", [196801011990031001, 1968010119900310])
def test_long_number_typed_as_a_number(build, number):
    findings = check(build({"Instansi": instansi_rows(**{"NIP Pimpinan": number}), "SOP": sop_rows()})).findings
    assert "NIP" in only(findings, "Instansi", "B9", "warning").message


def test_short_numbers_are_fine(build):
    instansi = instansi_rows(**{"NIP Pimpinan": 123456789012345})
    findings = check(build({"Instansi": instansi, "SOP": sop_rows()})).findings
    assert at(findings, "Instansi", "B9") == []


# --- big workbooks -----------------------------------------------------------------------------

def test_big_sop_reads_fine(build):
    actors = [f"Pelaksana {i}" for i in range(1, 16)]
    long_text = ("Memeriksa kelengkapan dan keabsahan berkas permohonan " * 100)[:5000]
    steps = []
    for n in range(300):
        marks = [None] * 15
        marks[n % 15] = "x"
        if n % 50 == 7:
            marks[(n % 15) + 1 if n % 15 < 14 else 13] = "x"  # a joint activity now and then
        steps.append([long_text, marks, long_text, "15 menit", long_text, long_text, None, None])
    rows = [*identity_rows(**{"Dasar Hukum": long_text}), [], ["No", "Kegiatan", *actors, *TABLE_TAIL]]
    rows += [[n, kegiatan, *marks, *rest[:len(TABLE_TAIL)]] for n, (kegiatan, marks, *rest) in enumerate(steps, 1)]
    result = check(build({"Instansi": instansi_rows(Alamat=long_text), "SOP": rows}))
    assert [f for f in result.findings if f.level != "info"] == []
    sop = result.doc.sops[0]
    assert len(sop.steps) == 300 and sop.actors == actors
    assert sop.steps[-1].kegiatan == long_text.strip() and len(sop.steps[0].output) == len(long_text.strip())
    assert sop.total_minutes() == 300 * 15
    assert result.doc.instansi.alamat == long_text.strip()


def test_json_output_with_an_unreadable_workbook(tmp_path, good):
    bad = tmp_path / "kosong.xlsx"
    bad.write_bytes(b"")
    result = run_cli("check", "--json", str(bad), str(good))
    assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr
    data = {item["workbook"]: item for item in json.loads(result.stdout)}
    assert data[str(bad)]["ok"] is False
    assert [t["level"] for t in data[str(bad)]["temuan"]] == ["error"]
    assert "File kosong" in data[str(bad)]["temuan"][0]["message"]
    assert data[str(good)]["ok"] is True


def test_outputs_are_readable_by_others_like_any_new_file(tmp_path):
    """atomic_path's temporary file must not keep mkstemp's private 0600 mode."""
    import os

    from sopdocs.write import atomic_path

    mask = os.umask(0o022)
    try:
        with atomic_path(tmp_path / "hasil.docx") as tmp:
            tmp.write_bytes(b"isi")
    finally:
        os.umask(mask)
    assert (tmp_path / "hasil.docx").stat().st_mode & 0o777 == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["hasil.docx"]
