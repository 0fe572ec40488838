"""The Lessons screen driven like an officer: guided entry, refused submit marked on the
fields, submit → read-only, returned lessons with the HQ comment, filters, exports."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from fieldapp.i18n import in_language
from fieldapp.models import Lesson
from fieldapp.services import lessons as service
from fieldapp.services.lessons import PART_BY_FIELD, LessonFilter, LessonInput

OBSERVATION = ("Three lists of helicopter landing sites were in use in the first week, and one "
               "sortie landed at a site the aviation authority had closed.")
DISCUSSION = ("Each list was right for its owner, but nobody had been asked to merge them, and "
              "people on the ground had no channel to the aviation authority.")
RECOMMENDATION = "Ask the aviation authority to publish one list, fed by the MNCC, every evening."


@pytest.fixture
def screen(qtbot, seeded, window):
    lessons = window.show_section("lessons")
    qtbot.waitUntil(lambda: lessons.operation_filter.count() > 0, timeout=5000)
    return lessons


def _stored(db) -> list[Lesson]:
    with db.session() as session:
        return [session.get(Lesson, row.id) for row in service.list_lessons(session)]


def _type(qtbot, widget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClicks(widget, text)


def test_guided_entry_refuses_an_empty_part_beside_it_then_submits_read_only(
        qtbot, db, seeded, screen):
    form = screen.form
    _type(qtbot, form.title, "One shared list of landing sites")
    form.topic.setCurrentIndex(form.topic.findData("logistics"))
    _type(qtbot, form.parts["observation"], OBSERVATION)
    form.parts["discussion"].setPlainText(DISCUSSION)
    assert form.counters["observation"].text() == f"{len(OBSERVATION)} characters ✓"
    assert form.counters["recommendation"].text() == "0 / 40 characters minimum"
    assert form.operation.currentData() == seeded.operation_id  # the current operation

    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    recommendation = PART_BY_FIELD["recommendation"]
    assert form.errors.message("recommendation") == (
        f"The recommendation is empty. {recommendation.hint}")
    assert form.findChild(type(form.general_error), "recommendationError").isVisible()
    assert form.general_error.text() == (
        "Not submitted: complete the marked parts of the template.")
    assert form.errors.message("observation") == ""
    assert form.findChild(QMessageBox, "confirmSubmit") is None
    assert _stored(db) == []

    _type(qtbot, form.parts["recommendation"], RECOMMENDATION)
    assert form.errors.message("recommendation") == ""  # cleared once long enough
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    box = form.findChild(QMessageBox, "confirmSubmit")
    submit = next(b for b in box.buttons()
                  if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    qtbot.mouseClick(submit, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: form.status == "submitted", timeout=5000)
    assert form.title.isReadOnly()
    assert form.parts["observation"].isReadOnly()
    assert not form.topic.isEnabled()
    assert not form.submit_button.isVisible()
    assert not form.save_button.isVisible()
    assert "travels with the next sync" in form.note.text()
    (lesson,) = _stored(db)
    assert lesson.status == "submitted"
    assert lesson.recommendation == RECOMMENDATION
    assert lesson.operation_id == seeded.operation_id
    qtbot.waitUntil(lambda: screen.model.total == 1, timeout=5000)


def test_save_draft_keeps_a_partial_lesson_and_refuses_over_long_text(qtbot, db, screen):
    form = screen.form
    _type(qtbot, form.title, "<script>alert(1)</script> half a thought")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.message.text() == "Draft saved on this laptop.", timeout=5000)
    (draft,) = _stored(db)
    assert draft.title == "<script>alert(1)</script> half a thought"
    assert draft.status == "draft"

    form.parts["discussion"].setPlainText("x" * 100_000)
    assert form.counters["discussion"].property("state") == "long"
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.errors.message("discussion") != "", timeout=5000)
    assert "too long: 100,000 characters" in form.errors.message("discussion")
    assert form.general_error.text() == "Not saved: correct the marked fields."
    assert _stored(db)[0].discussion == ""


def test_the_form_saves_the_language_the_lesson_is_written_in(qtbot, db, screen):
    form = screen.form
    language = form.language
    assert [language.itemText(n) for n in range(language.count())] == [
        "English", "Fran\u00e7ais", "Espa\u00f1ol"]
    assert language.currentData() == "en"  # a new lesson: the interface's language
    _type(qtbot, form.title, "Une seule liste des sites d'atterrissage")
    _type(qtbot, language, "F")  # as the officer picks it from the keyboard
    assert language.currentText() == "Fran\u00e7ais"
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.message.text() == "Draft saved on this laptop.", timeout=5000)
    (draft,) = _stored(db)
    assert draft.language == "fr"

    form.new_lesson("")
    assert language.currentData() == "en"
    form.load(draft.id)
    qtbot.waitUntil(lambda: form.lesson_id == draft.id, timeout=5000)
    assert language.currentData() == "fr"
    assert not form.has_unsaved_changes()


def test_a_new_lesson_is_written_in_the_interface_language(qtbot, screen):
    with in_language("es"):
        screen.form.new_lesson("")
    assert screen.form.language.currentText() == "Espa\u00f1ol"


def _seed(db, operation_id: str) -> dict[str, str]:
    base = LessonInput(observed_on=date(2024, 3, 1), operation_id=operation_id,
                       observation=OBSERVATION, discussion=DISCUSSION,
                       recommendation=RECOMMENDATION, sensitivity="public")
    with db.transaction() as session:
        sites = service.create_draft(session, LessonInput(**{
            **base.__dict__, "title": "One list of landing sites", "topic": "logistics"}))
        meeting = service.create_draft(session, LessonInput(**{
            **base.__dict__, "title": "Meeting times clashed", "topic": "coordination_mechanisms",
            "observation": "The civil-military meeting clashed with the cluster meetings "
                           "every day of the first week, so few came."}))
        returned = service.create_draft(session, LessonInput(**{
            **base.__dict__, "title": "Asset offers before needs", "topic": "logistics"}))
        service.submit(session, returned.id)
        service.apply_hq_status(session, returned.id, "returned",
                                "Please name the guidance paragraph.")
    return {"sites": sites.id, "meeting": meeting.id, "returned": returned.id}


def _listed(qtbot, screen) -> list[str]:
    """The titles listed once the list shows what the filter controls say."""
    qtbot.waitUntil(lambda: screen.operation_filter.count() > 0 and not screen.model.loading
                    and screen.model.where == screen.current_filter(), timeout=5000)
    return [screen.model.row_at(n).title for n in range(screen.model.rowCount())]


def test_filters_narrow_the_list(qtbot, db, seeded, window):
    _seed(db, seeded.operation_id)
    screen = window.show_section("lessons")
    assert len(_listed(qtbot, screen)) == 3

    screen.topic_filter.setCurrentIndex(screen.topic_filter.findData("logistics"))
    assert sorted(_listed(qtbot, screen)) == ["Asset offers before needs",
                                              "One list of landing sites"]
    screen.status_filter.setCurrentIndex(screen.status_filter.findData("returned"))
    assert _listed(qtbot, screen) == ["Asset offers before needs"]

    screen.status_filter.setCurrentIndex(0)
    screen.topic_filter.setCurrentIndex(0)
    _type(qtbot, screen.search, "cluster meet")
    assert _listed(qtbot, screen) == ["Meeting times clashed"]
    assert screen.count_label.text() == "1 lesson"

    screen.search.clear()
    other = screen.operation_filter.findData(seeded.other_operation_id)
    screen.operation_filter.setCurrentIndex(other)
    assert _listed(qtbot, screen) == []
    assert screen.count_label.text() == ("No lessons here yet: the form on the right "
                                         "starts one.")
    _type(qtbot, screen.search, "nothing like this")
    assert _listed(qtbot, screen) == []
    assert screen.count_label.text() == "No lesson matches these filters."
    assert screen.current_filter() == LessonFilter(operation=seeded.other_operation_id,
                                                   text="nothing like this")


def test_returned_lesson_shows_the_hq_comment_and_is_editable(qtbot, db, seeded, window):
    ids = _seed(db, seeded.operation_id)
    screen = window.show_section("lessons")
    qtbot.waitUntil(lambda: screen.model.total == 3, timeout=5000)
    screen.open_item(ids["returned"], kind="lesson")
    form = screen.form
    qtbot.waitUntil(lambda: form.lesson_id == ids["returned"], timeout=5000)
    assert "Please name the guidance paragraph." in form.note.text()
    assert form.note.property("kind") == "returned"
    assert form.status_chip.text() == "Returned by HQ"
    assert not form.title.isReadOnly()
    assert form.submit_button.isVisible()
    selected = screen.selected_ids()
    assert selected == [ids["returned"]]


def test_selected_lessons_export_to_csv_and_pdf(qtbot, db, seeded, window, tmp_path):
    ids = _seed(db, seeded.operation_id)
    screen = window.show_section("lessons")
    qtbot.waitUntil(lambda: screen.model.total == 3, timeout=5000)
    screen.table.selectAll()
    assert sorted(screen.selected_ids()) == sorted(ids.values())
    assert screen.export_button.isEnabled()

    csv_path = tmp_path / "lessons.csv"
    screen.export_csv([ids["sites"], ids["meeting"]], csv_path)
    qtbot.waitUntil(lambda: "Saved to" in screen.export_status.text(), timeout=5000)
    rows = list(csv.reader(io.StringIO(csv_path.read_text(encoding="utf-8-sig"))))
    assert [row[0] for row in rows[2:]] == ["One list of landing sites", "Meeting times clashed"]

    pdf_path = tmp_path / "lessons.pdf"
    screen.export_pdf([ids["returned"]], pdf_path)
    qtbot.waitUntil(lambda: str(pdf_path) in screen.export_status.text(), timeout=10000)
    text = PdfReader(pdf_path).pages[0].extract_text()
    assert "Asset offers before needs" in text
    assert "Please name the guidance paragraph." in text


def test_the_open_lesson_saves_as_its_own_pdf(qtbot, db, seeded, window, tmp_path):
    ids = _seed(db, seeded.operation_id)
    screen = window.show_section("lessons")
    qtbot.waitUntil(lambda: screen.model.total == 3, timeout=5000)
    screen.open_item(ids["returned"], kind="lesson")
    form = screen.form
    qtbot.waitUntil(lambda: form.lesson_id == ids["returned"], timeout=5000)
    pdf_path = tmp_path / "lesson.pdf"
    form.save_pdf(pdf_path)
    qtbot.waitUntil(lambda: "Saved to" in form.message.text(), timeout=10000)
    reader = PdfReader(pdf_path)
    assert reader.metadata.title == "Lesson observed — Asset offers before needs"
    text = reader.pages[0].extract_text()
    assert "Asset offers before needs" in text
    assert "Please name the guidance paragraph." in text


def _demo_lesson(db, status: str) -> str:
    with db.session() as session:
        return next(row.id for row in service.list_lessons(session)
                    if session.get(Lesson, row.id).status == status)


@pytest.fixture
def demo_screen(qtbot, db, window):
    from fieldapp.demo import load_demo

    load_demo(db)
    screen = window.show_section("lessons")
    qtbot.waitUntil(lambda: screen.model.total == 8, timeout=5000)
    return screen


def test_a_submitted_demo_lesson_says_it_stays_on_this_laptop(qtbot, db, demo_screen):
    lesson_id = _demo_lesson(db, "submitted")
    demo_screen.open_item(lesson_id, kind="lesson")
    form = demo_screen.form
    qtbot.waitUntil(lambda: form.lesson_id == lesson_id, timeout=5000)
    assert form.is_demo()
    assert "never sent to Geneva" in form.note.text()
    assert "sync" not in form.note.text()
    assert form.title.isReadOnly()


def test_every_demo_lesson_is_marked_as_staying_on_this_laptop(qtbot, db, demo_screen):
    lesson_id = _demo_lesson(db, "returned")
    demo_screen.open_item(lesson_id, kind="lesson")
    form = demo_screen.form
    qtbot.waitUntil(lambda: form.lesson_id == lesson_id, timeout=5000)
    assert "Please name the guidance paragraph" in form.note.text()  # HQ's comment kept
    assert "this lesson stays on this laptop and is never sent to Geneva" in form.note.text()


def test_submitting_a_demo_lesson_never_promises_to_send_it(qtbot, db, demo_screen):
    lesson_id = _demo_lesson(db, "draft")
    demo_screen.open_item(lesson_id, kind="lesson")
    form = demo_screen.form
    qtbot.waitUntil(lambda: form.lesson_id == lesson_id, timeout=5000)
    assert "never sent to Geneva" in form.submit_button.toolTip()
    form.submit_button.click()
    box = form.findChild(QMessageBox, "confirmSubmit")  # the demo drafts are complete
    assert "never sent to Geneva" in box.text()
    assert "next sync" not in box.text()
    submit = next(b for b in box.buttons()
                  if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    qtbot.mouseClick(submit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.message.text() != "", timeout=5000)
    qtbot.waitUntil(lambda: form.status == "submitted", timeout=5000)
    assert form.message.text() == "Submitted, as practice: demo data stays on this laptop."
    assert "Geneva with the next sync" not in form.message.text()


def test_a_real_operation_lesson_still_says_it_goes_with_the_next_sync(qtbot, seeded, screen):
    assert not screen.form.is_demo()
    assert "travels with the next sync" in screen.form.submit_button.toolTip()


def test_the_title_counts_down_its_last_characters_and_refuses_more_with_a_note(qtbot, screen):
    form = screen.form
    note = form.title_limit
    _type(qtbot, form.title, "Landing sites")
    assert note.text() == ""  # plenty of room: no noise
    form.title.setText("x" * 190)
    assert note.text() == "10 left"
    form.title.end(False)
    qtbot.keyClicks(form.title, "abcdefghijkl")  # two more than there is room for
    assert form.title.text() == "x" * 190 + "abcdefghij"
    assert note.text() == "Full: 200 max"
    assert "b3261e" in note.styleSheet()  # red: the officer sees why the keys did nothing
    form.title.selectAll()
    qtbot.keyClicks(form.title, "S")  # typing over a selection is never refused
    assert form.title.text() == "S"
    assert note.text() == ""


def test_a_pasted_title_over_the_limit_is_kept_whole_and_refused_when_saved(
        qtbot, qapp, db, screen):
    form = screen.form
    pasted = "A very long title " * 14  # 252 characters
    qapp.clipboard().setText(pasted)
    form.title.setFocus()
    form.title.paste()
    assert form.title.text() == pasted  # nothing cut without a word
    assert form.title_limit.text() == f"{len(pasted) - 200} too many"
    assert "nothing has been cut" in form.title_limit.toolTip()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.errors.message("title") != "", timeout=5000)
    assert form.errors.message("title") == (
        f"Keep this under 200 characters (now {len(pasted)}).")
    assert _stored(db) == []


def test_a_read_only_title_shows_no_count_down(qtbot, db, seeded, window):
    with db.transaction() as session:
        lesson = service.create_draft(session, LessonInput(
            title="t" * 195, observed_on=date(2024, 3, 1), operation_id=seeded.operation_id,
            topic="logistics", observation=OBSERVATION, discussion=DISCUSSION,
            recommendation=RECOMMENDATION, sensitivity="public"))
        service.submit(session, lesson.id)
    screen = window.show_section("lessons")
    qtbot.waitUntil(lambda: screen.model.total == 1, timeout=5000)
    screen.open_item(lesson.id, kind="lesson")
    qtbot.waitUntil(lambda: screen.form.lesson_id == lesson.id, timeout=5000)
    assert screen.form.title.isReadOnly()
    assert screen.form.title_limit.text() == ""


def test_an_opened_lesson_shows_the_beginning_of_a_long_title(qtbot, db, seeded, window):
    title = "Declining an armed escort request kept the trust of the requester " * 2
    with db.transaction() as session:
        lesson = service.create_draft(session, LessonInput(
            title=title.strip(), operation_id=seeded.operation_id))
    screen = window.show_section("lessons")
    qtbot.waitUntil(lambda: screen.model.total == 1, timeout=5000)
    screen.open_item(lesson.id, kind="lesson")
    qtbot.waitUntil(lambda: screen.form.lesson_id == lesson.id, timeout=5000)
    assert screen.form.title.cursorPosition() == 0
