"""The idle lock: after the idle time the window hides everything behind a lock page;
the lock passphrase (or, until one is set, the officer's name) unlocks it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from fieldapp.services.settings import OFFICER_NAME, set_setting
from tests.ui.conftest import open_window
from ui.widgets.idle_lock import (
    IDLE_MINUTES_KEY,
    PASSPHRASE_KEY,
    IdleWatcher,
    PassphraseDialog,
    idle_minutes,
)

CONTACT = "Okafor"


def visible_text(window: QWidget) -> str:
    """Every text a visible widget of the window shows (labels, lists, tables)."""
    from PySide6.QtWidgets import QAbstractItemView

    texts = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel):
            texts.append(widget.text())
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            root = QModelIndex()
            for row in range(model.rowCount(root)):
                column = 0  # (a list model's columnCount is private in PySide)
                while (index := model.index(row, column, root)).isValid():
                    texts.append(str(index.data() or ""))
                    column += 1
    return "\n".join(texts)


@pytest.fixture
def contacts_window(qtbot, db, seeded, ctx):
    with db.transaction() as session:
        set_setting(session, OFFICER_NAME, "Ana López")
    window = open_window(qtbot, ctx)
    screen = window.show_section("contacts")
    qtbot.waitUntil(lambda: CONTACT in visible_text(window), timeout=5000)
    yield window, screen
    window.close()
    ctx.tasks.shutdown()


def test_idle_time_comes_from_the_profile_with_15_minutes_by_default(ctx):
    assert idle_minutes(ctx.settings) == 15
    ctx.settings.setValue(IDLE_MINUTES_KEY, 3)
    assert idle_minutes(ctx.settings) == 3
    ctx.settings.setValue(IDLE_MINUTES_KEY, "nonsense")
    assert idle_minutes(ctx.settings) == 15


def test_installed_lock_waits_the_profile_idle_time(qtbot, ctx, window):
    assert window.idle_lock.watcher.idle_ms == 15 * 60_000
    assert window.idle_lock.watcher.timer.isActive()
    ctx.settings.setValue(IDLE_MINUTES_KEY, 0)  # 0: never
    window.idle_lock.reload_settings()
    assert not window.idle_lock.watcher.timer.isActive()


def test_idle_time_elapsed_locks_and_hides_every_content(qtbot, contacts_window):
    window, screen = contacts_window
    lock = window.idle_lock
    lock.watcher.set_idle_ms(150)
    qtbot.waitUntil(lock.is_locked, timeout=3000)
    assert CONTACT not in visible_text(window)
    assert not screen.isVisible()
    assert not window.menuBar().isVisible()
    assert not window.toolbar.isVisible()
    assert not window.statusBar().isVisible()
    assert lock.page.isVisible()
    assert lock.page.geometry() == window.rect()
    assert QApplication.focusWidget() is lock.page.field or not window.isActiveWindow()


def test_wrong_entry_is_refused_with_a_sentence_and_right_one_restores(qtbot, contacts_window):
    window, screen = contacts_window
    lock = window.idle_lock
    lock.lock()
    qtbot.waitUntil(lambda: lock.officer_name is not None, timeout=5000)
    assert "passphrase makes this lock stronger" in lock.page.hint.text()
    assert "View ▸ Set passphrase…" in lock.page.hint.text()
    lock.page.field.setText("Somebody Else")
    qtbot.mouseClick(lock.page.unlock_button, Qt.MouseButton.LeftButton)
    assert lock.is_locked()
    assert lock.page.error.isVisible()
    assert lock.page.error.text() == ("That is not the name recorded in this profile. "
                                      "Try again.")
    assert CONTACT not in visible_text(window)

    lock.page.field.setText("  ana  lópez")  # QtTest types ASCII keys only
    qtbot.keyClicks(lock.page.field, " ")
    qtbot.keyClick(lock.page.field, Qt.Key.Key_Return)
    assert not lock.is_locked()
    assert not lock.page.isVisible()
    assert screen.isVisible()
    assert window.stack.currentWidget() is screen
    assert window.menuBar().isVisible()
    assert window.toolbar.isVisible()
    assert CONTACT in visible_text(window)
    assert lock.watcher.timer.isActive()  # counting again


def _try(qtbot, lock, typed: str) -> bool:
    """Type `typed` and press Unlock; True when it unlocked, False when refused."""
    outcome: list[bool] = []
    lock.refused.connect(lambda _sentence: outcome.append(False))
    lock.locked_changed.connect(lambda locked: outcome.append(True) if not locked else None)
    lock.page.field.setText(typed)
    lock.try_unlock()
    qtbot.waitUntil(lambda: bool(outcome), timeout=5000)
    lock.refused.disconnect()
    lock.locked_changed.disconnect()
    return outcome[0]


def _set_passphrase(qtbot, ctx, new: str, current: str = "") -> PassphraseDialog:
    dialog = PassphraseDialog(ctx)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.has_current is not None, timeout=5000)
    dialog.current.setText(current)
    dialog.new.setText(new)
    dialog.repeat.setText(new)
    with qtbot.waitSignals([dialog.saved], timeout=5000):
        dialog.save()
    assert not dialog.error.isVisible(), dialog.error.text()
    return dialog


def test_a_set_passphrase_is_required_and_only_its_hash_kept(qtbot, ctx, contacts_window):
    """An unencrypted profile (no database key to wrap) keeps a hash in its settings."""
    window, _screen = contacts_window
    _set_passphrase(qtbot, ctx, "correct horse battery")
    stored = str(ctx.settings.value(PASSPHRASE_KEY))
    assert stored.startswith("$argon2id$")
    assert "correct horse" not in stored
    assert "correct horse" not in ctx.paths.settings_file.read_text(errors="replace")
    lock = window.idle_lock
    lock.lock()
    qtbot.waitUntil(lambda: lock.kind is not None, timeout=5000)
    assert not lock.page.hint.isVisible()
    for wrong in ("Ana López", "correct horse"):
        assert not _try(qtbot, lock, wrong)
        assert lock.page.error.text() == "That is not the lock passphrase. Try again."
        assert lock.is_locked()
        assert CONTACT not in visible_text(window)
    assert _try(qtbot, lock, "correct horse battery")
    assert CONTACT in visible_text(window)


def test_on_an_encrypted_profile_the_lock_asks_the_passphrase_that_opens_the_data(
        qtbot, tmp_path, memory_keyring):
    from PySide6.QtCore import QSettings

    from fieldapp.db import Database
    from fieldapp.keys import ProfileKeys
    from fieldapp.paths import resolve_profile
    from ui.context import AppContext

    paths = resolve_profile(tmp_path / "encrypted")
    keys = ProfileKeys(paths.root)
    key, _recovery = keys.create()  # in the keyring: no passphrase yet
    db = Database.open(paths, key=key)
    with db.transaction() as session:
        set_setting(session, OFFICER_NAME, "Ana López")
    ctx = AppContext(paths=paths, db=db, settings=QSettings(str(paths.settings_file),
                                                             QSettings.Format.IniFormat))
    window = open_window(qtbot, ctx)
    try:
        from argon2 import PasswordHasher

        # an earlier version's lock-only passphrase: asked as the current one, then dropped
        ctx.settings.setValue(PASSPHRASE_KEY, PasswordHasher().hash("old lock words"))
        _set_passphrase(qtbot, ctx, "tea with two sugars", current="old lock words")
        assert ctx.settings.value(PASSPHRASE_KEY) is None  # the earlier one is dropped
        assert keys.unlock("tea with two sugars") == key  # it opens the data too
        lock = window.idle_lock
        lock.lock()
        qtbot.waitUntil(lambda: lock.kind is not None, timeout=5000)
        assert lock.page.prompt.text() == "Enter your passphrase to go on."
        assert not _try(qtbot, lock, "Ana López")
        assert lock.page.error.text() == "That is not this profile's passphrase. Try again."
        assert _try(qtbot, lock, "tea with two sugars")
        refused: list[str] = []
        dialog = PassphraseDialog(ctx)
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: dialog.has_current is True, timeout=5000)
        dialog.refused.connect(refused.append)
        dialog.current.setText("not the one")
        dialog.new.setText("coffee with no sugar")
        dialog.repeat.setText("coffee with no sugar")
        dialog.save()
        qtbot.waitUntil(lambda: bool(refused), timeout=5000)
        assert refused == ["The current passphrase is not right."]
        assert keys.check_passphrase("tea with two sugars")
    finally:
        window.close()
        ctx.tasks.shutdown()
        db.close()


def test_shortcuts_do_nothing_while_locked(qtbot, contacts_window):
    window, screen = contacts_window
    window.activateWindow()
    lock = window.idle_lock
    lock.lock()
    qtbot.keyClick(lock.page.field, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(lock.page.field, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert lock.is_locked()
    assert not screen.isVisible()
    assert window.stack.currentWidget() is screen
    assert QApplication.focusWidget() is not window.search.focusWidget() or \
        window.search.focusWidget() is None


def test_input_resets_the_idle_count(qtbot, contacts_window):
    window, screen = contacts_window
    lock = window.idle_lock
    lock.watcher.set_idle_ms(400)
    for _ in range(6):  # 6 × 150 ms of typing: longer than the idle time, never idle
        qtbot.wait(150)
        qtbot.keyClick(screen, Qt.Key.Key_Shift)
        assert not lock.is_locked()
    qtbot.waitUntil(lock.is_locked, timeout=3000)


def test_watcher_counts_input_to_any_widget(qtbot):
    watcher = IdleWatcher(300)
    other = QWidget()
    qtbot.addWidget(other)
    fired = []
    watcher.idle.connect(lambda: fired.append(1))
    qtbot.wait(200)
    qtbot.mouseMove(other)
    qtbot.mouseClick(other, Qt.MouseButton.LeftButton)
    assert watcher.remaining_ms() > 250
    qtbot.waitUntil(lambda: fired == [1], timeout=2000)
    watcher.remove()


def test_lock_page_fits_a_small_laptop(qtbot, contacts_window):
    window, _screen = contacts_window
    window.resize(1366, 768)
    window.idle_lock.lock()
    page = window.idle_lock.page
    hint = page.minimumSizeHint()
    assert hint.width() <= 1366
    assert hint.height() <= 768
    assert page.size().boundedTo(QSize(1366, 768)) == page.size()


def test_the_lock_pages_sentences_are_never_cut(qtbot, contacts_window):
    """Wrapped sentences (the prompt, a refusal, the hint) get the height their lines
    need; centred at its size hint, the page once cut them after the first line."""
    window, _screen = contacts_window
    window.resize(1366, 768)
    window.idle_lock.lock()
    qtbot.waitUntil(lambda: window.idle_lock.officer_name is not None, timeout=5000)
    page = window.idle_lock.page
    page.field.setText("not the name")
    page.unlock_button.click()
    qtbot.wait(50)
    labels = [page.prompt, page.error, page.hint]
    assert all(label.isVisible() for label in labels)
    for label in labels:
        assert label.height() >= label.heightForWidth(label.width()), label.text()


def test_passphrase_dialog_checks_length_repeat_and_the_current_one(qtbot, ctx):
    dialog = PassphraseDialog(ctx)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.has_current is not None, timeout=5000)
    assert dialog.has_current is False
    dialog.new.setText("short")
    dialog.repeat.setText("short")
    dialog.save()
    assert "at least 10 characters" in dialog.error.text()
    dialog.new.setText("long enough one")
    dialog.repeat.setText("long enough two")
    dialog.save()
    assert "differ" in dialog.error.text()
    _set_passphrase(qtbot, ctx, "long enough one")

    again = PassphraseDialog(ctx)
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.has_current is True, timeout=5000)
    refused: list[str] = []
    again.refused.connect(refused.append)
    again.new.setText("another passphrase")
    again.repeat.setText("another passphrase")
    again.save()
    qtbot.waitUntil(lambda: bool(refused), timeout=5000)
    assert again.error.text() == "The current passphrase is not right."
    _set_passphrase(qtbot, ctx, "another passphrase", current="long enough one")


def test_view_menu_opens_the_passphrase_dialog(qtbot, window):
    window.menu.actions["lock_passphrase"].trigger()
    dialog = window.findChild(PassphraseDialog)
    assert dialog is not None
    assert dialog.isVisible()
    dialog.reject()


def test_ctrl_l_locks_at_once(qtbot, contacts_window):
    window, screen = contacts_window
    window.menu.actions["lock_now"].trigger()
    assert window.idle_lock.is_locked()
    assert not screen.isVisible()
    assert window.menu.actions["lock_now"].shortcut().toString() == "Ctrl+L"


def test_open_dialogs_and_the_guide_are_hidden_while_locked(qtbot, contacts_window):
    window, _screen = contacts_window
    guide = window.show_guide()
    dialog = window.set_lock_passphrase()  # window-modal, as the app's forms are
    dialog.new.setText("typed before the lock")
    finished = []
    dialog.finished.connect(finished.append)
    window.idle_lock.lock()
    assert not guide.isVisible()
    assert not dialog.isVisible()
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == [window]
    qtbot.waitUntil(lambda: window.idle_lock.officer_name is not None, timeout=5000)
    assert _try(qtbot, window.idle_lock, "Ana López")
    assert guide.isVisible()
    assert dialog.isVisible()
    assert dialog.new.text() == "typed before the lock"
    assert finished == []
    dialog.reject()
    guide.close()


def test_the_idle_time_is_set_from_the_view_menu(qtbot, window, ctx):
    from PySide6.QtWidgets import QInputDialog

    window.menu.actions["lock_after"].trigger()
    dialog = window.findChild(QInputDialog, "idleTimeDialog")
    assert dialog.isVisible()
    assert dialog.intValue() == 15
    dialog.setIntValue(5)
    dialog.accept()
    assert idle_minutes(ctx.settings) == 5
    assert window.idle_lock.watcher.idle_ms == 5 * 60_000
    ctx.settings.setValue(IDLE_MINUTES_KEY, 100_000)  # typed into the file by hand
    assert idle_minutes(ctx.settings) == 240
