"""`sopdocs check`: one test per rule of WORKBOOK.md "What `check` reports", and the command.

Cell map of the default sheets (conftest): SOP B1 Nomor, B2 Nama, B4-B6 dates, B7 Dasar Hukum,
row 11 the table header, steps on rows 12-16; columns C-F actors, G Kelengkapan, H Waktu,
K Jika Ya, L Jika Tidak. SP B3 Prosedur, B4 Jangka Waktu. Instansi B1 Pemerintah, B2 Perangkat
Daerah, B5 Tahun.
"""
import copy
import gc
import json
import random

import pytest
from click.testing import CliRunner

from conftest import STEPS, at, check, identity_rows, instansi_rows, only, sop_rows, sp_rows, table_rows
from sopdocs import validate
from sopdocs.cli import main
from sopdocs.findings import Findings
from sopdocs.model import Branch, CellRef, Sop, Step


def steps(**rows):
    """A copy of the example steps; `s3=[...]` replaces step 3, `s3_marks=[...]` only its marks,
    `s3_ya=` / `s3_tidak=` / `s3_waktu=` one of its cells."""
    result = copy.deepcopy(STEPS)
    columns = {"marks": 1, "waktu": 3, "ya": 6, "tidak": 7}
    for key, value in rows.items():
        number, _, part = key[1:].partition("_")
        if part:
            result[int(number) - 1][columns[part]] = value
        else:
            result[int(number) - 1] = value
    return result


def run(build, sop=None, sp=None, instansi=None, **more):
    """check a workbook of Instansi, SOP (and SP when given) sheets; returns the findings."""
    sheets = {"Instansi": instansi_rows() if instansi is None else instansi,
              "SOP": sop_rows() if sop is None else sop}
    if sp is not None:
        sheets["SP"] = sp
    sheets.update(more)
    return check(build(sheets)).findings


def sop_with(step_list, **identity):
    return [*identity_rows(**identity), [], *table_rows(step_list)]


def errors(findings):
    return [f for f in findings if f.is_error]


# --- the good workbook -------------------------------------------------------------------------

def test_good_workbook_has_no_errors_and_no_warnings(build):
    result = check(build())
    assert result.ok
    assert [f for f in result.findings if f.level != "info"] == []


def test_init_template_passes_check(tmp_path):
    path = tmp_path / "templat.xlsx"
    assert CliRunner().invoke(main, ["init", str(path)]).exit_code == 0
    result = invoke(path)
    assert result.exit_code == 0, result.output
    assert "SIAP: 1 SOP, 1 Standar Pelayanan; 0 galat, 0 peringatan." in result.output
    assert "CATATAN" not in result.output  # the hints of the template are not cells


# --- errors ------------------------------------------------------------------------------------

def test_no_instansi_sheet(build):
    findings = check(build({"SOP": sop_rows()})).findings
    finding = only(findings, "", "", "error")
    assert "Instansi" in finding.message and "tambahkan" in finding.message


def test_instansi_sheet_name_matches_loosely(build):
    findings = check(build({" instansi ": instansi_rows(), "SOP": sop_rows()})).findings
    assert errors(findings) == []


@pytest.mark.parametrize("label, cell", [("Pemerintah", "B1"), ("Perangkat Daerah", "B2")])
def test_instansi_field_empty(build, label, cell):
    findings = run(build, instansi=instansi_rows(**{label: ""}))
    finding = only(findings, "Instansi", cell, "error")
    assert f'"{label}" belum diisi' in finding.message


def test_instansi_sheet_without_any_label(build):
    findings = run(build, instansi=[["Isian instansi menyusul"]])
    messages = [f.message for f in at(findings, "Instansi", "A1", "error")]
    assert len(messages) == 2 and errors(findings) == at(findings, "Instansi", "A1", "error")
    assert '"Pemerintah" belum diisi' in messages[0] and '"Perangkat Daerah" belum diisi' in messages[1]


