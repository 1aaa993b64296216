"""Regenerate the sample workbooks in this folder: `python samples/make_samples.py`.

A developer tool, not part of sopdocs at run time. It needs openpyxl and Pillow (`pip install
pillow`, for the logo images) and, for the third sample, LibreOffice (`soffice`).

The samples read like workbooks that staff of real SKPDs fill in, with the variety seen in
practice, so that the reader is exercised on realistic input:

- disdukcapil-bener-meriah.xlsx: a Dinas started from `sopdocs init` (the template's layout and
  dropdowns), 8 SOPs in three Unit Kerja, one of them typed by hand with the single-row table
  header, a notes sheet, real Excel dates and text dates, a joint activity, a logo file
  referenced by the `Logo` label, and 3 Standar Pelayanan (two linked to their SOP, one by
  Nama SOP and one by Nomor SOP).
- kecamatan-contoh.xlsx: a Kecamatan typed by hand (labels with colons, lists numbered on the
  following rows, the `Nama SKPD` alias), 5 SOPs, one of 18 activities and 6 actors, a joint
  activity written as a merged cell, a logo placed as a picture on the Instansi sheet, 2 SP.
- sekretariat-dprk-libreoffice.xlsx: a Sekretariat DPRK with 4 SOPs and 1 SP, saved through
  LibreOffice Calc so that a workbook written by Calc is checked in. Without `soffice` the
  existing file is left as it is.
- satpolpp-kota-batam.xlsx: a Satuan Polisi Pamong Praja of a Kota, its SOP tables copied the way
  regional SOP books print them: labels `Tgl. Pembuatan`, `Tgl. Revisi`, `Tanggal Pengesahan`;
  headers `No.`, `Uraian Prosedur`, an actor column called `Pelaksana` under the `Pelaksana`
  group header, `Kelengkapan dan Peralatan`, `Waktu (Menit)` with bare numbers, `Keluaran`,
  `Ket.`; a Keterangan merged over two activities, a blank row inside a table, `Ya` typed in
  `Jika Ya`, and a Jabatan Pimpinan without the region (the Keputusan adds KOTA BATAM).

Deliberate warnings (real workbooks are messy; `sopdocs check samples` must still exit 0):
- disdukcapil, sheet "05 Akta Kematian": Tanggal Efektif typed as `04 Januari` (no year);
- kecamatan, sheet "SOP-01 Rekom Keramaian": one Waktu typed as `5` (no unit).
Nothing else in the samples should produce a warning.
"""
from __future__ import annotations

import datetime as dt
import io
import math
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.drawing.image import Image as SheetImage
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from PIL import Image, ImageDraw

from sopdocs.starter import write_label_sheet, write_sop_sheet, write_sp_sheet

HERE = Path(__file__).resolve().parent
D = dt.date

THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
MIDDLE = Alignment(wrap_text=True, horizontal="center", vertical="center")
GREY = PatternFill("solid", fgColor="D9D9D9")

# ============================================================================================
# Shared legal bases (real regulations).

UU_ADMINDUK = ("Undang-Undang Nomor 23 Tahun 2006 tentang Administrasi Kependudukan sebagaimana telah "
               "diubah dengan Undang-Undang Nomor 24 Tahun 2013")
UU_PELAYANAN = "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik"
UU_PEMDA = "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah"
UU_ACEH = "Undang-Undang Nomor 11 Tahun 2006 tentang Pemerintahan Aceh"
UU_ARSIP = "Undang-Undang Nomor 43 Tahun 2009 tentang Kearsipan"
PP_ADMINDUK = ("Peraturan Pemerintah Nomor 40 Tahun 2019 tentang Pelaksanaan Undang-Undang Nomor 23 Tahun "
               "2006 tentang Administrasi Kependudukan sebagaimana telah diubah dengan Undang-Undang Nomor "
               "24 Tahun 2013")
PP_ARSIP = "Peraturan Pemerintah Nomor 28 Tahun 2012 tentang Pelaksanaan Undang-Undang Nomor 43 Tahun 2009"
PERPRES_96 = ("Peraturan Presiden Nomor 96 Tahun 2018 tentang Persyaratan dan Tata Cara Pendaftaran Penduduk "
              "dan Pencatatan Sipil")
PERMENDAGRI_108 = ("Peraturan Menteri Dalam Negeri Nomor 108 Tahun 2019 tentang Peraturan Pelaksanaan Peraturan "
                   "Presiden Nomor 96 Tahun 2018")
PERMENDAGRI_109 = ("Peraturan Menteri Dalam Negeri Nomor 109 Tahun 2019 tentang Formulir dan Buku yang Digunakan "
                   "dalam Administrasi Kependudukan")
PERMENDAGRI_7_2019 = ("Peraturan Menteri Dalam Negeri Nomor 7 Tahun 2019 tentang Pelayanan Administrasi "
                      "Kependudukan Secara Daring")
PERMENDAGRI_TND = ("Peraturan Menteri Dalam Negeri Nomor 1 Tahun 2023 tentang Tata Naskah Dinas di Lingkungan "
                   "Pemerintah Daerah")
PERPRES_PENGADUAN = "Peraturan Presiden Nomor 76 Tahun 2013 tentang Pengelolaan Pengaduan Pelayanan Publik"
PERBUP_SOTK = ("Peraturan Bupati Bener Meriah tentang Kedudukan, Susunan Organisasi, Tugas dan Fungsi, serta "
               "Tata Kerja Dinas Kependudukan dan Pencatatan Sipil")

DH_ADMINDUK = [UU_ADMINDUK, UU_PELAYANAN, PP_ADMINDUK, PERPRES_96, PERMENDAGRI_108, PERMENDAGRI_109]


# ============================================================================================
# Writing helpers.

def expand_marks(spec: str, n: int) -> list[str]:
    """`"1"` -> x for actor 1; `"2K"` -> K for actor 2; `"1,2"` -> x for actors 1 and 2."""
    marks = [""] * n
    for piece in spec.split(","):
        piece = piece.strip()
        digits = "".join(ch for ch in piece if ch.isdigit())
        marks[int(digits)] = piece[len(digits):] or "x"
    return marks


def identitas(sop: dict) -> list[tuple]:
    """The identity rows of an SOP dict, in the order of the paper form."""
    jabatan, nama, pangkat, nip = sop.get("pengesah", ("", "", "", ""))
    return [
        ("Nomor SOP", sop["nomor"]),
        ("Nama SOP", sop["nama"]),
        (sop.get("unit_label", "Unit Kerja"), sop["unit"]),
        ("Tanggal Pembuatan", sop["dibuat"]),
        ("Tanggal Revisi", sop["revisi"]),
        ("Tanggal Efektif", sop["efektif"]),
        ("Disahkan Oleh", jabatan),
        ("Nama Pejabat", nama),
        ("Pangkat", pangkat),
        ("NIP", nip),
        ("Dasar Hukum", sop["dasar_hukum"]),
        ("Kualifikasi Pelaksana", sop["kualifikasi"]),
        ("Keterkaitan", sop["keterkaitan"]),
        ("Peralatan/Perlengkapan", sop["peralatan"]),
        ("Peringatan", sop["peringatan"]),
        ("Pencatatan dan Pendataan", sop["pencatatan"]),
    ]


def template_sop(wb: Workbook, sop: dict) -> None:
    """An SOP sheet in the layout of `sopdocs init` (two-row header, dropdowns)."""
    n = len(sop["actors"])
    steps = [(expand_marks(marks, n), *rest) for marks, *rest in sop["steps"]]
    write_sop_sheet(wb.create_sheet(sop["sheet"]), identitas(sop), sop["actors"], steps)


def typed_labels(ws, row: int, entries: list[tuple], *, lists: str = "rows", colon: bool = False,
                 label_width: int = 28, value_width: int = 60) -> int:
    """Label rows as staff type them by hand. Lists: "rows" (one item per row, numbered by the
    author, column A empty after the first), "cell" (Alt+Enter in one cell) or "numbered-cell"."""
    ws.column_dimensions["A"].width = label_width
    ws.column_dimensions["B"].width = value_width
    for label, value in entries:
        cell = ws.cell(row, 1, f"{label.replace('/', ' / ')} :" if colon else label)
        cell.font, cell.alignment = BOLD, WRAP
        if isinstance(value, list) and lists == "rows":
            for number, item in enumerate(value, 1):
                ws.cell(row, 2, f"{number}. {item}").alignment = WRAP
                row += 1
            if not value:
                row += 1
            continue
        if isinstance(value, list):
            value = "\n".join(f"{i}. {v}" if lists == "numbered-cell" else v for i, v in enumerate(value, 1))
        target = ws.cell(row, 2, value if value != "" else None)
        target.alignment = Alignment(wrap_text=True, vertical="top", horizontal="left")
        if isinstance(value, dt.date):
            target.number_format = "dd/mm/yyyy"
        row += 1
    return row


def typed_sop(wb: Workbook, sop: dict, *, header: str = "two", lists: str = "rows", colon: bool = False,
              columns: tuple[str, ...] = ("Kelengkapan", "Waktu", "Output", "Keterangan", "Jika Ya", "Jika Tidak"),
              title: str = "") -> None:
    """An SOP sheet typed by hand: plain borders, the one- or two-row table header, and joint
    activities either as marks in each column or as one merged cell (`"2-3"`)."""
    ws = wb.create_sheet(sop["sheet"])
    row = 1
    if title:
        ws.cell(1, 1, title).font = Font(bold=True, size=12)
        row = 3
    row = typed_labels(ws, row, identitas(sop), lists=lists, colon=colon) + 1
    actors, n = sop["actors"], len(sop["actors"])
    first, after = 3, 3 + n
    widths = {**{first + i: 13 for i in range(n)}, **dict(zip(range(after, after + 6), (22, 10, 18, 16, 12, 16)))}
    for col, width in widths.items():
        ws.column_dimensions[get_column_letter(col)].width = width
    last = after + len(columns) - 1
    if header == "two":
        ws.cell(row, 1, "No")
        ws.cell(row, 2, "Kegiatan")
        ws.cell(row, first, "Pelaksana")
        ws.cell(row, after, "Mutu Baku")
        for i, actor in enumerate(actors):
            ws.cell(row + 1, first + i, actor)
        for i, heading in enumerate(columns):
            ws.cell(row + 1 if i < 3 else row, after + i, heading)
        for col in [1, 2] + list(range(after + 3, last + 1)):
            ws.merge_cells(start_row=row, start_column=col, end_row=row + 1, end_column=col)
        if n > 1:
            ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=after - 1)
        ws.merge_cells(start_row=row, start_column=after, end_row=row, end_column=after + 2)
        header_rows = [row, row + 1]
    else:
        for col, text in [(1, "No"), (2, "Kegiatan")] + [(first + i, a) for i, a in enumerate(actors)] + \
                [(after + i, t) for i, t in enumerate(columns)]:
            ws.cell(row, col, text)
        header_rows = [row]
    for r in header_rows:
        for c in range(1, last + 1):
            cell = ws.cell(r, c)
            cell.font, cell.fill, cell.alignment, cell.border = BOLD, GREY, MIDDLE, BOX
    row = header_rows[-1] + 1
    for number, (marks, kegiatan, *rest) in enumerate(sop["steps"], 1):
        ws.cell(row, 1, number)
        ws.cell(row, 2, kegiatan)
        if "-" in marks:  # a joint activity typed as one merged cell
            lo, hi = (int(x) for x in marks.split("-"))
            ws.cell(row, first + lo, sop.get("mark", "x"))
            ws.merge_cells(start_row=row, start_column=first + lo, end_row=row, end_column=first + hi)
        else:
            for i, mark in enumerate(expand_marks(marks, n)):
                if mark:
                    ws.cell(row, first + i, sop.get("mark", "x") if mark == "x" else mark)
        for i, value in enumerate(rest[:len(columns)]):
            if value not in ("", None):
                ws.cell(row, after + i, value)
        for c in range(1, last + 1):
            ws.cell(row, c).border = BOX
            ws.cell(row, c).alignment = MIDDLE if c == 1 or first <= c < after else WRAP
        row += 1
    fit_rows(ws)
    print_setup(ws)


