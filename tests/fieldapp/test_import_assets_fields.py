"""Asset import, field by field: which column fills which field, how values are read and
refused, how a match is found and what an update changes; and an export that reads back
the same entries."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from fieldapp.i18n import in_language
from fieldapp.importexport.assets import (
    apply_asset_import,
    export_assets_csv,
    preview_asset_import,
)
from fieldapp.importexport.common import ImportFileError, WarningKind
from fieldapp.importexport.csv_hxl import read_table
from fieldapp.models import Asset, AssetStatusEvent
from fieldapp.progress import Progress
from fieldapp.services.assets import AssetFilter, AssetInput, create_asset, delete_asset
from fieldapp.services.contacts import ContactInput, create_contact, delete_contact
from tests.fieldapp.sentences import reads_as_a_sentence

FIELDS = ("category", "description", "provider_state", "provider_unit", "capacity_value",
          "capacity_unit", "quantity", "status", "latitude", "longitude", "place_name",
          "available_from", "available_to", "poc_contact_id", "cost_basis", "notes")


@pytest.fixture
def amina(db, op_id) -> str:
    """Amina Diallo, a contact of the operation, whom files name as point of contact."""
    with db.transaction() as session:
        return create_contact(session, ContactInput(
            given_name="Amina", family_name="Diallo", emails=["Amina@WFP.org"]),
            operation_id=op_id).id


def _preview(db, text: str, op_id):
    with db.session() as session:
        return preview_asset_import(session, text.encode(), operation_id=op_id)


def _import(db, text: str | bytes, op_id, choices=None, progress=None):
    content = text.encode() if isinstance(text, str) else text
    with db.transaction() as session:
        preview = preview_asset_import(session, content, operation_id=op_id)
        result = apply_asset_import(session, preview, choices or {},
                                    progress=progress or Progress())
    return preview, result


def _assets(db) -> list[Asset]:
    with db.session() as session:
        assets = session.scalars(select(Asset).where(Asset.deleted.is_(False))
                                 .order_by(Asset.description)).all()
        session.expunge_all()
    return list(assets)


def _values(asset: Asset) -> dict[str, object]:
    return {name: getattr(asset, name) for name in FIELDS}


def _one(db) -> Asset:
    (asset,) = _assets(db)
    return asset


def _add(db, op_id, **values) -> str:
    with db.transaction() as session:
        return create_asset(session, AssetInput(**{"category": "medical",
                                                   "description": "Field hospital", **values}),
                            operation_id=op_id).id


# --- columns ----------------------------------------------------------------------------------

FULL_ROW = {
    "category": "airlift_helicopter", "description": "Two medium helicopters",
    "provider_state": "NOR", "provider_unit": "Air Wing 3", "capacity_value": 4.5,
    "capacity_unit": "t", "quantity": 2, "status": "available", "latitude": -19.83,
    "longitude": 34.84, "place_name": "Beira airport", "available_from": date(2026, 3, 1),
    "available_to": date(2026, 3, 31), "cost_basis": "Free of charge",
    "notes": "Night flying", }
CELLS = ("airlift_helicopter,Two medium helicopters,NOR,Air Wing 3,4.5,t,2,available,"
         "-19.83,34.84,Beira airport,2026-03-01,31/03/2026,amina@wfp.org,Free of charge,"
         "Night flying,2026-02-20\n")


@pytest.mark.parametrize("header", [
    "Category,Description,Provider state,Provider unit,Capacity,Capacity unit,Quantity,"
    "Status,Latitude,Longitude,Place,Available from,Available to,POC email,Cost basis,Notes,"
    "Last confirmed",
    "Type,Asset,Country,Unit,Capacity value,Unit of capacity,Qty,Statut,Lat,Lng,Location,"
    "Start date,End date,Contact email,Cost,Remarks,Confirmed on",
    "#item+category,#item+name,#country+code,#org+provider,#capacity,#capacity+unit,#item+num,"
    "#status,#geo+lat,#geo+lon,#loc+name,#date+start,#date+end,#contact+email,#meta+cost,"
    "#meta+notes,#date+confirmed",
    "#item+type,#item+description,#country+name,#org+unit,#capacity+num,#capacity+unit,"
    "#item+quantity,#status,#geo+lat,#geo+long,#adm1+name,#date+available+start,"
    "#date+available+end,#contact+email,#value+cost,#description+notes,#date+confirmed",
])
def test_every_column_fills_its_field_by_header_text_or_hashtag(db, op_id, amina, header):
    preview, _ = _import(db, f"{header}\n{CELLS}", op_id)
    assert preview.rejected == []
    asset = _one(db)
    assert _values(asset) == {**FULL_ROW, "poc_contact_id": amina}
    assert asset.confirmed_at == datetime(2026, 2, 20, 12, tzinfo=UTC)
    assert asset.operation_id == op_id


def test_a_global_import_makes_global_entries(db, op_id):
    _import(db, "Category,Description\nmedical,Clinic\n", None)
    assert _one(db).operation_id is None


def test_empty_cells_take_the_form_defaults(db, op_id):
    _import(db, "Category,Description,Status,Quantity,Capacity,Latitude,From\n"
                "medical,Clinic,  , ,,,\n", op_id)
    asset = _one(db)
    assert (asset.status, asset.quantity, asset.capacity_value, asset.latitude,
            asset.available_from) == ("offered", 1, None, None, None)


def test_text_cells_are_stored_without_surrounding_spaces(db, op_id):
    _import(db, "Category,Description,Unit,Place,Cost,Notes,Capacity unit\n"
                "medical,  Clinic ,  Role 2 , Beira ,  free , note  ,  beds \n", op_id)
    asset = _one(db)
    assert (asset.description, asset.provider_unit, asset.place_name, asset.cost_basis,
            asset.notes, asset.capacity_unit) == ("Clinic", "Role 2", "Beira", "free", "note",
                                                  "beds")


@pytest.mark.parametrize(("category", "status"), [
    ("airlift_helicopter", "available"), ("AIRLIFT_HELICOPTER", "Available"),
    ("airlift helicopter", " available "), ("airlift-helicopter", "AVAILABLE"),
    ("Airlift (helicopter)", "Available"),
])
def test_category_and_status_are_read_by_code_or_label(db, op_id, category, status):
    _import(db, f'Category,Description,Status\n"{category}",Lift,{status}\n', op_id)
    asset = _one(db)
    assert (asset.category, asset.status) == ("airlift_helicopter", "available")


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_labels_are_read_in_any_language_whatever_the_officer_works_in(db, op_id, lang):
    with in_language(lang):
        _import(db, "Category,Description,Status\n"
                    '"Airlift (helicopter)",Lift,Available\n'
                    '"Transport aérien (hélicoptère)",Lift 2,Disponible\n'
                    '"Transporte aéreo (helicóptero)",Lift 3,disponible\n', op_id)
    assert [(a.category, a.status) for a in _assets(db)] == [
        ("airlift_helicopter", "available")] * 3


@pytest.mark.parametrize(("column", "cell", "words"), [
    ("Quantity", "2.5", ("2.5", "whole")), ("Quantity", "many", ("many", "quantity")),
    ("From", "12/31/2026", ("12/31/2026", "start")), ("To", "soon", ("soon", "end")),
    ("Last confirmed", "yesterday", ("yesterday", "confirmation")),
])
def test_a_value_the_entry_cannot_do_without_rejects_its_row_naming_it(db, op_id, column, cell,
                                                                       words):
    """Left out, it would make the entry say what the file does not: a quantity of 1, an
    open availability window, confirmed today."""
    text = f"Category,Description,{column}\nmedical,Clinic,\nmedical,Tents,{cell}\n"
    preview, result = _import(db, text, op_id)
    assert [r.line for r in preview.rejected] == [3]
    assert all(word in preview.rejected[0].reason for word in words)
    assert reads_as_a_sentence(preview.rejected[0].reason)
    assert (result.added, [a.description for a in _assets(db)]) == (1, ["Clinic"])


@pytest.mark.parametrize(("column", "cell", "left_out", "words"), [
    ("Status", "lost", {"status": "offered"}, ("lost", "status", "Offered")),
    ("Capacity", "x", {"capacity_value": None}, ("x", "capacity")),
    ("Capacity", "-3", {"capacity_value": None}, ("capacity", "negative")),
    ("Latitude", "north", {"latitude": None, "longitude": None}, ("north", "coordinates")),
    ("Longitude", "1.2.3", {"latitude": None, "longitude": None}, ("1.2.3", "coordinates")),
    ("Latitude", "91", {"latitude": None, "longitude": None}, ("90", "coordinates")),
    ("Longitude", "181", {"latitude": None, "longitude": None}, ("180", "coordinates")),
    ("Place", "p" * 201, {"place_name": ""}, ("place", "201", "200")),
    ("Cost basis", "c" * 201, {"cost_basis": ""}, ("cost basis", "201", "200")),
    ("Capacity unit", "u" * 41, {"capacity_unit": ""}, ("capacity unit", "41", "40")),
])
def test_a_value_the_entry_can_do_without_is_left_out_with_a_warning_on_its_row(
        db, op_id, column, cell, left_out, words):
    keep = {"Latitude": "-19.83", "Longitude": "34.84", "Place": "Beira",
            "Cost basis": "Free", "Capacity unit": "t", "Capacity": "4.5", "Status": "available"}
    header = ",".join(keep)
    cells = ",".join(cell if name == column else value for name, value in keep.items())
    preview, result = _import(db, f"Category,Description,Unit,{header}\n"
                                  f"medical,Clinic,Role 2,{cells}\n", op_id)
    assert (preview.rejected, result.added) == ([], 1)
    (warning,) = preview.to_add[0].warnings
    assert (warning.line, warning.kind) == (2, WarningKind.VALUE_DROPPED)
    assert all(word in warning.message for word in words)
    assert reads_as_a_sentence(warning.message)
    asset = _one(db)
    kept = {"status": "available", "capacity_value": 4.5, "latitude": -19.83,
            "longitude": 34.84, "place_name": "Beira", "cost_basis": "Free", "capacity_unit": "t"}
    assert {name: getattr(asset, name) for name in kept} == kept | left_out
    assert (asset.description, asset.provider_unit) == ("Clinic", "Role 2")


def test_a_latitude_without_a_longitude_is_left_out_with_a_warning(db, op_id):
    preview, _ = _import(db, "Category,Description,Latitude,Longitude\n"
                             "medical,Clinic,-19.83,\n", op_id)
    (warning,) = preview.to_add[0].warnings
    assert (warning.line, warning.kind, "longitude" in warning.message) == (
        2, WarningKind.VALUE_DROPPED, True)
    assert (_one(db).latitude, _one(db).longitude) == (None, None)


def test_both_bad_coordinates_make_one_warning(db, op_id):
    preview = _preview(db, "Category,Description,Latitude,Longitude\n"
                           "medical,Clinic,91,181\n", op_id)
    (warning,) = preview.to_add[0].warnings
    assert all(word in warning.message for word in ("90", "180"))


def test_an_update_keeps_the_value_the_file_could_not_give(db, op_id):
    """A status or coordinates left out of a row leave the entry's own alone."""
    existing = _add(db, op_id, status="available", latitude=-19.8, longitude=34.8,
                    capacity_value=50.0)
    preview, result = _import(db, "Category,Description,Status,Latitude,Longitude,Capacity,Qty\n"
                                  "medical,Field hospital,lost,north,34.9,x,4\n", op_id)
    assert (result.updated, len(preview.matches[0].row.warnings)) == (1, 3)
    asset = _one(db)
    assert (asset.status, asset.latitude, asset.longitude, asset.capacity_value,
            asset.quantity) == ("available", -19.8, 34.8, 50.0, 4)
    assert len(_history(db, existing)) == 1


