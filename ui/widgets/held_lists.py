"""The Sync screen's two held lists and their actions.

- `HeldChangesPanel`: changes HQ held (and the changes of the same record waiting behind
  one), each with the record, HQ's sentence and what the officer can do: send again,
  discard (after confirming), save to a file.
- `HeldRowsPanel`: rows HQ sent that this laptop could not apply, with the reason: save to
  a file, discard.

"Save to a file…" writes `sync.client.held_report` (every held change and row, JSON) off
the GUI thread. Writes go through `ctx.tasks.write`; afterwards the sync controller
re-reads the state, and the status bar and the screen show the new one together.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.models.sync_state import fields_text, held_file_name, local_time
from ui.widgets.file_jobs import choose_save_path, export_file

NOTE_STYLE = "color: #555;"
ALERT_STYLE = "color: #b3261e;"
WAITING_COLOUR = QColor("#6b6b6b")
JSON_FILTERS = "JSON (*.json)"


def _held_report(session: Any, _path: object) -> bytes:
    from sync.client import held_report

    return held_report(session)


def _send_again(change_id: str) -> Callable[[Any, Any], None]:
    def work(session: Any, _progress: Any) -> None:
        from sync.client import send_held_again

        send_held_again(session, change_id)

    return work


def _discard_change(change_id: str) -> Callable[[Any, Any], None]:
    def work(session: Any, _progress: Any) -> None:
        from sync.client import discard_held

        discard_held(session, change_id)

    return work


def _discard_row(held_id: int) -> Callable[[Any, Any], None]:
    def work(session: Any, _progress: Any) -> None:
        from sync.client import discard_held_row

        discard_held_row(session, held_id)

    return work


def _wrapped_label(name: str, style: str = "") -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setStyleSheet(style)
    return label


class _HeldPanel(QWidget):
    """A note with "Save to a file…", a table of held items, and the selected item's
    details and actions beside it. Subclasses fill the table and the details."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.items: list[Any] = []
        self.note = _wrapped_label("heldNote", NOTE_STYLE)
        self.save_button = QPushButton(self.tr("Save to a file…"))
        self.save_button.setObjectName("saveHeld")
        self.save_button.setToolTip(self.tr(
            "Save every held change and every row from HQ not applied here as one JSON "
            "file, for HQ or for support."))
        self.save_button.clicked.connect(self.save_report)
        self.message = _wrapped_label("heldMessage", NOTE_STYLE)
        self.message.hide()
        self.table = QTableWidget(0, 3)  # record, reason, when: headers set by each list
        self.table.setObjectName("heldTable")
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(0, 230)
        self.table.verticalHeader().hide()
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.detail = QWidget()
        self.detail_box = QVBoxLayout(self.detail)
        self.detail_box.setContentsMargins(6, 0, 0, 0)
        self.actions = QHBoxLayout()

        top = QHBoxLayout()
        top.addWidget(self.note, 1)
        top.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignTop)
        body = QHBoxLayout()
        body.addWidget(self.table, 3)
        body.addWidget(self.detail, 2)
        box = QVBoxLayout(self)
        box.setContentsMargins(6, 6, 6, 6)
        box.addLayout(top)
        box.addWidget(self.message)
        box.addLayout(body, 1)

    # Showing -----------------------------------------------------------------------------

    def _key(self, item: Any) -> object:
        raise NotImplementedError

    def _cells(self, item: Any) -> tuple[str, ...]:
        raise NotImplementedError

    def _show_item(self, item: Any | None) -> None:
        raise NotImplementedError

    def _fill(self, items: list[Any], note: str) -> None:
        selected = self.selected()
        row_before = self._selected_row()
        self.items = items
        self.table.setRowCount(len(items))
        for row, item in enumerate(items):
            for column, text in enumerate(self._cells(item)):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                if getattr(item, "waiting", False):
                    cell.setForeground(WAITING_COLOUR)
                self.table.setItem(row, column, cell)
        self.table.resizeColumnToContents(2)
        self.note.setText(note)
        self.note.setStyleSheet(ALERT_STYLE if items else NOTE_STYLE)
        self.table.setVisible(bool(items))
        self.detail.setVisible(bool(items))
        self.save_button.setEnabled(bool(items))
        if items:
            keys = [self._key(i) for i in items]
            if selected is not None and self._key(selected) in keys:
                row = keys.index(self._key(selected))
            else:  # the one acted on left the list: its neighbour takes its place
                row = min(max(row_before, 0), len(items) - 1)
            self.table.selectRow(row)
        self._show_selected()

    def _selected_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def selected(self) -> Any | None:
        """The held item selected in the table, if any."""
        row = self._selected_row()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _show_selected(self) -> None:
        self._show_item(self.selected())

    def say(self, text: str, *, alert: bool = False) -> None:
        """A line about the last action (saved, sent again, failed…)."""
        self.message.setText(text)
        self.message.setStyleSheet(ALERT_STYLE if alert else NOTE_STYLE)
        self.message.setVisible(bool(text))

    # Acting -------------------------------------------------------------------------------

    def save_report(self) -> None:
        """Ask where, then write every held change and row as JSON in the background."""
        path = choose_save_path(self.ctx, self, title=self.tr("Save held changes"),
                                name=held_file_name(date.today()), filters=JSON_FILTERS)
        if not path:
            return
        self.say(self.tr("Saving…"))
        export_file(self.ctx, self, path, _held_report,
                    on_done=lambda saved: self.say(self.tr("Saved to {0}.").format(saved)))

    def _write(self, work: Callable[[Any, Any], None], done: str) -> None:
        self._set_actions_enabled(False)
        self.ctx.tasks.write(work, changes=(), on_success=lambda _none: self._written(done),
                             on_failure=self._failed, parent=self)

    def _written(self, done: str) -> None:
        self.say(done)
        self.ctx.sync.refresh_status()  # the lists and the status bar follow together

    def _failed(self, exc: BaseException) -> None:
        self.say(getattr(exc, "message", str(exc)), alert=True)
        self.ctx.sync.refresh_status()

    def _set_actions_enabled(self, enabled: bool) -> None:
        for index in range(self.actions.count()):
            widget = self.actions.itemAt(index).widget()
            if widget is not None:
                widget.setEnabled(enabled)


