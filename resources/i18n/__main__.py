"""Bring the translations up to date: `python3 -m resources.i18n [--check]`.

1. Qt, for the interface: `pyside6-lupdate` extracts every `tr()` / `translate()` of ui/
   into `resources/i18n/fieldkit_<lang>.ts` (obsolete entries dropped), and
   `pyside6-lrelease` compiles each to `fieldkit_<lang>.qm`.
2. gettext, for the core, the sync client and the HQ pages: Babel extracts `_()`, `N_()`,
   `ngettext()`, `pgettext()` of fieldapp/, sync/ and hq/ (with the HQ templates) into
   `fieldkit.pot`, merges it into `<lang>/LC_MESSAGES/fieldkit.po` and compiles `.mo`.

Compiled files are committed, so a plain `pip install` has them; the tests check that they
match their sources and that nothing is left unfinished. `--check` changes nothing and
exits 1 when a source string is missing from a catalog or a translation is unfinished.
Translators edit the `.ts` files (Qt Linguist, or any editor) and the `.po` files.
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
LANGS = ("fr", "es")  # English is the source language
DOMAIN = "fieldkit"
UI_DIRS = ("ui",)
CORE_DIRS = ("fieldapp", "sync", "hq")
KEYWORDS = {"_": None, "N_": None, "gettext": None, "ngettext": (1, 2),
            "pgettext": ((1, "c"), 2), "npgettext": ((1, "c"), 2, 3)}
METHODS = [("**.py", "python"), ("**/templates/**.html", "jinja2")]
OPTIONS = {"**/templates/**.html": {"extensions": "jinja2.ext.i18n", "trimmed": "true"}}
FIXED = datetime(2026, 1, 1, tzinfo=UTC)  # stable headers: no diff on every run
# The two forms translators know (CLDR's third, for millions, is left out).
PLURALS = {"fr": (2, "(n > 1)"), "es": (2, "(n != 1)")}


def ts_path(lang: str) -> Path:
    """The interface's translation source for a language."""
    return HERE / f"{DOMAIN}_{lang}.ts"


def po_path(lang: str) -> Path:
    """The core's translation source for a language."""
    return HERE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def ui_sources() -> list[str]:
    """Every Python file of the interface, relative to the project root."""
    return sorted(str(p.relative_to(ROOT)) for d in UI_DIRS for p in (ROOT / d).rglob("*.py"))


def update_ts(lang: str) -> None:
    """Extract the interface's text into the language's .ts file, dropping obsolete text
    (for English, the source language, only the texts with plural forms: "%n contact(s)"
    reads "1 contact", "2 contacts")."""
    plural_only = ["-pluralonly"] if lang == "en" else []
    subprocess.run(["pyside6-lupdate", *ui_sources(), "-no-obsolete", "-locations", "none",
                    *plural_only, "-target-language", lang, "-ts", str(ts_path(lang))],
                   cwd=ROOT, check=True, capture_output=True)


def compile_ts(lang: str, target: Path | None = None) -> Path:
    """Compile a .ts file to .qm (beside it unless `target`)."""
    target = target or ts_path(lang).with_suffix(".qm")
    subprocess.run(["pyside6-lrelease", str(ts_path(lang)), "-qm", str(target)],
                   check=True, capture_output=True)
    return target


def extract_core() -> Catalog:
    """The core's and HQ's text, as a template catalog."""
    template = Catalog(project="CMCoord Field Kit", creation_date=FIXED, fuzzy=False)
    for folder in CORE_DIRS:
        for filename, lineno, message, comments, context in extract_from_dir(
                ROOT / folder, method_map=METHODS, options_map=OPTIONS, keywords=KEYWORDS,
                comment_tags=("Translators:",), strip_comment_tags=True):
            template.add(message, None, [(f"{folder}/{filename}", lineno)],
                         auto_comments=comments, context=context)
    return template


def update_po(lang: str, template: Catalog) -> Catalog:
    """Merge the template into the language's .po (new text unfinished, gone text dropped)."""
    path = po_path(lang)
    if path.exists():
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=lang)
    else:
        catalog = Catalog(locale=lang, project="CMCoord Field Kit", creation_date=FIXED,
                          fuzzy=False)
    catalog._num_plurals, catalog._plural_expr = PLURALS[lang]  # noqa: SLF001
    catalog.update(template, no_fuzzy_matching=True)
    catalog.obsolete.clear()
    catalog.revision_date = FIXED
    path.parent.mkdir(parents=True, exist_ok=True)
    out = io.BytesIO()
    write_po(out, catalog, width=96, omit_header=False, no_location=True, sort_output=True)
    path.write_bytes(out.getvalue())
    return catalog


def compile_po(lang: str, target: Path | None = None) -> Path:
    """Compile a .po file to .mo (beside it unless `target`); unfinished text is left out."""
    with po_path(lang).open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    target = target or po_path(lang).with_suffix(".mo")
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    target.write_bytes(out.getvalue())
    return target


def unfinished_po(lang: str) -> list[str]:
    """Source texts of the .po file without a translation (or marked fuzzy)."""
    with po_path(lang).open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    missing = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            missing.append(message.id if isinstance(message.id, str) else message.id[0])
    return missing


def main(argv: list[str] | None = None) -> int:
    """Update every catalog and compile it; or with --check, only say what is out of date."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="change nothing; exit 1 when a catalog is behind its source")
    args = parser.parse_args(argv)
    if args.check:
        from resources.i18n.check import problems  # the same checks as the test suite
        found = problems()
        for problem in found:
            print(problem)
        return 1 if found else 0
    template = extract_core()
    out = io.BytesIO()
    write_po(out, template, width=96, no_location=True, sort_output=True)
    (HERE / f"{DOMAIN}.pot").write_bytes(out.getvalue())
    update_ts("en")
    compile_ts("en")
    for lang in LANGS:
        update_ts(lang)
        compile_ts(lang)
        update_po(lang, template)
        compile_po(lang)
        print(f"{lang}: {len(unfinished_po(lang))} core texts unfinished")
    return 0


if __name__ == "__main__":
    sys.exit(main())
