"""Importing real exports: every file of tests/data/imports gives what expected.json says.

The corpus imitates, byte for byte, what Android, iOS, feature phones, Google Contacts,
Outlook, Thunderbird, Excel and HXL tools write (tests/data/imports/README.md says which
program and documentation each file follows). For each file the preview must add the records
listed, reject the lines listed, show the warnings on their lines in sentences, list the
columns with what they map to, and name the encoding; refused files must say what they are.
Importing a file a second time must add nothing.
"""

from __future__ import annotations

import codecs
import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

from fieldapp.importexport.common import ImportFileError
from fieldapp.importexport.contacts import ImportPreview, apply_import, preview_import
from fieldapp.progress import Progress
from tests.fieldapp.sentences import reads_as_a_sentence

CORPUS = Path(__file__).resolve().parents[1] / "data" / "imports"
EXPECTED: dict[str, dict[str, Any]] = {
    name: spec for name, spec in json.loads(
        (CORPUS / "expected.json").read_text("utf-8")).items() if not name.startswith("_")}
READ = sorted(name for name, spec in EXPECTED.items() if "refused" not in spec)
REFUSED = sorted(name for name, spec in EXPECTED.items() if "refused" in spec)
WITH_ENCODING = sorted(name for name in READ if "encoding" in EXPECTED[name])
REIMPORTED = ["android_21_qp.vcf", "outlook_en.csv", "thunderbird.csv"]


def _preview(db, op_id: str, name: str) -> ImportPreview:
    with db.session() as session:
        return preview_import(session, CORPUS / name, operation_id=op_id)


def _same_label(a: str, b: str) -> bool:
    return a.strip().casefold() == b.strip().casefold()


def _codec(name: str) -> str:
    return codecs.lookup(name).name


def _all_warnings(preview: ImportPreview) -> list:
    rows = [*preview.to_add, *(match.row for match in preview.matches)]
    return [*preview.warnings, *(w for row in rows for w in row.warnings)]


def _phone_matches(spec: list | dict, phone) -> bool:
    if isinstance(spec, list):
        spec = {"kind": spec[0], "number": spec[1]}
    number = phone.number
    return (spec.get("kind", phone.kind) == phone.kind
            and spec.get("number", number) == number
            and number.startswith(spec.get("starts_with", ""))
            and spec.get("contains", "") in number)


def _phone_problems(expected: list, phones: list) -> list[str]:
    left = list(phones)
    problems = []
    for spec in expected:
        found = next((p for p in left if _phone_matches(spec, p)), None)
        if found is None:
            problems.append(f"no phone like {spec}")
        else:
            left.remove(found)
    problems += [f"a phone not expected: {p.kind} {p.number}" for p in left]
    return problems


def _record_problems(spec: dict, row) -> list[str]:
    data = row.data
    problems = []
    for name in ("given_name", "family_name", "role", "location"):
        if name in spec and getattr(data, name) != spec[name]:
            problems.append(f"{name} is {getattr(data, name)!r}, not {spec[name]!r}")
    if "full_name" in spec:
        shown = getattr(data, "full_name", None)
        parts = f"{data.given_name} {data.family_name}".strip()
        if shown != spec["full_name"] and not (shown == "" and parts == spec["full_name"]):
            problems.append(f"full_name is {shown!r}, not {spec['full_name']!r}")
    if "organisation" in spec and row.organisation != spec["organisation"]:
        problems.append(f"organisation is {row.organisation!r}, not {spec['organisation']!r}")
    if "emails" in spec and sorted(data.emails) != sorted(spec["emails"]):
        problems.append(f"emails are {data.emails}, not {spec['emails']}")
    if "phones" in spec:
        problems += _phone_problems(spec["phones"], data.phones)
    problems += [f"notes {data.notes!r} lack {text!r}"
                 for text in spec.get("notes_contains", []) if text not in data.notes]
    problems += [f"role is the courtesy title {data.role!r}"
                 for title in spec.get("role_not", []) if data.role == title]
    return problems


@pytest.mark.parametrize("name", READ)
def test_records_added_as_the_program_wrote_them(db, op_id, name):
    spec = EXPECTED[name]
    preview = _preview(db, op_id, name)
    assert preview.format == spec["format"]
    added = {row.line: row for row in preview.to_add}
    wanted = {record["line"]: record for record in spec["records"]}
    assert sorted(added) == sorted(wanted), (
        f"rows added {sorted(added)}; rejected {[(r.line, r.reason) for r in preview.rejected]}")
    problems = {line: _record_problems(wanted[line], added[line]) for line in wanted}
    assert {line: found for line, found in problems.items() if found} == {}


@pytest.mark.parametrize("name", READ)
def test_only_broken_rows_are_rejected_and_say_why(db, op_id, name):
    spec = EXPECTED[name]
    preview = _preview(db, op_id, name)
    rejected = {row.line: row.reason for row in preview.rejected}
    assert sorted(rejected) == sorted(r["line"] for r in spec["rejected"]), rejected
    for expected in spec["rejected"]:
        reason = rejected[expected["line"]]
        assert all(word in reason for word in expected.get("reason_contains", [])), reason


