"""The roles of HQ staff accounts, and the pages each one opens.

- `reviewer`: reviews, validates and publishes lessons observed (/review);
- `registry`: keeps the Central Register of MCDA and answers the field's correction
  proposals (/register);
- `coordinator`: reads the cross-operation overview of RFAs and keeps the roster and the
  deployments (/overview, /roster);
- `admin`: manages staff accounts and their roles (/accounts).

An account may hold several roles; none implies another (an admin who must also review
lessons is given both).
"""

from __future__ import annotations

from collections.abc import Iterable

from fieldapp.i18n import N_
from fieldapp.labels import label_of
from hq.errors import AdminError

REVIEWER, REGISTRY, COORDINATOR, ADMIN = "reviewer", "registry", "coordinator", "admin"
ROLES = (REVIEWER, REGISTRY, COORDINATOR, ADMIN)
ROLE_LABELS = {
    REVIEWER: N_("Reviewer of lessons"),
    REGISTRY: N_("Central Register"),
    COORDINATOR: N_("Coordinator (overview and roster)"),
    ADMIN: N_("Administrator of accounts"),
}
# Where a role's work starts: a sign-in with no page to return to goes to the first one
# the account's roles open.
HOME = {REVIEWER: "/review", REGISTRY: "/register", COORDINATOR: "/overview",
        ADMIN: "/accounts"}
STAFF_PREFIXES = ("/review", "/register", "/overview", "/roster", "/accounts")


def parse_roles(stored: str | None) -> frozenset[str]:
    """The known roles in a stored `roles` value (unknown words are ignored)."""
    return frozenset(word for word in (stored or "").split() if word in ROLES)


def format_roles(roles: Iterable[str]) -> str:
    """Roles as stored: space-separated, in ROLES order."""
    held = set(roles)
    return " ".join(role for role in ROLES if role in held)


def checked_roles(names: Iterable[str]) -> frozenset[str]:
    """Roles named by an admin, refused with the list of valid ones if one is unknown."""
    roles = frozenset(name.strip().lower() for name in names if name.strip())
    unknown = sorted(roles - set(ROLES))
    if unknown:
        raise AdminError(  # i18n: not shown
                         f"Unknown role {unknown[0]!r}; the roles are: {', '.join(ROLES)}.")
    return roles


def role_label(role: str) -> str:
    """A role's name as the pages show it."""
    return label_of(ROLE_LABELS, role)


def home_page(roles: Iterable[str]) -> str:
    """The first page an account's roles open ("/library" when it has none)."""
    held = set(roles)
    return next((HOME[role] for role in ROLES if role in held), "/library")