def test_every_bad_value_of_a_row_is_named_at_once(db, op_id):
    preview = _preview(db, "Category,Description,Quantity,Status,Last confirmed\n"
                           "spaceship,Warp,many,lost,soon\n", op_id)
    (rejected,) = preview.rejected
    assert all(word in rejected.reason for word in ("spaceship", "category", "many", "lost",
                                                     "confirmation"))


@pytest.mark.parametrize(("cell", "quantity"), [("3", 3), ("3.0", 3), ("1 200", 1200),
                                                ("0", 0)])
def test_a_quantity_is_a_whole_number(db, op_id, cell, quantity):
    _import(db, f'Category,Description,Quantity\nmedical,Clinic,"{cell}"\n', op_id)
    assert _one(db).quantity == quantity


@pytest.mark.parametrize(("cells", "words"), [
    ("-1,,,,", ("quantity",)), (",XYZ,,,", ("providing state",)),
    (",," + "u" * 201 + ",,", ("provider unit", "201", "200")),
    (",,,2026-03-31,2026-03-01", ("end of availability", "before")),
])
def test_values_the_form_would_refuse_reject_the_row(db, op_id, cells, words):
    """The providing state and unit tell entries apart: without them, the row could match,
    and update, another entry."""
    preview = _preview(db, f"Category,Description,Quantity,State,Unit,From,To\n"
                           f"medical,Clinic,{cells}\n", op_id)
    assert [r.line for r in preview.rejected] == [2]
    assert all(word in preview.rejected[0].reason for word in words)
    assert preview.to_add == []


