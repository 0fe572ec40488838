"""The officer roster and deployments (role `coordinator`): profiles, deployments, and who
is deployed where or available.

Deployments drive membership. Creating a deployment assigns the officer to its operation
in the same transaction, through `hq.admin.assign_in` (the officer's laptops receive the
operation at their next sync, as after `cmcoord-hq officer assign`). Ending a deployment
unassigns the officer (`hq.admin.unassign_in`: the laptops keep the operation's data,
archived) unless another open deployment of the same officer to the same operation
remains. A membership the admin made by hand is treated alike: when the last open
deployment to that operation ends, the officer leaves it; the roster lists memberships
that no open deployment holds ("assigned by hand"), so none goes unseen.

A deployment opens when created, even with a start date to come (the officer's laptop has
the operation before landing) and stays open until a coordinator ends it: one past its
planned end date is shown as overdue to end, never ended by the clock. An officer with no
deployment under way today is available.

Functions take the caller's session (a write transaction for writes) and raise
`ValidationErrors` (a sentence per field), `NotFoundError` or `FieldAppError`.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import lru_cache

import pycountry
from babel import Locale, UnknownLocaleError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fieldapp import i18n
from fieldapp.errors import FieldAppError, NotFoundError, ValidationError, ValidationErrors
from fieldapp.i18n import N_, _
from fieldapp.labels import label_of
from fieldapp.services.contacts import is_email, normalise_phone
from hq.admin import assign_in, unassign_in
from hq.models import HqOperation, Membership, Officer
from hq.roster_tables import Deployment, RosterProfile

LEVELS = {"native": N_("Native"), "fluent": N_("Fluent"), "working": N_("Working knowledge"),
          "basic": N_("Basic")}
# The officer's core tasks in the Field Handbook (01-un-cmcoord.md), plus training.
SKILLS = {
    "assessment": N_("Civil-military assessment"),
    "advice": N_("Advice to the HC/RC and Country Team"),
    "liaison": N_("Liaison with military forces"),
    "military_briefing": N_("Briefing the military"),
    "mediation": N_("Mediation"),
    "mcda_requests": N_("MCDA request handling"),
    "mobilisation": N_("Mobilising international assets"),
    "information_sharing": N_("Information sharing"),
    "guidance": N_("Country-specific guidance"),
    "training": N_("Training"),
}
ROLES = {
    "cmcoord_officer": N_("UN-CMCoord officer"),
    "team_leader": N_("Team leader"),
    "liaison_officer": N_("Liaison officer"),
    "trainer": N_("Trainer"),
    "remote_support": N_("Remote support from Geneva"),
}
STATUSES = {"planned": N_("Planned"), "active": N_("Under way"),
            "overdue": N_("Overdue to end"), "ended": N_("Ended")}
AVAILABILITY = ("available", "deployed", "overdue")
SORTS = ("name", "station", "operation", "until")
MAX_LANGUAGES = 8
NAME_MAX, EMAIL_MAX, PHONE_MAX, STATION_MAX, NOTE_MAX = 200, 200, 40, 200, 2000


def today_utc() -> date:
    """Today's date at HQ (UTC), the day deployments are judged against."""
    return datetime.now(UTC).date()


# --- labels -----------------------------------------------------------------------------

@lru_cache(maxsize=1)
def language_codes() -> tuple[str, ...]:
    """Every ISO 639-1 code."""
    return tuple(sorted(lang.alpha_2 for lang in pycountry.languages
                        if hasattr(lang, "alpha_2")))


def _babel_languages(lang: str) -> dict[str, str]:
    return dict(Locale.parse(i18n.supported(lang)).languages)


def language_label(code: str) -> str:
    """A language's name in the page's language ("ar" → "Arabic", "arabe", "árabe")."""
    name = _babel_languages(i18n.language()).get(code)
    if name:
        return name[:1].upper() + name[1:]
    found = pycountry.languages.get(alpha_2=code)
    return str(found.name) if found is not None else code


