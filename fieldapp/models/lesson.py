"""A lesson observed, on the one template Geneva validates and publishes."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from fieldapp.i18n import BASE_LANG
from fieldapp.models.base import Base, Syncable
from fieldapp.models.enums import LessonStatus, LessonTopic, Sensitivity


class Lesson(Syncable, Base):
    """Observation, discussion and recommendation from an operation or exercise."""

    __tablename__ = "lessons"
    __sync_entity__ = "lesson"

    title: Mapped[str] = mapped_column(String(200), default="")
    observed_on: Mapped[date | None] = mapped_column(Date)
    exercise_name: Mapped[str] = mapped_column(String(200), default="")
    location: Mapped[str] = mapped_column(String(200), default="")
    topic: Mapped[str] = mapped_column(String(40), default=LessonTopic.OTHER)
    observation: Mapped[str] = mapped_column(Text, default="")
    discussion: Mapped[str] = mapped_column(Text, default="")
    recommendation: Mapped[str] = mapped_column(Text, default="")
    suggested_owner: Mapped[str] = mapped_column(String(200), default="")
    keywords: Mapped[str] = mapped_column(String(400), default="")
    sensitivity: Mapped[str] = mapped_column(String(16), default=Sensitivity.INTERNAL)
    status: Mapped[str] = mapped_column(String(16), default=LessonStatus.DRAFT)
    hq_comment: Mapped[str] = mapped_column(Text, default="")
    # The language the officer wrote it in (one of fieldapp.i18n.LANGS); lessons written
    # before it was recorded, and those an older device sends without it, are English.
    language: Mapped[str] = mapped_column(String(8), default=BASE_LANG, server_default=BASE_LANG)
