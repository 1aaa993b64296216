"""Generate a synthetic region: one workbook per SKPD, in the default layout (WORKBOOK.md).

Every workbook holds an instruction sheet (ignored by the reader), a valid `Instansi` sheet,
`sops` SOP sheets and a few Standar Pelayanan sheets that name an SOP with `SOP: <Nama SOP>`.
Each SOP has 5-15 activities, 2-6 actors, 0-2 decisions whose `Jika Tidak` goes back to an
earlier step (labelled), Kegiatan texts of 40-200 characters and 3-6 Dasar Hukum items. Some
sheets use the official two-row header (`Pelaksana` / `Mutu Baku` above the names), some joint
activities are marks in adjacent actor columns, some are a horizontal merge over them. A logo
picture is placed on the Instansi sheet (when Pillow is installed).

openpyxl writes text as inline strings; Excel, LibreOffice and WPS write a shared-string table.
So that the reader is measured on files like the ones staff send, each saved workbook is
rewritten to use a shared-string table (`excel_like=False` keeps openpyxl's output).

The output is deterministic for a given seed: workbook i is generated from its own
`random.Random`, so any workbook can be regenerated alone and generation can run in parallel.
Every workbook is meant to pass `sopdocs check` with zero errors (`--verify` checks that).

    python benchmarks/make_region.py [FOLDER] [--skpd 40] [--sops 60] [--seed 2024] [--jobs 2] [--verify]

Other benchmark scripts import it by path:

    sys.path.insert(0, str(Path(__file__).parent)); from make_region import ensure_region
"""
from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import random
import re
import sys
import time
import zipfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from sopdocs.reader.xlsx import column_letter

if TYPE_CHECKING:
    from openpyxl import Workbook
# openpyxl is imported where it is used: scripts that only read an existing region (bench_check)
# do not load it, so that their memory figures are sopdocs' own.

DEFAULT_FOLDER = "/tmp/sopdocs-region"
DEFAULT_SEED = 2024
FULL_SKPD, FULL_SOPS = 40, 60  # the full region: 40 workbooks of 60 SOPs
SP_PER_WORKBOOK = 3
MARKER = ".region.json"  # parameters of the region in the folder, written last
FORMAT_VERSION = 2  # bump when the generated content changes, so old folders are regenerated

KABUPATEN = ["Bener Meriah", "Aceh Tengah", "Gayo Lues", "Pidie Jaya", "Nagan Raya", "Simeulue",
             "Sleman", "Bantul", "Gunungkidul", "Kulon Progo", "Banyumas", "Purbalingga"]
DINAS = [
    ("DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL", "DISDUKCAPIL"),
    ("DINAS KESEHATAN", "DINKES"),
    ("DINAS PENDIDIKAN DAN KEBUDAYAAN", "DISDIKBUD"),
    ("DINAS SOSIAL", "DINSOS"),
    ("DINAS PEKERJAAN UMUM DAN PENATAAN RUANG", "DPUPR"),
    ("DINAS PERHUBUNGAN", "DISHUB"),
    ("DINAS LINGKUNGAN HIDUP", "DLH"),
    ("DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU", "DPMPTSP"),
    ("DINAS KOPERASI, USAHA KECIL DAN MENENGAH", "DISKOPUKM"),
    ("DINAS PERTANIAN DAN KETAHANAN PANGAN", "DISTANKP"),
    ("DINAS KOMUNIKASI, INFORMATIKA DAN PERSANDIAN", "DISKOMINFO"),
    ("DINAS TENAGA KERJA DAN TRANSMIGRASI", "DISNAKERTRANS"),
    ("DINAS PERUMAHAN RAKYAT DAN KAWASAN PERMUKIMAN", "DISPERKIM"),
    ("DINAS PEMBERDAYAAN MASYARAKAT DAN KAMPUNG", "DPMK"),
    ("DINAS PARIWISATA, PEMUDA DAN OLAHRAGA", "DISPARPORA"),
    ("DINAS PERPUSTAKAAN DAN KEARSIPAN", "DISPUSIP"),
    ("BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA", "BKPSDM"),
    ("BADAN PENGELOLAAN KEUANGAN DAERAH", "BPKD"),
    ("BADAN PERENCANAAN PEMBANGUNAN DAERAH", "BAPPEDA"),
    ("BADAN PENANGGULANGAN BENCANA DAERAH", "BPBD"),
    ("SATUAN POLISI PAMONG PRAJA", "SATPOLPP"),
    ("INSPEKTORAT", "INSPEKTORAT"),
    ("SEKRETARIAT DAERAH", "SETDA"),
    ("SEKRETARIAT DPRK", "SETDPRK"),
]
BIDANG = ["Sekretariat", "Bidang Pelayanan Pendaftaran Penduduk", "Bidang Pelayanan Pencatatan Sipil",
          "Bidang Pengelolaan Informasi", "Bidang Pemanfaatan Data dan Inovasi Pelayanan",
          "Subbagian Umum dan Kepegawaian", "Subbagian Keuangan", "Subbagian Perencanaan",
          "Seksi Identitas Penduduk", "Seksi Pindah Datang", "Seksi Kelahiran dan Kematian"]
