"""Every file dialog starts in one folder: the last one the officer used in this profile,
or Documents the first time (or when that folder is gone).

Qt's modal file dialogs cannot be clicked offscreen, so the static getters answer for the
officer (a path, or "" for Cancel) and record the folder each dialog opened in; the screens,
the settings and the files written are real.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog

from fieldapp.services.lessons import LessonInput, create_draft
from ui.widgets.file_jobs import FOLDER_KEY


@dataclass
class Dialogs:
    """The file dialogs the officer saw: where each opened, and what they answered."""

    answers: list[str] = field(default_factory=list)
    opened_in: list[Path] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)  # of the save dialogs

    def answer(self, directory: str) -> str:
        start = Path(directory)
        # A save dialog is given folder/suggested-name; an open dialog just the folder.
        self.opened_in.append(start if start.is_dir() else start.parent)
        return self.answers.pop(0) if self.answers else ""


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    """A home folder with a Documents folder, as the officer's laptop has."""
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))  # no user-dirs.dirs there
    return home


@pytest.fixture
def dialogs(monkeypatch) -> Dialogs:
    seen = Dialogs()

    def save(_parent, title, directory="", _filters="", _selected="", *_args, **_kwargs):
        seen.titles.append(title)
        return seen.answer(directory), _filters

    def open_(_parent, _title, directory="", _filters="", *_args, **_kwargs):
        return seen.answer(directory), _filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_)
    return seen


def _folder(home: Path, name: str) -> Path:
    folder = home / name
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _export_contacts(qtbot, window, answer: Path | str, dialogs: Dialogs):
    screen = window.show_section("contacts")
    dialogs.answers.append(str(answer))
    screen.export("csv")
    if answer:
        qtbot.waitUntil(lambda: Path(answer).exists(), timeout=5000)
    return screen


def test_the_first_file_dialog_opens_in_documents(qtbot, home, dialogs, seeded, window):
    _export_contacts(qtbot, window, "", dialogs)  # the officer cancels
    assert dialogs.opened_in == [home / "Documents"]


def test_every_dialog_opens_where_the_last_file_went(
        qtbot, db, home, dialogs, seeded, window):
    usb = _folder(home, "usb-stick")
    _export_contacts(qtbot, window, usb / "contacts.csv", dialogs)

    with db.transaction() as session:
        create_draft(session, LessonInput(title="Landing sites",
                                          operation_id=seeded.operation_id))
    lessons = window.show_section("lessons")
    qtbot.waitUntil(lambda: lessons.model.total == 1, timeout=5000)
    lessons.table.selectAll()
    reports = _folder(home, "reports")
    dialogs.answers.append(str(reports / "lessons.pdf"))
    lessons._ask_export("pdf")  # the Export selected… menu's PDF entry
    qtbot.waitUntil(lambda: (reports / "lessons.pdf").exists(), timeout=10000)

    window.show_section("contacts").import_file()  # opened, then cancelled
    assert dialogs.opened_in == [home / "Documents", usb, reports]


def test_a_remembered_folder_that_is_gone_falls_back_to_documents(
        qtbot, ctx, home, dialogs, seeded, window):
    usb = _folder(home, "usb-stick")
    _export_contacts(qtbot, window, usb / "contacts.csv", dialogs)
    (usb / "contacts.csv").unlink()
    usb.rmdir()  # the stick was pulled out
    _export_contacts(qtbot, window, "", dialogs)
    assert dialogs.opened_in == [home / "Documents", home / "Documents"]


def test_the_last_folder_is_kept_in_the_profile_settings(
        qtbot, ctx, profile, home, dialogs, seeded, window):
    usb = _folder(home, "usb-stick")
    _export_contacts(qtbot, window, usb / "contacts.csv", dialogs)
    ctx.settings.sync()
    stored = QSettings(str(profile.settings_file), QSettings.Format.IniFormat)
    assert stored.value(FOLDER_KEY) == str(usb)


def test_the_handbook_pdf_export_starts_where_the_last_file_went(
        qtbot, home, dialogs, seeded, window):
    usb = _folder(home, "usb-stick")
    _export_contacts(qtbot, window, usb / "contacts.csv", dialogs)
    handbook = window.show_section("handbook")
    handbook.output.export(whole=True)  # then cancelled
    assert dialogs.opened_in == [home / "Documents", usb]


def test_a_contact_export_says_it_is_a_plain_file_where_it_is_chosen_and_once_saved(
        qtbot, home, dialogs, seeded, window, tmp_path):
    screen = _export_contacts(qtbot, window, tmp_path / "contacts.csv", dialogs)
    assert "plain file" in dialogs.titles[-1]
    qtbot.waitUntil(lambda: "Saved" in screen.status.text(), timeout=5000)
    assert "plain file, readable by anyone who has it" in screen.status.text()