def fit_rows(ws) -> None:
    """Row heights for wrapped text, as Excel stores them after the author has typed: LibreOffice
    does not fit rows when it opens an .xlsx, so without them the samples would look garbled."""
    merged = {cell for rng in ws.merged_cells.ranges if rng.min_row != rng.max_row
              for cell in ((r, c) for r in range(rng.min_row, rng.max_row + 1)
                           for c in range(rng.min_col, rng.max_col + 1))}
    for row in ws.iter_rows():
        lines = 1
        for cell in row:
            if not isinstance(cell.value, str) or (cell.row, cell.column) in merged:
                continue
            if not (cell.alignment and cell.alignment.wrap_text):
                continue
            width = ws.column_dimensions[cell.column_letter].width or 8.43
            per_line = max(1.0, width * (0.95 if cell.font and cell.font.b else 1.1) - 1)
            lines = max(lines, sum(wrapped_lines(part, per_line) for part in cell.value.split("\n")))
        if lines > 1:
            ws.row_dimensions[row[0].row].height = 15 * lines + 3


def wrapped_lines(text: str, per_line: float) -> int:
    """Lines a paragraph takes when wrapped at word boundaries, `per_line` characters a line."""
    lines, used = 1, 0
    for word in text.split():
        need = len(word) if used == 0 else used + 1 + len(word)
        if need <= per_line or used == 0:
            used = need
        else:
            lines += 1
            used = len(word)
        if used > per_line:  # a word longer than the line breaks inside it
            extra = math.ceil(used / per_line) - 1
            lines += extra
            used -= int(extra * per_line)
    return lines


def print_setup(ws, landscape: bool = True) -> None:
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def typed_sp(wb: Workbook, name: str, rows: list[tuple], *, lists: str = "rows", colon: bool = False) -> None:
    ws = wb.create_sheet(name)
    ws.cell(1, 1, "STANDAR PELAYANAN").font = Font(bold=True, size=12)
    typed_labels(ws, 3, rows, lists=lists, colon=colon, label_width=40, value_width=80)
    fit_rows(ws)
    print_setup(ws, landscape=False)


def emblem(size: tuple[int, int], field: str, rim: str, text: str = "") -> Image.Image:
    """A simple shield emblem (no real coat of arms): a field, a rim, hills and a star."""
    w, h = size
    img = Image.new("RGBA", size, (255, 255, 255, 0))
    draw = ImageDraw.Draw(img)
    shield = [(w * 0.08, h * 0.06), (w * 0.92, h * 0.06), (w * 0.92, h * 0.55), (w * 0.5, h * 0.95),
              (w * 0.08, h * 0.55)]
    draw.polygon(shield, fill=rim)
    inner = [(w * 0.14, h * 0.11), (w * 0.86, h * 0.11), (w * 0.86, h * 0.53), (w * 0.5, h * 0.88),
             (w * 0.14, h * 0.53)]
    draw.polygon(inner, fill=field)
    draw.polygon([(w * 0.18, h * 0.6), (w * 0.4, h * 0.3), (w * 0.55, h * 0.48), (w * 0.66, h * 0.36),
                  (w * 0.82, h * 0.6), (w * 0.5, h * 0.84)], fill="#FFFFFF")
    cx, cy, r = w * 0.5, h * 0.22, w * 0.07
    points = []
    for k in range(10):
        angle = math.pi / 2 + k * math.pi / 5
        radius = r if k % 2 == 0 else r * 0.45
        points.append((cx + radius * math.cos(angle), cy - radius * math.sin(angle)))
    draw.polygon(points, fill=rim)
    if text:
        draw.text((w * 0.5, h * 0.66), text, fill=field, anchor="mm")
    return img


def save_png(img: Image.Image, path: Path) -> None:
    img.save(path, format="PNG", optimize=True)


def instansi_sheet(wb: Workbook, entries: list[tuple], *, lists: str, colon: bool = False,
                   title: str = "") -> None:
    ws = wb.create_sheet("Instansi")
    row = 1
    if title:
        ws.cell(1, 1, title).font = Font(bold=True, size=12)
        row = 3
    typed_labels(ws, row, entries, lists=lists, colon=colon, value_width=75)
    fit_rows(ws)
    print_setup(ws)


# ============================================================================================
# 1. Dinas Kependudukan dan Pencatatan Sipil Kabupaten Bener Meriah

DAFDUK = "Bidang Pelayanan Pendaftaran Penduduk"
CAPIL = "Bidang Pelayanan Pencatatan Sipil"
SEKRE = "Sekretariat"
KADIS = ("Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Bener Meriah", "Drs. Munawar Syahputra, M.Si.",
         "Pembina Utama Muda (IV/c)", "19690817 199503 1 002")

DISDUKCAPIL_INSTANSI = [
    ("Pemerintah", "PEMERINTAH KABUPATEN BENER MERIAH"),
    ("Perangkat Daerah", "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL"),
    ("Singkatan", "DISDUKCAPIL"),
    ("Alamat", "Komplek Perkantoran Pemerintah Kabupaten Bener Meriah, Simpang Tiga Redelong, Aceh"),
    ("Tahun", 2024),
    ("Logo", "logo-bener-meriah.png"),
    ("Jabatan Pimpinan", KADIS[0]),
    ("Nama Pimpinan", KADIS[1]),
    ("Pangkat Pimpinan", KADIS[2]),
    ("NIP Pimpinan", KADIS[3]),
    ("Tempat Penetapan", "Simpang Tiga Redelong"),
    ("Nomor Keputusan", "470/045/SK/DISDUKCAPIL/2024"),
    ("Tanggal Keputusan", D(2024, 1, 15)),
    ("Ruang Lingkup", [
        "SOP ini berlaku bagi seluruh pejabat dan pegawai Dinas Kependudukan dan Pencatatan Sipil Kabupaten "
        "Bener Meriah dalam pelayanan pendaftaran penduduk, pencatatan sipil, dan administrasi kesekretariatan.",
    ]),
    ("Ringkasan", [
        "Buku ini memuat 8 (delapan) SOP Administrasi Pemerintahan yang dikelompokkan menurut unit kerja: "
        "Bidang Pelayanan Pendaftaran Penduduk, Bidang Pelayanan Pencatatan Sipil, dan Sekretariat.",
        "Setiap SOP dilengkapi bagan alir, mutu baku, dan pelaksananya, serta dievaluasi setiap tahun.",
    ]),
    ("Definisi", [
        "Dokumen Kependudukan adalah dokumen resmi yang diterbitkan oleh Disdukcapil yang mempunyai kekuatan "
        "hukum sebagai alat bukti autentik.",
        "SIAK adalah Sistem Informasi Administrasi Kependudukan.",
        "KTP-el adalah Kartu Tanda Penduduk yang dilengkapi cip dan merupakan identitas resmi penduduk.",
        "TTE adalah Tanda Tangan Elektronik pejabat pada dokumen kependudukan.",
    ]),
    ("Maklumat Pelayanan", "Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan administrasi "
                           "kependudukan sesuai standar pelayanan yang telah ditetapkan, dan apabila tidak "
                           "menepati janji ini, kami siap menerima sanksi sesuai peraturan perundang-undangan "
                           "yang berlaku."),
]

PERALATAN_DAFDUK = ["Komputer yang terhubung ke jaringan SIAK", "Printer dan kertas HVS 80 gram",
                    "Alat perekaman KTP-el (kamera, pemindai sidik jari, pemindai iris, pad tanda tangan)",
                    "Mesin nomor antrean", "Alat tulis kantor"]
KUALIFIKASI_LOKET = ["Memahami peraturan administrasi kependudukan",
                     "Mampu mengoperasikan aplikasi SIAK", "Bersikap ramah dan komunikatif"]

