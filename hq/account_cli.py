"""`cmcoord-hq account add|list|grant|revoke|disable|enable`: HQ staff accounts and their
roles from the terminal. `cmcoord-hq reviewer ...` (add, list, disable, enable) is kept for
the scripts written before roles: it manages accounts with the `reviewer` role."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from typing import Any

from hq.db import HqDatabase
from hq.errors import AdminError
from hq.roles import HOME, REVIEWER, ROLES, home_page, parse_roles


def _read_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(f"Password for {args.name}: ")
    if getpass.getpass("Same password again: ") != first:
        raise AdminError("The two passwords differ; nothing was changed.")
    return first


def _add(db: HqDatabase, args: argparse.Namespace) -> None:
    from hq.reviewers import add_reviewer, check_new_password

    roles = tuple(args.role or (REVIEWER,))
    password = _read_password(args)
    check_new_password(password)
    account = add_reviewer(db, name=args.name, password=password, roles=roles)
    held = parse_roles(account.roles)
    print(f"Account {account.name} added with the roles {', '.join(sorted(held))}; "
          f"they sign in at /review/signin and start at {home_page(held)}.")


def _list(db: HqDatabase, args: argparse.Namespace) -> None:
    from hq.reviewers import list_reviewers

    accounts = [a for a in list_reviewers(db)
                if not args.only_role or args.only_role in parse_roles(a.roles)]
    if not accounts:
        print("No accounts yet. Add one with `cmcoord-hq account add NAME --role ROLE`.")
    for a in accounts:
        state = "disabled" if a.disabled_at else "active"
        last = a.last_sign_in_at.strftime("%Y-%m-%d %H:%M UTC") if a.last_sign_in_at else "never"
        roles = ",".join(sorted(parse_roles(a.roles))) or "-"
        print(f"{a.name:<30}  {state:<8}  {roles:<36}  last sign-in {last}")


def _switch(disabled: bool) -> Callable[[HqDatabase, argparse.Namespace], None]:
    def run(db: HqDatabase, args: argparse.Namespace) -> None:
        from hq.reviewers import set_disabled

        account = set_disabled(db, name=args.name, disabled=disabled)
        print(f"Account {account.name} is {'disabled and signed out' if disabled else 'active'}.")
    return run


def _roles(grant: bool) -> Callable[[HqDatabase, argparse.Namespace], None]:
    def run(db: HqDatabase, args: argparse.Namespace) -> None:
        from hq.reviewers import change_roles

        change = {"grant" if grant else "revoke": tuple(args.roles)}
        account = change_roles(db, name=args.name, **change)
        held = sorted(parse_roles(account.roles))
        print(f"Account {account.name} now has the roles: {', '.join(held) or 'none'}.")
    return run


def _commands(parent: Any, name: str, help_text: str, common: argparse.ArgumentParser,
              admin: Callable[..., Callable[..., int]], *, with_roles: bool) -> None:
    group = parent.add_parser(name, help=help_text)
    actions = group.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", parents=[common], help="add an account (asks a password)")
    add.add_argument("name")
    add.add_argument("--password-stdin", action="store_true",
                     help="read the password from the first line of standard input")
    if with_roles:
        add.add_argument("--role", action="append", choices=ROLES,
                         help="a role to give (repeat for several; default: reviewer). "
                              + "; ".join(f"{r} opens {HOME[r]}" for r in ROLES))
    add.set_defaults(run=admin(_add), role=None)
    listing = actions.add_parser("list", parents=[common])
    if with_roles:
        listing.add_argument("--role", dest="only_role", choices=ROLES,
                             help="only the accounts with this role")
    listing.set_defaults(run=admin(_list), only_role=None if with_roles else REVIEWER)
    for verb, disabled in (("disable", True), ("enable", False)):
        cmd = actions.add_parser(verb, parents=[common], help=f"{verb} an account")
        cmd.add_argument("name")
        cmd.set_defaults(run=admin(_switch(disabled)))
    if with_roles:
        for verb, grant in (("grant", True), ("revoke", False)):
            cmd = actions.add_parser(verb, parents=[common],
                                     help=f"{verb} roles ({', '.join(ROLES)})")
            cmd.add_argument("name")
            cmd.add_argument("roles", nargs="+", choices=ROLES, metavar="ROLE")
            cmd.set_defaults(run=admin(_roles(grant)))


def add_account_commands(commands: Any, common: argparse.ArgumentParser,
                         admin: Callable[..., Callable[..., int]]) -> None:
    """Register `account ...` and the older `reviewer ...` on cmcoord-hq's subcommands."""
    _commands(commands, "account", "HQ staff accounts and their roles", common, admin,
              with_roles=True)
    _commands(commands, "reviewer", "HQ reviewers of lessons observed (accounts with the "
              "reviewer role)", common, admin, with_roles=False)