class HeldChangesPanel(_HeldPanel):
    """Changes HQ held, and those waiting behind one, with what the officer can do."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Record"), self.tr("Reason"), self.tr("Held since")])
        self.setObjectName("heldChanges")
        self.names: dict[str, str] = {}
        self.record_label = _wrapped_label("heldRecord", "font-weight: bold;")
        self.reason_label = _wrapped_label("heldReason")
        self.advice_label = _wrapped_label("heldAdvice", NOTE_STYLE)
        self.fields_text = QPlainTextEdit()
        self.fields_text.setObjectName("heldFields")
        self.fields_text.setReadOnly(True)
        self.send_again_button = QPushButton(self.tr("Send again"))
        self.send_again_button.setObjectName("sendHeldAgain")
        self.send_again_button.setToolTip(self.tr(
            "Lift the hold: the change goes to HQ with the next sync (correct the record "
            "first if HQ found a value it cannot accept)."))
        self.send_again_button.clicked.connect(self.send_again)
        self.discard_button = QPushButton(self.tr("Discard change…"))
        self.discard_button.setObjectName("discardHeld")
        self.discard_button.clicked.connect(self.discard)
        self.actions.addWidget(self.send_again_button)
        self.actions.addWidget(self.discard_button)
        self.actions.addStretch(1)
        self.detail_box.addWidget(self.record_label)
        self.detail_box.addWidget(self.reason_label)
        self.detail_box.addWidget(self.advice_label)
        self.detail_box.addWidget(QLabel(self.tr("What the change contains:")))
        self.detail_box.addWidget(self.fields_text, 1)
        self.detail_box.addLayout(self.actions)

    def show_changes(self, changes: list[Any], held: int,
                     names: dict[str, str] | None = None) -> None:
        """Show the held changes (`held` of them held by HQ, the rest waiting behind);
        `names` gives the titles of the records they refer to."""
        self.names = names or {}
        waiting = len(changes) - held
        if not changes:
            note = self.tr("Nothing held. Every change HQ receives is applied or shown as a "
                           "conflict.")
        elif waiting:
            note = " ".join((
                self.tr("HQ held %n change(s).", "", held),
                self.tr("%n later change(s) of the same records wait behind them.", "",
                        waiting),
                self.tr("They stay on this laptop until you act; everything else keeps "
                        "syncing.")))
        else:
            note = " ".join((
                self.tr("HQ held %n change(s).", "", held),
                self.tr("They stay on this laptop until you act; everything else keeps "
                        "syncing.")))
        self._fill(changes, note)

    def _key(self, item: Any) -> object:
        return item.change_id

    def _cells(self, item: Any) -> tuple[str, ...]:
        since = self.tr("waiting") if item.waiting else local_time(item.held_at)
        return item.label, item.reason, since

    def _show_item(self, item: Any | None) -> None:
        self.record_label.setText(item.label if item else "")
        self.reason_label.setText(item.reason if item else "")
        self.advice_label.setText(item.advice if item else "")
        self.advice_label.setVisible(bool(item and item.advice))
        self.fields_text.setPlainText(fields_text(item.fields, self.names) if item else "")
        self.send_again_button.setEnabled(item is not None and not item.waiting)
        self.discard_button.setEnabled(item is not None)

    def send_again(self) -> None:
        """Lift the hold on the selected change: it goes with the next sync."""
        change = self.selected()
        if change is None or change.waiting:
            return
        self._write(_send_again(change.change_id),
                    self.tr("{0}: goes to HQ with the next sync.").format(change.label))

    def discard(self) -> None:
        """Remove the selected change from what waits for HQ, once the officer confirms."""
        change = self.selected()
        if change is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Discard change"),
            self.tr("Discard this change to {0}? HQ will never receive it; the record on "
                    "this laptop stays as it is now. Save it to a file first if you may "
                    "need it.").format(change.label),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Discard:
            return
        self._write(_discard_change(change.change_id),
                    self.tr("Discarded the change to {0}.").format(change.label))


class HeldRowsPanel(_HeldPanel):
    """Rows from HQ this laptop could not apply, with the reason."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Record"), self.tr("Reason"), self.tr("Received")])
        self.setObjectName("heldRows")
        self.record_label = _wrapped_label("heldRowRecord", "font-weight: bold;")
        self.reason_label = _wrapped_label("heldRowReason")
        self.advice_label = _wrapped_label("heldRowAdvice", NOTE_STYLE)
        self.advice_label.setText(self.tr(
            "HQ keeps its copy. This laptop tries the row again at every sync (a newer "
            "version of the Field Kit may apply it). Discarding forgets it here only."))
        self.discard_button = QPushButton(self.tr("Discard"))
        self.discard_button.setObjectName("discardHeldRow")
        self.discard_button.clicked.connect(self.discard)
        self.actions.addWidget(self.discard_button)
        self.actions.addStretch(1)
        self.detail_box.addWidget(self.record_label)
        self.detail_box.addWidget(self.reason_label)
        self.detail_box.addWidget(self.advice_label)
        self.detail_box.addLayout(self.actions)
        self.detail_box.addStretch(1)

    def show_rows(self, rows: list[Any]) -> None:
        """Show the rows from HQ kept back here."""
        note = (self.tr("%n row(s) from HQ could not be applied on this laptop. Everything "
                        "else was applied.", "", len(rows)) if rows
                else self.tr("Nothing held. Every row from HQ was applied."))
        self._fill(rows, note)

    def _key(self, item: Any) -> object:
        return item.id

    def _cells(self, item: Any) -> tuple[str, ...]:
        return item.label, item.reason, local_time(item.received_at)

    def _show_item(self, item: Any | None) -> None:
        self.record_label.setText(item.label if item else "")
        self.reason_label.setText(item.reason if item else "")
        self.discard_button.setEnabled(item is not None)

    def discard(self) -> None:
        """Forget the selected row here (HQ keeps it)."""
        row = self.selected()
        if row is not None:
            self._write(_discard_row(row.id),
                        self.tr("Forgot {0} on this laptop.").format(row.label))
