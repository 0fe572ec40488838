"""The bundle's entry point (installer/cmcoord.spec): the desktop application, or its
scripted smoke run when CMCOORD_SMOKE names a PDF to write (ui/smoke.py)."""

from __future__ import annotations

import os
import sys


def main() -> int:
    """Run Field Kit (or the smoke run); the exit status of either."""
    if sys.stdout is None or sys.stderr is None:  # a windowed .exe on Windows has neither
        devnull = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - for the process
        sys.stdout = sys.stdout or devnull
        sys.stderr = sys.stderr or devnull
    if os.environ.get("CMCOORD_SMOKE"):
        from ui.smoke import main as smoke

        return smoke()
    from ui.app import main as app_main

    return app_main()


if __name__ == "__main__":
    raise SystemExit(main())
