"""The officer roster and deployments at HQ (issue 18): profiles validated per field,
deployments that drive membership (a laptop receives the operation it is deployed to, and
archives it when the last deployment ends), the roster page's lists and filters, the
command line, the role and the CSRF token. Real HQ (uvicorn), real laptops' databases,
SQLite and PostgreSQL."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from fieldapp.errors import FieldAppError, ValidationErrors
from fieldapp.models import Contact, Operation
from hq import admin, roster
from hq.cli import main as hq_cli
from hq.models import Membership
from hq.roles import ADMIN, COORDINATOR, REGISTRY, REVIEWER
from hq.roster_tables import Deployment, RosterProfile
from sync.client import sync_once, sync_status
from tests.sync.conftest import enrolled
from tests.sync.scenario_helpers import add, get, officer_in
from tests.sync.staff_browser import staff

TODAY = roster.today_utc()


def day(offset: int) -> str:
    return (TODAY + timedelta(days=offset)).isoformat()


def officer_id(hq, name: str) -> str:
    with hq.db.read() as session:
        return admin.find_officer(session, name).id


def operation_id(hq, code: str) -> str:
    with hq.db.read() as session:
        return admin.find_operation(session, code).id


def assigned(hq, name: str) -> list[str]:
    return dict((o.name, codes) for o, codes in admin.list_officers(hq.db))[name]


def deploy(hq, name: str, code: str, start: int = -1, end: int | None = 30,
           role: str = "cmcoord_officer") -> str:
    with hq.db.write() as session:
        return roster.deploy(session, officer_id=officer_id(hq, name),
                             operation_id=operation_id(hq, code), by="Test",
                             data=roster.DeploymentInput(
                                 role=role, starts_on=day(start),
                                 ends_on="" if end is None else day(end))).id


def profile(hq, name: str, **values) -> None:
    with hq.db.write() as session:
        roster.save_profile(session, officer_id(hq, name), roster.ProfileInput(**values),
                            by="Test")


def coordinator(hq):
    return staff(hq.db, hq.url, "Carla", COORDINATOR)


def names_in(page: str, section: str) -> list[str]:
    """Officers listed in the page's "deployed" or "available" section, in order."""
    start = page.index(f'id="{section}-title"')
    end = page.find("</section>", start)
    return re.findall(r'<a href="/roster/officers/[^"]+"[^>]*>([^<]+)</a>', page[start:end])


# --- profiles ---------------------------------------------------------------------------

def test_profile_names_every_field_that_is_wrong(hq):
    officer_in(hq, "Лейла")
    with pytest.raises(ValidationErrors) as refused:
        profile(hq, "Лейла", email="leila at un", phone="12", duty_station="x" * 201,
                availability_note="y" * 2001, skills=["flying"],
                languages=[("Klingon", "fluent")])

    errors = refused.value
    assert {e.field for e in errors.errors} == {"email", "phone", "duty_station",
                                                 "availability_note", "skills", "languages"}
    assert "e-mail" in errors.for_field("email")
    assert "country code" in errors.for_field("phone")
    assert "200 characters" in errors.for_field("duty_station")
    assert "“Klingon” is not a language" in errors.for_field("languages")
    with hq.db.read() as session:
        assert session.get(RosterProfile, officer_id(hq, "Лейла")) is None


@pytest.mark.parametrize(("typed", "message"), [
    ([("ar", "")], "Choose a level for Arabic."),
    ([("ar", "fluent"), ("Arabic", "basic")], "Arabic is listed twice."),
    ([("xx", "fluent")], "“xx” is not a language"),
])
def test_each_language_problem_has_its_sentence(hq, typed, message):
    with pytest.raises(ValidationErrors) as refused:
        profile(hq, "Ana", languages=typed)
    assert message in refused.value.for_field("languages")


