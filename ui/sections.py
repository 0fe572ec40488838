"""The sections of the sidebar, in order, and which kinds of search hit each one opens.

Each section's screen is built the first time it is shown, by a factory that imports
its module then (start-up imports none of them). A screen is a QWidget with
`open_item(item_id, *, kind)`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate  # lupdate extracts translate("Context", "text")

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ui.context import AppContext


class Screen(Protocol):
    """What the main window needs from a section's screen."""

    def open_item(self, item_id: str, *, kind: str, query: str = "") -> None:
        """Show one record (a search hit) of a kind this section opens; `query` is the text
        that found it, for screens that can point at the match."""


@dataclass(frozen=True)
class Section:
    """One entry of the sidebar."""

    key: str
    title: str
    kinds: tuple[str, ...]  # fieldapp.search kinds whose hits open here
    build: Callable[[AppContext], QWidget]



def _lessons(ctx: AppContext) -> QWidget:
    from ui.screens.lessons import make_lessons_screen

    return make_lessons_screen(ctx)


def _sync(ctx: AppContext) -> QWidget:
    from ui.screens.sync import SyncScreen

    return SyncScreen(ctx)


def _contacts(ctx: AppContext) -> QWidget:
    from ui.screens.contacts import make_contacts_screen

    return make_contacts_screen(ctx)


def _assets(ctx: AppContext) -> QWidget:
    from ui.screens.assets import make_assets_screen

    return make_assets_screen(ctx)


def _handbook(ctx: AppContext) -> QWidget:
    from ui.screens.handbook import make_handbook_screen

    return make_handbook_screen(ctx)


def _rfa(ctx: AppContext) -> QWidget:
    from ui.screens.rfa import make_rfa_screen

    return make_rfa_screen(ctx)


def sections() -> list[Section]:
    """The sidebar's sections, titles translated."""
    return [
        Section("handbook", translate("Sections", "Handbook"), ("handbook",), _handbook),
        Section("rfa", translate("Sections", "Requests (RFA)"), ("rfa",), _rfa),
        Section("contacts", translate("Sections", "Contacts"), ("contact", "organisation"),
                _contacts),
        Section("assets", translate("Sections", "Assets"), ("asset",), _assets),
        Section("lessons", translate("Sections", "Lessons"), ("lesson",), _lessons),
        Section("sync", translate("Sections", "Sync"), (), _sync),
    ]


def section_for_kind(kind: str, among: list[Section]) -> Section | None:
    """The section that opens hits of `kind`."""
    return next((section for section in among if kind in section.kinds), None)
