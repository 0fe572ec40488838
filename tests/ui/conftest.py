"""UI fixtures: an application context over a fresh real profile, a main window on it,
and a few records to find. Everything is torn down cleanly (background work first).

The root conftest sets QT_QPA_PLATFORM=offscreen and provides `profile` and `db`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from fieldapp.models import Contact, Organisation
from fieldapp.services.operations import OperationInput, create_operation
from ui.context import AppContext
from ui.i18n import Translations
from ui.main_window import MainWindow


@pytest.fixture(scope="session", autouse=True)
def english(qapp) -> Translations:
    """The interface in English, as the application starts it: with the plural forms of
    English ("1 contact", "2 contacts") from its catalog."""
    translations = Translations(qapp)
    translations.apply("en")
    return translations


@pytest.fixture
def hq(tmp_path) -> Iterator:
    """A real HQ server on 127.0.0.1 with its own SQLite file (for the sync screens)."""
    from tests.sync.conftest import running_hq

    with running_hq(f"sqlite:///{tmp_path / 'hq.sqlite'}") as running:
        yield running


@pytest.fixture
def ctx(qapp, profile, db) -> Iterator[AppContext]:
    """An AppContext on the test's database; waits for background work at teardown."""
    settings = QSettings(str(profile.settings_file), QSettings.Format.IniFormat)
    context = AppContext(paths=profile, settings=settings, db=db)
    yield context
    assert context.tasks.shutdown(), "background work did not stop"
    context.shutdown()


def open_window(qtbot, ctx: AppContext) -> MainWindow:
    """A shown main window whose operations have been listed."""
    window = MainWindow(ctx)  # the database is open: it starts listing operations
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=5000):
        window.show()
    return window


@pytest.fixture
def window(qtbot, ctx) -> Iterator[MainWindow]:
    """The main window on the test's profile, ready; closed and drained at teardown."""
    main = open_window(qtbot, ctx)
    yield main
    main.close()
    ctx.tasks.shutdown()


@dataclass(frozen=True)
class Seeded:
    operation_id: str
    other_operation_id: str
    contact_id: str
    organisation_id: str
    hidden_contact_id: str


@pytest.fixture
def seeded(db) -> Seeded:
    """Two operations (CYA current), an organisation and contacts, one in the other op."""
    with db.transaction() as session:
        other = create_operation(session, OperationInput("Flood Bravo", "FLB", "Malawi"))
        op = create_operation(session, OperationInput("Cyclone Ana", "CYA", "Mozambique"))
        org = Organisation(name="Okavango Relief Network", acronym="ORN", org_type="ngo",
                           operation_id=op.id)
        session.add(org)
        session.flush()
        contact = Contact(given_name="Amara", family_name="Okafor", role="Logistics officer",
                          organisation_id=org.id, operation_id=op.id, call_sign="PAPA 7")
        hidden = Contact(given_name="Amara", family_name="Elsewhere", role="Liaison",
                         operation_id=other.id)
        session.add_all([contact, hidden])
    return Seeded(op.id, other.id, contact.id, org.id, hidden.id)


def open_rfa_screen(qtbot, ctx: AppContext, operation_id: str):
    """The Requests screen of `operation_id`, shown at 1300×800 once its list has loaded."""
    from ui.screens.rfa import RfaScreen

    ctx.set_current_operation_id(operation_id)
    widget = RfaScreen(ctx)
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    with qtbot.waitSignal(widget.model.loaded, timeout=5000):
        widget.show()
    return widget


@pytest.fixture
def rfa_screen(qtbot, ctx, seeded):
    """The Requests screen of the seeded operation."""
    return open_rfa_screen(qtbot, ctx, seeded.operation_id)


def open_demo_window(qtbot, db, ctx: AppContext) -> MainWindow:
    """The main window on the demo operation at 1366×740, shown and ready (an officer
    known, so no first-run dialog)."""
    from fieldapp.demo import load_demo
    from fieldapp.services.settings import FIRST_RUN_DONE, OFFICER_NAME, set_setting

    load_demo(db)
    with db.transaction() as session:
        set_setting(session, OFFICER_NAME, "Ana López")
        set_setting(session, FIRST_RUN_DONE, "1")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 740)
    with qtbot.waitSignal(window.ready, timeout=10000):
        window.show()
    return window


def answer_message_box(seen: list[tuple[str, str]]) -> QTimer:
    """Close the first modal message box that appears, remembering what it said."""
    def check() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append((box.text(), box.informativeText()))
            box.button(QMessageBox.StandardButton.Close).click()
            timer.stop()

    timer = QTimer()
    timer.timeout.connect(check)
    timer.start(20)
    return timer