LAYANAN_VERB = ["Penerbitan", "Pelayanan", "Penyusunan", "Pengelolaan", "Verifikasi", "Pendaftaran",
                "Pengajuan", "Penyelesaian", "Pembinaan", "Pengawasan", "Pemutakhiran", "Pengesahan",
                "Penanganan", "Pelaporan", "Perekaman", "Pencetakan", "Legalisasi", "Penyaluran"]
LAYANAN_OBJECT = ["Kartu Tanda Penduduk Elektronik", "Kartu Keluarga", "Akta Kelahiran", "Akta Kematian",
                  "Surat Keterangan Pindah", "Kartu Identitas Anak", "Izin Usaha Mikro", "Surat Perintah Tugas",
                  "Surat Perintah Perjalanan Dinas", "Laporan Keuangan Bulanan", "Rencana Kerja Tahunan",
                  "Dokumen Pelaksanaan Anggaran", "Pengaduan Masyarakat", "Cuti Pegawai",
                  "Kenaikan Pangkat Reguler", "Surat Masuk", "Surat Keluar", "Data Kependudukan",
                  "Barang Milik Daerah", "Bantuan Sosial", "Rekomendasi Teknis", "Izin Penelitian",
                  "Arsip Inaktif", "Laporan Kinerja Instansi Pemerintah", "Naskah Dinas",
                  "Permohonan Informasi Publik", "Pembayaran Gaji", "Surat Pertanggungjawaban"]
QUALIFIER = ["", "", "", " Secara Daring", " Bagi Penduduk Rentan", " Melalui Loket Terpadu",
             " Tingkat Kecamatan", " Karena Hilang atau Rusak"]
ACTORS = ["Pemohon", "Petugas Loket", "Operator", "Verifikator", "Kepala Seksi", "Kepala Bidang",
          "Sekretaris", "Kepala Dinas", "Bendahara", "Pengadministrasi Umum", "Analis Kebijakan",
          "Pengelola Data", "Subbagian Umum", "Petugas Arsip"]
VERBS = ["Menerima", "Memeriksa", "Memverifikasi", "Mencatat", "Menginput", "Menyusun", "Mengoreksi",
         "Menandatangani", "Memaraf", "Mengagendakan", "Mendisposisikan", "Meneruskan", "Mencetak",
         "Menyerahkan", "Mengarsipkan", "Membuat", "Menelaah", "Menyetujui", "Mengirimkan", "Memindai"]
OBJECTS = ["berkas permohonan", "formulir isian", "dokumen persyaratan", "data pemohon", "konsep surat",
           "nota dinas", "lembar disposisi", "register layanan", "draf keputusan", "tanda terima",
           "laporan hasil verifikasi", "surat pengantar", "kartu kendali", "bukti pembayaran",
           "salinan dokumen", "data pada aplikasi SIAK", "berita acara"]
DETAILS = ["sesuai dengan ketentuan yang berlaku", "beserta kelengkapan persyaratannya",
           "dan memastikan keabsahan data", "untuk diteruskan kepada pejabat yang berwenang",
           "ke dalam buku register dan aplikasi", "dengan mencocokkan dokumen asli",
           "serta memberikan nomor agenda", "sebagai bahan pertimbangan pimpinan",
           "dan menyampaikan hasilnya kepada pemohon", "apabila berkas dinyatakan lengkap dan benar",
           "paling lambat pada hari kerja berikutnya", "menggunakan format yang telah ditetapkan"]
OUTPUTS = ["Berkas", "Berkas lengkap", "Data terverifikasi", "Konsep surat", "Surat", "Disposisi",
           "Register", "Dokumen final", "Tanda terima", "Laporan", "Draf keputusan", "Arsip"]
WAKTU = ["5 menit", "10 menit", "15 menit", "30 menit", "45 menit", "1 jam", "2 jam", "3 jam",
         "1 hari", "2 hari", "1 hari kerja", "3 hari kerja", "1 minggu"]
