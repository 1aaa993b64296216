"""Reading the three kinds of sheet: Instansi, SOP and Standar Pelayanan."""
from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from ..findings import WARNING, Findings
from ..model import KOMPONEN, CellRef, Instansi, Pejabat, Sop, StandarPelayanan, cell_of
from . import labels
from .cells import FieldCells
from .values import as_text, label_key, list_items, parse_date, strip_control
from .table import heads_table, read_table
from .xlsx import Sheet, cell_name

IMAGE_SIGNATURES = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"BM")
FLOAT_EXACT_LIMIT = 10**15  # Excel keeps 15 significant digits: longer numbers lose their last digits
LABEL_AND_VALUE = ((0, 1),)  # the columns a label row uses: A and B
SOP_REFERENCE = re.compile(r"^\s*sop\s*:\s*(.+)$", re.I | re.S)  # `SOP: <Nama SOP or Nomor SOP>`


class SheetReader:
    """One sheet and the findings it adds to: cell text, `label | value` blocks, and the cells
    used. Nothing typed may vanish without a word: `finish` names every non-empty cell that was
    neither used (`use`) nor named by a finding of the reader (`report`)."""

    def __init__(self, sheet: Sheet, findings: Findings):
        self.sheet = sheet
        self.name = sheet.name
        self.findings = findings
        self.covered: dict[int, tuple[tuple[int, int], ...]] = {}  # row -> ((first col, last col), ...) used or reported
        for cell in sheet.formulas_without_value:
            self.warning(cell, "Sel berisi rumus tetapi nilainya tidak tersimpan di file (mis. dibuat oleh "
                               "program lain); buka workbook di Excel lalu simpan ulang, atau ketik nilainya langsung.")
        for cell, error in sheet.error_values.items():
            self.warning(cell, f"Sel menampilkan galat rumus {error} sehingga dibaca kosong; perbaiki rumusnya atau "
                               "ketik nilainya langsung.")

    def ref(self, row: int, col: int) -> CellRef:
        return CellRef(self.name, cell_name(row, col))

    def range_ref(self, row: int, col: int, last_row: int, last_col: int) -> CellRef:
        """The CellRef of the range (row, col) to (last_row, last_col); one cell when they are equal."""
        first, last = cell_name(row, col), cell_name(last_row, last_col)
        return CellRef(self.name, first if last == first else f"{first}:{last}")

    def error(self, cell: str | CellRef, message: str) -> None:
        self.findings.error(message, cell if isinstance(cell, CellRef) else CellRef(self.name, cell))

    def warning(self, cell: str | CellRef, message: str) -> None:
        self.findings.warning(message, cell if isinstance(cell, CellRef) else CellRef(self.name, cell))

    def use(self, row: int, first_col: int, last_col: int | None = None) -> None:
        """Cells of one row that go into the model (or are understood as structure)."""
        self.use_columns(row, ((first_col, first_col if last_col is None else last_col),))

    def use_columns(self, row: int, spans: tuple[tuple[int, int], ...]) -> None:
        # Tuples, shared where they can be: an activity row takes its table's spans as they are.
        self.covered[row] = self.covered.get(row, ()) + spans

    def report(self, level: str, message: str, rows: tuple[int, int], cols: tuple[int, int]) -> None:
        """A finding naming the range rows x cols (inclusive), whose cells it accounts for."""
        self.findings.add(level, message, self.range_ref(rows[0], cols[0], rows[1], cols[1]))
        for row in range(rows[0], rows[1] + 1):
            self.use(row, *cols)

    def finish(self) -> None:
        """A note at every non-empty cell nothing has used or named, a column's run at a time."""
        stray: dict[int, list[int]] = {}  # col -> rows
        covered = self.covered
        for r, row in enumerate(self.sheet.rows):
            spans = covered.get(r)
            if spans and len(spans) == 1 and spans[0][0] == 0:  # most rows: one span from column A
                rest = row[spans[0][1] + 1:]
                if rest.count("") == len(rest):
                    continue
            elif row.count("") == len(row):  # blank rows
                continue
            start = 0
            for c0, c1 in sorted(spans or ()) + [(len(row), len(row))]:
                if c0 > start and row[start:c0].count("") != c0 - start:
                    for c in range(start, c0):
                        if row[c] != "":
                            stray.setdefault(c, []).append(r)
                start = max(start, c1 + 1)
        for col, rows in sorted(stray.items()):
            for first, last in self._runs(col, rows):
                sample = as_text(self.raw(first, col)).replace("\n", " ")
                sample = sample if len(sample) <= 40 else sample[:37] + "..."
                more = " dan sel di bawahnya" if last > first else ""
                self.findings.info(f"Isi \"{sample}\"{more} berada di luar label, isian, dan tabel kegiatan, sehingga "
                                   "tidak dibaca dan tidak dicetak; bila perlu dicetak, pindahkan ke kolom B baris "
                                   "berlabel yang sesuai atau ke kolom tabel yang dikenal (lihat sheet Petunjuk).",
                                   self.range_ref(first, col, last, col))

    def _runs(self, col: int, rows: list[int]) -> list[tuple[int, int]]:
        """Rows of one column grouped into runs that no used cell of the column interrupts."""
        runs = [[rows[0], rows[0]]]
        for row in rows[1:]:
            between = range(runs[-1][1] + 1, row)
            if any(c0 <= col <= c1 for r in between for c0, c1 in self.covered.get(r, ())):
                runs.append([row, row])
            else:
                runs[-1][1] = row
        return [(a, b) for a, b in runs]

    def raw(self, row: int, col: int):
        return self.sheet.value(row, col)

    def text(self, row: int, col: int) -> str:
        """The cell as clean text: control characters removed (with a warning)."""
        return self.text_of(self.raw(row, col), row, col)

    def text_of(self, value, row: int, col: int) -> str:
        """`text` of a value already taken from the cell at (row, col)."""
        if type(value) is str and value.isprintable():  # most cells: nothing to clean, nothing to warn about
            return value.strip()
        if isinstance(value, float) and abs(value) >= FLOAT_EXACT_LIMIT:
            self.warning(cell_name(row, col), "Angka panjang (mis. NIP) diketik sebagai angka sehingga digit "
                                              "akhirnya berubah; ketik ulang sebagai teks (awali dengan tanda ').")
        text, had_control = strip_control(as_text(value))
        if had_control:
            self.warning(cell_name(row, col), "Teks berisi karakter kontrol yang tidak bisa masuk dokumen Word; "
                                              "karakter itu dibuang.")
        return text

    def label_block(self, table: dict[str, str], lists: set[str], names: dict[str, tuple[str, ...]],
                    ends_at: Callable[[str, list], bool] | None = None,
                    ) -> tuple[dict[str, tuple[object, int]], int | None]:
        """Fields of the `label | value` block at the top of the sheet, {field: (value, row)}, and
        the row that ends it: the first for which `ends_at(label key, values)` holds (the
        activity table's header), or None when the block runs to the end of the sheet. `names`
        are the printed labels, for hints about unknown ones.

        A list's value continues on the following rows whose column A is empty. Scalar values
        are returned raw (dates need the Excel value), lists as lists of items. A text alone in
        column A that resembles no label is a heading.
        """
        found: dict[str, tuple[object, int]] = {}
        current = None
        for row, cells in enumerate(self.sheet.rows):
            label = cells[0] if cells else ""
            value = cells[1] if len(cells) > 1 else ""
            if label == "" or label is None:
                if current in lists and value != "":
                    found[current][0].extend(list_items(self.text_of(value, row, 1)))
                    self.use_columns(row, LABEL_AND_VALUE)  # the empty label cell belongs to the list too
                continue
            key = label_key(label if type(label) is str else as_text(label))  # label_key strips
            if ends_at is not None and ends_at(key, cells):
                return found, row
            current = table.get(key)
            if current is None:
                self._unknown_label(row, as_text(label), table, names)
            elif current in found:
                self.report(WARNING, f"Label \"{as_text(label)}\" ditulis dua kali; yang dipakai yang pertama "
                                     f"({cell_name(found[current][1], 0)}), isian baris ini tidak dipakai.",
                            (row, row), (0, 1))
                current = None
            else:
                self.use_columns(row, LABEL_AND_VALUE)
                found[current] = ((list_items(self.text_of(value, row, 1)) if current in lists else value), row)
        return found, None

    def _unknown_label(self, row: int, label: str, table: dict[str, str], names: dict[str, tuple[str, ...]]) -> None:
        has_value = self.raw(row, 1) != ""
        # Alone in column A, a text is a heading unless it is nearly a label (a typo whose value is missing).
        near = labels.nearest(label_key(label), table, names, 0.6 if has_value else 0.85)
        if not has_value and not near:
            self.use(row, 0)  # a heading such as TABEL KEGIATAN
            return
        lost = f"; isiannya ({cell_name(row, 1)}) tidak dipakai" if has_value else ""
        hint = (f"Mungkin maksudnya: {', '.join(near)}." if near else
                "Pakai salah satu label yang dikenal (lihat sheet Petunjuk), atau hapus baris ini.")
        self.report(WARNING, f"Label \"{label}\" tidak dikenal{lost}. {hint}", (row, row), (0, 1 if has_value else 0))

    def scalar(self, block: dict, name: str) -> str:
        if name not in block:
            return ""
        value, row = block[name]
        return self.text_of(value, row, 1).replace("\n", " ").strip() if value != "" else ""

    def cells(self, block: dict) -> FieldCells:
        return FieldCells(self.name, {name: row for name, (_, row) in block.items()})


