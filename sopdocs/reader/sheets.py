"""Reading the three kinds of sheet: Instansi, SOP and Standar Pelayanan."""
from __future__ import annotations

import re
from pathlib import Path

from ..findings import Findings
from ..model import KOMPONEN, Branch, Instansi, Pejabat, Sop, StandarPelayanan, Step, assign_symbols
from . import labels
from .values import (
    EMPTY_MARKS, as_text, label_key, list_items, parse_branch, parse_date, parse_mark, parse_waktu, strip_control,
)
from .xlsx import Sheet, cell_name

IMAGE_SIGNATURES = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"BM")
FLOAT_EXACT_LIMIT = 10**15  # Excel keeps 15 significant digits: longer numbers lose their last digits
SOP_REFERENCE = re.compile(r"^\s*sop\s*:\s*(.+)$", re.I | re.S)  # `SOP: <Nama SOP or Nomor SOP>`


class SheetReader:
    """One sheet and the findings it adds to: cell text, and `label | value` blocks."""

    def __init__(self, sheet: Sheet, findings: Findings):
        self.sheet = sheet
        self.name = sheet.name
        self.findings = findings
        for cell in sheet.formulas_without_value:
            self.warning(cell, "Sel berisi rumus tetapi nilainya tidak tersimpan di file (mis. dibuat oleh "
                               "program lain); buka workbook di Excel lalu simpan ulang, atau ketik nilainya langsung.")
        for cell, error in sheet.error_values.items():
            self.warning(cell, f"Sel menampilkan galat rumus {error} sehingga dibaca kosong; perbaiki rumusnya atau "
                               "ketik nilainya langsung.")

    def error(self, cell: str, message: str) -> None:
        self.findings.error(message, self.name, cell)

    def warning(self, cell: str, message: str) -> None:
        self.findings.warning(message, self.name, cell)

    def raw(self, row: int, col: int):
        return self.sheet.value(row, col)

    def text(self, row: int, col: int) -> str:
        """The cell as clean text: control characters removed (with a warning)."""
        value = self.raw(row, col)
        if isinstance(value, float) and abs(value) >= FLOAT_EXACT_LIMIT:
            self.warning(cell_name(row, col), "Angka panjang (mis. NIP) diketik sebagai angka sehingga digit "
                                              "akhirnya berubah; ketik ulang sebagai teks (awali dengan tanda ').")
        text, had_control = strip_control(as_text(value))
        if had_control:
            self.warning(cell_name(row, col), "Teks berisi karakter kontrol yang tidak bisa masuk dokumen Word; "
                                              "karakter itu dibuang.")
        return text

    def label_block(self, table: dict[str, str], lists: set[str], stop: int) -> dict[str, tuple[object, str]]:
        """Fields of a `label | value` block in rows [0, stop): {field: (value, cell of the value)}.

        A list's value continues on the following rows whose column A is empty. Scalar values
        are returned raw (dates need the Excel value), lists as lists of items.
        """
        found: dict[str, tuple[object, str]] = {}
        current = None
        for row in range(min(stop, len(self.sheet.rows))):
            label = self.raw(row, 0)
            if label == "" or label is None:
                if current in lists and self.raw(row, 1) != "":
                    found[current][0].extend(list_items(self.text(row, 1)))
                continue
            current = table.get(label_key(as_text(label)))
            cell = cell_name(row, 1)
            if current is None:
                if self.raw(row, 1) != "":
                    self.findings.info(f"Label \"{as_text(label)}\" tidak dikenal; barisnya diabaikan.",
                                       self.name, cell_name(row, 0))
                continue
            if current in found:
                self.warning(cell_name(row, 0), f"Label \"{as_text(label)}\" ditulis dua kali; yang dipakai "
                                                f"yang pertama ({found[current][1]}).")
                current = None
                continue
            found[current] = ((list_items(self.text(row, 1)) if current in lists else self.raw(row, 1)), cell)
        return found

    def scalar(self, block: dict, name: str) -> str:
        if name not in block:
            return ""
        value, cell = block[name]
        row, col = _position(cell)
        return self.text(row, col).replace("\n", " ").strip() if value != "" else ""


