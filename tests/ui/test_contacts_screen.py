"""The contacts screen: filter as you type, a long list scrolled to its end, the form, import."""

from __future__ import annotations

import uuid

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel, QProgressDialog, QPushButton
from sqlalchemy import func, insert, select

from fieldapp.models import Contact, utcnow
from fieldapp.services.contacts import contact_detail, contact_ids
from ui.models.lazy_table import LOADING, MAX_PAGES
from ui.screens.contact_dialog import ContactDialog
from ui.screens.contacts import ContactsScreen


@pytest.fixture
def screen(qtbot, ctx, seeded):
    ctx.set_current_operation_id(seeded.operation_id)
    widget = ContactsScreen(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitUntil(lambda: not widget.model.loading and widget.model.rowCount() > 0,
                    timeout=5000)
    return widget


def _names(screen) -> list[str]:
    model = screen.model
    return [model.data(model.index(row, 1)) for row in range(model.rowCount())]


def test_typing_in_the_filter_shows_only_matching_rows(qtbot, ctx, seeded, screen):
    with ctx.db.transaction() as session:
        session.add(Contact(given_name="Jean", family_name="Dupont", role="Liaison",
                            operation_id=seeded.operation_id))
    screen.model.refresh()
    qtbot.waitUntil(lambda: screen.model.rowCount() == 2, timeout=5000)
    qtbot.keyClicks(screen.filter, "okaf")
    qtbot.waitUntil(lambda: _names(screen) == ["Amara Okafor"], timeout=5000)
    assert screen.count.text() == "1 contact"
    screen.filter.clear()
    qtbot.keyClicks(screen.filter, "okavango")  # the organisation's name
    qtbot.waitUntil(lambda: _names(screen) == ["Amara Okafor"], timeout=5000)
    screen.filter.clear()
    qtbot.keyClicks(screen.filter, "liaison")  # a role
    qtbot.waitUntil(lambda: _names(screen) == ["Jean Dupont"], timeout=5000)


def test_organisation_type_and_scope_filters(qtbot, ctx, seeded, screen):
    with ctx.db.transaction() as session:
        session.add(Contact(given_name="Gil", family_name="Global", operation_id=None))
    screen.model.refresh()
    qtbot.waitUntil(lambda: screen.model.rowCount() == 2, timeout=5000)
    screen.scope.setCurrentIndex(screen.scope.findData("global"))
    qtbot.waitUntil(lambda: _names(screen) == ["Gil Global \u00b7 global"], timeout=5000)
    screen.scope.setCurrentIndex(screen.scope.findData("all"))
    screen.org_type.setCurrentIndex(screen.org_type.findData("ngo"))
    qtbot.waitUntil(lambda: _names(screen) == ["Amara Okafor"], timeout=5000)


def test_selecting_a_row_shows_the_detail_and_a_click_copies_the_phone(qtbot, ctx, seeded,
                                                                      screen):
    with ctx.db.transaction() as session:
        contact = session.get(Contact, seeded.contact_id)
        contact.phones = [{"kind": "mobile", "number": "+258821234567", "valid": True}]
    screen.model.refresh()
    # Grouped for reading, and isolated left to right: on a right-to-left screen the "+"
    # stays in front.
    qtbot.waitUntil(lambda: screen.model.data(screen.model.index(0, 5))
                    == "\u2066+258 82 123 4567\u2069", timeout=5000)
    screen.table.selectRow(0)
    qtbot.waitUntil(lambda: screen.detail.title.text() == "Amara Okafor", timeout=5000)
    button = next(b for b in screen.detail.findChildren(type(screen.new_button), "copy")
                  if "+258" in b.text())
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == "+258821234567"
    assert "Copied +258821234567" in screen.status.text()


def _many_contacts(ctx, operation_id: str, count: int) -> None:
    now = utcnow()
    rows = [{"id": str(uuid.uuid4()), "operation_id": operation_id, "given_name": f"Person{n}",
             "family_name": f"Family{n:05d}", "role": "Officer", "emails": [],
             "phones": [{"kind": "mobile", "number": f"+25882{n:07d}", "valid": True}],
             "updated_at": now, "deleted": False, "organisation_id": None, "notes": "",
             "satellite_phone": "", "call_sign": "", "location": "", "languages": "",
             "favourite": False} for n in range(count)]
    with ctx.db.transaction() as session:
        session.execute(insert(Contact.__table__), rows)


def test_scrolling_to_the_end_of_a_long_list_shows_the_last_rows(qtbot, ctx, seeded):
    _many_contacts(ctx, seeded.operation_id, 20_000)
    ctx.set_current_operation_id(seeded.operation_id)
    screen = ContactsScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(1000, 600)
    screen.show()
    qtbot.waitUntil(lambda: screen.model.rowCount() == 20_001, timeout=10_000)
    with ctx.db.session() as session:
        last = contact_detail(session, contact_ids(session,
                                                   operation_id=seeded.operation_id)[-1]).name
    screen.table.scrollToBottom()
    model = screen.model
    qtbot.waitUntil(lambda: model.data(model.index(20_000, 1)) not in (None, LOADING),
                    timeout=10_000)
    assert model.data(model.index(20_000, 1)) == last
    for row in range(0, 20_000, 997):  # jump around: pages are fetched, the cache stays small
        screen.table.scrollTo(model.index(row, 1))
        QApplication.processEvents()
    qtbot.waitUntil(lambda: model.data(model.index(19_940, 1)) not in (None, LOADING),
                    timeout=10_000)
    assert model.cached_pages() <= MAX_PAGES


def test_edit_form_marks_an_invalid_phone_and_keeps_it_flagged(qtbot, ctx, seeded):
    ctx.set_current_operation_id(seeded.operation_id)
    dialog = ContactDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.buttons.isEnabled, timeout=5000)
    line = dialog.phone_rows()[0]
    qtbot.waitUntil(line.isVisible, timeout=5000)  # Qt shows a line added to a shown form later
    qtbot.keyClicks(line.number, "12 34")
    assert line.warning.isVisible()
    assert line.warning.text() == "Not a valid phone number for MZ; kept as typed, marked " \
        "unchecked."
    line.number.clear()
    qtbot.keyClicks(line.number, "82 123 4567")  # a Mozambican mobile, written nationally
    assert not line.warning.isVisible()
    qtbot.keyClicks(dialog.add_phone().number, "12 34")
    dialog.save()  # no name yet
    qtbot.waitUntil(lambda: dialog.errors.message("family_name") != "", timeout=5000)
    assert dialog.errors.message("family_name") == "Give the contact a name."
    qtbot.keyClicks(dialog.family_name, "Mussa")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.save()
    with ctx.db.session() as session:
        phones = session.get(Contact, dialog.saved_id).phones
    assert phones == [{"kind": "mobile", "number": "+258821234567", "valid": True},
                      {"kind": "mobile", "number": "12 34", "valid": False}]


