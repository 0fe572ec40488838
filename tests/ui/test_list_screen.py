"""What the contacts and assets screens share (ui/widgets/list_screen.py)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog, QToolButton

from ui.screens.assets import AssetsScreen
from ui.screens.contacts import ContactsScreen
from ui.widgets.file_jobs import FOLDER_KEY


@pytest.fixture(params=[ContactsScreen, AssetsScreen])
def screen(request, qtbot, ctx, seeded):
    ctx.set_current_operation_id(seeded.operation_id)
    widget = request.param(ctx)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: not widget.model.loading, timeout=5000)
    return widget


def test_each_export_entry_asks_for_its_own_format(screen, monkeypatch):
    asked: list[tuple[str, str]] = []
    monkeypatch.setattr(screen, "export", lambda what, path="": asked.append((what, path)))
    button = next(b for b in screen.findChildren(QToolButton) if b.menu() is not None)
    actions = button.menu().actions()
    for action in actions:
        action.trigger()
    assert len(asked) == len(actions) == 3
    assert len({what for what, _path in asked}) == 3
    assert all(path == "" for _what, path in asked)


def test_export_without_a_path_asks_where_then_writes_there(qtbot, ctx, screen, tmp_path,
                                                           monkeypatch):
    answers = iter([("", ""), (str(tmp_path / "chosen.csv"), "")])
    asked: list[str] = []

    def ask(_parent, _title, suggested, _filters, _selected=""):
        asked.append(suggested)
        return next(answers)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    screen.status.setText("before")
    screen.export("csv")  # cancelled: nothing is written, the status line is left alone
    assert screen.status.text() == "before"
    assert not (tmp_path / "chosen.csv").exists()
    screen.export("csv")
    qtbot.waitUntil(lambda: "Saved" in screen.status.text(), timeout=5000)
    assert asked[0].endswith(".csv")
    assert (tmp_path / "chosen.csv").read_text(encoding="utf-8-sig").strip()
    assert ctx.settings.value(FOLDER_KEY) == str(tmp_path)


def test_delete_asks_first_with_cancel_as_default(screen):
    deleted: list[bool] = []
    screen.confirm_delete("Delete", "Really?", lambda: deleted.append(True))
    box = screen.confirm_box
    assert box.objectName() == "confirmDelete"
    assert box.defaultButton() is box.button(box.StandardButton.Cancel)
    box.reject()
    assert not deleted
    screen.confirm_delete("Delete", "Really?", lambda: deleted.append(True))
    screen.confirm_box.accept()
    assert deleted == [True]


def test_filter_choices_are_kept_for_the_next_screen(qtbot, ctx, screen):
    combo, check = next(iter(screen._kept_choices.values())), next(
        iter(screen._kept_checks.values()))
    combo.setCurrentIndex(combo.count() - 1)
    check.setChecked(True)
    screen.hide()
    again = type(screen)(ctx)
    qtbot.addWidget(again)
    assert next(iter(again._kept_choices.values())).currentIndex() == combo.count() - 1
    assert next(iter(again._kept_checks.values())).isChecked()
