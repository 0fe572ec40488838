"""Asset import and export: CSV with HXL, updates on matches, bad files, GeoJSON, the PDF."""

from __future__ import annotations

import io
import json
from datetime import date, timedelta

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from fieldapp.importexport.assets import (
    ASSET_TARGETS,
    COLUMNS,
    all_warnings,
    apply_asset_import,
    export_assets_csv,
    preview_asset_import,
)
from fieldapp.importexport.common import MAX_BYTES, ImportFileError, WarningKind
from fieldapp.importexport.geojson import export_assets_geojson
from fieldapp.models import Asset, utcnow
from fieldapp.pdf.assets import asset_list_pdf
from fieldapp.progress import Progress
from fieldapp.services.assets import (
    AssetFilter,
    AssetInput,
    asset_history,
    asset_ids,
    asset_rows,
    confirm_asset,
    create_asset,
)
from fieldapp.services.contacts import ContactInput, create_contact
from tests.fieldapp.sentences import reads_as_a_sentence

HXL_CSV = (
    "Category,Description,Provider state,Unit,Capacity,Qty,Status,Latitude,Longitude,"
    "From,To,POC e-mail\n"
    "#item+category,#item+name,#country+code,#org+provider,#capacity,#item+num,#status,"
    "#geo+lat,#geo+lon,#date+start,#date+end,#contact+email\n"
    "airlift_helicopter,Two medium helicopters,NOR,Air Wing 3,4.5,2,available,-19.83,"
    "34.84,2026-03-01,31/03/2026,amina@wfp.org\n"
    "Medical,Field hospital,Sweden,Role 2,50,1,Offered,,,,,\n"
)


@pytest.fixture
def op_id(db, op_id) -> str:
    """The shared operation, with Amina, whom the files name as point of contact."""
    with db.transaction() as session:
        create_contact(session, ContactInput(given_name="Amina", family_name="Diallo",
                                             emails=["amina@wfp.org"]), operation_id=op_id)
    return op_id


def _import(db, source, op_id, choices=None):
    with db.transaction() as session:
        preview = preview_asset_import(session, source, operation_id=op_id)
        result = apply_asset_import(session, preview, choices or {}, progress=Progress())
    return preview, result


def _rows(db, op_id):
    with db.session() as session:
        return asset_rows(session, asset_ids(session, operation_id=op_id, sort="description"))


def _count(db) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(Asset))


def test_hxl_csv_is_imported_with_labels_dates_and_point_of_contact(db, op_id):
    preview, result = _import(db, HXL_CSV.encode(), op_id)
    assert (len(preview.to_add), preview.rejected, result.added) == (2, [], 2)
    hospital, helicopters = _rows(db, op_id)
    assert (helicopters.category, helicopters.provider_state, helicopters.quantity,
            helicopters.status, helicopters.poc_name) == (
        "airlift_helicopter", "NOR", 2, "available", "Amina Diallo")
    assert (helicopters.available_from, helicopters.available_to) == (date(2026, 3, 1),
                                                                     date(2026, 3, 31))
    assert (hospital.category, hospital.provider_state, hospital.status) == ("medical", "SWE",
                                                                            "offered")
    with db.session() as session:
        history = asset_history(session, helicopters.id)
    assert [(e.status, e.comment) for e in history] == [("available", "Imported from file")]


def test_preview_writes_nothing_and_rejects_bad_rows_with_line_and_reason(db, op_id):
    content = HXL_CSV + "spaceship,Warp drive,NOR,,,,,,,,,\nmedical,Clinic,FRA,,5,x,,,,,,\n"
    with db.transaction() as session:
        preview = preview_asset_import(session, content.encode(), operation_id=op_id)
    assert _count(db) == 0
    assert [(r.line, r.reason) for r in preview.rejected] == [
        (5, "The asset category \u201cspaceship\u201d is not one Field Kit knows."),
        (6, "The quantity \u201cx\u201d is not a whole number.")]


