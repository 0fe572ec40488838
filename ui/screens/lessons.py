"""The Lessons section: the list with its filters on the left, the lesson form on the right.

Filters (status, topic, operation, text) narrow the list in SQL; the last ones used are
remembered, and the operation filter follows the current operation. Selected lessons
export to one PDF or to CSV with an HXL row, written off the GUI thread. A lesson opened
from global search shows in the form, and is selected in the list when it is there.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.files import write_atomically
from fieldapp.labels import topic_label
from fieldapp.models.enums import LessonStatus, LessonTopic
from fieldapp.services.lessons import EXERCISES, LessonFilter, export_lessons_csv
from fieldapp.services.lookup import OperationRow, operation_rows
from ui.context import AppContext, Change
from ui.lazy import later
from ui.models.lessons_table import ID_ROLE, LessonsTableModel, status_text
from ui.screens.lesson_form import LessonForm, ask_save_path

# PDF makers, imported (with ReportLab) only when a PDF is made: see ui/lazy.py
lessons_pdf = later("fieldapp.pdf.lessons", "lessons_pdf")

SETTINGS = "lessons/"
CURRENT = "current"  # the remembered operation filter: whichever operation is current
SEARCH_DELAY_MS = 250


class LessonsScreen(QWidget):
    """Lessons observed: list, filters, exports and the guided form."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.setObjectName("lessonsScreen")
        self.ctx = ctx
        self._operations: list[OperationRow] = []
        self._selecting = False
        self._export_task: object | None = None

        heading = QLabel(self.tr("Lessons observed"))
        heading.setObjectName("screenTitle")
        heading.setStyleSheet("font-size: 18pt; font-weight: 600;")
        self.new_button = QPushButton(self.tr("New lesson"))
        self.new_button.setObjectName("newLesson")
        self.new_button.clicked.connect(self.new_lesson)
        head = QHBoxLayout()
        head.addWidget(heading, 1)
        head.addWidget(self.new_button)

        self.search = QLineEdit()
        self.search.setObjectName("lessonSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search title, text, keywords, place…"))
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.addItem(self.tr("Any status"), "")
        for status in LessonStatus:
            self.status_filter.addItem(status_text(status), status.value)
        self.topic_filter = QComboBox()
        self.topic_filter.setObjectName("topicFilter")
        self.topic_filter.addItem(self.tr("Any topic"), "")
        for topic in LessonTopic:
            self.topic_filter.addItem(topic_label(topic), topic.value)
        self.operation_filter = QComboBox()
        self.operation_filter.setObjectName("operationFilter")
        for combo in (self.status_filter, self.topic_filter, self.operation_filter):
            combo.setMinimumContentsLength(8)  # long names elide: the screen fits small windows
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.status_filter, 1)
        filters.addWidget(self.topic_filter, 1)
        filters.addWidget(self.operation_filter, 1)

        self.model = LessonsTableModel(ctx.tasks, self)
        self.table = QTableView()
        self.table.setObjectName("lessonsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        # The indicator first: enabling sorting sorts by it, and it must match the model's.
        header.setSortIndicator(self.model.sort_column(), Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        header.setStretchLastSection(False)
        for column, width in ((0, 230), (1, 84), (2, 120), (3, 125), (4, 84), (5, 74)):
            self.table.setColumnWidth(column, width)
        self._arrange_columns()
        self.count_label = QLabel()
        self.count_label.setObjectName("lessonCount")
        self.count_label.setStyleSheet("color: #5f6368;")
        self.count_label.setWordWrap(True)  # never widens the pane
        self.export_button = QToolButton()
        self.export_button.setObjectName("exportSelected")
        self.export_button.setText(self.tr("Export selected"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        menu = QMenu(self.export_button)
        menu.addAction(self.tr("To one PDF…"), lambda: self._ask_export("pdf"))
        menu.addAction(self.tr("To CSV (spreadsheet, HXL)…"), lambda: self._ask_export("csv"))
        self.export_button.setMenu(menu)
        self.cancel_export = QPushButton(self.tr("Cancel"))
        self.cancel_export.hide()
        self.cancel_export.clicked.connect(self._cancel_export)
        self.export_status = QLabel()
        self.export_status.setObjectName("exportStatus")
        self.export_status.setWordWrap(True)
        self.export_status.setOpenExternalLinks(True)
        under = QHBoxLayout()
        under.addWidget(self.count_label, 1)
        under.addWidget(self.export_button)
        under.addWidget(self.cancel_export)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(under)
        left_layout.addWidget(self.export_status)

        self.form = LessonForm(ctx)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("lessonsSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.form)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 6)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([620, 580])  # until the officer's own split is restored

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addLayout(head)
        layout.addLayout(filters)
        layout.addWidget(self.splitter, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        for combo in (self.status_filter, self.topic_filter, self.operation_filter):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.model.loaded.connect(self._on_loaded)
        self.form.saved.connect(self._select_lesson)
        self.form.submitted.connect(self._select_lesson)
        self.form.deleted.connect(lambda _id: self.form.new_lesson(ctx.current_operation_id))
        ctx.changed.connect(self._on_changed)
        ctx.current_operation_changed.connect(self._on_current_operation)

        self._restore_settings()
        self._update_buttons()
        self.form.new_lesson(ctx.current_operation_id)
        self._load_operations(first=True)

    # --- filters ----------------------------------------------------------------------------

    def current_filter(self) -> LessonFilter:
        """The filter the controls describe."""
        status, topic = self.status_filter.currentData(), self.topic_filter.currentData()
        return LessonFilter(statuses=(status,) if status else (),
                            topics=(topic,) if topic else (),
                            operation=self.operation_filter.currentData() or "",
                            text=self.search.text())

    def apply_filter(self) -> None:
        """Show the lessons the controls keep, and remember the choice."""
        self._search_timer.stop()
        if self.operation_filter.count() == 0:
            return  # operations not listed yet: the first load applies the filter
        self.model.set_filter(self.current_filter())
        self._arrange_columns()
        self._save_filters()

    def _load_operations(self, *, first: bool = False) -> None:
        self.ctx.tasks.query(lambda session, _p: operation_rows(session),
                             on_success=lambda rows: self._set_operations(rows, first=first),
                             parent=self)

    def _set_operations(self, rows: list[OperationRow], *, first: bool) -> None:
        self._operations = rows
        self.form.set_operations(rows)
        wanted = (self._remembered_operation() if first
                  else self.operation_filter.currentData())
        combo = self.operation_filter
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("All operations and exercises"), "")
        for row in rows:
            combo.addItem(row.name, row.id)
        combo.addItem(self.tr("Exercises not in the app"), EXERCISES)
        combo.setCurrentIndex(max(0, combo.findData(wanted or "")))
        combo.blockSignals(False)
        if first or combo.currentData() != wanted:
            self.apply_filter()

    def _remembered_operation(self) -> str:
        saved = str(self.ctx.settings.value(SETTINGS + "operation", CURRENT))
        return self.ctx.current_operation_id if saved == CURRENT else saved

    def _on_current_operation(self, operation_id: str) -> None:
        if str(self.ctx.settings.value(SETTINGS + "operation", CURRENT)) == CURRENT:
            index = self.operation_filter.findData(operation_id)
            if index >= 0:
                self.operation_filter.setCurrentIndex(index)
        if not self.form.lesson_id and not self.form.has_unsaved_changes():
            self.form.new_lesson(operation_id)

    def _save_filters(self) -> None:
        settings = self.ctx.settings
        settings.setValue(SETTINGS + "status", self.status_filter.currentData())
        settings.setValue(SETTINGS + "topic", self.topic_filter.currentData())
        operation = self.operation_filter.currentData() or ""
        if operation and operation == self.ctx.current_operation_id:
            operation = CURRENT
        settings.setValue(SETTINGS + "operation", operation)
        settings.setValue(SETTINGS + "text", self.search.text())

    def _restore_settings(self) -> None:
        settings = self.ctx.settings
        for combo, key in ((self.status_filter, "status"), (self.topic_filter, "topic")):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(str(settings.value(SETTINGS + key, "")))))
            combo.blockSignals(False)
        self.search.blockSignals(True)
        self.search.setText(str(settings.value(SETTINGS + "text", "")))
        self.search.blockSignals(False)
        state = settings.value(SETTINGS + "splitter")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.splitter.restoreState(state)

    def hideEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        self.ctx.settings.setValue(SETTINGS + "splitter", self.splitter.saveState())
        super().hideEvent(event)  # type: ignore[arg-type]

    def _arrange_columns(self) -> None:
        """Listing one operation, its column says nothing: hide it and give the title the
        room; listing several, the operation column gives way first, never the title."""
        header = self.table.horizontalHeader()
        one_operation = self.model.where.operation not in ("", EXERCISES)
        self.table.setColumnHidden(2, one_operation)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch if one_operation
                                    else QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive if one_operation
                                    else QHeaderView.ResizeMode.Stretch)

    # --- list and form ----------------------------------------------------------------------

    def _on_loaded(self) -> None:
        total = self.model.total
        if total == 0 and self.current_filter() == LessonFilter(
                operation=self.current_filter().operation):
            text = self.tr("No lessons here yet: the form on the right starts one.")
        elif total == 0:
            text = self.tr("No lesson matches these filters.")
        else:
            text = self.tr("%n lesson(s)", "", total)
        self.count_label.setText(text)
        self._select_row_of(self.form.lesson_id)
        self._update_buttons()

    def _select_row_of(self, lesson_id: str) -> None:
        position = self.model.position_of(lesson_id) if lesson_id else None
        self._selecting = True
        try:
            selection = self.table.selectionModel()
            if position is None:
                selection.clearSelection()
                selection.setCurrentIndex(QModelIndex(),
                                          QItemSelectionModel.SelectionFlag.NoUpdate)
            else:
                index = self.model.index(position, 0)
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                          | QItemSelectionModel.SelectionFlag.Rows)
                self.table.scrollTo(index)
        finally:
            self._selecting = False

    def _select_lesson(self, lesson_id: str) -> None:
        self._select_row_of(lesson_id)

    def _on_current_row(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._selecting or not current.isValid():
            return
        lesson_id = self.model.data(current, ID_ROLE)
        if lesson_id == self.form.lesson_id:
            return
        if not self._confirm_discard():
            self._select_row_of(self.form.lesson_id)
            return
        self.form.message.clear()
        self.form.load(lesson_id)

    def _confirm_discard(self) -> bool:
        """True when there is nothing unsaved, or the officer agrees to drop it."""
        if not self.form.has_unsaved_changes():
            return True
        answer = QMessageBox.question(
            self, self.tr("Unsaved lesson"),
            self.tr("This lesson has changes that are not saved. Discard them?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard

    def new_lesson(self) -> None:
        """Start a new lesson for the current operation."""
        if self._confirm_discard():
            self._select_row_of("")
            self.form.new_lesson(self.ctx.current_operation_id)

    def open_item(self, item_id: str, *, kind: str = "lesson", query: str = "") -> None:
        """Show a lesson (e.g. a global-search hit) in the form, selected in the list."""
        if kind != "lesson" or not self._confirm_discard():
            return
        self.form.load(item_id, then=lambda: self._select_row_of(item_id))

    def _on_changed(self, changes: frozenset[str]) -> None:
        if Change.OPERATION in changes:
            self._load_operations()
        if Change.LESSON in changes:
            self.model.refresh()

    # --- exports ----------------------------------------------------------------------------

    def selected_ids(self) -> list[str]:
        """The lessons selected in the list, in list order."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.data(self.model.index(row, 0), ID_ROLE) for row in rows]

    def _update_buttons(self) -> None:
        count = len(self.table.selectionModel().selectedRows())
        self.export_button.setEnabled(count > 0 and self._export_task is None)
        self.export_button.setToolTip(
            self.tr("Export the %n selected lesson(s)", "", count) if count else
            self.tr("Select lessons in the list first (Ctrl+A selects all)"))

    def _ask_export(self, kind: str) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        path = ask_save_path(self, self.ctx, kind=kind, stem=f"lessons-{len(ids)}")
        if path is not None:
            (self.export_pdf if kind == "pdf" else self.export_csv)(ids, path)

    def export_pdf(self, lesson_ids: list[str], path: Path) -> None:
        """Write the lessons to one PDF, in the background, with progress and cancel."""
        self._start_export(lambda session, progress: lessons_pdf(
            session, lesson_ids, target=path, progress=progress), path,
            self.tr("Writing %n lesson(s) to PDF…", "", len(lesson_ids)))

    def export_csv(self, lesson_ids: list[str], path: Path) -> None:
        """Write the lessons to a CSV file (UTF-8, HXL row), in the background."""
        self._start_export(lambda session, _p: write_atomically(
            path, export_lessons_csv(session, lesson_ids)), path,
            self.tr("Writing %n lesson(s) to CSV…", "", len(lesson_ids)))

    def _start_export(self, work: object, path: Path, busy_text: str) -> None:
        self.export_status.setStyleSheet("")
        self.export_status.setText(busy_text)
        self.cancel_export.show()
        self._export_task = self.ctx.tasks.query(
            work, on_success=lambda _r: self._export_done(path),  # type: ignore[arg-type]
            on_failure=self._export_failed, on_cancelled=self._export_cancelled,
            on_progress=lambda done, total, _m: self.export_status.setText(
                f"{busy_text} {done}/{total}"), parent=self)
        self._update_buttons()

    def _export_finished(self) -> None:
        self._export_task = None
        self.cancel_export.hide()
        self._update_buttons()

    def _export_done(self, path: Path) -> None:
        self._export_finished()
        self.export_status.setText(self.tr("Saved to <a href=\"{0}\">{1}</a>.").format(
            Path(path).as_uri(), str(path).replace("&", "&amp;").replace("<", "&lt;")))

    def _export_failed(self, exc: BaseException) -> None:
        self._export_finished()
        self.export_status.setStyleSheet("color: #b3261e;")
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        self.export_status.setText(self.tr("The export was not saved: {0}").format(reason))

    def _export_cancelled(self) -> None:
        self._export_finished()
        self.export_status.setText(self.tr("Export cancelled."))

    def _cancel_export(self) -> None:
        if self._export_task is not None:
            self._export_task.cancel()  # type: ignore[attr-defined]


def make_lessons_screen(ctx: AppContext) -> LessonsScreen:
    """The Lessons section's screen."""
    return LessonsScreen(ctx)