def test_instansi_findings_name_the_sheet_as_written(build):
    findings = check(build({"INSTANSI ": instansi_rows(Pemerintah=""), "SOP": sop_rows()})).findings
    only(findings, "INSTANSI ", "B1", "error")
    assert findings[0].sheet == "INSTANSI "


def test_instansi_field_label_missing(build):
    findings = run(build, instansi=instansi_rows(Pemerintah=None))
    assert '"Pemerintah" belum diisi' in only(findings, "Instansi", "A1", "error").message


def test_sop_without_nama(build):
    findings = run(build, sop=sop_rows(**{"Nama SOP": ""}))
    assert '"Nama SOP" belum diisi' in only(findings, "SOP", "B2", "error").message


def test_sop_without_activities(build):
    findings = run(build, sop=[*identity_rows(), [], *table_rows([])])
    assert "belum berisi kegiatan" in only(findings, "SOP", "A11", "error").message


def test_sop_without_activity_table(build):
    findings = run(build, sop=identity_rows())
    assert "Tabel kegiatan tidak ditemukan" in only(findings, "SOP", "A1", "error").message


@pytest.mark.parametrize("numbers, cell, wrong", [([1, 2, 4, 5, 6], "A14", "4"), ([1, 2, 2, 3, 4], "A14", "2"),
                                                  ([0, 1, 2, 3, 4], "A12", "0")])
def test_step_numbers_not_1_to_n(build, numbers, cell, wrong):
    sop = sop_with(steps())
    for row, number in zip(sop[11:], numbers):
        row[0] = number
    findings = run(build, sop=sop)
    finding = only(findings, "SOP", cell, "error")
    assert "urut 1, 2, 3" in finding.message and f"tertulis {wrong}" in finding.message


def test_step_number_not_a_number(build):
    sop = sop_with(steps())
    sop[13][0] = "tiga"
    findings = run(build, sop=sop)
    assert '"tiga" bukan angka' in only(findings, "SOP", "A14", "error").message


def test_activity_without_actor(build):
    findings = run(build, sop=sop_with(steps(s3_marks=[None] * 4)))
    finding = only(findings, "SOP", "C14", "error")
    assert "langkah 3 belum punya pelaksana" in finding.message and "tanda x" in finding.message


def test_non_adjacent_actors(build):
    findings = run(build, sop=sop_with(steps(s3_marks=[None, "x", None, "x"])))
    finding = only(findings, "SOP", "D14", "error")
    assert "tidak bersebelahan" in finding.message and "Petugas Loket, Kadis" in finding.message


def test_unknown_mark_letter(build):
    findings = run(build, sop=sop_with(steps(s3_marks=[None, None, "Q", None])))
    finding = only(findings, "SOP", "E14", "error")
    assert 'Tanda "Q" tidak dikenal' in finding.message and "K (keputusan)" in finding.message


def test_different_letters_on_one_activity(build):
    findings = run(build, sop=sop_with(steps(s3_marks=[None, "P", "K", None])))
    assert "huruf simbol berbeda" in only(findings, "SOP", "D14", "error").message


@pytest.mark.parametrize("branch, cell, value", [("s3_ya", "K14", "9"), ("s2_tidak", "L13", "Tidak lengkap: 7")])
def test_branch_target_missing(build, branch, cell, value):
    findings = run(build, sop=sop_with(steps(**{branch: value})))
    finding = only(findings, "SOP", cell, "error")
    assert "hanya 1 sampai 5" in finding.message


def test_branch_to_itself(build):
    findings = run(build, sop=sop_with(steps(s2_tidak="Tidak lengkap: 2")))
    assert "menunjuk ke langkah itu sendiri" in only(findings, "SOP", "L13", "error").message


