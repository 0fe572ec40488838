"""A roster to look at: HQ with a dozen officers (names in Arabic, Cyrillic, Chinese and
Latin script), some deployed, one overdue to end, screenshot of /roster and of an
officer's page at 1366×768 (docs/screenshots/hq-roster*.png).

    python3 -m bench.roster_demo [OUT_FOLDER]      # default docs/screenshots
"""

from __future__ import annotations

import sys
import tempfile
from datetime import timedelta
from pathlib import Path

from bench.hq_shots import screenshot
from hq import admin, roster
from hq.roles import COORDINATOR
from tests.sync.conftest import running_hq
from tests.sync.staff_browser import staff

# name, e-mail, languages, skills, duty station, availability note
OFFICERS = [
    ("ليلى حداد", "l.haddad@un.org", [("ar", "native"), ("fr", "fluent"), ("en", "fluent")],
     ["liaison", "mcda_requests", "mediation"], "Amman", ""),
    ("Дмитрий Волков", "d.volkov@un.org", [("ru", "native"), ("en", "fluent")],
     ["assessment", "military_briefing"], "Geneva", ""),
    ("王芳", "wang.fang@un.org", [("zh", "native"), ("en", "fluent"), ("fr", "working")],
     ["information_sharing", "training"], "Bangkok", "On leave 2–16 January"),
    ("Amina Diallo", "a.diallo@un.org", [("fr", "native"), ("en", "fluent"), ("wo", "native")],
     ["advice", "guidance", "liaison"], "Dakar", ""),
    ("Carlos Mendoza", "c.mendoza@un.org", [("es", "native"), ("en", "fluent")],
     ["mcda_requests", "mobilisation"], "Panama City", ""),
    ("Ольга Коваленко", "o.kovalenko@un.org", [("uk", "native"), ("ru", "native"),
                                                ("en", "working")],
     ["training", "assessment"], "Geneva", "Staff course trainer in March"),
    ("محمد الأحمد", "m.alahmad@un.org", [("ar", "native"), ("en", "fluent")],
     ["liaison", "information_sharing"], "Cairo", ""),
    ("李伟", "li.wei@un.org", [("zh", "native"), ("en", "fluent")],
     ["mcda_requests", "assessment"], "Beijing", ""),
    ("Sophie Laurent", "s.laurent@un.org", [("fr", "native"), ("en", "fluent"),
                                            ("es", "working")],
     ["advice", "mediation", "guidance"], "Geneva", "Available from February"),
    ("Rahul Mehta", "r.mehta@un.org", [("hi", "native"), ("en", "fluent")],
     ["mobilisation", "military_briefing"], "New Delhi", ""),
    ("Nadia Petrenko", "n.petrenko@un.org", [("ru", "fluent"), ("en", "fluent")],
     ["information_sharing"], "Nairobi", ""),
    ("Ahmed Yusuf", "a.yusuf@un.org", [("so", "native"), ("ar", "fluent"), ("en", "fluent")],
     ["liaison", "mcda_requests"], "Nairobi", ""),
]
# officer index, operation code, role, days from today it started, days it ends (None: open)
DEPLOYMENTS = [
    (0, "MRV-TC", "team_leader", -20, 40),
    (1, "MRV-TC", "cmcoord_officer", -10, 50),
    (2, "SDN-CE", "liaison_officer", -60, -3),  # overdue to end
    (4, "HTI-EQ", "cmcoord_officer", -5, 85),
    (6, "SDN-CE", "cmcoord_officer", -30, 60),
    (9, "HTI-EQ", "liaison_officer", 7, 60),  # planned: still available today
]


def fill(db: object) -> list[str]:
    """Operations, officers with profiles, deployments; the officers' ids."""
    for code, name, country in (("MRV-TC", "Marovia tropical cyclone", "HTI"),
                                ("SDN-CE", "Sudan complex emergency", "SDN"),
                                ("HTI-EQ", "Haiti earthquake", "HTI")):
        admin.add_operation(db, code=code, name=name, country=country)  # type: ignore[arg-type]
    ids = []
    today = roster.today_utc()
    with db.write() as session:  # type: ignore[attr-defined]
        for name, email, languages, skills, station, note in OFFICERS:
            officer = roster.add_officer(session, name=name, email=email)
            roster.save_profile(session, officer.id, roster.ProfileInput(
                email=email, duty_station=station, availability_note=note,
                languages=languages, skills=skills, phone="+41 22 917 12 34"), by="Demo")
            ids.append(officer.id)
    infos = {i.operation.code: i.operation.id
             for i in admin.list_operations(db)}  # type: ignore[arg-type]
    with db.write() as session:  # type: ignore[attr-defined]
        for index, code, role, start, end in DEPLOYMENTS:
            roster.deploy(session, officer_id=ids[index], operation_id=infos[code],
                          by="Demo", data=roster.DeploymentInput(
                              role=role, starts_on=(today + timedelta(start)).isoformat(),
                              ends_on="" if end is None else
                              (today + timedelta(end)).isoformat()))
    return ids


def main(out: str = "docs/screenshots") -> None:
    """Start HQ, fill it, sign a coordinator in and photograph the roster pages."""
    folder = Path(out)
    with tempfile.TemporaryDirectory() as tmp, \
            running_hq(f"sqlite:///{Path(tmp) / 'hq.sqlite'}") as hq:
        ids = fill(hq.db)
        browser = staff(hq.db, hq.url, "Coordinator", COORDINATOR)
        screenshot(browser.http, f"{hq.url}/roster", folder / "hq-roster.png",
                   pdf="/tmp/hq-roster-print.pdf")
        screenshot(browser.http, f"{hq.url}/roster/officers/{ids[2]}",
                   folder / "hq-roster-officer.png")
    print(folder / "hq-roster.png", "/tmp/hq-roster-print.pdf")  # i18n: not shown


if __name__ == "__main__":
    main(*sys.argv[1:2])
