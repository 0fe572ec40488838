"""Handbook Markdown: HTML for the reader, plain text for search, headings, links, checklists.

Raw HTML in the source is not rendered (markdown-it's `html` option is off), so an edition
can never inject markup. Headings get anchors, links to other sections become
`hb:SLUG#anchor` URLs the reader handles, and task-list items (`- [ ] text`) become
checklist items with a stable key derived from their text.

A heading or checklist item may name its id at the end of its line, `## Titre {#title}`:
translations carry the English ids this way (see `with_ids`), so notes, bookmarks and
ticks attached in one language stay attached in the others. The id is never shown.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

SECTION_SCHEME = "hb"
TICK_SCHEME = "tick"
_TASK = re.compile(r"^\[( |x|X)\]\s+")
_EXTERNAL = re.compile(r"^(https?:|mailto:)", re.IGNORECASE)
_EXPLICIT_ID = re.compile(r"[ \t]*\{#([a-z0-9][a-z0-9_-]{0,119})\}[ \t]*$")


def slugify(text: str) -> str:
    """GitHub-style heading slug: lowercase, punctuation dropped, spaces as hyphens."""
    text = unicodedata.normalize("NFKC", text).lower().strip()
    text = re.sub(r"[^\w\s-]", "", text)
    return re.sub(r"\s+", "-", text)


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False, "typographer": False}).enable("table")


_MD = _parser()


@dataclass
class ParsedSection:
    """What the handbook needs to know about one section's Markdown."""

    headings: list[tuple[int, str, str]] = field(default_factory=list)  # level, text, anchor
    links: list[str] = field(default_factory=list)  # internal targets, "slug" or "slug#anchor"
    checklist: list[tuple[str, str]] = field(default_factory=list)  # key, text
    text: str = ""


def _inline_text(token: Token) -> str:
    # A line break inside a paragraph is a space between words, for search as on screen.
    return "".join(
        child.content if child.type in ("text", "code_inline") else " "
        for child in token.children or []
        if child.type in ("text", "code_inline", "softbreak", "hardbreak")
    ) or token.content


def _take_id(inline: Token) -> str | None:
    """The `{#id}` ending an inline token's text, taken out of it; None when it has none."""
    match = _EXPLICIT_ID.search(inline.content)
    if match is None:
        return None
    inline.content = inline.content[:match.start()]
    children = inline.children or []
    if children and children[-1].type == "text":
        last = children[-1]
        last.content = _EXPLICIT_ID.sub("", last.content)
    return match.group(1)


def _annotate(tokens: list[Token]) -> ParsedSection:
    """Walk the tokens once: record what matters and set anchors and link targets."""
    parsed = ParsedSection()
    parsed.checklist = [(key, text) for key, text, _ in _task_items(tokens)]
    seen: dict[str, int] = {}
    text_parts: list[str] = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            explicit = _take_id(tokens[index + 1])
            title = _inline_text(tokens[index + 1])
            anchor = explicit or slugify(title)
            if explicit:
                seen.setdefault(anchor, 0)
            elif anchor in seen:
                seen[anchor] += 1
                anchor = f"{anchor}-{seen[anchor]}"
            else:
                seen[anchor] = 0
            token.attrSet("id", anchor)
            parsed.headings.append((int(token.tag[1]), title, anchor))
        elif token.type == "inline":
            for child in token.children or []:
                if child.type == "link_open":
                    href = str(child.attrGet("href") or "")
                    if href and not _EXTERNAL.match(href):
                        parsed.links.append(href)
                        slug, _, anchor = href.partition("#")
                        target = f"{SECTION_SCHEME}:{slug}" if slug else ""
                        child.attrSet("href", f"{target}#{anchor}" if anchor else target)
            text_parts.append(_inline_text(token))
        elif token.type in ("fence", "code_block"):
            text_parts.append(token.content)
    parsed.text = "\n".join(part for part in text_parts if part)
    return parsed