@pytest.mark.parametrize("name", READ)
def test_warnings_sit_on_their_lines_and_read_as_sentences(db, op_id, name):
    spec = EXPECTED[name]
    preview = _preview(db, op_id, name)
    warnings = _all_warnings(preview)
    found = {(w.line, str(w.kind)) for w in warnings}
    missing = [w for w in spec["warnings"]
               if not any((line, w["kind"]) in found for line in w["lines"])]
    assert missing == [], f"warnings given: {sorted(found)}"
    assert [w.message for w in warnings if not reads_as_a_sentence(w.message)] == []


@pytest.mark.parametrize("name", READ)
def test_nothing_is_replaced_in_a_clean_file(db, op_id, name):
    if EXPECTED[name].get("allow_replaced"):
        pytest.skip("this file holds a byte that is not text on purpose")
    preview = _preview(db, op_id, name)
    assert [(w.line, w.message) for w in _all_warnings(preview) if w.kind == "replaced"] == []
    texts = [(row.line, value) for row in preview.to_add
             for value in (row.data.given_name, row.data.family_name, row.organisation,
                           row.data.role, row.data.notes, row.data.location,
                           getattr(row.data, "full_name", ""))]
    assert [(line, value) for line, value in texts if "\ufffd" in value] == []


@pytest.mark.parametrize("name", READ)
def test_columns_are_listed_with_what_they_fill(db, op_id, name):
    spec = EXPECTED[name]
    preview = _preview(db, op_id, name)
    listed = [(column.label, column.maps_to) for column in preview.columns]
    missing = [c for c in spec["columns"]
               if not any(_same_label(label, c["label"]) and maps_to == c["maps_to"]
                          for label, maps_to in listed)]
    assert missing == [], f"columns listed: {listed}"


@pytest.mark.parametrize("name", [n for n in READ if EXPECTED[n]["left_out"]])
def test_columns_nothing_maps_are_left_out_with_a_warning(db, op_id, name):
    preview = _preview(db, op_id, name)
    left_out_warnings = [w.message for w in preview.warnings if w.kind == "column-left-out"]
    for label in EXPECTED[name]["left_out"]:
        columns = [c for c in preview.columns if _same_label(c.label, label)]
        assert columns, f"{label} is not listed"
        assert all(c.maps_to == "" for c in columns), (label, columns)
        assert any(label.casefold() in message.casefold() for message in left_out_warnings), (
            label, left_out_warnings)


@pytest.mark.parametrize("name", WITH_ENCODING)
def test_encoding_is_named_and_said_when_guessed(db, op_id, name):
    spec = EXPECTED[name]
    preview = _preview(db, op_id, name)
    assert _codec(preview.encoding) in {_codec(e) for e in spec["encoding"]}
    assert preview.encoding_guessed is spec["encoding_guessed"]
    guessed_warnings = [w for w in preview.warnings if w.kind == "encoding-guessed"]
    assert bool(guessed_warnings) is spec["encoding_guessed"], guessed_warnings


@pytest.mark.parametrize("name", READ)
def test_preview_names_what_the_file_looked_like(db, op_id, name):
    preview = _preview(db, op_id, name)
    assert EXPECTED[name]["kind_contains"] in getattr(preview, "kind", "")


@pytest.mark.parametrize("name", REFUSED)
def test_hxl_dataset_of_something_else_is_refused_saying_what_it_is(db, op_id, name):
    words = EXPECTED[name]["refused"]
    with pytest.raises(ImportFileError) as refused:
        _preview(db, op_id, name)
    message = str(refused.value)
    folded = message.casefold()
    assert all(word.casefold() in folded for word in words.get("all", [])), message
    assert any(word.casefold() in folded for word in words.get("any", [""])), message
    assert not any(word.casefold() in folded for word in words.get("none", [])), message
    assert reads_as_a_sentence(refused.value.reason), message


@pytest.mark.parametrize("name", REIMPORTED)
def test_importing_the_same_file_again_adds_nothing(db, op_id, name):
    with db.transaction() as session:
        first = preview_import(session, CORPUS / name, operation_id=op_id)
        apply_import(session, first, {}, progress=Progress())
    again = _preview(db, op_id, name)
    assert [row.line for row in again.to_add] == []
    assert sorted(match.line for match in again.matches) == sorted(
        row.line for row in first.to_add)


def _corpus_script():
    spec = importlib.util.spec_from_file_location("make_corpus", CORPUS / "make_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_corpus_files_are_what_the_script_writes():
    built = _corpus_script().build()
    on_disk = {path.name: path.read_bytes() for path in CORPUS.iterdir()
               if path.suffix in (".vcf", ".csv")}
    assert sorted(on_disk) == sorted(built)
    assert [name for name, data in built.items() if on_disk[name] != data] == []


def test_every_corpus_file_has_an_expectation_and_a_readme_entry():
    files = sorted(path.name for path in CORPUS.iterdir() if path.suffix in (".vcf", ".csv"))
    readme = (CORPUS / "README.md").read_text("utf-8")
    assert sorted(EXPECTED) == files
    assert [name for name in files if f"`{name}`" not in readme] == []
