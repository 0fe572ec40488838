"""Cold start to main window shown, against a bare PySide6 window: `python -m bench.startup`.

Each run is a new process, timed from spawn until it prints that its window is shown
(the app does so, then quits, when CMCOORD_EXIT_WHEN_SHOWN=1). The profile holds 100k
contacts. Targets: window_shown_ms <= 1500 and ratio <= 2.0 (medians of 5 runs).

Also, as the profile is encrypted: window_ready_ms, until the database is open (its key
from the keyring) and the operations listed (CMCOORD_EXIT_WHEN_READY=1), on the encrypted
copy of the profile; and db_open_ms, `Database.open` alone in this process, encrypted and
plain (the application opens only encrypted profiles, so this is the cost of encryption).

`--bundle dist/cmcoord` (issue 19) times the one-folder bundle's executable to window
shown, the same way, against the venv's `python -m ui` (runs interleaved, one warm-up
each, the same new profile folder: the window shows before the database is opened), and
prints both and their ratio. Target: bundle_ratio <= 1.5.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.common import BIG_PROFILE, ensure_big_profile, ensure_encrypted_profile, open_profile

SHOWN = "WINDOW_SHOWN"
READY = "WINDOW_READY"
BARE_QT = f"""
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication([])
window = QMainWindow()
window.setCentralWidget(QLabel("bare"))
window.resize(1200, 800)
window.show()
QTimer.singleShot(0, lambda: (print("{SHOWN}", flush=True), app.quit()))
app.exec()
"""


def _time_process(args: list[str], env: dict[str, str], marker: str = SHOWN) -> float:
    start = time.perf_counter()
    proc = subprocess.run(args, env=env, capture_output=True, text=True, timeout=120)
    elapsed = (time.perf_counter() - start) * 1000
    if marker not in proc.stdout:
        raise RuntimeError(f"no {marker}: {proc.stdout[-500:]} {proc.stderr[-2000:]}")
    return elapsed


def _db_open_ms(profile: Path, *, encrypted: bool, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        open_profile(profile, encrypted=encrypted).close()
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 1)


def run(profile: Path, *, runs: int = 5) -> dict[str, float | int]:
    """Median cold-start times of the app and of a bare Qt window."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               CMCOORD_EXIT_WHEN_SHOWN="1")
    app_cmd = [sys.executable, "-m", "ui", "--profile", str(profile)]
    bare_cmd = [sys.executable, "-c", BARE_QT]
    _time_process(app_cmd, env)  # one warm-up, so both sides start from the same disk cache
    _time_process(bare_cmd, env)
    app_ms, bare_ms = [], []
    for _ in range(runs):
        app_ms.append(_time_process(app_cmd, env))
        bare_ms.append(_time_process(bare_cmd, env))
    shown, bare = statistics.median(app_ms), statistics.median(bare_ms)
    encrypted = ensure_encrypted_profile(profile)  # its key in a file keyring, for the child
    ready_env = dict(os.environ, QT_QPA_PLATFORM=env["QT_QPA_PLATFORM"],
                     CMCOORD_EXIT_WHEN_READY="1")  # (with the file keyring just set)
    ready_cmd = [sys.executable, "-m", "ui", "--profile", str(encrypted)]
    _time_process(ready_cmd, ready_env, READY)
    ready = statistics.median(_time_process(ready_cmd, ready_env, READY) for _ in range(runs))
    return {
        "runs": runs,
        "window_shown_ms": round(shown, 1),
        "bare_qt_ms": round(bare, 1),
        "ratio": round(shown / bare, 2),
        "window_ready_ms_encrypted": round(ready, 1),
        "db_open_ms_encrypted": _db_open_ms(profile, encrypted=True, runs=runs),
        "db_open_ms_plain": _db_open_ms(profile, encrypted=False, runs=runs),
        "target_window_shown_ms": 1500,
        "target_ratio": 2.0,
    }


def run_bundle(bundle: Path, *, runs: int = 5) -> dict[str, float | int | str]:
    """Median cold-start times to window shown: the bundle's executable and the venv."""
    import tempfile

    executable = bundle / ("cmcoord.exe" if sys.platform == "win32" else "cmcoord")
    if not executable.is_file():
        raise SystemExit(f"no bundle executable at {executable} (python3 -m installer.build)")
    with tempfile.TemporaryDirectory(prefix="startup-bundle-") as folder:
        profile = Path(folder) / "profile"
        env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
                   CMCOORD_EXIT_WHEN_SHOWN="1")
        venv_cmd = [sys.executable, "-m", "ui", "--profile", str(profile)]
        bundle_cmd = [str(executable), "--profile", str(profile)]
        _time_process(venv_cmd, env)  # warm-ups: both start from the same disk cache
        _time_process(bundle_cmd, env)
        venv_ms, bundle_ms = [], []
        for _ in range(runs):
            venv_ms.append(_time_process(venv_cmd, env))
            bundle_ms.append(_time_process(bundle_cmd, env))
    venv, frozen = statistics.median(venv_ms), statistics.median(bundle_ms)
    return {
        "runs": runs,
        "bundle": str(bundle),
        "venv_window_shown_ms": round(venv, 1),
        "bundle_window_shown_ms": round(frozen, 1),
        "bundle_ratio": round(frozen / venv, 2),
        "target_bundle_ratio": 1.5,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--profile", type=Path, default=BIG_PROFILE)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--bundle", type=Path, metavar="PATH",
                        help="time this one-folder bundle (dist/cmcoord) against the venv")
    args = parser.parse_args()
    if args.bundle:
        print(json.dumps(run_bundle(args.bundle, runs=args.runs), indent=2))
        return
    print(json.dumps(run(ensure_big_profile(args.profile), runs=args.runs), indent=2))


if __name__ == "__main__":
    main()
