"""The HQ web pages in the reader's language: the switch on every page, then the browser's
Accept-Language, then English; the JSON API stays in English.

A real HQ answers real HTTP requests. The catalogs may still be empty, so these tests
check which language a page says it is in and that the switch is there, not the words.
"""

from __future__ import annotations

import pytest
import requests

from hq.web import accepted_language

SWITCH = (("en", "English"), ("fr", "Français"), ("es", "Español"))


def _get(hq, path: str, *, session: requests.Session | None = None, **kw: object
         ) -> requests.Response:
    return (session or requests).get(hq.url + path, timeout=10, **kw)


@pytest.mark.parametrize(("header", "lang"), [
    ("fr-CH, fr;q=0.9, en;q=0.8", "fr"),
    ("de-DE, es;q=0.5, fr;q=0.7", "fr"),
    ("es-419", "es"),
    ("EN-gb;q=1.0", "en"),
    ("de, *;q=0.5", None),
    ("fr;q=0, es;q=bad", None),
    ("", None),
])
def test_accept_language_is_read_by_quality_then_order(header, lang):
    assert accepted_language(header) == lang


def test_browser_language_chooses_the_page_language(hq):
    page = _get(hq, "/library", headers={"Accept-Language": "fr-CH, fr;q=0.9, en;q=0.8"})
    assert page.status_code == 200
    assert '<html lang="fr"' in page.text
    assert page.headers["content-language"] == "fr"
    assert '<html lang="en"' in _get(hq, "/library", headers={"Accept-Language": "de"}).text


def test_switch_choice_beats_the_browser_and_is_remembered(hq):
    browser = requests.Session()
    page = _get(hq, "/library", session=browser, params={"lang": "es"},
                headers={"Accept-Language": "fr"})
    assert '<html lang="es"' in page.text
    later = _get(hq, "/review/signin", session=browser, headers={"Accept-Language": "fr"})
    assert '<html lang="es"' in later.text


def test_every_page_has_the_language_switch_to_itself(hq):
    for path in ("/library?q=fuel", "/review/signin", "/library/lessons/no-such-lesson"):
        page = _get(hq, path)
        for code, name in SWITCH:
            assert f'hreflang="{code}" lang="{code}"' in page.text, path
            assert f">{name}</a>" in page.text, path
    assert 'href="/library?q=fuel&amp;lang=fr"' in _get(hq, "/library?q=fuel&lang=es").text


def test_json_api_stays_english(hq):
    answer = _get(hq, "/api/v1/pull", headers={"Accept-Language": "fr"})
    assert "content-language" not in answer.headers
