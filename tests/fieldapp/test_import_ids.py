"""Imports never reuse another scope's row ids: a file's id finds the row it came from in the
import's own scope (its operation's rows and the global ones); a row the file adds gets
an id of its own — derived from the file's id and the operation, so importing the same
file again (here or on a colleague's laptop in the same operation) makes the same rows."""

from __future__ import annotations

import shutil

import pytest
from sqlalchemy import select

from fieldapp.db import Database
from fieldapp.importexport.assets import (
    apply_asset_import,
    export_assets_csv,
    preview_asset_import,
)
from fieldapp.importexport.contacts import apply_import, preview_import
from fieldapp.importexport.contacts_export import export_contacts_csv, export_vcard
from fieldapp.models import Asset, Contact, Operation
from fieldapp.paths import resolve_profile
from fieldapp.progress import Progress
from fieldapp.services.assets import AssetInput, create_asset, delete_asset
from fieldapp.services.contacts import ContactInput, create_contact


@pytest.fixture
def two_ops(make_operation) -> tuple[str, str]:
    """Operation A (where the file was exported) and B (where it is imported)."""
    return (make_operation("Cyclone Ana", "CYA", "MOZ").id,
            make_operation("Flood Kisumu", "KSM", "KEN").id)


@pytest.fixture
def colleague_db(tmp_path, _migrated_template):
    """Another laptop, where operation B exists (synced) but none of A's rows."""
    root = tmp_path / "colleague"
    shutil.copytree(_migrated_template, root)
    database = Database.open(resolve_profile(root))
    yield database
    database.close()


def _with_operation(db, op_id):
    with db.transaction() as session:
        session.add(Operation(id=op_id, name="Flood Kisumu", code="KSM", country="KEN"))


def _assets_of(db, op_id):
    with db.session() as session:
        return set(session.scalars(select(Asset.id).where(Asset.operation_id == op_id,
                                                          Asset.deleted.is_(False))))


def _asset_file(db, op_a):
    with db.transaction() as session:
        for unit in ("Air Wing 3", "Engineers 5"):
            create_asset(session, AssetInput(category="airlift_helicopter", provider_state="NOR",
                                             description=f"Support from {unit}",
                                             provider_unit=unit), operation_id=op_a)
    with db.session() as session:
        return export_assets_csv(session, operation_id=op_a)


def _import_assets(db, content, op_id):
    with db.transaction() as session:
        preview = preview_asset_import(session, content, operation_id=op_id)
        result = apply_asset_import(session, preview, {}, progress=Progress())
    return preview, result


def test_assets_imported_into_another_operation_get_ids_of_their_own(db, two_ops):
    op_a, op_b = two_ops
    content = _asset_file(db, op_a)
    file_ids = _assets_of(db, op_a)
    preview, result = _import_assets(db, content, op_b)
    assert (len(preview.to_add), preview.matches) == (2, [])  # A's rows are not B's
    assert set(result.asset_ids) == _assets_of(db, op_b)
    assert not set(result.asset_ids) & file_ids
    assert _assets_of(db, op_a) == file_ids


def test_a_laptop_without_the_files_rows_does_not_take_their_ids(db, colleague_db, two_ops):
    op_a, op_b = two_ops
    content = _asset_file(db, op_a)
    _with_operation(colleague_db, op_b)
    _, result = _import_assets(colleague_db, content, op_b)
    assert len(result.asset_ids) == 2
    assert not set(result.asset_ids) & _assets_of(db, op_a)  # HQ holds those for A


def test_the_same_file_imported_in_the_same_operation_makes_the_same_rows(
        db, colleague_db, two_ops):
    op_a, op_b = two_ops
    content = _asset_file(db, op_a)
    _, here = _import_assets(db, content, op_b)
    _with_operation(colleague_db, op_b)
    _, there = _import_assets(colleague_db, content, op_b)
    assert set(here.asset_ids) == set(there.asset_ids)
    preview, again = _import_assets(db, content, op_b)
    assert (preview.to_add, len(preview.matches)) == ([], 2)
    assert {m.matched_on for m in preview.matches} == {"the same id"}
    assert set(again.asset_ids) == set(here.asset_ids) == _assets_of(db, op_b)


def test_a_global_import_gets_ids_of_its_own(db, two_ops):
    op_a, _ = two_ops
    content = _asset_file(db, op_a)
    _, result = _import_assets(db, content, None)
    assert len(result.asset_ids) == 2
    assert not set(result.asset_ids) & _assets_of(db, op_a)


def test_reimport_after_a_delete_adds_the_row_again_under_a_new_id(db, two_ops):
    op_a, op_b = two_ops
    content = _asset_file(db, op_a)
    _, first = _import_assets(db, content, op_b)
    with db.transaction() as session:
        delete_asset(session, first.asset_ids[0])
    preview, again = _import_assets(db, content, op_b)
    assert (len(preview.to_add), len(preview.matches)) == (1, 1)
    assert len(_assets_of(db, op_b)) == 2
    assert first.asset_ids[0] not in again.asset_ids


def test_an_export_reimported_where_it_came_from_matches_by_id_however_it_is_written(
        db, two_ops):
    op_a, _ = two_ops
    content = _asset_file(db, op_a).decode("utf-8-sig")
    for asset_id in _assets_of(db, op_a):
        content = content.replace(asset_id, asset_id.upper())
    content = content.replace("Support from", "Renamed support from")  # only the id matches
    preview, _ = _import_assets(db, content.encode(), op_a)
    assert (preview.to_add, len(preview.matches)) == ([], 2)
    assert {m.existing_id for m in preview.matches} == _assets_of(db, op_a)


def _contacts_of(db, op_id):
    with db.session() as session:
        return set(session.scalars(select(Contact.id).where(Contact.operation_id == op_id,
                                                            Contact.deleted.is_(False))))


def _name_only_contacts(db, op_a):
    """Contacts a file can match by id only (no e-mail, no phone)."""
    with db.transaction() as session:
        for given in ("Amina", "Kwame"):
            create_contact(session, ContactInput(given_name=given, family_name="Field"),
                           operation_id=op_a)


def _import_contacts(db, content, op_id):
    with db.transaction() as session:
        preview = preview_import(session, content, operation_id=op_id)
        result = apply_import(session, preview, {}, progress=Progress())
    return preview, result


@pytest.mark.parametrize("export", [export_vcard, export_contacts_csv])
def test_contacts_imported_elsewhere_never_keep_the_files_ids(
        db, colleague_db, two_ops, export):
    op_a, op_b = two_ops
    _name_only_contacts(db, op_a)
    with db.session() as session:
        content = export(session, operation_id=op_a)
    file_ids = _contacts_of(db, op_a)
    _, here = _import_contacts(db, content, op_b)
    _with_operation(colleague_db, op_b)
    _, there = _import_contacts(colleague_db, content, op_b)
    assert len(here.contact_ids) == 2
    assert not set(here.contact_ids) & file_ids
    assert set(here.contact_ids) == set(there.contact_ids)  # same file, same operation
    preview, _ = _import_contacts(db, content, op_b)
    assert (preview.to_add, {m.matched_on for m in preview.matches}) == ([], {"the same id"})
    assert len(_contacts_of(db, op_b)) == 2
    preview, _ = _import_contacts(db, content, op_a)  # back where it came from
    assert {m.existing_id for m in preview.matches} == file_ids