def test_new_organisation_typed_in_the_form_is_created_with_its_type(qtbot, ctx, seeded):
    ctx.set_current_operation_id(seeded.operation_id)
    dialog = ContactDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.buttons.isEnabled, timeout=5000)
    qtbot.keyClicks(dialog.family_name, "Berg")
    dialog.organisation.setEditText("Swedish Civil Contingencies Agency")
    dialog.org_type.setCurrentIndex(dialog.org_type.findData("civil_defence"))
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.save()
    with ctx.db.session() as session:
        detail = contact_detail(session, dialog.saved_id)
    assert (detail.organisation, detail.org_type) == ("Swedish Civil Contingencies Agency",
                                                      "civil_defence")


def test_import_preview_lists_rows_and_confirm_writes_them_in_one_go(qtbot, ctx, seeded,
                                                                    screen, tmp_path):
    with ctx.db.transaction() as session:
        session.get(Contact, seeded.contact_id).emails = ["amara@orn.org"]
    path = tmp_path / "people.csv"
    path.write_text("Name;E-mail;Organisation\n"
                    "Kwame Mensah;kwame@wfp.org;WFP\n"
                    "Amara O.;amara@orn.org;\n"
                    ";nobody@x.org;\n", encoding="cp1252")
    screen.import_file(str(path))
    qtbot.waitUntil(lambda: getattr(screen, "preview_dialog", None) is not None
                    and screen.preview_dialog.isVisible(), timeout=5000)
    dialog = screen.preview_dialog
    assert dialog.new_rows.rowCount() == 2
    assert "Kwame Mensah" in dialog.new_rows.index(0, 1).data()
    assert dialog.new_rows.index(0, 2).data() == ""  # nothing to say about it
    assert dialog.new_rows.index(1, 0).data() == "4"
    assert "Nobody" in dialog.new_rows.index(1, 2).data()  # named after its e-mail: said
    assert dialog.match_rows.index(0, 3).data() == "Amara Okafor"
    assert dialog.rejected_rows.rowCount() == 0
    warnings = [(dialog.warning_rows.index(row, 0).data(), dialog.warning_rows.index(row, 1)
                 .data()) for row in range(dialog.warning_rows.rowCount())]
    assert [line for line, _text in warnings] == ["4"]
    with ctx.db.session() as session:
        assert session.scalar(select(func.count()).select_from(Contact)) == 2  # nothing yet
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "2 added, 1 merged" in screen.status.text(), timeout=5000)
    with ctx.db.session() as session:
        assert session.scalar(select(func.count()).select_from(Contact)) == 4
    qtbot.waitUntil(lambda: screen.model.rowCount() == 3, timeout=5000)


