"""Inline form errors: the core's sentence shown right under the field it is about.

A form wraps each input with `FieldErrors.wrap(field, widget)` and puts the returned
widget in its layout; after a `ValidationErrors` it calls `show(errors)`, which marks every
named field, writes its message beneath it and focuses the first one.

The message line's space is reserved from the start (one line, or `lines`), so a message
appearing never pushes the fields below it away from under the pointer. A message too long
for its space is cut with "…"; the whole sentence is the line's tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from fieldapp.errors import ValidationError, ValidationErrors

ERROR_STYLE = "color: #b3261e;"
INVALID_STYLE = "*[invalid=\"true\"] { border: 1px solid #b3261e; border-radius: 3px; }"
# Set on a form's container: a field that cannot be changed now does not look typeable.
READ_ONLY_STYLE = ("QLineEdit[readOnly=\"true\"], QPlainTextEdit[readOnly=\"true\"] "
                   "{ background: #f1f3f5; color: #303437; }")


def set_read_only(widget: QLineEdit | QPlainTextEdit, read_only: bool) -> None:
    """Lock or unlock a text field and restyle it (READ_ONLY_STYLE reads the property)."""
    widget.setReadOnly(read_only)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class ErrorLine(QLabel):
    """A message line of fixed height (its space kept while hidden); `text()` is the whole
    message even when the line shows it cut short."""

    def __init__(self, lines: int = 1) -> None:
        super().__init__()
        self._full = ""
        self._lines = max(1, lines)
        self.setWordWrap(self._lines > 1)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * self._lines + 2)

    def text(self) -> str:  # type: ignore[override]
        return self._full

    def setText(self, text: str) -> None:  # type: ignore[override]  # noqa: N802 - Qt's name
        self._full = text
        self.setToolTip(text)
        self._fit()

    def clear(self) -> None:
        self.setText("")

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        shown = self._full
        if self._lines == 1 and self.width() > 0:
            shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight,
                                                  self.width())
        super().setText(shown)


class FieldErrors:
    """Error labels for the fields of one form, keyed by the core's field names."""

    def __init__(self) -> None:
        self._inputs: dict[str, QWidget] = {}
        self._labels: dict[str, ErrorLine] = {}
        self._order: list[str] = []

    def wrap(self, field: str, widget: QWidget, *, lines: int = 1) -> QWidget:
        """The input with its (hidden) error line beneath, its space reserved; put this in
        the form. `lines`: how many lines of message to make room for."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(widget)
        label = ErrorLine(lines)
        label.setObjectName(f"{field}Error")
        label.setStyleSheet(ERROR_STYLE)
        label.hide()
        layout.addWidget(label)
        widget.setStyleSheet(INVALID_STYLE)
        self._inputs[field] = widget
        self._labels[field] = label
        self._order.append(field)
        return box

    def show(self, errors: ValidationErrors) -> list[str]:
        """Mark the fields named in `errors`; returns messages for fields this form lacks."""
        self.clear()
        unplaced = []
        for error in errors.errors:
            label = self._labels.get(error.field)
            if label is None:
                unplaced.append(error.message)
                continue
            label.setText(error.message)
            label.show()
            self._set_invalid(self._inputs[error.field], True)
        first = next((f for f in self._order if not self._labels[f].isHidden()), None)
        if first is not None:
            self._inputs[first].setFocus()
        return unplaced

    def clear(self, field: str | None = None) -> None:
        """Remove the mark and message of one field, or of all."""
        for name in [field] if field else self._order:
            self._labels[name].clear()
            self._labels[name].hide()
            self._set_invalid(self._inputs[name], False)

    def message(self, field: str) -> str:
        """The message shown for a field ("" when it is fine)."""
        label = self._labels[field]
        return label.text() if not label.isHidden() else ""

    @staticmethod
    def _set_invalid(widget: QWidget, invalid: bool) -> None:
        widget.setProperty("invalid", invalid)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


def grow_to_fit(widget: QWidget) -> None:
    """Enlarge a dialog whose content grew (error lines, a progress bar); never shrink it."""
    layout = widget.layout()
    if layout is not None:
        layout.activate()
    hint = widget.sizeHint()
    widget.resize(max(widget.width(), hint.width()), max(widget.height(), hint.height()))


class LiveFieldErrors(FieldErrors):
    """FieldErrors that re-mark fields as the officer types, without moving the focus."""

    def first_invalid(self) -> str:
        """The first field (in form order) showing a message, or ""."""
        return next((f for f in self._order if not self._labels[f].isHidden()), "")

    def focus_first(self) -> None:
        """Put the cursor in the first field showing a message."""
        if self.first_invalid():
            self._inputs[self.first_invalid()].setFocus()

    def mark(self, errors: list[ValidationError]) -> None:
        for name in self._order:
            message = next((e.message for e in errors if e.field == name), "")
            label = self._labels[name]
            label.setText(message)
            label.setVisible(bool(message))
            self._set_invalid(self._inputs[name], bool(message))
