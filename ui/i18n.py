"""The interface's language: Qt translators for our text and Qt's own, the locale for
dates and numbers, and the core's gettext language, all set together.

The language is the one chosen in View ▸ Language (kept in the profile's settings under
`LANGUAGE_KEY`), else the system's first supported UI language, else English. Choosing
another one while the application runs rebuilds the main window in it (see ui/app.py);
nothing typed is lost: forms write pending typing first, and a form with unsaved text
keeps the old language until the next start.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QGuiApplication

from fieldapp import i18n
from fieldapp.i18n import BASE_LANG, LANGS, LANGUAGE_NAMES, PSEUDO, pseudo, supported

LANGUAGE_KEY = "language"  # "", "en", "fr" or "es"; "" follows the system


class PseudoTranslator(QTranslator):
    """The pseudo language for the interface: every text bracketed and a third longer,
    so a screen shows at a glance text left out of translation, or cut short."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        return pseudo(source)

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False


def translations_folder() -> Path:
    """Where the compiled interface catalogs (fieldkit_<lang>.qm) are."""
    return Path(str(resources.files("resources") / "i18n"))


def system_language(locale: QLocale | None = None) -> str:
    """The first of the system's UI languages that Field Kit speaks, else English."""
    for tag in (locale or QLocale.system()).uiLanguages():
        primary = tag.replace("-", "_").split("_")[0].lower()
        if primary in LANGS:
            return primary
    return BASE_LANG


def chosen_language(settings: QSettings) -> str:
    """The language set in the profile, else the system's."""
    value = str(settings.value(LANGUAGE_KEY, "") or "")
    return value if value in LANGS else system_language()


class Translations:
    """Installs and swaps the translators of one application."""

    def __init__(self, app: QCoreApplication) -> None:
        self.app = app
        self.language = BASE_LANG
        self._installed: list[QTranslator] = []

    def apply(self, lang: str) -> str:
        """Make `lang` the language of the interface, Qt's dialogs, dates and numbers and
        the core's text; returns the language applied (English for one not supported).
        `PSEUDO` (for tests) brackets and lengthens every text instead."""
        lang = lang if lang == PSEUDO else supported(lang)
        for translator in self._installed:
            self.app.removeTranslator(translator)
        self._installed = self._translators(lang)
        for translator in self._installed:
            self.app.installTranslator(translator)
        locale = _locale(lang)
        QLocale.setDefault(locale)
        i18n.set_language(lang)
        if isinstance(self.app, QGuiApplication):
            self.app.setLayoutDirection(locale.textDirection())
        self.language = lang
        return lang

    def _translators(self, lang: str) -> list[QTranslator]:
        """Our catalog of `lang` (English has one too: the plural forms of its "%n
        contact(s)" texts) and Qt's own; the pseudo translator for `PSEUDO`."""
        if lang == PSEUDO:
            return [PseudoTranslator(self.app)]
        catalogs = [("fieldkit", str(translations_folder()))]
        if lang != BASE_LANG:
            catalogs.append(("qtbase",
                             QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)))
        loaded = []
        for name, folder in catalogs:
            translator = QTranslator(self.app)
            if translator.load(f"{name}_{lang}", folder):
                loaded.append(translator)
        return loaded


def _locale(lang: str) -> QLocale:
    """Dates and numbers: the system's own where it speaks `lang` (keeping "fr_CA"),
    else the language's; British English for the pseudo language."""
    if lang == PSEUDO:
        return QLocale("en_GB")
    system = QLocale.system()
    return system if system_language(system) == lang else QLocale(lang)


def reading_language() -> str:
    """The language the handbook is read and searched in: the interface's (English for
    the pseudo language)."""
    lang = i18n.language()
    return lang if lang in LANGS else BASE_LANG


def language_choices() -> list[tuple[str, str]]:
    """(code, name) of every language, each name written in its own language."""
    return [(lang, LANGUAGE_NAMES[lang]) for lang in LANGS]
