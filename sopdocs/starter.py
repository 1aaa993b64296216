"""`sopdocs init`: the empty workbook of WORKBOOK.md, ready for staff to fill in.

It holds an instruction sheet (`Petunjuk`, from `sopdocs.guide`; the reader passes it over), the `Instansi` sheet with
example values, one worked example SOP with the official two-row table header, and one worked
example Standar Pelayanan whose procedure names that SOP. Only plain openpyxl features are used
(styles, merges, data validation, freeze panes, page setup), so that Excel, LibreOffice Calc and
WPS open the file without a repair prompt.

The sheet writers (`write_sop_sheet`, `write_sp_sheet`, `write_label_sheet`) take plain data so
that other tools (samples/make_samples.py) can lay out sheets the same way.
"""
from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from .guide import petunjuk_lines
from .write import atomic_path

# Rows of the activity table that get borders and the actor-mark dropdown: room for the longest
# SOPs seen in practice (FORMAT.md: 5-15 activities, rarely 20) with plenty to spare.
TABLE_ROWS = 60
MARKS = ("x", "M", "S", "P", "K")
# Excel number format showing Indonesian month names whatever the language of Excel ([$-421] is
# the Indonesian locale id); LibreOffice understands it too.
DATE_FORMAT = "[$-421]d mmmm yyyy"

HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
TITLE_FILL = PatternFill("solid", fgColor="FFF2CC")
THIN = Side(style="thin", color="808080")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
# Rows holding text get an explicit height estimated from the text: LibreOffice does not fit
# rows to wrapped text when it opens an .xlsx (Excel does), so without one the example would show
# as overlapping single lines. Empty rows keep the automatic height, which both programs fit while
# staff type; the Petunjuk sheet says how to refit a row (double-click its lower border).
LINE_HEIGHT = 15  # points per line of 11 pt text
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
WRAP_TOP_CENTER = Alignment(wrap_text=True, horizontal="center", vertical="top")
CENTER = Alignment(wrap_text=True, horizontal="center", vertical="center")

# Column widths (in characters) of SOP sheets: A holds the identity labels and the step number,
# B the identity values and the activity text, then the actors and the Mutu Baku columns.
SOP_LABEL_WIDTH = 26
SOP_VALUE_WIDTH = 52
ACTOR_WIDTH = 14
AFTER_ACTOR_COLUMNS = (  # (header, width); Kelengkapan, Waktu, Output sit under "Mutu Baku"
    ("Kelengkapan", 24),
    ("Waktu", 11),
    ("Output", 20),
    ("Keterangan", 20),
    ("Jika Ya", 14),
    ("Jika Tidak", 18),
)


# --------------------------------------------------------------------------------------------
# The example content (Bahasa Indonesia, as a real DPMPTSP would fill it in).

NAMA_SOP_CONTOH = "Pelayanan Penerbitan Surat Izin Praktik Bidan (SIPB)"

# (label, value, hint). A value that is a list is written one item per line (Alt+Enter).
INSTANSI_CONTOH = [
    ("Pemerintah", "PEMERINTAH KABUPATEN BENER MERIAH", "wajib"),
    ("Perangkat Daerah", "DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU", "wajib"),
    ("Singkatan", "DPMPTSP", "dipakai pada nama file dokumen"),
    ("Alamat", "Jalan Bandara Rembele, Simpang Tiga Redelong, Kabupaten Bener Meriah", "untuk halaman judul"),
    ("Tahun", 2025, "tahun buku SOP"),
    ("Logo", "", "nama file gambar di folder workbook (mis. logo-kabupaten.png), atau tempel gambar di sheet ini"),
    ("Jabatan Pimpinan", "Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
     "penanda tangan SOP, Keputusan, dan Maklumat; tanpa nama daerah: judul Keputusan menambahkan daerah "
     "dari isian Pemerintah (KEPUTUSAN KEPALA DINAS ... KABUPATEN BENER MERIAH)"),
    ("Nama Pimpinan", "Ir. Ahmad Syukri Lubis, M.Si.", "nama lengkap dengan gelar"),
    ("Pangkat Pimpinan", "Pembina Tingkat I (IV/b)", ""),
    ("NIP Pimpinan", "19700512 199803 1 004", "ketik sebagai teks"),
    ("Tempat Penetapan", "Simpang Tiga Redelong", "tempat sebelum tanggal tanda tangan"),
    ("Nomor Keputusan", "", "boleh kosong: diisi tangan setelah dicetak"),
    ("Tanggal Keputusan", "", "boleh kosong: diisi tangan setelah dicetak"),
    ("Ruang Lingkup", [
        "SOP ini berlaku bagi seluruh pegawai Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu "
        "dalam menyelenggarakan pelayanan perizinan dan nonperizinan serta administrasi perkantoran.",
    ], "daftar: satu butir per baris"),
    ("Ringkasan", [
        "Buku ini memuat Standar Operasional Prosedur Administrasi Pemerintahan yang disusun menurut "
        "Peraturan Menteri PANRB Nomor 35 Tahun 2012, dikelompokkan per unit kerja.",
        "Setiap SOP terdiri atas bagian identitas dan bagan alir (flowchart) kegiatan beserta mutu bakunya.",
    ], "daftar: satu butir per baris"),
    ("Definisi", [
        "Standar Operasional Prosedur (SOP) adalah serangkaian petunjuk tertulis yang dibakukan mengenai "
        "proses penyelenggaraan tugas, bagaimana dan kapan dilakukan, di mana, dan oleh siapa.",
        "Pelaksana adalah pejabat atau pegawai yang melaksanakan kegiatan dalam SOP.",
        "Mutu baku adalah ukuran kelengkapan, waktu, dan output setiap kegiatan.",
    ], "daftar: satu butir per baris"),
    ("Maklumat Pelayanan", "", "kosongkan untuk memakai kalimat baku"),
    ("Profil", "", "kosongkan untuk memakai profil baku (permenpan-35-2012)"),
]

