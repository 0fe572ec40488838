"""Where a profile lives on disk: the platform data folder, CMCOORD_HOME, or --profile."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "CMCoordFieldKit"
DB_FILENAME = "fieldkit.sqlite"
BACKUPS_DIRNAME = "backups"
KEEP_BACKUPS = 5


@dataclass(frozen=True)
class ProfilePaths:
    """The files of one officer profile."""

    root: Path

    @property
    def database(self) -> Path:
        """The SQLite file."""
        return self.root / DB_FILENAME

    @property
    def backups(self) -> Path:
        """Copies of the database made before each schema upgrade."""
        return self.root / BACKUPS_DIRNAME

    @property
    def settings_file(self) -> Path:
        """Window geometry and other per-profile UI settings (QSettings INI)."""
        return self.root / "ui-settings.ini"


def resolve_profile(explicit: str | os.PathLike[str] | None = None) -> ProfilePaths:
    """Pick the profile folder: an explicit path, else CMCOORD_HOME, else the platform's."""
    if explicit:
        root = Path(explicit)
    elif os.environ.get("CMCOORD_HOME"):
        root = Path(os.environ["CMCOORD_HOME"])
    else:
        root = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "default"
    return ProfilePaths(root.expanduser().resolve())
