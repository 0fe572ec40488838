"""The rules of staff roles, without a server: parsing, storing, checking, home pages."""

from __future__ import annotations

import pytest

from hq.errors import AdminError
from hq.roles import (
    ADMIN,
    COORDINATOR,
    REGISTRY,
    REVIEWER,
    ROLES,
    STAFF_PREFIXES,
    checked_roles,
    format_roles,
    home_page,
    parse_roles,
    role_label,
)
from hq.staff import safe_next


def test_the_four_roles():
    assert ROLES == ("reviewer", "registry", "coordinator", "admin")


def test_stored_roles_read_back_and_unknown_words_are_ignored():
    assert parse_roles("registry reviewer") == {REGISTRY, REVIEWER}
    assert parse_roles("  admin   superuser ") == {ADMIN}
    assert parse_roles("") == frozenset()
    assert parse_roles(None) == frozenset()


def test_roles_are_stored_in_a_stable_order():
    assert format_roles({ADMIN, REVIEWER, COORDINATOR}) == "reviewer coordinator admin"
    assert format_roles([]) == ""
    assert parse_roles(format_roles(set(ROLES))) == set(ROLES)


def test_named_roles_are_checked_and_normalised():
    assert checked_roles([" Registry", "ADMIN", ""]) == {REGISTRY, ADMIN}
    with pytest.raises(AdminError, match="Unknown role 'root'; the roles are: reviewer, "
                                         "registry, coordinator, admin."):
        checked_roles(["registry", "root"])


def test_home_is_the_first_page_the_roles_open():
    assert home_page({REVIEWER, ADMIN}) == "/review"
    assert home_page({ADMIN, COORDINATOR}) == "/overview"
    assert home_page({REGISTRY, ADMIN}) == "/register"
    assert home_page({ADMIN}) == "/accounts"
    assert home_page(set()) == "/library"


def test_role_labels_are_readable():
    assert role_label(REGISTRY) == "Central Register"
    assert role_label("other") == "other"


@pytest.mark.parametrize("target", ["/review", "/register?q=x", "/overview/operations/1",
                                    "/roster", "/accounts"])
def test_sign_in_returns_to_staff_pages(target):
    assert target.startswith(STAFF_PREFIXES)
    assert safe_next(target) == target


@pytest.mark.parametrize("target", ["", "/library", "https://evil.example/review",
                                    "//evil.example", "/review\\x", "review"])
def test_sign_in_never_returns_elsewhere(target):
    assert safe_next(target) == ""
