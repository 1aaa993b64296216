"""Finding, loading and calling plugins (pluggy).

Plugins come from three places: the built-in one (the default profile and workbook layout,
itself written against the hooks), installed packages that declare an entry point in the group
`sopdocs`, and one-file plugins (`*.py`) in the folders given with `--plugins-dir` or found as a
`plugins` folder beside the workbooks. A plugin that fails is named in a `PluginError`.

`Plugins` is built explicitly by whoever runs the pipeline (no process-wide cache), so a test
can build its own and `register` a plugin object in it.
"""
from __future__ import annotations

import hashlib
import importlib.util
import inspect
import sys
import traceback
from pathlib import Path

import pluggy

from . import builtin, hookspecs
from .errors import PluginError
from .file_plugin import NAME as FILE_PLUGIN_NAME, FilePlugin
from .hookspecs import PROJECT, hookimpl  # noqa: F401  (hookimpl: the name plugins import)
from .profile import Profile

ENTRY_POINT_GROUP = "sopdocs"
BUILTIN_NAME = "sopdocs (bawaan)"


class Plugins:
    """The loaded plugins, their profiles, and hook calls that name a failing plugin."""

    def __init__(self, dirs: tuple[Path, ...] = (), entry_points: bool = True):
        self.dirs = tuple(Path(d).resolve() for d in dirs)
        self.manager = pluggy.PluginManager(PROJECT)
        self.manager.add_hookspecs(hookspecs)
        self.manager.register(builtin, name=BUILTIN_NAME)
        if entry_points:
            try:
                self.manager.load_setuptools_entrypoints(ENTRY_POINT_GROUP)
            except Exception as exc:  # an installed plugin that does not import
                raise PluginError(f"Plugin terpasang gagal dimuat: {type(exc).__name__}: {exc}") from exc
        for folder in self.dirs:
            for path in sorted(folder.glob("*.py")):
                self._load_file(path)
        files = FilePlugin(self.dirs, self.manager)  # profile files and template folders, as a plugin
        if files:
            self.manager.register(files, name=FILE_PLUGIN_NAME)
        self.profiles = self._collect_profiles()

    def register(self, plugin, name: str | None = None) -> None:
        """Add a plugin object (a module, a class or an instance with hook functions), e.g. in a test."""
        self.manager.register(plugin, name=name)
        self.profiles = self._collect_profiles()

    def _collect_profiles(self) -> dict[str, Profile]:
        profiles: dict[str, Profile] = {}
        for found in self.call("sopdocs_profiles"):
            for profile in found:
                profiles.setdefault(profile.name, profile)
        return profiles

    def _load_file(self, path: Path) -> None:
        if self.manager.get_plugin(str(path)) is not None:
            return
        # The module name carries a digest of the full path: two folders may each hold a `daerah.py`.
        digest = hashlib.sha1(str(path).encode()).hexdigest()[:10]
        name = f"sopdocs_local_{digest}_{path.stem}"
        try:
            spec = importlib.util.spec_from_file_location(name, path)
            module = importlib.util.module_from_spec(spec)
            sys.modules[name] = module
            spec.loader.exec_module(module)
            self.manager.register(module, name=str(path))
        except Exception as exc:
            raise PluginError(f"Plugin {path} gagal dimuat: {type(exc).__name__}: {exc}") from exc

    def call(self, hook: str, **kwargs):
        """Call a hook; an exception inside a plugin becomes a PluginError naming that plugin."""
        try:
            return getattr(self.manager.hook, hook)(**kwargs)
        except PluginError:
            raise
        except Exception as exc:
            culprit = self._culprit(exc)
            raise PluginError(f"Plugin \"{culprit}\" gagal pada {hook}: {type(exc).__name__}: {exc}") from exc

    def _culprit(self, exc: Exception) -> str:
        files = {}
        for name, plugin in self.manager.list_name_plugin():
            try:
                files[str(Path(inspect.getfile(plugin)).resolve())] = name
            except TypeError:
                continue
        culprit = "tidak diketahui"
        for frame in traceback.extract_tb(exc.__traceback__):
            culprit = files.get(str(Path(frame.filename).resolve()), culprit)
        return culprit

    def profile(self, name: str) -> Profile | None:
        return self.profiles.get(name.strip().lower()) or next(
            (p for key, p in self.profiles.items() if key.lower() == name.strip().lower()), None)

    def describe(self) -> list[tuple[str, list[str], list[str]]]:
        """(plugin name, its hooks, the profiles it provides) for every loaded plugin."""
        rows = []
        for name, plugin in self.manager.list_name_plugin():
            hooks = sorted(h.name for h in self.manager.get_hookcallers(plugin) or [])
            provided = getattr(plugin, "sopdocs_profiles", None)
            names = [p.name for p in provided()] if provided else []
            rows.append((name, hooks, names))
        return rows


def local_dirs(paths, extra: tuple[Path, ...] = ()) -> tuple[Path, ...]:
    """`--plugins-dir` folders, plus the `plugins`, `profil` and `templat` folders beside any
    workbook or inside any folder given."""
    found = [Path(d) for d in extra]
    for path in map(Path, paths):
        folder = path if path.is_dir() else path.parent
        found += [folder / name for name in ("plugins", "profil", "templat") if (folder / name).is_dir()]
    return tuple(dict.fromkeys(p.resolve() for p in found))
