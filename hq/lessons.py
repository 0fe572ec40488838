"""Lessons at HQ: the review projection and the reviewer's decisions.

A lesson row pushed by a device is projected into `hq_lessons` (`project_lesson`, called
by the push after the row is merged). A device can only make a lesson a draft or
submitted: a status it claims beyond that is never believed, and text changed on a
device after HQ validated or published the lesson sends it back to the review queue.

Reviewer decisions (validate, return with a comment, publish) and reviewer edits of the
text are written to the projection, to the review log (who, when, before, after) and to
the synced row as a change made by HQ (a new sequence number, no device), so the device
receives status, comment and edited text with its next pull.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fieldapp.errors import FieldAppError, NotFoundError, ValidationError, ValidationErrors
from fieldapp.i18n import BASE_LANG, LANGS, N_, _
from fieldapp.labels import lesson_status_label
from fieldapp.models.enums import LessonStatus, LessonTopic, Sensitivity
from fieldapp.services.lessons import LessonInput, submission_errors
from hq.lesson_tables import HqLesson, LessonEvent
from hq.models import Change, Device, HqOperation, Officer, RowState, utcnow

ENTITY = "lesson"
S = LessonStatus
FROM_DEVICE = frozenset({S.DRAFT, S.SUBMITTED})
QUEUE_STATUSES = (S.SUBMITTED, S.VALIDATED, S.RETURNED, S.PUBLISHED)
TEXT_FIELDS = ("title", "exercise_name", "location", "observation", "discussion",
               "recommendation", "suggested_owner", "keywords")
CONTENT_FIELDS = (*TEXT_FIELDS, "observed_on", "topic", "sensitivity", "language")
# What a reviewer may correct; sensitivity stays the officer's call (never made public here).
REVIEWER_EDITABLE = ("title", "location", "topic", "observation", "discussion",
                     "recommendation", "suggested_owner", "keywords")
_LONG_TEXT = frozenset({"observation", "discussion", "recommendation"})
MAX_COMMENT_CHARS = 5000
DEVICE = "device"
# Stored in English in the review log; the review page shows it translated.
CHANGED_AFTER_PUBLICATION = N_("changed on a device after publication")


class ReviewError(FieldAppError):
    """A decision that cannot be taken on this lesson now; the message says why."""


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _content(fields: dict[str, Any]) -> dict[str, Any]:
    """The projection's typed values for a synced row's fields (never raises)."""
    values: dict[str, Any] = {name: str(fields.get(name) or "") for name in TEXT_FIELDS}
    values["observed_on"] = _date(fields.get("observed_on"))
    topic = str(fields.get("topic") or "")
    values["topic"] = topic if topic in set(LessonTopic) else LessonTopic.OTHER.value
    values["sensitivity"] = (Sensitivity.PUBLIC.value if fields.get("sensitivity") == "public"
                             else Sensitivity.INTERNAL.value)
    # An older device sends no language: its lessons are English.
    language = fields.get("language")
    values["language"] = language if language in LANGS else BASE_LANG
    return values


def _log(session: Session, lesson_id: str, *, actor: str, action: str, field: str = "",
         before: str = "", after: str = "") -> None:
    session.add(LessonEvent(lesson_id=lesson_id, actor=actor, action=action, field=field,
                            before=before, after=after))


def write_from_hq(session: Session, state: RowState, values: dict[str, Any]) -> int:
    """Write `values` into a synced row as HQ's own change; every device pulls it.

    Like the admin's writes: a new sequence number, no device, so the pull sends the row
    to all its operation's devices, the one that wrote it last included.
    """
    log = Change(kind="review", entity=state.entity, row_id=state.row_id,
                 operation_id=state.operation_id, fields=values)
    session.add(log)
    session.flush()
    fields = dict(state.fields)
    revs = dict(state.field_revs)
    for name, value in values.items():
        fields[name] = value
        revs[name] = [log.seq, None]
    state.fields = fields
    state.field_revs = revs
    state.seq = log.seq
    state.others_seq = log.seq
    state.last_device_id = None
    state.updated_at = utcnow()
    return log.seq


def _officer(session: Session, state: RowState) -> str:
    """Who wrote the row last from a device: the officer's name (for the review log)."""
    name = session.scalar(
        select(Officer.name).join(Device, Device.officer_id == Officer.id)
        .where(Device.id == state.last_device_id)) if state.last_device_id else None
    return name or DEVICE