WAKTU_MINUTES = {"menit": 1, "jam": 60, "hari": 480, "hari kerja": 480, "minggu": 2400}
DASAR_HUKUM = [
    "Undang-Undang Nomor 23 Tahun 2006 tentang Administrasi Kependudukan sebagaimana telah diubah "
    "dengan Undang-Undang Nomor 24 Tahun 2013",
    "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik",
    "Undang-Undang Nomor 30 Tahun 2014 tentang Administrasi Pemerintahan",
    "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
    "Peraturan Pemerintah Nomor 96 Tahun 2012 tentang Pelaksanaan Undang-Undang Nomor 25 Tahun 2009 "
    "tentang Pelayanan Publik",
    "Peraturan Presiden Nomor 96 Tahun 2018 tentang Persyaratan dan Tata Cara Pendaftaran Penduduk dan "
    "Pencatatan Sipil",
    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 35 Tahun 2012 tentang "
    "Pedoman Penyusunan Standar Operasional Prosedur Administrasi Pemerintahan",
    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 15 Tahun 2014 tentang "
    "Pedoman Standar Pelayanan",
    "Peraturan Menteri Dalam Negeri Nomor 108 Tahun 2019 tentang Peraturan Pelaksanaan Peraturan Presiden "
    "Nomor 96 Tahun 2018",
    "Peraturan Menteri Dalam Negeri Nomor 77 Tahun 2020 tentang Pedoman Teknis Pengelolaan Keuangan Daerah",
    "Qanun Kabupaten Nomor 5 Tahun 2016 tentang Pembentukan dan Susunan Perangkat Kabupaten",
    "Peraturan Bupati Nomor 41 Tahun 2021 tentang Kedudukan, Susunan Organisasi, Tugas dan Fungsi, serta "
    "Tata Kerja Perangkat Daerah",
    "Keputusan Bupati Nomor 100.3.3.2/512/2023 tentang Penetapan Standar Pelayanan pada Perangkat Daerah",
]
KUALIFIKASI = ["Minimal SMA/sederajat", "Memahami peraturan perundang-undangan terkait",
               "Mampu mengoperasikan komputer dan aplikasi SIAK", "Memiliki kemampuan komunikasi yang baik",
               "Telah mengikuti bimbingan teknis pelayanan publik", "Teliti dan cermat"]
KETERKAITAN = ["SOP Penerimaan Surat Masuk", "SOP Pengarsipan Dokumen", "SOP Penanganan Pengaduan",
               "SOP Pelayanan Informasi Publik", "SOP Penyusunan Laporan Kinerja"]
PERALATAN = ["Komputer dan printer", "Jaringan internet", "Aplikasi SIAK", "Alat tulis kantor",
             "Buku register", "Map dan ordner", "Scanner", "Telepon"]
PERINGATAN = ["Apabila SOP tidak dilaksanakan, pelayanan akan terlambat dan tidak akuntabel",
              "Berkas yang tidak lengkap dikembalikan kepada pemohon untuk dilengkapi",
              "Kesalahan input data mengakibatkan dokumen tidak sah",
              "Keterlambatan penyelesaian wajib dilaporkan kepada atasan langsung"]
PENCATATAN = ["Buku register pelayanan", "Arsip digital pada aplikasi", "Lembar disposisi",
              "Laporan bulanan", "Kartu kendali"]
PANGKAT = ["Pembina Utama Muda / IV.c", "Pembina Tingkat I / IV.b", "Pembina / IV.a",
           "Penata Tingkat I / III.d"]
NAMA = ["Ahmad Fauzi", "Siti Rahmawati", "Muhammad Iqbal", "Nurhayati", "Teuku Rizal", "Cut Nyak Dewi",
        "Budi Santoso", "Sri Wahyuni", "Zulkifli", "Rina Marlina", "Hendra Saputra", "Yusnidar"]
GELAR = ["S.E.", "S.Sos.", "S.H.", "S.STP., M.Si.", "S.Kom.", "M.Pd.", "S.T., M.T.", "S.K.M."]
BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
         "Oktober", "November", "Desember"]

WRAP, BOLD = "wrap", "bold"  # cell styles, made by _cell


# --- content -------------------------------------------------------------------------------