def _pejabat(reader: SheetReader, block: dict, nama_field: str) -> Pejabat:
    return Pejabat(
        jabatan=reader.scalar(block, "jabatan"),
        nama=reader.scalar(block, nama_field),
        pangkat=reader.scalar(block, "pangkat"),
        nip=reader.scalar(block, "nip"),
    )


def read_instansi(reader: SheetReader, folder: Path) -> Instansi:
    block, _ = reader.label_block(labels.INSTANSI, labels.INSTANSI_LISTS, labels.INSTANSI_NAMES)
    text = lambda name: reader.scalar(block, name)  # noqa: E731
    instansi = Instansi(
        sheet=reader.name,
        pemerintah=text("pemerintah"),
        nama=text("nama"),
        singkatan=text("singkatan"),
        alamat=text("alamat"),
        tahun=text("tahun"),
        pimpinan=_pejabat(reader, block, "nama_pimpinan"),
        tempat_penetapan=text("tempat_penetapan"),
        nomor_keputusan=text("nomor_keputusan"),
        tanggal_keputusan=parse_date(block.get("tanggal_keputusan", ("", 0))[0]),
        ruang_lingkup=block.get("ruang_lingkup", ([], 0))[0],
        ringkasan=block.get("ringkasan", ([], 0))[0],
        definisi=block.get("definisi", ([], 0))[0],
        maklumat=reader.text(block["maklumat"][1], 1) if "maklumat" in block else "",
        cells=reader.cells(block),
    )
    if text("profil"):
        instansi.profil = text("profil")
    instansi.logo = _logo(reader, folder, text("logo"), cell_of(instansi, "logo", "B1"))
    reader.finish()
    return instansi


