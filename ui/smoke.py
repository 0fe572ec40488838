"""A scripted start for smoke tests of an installed copy (the one-folder bundle above all):
`CMCOORD_SMOKE=out.pdf cmcoord --profile DIR` (or `python -m ui.smoke out.pdf --profile DIR`)
does what an officer's first morning does, with no dialog:

1. shows the main window (Qt, its platform plugin and the widgets load);
2. creates a NEW profile: a database key wrapped under a random passphrase, no keyring
   (the smoke profile is a throwaway one, which nothing can reopen afterwards), the
   encrypted database and its migrations (Alembic reads its scripts from the disk);
3. records an officer, loads the demo operation, makes the PDF of its first request for
   assistance (ReportLab, the bundled fonts, Arabic shaping) and writes it to out.pdf;
4. hands the database to the window and waits until the screens have listed the
   operations, makes About's text, then prints `SMOKE_OK <pdf> <rfa reference>
   libraries=<n>` (n: the libraries About lists) and quits with status 0.

It refuses (status 2, nothing written) a profile folder that already holds a database: a
smoke run never touches an officer's data. Any failure prints `SMOKE_FAILED <reason>` and
quits with status 1.
"""

from __future__ import annotations

import os
import secrets
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from fieldapp.paths import ProfilePaths, resolve_profile

ENV = "CMCOORD_SMOKE"  # i18n: not shown
EXIT_OK, EXIT_FAILED, EXIT_REFUSED = 0, 1, 2
OFFICER = ("Smoke Test", "UN OCHA")  # i18n: not shown
READY_TIMEOUT_MS = 60_000


def make_demo_pdf(paths: ProfilePaths, out: Path) -> tuple[object, str, str]:
    """Steps 2 and 3: a new encrypted profile with the demo operation; the first request's
    PDF written to `out`. Returns (the open Database, the operation id, the reference)."""
    from fieldapp.db import Database
    from fieldapp.demo import load_demo
    from fieldapp.keys import ProfileKeys
    from fieldapp.pdf.rfa import load_rfa_document, rfa_pdf
    from fieldapp.services.rfa import list_rfas
    from fieldapp.services.settings import save_officer

    key, _recovery = ProfileKeys(paths.root, use_keyring=False).create(
        passphrase=secrets.token_urlsafe(24))
    db = Database.open(paths, key=key)
    with db.transaction() as session:
        save_officer(session, name=OFFICER[0], organisation=OFFICER[1])
    operation_id = load_demo(db)
    with db.session() as session:
        rows = list_rfas(session, operation_id=operation_id, limit=1)
        if not rows:
            raise RuntimeError(  # i18n: not shown
                "the demo operation has no request for assistance")
        reference = rows[0].reference
        document = load_rfa_document(session, rows[0].id)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(rfa_pdf(document))
    return db, operation_id, reference


def run(out: Path, profile: str | None = None) -> int:
    """The whole smoke run (see the module doc); returns the exit status."""
    paths = resolve_profile(profile)
    if paths.database.exists() or (paths.root / "keys.json").exists():
        print(f"SMOKE_REFUSED {paths.root} already holds a profile", flush=True)  # i18n: not shown
        return EXIT_REFUSED
    from ui.context import AppContext
    from ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([sys.argv[0]])
    paths.root.mkdir(parents=True, exist_ok=True)
    settings = QSettings(str(paths.settings_file), QSettings.Format.IniFormat)
    ctx = AppContext(paths=paths, settings=settings)
    window = MainWindow(ctx)
    window.show()
    outcome = {"status": EXIT_FAILED}

    def fail(reason: str) -> None:
        print(f"SMOKE_FAILED {reason}", flush=True)  # i18n: not shown
        app.exit(EXIT_FAILED)

    def steps() -> None:
        try:
            db, operation_id, reference = make_demo_pdf(paths, out)
        except Exception as exc:  # noqa: BLE001 - any failure is the smoke test's answer
            traceback.print_exc()
            fail(f"{type(exc).__name__}: {exc}")
            return

        def ready() -> None:
            from ui.help.dialogs import about_html
            from ui.help.licences import library_licences

            about_html(data_folder=paths.root)  # About's text can be made (licences read)
            outcome["status"] = EXIT_OK
            libraries = len(library_licences())  # the bundle's build-time list when frozen
            print(f"SMOKE_OK {out} {reference} libraries={libraries}",  # i18n: not shown
                  flush=True)
            app.quit()

        ctx.attach_database(db)  # type: ignore[arg-type]
        ctx.set_current_operation_id(operation_id)
        window.ready.connect(ready)
        window.database_ready()

    QTimer.singleShot(0, steps)
    never = "the window never became ready"  # i18n: not shown
    QTimer.singleShot(READY_TIMEOUT_MS, lambda: fail(never))
    try:
        status = app.exec()
    finally:
        window.close()
        ctx.shutdown()
    return status if status else outcome["status"]


def main(argv: list[str] | None = None) -> int:
    """`python -m ui.smoke [OUT.pdf] [--profile DIR]`; OUT defaults to $CMCOORD_SMOKE."""
    import argparse

    parser = argparse.ArgumentParser(prog="cmcoord-smoke")  # i18n: not shown
    parser.add_argument("out", nargs="?", default=os.environ.get(ENV))
    parser.add_argument("--profile")
    args, _qt = parser.parse_known_args(sys.argv[1:] if argv is None else argv)
    if not args.out:
        parser.error(f"name the PDF to write, or set {ENV}")  # i18n: not shown
    return run(Path(args.out).resolve(), args.profile)


if __name__ == "__main__":
    raise SystemExit(main())
