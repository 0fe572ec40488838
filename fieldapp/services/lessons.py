"""Lessons observed: the one template, drafts, submission to Geneva and what HQ sends back.

A lesson moves draft → submitted (read-only on this device; it travels with the next
sync) → at HQ validated | returned with a comment (editable again, the comment shown)
→ published. Only HQ decides the last three: they arrive through sync with HQ's copy of
the lesson (`apply_hq_status` makes the same change directly), never by the officer's edits.

Drafts may be partial, but nothing unreadable is stored: an unknown topic or language, a
date in the future or over-long text is refused even in a draft. Text is stored as typed
(HTML or script stays plain text; the PDF, the CSV and the HQ pages escape it). A lesson
records the language it is written in: a new one takes the interface's unless the form
says otherwise.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, literal_column, select
from sqlalchemy.orm import Session

from fieldapp.errors import FieldAppError, ValidationError, ValidationErrors
from fieldapp.i18n import LANGS, N_, _, language, ngettext
from fieldapp.importexport.csv_hxl import write_table
from fieldapp.labels import lesson_status_label, topic_label
from fieldapp.models import Lesson, Operation
from fieldapp.models.enums import LessonStatus, LessonTopic, Sensitivity
from fieldapp.outbox import REMOTE_FLAG, remote_writes
from fieldapp.search import text_condition
from fieldapp.services.lookup import live_row

S = LessonStatus
EDITABLE = frozenset({S.DRAFT, S.RETURNED})
FROM_HQ = frozenset({S.VALIDATED, S.RETURNED, S.PUBLISHED})
MAX_PART_CHARS = 20_000
MAX_LINE_CHARS = {"title": 200, "exercise_name": 200, "location": 200,
                  "suggested_owner": 200, "keywords": 400}
EXERCISES = "exercises"  # LessonFilter.operation value: lessons of exercises not in the app


@dataclass(frozen=True)
class TextPart:
    """One of the three parts of the template, with the guidance the form shows.

    `label` and `hint` are marked `N_()`: show them through `_()`.
    """

    field: str
    label: str
    hint: str
    min_chars: int


PARTS: tuple[TextPart, ...] = (
    TextPart("observation", N_("Observation"),
             N_("What happened: the facts, where and when, without judging them."), 80),
    TextPart("discussion", N_("Discussion"),
             N_("Why it happened and what it changed: causes, context, consequences."), 80),
    TextPart("recommendation", N_("Recommendation"),
             N_("What should be done next time, and by whom."), 40),
)
PART_BY_FIELD = {part.field: part for part in PARTS}


@dataclass
class LessonInput:
    """The fields of the lesson form; a draft may leave any of them empty."""

    title: str = ""
    observed_on: date | None = None
    operation_id: str | None = None
    exercise_name: str = ""
    location: str = ""
    topic: str = ""
    observation: str = ""
    discussion: str = ""
    recommendation: str = ""
    suggested_owner: str = ""
    keywords: str = ""
    sensitivity: str = Sensitivity.INTERNAL
    language: str = ""  # one of LANGS; "" keeps the stored one (the interface's when new)

    @classmethod
    def from_lesson(cls, lesson: Lesson) -> LessonInput:
        """The form's values for a stored lesson."""
        return cls(**{f.name: getattr(lesson, f.name) for f in fields(cls)})


@dataclass(frozen=True)
class LessonView:
    """A lesson as the form shows it (plain values, safe to hand between threads)."""

    id: str
    data: LessonInput
    status: str
    hq_comment: str
    operation_name: str
    updated_at: datetime

    @property
    def editable(self) -> bool:
        """True while the officer may still change it (draft, or returned by HQ)."""
        return self.status in EDITABLE


def _count(text_value: str) -> int:
    return len(text_value.strip())


# One whole sentence per part (the part's name takes an article or a case in other
# languages), so the three parts each have their own below.
def _empty(part: TextPart) -> str:
    if part.field == "observation":
        return _("The observation is empty.")
    if part.field == "discussion":
        return _("The discussion is empty.")
    return _("The recommendation is empty.")


def _too_short(part: TextPart, length: int) -> str:
    if part.field == "observation":
        # Translators: {count} is the minimum number of characters, {length} how many there
        # are now.
        said = ngettext("Write at least {count} character of observation (now {length}).",
                        "Write at least {count} characters of observation (now {length}).",
                        part.min_chars)
    elif part.field == "discussion":
        said = ngettext("Write at least {count} character of discussion (now {length}).",
                        "Write at least {count} characters of discussion (now {length}).",
                        part.min_chars)
    else:
        said = ngettext("Write at least {count} character of recommendation (now {length}).",
                        "Write at least {count} characters of recommendation (now {length}).",
                        part.min_chars)
    return said.format(count=part.min_chars, length=length)


