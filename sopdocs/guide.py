"""The workbook guide for staff, from one source: the `Petunjuk` sheet `sopdocs init` writes and
`docs/workbook.md` (written by `tools/make_guide.py`, compared by a test) are both made from
`GUIDE` and from the reader's own label tables, so that they never disagree with each other or
with what the reader accepts.

`GUIDE` is a list of (kind, text): "title", "text" (a paragraph), "head" (a section), "item".
"""
from __future__ import annotations

from .reader import labels

GUIDE = [
    ("title", "PETUNJUK PENGISIAN WORKBOOK SOP ADMINISTRASI PEMERINTAHAN DAN STANDAR PELAYANAN"),
    ("text", "Workbook ini diisi oleh staf Perangkat Daerah lalu diolah oleh program sopdocs menjadi "
             "dokumen Word resmi: buku SOP Administrasi Pemerintahan (PermenPANRB Nomor 35 Tahun 2012) "
             "dan Standar Pelayanan (PermenPANRB Nomor 15 Tahun 2014). Satu workbook untuk satu "
             "Perangkat Daerah. Sheet Petunjuk ini tidak ikut dibaca; boleh dibiarkan atau dihapus."),
    ("head", "1. Aturan umum"),
    ("item", "Label ada di kolom A dan isiannya di kolom B. Huruf besar/kecil, spasi, tanda titik dua di "
             "belakang label, dan spasi di sekitar garis miring tidak berpengaruh. Ejaan lain yang lazim "
             "di buku SOP daerah juga dikenal (daftarnya di bagian 7), misalnya Tgl. Pembuatan atau "
             "Tanggal Pengesahan."),
    ("item", "Label yang tidak dikenal dilaporkan sebagai PERINGATAN di selnya, beserta label dikenal "
             "yang paling mirip; isiannya tidak dipakai sampai labelnya diperbaiki. Tulisan di kolom A "
             "tanpa isian, yang tidak mirip label mana pun (misalnya TABEL KEGIATAN), dianggap judul "
             "dan dilewati."),
    ("item", "Tidak ada isian yang hilang diam-diam: setiap sel berisi yang tidak dipakai (di luar label, "
             "isian, dan tabel kegiatan) disebut dalam laporan sopdocs check beserta alamat selnya."),
    ("item", "Isian berupa daftar (Dasar Hukum, Kualifikasi Pelaksana, Keterkaitan, "
             "Peralatan/Perlengkapan, Peringatan, Pencatatan dan Pendataan, dan komponen Standar "
             "Pelayanan) ditulis satu butir per baris: tekan Alt+Enter di dalam sel untuk pindah baris, "
             "atau lanjutkan di baris-baris berikutnya dengan kolom A dibiarkan kosong. Nomor urut tidak "
             "perlu diketik; dokumen memberi nomor sendiri."),
    ("item", "Tanggal boleh berupa tanggal Excel atau teks, misalnya 2 Januari 2025, 02/01/2025, atau "
             "2025-01-02. Selalu tulis tahunnya."),
    ("item", "NIP diketik sebagai teks, misalnya 19700512 199803 1 004. Bila Excel mengubahnya menjadi "
             "angka, awali dengan tanda petik satu (')."),
    ("item", "Klik sel isian di sheet Instansi dan di bagian identitas SOP untuk melihat keterangan "
             "pengisiannya: sebuah kotak kecil muncul di dekat sel (misalnya wajib, atau satu butir per "
             "baris). Keterangan itu tidak ikut dibaca dan tidak dicetak."),
    ("item", "Bila tulisan di sebuah sel terpotong setelah diubah, klik dua kali garis batas bawah nomor "
             "baris (di tepi kiri lembar kerja) agar tinggi baris menyesuaikan isinya."),
    ("head", "2. Sheet Instansi (wajib, hanya satu)"),
    ("item", "Isi data Perangkat Daerah. Pemerintah dan Perangkat Daerah wajib diisi; Tahun, Jabatan "
             "Pimpinan, dan Nama Pimpinan sebaiknya diisi. Isian yang ada sekarang hanyalah contoh: "
             "ganti semuanya dengan data instansi Anda."),
    ("item", "Pimpinan menjadi penanda tangan semua SOP, Keputusan penetapan, dan Maklumat Pelayanan, "
             "kecuali SOP yang mengisi Disahkan Oleh sendiri."),
    ("item", "Judul Keputusan penetapan berbunyi KEPUTUSAN <Jabatan Pimpinan> <daerah>, dengan daerah "
             "diambil dari isian Pemerintah tanpa kata PEMERINTAH (PEMERINTAH KOTA BATAM menjadi KOTA "
             "BATAM). Jadi Jabatan Pimpinan cukup ditulis Kepala Satuan Polisi Pamong Praja; bila "
             "jabatannya sudah menyebut daerah (Kepala Dinas Kesehatan Kabupaten Blora), daerah tidak "
             "ditambahkan lagi."),
    ("item", "Logo: tulis nama file gambar (PNG atau JPG) yang diletakkan di folder yang sama dengan "
             "workbook, misalnya logo-kabupaten.png, atau tempel (paste) gambar logo langsung di sheet "
             "Instansi."),
    ("head", "3. Sheet SOP (satu sheet untuk setiap SOP)"),
    ("item", "Untuk membuat SOP baru, salin sheet contoh \"SOP 01\": klik kanan tab sheet > Pindahkan atau "
             "Salin (Move or Copy) > centang Buat salinan (Create a copy). Nama sheet bebas, misalnya "
             "SOP 02. Ganti isian contoh dengan SOP Anda, dan hapus sheet contoh bila tidak dipakai."),
    ("item", "Bagian atas adalah identitas SOP: Nomor SOP, Nama SOP (wajib), Unit Kerja, tanggal "
             "pembuatan/revisi/efektif, pengesah, lalu Dasar Hukum dan daftar lainnya. Disahkan Oleh, "
             "Nama Pejabat, Pangkat, dan NIP boleh dikosongkan bila sama dengan pimpinan di sheet "
             "Instansi. SOP dengan Unit Kerja yang sama dikelompokkan dalam satu bagian buku."),
    ("head", "4. Tabel kegiatan (di bawah identitas SOP)"),
    ("item", "Baris judul tabel berisi No di kolom A dan Kegiatan di kolom B (juga Uraian Kegiatan, "
             "Uraian Prosedur, Aktivitas/Kegiatan). Judul dua baris seperti formulir resmi (Pelaksana "
             "dan Mutu Baku di atas kolom-kolomnya) juga dibaca."),
    ("item", "Satu baris untuk satu kegiatan, bernomor urut 1, 2, 3, ... tanpa loncat. Tabel berakhir "
             "pada baris kegiatan terakhir (yang berisi nomor langkah atau Kegiatan). Baris kosong di "
             "tengah tabel dilewati dan disebut sebagai CATATAN; kegiatan di bawahnya tetap dibaca. "
             "Tulisan di kolom A yang bukan nomor (misalnya Catatan:) di bawah tabel bukan kegiatan."),
    ("item", "Nama jabatan pelaksana ditulis di baris judul, satu kolom per jabatan, berurutan seperti "
             "yang akan dicetak. Setiap kolom di bawah judul Pelaksana, atau di antara Kegiatan dan "
             "kolom mutu baku pertama, adalah pelaksana, apa pun namanya (juga Pelaksana, Staf, "
             "Petugas). Untuk menambah pelaksana, sisipkan kolom di antara kolom pelaksana (klik kanan "
             "huruf kolom > Sisipkan/Insert); untuk mengurangi, hapus kolomnya."),
    ("item", "Kolom sesudah pelaksana dikenali dari judulnya, juga ejaan lain yang lazim: Kelengkapan "
             "(Kelengkapan dan Peralatan, Persyaratan), Waktu (Waktu/Lama, Waktu (Menit)), Output "
             "(Keluaran, Hasil), Keterangan (Ket.), Jika Ya, Jika Tidak. Judul-judul ini tidak pernah "
             "dianggap pelaksana. Kolom berjudul lain sesudah kolom mutu baku dilaporkan sebagai "
             "PERINGATAN dan isinya tidak dicetak."),
    ("item", "Beri tanda x di kolom pelaksana yang melakukan kegiatan (pilihan tersedia di daftar "
             "tarik-turun; v, V, X, \u2713, atau \u221a juga boleh). Huruf berikut sekaligus memilih "
             "simbol bagan alir: M = mulai dan S = selesai (kapsul), P = proses (kotak), K = keputusan "
             "(belah ketupat). Tanpa huruf, kegiatan pertama dan terakhir menjadi kapsul, kegiatan yang "
             "mengisi Jika Tidak menjadi belah ketupat, dan sisanya kotak."),
    ("item", "Kegiatan yang dikerjakan bersama: beri tanda pada beberapa kolom pelaksana yang "
             "bersebelahan; satu simbol akan melintasi kolom-kolom itu."),
    ("item", "Mutu Baku: Kelengkapan (berkas/bahan yang diperlukan), Waktu, dan Output (hasil). Waktu "
             "ditulis dengan angka dan satuan, misalnya 15 menit, 2 jam, 1 hari, 3 hari kerja, atau "
             "1 minggu, supaya dapat dijumlahkan. Bila satuannya ditulis di judul kolom, misalnya "
             "Waktu (Menit) atau Waktu (jam), angka saja di bawahnya memakai satuan itu."),
    ("item", "Sel Keterangan, Kelengkapan, Waktu, atau Output boleh digabung (merge) ke bawah melintasi "
             "beberapa kegiatan: isinya berlaku untuk semua kegiatan itu dan dicetak tergabung pada "
             "baris yang sama di tabel flowchart (Waktu gabungan dijumlahkan sekali). Sel Kegiatan, "
             "No, tanda pelaksana, Jika Ya, dan Jika Tidak tidak boleh digabung ke bawah."),
    ("item", "Keputusan: isi Jika Tidak dengan nomor langkah tujuan, boleh diawali label dan titik dua, "
             "misalnya Tidak lengkap: 1 (berkas dikembalikan ke langkah 1). Jika Ya yang kosong, atau "
             "berisi Ya, Lanjut, atau -, berarti lanjut ke langkah berikutnya; boleh juga diisi nomor, "
             "misalnya Lengkap: 3."),
    ("head", "5. Sheet Standar Pelayanan (satu sheet untuk setiap jenis pelayanan)"),
    ("item", "Salin sheet contoh \"SP 01\" dan isi Jenis Pelayanan serta keempat belas komponennya, "
             "masing-masing di kolom B, satu butir per baris."),
    ("item", "Sistem, Mekanisme, dan Prosedur boleh berisi SOP: <Nama SOP> (atau SOP: <Nomor SOP>); "
             "kegiatan SOP itu akan dicantumkan sebagai prosedurnya, dan jumlah waktunya dibandingkan "
             "dengan Jangka Waktu Pelayanan."),
    ("head", "6. Memeriksa dan membuat dokumen"),
    ("item", "Simpan workbook sebagai .xlsx, lalu jalankan: sopdocs check nama-file.xlsx. Setiap temuan "
             "menyebut sheet dan sel yang perlu diperbaiki. GALAT harus diperbaiki; PERINGATAN boleh "
             "dibiarkan bila memang disengaja; CATATAN hanya pemberitahuan."),
    ("item", "Setelah tidak ada galat, jalankan: sopdocs build nama-file.xlsx untuk membuat dokumen Word. "
             "Satu folder berisi beberapa workbook dapat diperiksa dan dibuat sekaligus dengan menyebut "
             "nama foldernya."),
]