SOP_IDENTITAS_CONTOH = [
    ("Nomor SOP", "503/001/SOP/DPMPTSP/2025", ""),
    ("Nama SOP", NAMA_SOP_CONTOH, "wajib"),
    ("Unit Kerja", "Bidang Pelayanan Perizinan dan Nonperizinan", "SOP dikelompokkan per unit kerja"),
    ("Tanggal Pembuatan", dt.date(2023, 1, 9), "tanggal Excel atau teks, mis. 9 Januari 2023"),
    ("Tanggal Revisi", dt.date(2025, 1, 6), ""),
    ("Tanggal Efektif", dt.date(2025, 1, 13), ""),
    ("Disahkan Oleh", "Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
     "boleh kosong bila sama dengan sheet Instansi"),
    ("Nama Pejabat", "Ir. Ahmad Syukri Lubis, M.Si.", ""),
    ("Pangkat", "Pembina Tingkat I (IV/b)", ""),
    ("NIP", "19700512 199803 1 004", "ketik sebagai teks"),
    ("Dasar Hukum", [
        "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik",
        "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
        "Undang-Undang Nomor 17 Tahun 2023 tentang Kesehatan",
        "Peraturan Menteri Kesehatan Nomor 28 Tahun 2017 tentang Izin dan Penyelenggaraan Praktik Bidan",
        "Peraturan Bupati Bener Meriah tentang Pendelegasian Kewenangan Penyelenggaraan Perizinan dan "
        "Nonperizinan kepada Kepala DPMPTSP",
    ], "daftar: satu butir per baris (Alt+Enter)"),
    ("Kualifikasi Pelaksana", [
        "Memahami peraturan perizinan tenaga kesehatan",
        "Mampu mengoperasikan komputer dan aplikasi perizinan",
        "Berpendidikan paling rendah SMA/sederajat untuk petugas front office",
    ], "daftar: satu butir per baris"),
    ("Keterkaitan", [
        "SOP Penanganan Pengaduan Masyarakat",
        "SOP Pengarsipan Dokumen Perizinan",
    ], "daftar: satu butir per baris"),
    ("Peralatan/Perlengkapan", [
        "Komputer, printer, dan jaringan internet",
        "Aplikasi perizinan",
        "Formulir permohonan dan buku register",
        "Alat tulis kantor",
    ], "daftar: satu butir per baris"),
    ("Peringatan", [
        "Berkas yang tidak lengkap dikembalikan kepada pemohon untuk dilengkapi",
        "Apabila SOP ini tidak dilaksanakan, penerbitan SIPB terlambat dan pelayanan tidak sesuai standar",
    ], "daftar: satu butir per baris"),
    ("Pencatatan dan Pendataan", [
        "Buku register permohonan",
        "Data permohonan pada aplikasi perizinan",
        "Arsip salinan SIPB",
    ], "daftar: satu butir per baris"),
]

