"""A create/edit dialog that saves through the task runner and marks errors inline.

A subclass builds its QFormLayout with `self.errors.wrap(field, widget)`, hands it to
`lay_out(form)` (which adds the general error line and Save/Cancel) and implements
`save()`; the write it starts reports to `_saved` (keeps the new id in `saved_id` and
closes the dialog) or `_failed` (marks every named field, puts the messages for fields the
form lacks under it, or opens the error dialog for anything that is not a ValidationErrors).
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from fieldapp.errors import ValidationErrors
from ui.widgets.error_dialog import show_error
from ui.widgets.field_errors import ERROR_STYLE, FieldErrors, grow_to_fit


class FormDialog(QDialog):
    """A form with inline field errors, a general error line and Save/Cancel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.saved_id = ""
        self.errors = FieldErrors()
        self.general_error = QLabel()
        self.general_error.setObjectName("generalError")
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def lay_out(self, form: QFormLayout) -> None:
        """Put the form, the general error line and the buttons into the dialog."""
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

    def save(self) -> None:
        """Validate and store in the background; subclasses say how."""
        raise NotImplementedError

    def clear_errors(self) -> None:
        """Remove every field's mark and the general line before a new attempt."""
        self.errors.clear()
        self.general_error.hide()

    def _saved(self, saved_id: str) -> None:
        self.saved_id = saved_id
        self.buttons.setEnabled(True)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if not isinstance(exc, ValidationErrors):
            show_error(self, exc)
            return
        unplaced = self.errors.show(exc)
        if unplaced:
            self.general_error.setText(" ".join(unplaced))
            self.general_error.show()
        grow_to_fit(self)
