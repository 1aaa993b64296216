"""SOPs built directly from the model (no Excel) that exercise the flowchart layout and renderer.

Every builder takes the page setup (only the cases that are constructed by looking at the
layout use it) and returns a fresh `Sop`. `CASES` maps a case name to its builder, so tests can
parametrize over all of them.

Run as a script to write PNG previews of every case for a person to look at:

    python tests/flowchart_cases.py [OUTDIR]     (default /tmp/flowchart-review; needs soffice)
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Callable

from sopdocs.layout import PageSetup, layout_flowchart
from sopdocs.model import Branch, Dokumen, Instansi, Sop, Step, Symbol, Waktu

ACTORS_4 = ["Pemohon", "Petugas Loket", "Kepala Seksi Pelayanan", "Kepala Dinas"]
LONG_ACTOR = "Kepala Sub Bagian Umum dan Kepegawaian"
ESCAPED_TEXT = '<b>&"{{ x }}"'  # must reach Word and the PDF verbatim, never interpreted

VERBS = [
    "Menerima berkas permohonan dari pemohon",
    "Memeriksa kelengkapan dan keabsahan berkas",
    "Mencatat permohonan dalam buku register",
    "Memverifikasi data pada aplikasi SIAK",
    "Menyusun konsep surat keterangan",
    "Memaraf konsep surat keterangan",
    "Menandatangani surat keterangan",
    "Memberi nomor dan stempel dinas",
    "Mengarsipkan salinan surat keterangan",
    "Menyerahkan surat keterangan kepada pemohon",
]
WAKTU = [Waktu("5 menit", 5, "menit"), Waktu("10 menit", 10, "menit"), Waktu("15 menit", 15, "menit"),
         Waktu("1 jam", 1, "jam"), Waktu("1 hari", 1, "hari")]


def step(number: int, kegiatan: str, actors: list[int], symbol: Symbol = Symbol.PROCESS, *,
         no: Branch | None = None, yes: Branch | None = None, kelengkapan: str = "Berkas permohonan",
         waktu: Waktu | None = None, output: str = "Berkas", keterangan: str = "") -> Step:
    return Step(number, kegiatan, actors, symbol, kelengkapan=kelengkapan,
                waktu=waktu if waktu is not None else WAKTU[number % len(WAKTU)], output=output,
                keterangan=keterangan, yes=yes, no=no)


def decision(number: int, kegiatan: str, actors: list[int], no: int, label: str = "", *,
             yes: int | None = None, yes_label: str = "", **fields) -> Step:
    return step(number, kegiatan, actors, Symbol.DECISION, no=Branch(no, label),
                yes=Branch(yes, yes_label) if yes is not None else None, **fields)


def finish(nama: str, actors: list[str], steps: list[Step], nomor: str = "") -> Sop:
    """The SOP as the reader leaves it: first and last steps are terminators, the last is final."""
    steps[0].symbol = Symbol.TERMINATOR
    steps[-1].symbol = Symbol.TERMINATOR
    steps[-1].final = True
    for number, s in enumerate(steps, 1):
        assert s.number == number, f"{nama}: step {s.number} at position {number}"
    return Sop(nama=nama, nomor=nomor, actors=list(actors), steps=steps)


def linear(count: int, actors: int, first: int = 1) -> list[Step]:
    """`count` plain steps numbered from `first`, handed from actor to actor in turn."""
    return [step(n, VERBS[(n - 1) % len(VERBS)], [(n - 1) % actors]) for n in range(first, first + count)]


# --- the cases ------------------------------------------------------------------------------------

def linear_4(setup: PageSetup = PageSetup()) -> Sop:
    steps = [
        step(1, "Mengajukan permohonan legalisir", [0]),
        step(2, "Menerima dan mencatat permohonan", [1]),
        step(3, "Melegalisir dokumen", [1]),
        step(4, "Menerima dokumen yang telah dilegalisir", [0]),
    ]
    return finish("Legalisir Dokumen", ["Pemohon", "Petugas"], steps, "800/01/2024")


def realistic_10(setup: PageSetup = PageSetup()) -> Sop:
    steps = [
        step(1, "Mengajukan permohonan KTP-el dengan membawa Kartu Keluarga", [0], kelengkapan="Formulir F-1.07, KK"),
        step(2, "Menerima berkas dan memberi nomor antrian", [1]),
        step(3, "Memeriksa kelengkapan berkas permohonan", [1]),
        step(4, "Memasukkan data pemohon ke aplikasi SIAK", [1]),
        decision(5, "Memverifikasi data kependudukan", [2], 3, "Tidak lengkap", keterangan="Dikembalikan"),
        step(6, "Melakukan perekaman biometrik", [1], output="Data biometrik"),
        step(7, "Mencetak KTP-el", [2], output="KTP-el"),
        step(8, "Memeriksa hasil cetak KTP-el", [2]),
        step(9, "Menandatangani register penerbitan", [3], output="Register"),
        step(10, "Menerima KTP-el", [0], output="KTP-el"),
    ]
    return finish("Pelayanan Penerbitan KTP-el", ACTORS_4, steps, "470/02/DUKCAPIL/2024")


def two_decisions(setup: PageSetup = PageSetup()) -> Sop:
    steps = [
        step(1, "Mengajukan permohonan izin", [0]),
        step(2, "Memeriksa berkas permohonan", [1]),
        decision(3, "Berkas lengkap?", [1], 2, "Tidak Lengkap", yes_label="Lengkap", yes=4),
        decision(4, "Menyetujui permohonan?", [2], 2, "Tidak Setuju", yes_label="Setuju", yes=5),
        step(5, "Menerbitkan surat izin", [1]),
        step(6, "Menerima surat izin", [0]),
    ]
    return finish("Penerbitan Surat Izin", ["Pemohon", "Petugas", "Kepala Bidang"], steps)


def back_to_first(setup: PageSetup = PageSetup()) -> Sop:
    steps = [
        step(1, "Menyerahkan berkas permohonan", [0]),
        step(2, "Menerima berkas", [1]),
        decision(3, "Memeriksa keabsahan berkas", [1], 1, "Tidak sah"),
        step(4, "Memproses permohonan", [2]),
        step(5, "Menerima hasil", [0]),
    ]
    return finish("Pemeriksaan Keabsahan Berkas", ["Pemohon", "Petugas Loket", "Kasi"], steps)


def joint_activity(setup: PageSetup = PageSetup()) -> Sop:
    steps = [
        step(1, "Menyampaikan usulan kegiatan", [0]),
        step(2, "Membahas usulan bersama dalam rapat", [1, 2]),
        step(3, "Menyusun berita acara rapat", [1]),
        step(4, "Menandatangani berita acara bersama", [1, 2]),
        step(5, "Menetapkan keputusan", [3]),
    ]
    return finish("Pembahasan Usulan Kegiatan", ["Pengusul", "Kasubbag Program", "Kasubbag Keuangan", "Sekretaris"],
                  steps)


def one_actor(setup: PageSetup = PageSetup()) -> Sop:
    steps = [
        step(1, "Membuka aplikasi arsip", [0]),
        step(2, "Memindai dokumen", [0]),
        decision(3, "Hasil pindaian terbaca?", [0], 2, "Tidak"),
        step(4, "Menyimpan dokumen", [0]),
    ]
    return finish("Digitalisasi Arsip", ["Arsiparis"], steps)


# Names of a court's and an office's posts, as in the books where long words used to break.
POSTS = ["Pemohon", "Petugas Pendaftaran", "Bendahara Penerimaan", "Panitera Muda Permohonan", "Staf Kepaniteraan",
         "Kepala Subbagian Perencanaan", "Sekretaris Pengadilan", "Wakil Ketua", "Ketua Pengadilan",
         "Juru Sita Pengganti", "Majelis Hakim", "Petugas Arsip", "Kepala Subbagian Kepegawaian",
         "Panitera Pengganti", "Pelaksana Nomor 1"]


def _many_actors(count: int, name: str, names: list[str] | None = None) -> Sop:
    names = names or [f"Kepala Seksi {i + 1}" for i in range(count)]
    steps = [step(n, VERBS[(n - 1) % len(VERBS)], [(n - 1) * (count - 1) // 9]) for n in range(1, 11)]
    steps[5] = decision(6, "Memeriksa konsep", [steps[5].actors[0]], 3, "Perlu perbaikan")
    return finish(name, names, steps)


def eight_actors(setup: PageSetup = PageSetup()) -> Sop:
    return _many_actors(8, "Delapan Pelaksana")


def twelve_actors(setup: PageSetup = PageSetup()) -> Sop:
    return _many_actors(12, "Dua Belas Pelaksana", POSTS[:12])


def fifteen_actors(setup: PageSetup = PageSetup()) -> Sop:
    return _many_actors(15, "Lima Belas Pelaksana", POSTS[:15])


def forty_steps(setup: PageSetup = PageSetup()) -> Sop:
    """Forty activities over several pages; step 22 sends the flow back to step 4 (pages apart)
    and step 30 forward to step 38."""
    steps = linear(40, 4)
    steps[21] = decision(22, "Memeriksa kembali kelengkapan berkas", [steps[21].actors[0]], 4, "Tidak lengkap")
    steps[29] = decision(30, "Perlu pemeriksaan lapangan?", [steps[29].actors[0]], 38, "Tidak")
    return finish("Pengadaan Barang dan Jasa", ACTORS_4, steps)


def decision_last_on_page(setup: PageSetup = PageSetup()) -> Sop:
    """A decision that lands on the last row of page 1 (found by laying out candidates)."""
    for at in range(4, 40):
        steps = linear(at + 4, 3)
        steps[at - 1] = decision(at, "Menyetujui konsep?", [steps[at - 1].actors[0]], at - 2, "Tidak setuju")
        sop = finish("Keputusan di Akhir Halaman", ["Pelaksana", "Kasubbag", "Sekretaris"], steps)
        pages = layout_flowchart(sop, setup).pages
        if len(pages) > 1 and pages[0].rows[-1].step == at:
            return sop
    raise AssertionError(f"no step count puts a decision last on page 1 ({setup.paper})")


def long_kegiatan(setup: PageSetup = PageSetup()) -> Sop:
    text = ("Memeriksa secara teliti seluruh dokumen persyaratan yang diajukan oleh pemohon, meliputi "
            "fotokopi Kartu Tanda Penduduk, Kartu Keluarga, akta kelahiran, surat pengantar dari desa atau "
            "kelurahan, surat keterangan pindah bila ada, serta pas foto berwarna ukuran tiga kali empat "
            "sebanyak dua lembar, kemudian mencocokkan data tersebut dengan basis data kependudukan pada "
            "aplikasi SIAK, mencatat setiap perbedaan yang ditemukan, dan memberitahukan kepada pemohon "
            "kekurangan yang harus dilengkapi sebelum berkas diteruskan kepada Kepala Seksi untuk diverifikasi "
            "lebih lanjut sesuai ketentuan peraturan perundang-undangan yang berlaku di daerah.")
    assert len(text) >= 600, len(text)
    text = text[:599].rstrip() + "."
    steps = [
        step(1, "Mengajukan permohonan", [0]),
        step(2, text, [1], keterangan="Teliti"),
        step(3, "Memverifikasi berkas", [2]),
        step(4, "Menerima hasil", [0]),
    ]
    return finish("Uraian Kegiatan Panjang", ["Pemohon", "Petugas", "Kasi"], steps)


def empty_mutu_baku(setup: PageSetup = PageSetup()) -> Sop:
    steps = [step(n, VERBS[n - 1], [(n - 1) % 2], kelengkapan="", waktu=Waktu(), output="") for n in range(1, 6)]
    return finish("Tanpa Mutu Baku", ["Staf", "Kepala"], steps)


def long_actor_names(setup: PageSetup = PageSetup()) -> Sop:
    actors = [LONG_ACTOR, "Kepala Bidang Pengelolaan Informasi Administrasi Kependudukan",
              "Sekretaris Dinas Kependudukan dan Pencatatan Sipil", "Kepala Dinas"]
    steps = linear(6, 4)
    steps[3] = decision(4, "Menelaah konsep", [3], 2, "Perlu perbaikan")
    return finish("Nama Jabatan Panjang", actors, steps)


def forward_jump(setup: PageSetup = PageSetup()) -> Sop:
    """`Jika Ya` skips two steps; a later decision's "Tidak" goes forward to the last step."""
    steps = [
        step(1, "Mengajukan permohonan", [0]),
        decision(2, "Berkas sudah pernah diverifikasi?", [1], 3, "Belum", yes=5, yes_label="Sudah"),
        step(3, "Memverifikasi berkas", [1]),
        step(4, "Mencatat hasil verifikasi", [2]),
        decision(5, "Permohonan memenuhi syarat?", [2], 8, "Tidak"),
        step(6, "Menyusun surat rekomendasi", [1]),
        step(7, "Menandatangani surat rekomendasi", [3]),
        step(8, "Menerima jawaban permohonan", [0]),
    ]
    return finish("Rekomendasi dengan Lompatan", ["Pemohon", "Petugas", "Kasi", "Kadis"], steps)


