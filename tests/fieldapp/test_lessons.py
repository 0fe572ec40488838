"""Lessons observed: template validation, lifecycle with HQ decisions, list filters,
CSV export and the lesson PDF read back."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date, timedelta

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from fieldapp.errors import FieldAppError, NotFoundError, ValidationError, ValidationErrors
from fieldapp.i18n import in_language
from fieldapp.models import Lesson, Operation, OutboxEntry
from fieldapp.models.enums import LessonStatus as S
from fieldapp.pdf.lessons import INTERNAL_BANNER, lesson_pdf, lessons_pdf
from fieldapp.services import lessons as service
from fieldapp.services.lessons import EXERCISES, PART_BY_FIELD, LessonFilter, LessonInput

SCRIPT = "<script>alert('x')</script>"


@pytest.fixture
def op(make_operation) -> Operation:
    return make_operation("Cyclone Mara", "MARA", "MOZ")


@pytest.fixture
def complete(op) -> LessonInput:
    return LessonInput(
        title="Agree the RFA validation route on day one",
        observed_on=date.today() - timedelta(days=3), operation_id=op.id,
        location="Port Selvane", topic="requests_for_assistance_mcda",
        observation="Three life-saving requests waited up to four hours for validation "
                    "because nobody knew who validates when the RC/HC is in the field.",
        discussion="The procedure assumes the RC/HC validates with the Country Team but is "
                   "silent on absence and on how fast a decision must come in the first days.",
        recommendation="Agree in writing who validates in the RC/HC's absence, and how fast.",
        suggested_owner="CMCS", keywords="validation, delegation", sensitivity="public",
    )


def _create(db, data: LessonInput) -> Lesson:
    with db.transaction() as session:
        return service.create_draft(session, data)


def _submit(db, lesson_id: str) -> Lesson:
    with db.transaction() as session:
        return service.submit(session, lesson_id)


def _status(db, lesson_id: str) -> str:
    with db.session() as session:
        return service.get_lesson(session, lesson_id).status


def test_a_partial_draft_is_saved_as_typed(db):
    lesson = _create(db, LessonInput(title="  Half a thought ", observation=f"  {SCRIPT}\n"))
    with db.session() as session:
        stored = service.get_lesson(session, lesson.id)
        assert stored.status == S.DRAFT
        assert stored.title == "Half a thought"
        assert stored.observation == f"  {SCRIPT}\n"  # long text kept exactly as typed


def test_submit_refuses_every_empty_or_short_part_with_its_reason(db, op, complete):
    data = replace(complete, observation="", discussion="Too short.", title=" ",
                   topic="", operation_id=None)
    lesson = _create(db, data)
    with pytest.raises(ValidationErrors) as caught:
        _submit(db, lesson.id)
    errors = caught.value
    assert errors.for_field("observation") == (
        "The observation is empty. " + PART_BY_FIELD["observation"].hint)
    minimum = PART_BY_FIELD["discussion"].min_chars
    assert f"at least {minimum} characters of discussion (now 10)" in errors.for_field(
        "discussion")
    assert errors.for_field("recommendation") is None
    assert errors.for_field("title") == "Give the lesson a short title."
    assert errors.for_field("topic") == "Choose the topic the lesson is about."
    assert "name the exercise" in errors.for_field("operation_id")
    assert _status(db, lesson.id) == S.DRAFT


def test_exercise_name_stands_in_for_an_operation(db, complete):
    lesson = _create(db, replace(complete, operation_id=None, exercise_name="Pacific Endeavour"))
    assert _submit(db, lesson.id).status == S.SUBMITTED


def test_unknown_topic_is_refused_even_in_a_draft(db, complete):
    with pytest.raises(ValidationErrors) as caught:
        _create(db, replace(complete, topic="cyber_warfare"))
    assert "is not a topic this version knows" in caught.value.for_field("topic")
    with db.session() as session:
        assert session.scalar(select(Lesson.id)) is None


def test_over_long_text_is_refused_and_nothing_is_stored(db, complete):
    with pytest.raises(ValidationErrors) as caught:
        _create(db, replace(complete, discussion="x" * 100_000))
    assert caught.value.for_field("discussion") == (
        "The discussion is too long: 100,000 characters, the most is 20,000. Keep what a "
        "reader needs; Geneva can ask for more.")
    with db.session() as session:
        assert session.scalar(select(Lesson.id)) is None
        lesson_changes = select(OutboxEntry.change_id).where(OutboxEntry.entity == "lesson")
        assert session.scalar(lesson_changes) is None


def test_a_new_lesson_is_written_in_the_interface_language_unless_the_form_says(db, complete):
    with in_language("es"):
        spanish = _create(db, complete)
        french = _create(db, replace(complete, language="fr"))
    assert (spanish.language, french.language) == ("es", "fr")
    with db.session() as session:
        assert service.lesson_view(session, french.id).data.language == "fr"


def test_saving_keeps_the_language_unless_another_is_chosen(db, complete):
    lesson = _create(db, replace(complete, language="fr"))
    with db.transaction() as session:
        service.save_draft(session, lesson.id, replace(complete, title="Kept", language=""))
    with db.session() as session:
        assert service.get_lesson(session, lesson.id).language == "fr"
    with db.transaction() as session:
        service.save_draft(session, lesson.id, replace(complete, language="es"))
    with db.session() as session:
        assert service.get_lesson(session, lesson.id).language == "es"


def test_a_language_this_version_does_not_know_is_refused(db, complete):
    with pytest.raises(ValidationErrors) as caught:
        _create(db, replace(complete, language="de"))
    assert caught.value.for_field("language") == (
        "\u201cde\u201d is not a language this version knows; choose one of the list.")
    with db.session() as session:
        assert session.scalar(select(Lesson.id)) is None


def test_future_date_and_unknown_operation_are_refused(db, complete):
    with pytest.raises(ValidationErrors) as caught:
        _create(db, replace(complete, observed_on=date.today() + timedelta(days=1)))
    assert caught.value.for_field("observed_on") == "The date is in the future."
    with pytest.raises(ValidationErrors) as caught:
        _create(db, replace(complete, operation_id="no-such-operation"))
    assert "no longer exists" in caught.value.for_field("operation_id")


def test_a_submitted_lesson_is_read_only_and_cannot_be_deleted(db, complete):
    lesson = _create(db, complete)
    _submit(db, lesson.id)
    with pytest.raises(FieldAppError, match="read-only on this laptop; it travels with the "
                                            "next sync"), db.transaction() as session:
        service.save_draft(session, lesson.id, replace(complete, title="Changed"))
    with pytest.raises(FieldAppError, match="Only a draft"), db.transaction() as session:
        service.delete_draft(session, lesson.id)
    with db.session() as session:
        assert service.get_lesson(session, lesson.id).title == complete.title


def test_submission_travels_in_the_outbox(db, complete):
    lesson = _create(db, complete)
    _submit(db, lesson.id)
    with db.session() as session:
        entries = session.scalars(select(OutboxEntry).where(OutboxEntry.row_id == lesson.id)
                                  .order_by(OutboxEntry.created_at)).all()
    assert entries[-1].fields == {"status": "submitted"}
    assert entries[-1].base == {"status": "draft"}


def test_returned_by_hq_is_editable_again_with_the_comment_then_resubmitted(db, complete):
    lesson = _create(db, complete)
    _submit(db, lesson.id)
    with db.transaction() as session:
        before = session.scalar(select(func.count(OutboxEntry.change_id)))
        service.apply_hq_status(session, lesson.id, "returned", "Name the airport, please.")
    with db.session() as session:
        view = service.lesson_view(session, lesson.id)
        after = session.scalar(select(func.count(OutboxEntry.change_id)))
    assert view.status == S.RETURNED
    assert view.editable
    assert view.hq_comment == "Name the airport, please."
    assert after == before  # HQ's decision is not sent back to HQ
    with db.transaction() as session:
        service.save_draft(session, lesson.id, replace(complete, location="Selvane airport"))
    assert _submit(db, lesson.id).status == S.SUBMITTED


def test_validated_and_published_lessons_stay_read_only(db, complete):
    lesson = _create(db, complete)
    _submit(db, lesson.id)
    for status in ("validated", "published"):
        with db.transaction() as session:
            service.apply_hq_status(session, lesson.id, status)
        with pytest.raises(FieldAppError, match=f"{status} by HQ"), \
                db.transaction() as session:
            service.save_draft(session, lesson.id, complete)


def test_hq_status_must_be_one_hq_can_give(db, complete):
    lesson = _create(db, complete)
    with pytest.raises(ValidationError, match="does not know"), db.transaction() as session:
        service.apply_hq_status(session, lesson.id, "archived")
    with pytest.raises(NotFoundError), db.transaction() as session:
        service.apply_hq_status(session, "missing", "validated")


def test_deleting_a_draft_leaves_a_tombstone(db, complete):
    lesson = _create(db, complete)
    with db.transaction() as session:
        service.delete_draft(session, lesson.id)
    with db.session() as session:
        assert session.get(Lesson, lesson.id).deleted
        assert service.count_lessons(session) == 0
        with pytest.raises(NotFoundError):
            service.get_lesson(session, lesson.id)


def test_filters_narrow_by_status_topic_operation_and_text(db, op, complete):
    logistics = _create(db, replace(complete, title="Landing sites list", topic="logistics",
                                    observation="Three lists of helicopter landing sites."))
    exercise = _create(db, replace(complete, operation_id=None, exercise_name="Tabletop 24",
                                   topic="training_exercises"))
    submitted = _create(db, complete)
    _submit(db, submitted.id)

    def ids(**where) -> set[str]:
        with db.session() as session:
            found = {row.id for row in service.list_lessons(session, where=LessonFilter(**where))}
            assert service.count_lessons(session, where=LessonFilter(**where)) == len(found)
            return found

    assert ids() == {logistics.id, exercise.id, submitted.id}
    assert ids(statuses=("submitted",)) == {submitted.id}
    assert ids(topics=("logistics",)) == {logistics.id}
    assert ids(operation=op.id) == {logistics.id, submitted.id}
    assert ids(operation=EXERCISES) == {exercise.id}
    assert ids(text="helicop") == {logistics.id}
    assert ids(text="\"(*") == set()  # no word: nothing, and no FTS syntax error
    with db.session() as session:
        rows = service.list_lessons(session, where=LessonFilter(operation=EXERCISES))
    assert rows[0].source == "Tabletop 24"


def test_csv_export_has_bom_hxl_row_and_text_as_typed(db, complete):
    lesson = _create(db, replace(complete, title=f"=cmd {SCRIPT}"))
    other = _create(db, replace(complete, title="Not selected"))
    with db.session() as session:
        data = service.export_lessons_csv(session, [lesson.id])
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Title", "Observed on", "Operation"]
    assert rows[1][0] == "#meta+title"
    assert len(rows) == 3
    assert other.id not in data.decode("utf-8-sig")
    assert rows[2][0] == f"'=cmd {SCRIPT}"  # formula defused, markup kept as text
    assert rows[2][2] == "Cyclone Mara"
    assert rows[2][5] == "Requests for assistance and MCDA"


def _pdf_text(pdf: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


def test_lesson_pdf_prints_markup_as_text_and_long_parts_flow(db, complete):
    data = replace(complete, title=f"Title {SCRIPT}", sensitivity="internal",
                   observation=f"Seen: {SCRIPT} & <b>not bold</b>. " + complete.observation,
                   discussion="\n\n".join(["A long paragraph of discussion. " * 30] * 20),
                   suggested_owner=f"<i>{SCRIPT}</i>")
    lesson = _create(db, data)
    with db.transaction() as session:
        service.submit(session, lesson.id)
        service.apply_hq_status(session, lesson.id, "returned", f"Please check {SCRIPT}")
    with db.session() as session:
        pages, text = _pdf_text(lesson_pdf(session, lesson.id))
    assert pages >= 3
    assert f"Title {SCRIPT}" in text
    assert f"Seen: {SCRIPT} & <b>not bold</b>" in text
    assert f"<i>{SCRIPT}</i>" in text
    assert f"HQ comment: Please check {SCRIPT}" in text
    assert f"Page 1 of {pages}" in text
    assert f"Page {pages} of {pages}" in text
    assert text.count(INTERNAL_BANNER) >= pages  # on every page's header, and the banner


def test_lessons_print_in_the_language_asked(db, complete):
    lesson = _create(db, complete)
    with db.session() as session:
        one = lesson_pdf(session, lesson.id, lang="fr")
        several = lessons_pdf(session, [lesson.id], lang="fr")
    for pdf in (one, several):
        text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
        assert "Recommandation" in text
        assert "Recommendation" not in text


def test_selected_lessons_pdf_marks_only_internal_ones(db, complete):
    public = _create(db, replace(complete, title="Public lesson"))
    internal = _create(db, replace(complete, title="Internal lesson", sensitivity="internal"))
    with db.session() as session:
        pdf = lessons_pdf(session, [public.id, internal.id])
    reader = PdfReader(io.BytesIO(pdf))
    first, second = (page.extract_text() for page in reader.pages)
    assert "Public lesson" in first
    assert INTERNAL_BANNER not in first
    assert "Internal lesson" in second
    assert INTERNAL_BANNER in second