def test_export_then_import_again_matches_every_entry_and_updates(db, op_id):
    _import(db, HXL_CSV.encode(), op_id)
    with db.session() as session:
        exported = export_assets_csv(session, operation_id=op_id)
    assert exported.startswith(b"\xef\xbb\xbfCategory,")
    assert b"\r\n#item+category," in exported
    changed = exported.decode("utf-8-sig").replace(",available,", ",deployed,")
    preview, result = _import(db, changed.encode(), op_id)
    assert (len(preview.to_add), len(preview.matches), result.updated) == (0, 2, 2)
    assert {m.matched_on for m in preview.matches} == {"the same id"}
    helicopters = next(r for r in _rows(db, op_id) if r.quantity == 2)
    assert (helicopters.status, helicopters.poc_name) == ("deployed", "Amina Diallo")
    assert _count(db) == 2


def test_skip_choice_leaves_a_matching_entry_alone(db, op_id):
    _import(db, HXL_CSV.encode(), op_id)
    again = HXL_CSV.replace("4.5,2,available", "9,7,deployed").encode()
    preview, result = _import(db, again, op_id, choices={3: "skip"})
    assert {m.line for m in preview.matches} == {3, 4}
    assert (result.skipped, result.updated) == (1, 1)
    helicopters = next(r for r in _rows(db, op_id) if r.provider_unit == "Air Wing 3")
    assert (helicopters.quantity, helicopters.status) == (2, "available")


def test_semicolons_bom_and_windows_1252_are_read(db, op_id):
    content = ("Catégorie;Description;Pays;Unité\r\n"
               "engineering;\"Pont; modèle \"\"Bailey\"\"\";France;Génie 3\r\n")
    preview, _ = _import(db, b"\xef\xbb\xbf" + content.encode("utf-8"), op_id)
    assert preview.to_add[0].data.description == 'Pont; modèle "Bailey"'
    preview, _ = _import(db, content.replace("Pont", "Grue").encode("cp1252"), op_id)
    assert preview.to_add[0].data.provider_unit == "Génie 3"


@pytest.mark.parametrize(("content", "line", "reason"), [
    (b"Description,Provider state\nHelicopter,NOR\n", 1, "no \u201cCategory\u201d column"),
    (b"Category,Description\nmedical,Clinic,extra\n", 2, "3 fields where"),
    (b"Category,Description\nmedical,\"Clinic\nmedical,Other\n", 2, "never closed"),
    (b"Category,Description\nmedical,Clinic\n\x00\x01\x02\xff\xfe", 3, "binary data"),
])
def test_malformed_asset_file_names_line_and_reason_and_imports_nothing(db, op_id, content,
                                                                        line, reason):
    with pytest.raises(ImportFileError) as raised, db.transaction() as session:
        preview_asset_import(session, content, operation_id=op_id)
    assert (raised.value.line, reason in raised.value.message) == (line, True)
    assert _count(db) == 0


def test_a_row_with_a_field_too_many_is_rejected_and_the_others_imported(db, op_id):
    content = (b"Category,Description\nmedical,Clinic\nmedical,Clinic Role 2,extra\n"
               b"engineering,Bridge\nmedical,\"Tent\"x\n")
    preview, result = _import(db, content, op_id)
    assert [r.line for r in preview.rejected] == [3, 5]
    assert "3 fields where the header has 2" in preview.rejected[0].reason
    assert "malformed" in preview.rejected[1].reason
    assert result.added == 2


@pytest.mark.parametrize(("content", "holds"), [
    (b"Agency,Sector,Province,Activity\n#org+name,#sector,#adm1+name,#activity\n"
     b"WFP,Food security,Sofala,Distribution\n", "who does what where (3W)"),
    (b"Facility,Lat,Lon,Beds\n#loc+name,#geo+lat,#geo+lon,#capacity\n"
     b"Beira Central,-19.83,34.84,300\n", "places with coordinates"),
])
def test_a_hxl_dataset_of_something_else_is_refused_saying_what_it_is(db, op_id, content,
                                                                     holds):
    with pytest.raises(ImportFileError) as raised, db.transaction() as session:
        preview_asset_import(session, content, operation_id=op_id)
    message = raised.value.message
    assert raised.value.line == 2
    assert all(words in message for words in ("HXL dataset", holds, "#item+category"))
    assert _count(db) == 0


