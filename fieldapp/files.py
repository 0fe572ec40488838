"""Files written whole or not at all: a crash, a cancelled job or a full disk never leaves
a half-written file under the name the officer chose."""

from __future__ import annotations

import contextlib
import os
import stat
import uuid
from pathlib import Path


def write_atomically(target: str | Path, data: bytes) -> Path:
    """Write `data` to `target` through a temporary file beside it, then rename it into
    place (one step on every file system we run on); return the target's path.

    The file gets the permissions a plain write would give it: those of the file it
    replaces, else the usual ones for a new file (the umask applies).
    """
    target = Path(target)
    # A short name of its own, so a target name near the file system's limit still fits.
    temporary = target.with_name(f".fieldkit-{uuid.uuid4().hex[:12]}.part")  # i18n: not shown
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    handle = os.open(temporary, flags, 0o666)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        with contextlib.suppress(FileNotFoundError):  # a new file: the umask applied
            os.chmod(temporary, stat.S_IMODE(target.stat().st_mode))
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _sync_folder(target.parent)
    return target


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no directory handles for this)."""
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)
