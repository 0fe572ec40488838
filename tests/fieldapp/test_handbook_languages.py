"""Handbook in English, French and Spanish: every chapter in every language, and a
translation carries its original's ids, so marks made in one language hold in the others."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from fieldapp.errors import EditionError
from fieldapp.handbook import get_section, load_edition, read_edition
from fieldapp.handbook.edition import LANGS, bundled_path
from fieldapp.handbook.markdown import parse_section, render_html
from fieldapp.handbook.store import outline, set_tick

ORIGINAL = """---
id: alpha
title: Alpha
order: 1
edition: "2030.1"
---

## First steps

Read this on the plane. See [the last step](alpha#last-step).

- [ ] Call the HC/RC office
- [ ] Find the logistics cluster

### Last step

Done.
"""

TRANSLATION = """---
id: alpha
title: Alpha en français
order: 1
edition: "2030.1"
---

## Premiers pas

À lire dans l'avion. Voir [la dernière étape](alpha#last-step).

- [ ] Appeler le bureau du CH/CR
- [ ] Trouver le cluster
  logistique

### Dernière étape

C'est fait.
"""


def _edition(tmp_path: Path, translation: str) -> Path:
    root = tmp_path / "edition"
    for lang, text in (("en", ORIGINAL), ("fr", translation)):
        (root / lang).mkdir(parents=True, exist_ok=True)
        (root / lang / "alpha.md").write_text(text, encoding="utf-8")
    return root


def test_every_language_has_every_chapter_with_the_same_ids():
    edition = read_edition()
    english = {s.slug: s.parsed for s in edition.in_lang("en")}
    for lang in LANGS:
        sections = {s.slug: s.parsed for s in edition.in_lang(lang)}
        assert sections.keys() == english.keys(), lang
        for slug, parsed in sections.items():
            assert [a for _, _, a in parsed.headings] == [
                a for _, _, a in english[slug].headings], (lang, slug)
            assert [k for k, _ in parsed.checklist] == [k for k, _ in english[slug].checklist]
            assert len(parsed.text.split()) > 0.7 * len(english[slug].text.split()), (lang, slug)


def test_translations_are_written_in_their_language():
    edition = read_edition()
    for lang, word in (("fr", " les "), ("es", " los ")):
        for section in edition.in_lang(lang):
            words = len(section.parsed.text.split())
            assert section.parsed.text.count(word) > 5, (lang, section.slug)
            # English names of bodies in brackets, as the glossary gives them, are few.
            assert section.parsed.text.count(" the ") < words / 100, (lang, section.slug)


def test_a_translation_takes_the_english_anchors_and_checklist_keys(tmp_path):
    edition = read_edition(_edition(tmp_path, TRANSLATION))
    [french] = edition.in_lang("fr")
    assert french.parsed.headings == [(2, "Premiers pas", "first-steps"),
                                      (3, "Dernière étape", "last-step")]
    assert french.parsed.checklist == [
        ("call-the-hcrc-office", "Appeler le bureau du CH/CR"),
        ("find-the-logistics-cluster", "Trouver le cluster\nlogistique")]
    assert "{#" not in french.parsed.text


def test_a_tick_made_in_english_shows_in_french_and_the_ids_never_show(db, tmp_path):
    load_edition(db, _edition(tmp_path, TRANSLATION))
    with db.transaction() as session:
        set_tick(session, slug="alpha", item_key="find-the-logistics-cluster",
                 operation_id="op-1", ticked=True)
    with db.session() as session:
        html = get_section(session, "alpha", lang="fr", operation_id="op-1").html
        headings = outline(session, lang="fr")[0].headings
    assert 'href="tick:find-the-logistics-cluster">☑' in html
    assert 'href="tick:call-the-hcrc-office">☐' in html
    assert '<a name="last-step"></a>Dernière étape' in html
    assert "{#" not in html
    assert [anchor for _, _, anchor in headings] == ["first-steps", "last-step"]


@pytest.mark.parametrize(("damage", "reason"), [
    (("### Dernière étape", "## Dernière étape"),
     "it has 2 headings where en/alpha.md has 2, or at other levels (from heading 2 on): a "
     "translation keeps every heading, in the same order, so notes and bookmarks stay "
     "attached."),
    (("### Dernière étape\n\nC'est fait.\n", ""),
     "it has 1 heading where en/alpha.md has 2, or at other levels (from heading 2 on): a "
     "translation keeps every heading, in the same order, so notes and bookmarks stay "
     "attached."),
    (("- [ ] Appeler le bureau du CH/CR\n", ""),
     "it has 1 checklist item where en/alpha.md has 2: a translation keeps every item, in "
     "the same order, so ticks stay attached."),
    (("- [ ] Appeler le bureau du CH/CR\n", "- [ ] Appeler\n- [ ] Rappeler\n"),
     "it has 3 checklist items where en/alpha.md has 2: a translation keeps every item, in "
     "the same order, so ticks stay attached."),
])
def test_a_translation_that_differs_in_shape_is_refused_naming_the_file(
        tmp_path, damage, reason):
    with pytest.raises(EditionError) as refused:
        read_edition(_edition(tmp_path, TRANSLATION.replace(*damage)))
    assert refused.value.file == "fr/alpha.md"
    assert refused.value.reason == reason


def test_an_id_written_after_a_heading_or_item_is_used_and_never_shown():
    markdown = "## Résumé {#summary}\n\n- [ ] Vérifier **tout** {#check-all}\n"
    parsed = parse_section(markdown)
    assert parsed.headings == [(2, "Résumé", "summary")]
    assert parsed.checklist == [("check-all", "Vérifier **tout**")]
    html = render_html(markdown)
    assert "{#" not in html
    assert 'id="summary"' in html
    assert 'href="tick:check-all"' in html
    assert "<strong>tout</strong>" in html


@pytest.fixture(scope="module")
def bundled_db(tmp_path_factory, _migrated_template):
    """A profile with the bundled edition loaded (read-only for these tests)."""
    import shutil

    from fieldapp.db import Database
    from fieldapp.paths import resolve_profile

    root = tmp_path_factory.mktemp("bundled") / "profile"
    shutil.copytree(_migrated_template, root)
    database = Database.open(resolve_profile(root))
    load_edition(database)
    yield database
    database.close()


def _found(db, query: str, lang: str) -> tuple[list[str], list[str]]:
    """Slugs found, and the words of the best section the query matched."""
    from fieldapp.handbook.search import matched_words, search_handbook

    with db.session() as session:
        hits = search_handbook(session, query, lang=lang)
        words = matched_words(session, hits[0].slug, query, lang=lang) if hits else []
    assert all(hit.lang == lang for hit in hits)
    return [hit.slug for hit in hits], [word.casefold() for word in words]


@pytest.mark.parametrize(("lang", "query", "slug", "forms"), [
    ("fr", "coordonnateurs", "un-cmcoord", {"coordonnateur"}),  # plural finds singular
    ("fr", "escorte armee", "security-armed-escorts", {"escortes", "armées"}),  # no accents
    ("fr", "enseignement", "lessons-observed", {"enseignements"}),
    ("fr", "Déconfliction", "coordination-spectrum", {"déconfliction"}),
    ("es", "solicitudes", "requests-for-assistance", {"solicitud", "solicitudes"}),
    ("es", "escoltas armadas", "security-armed-escorts", {"escolta", "armados"}),
    ("es", "ultimo recurso", "requests-for-assistance", {"último", "recurso"}),
    ("es", "ultimo recu", "requests-for-assistance", {"último", "recurso"}),  # typing
])
def test_french_and_spanish_words_find_their_other_forms_with_or_without_accents(
        bundled_db, lang, query, slug, forms):
    slugs, words = _found(bundled_db, query, lang)
    assert slug in slugs[:3]
    assert forms <= set(words)


def test_the_global_search_finds_the_handbook_in_the_officers_language(bundled_db):
    from fieldapp.search import search

    with bundled_db.session() as session:
        french = search(session, "enseignements tires", lang="fr", kinds=("handbook",))
        spanish = search(session, "lecciones aprendida", lang="es", kinds=("handbook",))
    assert french[0].id == "lessons-observed"
    assert spanish[0].id == "lessons-observed"


def test_english_queries_are_left_to_the_index_stemmer(bundled_db):
    from fieldapp.handbook.words import match_query
    from fieldapp.search import build_match_query

    with bundled_db.session() as session:
        assert match_query(session, "armed escorts", lang="en") == \
            build_match_query("armed escorts")
        assert match_query(session, " ,;", lang="fr") is None


def test_each_edition_files_its_own_words(db, tmp_path):
    from sqlalchemy import text

    def french_words() -> set[str]:
        with db.session() as session:
            return {row.word for row in session.execute(text(
                "SELECT word FROM handbook_words WHERE lang = 'fr'"))}

    load_edition(db)
    assert "coordonnateur" in french_words()
    load_edition(db, _edition(tmp_path, TRANSLATION))
    words = french_words()
    assert {"premiers", "etape", "derniere", "logistique"} <= words
    assert "coordonnateur" not in words  # the bundled edition's words were replaced


def _stems(lang: str, text: str) -> str:
    from fieldapp.handbook.words import stem

    return " " + " ".join(stem(lang, word) for word in re.findall(r"[^\W\d_]+", text)) + " "


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_each_chapter_uses_the_term_list_of_its_language(lang):
    """Where an English chapter says a listed term, its translation says the listed
    translation (in any inflection) and never a form the list rules out."""
    terms = tomllib.loads((bundled_path() / f"terms-{lang}.toml").read_text("utf-8"))["term"]
    edition = read_edition()
    english = {s.slug: s.parsed.text for s in edition.in_lang("en")}
    translated = {s.slug: s.parsed.text for s in edition.in_lang(lang)}
    stemmed = {slug: _stems(lang, text) for slug, text in translated.items()}
    missing, avoided = [], []
    for term in terms:
        said = re.compile(rf"\b{re.escape(term['en'])}s?\b", re.IGNORECASE)
        for slug, text in english.items():
            if said.search(text) and slug not in term.get("except", []) \
                    and _stems(lang, term["term"]) not in stemmed[slug]:
                missing.append((slug, term["term"]))
            avoided += [(slug, wrong) for wrong in term.get("avoid", [])
                        if wrong.casefold() in translated[slug].casefold()]
    assert missing == []
    assert avoided == []
    assert len(terms) >= 20


def test_only_the_last_word_being_typed_is_also_a_prefix(bundled_db):
    from fieldapp.handbook.words import match_query

    with bundled_db.session() as session:
        query = match_query(session, "escortes ar", lang="fr")
        single = match_query(session, "x", lang="fr")
    first, last = query.split(" AND ")
    assert "*" not in first  # a finished word: its forms only
    assert '"escorte"' in first
    assert last.endswith('"ar"*)')  # two letters typed: already a prefix
    assert single == '("x")'  # one letter would match half the handbook


def test_ids_are_written_at_the_end_of_their_lines_replacing_any_there():
    from fieldapp.handbook.markdown import with_ids

    markdown = "## Premiers pas   \n\n- [ ] Appeler {#old-key}\n- [ ] Trouver\n  le cluster\n"
    assert with_ids(markdown, ["first-steps"], ["call", "find"]) == (
        "## Premiers pas {#first-steps}\n\n- [ ] Appeler {#call}\n- [ ] Trouver\n"
        "  le cluster {#find}\n")
    with pytest.raises(ValueError, match="zip"):  # one id per heading and item, no more
        with_ids(markdown, ["first-steps", "extra"], ["call", "find"])
    with pytest.raises(ValueError, match="zip"):
        with_ids(markdown, ["first-steps"], ["call"])


def test_a_paragraph_that_starts_with_a_box_is_not_a_checklist_item():
    from fieldapp.handbook.markdown import id_places

    markdown = "Intro.\n\n[ ] not in a list\n\n- [ ] in a list\n"
    assert id_places(markdown) == ([], [4])
    assert [key for key, _ in parse_section(markdown).checklist] == ["in-a-list"]


def test_a_checklist_key_is_cut_at_a_hundred_characters():
    parsed = parse_section("- [ ] " + "word " * 40 + "\n")
    assert len(parsed.checklist[0][0]) == 100
