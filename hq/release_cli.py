"""`cmcoord-hq release announce VERSION URL [--notes TEXT]` and `cmcoord-hq release list`:
tell devices a new version of the desktop application exists (issue 19, hq/releases.py)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from hq.db import HqDatabase


def _announce(db: HqDatabase, args: argparse.Namespace) -> None:
    from hq.releases import announce

    done = announce(db, args.version, args.url, args.notes or "")
    print(f"Version {done.version} announced: devices show it, with {done.url}, "  # i18n: not shown
          "after their next sync.")


def _list(db: HqDatabase, args: argparse.Namespace) -> None:
    from hq.releases import history

    with db.read() as session:
        found = history(session)
    if not found:
        print("No version announced yet.")  # i18n: not shown
    for number, item in enumerate(found):
        newest = "  (newest: the one devices are told)" if number == 0 else ""  # i18n: not shown
        print(f"{item.announced_at:%Y-%m-%d %H:%M} UTC  {item.version}  {item.url}{newest}")


def add_release_commands(commands: Any, common: argparse.ArgumentParser,
                         admin: Callable[..., Any]) -> None:
    """The `release` command group, on cmcoord-hq's parser."""
    release = commands.add_parser(  # i18n: not shown
        "release", help="announce new versions of the desktop application")
    actions = release.add_subparsers(dest="action", required=True)
    announce = actions.add_parser(  # i18n: not shown
        "announce", parents=[common],
        help="tell devices that VERSION can be downloaded from URL (nothing is downloaded "
             "for them: officers see the address on the Sync screen and in About)")
    announce.add_argument("version", help="the version number, e.g. 0.2.0")  # i18n: not shown
    announce.add_argument("url", help="the https:// address to download it from")  # i18n: not shown
    announce.add_argument("--notes", default="",  # i18n: not shown
                          help="a few words on what is new (at most 2000 characters)")
    announce.set_defaults(run=admin(_announce))
    actions.add_parser("list", parents=[common],  # i18n: not shown
                       help="every announcement, newest first").set_defaults(run=admin(_list))
