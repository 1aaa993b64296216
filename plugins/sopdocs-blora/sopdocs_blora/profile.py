"""The Blora profile (Perbup Blora 48/2015), read from the package's profile file
`blora-48-2015.toml`: identity labels, the flat Standar Pelayanan list."""
from __future__ import annotations

from importlib import resources
from pathlib import Path

from sopdocs.profile import DEFAULT, Profile
from sopdocs.profile_file import read_profile_file

PROFILE_NAME = "blora-48-2015"
PROFILE = read_profile_file(Path(str(resources.files(__package__).joinpath(f"{PROFILE_NAME}.toml")))).profile(DEFAULT)


def is_blora(profile: Profile | None) -> bool:
    """Whether a workbook's profile is this plugin's (the hooks do nothing for any other)."""
    return profile is not None and profile.name.strip().lower() == PROFILE_NAME
