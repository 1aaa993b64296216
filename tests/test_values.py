"""Cell values as authors type them (sopdocs.reader.values)."""
import datetime as dt

import pytest

from sopdocs.reader.values import (
    as_text, label_key, list_items, parse_branch, parse_date, parse_mark, parse_waktu, strip_control,
)


@pytest.mark.parametrize("written, wanted", [
    ("Peralatan / Perlengkapan:", "Peralatan/Perlengkapan"),
    ("  NAMA   SOP :", "Nama SOP"),
    ("biaya /tarif", "Biaya/Tarif"),
    ("Dasar\u00a0Hukum", "Dasar Hukum"),
    ("Tanggal Pembuatan:  ", "tanggal pembuatan"),
])
def test_labels_match_regardless_of_case_spaces_colon_and_slash(written, wanted):
    assert label_key(written) == label_key(wanted)


def test_different_labels_stay_different():
    assert label_key("Nama SOP") != label_key("Nomor SOP")
    assert label_key("Peralatan/Perlengkapan") != label_key("Peralatan Perlengkapan")


def test_list_items_one_per_line_numbering_removed():
    text = ("1. Undang-Undang\n2) Peraturan Pemerintah\na) Perda\n- Perbup\n\n  b. Keputusan\n(3) Surat Edaran\n"
            "\u2022 Juknis")
    assert list_items(text) == ["Undang-Undang", "Peraturan Pemerintah", "Perda", "Perbup", "Keputusan",
                                "Surat Edaran", "Juknis"]


def test_list_items_keep_numbers_that_are_not_numbering():
    assert list_items("Undang-Undang Nomor 24 Tahun 2013\n2024 anggaran") == [
        "Undang-Undang Nomor 24 Tahun 2013", "2024 anggaran"]
    assert list_items("UU No. 1 Tahun 2020") == ["UU No. 1 Tahun 2020"]
    assert list_items("") == []


@pytest.mark.parametrize("value", [
    dt.datetime(2024, 1, 2), dt.date(2024, 1, 2), "2 Januari 2024", "02/01/2024", "2024-01-02", "2 Jan 2024",
    "2 januari 2024 ", "2-1-2024",
])
def test_dates_understood(value):
    tanggal = parse_date(value)
    assert tanggal.date == dt.date(2024, 1, 2)
    assert tanggal.text


def test_excel_date_printed_in_indonesian():
    assert parse_date(dt.datetime(2024, 8, 17)).text == "17 Agustus 2024"


@pytest.mark.parametrize("value", ["04 Januari", "31 Februari 2024", "awal tahun", "13/13/2024"])
def test_dates_not_understood_keep_the_text(value):
    tanggal = parse_date(value)
    assert tanggal.date is None
    assert tanggal.text == value
    assert not tanggal.empty


def test_empty_date_is_empty():
    assert parse_date("").empty
    assert parse_date(None).empty


@pytest.mark.parametrize("text, minutes", [
    ("15 menit", 15), ("2 jam", 120), ("1 hari", 480), ("3 hari kerja", 3 * 480), ("1 minggu", 5 * 480),
    ("15 Menit", 15), ("3 Hari Kerja", 3 * 480), ("2,5 jam", 150), ("5 mnt", 5), ("1-2 hari", 960),
    ("14 (empat belas) hari kerja", 14 * 480), ("30 (tiga puluh) Menit", 30),
])
def test_waktu_understood(text, minutes):
    waktu = parse_waktu(text)
    assert waktu.understood
    assert waktu.minutes == minutes
    assert waktu.text == text


@pytest.mark.parametrize("value", ["5", 5.0, "lima belas mnt", "1 bulan", "segera"])
def test_waktu_not_understood_keeps_the_text(value):
    waktu = parse_waktu(value)
    assert not waktu.understood
    assert waktu.minutes is None
    assert waktu.text == as_text(value)


def test_empty_waktu():
    assert parse_waktu("").text == ""
    assert not parse_waktu("").understood


@pytest.mark.parametrize("value", ["x", "X", "v", "1", 1.0, "\u2713", "\u221a", " x "])
def test_plain_marks(value):
    assert parse_mark(value) == (True, None, True)


@pytest.mark.parametrize("value, letter", [
    ("M", "M"), ("m", "M"), ("Mulai", "M"), ("S", "S"), ("selesai", "S"), ("P", "P"), ("k", "K"),
])
def test_symbol_letters(value, letter):
    assert parse_mark(value) == (True, letter, True)


def test_empty_cell_is_no_mark():
    assert parse_mark("") == (False, None, True)
    assert parse_mark(None) == (False, None, True)
    assert parse_mark("   ") == (False, None, True)


@pytest.mark.parametrize("value", ["Z", "ok", "xx"])
def test_unknown_letter_is_a_mark_that_is_not_known(value):
    assert parse_mark(value) == (True, None, False)


@pytest.mark.parametrize("value, wanted", [
    ("Tidak lengkap: 1", ("Tidak lengkap", 1)),
    ("Lengkap : 3", ("Lengkap", 3)),
    ("3", ("", 3)),
    (3.0, ("", 3)),
    ("langkah 2", ("", 2)),
])
def test_branches(value, wanted):
    assert parse_branch(value) == wanted


@pytest.mark.parametrize("value", ["", "kembali", "Tidak lengkap"])
def test_branch_without_step_number(value):
    assert parse_branch(value) is None


def test_as_text_shows_what_excel_shows():
    assert as_text(1.0) == "1"
    assert as_text(2.5) == "2,5"
    assert as_text(dt.datetime(2024, 1, 2)) == "2 Januari 2024"
    assert as_text(None) == ""
    assert as_text("  teks  ") == "teks"


def test_control_characters_removed():
    assert strip_control("a\x07b\r\nc") == ("ab\nc", True)
    assert strip_control("biasa\nbaris") == ("biasa\nbaris", False)


@pytest.mark.parametrize("text, minutes", [
    ("1 jam 30 menit", 90), ("2 hari 4 jam", 2 * 480 + 240), ("± 15 menit", 15), ("maksimal 2 jam", 120),
    ("kurang lebih 1 hari kerja", 480), ("Selambat-lambatnya 3 hari kerja", 1440),
])
def test_waktu_sums_and_approximations_are_understood(text, minutes):
    waktu = parse_waktu(text)
    assert waktu.text == text and waktu.minutes == minutes


@pytest.mark.parametrize("text", ["1 jam dan 30 menit", "setengah jam", "30 menit atau 1 jam"])
def test_waktu_that_is_not_plainly_a_duration_stays_verbatim(text):
    waktu = parse_waktu(text)
    assert not waktu.understood and waktu.text == text
