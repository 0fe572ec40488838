"""Find matching assets in the RFA form: capacity compared with the quantity typed, each
match saying why it fits or not, those that fit first."""

from __future__ import annotations

import pytest

from fieldapp.models import Asset
from tests.ui.test_rfa_screen import _new
from ui.screens.rfa import RfaScreen


@pytest.fixture
def screen(rfa_screen) -> RfaScreen:
    return rfa_screen


def _helicopter(operation_id: str, unit: str, **values) -> Asset:
    return Asset(category="airlift_helicopter", status="available", operation_id=operation_id,
                 provider_unit=unit, **values)


def test_matches_say_whether_their_capacity_covers_the_cargo(qtbot, screen, seeded, db):
    with db.transaction() as session:
        session.add_all([
            _helicopter(seeded.operation_id, "Light helicopter flight", capacity_value=4,
                        capacity_unit="passengers", latitude=-19.8, longitude=34.8),
            _helicopter(seeded.operation_id, "Medium helicopter flight", capacity_value=2.5,
                        capacity_unit="t per sortie", quantity=2, latitude=-25.0,
                        longitude=33.0),
        ])
    _new(qtbot, screen)
    form = screen.form
    form.capability.setCurrentIndex(form.capability.findData("airlift_helicopter"))
    form.capability.activated.emit(form.capability.currentIndex())
    qtbot.keyClicks(form.cargo_tonnes, "4.8")
    form.find_assets_button.click()
    qtbot.waitUntil(lambda: form.assets.count() == 2 and form.find_assets_button.isEnabled(),
                    timeout=5000)
    first, second = form.assets.item(0).text(), form.assets.item(1).text()
    assert "Medium helicopter flight" in first
    assert "✓ Fits: 2 × 2.5 t per sortie = 5 t for 4.8 t of cargo." in first
    assert "Light helicopter flight" in second
    assert ("✗ Does not fit: its capacity is 4 passengers; the request is for 4.8 t of "
            "cargo.") in second
