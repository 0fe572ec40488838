"""What the benchmarks share: percentiles, and the large profile they run on."""

from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fieldapp.db import Database

BIG_PROFILE = Path("/tmp/bigprofile")
BIG_SIZES = ["--contacts", "100000", "--assets", "20000", "--rfas", "10000", "--lessons", "2000"]


def percentile(values: list[float], pct: float) -> float:
    """The nearest-rank percentile of `values` (pct in 0..100)."""
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def ensure_big_profile(path: Path = BIG_PROFILE) -> Path:
    """The 100k/20k/10k/2k profile, made with bench.make_data the first time."""
    if not (path / "fieldkit.sqlite").exists():
        subprocess.run(
            [sys.executable, "-m", "bench.make_data", *BIG_SIZES, "--profile", str(path)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return path


def use_file_keyring(file: Path) -> None:
    """Keep database keys in `file` (bench.keyring_file), in this process and its children:
    a benchmark machine has no system keyring, an officer's laptop has one."""
    import keyring

    from bench.keyring_file import FileKeyring

    os.environ["CMCOORD_KEYRING_FILE"] = str(file)
    os.environ["PYTHON_KEYRING_BACKEND"] = "bench.keyring_file.FileKeyring"
    os.environ.pop("CMCOORD_NO_KEYRING", None)
    keyring.set_keyring(FileKeyring())


def ensure_encrypted_profile(plain: Path) -> Path:
    """An encrypted copy of the profile at `plain` (made the first time with the
    application's own conversion, timed in `encryption.json` beside it), its key in a
    file keyring (`use_file_keyring`)."""
    from fieldapp.encrypt import encrypt_profile
    from fieldapp.keys import ProfileKeys
    from fieldapp.paths import resolve_profile

    target = plain.with_name(plain.name + "-encrypted")
    use_file_keyring(plain.with_name(plain.name + "-encrypted.keyring.json"))
    if (target / "fieldkit.sqlite").exists() and ProfileKeys(target).keyring_key():
        return target
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(plain, target)
    key, _recovery = ProfileKeys(target).create()
    size = (target / "fieldkit.sqlite").stat().st_size
    start = time.perf_counter()
    done = encrypt_profile(resolve_profile(target), key)
    (target / "encryption.json").write_text(json.dumps({
        "encrypt_seconds": round(time.perf_counter() - start, 2), "plain_bytes": size,
        "encrypted_bytes": (target / "fieldkit.sqlite").stat().st_size, "rows": done.rows,
    }), "utf-8")
    return target


def open_profile(plain: Path, *, encrypted: bool) -> Database:
    """The database of the profile at `plain`, or of its encrypted copy."""
    from fieldapp.db import Database
    from fieldapp.keys import ProfileKeys
    from fieldapp.paths import resolve_profile

    if not encrypted:
        return Database.open(resolve_profile(plain))
    root = ensure_encrypted_profile(plain)
    return Database.open(resolve_profile(root), key=ProfileKeys(root).keyring_key())


def encryption_figures(plain: Path) -> dict[str, object]:
    """What making the encrypted copy cost (see ensure_encrypted_profile)."""
    file = plain.with_name(plain.name + "-encrypted") / "encryption.json"
    return json.loads(file.read_text("utf-8")) if file.exists() else {}
