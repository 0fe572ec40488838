"""The guided lesson form: the one template, with live guidance and inline errors.

Observation, discussion and recommendation each show the core's one-line hint and a
live character count against the minimum (`fieldapp.services.lessons.PARTS`). Save
draft stores what is typed; Submit checks the template first (every reason marked
beside its field), asks for confirmation, then saves and submits in the background.
A submitted, validated or published lesson is shown read-only with a note saying why;
a lesson returned by HQ shows the HQ comment prominently and is editable again. A lesson of
the demo operation is practice: `sync.local` never sends demo rows, so nothing here says
it goes to Geneva.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp import i18n
from fieldapp.demo import DEMO_COUNTRY
from fieldapp.errors import ValidationErrors
from fieldapp.i18n import _
from fieldapp.labels import topic_label
from fieldapp.models.enums import LessonStatus, LessonTopic, Sensitivity
from fieldapp.services import lessons as service
from fieldapp.services.lessons import MAX_PART_CHARS, PARTS, LessonInput, LessonView
from fieldapp.services.lookup import OperationRow
from ui.context import AppContext, Change
from ui.i18n import language_choices
from ui.lazy import later
from ui.models.lessons_table import status_text
from ui.widgets.error_dialog import show_error
from ui.widgets.field_errors import READ_ONLY_STYLE, FieldErrors, set_read_only
from ui.widgets.file_jobs import choose_save_file
from ui.widgets.form_layout import form_layout
from ui.widgets.text_limit import TextLimit, beside

# PDF makers, imported (with ReportLab) only when a PDF is made: see ui/lazy.py
lesson_pdf = later("fieldapp.pdf.lessons", "lesson_pdf")

HINT_STYLE = "color: #5f6368; font-style: italic;"
COUNT_COLOURS = {"empty": "#5f6368", "short": "#a05a00", "ok": "#2e7d32", "long": "#b3261e"}
NOTE_STYLES = {
    "info": "background: #e8f0fa; border: 1px solid #b8c9e0; border-radius: 4px; padding: 8px;",
    "returned": "background: #fff4d6; border: 1px solid #d9a400; border-radius: 4px; "
                "padding: 10px;",
}


class _PartEditor(QPlainTextEdit):
    """A text part: about seven lines high at first, taller when the pane allows."""

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(400, 130)


class LessonForm(QWidget):
    """Shows one lesson (or a new one) and saves, submits or deletes it."""

    saved = Signal(str)  # lesson id, after Save draft
    submitted = Signal(str)
    deleted = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lessonForm")
        self.ctx = ctx
        self.lesson_id = ""
        self.status = LessonStatus.DRAFT.value
        self.editable = True
        self._loaded = LessonInput()
        self._demo_ids: set[str] = set()  # demo operations: their lessons never leave
        self._request = 0
        self.errors = FieldErrors()

        self.heading = QLabel(self.tr("New lesson"))
        self.heading.setObjectName("formHeading")
        self.heading.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.status_chip = QLabel()
        self.status_chip.setObjectName("statusChip")
        self.note = QLabel()
        self.note.setObjectName("lessonNote")
        self.note.setWordWrap(True)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note.hide()

        self.title = QLineEdit()
        self.title.setObjectName("title")
        self.title_limit = TextLimit(self.title, service.MAX_LINE_CHARS["title"])
        self.title.setPlaceholderText(self.tr("One line that says what was learnt"))
        self.observed_on = QDateEdit()
        self.observed_on.setObjectName("observed_on")
        self.observed_on.setCalendarPopup(True)
        self.observed_on.setDisplayFormat("yyyy-MM-dd")
        self.observed_on.setMaximumDate(QDate.currentDate())
        self.operation = QComboBox()
        self.operation.setObjectName("operation_id")
        self.exercise_name = QLineEdit()
        self.exercise_name.setObjectName("exercise_name")
        self.exercise_name.setPlaceholderText(
            self.tr("Name of the exercise, when it is not an operation in the app"))
        self.location = QLineEdit()
        self.location.setObjectName("location")
        self.location.setPlaceholderText(self.tr("Town, district, camp or HQ"))
        self.topic = QComboBox()
        self.topic.setObjectName("topic")
        self.topic.addItem(self.tr("Choose a topic…"), "")
        for topic in LessonTopic:
            self.topic.addItem(topic_label(topic), topic.value)

        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.setToolTip(self.tr("The language the lesson is written in; the "
                                         "lessons library can be filtered by it"))
        for code, name in language_choices():  # each named in itself
            self.language.addItem(name, code)

        for combo in (self.operation, self.topic):
            combo.setMinimumContentsLength(12)  # long names elide rather than widen the pane
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        top = form_layout()
        wrap = self.errors.wrap
        top.addRow(self.tr("Title:"), beside(wrap("title", self.title), self.title_limit))
        top.addRow(self.tr("Date observed:"), wrap("observed_on", self.observed_on))
        top.addRow(self.tr("Operation:"), wrap("operation_id", self.operation))
        top.addRow(self.tr("Exercise:"), wrap("exercise_name", self.exercise_name))
        top.addRow(self.tr("Location:"), wrap("location", self.location))
        top.addRow(self.tr("Topic:"), self._topic_and_language())

        self.parts: dict[str, QPlainTextEdit] = {}
        self.counters: dict[str, QLabel] = {}
        parts_box = QVBoxLayout()
        parts_box.setSpacing(4)
        for part in PARTS:
            parts_box.addWidget(self._part_block(part))

        self.suggested_owner = QLineEdit()
        self.suggested_owner.setObjectName("suggested_owner")
        self.suggested_owner.setPlaceholderText(self.tr("Who should act on it, e.g. CMCS"))
        self.keywords = QLineEdit()
        self.keywords.setObjectName("keywords")
        self.keywords.setPlaceholderText(self.tr("Comma-separated, e.g. validation, RC/HC"))
        self.public = QRadioButton(self.tr("Public: may be published in the lessons library"))
        self.public.setObjectName("public")
        self.internal = QRadioButton(self.tr("Internal: never published"))
        self.internal.setObjectName("internal")
        self._sensitivity_group = QButtonGroup(self)
        self._sensitivity_group.addButton(self.public)
        self._sensitivity_group.addButton(self.internal)
        sensitivity = QWidget()
        sensitivity.setObjectName("sensitivity")
        sensitivity_layout = QVBoxLayout(sensitivity)
        sensitivity_layout.setContentsMargins(0, 0, 0, 0)
        sensitivity_layout.addWidget(self.public)
        sensitivity_layout.addWidget(self.internal)
        bottom = form_layout()
        bottom.addRow(self.tr("Suggested owner:"), wrap("suggested_owner", self.suggested_owner))
        bottom.addRow(self.tr("Keywords:"), wrap("keywords", self.keywords))
        bottom.addRow(self.tr("Sensitivity:"), wrap("sensitivity", sensitivity))

        self.general_error = QLabel()
        self.general_error.setObjectName("generalError")
        self.general_error.setStyleSheet("color: #b3261e; font-weight: 600;")
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.message = QLabel()
        self.message.setObjectName("formMessage")
        self.message.setStyleSheet("color: #2e7d32;")
        self.message.setWordWrap(True)
        self.message.setOpenExternalLinks(True)

        self.save_button = QPushButton(self.tr("Save draft"))
        self.save_button.setObjectName("saveDraft")
        self.save_button.setToolTip(self.tr("Keep the lesson on this laptop (Ctrl+S)"))
        self.save_button.clicked.connect(self.save_draft)
        self.submit_button = QPushButton(self.tr("Submit…"))
        self.submit_button.setObjectName("submit")
        self.submit_button.setDefault(True)
        self.submit_button.clicked.connect(self.submit)
        self.delete_button = QToolButton()
        self.delete_button.setText(self.tr("Delete…"))
        self.delete_button.setToolTip(self.tr("Delete this lesson from this laptop"))
        self.delete_button.setAutoRaise(True)
        self.delete_button.setObjectName("deleteDraft")
        self.delete_button.clicked.connect(self.delete)
        self.pdf_button = QPushButton(self.tr("PDF…"))
        self.pdf_button.setToolTip(self.tr("Save this lesson as a PDF file"))
        self.pdf_button.setObjectName("lessonPdf")
        self.pdf_button.clicked.connect(self.ask_pdf)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.submit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.pdf_button)

        content = QWidget()
        content.setObjectName("lessonFormContent")
        content.setStyleSheet(READ_ONLY_STYLE)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(12, 0, 12, 8)
        layout.addWidget(self.note)
        layout.addLayout(top)
        layout.addLayout(parts_box)
        layout.addLayout(bottom)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        self.scroll = scroll
        # Heading and actions stay in view however long the lesson is.
        head = QHBoxLayout()
        head.setContentsMargins(12, 8, 12, 4)
        head.addWidget(self.heading, 1)
        head.addWidget(self.delete_button)
        head.addWidget(self.status_chip)
        foot = QVBoxLayout()
        foot.setContentsMargins(12, 4, 12, 4)
        foot.addWidget(self.general_error)
        foot.addLayout(buttons)
        foot.addWidget(self.message)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addLayout(head)
        outer.addWidget(scroll, 1)
        outer.addLayout(foot)

        QShortcut(QKeySequence.StandardKey.Save, self, self.save_draft,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        for field, widget in self._line_inputs().items():
            widget.textEdited.connect(lambda _t, f=field: self.errors.clear(f))
        self.topic.currentIndexChanged.connect(lambda _i: self.errors.clear("topic"))
        self.language.currentIndexChanged.connect(lambda _i: self.errors.clear("language"))
        self.operation.currentIndexChanged.connect(lambda _i: self.errors.clear("operation_id"))
        self.operation.currentIndexChanged.connect(lambda _i: self._explain_submit())
        self.new_lesson("")

    def _topic_and_language(self) -> QWidget:
        """Topic, and on the same line the language it is written in (no row of its own:
        the form keeps to a 768-pixel-high screen)."""
        written_in = QLabel(self.tr("Written in:"))
        written_in.setBuddy(self.language)
        written_in.setFixedHeight(self.language.sizeHint().height())  # level with the combo
        box = QWidget()
        line = QHBoxLayout(box)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.errors.wrap("topic", self.topic), 1)
        line.addSpacing(8)
        line.addWidget(written_in, 0, Qt.AlignmentFlag.AlignTop)
        line.addWidget(self.errors.wrap("language", self.language))
        box.setFocusProxy(self.topic)
        return box

    def _part_block(self, part: service.TextPart) -> QWidget:
        block = QWidget()
        layout = QVBoxLayout(block)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(2)
        heading = QLabel(_(part.label))  # the core marks the parts (N_)
        heading.setStyleSheet("font-weight: 600; font-size: 11pt;")
        hint = QLabel(_(part.hint))
        hint.setObjectName(f"{part.field}Hint")
        hint.setStyleSheet(HINT_STYLE)
        hint.setWordWrap(True)
        counter = QLabel()
        counter.setObjectName(f"{part.field}Count")
        counter.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
        line = QHBoxLayout()
        line.addWidget(hint, 1)
        line.addWidget(counter)
        editor = _PartEditor()
        editor.setObjectName(part.field)
        editor.setTabChangesFocus(True)
        editor.setMinimumHeight(90)
        editor.textChanged.connect(lambda p=part: self._count(p))
        self.parts[part.field] = editor
        self.counters[part.field] = counter
        layout.addWidget(heading)
        layout.addLayout(line)
        layout.addWidget(self.errors.wrap(part.field, editor))
        self._count(part)
        return block

    def _count(self, part: service.TextPart) -> None:
        editor, counter = self.parts[part.field], self.counters[part.field]
        text = editor.toPlainText()
        length, total = len(text.strip()), len(text)
        if total > MAX_PART_CHARS:
            state, words = "long", self.tr("{0} characters: too long, the most is {1}").format(
                f"{total:,}", f"{MAX_PART_CHARS:,}")
        elif length >= part.min_chars:
            state, words = "ok", self.tr("{0} characters ✓").format(f"{length:,}")
        else:
            state = "empty" if length == 0 else "short"
            words = self.tr("{0} / {1} characters minimum").format(length, part.min_chars)
        counter.setText(words)
        counter.setProperty("state", state)
        counter.setStyleSheet(f"color: {COUNT_COLOURS[state]};")
        if state == "ok" and self.errors.message(part.field):
            self.errors.clear(part.field)

    def _line_inputs(self) -> dict[str, QLineEdit]:
        return {"title": self.title, "exercise_name": self.exercise_name,
                "location": self.location, "suggested_owner": self.suggested_owner,
                "keywords": self.keywords}

    # --- operations -----------------------------------------------------------------------

    def set_operations(self, rows: list[OperationRow]) -> None:
        """Fill the operation choice (keeps the one chosen when still there)."""
        chosen = self.operation.currentData()
        self._demo_ids = {row.id for row in rows if row.country == DEMO_COUNTRY}
        self.operation.blockSignals(True)
        self.operation.clear()
        self.operation.addItem(self.tr("None: an exercise not in the app"), "")
        for row in rows:
            self.operation.addItem(f"{row.name} ({row.code})", row.id)
        self.operation.setCurrentIndex(max(0, self.operation.findData(chosen or "")))
        self.operation.blockSignals(False)
        self._explain_submit()

    def is_demo(self) -> bool:
        """The lesson belongs to the demo operation: practice data that never leaves."""
        return (self.operation.currentData() or "") in self._demo_ids

    def _explain_submit(self) -> None:
        self.submit_button.setToolTip(self.tr(
            "Mark this practice lesson submitted: it becomes read-only; demo data stays on "
            "this laptop and is never sent to Geneva") if self.is_demo() else self.tr(
            "Send the lesson to Geneva for review: it becomes read-only on this laptop and "
            "travels with the next sync"))

    def _choose_operation(self, operation_id: str | None) -> None:
        index = self.operation.findData(operation_id or "")
        if index < 0 and operation_id:
            self.operation.addItem(self.tr("(operation not listed)"), operation_id)
            index = self.operation.count() - 1
        self.operation.setCurrentIndex(max(0, index))

    # --- showing a lesson -----------------------------------------------------------------

    def new_lesson(self, operation_id: str) -> None:
        """An empty template for the given operation (or none), dated today."""
        self._request += 1
        data = LessonInput(observed_on=date.today(), operation_id=operation_id or None)
        self._show(LessonView("", data, LessonStatus.DRAFT, "", "", None))  # type: ignore[arg-type]
        self.message.clear()
        self.title.setFocus()

    def load(self, lesson_id: str, *, then: Callable[[], None] | None = None) -> None:
        """Read a lesson in the background and show it."""
        self._request += 1
        request = self._request

        def shown(view: LessonView) -> None:
            if request == self._request:
                self._show(view)
                if then is not None:
                    then()

        self.ctx.tasks.query(lambda session, _p: service.lesson_view(session, lesson_id),
                             on_success=shown, parent=self)

    def _show(self, view: LessonView) -> None:
        self.lesson_id = view.id
        self.status = view.status
        self.editable = view.status in service.EDITABLE
        data = view.data
        self.errors.clear()
        self.general_error.hide()
        self.title.setText(data.title)
        self.observed_on.setDate(data.observed_on or date.today())
        self._choose_operation(data.operation_id)
        self.exercise_name.setText(data.exercise_name)
        self.location.setText(data.location)
        self.topic.setCurrentIndex(max(0, self.topic.findData(data.topic)))
        # A new lesson is written in the interface's language unless the officer says not.
        self.language.setCurrentIndex(max(0, self.language.findData(
            data.language or i18n.language())))
        for field, editor in self.parts.items():
            editor.setPlainText(getattr(data, field))
        self.suggested_owner.setText(data.suggested_owner)
        self.keywords.setText(data.keywords)
        for line in self._line_inputs().values():
            line.setCursorPosition(0)  # a long title shows its beginning, not its end
        (self.public if data.sensitivity == Sensitivity.PUBLIC else self.internal).setChecked(True)
        self._loaded = self.form_input()
        self.heading.setText(self.tr("New lesson") if not view.id else self.tr("Lesson"))
        self._show_state(view)

    def _show_state(self, view: LessonView) -> None:
        self.status_chip.setText(status_text(view.status) if view.id else self.tr("Not saved"))
        self.status_chip.setStyleSheet("padding: 2px 8px; border-radius: 8px; "
                                       "background: #eef1f4; font-weight: 600;")
        for widget in (*self._line_inputs().values(), *self.parts.values()):
            set_read_only(widget, not self.editable)
        self.title_limit.refresh()
        for widget in (self.observed_on, self.operation, self.topic, self.language, self.public,
                       self.internal):
            widget.setEnabled(self.editable)
        self.save_button.setVisible(self.editable)
        self.submit_button.setVisible(self.editable)
        self.delete_button.setVisible(self.editable and bool(view.id))
        self.pdf_button.setEnabled(bool(view.id))
        comment = view.hq_comment.strip()
        demo = self.is_demo()
        if view.status == LessonStatus.SUBMITTED and demo:
            self._set_note(self.tr(
                "<b>Submitted (demo).</b> This practice lesson is read-only on this laptop. "
                "Demo data stays on this laptop: it is never sent to Geneva."), "info")
        elif view.status == LessonStatus.RETURNED:
            text = self.tr("<b>Returned by HQ with a comment.</b> Edit the lesson and submit it "
                           "again.") + "<p style='font-size: 12pt;'>" + _html(
                comment or self.tr("(HQ gave no comment.)")) + "</p>"
            self._set_note(text, "returned")
        elif view.status == LessonStatus.SUBMITTED:
            self._set_note(self.tr(
                "<b>Submitted to Geneva.</b> This lesson is read-only on this laptop; it "
                "travels with the next sync. If HQ returns it with a comment, you can edit "
                "it again."), "info")
        elif view.status in (LessonStatus.VALIDATED, LessonStatus.PUBLISHED):
            text = (self.tr("<b>Validated by HQ.</b> It can no longer be changed here.")
                    if view.status == LessonStatus.VALIDATED else
                    self.tr("<b>Published in the lessons library.</b> It can no longer be "
                            "changed here."))
            if comment:
                text += "<br>" + self.tr("HQ comment: {0}").format(_html(comment))
            self._set_note(text, "info")
        else:
            self.note.hide()
        if demo and view.status != LessonStatus.SUBMITTED:
            # HQ's statuses and comments in the demo are invented; nothing came from Geneva.
            self._set_note((self.note.text() + "<br>" if self.note.isVisibleTo(self) else "")
                           + self.tr("Demo operation: this lesson stays on this laptop and is "
                                     "never sent to Geneva."),
                           "returned" if view.status == LessonStatus.RETURNED else "info")

    def _set_note(self, html_text: str, kind: str) -> None:
        self.note.setProperty("kind", kind)
        self.note.setStyleSheet(NOTE_STYLES[kind])
        self.note.setText(html_text)
        self.note.show()

    # --- reading the form -----------------------------------------------------------------

    def form_input(self) -> LessonInput:
        """What the form holds, as the core takes it."""
        return LessonInput(
            title=self.title.text(),
            observed_on=self.observed_on.date().toPython(),  # type: ignore[arg-type]
            operation_id=self.operation.currentData() or None,
            exercise_name=self.exercise_name.text(),
            location=self.location.text(),
            topic=self.topic.currentData() or "",
            observation=self.parts["observation"].toPlainText(),
            discussion=self.parts["discussion"].toPlainText(),
            recommendation=self.parts["recommendation"].toPlainText(),
            suggested_owner=self.suggested_owner.text(),
            keywords=self.keywords.text(),
            sensitivity=Sensitivity.PUBLIC if self.public.isChecked() else Sensitivity.INTERNAL,
            language=self.language.currentData() or "",
        )

    def has_unsaved_changes(self) -> bool:
        """True when an editable lesson differs from what was last saved or loaded."""
        return self.editable and self.form_input() != self._loaded

    # --- actions --------------------------------------------------------------------------

    def save_draft(self) -> None:
        """Store the form as typed (a draft may be partial)."""
        if self.editable:
            self._store(submit=False)

    def submit(self) -> None:
        """Check the template; mark what is missing, or confirm then save and submit."""
        if not self.editable:
            return
        self.message.clear()
        errors = service.submission_errors(self.form_input())
        if errors:
            self._show_errors(ValidationErrors(errors), submitting=True)
            return
        self.errors.clear()
        self.general_error.hide()
        if self.is_demo():
            title, text = self.tr("Submit (demo)"), self.tr(
                "Mark this practice lesson submitted? It becomes read-only on this laptop. "
                "It belongs to the demo operation: demo data stays on this laptop and is "
                "never sent to Geneva.")
        else:
            title, text = self.tr("Submit to Geneva"), self.tr(
                "Submit this lesson to Geneva? It becomes read-only on this laptop and "
                "travels with the next sync. HQ validates it, or returns it to you with a "
                "comment.")
        box = QMessageBox(QMessageBox.Icon.Question, title, text,
                          QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("confirmSubmit")
        box.addButton(self.tr("Submit"), QMessageBox.ButtonRole.AcceptRole)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.accepted.connect(lambda: self._store(submit=True))
        box.open()

    def _store(self, *, submit: bool) -> None:
        data = self.form_input()
        lesson_id = self.lesson_id
        self.errors.clear()
        self.general_error.hide()
        self.message.clear()
        self._set_busy(True)

        def work(session: object, _progress: object) -> str:
            if lesson_id:
                return service.save_draft(session, lesson_id, data).id  # type: ignore[arg-type]
            return service.create_draft(session, data).id  # type: ignore[arg-type]

        self.ctx.tasks.write(work, changes={Change.LESSON},
                             on_success=lambda new_id: self._stored(new_id, data, submit),
                             on_failure=lambda exc: self._show_errors(exc, submitting=submit),
                             parent=self)

    def _stored(self, lesson_id: str, data: LessonInput, submit: bool) -> None:
        self.lesson_id = lesson_id
        self._loaded = data
        self.heading.setText(self.tr("Lesson"))
        self.delete_button.setVisible(True)
        self.pdf_button.setEnabled(True)
        self.status_chip.setText(status_text(self.status))
        if not submit:
            self._set_busy(False)
            self.message.setText(self.tr("Draft saved on this laptop."))
            self.saved.emit(lesson_id)
            return
        self.ctx.tasks.write(lambda session, _p: service.submit(session, lesson_id).id,
                             changes={Change.LESSON}, on_success=self._submitted,
                             on_failure=lambda exc: self._show_errors(exc, submitting=True),
                             parent=self)

    def _submitted(self, lesson_id: str) -> None:
        self._set_busy(False)
        done = (self.tr("Submitted, as practice: demo data stays on this laptop.")
                if self.is_demo() else self.tr("Submitted. It goes to Geneva with the next sync."))
        self.load(lesson_id, then=lambda: self.message.setText(done))
        self.submitted.emit(lesson_id)

    def _show_errors(self, exc: BaseException, *, submitting: bool) -> None:
        self._set_busy(False)
        if not isinstance(exc, ValidationErrors):
            show_error(self, exc)
            return
        unplaced = self.errors.show(exc)
        focused = self.focusWidget()
        if focused is not None and self.scroll.isAncestorOf(focused):
            self.scroll.ensureWidgetVisible(focused, 0, 60)  # the first field to fix
        lead = (self.tr("Not submitted: complete the marked parts of the template.")
                if submitting else self.tr("Not saved: correct the marked fields."))
        self.general_error.setText(" ".join([lead, *unplaced]))
        self.general_error.show()

    def _set_busy(self, busy: bool) -> None:
        for button in (self.save_button, self.submit_button, self.delete_button):
            button.setEnabled(not busy)

    def delete(self) -> None:
        """Ask, then delete the draft shown."""
        if not self.lesson_id or not self.editable:
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Delete draft"),
                          self.tr("Delete this lesson? This cannot be undone."),
                          QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("confirmDelete")
        box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        lesson_id = self.lesson_id
        box.buttonClicked.connect(
            lambda button: box.buttonRole(button) == QMessageBox.ButtonRole.DestructiveRole
            and self._delete(lesson_id))
        box.open()

    def _delete(self, lesson_id: str) -> None:
        def done(_result: object) -> None:
            self.deleted.emit(lesson_id)

        self.ctx.tasks.write(lambda session, _p: service.delete_draft(session, lesson_id),
                             changes={Change.LESSON}, on_success=done, parent=self)

    def ask_pdf(self) -> None:
        """Ask where to save this lesson as PDF, then write it in the background."""
        if self.lesson_id:
            path = ask_save_path(self, self.ctx, kind="pdf", stem=f"lesson-{self.title.text()}")
            if path:
                self.save_pdf(path)

    def save_pdf(self, path: Path) -> None:
        """Write this lesson (as last saved) to a PDF file, off the GUI thread."""
        lesson_id = self.lesson_id
        self.message.setText(self.tr("Writing the PDF…"))
        self.ctx.tasks.query(
            lambda session, _p: lesson_pdf(session, lesson_id, target=path),
            on_success=lambda _r: self.message.setText(
                self.tr("Saved to <a href=\"{0}\">{1}</a>.").format(
                    Path(path).as_uri(), _html(str(path)))),
            parent=self)


def _html(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def ask_save_path(parent: QWidget, ctx: AppContext, *, kind: str, stem: str) -> Path | None:
    """Ask where to save a PDF or CSV export (starting where the last file dialog was)."""
    name = re.sub(r"[^\w\-]+", "-", stem).strip("-")[:60] or "lessons"
    filters = {"pdf": parent.tr("PDF document (*.pdf)"),
               "csv": parent.tr("CSV for spreadsheets (*.csv)")}
    chosen, _ = choose_save_file(ctx, parent, title=parent.tr("Save as"),
                                 name=f"{name}.{kind}", filters=filters[kind])
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != f".{kind}":
        path = path.with_name(f"{path.name}.{kind}")
    return path