def test_asset_file_over_50_mb_is_refused(db, op_id, tmp_path):
    big = tmp_path / "directory.csv"
    with big.open("wb") as out:
        out.truncate(MAX_BYTES + 10)
    with pytest.raises(ImportFileError, match="are not imported") as raised, \
            db.transaction() as session:
        preview_asset_import(session, big, operation_id=op_id)
    assert "50 MB" in raised.value.message


# --- what the preview says it read and left out ----------------------------------------------

def _preview(db, content: bytes, op_id, **options):
    with db.session() as session:
        return preview_asset_import(session, content, operation_id=op_id, **options)


def test_the_preview_lists_every_column_with_the_field_it_fills(db, op_id):
    preview = _preview(db, b"Category,Description,Kit,Empty,Qty\n"
                           b"medical,Clinic,Stretchers,,2\nmedical,Tents,,,\n", op_id)
    assert [(c.label, c.maps_to, c.index, c.count, c.sample) for c in preview.columns] == [
        ("Category", "category", 0, 2, "medical"), ("Description", "description", 1, 2, "Clinic"),
        ("Kit", "", 2, 1, "Stretchers"), ("Empty", "", 3, 0, ""), ("Qty", "quantity", 4, 1, "2")]
    assert (preview.kind, preview.encoding, preview.encoding_guessed) == ("CSV", "utf-8", False)


def test_a_column_with_data_that_nothing_reads_is_said_to_be_left_out(db, op_id):
    preview = _preview(db, b"Category,Description,Kit,Empty\nmedical,Clinic,Stretchers,\n"
                           b"medical,Tents,Poles,\n", op_id)
    (warning,) = preview.warnings  # not the empty column
    assert (warning.line, warning.kind) == (0, WarningKind.COLUMN_LEFT_OUT)
    assert all(words in warning.message for words in ("\u201cKit\u201d", "2 rows"))
    assert reads_as_a_sentence(warning.message)


def test_a_second_column_for_a_field_of_one_value_is_said_to_be_left_out(db, op_id):
    preview = _preview(db, b"Category,Description,Asset\nmedical,Clinic,Field clinic\n", op_id)
    assert [c.maps_to for c in preview.columns] == ["category", "description", ""]
    (warning,) = preview.warnings
    assert (warning.kind, "\u201cDescription\u201d" in warning.message) == (
        WarningKind.COLUMN_LEFT_OUT, True)
    assert preview.to_add[0].data.description == "Clinic"


def test_an_empty_column_does_not_keep_a_later_one_from_its_field(db, op_id):
    preview = _preview(db, b"Category,Description,Asset\nmedical,,Field clinic\n", op_id)
    assert ([c.maps_to for c in preview.columns], preview.warnings) == (
        ["category", "description", "description"], [])
    assert preview.to_add[0].data.description == "Field clinic"


def test_every_notes_column_is_kept(db, op_id):
    preview = _preview(db, b"Category,Description,Notes,Remarks\nmedical,Clinic,Night,Cash\n",
                       op_id)
    assert (preview.to_add[0].data.notes, preview.warnings) == ("Night\nCash", [])


def test_the_officers_choice_maps_an_unknown_column_and_is_marked_chosen(db, op_id):
    content = b"Category,Description,Kit\nmedical,Clinic,Stretchers\n"
    preview = _preview(db, content, op_id, column_choices={"kit": "notes"})
    kit = preview.columns[2]
    assert (kit.maps_to, kit.chosen, preview.warnings) == ("notes", True, [])
    assert preview.to_add[0].data.notes == "Stretchers"
    assert [c.chosen for c in preview.columns[:2]] == [False, False]