def test_a_rejected_row_names_the_values_it_could_have_lost_too(db, op_id):
    preview = _preview(db, "Category,Description,Quantity,Capacity,Status\n"
                           "medical,Clinic,many,x,lost\n", op_id)
    (rejected,) = preview.rejected
    assert all(word in rejected.reason for word in ("many", "\u201cx\u201d", "lost"))
    assert preview.to_add == []


def test_a_file_without_category_or_description_imports_nothing(db, op_id):
    with pytest.raises(ImportFileError) as raised, db.session() as session:
        preview_asset_import(session, b"Title,Country\nTruck,NOR\n",
                             operation_id=op_id)
    assert raised.value.line == 1
    assert all(word in raised.value.message for word in ("header", "Category", "Description"))
    assert "HXL" not in raised.value.message


def test_a_missing_column_is_named_on_the_line_of_the_hashtag_row(db, op_id):
    with pytest.raises(ImportFileError) as raised, db.session() as session:
        preview_asset_import(session, b"Asset list\nCategory,Description\n"
                                      b"#item+category,#country\nmedical,NOR\n",
                             operation_id=op_id)
    assert raised.value.line == 3
    assert all(word in raised.value.message for word in ("HXL", "Description"))
    assert "Category" not in raised.value.message.split("(")[0]
    assert _assets(db) == []