def _too_long(part: TextPart, size: int) -> str:
    if part.field == "observation":
        # Translators: {count} is how many characters there are, {limit} the most allowed.
        said = ngettext("The observation is too long: {count} character, the most is {limit}. "
                        "Keep what a reader needs; Geneva can ask for more.",
                        "The observation is too long: {count} characters, the most is {limit}. "
                        "Keep what a reader needs; Geneva can ask for more.", size)
    elif part.field == "discussion":
        said = ngettext("The discussion is too long: {count} character, the most is {limit}. "
                        "Keep what a reader needs; Geneva can ask for more.",
                        "The discussion is too long: {count} characters, the most is {limit}. "
                        "Keep what a reader needs; Geneva can ask for more.", size)
    else:
        said = ngettext("The recommendation is too long: {count} character, the most is "
                        "{limit}. Keep what a reader needs; Geneva can ask for more.",
                        "The recommendation is too long: {count} characters, the most is "
                        "{limit}. Keep what a reader needs; Geneva can ask for more.", size)
    return said.format(count=f"{size:,}", limit=f"{MAX_PART_CHARS:,}")


def part_message(part: TextPart, value: str) -> str | None:
    """Why a part cannot be submitted as it is, or None when it is long enough."""
    length = _count(value)
    if length == 0:
        return f"{_empty(part)} {_(part.hint)}"
    if length < part.min_chars:
        return f"{_too_short(part, length)} {_(part.hint)}"
    return None


def draft_errors(data: LessonInput, *, today: date | None = None) -> list[ValidationError]:
    """What even a draft may not hold: unknown topic or sensitivity, a future date, too
    much text."""
    today = today or date.today()
    errors: list[ValidationError] = []
    if data.topic and data.topic not in set(LessonTopic):
        errors.append(ValidationError("topic", _(
            "\u201c{topic}\u201d is not a topic this version knows; choose one of the list."
        ).format(topic=data.topic[:40])))
    if data.sensitivity not in set(Sensitivity):
        errors.append(ValidationError("sensitivity", _("Choose public or internal.")))
    if data.language and data.language not in LANGS:
        # Translators: {language} is the code the form sent, such as "de".
        errors.append(ValidationError("language", _(
            "\u201c{language}\u201d is not a language this version knows; choose one of the "
            "list.").format(language=data.language[:8])))
    if data.observed_on is not None and data.observed_on > today:
        errors.append(ValidationError("observed_on", _("The date is in the future.")))
    for field, limit in MAX_LINE_CHARS.items():
        if len(getattr(data, field)) > limit:
            # Translators: {count} is how many characters the field has now.
            errors.append(ValidationError(field, _(
                "Keep this under {limit} characters (now {count}).").format(
                    limit=limit, count=f"{len(getattr(data, field)):,}")))
    for part in PARTS:
        size = len(getattr(data, part.field))
        if size > MAX_PART_CHARS:
            errors.append(ValidationError(part.field, _too_long(part, size)))
    return errors


def submission_errors(data: LessonInput, *, today: date | None = None) -> list[ValidationError]:
    """Everything that must be fixed before the lesson can go to Geneva (one per field)."""
    errors = draft_errors(data, today=today)

    def need(field: str, ok: bool, message: str) -> None:
        if not ok:
            errors.append(ValidationError(field, message))

    need("title", bool(data.title.strip()), _("Give the lesson a short title."))
    need("observed_on", data.observed_on is not None, _("Say when it was observed."))
    need("operation_id", bool(data.operation_id or data.exercise_name.strip()),
         _("Choose the operation, or name the exercise the lesson comes from."))
    need("topic", bool(data.topic), _("Choose the topic the lesson is about."))
    for part in PARTS:
        message = part_message(part, getattr(data, part.field))
        if message:
            errors.append(ValidationError(part.field, message))
    first: dict[str, ValidationError] = {}
    for error in errors:
        first.setdefault(error.field, error)
    return list(first.values())


def _check_operation(session: Session, operation_id: str | None) -> None:
    if operation_id is None:
        return
    operation = session.get(Operation, operation_id)
    if operation is None or operation.deleted:
        raise ValidationErrors([ValidationError(
            "operation_id", _("That operation no longer exists; choose another."))])


_LONG_TEXT = frozenset(part.field for part in PARTS)


