"""Where a profile lives on disk: --profile, else CMCOORD_HOME, else a portable bundle's
own folder, else the platform data folder.

Portable mode (issue 19, docs/installer.md): a file named `portable` beside the bundle's
executable (`sys.executable` of a frozen application; on macOS beside the CMCoord.app
folder) makes the profile live in `profile/` next to it, so the whole application and
its data travel on a USB stick. A portable profile never keeps its database key in the
computer's keyring (the keyring belongs to one computer and one user, and the stick
moves): the officer chooses a passphrase when the profile is made and types it at each
start; the recovery key opens it too (fieldapp/keys.py, ui/app.py).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "CMCoordFieldKit"
DB_FILENAME = "fieldkit.sqlite"
BACKUPS_DIRNAME = "backups"
KEEP_BACKUPS = 5
PORTABLE_MARKER = "portable"  # i18n: not shown
PORTABLE_DIRNAME = "profile"  # i18n: not shown


@dataclass(frozen=True)
class ProfilePaths:
    """The files of one officer profile."""

    root: Path
    portable: bool = False  # beside a bundle with its `portable` marker: no keyring

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


def bundle_folder(executable: str | None = None, frozen: bool | None = None) -> Path | None:
    """The folder a frozen application's executable is in (for a macOS CMCoord.app, the
    folder holding the .app), or None when running from Python sources or a venv."""
    if not (getattr(sys, "frozen", False) if frozen is None else frozen):
        return None
    folder = Path(executable or sys.executable).resolve().parent
    if folder.name == "MacOS" and folder.parent.name == "Contents" \
            and folder.parent.parent.suffix == ".app":
        return folder.parent.parent.parent
    return folder


def portable_root(executable: str | None = None, frozen: bool | None = None) -> Path | None:
    """`<bundle>/profile` when the `portable` marker file is beside the executable."""
    folder = bundle_folder(executable, frozen)
    if folder is None or not (folder / PORTABLE_MARKER).is_file():
        return None
    return folder / PORTABLE_DIRNAME


def resolve_profile(explicit: str | os.PathLike[str] | None = None, *,
                    executable: str | None = None,
                    frozen: bool | None = None) -> ProfilePaths:
    """Pick the profile folder: an explicit path, else CMCOORD_HOME, else a portable
    bundle's `profile/`, else the platform's. (`executable` and `frozen` stand for
    sys.executable and sys.frozen, for tests.)"""
    portable = False
    if explicit:
        root = Path(explicit)
    elif os.environ.get("CMCOORD_HOME"):
        root = Path(os.environ["CMCOORD_HOME"])
    elif (beside := portable_root(executable, frozen)) is not None:
        root, portable = beside, True
    else:
        root = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "default"
    return ProfilePaths(root.expanduser().resolve(), portable=portable)
