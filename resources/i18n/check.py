"""What is out of date or unfinished in the translations: `python3 -m resources.i18n
--check` and tests/fieldapp/test_translation_catalogs.py ask the same questions."""

from __future__ import annotations

import io
import re
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from resources.i18n.__main__ import (
    LANGS,
    ROOT,
    compile_ts,
    extract_core,
    po_path,
    ts_path,
    ui_sources,
)

_PLACEHOLDER = re.compile(r"\{[a-z_0-9]*\}|%\([a-z_]+\)s|%n|%\d|</?[a-z]+[^>]*>")


def placeholders(text: str) -> list[str]:
    """The placeholders and tags of a text, sorted (their order may change)."""
    return sorted(_PLACEHOLDER.findall(text))


def ts_messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) → <message> of a .ts file."""
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[name, message.findtext("source") or ""] = message
    return found


def _fresh_ts(lang: str, folder: Path) -> Path:
    """The interface's text as lupdate extracts it from today's source (for English, the
    source language, only the texts with plural forms)."""
    target = folder / f"fresh_{lang}.ts"
    plural_only = ["-pluralonly"] if lang == "en" else []
    subprocess.run(["pyside6-lupdate", *ui_sources(), "-locations", "none", *plural_only,
                    "-ts", str(target)], cwd=ROOT, check=True, capture_output=True)
    return target


def ts_problems(lang: str) -> list[str]:
    """Unfinished, obsolete, missing or damaged entries of a language's .ts file."""
    problems = []
    messages = ts_messages(ts_path(lang))
    with tempfile.TemporaryDirectory() as tmp:
        fresh = set(ts_messages(_fresh_ts(lang, Path(tmp))))
        for key in sorted(fresh - set(messages)):
            problems.append(f"{lang}.ts: missing {key}")
        compiled = compile_ts(lang, Path(tmp) / "check.qm").read_bytes()
    for key, message in messages.items():
        translation = message.find("translation")
        kind = translation.get("type") if translation is not None else "missing"
        if key not in fresh or kind in ("obsolete", "vanished"):
            problems.append(f"{lang}.ts: obsolete {key}")
        elif kind == "unfinished":
            problems.append(f"{lang}.ts: unfinished {key}")
        else:
            forms = [f.text or "" for f in translation.iter("numerusform")] or \
                [translation.text or ""]
            for form in forms:
                if placeholders(form) != placeholders(key[1]):
                    problems.append(f"{lang}.ts: placeholders differ in {key}: {form!r}")
    if compiled != ts_path(lang).with_suffix(".qm").read_bytes():
        problems.append(f"{lang}: fieldkit_{lang}.qm is older than its .ts "
                        "(python3 -m resources.i18n)")
    return problems


def po_problems(lang: str) -> list[str]:
    """Unfinished, obsolete, missing or damaged entries of a language's .po file."""
    problems = []
    with po_path(lang).open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    template = extract_core()
    wanted = {(m.id if isinstance(m.id, str) else m.id[0], m.context) for m in template if m.id}
    have = {}
    for message in catalog:
        if message.id:
            have[message.id if isinstance(message.id, str) else message.id[0],
                 message.context] = message
    for key in sorted(wanted - set(have), key=str):
        problems.append(f"{lang}.po: missing {key}")
    for key, message in have.items():
        if key not in wanted:
            problems.append(f"{lang}.po: obsolete {key}")
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        sources = message.id if isinstance(message.id, tuple) else (message.id,)
        if message.fuzzy or not all(strings):
            problems.append(f"{lang}.po: unfinished {key}")
            continue
        for form in strings:
            if not set(placeholders(form)) <= set(placeholders(" ".join(sources))) or \
                    not set(placeholders(sources[-1])) - {"{count}"} <= set(placeholders(form)):
                problems.append(f"{lang}.po: placeholders differ in {key}: {form!r}")
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    if out.getvalue() != po_path(lang).with_suffix(".mo").read_bytes():
        problems.append(f"{lang}: fieldkit.mo is older than its .po (python3 -m resources.i18n)")
    return problems


def problems() -> list[str]:
    """Everything the translations lack, in every language."""
    return [*ts_problems("en"),
            *(p for lang in LANGS for p in (*ts_problems(lang), *po_problems(lang)))]