DISDUKCAPIL_SOPS = [
    dict(
        sheet="01 KTP-el", nomor="470/01/SOP/DISDUKCAPIL/2024",
        nama="Pelayanan Perekaman dan Pencetakan KTP-el", unit=DAFDUK,
        dibuat=D(2019, 3, 4), revisi=D(2024, 1, 8), efektif=D(2024, 1, 15),
        dasar_hukum=[UU_ADMINDUK, UU_PELAYANAN, PP_ADMINDUK,
                     "Peraturan Presiden Nomor 26 Tahun 2009 tentang Penerapan Kartu Tanda Penduduk Berbasis "
                     "Nomor Induk Kependudukan Secara Nasional sebagaimana telah beberapa kali diubah, terakhir "
                     "dengan Peraturan Presiden Nomor 112 Tahun 2013",
                     PERPRES_96, PERMENDAGRI_108],
        kualifikasi=KUALIFIKASI_LOKET + ["Operator memiliki hak akses perekaman dan pencetakan KTP-el"],
        keterkaitan=["SOP Pelayanan Penerbitan Kartu Keluarga", "SOP Pelayanan Penerbitan Surat Keterangan Pindah"],
        peralatan=PERALATAN_DAFDUK + ["Blangko KTP-el dan mesin cetak kartu"],
        peringatan=["KTP-el tidak dapat dicetak apabila status data belum Print Ready Record (PRR)",
                    "Apabila SOP tidak dilaksanakan, penduduk tidak memperoleh KTP-el tepat waktu"],
        pencatatan=["Buku register perekaman KTP-el", "Buku register pengambilan KTP-el",
                    "Laporan harian penggunaan blangko KTP-el"],
        actors=["Pemohon", "Petugas Loket", "Operator Perekaman", "Kepala Seksi Identitas Penduduk",
                "Operator Pencetakan"],
        steps=[
            ("0", "Mengambil nomor antrean dan menyerahkan berkas permohonan KTP-el",
             "Fotokopi KK; surat kehilangan dari Kepolisian atau KTP-el yang rusak (untuk penggantian)",
             "5 menit", "Berkas permohonan", "", "", ""),
            ("1", "Memeriksa kelengkapan berkas dan mencocokkan NIK dengan database SIAK", "Berkas permohonan",
             "10 menit", "Berkas terverifikasi", "Berkas tidak lengkap dikembalikan kepada pemohon",
             "Lengkap: 3", "Tidak lengkap: 1"),
            ("2", "Merekam foto, tanda tangan, sidik jari, dan iris mata pemohon", "Berkas terverifikasi",
             "15 menit", "Data biometrik terekam", "", "", ""),
            ("2", "Mengirim data rekaman ke server pusat dan memantau status data", "Data biometrik",
             "10 menit", "Status data", "", "", ""),
            ("3", "Memeriksa status PRR dan menyetujui pencetakan", "Status data", "15 menit",
             "Persetujuan cetak", "", "", ""),
            ("4", "Mencetak KTP-el dan memeriksa mutu hasil cetakan", "Blangko KTP-el, persetujuan cetak",
             "15 menit", "KTP-el tercetak", "", "", ""),
            ("1", "Mencatat dalam buku register pengambilan dan menyerahkan KTP-el", "KTP-el",
             "5 menit", "Register pengambilan", "", "", ""),
            ("0", "Menerima KTP-el dan menandatangani tanda terima", "KTP-el, tanda terima", "5 menit",
             "KTP-el diterima", "", "", ""),
        ],
    ),
    dict(
        # Typed by hand: single-row header, text dates, lists numbered on the following rows,
        # the `Bidang` alias, `Persyaratan/Kelengkapan` and `Ket` columns.
        sheet="02 KK", nomor="470/02/SOP/DISDUKCAPIL/2024", nama="Pelayanan Penerbitan Kartu Keluarga",
        unit=DAFDUK, unit_label="Bidang",
        dibuat="12 Februari 2019", revisi="08/01/2024", efektif="15/01/2024",
        pengesah=KADIS,
        dasar_hukum=DH_ADMINDUK,
        kualifikasi=KUALIFIKASI_LOKET,
        keterkaitan=["SOP Pelayanan Perekaman dan Pencetakan KTP-el", "SOP Pelayanan Penerbitan Akta Kelahiran"],
        peralatan=["Komputer yang terhubung ke jaringan SIAK", "Printer dan kertas HVS 80 gram",
                   "Sertifikat Tanda Tangan Elektronik Kepala Dinas", "Alat tulis kantor"],
        peringatan=["Berkas yang tidak lengkap dikembalikan kepada pemohon",
                    "KK lama wajib ditarik apabila diterbitkan KK baru"],
        pencatatan=["Buku register penerbitan KK", "Arsip formulir F-1.01 dan berkas persyaratan"],
        actors=["Pemohon", "Petugas Loket", "Operator SIAK", "Kasi Identitas Penduduk", "Kepala Dinas"],
        steps=[
            ("0", "Menyerahkan formulir F-1.01 beserta persyaratan",
             "Formulir F-1.01, KK lama, buku nikah/akta perkawinan, surat keterangan pindah (bila ada)",
             "5 menit", "Berkas permohonan", "", "", ""),
            ("1K", "Memeriksa kelengkapan dan keabsahan berkas", "Berkas permohonan", "10 menit",
             "Berkas lengkap", "", "", "Tidak lengkap: 1"),
            ("2", "Memasukkan perubahan data keluarga ke aplikasi SIAK", "Berkas lengkap", "20 menit",
             "Data KK diperbarui", "", "", ""),
            ("3", "Memverifikasi dan memvalidasi data hasil entri", "Data KK", "15 menit", "Data tervalidasi",
             "", "", ""),
            ("4", "Menandatangani KK secara elektronik", "Data tervalidasi", "10 menit", "KK ber-TTE", "TTE",
             "", ""),
            ("2", "Mencetak KK", "KK ber-TTE, kertas HVS", "5 menit", "KK tercetak", "", "", ""),
            ("1", "Mencatat di buku register dan menyerahkan KK serta menarik KK lama", "KK tercetak, KK lama",
             "5 menit", "Register", "", "", ""),
            ("0", "Menerima KK", "KK", "5 menit", "KK diterima", "", "", ""),
        ],
    ),
    dict(
        sheet="03 Pindah", nomor="470/03/SOP/DISDUKCAPIL/2024",
        nama="Pelayanan Penerbitan Surat Keterangan Pindah", unit=DAFDUK,
        dibuat=D(2019, 3, 4), revisi=D(2024, 1, 8), efektif=D(2024, 1, 15),
        dasar_hukum=DH_ADMINDUK + [PERMENDAGRI_7_2019],
        kualifikasi=KUALIFIKASI_LOKET,
        keterkaitan=["SOP Pelayanan Penerbitan Kartu Keluarga"],
        peralatan=["Komputer yang terhubung ke jaringan SIAK", "Printer dan kertas HVS 80 gram",
                   "Sertifikat Tanda Tangan Elektronik", "Alat tulis kantor"],
        peringatan=["Surat Keterangan Pindah berlaku selama 100 (seratus) hari sejak diterbitkan",
                    "Data yang salah dientri menyebabkan penduduk tidak dapat didaftarkan di daerah tujuan"],
        pencatatan=["Buku register Surat Keterangan Pindah", "Data perpindahan penduduk pada SIAK"],
        actors=["Pemohon", "Petugas Loket", "Operator SIAK", "Kepala Seksi Pindah Datang Penduduk",
                "Kepala Bidang Pelayanan Pendaftaran Penduduk"],
        steps=[
            ("0M", "Mengajukan permohonan pindah dengan mengisi formulir F-1.03", "KK, KTP-el, formulir F-1.03",
             "5 menit", "Berkas permohonan", "", "", ""),
            ("1", "Memeriksa kelengkapan berkas permohonan", "Berkas permohonan", "10 menit", "Berkas lengkap",
             "", "", "Tidak lengkap: 1"),
            ("2", "Memasukkan data perpindahan ke SIAK dan membuat konsep Surat Keterangan Pindah",
             "Berkas lengkap", "15 menit", "Konsep SKP", "", "", ""),
            ("3K", "Memeriksa konsep Surat Keterangan Pindah", "Konsep SKP", "15 menit", "Konsep SKP benar", "",
             "Benar: 5", "Perlu perbaikan: 3"),
            ("4", "Menandatangani Surat Keterangan Pindah secara elektronik", "Konsep SKP benar", "10 menit",
             "SKP ber-TTE", "", "", ""),
            ("2", "Mencetak Surat Keterangan Pindah dan KK bagi anggota keluarga yang tidak pindah",
             "SKP ber-TTE", "10 menit", "SKP dan KK tercetak", "", "", ""),
            ("1", "Menyerahkan Surat Keterangan Pindah dan KK kepada pemohon", "SKP, KK", "5 menit",
             "Register", "", "", ""),
            ("0S", "Menerima Surat Keterangan Pindah dan KK", "SKP, KK", "5 menit", "Dokumen diterima", "", "", ""),
        ],
    ),
    dict(
        sheet="04 Akta Lahir", nomor="470/04/SOP/DISDUKCAPIL/2024",
        nama="Pelayanan Penerbitan Akta Kelahiran", unit=CAPIL,
        dibuat="4 Maret 2019", revisi=D(2024, 1, 8), efektif=D(2024, 1, 15),
        dasar_hukum=DH_ADMINDUK + [PERBUP_SOTK],
        kualifikasi=["Memahami peraturan pencatatan sipil", "Mampu mengoperasikan aplikasi SIAK",
                     "Teliti dalam memeriksa data dan ejaan nama"],
        keterkaitan=["SOP Pelayanan Penerbitan Kartu Keluarga"],
        peralatan=["Komputer yang terhubung ke jaringan SIAK", "Printer dan kertas HVS 80 gram",
                   "Sertifikat Tanda Tangan Elektronik Kepala Dinas", "Buku register akta kelahiran"],
        peringatan=["Kesalahan penulisan nama atau tanggal lahir memerlukan pembetulan akta",
                    "Berkas yang tidak lengkap dikembalikan kepada pemohon"],
        pencatatan=["Buku register akta kelahiran", "Arsip formulir F-2.01 dan berkas persyaratan"],
        actors=["Pemohon", "Petugas Loket", "Operator Pencatatan Sipil", "Kepala Seksi Kelahiran", "Kepala Dinas"],
        steps=[
            ("0", "Mengisi formulir F-2.01 dan menyerahkan persyaratan",
             "Surat keterangan kelahiran, KK, buku nikah/akta perkawinan orang tua", "10 menit",
             "Berkas permohonan", "", "", ""),
            ("1K", "Memeriksa kelengkapan berkas", "Berkas permohonan", "10 menit", "Berkas lengkap", "",
             "Lengkap: 3", "Tidak lengkap: 1"),
            ("1,2", "Memverifikasi dan memvalidasi data kelahiran dengan database kependudukan",
             "Berkas lengkap", "15 menit", "Data tervalidasi", "Dikerjakan bersama", "", ""),
            ("2", "Memasukkan data kelahiran dan membuat konsep register akta", "Data tervalidasi", "20 menit",
             "Konsep register akta", "", "", ""),
            ("3K", "Meneliti konsep register akta kelahiran", "Konsep register akta", "15 menit",
             "Konsep diparaf", "", "", "Ada kesalahan: 4"),
            ("4", "Menandatangani akta kelahiran secara elektronik", "Konsep diparaf", "10 menit",
             "Akta ber-TTE", "", "", ""),
            ("2", "Mencetak kutipan akta kelahiran", "Akta ber-TTE", "10 menit", "Kutipan akta", "", "", ""),
            ("1", "Mencatat di buku register dan menyerahkan kutipan akta", "Kutipan akta", "5 menit",
             "Register", "", "", ""),
            ("0", "Menerima kutipan akta kelahiran", "Kutipan akta", "5 menit", "Akta diterima", "", "", ""),
        ],
    ),
    dict(
        # Deliberate warning: Tanggal Efektif typed without the year.
        sheet="05 Akta Kematian", nomor="470/05/SOP/DISDUKCAPIL/2024",
        nama="Pelayanan Penerbitan Akta Kematian", unit=CAPIL,
        dibuat="4 Maret 2019", revisi="8 Januari 2024", efektif="04 Januari",
        dasar_hukum=DH_ADMINDUK,
        kualifikasi=["Memahami peraturan pencatatan sipil", "Mampu mengoperasikan aplikasi SIAK"],
        keterkaitan=["SOP Pelayanan Penerbitan Kartu Keluarga"],
        peralatan=["Komputer yang terhubung ke jaringan SIAK", "Printer dan kertas HVS 80 gram",
                   "Sertifikat Tanda Tangan Elektronik Kepala Dinas"],
        peringatan=["Kematian wajib dilaporkan paling lambat 30 (tiga puluh) hari sejak tanggal kematian",
                    "Data penduduk yang meninggal dinonaktifkan dari database setelah akta terbit"],
        pencatatan=["Buku register akta kematian", "Data kematian pada SIAK"],
        actors=["Pelapor", "Petugas Loket", "Operator Pencatatan Sipil",
                "Kepala Seksi Perubahan Status Anak, Pewarganegaraan dan Kematian", "Kepala Dinas"],
        steps=[
            ("0", "Menyerahkan formulir F-2.01 dan surat keterangan kematian",
             "Surat keterangan kematian dari rumah sakit atau keuchik, KK, KTP-el almarhum/almarhumah",
             "10 menit", "Berkas permohonan", "", "", ""),
            ("1", "Memeriksa kelengkapan berkas", "Berkas permohonan", "10 menit", "Berkas lengkap", "", "",
             "Tidak lengkap: 1"),
            ("2", "Memasukkan data kematian ke SIAK dan membuat konsep akta", "Berkas lengkap", "20 menit",
             "Konsep akta kematian", "", "", ""),
            ("3", "Memeriksa dan memaraf konsep akta kematian", "Konsep akta", "15 menit", "Konsep diparaf", "",
             "", ""),
            ("4", "Menandatangani akta kematian secara elektronik", "Konsep diparaf", "10 menit", "Akta ber-TTE",
             "", "", ""),
            ("2", "Mencetak kutipan akta kematian dan KK yang diperbarui", "Akta ber-TTE", "10 menit",
             "Kutipan akta dan KK", "", "", ""),
            ("1", "Menyerahkan kutipan akta kematian dan KK", "Kutipan akta, KK", "5 menit", "Register", "", "", ""),
            ("0", "Menerima kutipan akta kematian dan KK", "Kutipan akta, KK", "5 menit", "Dokumen diterima",
             "", "", ""),
        ],
    ),
    dict(
        sheet="06 Legalisir", nomor="470/06/SOP/DISDUKCAPIL/2024",
        nama="Pelayanan Legalisir Kutipan Akta Pencatatan Sipil", unit=CAPIL,
        dibuat="2024-01-08", revisi="2024-01-08", efektif="2024-01-15",
        dasar_hukum=[UU_ADMINDUK, PERPRES_96, PERMENDAGRI_108],
        kualifikasi=["Memahami jenis dan bentuk kutipan akta pencatatan sipil",
                     "Mampu memeriksa keaslian dokumen"],
        keterkaitan=["SOP Pelayanan Penerbitan Akta Kelahiran", "SOP Pelayanan Penerbitan Akta Kematian"],
        peralatan=["Stempel legalisir", "Buku register legalisir", "Alat tulis kantor"],
        peringatan=["Dokumen yang diterbitkan dengan TTE tidak perlu dilegalisir",
                    "Legalisir hanya diberikan untuk fotokopi yang sesuai dengan aslinya"],
        pencatatan=["Buku register legalisir"],
        actors=["Pemohon", "Petugas Loket", "Kepala Bidang Pelayanan Pencatatan Sipil"],
        steps=[
            ("0", "Menyerahkan kutipan akta asli dan fotokopinya", "Kutipan akta asli, fotokopi", "2 menit",
             "Berkas legalisir", "", "", ""),
            ("1", "Mencocokkan fotokopi dengan kutipan akta asli", "Kutipan akta asli, fotokopi", "5 menit",
             "Fotokopi sesuai", "", "Sesuai: 3", "Tidak sesuai: 1"),
            ("2", "Menandatangani fotokopi yang telah dicocokkan", "Fotokopi sesuai", "10 menit",
             "Fotokopi ditandatangani", "", "", ""),
            ("1", "Membubuhkan stempel, mencatat di buku register, dan menyerahkan legalisir", "Fotokopi",
             "5 menit", "Fotokopi terlegalisir", "", "", ""),
            ("0", "Menerima fotokopi yang telah dilegalisir", "Fotokopi terlegalisir", "2 menit", "Legalisir diterima",
             "", "", ""),
        ],
    ),
    dict(
        sheet="07 Surat Masuk", nomor="800/07/SOP/DISDUKCAPIL/2024",
        nama="Pengelolaan Surat Masuk", unit=SEKRE,
        dibuat=D(2020, 2, 3), revisi=D(2024, 1, 8), efektif=D(2024, 1, 15),
        dasar_hukum=[UU_ARSIP, PP_ARSIP, PERMENDAGRI_TND],
        kualifikasi=["Memahami tata naskah dinas", "Mampu mengoperasikan aplikasi persuratan",
                     "Memahami klasifikasi arsip"],
        keterkaitan=["SOP Pengelolaan Surat Keluar", "SOP Penanganan Pengaduan Masyarakat"],
        peralatan=["Komputer dan pemindai (scanner)", "Buku agenda surat masuk", "Lembar disposisi",
                   "Lemari arsip"],
        peringatan=["Surat yang bersifat rahasia diserahkan langsung kepada Kepala Dinas dalam keadaan tertutup",
                    "Keterlambatan disposisi menghambat tindak lanjut surat"],
        pencatatan=["Buku agenda surat masuk", "Lembar disposisi", "Arsip surat masuk"],
        actors=["Pengadministrasi Umum", "Kepala Subbagian Umum dan Kepegawaian", "Sekretaris", "Kepala Dinas",
                "Kepala Bidang"],
        steps=[
            ("0", "Menerima surat, memeriksa alamat tujuan, dan mencatat dalam buku agenda surat masuk", "Surat masuk",
             "10 menit", "Surat teragenda", "", "", ""),
            ("1", "Memeriksa surat dan mengisi lembar disposisi", "Surat teragenda", "15 menit",
             "Lembar disposisi", "", "", ""),
            ("2", "Menelaah surat dan memberi catatan", "Surat, lembar disposisi", "30 menit", "Catatan Sekretaris",
             "", "", ""),
            ("3", "Memberikan disposisi kepada bidang yang berwenang", "Surat, catatan Sekretaris", "1 hari",
             "Disposisi Kepala Dinas", "", "", ""),
            ("0", "Mendistribusikan surat sesuai disposisi", "Surat terdisposisi", "15 menit", "Tanda terima",
             "", "", ""),
            ("4", "Menindaklanjuti surat sesuai disposisi", "Surat terdisposisi", "2 hari kerja",
             "Tindak lanjut surat", "", "", ""),
            ("0", "Memindai dan mengarsipkan surat", "Surat yang telah ditindaklanjuti", "15 menit",
             "Arsip surat masuk", "", "", ""),
        ],
    ),
    dict(
        sheet="08 Pengaduan", nomor="800/08/SOP/DISDUKCAPIL/2024",
        nama="Penanganan Pengaduan Masyarakat", unit=SEKRE,
        dibuat=D(2020, 2, 3), revisi=D(2024, 1, 8), efektif=D(2024, 1, 15),
        dasar_hukum=[UU_PELAYANAN, PERPRES_PENGADUAN,
                     "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 62 Tahun 2018 "
                     "tentang Pedoman Teknis Pengelolaan Pengaduan Pelayanan Publik Secara Nasional"],
        kualifikasi=["Memahami tugas dan fungsi setiap bidang", "Mampu berkomunikasi dengan santun",
                     "Mampu mengoperasikan aplikasi SP4N-LAPOR!"],
        keterkaitan=["SOP Pengelolaan Surat Masuk"],
        peralatan=["Komputer dan jaringan internet", "Aplikasi SP4N-LAPOR!", "Kotak pengaduan",
                   "Buku register pengaduan"],
        peringatan=["Identitas pelapor wajib dirahasiakan",
                    "Pengaduan yang tidak ditanggapi menurunkan kepercayaan masyarakat"],
        pencatatan=["Buku register pengaduan", "Laporan bulanan penanganan pengaduan"],
        actors=["Pelapor", "Petugas Pengaduan", "Sekretaris", "Kepala Bidang Terkait", "Kepala Dinas"],
        steps=[
            ("0", "Menyampaikan pengaduan secara langsung, tertulis, atau melalui SP4N-LAPOR!", "Identitas pelapor",
             "15 menit", "Pengaduan", "", "", ""),
            ("1", "Mencatat pengaduan dalam buku register dan memberi nomor register", "Pengaduan", "10 menit",
             "Pengaduan teregister", "", "", ""),
            ("2", "Menelaah apakah pengaduan menjadi kewenangan Dinas", "Pengaduan teregister", "1 jam",
             "Hasil telaah", "", "Kewenangan Dinas: 4", "Bukan kewenangan: 7"),
            ("3", "Menindaklanjuti pengaduan dan menyusun konsep jawaban", "Hasil telaah", "3 hari kerja",
             "Konsep jawaban", "", "", ""),
            ("2", "Memeriksa dan memaraf konsep jawaban", "Konsep jawaban", "1 jam", "Konsep diparaf", "", "", ""),
            ("4", "Menandatangani surat jawaban", "Konsep diparaf", "1 hari", "Surat jawaban", "", "", ""),
            ("1", "Menyampaikan jawaban kepada pelapor atau meneruskan pengaduan kepada instansi berwenang",
             "Surat jawaban atau surat penerusan", "30 menit", "Pengaduan selesai", "", "", ""),
            ("0", "Menerima jawaban atas pengaduan", "Surat jawaban", "5 menit", "Jawaban diterima", "", "", ""),
        ],
    ),
]