def test_matching_rows_can_be_skipped_one_by_one_or_all_at_once(qtbot, ctx, seeded, screen,
                                                                  tmp_path):
    with ctx.db.transaction() as session:
        session.get(Contact, seeded.contact_id).emails = ["amara@orn.org"]
    path = tmp_path / "people.csv"
    path.write_text("Name,E-mail,Role\nAmara O.,amara@orn.org,Changed role\n", encoding="utf-8")
    screen.import_file(str(path))
    qtbot.waitUntil(lambda: getattr(screen, "preview_dialog", None) is not None
                    and screen.preview_dialog.isVisible(), timeout=5000)
    dialog = screen.preview_dialog
    choice = dialog.match_rows.index(0, 1)
    assert (choice.data(), dialog.chosen()) == ("Merge", {2: "merge"})  # merging is offered
    dialog.tabs.setCurrentIndex(1)
    box = dialog.match_table.visualRect(choice)  # the tick box sits at the cell's left
    qtbot.mouseClick(dialog.match_table.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(box.left() + 10, box.center().y()))
    assert (choice.data(), dialog.chosen()) == ("Skip", {2: "skip"})
    qtbot.mouseClick(dialog.merge_all, Qt.MouseButton.LeftButton)
    assert dialog.chosen() == {2: "merge"}
    qtbot.mouseClick(dialog.skip_all, Qt.MouseButton.LeftButton)
    assert dialog.chosen() == {2: "skip"}
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        # the choices are taken: nothing changes them while the import runs
        assert not dialog.match_table.isEnabled()
        assert not dialog.merge_all.isEnabled()
    qtbot.waitUntil(lambda: "0 added, 0 merged, 1 skipped" in screen.status.text(),
                    timeout=5000)
    with ctx.db.session() as session:
        assert session.get(Contact, seeded.contact_id).role == "Logistics officer"


def _long_csv(tmp_path, rows: int):
    path = tmp_path / "directory.csv"
    path.write_text("Name,E-mail\n" + "".join(f"Person {n},p{n}@example.org\n"
                                             for n in range(rows)), encoding="utf-8")
    return path


def test_reading_an_import_file_shows_progress_then_the_preview(qtbot, ctx, seeded, screen,
                                                                tmp_path):
    seen: list[int] = []
    screen.import_file(str(_long_csv(tmp_path, 3000)))
    screen.reading.progressed.connect(lambda done, total, _m: seen.append(done))
    qtbot.waitUntil(lambda: getattr(screen, "preview_dialog", None) is not None
                    and screen.preview_dialog.isVisible(), timeout=20_000)
    assert screen.preview_dialog.new_rows.rowCount() == 3000
    assert seen  # the dialog had figures to show
    assert not screen.findChild(QProgressDialog, "importReading").isVisible()