@lru_cache(maxsize=8)
def _names_to_codes(lang: str) -> dict[str, str]:
    names: dict[str, str] = {}
    for code in language_codes():
        found = pycountry.languages.get(alpha_2=code)
        if found is not None:
            names[str(found.name).casefold()] = code
        for each in ("en", lang):
            name = _babel_languages(each).get(code)
            if name:
                names[name.casefold()] = code
        names.setdefault(_endonym(code).casefold(), code)
    names.pop("", None)
    return names


def _endonym(code: str) -> str:
    """A language's name in itself ("ru" → "русский"), "" when Babel has none."""
    try:
        return str(Locale.parse(code).languages.get(code) or "")
    except UnknownLocaleError:  # Babel knows no locale for it
        return ""


def parse_language(typed: str) -> str | None:
    """The ISO 639-1 code a typed language stands for: a code ("ar") or a name in English,
    in the page's language or in itself ("Arabic", "arabe", "العربية"); None when it is
    neither."""
    text = " ".join(typed.split()).casefold()
    if text in language_codes():
        return text
    return _names_to_codes(i18n.supported(i18n.language())).get(text)


def level_label(level: str) -> str:
    """A language level as the pages show it."""
    return label_of(LEVELS, level)


def skill_label(skill: str) -> str:
    """A skill as the pages show it."""
    return label_of(SKILLS, skill)


def role_label(role: str) -> str:
    """A deployment role as the pages show it."""
    return label_of(ROLES, role)


def status_label(status: str) -> str:
    """A deployment's state as the pages show it."""
    return label_of(STATUSES, status)


def parse_role(typed: str) -> str | None:
    """A role key from its key or its English name, any case ("team leader")."""
    text = " ".join(typed.replace("_", " ").split()).casefold()
    for key, label in ROLES.items():
        if text in (key.replace("_", " "), label.casefold()):
            return key
    return None


# --- profiles ---------------------------------------------------------------------------

@dataclass
class ProfileInput:
    """What the profile form sends: languages as typed with their level, skill keys."""

    email: str = ""
    phone: str = ""
    duty_station: str = ""
    availability_note: str = ""
    languages: list[tuple[str, str]] = field(default_factory=list)  # (typed, level)
    skills: list[str] = field(default_factory=list)


def _too_long(errors: list[ValidationError], name: str, value: str, limit: int) -> None:
    if len(value) > limit:
        errors.append(ValidationError(name, _("Keep this under {limit} characters.")
                                      .format(limit=limit)))


def _checked_email(errors: list[ValidationError], email: str) -> str:
    email = email.strip()
    if len(email) > EMAIL_MAX or (email and not is_email(email)):
        errors.append(ValidationError("email", _(
            "Write one e-mail address, such as name@un.org.")))
    return email


def _checked_languages(errors: list[ValidationError],
                       typed: Iterable[tuple[str, str]]) -> list[dict[str, str]]:
    chosen: list[dict[str, str]] = []
    problems: list[str] = []  # every row's problem, in one sentence each
    for text, level in typed:
        if not text.strip():
            continue
        code = parse_language(text[:100])
        if code is None:
            problems.append(_(
                "“{text}” is not a language: give its ISO 639-1 code (ar, fr, ru, zh) or "
                "its name.").format(text=text.strip()[:60]))
        elif level not in LEVELS:
            problems.append(_("Choose a level for {language}.").format(
                language=language_label(code)))
        elif any(item["code"] == code for item in chosen):
            problems.append(_("{language} is listed twice.").format(
                language=language_label(code)))
        else:
            chosen.append({"code": code, "level": level})
    if len(chosen) > MAX_LANGUAGES:
        problems.append(_("List at most {count} languages.").format(count=MAX_LANGUAGES))
    if problems:
        errors.append(ValidationError("languages", " ".join(problems)))
    return chosen


def _checked_phone(errors: list[ValidationError], typed: str) -> str:
    typed = " ".join(typed.split())
    if not typed:
        return ""
    phone = normalise_phone(typed[:PHONE_MAX * 2])
    if len(typed) > PHONE_MAX or not phone.valid:
        errors.append(ValidationError("phone", _(
            "Write the phone number with its country code, such as +41 22 917 12 34.")))
        return typed
    return phone.number


