"""What `sopdocs plugins` tells staff: each profile, where it came from, and the Word templates
it is built with."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import builtin
from .file_plugin import FilePlugin
from .plugins import Plugins
from .profile import Profile
from .templates_docx import default_template
from .template_check import renderers


@dataclass
class ProfileReport:
    profile: Profile
    origin: str  # in staff words: "bawaan sopdocs", "paket terpasang sopdocs-blora 0.1.0", "file profil ..."
    templates: dict[str, Path | None]  # template file name -> the file used, None: the default one


def profile_reports(plugins: Plugins) -> list[ProfileReport]:
    origins, names = _origins(plugins), list(renderers(plugins))
    reports = []
    for profile in plugins.profiles.values():
        templates = {}
        for name in names:
            path = Path(plugins.call("sopdocs_template", name=name, profile=profile))
            templates[f"{name}.docx"] = None if path == default_template(f"{name}.docx") else path
        reports.append(ProfileReport(profile, origins.get(profile.name, "tidak diketahui"), templates))
    return reports


def _origins(plugins: Plugins) -> dict[str, str]:
    packages = {id(plugin): dist for plugin, dist in plugins.manager.list_plugin_distinfo()}
    found: dict[str, str] = {}
    for name, plugin in plugins.manager.list_name_plugin():
        if isinstance(plugin, FilePlugin):
            for file in plugin.files:
                found.setdefault(file.name, f"file profil {file.path} (dasar: {file.dasar})")
            continue
        if plugin is builtin:
            origin = "bawaan sopdocs"
        elif id(plugin) in packages:
            dist = packages[id(plugin)]
            origin = f"paket terpasang {dist.project_name} {dist.version}"
        else:
            origin = f"file Python {name}"
        provided = getattr(plugin, "sopdocs_profiles", None)
        for profile in (provided() if provided else None) or ():
            found.setdefault(profile.name, origin)
    return found