def test_branch_without_step_number(build):
    findings = run(build, sop=sop_with(steps(s2_tidak="kembali ke pemohon")))
    finding = only(findings, "SOP", "L13", "error")
    assert "tidak berisi nomor langkah" in finding.message and "Tidak lengkap: 1" in finding.message


def test_decision_without_two_exits(build):
    findings = run(build, sop=sop_with(steps(s3_marks=[None, None, "K", None])))
    finding = only(findings, "SOP", "L14", "error")
    assert "keputusan" in finding.message and "dua jalan keluar" in finding.message


def test_decision_whose_exits_are_the_same(build):
    findings = run(build, sop=sop_with(steps(s2_ya="Lengkap: 1")))
    assert "dua jalan keluar" in only(findings, "SOP", "L13", "error").message


def test_process_with_jika_tidak(build):
    findings = run(build, sop=sop_with(steps(s2_marks=[None, "P", None, None])))
    finding = only(findings, "SOP", "L13", "error")
    assert "bukan keputusan" in finding.message and "huruf K" in finding.message


def test_unreachable_activity(build):
    findings = run(build, sop=sop_with(steps(s3_ya=5)))
    finding = only(findings, "SOP", "A15", "error")
    assert "Langkah 4 tidak pernah dicapai" in finding.message
    assert errors(findings) == [finding]


def test_loop_without_way_to_the_end(build):
    flow = steps(s2_ya="Lengkap: 3", s2_tidak="Tidak lengkap: 5", s4_ya=3)
    findings = run(build, sop=sop_with(flow))
    assert [(f.cell, f.level) for f in errors(findings)] == [("A14", "error"), ("A15", "error")]
    assert "tidak pernah sampai ke akhir" in findings.errors[0].message


def test_selesai_letter_ends_the_flow_early(build):
    flow = steps(s2_ya="Lengkap: 3", s2_tidak="Tidak lengkap: 5", s3_marks=[None, None, "S", None])
    findings = run(build, sop=sop_with(flow))
    assert "Langkah 4 tidak pernah dicapai" in only(findings, "SOP", "A15", "error").message


def test_selesai_letter_ends_a_flow_without_branches(build):
    """No Jika Ya or Jika Tidak anywhere, but an S in the middle: the steps after it are never reached."""
    findings = run(build, sop=sop_with(steps(s2_tidak=None, s3_marks=[None, None, "S", None])))
    assert [(f.cell, f.message.split(";")[0]) for f in errors(findings)] == [
        ("A15", "Langkah 4 tidak pernah dicapai dari langkah 1"), ("A16", "Langkah 5 tidak pernah dicapai dari langkah 1")]


def test_duplicate_nomor_and_nama(build):
    findings = run(build, **{"SOP 2": sop_rows()})
    nomor = only(findings, "SOP 2", "B1", "error")
    nama = only(findings, "SOP 2", "B2", "error")
    assert 'Nomor SOP "800/01/DUKCAPIL/2024" sama dengan di sheet "SOP"' in nomor.message
    assert 'Nama SOP "Pelayanan Penerbitan KTP-el" sama' in nama.message
    assert at(findings, "SOP", "B1", "error") == at(findings, "SOP", "B2", "error") == []


def test_duplicate_nama_ignores_case_and_spaces(build):
    findings = run(build, **{"SOP 2": sop_rows(**{"Nomor SOP": "02", "Nama SOP": "pelayanan  penerbitan KTP-EL"})})
    only(findings, "SOP 2", "B2", "error")
    assert at(findings, "SOP 2", "B1") == []


def test_sop_reference_matching_nothing(build):
    findings = run(build, sp=sp_rows(**{"Sistem, Mekanisme, dan Prosedur": "SOP: Pelayanan Akta Kelahiran"}))
    finding = only(findings, "SP", "B3", "error")
    assert '"SOP: Pelayanan Akta Kelahiran" tidak cocok' in finding.message
    assert "Pelayanan Penerbitan KTP-el" in finding.message


