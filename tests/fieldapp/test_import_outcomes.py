"""What the contacts import keeps of a record that is partly wrong, how a re-import
finds what is already there, and where each warning is shown."""

from __future__ import annotations

import pytest

from fieldapp.importexport.common import ImportWarning, SourceColumn, WarningKind
from fieldapp.importexport.contacts import (
    ImportPreview,
    all_warnings,
    apply_import,
    preview_import,
)
from fieldapp.importexport.csv_hxl import header_signature
from fieldapp.progress import Progress
from tests.fieldapp.sentences import reads_as_a_sentence


def _preview(db, text: str, op_id: str | None) -> ImportPreview:
    with db.session() as session:
        return preview_import(session, text.encode(), operation_id=op_id)


def _import(db, text: str, op_id: str | None) -> ImportPreview:
    with db.transaction() as session:
        preview = preview_import(session, text.encode(), operation_id=op_id)
        apply_import(session, preview, {}, progress=Progress())
    return preview


def _kinds(warnings) -> list[tuple[int, WarningKind]]:
    return [(w.line, w.kind) for w in warnings]


def test_one_bad_email_is_left_out_and_the_rest_of_the_card_kept(db, op_id):
    preview = _preview(db, "Name;E-mail;Role\n"
                           "Amina Diallo;amina@wfp.org, not-an-address;Logistics\n", op_id)
    (row,) = preview.to_add
    assert row.data.emails == ["amina@wfp.org"]
    assert row.data.role == "Logistics"
    assert _kinds(row.warnings) == [(2, WarningKind.VALUE_DROPPED)]
    assert "not-an-address" in row.warnings[0].message
    assert reads_as_a_sentence(row.warnings[0].message)
    assert not preview.rejected


@pytest.mark.parametrize(("email", "made"), [
    ("amina.diallo@wfp.org", "Amina Diallo"), ("jean_dupont@ocha.org", "Jean Dupont"),
    ("k-mensah@un.org", "K Mensah")])
def test_a_record_with_only_an_email_is_named_after_it_and_marked(db, op_id, email, made):
    preview = _preview(db, f"E-mail,Role\n{email},Liaison\n", op_id)
    (row,) = preview.to_add
    assert (row.data.full_name, row.data.emails) == (made, [email])
    assert _kinds(row.warnings) == [(2, WarningKind.NAME_MADE)]
    assert made in row.warnings[0].message
    assert reads_as_a_sentence(row.warnings[0].message)


def test_a_record_with_only_an_organisation_is_named_after_it(db, op_id):
    preview = _preview(db, "Organisation,Phone\nProtection civile,+226 70 12 34 56\n", op_id)
    (row,) = preview.to_add
    assert row.data.full_name == "Protection civile"
    assert row.organisation == "Protection civile"
    assert _kinds(row.warnings) == [(2, WarningKind.NAME_MADE)]


def test_a_record_with_nothing_to_name_it_by_is_rejected(db, op_id):
    preview = _preview(db, "Name,Role\n,Driver\nAmina,Logistics\n", op_id)
    assert [r.line for r in preview.rejected] == [2]
    assert [r.data.given_name or r.data.full_name for r in preview.to_add] == ["Amina"]


def test_text_over_its_limit_is_left_out_with_a_warning_and_the_name_kept(db, op_id):
    preview = _preview(db, f"Name,Role,Location\nAmina Diallo,{'x' * 201},Kisumu\n", op_id)
    (row,) = preview.to_add
    assert (row.data.role, row.data.location) == ("", "Kisumu")
    assert _kinds(row.warnings) == [(2, WarningKind.VALUE_DROPPED)]
    assert "201" in row.warnings[0].message
    assert "200" in row.warnings[0].message
    at_limit = _preview(db, f"Name,Role\nAmina Diallo,{'x' * 200}\n", op_id)
    assert at_limit.to_add[0].data.role == "x" * 200
    assert not at_limit.to_add[0].warnings


def test_an_unknown_organisation_type_becomes_other_with_a_warning(db, op_id):
    preview = _preview(db, "Name,Organisation,Organisation type\n"
                           "Amina,WFP,Spaceship\nJean,OCHA,UN agency\n", op_id)
    first, second = preview.to_add
    assert (first.org_type, second.org_type) == ("", "un_agency")
    assert _kinds(first.warnings) == [(2, WarningKind.VALUE_DROPPED)]
    assert not second.warnings


def test_importing_a_file_twice_finds_contacts_without_email_by_name_and_organisation(db,
                                                                                      op_id):
    text = ("Name,Organisation,Role\nAmina Diallo,WFP,Logistics\nJean Dupont,,Driver\n"
            "Kwame Mensah,UNICEF,Water\n")
    first = _import(db, text, op_id)
    assert len(first.to_add) == 3
    again = _preview(db, text.replace("Amina Diallo", "AMINA  DIALLÓ"), op_id)
    assert again.to_add == []
    assert sorted(m.line for m in again.matches) == [2, 3, 4]
    said = {m.line: m.matched_on for m in again.matches}
    assert "WFP" in said[2]
    assert "name" in said[3]


def test_the_same_name_in_another_organisation_is_another_person(db, op_id):
    _import(db, "Name,Organisation\nAmina Diallo,WFP\n", op_id)
    preview = _preview(db, "Name,Organisation\nAmina Diallo,UNICEF\n", op_id)
    assert len(preview.to_add) == 1
    assert preview.matches == []