def _officer(session: Session, officer_id: str) -> Officer:
    officer = session.get(Officer, officer_id)
    if officer is None:
        raise NotFoundError(_("HQ has no officer at this address."))
    return officer


def save_profile(session: Session, officer_id: str, data: ProfileInput, *, by: str
                 ) -> RosterProfile:
    """Validate and store an officer's profile (and e-mail); every bad field is named."""
    officer = _officer(session, officer_id)
    errors: list[ValidationError] = []
    email = _checked_email(errors, data.email)
    phone = _checked_phone(errors, data.phone)
    station = " ".join(data.duty_station.split())
    _too_long(errors, "duty_station", station, STATION_MAX)
    note = data.availability_note.strip()
    _too_long(errors, "availability_note", note, NOTE_MAX)
    languages = _checked_languages(errors, data.languages)
    unknown = [s for s in data.skills if s not in SKILLS]
    if unknown:
        errors.append(ValidationError("skills", _("Choose skills from the list.")))
    if errors:
        raise ValidationErrors(errors)
    profile = session.get(RosterProfile, officer.id)
    if profile is None:
        profile = RosterProfile(officer_id=officer.id)
        session.add(profile)
    officer.email = email
    profile.phone = phone
    profile.duty_station = station
    profile.availability_note = note
    profile.languages = languages
    profile.skills = [s for s in SKILLS if s in data.skills]  # the list's order, no repeats
    profile.updated_at = datetime.now(UTC)
    profile.updated_by = by
    return profile


def add_officer(session: Session, *, name: str, email: str = "") -> Officer:
    """A new officer on the roster (who may then enroll laptops and be deployed)."""
    errors: list[ValidationError] = []
    name = " ".join(name.split())
    if not name:
        errors.append(ValidationError("name", _("An officer needs a name.")))
    elif len(name) > NAME_MAX:
        errors.append(ValidationError("name", _("Keep this under {limit} characters.")
                                      .format(limit=NAME_MAX)))
    elif session.scalar(select(Officer.id).where(Officer.name == name)):
        errors.append(ValidationError("name", _(
            "An officer named {name} is already on the roster.").format(name=name)))
    email = _checked_email(errors, email)
    if errors:
        raise ValidationErrors(errors)
    officer = Officer(id=str(uuid.uuid4()), name=name, email=email)
    session.add(officer)
    session.flush()
    return officer


# --- deployments ------------------------------------------------------------------------

@dataclass
class DeploymentInput:
    """What the deployment forms (and the command line) send, as typed."""

    role: str = "cmcoord_officer"
    starts_on: str = ""
    ends_on: str = ""
    note: str = ""


def _date(errors: list[ValidationError], name: str, typed: str, *, required: bool
          ) -> date | None:
    typed = typed.strip()
    if not typed:
        if required:
            errors.append(ValidationError(name, _("Give the date the deployment starts.")))
        return None
    try:
        value = date.fromisoformat(typed[:10]) if len(typed) == 10 else None
    except ValueError:
        value = None
    if value is None or not 2000 <= value.year <= 2100:
        errors.append(ValidationError(name, _("Write the date as year-month-day, such as "
                                              "2027-01-31.")))
    return value


def _checked_deployment(data: DeploymentInput) -> tuple[str, date, date | None, str]:
    errors: list[ValidationError] = []
    role = parse_role(data.role[:100])
    if role is None:
        errors.append(ValidationError("role", _("Choose a role from the list.")))
    starts_on = _date(errors, "starts_on", data.starts_on, required=True)
    ends_on = _date(errors, "ends_on", data.ends_on, required=False)
    if starts_on and ends_on and ends_on < starts_on:
        errors.append(ValidationError("ends_on", _(
            "The planned end comes before the start.")))
    note = data.note.strip()
    _too_long(errors, "note", note, NOTE_MAX)
    if errors:
        raise ValidationErrors(errors)
    assert role is not None
    assert starts_on is not None
    return role, starts_on, ends_on, note


