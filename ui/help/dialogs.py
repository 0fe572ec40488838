"""The Help menu's windows: the offline user guide (Markdown pages from resources/guide
in a QTextBrowser; from resources/guide/<lang> in the interface's language where a page is
translated, else in English), the keyboard shortcuts sheet (built from the window's own
actions, so it always says what the keys really do) and About."""

from __future__ import annotations

import html
import re
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt, QUrl
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from fieldapp import i18n
from ui.help.licences import (
    app_version,
    bundled_licences_folder,
    font_licences,
    library_licences,
    read_bundled_licences,
)
from ui.help.screen_fit import available_area, fit_to
from ui.release_notice import RELEASE_STYLE, release_html

if TYPE_CHECKING:
    from sync.releases import Release

translate = QCoreApplication.translate  # lupdate extracts translate("Context", "text")

GUIDE_START = "index.md"
GUIDE_SIZE = QSize(820, 720)
SHEET_SIZE = QSize(560, 640)
ABOUT_SIZE = QSize(620, 600)


def guide_folder() -> Path:
    """Where the user guide's pages are (shipped in the resources package)."""
    return Path(str(resources.files("resources") / "guide"))


def guide_folders(lang: str) -> list[Path]:
    """Where to look for a guide page in `lang`: its own folder first, then English's."""
    english = guide_folder()
    return [english] if lang == i18n.BASE_LANG else [english / lang, english]


def guide_page(page: str, lang: str) -> Path:
    """The file of one guide page in `lang` if translated, else the English one."""
    for folder in guide_folders(lang):
        if (folder / page).is_file():
            return folder / page
    return guide_folder() / page


