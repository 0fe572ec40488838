"""The import preview, shared by contacts and assets: what an import would do, then do it.

Tabs: rows that will be added, rows that match a record already there (each with a
merge/update or skip choice, a tick per row and buttons for all), rejected rows with
their line number and reason, every warning (a value left out, a photo not kept, a line
skipped) by line, and, when the screen gives them, the file's columns with the field each
becomes: the officer can map a column nobody recognised, or leave one out knowingly, and
pick another encoding when it was guessed; either asks the screen to read the file again
(`reread`). The tables are views over the preview's own lists, so a
file of tens of thousands of lines opens at once (only the visible rows are drawn). Nothing
is written until "Import" is pressed; the write then runs as one transaction in the
background with a progress bar and a Cancel button (cancelling writes nothing).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.models.preview_lines import CHOICE_COLUMN, MERGE, SKIP, LinesModel
from ui.tasks import Task


@dataclass(frozen=True)
class ColumnLine:
    """One column of the file (or vCard property kind) as the Columns tab lists it."""

    label: str
    maps_to: str  # a key of PreviewLines.targets, or "" when left out
    count: int
    sample: str
    chosen: bool = False  # the officer's own choice
    key: str = ""  # what the choice is remembered by ("" : it cannot be changed)


@dataclass(frozen=True)
class PreviewLines:
    """The preview as the dialog lists it (texts already made by the screen)."""

    to_add: list[tuple[int, str]]  # (line, what will be added)
    matches: list[tuple[int, str, str, str]]  # (line, row, matched on, existing record)
    rejected: list[tuple[int, str]]  # (line, reason)
    note: str = ""  # e.g. new organisations that will be created
    warnings: list[tuple[int, str]] = field(default_factory=list)  # (line; 0: file, text)
    columns: list[ColumnLine] = field(default_factory=list)
    targets: list[tuple[str, str]] = field(default_factory=list)  # (field key, label)
    encoding: str = ""  # the codec the file was read with
    encoding_guessed: bool = False
    encodings: list[tuple[str, str]] = field(default_factory=list)  # (codec, label)


def _table(model: LinesModel, name: str) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    model.setParent(table)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    table.setColumnWidth(0, 56)  # the line number; the rest share what is left
    for column in range(1, model.columnCount() - 1):
        table.setColumnWidth(column, 100 if model.choices is not None and
                             column == CHOICE_COLUMN else 230)
    return table


@dataclass(frozen=True)
class MergeWords:
    """How an import names taking a matching row, each a whole phrase (a translation
    never glues a verb into a sentence): the row's choice ("Merge"), the button that
    chooses it for every row ("Merge all"), and the sentence above the rows."""

    choice: str
    every: str
    hint: str


class ImportPreviewDialog(QDialog):
    """Shows a preview; `start_import(choices)` is called with {line: "merge"|"skip"}.

    `reread(encoding, column_choices)` is emitted when the officer picks another encoding
    or maps a column: the screen reads the file again and shows a new preview.
    """

    reread = Signal(str, dict)

    def __init__(self, lines: PreviewLines, *, merge: MergeWords,
                 start_import: Callable[[dict[int, str]], Task[Any]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importPreview")
        self.setWindowTitle(self.tr("Import preview"))
        self.resize(820, 520)
        self.lines = lines
        self._start_import = start_import
        self.task: Task[Any] | None = None
        self.result_value: Any = None

        summary = QLabel(self.tr(
            "{added} to add, {matches} already there, {rejected} rejected, {warnings} "
            "warnings. Nothing is written until you press Import.").format(
                added=len(lines.to_add), matches=len(lines.matches),
                rejected=len(lines.rejected), warnings=len(lines.warnings)))
        summary.setObjectName("summary")
        summary.setWordWrap(True)
        self.tabs = QTabWidget()
        said: dict[int, list[str]] = {}
        for line, text in lines.warnings:
            said.setdefault(line, []).append(text)
        self.new_rows = LinesModel([self.tr("Line"), self.tr("Will be added"),
                                    self.tr("Warnings")],
                                   [[str(n), text, " ".join(said.get(n, []))]
                                    for n, text in lines.to_add])
        self.new_table = _table(self.new_rows, "newRows")
        self.match_rows = LinesModel(
            [self.tr("Line"), self.tr("Choice"), self.tr("Row"), self.tr("Matches"),
             self.tr("Because of")],
            [[str(n), "", row, existing, on] for n, row, on, existing in lines.matches],
            choices={line: MERGE for line, *_rest in lines.matches},
            merge_label=merge.choice, skip_label=self.tr("Skip"))
        self.match_table = _table(self.match_rows, "matchRows")
        self.rejected_rows = LinesModel([self.tr("Line"), self.tr("Why it is left out")],
                                        [[str(n), reason] for n, reason in lines.rejected])
        self.rejected_table = _table(self.rejected_rows, "rejectedRows")
        self.warning_rows = LinesModel(
            [self.tr("Line"), self.tr("What was changed or left out")],
            [[str(n) if n else self.tr("File"), text] for n, text in lines.warnings])
        self.warning_table = _table(self.warning_rows, "warningRows")
        self.tabs.addTab(self.new_table, self.tr("New ({n})").format(n=len(lines.to_add)))
        self.tabs.addTab(self._matches_tab(merge),
                         self.tr("Already there ({n})").format(n=len(lines.matches)))
        self.tabs.addTab(self.rejected_table,
                         self.tr("Rejected ({n})").format(n=len(lines.rejected)))
        self.tabs.addTab(self.warning_table,
                         self.tr("Warnings ({n})").format(n=len(lines.warnings)))
        self.column_table = self._columns_table(lines)
        if lines.columns:
            self.tabs.addTab(self.column_table,
                             self.tr("Columns ({n})").format(n=len(lines.columns)))
        if not lines.to_add and lines.matches:
            self.tabs.setCurrentIndex(1)
        note = QLabel(lines.note)
        note.setWordWrap(True)
        note.setVisible(bool(lines.note))

        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.progress.hide()
        self.status = QLabel()
        self.status.setObjectName("importStatus")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setObjectName("importButton")
        self.import_button.setDefault(True)
        self.import_button.setEnabled(bool(lines.to_add or lines.matches))
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.clicked.connect(self.confirm)
        self.cancel_button.clicked.connect(self.cancel)

        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        if lines.encoding:
            layout.addLayout(self._encoding_row(lines))
        layout.addWidget(self.tabs, 1)
        layout.addWidget(note)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

    def _encoding_row(self, lines: PreviewLines) -> QHBoxLayout:
        """How the file was read, and a menu to read it another way."""
        self.encoding = QComboBox()
        self.encoding.setObjectName("encoding")
        for codec, label in lines.encodings:
            self.encoding.addItem(label, codec)
        if self.encoding.findData(lines.encoding) < 0:
            self.encoding.addItem(lines.encoding, lines.encoding)
        self.encoding.setCurrentIndex(self.encoding.findData(lines.encoding))
        self.encoding.activated.connect(lambda _i: self._ask_reread())
        said = (self.tr("The encoding was guessed from the file. If names look wrong, "
                        "pick the one it was saved in:") if lines.encoding_guessed
                else self.tr("Read as:"))
        row = QHBoxLayout()
        text = QLabel(said)
        text.setObjectName("encodingNote")
        text.setWordWrap(True)
        text.setBuddy(self.encoding)
        row.addWidget(text, 1)
        row.addWidget(self.encoding)
        return row

    def _columns_table(self, lines: PreviewLines) -> QTableWidget:
        """The file's columns: what each becomes, as a menu where the officer may change it."""
        # columns with values first (an Outlook export has 92, most of them empty), in file order
        columns = sorted(lines.columns, key=lambda column: column.count == 0)
        table = QTableWidget(len(columns), 4)
        table.setObjectName("columnRows")
        table.setHorizontalHeaderLabels([self.tr("Column"), self.tr("Example"),
                                         self.tr("Rows"), self.tr("Becomes")])
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        labels = dict(lines.targets)
        self.column_menus: dict[str, QComboBox] = {}
        for row, column in enumerate(columns):
            for index, text in enumerate((column.label, column.sample, str(column.count))):
                table.setItem(row, index, QTableWidgetItem(text))
            if not column.key or not lines.targets:
                becomes = labels.get(column.maps_to, column.maps_to) or self.tr("Left out")
                table.setItem(row, 3, QTableWidgetItem(becomes))
                continue
            menu = QComboBox()
            menu.addItem(self.tr("Left out"), "")
            for key, label in lines.targets:
                menu.addItem(label, key)
            menu.setCurrentIndex(max(0, menu.findData(column.maps_to)))
            menu.activated.connect(lambda _i: self._ask_reread())
            table.setCellWidget(row, 3, menu)
            self.column_menus[column.key] = menu
        table.horizontalHeader().setStretchLastSection(True)
        table.setColumnWidth(0, 200)
        table.setColumnWidth(1, 220)
        table.setColumnWidth(2, 60)
        return table

    def column_choices(self) -> dict[str, str]:
        """Every column's field as the menus now say (the key is the column's)."""
        return {key: menu.currentData() for key, menu in self.column_menus.items()}

    def _ask_reread(self) -> None:
        codec = self.encoding.currentData() if self.lines.encoding else ""
        self.reread.emit(codec or "", self.column_choices())

    def _matches_tab(self, merge: MergeWords) -> QWidget:
        """The matching rows, with buttons that set every row's choice at once."""
        self.merge_all = QPushButton(merge.every)
        self.merge_all.setObjectName("mergeAll")
        self.skip_all = QPushButton(self.tr("Skip all"))
        self.skip_all.setObjectName("skipAll")
        self.merge_all.clicked.connect(partial(self.match_rows.choose_all, MERGE))
        self.skip_all.clicked.connect(partial(self.match_rows.choose_all, SKIP))
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(merge.hint), 1)
        buttons.addWidget(self.merge_all)
        buttons.addWidget(self.skip_all)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.match_table, 1)
        return tab

    def _set_choosing(self, enabled: bool) -> None:
        for widget in (self.match_table, self.merge_all, self.skip_all):
            widget.setEnabled(enabled)

    def chosen(self) -> dict[int, str]:
        """The merge/skip choice of every matching line."""
        return dict(self.match_rows.choices or {})

    def confirm(self) -> None:
        """Start the write, showing its progress; the dialog closes when it is done."""
        self.import_button.setEnabled(False)
        self._set_choosing(False)  # the choices are taken
        self.progress.setRange(0, 0)
        self.progress.show()
        self.status.setText(self.tr("Importing…"))
        self.task = self._start_import(self.chosen())
        self.task.progressed.connect(self._progressed)
        self.task.finished.connect(self._finished)

    def _progressed(self, done: int, total: int, message: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        if message:
            self.status.setText(message)

    def _finished(self) -> None:
        task = self.task
        if task is None:
            return
        if task.outcome == "succeeded":
            self.accept()
            return
        self.progress.hide()
        self.import_button.setEnabled(True)
        self._set_choosing(True)
        self.status.setText(self.tr("Nothing was imported.") if task.outcome == "cancelled"
                            else self.tr("The import failed; nothing was imported."))
        self.task = None

    def cancel(self) -> None:
        """Stop a running import (nothing is written), or close the preview."""
        if self.task is not None and not self.task.done:
            self.status.setText(self.tr("Cancelling…"))
            self.task.cancel()
            return
        self.reject()