def test_a_record_with_an_email_is_not_matched_by_name_alone(db, op_id):
    _import(db, "Name,Organisation\nAmina Diallo,WFP\n", op_id)
    preview = _preview(db, "Name,Organisation,E-mail\nAmina Diallo,WFP,a2@wfp.org\n", op_id)
    assert len(preview.to_add) == 1


def test_a_name_repeated_in_one_file_matches_its_earlier_line(db, op_id):
    preview = _preview(db, "Name,Organisation\nAmina Diallo,WFP\namina diallo,wfp\n", op_id)
    assert [r.line for r in preview.to_add] == [2]
    assert [(m.line, m.earlier_line) for m in preview.matches] == [(3, 2)]


def test_every_warning_is_listed_by_line_the_files_first(db, op_id):
    with db.session() as session:
        preview = preview_import(session, b"Name,E-mail\nJean,j@x.org\nKwame,bad\n",
                                 operation_id=op_id)
    preview.warnings += [ImportWarning(7, WarningKind.SKIPPED_LINE, "Skipped."),
                         ImportWarning(0, WarningKind.ENCODING_GUESSED, "Guessed.")]
    assert [(w.line, w.kind) for w in all_warnings(preview)] == [
        (0, WarningKind.ENCODING_GUESSED), (3, WarningKind.VALUE_DROPPED),
        (7, WarningKind.SKIPPED_LINE)]


def test_a_replaced_byte_in_a_multi_line_row_is_shown_on_the_row(db, op_id):
    with db.session() as session:
        preview = preview_import(session, b'Name,Notes\nJean,"one\ntw\xff\nthree"\nKwame,x\n',
                                 operation_id=op_id, encoding="utf-8")
    (jean, _kwame) = preview.to_add
    assert [(w.line, w.kind) for w in jean.warnings] == [(3, WarningKind.REPLACED)]
    assert [w.kind for w in preview.warnings] == []


def test_files_with_the_same_header_share_a_remembered_mapping():
    def columns(*labels: str) -> list[SourceColumn]:
        return [SourceColumn(label, "", index=i) for i, label in enumerate(labels)]

    same = header_signature(columns("Name", "Mobile Number"))
    assert same == header_signature(columns("NAME", "Mobile  number"))
    assert same != header_signature(columns("Name", "Pager"))
    assert same != header_signature(columns("Mobile Number", "Name"))
    assert header_signature([SourceColumn("TEL", "phone_mobile")]) == ""


def test_the_limit_shown_of_a_long_bad_value_is_its_first_sixty_characters(db, op_id):
    bad = "x" * 59 + "yz" + "@" * 10  # 71 characters, not an e-mail
    preview = _preview(db, f"Name,E-mail\nAmina,{bad}\n", op_id)
    (warning,) = preview.to_add[0].warnings
    assert bad[:60] in warning.message
    assert bad[:61] not in warning.message
    kind = "K" * 59 + "LM" + "N" * 10
    (warning,) = _preview(db, f"Name,Organisation,Organisation type\nAmina,WFP,{kind}\n",
                          op_id).to_add[0].warnings
    assert kind[:60] in warning.message
    assert kind[:61] not in warning.message
    assert reads_as_a_sentence(warning.message)


def test_a_record_with_any_one_name_part_is_not_renamed(db, op_id):
    preview = _preview(db, "Given name,Family name,Organisation\nAmina,,WFP\n,Diallo,WFP\n",
                       op_id)
    assert [(r.data.given_name, r.data.family_name, r.data.full_name) for r in
            preview.to_add] == [("Amina", "", ""), ("", "Diallo", "")]
    assert all(not row.warnings for row in preview.to_add)


def test_a_deleted_contact_s_id_is_not_reused_when_its_file_is_imported_again(db, op_id):
    from sqlalchemy import func, select

    from fieldapp.models import Contact

    text = ("Name,ID\nAmina Diallo,6f1c7d1e-1111-4a4a-8b8b-000000000001\n")
    _import(db, text, op_id)
    with db.transaction() as session:
        session.scalars(select(Contact)).one().deleted = True
    again = _import(db, text, op_id)  # the tombstone keeps the id the file's id gives
    assert len(again.to_add) == 1
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Contact)) == 2


class _Steps(Progress):
    def __init__(self) -> None:
        super().__init__()
        self.steps: list[tuple[int, int, str]] = []

    def report(self, done: int, total: int, message: str = "") -> None:
        self.steps.append((done, total, message))
        super().report(done, total, message)


def test_writing_a_large_import_reports_each_step_and_counts_the_skipped(db, op_id):
    from fieldapp.importexport.contacts import ImportChoice
    from tests.fieldapp.sentences import reads_as_a_caption

    known = "".join(f"Person {n},p{n}@x.org\n" for n in range(300))
    _import(db, f"Name,E-mail\n{known}", op_id)
    new = "".join(f"New {n},n{n}@x.org\n" for n in range(300))
    steps = _Steps()
    with db.transaction() as session:
        preview = preview_import(session, f"Name,E-mail\n{known}{new}".encode(),
                                 operation_id=op_id)
        result = apply_import(session, preview, {2: ImportChoice.SKIP, 3: ImportChoice.SKIP},
                              progress=steps)
    assert (result.added, result.merged, result.skipped) == (300, 298, 2)
    done = [d for d, _, _ in steps.steps]
    assert done == sorted(done)
    assert steps.steps[-1][:2] == (600, 600)
    assert len({message for *_, message in steps.steps}) == 3  # adding, merging, saving
    assert all(reads_as_a_caption(message) for *_, message in steps.steps)