def _plain(text: str) -> str:
    """An action's text without its mnemonic marks and trailing dots."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def _on_a_laptop_keyboard(keys: str) -> bool:
    """Whether a key is on an ordinary keyboard: a combination, a function key or a
    named editing key; not the media keys ("Back", "Find", "Zoom In") Qt's standard
    shortcuts add, which few field laptops have."""
    return "+" in keys[1:] or re.fullmatch(r"F\d{1,2}|Backspace|Del|Delete|Esc|Return|Enter|"
                                           r"Tab|Space|Home|End|PgUp|PgDown", keys) is not None


def shortcut_rows(actions: list[tuple[str, QAction]]) -> list[tuple[str, str, str]]:
    """(group, what, keys) for each (group, action) that has a shortcut, in order, once."""
    rows: list[tuple[str, str, str]] = []
    seen: set[tuple[str, str]] = set()
    for group, action in actions:
        keys = ", ".join(text for text in (
            sequence.toString(QKeySequence.SequenceFormat.NativeText)
            for sequence in action.shortcuts()) if _on_a_laptop_keyboard(text))
        what = _plain(action.text())
        if keys and (what, keys) not in seen:
            seen.add((what, keys))
            rows.append((_plain(group), what, keys))
    return rows


def _browser_dialog(parent: QWidget | None, *, name: str, title: str,
                    preferred: QSize) -> tuple[QDialog, QTextBrowser, QVBoxLayout]:
    dialog = QDialog(parent)
    dialog.setObjectName(name)
    dialog.setWindowTitle(title)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    browser = QTextBrowser()
    browser.setObjectName(name + "Text")
    browser.setOpenExternalLinks(False)
    layout = QVBoxLayout(dialog)
    layout.addWidget(browser, 1)
    fit_to(dialog, available_area(parent), preferred)
    return dialog, browser, layout


class GuideViewer(QDialog):
    """The user guide: Contents, Back, and the pages, all offline."""

    def __init__(self, parent: QWidget | None = None, *, page: str = GUIDE_START) -> None:
        super().__init__(parent)
        self.setObjectName("userGuide")
        self.setWindowTitle(self.tr("User guide — CMCoord Field Kit"))
        self.browser = QTextBrowser()
        self.browser.setObjectName("guideText")
        self.browser.setOpenExternalLinks(True)
        self.contents_button = QPushButton(self.tr("Contents"))
        self.contents_button.setObjectName("guideContents")
        self.contents_button.clicked.connect(lambda: self.open_page(GUIDE_START))
        self.back_button = QPushButton(self.tr("◀ Back"))
        self.back_button.setObjectName("guideBack")
        self.back_button.clicked.connect(self.browser.backward)
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        self.back_button.setEnabled(False)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        bar = QHBoxLayout()
        bar.addWidget(self.back_button)
        bar.addWidget(self.contents_button)
        bar.addStretch(1)
        bar.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addLayout(bar)
        self.open_page(page)
        fit_to(self, available_area(parent), GUIDE_SIZE)

    def open_page(self, page: str) -> None:
        """Show one page of the guide (a file name in resources/guide), in the interface's
        language if it is translated."""
        lang = i18n.language()
        path = guide_page(page, lang)
        if not path.is_file():
            self.browser.setHtml(self.tr(
                "<h2>The user guide is missing</h2><p>This copy of Field Kit was installed "
                "without its guide ({0}). Reinstall it, or ask HQ for the guide.</p>").format(
                    html.escape(str(path))))
            return
        # Pages are opened by name, not path, so the browser looks each one (and each link
        # and image) up in the language's folder first and falls back to English's.
        self.browser.setSearchPaths([str(folder) for folder in guide_folders(lang)])
        self.browser.setSource(QUrl(page))

    def page(self) -> str:
        """The file name of the page shown."""
        return Path(self.browser.source().path()).name


def shortcuts_sheet(parent: QWidget | None, actions: list[tuple[str, QAction]]) -> QDialog:
    """A window listing every keyboard shortcut of `actions` by group (e.g. menu)."""
    dialog, browser, layout = _browser_dialog(
        parent, name="shortcutsSheet", title=translate("Help", "Keyboard shortcuts"),
        preferred=SHEET_SIZE)
    rows, current = [], None
    for group, what, keys in shortcut_rows(actions):
        if group != current:
            rows.append(f"<tr><th colspan='2' align='left' style='padding-top:10px'>"
                        f"{html.escape(group)}</th></tr>")
            current = group
        rows.append(f"<tr><td style='padding-right:24px'>{html.escape(what)}</td>"
                    f"<td><b>{html.escape(keys)}</b></td></tr>")
    browser.setHtml("<table>" + "".join(rows) + "</table>")
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    return dialog


def about_html(*, data_folder: Path, release: Release | None = None,
               licences_folder: Path | None = None) -> str:
    """The About text: version, a newer version HQ announced, where the data is, licences
    of fonts and libraries (with the folder of their full texts in the bundle)."""
    licences_folder = licences_folder or bundled_licences_folder()
    bundled = read_bundled_licences(licences_folder) if licences_folder else None
    fonts = "".join(f"<li><b>{html.escape(name)}</b>: {html.escape(licence)}<br>"
                    f"<small>{html.escape(str(path))}</small></li>"
                    for name, licence, path in font_licences())
    libraries = "".join(f"<li>{html.escape(name)} {html.escape(version)}: "
                        f"{html.escape(licence)}</li>"
                        for name, version, licence in library_licences(bundled))
    translate = QCoreApplication.translate
    heading = f"<h2>CMCoord Field Kit {html.escape(app_version())}</h2>"  # i18n: not shown
    if release is not None:
        heading += f"<p style='{RELEASE_STYLE}'>{release_html(release)}</p>"
    if bundled is not None and licences_folder is not None:
        libraries += "</ul><p>" + translate(
            "About", "The full licence texts are in {folder}.").format(
            folder=html.escape(str(licences_folder))) + "</p><ul>"
    return (heading + "<p>"
            + translate("About", "The UN-CMCoord officer's field kit: handbook, contacts, "
                        "assets, requests for assistance and lessons, on this laptop, with "
                        "or without a connection.")
            + "</p><p>" + translate("About", "<b>Your data folder:</b> {folder}").format(
                folder=html.escape(str(data_folder)))
            + "</p><h3>" + translate("About", "Bundled fonts") + f"</h3><ul>{fonts}</ul><h3>"
            + (translate("About", "Bundled libraries") if bundled is not None
               else translate("About", "Main libraries")) + f"</h3><ul>{libraries}</ul>")


def about_dialog(parent: QWidget | None, *, data_folder: Path,
                 release: Release | None = None) -> QDialog:
    """About CMCoord Field Kit (with the newer version HQ announced, if any)."""
    dialog, browser, layout = _browser_dialog(
        parent, name="aboutDialog", title=translate("Help", "About CMCoord Field Kit"),
        preferred=ABOUT_SIZE)
    browser.setOpenExternalLinks(True)  # the download address opens in the browser
    browser.setHtml(about_html(data_folder=data_folder, release=release))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    return dialog