def _position(cell: str) -> tuple[int, int]:
    letters = "".join(ch for ch in cell if ch.isalpha())
    col = 0
    for ch in letters:
        col = col * 26 + ord(ch) - 64
    return int(cell[len(letters):]) - 1, col - 1


def _pejabat(reader: SheetReader, block: dict, nama_field: str) -> Pejabat:
    return Pejabat(
        jabatan=reader.scalar(block, "jabatan"),
        nama=reader.scalar(block, nama_field),
        pangkat=reader.scalar(block, "pangkat"),
        nip=reader.scalar(block, "nip"),
    )


def _cells(block: dict) -> dict[str, str]:
    return {name: cell for name, (_, cell) in block.items()}


def read_instansi(reader: SheetReader, folder: Path) -> Instansi:
    block = reader.label_block(labels.INSTANSI, labels.INSTANSI_LISTS, len(reader.sheet.rows))
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
        tanggal_keputusan=parse_date(block.get("tanggal_keputusan", ("", ""))[0]),
        ruang_lingkup=block.get("ruang_lingkup", ([], ""))[0],
        ringkasan=block.get("ringkasan", ([], ""))[0],
        definisi=block.get("definisi", ([], ""))[0],
        maklumat=reader.text(*_position(block["maklumat"][1])) if "maklumat" in block else "",
        cells=_cells(block),
    )
    if text("profil"):
        instansi.profil = text("profil")
    instansi.logo = _logo(reader, folder, text("logo"), block.get("logo", ("", "B1"))[1])
    return instansi


def _logo(reader: SheetReader, folder: Path, name: str, cell: str) -> bytes | None:
    if name:
        path = folder / name.replace("\\", "/")  # typed on Windows: gambar\logo.png
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


def read_sop(reader: SheetReader) -> Sop:
    header = _find_header(reader)
    block = reader.label_block(labels.SOP, labels.SOP_LISTS, header if header is not None else len(reader.sheet.rows))
    text = lambda name: reader.scalar(block, name)  # noqa: E731
    sop = Sop(
        nama=text("nama"),
        sheet=reader.name,
        nomor=text("nomor"),
        unit_kerja=text("unit_kerja"),
        pengesah=_pejabat(reader, block, "nama_pejabat"),
        cells=_cells(block),
    )
    for name in labels.SOP_DATES:
        setattr(sop, name, parse_date(block.get(name, ("", ""))[0]))
    for name in labels.SOP_LISTS:
        setattr(sop, name, block.get(name, ([], ""))[0])
    if header is None:
        reader.error("A1", "Tabel kegiatan tidak ditemukan: tidak ada baris dengan \"No\" di kolom A dan "
                           "\"Kegiatan\" di kolom B. Tambahkan baris judul tabel di bawah bagian identitas.")
        return sop
    sop.cells["tabel"] = cell_name(header, 0)
    _read_table(reader, sop, header)
    return sop


def _find_header(reader: SheetReader) -> int | None:
    for row in range(len(reader.sheet.rows)):
        number = as_text(reader.raw(row, 0))
        if number[:2].lower() != "no":  # the cheap test first: most rows above the table are labels
            continue
        if label_key(number).rstrip(".") == "no" and label_key(as_text(reader.raw(row, 1))) == "kegiatan":
            return row
    return None


