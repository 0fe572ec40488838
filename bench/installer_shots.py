"""Screenshots for docs/installer.md (issue 19): `python3 -m bench.installer_shots [BUNDLE]`.

Starts a real HQ (SQLite, in a temporary folder), announces a version, enrolls a new
profile with the demo operation and syncs it, then grabs, offscreen at 1366×768:
docs/screenshots/sync-update.png (the Sync screen saying the version is available) and
docs/screenshots/about-licences.png (About over the window, with the licences list of
BUNDLE/_internal/licences when BUNDLE, default dist/cmcoord, was built: as the bundle
shows it).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["CMCOORD_NO_KEYRING"] = "1"

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
SIZE = (1366, 768)


def _wait(app, condition, seconds: float = 20) -> None:
    import time

    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("timed out")
        app.processEvents()
        time.sleep(0.02)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    bundle = Path(args[0] if args else ROOT / "dist" / "cmcoord")
    from PySide6.QtWidgets import QApplication

    from hq import admin
    from tests.sync.conftest import start_hq
    from ui.help import dialogs, licences

    app = QApplication.instance() or QApplication([])
    licence_folder = bundle / "_internal" / "licences"
    if (licence_folder / "licences.json").is_file():  # About as the bundle shows it
        licences.bundled_licences_folder = lambda: licence_folder
        dialogs.bundled_licences_folder = lambda: licence_folder
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        server, hq_db = start_hq(f"sqlite:///{tmp}/hq.sqlite")
        admin.add_operation(hq_db, code="HTI-EQ", name="Haïti séisme", country="HTI")
        admin.add_officer(hq_db, name="Ana")
        admin.assign(hq_db, officer="Ana", operation="HTI-EQ")
        with server:
            _shots(app, hq_db, server.url, Path(tmp))
        hq_db.close()
    print(OUT / "sync-update.png")
    print(OUT / "about-licences.png")
    return 0


def _shots(app, hq_db, hq_url: str, tmp: Path) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QPainter

    from fieldapp.db import Database
    from fieldapp.demo import load_demo
    from fieldapp.keys import ProfileKeys
    from fieldapp.paths import resolve_profile
    from fieldapp.services.settings import save_officer
    from hq import admin
    from hq.releases import announce
    from sync.client import enroll, sync_once
    from sync.tokens import TokenStore
    from ui.context import AppContext
    from ui.main_window import MainWindow

    announce(hq_db, "0.2.0", "https://fieldkit.unocha.example/download/0.2.0/",
             "Runs from a USB stick (portable mode); Arabic and Chinese names in "
             "printed requests; faster start.")
    paths = resolve_profile(Path(tmp) / "profile")
    key, _recovery = ProfileKeys(paths.root, use_keyring=False).create(
        passphrase="shots passphrase 2026")
    db = Database.open(paths, key=key)
    with db.transaction() as session:
        save_officer(session, name="Ана Лопес", organisation="UN OCHA")
    operation = load_demo(db)
    code, _ = admin.make_enrollment_code(hq_db, officer="Ana")
    enroll(db, hq_url, code, device_name="laptop-ana", tokens=TokenStore(db))
    sync_once(db)
    ctx = AppContext(paths=paths, settings=QSettings(str(Path(tmp) / "ui.ini"),
                                                     QSettings.Format.IniFormat), db=db)
    ctx.set_current_operation_id(operation)
    window = MainWindow(ctx)
    window.resize(*SIZE)
    window.show()
    window.database_ready()
    screen = window.show_section("sync")
    _wait(app, lambda: screen.state is not None and not screen.release_label.isHidden())
    for _ in range(20):
        app.processEvents()
    window.grab().save(str(OUT / "sync-update.png"))
    about = window.show_about()
    about.move(window.x() + (SIZE[0] - about.width()) // 2, window.y() + 40)
    for _ in range(20):
        app.processEvents()
    composed = window.grab()
    painter = QPainter(composed)
    painter.drawPixmap((SIZE[0] - about.width()) // 2, 40, about.grab())
    painter.end()
    composed.save(str(OUT / "about-licences.png"))
    about.close()
    window.close()
    ctx.shutdown()


if __name__ == "__main__":
    raise SystemExit(main())
