"""Files in and out: choose a path, then read or write it off the GUI thread.

Every save and open dialog of the application (exports, imports, PDFs) starts in one
folder: the last one the officer used in this profile (`FOLDER_KEY` in the profile's
settings), or their Documents folder the first time (or when the remembered one is gone).
Use `choose_open_path`/`choose_save_file` or, for a dialog of your own, `last_folder` and
`remember_folder`.

`export_file` runs the producer (a core function that returns the bytes, or writes the
path itself) in a background read and reports through `on_done(path)`. Nothing here
touches the disk on the GUI thread except the file dialog (and a folder's existence check).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from fieldapp.files import write_atomically
from ui.context import AppContext
from ui.tasks import Session

FOLDER_KEY = "files/last_folder"


def documents_folder() -> Path:
    """The officer's Documents folder, or their home folder when there is none."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def last_folder(ctx: AppContext) -> Path:
    """Where the next file dialog starts: the last folder used in this profile while it
    still exists, else Documents."""
    remembered = str(ctx.settings.value(FOLDER_KEY, "") or "")
    if remembered and Path(remembered).is_dir():
        return Path(remembered)
    return documents_folder()


def remember_folder(ctx: AppContext, path: str | Path) -> None:
    """The officer chose `path` in a file dialog: the next dialog starts in its folder."""
    if str(path):
        ctx.settings.setValue(FOLDER_KEY, str(Path(path).parent))


def choose_open_path(ctx: AppContext, parent: QWidget, *, title: str, filters: str) -> str:
    """The file the officer picked to import ("" when cancelled)."""
    path, _ = QFileDialog.getOpenFileName(parent, title, str(last_folder(ctx)), filters)
    remember_folder(ctx, path)
    return path


def choose_save_path(ctx: AppContext, parent: QWidget, *, title: str, name: str,
                     filters: str) -> str:
    """Where the officer wants a file saved ("" when cancelled)."""
    return choose_save_file(ctx, parent, title=title, name=name, filters=filters)[0]


def choose_save_file(ctx: AppContext, parent: QWidget, *, title: str, name: str,
                     filters: str, selected: str = "") -> tuple[str, str]:
    """Where the officer wants a file saved ("" when cancelled), and the filter chosen
    (`selected` is the one offered first)."""
    path, chosen = QFileDialog.getSaveFileName(parent, title, str(last_folder(ctx) / name),
                                               filters, selected)
    remember_folder(ctx, path)
    return path, chosen


def export_file(ctx: AppContext, parent: QWidget, path: str,
                produce: Callable[[Session, Path], bytes | None], *,
                on_done: Callable[[str], None]) -> None:
    """Run `produce(session, path)` in the background; bytes it returns are written to path."""
    target = Path(path)

    def work(session: Session, _progress: object) -> str:
        content = produce(session, target)
        if content is not None:
            write_atomically(target, content)
        return str(target)

    ctx.tasks.query(work, on_success=on_done, parent=parent)
