"""Start-up decides the database key: a new profile's key in the keyring or under a chosen
passphrase (then its recovery key is shown), an encrypted profile opened with the
passphrase or the recovery key, a plain profile encrypted with a progress bar.

Real profiles, real keys and real dialogs; the keyring is the in-memory one of
tests/conftest.py (no system keyring runs here), or none (CMCOORD_NO_KEYRING=1)."""

from __future__ import annotations

import sqlite3 as plain_sqlite
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QMessageBox

from fieldapp.db import Database, is_plain
from fieldapp.keys import ProfileKeys, RecoveryKey, passphrase_problem
from fieldapp.models import Contact
from fieldapp.paths import ProfilePaths, resolve_profile
from tests.ui.conftest import answer_message_box
from ui.app import Startup
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.screens.profile_key import ChoosePassphraseDialog, EncryptDialog, UnlockDialog
from ui.screens.recovery_key import RecoveryKeyDialog

PASSPHRASE = "amber kettle under nine bridges"


class AppRecorder:
    """Stands in for the QApplication so the test process is not asked to quit."""

    def __init__(self) -> None:
        self.exits: list[int] = []

    def quit(self) -> None:
        self.exits.append(0)

    def exit(self, status: int) -> None:
        self.exits.append(status)


class Started:
    """One start of the application on a profile: its Startup, context and window."""

    def __init__(self, qtbot, paths: ProfilePaths) -> None:
        self.app = AppRecorder()
        settings = QSettings(str(paths.settings_file), QSettings.Format.IniFormat)
        self.ctx = AppContext(paths=paths, settings=settings)
        self.window = MainWindow(self.ctx)
        qtbot.addWidget(self.window)
        self.window.show()
        self.startup = Startup(self.app, self.ctx, self.window)  # type: ignore[arg-type]
        self.startup.run()
        self.qtbot = qtbot

    def dialog(self, kind: type):
        """The dialog of `kind` start-up opened, once it is shown."""
        step = self.startup.key_step
        self.qtbot.waitUntil(lambda: isinstance(step.dialog, kind) and step.dialog.isVisible(),
                             timeout=20_000)
        return step.dialog

    def wait_for_database(self) -> None:
        self.qtbot.waitUntil(lambda: self.ctx.has_database, timeout=20_000)

    def close(self) -> None:
        self.ctx.shutdown()


@pytest.fixture
def start(qtbot) -> Iterator:
    started: list[Started] = []

    def starter(paths: ProfilePaths) -> Started:
        if started:
            started[-1].close()
        started.append(Started(qtbot, paths))
        return started[-1]

    yield starter
    if started:
        started[-1].close()


def _keep(dialog: RecoveryKeyDialog) -> str:
    """Tick "I have kept it" and Continue; returns the key shown."""
    assert not dialog.continue_button.isEnabled()
    text = dialog.key_label.text()
    dialog.kept_box.click()
    dialog.continue_button.click()
    return text


def _choose(qtbot, dialog: ChoosePassphraseDialog, first: str, second: str) -> None:
    dialog.passphrase.clear()
    dialog.repeat.clear()
    qtbot.keyClicks(dialog.passphrase, first)
    qtbot.keyClicks(dialog.repeat, second)
    dialog.ok_button.click()


def test_a_new_profile_with_a_keyring_asks_nothing_and_shows_the_recovery_key(
        qtbot, memory_keyring, tmp_path, start):
    paths = resolve_profile(tmp_path / "new")
    started = start(paths)
    recovery = started.dialog(RecoveryKeyDialog)
    assert recovery.key_label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    assert QFontInfo(recovery.key_label.font()).fixedPitch()
    text = _keep(recovery)
    started.wait_for_database()
    qtbot.waitUntil(lambda: started.startup.first_run_dialog is not None, timeout=10_000)
    assert not is_plain(paths.database)
    keys = ProfileKeys(paths.root)
    assert keys.keyring_key() is not None
    assert not keys.has_passphrase()
    assert keys.unlock_with_recovery(text) == keys.keyring_key()
    assert started.app.exits == []


def test_without_a_keyring_a_weak_passphrase_is_refused_in_the_form(
        qtbot, no_keyring, tmp_path, start):
    started = start(resolve_profile(tmp_path / "new"))
    dialog = started.dialog(ChoosePassphraseDialog)
    _choose(qtbot, dialog, "short", "short")
    assert dialog.errors.message("passphrase") == passphrase_problem("short")
    assert dialog.isVisible()
    _choose(qtbot, dialog, PASSPHRASE, PASSPHRASE + "!")
    assert dialog.errors.message("passphrase") == ""
    assert dialog.errors.message("repeat") != ""
    assert not ProfileKeys(started.ctx.paths.root).exists()


