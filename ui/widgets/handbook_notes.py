"""The officer's notes on the section being read: a list, an editor, new / save / delete.

The widget only edits; it asks the screen to save or delete (`save_requested`,
`delete_requested`) and is told the result (`set_notes`, `show_error`). A note keeps
being edited after it is saved, so the officer can go on writing.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from fieldapp.errors import ValidationError, ValidationErrors
from fieldapp.i18n import SHORT_MOMENT, format_datetime
from ui.models.handbook_reads import NoteRow
from ui.widgets.field_errors import FieldErrors

ID_ROLE = Qt.ItemDataRole.UserRole
BODY_ROLE = Qt.ItemDataRole.UserRole + 1



class SectionNotes(QWidget):
    """Notes on one section; see the module docstring."""

    save_requested = Signal(str, str)  # note id ("" for a new note), body
    delete_requested = Signal(str)  # note id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sectionNotes")
        self.slug = ""
        self.editing_id = ""
        self._saved_text = ""
        self.heading = QLabel(self.tr("Your notes"))
        self.heading.setObjectName("notesHeading")
        self.heading.setStyleSheet("font-weight: 600;")
        self.list = QListWidget()
        self.list.setObjectName("sectionNoteList")
        self.list.setMaximumWidth(240)
        self.list.setWordWrap(True)
        self.list.currentItemChanged.connect(self._picked)
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("noteEditor")
        self.editor.setTabChangesFocus(True)  # Tab moves on; the notes box is no trap
        self.editor.setPlaceholderText(
            self.tr("Write a note on this section: who to call, what worked here, what to "
                    "check next time. Notes are yours and go to HQ with your data."))
        self.errors = FieldErrors()
        self.new_button = QPushButton(self.tr("New"))
        self.new_button.setObjectName("newNote")
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveNote")
        self.save_button.setToolTip(self.tr("Save the note (Ctrl+S)"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setObjectName("deleteNote")
        self.status = QLabel()
        self.status.setObjectName("noteStatus")
        self.status.setStyleSheet("color: #5f6b77;")
        # Never let a status line widen the window: it is cut short instead.
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.new_button.setToolTip(self.tr("Start a new note on this section"))
        self.delete_button.setToolTip(self.tr("Delete the note being edited"))
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self._save)
        self.delete_button.clicked.connect(self._delete)
        QShortcut(QKeySequence.StandardKey.Save, self.editor, self._save,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.editor.textChanged.connect(self._edited)

        buttons = QVBoxLayout()  # a column, so the panel stays narrow on a small screen
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        editing = QVBoxLayout()
        editing.addWidget(self.errors.wrap("body", self.editor), 1)
        editing.addWidget(self.status)
        body = QHBoxLayout()
        body.addWidget(self.list)
        body.addLayout(editing, 1)
        body.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 8)
        layout.addWidget(self.heading)
        layout.addLayout(body, 1)
        self._update_buttons()

    def set_notes(self, slug: str, notes: list[NoteRow], *, select: str | None = None) -> None:
        """Show the notes of `slug`; keep editing the same note where it still exists."""
        same_section = slug == self.slug
        self.slug = slug
        keep = select or (self.editing_id if same_section else "")
        self.list.blockSignals(True)
        self.list.clear()
        for note_id, body, updated_at in notes:
            first = body.strip().splitlines()[0] if body.strip() else ""
            when = format_datetime(updated_at.astimezone(), form=SHORT_MOMENT)
            item = QListWidgetItem(f"{first[:60]}\n{when}")
            item.setData(ID_ROLE, note_id)
            item.setData(BODY_ROLE, body)
            item.setToolTip(html.escape(body[:500]))
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.heading.setText(self.tr("Your notes on this section ({0})").format(len(notes)))
        by_id = {note_id: body for note_id, body, _ in notes}
        if keep in by_id:
            self._select(keep, by_id[keep], replace_text=not same_section or bool(select))
        elif not same_section or self.editing_id:
            self.start_new()
        self._update_buttons()

    def start_new(self) -> None:
        """Clear the editor for a new note."""
        self.editing_id = ""
        self.list.blockSignals(True)
        self.list.clearSelection()
        self.list.setCurrentItem(None)
        self.list.blockSignals(False)
        self._saved_text = ""
        self.editor.setPlainText("")
        self.errors.clear()
        self.status.setText("")
        self._update_buttons()

    def is_dirty(self) -> bool:
        """True when the editor holds text that is not saved."""
        return bool(self.editor.toPlainText().strip()) and (
            self.editor.toPlainText() != self._saved_text)

    def show_error(self, exc: ValidationError) -> None:
        """Mark the editor with the core's reason for refusing the note."""
        self.errors.show(ValidationErrors([exc]))

    def saved(self, note_id: str, body: str) -> None:
        """The note was stored; go on editing it."""
        self.editing_id = note_id
        self._saved_text = body
        self.status.setText(self.tr("Saved."))
        self._update_buttons()

    def _select(self, note_id: str, body: str, *, replace_text: bool) -> None:
        self.editing_id = note_id
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE) == note_id:
                self.list.blockSignals(True)
                self.list.setCurrentRow(row)
                self.list.blockSignals(False)
        if replace_text:
            self._saved_text = body
            self.editor.setPlainText(body)
            self.status.setText("")

    def _picked(self, item: QListWidgetItem | None, _old: QListWidgetItem | None) -> None:
        if item is None:
            return
        self.editing_id = item.data(ID_ROLE)
        self._saved_text = item.data(BODY_ROLE)
        self.editor.setPlainText(self._saved_text)
        self.errors.clear()
        self.status.setText("")
        self._update_buttons()

    def _save(self) -> None:
        if self.slug:
            self.errors.clear()
            self.save_requested.emit(self.editing_id, self.editor.toPlainText())

    def _delete(self) -> None:
        if not self.editing_id:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete note"), self.tr("Delete this note? This cannot be undone."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_requested.emit(self.editing_id)

    def _edited(self) -> None:
        self.status.setText(self.tr("Not saved yet.") if self.is_dirty() else "")
        self.errors.clear()
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(bool(self.slug))
        self.delete_button.setEnabled(bool(self.editing_id))
        self.new_button.setEnabled(bool(self.slug))
