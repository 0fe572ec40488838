"""Fill a profile with one synthetic operation of realistic size: `python -m bench.make_data`.

    python -m bench.make_data --contacts 100000 --assets 20000 --rfas 10000 \
        --lessons 2000 --profile DIR

The rows stand for data already synced from HQ, so they are written with SQLAlchemy Core
bulk inserts (no ORM, no outbox entries) and carry a server `rev`. The FTS5 triggers index
them as they go in. A fixed seed and a fixed calendar make the content reproducible; the
officer and the current operation are set so the app opens straight into it. Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from fieldapp.db import Database
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
)
from fieldapp.models.enums import (
    AssetCategory,
    AssetStatus,
    LessonStatus,
    LessonTopic,
    OrganisationType,
    PhoneKind,
    RfaPriority,
    RfaStatus,
)
from fieldapp.paths import resolve_profile
from fieldapp.services.operations import set_current_operation
from fieldapp.services.settings import device_code, save_officer

SEED = 20261125
CHUNK = 5000
OPERATION_CODE = "SYN"
OPERATION_COUNTRY = "XSY"  # ISO user-assigned: a synthetic country, like the data
DAY_ZERO = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)  # a fixed calendar keeps runs identical
OFFICER = ("Alex Morrow (benchmark)", "OCHA")

# --- word lists: enough variety that every search box query finds a realistic spread ----

# Syllables are mostly consonant-vowel, as in most names; clusters and codas are rarer.
ONSETS = ["b", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z",
          "b", "d", "k", "l", "m", "n", "r", "s", "t", "ch", "sh", "br", "tr", "j", "y"]
VOWELS = ["a", "e", "i", "o", "u", "a", "e", "i", "o", "a", "ai", "ou", "é"]
CODAS = ["", "", "", "", "", "", "n", "r", "l", "s"]
GIVEN_ENDINGS = ["", "", "a", "o", "e", "ine", "el", "an", "ia", "is", "ek", "y"]
FAMILY_ENDINGS = ["", "son", "ez", "ova", "ski", "elli", "ani", "ou", "berg", "ando", "is",
                  "ian", "ovic", "ero", "mann", "ambo", "ssa", "ndra", "ley", "oglu", "ić"]
ROLES = [
    "Logistics officer", "Logistics Cluster Coordinator", "Liaison officer",
    "UN-CMCoord officer", "Civil-military coordination officer", "Security adviser",
    "Conseiller sécurité", "Field security officer", "Medical team leader",
    "Health Cluster Coordinator", "Water engineer", "WASH officer", "Fleet manager",
    "Port captain", "Harbour master", "Air operations officer", "Helicopter operations officer",
    "J9 CIMIC officer", "J3 operations officer", "Information management officer",
    "Field coordinator", "Head of sub-office", "Head of office", "Shelter specialist",
    "Programme officer", "Procurement officer", "District commissioner", "Radio operator",
    "Satellite communications technician", "Hospital director", "Nurse coordinator",
    "Warehouse manager", "Customs liaison", "Protection officer", "Community liaison",
    "Engineer platoon commander", "Bridge engineer", "Search and rescue team leader",
    "Civil protection coordinator", "Donor liaison", "Public information officer",
    "Access negotiator", "Convoy leader", "Cluster co-lead", "Emergency coordinator",
    "Jefe de logística", "Coordinateur des opérations", "Oficial de enlace",
]
LANGUAGES = ["English", "French", "Spanish", "Arabic", "Portuguese", "Swahili", "Russian",
             "Hindi", "Indonesian", "German", "Turkish", "Amharic", "Tagalog", "Urdu"]
UN_AGENCIES = [("OCHA", "Office for the Coordination of Humanitarian Affairs"),
               ("WFP", "World Food Programme"), ("UNICEF", "United Nations Children's Fund"),
               ("WHO", "World Health Organization"), ("UNHCR", "UN Refugee Agency"),
               ("IOM", "International Organization for Migration"),
               ("UNDP", "United Nations Development Programme"),
               ("UNFPA", "United Nations Population Fund"),
               ("FAO", "Food and Agriculture Organization"),
               ("UNHAS", "UN Humanitarian Air Service"),
               ("UNDSS", "UN Department of Safety and Security"),
               ("UNOPS", "UN Office for Project Services")]
STATES = [("FRA", "French"), ("IND", "Indian"), ("ZAF", "South African"),
          ("AUS", "Australian"), ("JPN", "Japanese"), ("GBR", "British"), ("USA", "US"),
          ("CAN", "Canadian"), ("BRA", "Brazilian"), ("DEU", "German"), ("NLD", "Dutch"),
          ("NOR", "Norwegian"), ("SWE", "Swedish"), ("ITA", "Italian"), ("ESP", "Spanish"),
          ("KOR", "Korean"), ("IDN", "Indonesian"), ("MYS", "Malaysian"), ("CHL", "Chilean"),
          ("NZL", "New Zealand"), ("TUR", "Turkish"), ("PAK", "Pakistani"),
          ("BGD", "Bangladeshi"), ("KEN", "Kenyan"), ("SGP", "Singaporean")]
MILITARY_UNITS = ["Joint Task Force", "Naval Task Group", "Air Detachment",
                  "Engineer Contingent", "Medical Battalion", "Helicopter Squadron",
                  "Logistics Battalion", "Signals Company", "Marine Expeditionary Unit"]
NGO_WORDS = (["Coastal", "Hope", "Global", "Community", "Clean", "Open", "First", "Bridge",
              "Children's", "Rural", "Island", "United", "Safe"],
             ["Relief", "Water", "Health", "Aid", "Shelter", "Care", "Response", "Futures",
              "Development", "Rescue"],
             ["Alliance", "Network", "International", "Foundation", "Initiative", "Trust",
              "Partners", "Action", "Sans Frontières", "Solidarity"])
BUSINESSES = ["Telecom", "Shipping", "Airport Handling", "University", "Radio", "Trucking"]
MINISTRIES = ["Health", "Interior", "Public Works", "Transport", "Water and Sanitation",
              "Social Affairs", "Defence", "Foreign Affairs", "Agriculture", "Education"]
CLUSTERS = ["Logistics", "Health", "WASH", "Shelter", "Food Security", "Nutrition",
            "Protection", "CCCM", "Emergency Telecommunications", "Education", "Early Recovery"]
CARGO = ["food rations", "high-energy biscuits", "water purification tablets", "hygiene kits",
         "shelter kits", "tarpaulins", "medical supplies", "vaccines (cold chain)",
         "jerrycans", "fuel for generators", "mobile storage units", "kitchen sets",
         "emergency health kits", "solar lamps", "blankets"]
COST_BASIS = ["Provider bears all costs (no charge to the UN)",
              "Cost recovery: fuel and landing fees paid by the requesting agency",
              "Reimbursable at provider rates", "Shared: provider pays crews, UN pays fuel",
              "National resource", "Funded by the providing state"]

ASSET_KINDS: dict[str, list[tuple[str, str, tuple[int, int]]]] = {
    # category: (description, capacity unit, capacity range)
    AssetCategory.AIRLIFT_FIXED_WING: [
        ("Tactical transport aircraft for short unpaved strips", "t payload", (10, 20)),
        ("Heavy transport aircraft for regional airlift", "t payload", (30, 70))],
    AssetCategory.AIRLIFT_HELICOPTER: [
        ("Medium-lift utility helicopters, night capable, underslung loads", "t per sortie",
         (2, 4)),
        ("Heavy-lift helicopter for bridge sections and vehicles", "t underslung", (8, 12)),
        ("Light helicopter for reconnaissance and liaison", "passengers", (3, 6))],
    AssetCategory.SEALIFT: [
        ("Amphibious support ship with landing craft for beach landings", "t deck cargo",
         (300, 900)),
        ("Coast guard patrol boats for island rotations", "t per boat", (5, 12))],
    AssetCategory.GROUND_TRANSPORT: [
        ("4x4 cargo trucks with drivers, fording capable", "t per truck", (4, 10)),
        ("Fuel bowsers for airfield and generator refuelling", "m³ per bowser", (10, 30))],
    AssetCategory.ENGINEERING: [
        ("Engineer troop with modular steel bridge", "t load class", (30, 70)),
        ("Road clearance team with excavators, graders and loaders", "plant items", (6, 20)),
        ("Airfield repair team for runway craters and lighting", "personnel", (20, 60))],
    AssetCategory.MEDICAL: [
        ("Role 2 field hospital with surgery and intensive care", "beds", (20, 60)),
        ("Medical team for outpatient care and minor surgery", "consultations per day",
         (100, 300)),
        ("Aeromedical evacuation team", "stretcher patients", (2, 8))],
    AssetCategory.WATER_SANITATION: [
        ("Water purification module with bladders and tap stands", "m³ per day", (100, 300)),
        ("Reverse osmosis plant delivered ashore by landing craft", "m³ per day", (40, 120))],
    AssetCategory.COMMUNICATIONS: [
        ("Satellite communications team with VSAT and BGAN terminals", "terminals", (2, 8)),
        ("HF radio net with operators for district crisis cells", "stations", (4, 16))],
    AssetCategory.LOGISTICS_HANDLING: [
        ("Air movements team with K-loaders and pallet equipment", "t per day", (80, 250)),
        ("Port handling team with forklifts and reach stackers", "t per day", (200, 600))],
    AssetCategory.SEARCH_AND_RESCUE: [
        ("Heavy urban search and rescue team with search dogs", "personnel", (40, 80)),
        ("Water rescue section with inflatable boats", "persons per boat", (6, 12))],
    AssetCategory.SHELTER: [
        ("Family tents pitched by civil protection volunteers", "people", (1000, 5000))],
    AssetCategory.POWER_GENERATION: [
        ("Generator sets with fuel bladders and electricians", "kVA each", (50, 250))],
    AssetCategory.OTHER: [
        ("Unmanned aerial survey team for damage mapping", "km² per day", (20, 80)),
        ("Mortuary affairs and identification team", "personnel", (10, 30))],
}
RFA_TITLES: dict[str, list[str]] = {
    AssetCategory.AIRLIFT_FIXED_WING: ["Fixed-wing airlift of {cargo} from {a} to {b}"],
    AssetCategory.AIRLIFT_HELICOPTER: ["Helicopter airlift of {cargo} to {b}",
                                       "Helicopter medical evacuation standby for {b}"],
    AssetCategory.SEALIFT: ["Sealift of {cargo} to {b} by landing craft"],
    AssetCategory.GROUND_TRANSPORT: ["Road transport of {cargo} from {a} to {b}"],
    AssetCategory.ENGINEERING: ["Temporary bridge at {b}", "Clearing the road from {a} to {b}",
                                "Airfield repair at {b}"],
    AssetCategory.MEDICAL: ["Field hospital capacity for {b}", "Medical team for {b} hospital"],
    AssetCategory.WATER_SANITATION: ["Water purification for displacement sites in {b}",
                                     "Water trucking to {b}"],
    AssetCategory.COMMUNICATIONS: ["Satellite communications for the {b} hub",
                                   "HF radio net linking {b} to the emergency centre"],
    AssetCategory.LOGISTICS_HANDLING: ["Cargo handling at {b} airport", "Port handling at {b}"],
    AssetCategory.SEARCH_AND_RESCUE: ["Search and rescue in {b}"],
    AssetCategory.SHELTER: ["Emergency shelter for displaced families in {b}"],
    AssetCategory.POWER_GENERATION: ["Generators for {b} district hospital"],
    AssetCategory.OTHER: ["Armed escort for convoy to {b}", "Aerial damage survey of {b}"],
}
TASK_SENTENCES = [
    "Move {t} t of {cargo} from {a} to {b} in about {n} rotations.",
    "The road between {a} and {b} is cut at several points and will not reopen before day {d}.",
    "Cargo is palletised and manifested by the requesting agency at {a}.",
    "Agency staff travel with the first load to receive it at {b}.",
    "About {p} people in {b} have had no safe water or food since the disaster.",
    "The task ends when the logistics cluster confirms that civilian transport can resume.",
    "Landing sites are marked by volunteers and confirmed by the aviation authority each evening.",
    "Engineers work under the district crisis cell; the structure remains a civilian asset.",
]
CIVILIAN_SENTENCES = [
    "UNHAS has no helicopter in the country before day {d}.",
    "The logistics cluster asked {n} commercial carriers; none can meet the need in time.",
    "No commercial contractor operates in the area.",
    "The host government's civilian services lack the capacity.",
    "NGOs and the Red Cross have no means to reach {b} in time.",
    "Commercial cargo flights are suspended and charter brokers found no aircraft.",
]
LAST_RESORT_SENTENCES = [
    "Military assets are the last resort: no comparable civilian alternative can meet this "
    "critical need in time.",
    "Lives depend on reaching {b} within {n} days and only this capability can do so.",
    "Use is limited in time and ends when civilian means become available.",
    "The task remains under civilian coordination and does not affect perceptions of "
    "neutrality in {b}.",
]
SECURITY = ["No security threat.", "No weapons to be carried into humanitarian sites.",
            "Relief items to carry no military markings.",
            "Crowds reported at distributions in {b}; UNDSS assesses the threat as low.",
            "Sécurité: movement north of {a} after dark needs UNDSS clearance.", ""]
LESSON_TITLES = [
    "Agree the RFA validation route with the HC on day one",
    "One shared list of helicopter landing sites for {b}",
    "Civil-military meeting clashed with the {cluster} cluster meeting",
    "Armed escort request declined after a threat assessment in {b}",
    "Asset offers arrived before needs were assessed",
    "Sharing damage maps with the military: agree what, not whether",
    "Directory entries for {category} assets were out of date",
    "Liaison officers at the {cluster} cluster improved tasking",
    "Fuel for military helicopters at {b} came from humanitarian stocks",
    "Exercise scenario on {category} requests was too easy",
]
OBSERVATIONS = [
    "In the first week, requests for {category} waited hours for validation in {b}.",
    "Three lists of landing sites were in use; one sortie landed at a closed site near {b}.",
    "The {cluster} cluster sent junior staff to the civil-military meeting because of a clash.",
    "Military planners returned requests asking what life-sustaining meant.",
    "Two offers of {category} were announced in the media before the government accepted them.",
    "Some agencies refused to share maps with the military; others shared personal data.",
]
DISCUSSIONS = [
    "Nobody had been given the job of merging the information, so each actor kept its own.",
    "The procedure is silent on delegation and on how fast a decision must come.",
    "Recording offers as offered, without a request, kept them visible without commitment.",
    "A short briefing for the coordination centre staff answered most questions.",
    "The delay mattered most for cut-off communities around {b}.",
]
RECOMMENDATIONS = [
    "Agree in writing, at the first meeting, who validates requests and how quickly.",
    "Ask the aviation authority to publish one list of landing sites every evening.",
    "Build one meeting calendar with the coordination centre and the cluster coordinators.",
    "Record every offer in the asset directory with its status and point of contact.",
    "Agree a one-page rule on what information is shared with military actors.",
    "Ask providers to confirm their directory entries every year.",
]
RFA_PATHS: dict[str, list[str]] = {
    RfaStatus.DRAFT: ["draft"],
    RfaStatus.SUBMITTED: ["draft", "submitted"],
    RfaStatus.RETURNED: ["draft", "submitted", "returned"],
    RfaStatus.VALIDATED: ["draft", "submitted", "validated"],
    RfaStatus.PASSED_TO_MILITARY: ["draft", "submitted", "validated", "passed_to_military"],
    RfaStatus.TASKED: ["draft", "submitted", "validated", "passed_to_military", "tasked"],
    RfaStatus.COMPLETED: ["draft", "submitted", "validated", "passed_to_military", "tasked",
                          "completed"],
    RfaStatus.REJECTED: ["draft", "submitted", "rejected"],
    RfaStatus.CANCELLED: ["draft", "submitted", "validated", "cancelled"],
}
RFA_STATUS_WEIGHTS = [8, 6, 3, 5, 6, 10, 45, 7, 10]  # in RFA_PATHS order
ASSET_ORDER = [status.value for status in AssetStatus]
ASSET_STATUS_WEIGHTS = [20, 20, 8, 10, 30, 12]


@dataclass
class Counts:
    """How many rows of each kind to make."""

    contacts: int
    assets: int
    rfas: int
    lessons: int


@dataclass
class _World:
    """Names and ids generated once and shared by every table."""

    rng: random.Random
    operation_id: str
    given: list[str] = field(default_factory=list)
    family: list[str] = field(default_factory=list)
    places: list[tuple[str, float, float]] = field(default_factory=list)
    orgs: list[tuple[str, str, str, str]] = field(default_factory=list)  # id, name, acr, type
    contact_ids: list[str] = field(default_factory=list)
    contact_names: list[str] = field(default_factory=list)
    asset_ids: list[str] = field(default_factory=list)
    rev: int = 0

    def next_rev(self) -> int:
        self.rev += 1
        return self.rev

    def uid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def at(self, day: float) -> datetime:
        return DAY_ZERO + timedelta(days=day)


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS)
                   for _ in range(syllables))


def _names(rng: random.Random, count: int, endings: list[str], sizes: tuple[int, ...]) -> list[str]:
    found: set[str] = set()
    while len(found) < count:
        name = (_word(rng, rng.choice(sizes)) + rng.choice(endings)).capitalize()
        if len(name) >= 3:
            found.add(name)
    return sorted(found)


def _build_world(rng: random.Random, operation_id: str) -> _World:
    world = _World(rng=rng, operation_id=operation_id)
    world.given = _names(rng, 1500, GIVEN_ENDINGS, (1, 2, 2))
    world.family = _names(rng, 6000, FAMILY_ENDINGS, (2, 2, 3))
    prefixes = ["", "", "", "Port ", "Cap ", "Saint-", "Pointe ", "Baie de ", "Mont "]
    for name in _names(rng, 400, ["", "a", "o", "ville", "burg", "ia"], (2, 3)):
        world.places.append((rng.choice(prefixes) + name, round(rng.uniform(-14.5, -12.5), 4),
                             round(rng.uniform(63.3, 64.8), 4)))
    return world


def _organisation_rows(world: _World, count: int) -> list[dict[str, Any]]:
    rng = world.rng
    makers: dict[str, Callable[[], tuple[str, str, str]]] = {
        OrganisationType.UN_AGENCY: lambda: _un_org(rng, world),
        OrganisationType.NGO: lambda: _ngo(rng),
        OrganisationType.RED_CROSS: lambda: (f"{rng.choice(world.places)[0]} branch, "
                                             "National Red Cross Society", "NRCS", ""),
        OrganisationType.HOST_GOVERNMENT: lambda: _government(rng, world),
        OrganisationType.NATIONAL_MILITARY: lambda: (
            f"{rng.randint(1, 30)}{_ordinal(rng)} {rng.choice(MILITARY_UNITS[3:])}, "
            "National Defence Force", "NDF", OPERATION_COUNTRY),
        OrganisationType.FOREIGN_MILITARY: lambda: _foreign_military(rng),
        OrganisationType.CIVIL_DEFENCE: lambda: _civil_defence(rng),
        OrganisationType.DONOR: lambda: (f"{rng.choice(STATES)[1]} Humanitarian Aid Office",
                                         "HAO", ""),
        OrganisationType.OTHER: lambda: (f"{rng.choice(world.places)[0]} {rng.choice(BUSINESSES)}",
                                         "", OPERATION_COUNTRY),
    }
    types = list(makers)
    rows = []
    for i in range(count):
        org_type = types[i % len(types)] if i < len(types) else rng.choice(types)
        name, acronym, country = makers[org_type]()
        row_id = world.uid()
        world.orgs.append((row_id, name, acronym, org_type))
        rows.append({
            "id": row_id, "operation_id": world.operation_id, "rev": world.next_rev(),
            "updated_at": world.at(rng.uniform(0, 30)), "deleted": False, "name": name,
            "acronym": acronym, "org_type": str(org_type), "country": country,
            "notes": rng.choice(["", "", "Works with the district crisis cell.",
                                 "Point of contact rotates weekly."]),
        })
    return rows


def _ordinal(rng: random.Random) -> str:
    return rng.choice(["st", "nd", "rd", "th"])


def _un_org(rng: random.Random, world: _World) -> tuple[str, str, str]:
    acronym, name = rng.choice(UN_AGENCIES)
    return f"{name}, {rng.choice(world.places)[0]} sub-office", acronym, ""


def _ngo(rng: random.Random) -> tuple[str, str, str]:
    words = [rng.choice(part) for part in NGO_WORDS]
    return " ".join(words), "".join(w[0] for w in words).upper(), ""


def _government(rng: random.Random, world: _World) -> tuple[str, str, str]:
    choice = rng.randrange(3)
    if choice == 0:
        ministry = rng.choice(MINISTRIES)
        return f"Ministry of {ministry}", "Mo" + ministry[0], OPERATION_COUNTRY
    if choice == 1:
        return f"{rng.choice(world.places)[0]} District Administration", "DA", OPERATION_COUNTRY
    return f"Port Authority of {rng.choice(world.places)[0]}", "PA", OPERATION_COUNTRY


def _foreign_military(rng: random.Random) -> tuple[str, str, str]:
    code, adjective = rng.choice(STATES)
    unit = rng.choice(MILITARY_UNITS)
    return f"{adjective} {unit}", f"{code}-{''.join(w[0] for w in unit.split())}", code


def _civil_defence(rng: random.Random) -> tuple[str, str, str]:
    code, adjective = rng.choice(STATES)
    module = rng.choice(["Water Purification Module", "USAR Team", "Shelter Module",
                         "Flood Rescue Module", "Field Hospital Module"])
    return f"{adjective} Civil Protection {module}", f"{code}-CP", code


def _phone(rng: random.Random, kind: str) -> str:
    if kind == PhoneKind.SATELLITE:
        return rng.choice(["+8816", "+88216"]) + "".join(rng.choices("0123456789", k=8))
    prefix = {"mobile": "7", "office": "2", "radio": "4"}[kind]
    return f"+296{prefix}" + "".join(rng.choices("0123456789", k=7))


def _contact_rows(world: _World, count: int) -> Iterator[list[dict[str, Any]]]:
    rng = world.rng
    chunk: list[dict[str, Any]] = []
    for _ in range(count):
        given = rng.choice(world.given)
        family = rng.choice(world.family)
        org_id, _, acronym, _ = rng.choice(world.orgs)
        domain = (acronym or "org").lower().replace(" ", "") + ".example"
        phones = [{"kind": "mobile", "number": _phone(rng, "mobile"), "valid": True}]
        if rng.random() < 0.5:
            phones.append({"kind": "office", "number": _phone(rng, "office"), "valid": True})
        satellite = _phone(rng, "satellite") if rng.random() < 0.25 else ""
        if satellite:
            phones.append({"kind": "satellite", "number": satellite, "valid": True})
        if rng.random() < 0.05:
            phones.append({"kind": "radio", "number": _phone(rng, "radio"), "valid": True})
        if rng.random() < 0.1:
            phones[0]["valid"] = False
        place = rng.choice(world.places)[0]
        row_id = world.uid()
        world.contact_ids.append(row_id)
        world.contact_names.append(f"{given} {family}")
        chunk.append({
            "id": row_id, "operation_id": world.operation_id, "rev": world.next_rev(),
            "updated_at": world.at(rng.uniform(0, 30)), "deleted": rng.random() < 0.01,
            "given_name": given, "family_name": family, "organisation_id": org_id,
            "role": rng.choice(ROLES), "phones": phones,
            "emails": [f"{given}.{family}@{domain}".lower()],
            "satellite_phone": satellite,
            "call_sign": (f"{rng.choice(['Alpha', 'Bravo', 'Kilo', 'Sierra', 'Papa', 'Tango'])} "
                          f"{rng.randint(1, 99)}") if rng.random() < 0.2 else "",
            "location": place,
            "languages": ", ".join(rng.sample(LANGUAGES, rng.randint(1, 3))),
            "notes": rng.choice(["", "", "", f"Meets at {place} coordination meeting.",
                                 "Best reached by satellite phone in the evening."]),
            "favourite": rng.random() < 0.02,
        })
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _asset_rows(world: _World, count: int) -> Iterator[tuple[list[dict[str, Any]],
                                                             list[dict[str, Any]]]]:
    rng = world.rng
    categories = list(ASSET_KINDS)
    assets: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    for _ in range(count):
        category = rng.choice(categories)
        description, unit, (low, high) = rng.choice(ASSET_KINDS[category])
        code, adjective = rng.choice(STATES)
        status = rng.choices(ASSET_ORDER, weights=ASSET_STATUS_WEIGHTS)[0]
        place, lat, lon = rng.choice(world.places)
        start = rng.uniform(0, 20)
        row_id = world.uid()
        world.asset_ids.append(row_id)
        history = ASSET_ORDER[: ASSET_ORDER.index(status) + 1]
        day = start
        for step in history:
            day += rng.uniform(0.05, 2)
            events.append({
                "id": world.uid(), "operation_id": world.operation_id, "rev": world.next_rev(),
                "updated_at": world.at(day), "deleted": False, "asset_id": row_id,
                "status": step, "at": world.at(day),
                "by": rng.choice(world.contact_names), "comment": "",
            })
        assets.append({
            "id": row_id, "operation_id": world.operation_id, "rev": world.next_rev(),
            "updated_at": world.at(day), "deleted": False, "category": str(category),
            "description": f"{description}; {rng.choice(CARGO)} priority.",
            "provider_state": code,
            "provider_unit": f"{adjective} {rng.choice(MILITARY_UNITS)} {rng.randint(1, 40)}",
            "capacity_value": float(rng.randint(low, high)), "capacity_unit": unit,
            "quantity": rng.randint(1, 12), "status": status, "latitude": lat,
            "longitude": lon, "place_name": place,
            "available_from": (DAY_ZERO + timedelta(days=start)).date(),
            "available_to": (DAY_ZERO + timedelta(days=start + rng.randint(7, 90))).date(),
            "poc_contact_id": rng.choice(world.contact_ids),
            "cost_basis": rng.choice(COST_BASIS),
            "notes": rng.choice(["", "", "Fuel from the humanitarian bowser.",
                                 "Daylight operations only."]),
            "confirmed_at": world.at(day),
        })
        if len(assets) >= CHUNK:
            yield assets, events
            assets, events = [], []
    if assets:
        yield assets, events


def _fill(text: str, values: dict[str, Any]) -> str:
    return text.format(**values)


def _rfa_rows(world: _World, count: int, *, code: str,
              numbers: dict[str, int]) -> Iterator[tuple[list[dict[str, Any]],
                                                         list[dict[str, Any]]]]:
    """RFAs and their histories; `numbers` (device code -> last number) is advanced."""
    rng = world.rng
    statuses = list(RFA_PATHS)
    categories = list(RFA_TITLES)
    devices = sorted(numbers)
    rfas: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    for _ in range(count):
        device = rng.choice(devices)
        numbers[device] += 1
        status = rng.choices(statuses, weights=RFA_STATUS_WEIGHTS)[0]
        category = rng.choice(categories)
        (a, a_lat, a_lon), (b, b_lat, b_lon) = rng.sample(world.places, 2)
        values = {"a": a, "b": b, "cargo": rng.choice(CARGO), "t": rng.randint(2, 300),
                  "n": rng.randint(2, 40), "d": rng.randint(3, 20),
                  "p": rng.randint(5, 200) * 100, "cluster": rng.choice(CLUSTERS),
                  "category": category.replace("_", " ")}
        row_id = world.uid()
        day = rng.uniform(0, 25)
        previous = ""
        for step in RFA_PATHS[status]:
            day += rng.uniform(0.02, 1.5)
            events.append({
                "id": world.uid(), "operation_id": world.operation_id, "rev": world.next_rev(),
                "updated_at": world.at(day), "deleted": False, "rfa_id": row_id,
                "from_status": previous, "to_status": step, "at": world.at(day),
                "by": rng.choice(world.contact_names),
                "comment": rng.choice(["", "", "Validated.", "Passed to the coordination centre.",
                                       "See e-mail of this morning."]),
            })
            previous = step
        tasked = status in (RfaStatus.TASKED, RfaStatus.COMPLETED)
        proposed = rng.sample(world.asset_ids, min(len(world.asset_ids), rng.randint(0, 3)))
        rfas.append({
            "id": row_id, "operation_id": world.operation_id, "rev": world.next_rev(),
            "updated_at": world.at(day), "deleted": False,
            "reference": f"{code}-{device}-{numbers[device]:04d}",
            "requesting_org_id": rng.choice(world.orgs)[0], "cluster": values["cluster"],
            "contact_id": rng.choice(world.contact_ids), "capability": str(category),
            "title": _fill(rng.choice(RFA_TITLES[category]), values),
            "task_description": " ".join(_fill(s, values)
                                         for s in rng.sample(TASK_SENTENCES, 3)),
            "from_place": a, "to_place": b, "from_lat": a_lat, "from_lon": a_lon,
            "to_lat": b_lat, "to_lon": b_lon,
            "required_from": world.at(day + 1), "required_until": world.at(day + 1 +
                                                                           rng.randint(1, 30)),
            "passengers": rng.choice([None, None, rng.randint(1, 40)]),
            "cargo_tonnes": float(values["t"]), "cargo_m3": float(values["t"] * 3),
            "other_quantity": None, "other_unit": "",
            "priority": rng.choices(list(RfaPriority), weights=[3, 5, 2])[0].value,
            "civilian_means_tried": " ".join(_fill(s, values)
                                             for s in rng.sample(CIVILIAN_SENTENCES, 2)),
            "last_resort_justification": " ".join(
                _fill(s, values) for s in rng.sample(LAST_RESORT_SENTENCES, 2)),
            "capability_unique": rng.random() < 0.4,
            "security_considerations": _fill(rng.choice(SECURITY), values),
            "proposed_asset_ids": proposed,
            "tasked_asset_id": _tasked_asset(rng, world, proposed) if tasked else None,
            "remarks": rng.choice(["", "", "", "Paper copy signed at the coordination meeting."]),
            "status": status.value,
        })
        if len(rfas) >= CHUNK:
            yield rfas, events
            rfas, events = [], []
    yield rfas, events


def _tasked_asset(rng: random.Random, world: _World, proposed: list[str]) -> str | None:
    if proposed:
        return proposed[0]
    return rng.choice(world.asset_ids) if world.asset_ids else None


def _lesson_rows(world: _World, count: int) -> list[dict[str, Any]]:
    rng = world.rng
    rows = []
    for _ in range(count):
        values = {"b": rng.choice(world.places)[0], "cluster": rng.choice(CLUSTERS),
                  "category": rng.choice(list(ASSET_KINDS)).replace("_", " ")}
        exercise = rng.random() < 0.15
        rows.append({
            "id": world.uid(), "operation_id": world.operation_id, "rev": world.next_rev(),
            "updated_at": world.at(rng.uniform(0, 40)), "deleted": False,
            "title": _fill(rng.choice(LESSON_TITLES), values),
            "observed_on": (DAY_ZERO + timedelta(days=rng.randint(-400, 40))).date(),
            "exercise_name": f"Exercise {_word(rng, 2).capitalize()} Shield" if exercise else "",
            "location": values["b"], "topic": rng.choice(list(LessonTopic)).value,
            "observation": " ".join(_fill(s, values) for s in rng.sample(OBSERVATIONS, 2)),
            "discussion": " ".join(_fill(s, values) for s in rng.sample(DISCUSSIONS, 2)),
            "recommendation": _fill(rng.choice(RECOMMENDATIONS), values),
            "suggested_owner": rng.choice(["CMCS", "OCHA", "Logistics Cluster", "HC/RC office"]),
            "keywords": ", ".join(rng.sample(["validation", "helicopter", "last resort",
                                              "liaison", "MNCC", "information sharing",
                                              "escort", "directory", "training"], 3)),
            "sensitivity": rng.choice(["public", "internal"]),
            "status": rng.choice(list(LessonStatus)).value,
            "hq_comment": "",
        })
    return rows


def _insert(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    if rows:
        session.execute(insert(table), rows)


def make_data(profile: Path, counts: Counts, *, seed: int = SEED) -> dict[str, float | int]:
    """Create the synthetic operation in `profile` and return what was made and how long."""
    start = time.perf_counter()
    db = Database.open(resolve_profile(profile))
    rng = random.Random(seed)
    try:
        with db.transaction() as session:
            if session.scalars(select(Operation.id).where(
                    Operation.code == OPERATION_CODE)).first() is not None:
                raise SystemExit(f"{profile} already holds the synthetic operation "
                                 f"{OPERATION_CODE}; use an empty profile folder.")
            operation_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            world = _build_world(rng, operation_id)
            _insert(session, Operation.__table__, [{
                "id": operation_id, "operation_id": operation_id, "rev": world.next_rev(),
                "updated_at": DAY_ZERO, "deleted": False,
                "name": "Synthetic flood and cyclone response (benchmark data)",
                "code": OPERATION_CODE, "country": OPERATION_COUNTRY,
                "kind": "natural_disaster", "hc_rc": "Synthetic Coordinator",
                "start_date": DAY_ZERO.date(), "end_date": None, "status": "active",
                "timezone": "UTC", "notes": "Generated by bench.make_data; not real data.",
            }])
            _insert(session, Organisation.__table__,
                    _organisation_rows(world, max(40, counts.contacts // 250)))
            for chunk in _contact_rows(world, counts.contacts):
                _insert(session, Contact.__table__, chunk)
            for assets, events in _asset_rows(world, counts.assets):
                _insert(session, Asset.__table__, assets)
                _insert(session, AssetStatusEvent.__table__, events)
            # RFAs come from a dozen officers' devices; this profile continues its own series.
            own = device_code(session)
            numbers = {f"{n:02d}": 0 for n in range(11, 23)}
            for rfas, events in _rfa_rows(world, counts.rfas, code=OPERATION_CODE,
                                          numbers=numbers):
                _insert(session, Rfa.__table__, rfas)
                _insert(session, RfaEvent.__table__, events)
            _insert(session, Lesson.__table__, _lesson_rows(world, counts.lessons))
            session.add(Counter(name=f"rfa:{operation_id}", value=numbers.get(own, 0)))
            save_officer(session, name=OFFICER[0], organisation=OFFICER[1])
            set_current_operation(session, operation_id)
    finally:
        db.close()
    return {"contacts": counts.contacts, "assets": counts.assets, "rfas": counts.rfas,
            "lessons": counts.lessons, "seconds": round(time.perf_counter() - start, 2)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=100_000)
    parser.add_argument("--assets", type=int, default=20_000)
    parser.add_argument("--rfas", type=int, default=10_000)
    parser.add_argument("--lessons", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--profile", type=Path, required=True)
    args = parser.parse_args(argv)
    counts = Counts(args.contacts, args.assets, args.rfas, args.lessons)
    print(json.dumps(make_data(args.profile, counts, seed=args.seed)))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