def test_cancelling_the_reading_imports_nothing_and_says_so(qtbot, ctx, seeded, screen,
                                                          tmp_path):
    screen.import_file(str(_long_csv(tmp_path, 20_000)))
    reading = screen.findChild(QProgressDialog, "importReading")
    reading.show()  # as it shows itself after 400 ms
    qtbot.mouseClick(reading.findChild(QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.reading.done, timeout=20_000)
    assert screen.reading.outcome == "cancelled"
    assert "nothing was imported" in screen.status.text()
    assert getattr(screen, "preview_dialog", None) is None
    with ctx.db.session() as session:
        assert session.scalar(select(func.count()).select_from(Contact)) == 2


def test_delete_asks_first_then_tombstones(qtbot, ctx, seeded, screen):
    screen.open_item(seeded.contact_id, kind="contact")
    qtbot.waitUntil(lambda: screen.detail.detail is not None, timeout=5000)
    screen.delete_contact()
    screen.confirm_box.accept()
    qtbot.waitUntil(lambda: screen.model.rowCount() == 0 and not screen.model.loading,
                    timeout=5000)
    with ctx.db.session() as session:
        assert session.get(Contact, seeded.contact_id).deleted


def test_export_vcard_writes_the_file_off_the_gui_thread(qtbot, ctx, seeded, screen, tmp_path):
    target = tmp_path / "out.vcf"
    screen.export("vcard", str(target))
    qtbot.waitUntil(lambda: "Saved" in screen.status.text(), timeout=5000)
    text = target.read_text(encoding="utf-8")
    assert text.count("BEGIN:VCARD") == 1
    assert "FN:Amara Okafor" in text


def test_the_form_keeps_the_name_as_written_through_an_edit(qtbot, ctx, seeded):
    """An imported Hebrew display name must survive the officer editing the role."""
    ctx.set_current_operation_id(seeded.operation_id)
    with ctx.db.transaction() as session:
        contact = Contact(given_name="David", family_name="Cohen", full_name="דוד כהן",
                          operation_id=seeded.operation_id)
        session.add(contact)
    dialog = ContactDialog(ctx, contact.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.full_name.text() == "דוד כהן", timeout=5000)
    qtbot.keyClicks(dialog.role, "Liaison officer")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.save()
    with ctx.db.session() as session:
        saved = session.get(Contact, contact.id)
        assert (saved.full_name, saved.given_name, saved.role) == (
            "דוד כהן", "David", "Liaison officer")


def _preview_shown(qtbot, screen, before=None):
    qtbot.waitUntil(lambda: getattr(screen, "preview_dialog", None) not in (None, before)
                    and screen.preview_dialog.isVisible(), timeout=10_000)
    return screen.preview_dialog


def test_an_unknown_column_can_be_mapped_and_the_choice_is_kept_for_the_same_header(
        qtbot, ctx, seeded, screen, tmp_path):
    path = tmp_path / "roster.csv"
    path.write_text("Name,Sat,Shoe size\nAmina Diallo,+881631415926,38\n", encoding="utf-8")
    screen.import_file(str(path))
    dialog = _preview_shown(qtbot, screen)
    assert set(dialog.column_menus) == {"name", "sat", "shoe size"}
    sat = dialog.column_menus["sat"]
    assert sat.currentData() == ""  # not recognised: left out, and the Warnings tab says so
    texts = [dialog.warning_rows.index(row, 1).data()
             for row in range(dialog.warning_rows.rowCount())]
    assert any("Sat" in text for text in texts)
    sat.setCurrentIndex(sat.findData("phone_satellite"))
    sat.activated.emit(sat.currentIndex())  # as a click on the menu does
    dialog = _preview_shown(qtbot, screen, dialog)
    assert dialog.column_menus["sat"].currentData() == "phone_satellite"
    texts = [dialog.warning_rows.index(row, 1).data()
             for row in range(dialog.warning_rows.rowCount())]
    assert not any("Sat" in text for text in texts)

    other = tmp_path / "roster-2.csv"  # another file with the same header
    other.write_text("NAME,sat,Shoe Size\nJean Dupont,+881631415927,44\n", encoding="utf-8")
    dialog.reject()
    screen.import_file(str(other))
    dialog = _preview_shown(qtbot, screen, dialog)
    assert dialog.column_menus["sat"].currentData() == "phone_satellite"
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    with ctx.db.session() as session:
        jean = session.scalars(select(Contact).where(Contact.family_name == "Dupont")).one()
        assert jean.phones == [{"kind": "satellite", "number": "+881631415927",
                                "valid": True}]


def test_a_guessed_encoding_can_be_changed_and_the_preview_is_read_again(
        qtbot, ctx, seeded, screen, tmp_path):
    path = tmp_path / "kyiv.csv"
    path.write_bytes("Name;Organisation\nОлена Коваленко;ООН\n".encode("cp1251"))
    screen.import_file(str(path))
    dialog = _preview_shown(qtbot, screen)
    assert dialog.encoding.currentData() == "cp1251"
    assert "guessed" in dialog.findChild(QLabel, "encodingNote").text()
    assert "Олена Коваленко" in dialog.new_rows.index(0, 1).data()
    dialog.encoding.setCurrentIndex(dialog.encoding.findData("koi8-r"))
    dialog.encoding.activated.emit(dialog.encoding.currentIndex())
    dialog = _preview_shown(qtbot, screen, dialog)
    assert dialog.encoding.currentData() == "koi8-r"
    assert "Олена" not in dialog.new_rows.index(0, 1).data()  # read as the officer asked
    assert "guessed" not in dialog.findChild(QLabel, "encodingNote").text()


def test_the_phone_example_shown_is_accepted_as_typed(qtbot, ctx, seeded):
    ctx.set_current_operation_id(seeded.operation_id)
    dialog = ContactDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.buttons.isEnabled, timeout=5000)
    line = dialog.phone_rows()[0]
    qtbot.waitUntil(line.isVisible, timeout=5000)
    example = line.number.placeholderText()
    assert example.startswith("e.g. +")
    for typed in example.removeprefix("e.g. ").split(", or "):
        line.number.setText(typed)
        assert not line.warning.isVisible(), typed
