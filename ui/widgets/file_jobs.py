"""Files in and out for the list screens: choose a path, then read or write it off the GUI thread.

`export_file` asks where to save (remembering the folder in the settings), then runs the
producer (a core function that returns the bytes, or writes the path itself) in a
background read and reports through `on_done(path)`. Nothing here touches the disk on the
GUI thread except the native file dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from fieldapp.files import write_atomically
from ui.context import AppContext
from ui.tasks import Session

FOLDER_KEY = "files/last_folder"


def _folder(ctx: AppContext) -> str:
    return str(ctx.settings.value(FOLDER_KEY, str(Path.home())))


def choose_open_path(ctx: AppContext, parent: QWidget, *, title: str, filters: str) -> str:
    """The file the officer picked to import ("" when cancelled)."""
    path, _ = QFileDialog.getOpenFileName(parent, title, _folder(ctx), filters)
    if path:
        ctx.settings.setValue(FOLDER_KEY, str(Path(path).parent))
    return path


def choose_save_path(ctx: AppContext, parent: QWidget, *, title: str, name: str,
                     filters: str) -> str:
    """Where the officer wants a file saved ("" when cancelled)."""
    return choose_save_file(ctx, parent, title=title, name=name, filters=filters)[0]


def choose_save_file(ctx: AppContext, parent: QWidget, *, title: str, name: str,
                     filters: str, selected: str = "") -> tuple[str, str]:
    """Where the officer wants a file saved ("" when cancelled), and the filter chosen
    (`selected` is the one offered first)."""
    path, chosen = QFileDialog.getSaveFileName(parent, title, str(Path(_folder(ctx)) / name),
                                               filters, selected)
    if path:
        ctx.settings.setValue(FOLDER_KEY, str(Path(path).parent))
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
