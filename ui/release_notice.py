"""The sentence that tells the officer a newer version of Field Kit exists (issue 19), the
same on the Sync screen and in About: the version, the address to download it from (a
link the officer may open in the browser; Field Kit itself downloads nothing) and HQ's
notes."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from fieldapp import __version__

if TYPE_CHECKING:
    from sync.releases import Release

translate = QCoreApplication.translate  # lupdate extracts translate("Context", "text")

RELEASE_STYLE = "color: #0b5394;"


def release_html(release: Release, installed: str = __version__) -> str:
    """Rich text for a QLabel or QTextBrowser (every value escaped)."""
    url = html.escape(release.url, quote=True)
    text = translate("Release", "Version {version} is available: download it from "
                                "{address}").format(
        version=f"<b>{html.escape(release.version)}</b>",
        address=f'<a href="{url}">{url}</a>')
    text += " " + translate("Release", "(this is version {installed}).").format(
        installed=html.escape(installed))
    if release.notes:
        text += "<br>" + html.escape(release.notes).replace("\n", "<br>")
    return text