def test_quit_in_the_passphrase_dialog_quits_with_status_0(qtbot, no_keyring, tmp_path, start):
    started = start(resolve_profile(tmp_path / "new"))
    dialog = started.dialog(ChoosePassphraseDialog)
    dialog.quit_button.click()
    assert started.app.exits == [0]
    assert not started.ctx.paths.database.exists()


def test_a_chosen_passphrase_opens_the_profile_at_the_next_start_and_only_it(
        qtbot, no_keyring, tmp_path, start):
    paths = resolve_profile(tmp_path / "new")
    started = start(paths)
    _choose(qtbot, started.dialog(ChoosePassphraseDialog), PASSPHRASE, PASSPHRASE)
    recovery = started.dialog(RecoveryKeyDialog)
    recovery.later_button.click()
    qtbot.waitUntil(lambda: recovery.later_question is not None, timeout=2000)
    recovery.without_button.click()  # "Continue without it", once confirmed
    started.wait_for_database()
    assert not is_plain(paths.database)

    again = start(paths)  # the next start
    unlock = again.dialog(UnlockDialog)
    assert not unlock.using_recovery
    assert unlock.passphrase.echoMode() == unlock.passphrase.EchoMode.Password
    qtbot.keyClicks(unlock.passphrase, "amber kettle under ten bridges")
    unlock.unlock_button.click()
    assert not unlock.unlock_button.isEnabled()  # checked in the background meanwhile
    qtbot.waitUntil(lambda: unlock.message() != "", timeout=10_000)
    assert unlock.message().startswith("This passphrase does not open this profile.")
    assert unlock.isVisible()
    assert not again.ctx.has_database
    unlock.passphrase.clear()
    qtbot.keyClicks(unlock.passphrase, PASSPHRASE)
    unlock.unlock_button.click()
    again.wait_for_database()
    assert again.app.exits == []


def test_the_recovery_key_opens_a_profile_whose_passphrase_is_forgotten(
        qtbot, no_keyring, tmp_path, start):
    paths = resolve_profile(tmp_path / "profile")
    key, recovery = ProfileKeys(paths.root).create(PASSPHRASE)
    Database.open(paths, key=key).close()
    started = start(paths)
    unlock = started.dialog(UnlockDialog)
    unlock.switch_button.click()
    assert unlock.using_recovery
    assert unlock.recovery.isVisible()
    qtbot.keyClicks(unlock.recovery, "ABCD-EFGH-2345-ABCD-EFGH-2345-ABCD-EFGH")
    unlock.unlock_button.click()
    qtbot.waitUntil(lambda: unlock.message() != "", timeout=10_000)
    assert "recovery key does not open this profile" in unlock.message()
    unlock.recovery.clear()
    qtbot.keyClicks(unlock.recovery, recovery.text.lower().replace("-", " "))
    unlock.unlock_button.click()
    started.wait_for_database()


def test_a_profile_with_no_passphrase_and_no_keyring_asks_only_the_recovery_key(
        qtbot, memory_keyring, tmp_path, start, monkeypatch):
    paths = resolve_profile(tmp_path / "profile")
    key, recovery = ProfileKeys(paths.root).create()  # kept in the keyring only
    Database.open(paths, key=key).close()
    monkeypatch.setenv("CMCOORD_NO_KEYRING", "1")  # the keyring is gone
    started = start(paths)
    unlock = started.dialog(UnlockDialog)
    assert unlock.using_recovery
    assert not unlock.switch_button.isVisible()
    assert "only the recovery key" in unlock.intro.text()
    qtbot.keyClicks(unlock.recovery, recovery.text)
    unlock.unlock_button.click()
    started.wait_for_database()


def test_a_profile_copied_from_another_laptop_asks_for_its_recovery_key(
        qtbot, memory_keyring, tmp_path, start):
    """The keyring holds a key for this folder that does not open the file (the folder
    came from another laptop), and keys.json was left behind: the recovery key alone
    opens it."""
    paths = resolve_profile(tmp_path / "profile")
    key, recovery = ProfileKeys(paths.root).create()
    Database.open(paths, key=key).close()
    ProfileKeys(paths.root).file.unlink()
    other = ProfileKeys(tmp_path / "elsewhere")
    other_key, _ = other.create()
    memory_keyring.set_password("cmcoord-field-kit-database", str(paths.root),
                                other_key.raw.hex())
    started = start(paths)
    unlock = started.dialog(UnlockDialog)
    assert unlock.using_recovery
    qtbot.keyClicks(unlock.recovery, recovery.text)
    unlock.unlock_button.click()
    started.wait_for_database()
    assert started.ctx.db.key == key


@pytest.fixture
def plain_profile(profile, db) -> ProfilePaths:
    """A profile of an earlier version: a plain database holding two contacts."""
    with db.transaction() as session:
        session.add_all([Contact(given_name="Amara", family_name="Okafor"),
                         Contact(given_name="Jonas", family_name="Berg")])
    db.close()
    assert is_plain(profile.database)
    return profile


