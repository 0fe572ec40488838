"""Asset import and export: CSV with HXL, updates on matches, bad files, GeoJSON, the PDF."""

from __future__ import annotations

import io
import json
from datetime import date, timedelta

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from fieldapp.importexport.assets import (
    apply_asset_import,
    export_assets_csv,
    preview_asset_import,
)
from fieldapp.importexport.common import MAX_BYTES, ImportFileError
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
    content = HXL_CSV + "spaceship,Warp drive,NOR,,,,,,,,,\nmedical,Clinic,FRA,,x,1,,,,,,\n"
    with db.transaction() as session:
        preview = preview_asset_import(session, content.encode(), operation_id=op_id)
    assert _count(db) == 0
    assert [(r.line, r.reason) for r in preview.rejected] == [
        (5, "\u201cspaceship\u201d is not a known asset category."),
        (6, "\u201cx\u201d is not valid here.")]


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
