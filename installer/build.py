"""Build the desktop application as a one-folder bundle: `python3 -m installer.build`.

Runs PyInstaller on installer/cmcoord.spec (the same spec on Linux, Windows and macOS),
which writes dist/cmcoord/ — the executable `cmcoord` (`cmcoord.exe`), and `_internal/`
with Python, Qt, the libraries, the fonts, handbook, guide, translations and the licences
(`_internal/licences/licences.json`, read by About). Then prints the bundle's size.

Options: `--portable` puts the `portable` marker beside the executable (the profile then
lives in dist/cmcoord/profile/, for a USB stick); `--smoke` runs the bundle once in a clean
environment (new profile, demo, RFA PDF; see ui/smoke.py) and fails when it does not work;
`--dist DIR`/`--work DIR` change where the bundle and PyInstaller's work files go.
See docs/installer.md.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "installer" / "cmcoord.spec"
NAME = "cmcoord"
PORTABLE_MARKER = "portable"  # the name fieldapp.paths looks for


def executable(bundle: Path) -> Path:
    """The bundle's executable."""
    return bundle / (f"{NAME}.exe" if sys.platform == "win32" else NAME)


def folder_size(folder: Path) -> int:
    """Bytes of every file under `folder` (as `du --apparent-size` counts)."""
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink())


def build(dist: Path, work: Path) -> Path:
    """Run PyInstaller; returns the bundle folder."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        sys.exit("PyInstaller is not installed: python3 -m pip install -e '.[bundle]'")
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
               "--distpath", str(dist), "--workpath", str(work), str(SPEC)]
    print("$", " ".join(command), flush=True)
    subprocess.run(command, cwd=ROOT, check=True)
    return dist / NAME


def clean_environment(home: Path) -> dict[str, str]:
    """What the bundle gets in a smoke run: no venv, no PYTHONPATH, our PATH left out."""
    env = {"HOME": str(home), "PATH": os.pathsep.join(p for p in ("/usr/bin", "/bin")
                                                       if Path(p).is_dir()),
           "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "LANG": "C.UTF-8"}
    for name in ("DISPLAY", "XAUTHORITY", "SYSTEMROOT", "TEMP", "TMP", "USERPROFILE"):
        if name in os.environ:
            env[name] = os.environ[name]
    return env


def smoke(bundle: Path, folder: Path, *, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run the bundle's smoke mode in `folder` (a new profile there, out.pdf); the process."""
    env = clean_environment(folder / "home")
    (folder / "home").mkdir(parents=True, exist_ok=True)
    env["CMCOORD_SMOKE"] = str(folder / "out.pdf")
    return subprocess.run([str(executable(bundle)), "--profile", str(folder / "profile")],
                          env=env, cwd=folder, capture_output=True, text=True,
                          timeout=timeout, check=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python3 -m installer.build",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build")
    parser.add_argument("--portable", action="store_true",
                        help="put the portable marker beside the executable")
    parser.add_argument("--smoke", action="store_true",
                        help="run the bundle once in a clean environment after building")
    args = parser.parse_args(argv)
    started = time.monotonic()
    bundle = build(args.dist.resolve(), args.work.resolve())
    marker = bundle / PORTABLE_MARKER
    if args.portable:
        marker.write_text("Field Kit keeps its profile in the profile folder beside this "
                          "file.\n", encoding="utf-8")
    print(f"bundle: {bundle}")
    print(f"size: {folder_size(bundle) / 1e6:.0f} MB unpacked, built in "
          f"{time.monotonic() - started:.0f} s{' (portable)' if args.portable else ''}")
    if args.smoke:
        folder = Path(tempfile.mkdtemp(prefix="cmcoord-smoke-"))
        try:
            done = smoke(bundle, folder)
            print(done.stdout.strip())
            if done.returncode != 0 or "SMOKE_OK" not in done.stdout:
                print(done.stderr, file=sys.stderr)
                return 1
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