AKTOR_CONTOH = ["Pemohon", "Petugas Front Office", "Kepala Bidang Pelayanan Perizinan", "Kepala Dinas"]

# (marks per actor, kegiatan, kelengkapan, waktu, output, keterangan, jika ya, jika tidak)
KEGIATAN_CONTOH = [
    (("M", "", "", ""), "Mengajukan permohonan SIPB dengan mengisi formulir dan melampirkan persyaratan",
     "Formulir permohonan, STR Bidan, rekomendasi organisasi profesi, surat keterangan tempat praktik",
     "10 menit", "Berkas permohonan", "", "", ""),
    (("", "K", "", ""), "Memeriksa kelengkapan berkas permohonan", "Berkas permohonan", "15 menit",
     "Berkas lengkap", "Berkas tidak lengkap dikembalikan kepada pemohon", "Lengkap: 3", "Tidak lengkap: 1"),
    (("", "x", "", ""), "Mencatat permohonan di buku register dan aplikasi perizinan, lalu memberikan tanda terima",
     "Berkas lengkap", "10 menit", "Tanda terima dan nomor registrasi", "", "", ""),
    (("", "", "x", ""), "Memverifikasi keabsahan dokumen persyaratan", "Berkas lengkap", "1 jam",
     "Berkas terverifikasi", "", "", ""),
    (("", "x", "", ""), "Menyiapkan konsep SIPB", "Berkas terverifikasi", "2 jam", "Konsep SIPB", "", "", ""),
    (("", "", "x", ""), "Memeriksa dan memaraf konsep SIPB", "Konsep SIPB", "30 menit", "Konsep SIPB diparaf",
     "", "", ""),
    (("", "", "", "x"), "Menandatangani SIPB", "Konsep SIPB diparaf", "1 hari", "SIPB ditandatangani", "",
     "", ""),
    (("", "x", "", ""), "Memberi nomor, mengarsipkan salinan, dan memberitahukan kepada pemohon bahwa SIPB "
     "dapat diambil", "SIPB ditandatangani", "15 menit", "SIPB siap diserahkan", "", "", ""),
    (("S", "", "", ""), "Menerima SIPB dan menandatangani buku ekspedisi", "SIPB, buku ekspedisi", "5 menit",
     "SIPB diterima pemohon", "", "", ""),
]

SP_CONTOH = [
    ("Jenis Pelayanan", "Penerbitan Surat Izin Praktik Bidan (SIPB)"),
    ("Persyaratan", [
        "Formulir permohonan yang telah diisi",
        "Fotokopi STR Bidan yang masih berlaku",
        "Rekomendasi dari organisasi profesi",
        "Surat keterangan tempat praktik",
        "Pas foto berwarna ukuran 4x6 cm sebanyak 2 lembar",
    ]),
    ("Sistem, Mekanisme, dan Prosedur", f"SOP: {NAMA_SOP_CONTOH}"),
    ("Jangka Waktu Pelayanan", ["3 hari kerja", "dihitung sejak berkas dinyatakan lengkap"]),
    ("Biaya/Tarif", "Rp0,00 (gratis)"),
    ("Produk Pelayanan", "Surat Izin Praktik Bidan (SIPB)"),
    ("Penanganan Pengaduan, Saran, dan Masukan", [
        "Datang langsung ke meja pengaduan DPMPTSP",
        "Kotak saran di ruang pelayanan",
        "Aplikasi SP4N-LAPOR!",
    ]),
    ("Dasar Hukum", [
        "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik",
        "Undang-Undang Nomor 17 Tahun 2023 tentang Kesehatan",
        "Peraturan Menteri Kesehatan Nomor 28 Tahun 2017 tentang Izin dan Penyelenggaraan Praktik Bidan",
    ]),
    ("Sarana dan Prasarana, dan/atau Fasilitas", [
        "Ruang tunggu ber-AC dengan kursi antrean",
        "Loket pelayanan dan mesin nomor antrean",
        "Komputer, printer, dan jaringan internet",
        "Toilet dan ruang laktasi",
    ]),
    ("Kompetensi Pelaksana", [
        "Memahami peraturan perizinan tenaga kesehatan",
        "Mampu mengoperasikan aplikasi perizinan",
        "Mampu berkomunikasi dengan santun",
    ]),
    ("Pengawasan Internal", [
        "Pengawasan melekat oleh atasan langsung",
        "Pemeriksaan oleh Inspektorat Kabupaten",
    ]),
    ("Jumlah Pelaksana", "4 orang"),
    ("Jaminan Pelayanan", "Pelayanan diberikan sesuai standar pelayanan dan Maklumat Pelayanan"),
    ("Jaminan Keamanan dan Keselamatan Pelayanan", [
        "Data pemohon dijaga kerahasiaannya",
        "SIPB dilengkapi nomor register dan tanda tangan pejabat berwenang",
    ]),
    ("Evaluasi Kinerja Pelaksana", [
        "Survei Kepuasan Masyarakat setiap semester",
        "Evaluasi kinerja pelaksana setiap tahun",
    ]),
]