# --- point of contact -------------------------------------------------------------------------

@pytest.mark.parametrize(("email", "name"), [
    ("AMINA@wfp.ORG", ""), (" amina@wfp.org ", "Someone Else"), ("", "amina   DIALLO"),
    ("unknown@x.org", " Amina Diallo "),
])
def test_the_point_of_contact_is_found_by_email_then_by_name(db, op_id, amina, email, name):
    _import(db, f"Category,Description,Contact email,Contact name\n"
                f"medical,Clinic,{email},{name}\n", op_id)
    assert _one(db).poc_contact_id == amina


def test_an_unknown_or_deleted_point_of_contact_is_left_empty(db, op_id, amina):
    with db.transaction() as session:
        delete_contact(session, amina)
    preview, _ = _import(db, "Category,Description,POC email,POC\n"
                             "medical,Clinic,amina@wfp.org,Amina Diallo\n"
                             "medical,Tents,nobody@x.org,Nobody\n", op_id)
    assert preview.rejected == []
    assert [a.poc_contact_id for a in _assets(db)] == [None, None]
    warnings = [w for row in preview.to_add for w in row.warnings]
    assert [(w.line, w.kind) for w in warnings] == [(2, WarningKind.VALUE_DROPPED),
                                                    (3, WarningKind.VALUE_DROPPED)]
    assert "amina@wfp.org" in warnings[0].message
    assert all(reads_as_a_sentence(w.message) for w in warnings)