DISDUKCAPIL_SPS = [
    ("SP KTP-el", [
        ("Jenis Pelayanan", "Pelayanan Perekaman dan Pencetakan KTP-el"),
        ("Persyaratan", ["Telah berusia 17 tahun, sudah kawin, atau pernah kawin", "Fotokopi Kartu Keluarga",
                         "Surat keterangan kehilangan dari Kepolisian (untuk KTP-el hilang)",
                         "KTP-el yang rusak (untuk KTP-el rusak)"]),
        ("Sistem, Mekanisme, dan Prosedur", "SOP: Pelayanan Perekaman dan Pencetakan KTP-el"),
        ("Jangka Waktu Pelayanan", ["1 hari kerja", "apabila blangko KTP-el tersedia"]),
        ("Biaya/Tarif", "Rp0,00 (tidak dipungut biaya)"),
        ("Produk Pelayanan", "Kartu Tanda Penduduk Elektronik (KTP-el)"),
        ("Penanganan Pengaduan, Saran, dan Masukan", ["Meja pengaduan di ruang pelayanan",
                                                      "Kotak saran", "SP4N-LAPOR!", "WhatsApp pengaduan Disdukcapil"]),
        ("Dasar Hukum", [UU_ADMINDUK, PERPRES_96, PERMENDAGRI_108]),
        ("Sarana dan Prasarana, dan/atau Fasilitas", ["Ruang tunggu dan kursi antrean", "Mesin nomor antrean",
                                                      "Alat perekaman dan pencetakan KTP-el", "Toilet",
                                                      "Jalur khusus penyandang disabilitas dan lansia"]),
        ("Kompetensi Pelaksana", ["Memahami peraturan administrasi kependudukan",
                                  "Terampil mengoperasikan alat perekaman dan pencetakan KTP-el"]),
        ("Pengawasan Internal", ["Pengawasan melekat oleh Kepala Seksi dan Kepala Bidang",
                                 "Pemeriksaan oleh Inspektorat Kabupaten Bener Meriah"]),
        ("Jumlah Pelaksana", "6 orang"),
        ("Jaminan Pelayanan", "KTP-el diterbitkan sesuai standar pelayanan tanpa dipungut biaya"),
        ("Jaminan Keamanan dan Keselamatan Pelayanan", ["Data pribadi penduduk dijaga kerahasiaannya",
                                                        "Blangko KTP-el disimpan di tempat terkunci"]),
        ("Evaluasi Kinerja Pelaksana", ["Survei Kepuasan Masyarakat setiap semester",
                                        "Rapat evaluasi pelayanan setiap bulan"]),
    ]),
    ("SP Akta Kelahiran", [
        ("Jenis Pelayanan", "Pelayanan Penerbitan Akta Kelahiran"),
        ("Persyaratan", ["Surat keterangan kelahiran dari rumah sakit, puskesmas, bidan, atau keuchik",
                         "Kartu Keluarga", "Buku nikah atau akta perkawinan orang tua",
                         "Surat pernyataan tanggung jawab mutlak (bila tidak ada buku nikah)"]),
        # Linked by Nomor SOP rather than by Nama SOP.
        ("Sistem, Mekanisme, dan Prosedur", "SOP: 470/04/SOP/DISDUKCAPIL/2024"),
        ("Jangka Waktu Pelayanan", "1 hari kerja"),
        ("Biaya/Tarif", "Rp0,00 (tidak dipungut biaya)"),
        ("Produk Pelayanan", ["Kutipan Akta Kelahiran", "Kartu Keluarga yang diperbarui"]),
        ("Penanganan Pengaduan, Saran, dan Masukan", ["Meja pengaduan", "SP4N-LAPOR!"]),
        ("Dasar Hukum", [UU_ADMINDUK, PERPRES_96, PERMENDAGRI_108]),
        ("Sarana dan Prasarana, dan/atau Fasilitas", ["Ruang tunggu", "Loket pelayanan pencatatan sipil",
                                                      "Ruang laktasi"]),
        ("Kompetensi Pelaksana", ["Memahami peraturan pencatatan sipil", "Teliti dan cermat"]),
        ("Pengawasan Internal", "Pengawasan melekat oleh atasan langsung"),
        ("Jumlah Pelaksana", "4 orang"),
        ("Jaminan Pelayanan", "Akta kelahiran diterbitkan pada hari yang sama apabila berkas lengkap"),
        ("Jaminan Keamanan dan Keselamatan Pelayanan", "Akta ditandatangani secara elektronik dan dilengkapi "
                                                       "kode QR untuk pemeriksaan keaslian"),
        ("Evaluasi Kinerja Pelaksana", "Survei Kepuasan Masyarakat setiap semester"),
    ]),
    ("SP Kartu Keluarga", [
        ("Jenis Pelayanan", "Pelayanan Penerbitan Kartu Keluarga"),
        ("Persyaratan", ["Formulir F-1.01", "Kartu Keluarga lama",
                         "Buku nikah/akta perkawinan atau akta cerai (sesuai peristiwa)",
                         "Surat Keterangan Pindah (bagi penduduk pindah datang)"]),
        # Written out, not linked to the SOP.
        ("Sistem, Mekanisme, dan Prosedur", ["Pemohon menyerahkan formulir dan persyaratan di loket",
                                             "Petugas memeriksa kelengkapan berkas",
                                             "Operator memasukkan data ke SIAK",
                                             "Kepala Dinas menandatangani KK secara elektronik",
                                             "KK dicetak dan diserahkan kepada pemohon"]),
        ("Jangka Waktu Pelayanan", "1 hari kerja"),
        ("Biaya/Tarif", "Rp0,00 (tidak dipungut biaya)"),
        ("Produk Pelayanan", "Kartu Keluarga"),
        ("Penanganan Pengaduan, Saran, dan Masukan", ["Meja pengaduan", "SP4N-LAPOR!"]),
        ("Dasar Hukum", DH_ADMINDUK[:4]),
        ("Sarana dan Prasarana, dan/atau Fasilitas", ["Ruang tunggu", "Loket pelayanan", "Printer"]),
        ("Kompetensi Pelaksana", "Memahami peraturan administrasi kependudukan"),
        ("Pengawasan Internal", "Pengawasan melekat oleh atasan langsung"),
        ("Jumlah Pelaksana", "4 orang"),
        ("Jaminan Pelayanan", "KK diterbitkan pada hari yang sama apabila berkas lengkap"),
        ("Jaminan Keamanan dan Keselamatan Pelayanan", "Data keluarga dijaga kerahasiaannya"),
        ("Evaluasi Kinerja Pelaksana", "Survei Kepuasan Masyarakat setiap semester"),
    ]),
]