def deploy(session: Session, *, officer_id: str, operation_id: str, data: DeploymentInput,
           by: str) -> Deployment:
    """Deploy an officer to an operation and assign them to it (devices are told at their
    next sync) in the same transaction."""
    officer = _officer(session, officer_id)
    operation = session.get(HqOperation, operation_id)
    problems: list[ValidationError] = []
    if operation is None:
        problems.append(ValidationError("operation", _("Choose an operation from the list.")))
    try:
        role, starts_on, ends_on, note = _checked_deployment(data)
    except ValidationErrors as exc:
        raise ValidationErrors(problems + exc.errors) from None
    if problems:
        raise ValidationErrors(problems)
    assert operation is not None
    deployment = Deployment(id=str(uuid.uuid4()), officer_id=officer.id,
                            operation_id=operation.id, role=role, starts_on=starts_on,
                            ends_on=ends_on, note=note, created_by=by,
                            created_at=datetime.now(UTC))
    session.add(deployment)
    assign_in(session, officer, operation)
    return deployment


def edit_deployment(session: Session, deployment_id: str, data: DeploymentInput, *,
                    by: str) -> Deployment:
    """Change a deployment's role, dates or note (membership is not touched)."""
    deployment = _deployment(session, deployment_id)
    role, starts_on, ends_on, note = _checked_deployment(data)
    deployment.role, deployment.starts_on, deployment.ends_on = role, starts_on, ends_on
    deployment.note = note
    return deployment


@dataclass(frozen=True)
class Ended:
    """A deployment just ended, and whether that took the officer out of the operation."""

    deployment: Deployment
    unassigned: bool
    kept: bool = False  # another open deployment keeps the officer in the operation


def _deployment(session: Session, deployment_id: str) -> Deployment:
    deployment = session.get(Deployment, deployment_id)
    if deployment is None:
        raise NotFoundError(_("HQ has no deployment at this address."))
    return deployment


def end_deployment(session: Session, deployment_id: str, *, by: str) -> Ended:
    """End a deployment now; the officer leaves the operation unless another open
    deployment of theirs to it remains (their laptops keep its data, archived)."""
    deployment = _deployment(session, deployment_id)
    if deployment.ended_at is not None:
        raise FieldAppError(_("This deployment was already ended."))
    deployment.ended_at = datetime.now(UTC)
    deployment.ended_by = by
    session.flush()
    others = session.scalar(
        select(func.count()).select_from(Deployment).where(
            Deployment.officer_id == deployment.officer_id,
            Deployment.operation_id == deployment.operation_id,
            Deployment.ended_at.is_(None)))
    if others:
        return Ended(deployment, unassigned=False, kept=True)
    officer = session.get(Officer, deployment.officer_id)
    operation = session.get(HqOperation, deployment.operation_id)
    assert officer is not None  # foreign keys
    assert operation is not None
    # False when the admin had already unassigned the officer by hand
    return Ended(deployment, unassigned=unassign_in(session, officer, operation))


def deployment_status(deployment: Deployment, today: date) -> str:
    """planned, active, overdue (its planned end has passed) or ended."""
    if deployment.ended_at is not None:
        return "ended"
    if deployment.starts_on > today:
        return "planned"
    if deployment.ends_on is not None and deployment.ends_on < today:
        return "overdue"
    return "active"


@dataclass(frozen=True)
class DeploymentView:
    """A deployment with its operation and officer named, and its state today."""

    deployment: Deployment
    operation_code: str
    operation_name: str
    officer_name: str
    status: str

    @property
    def is_open(self) -> bool:
        """Not ended: it holds the officer's membership of the operation."""
        return self.status != "ended"

    @property
    def under_way(self) -> bool:
        """Started and not ended (overdue ones included): the officer is deployed."""
        return self.status in ("active", "overdue")