def _sentence(rnd: random.Random, low: int, high: int) -> str:
    """An activity text between `low` and `high` characters."""
    target = rnd.randint(low, high)
    text = f"{rnd.choice(VERBS)} {rnd.choice(OBJECTS)}"
    while len(text) < target:
        text += f" {rnd.choice(DETAILS)}"
        if len(text) < target and rnd.random() < 0.4:
            text += f", kemudian {rnd.choice(VERBS).lower()} {rnd.choice(OBJECTS)}"
    if len(text) > high:
        text = text[:high].rsplit(" ", 1)[0]
    while len(text) < low:
        text += " " + rnd.choice(OBJECTS)
    return text[:high].rstrip(" ,")


def _person(rnd: random.Random) -> str:
    return f"{rnd.choice(NAMA)}, {rnd.choice(GELAR)}"


def _nip(rnd: random.Random) -> str:
    """An 18-digit NIP, typed as text the way staff write it."""
    born = dt.date(rnd.randint(1966, 1990), rnd.randint(1, 12), rnd.randint(1, 28))
    start = rnd.randint(1990, 2015)
    return f"{born:%Y%m%d} {start}{rnd.randint(1, 12):02d} {rnd.randint(1, 2)} {rnd.randint(1, 9):03d}"


def _date(rnd: random.Random, year: int):
    """A real Excel date or a date typed as text, as authors mix them."""
    day = dt.date(year, rnd.randint(1, 12), rnd.randint(1, 28))
    kind = rnd.random()
    if kind < 0.6:
        return dt.datetime(day.year, day.month, day.day)
    if kind < 0.85:
        return f"{day.day} {BULAN[day.month - 1]} {day.year}"
    return f"{day:%d/%m/%Y}"


def _waktu_minutes(text: str) -> int:
    amount, unit = text.split(" ", 1)
    return int(amount) * WAKTU_MINUTES[unit]


def _sop_names(rnd: random.Random, count: int) -> list[str]:
    names: list[str] = []
    seen = set()
    while len(names) < count:
        name = f"{rnd.choice(LAYANAN_VERB)} {rnd.choice(LAYANAN_OBJECT)}{rnd.choice(QUALIFIER)}"
        if name.lower() not in seen:
            seen.add(name.lower())
            names.append(name)
    return names


def _steps(rnd: random.Random, n_actors: int) -> list[dict]:
    """5-15 activities over `n_actors` actors (each used at least once), 0-2 decisions going back."""
    n = max(rnd.randint(5, 15), n_actors + 1)
    # Every actor performs at least one step; the first step is the applicant's (actor 0).
    rest = list(range(1, n_actors)) + [rnd.randrange(n_actors) for _ in range(n - n_actors)]
    rnd.shuffle(rest)
    owners = [0] + rest
    steps = []
    for i in range(n):
        actors = [owners[i]]
        if 0 < i < n - 1 and owners[i] + 1 < n_actors and rnd.random() < 0.08:
            actors.append(owners[i] + 1)  # a joint activity over two adjacent actors
        steps.append({
            "kegiatan": _sentence(rnd, 40, 200),
            "actors": actors,
            "kelengkapan": rnd.choice(OBJECTS).capitalize(),
            "waktu": rnd.choice(WAKTU),
            "output": rnd.choice(OUTPUTS),
            "keterangan": "" if rnd.random() < 0.7 else "Dilakukan pada jam kerja",
            "yes": "", "no": "", "letter": "",
        })
    # Decisions: a middle step whose Jika Tidak goes back to an earlier one.
    candidates = list(range(2, n - 1))
    for i in rnd.sample(candidates, min(len(candidates), rnd.randint(0, 2))):
        back = rnd.randint(1, i - 1)  # 1-based target, strictly before step i+1
        steps[i]["no"] = f"{rnd.choice(['Tidak lengkap', 'Tidak sesuai', 'Ditolak', 'Perlu perbaikan'])}: {back}"
        if rnd.random() < 0.5:
            steps[i]["yes"] = f"{rnd.choice(['Lengkap', 'Sesuai', 'Disetujui'])}: {i + 2}"
        if rnd.random() < 0.3:
            steps[i]["letter"] = "K"
    if rnd.random() < 0.3:  # symbol letters on the terminators
        steps[0]["letter"], steps[-1]["letter"] = "M", "S"
    return steps


# --- sheets --------------------------------------------------------------------------------

class _Rows:
    """A write-only worksheet that counts the rows appended (merges need 1-based row numbers)."""

    def __init__(self, ws):
        self.ws = ws
        self.count = 0

    def append(self, values) -> int:
        """Append a row; returns its 1-based number."""
        self.ws.append(values)
        self.count += 1
        return self.count


_STYLES: dict = {}


