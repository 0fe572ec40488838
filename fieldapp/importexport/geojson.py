"""GeoJSON export of the asset directory (RFC 7946), for QGIS or a web map.

Each entry with coordinates becomes a Point feature whose coordinates are
[longitude, latitude] (RFC 7946 order, WGS 84), with the list's fields as properties
and `stale` saying whether the entry needs checking. Entries without coordinates are
left out and counted, so the officer can be told how many.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from fieldapp.importexport.assets import exported_assets
from fieldapp.labels import asset_status_label, capability_label
from fieldapp.models import utcnow
from fieldapp.services.assets import AssetFilter, is_stale

_PROPERTIES = ("category", "description", "provider_state", "provider_unit",
               "capacity_value", "capacity_unit", "quantity", "status", "place_name",
               "available_from", "available_to", "poc_name", "poc_email")


@dataclass(frozen=True)
class GeoJsonExport:
    """The file's bytes and how many entries were written or had no coordinates."""

    content: bytes
    written: int
    without_coordinates: int


def _value(value: object) -> object:
    return str(value) if value is not None and not isinstance(value, int | float | str) else value


def export_assets_geojson(session: Session, *, operation_id: str | None,
                          where: AssetFilter = AssetFilter(),  # noqa: B008 - frozen
                          now: datetime | None = None) -> GeoJsonExport:
    """A FeatureCollection of the listed entries that have coordinates."""
    now = now or utcnow()
    features = []
    missing = 0
    for a in exported_assets(session, operation_id=operation_id, where=where):
        if a["latitude"] is None or a["longitude"] is None:
            missing += 1
            continue
        properties = {key: _value(a[key]) for key in _PROPERTIES}
        confirmed = a["confirmed_at"]
        confirmed_at = (datetime.fromisoformat(str(confirmed)).replace(tzinfo=now.tzinfo)
                        if confirmed else None)
        properties.update(
            id=a["id"], category_label=capability_label(a["category"]),
            status_label=asset_status_label(a["status"]),
            confirmed_at=confirmed_at.isoformat() if confirmed_at else None,
            stale=is_stale(confirmed_at, now=now))
        features.append({  # i18n: not shown (GeoJSON's own type names)
            "type": "Feature", "id": a["id"],
            "geometry": {"type": "Point",
                         "coordinates": [float(a["longitude"]), float(a["latitude"])]},
            "properties": properties,
        })
    collection = {"type": "FeatureCollection", "features": features}
    content = json.dumps(collection, ensure_ascii=False, indent=1).encode("utf-8")
    return GeoJsonExport(content, len(features), missing)
