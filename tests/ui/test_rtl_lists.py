"""Right-to-left names in the lists: a cell whose text reads right to left (Arabic, Hebrew)
sits at the right edge of its column; the rest keep the column's own alignment. Read through
each real screen's model, on real rows, as the view asks for it (TextAlignmentRole)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from fieldapp.models import Contact
from fieldapp.services.assets import AssetInput, create_asset
from fieldapp.services.lessons import LessonInput, create_draft
from fieldapp.services.rfa import RfaInput
from fieldapp.services.rfa import create_draft as create_rfa
from ui.models.sorted_table import reading_alignment, reads_right_to_left
from ui.screens.assets import AssetsScreen
from ui.screens.contacts import ContactsScreen
from ui.screens.lessons import LessonsScreen
from ui.screens.rfa import RfaScreen

ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
RIGHT = Qt.AlignmentFlag.AlignRight

ARABIC = "أحمد الخطيب"
HEBREW = "נועה כהן"


@pytest.mark.parametrize(("text", "rtl"), [
    (ARABIC, True),
    (HEBREW, True),
    ("(أحمد)", True),  # punctuation first: the first letter decides
    ("12 شارع الميناء", True),
    ("Amara Okafor", False),
    ("OCHA أحمد", False),  # a Latin first letter: left to right
    ("+296 7102 0300", False),  # no letter at all
    ("", False),
])
def test_the_first_strong_letter_decides_the_reading_direction(text, rtl):
    assert reads_right_to_left(text) is rtl
    assert (reading_alignment(text) is not None) is rtl


def _alignment(model, row: int, key: str) -> int:
    column = next(n for n, c in enumerate(model.columns) if c.key == key)
    value = model.data(model.index(row, column), ALIGNMENT)
    return int(value or 0)


def _row_of(model, key: str, text: str) -> int:
    column = next(n for n, c in enumerate(model.columns) if c.key == key)
    return next(n for n in range(model.rowCount())
                if text in str(model.data(model.index(n, column))))


def _show(qtbot, screen):
    qtbot.addWidget(screen)
    screen.resize(1300, 700)
    screen.show()
    qtbot.waitUntil(lambda: screen.model.rowCount() >= 2, timeout=5000)
    return screen


def test_arabic_and_hebrew_contact_names_sit_at_the_right_edge(qtbot, ctx, seeded):
    with ctx.db.transaction() as session:
        session.add_all([
            Contact(given_name="أحمد", family_name="الخطيب", role="منسق لوجستي",
                    operation_id=seeded.operation_id, favourite=True),
            Contact(given_name="נועה", family_name="כהן", role="Liaison",
                    operation_id=seeded.operation_id)])
    ctx.set_current_operation_id(seeded.operation_id)
    model = _show(qtbot, ContactsScreen(ctx)).model
    qtbot.waitUntil(lambda: model.rowCount() == 3, timeout=5000)
    arabic, hebrew = _row_of(model, "name", "أحمد"), _row_of(model, "name", "נועה")
    latin = _row_of(model, "name", "Amara")
    assert _alignment(model, arabic, "name") & RIGHT
    assert _alignment(model, arabic, "role") & RIGHT
    assert _alignment(model, hebrew, "name") & RIGHT
    assert not _alignment(model, hebrew, "role") & RIGHT  # "Liaison" reads left to right
    assert not _alignment(model, latin, "name") & RIGHT
    assert _alignment(model, arabic, "favourite") == int(Qt.AlignmentFlag.AlignCenter)


def test_an_arabic_asset_description_sits_at_the_right_edge(qtbot, ctx, seeded):
    with ctx.db.transaction() as session:
        create_asset(session, AssetInput(category="medical", description="مستشفى ميداني",
                                         provider_state="JOR"), operation_id=seeded.operation_id)
        create_asset(session, AssetInput(category="medical", description="Field hospital",
                                         provider_state="SWE", quantity=3),
                     operation_id=seeded.operation_id)
    ctx.set_current_operation_id(seeded.operation_id)
    model = _show(qtbot, AssetsScreen(ctx)).model
    arabic = _row_of(model, "description", "مستشفى")
    latin = _row_of(model, "description", "Field hospital")
    assert _alignment(model, arabic, "description") & RIGHT
    assert not _alignment(model, latin, "description") & RIGHT
    assert _alignment(model, latin, "quantity") & RIGHT  # numbers keep their own alignment


def test_a_hebrew_lesson_title_sits_at_the_right_edge(qtbot, ctx, seeded):
    with ctx.db.transaction() as session:
        create_draft(session, LessonInput(title="רשימה אחת של אתרי נחיתה",
                                          operation_id=seeded.operation_id))
        create_draft(session, LessonInput(title="One list of landing sites",
                                          operation_id=seeded.operation_id))
    ctx.set_current_operation_id(seeded.operation_id)
    model = _show(qtbot, LessonsScreen(ctx)).model
    hebrew = _row_of(model, "title", "רשימה")
    latin = _row_of(model, "title", "One list")
    assert _alignment(model, hebrew, "title") & RIGHT
    assert not _alignment(model, latin, "title") & RIGHT
    assert not _alignment(model, hebrew, "observed_on") & RIGHT


def test_an_arabic_request_title_sits_at_the_right_edge(qtbot, ctx, seeded):
    with ctx.db.transaction() as session:
        create_rfa(session, operation_id=seeded.operation_id,
                   data=RfaInput(title="نقل المياه إلى المخيم"), by="Test")
        create_rfa(session, operation_id=seeded.operation_id,
                   data=RfaInput(title="Water to the camp"), by="Test")
    ctx.set_current_operation_id(seeded.operation_id)
    model = _show(qtbot, RfaScreen(ctx)).model
    arabic = _row_of(model, "title", "نقل")
    latin = _row_of(model, "title", "Water")
    assert _alignment(model, arabic, "title") & RIGHT
    assert not _alignment(model, latin, "title") & RIGHT
    assert not _alignment(model, arabic, "reference") & RIGHT
