"""The one error dialog: core errors shown as they are worded, anything else briefly
with the technical details one click away (never a bare traceback)."""

from __future__ import annotations

import traceback

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from fieldapp.errors import FieldAppError

translate = QCoreApplication.translate  # lupdate extracts translate("Context", "text")

OBJECT_NAME = "errorDialog"


def describe(exc: BaseException) -> tuple[str, str]:
    """The message to show and the details to hide behind "Show Details…" ("" for none)."""
    if isinstance(exc, FieldAppError):
        return exc.message, ""
    summary = translate("ErrorDialog", "Something went wrong and the action was not "
                        "completed. Your data is as it was before.")
    first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    short = f"{type(exc).__name__}: {first_line}" if first_line else type(exc).__name__
    details = "".join(traceback.format_exception(exc))
    return f"{summary}\n\n{short}", details


def show_error(parent: QWidget | None, exc: BaseException, *, title: str = "") -> QMessageBox:
    """Show `exc` in a window-modal message box (not blocking the caller) and return it."""
    message, details = describe(exc)
    box = QMessageBox(parent)
    box.setObjectName(OBJECT_NAME)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title or translate("ErrorDialog", "CMCoord Field Kit"))
    box.setText(message)
    if details:
        box.setDetailedText(details)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