def _cell(ws, value, style=None):
    from openpyxl.cell import WriteOnlyCell

    if not _STYLES:
        from openpyxl.styles import Alignment, Font
        _STYLES.update({WRAP: ("alignment", Alignment(wrap_text=True, vertical="top")),
                        BOLD: ("font", Font(bold=True))})
    cell = WriteOnlyCell(ws, value=value)
    if style in _STYLES:
        setattr(cell, *_STYLES[style])
    return cell


def _label_rows(out: _Rows, rows: list[tuple[str, object]]) -> None:
    ws = out.ws
    for label, value in rows:
        if isinstance(value, list):
            # One item per line inside the cell; odd lists of 3+ continue on rows with column A empty.
            split = len(value) // 2 if len(value) >= 3 and len(value) % 2 else len(value)
            inside = "\n".join(f"{i}. {item}" for i, item in enumerate(value[:split], 1))
            out.append([_cell(ws, label, BOLD), _cell(ws, inside, WRAP)])
            for i, item in enumerate(value[split:], split + 1):
                out.append([None, f"{i}. {item}"])
        else:
            out.append([_cell(ws, label, BOLD), value])


def _instructions(wb: Workbook) -> None:
    ws = wb.create_sheet("Petunjuk")
    ws.column_dimensions["A"].width = 100
    for line in ("Petunjuk pengisian workbook SOP", "Isi sheet Instansi terlebih dahulu.",
                 "Setiap SOP ditulis pada satu sheet; kolom A berisi label, kolom B isinya.",
                 "Tabel kegiatan dimulai dengan baris No | Kegiatan | pelaksana ... | Kelengkapan | Waktu | "
                 "Output | Keterangan."):
        ws.append([line])


def _title(name: str) -> str:
    """`DINAS SOSIAL DAN ...` -> `Dinas Sosial dan ...`."""
    return " ".join(w.lower() if w.lower() in ("dan", "dan/atau") else w.capitalize() for w in name.split())


def _logo(ws, rnd: random.Random) -> None:
    """A small PNG logo placed on the sheet, as authors paste one (skipped without Pillow)."""
    try:
        from openpyxl.drawing.image import Image as SheetImage
        from PIL import Image, ImageDraw
    except ImportError:
        return
    picture = Image.new("RGB", (96, 96), "white")
    draw = ImageDraw.Draw(picture)
    color = tuple(rnd.randrange(256) for _ in range(3))
    draw.polygon([(48, 4), (92, 30), (80, 92), (16, 92), (4, 30)], fill=color, outline="black")
    draw.ellipse((30, 30, 66, 66), fill="gold")
    data = io.BytesIO()
    picture.save(data, "PNG")
    data.seek(0)
    ws.add_image(SheetImage(data), "D2")


def _instansi(wb: Workbook, rnd: random.Random, index: int) -> dict:
    nama, singkatan = DINAS[index % len(DINAS)]
    if index >= len(DINAS):
        nama, singkatan = f"{nama} WILAYAH {index // len(DINAS) + 1}", f"{singkatan}{index // len(DINAS) + 1}"
    kabupaten = KABUPATEN[0]
    info = {
        "nama": nama, "singkatan": singkatan,
        "jabatan": "Sekretaris Daerah" if nama.startswith("SEKRETARIAT") else f"Kepala {_title(nama)}",
        "pimpinan": _person(rnd),
    }
    ws = wb.create_sheet("Instansi")
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = 80
    _logo(ws, rnd)
    _label_rows(_Rows(ws), [
        ("Pemerintah", f"PEMERINTAH KABUPATEN {kabupaten.upper()}"),
        ("Perangkat Daerah", nama),
        ("Singkatan", singkatan),
        ("Alamat", f"Jalan Sengeda Nomor {rnd.randint(1, 120)}, Simpang Tiga Redelong, {kabupaten}"),
        ("Tahun", 2024),
        ("Jabatan Pimpinan", info["jabatan"]),
        ("Nama Pimpinan", info["pimpinan"]),
        ("Pangkat Pimpinan", rnd.choice(PANGKAT)),
        ("NIP Pimpinan", _nip(rnd)),
        ("Tempat Penetapan", "Simpang Tiga Redelong"),
        ("Nomor Keputusan", f"800/{rnd.randint(100, 999)}/{singkatan}/2024"),
        ("Tanggal Keputusan", dt.datetime(2024, rnd.randint(1, 12), rnd.randint(1, 28))),
        ("Ruang Lingkup", [f"Seluruh unit kerja pada {_title(nama)}",
                           "Pelayanan administrasi pemerintahan dan pelayanan publik"]),
        ("Ringkasan", ["SOP ini menjadi pedoman pelaksanaan tugas dan fungsi perangkat daerah"]),
        ("Definisi", ["SOP adalah serangkaian instruksi tertulis yang dibakukan",
                      "Pelaksana adalah pegawai yang melaksanakan kegiatan"]),
        ("Maklumat Pelayanan", "Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan sesuai "
                               "standar pelayanan yang telah ditetapkan."),
    ])
    return info


