"""The asset directory screen: filters, stale marks, history, the form, import (columns mapped
by the officer and remembered, another encoding, values left out) and GeoJSON."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox
from sqlalchemy import select

from fieldapp.models import Asset, utcnow
from fieldapp.services.assets import AssetInput, asset_history, confirm_asset, create_asset
from ui.screens.asset_dialog import AssetDialog, StatusDialog
from ui.screens.assets import AssetsScreen


@pytest.fixture
def directory(ctx, seeded):
    with ctx.db.transaction() as session:
        helicopters = create_asset(session, AssetInput(
            category="airlift_helicopter", description="Two medium helicopters",
            provider_state="NOR", provider_unit="Air Wing 3", latitude=-19.83, longitude=34.84,
            available_from=date(2026, 3, 1), available_to=date(2026, 3, 31)),
            operation_id=seeded.operation_id)
        hospital = create_asset(session, AssetInput(
            category="medical", description="Field hospital", provider_state="SWE",
            status="available", poc_contact_id=seeded.contact_id),
            operation_id=seeded.operation_id)
        confirm_asset(session, hospital.id, now=utcnow() - timedelta(days=100))
    return {"helicopters": helicopters.id, "hospital": hospital.id}


@pytest.fixture
def screen(qtbot, ctx, seeded, directory):
    ctx.set_current_operation_id(seeded.operation_id)
    widget = AssetsScreen(ctx)
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    widget.show()
    qtbot.waitUntil(lambda: widget.model.rowCount() == 2, timeout=5000)
    return widget


def _column(screen, key: str) -> list[str]:
    model = screen.model
    column = next(n for n, c in enumerate(model.columns) if c.key == key)
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def test_stale_entries_say_check_in_words_not_only_colour(qtbot, screen):
    confirmed = _column(screen, "confirmed")
    assert confirmed[0] == date.today().isoformat()
    assert confirmed[1].endswith("\u00b7 check")
    model = screen.model
    stale = model.index(1, next(n for n, c in enumerate(model.columns) if c.key == "confirmed"))
    assert "Not confirmed for 90 days" in model.data(stale, Qt.ItemDataRole.ToolTipRole)
    screen.stale_only.setChecked(True)
    qtbot.waitUntil(lambda: _column(screen, "description") == ["Field hospital"], timeout=5000)


def test_filters_by_category_status_provider_and_available_date(qtbot, screen):
    screen.category.setCurrentIndex(screen.category.findData("medical"))
    qtbot.waitUntil(lambda: _column(screen, "description") == ["Field hospital"], timeout=5000)
    screen.category.setCurrentIndex(0)
    screen.status_filter.setCurrentIndex(screen.status_filter.findData("offered"))
    qtbot.waitUntil(lambda: _column(screen, "description") == ["Two medium helicopters"],
                    timeout=5000)
    screen.status_filter.setCurrentIndex(0)
    qtbot.keyClicks(screen.provider, "Sweden")
    qtbot.waitUntil(lambda: _column(screen, "description") == ["Field hospital"], timeout=5000)
    screen.provider.clear()
    screen.available_on.set_value(date(2026, 4, 15))  # after the helicopters' window
    qtbot.waitUntil(lambda: _column(screen, "description") == ["Field hospital"], timeout=5000)


def test_detail_shows_point_of_contact_and_history_after_a_status_change(qtbot, ctx, screen,
                                                                         directory):
    screen.open_item(directory["hospital"], kind="asset")
    qtbot.waitUntil(lambda: screen.detail.title.text() == "Field hospital", timeout=5000)
    assert screen.detail.stale.isVisible()
    links = [label.text() for label in screen.detail.findChildren(type(screen.count), "link")]
    assert any("Amara Okafor" in text for text in links)
    dialog = StatusDialog(ctx, directory["hospital"], "available", parent=screen)
    qtbot.addWidget(dialog)
    dialog.status.setCurrentIndex(dialog.status.findData("committed"))
    dialog.comment.setPlainText("Tasked for RFA CYA-004")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.save()
    qtbot.waitUntil(lambda: screen.detail.history.rowCount() == 2, timeout=5000)
    assert screen.detail.history.item(0, 1).text() == "Available \u2192 Committed"
    assert screen.detail.history.item(0, 3).text() == "Tasked for RFA CYA-004"
    assert not screen.detail.stale.isVisible()  # news of the asset confirms it
    with ctx.db.session() as session:
        assert [e.comment for e in asset_history(session, directory["hospital"])][-1] == \
            "Tasked for RFA CYA-004"


def test_asset_form_marks_bad_numbers_inline_and_saves(qtbot, ctx, seeded):
    ctx.set_current_operation_id(seeded.operation_id)
    dialog = AssetDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.latitude, "-19,8x")
    assert dialog.errors.message("latitude") == "Type a number, e.g. 4.5."
    dialog.latitude.clear()
    qtbot.keyClicks(dialog.latitude, "-19,83")
    assert dialog.errors.message("latitude") == ""
    dialog.save()  # no description, latitude without longitude
    qtbot.waitUntil(lambda: dialog.errors.message("description") != "", timeout=5000)
    assert dialog.errors.message("description") == "Describe the asset."
    assert dialog.errors.message("longitude") == "Give both latitude and longitude, or neither."
    dialog.description.setPlainText("Water purification unit")
    qtbot.keyClicks(dialog.longitude, "34.84")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.save()
    with ctx.db.session() as session:
        asset = session.get(Asset, dialog.saved_id)
        assert (asset.latitude, asset.longitude) == (-19.83, 34.84)


def test_import_preview_then_confirm_and_geojson_export(qtbot, ctx, screen, tmp_path):
    path = tmp_path / "directory.csv"
    path.write_text("Category,Description,Provider state,Latitude,Longitude\n"
                    "#item+category,#item+name,#country,#geo+lat,#geo+lon\n"
                    "engineering,Bridge layer,France,-19.1,34.5\n"
                    "medical,Field hospital,SWE,,\n"
                    "spaceship,Warp drive,NOR,,\n", encoding="utf-8-sig")
    screen.import_file(str(path))
    qtbot.waitUntil(lambda: getattr(screen, "preview_dialog", None) is not None
                    and screen.preview_dialog.isVisible(), timeout=5000)
    dialog = screen.preview_dialog
    assert (dialog.new_rows.rowCount(), dialog.match_rows.rowCount(),
            dialog.rejected_rows.rowCount()) == (1, 1, 1)
    assert dialog.rejected_rows.index(0, 0).data() == "5"
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "1 added, 1 updated, 0 skipped" in screen.status.text(),
                    timeout=5000)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 3, timeout=5000)
    target = tmp_path / "assets.geojson"
    screen.export("geojson", str(target))
    qtbot.waitUntil(lambda: "Saved" in screen.status.text(), timeout=5000)
    assert "1 entries without coordinates left out" in screen.status.text()
    features = json.loads(target.read_text(encoding="utf-8"))["features"]
    assert sorted(f["geometry"]["coordinates"] for f in features) == [[34.5, -19.1],
                                                                     [34.84, -19.83]]


def _preview_shown(qtbot, screen, before=None):
    qtbot.waitUntil(lambda: getattr(screen, "preview_dialog", None) not in (None, before)
                    and screen.preview_dialog.isVisible(), timeout=10_000)
    return screen.preview_dialog


def _warnings(dialog) -> list[tuple[str, str]]:
    rows = dialog.warning_rows
    return [(rows.index(n, 0).data(), rows.index(n, 1).data()) for n in range(rows.rowCount())]


def test_an_unknown_column_can_be_mapped_and_the_choice_is_kept_for_the_same_header(
        qtbot, ctx, screen, tmp_path):
    path = tmp_path / "offers.csv"
    path.write_text("Category,Description,Kit\nmedical,Mobile clinic,Stretchers x20\n",
                    encoding="utf-8")
    screen.import_file(str(path))
    dialog = _preview_shown(qtbot, screen)
    assert set(dialog.column_menus) == {"category", "description", "kit"}
    kit = dialog.column_menus["kit"]
    assert kit.currentData() == ""  # not recognised: left out, and the Warnings tab says so
    assert any(line == "File" and "Kit" in text for line, text in _warnings(dialog))
    kit.setCurrentIndex(kit.findData("notes"))
    kit.activated.emit(kit.currentIndex())  # as a click on the menu does
    dialog = _preview_shown(qtbot, screen, dialog)
    assert dialog.column_menus["kit"].currentData() == "notes"
    assert not any("Kit" in text for _line, text in _warnings(dialog))

    other = tmp_path / "offers-2.csv"  # another file with the same header
    other.write_text("CATEGORY,description,kit\nshelter,Family tents,Poles and pegs\n",
                     encoding="utf-8")
    dialog.reject()
    screen.import_file(str(other))
    dialog = _preview_shown(qtbot, screen, dialog)
    assert dialog.column_menus["kit"].currentData() == "notes"
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    with ctx.db.session() as session:
        tents = session.scalars(select(Asset).where(Asset.description == "Family tents")).one()
        assert tents.notes == "Poles and pegs"


def test_a_guessed_encoding_can_be_changed_and_the_preview_is_read_again(
        qtbot, screen, tmp_path):
    path = tmp_path / "kyiv.csv"
    path.write_bytes("Category;Description\nmedical;\u041f\u043e\u043b\u044c\u043e\u0432"
                     "\u0438\u0439 \u0433\u043e\u0441\u043f\u0456\u0442\u0430\u043b\u044c "
                     "\u041e\u043b\u0435\u043d\u0438 \u041a\u043e\u0432\u0430\u043b\u0435"
                     "\u043d\u043a\u043e\n".encode("cp1251"))
    screen.import_file(str(path))
    dialog = _preview_shown(qtbot, screen)
    assert dialog.encoding.currentData() == "cp1251"
    assert "guessed" in dialog.findChild(QLabel, "encodingNote").text()
    assert dialog.new_rows.index(0, 1).data().startswith("\u041f\u043e\u043b\u044c")
    dialog.encoding.setCurrentIndex(dialog.encoding.findData("koi8-r"))
    dialog.encoding.activated.emit(dialog.encoding.currentIndex())
    dialog = _preview_shown(qtbot, screen, dialog)
    assert dialog.encoding.currentData() == "koi8-r"
    assert not dialog.new_rows.index(0, 1).data().startswith("\u041f")  # as the officer asked
    assert "guessed" not in dialog.findChild(QLabel, "encodingNote").text()


def test_a_value_left_out_is_shown_on_its_row(qtbot, screen, tmp_path):
    path = tmp_path / "offers.csv"
    path.write_text("Category,Description,Status\nmedical,Mobile clinic,lost\n"
                    "shelter,Family tents,available\n", encoding="utf-8")
    screen.import_file(str(path))
    dialog = _preview_shown(qtbot, screen)
    assert dialog.new_rows.rowCount() == 2
    assert [(line, "lost" in text) for line, text in _warnings(dialog)] == [("2", True)]
    assert "lost" in dialog.new_rows.index(0, 2).data()  # the row's own Warnings column
    assert dialog.new_rows.index(1, 2).data() == ""


def test_a_mapping_the_file_cannot_be_read_with_is_not_kept(qtbot, screen, tmp_path):
    path = tmp_path / "offers.csv"
    path.write_text("Category,Description\nmedical,Mobile clinic\n", encoding="utf-8")
    screen.import_file(str(path))
    dialog = _preview_shown(qtbot, screen)
    category = dialog.column_menus["category"]
    category.setCurrentIndex(category.findData(""))  # no category: nothing can be imported
    category.activated.emit(category.currentIndex())
    qtbot.waitUntil(lambda: screen.findChild(QMessageBox, "errorDialog") is not None,
                    timeout=10_000)
    error = screen.findChild(QMessageBox, "errorDialog")
    assert "Category" in error.text()
    error.close()
    screen.import_file(str(path))  # the next import reads the file as it is again
    dialog = _preview_shown(qtbot, screen, dialog)
    assert (dialog.column_menus["category"].currentData(), dialog.new_rows.rowCount()) == (
        "category", 1)
