"""A running HQ with a realistic Central Register (names in Arabic, Cyrillic, Chinese) and a
signed-in registry officer: screenshots of /register for docs/screenshots, and a manual look.

`python -m bench.hq_register_demo [--out docs/screenshots/hq-register.png] [--serve]`
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from hq import register
from hq.roles import REGISTRY
from tests.sync.conftest import running_hq
from tests.sync.staff_browser import staff

ENTRIES = [
    ("Norway", "member_state", "NOR", "C-130J Hercules with crew, 20 t payload",
     "airlift_fixed_wing",
     "2", "20", "t", "48", "72", "Bilateral request through the Norwegian MFA; cost recovery",
     "Lt Col Ingrid Hansen", "ingrid.hansen@mil.example.no", "+47 23 09 80 00", 400),
    ("Министерство по чрезвычайным ситуациям", "member_state", "RUS",
     "Ил-76 с экипажем, 40 т", "airlift_fixed_wing", "1", "40", "t", "24", "48",
     "По запросу правительства пострадавшей страны", "Иван Петров", "petrov@mchs.example.ru",
     "", -20),
    ("中国国际救援队", "member_state", "CHN", "Heavy urban search and rescue team (INSARAG)",
     "search_and_rescue", "1", "", "", "12", "36", "Deployed on request through OCHA",
     "王伟", "wang.wei@example.cn", "", 200),
    ("الهلال الأحمر الإماراتي", "organisation", "", "Field hospital, 50 beds, surgical",
     "medical", "1", "50", "beds", "72", "120", "Civilian-led; no armed escort",
     "فاطمة الزهراء", "f.alzahra@example.ae", "", -5),
    ("European Civil Protection Pool", "organisation", "", "Water purification module, 225 m³/day",
     "water_sanitation", "3", "225", "m³/day", "24", "48", "", "Duty officer ERCC",
     "ercc@example.eu", "+32 2 299 11 11", 300),
    ("Sweden", "member_state", "SWE", "Base camp for 150 humanitarian staff", "shelter",
     "1", "150", "persons", "48", "96", "Through the UCPM", "MSB duty officer",
     "registrator@msb.example.se", "", 120),
    ("Japan", "member_state", "JPN", "CH-47 Chinook helicopters with crews", "airlift_helicopter",
     "4", "10", "t", "72", "120", "Last resort only, per the Oslo Guidelines", "JSDF liaison",
     "liaison@mod.example.jp", "", -40),
    ("Brazil", "member_state", "BRA", "Engineering company: roads and bridges", "engineering",
     "1", "", "", "96", "168", "Costs shared", "Maj. Ana Souza", "ana.souza@eb.example.br", "",
     240),
    ("Pakistan", "member_state", "PAK", "Satellite communications kits (BGAN, VSAT)",
     "communications", "12", "", "", "24", "72", "", "NDMA", "ops@ndma.example.pk", "", 90),
    ("International Humanitarian Partnership", "organisation", "", "Power generation, 100 kVA",
     "power_generation", "6", "100", "kVA", "48", "96", "", "IHP secretariat",
     "ihp@example.org", "", 60),
]


def fill(db: object) -> None:
    """The demo entries, as a registry officer would have typed them."""
    with db.write() as session:  # type: ignore[attr-defined]
        for row in ENTRIES:
            keys = ("provider", "provider_kind", "provider_state", "capability", "category",
                    "quantity", "capacity_value", "capacity_unit", "readiness_hours",
                    "deployment_hours", "conditions", "poc_name", "poc_email", "poc_phone")
            values = dict(zip(keys, row[:-1], strict=True))
            values["valid_until"] = (date.today() + timedelta(days=row[-1])).isoformat()
            entry = register.create_entry(session, values, actor="Rita Ferreira")
            if row[0] == "Norway":
                register.edit_entry(session, entry.id, {"quantity": "3"}, actor="Omar Haddad",
                                    version=1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="docs/screenshots/hq-register.png")
    parser.add_argument("--print-pdf", default=None, help="also print the page to this PDF")
    parser.add_argument("--serve", action="store_true", help="keep serving for a minute")
    args = parser.parse_args()
    from bench.hq_shots import screenshot

    with tempfile.TemporaryDirectory() as folder, \
            running_hq(f"sqlite:///{Path(folder) / 'hq.sqlite'}") as hq:
        fill(hq.db)
        browser = staff(hq.db, hq.url, "Rita Ferreira", REGISTRY)
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        screenshot(browser.http, f"{hq.url}/register", args.out, pdf=args.print_pdf)
        print(args.out)  # i18n: not shown - CLI output
        if args.serve:
            print(hq.url)  # i18n: not shown - CLI output
            time.sleep(60)


if __name__ == "__main__":
    main()