def _sop_sheet(wb: Workbook, rnd: random.Random, title: str, nama: str, nomor: str, info: dict) -> int:
    """One SOP sheet; returns the SOP's total time in minutes."""
    from openpyxl.worksheet.cell_range import CellRange

    ws = wb.create_sheet(title)
    n_actors = rnd.randint(2, 6)
    actors = [ACTORS[0]] + rnd.sample(ACTORS[1:], n_actors - 1)
    steps = _steps(rnd, n_actors)
    decisions = any(s["no"] for s in steps)
    widths = [5, 45] + [12] * n_actors + [20, 12, 16, 14] + ([12, 16] if decisions else [])
    for i, width in enumerate(widths):
        ws.column_dimensions[column_letter(i)].width = width
    out = _Rows(ws)
    _label_rows(out, [
        ("Nomor SOP", nomor),
        ("Nama SOP", nama),
        ("Unit Kerja", rnd.choice(BIDANG)),
        ("Tanggal Pembuatan", _date(rnd, 2023)),
        ("Tanggal Revisi", _date(rnd, 2024)),
        ("Tanggal Efektif", _date(rnd, 2024)),
        ("Disahkan Oleh", info["jabatan"]),
        ("Nama Pejabat", info["pimpinan"]),
        ("Dasar Hukum", rnd.sample(DASAR_HUKUM, rnd.randint(3, 6))),
        ("Kualifikasi Pelaksana", rnd.sample(KUALIFIKASI, rnd.randint(2, 4))),
        ("Keterkaitan", rnd.sample(KETERKAITAN, rnd.randint(1, 3))),
        ("Peralatan/Perlengkapan", rnd.sample(PERALATAN, rnd.randint(2, 5))),
        ("Peringatan", rnd.sample(PERINGATAN, rnd.randint(1, 2))),
        ("Pencatatan dan Pendataan", rnd.sample(PENCATATAN, rnd.randint(1, 3))),
    ])
    out.append([])
    tail = ["Kelengkapan", "Waktu", "Output", "Keterangan"] + (["Jika Ya", "Jika Tidak"] if decisions else [])
    two_rows = rnd.random() < 0.4
    if two_rows:  # the official form: Pelaksana / Mutu Baku above the names
        first = ["No", "Kegiatan", "Pelaksana"] + [None] * (n_actors - 1) + ["Mutu Baku", None, None, "Keterangan"]
        first += [None] * (len(tail) - 4)
        header_row = out.append([_cell(ws, v, BOLD) for v in first])
        out.append([None, None] + [_cell(ws, v, BOLD) for v in actors] + tail[:3] + [None] + tail[4:])
        ws.merged_cells.add(CellRange(min_col=3, max_col=2 + n_actors, min_row=header_row, max_row=header_row))
        ws.merged_cells.add(CellRange(min_col=1, max_col=1, min_row=header_row, max_row=header_row + 1))
        ws.merged_cells.add(CellRange(min_col=2, max_col=2, min_row=header_row, max_row=header_row + 1))
    else:
        out.append([_cell(ws, v, BOLD) for v in ["No", "Kegiatan", *actors, *tail]])
    mark = rnd.choice(["x", "x", "v", "\u221a", "X"])
    merge_joint = rnd.random() < 0.5
    for number, step in enumerate(steps, 1):
        row = out.count + 1
        marks = [None] * n_actors
        for actor in step["actors"]:
            marks[actor] = step["letter"] or mark
        if len(step["actors"]) > 1 and merge_joint:  # a joint activity written as one merged cell
            marks[step["actors"][1]] = None
            ws.merged_cells.add(CellRange(min_col=3 + step["actors"][0], max_col=3 + step["actors"][-1],
                                          min_row=row, max_row=row))
        values = [number, _cell(ws, step["kegiatan"], WRAP), *marks, step["kelengkapan"], step["waktu"],
                  step["output"], step["keterangan"] or None]
        if decisions:
            values += [step["yes"] or None, step["no"] or None]
        out.append(values)
    return sum(_waktu_minutes(s["waktu"]) for s in steps)