def test_the_officers_choice_wins_over_recognition(db, op_id):
    content = b"Category,Description,Remarks\nmedical,Clinic,Field clinic of 20 beds\n"
    preview = _preview(db, content, op_id,
                       column_choices={"description": "notes", "remarks": "description"})
    assert [c.maps_to for c in preview.columns] == ["category", "notes", "description"]
    assert (preview.to_add[0].data.description, preview.to_add[0].data.notes) == (
        "Field clinic of 20 beds", "Clinic")


def test_a_column_the_officer_leaves_out_is_not_read_and_not_warned_of(db, op_id):
    content = b"Category,Description,Qty\nmedical,Clinic,7\n"
    preview = _preview(db, content, op_id, column_choices={"qty": ""})
    assert (preview.columns[2].maps_to, preview.columns[2].chosen) == ("", True)
    assert (preview.to_add[0].data.quantity, preview.warnings) == (1, [])


def test_a_choice_of_a_field_that_does_not_exist_is_ignored(db, op_id):
    preview = _preview(db, b"Category,Description,Qty\nmedical,Clinic,7\n", op_id,
                       column_choices={"qty": "shoe_size"})
    assert (preview.columns[2].maps_to, preview.columns[2].chosen) == ("quantity", False)


def test_a_required_column_left_out_by_the_officer_says_how_to_get_it_back(db, op_id):
    with pytest.raises(ImportFileError) as raised:
        _preview(db, b"Category,Description\nmedical,Clinic\n", op_id,
                 column_choices={"category": ""})
    assert all(words in raised.value.message for words in ("Category", "map a column"))


def test_every_field_can_be_picked_in_the_mapping_menu(db, op_id):
    assert {key for key, _ in ASSET_TARGETS} == {column.key for column in COLUMNS}
    assert all(label[:1].isupper() for _, label in ASSET_TARGETS)


def test_a_hxl_file_is_said_to_be_one_and_lists_hashtags(db, op_id):
    preview = _preview(db, HXL_CSV.encode(), op_id)
    assert preview.kind == "HXL"
    assert [c.hashtag for c in preview.columns][:2] == ["#item+category", "#item+name"]
    assert preview.warnings == []


def test_a_guessed_encoding_is_said_and_another_can_be_picked(db, op_id):
    content = ("Category;Description\nmedical;\u041f\u043e\u043b\u044c\u043e\u0432\u0438\u0439 "
               "\u0433\u043e\u0441\u043f\u0456\u0442\u0430\u043b\u044c "
               "\u041e\u043b\u0435\u043d\u0438 \u041a\u043e\u0432\u0430\u043b\u0435\u043d\u043a"
               "\u043e\n").encode("cp1251")
    preview = _preview(db, content, op_id)
    assert (preview.encoding, preview.encoding_guessed) == ("cp1251", True)
    (guessed,) = preview.warnings
    assert (guessed.line, guessed.kind) == (0, WarningKind.ENCODING_GUESSED)
    assert reads_as_a_sentence(guessed.message)
    assert preview.to_add[0].data.description.startswith("\u041f\u043e\u043b\u044c")
    picked = _preview(db, content, op_id, encoding="koi8-r")
    assert (picked.encoding, picked.encoding_guessed, picked.warnings) == ("koi8-r", False, [])
    assert not picked.to_add[0].data.description.startswith("\u041f\u043e\u043b\u044c")


def test_a_replaced_byte_is_warned_of_on_the_row_that_holds_it(db, op_id):
    content = ("Category,Description,Place\n"
               "medical,Clinic,Beira \u00e9t\u00e9\n"
               "medical,\"Tents\nfor 20 \u00e9l\u00e8ves\",Dondo \u00e0 c\u00f4t\u00e9\n"
               "shelter,Kits,Nhamatanda\n").encode()
    broken = content.replace(b"20", b"2\xff")  # inside the quoted cell, on line 4
    preview = _preview(db, broken, op_id)
    assert (preview.encoding, preview.warnings) == ("utf-8", [])
    by_line = {row.line: row.warnings for row in preview.to_add}
    (replaced,) = by_line[3]
    assert (replaced.line, replaced.kind) == (4, WarningKind.REPLACED)
    assert reads_as_a_sentence(replaced.message)
    assert (by_line[2], by_line[5]) == ((), ())
    assert [(w.line, w.kind) for w in all_warnings(preview)] == [(4, WarningKind.REPLACED)]