LABEL_SECTION = "7. Label dan ejaan lain yang dikenal"
LABEL_TABLES = (
    ("Sheet Instansi", labels.INSTANSI_NAMES),
    ("Identitas SOP", labels.SOP_NAMES),
    ("Sheet Standar Pelayanan", labels.SP_NAMES),
)

ENGLISH = """\
## English

This guide is for the staff who fill in the workbook; everything above is what the `Petunjuk`
sheet of `sopdocs init` says, generated from the same source (`sopdocs/guide.py`, written out by
`python tools/make_guide.py`). In short:

- Labels in column A, values in column B. Case, spaces, a trailing colon and spacing around `/`
  do not matter; the common spellings of section 7 are accepted (`Tgl. Pembuatan`, `Tanggal
  Pengesahan`, ...), and a regional profile may add more (`Profile.label_aliases`). An unknown
  label is a warning at its cell listing the nearest known labels; a text alone in column A that
  resembles no label is a heading.
- Nothing typed disappears without a word: every non-empty cell of a sheet sopdocs reads is used
  in a document or named, with its address, in a finding of `sopdocs check`.
- The activity table: header `No` | `Kegiatan` (or `Uraian Kegiatan`, `Uraian Prosedur`,
  `Aktivitas/Kegiatan`), then the actors, then the mutu baku and the branch columns, read by
  meaning (`Kelengkapan dan Peralatan`, `Waktu (Menit)`, `Keluaran`, `Hasil`, `Ket.`). Whatever
  stands under the `Pelaksana` group header, or between Kegiatan and the first mutu baku column,
  is an actor, whatever its name (`Pelaksana`, `Staf`). A unit in a header applies to bare
  numbers below it. An unknown column after the mutu baku is a warning; its contents are not
  printed.
- The table's rows are every row up to the last one with a step number or a Kegiatan; blank
  rows between them are skipped with a note.
- A Keterangan or mutu baku cell merged over several activity rows belongs to all of them and is
  printed merged over the same rows (a merged Waktu counts once in the totals). A merged Kegiatan,
  step number, actor mark or branch cell is an error.
- `Jika Ya` empty, `Ya`, `Lanjut` or `-` means the next step. Marks `x`, `v`, `V`, `X`, `\u2713`,
  `\u221a` mark an actor; `M`, `S`, `P`, `K` also choose the symbol.
- The Keputusan's title is `KEPUTUSAN <Jabatan Pimpinan> <Pemerintah without PEMERINTAH>` unless
  the Jabatan already names the region.
"""


