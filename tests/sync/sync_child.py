"""Run one sync of a profile in a child process, for the kill-at-random-points tests.

`python -m tests.sync.sync_child PROFILE_ROOT PUSH_BATCH PULL_BATCH` prints "ready" just
before the sync starts, "step" each time a batch has been sent or received (the parent
kills the process around one of those moments) and "done" when it finished. The device
token is read from the profile's file (no keyring).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ["CMCOORD_NO_KEYRING"] = "1"

from fieldapp.db import Database  # noqa: E402
from fieldapp.paths import resolve_profile  # noqa: E402
from fieldapp.progress import Progress  # noqa: E402
from sync.client import sync_once  # noqa: E402
from sync.errors import SyncError  # noqa: E402


def main() -> int:
    root, push_batch, pull_batch = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    db = Database.open(resolve_profile(Path(root)))
    print("ready", flush=True)
    try:
        sync_once(db, push_batch=push_batch, pull_batch=pull_batch,
                  progress=Progress(on_report=lambda *_report: print("step", flush=True)))
    except SyncError as exc:
        print(f"error {exc.code}", flush=True)
        return 1
    finally:
        db.close()
    print("done", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
