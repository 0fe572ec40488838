"""Staff roles: each staff page opens only to its role (403 otherwise), sign-in lands on
the first page an account's roles open, and the admin's CLI gives and takes roles."""

from __future__ import annotations

import io
import re

import pytest

from hq.cli import main as hq_main
from hq.reviewers import change_roles
from hq.roles import ADMIN, COORDINATOR, REGISTRY, REVIEWER, ROLES, home_page
from tests.sync.staff_browser import PASSWORD, StaffBrowser, staff

# One page each role opens, and the role it needs.
PAGES = {"/review": REVIEWER, "/register": REGISTRY, "/overview": COORDINATOR,
         "/roster": COORDINATOR, "/accounts": ADMIN}


def test_sign_in_lands_on_the_first_page_the_roles_open(hq):
    for name, roles, home in (("Rita", (REGISTRY,), "/register"),
                              ("Carl", (COORDINATOR, ADMIN), "/overview"),
                              ("Ada", (ADMIN,), "/accounts")):
        browser = staff(hq.db, hq.url, name, *roles)
        assert home_page(roles) == home
        assert browser.sign_in(name).headers["location"] == home


def test_signed_out_browsers_go_to_the_sign_in_page_and_come_back(hq):
    browser = StaffBrowser(hq.url)
    answer = browser.get("/roster?x=1")
    assert answer.status_code == 303
    assert answer.headers["location"] == "/review/signin?next=/roster%3Fx%3D1"
    staff(hq.db, hq.url, "Carl", COORDINATOR)
    assert browser.sign_in("Carl", next="/roster").headers["location"] == "/roster"


def test_sign_in_never_sends_a_browser_off_site(hq):
    browser = staff(hq.db, hq.url, "Rita", REGISTRY)
    for target in ("https://evil.example/", "//evil.example/register", "/library",
                   "/register\\..\\x"):
        assert browser.sign_in("Rita", next=target).headers["location"] == "/register"


@pytest.mark.parametrize("role", ROLES)
def test_every_staff_page_refuses_the_other_roles(hq, role):
    browser = staff(hq.db, hq.url, f"Only {role}", role)
    for path, needed in PAGES.items():
        answer = browser.get(path)
        if needed == role:
            assert answer.status_code != 403, path
        else:
            assert answer.status_code == 403, path
            assert "does not have the role" in answer.text


def test_roles_given_and_taken_apply_at_the_next_page(hq):
    browser = staff(hq.db, hq.url, "Rita", REGISTRY)
    assert browser.get("/review").status_code == 403
    change_roles(hq.db, name="Rita", grant=(REVIEWER,))
    assert browser.get("/review").status_code == 200
    change_roles(hq.db, name="Rita", revoke=(REVIEWER, REGISTRY))
    assert browser.get("/review").status_code == 403
    assert browser.get("/register").status_code == 403


def test_navigation_shows_only_what_the_roles_open(hq):
    browser = staff(hq.db, hq.url, "Rita", REGISTRY, COORDINATOR)
    page = browser.get("/review")
    nav = re.search(r'<nav aria-label="Main">(.*?)</nav>', page.text, re.S).group(1)
    for shown in ("/register", "/overview", "/roster"):
        assert f'href="{shown}"' in nav
    for hidden in ("/review", "/accounts"):
        assert f'href="{hidden}"' not in nav


