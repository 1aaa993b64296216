"""Profiles written as TOML files (`profil/*.toml`), for regions without a programmer.

One profile per file; every key is documented in docs/profil.md. A file is read into a
`ProfileFile` (checked key by key) and becomes a `Profile` once its base profile (`dasar`),
which another plugin or file may provide, is known. Every mistake is a `ProfileFileError` naming
the file, the line and the key, in Bahasa Indonesia.
"""
from __future__ import annotations

import dataclasses
import difflib
import re
import string
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from . import numbering
from .errors import PluginError
from .layout import PAPER_MM
from .layout.flowchart import TITLES
from .model import DEFAULT_PROFILE
from .profile import IDENTITY_LABELS, KEPUTUSAN_FIELDS, SOP_BOOK_PARTS, Profile
from .reader import labels as reader_labels

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


class ProfileFileError(PluginError):
    """A mistake in a profile file; the message names the file, the line and the key."""


class _Problem(Exception):
    """What is wrong with one value (the caller adds the file, line and key)."""


# --- the value checks: each returns the value the Profile takes, or raises _Problem ----------

def _text(value):
    if not isinstance(value, str):
        raise _Problem(f"harus teks di antara tanda kutip (\"...\"); tertulis {_shown(value)}")
    return value


def _choice(*choices: str) -> Callable:
    def check(value):
        if not isinstance(value, str):
            raise _Problem("harus salah satu dari " + ", ".join(f"\"{c}\"" for c in choices)
                           + f" (di antara tanda kutip); tertulis {_shown(value)}")
        text = value
        for choice in choices:
            if text.strip().lower() == choice.lower():
                return choice
        raise _Problem(f"\"{text}\" bukan pilihan yang ada{_nearest(text, choices)}; pilihan: "
                       + ", ".join(f"\"{c}\"" for c in choices))
    return check


def _list_of(item: Callable, size: int | None = None) -> Callable:
    def check(value):
        if isinstance(value, str) and size is None:
            value = [value]  # one spelling written without the brackets
        if not isinstance(value, list):
            raise _Problem(f"harus daftar di antara kurung siku, misalnya [\"satu\", \"dua\"]; tertulis {_shown(value)}")
        if size is not None and len(value) != size:
            raise _Problem(f"harus berisi tepat {size} butir; tertulis {len(value)}")
        return tuple(item(v) for v in value)
    return check


def _keputusan_text(value):
    text = _text(value)
    problem = _field_problem(text, KEPUTUSAN_FIELDS)
    if problem:
        raise _Problem(problem)
    return text


def _pattern(value):
    text = _text(value)
    problem = _field_problem(text, numbering.FIELDS) or numbering.format_problem(text)
    if problem:
        raise _Problem(problem)
    return text


def _field_problem(text: str, known) -> str | None:
    """Fields of `text` ({skpd}, ...) that are not `known`."""
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    except ValueError as exc:
        return f"kurung kurawal tidak berpasangan ({exc}); tulis {{{{ dan }}}} untuk kurung kurawal biasa"
    for name in names:
        if name not in known:
            return (f"kolom {{{name}}} tidak ada{_nearest(name, known, '{', '}')}; yang tersedia: "
                    + ", ".join(f"{{{k}}}" for k in known))
    return None


def _shown(value) -> str:
    kind = {bool: "ya/tidak", int: "angka", float: "angka", list: "daftar", dict: "tabel"}.get(type(value), "")
    return f"{kind} {value!r}".strip() if kind else repr(value)


def _nearest(word: str, known, before: str = "\"", after: str = "\"") -> str:
    close = difflib.get_close_matches(word, list(known), n=1, cutoff=0.6)
    return f" (mungkin maksudnya {before}{close[0]}{after}?)" if close else ""


# --- the schema: nested dicts are TOML tables with fixed keys; a _Keys table takes any of a
# set of keys, each with the same check ---------------------------------------------------------

@dataclass(frozen=True)
class _Keys:
    known: tuple[str, ...] | None  # None: any key
    check: Callable


SP_KEYS = tuple(Profile("x").sp_labels)
ALIAS_KEYS = tuple(dict.fromkeys([*reader_labels.INSTANSI.values(), *reader_labels.SOP.values(),
                                  *reader_labels.COLUMNS.values(), *reader_labels.SP.values()]))
_KEPUTUSAN = {"menimbang": _list_of(_keputusan_text), "mengingat": _list_of(_keputusan_text),
              "diktum": _Keys(None, _keputusan_text)}
SCHEMA = {
    "nama": _text, "dasar": _text, "keterangan": _text, "kertas": _choice(*PAPER_MM), "nomor_sop": _pattern,
    "bagian": _list_of(_choice(*SOP_BOOK_PARTS)), "kata_keputusan": _list_of(_text, size=2), "templat": _text,
    "label": _Keys(tuple(IDENTITY_LABELS), _text),
    "judul_kolom": _Keys(tuple(TITLES), _text),
    "alias_label": _Keys(ALIAS_KEYS, _list_of(_text)),
    "sp": {"susunan": _choice("kelompok", "datar"), "urutan": _list_of(_choice(*SP_KEYS)),
           "label": _Keys(SP_KEYS, _text)},
    "keputusan": {"sop": _KEPUTUSAN, "sp": _KEPUTUSAN},
}


