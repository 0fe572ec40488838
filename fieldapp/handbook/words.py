"""Handbook search in French and Spanish: a word finds its other forms.

The full-text index stems with the English Porter rules, which know nothing of French or
Spanish inflections ("coordonnateurs", "operaciones"). So when an edition is loaded, every
word of its French and Spanish sections is filed under its Snowball stem (accents folded
first, so "opération" and "operation" are one word) in `handbook_words`; a query in those
languages asks the index for any of the forms filed under each typed word's stem, and the
last word still matches as a prefix while it is being typed.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

import snowballstemmer
from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

from fieldapp.search import MAX_TOKENS, build_match_query

STEMMERS = {"fr": "french", "es": "spanish"}  # English: the index's own Porter stemmer
_WORD = re.compile(r"[^\W\d_]{2,}")
_TYPED = re.compile(r"\w+")
_INSERT = text("INSERT OR IGNORE INTO handbook_words (lang, stem, word) "
               "VALUES (:lang, :stem, :word)")
_FORMS = text("SELECT stem, word FROM handbook_words WHERE lang = :lang "
              "AND stem IN :stems").bindparams(bindparam("stems", expanding=True))


def fold(word: str) -> str:
    """A word lower-cased with its accents taken off ("Opération" → "operation")."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@functools.cache
def _stemmer(lang: str) -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer(STEMMERS[lang])


def stem(lang: str, word: str) -> str:
    """The Snowball stem of a word of `lang` (accents folded first)."""
    return str(_stemmer(lang).stemWord(fold(word)))


def vocabulary(lang: str, texts: Iterable[str]) -> set[tuple[str, str]]:
    """(stem, folded word) of every word in `texts`."""
    words = {fold(word) for body in texts for word in _WORD.findall(body)}
    stemmer = _stemmer(lang)
    return {(str(stemmer.stemWord(word)), word) for word in words}


def store_vocabulary(session: Session, sections: Iterable[tuple[str, str]]) -> int:
    """File the words of (lang, text) sections under their stems, replacing what was
    there; returns the number of words filed."""
    session.execute(text("DELETE FROM handbook_words"))
    by_lang: dict[str, list[str]] = {}
    for lang, body in sections:
        if lang in STEMMERS:
            by_lang.setdefault(lang, []).append(body)
    rows = [{"lang": lang, "stem": s, "word": w}
            for lang, bodies in by_lang.items() for s, w in vocabulary(lang, bodies)]
    if rows:
        session.execute(_INSERT, rows)
    return len(rows)


def match_query(session: Session, user_text: str, *, lang: str) -> str | None:
    """The FTS5 MATCH expression for what the officer typed, in `lang`: each word stands
    for every form of it in the handbook; the last also as a prefix. Like
    `fieldapp.search.build_match_query` for English, or None when nothing was typed."""
    if lang not in STEMMERS:
        return build_match_query(user_text)
    typed = _TYPED.findall(user_text)[:MAX_TOKENS]
    if not typed:
        return None
    stems = [stem(lang, word) for word in typed]
    forms: dict[str, set[str]] = {}
    for row in session.execute(_FORMS, {"lang": lang, "stems": sorted(set(stems))}):
        forms.setdefault(row.stem, set()).add(row.word)
    groups = []
    for index, (word, its_stem) in enumerate(zip(typed, stems, strict=True)):
        folded = fold(word)
        its_forms = {folded} | forms.get(its_stem, set())
        prefix = index == len(typed) - 1 and len(word) >= 2  # still being typed
        if prefix:  # the prefix already matches the forms that begin with it
            its_forms = {form for form in its_forms if not form.startswith(folded)}
        alternatives = [f'"{form}"' for form in sorted(its_forms)]
        if prefix:
            alternatives.append(f'"{folded}"*')
        groups.append(f"({' OR '.join(alternatives)})")
    return " AND ".join(groups)
