"""Reading and validating a handbook edition from Markdown files with front matter.

An edition is a folder with one sub-folder per language (`en/`, `fr/`, `es/`), each
holding `*.md` files that start with front matter (`id`, `title`, `order`, `edition`).
English is complete; other languages may cover part of it. Validation refuses an
edition with the file and the reason: missing or bad front matter, duplicate ids, mixed
edition names, links to sections or headings that do not exist, and a translation whose
headings or checklist items differ in number or level from its English original.

A translation takes its ids from the English: its nth heading gets the English nth
heading's anchor and its nth checklist item the English item's key (written into its
Markdown as `{#id}`), so notes, bookmarks, ticks and links hold in every language.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from fieldapp.errors import EditionError
from fieldapp.handbook.markdown import ParsedSection, id_places, parse_section, with_ids
from fieldapp.i18n import _, ngettext

BASE_LANG = "en"
LANGS = ("en", "fr", "es")
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
_FRONT = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)


@dataclass(frozen=True)
class SectionSource:
    """One section of an edition as read from its file."""

    slug: str
    lang: str
    title: str
    order: int
    edition: str
    body_md: str
    parsed: ParsedSection
    file: str


@dataclass(frozen=True)
class Edition:
    """A validated edition: its name and every section in every language it has."""

    name: str
    sections: tuple[SectionSource, ...]

    def in_lang(self, lang: str) -> list[SectionSource]:
        """Sections written in one language, in reading order."""
        return sorted((s for s in self.sections if s.lang == lang), key=lambda s: s.order)


def bundled_path() -> Path:
    """The edition shipped inside the application (resources/handbook)."""
    return Path(str(resources.files("resources") / "handbook"))


def _front_matter(text: str, file: str) -> tuple[dict[str, Any], str]:
    match = _FRONT.match(text)
    if match is None:
        raise EditionError(file, _("the file does not start with front matter between --- "
                                   "lines."))
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        # Translators: {detail} is the YAML reader's own message, in English.
        raise EditionError(file, _("the front matter is not valid YAML ({detail}).").format(
            detail=exc)) from exc
    if not isinstance(meta, dict):
        raise EditionError(file, _("the front matter must be 'key: value' lines."))
    return meta, text[match.end():]


def read_section(path: Path, *, lang: str) -> SectionSource:
    """Read and check one file (front matter and Markdown)."""
    file = f"{lang}/{path.name}"
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise EditionError(file, _("the file is not UTF-8 text.")) from exc
    meta, body = _front_matter(text, file)
    for key in ("id", "title", "order", "edition"):
        if meta.get(key) in (None, ""):
            # Translators: {key} is a front matter key, kept in English: id, title, order,
            # edition.
            raise EditionError(file, _("the front matter has no '{key}'.").format(key=key))
    slug = str(meta["id"])
    if not SLUG.match(slug):
        raise EditionError(file, _("the id '{id}' must be lowercase letters, digits, "
                                   "hyphens.").format(id=slug))
    if not isinstance(meta["order"], int):
        # Translators: 'order' is a front matter key, kept in English.
        raise EditionError(file, _("'order' must be a whole number."))
    return SectionSource(
        slug=slug,
        lang=lang,
        title=str(meta["title"]).strip(),
        order=meta["order"],
        edition=str(meta["edition"]),
        body_md=body,
        parsed=parse_section(body),
        file=file,
    )


def _check_links(sections: list[SectionSource]) -> None:
    anchors = {(s.lang, s.slug): {a for _, _, a in s.parsed.headings} for s in sections}
    for section in sections:
        for link in section.parsed.links:
            slug, _hash, anchor = link.partition("#")
            slug = slug or section.slug
            target = anchors.get((section.lang, slug), anchors.get((BASE_LANG, slug)))
            if target is None:
                raise EditionError(section.file, _("the link '{link}' points to no "
                                                   "section.").format(link=link))
            if anchor and anchor not in target:
                raise EditionError(section.file, _(
                    "the link '{link}' points to a heading that does not exist.").format(
                        link=link))


def _aligned(section: SectionSource, original: SectionSource) -> SectionSource:
    """A translation with its original's heading anchors and checklist keys, or refused
    with what differs."""
    headings, items = id_places(section.body_md)
    levels = [level for level, _ in headings]
    wanted = [level for level, _, _ in original.parsed.headings]
    if levels != wanted:
        pairs = enumerate(zip(levels, wanted, strict=False))
        where = next((n for n, (mine, theirs) in pairs if mine != theirs),
                     min(len(levels), len(wanted)))
        # Translators: "it" is a translated handbook file; {original} is its English file
        # (en/guidelines.md), {wanted} how many headings that has, {number} the first one
        # that differs.
        raise EditionError(section.file, ngettext(
            "it has {count} heading where {original} has {wanted}, or at other levels (from "
            "heading {number} on): a translation keeps every heading, in the same order, so "
            "notes and bookmarks stay attached.",
            "it has {count} headings where {original} has {wanted}, or at other levels (from "
            "heading {number} on): a translation keeps every heading, in the same order, so "
            "notes and bookmarks stay attached.", len(levels)).format(
                count=len(levels), original=original.file, wanted=len(wanted),
                number=where + 1))
    if len(items) != len(original.parsed.checklist):
        # Translators: "it" is a translated handbook file; {original} is its English file,
        # {wanted} how many checklist items that has.
        raise EditionError(section.file, ngettext(
            "it has {count} checklist item where {original} has {wanted}: a translation "
            "keeps every item, in the same order, so ticks stay attached.",
            "it has {count} checklist items where {original} has {wanted}: a translation "
            "keeps every item, in the same order, so ticks stay attached.", len(items)).format(
                count=len(items), original=original.file,
                wanted=len(original.parsed.checklist)))
    body = with_ids(section.body_md, [anchor for _, _, anchor in original.parsed.headings],
                    [key for key, _ in original.parsed.checklist])
    return dataclasses.replace(section, body_md=body, parsed=parse_section(body))


def read_edition(source: Path | None = None) -> Edition:
    """Read and validate the edition in `source` (the bundled one when None)."""
    root = Path(source) if source is not None else bundled_path()
    if not (root / BASE_LANG).is_dir():
        # Translators: {folder} is a folder name, "en".
        raise EditionError(str(root), _("an edition needs a '{folder}' folder.").format(
            folder=BASE_LANG))
    sections: list[SectionSource] = []
    for lang in LANGS:
        seen: dict[str, str] = {}
        for path in sorted((root / lang).glob("*.md")) if (root / lang).is_dir() else []:
            section = read_section(path, lang=lang)
            if section.slug in seen:
                # Translators: {file} is another file of the edition (en/guidelines.md).
                raise EditionError(section.file, _(
                    "the id '{id}' is also used by {file}.").format(
                        id=section.slug, file=seen[section.slug]))
            seen[section.slug] = section.file
            sections.append(section)
    base = [s for s in sections if s.lang == BASE_LANG]
    if not base:
        raise EditionError(f"{BASE_LANG}/", _("the edition has no sections."))
    names = {s.edition for s in sections}
    if len(names) > 1:
        # Translators: {names} lists the edition names found, as ['2026.1', '2026.2'].
        raise EditionError(str(root), _("files disagree on the edition: {names}.").format(
            names=sorted(names)))
    base_slugs = {s.slug for s in base}
    for section in sections:
        if section.slug not in base_slugs:
            raise EditionError(section.file, _("'{id}' has no English original.").format(
                id=section.slug))
    originals = {s.slug: s for s in base}
    sections = [s if s.lang == BASE_LANG else _aligned(s, originals[s.slug]) for s in sections]
    _check_links(sections)
    return Edition(name=names.pop(), sections=tuple(sections))


def peek_edition_name(source: Path | None = None) -> str | None:
    """The edition named by the first English file, read cheaply (no validation)."""
    root = Path(source) if source is not None else bundled_path()
    first = next(iter(sorted((root / BASE_LANG).glob("*.md"))), None)
    if first is None:
        return None
    match = _FRONT.match(first.read_text(encoding="utf-8"))
    meta = yaml.safe_load(match.group(1)) if match else None
    return str(meta.get("edition")) if isinstance(meta, dict) and meta.get("edition") else None