def test_the_point_of_contact_is_found_by_the_name_as_written(db, op_id):
    with db.transaction() as session:
        contact = create_contact(session, ContactInput(
            given_name="David", family_name="Cohen",
            full_name="\u05d3\u05d5\u05d3 \u05db\u05d4\u05df"), operation_id=op_id)
    preview, _ = _import(db, "Category,Description,POC\nmedical,Clinic,"
                             "\u05d3\u05d5\u05d3  \u05db\u05d4\u05df\n", op_id)
    assert (_one(db).poc_contact_id, preview.to_add[0].warnings) == (contact.id, ())


# --- matches ----------------------------------------------------------------------------------

def test_the_same_provider_unit_category_and_description_is_a_match_whatever_the_case(
        db, op_id):
    existing = _add(db, op_id, provider_state="SWE", provider_unit="Role 2")
    preview = _preview(db, "Category,Description,Country,Unit\n"
                           "medical,FIELD hospital,Sweden,role 2\n"
                           "medical,Field hospital,Norway,Role 2\n"
                           "medical,Field hospital,SWE,Role 3\n"
                           "shelter,Field hospital,SWE,Role 2\n"
                           "medical,Field clinic,SWE,Role 2\n", op_id)
    (match,) = preview.matches
    assert (match.line, match.existing_id, match.earlier_line) == (2, existing, None)
    assert "provider" in match.matched_on
    assert match.existing_label == "Field hospital (SWE Role 2)"
    assert [row.line for row in preview.to_add] == [3, 4, 5, 6]
    assert [row.label for row in preview.to_add][:2] == ["Field hospital (NOR Role 2)",
                                                         "Field hospital (SWE Role 3)"]


def test_labels_leave_out_a_missing_provider(db, op_id):
    _add(db, op_id, provider_unit="Role 2")
    preview = _preview(db, "Category,Description,Unit\nmedical,Field hospital,Role 2\n"
                           "medical,Tents,\n", op_id)
    assert [m.existing_label for m in preview.matches] == ["Field hospital (Role 2)"]
    assert [row.label for row in preview.to_add] == ["Tents"]


def test_an_id_match_comes_before_a_match_by_provider(db, op_id):
    by_id = _add(db, op_id, description="Renamed")
    _add(db, op_id)
    preview = _preview(db, f"ID,Category,Description\n{by_id},medical,Field hospital\n", op_id)
    (match,) = preview.matches
    assert (match.existing_id, match.matched_on) == (by_id, "the same id")


def test_only_entries_of_the_operation_and_global_ones_are_matched(db, op_id, make_operation):
    other = make_operation("Flood Kisumu", "KSM", "KEN").id
    _add(db, other, description="Theirs")
    global_id = _add(db, None, description="Global", is_global=True)
    ours = _add(db, op_id, description="Ours")
    gone = _add(db, op_id, description="Gone")
    with db.transaction() as session:
        delete_asset(session, gone)
    text = ("Category,Description\nmedical,Theirs\nmedical,Global\nmedical,Ours\n"
            "medical,Gone\n")
    preview = _preview(db, text, op_id)
    assert [(m.line, m.existing_id) for m in preview.matches] == [(3, global_id), (4, ours)]
    assert [row.line for row in preview.to_add] == [2, 5]
    preview = _preview(db, text, None)  # a global import sees only the global entries
    assert [(m.line, m.existing_id) for m in preview.matches] == [(3, global_id)]


