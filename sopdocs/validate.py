"""Stage 2: the rules about what a workbook means (WORKBOOK.md, "What `check` reports").

Errors are what makes a correct document impossible; everything that can still be printed as
the author wrote it is a warning.
"""
from __future__ import annotations

from collections import Counter

from .findings import Findings
from .model import KOMPONEN, CellRef, Dokumen, Sop, StandarPelayanan, Step, Symbol, cell_of
from .reader.values import label_key


def validate(doc: Dokumen, findings: Findings | None = None, labels: dict[str, str] | None = None) -> Findings:
    """Add the findings about `doc` to `findings` (those of reading it) and return them."""
    findings = Findings() if findings is None else findings
    _check_instansi(doc, findings)
    for sop in doc.sops:
        _check_sop(sop, findings, labels or {})
    _check_duplicates(doc, findings)
    for sp in doc.layanan:
        _check_sp(sp, doc, findings)
    return findings


def _check_instansi(doc: Dokumen, findings: Findings) -> None:
    instansi = doc.instansi
    if not instansi.sheet:
        return  # no Instansi sheet: the reader has said so
    for name, label in (("pemerintah", "Pemerintah"), ("nama", "Perangkat Daerah")):
        if not getattr(instansi, name):
            findings.error(f"\"{label}\" belum diisi; tulis di kolom B baris berlabel {label} "
                           f"(mis. {'PEMERINTAH KABUPATEN BENER MERIAH' if name == 'pemerintah' else 'DINAS KESEHATAN'}).",
                           cell_of(instansi, name))
    for value, name, label in ((instansi.tahun, "tahun", "Tahun"), (instansi.pimpinan.jabatan, "jabatan", "Jabatan Pimpinan"),
                               (instansi.pimpinan.nama, "nama_pimpinan", "Nama Pimpinan")):
        if not value:
            findings.warning(f"\"{label}\" belum diisi; dicetak sebagai titik-titik untuk diisi tangan.",
                             cell_of(instansi, name))
    if instansi.tanggal_keputusan.text and not instansi.tanggal_keputusan.date:
        _unknown_date(findings, cell_of(instansi, "tanggal_keputusan", ""), instansi.tanggal_keputusan.text)


def _unknown_date(findings: Findings, ref: CellRef, text: str) -> None:
    findings.warning(f"Tanggal \"{text}\" tidak dikenali (dicetak apa adanya); tulis lengkap dengan tahun, "
                     "misalnya \"2 Januari 2024\" atau 02/01/2024.", ref)


def _check_sop(sop: Sop, findings: Findings, labels: dict[str, str]) -> None:
    """The SOP's own rules; `labels` are the profile's names of the identity fields."""
    if not sop.nama:
        findings.error("\"Nama SOP\" belum diisi; tulis nama prosedurnya di kolom B.", cell_of(sop, "nama"))
    for name, label in (("tanggal_pembuatan", "Tanggal Pembuatan"), ("tanggal_revisi", "Tanggal Revisi"),
                        ("tanggal_efektif", "Tanggal Efektif")):
        label = labels.get(name, label)
        tanggal = getattr(sop, name)
        if tanggal.empty:
            blank = "\"-\"" if name == "tanggal_revisi" else "titik-titik untuk diisi tangan"
            findings.warning(f"\"{label}\" belum diisi; dicetak {blank}.", cell_of(sop, name))
        elif tanggal.date is None and not (name == "tanggal_revisi" and tanggal.text.strip("-– ") == ""):
            _unknown_date(findings, cell_of(sop, name, ""), tanggal.text)  # "-": not revised
    if not sop.dasar_hukum:
        findings.warning("\"Dasar Hukum\" belum diisi; tulis peraturan yang mendasari SOP ini, satu per baris.",
                         cell_of(sop, "dasar_hukum"))
    if "tabel" not in sop.cells:
        return  # no table: the reader has said so
    if not sop.steps:
        findings.error("Tabel kegiatan belum berisi kegiatan; isi mulai baris di bawah judul tabel.",
                       sop.cells["tabel"])
        return
    if not _check_numbers(sop, findings):
        return  # branches and the flow cannot be read without step numbers
    for step in sop.steps:
        _check_step(sop, step, findings)
    used = {i for step in sop.steps for i in step.actors}
    for index, actor in enumerate(sop.actors):
        if index not in used:
            findings.warning(f"Pelaksana \"{actor}\" tidak pernah ditandai di kegiatan mana pun; kolomnya tetap "
                             "dicetak. Hapus kolom itu bila tidak diperlukan.", sop.actor_cells[index])
    if not any(findings.errors_in(sheet) for sheet in {sop.sheet, sop.cells["tabel"].sheet}):  # reading's errors
        _check_flow(sop, findings)


def _check_numbers(sop: Sop, findings: Findings) -> bool:
    for expected, step in enumerate(sop.steps, 1):
        if step.number != expected:
            findings.error(f"Nomor langkah harus urut 1, 2, 3, ... tanpa loncat atau ganda; di sini tertulis "
                           f"{step.number}, seharusnya {expected}.", step.cells["no"])
            return False
    return True