def test_a_replaced_byte_in_a_rejected_row_stays_the_files(db, op_id):
    content = ("Category,Description\nmedical,Clinic \u00e9t\u00e9 \u00e0 Beira\n"
               "spaceship,Warp \u00e9t\u00e9\n").encode().replace(b"Warp", b"W\xffrp")
    preview = _preview(db, content, op_id)
    assert [r.line for r in preview.rejected] == [3]
    assert [(w.line, w.kind) for w in preview.warnings] == [(3, WarningKind.REPLACED)]


def test_all_warnings_lists_the_files_first_then_each_rows_by_line(db, op_id):
    preview = _preview(db, b"Category,Description,Status,Kit\nmedical,Clinic,lost,x\n"
                           b"medical,Tents,gone,\n", op_id)
    assert [(w.line, w.kind) for w in all_warnings(preview)] == [
        (0, WarningKind.COLUMN_LEFT_OUT), (2, WarningKind.VALUE_DROPPED),
        (3, WarningKind.VALUE_DROPPED)]


def test_geojson_has_lon_lat_points_and_counts_entries_without_coordinates(db, op_id):
    _import(db, HXL_CSV.encode(), op_id)
    with db.session() as session:
        exported = export_assets_geojson(session, operation_id=op_id)
    collection = json.loads(exported.content)
    assert (exported.written, exported.without_coordinates) == (1, 1)
    assert collection["type"] == "FeatureCollection"
    (feature,) = collection["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [34.84, -19.83]}
    assert feature["properties"]["description"] == "Two medium helicopters"
    assert feature["properties"]["stale"] is False
    lon, lat = feature["geometry"]["coordinates"]
    assert -180 <= lon <= 180
    assert -90 <= lat <= 90


def test_geojson_follows_the_list_filter(db, op_id):
    _import(db, HXL_CSV.encode(), op_id)
    with db.session() as session:
        exported = export_assets_geojson(session, operation_id=op_id,
                                         where=AssetFilter(category="medical"))
    assert (exported.written, exported.without_coordinates) == (0, 1)


def test_asset_list_pdf_groups_by_category_and_marks_stale_entries(db, op_id):
    with db.transaction() as session:
        create_asset(session, AssetInput(category="medical", description="Field hospital",
                                         provider_state="SWE", provider_unit="Role 2",
                                         capacity_value=50.0, capacity_unit="beds"),
                     operation_id=op_id)
        old = create_asset(session, AssetInput(category="engineering",
                                               description="Bridge layer",
                                               provider_state="FRA"), operation_id=op_id)
        confirm_asset(session, old.id, now=utcnow() - timedelta(days=120))
    with db.session() as session:
        pdf = asset_list_pdf(session, operation_id=op_id, printed_on=date(2026, 3, 2))
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Asset list — Cyclone Ana" in text
    assert "printed 2026-03-02" in text
    assert text.index("Engineering (1)") < text.index("Medical (1)")
    assert "50 beds" in text
    assert "CHECK" in text
    assert "2 entries, 1 to check" in text
    assert "Page 1 of 1" in text


def test_asset_list_pdf_prints_in_the_language_asked(db, op_id):
    with db.transaction() as session:
        create_asset(session, AssetInput(category="medical", description="Field hospital",
                                         capacity_value=12.5, capacity_unit="t"),
                     operation_id=op_id)
    with db.session() as session:
        pdf = asset_list_pdf(session, operation_id=op_id, lang="es")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "12,5 t" in text  # numbers as Spanish writes them
    assert "Lista de medios" in text
    assert "Médico" in text