def test_rows_repeating_an_earlier_row_of_the_file_match_the_first(db, op_id):
    preview, result = _import(db, "Category,Description,Quantity,Notes\n"
                                  "medical,Clinic,1,\nmedical,Tents,1,\n"
                                  "medical,Clinic,2,\nmedical,clinic,3,late\n", op_id)
    assert [(m.line, m.earlier_line, m.existing_id) for m in preview.matches] == [
        (4, 2, None), (5, 2, None)]
    assert (result.added, result.updated, result.skipped) == (2, 2, 0)
    by_id = {a.id: a for a in _assets(db)}
    clinic, tents = (by_id[i] for i in result.asset_ids)
    assert (clinic.description, clinic.quantity, clinic.notes) == ("clinic", 3, "late")
    assert (tents.description, tents.quantity) == ("Tents", 1)


def test_a_skipped_repeat_of_an_earlier_row_changes_nothing(db, op_id):
    _, result = _import(db, "Category,Description,Quantity\nmedical,Clinic,1\n"
                            "medical,Clinic,2\n", op_id, choices={3: "skip"})
    assert (result.added, result.updated, result.skipped) == (1, 0, 1)
    assert _one(db).quantity == 1


def test_every_skipped_match_is_counted(db, op_id):
    _add(db, op_id)
    _, result = _import(db, "Category,Description,Quantity\nmedical,Field hospital,2\n"
                            "medical,Field hospital,3\nmedical,Field hospital,4\n", op_id,
                        choices={2: "skip", 3: "skip"})
    assert (result.added, result.updated, result.skipped) == (0, 1, 2)
    assert _one(db).quantity == 4


def test_a_repeat_of_a_rejected_row_is_added_as_new(db, op_id):
    preview = _preview(db, "Category,Description,Quantity\nmedical,Clinic,x\n"
                           "medical,Clinic,2\n", op_id)
    assert ([r.line for r in preview.rejected], [r.line for r in preview.to_add]) == ([2], [3])


# --- updates ----------------------------------------------------------------------------------

def test_an_update_fills_in_the_files_values_and_keeps_what_it_leaves_empty(db, op_id, amina):
    existing = _add(db, op_id, provider_state="SWE", provider_unit="Role 2", notes="Keep",
                    capacity_value=50.0, capacity_unit="beds", place_name="Beira")
    _, result = _import(db, "Category,Description,Country,Unit,Capacity,Capacity unit,Notes,"
                            "Place,Qty,Lat,Lon,From,To,Cost,POC email\n"
                            "medical,Field hospital,SWE,Role 2,80,,,,4,-19.8,34.8,2026-03-01,"
                            "2026-04-01,Paid,amina@wfp.org\n", op_id)
    assert (result.added, result.updated, result.asset_ids) == (0, 1, (existing,))
    asset = _one(db)
    assert _values(asset) == {
        "category": "medical", "description": "Field hospital", "provider_state": "SWE",
        "provider_unit": "Role 2", "capacity_value": 80.0, "capacity_unit": "beds",
        "quantity": 4, "status": "offered", "latitude": -19.8, "longitude": 34.8,
        "place_name": "Beira", "available_from": date(2026, 3, 1),
        "available_to": date(2026, 4, 1), "poc_contact_id": amina, "cost_basis": "Paid",
        "notes": "Keep"}


def test_an_update_without_a_known_point_of_contact_keeps_the_entrys(db, op_id, amina):
    _add(db, op_id, poc_contact_id=amina)
    _import(db, "Category,Description,POC email\nmedical,Field hospital,nobody@x.org\n", op_id)
    assert _one(db).poc_contact_id == amina


