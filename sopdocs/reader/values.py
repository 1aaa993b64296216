"""Cell values as authors type them: labels, text, lists, dates, durations, marks, branches."""
from __future__ import annotations

import datetime as dt
import functools
import re

from ..model import Tanggal, Waktu

BULAN = (
    "januari februari maret april mei juni juli agustus september oktober november desember"
).split()
MONTHS = (
    "january february march april may june july august september october november december"
).split()
BULAN_SINGKAT = {"peb": 2, "agt": 8, "ags": 8, "sept": 9, "nop": 11, "pebruari": 2, "nopember": 11}
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
NUMBERING = re.compile(r"^\s*(?:\(?\d{1,3}[.)]|\(?[a-zA-Z][.)](?=\s)|[-\u2013\u2022*\u00b7>]|\(\d{1,3}\)|\([a-zA-Z]\))\s*")
DATE_TEXT = re.compile(r"^(\d{1,2})[\s\-.]+([A-Za-z]+)\.?[\s\-.,]+(\d{4})$")
DATE_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
DATE_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$")
WAKTU = re.compile(
    r"^(?:(\d+(?:[.,]\d+)?)\s*(?:-|s/?d|sampai(?: dengan)?|–)\s*)?(\d+(?:[.,]\d+)?)\s*(?:\([a-z ]+\)\s*)?"
    r"(?:x\s*(\d+)\s*)?"
    r"(menit|mnt|m|jam|j|hari\s+kerja|hari|hr|hk|minggu|mgg|pekan)\.?$",
    re.I,
)
APPROXIMATELY = re.compile(r"^(?:\u00b1|\+/-|kurang lebih|kira-kira|maks(?:imal|\.)?|paling lama|selambat-lambatnya)\s*",
                           re.I)
COMPOUND = re.compile(r"\d+(?:[.,]\d+)?\s*(?:hari\s+kerja|menit|mnt|jam|hari|minggu)\b", re.I)  # `1 jam 30 menit`
UNIT = {
    "menit": "menit", "mnt": "menit", "m": "menit", "jam": "jam", "j": "jam",
    "hari": "hari", "hr": "hari", "hari kerja": "hari kerja", "hk": "hari kerja",
    "minggu": "minggu", "mgg": "minggu", "pekan": "minggu",
}
SPACES_AROUND_SLASH = re.compile(r"\s*/\s*")
BRANCH = re.compile(r"^(?:(.*?)\s*[:=]\s*)?(?:langkah|lgkh|no\.?|ke)?\s*(\d+)\s*$", re.I | re.S)

# Marks in actor cells. Letters choose the symbol; other marks only say "this actor".
SYMBOL_LETTERS = {"m": "M", "mulai": "M", "s": "S", "selesai": "S", "p": "P", "proses": "P",
                  "k": "K", "keputusan": "K"}
PLAIN_MARKS = {"x", "v", "o", "y", "ya", "1", "*", "\u221a", "\u2713", "\u2714", "\u2611",
               "\u2022", "\u25cf", "\u25cb", "\u2715", "\u2716", "\u00d7"}


# The same labels, header words and Waktu texts come back in thousands of sheets of a region:
# the functions reading them remember the last few thousand answers (each answer depends on
# the text alone, and is never changed by its caller).
MEMO = 4096


@functools.lru_cache(maxsize=MEMO, typed=True)  # typed: label_key(True) is not label_key(1)
def label_key(value) -> str:
    """A label as compared: case, spaces, trailing colon and `/` spacing do not matter."""
    text = str(value).strip().rstrip(":").strip().lower()
    if "/" in text:
        text = SPACES_AROUND_SLASH.sub("/", text)
    return " ".join(text.split())  # str.split() and \s agree on what is whitespace


def as_text(value) -> str:
    """A cell value as the text the author sees in Excel (1.0 -> '1', a date -> '2 Januari 2024')."""
    if type(value) is str:  # most cells; the checks below are for the other types
        return value.strip()
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value).replace(".", ",")
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return long_date(value)
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    return str(value).strip()


@functools.lru_cache(maxsize=MEMO)  # the same list texts (Dasar Hukum, ...) come back in many SOPs
def strip_control(text: str) -> tuple[str, bool]:
    """Text with control characters (which Word refuses) removed, and whether any were."""
    if text.isprintable():  # no control character and no line break: nothing to do (most cells)
        return text, False
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    cleaned = CONTROL.sub("", text)
    return cleaned, len(cleaned) != len(text)


