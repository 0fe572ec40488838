"""Translations are complete and current: every visible text reaches a catalog, every
catalog entry is translated into French and Spanish with its placeholders, and the
compiled files shipped match their sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from resources.i18n.__main__ import LANGS
from resources.i18n.check import po_problems, ts_problems
from tests.untranslated import scan

ROOT = Path(__file__).resolve().parents[2]
# Text that stays English on purpose: Geneva's administrators' command line, and the HQ
# JSON API's details (the device shows its own sentence for each error code).
ENGLISH_ONLY = {
    "hq/cli.py", "hq/account_cli.py", "hq/admin.py", "hq/app.py", "hq/changes.py",
    "hq/scope.py", "hq/reviewers.py", "hq/security.py", "hq/bodies.py", "hq/pull.py",
    "hq/lesson_tables.py", "hq/device_codes.py",
}


def test_every_visible_text_of_the_interface_goes_through_tr():
    assert [str(found) for found in scan([ROOT / "ui"], root=ROOT)] == []


def test_every_visible_text_of_the_core_and_hq_pages_goes_through_gettext():
    found = scan([ROOT / "fieldapp", ROOT / "sync", ROOT / "hq"], root=ROOT)
    assert [str(f) for f in found
            if f.path not in ENGLISH_ONLY and "/migrations/" not in f.path] == []


@pytest.mark.parametrize("lang", ["en", *LANGS])  # English: its plural forms
def test_the_interface_catalog_is_complete_and_compiled(lang):
    assert ts_problems(lang) == []


@pytest.mark.parametrize("lang", LANGS)
def test_the_core_catalog_is_complete_and_compiled(lang):
    assert po_problems(lang) == []


def test_the_checker_sees_text_left_out(tmp_path):
    screen = tmp_path / "ui" / "screen.py"
    screen.parent.mkdir()
    screen.write_text(
        "t = translate\n"
        "label = QLabel(self.tr('Saved'))\n"
        "button = QPushButton('Print the request')\n"
        "alias = t('Menu', '&File')\n"
        "logger.warning('Sync failed twice')\n"
        "key = settings.value('main_window/geometry')\n"
        "hidden = 'Not for people'  # i18n: not shown\n")
    found = [(f.line, f.text) for f in scan([screen])]
    assert found == [(3, "Print the request"), (4, "Menu"), (4, "&File")]