def project_lesson(session: Session, state: RowState) -> HqLesson:
    """Bring `hq_lessons` in step with a lesson row a device has just written."""
    lesson = session.scalar(select(HqLesson).where(HqLesson.id == state.row_id))
    fields = state.fields
    values = _content(fields)
    now = utcnow()
    new = lesson is None
    if lesson is None:
        lesson = HqLesson(id=state.row_id, status=S.DRAFT.value, hq_comment="",
                          reviewed_by="", deleted=False)
        session.add(lesson)
    changed = [name for name, value in values.items() if getattr(lesson, name) != value]
    for name in changed:
        setattr(lesson, name, values[name])
    lesson.operation_id = state.operation_id
    lesson.deleted = bool(state.deleted)
    lesson.hq_comment = str(fields.get("hq_comment") or "")
    lesson.updated_at = now
    claimed = fields.get("status")
    if claimed in FROM_DEVICE:
        if lesson.status != claimed:
            if claimed == S.SUBMITTED:
                lesson.submitted_at = now
                _log(session, lesson.id, actor=_officer(session, state), action="submit")
            lesson.status = str(claimed)
            lesson.published_at = None
    elif claimed is not None:
        # The device claims one of HQ's decisions (an old or tampered client): never
        # believed. A lesson changed on a device after HQ decided on it is reviewed again.
        status = lesson.status
        if new or (changed and status in (S.VALIDATED, S.PUBLISHED)):
            if status == S.PUBLISHED:
                _log(session, lesson.id, actor=_officer(session, state), action="withdraw",
                     after=CHANGED_AFTER_PUBLICATION)
            status = S.SUBMITTED.value
            lesson.submitted_at = now
            lesson.published_at = None
        lesson.status = status
        if claimed != status:
            write_from_hq(session, state, {"status": status})
    session.flush()
    return lesson


# --- the review queue -----------------------------------------------------------------


@dataclass(frozen=True)
class QueueRow:
    """One line of the review queue."""

    id: str
    title: str
    source: str
    topic: str
    sensitivity: str
    status: str
    submitted_at: datetime | None
    reviewed_by: str


def source_column() -> Any:
    """The lesson's source as shown: the exercise's name, else the operation's."""
    return func.coalesce(func.nullif(HqLesson.exercise_name, ""), HqOperation.name, "")


def queue_counts(session: Session) -> dict[str, int]:
    """How many live lessons are in each reviewable status."""
    rows = session.execute(
        select(HqLesson.status, func.count()).where(HqLesson.deleted.is_(False))
        .group_by(HqLesson.status)
    )
    counts = {str(status): int(n) for status, n in rows}
    return {status.value: counts.get(status.value, 0) for status in QUEUE_STATUSES}


def review_queue(session: Session, *, status: str = S.SUBMITTED, offset: int = 0,
                 limit: int = 50) -> list[QueueRow]:
    """Lessons in `status`, oldest submission first (what waits longest comes first)."""
    query = (
        select(HqLesson.id, HqLesson.title, source_column(), HqLesson.topic,
               HqLesson.sensitivity, HqLesson.status, HqLesson.submitted_at,
               HqLesson.reviewed_by)
        .outerjoin(HqOperation, HqOperation.id == HqLesson.operation_id)
        .where(HqLesson.status == status, HqLesson.deleted.is_(False))
        .order_by(HqLesson.submitted_at, HqLesson.pk).offset(offset).limit(limit)
    )
    return [QueueRow(*row) for row in session.execute(query)]


@dataclass(frozen=True)
class ReviewView:
    """A lesson as the review page shows it, with its log and the row's revision."""

    lesson: HqLesson
    source: str
    rev: int
    events: list[LessonEvent]


def review_view(session: Session, lesson_id: str) -> ReviewView:
    """A lesson for the reviewer (any status but a deleted draft), or NotFoundError."""
    lesson = session.scalar(select(HqLesson).where(HqLesson.id == lesson_id))
    state = session.get(RowState, (ENTITY, lesson_id))
    if lesson is None or state is None or lesson.deleted or lesson.status == S.DRAFT:
        raise NotFoundError(_("HQ has no submitted lesson with this address."))
    operation = session.get(HqOperation, lesson.operation_id) if lesson.operation_id else None
    events = list(session.scalars(
        select(LessonEvent).where(LessonEvent.lesson_id == lesson_id)
        .order_by(LessonEvent.id.desc()).limit(200)))
    source = lesson.exercise_name or (operation.name if operation else "")
    return ReviewView(lesson, source, state.seq, events)


# --- decisions --------------------------------------------------------------------------


def _for_decision(session: Session, lesson_id: str, rev: int | None) -> tuple[HqLesson, RowState]:
    lesson = session.scalar(select(HqLesson).where(HqLesson.id == lesson_id))
    state = session.get(RowState, (ENTITY, lesson_id))
    if lesson is None or state is None or lesson.deleted or lesson.status == S.DRAFT:
        raise NotFoundError(_("HQ has no submitted lesson with this address."))
    if rev is not None and state.seq != rev:
        raise ReviewError(_("This lesson changed since you opened it (the officer sent a new "
                            "version, or another reviewer acted). Read it again, then decide."))
    return lesson, state


def _decide(session: Session, lesson: HqLesson, state: RowState, *, reviewer: str,
            action: str, status: str, comment: str | None = None) -> None:
    values: dict[str, Any] = {"status": status}
    before = lesson.status
    lesson.status = status
    if comment is not None:
        values["hq_comment"] = comment
        lesson.hq_comment = comment
    now = utcnow()
    lesson.reviewed_at = now
    lesson.reviewed_by = reviewer
    lesson.updated_at = now
    if status == S.PUBLISHED:
        lesson.published_at = now
    elif before == S.PUBLISHED:
        lesson.published_at = None
    _log(session, lesson.id, actor=reviewer, action=action, field="status", before=before,
         after=status if comment is None else f"{status}: {comment}")
    write_from_hq(session, state, values)