def _apply(lesson: Lesson, data: LessonInput) -> None:
    for f in fields(LessonInput):
        value = getattr(data, f.name)
        if isinstance(value, str) and f.name not in _LONG_TEXT:
            value = value.strip()
        if f.name == "operation_id":
            value = value or None
        if f.name == "language" and not value:
            continue  # not said: the lesson keeps its own
        if getattr(lesson, f.name) != value:
            setattr(lesson, f.name, value)


def _refuse_if_invalid(data: LessonInput) -> None:
    errors = draft_errors(data)
    if errors:
        raise ValidationErrors(errors)


def get_lesson(session: Session, lesson_id: str) -> Lesson:
    """One lesson, or NotFoundError."""
    return live_row(session, Lesson, lesson_id, _("That lesson no longer exists."))


def lesson_view(session: Session, lesson_id: str) -> LessonView:
    """A lesson with its operation's name, as plain values for the form."""
    lesson = get_lesson(session, lesson_id)
    operation = session.get(Operation, lesson.operation_id) if lesson.operation_id else None
    return LessonView(lesson.id, LessonInput.from_lesson(lesson), lesson.status,
                      lesson.hq_comment, operation.name if operation else "", lesson.updated_at)


def read_only_reason(status: str) -> str:
    """Why a lesson in this status cannot be changed on the device."""
    if status == S.SUBMITTED:
        return _("This lesson was submitted to Geneva and is read-only on this laptop; it "
                 "travels with the next sync. If HQ returns it, you can edit it again.")
    # Translators: {status} is a lesson status in lower case: validated, published.
    return _("This lesson is {status} by HQ and can no longer be changed here; write a new "
             "lesson to add to it.").format(status=lesson_status_label(status).lower())


def _editable(session: Session, lesson_id: str) -> Lesson:
    lesson = get_lesson(session, lesson_id)
    if lesson.status not in EDITABLE:
        raise FieldAppError(read_only_reason(lesson.status))
    return lesson


def create_draft(session: Session, data: LessonInput | None = None) -> Lesson:
    """A new draft lesson holding what the form has so far."""
    data = data or LessonInput()
    _refuse_if_invalid(data)
    _check_operation(session, data.operation_id)
    lesson = Lesson(status=S.DRAFT, hq_comment="", language=data.language or language())
    _apply(lesson, data)
    session.add(lesson)
    session.flush()
    return lesson


def save_draft(session: Session, lesson_id: str, data: LessonInput) -> Lesson:
    """Save the form as typed; only a draft or a returned lesson can be changed."""
    lesson = _editable(session, lesson_id)
    _refuse_if_invalid(data)
    if data.operation_id != lesson.operation_id:
        _check_operation(session, data.operation_id)
    _apply(lesson, data)
    return lesson


def submit(session: Session, lesson_id: str) -> Lesson:
    """Send the stored lesson to Geneva with the next sync; refused with every reason."""
    lesson = _editable(session, lesson_id)
    errors = submission_errors(LessonInput.from_lesson(lesson))
    if errors:
        raise ValidationErrors(errors)
    _check_operation(session, lesson.operation_id)
    lesson.status = S.SUBMITTED
    return lesson


def delete_draft(session: Session, lesson_id: str) -> None:
    """Delete a draft or a returned lesson (tombstone, so the deletion also syncs)."""
    lesson = get_lesson(session, lesson_id)
    if lesson.status not in EDITABLE:
        only = _("Only a draft or a lesson returned by HQ can be deleted.")
        raise FieldAppError(f"{only} {read_only_reason(lesson.status)}")
    lesson.deleted = True


def apply_hq_status(session: Session, lesson_id: str, status: str, comment: str = "") -> Lesson:
    """Record what HQ decided (validated, returned with a comment, published).

    The same change the sync client makes when it pulls HQ's copy of the lesson (it applies
    the row as it comes, not through this); writes no outbox entry, since it comes from HQ.
    A returned lesson is editable again, with the comment shown.
    """
    if status not in FROM_HQ:
        raise ValidationError("status", _(
            "HQ sent a lesson status this version does not know (\u201c{status}\u201d)."
        ).format(status=status[:40]))
    lesson = get_lesson(session, lesson_id)
    if session.info.get(REMOTE_FLAG):
        _set_hq_status(lesson, status, comment)
    else:
        with remote_writes(session):
            _set_hq_status(lesson, status, comment)
    return lesson


def _set_hq_status(lesson: Lesson, status: str, comment: str) -> None:
    lesson.status = status
    lesson.hq_comment = comment


@dataclass(frozen=True)
class LessonFilter:
    """What the lessons list is narrowed to; `operation` is an id, EXERCISES or "" (all)."""

    statuses: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    operation: str = ""
    text: str = ""