def _read_table(reader: SheetReader, sop: Sop, header: int) -> None:
    two_rows = any(label_key(as_text(v)) in labels.GROUP_HEADERS for v in reader.sheet.rows[header][2:])
    names_row = header + 1 if two_rows else header
    actor_cols, columns = _columns(reader, header, names_row)
    sop.actors = [reader.text(names_row, c).replace("\n", " ") or reader.text(header, c) for c in actor_cols]
    sop.cells.update({f"pelaksana:{i}": cell_name(names_row, c) for i, c in enumerate(actor_cols)})
    if not actor_cols:
        reader.error(cell_name(names_row, 2), "Tidak ada kolom pelaksana: tulis nama jabatan pelaksana di "
                                              "sebelah kanan \"Kegiatan\", sebelum \"Kelengkapan\".")
    last_col = max([1, *actor_cols, *columns.values()])
    end = names_row + 1
    while end < len(reader.sheet.rows) and any(reader.raw(end, c) != "" for c in range(last_col + 1)):
        end += 1
    merged_across = _merged_in_table(reader, (names_row + 1, end), last_col, actor_cols)
    for row in range(names_row + 1, end):
        sop.steps.append(_read_step(reader, sop, row, actor_cols, columns, merged_across))
    _warn_rows_after_gap(reader, end, last_col)
    assign_symbols(sop.steps, {step.number: step.cells.pop("huruf", "")[:1] for step in sop.steps})


def _columns(reader: SheetReader, header: int, names_row: int) -> tuple[list[int], dict[str, int]]:
    """The actor columns, and {column field: index} for the columns after them."""
    actor_cols: list[int] = []
    columns: dict[str, int] = {}
    width = max(len(reader.sheet.rows[header]), len(reader.sheet.rows[names_row]) if names_row < len(reader.sheet.rows) else 0)
    for col in range(2, width):
        title = as_text(reader.raw(names_row, col)) or as_text(reader.raw(header, col))
        key = label_key(title)
        if not title or key in labels.GROUP_HEADERS:
            continue
        field_name = labels.COLUMNS.get(key)
        if field_name:
            columns.setdefault(field_name, col)
        elif not columns:
            actor_cols.append(col)
        else:
            reader.findings.info(f"Kolom \"{title}\" tidak dikenal; isinya tidak dipakai.", reader.name,
                                 cell_name(names_row, col))
    return actor_cols, columns


def _merged_in_table(reader: SheetReader, rows: tuple[int, int], last_col: int,
                     actor_cols: list[int]) -> dict[tuple[int, int], int]:
    """Merged cells in the table's rows [first, end): horizontal merges over actor columns mean a joint
    activity ({(row, first col): last col}); any other merge is reported, because its rows cannot be read."""
    across = {}
    for r0, c0, r1, c1 in reader.sheet.merged:
        if r1 < rows[0] or r0 >= rows[1] or c0 > last_col:
            continue  # above, below or beside the table
        ref = f"{cell_name(r0, c0)}:{cell_name(r1, c1)}"
        if r0 == r1 and c0 in actor_cols and c1 in actor_cols:
            across[(r0, c0)] = c1
        else:
            reader.error(cell_name(r0, c0), f"Sel gabungan (merge) {ref} di tabel kegiatan membuat isi baris tidak "
                                            "jelas; pisahkan (Unmerge) dan isi setiap baris sendiri-sendiri.")
    return across


def _read_step(reader, sop, row, actor_cols, columns, merged_across) -> Step:
    number_cell = cell_name(row, 0)
    raw_no = reader.raw(row, 0)
    number = len(sop.steps) + 1
    if isinstance(raw_no, (int, float)) and float(raw_no).is_integer():
        number = int(raw_no)
    elif as_text(raw_no).strip().rstrip(".").isdigit():
        number = int(as_text(raw_no).strip().rstrip("."))
    else:
        reader.error(number_cell, f"Nomor langkah \"{as_text(raw_no)}\" bukan angka; isi kolom No dengan 1, 2, 3, ...")
    cell = lambda name: cell_name(row, columns[name]) if name in columns else ""  # noqa: E731
    value = lambda name: reader.text(row, columns[name]) if name in columns else ""  # noqa: E731
    step = Step(
        number=number,
        kegiatan=reader.text(row, 1),
        actors=[],
        kelengkapan=value("kelengkapan"),
        output=value("output"),
        keterangan=value("keterangan"),
        cells={"no": number_cell, "kegiatan": cell_name(row, 1),
               "pelaksana": cell_name(row, actor_cols[0]) if actor_cols else cell_name(row, 2),
               **{name: cell(name) for name in columns}},
    )
    _read_marks(reader, step, row, actor_cols, merged_across)
    step.waktu = parse_waktu(reader.raw(row, columns["waktu"])) if "waktu" in columns else parse_waktu("")
    if step.waktu.text and not step.waktu.understood:
        example = f"{step.waktu.text} menit" if step.waktu.text.replace(",", "").isdigit() else "15 menit"
        reader.warning(cell("waktu"), f"Waktu \"{step.waktu.text}\" tidak dikenali (dicetak apa adanya, tidak ikut "
                                      f"dijumlahkan); tulis misalnya \"{example}\".")
    step.yes = _branch(reader, row, columns, "jika_ya", "Jika Ya")
    step.no = _branch(reader, row, columns, "jika_tidak", "Jika Tidak")
    return step


