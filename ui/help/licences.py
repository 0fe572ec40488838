"""What About says about the software: the version, the licences of the bundled fonts
(resources/fonts/LICENSE-*) and of the libraries.

In the one-folder bundle (issue 19) the list is the one written at build time
(`_internal/licences/licences.json`, by installer/licences.py): every Python distribution
shipped, Python itself and the fonts, with their licence texts beside it. Run from a venv,
the main libraries are read from their installed metadata, so the list never goes stale.
"""

from __future__ import annotations

import json
import sys
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

DISTRIBUTION = "cmcoord-field-kit"
MAIN_LIBRARIES = ("PySide6", "SQLAlchemy", "alembic", "reportlab", "pypdf", "phonenumbers",
                  "vobject", "charset-normalizer", "python-bidi", "arabic-reshaper",
                  "markdown-it-py", "requests", "keyring", "platformdirs")


def app_version() -> str:
    """The installed version of the application ("unknown" when run from bare sources)."""
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "unknown"


def licence_of(distribution: str) -> tuple[str, str] | None:
    """(version, licence name) of an installed distribution, or None when not installed."""
    try:
        meta = metadata.metadata(distribution)
    except metadata.PackageNotFoundError:
        return None
    name = meta.get("License-Expression") or ""
    if not name:
        declared = (meta.get("License") or "").strip()
        if declared and "\n" not in declared and len(declared) <= 60:
            name = declared
    if not name:
        classified = meta.get_all("Classifier") or []  # i18n: not shown
        classifiers = [c.rsplit(" :: ", 1)[-1] for c in classified
                       if c.startswith("License ::")]
        name = ", ".join(classifiers)
    return meta.get("Version") or "", name or QCoreApplication.translate("About",
                                                                            "see its package")


def bundled_licences_folder() -> Path | None:
    """The bundle's licences folder (licences.json and the texts), or None outside one."""
    base = getattr(sys, "_MEIPASS", None) if getattr(sys, "frozen", False) else None
    return Path(base) / "licences" if base else None


def read_bundled_licences(folder: Path | None = None) -> dict[str, Any] | None:
    """The build-time list of the bundle (see the module doc), or None when there is none
    or it cannot be read."""
    folder = folder or bundled_licences_folder()
    if folder is None:
        return None
    try:
        data = json.loads((folder / "licences.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and isinstance(data.get("libraries"), list) \
        else None


def library_licences(bundled: dict[str, Any] | None = None) -> list[tuple[str, str, str]]:
    """(name, version, licence) of each library: every one the bundle ships (from its
    build-time list), else each main library installed here."""
    bundled = bundled if bundled is not None else read_bundled_licences()
    if bundled is not None:
        unknown = QCoreApplication.translate("About", "see its package")
        return [(str(item.get("name", "")), str(item.get("version", "")),
                 str(item.get("licence") or unknown))
                for item in bundled["libraries"] if isinstance(item, dict)]
    found = ((name, licence_of(name)) for name in MAIN_LIBRARIES)
    return [(name, *info) for name, info in found if info is not None]


def font_folder() -> Path:
    """Where the bundled fonts and their licence files are."""
    return Path(str(resources.files("resources") / "fonts"))


def font_licences() -> list[tuple[str, str, Path]]:
    """(font family, its licence in a few words, the licence file) for each LICENSE-* file
    beside the bundled fonts."""
    return [(path.stem.removeprefix("LICENSE-"), licence_summary(path), path)
            for path in sorted(font_folder().glob("LICENSE-*"))]


def licence_summary(path: Path) -> str:
    """The licence a licence file names: its Debian `License:` fields, else its
    "Licensed under …" sentence or a line naming the licence, else its first line."""
    lines = [line.strip() for line in
             path.read_text(encoding="utf-8", errors="replace").splitlines()]
    fields = [line.split(":", 1)[1].strip() for line in lines
              if line.startswith("License:") and line.split(":", 1)[1].strip()]
    if fields:
        return ", ".join(dict.fromkeys(fields))
    named = next((line for line in lines if line.startswith("Licensed under")
                  or "Open Font License" in line or "OFL" in line.split()), "")
    return named or next((line for line in lines if line), "")