def _sp_sheet(wb: Workbook, rnd: random.Random, title: str, sop_name: str, minutes: int) -> None:
    ws = wb.create_sheet(title)
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 90
    out = _Rows(ws)
    days = -(-minutes // 480) + rnd.randint(0, 3)  # never shorter than the SOP's total time
    _label_rows(out, [
        ("Jenis Pelayanan", sop_name),
        ("Persyaratan", rnd.sample(["Surat permohonan", "Fotokopi KTP-el", "Fotokopi Kartu Keluarga",
                                    "Pas foto berwarna ukuran 3x4", "Surat pengantar dari desa",
                                    "Formulir isian yang telah ditandatangani"], 3)),
        ("Sistem, Mekanisme, dan Prosedur", f"SOP: {sop_name}"),
        ("Jangka Waktu Pelayanan", f"{days} hari kerja"),
        ("Biaya/Tarif", "Tidak dipungut biaya"),
        ("Produk Pelayanan", [sop_name.split(" ", 1)[1]]),
        ("Penanganan Pengaduan, Saran, dan Masukan", ["Kotak pengaduan di ruang pelayanan",
                                                      "Layanan aspirasi dan pengaduan online rakyat (SP4N-LAPOR!)",
                                                      "Telepon dan WhatsApp pengaduan"]),
        ("Dasar Hukum", rnd.sample(DASAR_HUKUM, 3)),
        ("Sarana dan Prasarana, dan/atau Fasilitas", rnd.sample(PERALATAN, 4)),
        ("Kompetensi Pelaksana", rnd.sample(KUALIFIKASI, 3)),
        ("Pengawasan Internal", ["Dilakukan oleh atasan langsung secara berjenjang"]),
        ("Jumlah Pelaksana", f"{rnd.randint(2, 8)} orang"),
        ("Jaminan Pelayanan", "Pelayanan dilaksanakan sesuai standar pelayanan yang ditetapkan"),
        ("Jaminan Keamanan dan Keselamatan Pelayanan", "Data pemohon dijamin kerahasiaannya"),
        ("Evaluasi Kinerja Pelaksana", ["Evaluasi dilakukan setiap tiga bulan oleh pimpinan"]),
    ])


# --- shared strings --------------------------------------------------------------------------

INLINE_STRING = re.compile(rb'\bt="inlineStr"><is>(.*?)</is>', re.S)
SST_TYPE = b"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
SST_REL = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"


def use_shared_strings(path: Path) -> None:
    """Rewrite a workbook saved by openpyxl so that its text is in xl/sharedStrings.xml, as Excel,
    LibreOffice and WPS save it."""
    index: dict[bytes, int] = {}

    def shared(match: re.Match) -> bytes:
        number = index.setdefault(match.group(1), len(index))
        return b't="s"><v>%d</v>' % number

    tmp = path.with_name(path.name + ".sst")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as target:
        count = 0
        for item in source.infolist():
            data = source.read(item)
            if item.filename.startswith("xl/worksheets/sheet"):
                data, n = INLINE_STRING.subn(shared, data)
                count += n
            elif item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="'
                                    + SST_TYPE + b'"/></Types>')
            elif item.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Type="' + SST_REL + b'" '
                                    b'Target="sharedStrings.xml" Id="rIdSharedStrings"/></Relationships>')
            target.writestr(item, data)
        items = b"".join(b"<si>%s</si>" % text for text in index)
        target.writestr("xl/sharedStrings.xml", b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" '
                        b'uniqueCount="%d">%s</sst>' % (count, len(index), items))
    os.replace(tmp, path)


# --- workbooks and the region --------------------------------------------------------------

def workbook_path(folder: str | Path, index: int) -> Path:
    return Path(folder) / f"sop-{index + 1:02d}.xlsx"


def make_workbook(path: str | Path, index: int, sops: int = 60, seed: int = DEFAULT_SEED,
                  excel_like: bool = True) -> Path:
    """Write SKPD number `index` of the region generated with `seed` to `path`."""
    from openpyxl import Workbook

    rnd = random.Random(seed * 100_003 + index)
    wb = Workbook(write_only=True)
    _instructions(wb)
    info = _instansi(wb, rnd, index)
    names = _sop_names(rnd, sops)
    minutes = []
    for i, name in enumerate(names):
        nomor = f"800/{info['singkatan']}/SOP-{i + 1:03d}/2024"
        minutes.append(_sop_sheet(wb, rnd, f"SOP {i + 1:02d}", name, nomor, info))
    chosen = rnd.sample(range(sops), min(SP_PER_WORKBOOK, sops))
    for n, i in enumerate(sorted(chosen), 1):
        _sp_sheet(wb, rnd, f"SP {n}", names[i], minutes[i])
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    wb.save(tmp)
    if excel_like:
        use_shared_strings(tmp)
    os.replace(tmp, path)
    return path


