"""The core's text in the officer's language: messages, labels, printouts (gettext).

The interface translates its own text with Qt (`tr()`, in ui/); the core has no Qt, so its
messages, labels and PDFs, and the HQ's web pages, use gettext catalogs:
`resources/i18n/<lang>/LC_MESSAGES/fieldkit.po`, compiled to `.mo` beside them (both
committed; `python3 -m resources.i18n` extracts, merges and compiles them).

Mark text with `_()` where it is made; text made before the language is known (module
constants, labels) is marked `N_()` and passed through `_()` where it is shown. Plurals use
`ngettext(singular, plural, n)`, words that need a context `pgettext(context, text)`.
Placeholders are named, so a translation may put them in another order:
`_("Keep this under {limit} characters.").format(limit=limit)`.

The language is the process's (`set_language`, which the application calls with the
interface's), or for a stretch of code, `with in_language("es"):` (printing a request in
another language); that override holds in the current thread or task only.
"""

from __future__ import annotations

import functools
import gettext
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime, tzinfo
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Babel is imported when first used: not before the window is shown
    from babel import Locale

BASE_LANG = "en"
LANGS = ("en", "fr", "es")
# Not a language: every text bracketed and a third longer, so a test (or a developer)
# sees text left out of translation and text cut short (see `pseudo`).
PSEUDO = "pseudo"
# Each language named in itself, the same whatever the language shown.
LANGUAGE_NAMES = {"en": "English", "fr": "Français", "es": "Español"}  # i18n: not shown
DOMAIN = "fieldkit"

_process_language = BASE_LANG
_override: ContextVar[str | None] = ContextVar("fieldkit_language", default=None)


def supported(lang: str | None) -> str:
    """The supported language a tag names ("fr_CA", "es-419", "FR" → "fr"); else English."""
    primary = (lang or "").replace("-", "_").split("_")[0].lower()
    return primary if primary in LANGS else BASE_LANG


def set_language(lang: str) -> None:
    """Make `lang` the language of the core's text for the whole process."""
    global _process_language
    _process_language = PSEUDO if lang == PSEUDO else supported(lang)


def language() -> str:
    """The language text is made in now."""
    return _override.get() or _process_language


@contextmanager
def in_language(lang: str) -> Iterator[str]:
    """Make text in `lang` inside the block (this thread or task only)."""
    token = _override.set(supported(lang))
    try:
        yield supported(lang)
    finally:
        _override.reset(token)


def pseudo(text: str) -> str:
    """A text as the pseudo language shows it: "[Save~~]"."""
    return f"[{text}{'~' * (len(text) // 3)}]"


class PseudoTranslations(gettext.NullTranslations):
    """Every text bracketed and a third longer (`PSEUDO`)."""

    def gettext(self, message: str) -> str:
        return pseudo(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)

    def pgettext(self, context: str, message: str) -> str:
        return pseudo(message)

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)


@functools.cache
def catalog(lang: str) -> gettext.NullTranslations:
    """The compiled catalog of a language (none for English, the source language)."""
    if lang == PSEUDO:
        return PseudoTranslations()
    if lang == BASE_LANG:
        return gettext.NullTranslations()
    compiled = resources.files("resources") / "i18n" / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    try:
        with compiled.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    except FileNotFoundError:
        return gettext.NullTranslations()


def _(message: str) -> str:
    """`message` in the current language."""
    return catalog(language()).gettext(message)


def N_(message: str) -> str:  # noqa: N802 - the gettext convention
    """Mark `message` for translation where it is shown (`_()` there)."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for `n`, in the current language."""
    return catalog(language()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """`message` in the current language, told apart by `context` ("status", "button")."""
    return catalog(language()).pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    """`ngettext` told apart by `context`."""
    return catalog(language()).npgettext(context, singular, plural, n)


_LOCALES = {"en": "en_GB", "fr": "fr", "es": "es"}  # UN English: "6 Dec 2026", 24-hour


def locale() -> Locale:
    """The Babel locale of the current language (dates, numbers)."""
    from babel import Locale

    return Locale.parse(_LOCALES.get(language(), "en_GB"))


def format_date(value: date, *, form: str = "medium") -> str:
    """A date as the current language writes it ("6 Dec 2026", "6 déc. 2026")."""
    from babel import dates as babel_dates

    return babel_dates.format_date(value, format=form, locale=locale())


SHORT_MOMENT = "d MMM y, HH:mm"  # i18n: not shown (a CLDR pattern: "6 déc. 2026, 14:05")


def format_datetime(value: datetime, *, zone: tzinfo | None = None, form: str = "medium") -> str:
    """A date and time as the current language writes them, in `zone` when given; `form`
    is a CLDR length ("short", "medium") or pattern (`SHORT_MOMENT`)."""
    from babel import dates as babel_dates

    if zone is not None and value.tzinfo is not None:
        value = value.astimezone(zone)
    return babel_dates.format_datetime(value, format=form, locale=locale())


def format_number(value: float, *, digits: int | None = None) -> str:
    """A number as the current language writes it ("1,234.5", "1 234,5")."""
    from babel import numbers as babel_numbers

    if digits is not None:
        return babel_numbers.format_decimal(round(value, digits), locale=locale(),
                                            decimal_quantization=False)
    return babel_numbers.format_decimal(value, locale=locale())