def petunjuk_lines() -> list[tuple[str, str]]:
    """The lines of the `Petunjuk` sheet: the guide, then the labels the reader knows."""
    lines = [*GUIDE, ("head", LABEL_SECTION)]
    for title, names in LABEL_TABLES:
        for spellings in names.values():
            other = f" (juga: {', '.join(spellings[1:])})" if len(spellings) > 1 else ""
            lines.append(("item", f"{title}: {spellings[0]}{other}"))
    return lines


def markdown() -> str:
    """`docs/workbook.md`: the guide in Bahasa Indonesia, the label tables, then English."""
    out = ["<!-- Dibuat oleh `python tools/make_guide.py` dari sopdocs/guide.py; jangan disunting langsung. -->", ""]
    for kind, text in GUIDE:
        if kind == "title":
            out += ["# Panduan pengisian workbook SOP dan Standar Pelayanan", "",
                    "**Bahasa Indonesia** \u00b7 [English below](#english)", ""]
        elif kind == "head":
            out += ["", f"## {text}", ""]
        elif kind == "text":
            out += [text, ""]
        else:
            out.append(f"- {text}")
    out += ["", f"## {LABEL_SECTION}", ""]
    for title, names in LABEL_TABLES:
        out += [f"### {title}", "", "| Label | Ejaan lain yang juga dikenal |", "|---|---|"]
        out += [f"| {spellings[0]} | {', '.join(spellings[1:])} |" for spellings in names.values()]
        out.append("")
    out += ["### Judul kolom tabel kegiatan", "", "| Kolom | Judul yang dikenal |", "|---|---|"]
    out += [f"| {name} | {', '.join(titles)} |" for name, titles in labels.TABLE_TITLES.items()]
    out += ["", '<a name="english"></a>', "", ENGLISH]
    return "\n".join(out)
