"""The licences of everything the bundle ships, written at build time (issue 19).

`write(folder, modules)` makes `folder/licences.json` and, beside it, the full licence
texts: one folder per Python distribution whose modules are bundled (its licence files
read from its installed metadata through importlib.metadata), Python's own licence, and
the bundled fonts' licence files (resources/fonts/LICENSE-*). The About dialog reads
`licences.json` (ui/help/licences.py); `python3 -m installer.licences OUT MODULE…` writes
the same for a list of top-level module names.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

# About names a font's licence in the same words from a venv: one reading of the file
from ui.help.licences import licence_summary

FORMAT = "cmcoord-field-kit licences"
VERSION = 1
INDEX = "licences.json"
# Files of a distribution that hold its licence (PEP 639's License-File, else by name).
_LICENCE_NAME = re.compile(r"(^|/)(LICEN[CS]E|COPYING|NOTICE|AUTHORS|COPYRIGHT)[^/]*$",
                           re.IGNORECASE)
# Distributions that are part of the application itself, not third-party libraries.
OWN = {"cmcoord-field-kit"}
# Distributions that share a top-level package with a shipped one but of which nothing is
# shipped (PySide6's add-on modules are all excluded: installer/rules.py).
NOT_SHIPPED = {"PySide6_Addons", "pyside6-addons"}


def licence_name(meta: metadata.PackageMetadata) -> str:
    """The licence a distribution declares: its SPDX License-Expression, else a short
    License field, else its "License ::" classifiers, else ""."""
    name = (meta.get("License-Expression") or "").strip()
    if name:
        return name
    declared = (meta.get("License") or "").strip()
    if declared and "\n" not in declared and len(declared) <= 80:
        return declared
    classifiers = [c.rsplit(" :: ", 1)[-1] for c in (meta.get_all("Classifier") or [])
                   if c.startswith("License ::") and c.count("::") >= 1]
    return ", ".join(c for c in classifiers if c not in ("OSI Approved",))


def distributions_of(modules: set[str]) -> list[str]:
    """The installed distributions that provide these top-level modules, by name."""
    providers = metadata.packages_distributions()
    names = {dist for module in modules for dist in providers.get(module, [])}
    return sorted(names - OWN - NOT_SHIPPED, key=str.casefold)


def licence_files(dist: metadata.Distribution) -> list[Path]:
    """The licence files a distribution installed (its dist-info's, and its own)."""
    found = []
    for file in dist.files or []:
        if _LICENCE_NAME.search(str(file).replace("\\", "/")):
            path = Path(str(dist.locate_file(file)))
            if path.is_file():
                found.append(path)
    return found


# A wheel that ships no licence file (PySide6, shiboken6): the text of the licence its
# metadata names, from the build machine's copy (Debian's /usr/share/common-licenses).
COMMON_LICENCES = Path("/usr/share/common-licenses")
_COMMON_TEXTS = (("LGPL-3.0", ("LGPL-3", "GPL-3")), ("LGPL-2.1", ("LGPL-2.1",)),
                 ("GPL-3.0", ("GPL-3",)), ("GPL-2.0", ("GPL-2",)),
                 ("Apache-2.0", ("Apache-2.0",)), ("MPL-2.0", ("MPL-2.0",)))


def common_texts(licence: str, base: Path = COMMON_LICENCES) -> list[Path]:
    """The build machine's copies of the licence texts `licence` names (the first match:
    LGPL-3.0 brings GPL-3 too, which it builds on)."""
    for spdx, names in _COMMON_TEXTS:
        if spdx in licence:
            return [base / name for name in names if (base / name).is_file()]
    return []


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", name)


def library_entries(names: list[str], folder: Path) -> list[dict[str, object]]:
    """One entry per distribution (name, version, licence, its copied files)."""
    entries = []
    for name in names:
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        meta = dist.metadata
        target = folder / _safe(meta["Name"] or name)
        copied = []
        files = licence_files(dist) or common_texts(licence_name(meta))
        for number, path in enumerate(files):
            target.mkdir(parents=True, exist_ok=True)
            out = target / (path.name if number == 0 or not (target / path.name).exists()
                            else f"{number}-{path.name}")
            shutil.copyfile(path, out)
            copied.append(out.relative_to(folder).as_posix())
        entries.append({"name": meta["Name"] or name, "version": meta["Version"] or "",
                        "licence": licence_name(meta), "files": copied,
                        "home": meta.get("Home-page") or _project_url(meta)})
    return entries


def _project_url(meta: metadata.PackageMetadata) -> str:
    for entry in meta.get_all("Project-URL") or []:
        label, _sep, url = entry.partition(",")
        if label.strip().lower() in ("homepage", "home", "source", "repository"):
            return url.strip()
    return ""


def font_entries(fonts: Path, folder: Path) -> list[dict[str, object]]:
    """One entry per LICENSE-<family> file beside the bundled fonts."""
    entries = []
    for path in sorted(fonts.glob("LICENSE-*")):
        (folder / "fonts").mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, folder / "fonts" / path.name)
        family = path.stem.removeprefix("LICENSE-")
        files = sorted(f.name for f in fonts.iterdir()
                       if f.suffix.lower() in (".ttf", ".otf")
                       and f.name.lower().startswith(family.lower()[:6]))
        entries.append({"family": family, "licence": licence_summary(path),
                        "file": f"fonts/{path.name}", "fonts": files})
    return entries


def python_entry(folder: Path) -> dict[str, object]:
    """The Python interpreter the bundle carries (PSF licence)."""
    version = ".".join(str(part) for part in sys.version_info[:3])
    entry: dict[str, object] = {"name": "Python", "version": version,
                                "licence": "PSF-2.0", "files": [],
                                "home": "https://www.python.org/"}
    candidates = [Path(sys.base_prefix) / "lib" / f"python{sys.version_info[0]}."
                  f"{sys.version_info[1]}" / "LICENSE.txt",
                  Path(sys.base_prefix) / "LICENSE.txt"]
    for path in candidates:
        if path.is_file():
            (folder / "Python").mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, folder / "Python" / "LICENSE.txt")
            entry["files"] = ["Python/LICENSE.txt"]
            break
    return entry


def write(folder: Path, modules: set[str], *, fonts: Path, app_version: str) -> Path:
    """Write licences.json and the licence texts into `folder`; returns the index file."""
    folder.mkdir(parents=True, exist_ok=True)
    libraries = [python_entry(folder), *library_entries(distributions_of(modules), folder)]
    index = {
        "format": FORMAT, "version": VERSION, "application": app_version,
        "generated": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "libraries": libraries,
        "fonts": font_entries(fonts, folder),
    }
    path = folder / INDEX
    path.write_text(json.dumps(index, indent=1, ensure_ascii=False), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    """`python3 -m installer.licences OUT_FOLDER MODULE…`"""
    args = sys.argv[1:] if argv is None else argv
    if len(args) < 2:
        print(__doc__)
        return 2
    root = Path(__file__).resolve().parent.parent
    from installer.rules import app_version

    path = write(Path(args[0]), set(args[1:]), fonts=root / "resources" / "fonts",
                 app_version=app_version(str(root)))
    print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