def parallel_lanes(setup: PageSetup = PageSetup()) -> Sop:
    """Three back-arrows over the same rows of the same column (they need separate lanes)."""
    steps = [
        step(1, "Menyusun konsep naskah dinas", [0]),
        step(2, "Memeriksa format naskah", [1]),
        step(3, "Memeriksa isi naskah", [1]),
        decision(4, "Format sesuai tata naskah?", [1], 2, "Format salah"),
        decision(5, "Isi sudah benar?", [1], 1, "Salah", yes_label="Benar"),
        decision(6, "Disetujui pimpinan?", [1], 3, "Revisi"),
        step(7, "Menandatangani naskah", [2]),
        step(8, "Mengirim naskah", [0]),
    ]
    return finish("Koreksi Naskah Dinas", ["Konseptor", "Kasubbag", "Sekretaris"], steps)


def escaped_text(setup: PageSetup = PageSetup()) -> Sop:
    steps = [
        step(1, "Mulai", [0]),
        step(2, ESCAPED_TEXT, [1], kelengkapan="A & B < C", output='"Surat" <asli>', keterangan="{% if %}"),
        step(3, "Selesai", [0]),
    ]
    return finish('Teks Khusus <&> "{{ nama }}"', ["Staf", "Kepala"], steps)


CASES: dict[str, Callable[..., Sop]] = {
    "linear_4": linear_4,
    "realistic_10": realistic_10,
    "two_decisions": two_decisions,
    "back_to_first": back_to_first,
    "joint_activity": joint_activity,
    "one_actor": one_actor,
    "eight_actors": eight_actors,
    "twelve_actors": twelve_actors,
    "fifteen_actors": fifteen_actors,
    "forty_steps": forty_steps,
    "decision_last_on_page": decision_last_on_page,
    "long_kegiatan": long_kegiatan,
    "empty_mutu_baku": empty_mutu_baku,
    "long_actor_names": long_actor_names,
    "forward_jump": forward_jump,
    "parallel_lanes": parallel_lanes,
    "escaped_text": escaped_text,
}


