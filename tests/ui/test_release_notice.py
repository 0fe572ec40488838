"""A newer version HQ announced (issue 19) on the Sync screen and in About, and About's
licences read from the bundle's build-time list."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTextBrowser

from fieldapp import __version__
from hq import admin
from hq.releases import announce
from sync.releases import Release
from sync.releases import note_release as keep
from ui.help.dialogs import about_html
from ui.help.licences import library_licences, read_bundled_licences

pytestmark = pytest.mark.usefixtures("no_keyring")

URL = "https://example.org/fieldkit/99.2.0/"


def _sync_screen(qtbot, window):
    screen = window.show_section("sync")
    qtbot.waitUntil(lambda: screen.state is not None, timeout=5000)
    return screen


def test_nothing_announced_nothing_shown(qtbot, window):
    screen = _sync_screen(qtbot, window)
    assert screen.release_label.isHidden()
    about = window.show_about()
    assert "is available" not in about.findChild(QTextBrowser, "aboutDialogText").toPlainText()
    about.close()


def test_an_announcement_from_hq_shows_on_the_sync_screen_and_in_about(
        qtbot, hq, ctx, window):
    announce(hq.db, "99.2.0", URL, "Portable mode.")
    screen = _sync_screen(qtbot, window)
    code, _ = admin.make_enrollment_code(hq.db, officer="Ana")
    screen.url_edit.setText(hq.url)
    screen.code_edit.setText(code)
    qtbot.mouseClick(screen.enroll_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Enrolled with" in screen.enrolled_label.text(), timeout=10000)
    assert screen.release_label.isHidden()  # not synced yet: not heard of
    with qtbot.waitSignal(screen.controller.finished, timeout=20000) as finished:
        qtbot.mouseClick(screen.sync_button, Qt.MouseButton.LeftButton)
    assert finished.args[0] == "ok", finished.args
    qtbot.waitUntil(lambda: not screen.release_label.isHidden(), timeout=5000)
    text = screen.release_label.text()
    assert "Version <b>99.2.0</b> is available: download it from" in text
    assert f'<a href="{URL}">{URL}</a>' in text
    assert f"(this is version {__version__})" in text
    assert "Portable mode." in text
    assert screen.release_label.openExternalLinks()

    about = window.show_about()
    plain = about.findChild(QTextBrowser, "aboutDialogText").toPlainText()
    assert f"Version 99.2.0 is available: download it from {URL}" in plain
    about.close()


def test_an_announcement_of_this_version_is_not_shown(qtbot, ctx, window):
    with ctx.db.transaction() as session:
        keep(session, {"version": __version__, "url": URL})
    screen = _sync_screen(qtbot, window)
    screen.reload()
    qtbot.wait(200)
    assert screen.release_label.isHidden()


def test_hq_text_is_escaped(qtbot, ctx, window):
    with ctx.db.transaction() as session:
        keep(session, {"version": "99.0", "url": 'https://x.org/"><script>x</script>',
                       "notes": "<img src=x onerror=alert(1)> & more"})
    screen = _sync_screen(qtbot, window)
    screen.reload()
    qtbot.waitUntil(lambda: not screen.release_label.isHidden(), timeout=5000)
    text = screen.release_label.text()
    assert "<script>" not in text
    assert "<img" not in text
    assert "&lt;img src=x onerror=alert(1)&gt; &amp; more" in text


def test_about_lists_every_bundled_library_from_the_build_time_list(tmp_path, window):
    folder = tmp_path / "licences"
    folder.mkdir()
    (folder / "licences.json").write_text(json.dumps({
        "format": "cmcoord-field-kit licences", "version": 1,
        "libraries": [{"name": "Python", "version": "3.11.7", "licence": "PSF-2.0"},
                      {"name": "zstandard", "version": "0.25.0", "licence": "BSD-3-Clause"},
                      {"name": "odd", "version": "1", "licence": ""}],
        "fonts": []}), encoding="utf-8")
    bundled = read_bundled_licences(folder)
    assert library_licences(bundled) == [("Python", "3.11.7", "PSF-2.0"),
                                         ("zstandard", "0.25.0", "BSD-3-Clause"),
                                         ("odd", "1", "see its package")]
    text = about_html(data_folder=tmp_path, licences_folder=folder,
                      release=Release(version="99.0", url=URL))
    assert "Bundled libraries" in text
    assert "zstandard 0.25.0: BSD-3-Clause" in text
    assert f"The full licence texts are in {folder}" in text
    assert "99.0" in text


def test_a_damaged_list_falls_back_to_the_installed_metadata(tmp_path):
    (tmp_path / "licences.json").write_text("{broken", encoding="utf-8")
    assert read_bundled_licences(tmp_path) is None
    assert read_bundled_licences(tmp_path / "missing") is None
    names = [name for name, _version, _licence in library_licences(None)]
    assert "PySide6" in names  # run from the venv: the main libraries' metadata
