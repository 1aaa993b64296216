"""Reading the flat layout: sheet `Daftar SOP` (one row per SOP) and sheet `Langkah` (one row
per activity), beside the usual `Instansi` sheet. See the package README for the columns.

An SOP of this layout lives on two sheets: each flat SOP is a `FlatSop` whose identity cells
are CellRefs on sheet Daftar SOP and whose step cells are CellRefs on sheet Langkah, so that
every finding, validation's too, points at the real sheet and cell. Its `sheet` is a name of its
own, `Langkah (ID <id>)`, and its `place` (how messages name it) is `sheet "Daftar SOP" (ID <id>)`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from sopdocs.findings import Findings
from sopdocs.model import CellRef, Dokumen, Pejabat, Sop, Step, assign_symbols
from sopdocs.reader import labels, read_default
from sopdocs.reader.sheets import SheetReader
from sopdocs.reader.table import read_branch
from sopdocs.reader.values import (
    EMPTY_MARKS, SYMBOL_LETTERS, as_text, label_key, list_items, parse_date, parse_waktu,
)
from sopdocs.reader.xlsx import Sheet, cell_name

DAFTAR = label_key("Daftar SOP")
LANGKAH = label_key("Langkah")
HEADER_ROWS = 20  # the header row is searched for among the first rows
ACTOR_SEPARATOR = re.compile(r"\s*;\s*|\s+\+\s+|\s*\n\s*")


def _columns(pairs: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {label_key(label): name for name, names in pairs.items() for label in names}


# Daftar SOP: the SOP sheet labels of the default layout (and a profile's aliases) are the column
# titles, plus an ID.
DAFTAR_EXTRA = _columns({
    "id": ("ID", "ID SOP", "Kode", "Kode SOP"),
    "pelaksana": ("Pelaksana", "Urutan Pelaksana"),  # optional: the actor columns in print order
})
LANGKAH_COLUMNS = labels.COLUMNS | _columns({
    "id_sop": ("ID SOP", "ID", "Kode SOP"),
    "no": ("No", "No.", "Nomor", "No Langkah", "Langkah"),
    "kegiatan": ("Kegiatan", "Uraian Kegiatan", "Uraian Prosedur"),
    "pelaksana": ("Pelaksana",),
    "simbol": ("Simbol",),
})


@dataclass
class FlatSop(Sop):
    """An SOP read from the flat layout: its ID and the two sheets it comes from."""

    sop_id: str = ""
    daftar_sheet: str = ""
    langkah_sheet: str = ""

    @property
    def place(self) -> str:
        return f"sheet \"{self.daftar_sheet}\" (ID {self.sop_id})"


def find_sheets(sheets: list[Sheet]) -> tuple[Sheet, Sheet] | None:
    """(Daftar SOP, Langkah), or None when the workbook lacks either: not the flat layout."""
    daftar = next((s for s in sheets if label_key(s.name) == DAFTAR), None)
    langkah = next((s for s in sheets if label_key(s.name) == LANGKAH), None)
    return (daftar, langkah) if daftar and langkah else None


def read_flat(path: Path, sheets: list[Sheet], findings: Findings,
              aliases: dict[str, tuple[str, ...]] | None = None) -> Dokumen | None:
    """The model of a flat workbook, or None when it is not one; `aliases` are a profile's extra
    spellings of the SOP identity labels (here: column titles of Daftar SOP)."""
    found = find_sheets(sheets)
    if found is None:
        return None
    daftar, langkah = found

    def own_sheets(sheet: Sheet) -> list[Sop] | None:
        if sheet is daftar:
            sops = read_daftar(SheetReader(daftar, findings), langkah.name, labels.sop_labels(aliases) | DAFTAR_EXTRA)
            read_langkah(SheetReader(langkah, findings), sops)
            return list(sops.values())
        return [] if sheet is langkah else None

    # every other sheet (Instansi, SOP sheets of the default layout beside the flat ones, SP) as usual
    return read_default(path, sheets, findings, aliases, own_sheets)


def _header(reader: SheetReader, columns: dict[str, str], required: tuple[str, ...]) -> tuple[int, dict[str, int]] | None:
    """(header row, {field: column}) of the first row naming every `required` field."""
    for row in range(min(HEADER_ROWS, len(reader.sheet.rows))):
        found: dict[str, int] = {}
        for col, value in enumerate(reader.sheet.rows[row]):
            name = columns.get(label_key(as_text(value))) if value != "" else None
            if name and name not in found:
                found[name] = col
        if all(name in found for name in required):
            for col, value in enumerate(reader.sheet.rows[row]):
                if value != "" and label_key(as_text(value)) not in columns:
                    reader.findings.info(f"Kolom \"{as_text(value)}\" tidak dikenal; isinya tidak dipakai.",
                                         reader.name, cell_name(row, col))
            return row, found
    return None


def _blank(reader: SheetReader, row: int, columns: dict[str, int]) -> bool:
    return all(as_text(reader.raw(row, col)).strip() == "" for col in columns.values())


def read_daftar(reader: SheetReader, langkah_name: str, columns: dict[str, str]) -> dict[str, FlatSop]:
    """The SOPs listed on sheet Daftar SOP, by ID (label key), in row order; `columns` maps column
    titles to fields."""
    header = _header(reader, columns, ("id", "nama"))
    if header is None:
        reader.error("A1", "Baris judul kolom tidak ditemukan: sheet Daftar SOP perlu satu baris berisi paling "
                           "sedikit kolom \"ID\" dan \"Nama SOP\" (lihat README plugin sopdocs-flat-reader).")
        return {}
    top, columns = header
    sops: dict[str, FlatSop] = {}
    for row in range(top + 1, len(reader.sheet.rows)):
        if _blank(reader, row, columns):
            continue
        id_cell = cell_name(row, columns["id"])
        sop_id = reader.text(row, columns["id"]).replace("\n", " ").strip()
        if not sop_id:
            reader.error(id_cell, "ID SOP kosong; isi ID yang unik (mis. SOP-01). ID yang sama ditulis di kolom "
                                  f"\"ID SOP\" sheet {langkah_name} untuk setiap kegiatan SOP ini.")
            continue
        if label_key(sop_id) in sops:
            first = sops[label_key(sop_id)]
            reader.error(id_cell, f"ID \"{sop_id}\" sudah dipakai di {first.cells['id']}; setiap SOP perlu ID "
                                  "sendiri.")
            continue
        sops[label_key(sop_id)] = _sop(reader, row, columns, sop_id, langkah_name)
    return sops


def _sop(reader: SheetReader, row: int, columns: dict[str, int], sop_id: str, langkah_name: str) -> FlatSop:
    def text(name: str) -> str:
        return reader.text(row, columns[name]).replace("\n", " ").strip() if name in columns else ""

    def items(name: str) -> list[str]:
        return list_items(reader.text(row, columns[name])) if name in columns else []

    sop = FlatSop(
        nama=text("nama"), nomor=text("nomor"), unit_kerja=text("unit_kerja"),
        sheet=f"{langkah_name} (ID {sop_id})", sop_id=sop_id, daftar_sheet=reader.name, langkah_sheet=langkah_name,
        pengesah=Pejabat(jabatan=text("jabatan"), nama=text("nama_pejabat"), pangkat=text("pangkat"), nip=text("nip")),
    )
    for name in labels.SOP_DATES:
        setattr(sop, name, parse_date(reader.raw(row, columns[name])) if name in columns else parse_date(""))
    for name in labels.SOP_LISTS:
        setattr(sop, name, items(name))
    # The optional print order of the actors: one per line, or separated like in sheet Langkah.
    order = [name for line in items("pelaksana") for name in ACTOR_SEPARATOR.split(line) if name]
    first: dict[str, str] = {}
    for name in order:
        first.setdefault(label_key(name), name.strip())
    sop.actors = list(first.values())
    # Identity cells: on Daftar SOP; a missing column points at the row's ID.
    id_cell = reader.ref(row, columns["id"])
    fields = ("nomor", "nama", "unit_kerja", *labels.SOP_DATES, *labels.SOP_LISTS, "jabatan")
    sop.cells = {name: reader.ref(row, columns[name]) if name in columns else id_cell for name in fields}
    sop.cells["id"] = id_cell
    sop.actor_cells = [reader.ref(row, columns["pelaksana"])] * len(sop.actors) if sop.actors else []
    return sop


def read_langkah(reader: SheetReader, sops: dict[str, FlatSop]) -> None:
    """The activities on sheet Langkah, each added to the SOP its `ID SOP` names."""
    header = _header(reader, LANGKAH_COLUMNS, ("id_sop", "kegiatan", "pelaksana"))
    if header is None:
        reader.error("A1", "Baris judul kolom tidak ditemukan: sheet Langkah perlu satu baris berisi paling sedikit "
                           "kolom \"ID SOP\", \"Kegiatan\", dan \"Pelaksana\" (lihat README plugin sopdocs-flat-reader).")
        return
    top, columns = header
    letters: dict[int, str] = {}  # id(step) -> symbol letter
    for row in range(top + 1, len(reader.sheet.rows)):
        if _blank(reader, row, columns):
            continue
        id_cell = cell_name(row, columns["id_sop"])
        sop_id = reader.text(row, columns["id_sop"]).replace("\n", " ").strip()
        sop = sops.get(label_key(sop_id)) if sop_id else None
        if sop is None:
            known = ", ".join(s.sop_id for s in list(sops.values())[:5])
            reader.error(id_cell, (f"ID SOP \"{sop_id}\" tidak ada di sheet {_daftar_name(sops)}" if sop_id else
                                   "ID SOP kosong") + f"; tulis ID salah satu SOP{f' (mis. {known})' if known else ''}, "
                                                      "persis seperti di kolom ID sheet Daftar SOP.")
            continue
        step, letter = _step(reader, sop, row, columns)
        sop.steps.append(step)
        letters[id(step)] = letter
    for sop in sops.values():
        _finish(reader, sop, letters)


def _daftar_name(sops: dict[str, FlatSop]) -> str:
    return next(iter(sops.values())).daftar_sheet if sops else "Daftar SOP"


def _step(reader: SheetReader, sop: FlatSop, row: int, columns: dict[str, int]) -> tuple[Step, str]:
    def cell(name: str) -> CellRef:
        return reader.ref(row, columns[name] if name in columns else columns["id_sop"])

    def text(name: str) -> str:
        return reader.text(row, columns[name]) if name in columns else ""

    step = Step(number=_number(reader, sop, row, columns), kegiatan=text("kegiatan").strip(), actors=[],
                kelengkapan=text("kelengkapan"), output=text("output"), keterangan=text("keterangan"),
                cells={name: cell(name) for name in
                       ("no", "kegiatan", "pelaksana", "simbol", "kelengkapan", "waktu", "output", "keterangan",
                        "jika_ya", "jika_tidak")})
    step.actors = _actors(reader, sop, row, columns["pelaksana"])
    letter = _letter(reader, sop, row, columns)
    step.waktu = parse_waktu(reader.raw(row, columns["waktu"]) if "waktu" in columns else "")
    if step.waktu.text and not step.waktu.understood:
        example = f"{step.waktu.text} menit" if step.waktu.text.replace(",", "").isdigit() else "15 menit"
        reader.findings.warning(f"Waktu \"{step.waktu.text}\" tidak dikenali (dicetak apa adanya, tidak ikut "
                                f"dijumlahkan); tulis misalnya \"{example}\".", cell("waktu"))
    step.yes = read_branch(reader, row, columns, "jika_ya", "Jika Ya")
    step.no = read_branch(reader, row, columns, "jika_tidak", "Jika Tidak")
    return step, letter


def _number(reader: SheetReader, sop: FlatSop, row: int, columns: dict[str, int]) -> int:
    """The step number in column No; the next number when the column or the cell is empty."""
    following = len(sop.steps) + 1
    if "no" not in columns:
        return following
    raw = reader.raw(row, columns["no"])
    if isinstance(raw, (int, float)) and not isinstance(raw, bool) and float(raw).is_integer():
        return int(raw)
    text = as_text(raw).strip().rstrip(".")
    if text.isdigit():
        return int(text)
    if text:
        reader.findings.error(f"Nomor langkah \"{as_text(raw)}\" bukan angka; isi kolom No dengan 1, 2, 3, ... "
                              "(atau kosongkan agar diberi nomor berikutnya).", reader.ref(row, columns["no"]))
    return following


def _actors(reader: SheetReader, sop: FlatSop, row: int, col: int) -> list[int]:
    """The actor indexes of one activity; new actors join the SOP's columns in order of appearance."""
    cell = reader.ref(row, col)
    names = [n for n in ACTOR_SEPARATOR.split(reader.text(row, col).strip()) if n]
    if not names:
        reader.findings.error("Pelaksana kosong; tulis jabatan yang melaksanakan kegiatan ini (kegiatan bersama: "
                              "pisahkan beberapa jabatan dengan ; atau +, mis. \"Kasi Pelayanan; Kadis\").",
                              cell)
        return []
    keys = [label_key(a) for a in sop.actors]
    indexes = []
    for name in names:
        if label_key(name) not in keys:
            sop.actors.append(name)
            keys.append(label_key(name))
            sop.actor_cells.append(cell)
        if keys.index(label_key(name)) not in indexes:
            indexes.append(keys.index(label_key(name)))
    return sorted(indexes)


