"""Getting the handbook onto paper: export a chapter or the whole handbook to PDF, print.

The PDF is built by `fieldapp.handbook.export` on a worker thread, with a progress dialog
that can cancel it; a cancelled export leaves no file. Printing sends the section being
read (as laid out on screen, without highlights or the reading column's side margins)
to a printer chosen in the system print dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QAction, QKeySequence, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QMenu,
    QProgressDialog,
    QTextEdit,
    QToolBar,
    QToolButton,
    QWidget,
)

from ui.context import AppContext
from ui.lazy import later
from ui.tasks import Task
from ui.widgets.file_jobs import choose_save_path

# Imported (with ReportLab) only when a PDF is made: see ui/lazy.py
export_pdf = later("fieldapp.handbook.export", "export_pdf")


class HandbookOutput(QObject):
    """The export and print actions of the handbook screen."""

    def __init__(self, ctx: AppContext, *, screen: QWidget, reader: QTextEdit, lang: str,
                 say: Callable[..., None]) -> None:
        super().__init__(screen)
        self.ctx = ctx
        self.screen = screen
        self.reader = reader
        self.lang = lang
        self._say = say
        self.slug = ""
        self.title = ""
        self.task: Task[Path] | None = None
        self.progress_dialog: QProgressDialog | None = None

    def add_actions(self, bar: QToolBar, action: Callable[..., QAction]) -> None:
        """Put "Export ▾" (chapter, handbook) and "Print…" on the screen's toolbar."""
        self.export_chapter_action = QAction(self.tr("Export chapter to PDF…"), self)
        self.export_chapter_action.setObjectName("exportChapter")
        self.export_chapter_action.triggered.connect(lambda: self.export(whole=False))
        self.export_handbook_action = QAction(self.tr("Export handbook to PDF…"), self)
        self.export_handbook_action.setObjectName("exportHandbook")
        self.export_handbook_action.triggered.connect(lambda: self.export(whole=True))
        menu = QMenu(self.screen)
        menu.addAction(self.export_chapter_action)
        menu.addAction(self.export_handbook_action)
        button = QToolButton()
        button.setObjectName("exportButton")
        button.setText(self.tr("Export PDF"))
        button.setToolTip(self.tr("Save this chapter or the whole handbook as a PDF"))
        button.setMenu(menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        bar.addWidget(button)
        self.print_action = action("print", self.tr("Print…"),
                                   self.tr("Print this section (Ctrl+P)"),
                                   [QKeySequence.StandardKey.Print], self.print_section)
        self.set_section("", "")

    def set_section(self, slug: str, title: str) -> None:
        """The section being read ("" when none can be exported)."""
        self.slug, self.title = slug, title
        self.export_chapter_action.setEnabled(bool(slug))
        self.print_action.setEnabled(bool(slug))

    # Export --------------------------------------------------------------------------------

    def export(self, *, whole: bool) -> None:
        """Ask where, then build the PDF in the background with a cancellable progress."""
        if self.task is not None and not self.task.done:
            return
        if not whole and not self.slug:
            return
        name = (self.tr("CMCoord Field Handbook") if whole
                else self.tr("Handbook - {0}").format(self.title))
        name = "".join("-" if c in '/\\:*?"<>|' else c for c in name)
        path = choose_save_path(  # starts where every other file dialog does
            self.ctx, self.screen, title=self.tr("Export handbook to PDF") if whole
            else self.tr("Export chapter to PDF"), name=f"{name}.pdf",
            filters=self.tr("PDF documents (*.pdf)"))
        if not path:
            return
        target = Path(path if path.lower().endswith(".pdf") else f"{path}.pdf")
        self._start_export(target, slug=None if whole else self.slug)

    def _start_export(self, target: Path, *, slug: str | None) -> None:
        lang = self.lang
        dialog = QProgressDialog(self.tr("Preparing the PDF…"), self.tr("Cancel"), 0, 100,
                                 self.screen)
        dialog.setObjectName("exportProgress")
        dialog.setWindowTitle(self.tr("Export to PDF"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setValue(0)
        self.progress_dialog = dialog

        def progressed(done: int, total: int, message: str) -> None:
            dialog.setMaximum(max(total, 1))
            dialog.setValue(done)
            dialog.setLabelText(self.tr("Laying out “{0}”…").format(message))

        self.task = self.ctx.tasks.query(
            lambda session, progress: export_pdf(session, target, lang=lang, slug=slug,
                                                 progress=progress),
            on_success=self._exported, on_cancelled=self._cancelled,
            on_failure=self._failed, on_progress=progressed, parent=self.screen)
        dialog.canceled.connect(self.task.cancel)

    def _close_dialog(self) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.canceled.disconnect()
            self.progress_dialog.close()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None

    def _exported(self, path: Path) -> None:
        self._close_dialog()
        url = QUrl.fromLocalFile(str(path)).toString()
        self._say(self.tr("PDF saved: {0} — <a href=\"{1}\">open it</a>").format(
            path.name, url), rich=True)

    def _cancelled(self) -> None:
        self._close_dialog()
        self._say(self.tr("Export cancelled; no file was written."))

    def _failed(self, exc: BaseException) -> None:
        self._close_dialog()
        from ui.widgets.error_dialog import show_error

        show_error(self.screen, exc)

    # Print ---------------------------------------------------------------------------------

    def print_section(self) -> None:
        """Choose a printer and print the section being read."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self.screen)
        dialog.setWindowTitle(self.tr("Print handbook section"))
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Print the section shown in the reader to `printer`."""
        document: QTextDocument = self.reader.document().clone(self)
        frame = document.rootFrame().frameFormat()
        for set_margin in (frame.setLeftMargin, frame.setRightMargin, frame.setTopMargin,
                           frame.setBottomMargin):
            set_margin(0)
        document.rootFrame().setFrameFormat(frame)
        document.print_(printer)
        document.deleteLater()
