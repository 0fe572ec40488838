"""A running HQ whose register has corrections proposed from three laptops (officers named
in Arabic, Cyrillic and Chinese), one accepted and one rejected: a screenshot of
/register/proposals for docs/screenshots, and a manual look.

`python -m bench.hq_proposals_demo [--out docs/screenshots/hq-proposals.png] [--pdf X.pdf]
[--serve]`
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from sqlalchemy import select

from fieldapp.db import Database
from fieldapp.models import RegisterEntry, RegisterProposal
from fieldapp.paths import resolve_profile
from hq import admin, register, register_proposals
from hq.register_tables import RegisterEntry as HqEntry
from hq.roles import REGISTRY
from sync.client import enroll, sync_once
from tests.sync.conftest import running_hq
from tests.sync.staff_browser import staff

# (provider, kind, country, capability, category, quantity, capacity, unit, readiness,
#  deployment, conditions, point of contact, e-mail)
ENTRIES = [
    ("Norway", "member_state", "NOR", "C-130J Hercules with crew, 20 t payload",
     "airlift_fixed_wing", "3", "20", "t", "48", "72",
     "Bilateral request through the Norwegian MFA; cost recovery", "Lt Col Ingrid Hansen",
     "ingrid.hansen@mil.example.no"),
    ("中国国际救援队", "member_state", "CHN", "Heavy urban search and rescue team (INSARAG)",
     "search_and_rescue", "1", "", "", "12", "36", "Deployed on request through OCHA", "王伟",
     "wang.wei@example.cn"),
    ("Japan", "member_state", "JPN", "CH-47 Chinook helicopters with crews",
     "airlift_helicopter", "4", "10", "t", "72", "120",
     "Last resort only, per the Oslo Guidelines", "JSDF liaison", "liaison@mod.example.jp"),
    ("Sweden", "member_state", "SWE", "Base camp for 150 humanitarian staff", "shelter", "1",
     "150", "persons", "48", "96", "Through the UCPM", "MSB duty officer",
     "registrator@msb.example.se"),
]
KEYS = ("provider", "provider_kind", "provider_state", "capability", "category", "quantity",
        "capacity_value", "capacity_unit", "readiness_hours", "deployment_hours", "conditions",
        "poc_name", "poc_email")
# (officer, provider of the entry, proposed values, comment)
PROPOSALS = [
    ("Омар Хаддад", "Norway", {"quantity": "2", "readiness_hours": "72"},
     "Only two aircraft are on standby this quarter; the third is in maintenance until March."),
    ("王芳", "中国国际救援队",
     {"poc_email": "duty@cisar.example.cn", "poc_phone": "+86 10 6621 0000"},
     "The team's duty desk changed in November."),
    ("ليلى منصور", "Japan", {"status": "suspended"},
     "The JSDF liaison says the Chinooks are committed at home after the typhoon."),
    ("Омар Хаддад", "Sweden", {"capacity_value": "200"}, "Camp now sized for 200."),
]


def fill(hq_db: object) -> None:
    """The register's entries, as the registry staff typed them."""
    with hq_db.write() as session:  # type: ignore[attr-defined]
        for row in ENTRIES:
            register.create_entry(session, dict(zip(KEYS, row, strict=True)),
                                  actor="Rita Ferreira")


def propose(hq_db: object, url: str, root: Path) -> None:
    """Each officer's laptop receives the register and sends a proposal."""
    with hq_db.read() as session:  # type: ignore[attr-defined]
        ids = dict(session.execute(select(HqEntry.provider, HqEntry.id)).all())
    laptops: dict[str, Database] = {}
    for officer, provider, changes, comment in PROPOSALS:
        if officer not in laptops:
            admin.add_officer(hq_db, name=officer)  # type: ignore[arg-type]
            db = Database.open(resolve_profile(root / f"laptop-{len(laptops)}"))
            code, _ = admin.make_enrollment_code(hq_db, officer=officer)  # type: ignore[arg-type]
            enroll(db, url, code)
            sync_once(db)
            laptops[officer] = db
        db = laptops[officer]
        with db.transaction() as session:
            assert session.get(RegisterEntry, ids[provider]) is not None
            session.add(RegisterProposal(entry_id=ids[provider], changes=changes,
                                         comment=comment))
        sync_once(db)
    for db in laptops.values():
        db.close()


def decide(hq_db: object) -> None:
    """Accept the Norwegian correction and reject the last one."""
    with hq_db.write() as session:  # type: ignore[attr-defined]
        views = register_proposals.list_proposals(session)
        first, last = views[0].proposal.id, views[-1].proposal.id
        register_proposals.accept(session, first, actor="Rita Ferreira",
                                  answer="Thank you, corrected.")
        register_proposals.reject(session, last, actor="Rita Ferreira",
                                  answer="Sweden confirmed 150 persons on 1 December.")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="docs/screenshots/hq-proposals.png")
    parser.add_argument("--pdf", help="also print the page to this PDF (print stylesheet)")
    parser.add_argument("--height", type=int, default=768)
    parser.add_argument("--serve", action="store_true", help="keep serving for a minute")
    args = parser.parse_args()
    os.environ.setdefault("CMCOORD_NO_KEYRING", "1")
    from bench.hq_shots import screenshot

    with tempfile.TemporaryDirectory() as folder, \
            running_hq(f"sqlite:///{Path(folder) / 'hq.sqlite'}") as hq:
        fill(hq.db)
        propose(hq.db, hq.url, Path(folder))
        decide(hq.db)
        browser = staff(hq.db, hq.url, "Rita Ferreira", REGISTRY)
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        screenshot(browser.http, f"{hq.url}/register/proposals", args.out, pdf=args.pdf,
                   height=args.height)
        print(args.out)  # i18n: not shown - CLI output
        if args.serve:
            print(hq.url)  # i18n: not shown - CLI output
            time.sleep(60)


if __name__ == "__main__":
    main()
