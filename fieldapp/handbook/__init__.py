"""The Field Handbook: editions, rendering, search and the officer's marks on it."""

from fieldapp.handbook.edition import Edition, read_edition
from fieldapp.handbook.store import ensure_bundled_edition, get_section, load_edition

__all__ = [  # i18n: not shown
    "Edition", "ensure_bundled_edition", "get_section", "load_edition", "read_edition",
]
