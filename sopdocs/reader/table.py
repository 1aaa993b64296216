"""The activity table of an SOP sheet, read the way real SOP books print it.

Headers are read by meaning: known mutu baku and table words (with their variants and a unit in
parentheses) are columns, never actors; whatever stands under the `Pelaksana` group header, or
between Kegiatan and the first known column, is an actor. The table's rows are every row below
the header up to the last one with a step number or a Kegiatan; blank rows between them are
skipped with a note. A Keterangan or mutu baku cell merged over several activity rows belongs
to all of them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..findings import WARNING
from ..model import Branch, Sop, Step, Waktu, assign_symbols
from . import labels
from .cells import RowCells
from .values import EMPTY_MARKS, UNIT, as_text, label_key, parse_branch, parse_mark, parse_waktu
from .xlsx import cell_name

if TYPE_CHECKING:
    from .sheets import SheetReader

NEXT_STEP = {"ya", "y", "lanjut", "lanjutkan", "berikutnya"}  # in `Jika Ya`: simply the next step
MUTU_BAKU_GROUP = label_key("Mutu Baku")
KNOWN_TITLES = "Kelengkapan, Waktu, Output, Keterangan, Jika Ya, Jika Tidak"


@dataclass
class Columns:
    """Where the table's parts are: actor columns in print order, {field: column} for the
    known columns after them, the unit a header gives (`Waktu (Menit)`), unknown columns."""

    actors: list[int] = field(default_factory=list)
    fields: dict[str, int] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)
    unknown: list[tuple[int, str]] = field(default_factory=list)

    @property
    def last(self) -> int:
        return max([1, *self.actors, *self.fields.values(), *(c for c, _ in self.unknown)])

    def used(self) -> tuple[tuple[int, int], ...]:
        """The column spans a step row takes its values from, adjacent columns joined."""
        spans: list[list[int]] = []
        for col in sorted({0, 1, *self.actors, *self.fields.values()}):
            if spans and spans[-1][1] == col - 1:
                spans[-1][1] = col
            else:
                spans.append([col, col])
        return tuple((a, b) for a, b in spans)


def heads_table(key: str, values: list) -> bool:
    """Whether a row heads the activity table: a No word in column A (whose label key is `key`)
    and a Kegiatan word in column B."""
    # The cheap test first: the rows above the table are labels, and few start with "no".
    return (key[:2] == "no" and labels.header_key(key)[0] in labels.NO_HEADERS and len(values) > 1
            and labels.header_key(as_text(values[1]))[0] in labels.KEGIATAN_HEADERS)


def read_table(reader: SheetReader, sop: Sop, header: int) -> None:
    below = header + 1
    two_rows = (any(labels.header_key(as_text(v))[0] in labels.GROUP_HEADERS for v in reader.sheet.rows[header][2:])
                and reader.raw(below, 0) == "" and reader.raw(below, 1) == "")  # No, Kegiatan merged down
    names_row = below if two_rows else header
    columns = _columns(reader, header, names_row, two_rows)
    sop.actors = [reader.text(names_row, c).replace("\n", " ") or reader.text(header, c) for c in columns.actors]
    sop.actor_cells = [reader.ref(names_row, c) for c in columns.actors]
    if not columns.actors:
        reader.error(cell_name(names_row, 2), "Tidak ada kolom pelaksana: tulis nama jabatan pelaksana di "
                                              "sebelah kanan \"Kegiatan\", sebelum \"Kelengkapan\".")
    width = len(reader.sheet.rows[header])
    for row in range(header, names_row + 1):
        reader.use(row, 0, width - 1)
    first, end = names_row + 1, _table_end(reader, names_row + 1)
    for col, title in columns.unknown:
        reader.report(WARNING, f"Kolom \"{title}\" tidak dikenal sebagai pelaksana atau mutu baku, sehingga isinya "
                               "tidak dicetak. Bila kolom ini pelaksana, pindahkan ke antara Kegiatan dan "
                               f"Kelengkapan; bila bukan, beri judul salah satu dari: {KNOWN_TITLES}.",
                      (header, max(names_row, end - 1)), (col, col))
    across, down = _merged(reader, (first, end), columns)
    step_rows, spans, width = _StepRows(reader, sop, columns, across), columns.used(), columns.last + 1
    by_row, grid = {}, reader.sheet.rows
    for row in range(first, end):
        values = grid[row][:width]
        if values.count("") == len(values):
            reader.findings.info(f"Baris {row + 1} kosong di tengah tabel kegiatan; dilewati (kegiatan di bawahnya "
                                 "tetap dibaca).", reader.ref(row, 0))
            continue
        if len(values) < width:  # a grid built by hand may have shorter rows
            values += [""] * (width - len(values))
        step = step_rows.read(row, values)
        sop.steps.append(step)
        by_row[row] = step
        reader.use_columns(row, spans)
    _share_merged(reader, by_row, down, columns)
    assign_symbols(sop.steps, step_rows.letters)


def _columns(reader: SheetReader, header: int, names_row: int, two_rows: bool) -> Columns:
    columns = Columns()
    group = _pelaksana_span(reader, header) if two_rows else None
    width = max(len(reader.sheet.rows[header]), len(reader.sheet.rows[names_row]) if names_row < len(reader.sheet.rows) else 0)
    for col in range(2, width):
        name = as_text(reader.raw(names_row, col)) if two_rows else ""
        title = name or as_text(reader.raw(header, col))
        key, unit = labels.header_key(title)
        if not title or key == MUTU_BAKU_GROUP or (key == labels.PELAKSANA_GROUP and two_rows and not name):
            continue  # the group headers above the actors and the mutu baku
        field_name = labels.COLUMNS.get(key)
        if field_name and field_name not in columns.fields:
            columns.fields[field_name] = col
            if unit in UNIT:
                columns.units[field_name] = UNIT[unit]
        elif not field_name and (not columns.fields or (group and group[0] <= col <= group[1])):
            columns.actors.append(col)
        else:
            columns.unknown.append((col, title.replace("\n", " ")))
    return columns


def _pelaksana_span(reader: SheetReader, header: int) -> tuple[int, int] | None:
    """The columns under the `Pelaksana` group header: its merge, or up to the next header word."""
    row = reader.sheet.rows[header]
    start = next((c for c in range(2, len(row)) if labels.header_key(as_text(row[c]))[0] == labels.PELAKSANA_GROUP), None)
    if start is None:
        return None
    for r0, c0, r1, c1 in reader.sheet.merged:
        if r0 == header and c0 == start:
            return start, c1
    end = next((c for c in range(start + 1, len(row)) if row[c] != ""), len(row))
    return start, end - 1


def _table_end(reader: SheetReader, first: int) -> int:
    """One past the last activity row: a step number in column A, or a Kegiatan under an empty A
    (a word in A, such as `Catatan`, starts a note below the table, not an activity)."""
    for row in range(len(reader.sheet.rows) - 1, first - 1, -1):
        number = reader.raw(row, 0)
        if (number == "" and reader.raw(row, 1) != "") or _number(number) is not None:
            return row + 1
    return first


def _number(value) -> int | None:
    if type(value) is float and value.is_integer():  # most step numbers: Excel keeps numbers as floats
        return int(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and float(value).is_integer():
        return int(value)
    text = as_text(value).strip().rstrip(".")
    return int(text) if text.isdigit() else None


def _merged(reader: SheetReader, rows: tuple[int, int], columns: Columns) -> tuple[dict, dict]:
    """Merged cells in the table's rows [first, end): horizontal merges over actor columns mean a joint
    activity ({(row, first col): last col}); a Keterangan or mutu baku cell merged down is shared by its
    rows ({(first row, col): last row}); any other merge is reported, because its rows cannot be read."""
    across, down = {}, {}
    shared = {columns.fields[f] for f in labels.MUTU_BAKU if f in columns.fields}
    for r0, c0, r1, c1 in reader.sheet.merged:
        if r1 < rows[0] or r0 >= rows[1] or c0 > columns.last:
            continue  # above, below or beside the table
        if r0 == r1 and c0 in columns.actors and c1 in columns.actors:
            across[(r0, c0)] = c1
        elif c0 == c1 and c0 in shared and r0 >= rows[0]:
            down[(r0, c0)] = min(r1, rows[1] - 1)
        else:
            ref = f"{cell_name(r0, c0)}:{cell_name(r1, c1)}"
            reader.error(cell_name(r0, c0), f"Sel gabungan (merge) {ref} di tabel kegiatan membuat isi baris tidak "
                                            "jelas; pisahkan (Unmerge) dan isi setiap baris sendiri-sendiri. (Hanya "
                                            "Kelengkapan, Waktu, Output, dan Keterangan boleh digabung ke bawah, dan "
                                            "tanda pelaksana ke samping untuk kegiatan bersama.)")
    return across, down


def _share_merged(reader: SheetReader, by_row: dict[int, Step], down: dict, columns: Columns) -> None:
    """Give every step under a merged Keterangan or mutu baku cell the value of its first row. A
    shared Waktu is counted once in the totals: the other rows keep its text only."""
    names = {col: name for name, col in columns.fields.items()}
    for (r0, col), r1 in down.items():
        first, name = by_row.get(r0), names[col]
        if first is None:
            continue
        for row in range(r0 + 1, r1 + 1):
            step = by_row.get(row)
            if step is None:
                continue
            value = getattr(first, name)
            setattr(step, name, Waktu(value.text) if name == "waktu" else value)
            step.merged[name] = first.number
            step.cells[name] = first.cells[name]


class _StepRows:
    """Reads the table's activity rows into steps. Where each part is (the columns, the unit of
    Waktu, the joint marks) is worked out once for the table: a region has tens of thousands of
    rows, so a row's values are taken from its list, not cell by cell through the reader."""

    def __init__(self, reader: SheetReader, sop: Sop, columns: Columns, across: dict):
        self.reader, self.sop, self.across = reader, sop, across
        fields = columns.fields
        self.texts = tuple(fields.get(name) for name in ("kelengkapan", "output", "keterangan"))
        self.waktu, self.unit = fields.get("waktu"), columns.units.get("waktu")
        self.yes, self.no = fields.get("jika_ya"), fields.get("jika_tidak")
        self.actor_index = {col: index for index, col in enumerate(columns.actors)}
        self.first_actor = columns.actors[0] if columns.actors else 2
        self.cells = {"no": 0, "kegiatan": 1, **fields}  # shared by the rows' RowCells
        self.letters: dict[int, str] = {}  # step number -> the symbol letter its marks give

    def read(self, row: int, values: list) -> Step:
        """The step of one row (`values`, as wide as the table); its symbol letter into `letters`."""
        reader, text = self.reader, self.reader.text_of
        number = _number(values[0])
        if number is None:
            reader.error(cell_name(row, 0), f"Nomor langkah \"{as_text(values[0])}\" bukan angka; isi kolom No "
                                            "dengan 1, 2, 3, ...")
            number = len(self.sop.steps) + 1
        kelengkapan, output, keterangan = self.texts
        step = Step(number=number, kegiatan=text(values[1], row, 1), actors=[],
                    kelengkapan="" if kelengkapan is None else text(values[kelengkapan], row, kelengkapan),
                    waktu=self._waktu(values),
                    output="" if output is None else text(values[output], row, output),
                    keterangan="" if keterangan is None else text(values[keterangan], row, keterangan),
                    cells=RowCells(reader.name, row, self.cells, self.first_actor))
        self._marks(step, row, values)
        if step.waktu.text and not step.waktu.understood:
            example = f"{step.waktu.text} menit" if step.waktu.text.replace(",", "").isdigit() else "15 menit"
            reader.warning(step.cells["waktu"], f"Waktu \"{step.waktu.text}\" tidak dikenali (dicetak apa adanya, "
                                                f"tidak ikut dijumlahkan); tulis misalnya \"{example}\", atau tulis "
                                                "satuannya di judul kolom: Waktu (Menit).")
        if self.yes is not None and values[self.yes] != "":  # most rows: no branch written
            step.yes = _branch(reader, row, self.yes, "jika_ya", "Jika Ya")
        if self.no is not None and values[self.no] != "":
            step.no = _branch(reader, row, self.no, "jika_tidak", "Jika Tidak")
        return step

    def _waktu(self, values: list) -> Waktu:
        """The Waktu of a row; a bare number takes the unit of the column's header (`Waktu (Menit)`)."""
        raw = "" if self.waktu is None else values[self.waktu]
        if self.unit and raw != "":
            text = as_text(raw)
            if text.replace(",", "", 1).replace(".", "", 1).isdigit():
                return parse_waktu(f"{text} {self.unit}")
        return parse_waktu(raw)

    def _marks(self, step: Step, row: int, values: list) -> None:
        """The actors marked in the row, into `step`; the symbol letter the marks give, into `letters`."""
        letters = set()
        for col, index in self.actor_index.items():
            if values[col] == "":  # most actor cells
                continue
            marked, letter, known = parse_mark(values[col])
            if not known:
                self.reader.error(cell_name(row, col), f"Tanda \"{as_text(values[col])}\" tidak dikenal; pakai x "
                                                       "untuk menandai pelaksana, atau huruf M (mulai), S (selesai), "
                                                       "P (proses), K (keputusan) untuk sekaligus memilih simbol.")
            if not marked:
                continue
            if not step.actors:  # point findings about the actors at the first mark, not an empty cell
                step.cells.mark = col
            if (row, col) in self.across:  # the mark is merged across actor columns: a joint activity
                last = self.across[(row, col)]
                step.actors.extend(i for c, i in self.actor_index.items() if col <= c <= last and i not in step.actors)
            elif index not in step.actors:
                step.actors.append(index)
            if letter:
                letters.add(letter)
        step.actors.sort()
        if len(letters) > 1:
            self.reader.error(step.cells["pelaksana"], f"Satu kegiatan diberi huruf simbol berbeda "
                                                       f"({', '.join(sorted(letters))}); pakai satu huruf yang sama "
                                                       "untuk semua pelaksananya.")
        if letters:
            self.letters[step.number] = min(letters)


def read_branch(reader: SheetReader, row: int, fields: dict[str, int], name: str, title: str) -> Branch | None:
    """`Jika Ya` / `Jika Tidak` (`name` jika_ya / jika_tidak) of a row: None means the next step."""
    return _branch(reader, row, fields[name], name, title) if name in fields else None


def _branch(reader: SheetReader, row: int, col: int, name: str, title: str) -> Branch | None:
    """`read_branch` of the cell at (row, col)."""
    written = as_text(reader.raw(row, col))
    if written in EMPTY_MARKS or (name == "jika_ya" and written.lower().rstrip(".") in NEXT_STEP):
        return None
    text = reader.text(row, col)
    parsed = parse_branch(text)
    if parsed is None:
        reader.error(cell_name(row, col), f"{title} \"{text}\" tidak berisi nomor langkah tujuan; tulis nomornya, "
                                          "boleh dengan label, misalnya "
                                          f"\"{'Lengkap: 3' if name == 'jika_ya' else 'Tidak lengkap: 1'}\".")
        return None
    label, target = parsed
    return Branch(target, label)
