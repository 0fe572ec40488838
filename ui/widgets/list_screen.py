"""What the contacts and assets screens share: a lazy list beside a detail panel.

A subclass sets SETTINGS (its QSettings prefix), DEFAULT_SIZES and FILTER_DELAY_MS, creates
`self.model` (a LazyTableModel), `self.detail` (a panel with `show_detail(detail)`), its
filters (`filter_edit` for text boxes) and buttons, and puts them together with
`make_table`, `make_splitter`, `export_button` and `lay_out`. It provides `apply_filter`,
`import_file`, `export`, `_loaded`, `_row_changed`, `_update_buttons` and `_on_changed`.
This class selects the row wanted once the list shows it, keeps the filter choices named
in `keep_filters` and the splitter and header state in the settings, asks before deleting,
runs an export (`save_export`) and an import (`read_import`, then `open_preview`). An
import whose columns the officer may map reads the file with `read_mapped_import`: with
the officer's mapping from the preview (then remembered for files with the same header),
else with the one remembered; `column_lines` lists the columns for the preview, and
`open_preview(..., read_again=…)` reads the file again when the officer maps a column or
picks another encoding.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.importexport.common import SourceColumn
from fieldapp.importexport.csv_hxl import column_key, header_signature
from ui.context import AppContext
from ui.models.lazy_table import LazyTableModel
from ui.pyside_fixes import own_headers
from ui.screens.import_preview import ColumnLine, ImportPreviewDialog, MergeWords, PreviewLines
from ui.tasks import Session, Task
from ui.widgets.file_jobs import choose_save_path, export_file


class ListScreen(QWidget):
    """A list section: filters, actions, the lazy table and a detail panel, a status line."""

    SETTINGS = ""  # the subclass's settings prefix, e.g. "contacts/"
    DEFAULT_SIZES = (900, 380)  # table and detail panel, until the officer moves the splitter
    FILTER_DELAY_MS = 150  # typing in a filter box applies it after this pause

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.model: LazyTableModel
        self._want_id = ""  # an item to select once the list shows it
        self._kept_choices: dict[str, QComboBox] = {}  # filters kept in the settings
        self._kept_checks: dict[str, QCheckBox] = {}
        self.count = QLabel()
        self.import_button = QPushButton(self.tr("Import…"))
        self.import_button.clicked.connect(lambda: self.import_file())
        self.status = QLabel()
        self._debounce = QTimer(self, singleShot=True, interval=self.FILTER_DELAY_MS)
        self._debounce.timeout.connect(self.apply_filter)

    # --- what subclasses provide ----------------------------------------------------------

    def apply_filter(self) -> None:
        """Show the list for the current filter now."""
        raise NotImplementedError

    def import_file(self, path: str = "") -> None:
        """Ask for a file, then show what importing it would do."""
        raise NotImplementedError

    def export(self, what: str, path: str = "") -> None:
        """Save the list in the format `what` names."""
        raise NotImplementedError

    def _loaded(self) -> None:
        raise NotImplementedError

    def _row_changed(self, current: object, previous: object) -> None:
        raise NotImplementedError

    def _update_buttons(self) -> None:
        raise NotImplementedError

    def _on_changed(self, changes: frozenset[str]) -> None:
        raise NotImplementedError

    # --- building ---------------------------------------------------------------------------

    def filter_edit(self, name: str, placeholder: str) -> QLineEdit:
        """A filter box applied after a pause in typing."""
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setClearButtonEnabled(True)
        edit.setPlaceholderText(placeholder)
        edit.textChanged.connect(self._debounce.start)
        return edit

    def make_table(self, name: str, *, sort_column: int,
                   on_double_click: Callable[[], None]) -> QTableView:
        """The list view over `self.model`, one row selected at a time; also `self.table`
        and its column header `self.header` (made here: ui.pyside_fixes.own_headers)."""
        self.table = table = QTableView()
        table.setObjectName(name)
        self.header, rows = own_headers(table)
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.header.setSortIndicator(sort_column, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)
        rows.hide()
        rows.setDefaultSectionSize(24)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.doubleClicked.connect(lambda _i: on_double_click())
        table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.model.loaded.connect(self._loaded)
        self.model.ids_ready.connect(self._select_wanted)
        return table

    def make_splitter(self, detail: QWidget, *, detail_stretch: int) -> QSplitter:
        """The table beside the detail panel; also `self.splitter`."""
        self.splitter = QSplitter()
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, detail_stretch)
        return self.splitter

    def export_button(self, entries: Sequence[tuple[str, str]]) -> QToolButton:
        """An Export button whose menu calls `export(what)` for each (label, what)."""
        button = QToolButton()
        button.setText(self.tr("Export"))
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        for label, what in entries:
            menu.addAction(label, self._exporter(what))
        button.setMenu(menu)
        return button

    def _exporter(self, what: str) -> Callable[[], None]:
        return lambda: self.export(what)

    def lay_out(self, filters: QHBoxLayout, buttons: Sequence[QWidget],
                export: QToolButton) -> None:
        """Filters above the actions, the splitter, the status line; then show the list."""
        actions = QHBoxLayout()
        for widget in buttons:
            actions.addWidget(widget)
        actions.addStretch(1)
        actions.addWidget(self.count)
        actions.addWidget(self.import_button)
        actions.addWidget(export)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.status)
        self._restore()
        self._update_buttons()
        self.ctx.changed.connect(self._on_changed)
        self.ctx.current_operation_changed.connect(lambda _op: self.apply_filter())
        self.apply_filter()

    # --- list -------------------------------------------------------------------------------

    def _select_wanted(self) -> None:
        position = self.model.position_of(self._want_id) if self._want_id else None
        if position is None:
            return
        self._want_id = ""
        index = self.model.index(position, 1)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def _show_detail(self, detail: object) -> None:
        self.detail.show_detail(detail)
        self._update_buttons()

    def _open_elsewhere(self, kind: str, item_id: str) -> None:
        window = self.window()
        if hasattr(window, "open_item"):
            window.open_item(kind, item_id)

    # --- actions ----------------------------------------------------------------------------

    def confirm_delete(self, title: str, text: str, delete: Callable[[], None]) -> None:
        """Ask Yes/Cancel (Cancel the default); `delete()` runs on Yes."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                          self)
        box.setObjectName("confirmDelete")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.accepted.connect(delete)
        box.open()
        self.confirm_box = box

    def save_export(self, what: str, path: str, *, title: str,
                    names: dict[str, tuple[str, str]],
                    producers: dict[str, Callable[[Session, Path], bytes | None]],
                    on_done: Callable[[str], None], busy_text: str = "") -> None:
        """Write the export `what` names to `path` (else where the officer chooses) with
        its producer, off the GUI thread; `on_done(path)` once saved.

        `names` gives each export's suggested file name and file dialog filters; the status
        line says `busy_text` (when given) while it is written.
        """
        if not path:
            name, filters = names[what]
            path = choose_save_path(self.ctx, self, title=title, name=name, filters=filters)
            if not path:
                return
        if busy_text:
            self.status.setText(busy_text)
        export_file(self.ctx, self, path, producers[what], on_done=on_done)

    def read_import(self, path: str, read: Callable[[Session, Any], Any],
                    show: Callable[[Any], None]) -> None:
        """Check the file at `path` with `read(session, progress)` in the background, behind
        a progress dialog with Cancel (shown when it takes a moment), then `show` the result."""
        self.status.setText(self.tr("Reading {path}…").format(path=path))
        dialog = QProgressDialog(self.tr("Reading {name}…").format(name=Path(path).name),
                                 self.tr("Cancel"), 0, 100, self)
        dialog.setObjectName("importReading")
        dialog.setWindowTitle(self.tr("Import"))
        dialog.setMinimumDuration(400)
        dialog.setAutoReset(False)

        def shown(result: object) -> None:
            dialog.close()
            self.status.clear()
            show(result)

        def stopped() -> None:
            dialog.close()
            self.status.setText(self.tr("Import cancelled: nothing was imported."))

        def progressed(done: int, total: int, message: str) -> None:
            dialog.setValue(int(100 * done / max(total, 1)))
            dialog.setLabelText(message)

        task = self.ctx.tasks.query(read, on_success=shown, on_cancelled=stopped,
                                    on_failure=lambda exc: (dialog.close(),
                                                            self.import_failed(exc)),
                                    on_progress=progressed, parent=self)
        dialog.canceled.connect(task.cancel)
        self.reading = task

    def import_failed(self, exc: BaseException) -> None:
        """Say that nothing was imported, and why."""
        from ui.widgets.error_dialog import show_error

        self.status.setText(self.tr("Nothing was imported."))
        show_error(self, exc)

    def read_mapped_import(self, path: str,
                           read: Callable[[Session, Any, str | None,
                                           Mapping[str, str] | None], Any],
                           show: Callable[[Any], None], *, encoding: str | None,
                           column_choices: dict[str, str] | None) -> None:
        """`read_import` of a file whose columns the officer may map: `read(session,
        progress, encoding, column_choices)` gives a preview with `.columns`.

        `column_choices` are the officer's picks in an earlier preview of the file, kept
        for files with the same header once the file reads with them; without them, the
        mapping kept for this header is used.
        """
        kept = self._kept_mappings()

        def preview(session: Session, progress: Any) -> Any:
            found = read(session, progress, encoding, column_choices)
            mapping = kept.get(header_signature(found.columns))
            if column_choices is None and mapping:
                found = read(session, progress, encoding, mapping)
            return found

        def shown(found: Any) -> None:
            if column_choices:
                mappings = self._kept_mappings()
                mappings[header_signature(found.columns)] = column_choices
                self.ctx.settings.setValue(self.SETTINGS + "importColumns",
                                           json.dumps(mappings))
            show(found)

        self.read_import(path, preview, shown)

    def _kept_mappings(self) -> dict[str, dict[str, str]]:
        """The officer's column mappings by header signature (in the settings, as JSON)."""
        try:
            kept = json.loads(str(self.ctx.settings.value(self.SETTINGS + "importColumns",
                                                          "{}")))
        except ValueError:
            return {}
        return kept if isinstance(kept, dict) else {}

    @staticmethod
    def column_lines(columns: Iterable[SourceColumn]) -> list[ColumnLine]:
        """The file's columns as the preview's Columns tab lists them."""
        return [ColumnLine(c.label, c.maps_to, c.count, c.sample, c.chosen, column_key(c))
                for c in columns]

    def open_preview(self, lines: PreviewLines, *, merge: MergeWords,
                     apply: Callable[[Session, dict[int, str], Any], Any],
                     changes: Iterable[str], done_text: Callable[[Any], str],
                     read_again: Callable[[str | None, dict[str, str] | None], None]
                     | None = None) -> None:
        """Show what an import would do; on Import, `apply(session, choices, progress)`
        writes it in one background write that announces `changes`, and the status line
        says `done_text(result)` (or why nothing was imported). When the officer maps a
        column or picks another encoding, the preview closes and `read_again(encoding,
        column_choices)` reads the file again (None: not asked)."""
        def start(choices: dict[int, str]) -> Task[Any]:
            return self.ctx.tasks.write(
                lambda session, progress: apply(session, choices, progress),
                changes=changes, parent=self,
                on_success=lambda result: self.status.setText(done_text(result)),
                on_failure=self.import_failed)

        dialog = ImportPreviewDialog(lines, merge=merge, start_import=start,
                                     parent=self)
        if read_again is not None:
            def again(encoding: str, choices: dict[str, str]) -> None:
                dialog.reject()
                read_again(encoding or None, choices or None)

            dialog.reread.connect(again)
        dialog.open()
        self.preview_dialog = dialog

    # --- settings ---------------------------------------------------------------------------

    def keep_filters(self, choices: dict[str, QComboBox], checks: dict[str, QCheckBox]) -> None:
        """Name the filters kept in the settings (by their key under SETTINGS)."""
        self._kept_choices, self._kept_checks = choices, checks

    def _save_filters(self) -> None:
        settings = self.ctx.settings
        for key, combo in self._kept_choices.items():
            settings.setValue(self.SETTINGS + key, combo.currentData())
        for key, check in self._kept_checks.items():
            settings.setValue(self.SETTINGS + key, "true" if check.isChecked() else "false")

    def _restore(self) -> None:
        settings = self.ctx.settings
        # Read every saved choice first: setting one applies the filter, which saves them all.
        choices = {key: settings.value(self.SETTINGS + key, "") for key in self._kept_choices}
        checks = {key: settings.value(self.SETTINGS + key, "false") == "true"
                  for key in self._kept_checks}
        for key, combo in self._kept_choices.items():
            combo.setCurrentIndex(max(0, combo.findData(choices[key])))
        for key, check in self._kept_checks.items():
            check.setChecked(checks[key])
        for number, column in enumerate(self.model.columns):
            self.table.setColumnWidth(number, column.width)
        self.splitter.setSizes(list(self.DEFAULT_SIZES))
        for widget, key in ((self.splitter, "splitter"),
                            (self.header, "header")):
            state = settings.value(self.SETTINGS + key)
            if state is not None:
                widget.restoreState(state)

    def hideEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        self.ctx.settings.setValue(self.SETTINGS + "splitter", self.splitter.saveState())
        self.ctx.settings.setValue(self.SETTINGS + "header",
                                   self.header.saveState())
        super().hideEvent(event)  # type: ignore[arg-type]
