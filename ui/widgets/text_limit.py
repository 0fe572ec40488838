"""How much room is left in a one-line field with a most-characters limit (a title).

`TextLimit(edit, limit)` is a short note to put beside the field. It stays blank while
there is plenty of room, counts down the last characters, and turns red when the field is
full: typing more is refused and the note says so. Nothing is ever cut without a word:
the field has no Qt `maxLength` (which silently truncates a paste), so a pasted text
longer than the limit is kept whole and the note says how many characters are too many;
the core then refuses to save it with its own sentence.

The note's width is fixed from its longest text, so it never moves the field it sits by.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QSizePolicy, QWidget

NOTE_STYLE = "color: #5f6368;"
FULL_STYLE = "color: #b3261e; font-weight: 600;"
WARN_WITHIN = 30  # characters left when the count-down starts


class TextLimit(QLabel):
    """The note beside `edit`: characters left near the end, a red note when full or over."""

    def __init__(self, edit: QLineEdit, limit: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = edit
        self.limit = limit
        self.setObjectName(f"{edit.objectName() or 'field'}Limit")
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        policy = QSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)
        widest = max(self.fontMetrics().horizontalAdvance(text) for text in (
            self._left_text(limit), self._full_text(), self._over_text(limit * 10)))
        self.setFixedWidth(widest + 8)
        self.setMaxLength(limit)
        edit.textChanged.connect(self._update)
        edit.installEventFilter(self)
        self._update(edit.text())

    def setMaxLength(self, limit: int) -> None:  # noqa: N802 - mirrors QLineEdit's name
        """Change the limit (the edit itself keeps no Qt maxLength: it would cut pastes)."""
        self.limit = limit
        self.edit.setMaxLength(32767)  # Qt's default: no silent cut
        self._update(self.edit.text())

    def _left_text(self, left: int) -> str:
        return self.tr("{0} left").format(left)

    def _full_text(self) -> str:
        return self.tr("Full: {0} max").format(self.limit)

    def _over_text(self, over: int) -> str:
        return self.tr("{0} too many").format(over)

    def refresh(self) -> None:
        """Show the note again (after the field was made read-only or editable)."""
        self._update(self.edit.text())

    def _update(self, text: str) -> None:
        length = len(text)
        left = self.limit - length
        if left < 0:
            shown, style = self._over_text(-left), FULL_STYLE
            tip = self.tr("{0} characters: the most is {1}. Shorten it before saving; "
                          "nothing has been cut.").format(length, self.limit)
        elif left == 0:
            shown, style = self._full_text(), FULL_STYLE
            tip = self.tr("The field holds at most {0} characters; what you type beyond "
                          "is not taken.").format(self.limit)
        elif left <= WARN_WITHIN:
            shown, style = self._left_text(left), NOTE_STYLE
            tip = self.tr("At most {0} characters.").format(self.limit)
        else:
            shown, style, tip = "", NOTE_STYLE, self.tr("At most {0} characters.").format(
                self.limit)
        if self.edit.isReadOnly() and left >= 0:
            shown = ""  # nothing more can be typed here: no count-down
        self.setText(shown)
        self.setStyleSheet(style)
        self.setToolTip(tip)
        self.edit.setToolTip(tip)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (watched is self.edit and isinstance(event, QKeyEvent)
                and event.type() == QEvent.Type.KeyPress and self._refuses(event.text())):
            self.setText(self._full_text())
            self.setStyleSheet(FULL_STYLE)
            return True  # full: the key is refused, and the note (red) says why
        return super().eventFilter(watched, event)

    def _refuses(self, typed: str) -> bool:
        # A selection is replaced by what is typed, so typing over it never grows the text.
        return (bool(typed) and typed.isprintable() and not self.edit.hasSelectedText()
                and len(self.edit.text()) >= self.limit)


def beside(field: QWidget, note: TextLimit) -> QWidget:
    """The field (or its error wrapper) with the limit note to its right, for a form row."""
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(6)
    layout.addWidget(field, 1)
    note.setFixedHeight(note.edit.sizeHint().height())  # level with the field's text
    layout.addWidget(note, 0, Qt.AlignmentFlag.AlignTop)
    box.setFocusProxy(note.edit)
    return box