def make_disdukcapil(out: Path) -> None:
    save_png(emblem((240, 280), "#1E7B3A", "#F2C200", "BM"), HERE / "logo-bener-meriah.png")
    wb = Workbook()
    notes = wb.active
    notes.title = "Catatan"
    notes.column_dimensions["A"].width = 14
    notes.column_dimensions["B"].width = 70
    notes["A1"] = "RIWAYAT PERUBAHAN WORKBOOK SOP DISDUKCAPIL"
    notes["A1"].font = Font(bold=True, size=12)
    for r, (tanggal, isi, oleh) in enumerate([
        ("Tanggal", "Perubahan", "Oleh"),
        (D(2019, 3, 4), "Penyusunan awal 6 SOP pelayanan", "Subbag Program"),
        (D(2020, 2, 3), "Penambahan SOP Sekretariat (surat masuk, pengaduan)", "Subbag Umum dan Kepegawaian"),
        (D(2024, 1, 8), "Revisi seluruh SOP: penandatanganan dokumen secara elektronik (TTE)", "Tim Penyusun SOP"),
    ], start=3):
        for c, value in enumerate((tanggal, isi, oleh), 1):
            cell = notes.cell(r, c, value)
            cell.border = BOX
            if isinstance(value, dt.date):
                cell.number_format = "dd/mm/yyyy"
            if r == 3:
                cell.font, cell.fill = BOLD, GREY
    notes["A8"] = "Jangan mengubah label di kolom A pada sheet SOP. Sheet ini tidak ikut dicetak."
    notes.column_dimensions["C"].width = 30
    print_setup(notes, landscape=False)
    write_label_sheet(wb.create_sheet("Instansi"), DISDUKCAPIL_INSTANSI)
    for sop in DISDUKCAPIL_SOPS:
        if sop["sheet"] == "02 KK":
            typed_sop(wb, sop, header="one", lists="rows",
                      columns=("Persyaratan/Kelengkapan", "Waktu", "Output", "Ket", "Jika Ya", "Jika Tidak"))
        else:
            template_sop(wb, sop)
    for name, rows in DISDUKCAPIL_SPS:
        write_sp_sheet(wb.create_sheet(name), rows)
    wb.save(out)


# ============================================================================================
# 2. Kecamatan Bukit, Kabupaten Bener Meriah (typed by hand)

CAMAT = ("Camat Bukit", "Safrizal, S.STP., M.Si.", "Pembina (IV/a)", "19820406 200112 1 001")
KEC_PERALATAN = ["Komputer dan printer", "Buku agenda/register", "Stempel dinas", "Alat tulis kantor"]
KEC_DH = [UU_PELAYANAN, UU_ACEH, UU_PEMDA, "Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan",
          "Peraturan Menteri Dalam Negeri Nomor 4 Tahun 2010 tentang Pedoman Pelayanan Administrasi Terpadu "
          "Kecamatan",
          "Peraturan Bupati Bener Meriah tentang Pelimpahan Sebagian Kewenangan Bupati kepada Camat"]

KECAMATAN_INSTANSI = [
    ("Pemerintah", "PEMERINTAH KABUPATEN BENER MERIAH"),
    ("Nama SKPD", "KECAMATAN BUKIT"),
    ("Singkatan", "Kec. Bukit"),
    ("Alamat", "Jalan Bandara Rembele, Simpang Tiga Redelong, Kecamatan Bukit, Kabupaten Bener Meriah"),
    ("Tahun", "2024"),
    ("Jabatan Pimpinan", CAMAT[0]),
    ("Nama Pimpinan", CAMAT[1]),
    ("Pangkat Pimpinan", CAMAT[2]),
    ("NIP Pimpinan", CAMAT[3]),
    ("Tempat Penetapan", "Simpang Tiga Redelong"),
    ("Nomor Keputusan", ""),
    ("Tanggal Keputusan", ""),
    ("Ruang Lingkup", ["Pelayanan Administrasi Terpadu Kecamatan (PATEN) dan administrasi umum Kantor Camat Bukit"]),
    ("Ringkasan", ["SOP disusun menurut Peraturan Menteri PANRB Nomor 35 Tahun 2012",
                   "SOP ditinjau kembali setiap tahun oleh Sekretaris Camat"]),
    ("Definisi", ["PATEN adalah penyelenggaraan pelayanan publik di kecamatan dari tahap permohonan sampai "
                  "tahap terbitnya dokumen dalam satu tempat",
                  "Gampong adalah kesatuan masyarakat hukum yang dipimpin oleh Keuchik",
                  "Front Office adalah meja pelayanan tempat pemohon menyerahkan dan menerima berkas"]),
]