def _history(db, asset_id) -> list[tuple[str, str]]:
    with db.session() as session:
        return [(e.status, e.comment) for e in session.scalars(
            select(AssetStatusEvent).where(AssetStatusEvent.asset_id == asset_id)
            .order_by(AssetStatusEvent.at))]


def test_a_new_status_from_the_file_goes_into_the_history(db, op_id):
    existing = _add(db, op_id)
    _import(db, "Category,Description,Status\nmedical,Field hospital,deployed\n", op_id)
    assert _one(db).status == "deployed"
    assert _history(db, existing) == [("offered", "Entered in the directory"),
                                      ("deployed", "Imported from file")]


def test_the_same_or_no_status_in_the_file_adds_no_history(db, op_id):
    existing = _add(db, op_id, status="available")
    _, result = _import(db, "Category,Description,Status\nmedical,Field hospital,available\n"
                            "medical,Field hospital,\n", op_id)
    assert result.updated == 2
    assert _one(db).status == "available"
    assert len(_history(db, existing)) == 1


def test_an_update_moves_the_confirmation_date_forward_only(db, op_id):
    existing = _add(db, op_id)
    with db.transaction() as session:
        session.get(Asset, existing).confirmed_at = datetime(2026, 3, 1, 8, tzinfo=UTC)
    text = "Category,Description,Last confirmed\nmedical,Field hospital,{}\n"
    _import(db, text.format("2026-02-15"), op_id)
    assert _one(db).confirmed_at == datetime(2026, 3, 1, 8, tzinfo=UTC)
    _import(db, text.format("2026-03-01"), op_id)
    assert _one(db).confirmed_at == datetime(2026, 3, 1, 12, tzinfo=UTC)
    _import(db, text.format(""), op_id)
    assert _one(db).confirmed_at == datetime(2026, 3, 1, 12, tzinfo=UTC)


def test_an_update_confirms_an_entry_never_confirmed(db, op_id):
    existing = _add(db, op_id)
    with db.transaction() as session:
        session.get(Asset, existing).confirmed_at = None
    _import(db, "Category,Description,Last confirmed\nmedical,Field hospital,1.3.2026\n", op_id)
    assert _one(db).confirmed_at == datetime(2026, 3, 1, 12, tzinfo=UTC)


def test_progress_is_reported_while_adding_and_updating_and_at_the_end(db, op_id):
    rows = "".join(f"medical,Clinic {n}\n" for n in range(250))
    reports: list[tuple[int, int]] = []
    progress = Progress(on_report=lambda done, total, _: reports.append((done, total)))
    _import(db, f"Category,Description\n{rows}medical,Clinic 0\n", op_id, progress=progress)
    assert reports == [(250, 251), (251, 251)]
    reports.clear()
    _import(db, f"Category,Description\nmedical,New\n{rows}", op_id, progress=progress)
    assert reports == [(250, 251), (251, 251)]


# --- export -----------------------------------------------------------------------------------