def _letter(reader: SheetReader, sop: FlatSop, row: int, columns: dict[str, int]) -> str:
    if "simbol" not in columns:
        return ""
    text = as_text(reader.raw(row, columns["simbol"])).strip()
    if text.lower() in EMPTY_MARKS:
        return ""
    if text.lower() in SYMBOL_LETTERS:
        return SYMBOL_LETTERS[text.lower()]
    reader.findings.error(f"Simbol \"{text}\" tidak dikenal; isi M (mulai), S (selesai), P (proses), atau K "
                          "(keputusan), atau kosongkan agar simbolnya dipilih otomatis.",
                          reader.ref(row, columns["simbol"]))
    return ""


def _finish(reader: SheetReader, sop: FlatSop, letters: dict[int, str]) -> None:
    """Steps in the order of their numbers; symbols as the default reader chooses them."""
    if not sop.steps:
        reader.findings.error(f"SOP \"{sop.nama or sop.sop_id}\" belum punya kegiatan: tambahkan baris di sheet "
                              f"{reader.name} dengan ID SOP \"{sop.sop_id}\".", sop.cells["id"])
        return
    sop.steps.sort(key=lambda s: s.number)
    sop.cells["tabel"] = sop.steps[0].cells["no"]
    assign_symbols(sop.steps, {step.number: letters.get(id(step), "") for step in sop.steps})


FLAT_HINT = ("Pada tata letak datar, urutan kolom pelaksana mengikuti urutan kemunculan di sheet Langkah; "
             "tetapkan urutannya di kolom Pelaksana sheet Daftar SOP.")


def hint_actor_order(doc: Dokumen, findings: Findings, start: int) -> None:
    """After each error (from `start` on) about joint actors that are not adjacent in a flat SOP, a note at
    the same cell on how the flat layout orders the actor columns."""
    langkah = {sop.langkah_sheet for sop in doc.sops if isinstance(sop, FlatSop)}
    for finding in list(findings[start:]):
        if finding.is_error and finding.sheet in langkah and "tidak bersebelahan" in finding.message:
            findings.info(FLAT_HINT, finding.ref)
