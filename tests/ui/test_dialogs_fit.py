"""Every dialog the officer meets while working fits the field's real screens: a child
process runs Qt's offscreen platform with the screens of test_main_window_screens
(1366×768 at 100 % and 125 %, 1920×1080 at 150 %, 3840×2160 at 200 %), opens on the main
window the asset form (new and edit) and its status change, the operation form (new and
edit), every RFA status step, the import preview of twenty rows on each of its tabs and
the lesson form, and the start-up dialogs of the profile's key (choose a passphrase,
refused; the recovery key with a saved note; unlock, refused; unlock with the recovery key
only; encrypting), and reports where each frame and each visible button landed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QRect

from fieldapp.services.assets import AssetInput, create_asset
from tests.ui.test_main_window_screens import SCREENS

PROBE = r'''
import faulthandler, json, os, sys, time
faulthandler.enable()
from PySide6.QtCore import QPoint, QSettings
from PySide6.QtWidgets import QAbstractButton, QApplication
from fieldapp.db import Database
from fieldapp.models.enums import RfaStatus
from fieldapp.paths import resolve_profile
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.screens.asset_dialog import AssetDialog, StatusDialog
from ui.screens.import_preview import ColumnLine, ImportPreviewDialog, MergeWords, PreviewLines
from ui.screens.rfa_dialogs import TransitionDialog

app = QApplication([])
root, operation_id, asset_id = sys.argv[1:4]
paths = resolve_profile(root)
settings = QSettings(str(paths.settings_file), QSettings.Format.IniFormat)
ctx = AppContext(paths=paths, settings=settings, db=Database.open(paths))
window = MainWindow(ctx)
window.show()

def settle(seconds=0.2):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()

def wait(condition, seconds=10):
    end = time.monotonic() + seconds
    while not condition() and time.monotonic() < end:
        app.processEvents()
    settle()

def box(widget):
    top_left = widget.mapToGlobal(QPoint(0, 0))
    return [top_left.x(), top_left.y(), widget.width(), widget.height()]

def frame(widget):
    f = widget.frameGeometry()
    return [f.x(), f.y(), f.width(), f.height()]

def buttons(widget):
    # a button scrolled out of its pane is reached by scrolling; one the screen cuts is not
    return [[b.text(), box(b)] for b in widget.findChildren(QAbstractButton)
            if b.isVisible() and b.text() and not b.visibleRegion().isEmpty()]

a = app.primaryScreen().availableGeometry()
out = {"available": [a.x(), a.y(), a.width(), a.height()], "dialogs": {}}

def report(name, dialog):
    settle()
    out["dialogs"][name] = [frame(dialog), buttons(dialog)]
    dialog.close()

wait(lambda: window.switcher.current_row() is not None)
ctx.set_current_operation_id(operation_id)
settle()

window.show_section("assets")
new_asset = AssetDialog(ctx, None, parent=window)
new_asset.show()
settle()
new_asset.capacity_value.setText("four")
new_asset.save()  # refused: the field is marked and the dialog grows to show it
report("new asset, refused", new_asset)
edit_asset = AssetDialog(ctx, asset_id, parent=window)
edit_asset.show()
wait(edit_asset.buttons.isEnabled)
report("edit asset", edit_asset)
status = StatusDialog(ctx, asset_id, "offered", parent=window)
status.show()
report("asset status", status)

report("new operation", window.switcher.new_operation())
report("edit operation", window.switcher.edit_operation())

screen = window.show_section("rfa")
screen.new_request()
wait(lambda: screen.form.state is not None)
proposed = [("a1", "Heavy-lift helicopter (Mi-26), 20 t, Port Selvane — covers 4.8 t"),
            ("a2", "Engineering platoon with water purification, 6,000 l/h")]
past = ("The request is needed from a time already past. Say why (for example, recording "
        "support already given): it goes in the history.")
for status in (RfaStatus.SUBMITTED, RfaStatus.VALIDATED, RfaStatus.RETURNED,
               RfaStatus.PASSED_TO_MILITARY, RfaStatus.TASKED, RfaStatus.COMPLETED,
               RfaStatus.REJECTED, RfaStatus.CANCELLED, RfaStatus.DRAFT):
    step = TransitionDialog(status, assets=proposed, reference="CYA-RFA-0042",
                            warning=past if status == RfaStatus.SUBMITTED else "",
                            parent=screen.form)
    step.show()
    report(f"RFA step {status}", step)
unproposed = TransitionDialog(RfaStatus.TASKED, assets=[], reference="CYA-RFA-0042",
                              parent=screen.form)
unproposed.show()
report("RFA step tasked, nothing proposed", unproposed)

rows = range(2, 22)
lines = PreviewLines(
    to_add=[(n, f"Contact number {n} of the Okavango Relief Network, Logistics") for n in rows],
    matches=[(n, f"Row {n}", "e-mail", f"Existing contact {n}") for n in rows],
    rejected=[(n, "No name: a contact needs a given or family name.") for n in rows],
    note="3 new organisations will be created: Okavango Relief Network, Selvane Water, "
         "Port Authority.",
    warnings=[(n, "The photo was not kept: photos are not imported.") for n in rows],
    columns=[ColumnLine(f"Column {n}", "given_name" if n == 2 else "", 20, f"sample {n}",
                        key=f"c{n}") for n in rows],
    targets=[("given_name", "Given name"), ("family_name", "Family name")],
    encoding="cp1252", encoding_guessed=True,
    encodings=[("utf-8", "Unicode (UTF-8)"), ("cp1252", "Western European (Windows-1252)")])
preview = ImportPreviewDialog(lines, merge=MergeWords("Update", "Update all", "Tick."),
                              start_import=lambda _c: None,
                              parent=window)
preview.show()
for tab in range(preview.tabs.count()):
    preview.tabs.setCurrentIndex(tab)
    settle()
    out["dialogs"][f"import preview, tab {tab}"] = [frame(preview), buttons(preview)]
preview.close()

lessons = window.show_section("lessons")
lessons.form.new_lesson(operation_id)
settle()
out["dialogs"]["lesson form"] = [frame(window), buttons(lessons.form)]

from fieldapp.errors import ValidationError, ValidationErrors
from fieldapp.keys import DatabaseKey, ProfileKeys, RecoveryKey
from ui.screens.profile_key import ChoosePassphraseDialog, EncryptDialog, UnlockDialog
from ui.screens.recovery_key import RecoveryKeyDialog

def report_and_hide(name, dialog):  # these dialogs answer Escape and close by asking
    settle()
    out["dialogs"][name] = [frame(dialog), buttons(dialog)]
    dialog.hide()

keys = ProfileKeys(paths.root, use_keyring=False)
choose = ChoosePassphraseDialog(keys, ctx.tasks, window)
choose.show()
choose.passphrase.setText("short")
choose.repeat.setText("shirt")
choose.submit()  # refused: both fields marked, nothing made
report_and_hide("choose passphrase, refused", choose)
recovery = RecoveryKeyDialog(RecoveryKey.generate(), profile_folder=paths.root,
                             tasks=ctx.tasks, parent=window)
recovery.show()
recovery._say("Saved to " + str(paths.root / "a-long-folder-name" / "field-kit-recovery-key.pdf"))
report_and_hide("recovery key", recovery)
wrong = ValidationErrors([ValidationError("passphrase", "This passphrase does not open this "
    "profile. Check the keyboard layout and Caps Lock, and try again; the recovery key "
    "opens it too.")])
unlock = UnlockDialog(keys, ctx.tasks, has_passphrase=True, parent=window)
unlock.show()
unlock.errors.show(wrong)
report_and_hide("unlock, refused", unlock)
only_recovery = UnlockDialog(keys, ctx.tasks, has_passphrase=False, parent=window)
only_recovery.show()
report_and_hide("unlock with the recovery key only", only_recovery)
encrypting = EncryptDialog(paths, DatabaseKey.generate(), ctx.tasks, window)
encrypting.show()  # not started: the bar as it first shows
report_and_hide("encrypting", encrypting)
print(json.dumps(out))
ctx.tasks.shutdown()
ctx.shutdown()
sys.stdout.flush()
os._exit(0)  # the report is out; tearing down this many widgets at exit can crash PySide
'''

NOISE = "This plugin does not support propagateSizeHints()\n"


def _probe(root: Path, tmp_path: Path, screen: tuple[int, int, str], *args: str) -> dict:
    width, height, scale = screen
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0,
                                               "width": width, "height": height,
                                               "logicalDpi": 96, "logicalBaseDpi": 96,
                                               "dpr": 1}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
           "QT_SCALE_FACTOR": scale}
    done = subprocess.run([sys.executable, "-c", PROBE, str(root), *args], env=env,
                          capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr.replace(NOISE, "")[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.slow
@pytest.mark.parametrize("screen", SCREENS.values(), ids=SCREENS.keys())
def test_every_dialog_and_its_buttons_are_on_the_real_screen(profile, db, seeded, tmp_path,
                                                             screen):
    with db.transaction() as session:
        asset = create_asset(session, AssetInput(
            description="Heavy-lift helicopter for cargo to cut-off districts",
            provider_state="Norway", capacity_value=4.5, capacity_unit="t",
            place_name="Port Selvane", available_from=date(2026, 3, 1),
            notes="Crew of four; night flying only with notice."),
            operation_id=seeded.operation_id)
        asset_id = asset.id
    report = _probe(profile.root, tmp_path, screen, seeded.operation_id, asset_id)
    available = QRect(*report["available"])
    dialogs = report["dialogs"]
    assert {"new asset, refused", "edit asset", "asset status", "new operation", "edit operation",
            "RFA step submitted", "RFA step tasked", "RFA step cancelled",
            "RFA step tasked, nothing proposed", "import preview, tab 4",
            "lesson form", "choose passphrase, refused", "recovery key", "unlock, refused",
            "unlock with the recovery key only", "encrypting"} <= set(dialogs)
    off_screen = [f"{name}: {dialog}" for name, (dialog, _b) in dialogs.items()
                  if not available.contains(QRect(*dialog))]
    off_screen += [f"{name}: {text}" for name, (_d, buttons) in dialogs.items()
                   for text, button in buttons if not available.contains(QRect(*button))]
    assert not off_screen, f"outside {available}: {off_screen}"
    assert all(buttons for _d, buttons in dialogs.values())
