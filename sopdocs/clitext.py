"""Click's own words (usage, help headings, errors) in Bahasa Indonesia.

Click looks every message it prints up through gettext (`_` and `ngettext` in each of its
modules); we give those modules a lookup in this table instead, so a staff member never meets
an English sentence. Messages missing here stay as click wrote them.
"""
from __future__ import annotations

import importlib

TRANSLATIONS = {
    "Usage:": "Penggunaan:",
    "Options": "Opsi",
    "Commands": "Perintah",
    "Show this message and exit.": "Tampilkan bantuan ini lalu keluar.",
    "Show the version and exit.": "Tampilkan versi lalu keluar.",
    "Error: {message}": "Galat: {message}",
    "Try '{command} {option}' for help.": "Ketik '{command} {option}' untuk bantuan.",
    "Missing argument": "Argumen belum diisi",
    "Missing option": "Opsi belum diisi",
    "Missing parameter": "Parameter belum diisi",
    "Missing {param_type}": "{param_type} belum diisi",
    "Missing parameter: {param_name}": "Parameter belum diisi: {param_name}",
    "Missing command.": "Perintah belum diberikan.",
    "No such command {name!r}.": "Tidak ada perintah {name!r}.",
    "No such option {name!r}.": "Tidak ada opsi {name!r}.",
    "Invalid value: {message}": "Nilai tidak sah: {message}",
    "Invalid value for {param_hint}: {message}": "Nilai {param_hint} tidak sah: {message}",
    "Option {name!r} does not take a value.": "Opsi {name!r} tidak memakai nilai.",
    "Argument {name!r} takes {nargs} values.": "Argumen {name!r} memerlukan {nargs} nilai.",
    "Option {name!r} requires an argument.": "Opsi {name!r} memerlukan nilai.",
    "Option {name!r} requires {nargs} arguments.": "Opsi {name!r} memerlukan {nargs} nilai.",
    "Got unexpected extra argument ({args})": "Ada argumen berlebih ({args})",
    "Got unexpected extra arguments ({args})": "Ada argumen berlebih ({args})",
    "{name} {filename!r} does not exist.": "{name} {filename!r} tidak ada.",
    "{name} {filename!r} is a file.": "{name} {filename!r} adalah file, bukan folder.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} adalah folder, bukan file.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} tidak dapat dibaca.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} tidak dapat ditulisi.",
    "file": "File",
    "directory": "Folder",
    "path": "Path",
    "{value!r} is not a valid {number_type}.": "{value!r} bukan {number_type} yang sah.",
    "{value} is not in the range {range}.": "{value} di luar rentang {range}.",
    "Choose from:\n\t{choices}": "Pilih salah satu:\n\t{choices}",
    "Aborted!": "Dibatalkan.",
    "Did you mean {possibility}?": "Mungkin maksud Anda {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Mungkin maksud Anda salah satu dari: {possibilities}?)",
    "{value!r} is not {choice}.": "{value!r} bukan {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} bukan salah satu dari {choices}.",
    "Takes {nargs} values but 1 was given.": "Memerlukan {nargs} nilai, tetapi hanya 1 yang diberikan.",
    "Takes {nargs} values but {len} were given.": "Memerlukan {nargs} nilai, tetapi {len} yang diberikan.",
    "Could not open file {filename!r}: {message}": "File {filename!r} tidak dapat dibuka: {message}",
}
OPTIONS_METAVAR = "[OPSI]"
SUBCOMMAND_METAVAR = "PERINTAH [ARGUMEN]..."
MODULES = ("core", "exceptions", "types", "parser", "decorators", "formatting", "termui")


def _gettext(message: str) -> str:
    return TRANSLATIONS.get(message, message)


def _ngettext(singular: str, plural: str, count: int) -> str:
    return _gettext(singular if count == 1 else plural)


def install() -> None:
    """Make click speak Bahasa Indonesia (idempotent)."""
    for name in MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = _gettext
        if hasattr(module, "ngettext"):
            module.ngettext = _ngettext
