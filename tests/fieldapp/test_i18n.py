"""The core's language: which one is used where, translations with plurals and contexts,
dates and numbers as each language writes them, and the pseudo language."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from fieldapp import i18n
from fieldapp.i18n import (
    PSEUDO,
    SHORT_MOMENT,
    _,
    format_date,
    format_datetime,
    format_number,
    in_language,
    language,
    ngettext,
    npgettext,
    pgettext,
    pseudo,
    set_language,
    supported,
)
from fieldapp.labels import priority_label


@pytest.fixture(autouse=True)
def _english_after():
    yield
    set_language("en")


@pytest.mark.parametrize(("tag", "lang"), [
    ("fr", "fr"), ("fr_CA", "fr"), ("fr-CH", "fr"), ("ES", "es"), ("es-419", "es"),
    ("en_US", "en"), ("de", "en"), ("", "en"), (None, "en"), ("pseudo", "en"),
])
def test_a_language_tag_names_a_supported_language_or_english(tag, lang):
    assert supported(tag) == lang


def test_the_process_language_holds_until_a_block_asks_for_another():
    set_language("fr_BE")
    assert language() == "fr"
    with in_language("es") as chosen:
        assert chosen == "es"
        assert language() == "es"
        with in_language("en"):
            assert _("Draft") == "Draft"
        assert _("Draft") == "Borrador"
    assert language() == "fr"
    assert _("Draft") == "Brouillon"
    set_language("xx")
    assert language() == "en"


def test_a_block_in_another_language_holds_in_its_own_thread_only():
    seen = {}

    def other_thread():
        seen["other"] = language()

    with in_language("es"):
        worker = threading.Thread(target=other_thread)
        worker.start()
        worker.join()
        seen["here"] = language()
    assert seen == {"other": "en", "here": "es"}


def test_plurals_and_contexts_come_from_the_catalog():
    with in_language("fr"):
        one = ngettext("{count} passenger", "{count} passengers", 1).format(count=1)
        many = ngettext("{count} passenger", "{count} passengers", 3).format(count=3)
        other = pgettext("priority", "Other")
        assert priority_label("other") == other
    assert (one, many) == ("1 passager", "3 passagers")
    assert other == "Autre"
    with in_language("es"):
        assert pgettext("priority", "Other") == "Otra"
        assert npgettext("x", "{count} thing", "{count} things", 2) == "{count} things"
    assert ngettext("{count} request", "{count} requests", 1) == "{count} request"
    assert ngettext("{count} request", "{count} requests", 0) == "{count} requests"


def test_a_language_without_a_compiled_catalog_shows_the_english(monkeypatch):
    i18n.catalog.cache_clear()
    monkeypatch.setattr(i18n, "DOMAIN", "no-such-catalog")
    try:
        assert i18n.catalog("fr").gettext("Draft") == "Draft"
    finally:
        monkeypatch.undo()
        i18n.catalog.cache_clear()
    assert i18n.catalog("fr").gettext("Draft") == "Brouillon"


def test_dates_times_and_numbers_as_each_language_writes_them():
    day = date(2025, 3, 4)  # not today: a date left out would be today's
    moment = datetime(2025, 3, 4, 12, 5, tzinfo=UTC)
    assert format_date(day) == "4 Mar 2025"
    assert format_number(1234.5) == "1,234.5"
    assert format_number(2.0 / 3, digits=2) == "0.67"
    assert format_number(1234.56789, digits=4) == "1,234.5679"  # every digit asked for
    assert format_datetime(moment) == "4 Mar 2025, 12:05:00"
    assert format_datetime(moment, zone=ZoneInfo("Africa/Maputo"), form="short") == \
        "04/03/2025, 14:05"
    assert format_datetime(datetime(2025, 3, 4, 12, 5), zone=ZoneInfo("Africa/Maputo"),
                           form="short") == "04/03/2025, 12:05"  # naive: left as it is
    assert format_datetime(moment, form=SHORT_MOMENT) == "4 Mar 2025, 12:05"
    with in_language("fr"):
        assert format_date(day) == "4 mars 2025"
        assert format_datetime(moment, form=SHORT_MOMENT) == "4 mars 2025, 12:05"
        assert format_number(1234.5) == "1\u202f234,5"
        assert format_number(2.0 / 3, digits=2) == "0,67"
    with in_language("es"):
        assert format_date(day, form="long") == "4 de marzo de 2025"
        assert format_number(12345.5) == "12.345,5"


def test_the_pseudo_language_brackets_and_lengthens_every_text():
    assert pseudo("Save") == "[Save~]"
    assert pseudo("Submitted for validation") == "[Submitted for validation~~~~~~~~]"
    set_language(PSEUDO)
    assert language() == PSEUDO
    assert _("Draft") == "[Draft~]"
    assert ngettext("{count} request", "{count} requests", 2) == "[{count} requests~~~~~]"
    assert ngettext("{count} request", "{count} requests", 1) == "[{count} request~~~~~]"
    assert pgettext("priority", "Other") == "[Other~]"
    assert npgettext("c", "one", "ones", 1) == "[one~]"
    assert npgettext("c", "one", "ones", 2) == "[ones~]"
    assert format_date(date(2026, 12, 6)) == "6 Dec 2026"


def test_the_context_of_a_plural_reaches_the_catalog(monkeypatch):
    class Catalog:
        def npgettext(self, context, singular, plural, n):
            return f"{context}|{singular if n == 1 else plural}"

    monkeypatch.setattr(i18n, "catalog", lambda _lang: Catalog())
    assert npgettext("lesson", "{count} lesson", "{count} lessons", 3) == \
        "lesson|{count} lessons"