def _views(session: Session, deployments: Iterable[Deployment], today: date
           ) -> list[DeploymentView]:
    rows = list(deployments)
    operations = {op.id: op for op in session.scalars(select(HqOperation).where(
        HqOperation.id.in_({d.operation_id for d in rows})))} if rows else {}
    names = dict(session.execute(select(Officer.id, Officer.name).where(
        Officer.id.in_({d.officer_id for d in rows}))).all()) if rows else {}
    views = []
    for d in rows:
        op = operations.get(d.operation_id)
        views.append(DeploymentView(d, (op.code or op.id[:8]) if op else d.operation_id,
                                    op.name if op else "", names.get(d.officer_id, ""),
                                    deployment_status(d, today)))
    return views


def list_deployments(session: Session, *, operation_id: str | None = None,
                     include_ended: bool = True, today: date | None = None
                     ) -> list[DeploymentView]:
    """Deployments, open ones first, then by start date (newest first)."""
    query = select(Deployment)
    if operation_id is not None:
        query = query.where(Deployment.operation_id == operation_id)
    if not include_ended:
        query = query.where(Deployment.ended_at.is_(None))
    rows = session.scalars(query.order_by(Deployment.starts_on.desc(), Deployment.id)).all()
    views = _views(session, rows, today or today_utc())
    return sorted(views, key=lambda v: not v.is_open)  # stable: keeps the date order


# --- the roster -------------------------------------------------------------------------

@dataclass(frozen=True)
class RosterQuery:
    """The roster page's filters and sort, cleaned (unknown values are dropped)."""

    language: str = ""
    skill: str = ""
    operation: str = ""
    availability: str = ""
    sort: str = "name"

    @classmethod
    def parse(cls, *, language: str = "", skill: str = "", operation: str = "",
              availability: str = "", sort: str = "") -> RosterQuery:
        """Filters as a browser sent them."""
        return cls(language=language if language in language_codes() else "",
                   skill=skill if skill in SKILLS else "",
                   operation=operation[:36], availability=availability
                   if availability in AVAILABILITY else "",
                   sort=sort if sort in SORTS else "name")

    def params(self, **changed: str) -> dict[str, str]:
        """The query's parameters (for links), with some changed; empty ones left out."""
        values = {"language": self.language, "skill": self.skill,
                  "operation": self.operation, "availability": self.availability,
                  "sort": self.sort, **changed}
        return {k: v for k, v in values.items() if v and not (k == "sort" and v == "name")}


@dataclass(frozen=True)
class RosterEntry:
    """An officer on the roster page."""

    officer: Officer
    profile: RosterProfile | None
    current: list[DeploymentView]  # under way (overdue ones included)
    upcoming: list[DeploymentView]  # planned
    by_hand: list[str]  # codes of operations the officer is assigned to with no open deployment

    @property
    def deployed(self) -> bool:
        """Deployed today."""
        return bool(self.current)

    @property
    def overdue(self) -> bool:
        """A deployment of theirs is past its planned end and not ended."""
        return any(v.status == "overdue" for v in self.current)

    @property
    def languages(self) -> list[dict[str, str]]:
        """[{"code", "level"}] from the profile."""
        return list(self.profile.languages) if self.profile else []

    @property
    def skills(self) -> list[str]:
        """Skill keys from the profile."""
        return list(self.profile.skills) if self.profile else []

    @property
    def duty_station(self) -> str:
        """The home duty station, or ""."""
        return self.profile.duty_station if self.profile else ""

    @property
    def until(self) -> date | None:
        """The earliest planned end of the deployments under way."""
        ends = [v.deployment.ends_on for v in self.current if v.deployment.ends_on]
        return min(ends) if ends else None


@dataclass(frozen=True)
class Roster:
    """Who is deployed and who is available, filtered and sorted; the filters' choices."""

    deployed: list[RosterEntry]
    available: list[RosterEntry]
    languages: list[str]  # codes found in profiles
    operations: list[HqOperation]  # operations with a code, by code
    total: int  # officers before filtering