KECAMATAN_SOPS = [
    dict(
        # The long one: 18 activities, 6 actors, two decisions. Deliberate warning: step 5 Waktu "5".
        sheet="SOP-01 Rekom Keramaian", nomor="503/01/SOP/KEC-BKT/2024",
        nama="Pelayanan Rekomendasi Izin Keramaian", unit="Seksi Pelayanan Umum", unit_label="Seksi",
        dibuat=D(2021, 6, 7), revisi=D(2024, 2, 5), efektif=D(2024, 2, 12),
        pengesah=CAMAT,
        dasar_hukum=KEC_DH + ["Peraturan Kepala Kepolisian Negara Republik Indonesia Nomor 7 Tahun 2023 tentang "
                              "Teknis Perizinan, Pengawasan, dan Tindakan Kepolisian pada Kegiatan Keramaian Umum, "
                              "Kegiatan Masyarakat Lainnya, dan Pemberitahuan Kegiatan Politik"],
        kualifikasi=["Memahami ketentuan perizinan kegiatan keramaian",
                     "Mampu menyusun naskah dinas sesuai tata naskah dinas",
                     "Mampu berkoordinasi dengan Keuchik, Polsek, dan Koramil"],
        keterkaitan=["SOP Pengelolaan Surat Masuk", "SOP Pelayanan Legalisasi Dokumen"],
        peralatan=KEC_PERALATAN + ["Kendaraan dinas untuk peninjauan lokasi"],
        peringatan=["Rekomendasi tidak diterbitkan untuk kegiatan yang mengganggu ketertiban umum atau "
                    "bertentangan dengan syariat Islam",
                    "Permohonan diajukan paling lambat 7 (tujuh) hari sebelum kegiatan"],
        pencatatan=["Buku agenda pelayanan PATEN", "Buku register surat keluar", "Arsip surat rekomendasi"],
        actors=["Pemohon", "Petugas Front Office", "Kasi Pelayanan Umum", "Sekretaris Camat", "Camat",
                "Petugas Arsip"],
        steps=[
            ("0M", "Mengambil nomor antrean dan mengajukan permohonan rekomendasi izin keramaian",
             "Surat permohonan, fotokopi KTP-el, surat pengantar Keuchik, susunan acara", "5 menit",
             "Berkas permohonan", "", "", ""),
            ("1", "Menerima berkas dan mencatat dalam buku agenda pelayanan", "Berkas permohonan", "5 menit",
             "Berkas tercatat", "", "", ""),
            ("1K", "Memeriksa kelengkapan persyaratan", "Berkas tercatat", "10 menit", "Berkas lengkap",
             "Berkas tidak lengkap dikembalikan", "Lengkap: 4", "Tidak lengkap: 1"),
            ("1", "Memberikan tanda terima berkas kepada pemohon", "Berkas lengkap", "5 menit", "Tanda terima",
             "", "", ""),
            ("1", "Meneruskan berkas kepada Kasi Pelayanan Umum", "Berkas lengkap", "5", "Berkas diteruskan",
             "", "", ""),
            ("2", "Meneliti berkas serta kesesuaian lokasi dan waktu kegiatan", "Berkas lengkap", "30 menit",
             "Hasil penelitian", "", "", ""),
            ("2", "Berkoordinasi dengan Keuchik, Polsek, dan Koramil setempat", "Hasil penelitian", "1 hari",
             "Catatan koordinasi", "Bila diperlukan peninjauan lokasi", "", ""),
            ("2", "Membuat telaahan staf", "Catatan koordinasi", "1 jam", "Telaahan staf", "", "", ""),
            ("2", "Menyusun konsep surat rekomendasi", "Telaahan staf", "30 menit", "Konsep rekomendasi", "", "",
             ""),
            ("2", "Memaraf konsep dan meneruskan kepada Sekretaris Camat", "Konsep rekomendasi", "10 menit",
             "Konsep diparaf Kasi", "", "", ""),
            ("3K", "Memeriksa konsep surat rekomendasi", "Konsep diparaf Kasi", "30 menit", "Konsep benar", "",
             "", "Perlu perbaikan: 9"),
            ("3", "Memaraf konsep surat rekomendasi", "Konsep benar", "5 menit", "Konsep diparaf Sekcam", "", "",
             ""),
            ("4", "Menandatangani surat rekomendasi", "Konsep diparaf Sekcam", "1 hari",
             "Surat rekomendasi ditandatangani", "", "", ""),
            ("5", "Memberi nomor dan tanggal surat serta membubuhkan stempel", "Surat ditandatangani",
             "10 menit", "Surat bernomor", "", "", ""),
            ("5", "Menggandakan dan mengarsipkan salinan surat rekomendasi", "Surat bernomor", "10 menit",
             "Arsip", "", "", ""),
            ("1", "Mencatat dalam buku register surat keluar dan menghubungi pemohon", "Surat bernomor",
             "10 menit", "Register surat keluar", "", "", ""),
            ("1", "Menyerahkan surat rekomendasi kepada pemohon", "Surat rekomendasi", "5 menit",
             "Tanda terima", "", "", ""),
            ("0S", "Menerima surat rekomendasi dan menandatangani buku ekspedisi", "Surat rekomendasi",
             "5 menit", "Rekomendasi diterima", "", "", ""),
        ],
    ),
    dict(
        sheet="SOP-02 Legalisasi", nomor="503/02/SOP/KEC-BKT/2024", nama="Pelayanan Legalisasi Dokumen",
        unit="Seksi Pelayanan Umum", unit_label="Seksi",
        dibuat=D(2021, 6, 7), revisi=D(2024, 2, 5), efektif=D(2024, 2, 12),
        dasar_hukum=KEC_DH[:4],
        kualifikasi=["Mampu memeriksa keaslian dokumen", "Memahami tata naskah dinas"],
        keterkaitan=["SOP Pelayanan Rekomendasi Izin Keramaian"],
        peralatan=KEC_PERALATAN,
        peringatan=["Legalisasi hanya untuk dokumen yang diterbitkan oleh Kecamatan atau Gampong dalam wilayah "
                    "Kecamatan Bukit"],
        pencatatan=["Buku register legalisasi"],
        actors=["Pemohon", "Petugas Front Office", "Kasi Pelayanan Umum", "Sekretaris Camat"],
        steps=[
            ("0", "Menyerahkan dokumen asli dan fotokopinya", "Dokumen asli, fotokopi", "2 menit", "Berkas", "", "",
             ""),
            ("1", "Mencocokkan fotokopi dengan dokumen asli", "Dokumen asli, fotokopi", "5 menit", "Fotokopi sesuai",
             "", "", "Tidak sesuai: 1"),
            ("2", "Memaraf fotokopi yang telah dicocokkan", "Fotokopi sesuai", "5 menit", "Fotokopi diparaf", "", "",
             ""),
            ("3", "Menandatangani legalisasi atas nama Camat", "Fotokopi diparaf", "15 menit",
             "Fotokopi dilegalisasi", "", "", ""),
            ("1", "Membubuhkan stempel dan mencatat dalam buku register legalisasi", "Fotokopi dilegalisasi",
             "5 menit", "Register", "", "", ""),
            ("0", "Menerima fotokopi yang telah dilegalisasi", "Fotokopi dilegalisasi", "2 menit",
             "Legalisasi diterima", "", "", ""),
        ],
    ),
    dict(
        # Joint activity typed as one merged cell across two actor columns ("2-3").
        sheet="SOP-03 Evaluasi APBG", nomor="900/03/SOP/KEC-BKT/2024",
        nama="Evaluasi Rancangan Qanun Gampong tentang APBG", unit="Seksi Pemberdayaan Masyarakat Gampong",
        unit_label="Seksi",
        dibuat=D(2022, 1, 10), revisi=D(2024, 2, 5), efektif=D(2024, 2, 12),
        dasar_hukum=[UU_ACEH, "Undang-Undang Nomor 6 Tahun 2014 tentang Desa",
                     "Peraturan Pemerintah Nomor 43 Tahun 2014 tentang Peraturan Pelaksanaan Undang-Undang Nomor 6 "
                     "Tahun 2014 tentang Desa sebagaimana telah beberapa kali diubah, terakhir dengan Peraturan "
                     "Pemerintah Nomor 11 Tahun 2019",
                     "Peraturan Menteri Dalam Negeri Nomor 20 Tahun 2018 tentang Pengelolaan Keuangan Desa",
                     "Peraturan Bupati Bener Meriah tentang Pelimpahan Sebagian Kewenangan Bupati kepada Camat"],
        kualifikasi=["Memahami pengelolaan keuangan gampong", "Memahami prioritas penggunaan Dana Desa",
                     "Mampu menganalisis anggaran"],
        keterkaitan=["SOP Pengelolaan Surat Masuk"],
        peralatan=["Komputer dan printer", "Aplikasi Siskeudes", "Ruang rapat", "Alat tulis kantor"],
        peringatan=["Evaluasi diselesaikan paling lama 20 (dua puluh) hari kerja sejak rancangan diterima",
                    "Qanun Gampong tentang APBG tidak dapat dilaksanakan sebelum dievaluasi"],
        pencatatan=["Buku register evaluasi APBG", "Berita acara pembahasan", "Arsip keputusan evaluasi"],
        actors=["Keuchik", "Petugas Administrasi", "Kasi PMG", "Tim Evaluasi Kecamatan", "Camat"],
        steps=[
            ("0", "Menyampaikan rancangan Qanun Gampong tentang APBG beserta lampirannya",
             "Rancangan qanun, RKPG, berita acara musyawarah gampong", "30 menit", "Berkas rancangan", "", "", ""),
            ("1", "Menerima dan mencatat berkas dalam buku register evaluasi APBG", "Berkas rancangan",
             "15 menit", "Berkas teregister", "", "", ""),
            ("2-3", "Membahas dan mengevaluasi rancangan APBG", "Berkas teregister", "5 hari kerja",
             "Berita acara pembahasan", "Rapat bersama", "", ""),
            ("3K", "Menyimpulkan hasil evaluasi", "Berita acara pembahasan", "1 hari kerja", "Hasil evaluasi", "",
             "Sesuai: 6", "Perlu penyempurnaan: 5"),
            ("0", "Menyempurnakan rancangan sesuai hasil evaluasi", "Hasil evaluasi", "1 minggu",
             "Rancangan disempurnakan", "", "2", ""),
            ("2", "Menyusun konsep keputusan Camat tentang hasil evaluasi", "Hasil evaluasi", "1 hari kerja",
             "Konsep keputusan", "", "", ""),
            ("4", "Menandatangani keputusan hasil evaluasi", "Konsep keputusan", "1 hari kerja",
             "Keputusan Camat", "", "", ""),
            ("1", "Menyampaikan keputusan kepada Keuchik dan mengarsipkan salinannya", "Keputusan Camat",
             "30 menit", "Tanda terima", "", "", ""),
            ("0", "Menerima keputusan hasil evaluasi", "Keputusan Camat", "15 menit", "Keputusan diterima",
             "", "", ""),
        ],
    ),
    dict(
        sheet="SOP-04 Surat Masuk", nomor="800/04/SOP/KEC-BKT/2024", nama="Pengelolaan Surat Masuk",
        unit="Sekretariat Kecamatan", unit_label="Bagian",
        dibuat=D(2021, 6, 7), revisi=D(2024, 2, 5), efektif=D(2024, 2, 12),
        dasar_hukum=[UU_ARSIP, PP_ARSIP, PERMENDAGRI_TND],
        kualifikasi=["Memahami tata naskah dinas", "Memahami klasifikasi arsip"],
        keterkaitan=["SOP Pelayanan Rekomendasi Izin Keramaian"],
        peralatan=["Buku agenda surat masuk", "Lembar disposisi", "Lemari arsip"],
        peringatan=["Surat rahasia diserahkan langsung kepada Camat"],
        pencatatan=["Buku agenda surat masuk", "Arsip surat masuk"],
        actors=["Petugas Arsip", "Sekretaris Camat", "Camat", "Kepala Seksi"],
        steps=[
            ("0", "Menerima surat dan mencatat dalam buku agenda", "Surat masuk", "10 menit", "Surat teragenda",
             "", "", ""),
            ("1", "Menelaah surat dan mengisi lembar disposisi", "Surat teragenda", "30 menit", "Lembar disposisi",
             "", "", ""),
            ("2", "Memberikan disposisi", "Surat, lembar disposisi", "1 hari", "Disposisi Camat", "", "", ""),
            ("0", "Mendistribusikan surat sesuai disposisi", "Surat terdisposisi", "15 menit", "Tanda terima", "",
             "", ""),
            ("3", "Menindaklanjuti surat", "Surat terdisposisi", "2 hari kerja", "Tindak lanjut", "", "", ""),
            ("0", "Mengarsipkan surat", "Surat", "10 menit", "Arsip surat masuk", "", "", ""),
        ],
    ),
    dict(
        sheet="SOP-05 Adminduk", nomor="470/05/SOP/KEC-BKT/2024",
        nama="Pelayanan Penerusan Berkas Dokumen Kependudukan", unit="Seksi Pemerintahan", unit_label="Seksi",
        dibuat=D(2021, 6, 7), revisi=D(2024, 2, 5), efektif=D(2024, 2, 12),
        dasar_hukum=[UU_ADMINDUK, PERPRES_96, PERMENDAGRI_108,
                     "Peraturan Menteri Dalam Negeri Nomor 4 Tahun 2010 tentang Pedoman Pelayanan Administrasi "
                     "Terpadu Kecamatan"],
        kualifikasi=["Memahami persyaratan dokumen kependudukan"],
        keterkaitan=["SOP Pengelolaan Surat Masuk"],
        peralatan=["Buku register penerusan berkas", "Map berkas", "Kendaraan dinas roda dua"],
        peringatan=["Berkas diteruskan ke Disdukcapil paling lambat 1 (satu) hari kerja setelah diterima"],
        pencatatan=["Buku register penerusan berkas"],
        actors=["Pemohon", "Petugas Front Office", "Kasi Pemerintahan", "Petugas Pengantar"],
        steps=[
            ("0", "Menyerahkan berkas permohonan KK, KTP-el, atau akta", "Berkas permohonan", "5 menit", "Berkas",
             "", "", ""),
            ("1", "Memeriksa kelengkapan berkas", "Berkas", "10 menit", "Berkas lengkap", "", "",
             "Tidak lengkap: 1"),
            ("2", "Memaraf surat pengantar ke Disdukcapil", "Berkas lengkap", "15 menit", "Surat pengantar", "",
             "", ""),
            ("3", "Mengantar berkas ke Disdukcapil dan mengambil dokumen yang telah terbit", "Surat pengantar",
             "2 hari kerja", "Dokumen kependudukan", "", "", ""),
            ("1", "Mencatat dan menyerahkan dokumen kepada pemohon", "Dokumen kependudukan", "5 menit",
             "Register", "", "", ""),
            ("0", "Menerima dokumen kependudukan", "Dokumen kependudukan", "5 menit", "Dokumen diterima", "", "",
             ""),
        ],
    ),
]

KECAMATAN_SPS = [
    ("SP-01 Rekom Keramaian", [
        ("Jenis Pelayanan", "Pelayanan Rekomendasi Izin Keramaian"),
        ("Persyaratan", ["Surat permohonan", "Fotokopi KTP-el pemohon", "Surat pengantar Keuchik",
                         "Susunan acara kegiatan"]),
        ("Prosedur", "SOP: Pelayanan Rekomendasi Izin Keramaian"),
        ("Jangka Waktu", "3 hari kerja"),
        ("Biaya", "Tidak dipungut biaya"),
        ("Produk Pelayanan", "Surat Rekomendasi Izin Keramaian"),
        ("Pengaduan", ["Kotak pengaduan di Kantor Camat", "SP4N-LAPOR!"]),
        ("Dasar Hukum", KEC_DH[:5]),
        ("Sarana dan Prasarana", ["Ruang pelayanan PATEN", "Ruang tunggu", "Komputer dan printer"]),
        ("Kompetensi Pelaksana", ["Memahami ketentuan perizinan keramaian", "Mampu berkoordinasi"]),
        ("Pengawasan Internal", "Pengawasan melekat oleh Sekretaris Camat"),
        ("Jumlah Pelaksana", "5 orang"),
        ("Jaminan Pelayanan", "Rekomendasi diterbitkan paling lama 3 hari kerja sejak berkas lengkap"),
        ("Jaminan Keamanan dan Keselamatan Pelayanan", "Surat rekomendasi bernomor dan berstempel dinas"),
        ("Evaluasi Kinerja Pelaksana", "Survei Kepuasan Masyarakat setiap tahun"),
    ]),
    ("SP-02 Legalisasi", [
        ("Jenis Pelayanan", "Pelayanan Legalisasi Dokumen"),
        ("Persyaratan", ["Dokumen asli", "Fotokopi dokumen"]),
        ("Prosedur", "SOP: 503/02/SOP/KEC-BKT/2024"),
        ("Jangka Waktu", "1 jam"),
        ("Biaya", "Tidak dipungut biaya"),
        ("Produk Pelayanan", "Fotokopi dokumen yang telah dilegalisasi"),
        ("Pengaduan", "Kotak pengaduan di Kantor Camat"),
        ("Dasar Hukum", KEC_DH[:3]),
        ("Sarana dan Prasarana", "Ruang pelayanan PATEN"),
        ("Kompetensi Pelaksana", "Mampu memeriksa keaslian dokumen"),
        ("Pengawasan Internal", "Pengawasan melekat oleh Sekretaris Camat"),
        ("Jumlah Pelaksana", "3 orang"),
        ("Jaminan Pelayanan", "Legalisasi selesai pada hari yang sama"),
        ("Jaminan Keamanan dan Keselamatan Pelayanan", "Dokumen asli dikembalikan kepada pemohon"),
        ("Evaluasi Kinerja Pelaksana", "Survei Kepuasan Masyarakat setiap tahun"),
    ]),
]


def make_kecamatan(out: Path) -> None:
    wb = Workbook()
    wb.remove(wb.active)
    instansi_sheet(wb, KECAMATAN_INSTANSI, lists="rows", colon=True, title="DATA KECAMATAN")
    logo = io.BytesIO()
    emblem((160, 187), "#0B5394", "#F1C232").save(logo, format="PNG")
    logo.seek(0)
    picture = SheetImage(logo)
    picture.anchor = "D3"
    wb["Instansi"].add_image(picture)
    for sop in KECAMATAN_SOPS:
        header = "two" if sop["sheet"] in ("SOP-01 Rekom Keramaian", "SOP-03 Evaluasi APBG") else "one"
        typed_sop(wb, sop, header=header, lists="rows", colon=True)
    for name, rows in KECAMATAN_SPS:
        typed_sp(wb, name, rows, lists="rows", colon=True)
    wb.save(out)


# ============================================================================================
# 3. Sekretariat DPRK Bener Meriah (saved through LibreOffice Calc)