def test_profile_keeps_languages_as_codes_and_the_phone_in_e164(hq):
    profile(hq, "Ana", email="ana@un.org", phone="+41 22 917 12 34", duty_station=" Geneva ",
            languages=[("Arabic", "fluent"), ("zh", "basic"), ("", "")],
            skills=["training", "liaison", "training"])

    with hq.db.read() as session:
        saved = session.get(RosterProfile, officer_id(hq, "Ana"))
        email = admin.find_officer(session, "Ana").email
    assert saved.languages == [{"code": "ar", "level": "fluent"},
                               {"code": "zh", "level": "basic"}]
    assert saved.phone == "+41229171234"
    assert saved.duty_station == "Geneva"
    assert saved.skills == ["liaison", "training"]
    assert (email, saved.updated_by) == ("ana@un.org", "Test")


def test_profile_form_shows_each_error_beside_its_field_and_saves_nothing(hq):
    browser = coordinator(hq)
    page = f"/roster/officers/{officer_id(hq, 'Ana')}"
    browser.get(page)
    answer = browser.post(page + "/profile", {"email": "nope", "phone": "abc",
                                              "lang": ["Elvish", "en"],
                                              "level": ["fluent", ""]})

    assert answer.status_code == 422
    assert 'id="p-email-error"' in answer.text
    assert 'id="p-phone-error"' in answer.text
    assert "“Elvish” is not a language" in answer.text
    assert "Choose a level for English." in answer.text  # every row's problem is shown
    assert 'value="Elvish"' in answer.text  # what was typed is kept
    with hq.db.read() as session:
        assert session.get(RosterProfile, officer_id(hq, "Ana")) is None


def test_profile_form_saves_and_shows_the_profile(hq):
    browser = coordinator(hq)
    page = f"/roster/officers/{officer_id(hq, 'Ana')}"
    browser.get(page)
    answer = browser.post(page + "/profile", {
        "email": "ana@un.org", "phone": "+41 22 917 12 34", "duty_station": "Amman",
        "lang": ["русский", "en"], "level": ["native", "fluent"],
        "skill": ["mcda_requests", "mediation"], "availability_note": "Not in August"},
        follow=True)

    assert answer.status_code == 200
    assert "The profile is saved." in answer.text
    assert 'value="Russian"' in answer.text
    assert 'value="+41 22 917 12 34"' in answer.text
    assert 'value="mcda_requests" checked' in answer.text
    with hq.db.read() as session:
        saved = session.get(RosterProfile, officer_id(hq, "Ana"))
    assert saved.languages == [{"code": "ru", "level": "native"},
                               {"code": "en", "level": "fluent"}]
    assert saved.updated_by == "Carla"


# --- deployments drive membership ---------------------------------------------------------

def _second_operation_with_data(hq, make_profile):
    """Operation OPB where Ben works and has written a contact that HQ holds."""
    opb = admin.add_operation(hq.db, code="OPB", name="Second response", country="MOZ")
    officer_in(hq, "Ben", "OPB")
    ben = enrolled(hq, make_profile, "ben", officer="Ben")
    contact = add(ben, Contact(operation_id=opb.id, given_name="Ahmed", family_name="Yusuf"))
    sync_once(ben)
    return opb.id, contact


def test_deploying_assigns_and_the_laptop_receives_the_operation(hq, make_profile):
    opb, contact = _second_operation_with_data(hq, make_profile)
    ana = enrolled(hq, make_profile, "ana")
    assert get(ana, Contact, contact) is None
    browser = coordinator(hq)
    page = f"/roster/officers/{officer_id(hq, 'Ana')}"
    browser.get(page)

    answer = browser.post(page + "/deployments", {
        "operation": opb, "role": "team_leader", "starts_on": day(0), "ends_on": day(60)},
        follow=True)
    sync_once(ana)

    assert "laptops receive the operation at their next sync" in answer.text
    assert assigned(hq, "Ana") == ["MRV", "OPB"]
    assert get(ana, Operation, opb).name == "Second response"
    assert get(ana, Contact, contact).given_name == "Ahmed"
    with hq.db.read() as session:
        [made] = session.scalars(select(Deployment)).all()
    assert (made.role, made.created_by, made.ended_at) == ("team_leader", "Carla", None)