def _status(value: str) -> str:
    """A lesson's status as a word inside a sentence ("validated")."""
    return lesson_status_label(value).lower()


def validate(session: Session, lesson_id: str, *, reviewer: str, rev: int | None = None,
             comment: str = "") -> HqLesson:
    """Accept a submitted lesson (an optional note goes back to the officer)."""
    lesson, state = _for_decision(session, lesson_id, rev)
    if lesson.status != S.SUBMITTED:
        # Translators: {status} is a lesson's status ("validated", "published").
        raise ReviewError(_("Only a submitted lesson can be validated; this one is {status}.")
                          .format(status=_status(lesson.status)))
    _decide(session, lesson, state, reviewer=reviewer, action="validate",
            status=S.VALIDATED.value, comment=_comment(comment, required=False))
    return lesson


def return_lesson(session: Session, lesson_id: str, *, reviewer: str, comment: str,
                  rev: int | None = None) -> HqLesson:
    """Send a lesson back to its officer with a comment saying what to change.

    A published lesson returned this way leaves the public library at once.
    """
    lesson, state = _for_decision(session, lesson_id, rev)
    if lesson.status == S.RETURNED:
        raise ReviewError(_("This lesson was already returned; it waits for the officer."))
    _decide(session, lesson, state, reviewer=reviewer, action="return",
            status=S.RETURNED.value, comment=_comment(comment, required=True))
    return lesson


def publish(session: Session, lesson_id: str, *, reviewer: str,
            rev: int | None = None) -> HqLesson:
    """Publish a validated public lesson in the library; internal lessons never are."""
    lesson, state = _for_decision(session, lesson_id, rev)
    if lesson.sensitivity != Sensitivity.PUBLIC:
        raise ReviewError(_("This lesson is marked internal by its officer; internal "
                            "lessons are never published. Return it if it should be public."))
    if lesson.status != S.VALIDATED:
        # Translators: {status} is a lesson's status ("submitted", "returned").
        raise ReviewError(_("Validate the lesson before publishing it; it is {status}.")
                          .format(status=_status(lesson.status)))
    _decide(session, lesson, state, reviewer=reviewer, action="publish",
            status=S.PUBLISHED.value)
    return lesson


def _comment(comment: str, *, required: bool) -> str:
    comment = comment.strip()
    if required and not comment:
        raise ValidationErrors([ValidationError(
            "comment", _("Say what the officer should change: the comment is what they see."))])
    if len(comment) > MAX_COMMENT_CHARS:
        raise ValidationErrors([ValidationError(
            "comment", _("Keep the comment under {limit} characters (now {count}).").format(
                limit=f"{MAX_COMMENT_CHARS:,}", count=f"{len(comment):,}"))])
    return comment


def edit(session: Session, lesson_id: str, changes: dict[str, str], *, reviewer: str,
         rev: int | None = None) -> list[str]:
    """Correct the text of a lesson under review; returns the fields that changed.

    Every change is logged with its before and after and sent to the officer's device.
    The lesson must still meet the template (parts long enough, known topic).
    """
    lesson, state = _for_decision(session, lesson_id, rev)
    unknown = set(changes) - set(REVIEWER_EDITABLE)
    if unknown:
        raise ReviewError(_("These fields cannot be edited at HQ: {fields}.").format(
            fields=", ".join(sorted(unknown))))
    if lesson.status == S.RETURNED:
        raise ReviewError(_("This lesson is with its officer; edit it once it is submitted "
                            "again."))
    # Browsers send a textarea's line breaks as CRLF; the stored text has LF.
    cleaned = {name: (value.replace("\r\n", "\n") if name in _LONG_TEXT else value.strip())
               for name, value in changes.items()}
    data = LessonInput(**{
        "title": lesson.title, "observed_on": lesson.observed_on,
        "operation_id": lesson.operation_id, "exercise_name": lesson.exercise_name,
        "location": lesson.location, "topic": lesson.topic,
        "observation": lesson.observation, "discussion": lesson.discussion,
        "recommendation": lesson.recommendation, "suggested_owner": lesson.suggested_owner,
        "keywords": lesson.keywords, "sensitivity": lesson.sensitivity,
        "language": lesson.language, **cleaned})
    errors = [e for e in submission_errors(data) if e.field in cleaned]
    if errors:
        raise ValidationErrors(errors)
    changed = {name: value for name, value in cleaned.items() if getattr(lesson, name) != value}
    if not changed:
        return []
    for name, value in changed.items():
        _log(session, lesson.id, actor=reviewer, action="edit", field=name,
             before=str(getattr(lesson, name)), after=value)
        setattr(lesson, name, value)
    lesson.updated_at = utcnow()
    write_from_hq(session, state, dict(changed))
    return sorted(changed)