@dataclass
class ProfileFile:
    """One profile file, checked: what it changes of its base profile `dasar`."""

    path: Path
    name: str
    dasar: str
    values: dict  # the checked values, by dotted key ("label.tanggal_efektif": "Tgl Pengesahan")
    text: str = field(repr=False, default="")

    @property
    def template_dir(self) -> Path | None:
        folder = self.values.get("templat")
        return (self.path.parent / folder).resolve() if folder else None

    def error(self, key: str, message: str) -> ProfileFileError:
        return ProfileFileError(f"File profil {self.path}, baris {line_of(self.text, key)}, kunci `{key}`: {message}")

    def profile(self, base: Profile) -> Profile:
        """This file's profile, made from `base`."""
        v = self.values
        changes = {"labels": _table(v, "label"), "titles": _table(v, "judul_kolom"),
                   "sp_labels": _table(v, "sp.label"), "label_aliases": _table(v, "alias_label")}
        simple = {"bagian": "parts", "kata_keputusan": "decision_labels", "nomor_sop": "nomor_sop",
                  "sp.urutan": "sp_order"}
        changes |= {attr: v[key] for key, attr in simple.items() if key in v}
        if "sp.susunan" in v:
            changes["sp_layout"] = {"kelompok": "grouped", "datar": "flat"}[v["sp.susunan"]]
        if "kertas" in v:
            changes["page"] = dataclasses.replace(base.page, paper=v["kertas"])
        for book in ("sop", "sp"):
            given = {part: v[f"keputusan.{book}.{part}"] for part in ("menimbang", "mengingat")
                     if f"keputusan.{book}.{part}" in v}
            if f"keputusan.{book}.diktum" in v:
                given["diktum"] = tuple(v[f"keputusan.{book}.diktum"].items())
            if given:
                changes[f"keputusan_{book}"] = dataclasses.replace(getattr(base, f"keputusan_{book}"), **given)
        return base.but(self.name, v.get("keterangan", f"{base.description} (diubah oleh {self.path.name})"),
                        **changes)


def _table(values: dict, prefix: str) -> dict:
    return {key[len(prefix) + 1:]: value for key, value in values.items() if key.startswith(prefix + ".")
            and key.count(".") == prefix.count(".") + 1 and not isinstance(value, dict)}


def read_profile_file(path: Path) -> ProfileFile:
    """A profile file, read and checked (not yet made from its base)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileFileError(f"File profil {path} tidak dapat dibaca: {exc}. Simpan sebagai teks UTF-8.") from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = re.search(r"line (\d+)", str(exc))
        raise ProfileFileError(
            f"File profil {path}, baris {line.group(1) if line else '?'}: penulisan TOML salah ({exc}). Periksa "
            "tanda kutip, tanda = dan kurung siku pada baris itu.") from None
    found = ProfileFile(path, "", DEFAULT_PROFILE, {}, text)
    _walk(found, data, SCHEMA, "")
    if not found.values.get("nama", "").strip():
        raise ProfileFileError(f"File profil {path}: kunci `nama` belum ada; tulis misalnya nama = \"kota-contoh\" "
                               "(nama yang diisikan di kolom Profil sheet Instansi).")
    found.name = found.values["nama"].strip()
    found.dasar = found.values.get("dasar", DEFAULT_PROFILE).strip()
    if found.template_dir is not None and not found.template_dir.is_dir():
        raise found.error("templat", f"folder templat {found.template_dir} tidak ada; buat dengan "
                                     f"`sopdocs templat salin {found.template_dir}`, atau perbaiki namanya.")
    return found


def _walk(found: ProfileFile, data: dict, schema, prefix: str) -> None:
    for key, value in data.items():
        dotted = f"{prefix}{key}"
        if isinstance(schema, _Keys):
            spec = schema.check if schema.known is None or key in schema.known else None
            known = schema.known
        else:
            spec, known = schema.get(key), tuple(schema)
        if spec is None:
            raise found.error(dotted, f"kunci tidak dikenal{_nearest(key, known or ())}; kunci yang boleh di sini: "
                                      + ", ".join(known or ()))
        if isinstance(spec, (dict, _Keys)):
            if not isinstance(value, dict):
                raise found.error(dotted, f"harus tabel, ditulis [{dotted}] di barisnya sendiri; tertulis {_shown(value)}")
            if isinstance(spec, _Keys) and spec.known is None:
                found.values[dotted] = {k: _checked(found, f"{dotted}.{k}", spec.check, v) for k, v in value.items()}
            else:
                _walk(found, value, spec, dotted + ".")
        else:
            found.values[dotted] = _checked(found, dotted, spec, value)


def _checked(found: ProfileFile, key: str, check: Callable, value):
    try:
        return check(value)
    except _Problem as problem:
        raise found.error(key, str(problem)) from None


def line_of(text: str, key: str) -> int:
    """The line (from 1) where dotted `key` is written: under its table's header, or as a dotted
    key; the line of the nearest enclosing table or key when it is written inline."""
    wanted = key.split(".")
    best, best_depth = 1, 0
    table: list[str] = []
    for number, line in enumerate(text.splitlines(), 1):
        header = re.match(r"\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$", line)
        if header:
            table = _parts(header.group(1))
            path = table
        else:
            assignment = re.match(r"\s*((?:\"[^\"]*\"|'[^']*'|[\w\-. ]+?))\s*=", line)
            if not assignment:
                continue
            path = table + _parts(assignment.group(1))
        depth = len(path) if path == wanted[:len(path)] else 0
        if depth > best_depth:
            best, best_depth = number, depth
            if depth == len(wanted):
                break
    return best


def _parts(dotted: str) -> list[str]:
    return [part.strip().strip("\"'") for part in re.findall(r"\"[^\"]*\"|'[^']*'|[^.]+", dotted)]