def test_errors_in_one_sheet_do_not_hide_another(build):
    findings = run(build, sop=sop_rows(**{"Nama SOP": ""}),
                   **{"SOP 2": sop_with(steps(s3_marks=[None] * 4), **{"Nama SOP": "Lain", "Nomor SOP": "2"})})
    only(findings, "SOP", "B2", "error")
    only(findings, "SOP 2", "C14", "error")


# --- warnings ----------------------------------------------------------------------------------

def test_unknown_date_is_a_warning(build):
    findings = run(build, sop=sop_rows(**{"Tanggal Pembuatan": "04 Januari"}))
    finding = only(findings, "SOP", "B4", "warning")
    assert 'Tanggal "04 Januari" tidak dikenali' in finding.message and "2 Januari 2024" in finding.message
    assert errors(findings) == []


def test_unknown_tanggal_keputusan(build):
    findings = run(build, instansi=instansi_rows(**{"Tanggal Keputusan": "Desember"}))
    assert "tidak dikenali" in only(findings, "Instansi", "B10", "warning").message


def test_dash_means_no_revision(build):
    findings = run(build, sop=sop_rows(**{"Tanggal Revisi": "-"}))
    assert at(findings, "SOP", "B5") == []


@pytest.mark.parametrize("value, example", [("lima belas mnt", "15 menit"), (5, "5 menit")])
def test_unknown_waktu_is_a_warning(build, value, example):
    findings = run(build, sop=sop_with(steps(s3_waktu=value)))
    finding = only(findings, "SOP", "H14", "warning")
    assert "tidak dikenali" in finding.message and f'"{example}"' in finding.message
    assert errors(findings) == []


@pytest.mark.parametrize("label, cell", [("Tanggal Efektif", "B6"), ("Dasar Hukum", "B7")])
def test_expected_sop_field_empty(build, label, cell):
    findings = run(build, sop=sop_rows(**{label: ""}))
    assert f'"{label}" belum diisi' in only(findings, "SOP", cell, "warning").message
    assert errors(findings) == []


def test_expected_sop_field_label_missing(build):
    findings = run(build, sop=sop_rows(**{"Tanggal Pembuatan": None}))
    assert '"Tanggal Pembuatan" belum diisi' in only(findings, "SOP", "A1", "warning").message


def test_expected_instansi_field_empty(build):
    findings = run(build, instansi=instansi_rows(Tahun=""))
    assert '"Tahun" belum diisi' in only(findings, "Instansi", "B5", "warning").message
    assert errors(findings) == []


@pytest.mark.parametrize("label, cell, name", [
    ("Sistem, Mekanisme, dan Prosedur", "B3", "Sistem, mekanisme, dan prosedur"),
    ("Produk Pelayanan", "B6", "Produk pelayanan"),
])
def test_expected_sp_component_empty(build, label, cell, name):
    findings = run(build, sp=sp_rows(**{label: ""}))
    assert f'Komponen "{name}" belum diisi' in only(findings, "SP", cell, "warning").message
    assert errors(findings) == []


def test_actor_column_never_used(build):
    flow = steps(s4_marks=[None, None, "x", None])
    findings = run(build, sop=sop_with(flow))
    finding = only(findings, "SOP", "F11", "warning")
    assert 'Pelaksana "Kadis" tidak pernah ditandai' in finding.message
    assert errors(findings) == []


def test_control_characters_removed(build, tmp_path):
    # Excel stores a control character as the escape _x0007_; openpyxl refuses the raw character.
    flow = steps(s3=["Memverifikasi_x0007_ data", [None, None, "x", None], "Berkas", "15 menit", "Data", None, None,
                     None])
    path = build({"Instansi": instansi_rows(), "SOP": sop_with(flow)})
    result = check(path)
    assert "karakter kontrol" in only(result.findings, "SOP", "B14", "warning").message
    assert result.doc.sops[0].steps[2].kegiatan == "Memverifikasi data"
    assert result.ok


