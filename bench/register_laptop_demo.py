"""Screenshots of the Central Register on the laptop (issue 18): the asset screen listing
the demo operation's assets with register entries (providers in Arabic, Cyrillic, Chinese),
one entry's panel with the officer's proposals and HQ's answer, and the correction form
with two fields marked.

`python -m bench.register_laptop_demo [OUT_DIR]` (offscreen Qt; default docs/screenshots)
writes register-on-laptop.png and register-proposal.png.
"""

from __future__ import annotations

import os
import sys
import tempfile
import uuid
from datetime import date, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from fieldapp.db import Database  # noqa: E402
from fieldapp.demo import load_demo  # noqa: E402
from fieldapp.paths import resolve_profile  # noqa: E402
from fieldapp.services.register import propose_correction  # noqa: E402
from fieldapp.services.settings import FIRST_RUN_DONE, OFFICER_NAME, set_setting  # noqa: E402
from sync import local  # noqa: E402
from ui.context import AppContext  # noqa: E402
from ui.i18n import Translations  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402


def _entry(**fields: Any) -> dict[str, Any]:
    entry_id = str(uuid.uuid4())
    values = {"id": entry_id, "provider": "", "provider_kind": "member_state",
              "provider_state": "", "capability": "", "category": "other", "quantity": 1,
              "capacity_value": None, "capacity_unit": "", "readiness_hours": None,
              "deployment_hours": None, "conditions": "", "poc_name": "", "poc_email": "",
              "poc_phone": "", "valid_until": None, "status": "active", "version": 1} | fields
    return {"entity": "register_entry", "id": entry_id, "rev": 1, "fields": values}


def register_rows(today: date) -> list[dict[str, Any]]:
    """Six register entries as a pull delivers them."""
    def days(n: int) -> str:
        return (today + timedelta(days=n)).isoformat()

    return [
        _entry(provider="Ministry of Defence", provider_state="NOR",
               capability="Medium helicopters (AW101) with crews",
               category="airlift_helicopter", quantity=2, capacity_value=3.5,
               capacity_unit="t", readiness_hours=48, deployment_hours=72,
               conditions="Bilateral request through the Norwegian MFA; cost-recovery",
               poc_name="Ingrid Solberg", poc_email="ops@mod.example.no",
               poc_phone="+47 23 09 80 00", valid_until=days(210)),
        _entry(provider="القوات المسلحة الإماراتية", provider_state="ARE",
               capability="Field hospital, 50 beds, surgical team", category="medical",
               capacity_value=50.0, capacity_unit="beds", readiness_hours=72,
               poc_name="سالم الكعبي", poc_email="hq@mod.example.ae", valid_until=days(90)),
        _entry(provider="МЧС России", provider_state="RUS",
               capability="Urban search and rescue team (heavy)",
               category="search_and_rescue", capacity_value=70.0, capacity_unit="personnel",
               readiness_hours=12, poc_name="Алексей Смирнов", valid_until=days(-12)),
        _entry(provider="中国国际救援队", provider_state="CHN",
               capability="Water purification units", category="water_sanitation",
               quantity=4, capacity_value=60.0, capacity_unit="m³ per day",
               readiness_hours=24, poc_name="王伟", valid_until=days(300)),
        _entry(provider="World Food Programme", provider_kind="organisation",
               capability="Mobile storage units (Rubb halls)", category="logistics_handling",
               quantity=10, capacity_value=320.0, capacity_unit="m²", readiness_hours=96,
               poc_name="Logistics Cluster desk"),
        _entry(provider="Armée de l'air", provider_state="FRA",
               capability="A400M airlift, 30 t per sortie", category="airlift_fixed_wing",
               capacity_value=30.0, capacity_unit="t per sortie", readiness_hours=36,
               valid_until=days(150)),
    ]


def _wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _fill(db: Database) -> None:
    load_demo(db)
    with db.transaction() as session:
        set_setting(session, OFFICER_NAME, "Ana López")
        set_setting(session, FIRST_RUN_DONE, "1")
    rows = register_rows(date.today())
    with local.lenient_transaction(db) as session:
        local.apply_rows(session, rows)
    norway = rows[0]["id"]
    with db.transaction() as session:
        proposal_id = propose_correction(
            session, norway, {"quantity": "1"},
            "One AW101 is in maintenance until March (MoD desk officer, 3 Dec).").id
    with local.lenient_transaction(db) as session:  # pushed, then HQ's answer pulled
        sent = local.push_batch(session, local.push_order(session), 500, held_rows=set())
        local.acknowledge(session, sent, [{"rev": 900} for _ in sent], sync_number=1)
        local.apply_rows(session, [{
            "entity": "register_proposal", "id": proposal_id, "rev": 901,
            "fields": {"id": proposal_id, "status": "accepted",
                       "answer": "Confirmed with the Norwegian MoD: quantity set to 1 "
                                 "until 15 March.",
                       "answered_by": "Registry desk (CMCS)",
                       "answered_at": "2026-12-05T10:12:00+00:00"}}])
    with db.transaction() as session:
        propose_correction(session, norway, {"poc_phone": "+47 23 09 81 00"},
                           "New duty phone from the liaison officer.")


def main(out: Path) -> None:
    """Write the two screenshots into `out`."""
    app = QApplication.instance() or QApplication([])
    Translations(app).apply("en")  # type: ignore[arg-type]
    paths = resolve_profile(Path(tempfile.mkdtemp()))
    db = Database.open(paths)
    _fill(db)
    ctx = AppContext(paths=paths, settings=QSettings(str(paths.settings_file),
                                                     QSettings.Format.IniFormat), db=db)
    window = MainWindow(ctx)
    window.resize(1366, 740)
    loop = QEventLoop()
    window.ready.connect(loop.quit)
    window.show()
    QTimer.singleShot(10000, loop.quit)
    loop.exec()
    screen = window.show_section("assets")
    _wait(1500)
    screen.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # register entries first
    _wait(1000)
    model = screen.model
    titles = [model.data(model.index(row, 2)) for row in range(model.rowCount())]
    screen.table.selectRow(titles.index("Medium helicopters (AW101) with crews"))
    _wait(800)
    out.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(out / "register-on-laptop.png"))
    screen.propose_button.click()
    _wait(500)
    dialog = screen.dialog
    dialog.inputs["quantity"].setText("0")
    dialog.inputs["poc_email"].setText("desk at mod")
    dialog.comment.setPlainText("One aircraft is in maintenance until March.")
    dialog.save()
    _wait(800)
    dialog.grab().save(str(out / "register-proposal.png"))
    dialog.reject()
    window.close()
    ctx.tasks.shutdown()
    print(out / "register-on-laptop.png", out / "register-proposal.png")  # i18n: not shown


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
