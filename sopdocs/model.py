"""The data model: what a workbook says, independent of Excel and of Word.

Every object may carry `cells`, a map from field name to the `CellRef` it came from, so that
later stages (validation) can point the author at the exact place to fix.
"""
from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass, field

DEFAULT_PROFILE = "permenpan-35-2012"


@dataclass(frozen=True)
class CellRef:
    """A place in a workbook: a sheet and an A1 cell or range (`C7`, `K12:K14`); no cell = the
    sheet as a whole."""

    sheet: str
    cell: str = ""

    def __str__(self) -> str:
        return f"{self.sheet}!{self.cell}" if self.cell else self.sheet


class Symbol(enum.Enum):
    """The flowchart symbols an activity can be drawn with (FORMAT.md section 3)."""

    TERMINATOR = "terminator"
    PROCESS = "process"
    DECISION = "decision"


# Minutes per unit, for totals. A working day (hari kerja) is counted as 8 hours of work and a
# calendar day as 24 hours would make "1 hari" dwarf "3 jam"; staff mean a working day by both,
# so both count 8 hours. A week is 5 working days.
MINUTES_PER_UNIT = {
    "menit": 1,
    "jam": 60,
    "hari": 8 * 60,
    "hari kerja": 8 * 60,
    "minggu": 5 * 8 * 60,
}


@dataclass(frozen=True)
class Waktu:
    """A duration as written (`text`), with `value` and `unit` when it was understood."""

    text: str = ""
    value: float | None = None
    unit: str | None = None

    @property
    def understood(self) -> bool:
        return self.value is not None

    @property
    def minutes(self) -> float | None:
        if self.value is None or self.unit is None:
            return None
        return self.value * MINUTES_PER_UNIT[self.unit]

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Tanggal:
    """A date as written (`text`), with `date` when it was understood."""

    text: str = ""
    date: dt.date | None = None

    @property
    def empty(self) -> bool:
        return not self.text and self.date is None


@dataclass
class Pejabat:
    """A signatory: jabatan, nama, pangkat, NIP."""

    jabatan: str = ""
    nama: str = ""
    pangkat: str = ""
    nip: str = ""

    def filled_from(self, default: Pejabat) -> Pejabat:
        """This signatory with its empty fields taken from `default`."""
        return Pejabat(
            jabatan=self.jabatan or default.jabatan,
            nama=self.nama or default.nama,
            pangkat=self.pangkat or default.pangkat,
            nip=self.nip or default.nip,
        )


@dataclass
class Branch:
    """An exit of an activity: the step it leads to and the label printed beside it
    (empty: the profile's default, `Ya` or `Tidak`)."""

    target: int
    label: str = ""


@dataclass
class Step:
    """One activity (row) of an SOP's flowchart table."""

    number: int
    kegiatan: str
    actors: list[int]
    symbol: Symbol = Symbol.PROCESS
    kelengkapan: str = ""
    waktu: Waktu = Waktu()  # frozen, so one empty Waktu serves every step without one
    output: str = ""
    keterangan: str = ""
    yes: Branch | None = None  # `Jika Ya` as written; None = the next step
    no: Branch | None = None  # `Jika Tidak`
    final: bool = False  # the flow ends here (the last step, or one marked S)
    # Keterangan or mutu baku cells merged over several activity rows: {field: number of the
    # first step of the merge}, on every step of the merge but the first (the value is on all).
    merged: dict[str, int] = field(default_factory=dict, compare=False)
    cells: Mapping[str, CellRef] = field(default_factory=dict, repr=False, compare=False)


@dataclass
class Sop:
    """One SOP: the identity part and its activities."""

    nama: str
    sheet: str = ""
    nomor: str = ""
    unit_kerja: str = ""
    tanggal_pembuatan: Tanggal = Tanggal()
    tanggal_revisi: Tanggal = Tanggal()
    tanggal_efektif: Tanggal = Tanggal()
    pengesah: Pejabat = field(default_factory=Pejabat)
    dasar_hukum: list[str] = field(default_factory=list)
    kualifikasi: list[str] = field(default_factory=list)
    keterkaitan: list[str] = field(default_factory=list)
    peralatan: list[str] = field(default_factory=list)
    peringatan: list[str] = field(default_factory=list)
    pencatatan: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    cells: Mapping[str, CellRef] = field(default_factory=dict, repr=False, compare=False)
    actor_cells: list[CellRef] = field(default_factory=list, repr=False, compare=False)  # one per actor

    @property
    def place(self) -> str:
        """Where the SOP is written, as messages name it: `sheet "SOP 03"`."""
        return f"sheet \"{self.sheet}\""

    def exits(self, step: Step) -> list[Branch]:
        """Where the flow goes after `step`: the "yes" way (or simply the next step) first."""
        ways = [step.yes] if step.yes else [] if step.final else [Branch(step.number + 1)]
        return ways + ([step.no] if step.no else [])

    def total_minutes(self) -> float | None:
        """Sum of the understood Waktu values, or None when no step has one."""
        minutes = [s.waktu.minutes for s in self.steps if s.waktu.minutes is not None]
        return sum(minutes) if minutes else None


