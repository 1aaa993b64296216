"""A region's files as a plugin: profiles from `profil/*.toml` and Word templates from `templat/`
folders, offered to the pipeline through the ordinary hooks, so that nothing else needs to know
they came from files.

In every plugin folder (a `--plugins-dir`, or the `plugins`, `profil` and `templat` folders
beside the workbooks) the profiles are `*.toml` and `profil/*.toml`, the templates are the
`.docx` files of `templat/` (or of the folder itself when it is a `templat` folder).
"""
from __future__ import annotations

from pathlib import Path

from .hookspecs import hookimpl
from .profile import Profile
from .profile_file import ProfileFile, read_profile_file
from .template_files import template_folders

NAME = "file profil dan templat"


def profile_paths(dirs) -> list[Path]:
    found = []
    for folder in map(Path, dirs):
        found += sorted(folder.glob("*.toml")) + sorted((folder / "profil").glob("*.toml"))
    return list(dict.fromkeys(p.resolve() for p in found))


class FilePlugin:
    """The profile files and template folders of some plugin folders."""

    def __init__(self, dirs, manager):
        self.files: list[ProfileFile] = [read_profile_file(path) for path in profile_paths(dirs)]
        self.folders: list[Path] = template_folders(dirs)
        self._manager = manager
        seen: dict[str, ProfileFile] = {}
        for file in self.files:
            other = seen.setdefault(file.name.lower(), file)
            if other is not file:
                raise file.error("nama", f"profil \"{file.name}\" juga ditulis di {other.path}; satu nama satu "
                                         "file profil. Ganti salah satu namanya.")

    def __bool__(self) -> bool:
        return bool(self.files or self.folders)

    def source(self, profile_name: str) -> ProfileFile | None:
        """The file a profile was read from (None: not one of these files)."""
        return next((f for f in self.files if f.name.lower() == profile_name.lower()), None)

    @hookimpl
    def sopdocs_profiles(self):
        return list(self._profiles().values())

    def _profiles(self) -> dict[str, Profile]:
        """Each file's profile made from its base, which the other plugins or another file provide."""
        others = self._manager.subset_hook_caller("sopdocs_profiles", remove_plugins=[self])()
        known = {p.name.lower(): p for found in others for p in found or ()}
        made: dict[str, Profile] = {}
        pending = list(self.files)
        while pending:
            ready = [f for f in pending if f.dasar.lower() in known]
            if not ready:
                self._unknown_base(pending[0], known)
            for file in ready:
                if file.name.lower() in known:
                    raise file.error("nama", f"profil \"{file.name}\" sudah ada (bawaan atau dari plugin); pilih "
                                             "nama lain, mis. dengan nama daerah Anda, dan isikan di kolom Profil.")
                made[file.name] = known[file.name.lower()] = file.profile(known[file.dasar.lower()])
                pending.remove(file)
        return made

    @staticmethod
    def _unknown_base(file: ProfileFile, known: dict) -> None:
        raise file.error("dasar", f"profil dasar \"{file.dasar}\" tidak dikenal (atau saling menjadi dasar); profil "
                                  "yang ada: " + ", ".join(sorted(p.name for p in known.values())))

    @hookimpl(tryfirst=True)
    def sopdocs_template(self, name, profile):
        """The profile file's own `templat` folder first, then the `templat` folders."""
        source = self.source(profile.name)
        folders = ([source.template_dir] if source and source.template_dir else []) + self.folders
        return next((folder / f"{name}.docx" for folder in folders if (folder / f"{name}.docx").is_file()), None)

