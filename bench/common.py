"""What the benchmarks share: percentiles, and the large profile they run on."""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

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