def _read_marks(reader, step, row, actor_cols, merged_across) -> None:
    letters = set()
    for index, col in enumerate(actor_cols):
        value = reader.raw(row, col)
        if value == "":  # most actor cells of a row
            continue
        marked, letter, known = parse_mark(value)
        if not known:
            reader.error(cell_name(row, col), f"Tanda \"{as_text(value)}\" tidak dikenal; pakai x untuk "
                                              "menandai pelaksana, atau huruf M (mulai), S (selesai), P (proses), "
                                              "K (keputusan) untuk sekaligus memilih simbol.")
        if not marked:
            continue
        if not step.actors:  # point findings about the actors at the first mark, not an empty cell
            step.cells["pelaksana"] = cell_name(row, col)
        last = merged_across.get((row, col), col)
        step.actors.extend(i for i, c in enumerate(actor_cols) if col <= c <= last and i not in step.actors)
        if letter:
            letters.add(letter)
    step.actors.sort()
    if len(letters) > 1:
        reader.error(step.cells["pelaksana"], f"Satu kegiatan diberi huruf simbol berbeda ({', '.join(sorted(letters))}); "
                                              "pakai satu huruf yang sama untuk semua pelaksananya.")
    step.cells["huruf"] = "".join(sorted(letters))


def _branch(reader, row, columns, name, title) -> Branch | None:
    if name not in columns or as_text(reader.raw(row, columns[name])).strip() in EMPTY_MARKS:
        return None
    text = reader.text(row, columns[name])
    parsed = parse_branch(text)
    if parsed is None:
        reader.error(cell_name(row, columns[name]), f"{title} \"{text}\" tidak berisi nomor "
                                                    "langkah tujuan; tulis nomornya, boleh dengan label, misalnya "
                                                    f"\"{'Lengkap: 3' if name == 'jika_ya' else 'Tidak lengkap: 1'}\".")
        return None
    label, target = parsed
    return Branch(target, label)


def _warn_rows_after_gap(reader: SheetReader, row: int, last_col: int) -> None:
    """Steps typed below an empty row would silently vanish: say so."""
    for later in range(row + 1, len(reader.sheet.rows)):
        if reader.raw(later, 1) != "" and as_text(reader.raw(later, 0)).rstrip(".").isdigit():
            reader.warning(cell_name(row, 0), f"Tabel kegiatan berakhir di baris kosong {row + 1}, tetapi di baris "
                                              f"{later + 1} masih ada kegiatan yang tidak dibaca; hapus baris kosong itu.")
            return


def read_sp(reader: SheetReader) -> StandarPelayanan:
    block = reader.label_block(labels.SP, {k.key for k in KOMPONEN}, len(reader.sheet.rows))
    sp = StandarPelayanan(
        jenis_pelayanan=reader.scalar(block, "jenis_pelayanan"),
        sheet=reader.name,
        uraian={k.key: block[k.key][0] for k in KOMPONEN if k.key in block},
        cells=_cells(block),
    )
    prosedur = sp.uraian.get("prosedur", [])
    if prosedur and (m := SOP_REFERENCE.match(prosedur[0])):
        sp.sop_ref = m.group(1).strip()
    return sp
