"""`cmcoord-hq reviewer add|list|disable|enable`: HQ reviewer accounts from the terminal."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from typing import Any

from hq.db import HqDatabase
from hq.errors import AdminError


def _read_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(f"Password for {args.name}: ")
    if getpass.getpass("Same password again: ") != first:
        raise AdminError("The two passwords differ; nothing was changed.")
    return first


def _add(db: HqDatabase, args: argparse.Namespace) -> None:
    from hq.reviewers import add_reviewer, check_new_password

    password = _read_password(args)
    check_new_password(password)
    reviewer = add_reviewer(db, name=args.name, password=password)
    print(f"Reviewer {reviewer.name} added; they sign in at /review.")


def _list(db: HqDatabase, _: argparse.Namespace) -> None:
    from hq.reviewers import list_reviewers

    reviewers = list_reviewers(db)
    if not reviewers:
        print("No reviewers yet. Add one with `cmcoord-hq reviewer add NAME`.")
    for r in reviewers:
        state = "disabled" if r.disabled_at else "active"
        last = r.last_sign_in_at.strftime("%Y-%m-%d %H:%M UTC") if r.last_sign_in_at else "never"
        print(f"{r.name:<30}  {state:<8}  last sign-in {last}")


def _switch(disabled: bool) -> Callable[[HqDatabase, argparse.Namespace], None]:
    def run(db: HqDatabase, args: argparse.Namespace) -> None:
        from hq.reviewers import set_disabled

        reviewer = set_disabled(db, name=args.name, disabled=disabled)
        print(f"Reviewer {reviewer.name} is {'disabled and signed out' if disabled else 'active'}.")
    return run


def add_reviewer_commands(commands: Any, common: argparse.ArgumentParser,
                          admin: Callable[..., Callable[..., int]]) -> None:
    """Register `reviewer add|list|disable|enable` on cmcoord-hq's subcommands."""
    reviewer = commands.add_parser("reviewer", help="HQ reviewers of lessons observed")
    actions = reviewer.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", parents=[common], help="add a reviewer (asks a password)")
    add.add_argument("name")
    add.add_argument("--password-stdin", action="store_true",
                     help="read the password from the first line of standard input")
    add.set_defaults(run=admin(_add))
    actions.add_parser("list", parents=[common]).set_defaults(run=admin(_list))
    for verb, disabled in (("disable", True), ("enable", False)):
        cmd = actions.add_parser(verb, parents=[common], help=f"{verb} a reviewer")
        cmd.add_argument("name")
        cmd.set_defaults(run=admin(_switch(disabled)))
