"""Files written whole or not at all: a crash, a cancelled job or a full disk never leaves
a half-written file under the name the officer chose."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(target: str | Path, data: bytes) -> Path:
    """Write `data` to `target` through a temporary file beside it, then rename it into
    place (one step on every file system we run on); return the target's path."""
    target = Path(target)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part",
                                         dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target
