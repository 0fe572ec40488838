"""The one-folder bundle works on a machine without the project's Python (issue 19).

Builds dist/cmcoord/ with PyInstaller (installer/build.py, into a temporary folder), or
takes the bundle CMCOORD_BUNDLE names, and runs it with a clean environment (`env -i`:
only HOME, PATH without the project's Python, the display): it creates a profile, loads
the demo, exports an RFA PDF (read back with pypdf) and quits with status 0. Under Xvfb
with Qt's xcb plugin when Xvfb is installed (the real window-system path), offscreen too.
Skipped when PyInstaller is not installed and no bundle is named (pip install '.[bundle]').
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from installer import build

pytestmark = [pytest.mark.bundle, pytest.mark.timeout(1200)]

MAX_MB = 200


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    named = os.environ.get("CMCOORD_BUNDLE")
    if named:
        return Path(named).resolve()
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        pytest.skip("PyInstaller is not installed (pip install -e '.[bundle]')")
    folder = tmp_path_factory.mktemp("bundle")
    return build.build(folder / "dist", folder / "work")


@pytest.fixture
def xvfb(tmp_path: Path) -> Iterator[str | None]:
    """A virtual X display (its DISPLAY), or None when Xvfb is not installed."""
    if shutil.which("Xvfb") is None:
        yield None
        return
    for number in range(90, 140):
        if not Path(f"/tmp/.X{number}-lock").exists():
            break
    server = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1366x768x24",
                               "-nolisten", "tcp"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        socket = Path(f"/tmp/.X11-unix/X{number}")
        deadline = time.monotonic() + 10
        while not socket.exists() and server.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def _clean_run(bundle: Path, folder: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """`env -i HOME=… PATH=/usr/bin:/bin …` the bundle's smoke run in `folder`."""
    (folder / "home").mkdir(parents=True)
    clean = {"HOME": str(folder / "home"), "PATH": "/usr/bin:/bin",
             "CMCOORD_SMOKE": str(folder / "out.pdf"), **env}
    assert not any(str(Path(sys.executable).parent) in part
                   for part in clean["PATH"].split(os.pathsep))
    command = ["env", "-i", *(f"{k}={v}" for k, v in clean.items()),
               str(build.executable(bundle)), "--profile", str(folder / "profile")]
    return subprocess.run(command, cwd=folder, capture_output=True, text=True, timeout=180,
                          check=False)


def _check_smoke(done: subprocess.CompletedProcess[str], folder: Path) -> None:
    assert done.returncode == 0, (done.stdout, done.stderr)
    line = next(x for x in done.stdout.splitlines() if x.startswith("SMOKE_OK"))
    reference, libraries = line.split()[2], int(line.split()[3].removeprefix("libraries="))
    pages = PdfReader(folder / "out.pdf").pages
    text = "".join(page.extract_text() for page in pages)
    assert reference in text  # the demo's first request, printed by the bundle
    assert libraries >= 30  # About lists every shipped library, from licences.json
    assert "Marovia" in text
    assert (folder / "profile" / "fieldkit.sqlite").stat().st_size > 100_000
    assert (folder / "profile" / "keys.json").is_file()  # encrypted, as always
    assert "Traceback" not in done.stderr


def test_bundle_size_and_contents(bundle: Path):
    size = build.folder_size(bundle) / 1e6
    assert size <= MAX_MB, f"the bundle is {size:.0f} MB"
    internal = bundle / "_internal"
    assert (internal / "licences" / "licences.json").is_file()
    assert (internal / "resources" / "fonts" / "DejaVuSans.ttf").is_file()
    assert (internal / "fieldapp" / "migrations" / "versions" / "0001_initial.py").is_file()
    assert any((internal / "resources" / "handbook" / "en").glob("*.md"))
    names = {p.name for p in internal.rglob("*")}
    for absent in ("libQt6WebEngineCore.so.6", "libQt6Quick.so.6", "libQt6Qml.so.6",
                   "libgtk-3.so.0", "fastapi", "uvicorn", "psycopg", "pytest", "hq"):
        assert absent not in names


def test_bundle_runs_offscreen_in_a_clean_environment(bundle: Path, tmp_path: Path):
    done = _clean_run(bundle, tmp_path, QT_QPA_PLATFORM="offscreen", LANG="C.UTF-8")
    _check_smoke(done, tmp_path)


def test_bundle_runs_under_xvfb_with_the_xcb_plugin(bundle: Path, tmp_path: Path, xvfb):
    if xvfb is None:
        pytest.skip("Xvfb is not installed")
    done = _clean_run(bundle, tmp_path, DISPLAY=xvfb, QT_QPA_PLATFORM="xcb")
    _check_smoke(done, tmp_path)


def test_portable_marker_keeps_the_profile_beside_the_executable(bundle: Path,
                                                                 tmp_path: Path):
    stick = tmp_path / "stick" / "cmcoord"
    shutil.copytree(bundle, stick, symlinks=True)
    (stick / "portable").write_text("", encoding="utf-8")
    home = tmp_path / "home"
    home.mkdir()
    command = ["env", "-i", f"HOME={home}", "PATH=/usr/bin:/bin", "QT_QPA_PLATFORM=offscreen",
               f"CMCOORD_SMOKE={tmp_path / 'out.pdf'}", str(build.executable(stick))]
    done = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, (done.stdout, done.stderr)
    assert (stick / "profile" / "fieldkit.sqlite").is_file()
    assert not any(home.rglob("fieldkit.sqlite"))  # nothing in the user's folder