SEKWAN = ("Sekretaris Dewan Perwakilan Rakyat Kabupaten Bener Meriah", "Hendra Saputra, S.E., M.M.",
          "Pembina Tingkat I (IV/b)", "197403212000031003")
DH_DPRK = [UU_ACEH, UU_PEMDA,
           "Peraturan Pemerintah Nomor 12 Tahun 2018 tentang Pedoman Penyusunan Tata Tertib Dewan Perwakilan "
           "Rakyat Daerah Provinsi, Kabupaten, dan Kota",
           "Peraturan DPRK Bener Meriah tentang Tata Tertib Dewan Perwakilan Rakyat Kabupaten Bener Meriah"]

DPRK_INSTANSI = [
    ("Pemerintah", "PEMERINTAH KABUPATEN BENER MERIAH"),
    ("OPD", "SEKRETARIAT DEWAN PERWAKILAN RAKYAT KABUPATEN BENER MERIAH"),
    ("Singkatan", "SETWAN"),
    ("Alamat", "Jalan Serule Kayu, Simpang Tiga Redelong, Kabupaten Bener Meriah"),
    ("Tahun", 2024),
    ("Jabatan Pimpinan", SEKWAN[0]),
    ("Nama Pimpinan", SEKWAN[1]),
    ("Pangkat Pimpinan", SEKWAN[2]),
    ("NIP Pimpinan", SEKWAN[3]),
    ("Tempat Penetapan", "Simpang Tiga Redelong"),
    ("Nomor Keputusan", ""),
    ("Tanggal Keputusan", D(2024, 3, 1)),
    ("Ruang Lingkup", ["Fasilitasi persidangan, risalah, dan penerimaan aspirasi masyarakat di Sekretariat DPRK"]),
    ("Ringkasan", ["SOP ini menjadi pedoman pelaksanaan tugas Sekretariat DPRK Bener Meriah"]),
    ("Definisi", ["DPRK adalah Dewan Perwakilan Rakyat Kabupaten", "Setwan adalah Sekretariat DPRK"]),
]

DPRK_ACTORS = ["Pimpinan DPRK", "Sekretaris DPRK", "Kabag Persidangan dan Perundang-undangan",
               "Kasubbag Rapat dan Risalah", "Staf Pelaksana"]

DPRK_SOPS = [
    dict(
        sheet="SOP 1", nomor="005/01/SOP/SETWAN/2024", nama="Fasilitasi Rapat Paripurna DPRK",
        unit="Bagian Persidangan dan Perundang-undangan", unit_label="Bagian",
        dibuat=D(2022, 8, 1), revisi=D(2024, 2, 19), efektif=D(2024, 3, 1),
        dasar_hukum=DH_DPRK,
        kualifikasi=["Memahami tata tertib DPRK", "Mampu menyusun naskah dinas dan risalah rapat"],
        keterkaitan=["SOP Penyusunan Risalah Rapat DPRK"],
        peralatan=["Ruang rapat paripurna", "Sistem tata suara", "Komputer dan printer", "Daftar hadir"],
        peringatan=["Undangan rapat disampaikan paling lambat 3 (tiga) hari sebelum rapat",
                    "Rapat tidak dapat dimulai sebelum kuorum tercapai"],
        pencatatan=["Daftar hadir rapat", "Risalah rapat paripurna", "Dokumentasi foto dan rekaman"],
        actors=DPRK_ACTORS,
        steps=[
            ("0", "Menetapkan jadwal rapat paripurna melalui rapat Badan Musyawarah", "Jadwal kegiatan DPRK",
             "1 hari", "Jadwal rapat", "", "", ""),
            ("1", "Memerintahkan penyiapan rapat paripurna", "Jadwal rapat", "30 menit", "Disposisi", "", "", ""),
            ("2", "Menyusun konsep undangan dan bahan rapat", "Disposisi", "1 hari", "Konsep undangan", "", "", ""),
            ("1", "Memeriksa dan memaraf konsep undangan", "Konsep undangan", "1 jam", "Undangan diparaf", "",
             "", "Perlu perbaikan: 3"),
            ("0", "Menandatangani undangan rapat paripurna", "Undangan diparaf", "1 jam", "Undangan", "", "", ""),
            ("4", "Mengirim undangan dan menyiapkan ruang rapat, daftar hadir, serta tata suara", "Undangan",
             "1 hari", "Ruang rapat siap", "", "", ""),
            ("3", "Mencatat jalannya rapat dan merekam pembicaraan", "Daftar hadir, alat perekam", "3 jam",
             "Catatan rapat", "", "", ""),
            ("3", "Menyusun risalah rapat paripurna", "Catatan rapat", "2 hari kerja", "Risalah rapat", "", "", ""),
            ("2", "Memeriksa risalah dan menyampaikan kepada Sekretaris DPRK", "Risalah rapat", "2 jam",
             "Risalah diperiksa", "", "", ""),
            ("1", "Mengesahkan dan mengarsipkan risalah rapat paripurna", "Risalah diperiksa", "1 jam",
             "Risalah sah", "", "", ""),
        ],
    ),
    dict(
        sheet="SOP 2", nomor="005/02/SOP/SETWAN/2024", nama="Pelayanan Penerimaan Aspirasi Masyarakat",
        unit="Bagian Umum dan Keuangan", unit_label="Bagian",
        dibuat=D(2022, 8, 1), revisi=D(2024, 2, 19), efektif=D(2024, 3, 1),
        dasar_hukum=[UU_PELAYANAN] + DH_DPRK,
        kualifikasi=["Mampu berkomunikasi dengan santun", "Memahami tugas dan fungsi komisi DPRK"],
        keterkaitan=["SOP Fasilitasi Rapat Paripurna DPRK"],
        peralatan=["Ruang audiensi", "Buku tamu", "Buku register aspirasi", "Komputer dan printer"],
        peringatan=["Penyampaian aspirasi secara langsung diberitahukan paling lambat 3 (tiga) hari sebelumnya",
                    "Aspirasi yang tidak dicatat tidak dapat ditindaklanjuti oleh komisi"],
        pencatatan=["Buku register aspirasi masyarakat", "Notulen audiensi"],
        actors=["Masyarakat", "Staf Bagian Umum", "Kabag Umum dan Keuangan", "Sekretaris DPRK",
                "Pimpinan/Komisi DPRK"],
        steps=[
            ("0", "Menyampaikan surat pemberitahuan atau aspirasi tertulis", "Surat aspirasi, identitas",
             "15 menit", "Surat aspirasi", "", "", ""),
            ("1", "Mencatat aspirasi dalam buku register dan memeriksa kelengkapan", "Surat aspirasi",
             "15 menit", "Aspirasi teregister", "", "Lengkap: 3", "Tidak lengkap: 1"),
            ("2", "Menelaah dan meneruskan aspirasi kepada Sekretaris DPRK", "Aspirasi teregister", "1 jam",
             "Telaahan", "", "", ""),
            ("3", "Menyampaikan aspirasi kepada Pimpinan DPRK untuk didisposisikan ke komisi", "Telaahan",
             "1 hari", "Nota dinas", "", "", ""),
            ("4", "Menerima audiensi dan membahas aspirasi", "Nota dinas", "2 jam", "Notulen audiensi", "", "", ""),
            ("1", "Menyusun notulen dan menyampaikan hasil kepada masyarakat", "Notulen audiensi", "1 hari",
             "Surat jawaban", "", "", ""),
            ("0", "Menerima jawaban atas aspirasi", "Surat jawaban", "10 menit", "Jawaban diterima", "", "", ""),
        ],
    ),
    dict(
        sheet="SOP 3", nomor="005/03/SOP/SETWAN/2024", nama="Penyusunan Risalah Rapat DPRK",
        unit="Bagian Persidangan dan Perundang-undangan", unit_label="Bagian",
        dibuat=D(2022, 8, 1), revisi=D(2024, 2, 19), efektif=D(2024, 3, 1),
        dasar_hukum=DH_DPRK,
        kualifikasi=["Mampu mencatat pembicaraan dengan cepat dan tepat", "Menguasai bahasa Indonesia baku"],
        keterkaitan=["SOP Fasilitasi Rapat Paripurna DPRK"],
        peralatan=["Alat perekam suara", "Komputer dan printer"],
        peringatan=["Risalah diselesaikan paling lama 5 (lima) hari kerja setelah rapat"],
        pencatatan=["Arsip risalah rapat", "Rekaman suara rapat"],
        actors=["Staf Pelaksana", "Kasubbag Rapat dan Risalah", "Kabag Persidangan dan Perundang-undangan",
                "Sekretaris DPRK"],
        steps=[
            ("0", "Merekam dan mencatat jalannya rapat", "Alat perekam", "3 jam", "Rekaman dan catatan", "", "", ""),
            ("0", "Mentranskripsikan rekaman rapat", "Rekaman", "2 hari kerja", "Transkrip", "", "", ""),
            ("1", "Menyusun konsep risalah dari transkrip", "Transkrip", "1 hari kerja", "Konsep risalah", "", "",
             ""),
            ("2", "Memeriksa konsep risalah", "Konsep risalah", "2 jam", "Risalah diperiksa", "", "",
             "Perlu perbaikan: 3"),
            ("3", "Mengesahkan risalah rapat", "Risalah diperiksa", "1 jam", "Risalah sah", "", "", ""),
            ("0", "Menggandakan dan mengarsipkan risalah", "Risalah sah", "1 jam", "Arsip risalah", "", "", ""),
        ],
    ),
    dict(
        sheet="SOP 4", nomor="005/04/SOP/SETWAN/2024", nama="Pelayanan Penerimaan Tamu Kunjungan Kerja",
        unit="Bagian Umum dan Keuangan", unit_label="Bagian",
        dibuat=D(2023, 1, 9), revisi=D(2024, 2, 19), efektif=D(2024, 3, 1),
        dasar_hukum=DH_DPRK[:2],
        kualifikasi=["Memahami tata upacara dan protokol", "Mampu berkomunikasi dengan santun"],
        keterkaitan=["SOP Pelayanan Penerimaan Aspirasi Masyarakat"],
        peralatan=["Ruang tamu DPRK", "Buku tamu", "Cendera mata"],
        peringatan=["Kunjungan kerja diberitahukan secara tertulis paling lambat 7 (tujuh) hari sebelumnya"],
        pencatatan=["Buku tamu", "Laporan kunjungan kerja"],
        actors=["Tamu", "Staf Protokol", "Kabag Umum dan Keuangan", "Sekretaris DPRK"],
        steps=[
            ("0", "Menyampaikan surat pemberitahuan kunjungan kerja", "Surat pemberitahuan", "10 menit",
             "Surat kunjungan", "", "", ""),
            ("1", "Mencatat rencana kunjungan dan menyiapkan ruang serta jadwal", "Surat kunjungan", "1 hari",
             "Jadwal penerimaan", "", "", ""),
            ("2", "Menunjuk pejabat penerima dan materi yang disiapkan", "Jadwal penerimaan", "1 jam",
             "Disposisi", "", "", ""),
            ("3", "Menerima tamu kunjungan kerja", "Materi kunjungan", "2 jam", "Notulen kunjungan", "", "", ""),
            ("1", "Menyusun laporan kunjungan kerja", "Notulen", "1 hari", "Laporan kunjungan", "", "", ""),
        ],
    ),
]