def test_ending_the_deployment_unassigns_and_the_laptop_archives_the_operation(
        hq, make_profile):
    opb, contact = _second_operation_with_data(hq, make_profile)
    ana = enrolled(hq, make_profile, "ana")
    deployment = deploy(hq, "Ana", "OPB")
    sync_once(ana)
    browser = coordinator(hq)
    browser.get(f"/roster/officers/{officer_id(hq, 'Ana')}")

    answer = browser.post(f"/roster/deployments/{deployment}/end", follow=True)
    sync_once(ana)

    assert "the officer has left the operation" in answer.text
    assert assigned(hq, "Ana") == ["MRV"]
    with ana.session() as session:  # as after `officer unassign`: kept, archived
        assert sync_status(session).archived_operations == ("Second response",)
    assert get(ana, Contact, contact).deleted is False
    with hq.db.read() as session:
        ended = session.get(Deployment, deployment)
    assert ended.ended_at is not None
    assert ended.ended_by == "Carla"


def test_overlapping_deployments_keep_the_officer_in_until_the_last_ends(hq):
    admin.add_operation(hq.db, code="OPB", name="Second response", country="MOZ")
    first = deploy(hq, "Ana", "OPB", start=-30, end=10)
    second = deploy(hq, "Ana", "OPB", start=-5, end=90, role="liaison_officer")

    browser = coordinator(hq)
    browser.get("/roster")

    kept = browser.post(f"/roster/deployments/{first}/end", follow=True)
    assert "Another open deployment keeps the officer in the operation." in kept.text
    assert assigned(hq, "Ana") == ["MRV", "OPB"]
    with hq.db.write() as session:
        assert roster.end_deployment(session, second, by="Test").unassigned is True
    assert assigned(hq, "Ana") == ["MRV"]


def test_ending_a_deployment_after_a_hand_unassign_says_the_officer_was_out(hq):
    deployment = deploy(hq, "Ana", "MRV")
    admin.unassign(hq.db, officer="Ana", operation="MRV")
    browser = coordinator(hq)
    browser.get("/roster")

    answer = browser.post(f"/roster/deployments/{deployment}/end", follow=True)

    assert "The officer was already out of the operation." in answer.text
    assert assigned(hq, "Ana") == []


def test_deploying_someone_already_assigned_changes_no_membership(hq):
    with hq.db.read() as session:
        before = admin.find_officer(session, "Ana").membership_seq
    deploy(hq, "Ana", "MRV")
    with hq.db.read() as session:
        assert admin.find_officer(session, "Ana").membership_seq == before
        assert len(session.scalars(select(Membership)).all()) == 1


def test_a_deployment_is_ended_once(hq):
    deployment = deploy(hq, "Ana", "MRV")
    browser = coordinator(hq)
    browser.get(f"/roster/officers/{officer_id(hq, 'Ana')}")
    assert browser.post(f"/roster/deployments/{deployment}/end").status_code == 303

    again = browser.post(f"/roster/deployments/{deployment}/end")

    assert again.status_code == 409
    assert "already ended" in again.text
    with pytest.raises(FieldAppError), hq.db.write() as session:
        roster.end_deployment(session, deployment, by="Test")