def test_control_characters_reported_once_per_cell(build):
    findings = run(build, sop=sop_with(steps(s2_tidak="kembali_x0007_")))
    assert "karakter kontrol" in only(findings, "SOP", "L13", "warning").message
    assert 'Jika Tidak "kembali" tidak berisi nomor' in only(findings, "SOP", "L13", "error").message


def test_jangka_waktu_shorter_than_the_sop(build):
    flow = steps(s1_waktu="30 menit", s2_waktu="2 jam", s3_waktu="1 hari", s4_waktu="", s5_waktu="")
    findings = run(build, sop=sop_with(flow), sp=sp_rows(**{"Jangka Waktu Pelayanan": "1 hari"}))
    finding = only(findings, "SP", "B4", "warning")
    assert '"1 hari" lebih pendek' in finding.message and "1 hari kerja 2 jam 30 menit" in finding.message
    assert errors(findings) == []


@pytest.mark.parametrize("promised", ["2 hari", "1 minggu", "11 jam", "630 menit"])
def test_jangka_waktu_long_enough(build, promised):
    flow = steps(s1_waktu="30 menit", s2_waktu="2 jam", s3_waktu="1 hari", s4_waktu="", s5_waktu="")
    findings = run(build, sop=sop_with(flow), sp=sp_rows(**{"Jangka Waktu Pelayanan": promised}))
    assert at(findings, "SP", "B4") == []


def test_other_sheets_are_ignored_with_a_note(build):
    findings = run(build, Catatan=[["Cara mengisi"], ["1. Isi sheet Instansi"]])
    finding = only(findings, "Catatan", "", "info")
    assert "diabaikan" in finding.message
    assert str(finding).startswith("Catatan: ")


def test_the_petunjuk_sheet_of_init_is_ours_and_passed_over_quietly(build):
    findings = run(build, Petunjuk=[["Cara mengisi"], ["1. Isi sheet Instansi"]])
    assert at(findings, "Petunjuk", "") == []


def test_findings_in_reading_order(build):
    flow = steps(s3_waktu="lama", s1_marks=[None] * 4)
    findings = run(build, sop=sop_with(flow, **{"Tanggal Pembuatan": "kemarin"}), sp=sp_rows(),
                   Catatan=[["isi"]])
    where = [(f.sheet, f.cell) for f in findings]
    assert where == [("SOP", "B4"), ("SOP", "C12"), ("SOP", "H14"), ("Catatan", "")]


# --- the command -------------------------------------------------------------------------------

BAD_SOP = sop_with(steps(s3_marks=[None, None, "Q", None], s3_waktu="lama"))  # an error at E14, a warning at H14


def invoke(*args):
    return CliRunner().invoke(main, ["check", *map(str, args)])


def test_cli_good_workbook_exit_0(build):
    path = build()
    result = invoke(path)
    assert result.exit_code == 0, result.output
    assert str(path) in result.output
    assert "SIAP: 1 SOP, 1 Standar Pelayanan; 0 galat, 0 peringatan." in result.output


def test_cli_bad_workbook_exit_1_with_sheet_and_cell(build):
    path = build({"Instansi": instansi_rows(), "SOP": BAD_SOP})
    result = invoke(path)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert any(line.split()[:1] == ["GALAT"] and "SOP!E14: Tanda \"Q\" tidak dikenal" in line
               for line in lines), result.output
    assert any("PERINGATAN" in line and 'SOP!H14: Waktu "lama" tidak dikenali' in line for line in lines)
    assert "BERGALAT: 1 SOP, 0 Standar Pelayanan; 1 galat, 1 peringatan." in result.output


def test_cli_warnings_only_exit_0(build):
    result = invoke(build({"Instansi": instansi_rows(), "SOP": sop_with(steps(s3_waktu="lama"))}))
    assert result.exit_code == 0
    assert "0 galat, 1 peringatan" in result.output


