"""The fictional demo operation: a cyclone response in the invented Republic of Marovia.

The content lives in `resources/demo/cyclone.json`; this module only turns it into rows.
Times in the file are offsets from landfall ("D+3T14:30", UTC), which is placed a fixed
number of days before today, so the demo always looks like a response under way.
Everything is written in one transaction: a cancelled or failed load leaves nothing.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from importlib import resources
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.db import Database
from fieldapp.i18n import _
from fieldapp.models import (
    Asset,
    AssetStatusEvent,
    Contact,
    Counter,
    Lesson,
    Operation,
    Organisation,
    Rfa,
    RfaEvent,
    new_id,
)
from fieldapp.models.enums import (
    AssetCategory,
    AssetStatus,
    LessonStatus,
    LessonTopic,
    OperationKind,
    OperationStatus,
    OrganisationType,
    PhoneKind,
    RfaPriority,
    RfaStatus,
    Sensitivity,
)
from fieldapp.progress import Progress
from fieldapp.services.operations import set_current_operation
from fieldapp.services.settings import device_code

DEMO_FILE = "cyclone.json"
# ISO 3166-1 reserves XAA-XZZ for user-assigned codes: no real country will ever have it,
# which is why the operation is written directly rather than through create_operation().
DEMO_COUNTRY = "XMV"
_OFFSET = re.compile(r"^D([+-]\d+)(?:T(\d{2}):(\d{2}))?$")


def rfa_counter_name(operation_id: str) -> str:
    """The Counter row that holds the highest RFA number used in an operation."""
    return f"rfa:{operation_id}"


def demo_operation_id(session: Session) -> str | None:
    """The id of the demo operation in this profile, or None when it is not loaded."""
    return session.scalars(
        select(Operation.id).where(
            Operation.country == DEMO_COUNTRY, Operation.deleted.is_(False)
        )
    ).first()


def has_demo(db: Database) -> bool:
    """True when the demo operation is present (and not deleted) in this profile."""
    with db.session() as session:
        return demo_operation_id(session) is not None


def read_demo_content() -> dict[str, Any]:
    """The demo scenario as stored in resources/demo, parsed from JSON."""
    source = resources.files("resources").joinpath("demo", DEMO_FILE)
    return json.loads(source.read_text(encoding="utf-8"))


def load_demo(db: Database, *, progress: Progress | None = None) -> str:
    """Load the demo operation, make it current and return its id.

    Loading it again while it is present only makes it current. Cancelling through
    `progress` (or any error) rolls everything back.
    """
    content = read_demo_content()
    with db.transaction() as session:
        existing = demo_operation_id(session)
        if existing is not None:
            set_current_operation(session, existing)
            return existing
        loader = _Loader(session, content, progress or Progress())
        return loader.load()


@dataclass(frozen=True)
class _Clock:
    """Turns "D+n" and "D+nTHH:MM" offsets from landfall into dates and UTC times."""

    landfall: date

    def _parse(self, text: str) -> tuple[date, time]:
        found = _OFFSET.match(text)
        if found is None:
            raise ValueError(f"demo data: bad time offset {text!r}")  # i18n: not shown
        day = self.landfall + timedelta(days=int(found.group(1)))
        hour, minute = found.group(2), found.group(3)
        return day, time(int(hour or 0), int(minute or 0))

    def day(self, text: str | None) -> date | None:
        return None if text is None else self._parse(text)[0]

    def at(self, text: str | None) -> datetime | None:
        if text is None:
            return None
        day, clock = self._parse(text)
        return datetime.combine(day, clock, tzinfo=UTC)


class _Loader:
    """Writes one demo scenario into a session; keys in the file become row ids."""

    def __init__(self, session: Session, content: dict[str, Any], progress: Progress) -> None:
        self.session = session
        self.content = content
        self.progress = progress
        today = datetime.now(UTC).date()
        self.clock = _Clock(today - timedelta(days=int(content["landfall_days_ago"])))
        self.places: dict[str, dict[str, Any]] = content["places"]
        self.org_ids: dict[str, str] = {}
        self.org_acronyms: dict[str, str] = {}
        self.contact_ids: dict[str, str] = {}
        self.contact_labels: dict[str, str] = {}
        self.asset_ids: dict[str, str] = {}
        self.total = 1 + sum(
            len(content[part]) for part in ("organisations", "contacts", "assets", "rfas",
                                            "lessons")
        )
        self.done = 0
        self.operation_id = ""
        self.code = ""

    def _step(self, message: str) -> None:
        self.done += 1
        self.progress.report(self.done, self.total, message)

    def load(self) -> str:
        self._operation()
        for org in self.content["organisations"]:
            self._organisation(org)
        self.session.flush()
        for contact in self.content["contacts"]:
            self._contact(contact)
        self.session.flush()
        for asset in self.content["assets"]:
            self._asset(asset)
        self.session.flush()
        highest = 0
        prefix = f"{self.code}-{device_code(self.session)}"
        for rfa in self.content["rfas"]:
            self._rfa(rfa, prefix=prefix)
            highest = max(highest, int(rfa["number"]))
        self.session.flush()
        for lesson in self.content["lessons"]:
            self._lesson(lesson)
        self.session.add(Counter(name=rfa_counter_name(self.operation_id), value=highest))
        self.session.flush()
        set_current_operation(self.session, self.operation_id)
        return self.operation_id

    def _free_code(self, wanted: str) -> str:
        """The demo's code, or a numbered variant when an earlier (deleted) demo holds it."""
        taken = set(self.session.scalars(select(Operation.code)))
        candidates = [wanted] + [f"{wanted}{n}" for n in range(2, 100)]
        return next(code for code in candidates if code not in taken)

    def _operation(self) -> None:
        data = self.content["operation"]
        self.code = self._free_code(data["code"])
        self.operation_id = new_id()
        self.session.add(
            Operation(
                id=self.operation_id,
                operation_id=self.operation_id,
                name=data["name"],
                code=self.code,
                country=DEMO_COUNTRY,
                kind=OperationKind(data["kind"]),
                hc_rc=data["hc_rc"],
                start_date=self.clock.day(data["start"]),
                status=OperationStatus.ACTIVE,
                timezone=data["timezone"],
                notes=data["notes"],
            )
        )
        self.session.flush()
        # Translators: the steps of loading the demo data, shown under a progress bar.
        self._step(_("Operation"))

    def _organisation(self, data: dict[str, Any]) -> None:
        row_id = new_id()
        self.org_ids[data["key"]] = row_id
        self.org_acronyms[data["key"]] = data["acronym"]
        self.session.add(
            Organisation(
                id=row_id,
                operation_id=self.operation_id,
                name=data["name"],
                acronym=data["acronym"],
                org_type=OrganisationType(data["type"]),
                country=data["country"],
                notes=data["notes"],
            )
        )
        self._step(_("Organisations"))

    def _contact(self, data: dict[str, Any]) -> None:
        row_id = new_id()
        self.contact_ids[data["key"]] = row_id
        name = f"{data['given']} {data['family']}"
        self.contact_labels[data["key"]] = f"{name} ({self.org_acronyms[data['org']]})"
        # In the file a phone is [kind, number] or [kind, number, false] when out of service.
        phones = [
            {"kind": PhoneKind(phone[0]).value, "number": phone[1],
             "valid": bool(phone[2]) if len(phone) > 2 else True}
            for phone in data["phones"]
        ]
        self.session.add(
            Contact(
                id=row_id,
                operation_id=self.operation_id,
                given_name=data["given"],
                family_name=data["family"],
                organisation_id=self.org_ids[data["org"]],
                role=data["role"],
                phones=phones,
                emails=list(data["emails"]),
                satellite_phone=data["sat"],
                call_sign=data["call_sign"],
                location=data["location"],
                languages=data["languages"],
                notes=data["notes"],
                favourite=bool(data["favourite"]),
            )
        )
        self._step(_("Contacts"))

    def _by(self, who: str) -> str:
        """A contact key in the file becomes "Name (ORG)"; anything else stays as written."""
        return self.contact_labels.get(who, who)

    def _place(self, key: str | None) -> tuple[str, float | None, float | None]:
        if key is None:
            return "", None, None
        place = self.places.get(key)
        if place is None:  # a place outside the map, written out in full
            return key, None, None
        return place["name"], place["lat"], place["lon"]

    def _asset(self, data: dict[str, Any]) -> None:
        row_id = new_id()
        self.asset_ids[data["key"]] = row_id
        name, lat, lon = self._place(data["place"])
        history = data["history"]
        capacity_value, capacity_unit = data["capacity"]
        available_from, available_to = data["available"]
        self.session.add(
            Asset(
                id=row_id,
                operation_id=self.operation_id,
                category=AssetCategory(data["category"]),
                description=data["description"],
                provider_state=data["state"],
                provider_unit=data["unit"],
                capacity_value=capacity_value,
                capacity_unit=capacity_unit,
                quantity=data["quantity"],
                status=AssetStatus(history[-1][0]),
                latitude=lat,
                longitude=lon,
                place_name=data.get("place_name") or name,
                available_from=self.clock.day(available_from),
                available_to=self.clock.day(available_to),
                poc_contact_id=self.contact_ids[data["poc"]],
                cost_basis=data["cost"],
                notes=data["notes"],
                confirmed_at=self.clock.at(history[-1][1]),
            )
        )
        for status, at, by, comment in history:
            self.session.add(
                AssetStatusEvent(
                    operation_id=self.operation_id,
                    asset_id=row_id,
                    status=AssetStatus(status),
                    at=self.clock.at(at),
                    by=self._by(by),
                    comment=comment,
                )
            )
        self._step(_("Assets"))

    def _rfa(self, data: dict[str, Any], *, prefix: str) -> None:
        row_id = new_id()
        from_name, from_lat, from_lon = self._place(data["from"])
        to_name, to_lat, to_lon = self._place(data["to"])
        required_from, required_until = data["required"]
        other_quantity, other_unit = data["other"]
        history = data["history"]
        self.session.add(
            Rfa(
                id=row_id,
                operation_id=self.operation_id,
                reference=f"{prefix}-{int(data['number']):04d}",
                requesting_org_id=self.org_ids[data["org"]],
                cluster=data["cluster"],
                contact_id=self.contact_ids[data["contact"]],
                capability=AssetCategory(data["capability"]),
                title=data["title"],
                task_description=data["task"],
                from_place=from_name,
                to_place=to_name,
                from_lat=from_lat,
                from_lon=from_lon,
                to_lat=to_lat,
                to_lon=to_lon,
                required_from=self.clock.at(required_from),
                required_until=self.clock.at(required_until),
                passengers=data["passengers"],
                cargo_tonnes=data["cargo_tonnes"],
                cargo_m3=data["cargo_m3"],
                other_quantity=other_quantity,
                other_unit=other_unit,
                priority=RfaPriority(data["priority"]),
                civilian_means_tried=data["civilian"],
                last_resort_justification=data["last_resort"],
                capability_unique=bool(data["unique"]),
                security_considerations=data["security"],
                proposed_asset_ids=[self.asset_ids[key] for key in data["proposed"]],
                tasked_asset_id=self.asset_ids[data["tasked"]] if data["tasked"] else None,
                remarks=data["remarks"],
                status=RfaStatus(history[-1][0]),
            )
        )
        previous = ""
        for status, at, by, comment in history:
            self.session.add(
                RfaEvent(
                    operation_id=self.operation_id,
                    rfa_id=row_id,
                    from_status=previous,
                    to_status=RfaStatus(status),
                    at=self.clock.at(at),
                    by=self._by(by),
                    comment=comment,
                )
            )
            previous = status
        self._step(_("Requests for assistance"))

    def _lesson(self, data: dict[str, Any]) -> None:
        self.session.add(
            Lesson(
                operation_id=self.operation_id,
                title=data["title"],
                observed_on=self.clock.day(data["observed"]),
                exercise_name=data["exercise"],
                location=data["location"],
                topic=LessonTopic(data["topic"]),
                observation=data["observation"],
                discussion=data["discussion"],
                recommendation=data["recommendation"],
                suggested_owner=data["owner"],
                keywords=data["keywords"],
                sensitivity=Sensitivity(data["sensitivity"]),
                status=LessonStatus(data["status"]),
                hq_comment=data["hq_comment"],
            )
        )
        self._step(_("Lessons observed"))