def _entries(session: Session, today: date) -> list[RosterEntry]:
    officers = session.scalars(select(Officer)).all()
    profiles = {p.officer_id: p for p in session.scalars(select(RosterProfile))}
    open_views = _views(session, session.scalars(
        select(Deployment).where(Deployment.ended_at.is_(None))
        .order_by(Deployment.starts_on, Deployment.id)), today)
    codes = {op_id: code or op_id[:8] for op_id, code in
             session.execute(select(HqOperation.id, HqOperation.code))}
    members: dict[str, list[str]] = {}
    for officer_id, operation_id in session.execute(
            select(Membership.officer_id, Membership.operation_id)):
        members.setdefault(officer_id, []).append(operation_id)
    entries = []
    for officer in officers:
        mine = [v for v in open_views if v.deployment.officer_id == officer.id]
        held = {v.deployment.operation_id for v in mine}
        entries.append(RosterEntry(
            officer, profiles.get(officer.id),
            [v for v in mine if v.under_way], [v for v in mine if v.status == "planned"],
            sorted(codes.get(op, op) for op in members.get(officer.id, []) if op not in held)))
    return entries


def _sort_key(sort: str) -> object:
    def key(entry: RosterEntry) -> tuple[object, ...]:
        name = entry.officer.name.casefold()
        if sort == "station":
            return (not entry.duty_station, entry.duty_station.casefold(), name)
        if sort == "operation" and entry.current:
            return (0, entry.current[0].operation_code.casefold(), name)
        if sort == "until":
            until = entry.until
            return (until is None, until or date.max, name)
        return (0, name)
    return key


def roster(session: Session, query: RosterQuery, *, today: date | None = None) -> Roster:
    """The roster page: officers deployed today and officers available, with filters."""
    entries = _entries(session, today or today_utc())
    found_languages = sorted({item["code"] for e in entries for item in e.languages},
                             key=lambda code: language_label(code).casefold())
    operations = list(session.scalars(select(HqOperation).where(HqOperation.code.is_not(None))
                                      .order_by(HqOperation.code)))
    chosen = [e for e in entries if _matches(e, query)]
    chosen.sort(key=_sort_key(query.sort))  # type: ignore[arg-type]
    return Roster([e for e in chosen if e.deployed], [e for e in chosen if not e.deployed],
                  found_languages, operations, len(entries))


def _matches(entry: RosterEntry, query: RosterQuery) -> bool:
    if query.language and query.language not in {i["code"] for i in entry.languages}:
        return False
    if query.skill and query.skill not in entry.skills:
        return False
    if query.operation and query.operation not in {
            v.deployment.operation_id for v in entry.current + entry.upcoming}:
        return False
    if query.availability == "available":
        return not entry.deployed
    if query.availability == "deployed":
        return entry.deployed
    if query.availability == "overdue":
        return entry.overdue
    return True


@dataclass(frozen=True)
class OfficerPage:
    """One officer's page: profile, deployments (open first), memberships held by hand."""

    officer: Officer
    profile: RosterProfile | None
    deployments: list[DeploymentView]
    by_hand: list[str]
    operations: list[HqOperation]  # to deploy to


def officer_page(session: Session, officer_id: str, *, today: date | None = None
                 ) -> OfficerPage:
    """What the officer's page shows."""
    officer = _officer(session, officer_id)
    day = today or today_utc()
    rows = session.scalars(select(Deployment).where(Deployment.officer_id == officer.id)
                           .order_by(Deployment.starts_on.desc(), Deployment.id)).all()
    views = sorted(_views(session, rows, day), key=lambda v: not v.is_open)
    held = {v.deployment.operation_id for v in views if v.is_open}
    by_hand = sorted(code or op_id[:8] for op_id, code in session.execute(
        select(HqOperation.id, HqOperation.code)
        .join(Membership, Membership.operation_id == HqOperation.id)
        .where(Membership.officer_id == officer.id)) if op_id not in held)
    operations = list(session.scalars(select(HqOperation).where(HqOperation.code.is_not(None))
                                      .order_by(HqOperation.code)))
    return OfficerPage(officer, session.get(RosterProfile, officer.id), views, by_hand,
                       operations)