def list_items(text: str) -> list[str]:
    """One item per line, without the numbering the author typed (the document numbers items)."""
    return list(_items(text))  # a new list: the caller may extend it


@functools.lru_cache(maxsize=MEMO)
def _items(text: str) -> tuple[str, ...]:
    items = []
    for line in text.split("\n"):
        item = NUMBERING.sub("", line, count=1).strip()
        if item:
            items.append(item)
    return tuple(items)


def long_date(date: dt.date) -> str:
    """`2 Januari 2024`."""
    return f"{date.day} {BULAN[date.month - 1].capitalize()} {date.year}"


@functools.lru_cache(maxsize=MEMO, typed=True)  # a Tanggal is frozen: SOPs can share it
def parse_date(value) -> Tanggal:
    """A date cell: a real Excel date, or text in the forms staff use; verbatim when not understood."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return Tanggal(long_date(value), value)
    text = as_text(value)
    if not text:
        return Tanggal()
    return Tanggal(text, _date_from_text(text))


def _date_from_text(text: str) -> dt.date | None:
    text = text.strip()
    try:
        if m := DATE_TEXT.match(text):
            month = _month(m.group(2))
            return dt.date(int(m.group(3)), month, int(m.group(1))) if month else None
        if m := DATE_DMY.match(text):
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if m := DATE_ISO.match(text):
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:  # 31 Februari
        return None
    return None


def _month(name: str) -> int | None:
    """`Januari`, `Jan`, `Agt`, `Sept`, `August` -> month number; `Senin` -> None."""
    name = name.lower()
    if len(name) >= 3:
        for names in (BULAN, MONTHS):
            for number, full in enumerate(names, 1):
                if full.startswith(name):
                    return number
    return BULAN_SINGKAT.get(name)


def parse_waktu(value) -> Waktu:
    """`15 menit`, `2 jam`, `1 hari`, `3 hari kerja`, `1 minggu`, `1-2 hari` (the longer counts),
    `1 x 24 jam`, `14 (empat belas) hari kerja`, `± 15 menit`, `maksimal 2 jam`, and sums such as
    `1 jam 30 menit` (counted in minutes); verbatim when not understood."""
    return _waktu(as_text(value))


@functools.lru_cache(maxsize=MEMO)  # a Waktu is frozen: steps can share it
def _waktu(text: str) -> Waktu:
    if not text:
        return Waktu()
    body = APPROXIMATELY.sub("", text.strip())
    whole = _duration(body)
    if whole:
        return Waktu(text, *whole)
    parts = [_duration(part) for part in COMPOUND.findall(body)]
    if len(parts) > 1 and all(parts) and "".join(COMPOUND.findall(body)).replace(" ", "") == body.replace(" ", ""):
        minutes = sum(Waktu("", amount, unit).minutes for amount, unit in parts)
        return Waktu(text, minutes, "menit")
    return Waktu(text)


def _duration(text: str) -> tuple[float, str] | None:
    """(amount, unit) of one duration, or None."""
    m = WAKTU.match(text.strip())
    if not m:
        return None
    amount = float(m.group(2).replace(",", "."))
    if m.group(3):
        amount *= int(m.group(3))
    return amount, UNIT[re.sub(r"\s+", " ", m.group(4).lower())]


EMPTY_MARKS = {"", "-", "\u2013", "\u2014"}  # staff fill unused cells with a dash


@functools.lru_cache(maxsize=MEMO, typed=True)  # typed: True is not 1
def parse_mark(value) -> tuple[bool, str | None, bool]:
    """(marked, symbol letter or None, known). An unknown letter is marked but not known."""
    text = as_text(value).strip().lower()
    if text in EMPTY_MARKS:
        return False, None, True
    if text in SYMBOL_LETTERS:
        return True, SYMBOL_LETTERS[text], True
    if text in PLAIN_MARKS or not any(ch.isalpha() for ch in text):
        return True, None, True
    return True, None, False


@functools.lru_cache(maxsize=MEMO, typed=True)
def parse_branch(value) -> tuple[str, int] | None:
    """`Tidak lengkap: 1` -> ('Tidak lengkap', 1); `3` -> ('', 3); None when no step number."""
    text = as_text(value)
    m = BRANCH.match(text.strip())
    if not m:
        return None
    return (m.group(1) or "").strip(), int(m.group(2))
