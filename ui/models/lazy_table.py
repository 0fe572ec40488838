"""A table model over a paged SQL list, Anki-style: ids and a few pages, never every row.

A new list (filter or sort) is read in two steps, both off the GUI thread through
`ctx.tasks.query`: first the count and the first page of rows, side by side (what the
officer sees at once, a few tens of ms even on 100,000 contacts); then the ids in order
(a few hundred ms; started a quarter of a second later, and only if no newer list was
asked for meanwhile). Rows further down are fetched a page at a time when the view first
asks for them (by ids once known, else by offset) and kept in a small page cache, so
scrolling to the end of 100,000 rows holds only the ids and the pages seen last. A row
not yet fetched shows "…" until its page arrives.

Each list has a generation number: a result that arrives for an older list is dropped.
Subclasses say what the columns are and how to query (plain functions of a session and a
frozen snapshot of the filter, run on the worker thread).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

from ui.models.page_cache import PageCache
from ui.models.sorted_table import Index, SortedTableModel, reading_alignment
from ui.tasks import Session, TaskRunner

Row = TypeVar("Row")
PAGE = 100
MAX_PAGES = 40  # pages kept in memory; older ones are fetched again if scrolled back to
LOADING = "\u2026"
IDS_DELAY_MS = 250


@dataclass(frozen=True)
class ColumnSpec:
    """A column: its key (and the core's sort key, "" when it cannot be sorted), title."""

    key: str
    title: str
    sort: str = ""
    width: int = 120  # pixels, until the officer resizes it (the header state is saved)


class LazyTableModel(SortedTableModel, Generic[Row]):
    """Shows a filtered, sorted list of rows read lazily from the database."""

    ids_ready = Signal()  # the whole list of ids is known
    PAGE = PAGE
    columns: list[ColumnSpec]

    def __init__(self, tasks: TaskRunner, owner: QWidget, columns: Sequence[ColumnSpec],
                 *, sort: str, database_open: Callable[[], bool] = lambda: True) -> None:
        super().__init__(tasks, owner, columns, sort=sort, descending=False)
        self._database_open = database_open  # deferred reads are skipped once it is closed
        self._count = 0
        self._ids: list[str] | None = None
        self._pages: PageCache[Row] = PageCache(PAGE, MAX_PAGES)
        self._partial: dict[str, object] = {}
        self.loading = False

    # --- what subclasses provide (the query_* run on a worker thread) --------------------

    def snapshot(self) -> Any:
        """The filter and scope as a frozen value the worker functions can use."""
        raise NotImplementedError

    def query_ids(self, session: Session, where: Any, *, sort: str, descending: bool,
                  offset: int, limit: int | None) -> list[str]:
        raise NotImplementedError

    def query_count(self, session: Session, where: Any) -> int:
        raise NotImplementedError

    def query_rows(self, session: Session, ids: list[str]) -> list[Row]:
        raise NotImplementedError

    def row_id(self, row: Row) -> str:
        return str(row.id)  # type: ignore[attr-defined]

    def cell(self, row: Row, column: ColumnSpec, role: int) -> Any:
        raise NotImplementedError

    # --- loading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the list again with the current filter and sort (off the GUI thread)."""
        self._generation += 1
        generation, where = self._generation, self.snapshot()
        sort, descending = self.sort_key, self.descending
        self.loading = True
        self._partial = {}

        def first(session: Session, _progress: object) -> tuple[list[Row], list[str]]:
            if generation != self._generation:
                return [], []  # superseded while queued: the result is dropped anyway
            ids = self.query_ids(session, where, sort=sort, descending=descending, offset=0,
                                 limit=PAGE)
            return self.query_rows(session, ids), ids

        def count(session: Session, _progress: object) -> int:
            return -1 if generation != self._generation else self.query_count(session, where)

        # The count and the first page run side by side on the two read threads: a
        # keystroke costs the longer of the two, not their sum.
        self._tasks.query(first, on_success=lambda r: self._part(generation, "first", r),
                          parent=self._owner)
        self._tasks.query(count, on_success=lambda r: self._part(generation, "count", r),
                          parent=self._owner)

    def _part(self, generation: int, name: str, value: object) -> None:
        if generation != self._generation:
            return
        self._partial[name] = value
        if len(self._partial) == 2:
            rows, ids = self._partial["first"]  # type: ignore[misc]
            self._first_page(generation, int(self._partial["count"]), rows, ids)  # type: ignore

    def _first_page(self, generation: int, count: int, rows: list[Row], ids: list[str]) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        self._count = count
        self._pages.reset(rows)
        self._ids = ids if count <= PAGE else None
        self.endResetModel()
        self.loading = False
        self.loaded.emit()
        if self._ids is not None:
            self.ids_ready.emit()
            return
        # While the officer is still typing or clicking, a newer list will replace this one:
        # wait a moment before reading every id, so the read threads stay free for it.
        QTimer.singleShot(IDS_DELAY_MS, self, lambda: self._load_ids(generation))

    def _load_ids(self, generation: int) -> None:
        if generation != self._generation or not self._database_open():
            return
        where, sort, descending = self.snapshot(), self.sort_key, self.descending

        def work(session: Session, _progress: object) -> list[str] | None:
            if generation != self._generation:
                return None  # superseded while queued
            return self.query_ids(session, where, sort=sort, descending=descending,
                                  offset=0, limit=None)

        self._tasks.query(work, on_success=lambda ids: self._all_ids(generation, ids),
                          parent=self._owner)

    def _all_ids(self, generation: int, ids: list[str] | None) -> None:
        if generation != self._generation or ids is None:
            return
        self._ids = ids
        if len(ids) != self._count:  # the list changed in between: show what is true now
            self.refresh()
            return
        self.ids_ready.emit()

    def _request(self, page: int) -> None:
        generation, where, ids = self._generation, self.snapshot(), self._ids
        sort, descending = self.sort_key, self.descending

        def fetch(session: Session, _progress: object) -> list[Row]:
            if generation != self._generation:
                return []  # superseded while queued
            chunk = (ids[page * PAGE:(page + 1) * PAGE] if ids is not None else
                     self.query_ids(session, where, sort=sort, descending=descending,
                                    offset=page * PAGE, limit=PAGE))
            return self.query_rows(session, chunk)

        self._tasks.query(fetch, on_success=lambda rows: self._page(generation, page, rows),
                          parent=self._owner)

    def _page(self, generation: int, page: int, rows: list[Row]) -> None:
        if generation != self._generation:
            return
        shown = self._pages.store(page, rows, self._count)
        if shown:
            self.dataChanged.emit(self.index(shown[0], 0),
                                  self.index(shown[-1], len(self.columns) - 1))

    # --- reading ------------------------------------------------------------------------------

    def row_at(self, position: int) -> Row | None:
        """The row at a position if its page is in memory (else None, and it is fetched)."""
        if not 0 <= position < self._count:
            return None
        return self._pages.row_at(position, self._request)

    def id_at(self, position: int) -> str | None:
        """The id of the row at a position, when known."""
        if self._ids is not None and 0 <= position < len(self._ids):
            return self._ids[position]
        row = self.row_at(position)
        return self.row_id(row) if row is not None else None

    def position_of(self, item_id: str) -> int | None:
        """Where an id is in the list (None when not in it, or not known yet)."""
        if self._ids is not None:
            try:
                return self._ids.index(item_id)
            except ValueError:
                return None
        return self._pages.position_of(lambda row: self.row_id(row) == item_id)

    @property
    def all_ids_known(self) -> bool:
        """True once the whole id list is in memory."""
        return self._ids is not None

    def cached_pages(self) -> int:
        """How many pages of rows are in memory (tests and benchmarks)."""
        return len(self._pages)

    # --- QAbstractTableModel ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._count

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return LOADING if role == Qt.ItemDataRole.DisplayRole and index.column() == 1 \
                else None
        column = self.columns[index.column()]
        value = self.cell(row, column, role)
        if value is None and role == Qt.ItemDataRole.TextAlignmentRole:
            return reading_alignment(self.cell(row, column, Qt.ItemDataRole.DisplayRole))
        return value

    def sort_key_of(self, column: int) -> str:
        """The core's sort key for a column ("" when it cannot be sorted)."""
        return self.columns[column].sort
