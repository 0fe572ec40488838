"""Translations: Qt `.ts`/`.qm` for the interface, gettext `.po`/`.mo` for the core and HQ.

`python3 -m resources.i18n` brings them up to date with the source (see `__main__`).
"""