def test_deployment_dates_are_checked_and_nothing_is_assigned(hq):
    admin.add_operation(hq.db, code="OPB", name="Second response", country="MOZ")
    browser = coordinator(hq)
    page = f"/roster/officers/{officer_id(hq, 'Ana')}"
    browser.get(page)

    answer = browser.post(page + "/deployments", {
        "operation": operation_id(hq, "OPB"), "role": "nobody", "starts_on": day(5),
        "ends_on": day(1)})

    assert answer.status_code == 422
    assert "The planned end comes before the start." in answer.text
    assert "Choose a role from the list." in answer.text
    assert assigned(hq, "Ana") == ["MRV"]
    with pytest.raises(ValidationErrors) as refused, hq.db.write() as session:
        roster.deploy(session, officer_id=officer_id(hq, "Ana"), operation_id="nope",
                      by="Test", data=roster.DeploymentInput(starts_on="31/12/2026"))
    assert {e.field for e in refused.value.errors} == {"operation", "starts_on"}


def test_changing_a_deployment_keeps_the_membership(hq):
    deployment = deploy(hq, "Ana", "MRV", start=-10, end=-1)
    browser = coordinator(hq)
    browser.get(f"/roster/officers/{officer_id(hq, 'Ana')}")

    bad = browser.post(f"/roster/deployments/{deployment}/edit", {
        "role": "trainer", "starts_on": day(-10), "ends_on": "soon"})
    good = browser.post(f"/roster/deployments/{deployment}/edit", {
        "role": "trainer", "starts_on": day(-10), "ends_on": day(20), "note": "Extended"},
        follow=True)

    assert bad.status_code == 422
    assert "year-month-day" in bad.text
    assert "The deployment is changed." in good.text
    with hq.db.read() as session:
        changed = session.get(Deployment, deployment)
    assert (changed.role, changed.ends_on.isoformat(), changed.note) == \
        ("trainer", day(20), "Extended")
    assert assigned(hq, "Ana") == ["MRV"]


# --- the roster page ----------------------------------------------------------------------

@pytest.fixture
def team(hq):
    """Officers with profiles: Leila (deployed to OPB), Wang (SDN, overdue to end), Rahul
    (deploying later: available), Ana (assigned to MRV by hand: available)."""
    for code, name in (("OPB", "Second response"), ("SDN", "Sudan")):
        admin.add_operation(hq.db, code=code, name=name, country="MOZ")
    for name, station, languages, skills in (
            ("ليلى حداد", "Amman", [("ar", "native"), ("fr", "fluent")], ["liaison"]),
            ("王芳", "Bangkok", [("zh", "native"), ("en", "fluent")], ["training"]),
            ("Rahul Mehta", "Delhi", [("hi", "native"), ("en", "fluent")], ["liaison"])):
        officer_in(hq, name)
        profile(hq, name, duty_station=station, languages=languages, skills=skills)
    profile(hq, "Ana", duty_station="Geneva", languages=[("es", "native")])
    deploy(hq, "ليلى حداد", "OPB", start=-10, end=30)
    deploy(hq, "王芳", "SDN", start=-60, end=-3)
    deploy(hq, "Rahul Mehta", "OPB", start=7, end=60)
    return coordinator(hq)


def test_roster_lists_who_is_deployed_and_who_is_available(team):
    page = team.get("/roster")

    assert page.status_code == 200
    assert names_in(page.text, "deployed") == ["ليلى حداد", "王芳"]
    assert names_in(page.text, "available") == ["Ana", "Rahul Mehta"]
    deployed = page.text[page.text.index('id="deployed-title"'):]
    assert "Overdue to end" in deployed
    assert "Deploying to OPB from" in page.text
    assert "Assigned by hand to MRV" in page.text
    assert 'href="/static/roster.css"' in page.text
    assert "4 officers on the roster · shown: 2 deployed, 2 available" in page.text


@pytest.mark.parametrize(("query", "deployed", "available"), [
    ("language=en", ["王芳"], ["Rahul Mehta"]),
    ("skill=liaison", ["ليلى حداد"], ["Rahul Mehta"]),
    ("availability=available", [], ["Ana", "Rahul Mehta"]),
    ("availability=overdue", ["王芳"], []),
    ("language=ar&availability=deployed", ["ليلى حداد"], []),
])
def test_roster_filters(team, query, deployed, available):
    page = team.get(f"/roster?{query}").text
    assert names_in(page, "deployed") == deployed
    assert names_in(page, "available") == available


