"""`cmcoord-hq`: the HQ server's command line (serve, and the admin's commands).

Every command takes `--database URL` (or CMCOORD_HQ_DATABASE); the default is a SQLite
file in the HQ data folder, so `cmcoord-hq serve` starts with nothing else to set up.
PostgreSQL URLs look like `postgresql+psycopg://user@host/dbname`.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from fieldapp import __version__
from hq.account_cli import add_account_commands
from hq.db import HqDatabase, default_database_url
from hq.errors import AdminError
from hq.release_cli import add_release_commands

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765


def _when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M UTC") if value else "-"


def uvicorn_options(args: argparse.Namespace) -> dict[str, Any]:
    """What `serve` hands uvicorn. X-Forwarded-For and X-Forwarded-Proto are believed only
    from the proxies `--forwarded-allow-ips` names: uvicorn believes them from 127.0.0.1
    by default, which let anyone behind a local proxy choose their address."""
    from hq.nodelay import PROTOCOL as NODELAY_HTTP

    proxies = (args.forwarded_allow_ips or "").strip()
    return {"host": args.host, "port": args.port, "log_level": "info", "http": NODELAY_HTTP,
            "proxy_headers": bool(proxies), "forwarded_allow_ips": proxies or None,
            "server_header": False}  # 17 bytes less in every answer on a satellite link


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from hq.app import DATABASE_ENV, create_app

    options = uvicorn_options(args)
    if args.workers > 1:  # the write lock spans processes (advisory lock / BEGIN IMMEDIATE)
        HqDatabase.open(args.database).close()  # upgrade the schema once, before workers
        os.environ[DATABASE_ENV] = args.database
        print(  # i18n: not shown
              f"cmcoord-hq {__version__} serving on http://{args.host}:{args.port} with "
              f"{args.workers} workers (database: {args.database.split('://')[0]})", flush=True)
        uvicorn.run("hq.app:app_from_environment", factory=True,
                    workers=args.workers, **options)
        return 0
    app = create_app(args.database)
    print(f"cmcoord-hq {__version__} serving on http://{args.host}:{args.port} "  # i18n: not shown
          f"(database: {args.database.split('://')[0]}); OpenAPI at /docs", flush=True)
    uvicorn.run(app, **options)
    return 0


def _admin(action: Callable[[HqDatabase, argparse.Namespace], None]) -> Callable[..., int]:
    def run(args: argparse.Namespace) -> int:
        db = HqDatabase.open(args.database)
        try:
            action(db, args)
        finally:
            db.close()
        return 0
    return run


def _operation_add(db: HqDatabase, args: argparse.Namespace) -> None:
    from hq.admin import create_operation

    added = create_operation(db, code=args.code, name=args.name, country=args.country,
                             kind=args.kind)
    op = added.operation
    print(f"Operation {op.code} added ({op.id}).")  # i18n: not shown
    if added.displaced is not None:
        other = added.displaced
        print(f"Note: code {op.code} was used by an operation proposed offline "  # i18n: not shown
              f"({other.name or 'no name'}, {other.id}). Both are kept: that one is now "
              "listed here without a code; its devices keep showing its old code.")


def _operation_list(db: HqDatabase, _: argparse.Namespace) -> None:
    from hq.admin import list_operations

    rows = list_operations(db)
    if not rows:
        print(  # i18n: not shown
              "No operations yet. Add one with `cmcoord-hq operation add CODE NAME --country XXX`.")
    for info in rows:
        op = info.operation
        code = op.code or "(no code)"  # i18n: not shown
        proposed = ""
        if info.proposed_by:
            shown = (f", {info.device_code} on devices"  # i18n: not shown
                     if info.device_code != op.code and info.device_code else "")
            proposed = f"  proposed offline by {info.proposed_by}{shown}"  # i18n: not shown
        print(f"{code:<12}  {op.name:<40}  {info.members} officer(s)  {op.id}{proposed}")


def _officer_add(db: HqDatabase, args: argparse.Namespace) -> None:
    from hq.admin import add_officer

    officer = add_officer(db, name=args.name, email=args.email)
    print(f"Officer {officer.name} added ({officer.id}).")  # i18n: not shown


def _officer_list(db: HqDatabase, _: argparse.Namespace) -> None:
    from hq.admin import list_officers

    rows = list_officers(db)
    if not rows:
        print("No officers yet. Add one with `cmcoord-hq officer add NAME`.")  # i18n: not shown
    for officer, codes in rows:
        print(  # i18n: not shown
              f"{officer.name:<30}  {', '.join(codes) or '(no operation)':<30}  {officer.id}")


def _officer_assign(db: HqDatabase, args: argparse.Namespace) -> None:
    from hq.admin import assign

    officer, op = assign(db, officer=args.officer, operation=args.operation)
    print(f"{officer.name} is assigned to {op.code or op.id}; "  # i18n: not shown
          "their devices receive it at the next sync.")


def _officer_unassign(db: HqDatabase, args: argparse.Namespace) -> None:
    from hq.admin import unassign

    officer, op = unassign(db, officer=args.officer, operation=args.operation)
    print(  # i18n: not shown
          f"{officer.name} is no longer assigned to {op.code or op.id}. Their devices keep "
          "its data (archived) and hold their unsent changes to it, from their next sync.")


def _deployment_add(db: HqDatabase, args: argparse.Namespace) -> None:
    from fieldapp.errors import FieldAppError
    from hq import roster
    from hq.admin import find_officer, find_operation

    try:
        with db.write() as session:
            officer = find_officer(session, args.officer)
            op = find_operation(session, args.operation)
            deployment = roster.deploy(
                session, officer_id=officer.id, operation_id=op.id, by="cmcoord-hq",
                data=roster.DeploymentInput(role=args.role, starts_on=args.start,
                                            ends_on=args.end or "", note=args.note))
    except FieldAppError as exc:
        raise AdminError(exc.message) from None  # every field's reason
    until = deployment.ends_on.isoformat() if deployment.ends_on else "open-ended"
    print(  # i18n: not shown
          f"{officer.name} is deployed to {op.code or op.id} as {deployment.role} "
          f"from {deployment.starts_on.isoformat()} until {until} ({deployment.id}); "
          "assigned to the operation, their devices receive it at the next sync.")


def _deployment_end(db: HqDatabase, args: argparse.Namespace) -> None:
    from fieldapp.errors import FieldAppError
    from hq import roster

    try:
        with db.write() as session:
            ended = roster.end_deployment(session, args.deployment, by="cmcoord-hq")
    except FieldAppError as exc:
        raise AdminError(exc.message) from None  # every field's reason
    if ended.kept:
        print(  # i18n: not shown
              f"Deployment {args.deployment} ended; another open deployment keeps the "
              "officer assigned to the operation.")
    elif ended.unassigned:
        print(  # i18n: not shown
              f"Deployment {args.deployment} ended; the officer is no longer assigned to "
              "the operation (their devices keep its data, archived).")
    else:
        print(  # i18n: not shown
              f"Deployment {args.deployment} ended; the officer was already unassigned.")


def _deployment_list(db: HqDatabase, args: argparse.Namespace) -> None:
    from hq import roster
    from hq.admin import find_operation

    with db.read() as session:
        operation_id = find_operation(session, args.operation).id if args.operation else None
        views = roster.list_deployments(session, operation_id=operation_id,
                                        include_ended=not args.open)
    if not views:
        print(  # i18n: not shown
              "No deployments. Add one with `cmcoord-hq deployment add OFFICER OPERATION "
              "--from YYYY-MM-DD`.")
    for v in views:
        d = v.deployment
        until = d.ends_on.isoformat() if d.ends_on else "open"
        print(  # i18n: not shown
              f"{d.id}  {v.officer_name:<24}  {v.operation_code:<12}  {d.role:<16}  "
              f"{d.starts_on.isoformat()} .. {until:<10}  {v.status}")


def _enroll_code(db: HqDatabase, args: argparse.Namespace) -> None:
    from hq.admin import make_enrollment_code

    code, expires = make_enrollment_code(db, officer=args.officer, hours=args.hours)
    print(f"Enrollment code: {code}")  # i18n: not shown
    print(  # i18n: not shown
          f"Valid once, until {_when(expires)}. Give it to the officer by a trusted channel.")


def _device_list(db: HqDatabase, _: argparse.Namespace) -> None:
    from hq.admin import list_devices

    devices = list_devices(db)
    if not devices:
        print("No devices enrolled yet.")  # i18n: not shown
    for d in devices:
        state = f"REVOKED {_when(d.revoked_at)}" if d.revoked_at else "active"
        if d.lost_at:
            state = f"LOST {_when(d.lost_at)}"
        client = (  # i18n: not shown
                  f"protocol {d.client_protocol or '?'}, schema {d.client_schema or '?'}, "
                  f"version {d.client_version or '?'}")
        print(  # i18n: not shown
              f"{d.id}  {d.officer:<24}  {d.name or '-':<20}  last seen {_when(d.last_seen_at)}"
              f"  {state}  ({client})")


def _device_revoke(db: HqDatabase, args: argparse.Namespace) -> None:
    from hq.admin import revoke_device

    device = revoke_device(db, args.device, lost=args.lost)
    if args.lost:
        print(  # i18n: not shown
              f"Device {device.id} is revoked as lost: if it reaches HQ again it is told "
              "so and erases its local data.")
    else:
        print(f"Device {device.id} is revoked: HQ refuses it from now on.")  # i18n: not shown


def _handbook_publish(db: HqDatabase, args: argparse.Namespace) -> None:
    from hq.admin import publish_handbook

    edition = publish_handbook(db, Path(args.path))
    print(  # i18n: not shown
          f"Handbook edition {edition.name} published ({edition.sections} sections, "
          f"{edition.size // 1024} KiB); devices receive it at their next sync.")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of cmcoord-hq."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--database", metavar="URL",
        default=os.environ.get("CMCOORD_HQ_DATABASE") or None,
        help="SQLAlchemy URL of the HQ database (default: a SQLite file in the HQ data "
             "folder; PostgreSQL: postgresql+psycopg://user@host/db)",
    )
    parser = argparse.ArgumentParser(prog="cmcoord-hq",
                                     description="CMCoord Field Kit headquarters server.")
    parser.add_argument("--version", action="version", version=f"cmcoord-hq {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    serve = commands.add_parser(  # i18n: not shown
                                "serve", parents=[common], help="run the HQ server")
    serve.add_argument("--host", default=DEFAULT_HOST)
    serve.add_argument("--port", type=int, default=DEFAULT_PORT)
    serve.add_argument("--workers", type=int, default=1,
                       help="worker processes (default 1; more for PostgreSQL under load)")
    serve.add_argument("--forwarded-allow-ips", metavar="ADDRESSES", default=None,
                       help="comma-separated addresses of the reverse proxies whose "
                            "X-Forwarded-For HQ believes (default: none)")
    serve.set_defaults(run=_serve)

    operation = commands.add_parser("operation", help="operations known at HQ")  # i18n: not shown
    ops = operation.add_subparsers(dest="action", required=True)
    add = ops.add_parser("add", parents=[common], help="add an operation")  # i18n: not shown
    add.add_argument("code")
    add.add_argument("name")
    add.add_argument("--country", required=True, help="ISO 3166 alpha-3, e.g. HTI")
    add.add_argument("--kind", default="natural_disaster",
                     choices=["natural_disaster", "complex_emergency", "exercise"])
    add.set_defaults(run=_admin(_operation_add))
    ops.add_parser("list", parents=[common]).set_defaults(run=_admin(_operation_list))

    officer = commands.add_parser(  # i18n: not shown
                                  "officer", help="officers and their operations")
    offs = officer.add_subparsers(dest="action", required=True)
    add = offs.add_parser("add", parents=[common], help="add an officer")  # i18n: not shown
    add.add_argument("name")
    add.add_argument("--email", default="")
    add.set_defaults(run=_admin(_officer_add))
    offs.add_parser("list", parents=[common]).set_defaults(run=_admin(_officer_list))
    assign = offs.add_parser(  # i18n: not shown
                             "assign", parents=[common], help="assign to an operation")
    assign.add_argument("officer", help="name or id")
    assign.add_argument("operation", help="code or id")
    assign.set_defaults(run=_admin(_officer_assign))
    unassign = offs.add_parser("unassign", parents=[common],  # i18n: not shown
                               help="remove from an operation (devices keep its data, archived)")
    unassign.add_argument("officer", help="name or id")
    unassign.add_argument("operation", help="code or id")
    unassign.set_defaults(run=_admin(_officer_unassign))

    deployment = commands.add_parser(  # i18n: not shown
                                     "deployment", help="deployments (they drive membership)")
    deps = deployment.add_subparsers(dest="action", required=True)
    add = deps.add_parser("add", parents=[common],  # i18n: not shown
                          help="deploy an officer (assigns them to the operation)")
    add.add_argument("officer", help="name or id")
    add.add_argument("operation", help="code or id")
    add.add_argument("--role", default="cmcoord_officer",  # i18n: not shown
                     help="cmcoord_officer (default), team_leader, liaison_officer, trainer, "
                          "remote_support")
    add.add_argument("--from", dest="start", required=True, metavar="YYYY-MM-DD")
    add.add_argument("--to", dest="end", default="", metavar="YYYY-MM-DD",
                     help="planned end (default: open-ended)")
    add.add_argument("--note", default="")
    add.set_defaults(run=_admin(_deployment_add))
    end = deps.add_parser("end", parents=[common],  # i18n: not shown
                          help="end a deployment (the last one to an operation unassigns)")
    end.add_argument("deployment", help="deployment id")
    end.set_defaults(run=_admin(_deployment_end))
    listing = deps.add_parser("list", parents=[common])
    listing.add_argument("--operation", default="", help="code or id")
    listing.add_argument("--open", action="store_true", help="only deployments not ended")
    listing.set_defaults(run=_admin(_deployment_list))

    code = commands.add_parser("enroll-code", parents=[common],  # i18n: not shown
                               help="a one-time enrollment code for an officer")
    code.add_argument("officer", help="name or id")
    code.add_argument("--hours", type=float, default=72.0, help="validity (default 72)")
    code.set_defaults(run=_admin(_enroll_code))

    device = commands.add_parser("device", help="enrolled devices")  # i18n: not shown
    devs = device.add_subparsers(dest="action", required=True)
    devs.add_parser("list", parents=[common]).set_defaults(run=_admin(_device_list))
    revoke = devs.add_parser(  # i18n: not shown
                             "revoke", parents=[common], help="refuse a device from now on")
    revoke.add_argument("device", help="device id (or its first 6+ characters)")
    revoke.add_argument("--lost", action="store_true",  # i18n: not shown
                        help="the laptop is lost: if it reaches HQ again it erases its data")
    revoke.set_defaults(run=_admin(_device_revoke))

    handbook = commands.add_parser("handbook", help="handbook editions")  # i18n: not shown
    hbs = handbook.add_subparsers(dest="action", required=True)
    publish = hbs.add_parser(  # i18n: not shown
                             "publish", parents=[common], help="validate and publish")
    publish.add_argument("path", help="edition folder holding en/ (and fr/, es/)")
    publish.set_defaults(run=_admin(_handbook_publish))
    add_account_commands(commands, common, _admin)  # lessons reviewers (issue 8)
    add_release_commands(commands, common, _admin)  # new app versions (issue 19)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script."""
    args = build_parser().parse_args(argv)
    args.database = args.database or default_database_url()
    try:
        return int(args.run(args))
    except AdminError as exc:
        print(f"cmcoord-hq: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
