"""Handbook editions: validation refuses bad ones and keeps the current; marks survive."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from fieldapp.errors import Cancelled, EditionError
from fieldapp.handbook import ensure_bundled_edition, get_section, load_edition, read_edition
from fieldapp.handbook.markdown import render_html
from fieldapp.handbook.store import (
    add_bookmark,
    list_bookmarks,
    list_notes,
    notes_for,
    save_note,
    set_tick,
    table_of_contents,
)
from fieldapp.progress import Progress
from fieldapp.search import search

SECTION = """---
id: {id}
title: {title}
order: {order}
edition: "{edition}"
---

## First steps

Read this on the plane. See [the other part]({link}).

- [ ] Call the HC/RC office
- [ ] Find the logistics cluster
"""


def _write(root: Path, lang: str, name: str, **values) -> None:
    values = {"title": name.title(), "order": 1, "edition": "2030.1", "link": "alpha"} | values
    (root / lang).mkdir(parents=True, exist_ok=True)
    (root / lang / f"{name}.md").write_text(SECTION.format(**values), encoding="utf-8")


@pytest.fixture
def edition_dir(tmp_path) -> Path:
    root = tmp_path / "edition"
    _write(root, "en", "alpha", id="alpha", order=1, link="beta#first-steps")
    _write(root, "en", "beta", id="beta", order=2)
    return root


def _titles(db) -> list[str]:
    with db.session() as session:
        return [entry.title for entry in table_of_contents(session)]


def test_bundled_edition_is_valid_and_complete():
    edition = read_edition()
    slugs = [s.slug for s in edition.in_lang("en")]
    assert len(slugs) >= 12
    assert "glossary" in slugs
    assert "requests-for-assistance" in slugs
    words = sum(len(s.parsed.text.split()) for s in edition.in_lang("en"))
    assert words >= 18000


def test_bundled_edition_loads_once_on_first_start(db):
    assert ensure_bundled_edition(db) is True
    assert ensure_bundled_edition(db) is False
    assert len(_titles(db)) == len(read_edition().in_lang("en"))


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (lambda r: (r / "en" / "beta.md").write_text("no front matter\n"), "front matter"),
        (lambda r: _write(r, "en", "gamma", id="beta"), "also used by"),
        (lambda r: _write(r, "en", "gamma", id="gamma", link="nowhere"), "points to no section"),
        (lambda r: _write(r, "en", "gamma", id="gamma", link="alpha#no-heading"),
         "heading that does not exist"),
        (lambda r: _write(r, "en", "gamma", id="gamma", edition="1999.9"), "disagree"),
        (lambda r: _write(r, "en", "gamma", id="Not A Slug"), "lowercase"),
        (lambda r: (r / "en" / "beta.md").write_bytes(b"---\nid: beta\n---\n\xff\xfe"), "UTF-8"),
    ],
)
def test_invalid_edition_is_refused_and_current_kept(db, edition_dir, damage, reason):
    load_edition(db, edition_dir)
    before = _titles(db)
    damage(edition_dir)
    with pytest.raises(EditionError, match=reason) as raised:
        load_edition(db, edition_dir)
    assert raised.value.file.endswith(".md") or raised.value.file.endswith("edition")
    assert _titles(db) == before


def test_notes_and_bookmarks_survive_a_new_edition_and_orphans_stay_visible(db, edition_dir):
    load_edition(db, edition_dir)
    with db.transaction() as session:
        save_note(session, slug="alpha", body="Ask about fuel")
        save_note(session, slug="beta", body="Beta note")
        add_bookmark(session, slug="beta", label="Beta")
    (edition_dir / "en" / "beta.md").unlink()
    _write(edition_dir, "en", "alpha", id="alpha", edition="2030.2", title="Alpha revised")
    load_edition(db, edition_dir)
    with db.session() as session:
        assert [n.body for n in notes_for(session, "alpha")] == ["Ask about fuel"]
        assert [n.body for n in list_notes(session) if n.orphaned] == ["Beta note"]
        assert [b.label for b in list_bookmarks(session)] == ["Beta"]
        assert get_section(session, "alpha").title == "Alpha revised"


def test_missing_translation_falls_back_to_english_marked(db, edition_dir):
    _write(edition_dir, "fr", "alpha", id="alpha", title="Alpha en français",
           link="beta#first-steps")
    load_edition(db, edition_dir)
    with db.session() as session:
        toc = {e.slug: e for e in table_of_contents(session, lang="fr")}
        assert toc["alpha"].title == "Alpha en français"
        assert not toc["alpha"].fallback
        assert toc["beta"].fallback
        assert get_section(session, "beta", lang="fr").fallback


def test_ticks_are_kept_per_operation(db, edition_dir):
    load_edition(db, edition_dir)
    with db.transaction() as session:
        set_tick(session, slug="alpha", item_key="call-the-hcrc-office", operation_id="op-1",
                 ticked=True)
    with db.session() as session:
        html_op1 = get_section(session, "alpha", operation_id="op-1").html
        html_op2 = get_section(session, "alpha", operation_id="op-2").html
    assert 'href="tick:call-the-hcrc-office">☑' in html_op1
    assert 'href="tick:call-the-hcrc-office">☐' in html_op2


def test_loading_cancelled_half_way_keeps_the_current_edition(db, edition_dir):
    load_edition(db, edition_dir)
    before = _titles(db)
    _write(edition_dir, "en", "alpha", id="alpha", edition="2030.2", title="New alpha")
    _write(edition_dir, "en", "beta", id="beta", edition="2030.2", order=2)
    progress = Progress(on_report=lambda done, total, _: progress.cancel() if done == 1 else None)
    with pytest.raises(Cancelled):
        load_edition(db, edition_dir, progress=progress)
    assert _titles(db) == before


def test_search_stems_and_finds_handbook_text(db):
    ensure_bundled_edition(db)
    with db.session() as session:
        for word in ("request", "requests", "requesting"):
            slugs = [h.id for h in search(session, word, kinds=("handbook",))]
            assert "requests-for-assistance" in slugs, word


def test_accents_are_ignored_in_handbook_search(db, tmp_path):
    root = tmp_path / "ed"
    _write(root, "en", "alpha", id="alpha", title="Sécurité des convois", link="alpha")
    load_edition(db, root)
    with db.session() as session:
        assert [h.id for h in search(session, "securite", kinds=("handbook",))] == ["alpha"]


def test_rendering_escapes_html_and_links_sections():
    html = render_html("<script>x()</script> [go](beta#first-steps) [web](https://x.org)")
    assert "<script>" not in html
    assert 'href="hb:beta#first-steps"' in html
    assert 'href="https://x.org"' in html




def test_whole_handbook_pdf_has_contents_titles_and_page_numbers(tmp_path):
    from pypdf import PdfReader

    from fieldapp.pdf.handbook import handbook_pdf

    edition = read_edition()
    chapters = [(s.slug, s.title, s.body_md) for s in edition.in_lang("en")]
    target = tmp_path / "handbook.pdf"
    handbook_pdf(chapters, edition=edition.name, target=target)
    reader = PdfReader(target)
    first = reader.pages[0].extract_text()
    assert "Contents" in first
    every_page = "\n".join(page.extract_text() for page in reader.pages)
    for _slug, title, _md in chapters:
        assert title in first  # listed in the contents
        assert every_page.count(title) >= 2  # and printed as a chapter heading
    assert f"Page 1 of {len(reader.pages)}" in first
    assert [o.title for o in reader.outline] == [title for _s, title, _m in chapters]


def test_chapter_pdf_keeps_accents_and_cyrillic():
    from pypdf import PdfReader

    from fieldapp.pdf.handbook import handbook_pdf

    data = handbook_pdf([("x", "Sécurité — Безопасность", "## Día\n\n- [ ] Niño\n")],
                        edition="t")
    text = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert "Sécurité — Безопасность" in text
    assert "☐ Niño" in text


# The reader's needs: its own search, the outline, all notes, exports --------------------


def test_words_on_either_side_of_a_line_break_stay_apart():
    from fieldapp.handbook.markdown import parse_section

    assert parse_section("Call the\nliaison officer").text == "Call the liaison officer"


def test_reader_search_ranks_stems_and_places_the_match(db):
    from fieldapp.handbook.search import matched_words, search_handbook

    ensure_bundled_edition(db)
    with db.session() as session:
        hits = search_handbook(session, "requesting")
        assert hits[0].slug == "requests-for-assistance"
        words = {w.casefold() for w in matched_words(session, hits[0].slug, "requesting",
                                                     lang="en")}
        section_text = get_section(session, hits[0].slug).html
    assert {"request", "requests", "requesting"} <= words
    place = hits[0].place
    assert place is not None
    assert place.phrase[place.start:place.start + place.length].casefold().startswith("request")
    assert place.phrase.split()[0] in section_text


def test_reader_search_shows_english_where_the_translation_is_missing(db, edition_dir):
    from fieldapp.handbook.search import search_handbook

    _write(edition_dir, "fr", "alpha", id="alpha", title="Alpha en français",
           link="beta#first-steps")
    load_edition(db, edition_dir)
    with db.session() as session:
        hits = {hit.slug: hit for hit in search_handbook(session, "logistics", lang="fr")}
        assert search_handbook(session, 'AND "( *', lang="fr") == []
    assert (hits["alpha"].lang, hits["alpha"].fallback) == ("fr", False)
    assert (hits["beta"].lang, hits["beta"].fallback) == ("en", True)


def test_match_place_drops_ellipses_and_checkbox_marks():
    from fieldapp.handbook.search import MatchPlace, match_place
    from fieldapp.search import HIGHLIGHT_END as E
    from fieldapp.search import HIGHLIGHT_START as S

    assert match_place(f"…title\n[ ] Call {S}UNHAS{E} and…") == MatchPlace("Call UNHAS and", 5, 5)
    assert match_place(f"… {S}Last{E} {S}resort{E}.") == MatchPlace("Last resort.", 0, 4)
    assert match_place("nothing marked") is None


def test_outline_lists_sections_with_their_headings(db, edition_dir):
    from fieldapp.handbook.store import outline

    load_edition(db, edition_dir)
    with db.session() as session:
        entries = outline(session)
    assert [e.slug for e in entries] == ["alpha", "beta"]
    assert entries[0].headings == ((2, "First steps", "first-steps"),)


def test_all_notes_are_listed_with_orphans_marked(db, edition_dir):
    from fieldapp.handbook.store import list_notes

    load_edition(db, edition_dir)
    with db.transaction() as session:
        save_note(session, slug="beta", body="Beta note")
    (edition_dir / "en" / "beta.md").unlink()
    _write(edition_dir, "en", "alpha", id="alpha", edition="2030.2", link="alpha")
    load_edition(db, edition_dir)
    with db.transaction() as session:
        save_note(session, slug="alpha", body="Alpha note")
    with db.session() as session:
        notes = list_notes(session)
    assert [(n.body, n.section_title, n.orphaned) for n in notes] == [
        ("Alpha note", "Alpha", False), ("Beta note", "", True)]


def test_chapter_export_writes_the_chapter_and_cancelling_leaves_no_file(db, tmp_path):
    from pypdf import PdfReader

    from fieldapp.handbook.export import export_pdf

    ensure_bundled_edition(db)
    out = tmp_path / "out"
    out.mkdir()
    target = out / "chapter.pdf"
    with db.session() as session:
        export_pdf(session, target, slug="requests-for-assistance")
        text = "\n".join(page.extract_text() for page in PdfReader(target).pages)
        assert "Requests for assistance" in text
        assert "Glossary" not in text
        progress = Progress()
        progress.cancel()
        with pytest.raises(Cancelled):
            export_pdf(session, out / "whole.pdf", progress=progress)
    assert sorted(p.name for p in out.iterdir()) == ["chapter.pdf"]


def test_checklists_are_marked_so_the_box_replaces_the_bullet():
    html = render_html("- [ ] Call the HC/RC\n- [ ] Find the cluster\n\nThen:\n\n"
                       "- plain item\n- [ ] a task among plain items\n")
    assert html.count('<ul class="checklist">') == 1
    assert "<ul>\n<li>plain item" in html