def test_roster_filters_by_operation(team, hq):
    page = team.get(f"/roster?operation={operation_id(hq, 'OPB')}").text
    assert names_in(page, "deployed") == ["ليلى حداد"]
    assert names_in(page, "available") == ["Rahul Mehta"]  # deploying there soon


def test_roster_sorts_by_column(team):
    by_station = team.get("/roster?sort=station").text
    by_end = team.get("/roster?sort=until").text

    assert names_in(by_station, "available") == ["Rahul Mehta", "Ana"]  # Delhi, Geneva
    assert names_in(by_end, "deployed") == ["王芳", "ليلى حداد"]  # overdue one first
    assert 'aria-sort="ascending"' in by_station


def test_unknown_filter_values_are_ignored(team):
    page = team.get("/roster?language=xx&skill=<b>&availability=maybe&sort=evil")
    assert page.status_code == 200
    assert names_in(page.text, "available") == ["Ana", "Rahul Mehta"]
    assert "<b>" not in page.text


def test_an_officer_is_added_from_the_roster_page(hq):
    browser = coordinator(hq)
    browser.get("/roster")

    added = browser.post("/roster/officers", {"name": "Дмитрий Волков",
                                              "email": "d.volkov@un.org"})
    twice = browser.post("/roster/officers", {"name": "Дмитрий Волков", "email": "bad"})

    assert added.status_code == 303
    new_id = officer_id(hq, "Дмитрий Волков")
    assert added.headers["location"] == f"/roster/officers/{new_id}?done=added"
    assert twice.status_code == 422
    assert "already on the roster" in twice.text
    assert 'id="add-email-error"' in twice.text
    assert [o.name for o, _ in admin.list_officers(hq.db)] == ["Ana", "Дмитрий Волков"]


def test_unknown_officer_or_deployment_is_not_found(hq):
    browser = coordinator(hq)
    assert browser.get("/roster/officers/not-an-id").status_code == 404
    assert browser.get("/roster/officers/00000000-0000-4000-8000-000000000000").status_code \
        == 404
    browser.get("/roster")
    assert browser.post("/roster/deployments/00000000-0000-4000-8000-000000000000/end"
                        ).status_code == 404


# --- role and CSRF ------------------------------------------------------------------------

@pytest.mark.parametrize("role", [REVIEWER, REGISTRY, ADMIN])
def test_other_roles_are_refused_every_roster_page_and_form(hq, role):
    deployment = deploy(hq, "Ana", "MRV")
    page = f"/roster/officers/{officer_id(hq, 'Ana')}"
    browser = staff(hq.db, hq.url, "Other", role)
    browser.get("/library")

    for path in ("/roster", page):
        assert browser.get(path).status_code == 403, path
    for path, data in ((f"/roster/deployments/{deployment}/end", {}),
                       (page + "/profile", {"email": "x@un.org"}),
                       ("/roster/officers", {"name": "Sneaky"})):
        answer = browser.post(path, data, csrf=browser.csrf or "x")
        assert answer.status_code == 403, path
    with hq.db.read() as session:
        assert session.get(Deployment, deployment).ended_at is None


def test_coordinator_opens_every_roster_page(hq):
    browser = coordinator(hq)
    for path in ("/roster", f"/roster/officers/{officer_id(hq, 'Ana')}"):
        answer = browser.get(path)
        assert answer.status_code == 200, path
        assert 'name="csrf"' in answer.text