@dataclass(frozen=True)
class Komponen:
    """One of the fourteen components of a Standar Pelayanan (FORMAT.md section 5)."""

    key: str
    label: str
    group: str  # "A" service delivery, "B" management


KOMPONEN = (
    Komponen("persyaratan", "Persyaratan", "A"),
    Komponen("prosedur", "Sistem, mekanisme, dan prosedur", "A"),
    Komponen("jangka_waktu", "Jangka waktu pelayanan", "A"),
    Komponen("biaya", "Biaya/tarif", "A"),
    Komponen("produk", "Produk pelayanan", "A"),
    Komponen("pengaduan", "Penanganan pengaduan, saran, dan masukan", "A"),
    Komponen("dasar_hukum", "Dasar hukum", "B"),
    Komponen("sarana", "Sarana dan prasarana, dan/atau fasilitas", "B"),
    Komponen("kompetensi", "Kompetensi pelaksana", "B"),
    Komponen("pengawasan", "Pengawasan internal", "B"),
    Komponen("jumlah_pelaksana", "Jumlah pelaksana", "B"),
    Komponen("jaminan_pelayanan", "Jaminan pelayanan", "B"),
    Komponen("jaminan_keamanan", "Jaminan keamanan dan keselamatan pelayanan", "B"),
    Komponen("evaluasi", "Evaluasi kinerja pelaksana", "B"),
)


@dataclass
class StandarPelayanan:
    """A Standar Pelayanan: the service and its fourteen components, each a list of lines.

    `sop_ref` is the text after `SOP:` when the procedure names an SOP of the workbook;
    `sop` is that SOP once the reference is resolved.
    """

    jenis_pelayanan: str
    sheet: str = ""
    uraian: dict[str, list[str]] = field(default_factory=dict)
    sop_ref: str = ""
    sop: Sop | None = None
    cells: Mapping[str, CellRef] = field(default_factory=dict, repr=False, compare=False)

    def komponen(self, group: str | None = None) -> list[tuple[Komponen, list[str]]]:
        """The components in official order (of one group when given) with their lines."""
        return [(k, self.uraian.get(k.key, [])) for k in KOMPONEN if group in (None, k.group)]


@dataclass
class Instansi:
    """The Perangkat Daerah (SKPD) a workbook describes."""

    pemerintah: str = ""
    nama: str = ""
    singkatan: str = ""
    alamat: str = ""
    tahun: str = ""
    logo: bytes | None = None
    pimpinan: Pejabat = field(default_factory=Pejabat)
    tempat_penetapan: str = ""
    nomor_keputusan: str = ""
    tanggal_keputusan: Tanggal = Tanggal()
    ruang_lingkup: list[str] = field(default_factory=list)
    ringkasan: list[str] = field(default_factory=list)
    definisi: list[str] = field(default_factory=list)
    maklumat: str = ""
    profil: str = DEFAULT_PROFILE
    sheet: str = ""
    cells: Mapping[str, CellRef] = field(default_factory=dict, repr=False, compare=False)


@dataclass
class Dokumen:
    """Everything one workbook holds: one SKPD, its SOPs and its Standar Pelayanan."""

    path: str
    instansi: Instansi = field(default_factory=Instansi)
    sops: list[Sop] = field(default_factory=list)
    layanan: list[StandarPelayanan] = field(default_factory=list)
    ignored_sheets: list[str] = field(default_factory=list)
    sheets: list[str] = field(default_factory=list)  # every sheet, in tab order


def cell_of(part, name: str, default: str = "A1") -> CellRef:
    """Where field `name` of an Instansi, Sop or StandarPelayanan came from; `default` on the
    part's sheet when the workbook lacks the field."""
    return part.cells.get(name) or CellRef(part.sheet, default)


def book_order(doc: Dokumen) -> list[Sop]:
    """SOPs grouped by Unit Kerja, units in the order they first appear, SOPs in workbook order."""
    units: dict[str, list[Sop]] = {}
    for sop in doc.sops:
        units.setdefault(sop.unit_kerja.strip().lower(), []).append(sop)
    return [sop for group in units.values() for sop in group]


LETTER_SYMBOL = {"M": Symbol.TERMINATOR, "S": Symbol.TERMINATOR, "P": Symbol.PROCESS, "K": Symbol.DECISION}


def assign_symbols(steps: list[Step], letters: dict[int, str]) -> None:
    """The symbol of each step (WORKBOOK.md): the letter the author typed (`letters`: step number
    -> M, S, P or K) wins; otherwise the first and last steps are terminators and a step with a
    `Jika Tidak` is a decision. The flow ends at the last step and at steps marked S."""
    last = len(steps) - 1
    for index, step in enumerate(steps):
        letter = letters.get(step.number, "")
        if letter:
            step.symbol = LETTER_SYMBOL[letter]
        elif index in (0, last):
            step.symbol = Symbol.TERMINATOR
        elif step.no is not None:
            step.symbol = Symbol.DECISION
        step.final = letter == "S" or index == last