# --------------------------------------------------------------------------------------------
# Public entry points.

def write_template(path: Path) -> None:
    """Write the empty workbook of WORKBOOK.md (with instructions and examples) to `path`."""
    workbook = build_template()
    with atomic_path(path) as tmp:
        workbook.save(tmp)


def build_template() -> Workbook:
    """The template as an openpyxl workbook (not yet saved)."""
    workbook = Workbook()
    write_petunjuk(workbook.active, petunjuk_lines())
    write_label_sheet(workbook.create_sheet("Instansi"), INSTANSI_CONTOH,
                      title="DATA INSTANSI: isian di kolom B adalah contoh; ganti dengan data Anda. "
                            "Klik sel isian untuk melihat keterangannya.")
    workbook["Instansi"].freeze_panes = "A3"  # the title stays in view
    sop = workbook.create_sheet("SOP 01")
    write_sop_sheet(sop, SOP_IDENTITAS_CONTOH, AKTOR_CONTOH, KEGIATAN_CONTOH,
                    title="CONTOH SOP: salin sheet ini untuk setiap SOP, lalu ganti isinya. "
                          "Klik sel isian untuk melihat keterangannya.")
    write_sp_sheet(workbook.create_sheet("SP 01"), SP_CONTOH,
                   title="CONTOH STANDAR PELAYANAN: salin sheet ini untuk setiap jenis pelayanan")
    workbook.active = 0
    return workbook


# --------------------------------------------------------------------------------------------
# Sheet writers.

def write_petunjuk(ws: Worksheet, lines: Sequence[tuple[str, str]], width: int = 100) -> None:
    """The instruction sheet: one paragraph per row in one wide column, wrapped. Printed in
    landscape: a single column wider than the paper is cut, not shrunk, by LibreOffice."""
    ws.title = "Petunjuk"
    ws.column_dimensions["A"].width = width
    ws.sheet_view.showGridLines = False
    row = 1
    for kind, text in lines:
        if kind == "head" and row > 1:
            row += 1  # a blank line before each section
        cell = ws.cell(row, 1, text if kind != "item" else f"\u2022  {text}")
        cell.alignment = WRAP_TOP
        if kind == "title":
            cell.font, cell.fill = TITLE, TITLE_FILL
            ws.row_dimensions[row].height = _height([(text, width * 0.75)]) + 6
        elif kind == "head":
            cell.font, cell.fill = BOLD, HEADER_FILL
            ws.row_dimensions[row].height = LINE_HEIGHT + 4
        else:
            ws.row_dimensions[row].height = _height([(cell.value, width)])
        row += 2 if kind == "text" else 1
    _print_setup(ws, landscape=True)


def write_label_sheet(ws: Worksheet, rows: Iterable[tuple], title: str = "", *,
                      label_width: int = SOP_LABEL_WIDTH, value_width: int = 70) -> int:
    """A `label | value` block (the Instansi sheet, the top of SOP sheets).

    Each row is (label, value) or (label, value, hint); list values are written one item per
    line. A hint becomes the input message of the value cell (see `_input_message`). Returns the
    next free row.
    """
    ws.column_dimensions["A"].width = label_width
    ws.column_dimensions["B"].width = value_width
    row = 1
    if title:
        cell = ws.cell(1, 1, title)
        cell.font = Font(bold=True, size=12)
        row = 3
    for entry in rows:
        label, value, hint = (*entry, "")[:3]
        _write_label_row(ws, row, label, value, hint)
        row += 1
    _print_setup(ws, landscape=True)
    return row