def _task_items(tokens: list[Token]) -> list[tuple[str, str, Token]]:
    """Checklist items: (key, text, the inline token holding the text)."""
    items = []
    for index, token in enumerate(tokens):
        if token.type != "list_item_open" or index + 2 >= len(tokens):
            continue
        inline = tokens[index + 2]
        if inline.type == "inline" and _TASK.match(inline.content):
            if "key" not in inline.meta:  # the id is taken out of the text once
                explicit = _take_id(inline)
                inline.meta["key"] = explicit or slugify(_TASK.sub("", inline.content))[:100]
            items.append((inline.meta["key"], _TASK.sub("", inline.content), inline))
    return items


def parse_section(markdown: str) -> ParsedSection:
    """Headings, internal links, checklist items and plain text of a section."""
    return _annotate(_MD.parse(markdown))


def parse_tokens(markdown: str) -> list[Token]:
    """markdown-it tokens of a section, ids taken out and internal links as `hb:` URLs."""
    tokens = _MD.parse(markdown)
    _annotate(tokens)
    return tokens


def id_places(markdown: str) -> tuple[list[tuple[int, int]], list[int]]:
    """Where ids go: (level, line) of each heading, and the last line of each checklist
    item's text, counted from 0 in `markdown`, in reading order."""
    tokens = _MD.parse(markdown)
    headings = [(int(token.tag[1]), token.map[0]) for token in tokens
                if token.type == "heading_open" and token.map]
    items = []
    for index, token in enumerate(tokens):
        if token.type == "list_item_open" and index + 2 < len(tokens):
            paragraph, inline = tokens[index + 1], tokens[index + 2]
            if inline.type == "inline" and _TASK.match(inline.content) and paragraph.map:
                items.append(paragraph.map[1] - 1)
    return headings, items


def with_ids(markdown: str, anchors: list[str], keys: list[str]) -> str:
    """`markdown` with `{#id}` at the end of its nth heading and nth checklist item, from
    `anchors` and `keys` (the English original's, same count and order)."""
    headings, items = id_places(markdown)
    lines = markdown.split("\n")
    for line, ident in [*zip((line for _, line in headings), anchors, strict=True),
                        *zip(items, keys, strict=True)]:
        lines[line] = f"{_EXPLICIT_ID.sub('', lines[line]).rstrip()} {{#{ident}}}"
    return "\n".join(lines)


def render_html(markdown: str, *, ticked: frozenset[str] = frozenset()) -> str:
    """HTML for the reader; checklist items show ☑/☐ as `tick:KEY` links."""
    tokens = _MD.parse(markdown)
    _annotate(tokens)
    for key, _text, inline in _task_items(tokens):
        first = (inline.children or [None])[0]
        if first is not None and first.type == "text":
            first.content = _TASK.sub("", first.content)
        box = "☑" if key in ticked else "☐"
        marker = Token("html_inline", "", 0)
        marker.content = (
            f'<a class="tick" href="{TICK_SCHEME}:{html.escape(key)}">{box}</a>&nbsp;'
        )
        inline.children = [marker, *(inline.children or [])]
    _mark_checklists(tokens)
    for token in tokens:
        if token.type == "heading_open":
            anchor = html.escape(str(token.attrGet("id")))
            inline_index = tokens.index(token) + 1
            marker = Token("html_inline", "", 0)
            marker.content = f'<a name="{anchor}"></a>'
            tokens[inline_index].children = [marker, *(tokens[inline_index].children or [])]
    return str(_MD.renderer.render(tokens, _MD.options, {}))


def _mark_checklists(tokens: list[Token]) -> None:
    """Lists made only of checklist items get class="checklist" (the box replaces the bullet)."""
    open_lists: list[tuple[Token, list[bool]]] = []  # a list, and whether each item is a task
    for index, token in enumerate(tokens):
        if token.type.endswith("_list_open"):
            open_lists.append((token, []))
        elif token.type == "list_item_open" and open_lists:
            inline = tokens[index + 2] if index + 2 < len(tokens) else None
            open_lists[-1][1].append(inline is not None and inline.type == "inline" and any(
                child.type == "html_inline" and 'class="tick"' in child.content
                for child in inline.children or []))
        elif token.type.endswith("_list_close") and open_lists:
            opened, tasks = open_lists.pop()
            if tasks and all(tasks):
                opened.attrSet("class", "checklist")