def test_forms_without_the_session_csrf_token_are_refused(hq):
    deployment = deploy(hq, "Ana", "MRV")
    browser = coordinator(hq)
    page = f"/roster/officers/{officer_id(hq, 'Ana')}"
    browser.get(page)

    for path, data in ((f"/roster/deployments/{deployment}/end", {}),
                       (f"/roster/deployments/{deployment}/edit", {"role": "trainer",
                                                                   "starts_on": day(0)}),
                       (page + "/profile", {"email": "x@un.org"}),
                       (page + "/deployments", {"operation": operation_id(hq, "MRV"),
                                                "starts_on": day(0)}),
                       ("/roster/officers", {"name": "Forged"})):
        answer = browser.post(path, data, csrf="forged")
        assert answer.status_code == 403, path
        assert "expired" in answer.text
    with hq.db.read() as session:
        assert session.get(Deployment, deployment).ended_at is None
        assert session.get(RosterProfile, officer_id(hq, "Ana")) is None
    assert [o.name for o, _ in admin.list_officers(hq.db)] == ["Ana"]


def test_signed_out_browser_is_sent_to_sign_in(hq):
    from tests.sync.staff_browser import StaffBrowser

    answer = StaffBrowser(hq.url).get(f"/roster/officers/{officer_id(hq, 'Ana')}")
    assert answer.status_code == 303
    assert answer.headers["location"].startswith("/review/signin?next=/roster/officers/")


# --- command line -------------------------------------------------------------------------

def test_deployment_commands_add_list_and_end(hq, hq_database_url, capsys):
    admin.add_operation(hq.db, code="OPB", name="Second response", country="MOZ")
    url = ["--database", hq_database_url]

    assert hq_cli(["deployment", "add", "Ana", "OPB", "--role", "team leader",
                   "--from", day(-1), "--to", day(30), *url]) == 0
    added = capsys.readouterr().out
    [deployment_id] = re.findall(r"\(([0-9a-f-]{36})\)", added)
    assert "Ana is deployed to OPB as team_leader" in added
    assert assigned(hq, "Ana") == ["MRV", "OPB"]

    assert hq_cli(["deployment", "list", "--operation", "OPB", *url]) == 0
    listed = capsys.readouterr().out
    assert re.search(rf"{deployment_id}\s+Ana\s+OPB\s+team_leader\s+{day(-1)} \.\. "
                     rf"{day(30)}\s+active", listed)

    assert hq_cli(["deployment", "end", deployment_id, *url]) == 0
    assert "no longer assigned" in capsys.readouterr().out
    assert assigned(hq, "Ana") == ["MRV"]
    assert hq_cli(["deployment", "list", "--open", *url]) == 0
    assert "No deployments" in capsys.readouterr().out


def test_deployment_commands_refuse_with_a_sentence(hq, hq_database_url, capsys):
    url = ["--database", hq_database_url]
    assert hq_cli(["deployment", "add", "Ana", "MRV", "--from", "tomorrow", *url]) == 1
    assert "year-month-day" in capsys.readouterr().err
    assert hq_cli(["deployment", "add", "Nobody", "MRV", "--from", day(0), *url]) == 1
    assert "No officer named 'Nobody'" in capsys.readouterr().err
    assert hq_cli(["deployment", "end", "00000000-0000-4000-8000-000000000000", *url]) == 1
    assert "no deployment" in capsys.readouterr().err


# --- schema -------------------------------------------------------------------------------

def test_roster_migration_goes_down_and_up(hq_database_url):
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import inspect

    from hq import db as hq_db
    from hq.db import make_engine, run_migrations

    engine = make_engine(hq_database_url)
    run_migrations(engine, target="0011_hq_roster")
    assert {"hq_roster_profiles", "hq_deployments"} <= set(inspect(engine).get_table_names())
    config = Config()
    config.set_main_option("script_location", str(
        __import__("pathlib").Path(hq_db.__file__).parent / "migrations"))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0010_hq_register_sync")
    assert "hq_deployments" not in inspect(engine).get_table_names()
    run_migrations(engine, target="0011_hq_roster")
    assert "hq_deployments" in inspect(engine).get_table_names()
    engine.dispose()