def dokumen(names=None, setup: PageSetup = PageSetup()) -> Dokumen:
    """A Dokumen holding the SOPs of the named cases (all of them by default)."""
    sops = [CASES[name](setup) for name in (names or CASES)]
    return Dokumen(path="cases.xlsx", instansi=Instansi(nama="DINAS UJI COBA"), sops=sops)


# --- previews for people ----------------------------------------------------------------------------

def write_previews(outdir: Path, setup: PageSetup = PageSetup(), resolution: int = 70) -> list[Path]:
    """One document with every case, converted to PDF once, cut into PNGs per case:
    OUTDIR/<case>.png for its first page and <case>-p<N>.png for the following ones."""
    from sopdocs.render.document import flowchart_document

    outdir.mkdir(parents=True, exist_ok=True)
    doc = dokumen(setup=setup)
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "cases.docx"
        flowchart_document(doc, setup).save(source)
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/lo-profile", "--headless",
                        "--convert-to", "pdf", "--outdir", tmp, str(source)], check=True, capture_output=True,
                       timeout=180)
        first = 1
        for name, sop in zip(CASES, doc.sops):
            count = len(layout_flowchart(sop, setup).pages)
            for page in range(count):
                target = outdir / (f"{name}.png" if page == 0 else f"{name}-p{page + 1}.png")
                stem = Path(tmp) / "page"
                subprocess.run(["pdftoppm", "-png", "-r", str(resolution), "-f", str(first + page),
                                "-l", str(first + page), "-singlefile", str(source.with_suffix(".pdf")), str(stem)],
                               check=True)
                shutil.move(str(stem) + ".png", target)
                written.append(target)
            first += count
    return written


if __name__ == "__main__":
    for path in write_previews(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/flowchart-review")):
        print(path)