def test_a_plain_profile_is_encrypted_with_its_contacts_and_no_plain_file_left(
        qtbot, memory_keyring, plain_profile, start):
    started = start(plain_profile)
    encrypting = started.dialog(EncryptDialog)
    assert encrypting.windowTitle() == "Encrypting your data"
    _keep(started.dialog(RecoveryKeyDialog))
    started.wait_for_database()
    assert encrypting.outcome == "encrypted"
    assert encrypting.progress.value() == 100
    with started.ctx.db.session() as session:
        names = sorted(c.family_name for c in session.query(Contact).all())
    assert names == ["Berg", "Okafor"]
    folder = plain_profile.root
    assert not is_plain(plain_profile.database)
    leftovers = [p.name for p in folder.rglob("*") if p.is_file() and p.suffix != ".json"
                 and p.name != "ui-settings.ini" and is_plain(p)]
    assert leftovers == []
    assert not list(folder.glob("*.plain"))
    assert not list(folder.glob("*.encrypting"))


def _pad(paths: ProfilePaths, rows: int) -> None:
    """Make the plain file big enough that encrypting it takes a while (a table the
    conversion copies and checks like any other)."""
    conn = plain_sqlite.connect(paths.database)
    with conn:
        conn.execute("CREATE TABLE test_padding (n INTEGER, words TEXT)")
        conn.executemany("INSERT INTO test_padding VALUES (?, ?)",
                         ((n, f"row {n} of padding to make the copy take time") for n in
                          range(rows)))
    conn.close()


def test_cancel_leaves_the_profile_plain_and_quits_saying_it_will_ask_again(
        qtbot, memory_keyring, plain_profile, start):
    _pad(plain_profile, 300_000)
    before = Path(plain_profile.database).stat().st_size
    started = start(plain_profile)
    encrypting = started.dialog(EncryptDialog)
    encrypting.cancel_button.click()
    qtbot.waitUntil(lambda: isinstance(started.startup.key_step.dialog, QMessageBox),
                    timeout=20_000)
    told = started.startup.key_step.dialog
    assert encrypting.outcome == "cancelled"
    assert "ask again" in told.text()
    assert started.app.exits == []
    told.button(QMessageBox.StandardButton.Close).click()
    assert started.app.exits == [0]
    assert is_plain(plain_profile.database)
    assert plain_profile.database.stat().st_size == before
    assert not list(plain_profile.root.glob("*.encrypting*"))
    assert not started.ctx.has_database


def test_another_programs_file_is_explained_and_left_plain_with_status_1(
        qtbot, memory_keyring, tmp_path, start):
    paths = resolve_profile(tmp_path / "profile")
    paths.root.mkdir()
    conn = plain_sqlite.connect(paths.database)
    with conn:
        conn.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
    conn.close()
    before = paths.database.read_bytes()
    seen: list[tuple[str, str]] = []
    timer = answer_message_box(seen)
    started = start(paths)
    qtbot.waitUntil(lambda: started.app.exits != [], timeout=20_000)
    timer.stop()
    assert started.app.exits == [1]
    assert "another program" in seen[0][0]
    assert paths.database.read_bytes() == before


def test_a_key_made_for_a_failed_encryption_is_made_again_at_the_next_start(
        qtbot, memory_keyring, plain_profile, start):
    ProfileKeys(plain_profile.root).create()  # keys.json, but the database is still plain
    started = start(plain_profile)
    _keep(started.dialog(RecoveryKeyDialog))
    started.wait_for_database()
    assert not is_plain(plain_profile.database)


def test_the_recovery_sheet_holds_the_key_and_saves_as_pdf_or_text(
        qtbot, ctx, tmp_path):
    recovery = RecoveryKey.generate()
    dialog = RecoveryKeyDialog(recovery, profile_folder=ctx.paths.root, tasks=ctx.tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    pdf, txt = tmp_path / "key.pdf", tmp_path / "key.txt"
    for target in (pdf, txt):
        with qtbot.waitSignal(dialog.save_to(target).finished, timeout=10_000):
            pass
    reader = pypdf.PdfReader(pdf)
    assert len(reader.pages) == 1
    page = reader.pages[0].extract_text()
    groups = recovery.text.split("-")
    assert "-".join(groups[:4]) in page
    assert "-".join(groups[4:]) in page
    assert str(ctx.paths.root) in page
    assert recovery.text in txt.read_text("utf-8")
    assert "Saved to" in dialog.status.text()


def test_the_recovery_sheet_prints_through_the_rfa_print_path(qtbot, ctx, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    recovery = RecoveryKey.generate()
    dialog = RecoveryKeyDialog(recovery, profile_folder=ctx.paths.root, tasks=ctx.tasks)
    qtbot.addWidget(dialog)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    with qtbot.waitSignal(dialog.print_to(printer).finished, timeout=10_000):
        pass
    assert recovery.text.split("-")[0] in pypdf.PdfReader(tmp_path / "printed.pdf") \
        .pages[0].extract_text()
