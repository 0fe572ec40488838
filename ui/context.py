"""What every screen is given (never imported as a global): the open database, the
profile's files and settings, the task runner, the "changed" signal, the current operation.

`changed` is emitted once after each successful write with the set of `Change` kinds it
touched; a screen refreshes only when a kind it shows is in the set.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal

from fieldapp.paths import ProfilePaths
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from fieldapp.db import Database
    from ui.sync_controller import SyncController


class Change(StrEnum):
    """Kinds of data a write can touch; the record kinds match fieldapp.search kinds."""

    OPERATION = "operation"
    CURRENT_OPERATION = "current_operation"
    CONTACT = "contact"
    ORGANISATION = "organisation"
    ASSET = "asset"
    RFA = "rfa"
    LESSON = "lesson"
    HANDBOOK = "handbook"
    SETTINGS = "settings"


EVERYTHING = frozenset(Change)


class AppContext(QObject):
    """The application's shared state, passed to the main window and each screen."""

    changed = Signal(object)  # frozenset[str] of Change values
    current_operation_changed = Signal(str)  # the new operation id, "" for none

    def __init__(
        self,
        *,
        paths: ProfilePaths,
        settings: QSettings,
        db: Database | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.paths = paths
        self.settings = settings
        self._db = db
        self._current_operation_id = ""
        self._sync: SyncController | None = None
        self.tasks = TaskRunner(lambda: self.db, announce=self.changed.emit, parent=self)

    @property
    def db(self) -> Database:
        """The open profile database (start-up opens it just after the window shows)."""
        if self._db is None:
            raise RuntimeError("the database is not open yet")  # i18n: not shown
        return self._db

    @property
    def has_database(self) -> bool:
        """True once the database is open."""
        return self._db is not None

    def attach_database(self, db: Database) -> None:
        """Hand the context the database opened at start-up."""
        self._db = db

    @property
    def current_operation_id(self) -> str:
        """The operation that scopes every list ("" when there is none)."""
        return self._current_operation_id

    def set_current_operation_id(self, operation_id: str) -> None:
        """Record which operation is current (already stored by the core); tell the screens."""
        if operation_id != self._current_operation_id:
            self._current_operation_id = operation_id
            self.current_operation_changed.emit(operation_id)

    @property
    def sync(self) -> SyncController:
        """The one sync controller (built on first use: start-up does not need it)."""
        if self._sync is None:
            from ui.sync_controller import SyncController

            self._sync = SyncController(self, parent=self)
        return self._sync

    def shutdown(self) -> None:
        """Stop background work, then close the database; call once, at exit."""
        if self._sync is not None:
            self._sync.stop()
        self.tasks.shutdown()
        if self._db is not None:
            self._db.close()
            self._db = None
        self.settings.sync()