@dataclass(frozen=True)
class LessonRow:
    """One line of the lessons list."""

    id: str
    title: str
    observed_on: date | None
    source: str  # the operation's name, or the exercise's
    topic: str
    status: str
    sensitivity: str
    hq_comment: str
    updated_at: datetime


SORT_COLUMNS: dict[str, Any] = {
    "title": Lesson.title, "observed_on": Lesson.observed_on, "topic": Lesson.topic,
    "status": Lesson.status, "sensitivity": Lesson.sensitivity,
    "updated_at": Lesson.updated_at,
    "source": func.coalesce(func.nullif(Lesson.exercise_name, ""), Operation.name),
}


def _filtered(query: Any, where: LessonFilter) -> Any:
    query = query.where(Lesson.deleted.is_(False))
    if where.statuses:
        query = query.where(Lesson.status.in_(where.statuses))
    if where.topics:
        query = query.where(Lesson.topic.in_(where.topics))
    if where.operation == EXERCISES:
        query = query.where(Lesson.operation_id.is_(None))
    elif where.operation:
        query = query.where(Lesson.operation_id == where.operation)
    matching = text_condition("lessons", where.text)
    return query if matching is None else query.where(matching)


def list_lessons(
    session: Session,
    *,
    where: LessonFilter = LessonFilter(),  # noqa: B008 - frozen dataclass, safe as default
    sort: str = "observed_on",
    descending: bool = True,
    offset: int = 0,
    limit: int | None = None,
) -> list[LessonRow]:
    """The lessons the filter keeps, sorted, optionally one page of them."""
    column = SORT_COLUMNS[sort]
    order = column.desc() if descending else column.asc()
    query = _filtered(
        select(Lesson.id, Lesson.title, Lesson.observed_on, Lesson.exercise_name,
               Operation.name, Lesson.topic, Lesson.status, Lesson.sensitivity,
               Lesson.hq_comment, Lesson.updated_at)
        .outerjoin(Operation, Operation.id == Lesson.operation_id), where,
    ).order_by(order, Lesson.title, Lesson.id).offset(offset).limit(limit)
    return [
        LessonRow(r.id, r.title, r.observed_on, r.exercise_name or r.name or "", r.topic,
                  r.status, r.sensitivity, r.hq_comment, r.updated_at)
        for r in session.execute(query)
    ]


def count_lessons(
    session: Session,
    *,
    where: LessonFilter = LessonFilter(),  # noqa: B008 - frozen dataclass, safe as default
) -> int:
    """How many lessons the filter keeps."""
    return int(session.scalar(_filtered(select(func.count(Lesson.id)), where)) or 0)


def lessons_by_ids(session: Session, lesson_ids: list[str]) -> list[LessonView]:
    """The live lessons among `lesson_ids`, in the order given."""
    wanted = select(literal_column("value")).select_from(
        func.json_each(json.dumps(lesson_ids)))
    found = set(session.scalars(
        select(Lesson.id).where(Lesson.id.in_(wanted), Lesson.deleted.is_(False))))
    return [lesson_view(session, lesson_id) for lesson_id in lesson_ids if lesson_id in found]


CSV_HEADER = [N_("Title"), N_("Observed on"), N_("Operation"), N_("Exercise"), N_("Location"),
              N_("Topic"), N_("Observation"), N_("Discussion"), N_("Recommendation"),
              N_("Suggested owner"), N_("Keywords"), N_("Sensitivity"), N_("Status"),
              N_("HQ comment"), N_("ID")]
CSV_HASHTAGS = ["#meta+title", "#date+observed", "#event+operation", "#event+exercise",
                "#loc+name", "#meta+topic", "#description+observation",
                "#description+discussion", "#description+recommendation", "#org+owner",
                "#meta+keywords", "#meta+sensitivity", "#status", "#description+hq",
                "#meta+id"]


def export_lessons_csv(session: Session, lesson_ids: list[str]) -> bytes:
    """The lessons as CSV with a header row and an HXL hashtag row (UTF-8 with BOM)."""
    def rows() -> Iterator[list[str]]:
        for view in lessons_by_ids(session, lesson_ids):
            d = view.data
            yield [d.title, d.observed_on.isoformat() if d.observed_on else "",
                   view.operation_name, d.exercise_name, d.location,
                   topic_label(d.topic) if d.topic else "", d.observation, d.discussion,
                   d.recommendation, d.suggested_owner, d.keywords, d.sensitivity,
                   lesson_status_label(view.status), view.hq_comment, view.id]
    return write_table([_(title) for title in CSV_HEADER], CSV_HASHTAGS, rows())