DPRK_SP = [
    ("Jenis Pelayanan", "Pelayanan Penerimaan Aspirasi Masyarakat"),
    ("Persyaratan", ["Surat pemberitahuan atau aspirasi tertulis", "Fotokopi identitas penanggung jawab"]),
    ("Sistem, Mekanisme, dan Prosedur", "SOP: Pelayanan Penerimaan Aspirasi Masyarakat"),
    ("Jangka Waktu Pelayanan", "5 hari kerja"),
    ("Biaya/Tarif", "Rp0,00"),
    ("Produk Pelayanan", "Surat jawaban atas aspirasi"),
    ("Penanganan Pengaduan, Saran, dan Masukan", ["Kotak saran", "Surel Sekretariat DPRK"]),
    ("Dasar Hukum", [UU_PELAYANAN, UU_ACEH]),
    ("Sarana dan Prasarana, dan/atau Fasilitas", ["Ruang audiensi", "Ruang tunggu"]),
    ("Kompetensi Pelaksana", "Mampu berkomunikasi dengan santun"),
    ("Pengawasan Internal", "Pengawasan melekat oleh Kepala Bagian"),
    ("Jumlah Pelaksana", "4 orang"),
    ("Jaminan Pelayanan", "Setiap aspirasi dicatat dan dijawab"),
    ("Jaminan Keamanan dan Keselamatan Pelayanan", "Identitas penyampai aspirasi dilindungi"),
    ("Evaluasi Kinerja Pelaksana", "Evaluasi setiap tahun"),
]


def make_dprk(out: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print(f"soffice tidak ditemukan: {out.name} tidak dibuat ulang.", file=sys.stderr)
        return
    wb = Workbook()
    wb.remove(wb.active)
    instansi_sheet(wb, DPRK_INSTANSI, lists="cell")
    for sop in DPRK_SOPS:
        sop.setdefault("pengesah", ("", "", "", ""))
        sop["mark"] = "\u221a"  # staff here tick actor cells with a check mark
        typed_sop(wb, sop, header="two", lists="numbered-cell",
                  title="STANDAR OPERASIONAL PROSEDUR SEKRETARIAT DPRK BENER MERIAH")
    typed_sp(wb, "SP Aspirasi", DPRK_SP, lists="cell")
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "dprk.xlsx"
        wb.save(source)
        converted = Path(tmp) / "lo"
        profile = Path(tmp) / "profile"
        subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to",
                        "xlsx:Calc MS Excel 2007 XML", "--outdir", str(converted), str(source)],
                       check=True, capture_output=True, timeout=300)
        shutil.move(str(converted / "dprk.xlsx"), out)


# ============================================================================================
# 4. Satuan Polisi Pamong Praja Kota Batam, typed from a printed SOP book

KASATPOL = ("Kepala Satuan Polisi Pamong Praja", "Drs. Reza Khadafy, M.Si.", "Pembina Utama Muda (IV/c)",
            "19720415 199203 1 003")
PP_SATPOL = "Peraturan Pemerintah Nomor 16 Tahun 2018 tentang Satuan Polisi Pamong Praja"
PERMENDAGRI_SOP_SATPOL = ("Peraturan Menteri Dalam Negeri Nomor 54 Tahun 2011 tentang Standar Operasional "
                          "Prosedur Satuan Polisi Pamong Praja")
PERMENDAGRI_TRANTIBUM = ("Peraturan Menteri Dalam Negeri Nomor 26 Tahun 2020 tentang Penyelenggaraan Ketertiban "
                         "Umum dan Ketenteraman Masyarakat serta Pelindungan Masyarakat")

SATPOL_INSTANSI = [
    ("Pemerintah", "PEMERINTAH KOTA BATAM"),
    ("Perangkat Daerah", "SATUAN POLISI PAMONG PRAJA"),
    ("Singkatan", "SATPOLPP"),
    ("Alamat", "Jalan Engku Putri Nomor 1, Batam Centre, Kota Batam"),
    ("Tahun", 2024),
    ("Jabatan Pimpinan", KASATPOL[0]),
    ("Nama Pimpinan", KASATPOL[1]),
    ("Pangkat Pimpinan", KASATPOL[2]),
    ("NIP Pimpinan", KASATPOL[3]),
    ("Tempat Penetapan", "Batam"),
    ("Nomor Keputusan", ""),
    ("Tanggal Keputusan", ""),
]

# As the printed book labels the identity part (label, value); the table follows below.
SATPOL_ACTORS = ["Kepala Satuan", "Kepala Bidang Trantibum", "Kepala Seksi Operasi", "Pelaksana"]
SATPOL_COLUMNS = ("Kelengkapan dan Peralatan", "Waktu (Menit)", "Keluaran", "Ket.", "Jika Ya", "Jika Tidak")
SATPOL_SOPS = [
    dict(
        sheet="SOP 01 Penertiban PKL", nomor="800/01/SOP/SATPOLPP/2024",
        nama="Penertiban Pedagang Kaki Lima", unit="Bidang Ketertiban Umum dan Ketenteraman Masyarakat",
        labels=("Tgl. Pembuatan", "Tgl. Revisi", "Tanggal Pengesahan"),
        dates=(D(2024, 1, 8), "-", D(2024, 2, 1)),
        dasar_hukum=[UU_PEMDA, PP_SATPOL, PERMENDAGRI_SOP_SATPOL, PERMENDAGRI_TRANTIBUM],
        kualifikasi=["Anggota Satpol PP yang telah mengikuti diklat dasar", "Memahami peraturan daerah tentang ketertiban umum"],
        peralatan=["Kendaraan patroli", "Alat komunikasi", "Surat perintah tugas"],
        peringatan=["Penertiban dilakukan secara humanis tanpa kekerasan"],
        pencatatan=["Berita acara penertiban", "Dokumentasi kegiatan"],
        # (actor index and mark, uraian, kelengkapan, menit, keluaran, ket., jika ya, jika tidak); None = a blank row
        steps=[
            ("0", "Menerima laporan atau pengaduan masyarakat tentang pedagang kaki lima", "Laporan masyarakat",
             15, "Disposisi", "", "", ""),
            ("1", "Menelaah laporan dan menyiapkan rencana penertiban", "Disposisi, peta lokasi", 60,
             "Rencana penertiban", "", "", ""),
            ("0K", "Menyetujui rencana penertiban", "Rencana penertiban", 30, "Rencana disetujui", "", "Ya",
             "Perlu perbaikan: 2"),
            ("2", "Menyampaikan surat teguran kepada pedagang", "Surat teguran", 120, "Tanda terima teguran",
             "Dilaksanakan bersama kelurahan dan kecamatan setempat", "", ""),
            ("3", "Melaksanakan penertiban di lokasi", "Surat perintah tugas, kendaraan patroli", 240,
             "Lokasi tertib", "", "", ""),
            None,
            ("3", "Membuat berita acara dan dokumentasi penertiban", "Blangko berita acara, kamera", 60,
             "Berita acara", "", "", ""),
            ("1S", "Melaporkan hasil penertiban kepada Kepala Satuan", "Berita acara", 30, "Laporan penertiban", "",
             "", ""),
        ],
        merged_ket=(4, 5),  # the Keterangan of steps 4 and 5 is one merged cell
    ),
    dict(
        sheet="SOP 02 Pengaduan", nomor="800/02/SOP/SATPOLPP/2024",
        nama="Penanganan Pengaduan Gangguan Ketenteraman Masyarakat",
        unit="Bidang Ketertiban Umum dan Ketenteraman Masyarakat",
        labels=("Tgl. Pembuatan", "Tgl. Revisi", "Tanggal Pengesahan"),
        dates=(D(2024, 1, 8), "-", D(2024, 2, 1)),
        dasar_hukum=[UU_PELAYANAN, PP_SATPOL, PERPRES_PENGADUAN],
        kualifikasi=["Mampu berkomunikasi dengan santun", "Memahami tata cara penanganan pengaduan"],
        peralatan=["Telepon dan aplikasi pengaduan", "Buku register pengaduan"],
        peringatan=["Pengaduan yang tidak ditanggapi menurunkan kepercayaan masyarakat"],
        pencatatan=["Buku register pengaduan"],
        steps=[
            ("3", "Menerima dan mencatat pengaduan di buku register", "Buku register", 10, "Pengaduan tercatat",
             "", "", ""),
            ("2", "Memverifikasi pengaduan ke lokasi", "Kendaraan patroli", 90, "Hasil verifikasi", "", "", ""),
            ("1", "Menetapkan tindak lanjut pengaduan", "Hasil verifikasi", 30, "Disposisi tindak lanjut", "", "",
             ""),
            ("3", "Melaksanakan tindak lanjut dan memberi tahu pengadu", "Disposisi", 120, "Pengaduan selesai", "",
             "", ""),
            ("0", "Menerima laporan penyelesaian pengaduan", "Laporan tindak lanjut", 15, "Laporan diterima", "",
             "", ""),
        ],
    ),
]


def printed_sop(wb: Workbook, sop: dict) -> None:
    """An SOP sheet typed from a printed regional SOP book: its own labels, the two-row header with
    the book's column titles, bare minutes under `Waktu (Menit)`, blank rows and merges as typed."""
    ws = wb.create_sheet(sop["sheet"])
    ws.cell(1, 1, "STANDAR OPERASIONAL PROSEDUR").font = Font(bold=True, size=12)
    entries = [("Nomor SOP", sop["nomor"]), ("Nama SOP", sop["nama"]), ("Unit Kerja", sop["unit"]),
               *zip(sop["labels"], sop["dates"]), ("Disahkan Oleh", ""),
               ("Dasar Hukum", sop["dasar_hukum"]), ("Kualifikasi Pelaksana", sop["kualifikasi"]),
               ("Keterkaitan", []), ("Peralatan / Perlengkapan", sop["peralatan"]), ("Peringatan", sop["peringatan"]),
               ("Pencatatan dan Pendataan", sop["pencatatan"])]
    row = typed_labels(ws, 3, entries, lists="cell") + 1
    n, first = len(SATPOL_ACTORS), 3
    after = first + n
    ws.cell(row, 1, "No.")
    ws.cell(row, 2, "Uraian Prosedur")
    ws.cell(row, first, "Pelaksana")
    ws.cell(row, after, "Mutu Baku")
    for i, actor in enumerate(SATPOL_ACTORS):
        ws.cell(row + 1, first + i, actor)
    for i, title in enumerate(SATPOL_COLUMNS):
        ws.cell(row + 1 if i < 3 else row, after + i, title)
    for col in [1, 2, *range(after + 3, after + len(SATPOL_COLUMNS))]:
        ws.merge_cells(start_row=row, start_column=col, end_row=row + 1, end_column=col)
    ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=after - 1)
    ws.merge_cells(start_row=row, start_column=after, end_row=row, end_column=after + 2)
    last = after + len(SATPOL_COLUMNS) - 1
    for r in (row, row + 1):
        for c in range(1, last + 1):
            ws.cell(r, c).font, ws.cell(r, c).fill, ws.cell(r, c).border = BOLD, GREY, BOX
    row += 2
    number, rows_of = 0, {}
    for step in sop["steps"]:
        if step is not None:
            number += 1
            marks, uraian, *rest = step
            ws.cell(row, 1, number)
            ws.cell(row, 2, uraian).alignment = WRAP
            for i, mark in enumerate(expand_marks(marks, n)):
                if mark:
                    ws.cell(row, first + i, "√" if mark == "x" else mark)
            for i, value in enumerate(rest):
                if value not in ("", None):
                    ws.cell(row, after + i, value).alignment = WRAP
            rows_of[number] = row
        for c in range(1, last + 1):
            ws.cell(row, c).border = BOX
        row += 1
    if "merged_ket" in sop:
        top, bottom = (rows_of[n] for n in sop["merged_ket"])
        ws.merge_cells(start_row=top, start_column=after + 3, end_row=bottom, end_column=after + 3)
    fit_rows(ws)
    print_setup(ws)


def make_satpolpp(out: Path) -> None:
    wb = Workbook()
    wb.remove(wb.active)
    instansi_sheet(wb, SATPOL_INSTANSI, lists="cell")
    for sop in SATPOL_SOPS:
        printed_sop(wb, sop)
    wb.save(out)


def main() -> None:
    os.chdir(HERE)
    make_disdukcapil(HERE / "disdukcapil-bener-meriah.xlsx")
    make_kecamatan(HERE / "kecamatan-contoh.xlsx")
    make_dprk(HERE / "sekretariat-dprk-libreoffice.xlsx")
    make_satpolpp(HERE / "satpolpp-kota-batam.xlsx")
    print("Sampel dibuat di", HERE)


if __name__ == "__main__":
    main()