def _logo(reader: SheetReader, folder: Path, name: str, cell: CellRef) -> bytes | None:
    if name:
        path = (folder / name.replace("\\", "/")).resolve()  # typed on Windows: gambar\logo.png
        if not path.is_relative_to(folder.resolve()):  # workbook text never reaches other files (web uploads)
            reader.warning(cell, f"File logo \"{name}\" berada di luar folder workbook; dokumen dibuat tanpa logo. "
                                 "Salin file gambar ke folder workbook (atau subfoldernya) dan tulis namanya saja, "
                                 "atau tempel gambarnya di sheet ini.")
            return None
        if not path.is_file():
            reader.warning(cell, f"File logo \"{name}\" tidak ditemukan di folder workbook; dokumen dibuat tanpa "
                                 "logo. Letakkan file gambar di samping workbook atau tempel gambarnya di sheet ini.")
            return None
        data = path.read_bytes()
    elif reader.sheet.images:
        data = reader.sheet.images[0]
    else:
        return None
    if not data.startswith(IMAGE_SIGNATURES):
        reader.warning(cell, "Logo bukan gambar PNG, JPG, GIF, atau BMP; dokumen dibuat tanpa logo. "
                             "Simpan logo sebagai PNG.")
        return None
    return data


def read_sop(reader: SheetReader, aliases: dict[str, tuple[str, ...]] | None = None) -> Sop:
    """An SOP sheet; `aliases` are a profile's extra spellings of the identity labels."""
    block, header = reader.label_block(labels.sop_labels(aliases), labels.SOP_LISTS, labels.SOP_NAMES, heads_table)
    text = lambda name: reader.scalar(block, name)  # noqa: E731
    sop = Sop(
        nama=text("nama"),
        sheet=reader.name,
        nomor=text("nomor"),
        unit_kerja=text("unit_kerja"),
        pengesah=_pejabat(reader, block, "nama_pejabat"),
        cells=reader.cells(block),
    )
    for name in labels.SOP_DATES:
        setattr(sop, name, parse_date(block.get(name, ("", 0))[0]))
    for name in labels.SOP_LISTS:
        setattr(sop, name, block.get(name, ([], 0))[0])
    if header is None:
        reader.error("A1", "Tabel kegiatan tidak ditemukan: tidak ada baris dengan \"No\" di kolom A dan "
                           "\"Kegiatan\" di kolom B. Tambahkan baris judul tabel di bawah bagian identitas.")
    else:
        sop.cells["tabel"] = reader.ref(header, 0)
        read_table(reader, sop, header)
    reader.finish()
    return sop


def read_sp(reader: SheetReader) -> StandarPelayanan:
    block, _ = reader.label_block(labels.SP, {k.key for k in KOMPONEN}, labels.SP_NAMES)
    sp = StandarPelayanan(
        jenis_pelayanan=reader.scalar(block, "jenis_pelayanan"),
        sheet=reader.name,
        uraian={k.key: block[k.key][0] for k in KOMPONEN if k.key in block},
        cells=reader.cells(block),
    )
    prosedur = sp.uraian.get("prosedur", [])
    if prosedur and (m := SOP_REFERENCE.match(prosedur[0])):
        sp.sop_ref = m.group(1).strip()
    reader.finish()
    return sp