def test_account_cli_adds_grants_revokes_and_lists(hq, monkeypatch, capsys):
    url = hq.db.engine.url.render_as_string(hide_password=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert hq_main(["account", "add", "Rita", "--role", "registry", "--role", "coordinator",
                    "--password-stdin", "--database", url]) == 0
    assert hq_main(["account", "grant", "Rita", "admin", "--database", url]) == 0
    assert hq_main(["account", "revoke", "Rita", "coordinator", "--database", url]) == 0
    assert hq_main(["account", "list", "--role", "admin", "--database", url]) == 0
    assert hq_main(["account", "grant", "Nobody", "admin", "--database", url]) == 1
    out, err = capsys.readouterr()
    assert "Account Rita added with the roles coordinator, registry" in out
    assert "now has the roles: admin, coordinator, registry" in out
    assert "now has the roles: admin, registry" in out
    assert re.search(r"Rita\s+active\s+admin,registry\s+last sign-in never", out)
    assert "No account named 'Nobody'" in err
    browser = StaffBrowser(hq.url)
    assert browser.sign_in("Rita").headers["location"] == "/register"


def test_reviewer_commands_still_make_reviewers(hq, monkeypatch, capsys):
    url = hq.db.engine.url.render_as_string(hide_password=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert hq_main(["reviewer", "add", "Marie", "--password-stdin", "--database", url]) == 0
    assert StaffBrowser(hq.url).sign_in("Marie").headers["location"] == "/review"


def test_unknown_roles_are_refused_with_the_list(hq):
    from hq.errors import AdminError

    staff(hq.db, hq.url, "Rita", REGISTRY)
    with pytest.raises(AdminError, match="the roles are: reviewer, registry"):
        change_roles(hq.db, name="Rita", grant=("superuser",))


def test_admin_adds_an_account_in_the_browser_and_it_signs_in(hq):
    admin = staff(hq.db, hq.url, "Ada", ADMIN)
    admin.get("/accounts")
    added = admin.post("/accounts/new", {"name": "Rita \u0631\u064a\u062a\u0627",
                                         "password": PASSWORD, "roles": ["registry"]})
    assert added.headers["location"] == "/accounts?done=added"
    page = admin.get("/accounts?done=added")
    assert "The account is added" in page.text
    assert "Rita \u0631\u064a\u062a\u0627" in page.text
    rita = StaffBrowser(hq.url)
    assert rita.sign_in("Rita \u0631\u064a\u062a\u0627").headers["location"] == "/register"


def test_account_form_errors_are_sentences_and_nothing_is_added(hq):
    admin = staff(hq.db, hq.url, "Ada", ADMIN)
    admin.get("/accounts")
    for data, sentence in (({"name": "Bo", "password": "short", "roles": ["registry"]},
                            "The password is too short"),
                           ({"name": "Ada", "password": PASSWORD, "roles": ["admin"]},
                            "already exists"),
                           ({"name": "Bo", "password": PASSWORD}, "Choose at least one role"),
                           ({"name": " ", "password": PASSWORD, "roles": ["admin"]},
                            "Give the account a name")):
        answer = admin.post("/accounts/new", data)
        assert answer.status_code == 422
        assert sentence in answer.text
    assert "Bo" not in admin.get("/accounts").text


def _account_id(hq, name: str) -> str:
    from hq.reviewers import list_reviewers

    return next(a.id for a in list_reviewers(hq.db) if a.name == name)


def test_admin_changes_roles_and_disables_but_never_locks_themselves_out(hq):
    admin = staff(hq.db, hq.url, "Ada", ADMIN)
    rita = staff(hq.db, hq.url, "Rita / Рита", REGISTRY)
    admin.get("/accounts")
    rita_id, ada_id = _account_id(hq, "Rita / Рита"), _account_id(hq, "Ada")
    assert admin.post(f"/accounts/{rita_id}/roles",
                      {"roles": ["coordinator"]}).status_code == 303
    assert rita.get("/register").status_code == 403
    assert rita.get("/overview").status_code == 200
    assert admin.post(f"/accounts/{rita_id}/disable").status_code == 303
    assert rita.get("/overview").status_code == 303  # signed out everywhere
    assert StaffBrowser(hq.url).sign_in("Rita / Рита").status_code == 401
    assert admin.post(f"/accounts/{rita_id}/enable").status_code == 303
    assert StaffBrowser(hq.url).sign_in("Rita / Рита").status_code == 303
    own = admin.post(f"/accounts/{ada_id}/roles", {"roles": ["reviewer"]})
    assert own.status_code == 409
    assert "cannot take your own administrator role" in own.text
    assert admin.post(f"/accounts/{ada_id}/disable").status_code == 409
    assert admin.get("/accounts").status_code == 200
    assert admin.post("/accounts/no-such-id/disable").status_code == 404


def test_account_forms_need_the_admin_role_and_the_csrf_token(hq):
    rita = staff(hq.db, hq.url, "Rita", REGISTRY, COORDINATOR, REVIEWER)
    rita.get("/review")
    assert rita.post("/accounts/new", {"name": "X", "password": PASSWORD,
                                       "roles": ["admin"]}).status_code == 403
    assert rita.post(f"/accounts/{_account_id(hq, 'Rita')}/roles",
                     {"roles": list(ROLES)}).status_code == 403
    admin = staff(hq.db, hq.url, "Ada", ADMIN)
    admin.get("/accounts")
    forged = admin.post("/accounts/new", {"name": "X", "password": PASSWORD,
                                          "roles": ["admin"]}, csrf="forged")
    assert forged.status_code == 403
    assert "did not come from this site" in forged.text
    assert ">X<" not in admin.get("/accounts").text


def test_account_names_are_escaped(hq):
    admin = staff(hq.db, hq.url, "Ada", ADMIN)
    admin.get("/accounts")
    admin.post("/accounts/new", {"name": "<script>alert(1)</script>", "password": PASSWORD,
                                 "roles": ["reviewer"]})
    page = admin.get("/accounts").text
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