def _make_one(args: tuple) -> Path:
    return make_workbook(*args)


def make_region(folder: str | Path = DEFAULT_FOLDER, skpd: int = FULL_SKPD, sops: int = FULL_SOPS,
                seed: int = DEFAULT_SEED, jobs: int = 1) -> list[Path]:
    """Write the region's `skpd` workbooks into `folder` (created), replacing what is there."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / MARKER).unlink(missing_ok=True)
    for old in folder.glob("sop-*.xlsx"):
        old.unlink()
    tasks = [(workbook_path(folder, i), i, sops, seed) for i in range(skpd)]
    if jobs > 1:
        with ProcessPoolExecutor(jobs) as pool:
            paths = list(pool.map(_make_one, tasks))
    else:
        paths = [_make_one(t) for t in tasks]
    (folder / MARKER).write_text(json.dumps(_params(skpd, sops, seed)))
    return paths


def _params(skpd: int, sops: int, seed: int) -> dict:
    return {"skpd": skpd, "sops": sops, "seed": seed, "format": FORMAT_VERSION}


def add_region_arguments(parser) -> None:
    """The options that choose the synthetic region, shared by the benchmark scripts; the folder
    comes from `region_folder` once they are parsed."""
    parser.add_argument("folder", nargs="?", help=f"default: {DEFAULT_FOLDER} for the full region, "
                                                  f"{DEFAULT_FOLDER}-SKPDxSOPS for another")
    parser.add_argument("--skpd", type=int, default=FULL_SKPD, help=f"number of workbooks (default {FULL_SKPD})")
    parser.add_argument("--sops", type=int, default=FULL_SOPS, help=f"SOP sheets per workbook (default {FULL_SOPS})")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)


def region_folder(args) -> str:
    """FOLDER as given; by default one folder for each region, so that a quick run (`--skpd 4`)
    never replaces the full region that the other measurements reuse."""
    if args.folder:
        return args.folder
    if (args.skpd, args.sops, args.seed) == (FULL_SKPD, FULL_SOPS, DEFAULT_SEED):
        return DEFAULT_FOLDER
    return f"{DEFAULT_FOLDER}-{args.skpd}x{args.sops}" + ("" if args.seed == DEFAULT_SEED else f"-{args.seed}")


def ensure_region(folder: str | Path = DEFAULT_FOLDER, skpd: int = FULL_SKPD, sops: int = FULL_SOPS,
                  seed: int = DEFAULT_SEED, jobs: int = 1) -> list[Path]:
    """The region's workbooks, generated only when `folder` does not already hold this region."""
    folder = Path(folder)
    try:
        current = json.loads((folder / MARKER).read_text())
    except (OSError, ValueError):
        current = None
    paths = [workbook_path(folder, i) for i in range(skpd)]
    if current == _params(skpd, sops, seed) and all(p.is_file() for p in paths):
        return paths
    return make_region(folder, skpd, sops, seed, jobs)


def verify(paths: list[Path]) -> int:
    """Check every workbook with sopdocs; print what is not clean. Returns the number of errors."""
    from sopdocs.pipeline import check

    errors = warnings = sops = 0
    for result in check(paths):
        path = result.path
        sops += len(result.doc.sops) if result.doc else 0
        for finding in result.findings:
            if finding.level in ("error", "warning"):
                print(f"{path.name}: {finding.level}: {finding}")
        errors += len(result.findings.errors)
        warnings += len(result.findings.warnings)
    print(f"verified {len(paths)} workbooks, {sops} SOPs: {errors} errors, {warnings} warnings")
    return errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_region_arguments(parser)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="parallel processes (default: the number of cores)")
    parser.add_argument("--verify", action="store_true", help="check every workbook with sopdocs afterwards")
    args = parser.parse_args(argv)
    args.folder = region_folder(args)
    start = time.perf_counter()
    paths = make_region(args.folder, args.skpd, args.sops, args.seed, args.jobs)
    size = sum(p.stat().st_size for p in paths)
    print(f"wrote {len(paths)} workbooks x {args.sops} SOPs to {args.folder} ({size / 1e6:.1f} MB) "
          f"in {time.perf_counter() - start:.1f} s")
    if args.verify:
        return 1 if verify(paths) else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