def test_export_writes_every_field_in_its_column_and_reads_back_the_same(db, op_id, amina,
                                                                         make_operation):
    _import(db, "Category,Description,Provider state,Provider unit,Capacity,Capacity unit,"
                "Quantity,Status,Latitude,Longitude,Place,Available from,Available to,"
                "POC email,Cost basis,Notes,Last confirmed\n" + CELLS
            + "medical,=Tents,,,,,,,,,,,,,,,\n", op_id)
    with db.session() as session:
        exported = export_assets_csv(session, operation_id=op_id)
    table = read_table(exported.decode("utf-8-sig"))
    helicopters, tents = (dict(zip(table.header, row, strict=True)) for _, row in table.rows)
    assert {key: value for key, value in helicopters.items() if key != "ID"} == {
        "Category": "airlift_helicopter", "Description": "Two medium helicopters",
        "Provider state": "NOR", "Provider unit": "Air Wing 3", "Capacity": "4.5",
        "Capacity unit": "t", "Quantity": "2", "Status": "available", "Place": "Beira airport",
        "Latitude": "-19.83", "Longitude": "34.84", "Available from": "2026-03-01",
        "Available to": "2026-03-31", "Point of contact": "Amina Diallo",
        "Contact e-mail": "Amina@WFP.org", "Cost basis": "Free of charge",
        "Notes": "Night flying", "Last confirmed": "2026-02-20"}
    assert (tents["Description"], tents["Latitude"], tents["Point of contact"]) == (
        "=Tents", "", "")
    assert table.hashtags[:3] == ["#item+category", "#item+name", "#country+code"]
    elsewhere = make_operation("Flood Kisumu", "KSM", "KEN").id
    with db.transaction() as session:
        create_contact(session, ContactInput(given_name="Amina", family_name="Diallo",
                                             emails=["amina@wfp.org"], is_global=True),
                       operation_id=None)
    before = {a.description: _values(a) for a in _assets(db)}
    preview, _ = _import(db, exported, elsewhere)
    assert preview.rejected == []
    with db.session() as session:
        back = {a.description: _values(a) | {"poc_contact_id": None} for a in session.scalars(
            select(Asset).where(Asset.operation_id == elsewhere))}
    assert back == {name: values | {"poc_contact_id": None} for name, values in before.items()}


def test_export_keeps_every_digit_of_coordinates_and_capacities(db, op_id, make_operation):
    _add(db, op_id, latitude=-19.8345678, longitude=134.1234567, capacity_value=1234567.0)
    _add(db, op_id, description="Water", capacity_value=0.125, latitude=0.0,
         longitude=-0.5)
    with db.session() as session:
        exported = export_assets_csv(session, operation_id=op_id).decode("utf-8-sig")
    assert ",1234567," in exported
    assert ",'-19.8345678,134.1234567," in exported  # ' : not a formula
    assert ",0.125," in exported
    elsewhere = make_operation("Flood Kisumu", "KSM", "KEN").id
    _import(db, exported, elsewhere)
    with db.session() as session:
        hospital, water = session.scalars(select(Asset).where(Asset.operation_id == elsewhere)
                                          .order_by(Asset.description))
    assert (hospital.latitude, hospital.longitude, hospital.capacity_value) == (
        -19.8345678, 134.1234567, 1234567.0)
    assert (water.capacity_value, water.latitude, water.longitude) == (0.125, 0.0, -0.5)


def test_export_follows_the_list_filter_and_order(db, op_id):
    for name in ("Bravo", "Alpha", "Charlie"):
        _add(db, op_id, description=name)
    _add(db, op_id, category="shelter", description="Tents")
    with db.session() as session:
        exported = export_assets_csv(session, operation_id=op_id,
                                     where=AssetFilter(category="medical"))
    rows = read_table(exported.decode("utf-8-sig")).rows
    assert [cells[1] for _, cells in rows] == ["Alpha", "Bravo", "Charlie"]


def test_export_leaves_out_a_deleted_point_of_contact(db, op_id, amina):
    _add(db, op_id, poc_contact_id=amina)
    with db.transaction() as session:
        delete_contact(session, amina)
    with db.session() as session:
        exported = export_assets_csv(session, operation_id=op_id)
    (_, cells), = read_table(exported.decode("utf-8-sig")).rows
    assert cells[13:15] == ["", ""]


def test_an_entry_never_confirmed_exports_an_empty_date_and_reads_back(db, op_id,
                                                                        make_operation):
    existing = _add(db, op_id)
    with db.transaction() as session:
        session.get(Asset, existing).confirmed_at = None
    with db.session() as session:
        exported = export_assets_csv(session, operation_id=op_id)
    (_, cells), = read_table(exported.decode("utf-8-sig")).rows
    assert cells[17] == ""
    preview, _ = _import(db, exported, make_operation("Flood Kisumu", "KSM", "KEN").id)
    assert (preview.rejected, len(preview.to_add)) == ([], 1)