def test_cli_summary_per_workbook_and_total(build, tmp_path):
    good = build(name="baik.xlsx")
    bad = build({"SOP": sop_rows()}, name="buruk.xlsx")
    result = invoke(tmp_path)
    assert result.exit_code == 1
    assert result.output.count("=>") == 2
    assert result.output.index(str(good)) < result.output.index(str(bad))  # folder: sorted by name
    assert "2 workbook diperiksa: 1 siap dibuat, 1 bergalat." in result.output


def test_cli_json_has_the_same_findings(build):
    path = build({"Instansi": instansi_rows(), "SOP": BAD_SOP,
                  "Catatan": [["x"]]})
    result = invoke(path, "--json")
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert len(data) == 1 and data[0]["workbook"] == str(path) and data[0]["ok"] is False
    expected = check(path).findings
    assert [(t["level"], t["sheet"], t["cell"], t["message"]) for t in data[0]["temuan"]] == \
           [(f.level, f.sheet, f.cell, f.message) for f in expected]
    assert data[0]["temuan"][0]["where"] == "SOP!E14"


def test_cli_json_good_workbook(build):
    result = invoke(build(), "--json")
    assert result.exit_code == 0
    assert json.loads(result.output)[0]["ok"] is True


def test_cli_folder_without_workbooks(tmp_path):
    result = invoke(tmp_path)
    assert result.exit_code == 1
    assert "Tidak ada workbook .xlsx" in result.output


def test_checking_leaves_the_garbage_collector_as_it_found_it(build, tmp_path):
    """A workbook is read with Python's collector paused; a long-running `sopdocs web` must get it
    back running after every workbook, an unreadable one too, and a caller's pause must stay."""
    broken = tmp_path / "rusak.xlsx"
    broken.write_bytes(b"PK\x03\x04 bukan zip")
    assert gc.isenabled()
    for path in (build(), broken):
        check(path)
        assert gc.isenabled()
    from sopdocs.pipeline import check as check_all

    assert [c.ok for c in check_all([build(), broken])] == [True, False]
    assert gc.isenabled() and gc.get_freeze_count() == 0  # the models set aside while checking: collectable again
    gc.disable()
    try:
        check(build())
        assert not gc.isenabled()
    finally:
        gc.enable()



def random_flow(rng: random.Random) -> Sop:
    """An SOP of 2-6 steps with random Jika Ya (often the next step), Jika Tidak and S marks."""
    n = rng.randint(2, 6)

    def step(number: int) -> Step:
        ya = rng.choice([number + 1, number + 1, rng.randint(1, n)]) if number < n else rng.randint(1, n)
        return Step(number=number, kegiatan="Memeriksa berkas", actors=[0], cells={"no": CellRef("SOP", f"A{number}")},
                    yes=Branch(ya) if rng.random() < 0.4 else None,
                    no=Branch(rng.randint(1, n)) if rng.random() < 0.3 else None,
                    final=number == n or rng.random() < 0.1)

    return Sop("Alur acak", steps=[step(number) for number in range(1, n + 1)])


def test_the_quick_flow_test_never_hides_a_finding(monkeypatch):
    """The flow is walked only when some Jika Ya jumps or a step before the last ends it: over many
    random flows, the check with that shortcut finds exactly what walking every flow finds."""
    rng, quick_ones = random.Random(14), 0
    for _ in range(2000):
        sop = random_flow(rng)
        quick, walked = Findings(), Findings()
        validate._check_flow(sop, quick)
        quick_ones += validate._each_leads_to_the_next(sop.steps)
        with monkeypatch.context() as patched:
            patched.setattr(validate, "_each_leads_to_the_next", lambda steps: False)
            validate._check_flow(sop, walked)
        assert quick == walked, sop
    assert 100 < quick_ones < 1900  # both ways were taken