def _check_step(sop: Sop, step: Step, findings: Findings) -> None:
    cells = step.cells
    if not step.kegiatan:
        findings.warning(f"Uraian kegiatan langkah {step.number} kosong.", cells["kegiatan"])
    if not step.actors:
        if not findings.error_at(cells["pelaksana"]):  # the reader may have said why already
            findings.error(f"Kegiatan langkah {step.number} belum punya pelaksana; beri tanda x di kolom jabatan "
                           "yang melaksanakannya.", cells["pelaksana"])
    elif len(step.actors) > 1 and step.actors != list(range(step.actors[0], step.actors[-1] + 1)):
        names = ", ".join(sop.actors[i] for i in step.actors)
        findings.error(f"Kegiatan bersama langkah {step.number} ditandai pada pelaksana yang tidak bersebelahan "
                       f"({names}); satu simbol hanya bisa melintasi kolom yang berdampingan. Pindahkan kolomnya "
                       "agar bersebelahan, atau pecah menjadi beberapa kegiatan.", cells["pelaksana"])
    if step.yes is not None or step.no is not None:  # most steps simply lead to the next
        _check_branches(sop, step, findings)
    if step.symbol is Symbol.DECISION:
        exits = sop.exits(step)
        if len(exits) < 2 or exits[0].target == exits[1].target:
            findings.error(f"Langkah {step.number} adalah keputusan (belah ketupat) dan harus punya dua jalan "
                           "keluar yang berbeda; isi \"Jika Tidak\" dengan nomor langkah tujuan, misalnya "
                           "\"Tidak lengkap: 1\".", cells.get("jika_tidak") or cells["pelaksana"])
    elif step.no is not None:
        findings.error(f"Langkah {step.number} punya \"Jika Tidak\" tetapi simbolnya bukan keputusan; beri huruf K "
                       "pada tanda pelaksananya, atau kosongkan \"Jika Tidak\".", cells["jika_tidak"])


def _check_branches(sop: Sop, step: Step, findings: Findings) -> None:
    for branch, key, title in ((step.yes, "jika_ya", "Jika Ya"), (step.no, "jika_tidak", "Jika Tidak")):
        if branch is None:
            continue
        if branch.target == step.number:
            findings.error(f"{title} langkah {step.number} menunjuk ke langkah itu sendiri; tulis nomor langkah "
                           "tujuan yang lain.", step.cells[key])
        elif not 1 <= branch.target <= len(sop.steps):
            findings.error(f"{title} menunjuk ke langkah {branch.target}, padahal langkah hanya 1 sampai "
                           f"{len(sop.steps)}.", step.cells[key])


def _check_flow(sop: Sop, findings: Findings) -> None:
    """Every activity can be reached from the first, and the end can be reached from every one."""
    if _each_leads_to_the_next(sop.steps):
        return
    after = {s.number: [b.target for b in sop.exits(s)] for s in sop.steps}
    before: dict[int, list[int]] = {}
    for source, targets in after.items():
        for target in targets:
            before.setdefault(target, []).append(source)
    reached = _closure({1}, after)
    finishing = _closure({s.number for s in sop.steps if s.final}, before)
    for step in sop.steps:
        if step.number not in reached:
            findings.error(f"Langkah {step.number} tidak pernah dicapai dari langkah 1; periksa \"Jika Ya\"/"
                           "\"Jika Tidak\" langkah sebelumnya.", step.cells["no"])
        elif step.number not in finishing:
            findings.error(f"Dari langkah {step.number} alur tidak pernah sampai ke akhir (berputar terus); "
                           "periksa \"Jika Ya\"/\"Jika Tidak\".", step.cells["no"])


def _each_leads_to_the_next(steps: list[Step]) -> bool:
    """Whether each step leads on to the next and only the last ends the flow (most SOPs): every
    `Jika Ya` is empty or names the next step, and no step before the last ends the flow. Then
    every step is reached from the first and reaches the end along that line, whatever their
    `Jika Tidak` (valid step numbers, as checked before) add."""
    *body, last = steps
    return last.final and last.yes is None and not any(
        s.final or (s.yes is not None and s.yes.target != s.number + 1) for s in body)


def _closure(start: set[int], edges: dict[int, list[int]]) -> set[int]:
    seen, todo = set(start), list(start)
    while todo:
        for nxt in edges.get(todo.pop(), []):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def _check_duplicates(doc: Dokumen, findings: Findings) -> None:
    for attr, label in (("nomor", "Nomor SOP"), ("nama", "Nama SOP")):
        keys = [label_key(getattr(sop, attr)) for sop in doc.sops]
        counts = Counter(keys)
        seen: dict[str, str] = {}
        for sop, key in zip(doc.sops, keys):
            if key and counts[key] > 1:
                if key in seen:
                    findings.error(f"{label} \"{getattr(sop, attr)}\" sama dengan di {seen[key]}; "
                                   "setiap SOP harus punya nomor dan nama sendiri.", cell_of(sop, attr, ""))
                else:
                    seen[key] = sop.place


def _check_sp(sp: StandarPelayanan, doc: Dokumen, findings: Findings) -> None:
    if not sp.jenis_pelayanan:
        findings.error("\"Jenis Pelayanan\" belum diisi; tulis nama layanannya di kolom B.",
                       cell_of(sp, "jenis_pelayanan"))
    for komponen in KOMPONEN:
        if komponen.group == "A" and not sp.uraian.get(komponen.key):
            findings.warning(f"Komponen \"{komponen.label}\" belum diisi; dicetak kosong. Isi di kolom B baris "
                             "berlabel itu.", cell_of(sp, komponen.key))