def _write_label_row(ws: Worksheet, row: int, label: str, value, hint: str = "") -> None:
    label_cell = ws.cell(row, 1, label)
    label_cell.font, label_cell.alignment = BOLD, WRAP_TOP
    if isinstance(value, (list, tuple)):
        value = "\n".join(value)
    value_cell = ws.cell(row, 2, value if value != "" else None)
    value_cell.alignment = Alignment(wrap_text=True, horizontal="left", vertical="top")
    if isinstance(value, (dt.date, dt.datetime)):
        value_cell.number_format = DATE_FORMAT
    elif label.strip().upper().startswith("NIP"):
        value_cell.number_format = "@"  # keep typed NIPs as text, not as a rounded number
    for cell in (label_cell, value_cell):
        cell.border = BORDER
    if hint:
        _input_message(ws, value_cell.coordinate, label, hint)
    ws.row_dimensions[row].height = _height([(label, ws.column_dimensions["A"].width),
                                              (value if isinstance(value, str) else "",
                                               ws.column_dimensions["B"].width)])


def _input_message(ws: Worksheet, cell: str, title: str, text: str) -> None:
    """Show `text` under `title` while `cell` is selected, which Excel, LibreOffice Calc and WPS
    all do for a data validation that allows any value. A hint there is read while the value is
    typed, and it is not a cell: the reader reports every non-empty cell it does not use, so a
    hint written in the grid would be named as unread text in every fresh workbook."""
    if len(title) > 32 or len(text) > 255:  # Excel's limits; it asks to repair a file over them
        raise ValueError(f"input message too long for Excel ({len(title)}/32, {len(text)}/255): {title}")
    message = DataValidation(allow_blank=True, showInputMessage=True, promptTitle=title, prompt=text)
    message.add(cell)
    ws.add_data_validation(message)


def write_sop_sheet(ws: Worksheet, identitas: Iterable[tuple], actors: Sequence[str],
                    steps: Sequence[Sequence], title: str = "", *, two_row_header: bool = True,
                    table_rows: int = TABLE_ROWS) -> None:
    """An SOP sheet: identity block, then the activity table.

    `steps` rows are (marks per actor, kegiatan, kelengkapan, waktu, output, keterangan,
    jika ya, jika tidak); the step number is written in column A.
    """
    row = write_label_sheet(ws, identitas, title, label_width=SOP_LABEL_WIDTH, value_width=SOP_VALUE_WIDTH) + 1
    first_actor, n = 3, len(actors)
    after = first_actor + n  # first column after the actors
    for offset in range(n):
        ws.column_dimensions[get_column_letter(first_actor + offset)].width = ACTOR_WIDTH
    for offset, (_, width) in enumerate(AFTER_ACTOR_COLUMNS):
        ws.column_dimensions[get_column_letter(after + offset)].width = width
    last_col = after + len(AFTER_ACTOR_COLUMNS) - 1

    # One heading cell (it runs over the empty cells to its right): the reader passes headings over,
    # while a hint in another cell would be named as unread text in every SOP sheet.
    ws.cell(row, 1, "TABEL KEGIATAN        Tanda di kolom pelaksana: x, atau M (mulai), S (selesai), P (proses), "
                    "K (keputusan). Jika Tidak: nomor langkah tujuan, mis. Tidak lengkap: 1").font = BOLD
    header = row + 1
    names_row = header + 1 if two_row_header else header
    _table_header(ws, header, names_row, actors, first_actor, after)
    first = names_row + 1
    for index, step in enumerate(steps):
        _write_step(ws, first + index, index + 1, step, n, first_actor, after)
    for r in range(first, first + max(table_rows, len(steps))):
        for c in range(1, last_col + 1):
            cell = ws.cell(r, c)
            cell.border = BORDER
            # Step number, marks and Waktu centred; text columns left; all from the top.
            cell.alignment = WRAP_TOP_CENTER if first_actor <= c < after or c in (1, after + 1) else WRAP_TOP
    if n:
        marks = DataValidation(type="list", formula1='"' + ",".join(MARKS) + '"', allow_blank=True,
                               showErrorMessage=True, errorStyle="warning",
                               errorTitle="Tanda pelaksana",
                               error="Pakai x, atau huruf M (mulai), S (selesai), P (proses), K (keputusan).",
                               showInputMessage=True, promptTitle="Tanda pelaksana",
                               prompt="x = pelaksana kegiatan; M mulai, S selesai, P proses, K keputusan")
        marks.add(f"{get_column_letter(first_actor)}{first}:"
                  f"{get_column_letter(after - 1)}{first + max(table_rows, len(steps)) - 1}")
        ws.add_data_validation(marks)
    # Freeze columns A and B rather than rows: the identity block sits above the table, so frozen
    # header rows would pin the top of the identity part, not the table header. With A (labels,
    # step numbers) and B (values, activities) frozen, the activity stays in view while scrolling
    # right through the actor and Mutu Baku columns.
    ws.freeze_panes = "C1"
    _print_setup(ws, landscape=True)


