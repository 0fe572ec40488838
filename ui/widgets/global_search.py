"""The toolbar's global search box: results as you type, arrow keys, Enter opens.

Typing restarts a 150 ms timer; when it fires the search runs through the task runner,
scoped to the current operation. Every search gets a number and only the newest one's
results are shown, so a slow early query can never replace the answer to a later one.
Enter pressed before the results arrive opens the first hit as soon as they do.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from ui.context import AppContext
from ui.widgets.search_results import SearchResults

if TYPE_CHECKING:
    from fieldapp.search import SearchHit
    from ui.tasks import Task

DEBOUNCE_MS = 150
PER_KIND = 4
_WORD = re.compile(r"\w", re.UNICODE)


class GlobalSearch(QLineEdit):
    """Search box; emits `item_activated(kind, id)` when the officer opens a hit."""

    item_activated = Signal(str, str)
    results_shown = Signal()

    def __init__(self, ctx: AppContext, host: QWidget) -> None:
        super().__init__()
        self.setObjectName("globalSearch")
        self.ctx = ctx
        self.setPlaceholderText(self.tr("Search everything  (Ctrl+K)"))
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(380)
        self.results = SearchResults(host)
        self.results.activated.connect(self._open)
        self._host = host
        host.installEventFilter(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self._generation = 0
        self._shown_generation = 0
        self._task: Task[list[SearchHit]] | None = None
        self._open_when_ready = False
        self.textEdited.connect(self._on_edited)
        self.textChanged.connect(self._on_text_changed)
        ctx.current_operation_changed.connect(self._on_operation_changed)

    def focus_search(self) -> None:
        """Ctrl+K: focus the box, select its text and show the results again."""
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.selectAll()
        if self.text().strip():
            self.run_search()

    def run_search(self) -> None:
        """Search now for the box's text (normally called by the debounce timer)."""
        from fieldapp.search import search
        from ui.i18n import reading_language

        self._timer.stop()
        self._generation += 1
        generation = self._generation
        if self._task is not None:
            self._task.cancel()  # if still queued it will not run at all
        text = self.text()
        if not _WORD.search(text) or not self.ctx.has_database:
            self._task = None
            self.results.hide()
            return
        operation_id = self.ctx.current_operation_id or None
        lang = reading_language()  # the handbook is searched in the officer's language
        self._task = self.ctx.tasks.query(
            lambda session, _p: search(session, text, limit=PER_KIND, operation_id=operation_id,
                                       lang=lang),
            on_success=lambda hits: self._show(generation, text, hits),
            on_failure=lambda exc: self._failed(generation, exc),
            parent=self,
        )

    def _show(self, generation: int, text: str, hits: list[SearchHit]) -> None:
        if generation != self._generation:
            return  # stale: the officer has typed more since
        self._shown_generation = generation
        self.results.show_hits(hits, text)
        self.results.place_under(self)
        self.results.show()
        self.results_shown.emit()
        if self._open_when_ready:
            self._open_when_ready = False
            self.results.activate_current()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._open_when_ready = False
        message = getattr(exc, "message", "") or type(exc).__name__
        self.results.show_message(self.tr("Search failed: {0}").format(message))
        self.results.place_under(self)
        self.results.show()

    def _pending(self) -> bool:
        return self._timer.isActive() or self._shown_generation != self._generation

    def _on_edited(self, _text: str) -> None:
        self._open_when_ready = False
        self._timer.start()

    def _on_text_changed(self, text: str) -> None:
        if not text:  # cleared, e.g. by the clear button
            self._timer.stop()
            self._generation += 1
            self.results.hide()

    def _on_operation_changed(self, _operation_id: str) -> None:
        if self.results.isVisible():
            self.run_search()
        else:
            self._generation += 1

    def _open(self, kind: str, item_id: str) -> None:
        self.results.hide()
        self.item_activated.emit(kind, item_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            if self.results.isVisible():
                self.results.move(1 if key == Qt.Key.Key_Down else -1)
            elif self.text().strip():
                self.run_search()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._pending():
                self._open_when_ready = True
                if self._timer.isActive():
                    self.run_search()
            elif self.results.isVisible():
                self.results.activate_current()
            return
        if key == Qt.Key.Key_Escape:
            if self.results.isVisible():
                self.results.hide()
            else:
                self.clear()
                self.clearFocus()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        # Clicks on the results list do not take focus, so leaving means leaving search.
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.results.hide()
        super().focusOutEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._host and event.type() == QEvent.Type.Resize \
                and self.results.isVisible():
            self.results.place_under(self)
        return False