def _table_header(ws: Worksheet, header: int, names_row: int, actors: Sequence[str], first_actor: int,
                  after: int) -> None:
    titles = [name for name, _ in AFTER_ACTOR_COLUMNS]
    cells = {1: "No", 2: "Kegiatan"}
    cells.update({after + i: title for i, title in enumerate(titles)})
    two_rows = names_row != header
    for col, text in cells.items():
        in_mutu_baku = two_rows and after <= col < after + 3
        ws.cell(names_row if in_mutu_baku else header, col, text)
        if two_rows and not in_mutu_baku:
            ws.merge_cells(start_row=header, start_column=col, end_row=names_row, end_column=col)
    for offset, actor in enumerate(actors):
        ws.cell(names_row, first_actor + offset, actor)
    if two_rows:
        ws.cell(header, first_actor, "Pelaksana")
        if len(actors) > 1:
            ws.merge_cells(start_row=header, start_column=first_actor, end_row=header, end_column=after - 1)
        ws.cell(header, after, "Mutu Baku")
        ws.merge_cells(start_row=header, start_column=after, end_row=header, end_column=after + 2)
    last_col = after + len(titles) - 1
    for r in range(header, names_row + 1):
        for c in range(1, last_col + 1):
            cell = ws.cell(r, c)
            cell.font, cell.fill, cell.border, cell.alignment = BOLD, HEADER_FILL, BORDER, CENTER
    ws.row_dimensions[names_row].height = _height([(actor, ACTOR_WIDTH) for actor in actors])


def _write_step(ws: Worksheet, row: int, number: int, step: Sequence, n: int, first_actor: int,
                after: int) -> None:
    marks, kegiatan, *rest = step
    ws.cell(row, 1, number)
    ws.cell(row, 2, kegiatan)
    for offset, mark in enumerate(list(marks)[:n]):
        if mark:
            ws.cell(row, first_actor + offset, mark)
    for offset, value in enumerate(rest):
        if value not in ("", None):
            ws.cell(row, after + offset, value)
    ws.row_dimensions[row].height = _height(
        [(kegiatan, SOP_VALUE_WIDTH)] + [(str(v), w) for v, (_, w) in zip(rest, AFTER_ACTOR_COLUMNS) if v])


def write_sp_sheet(ws: Worksheet, rows: Iterable[tuple], title: str = "") -> None:
    """A Standar Pelayanan sheet: `Jenis Pelayanan`, then the components of groups A and B,
    each under a heading row (column A only, which the reader passes over)."""
    label_width, value_width = 44, 90
    ws.column_dimensions["A"].width = label_width
    ws.column_dimensions["B"].width = value_width
    row = 1
    if title:
        ws.cell(1, 1, title).font = Font(bold=True, size=12)
        row = 3
    headings = {  # before the first component of each group (FORMAT.md section 5)
        "persyaratan": "A. Komponen yang terkait dengan proses penyampaian pelayanan",
        "dasar hukum": "B. Komponen yang terkait dengan proses pengelolaan pelayanan di internal organisasi",
    }
    for label, value, *_ in rows:
        if label.strip().lower() in headings:
            cell = ws.cell(row, 1, headings[label.strip().lower()])
            cell.font, cell.fill = BOLD, HEADER_FILL
            ws.cell(row, 2).fill = HEADER_FILL
            row += 1
        _write_label_row(ws, row, label, value)
        row += 1
    ws.freeze_panes = "A3" if title else None
    _print_setup(ws, landscape=False)


# --------------------------------------------------------------------------------------------
# Helpers.

def _lines(text: str, width: float) -> int:
    """Lines a text takes in a wrapped cell `width` characters wide: a slightly generous
    estimate, so that text is not cut where the font is wider than Calibri."""
    per_line = max(1.0, width * 0.95 - 1)
    return sum(max(1, math.ceil(len(line) / per_line)) for line in str(text).split("\n"))


def _height(texts: Iterable[tuple[str, float]]) -> float:
    """A row height (points) fitting every (text, column width) of the row."""
    return LINE_HEIGHT * max([1] + [_lines(text, width) for text, width in texts if text]) + 3


def _print_setup(ws: Worksheet, landscape: bool) -> None:
    """Fit the sheet to the paper width so that printing (or a PDF) is readable."""
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
