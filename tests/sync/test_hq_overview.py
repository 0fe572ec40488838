"""The cross-operation overview of RFAs at HQ (issue 18): the projection kept in step by
pushes, the page's figures, charts, list and timeline checked against counts made here
from the generated requests, filters, CSV/HXL exports, roles, and migration 0012's
backfill. Both databases (the `hq` fixture)."""

from __future__ import annotations

import csv
import io
import random
import re
import uuid
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select, text

from bench.hq_overview import GeneratedRfa, event_fields, generate, push_changes
from fieldapp.services.rfa import RfaInput, create_draft, delete_rfa, save_draft, transition
from hq import admin
from hq.merge import apply_push
from hq.models import Officer
from hq.overview_tables import HqRfa
from hq.roles import COORDINATOR, REVIEWER
from sync.client import sync_once
from tests.sync.conftest import enrolled
from tests.sync.staff_browser import staff

FINAL = {"completed", "rejected", "cancelled"}
SCRIPT_CLUSTER = "الحماية المدنية <script>alert(1)</script>"
FORMULA_TITLE = '=HYPERLINK("http://evil.example","x")'
ARABIC_TITLE = "إجلاء جوي للجرحى"


# --- the generated set, pushed through HQ's push path ---------------------------------


def _officer_id(hq) -> str:
    with hq.db.read() as session:
        return session.scalar(select(Officer.id).where(Officer.name == hq.officer))


def _push(hq, changes, *, batch: int = 300) -> None:
    officer, device = _officer_id(hq), str(uuid.uuid4())
    for start in range(0, len(changes), batch):
        with hq.db.write() as session:
            results = apply_push(session, officer_id=officer, device_id=device,
                                 changes=changes[start:start + batch])
        assert {r["status"] for r in results} == {"applied"}, results[:3]


@pytest.fixture
def generated(hq):
    """Three operations (MRV and two more, Ana assigned to all), 40 requests each; the
    last operation's histories are pushed before its requests (another push)."""
    ids = [hq.operation_id]
    for code, name in (("NRTH", "Северный паводок"), ("ZLZ", "زلزال الشمال")):
        ids.append(admin.add_operation(hq.db, code=code, name=name, country="HTI").id)
        admin.assign(hq.db, officer=hq.officer, operation=code)
    now = datetime.now(UTC)
    rfas = generate(random.Random(4), ids, 40, now=now,
                    codes=dict(zip(ids, ("MRV", "NRTH", "ZLZ"), strict=True)),
                    clusters=(SCRIPT_CLUSTER,))
    rfas[0].fields["title"] = FORMULA_TITLE
    rfas[1].fields["title"] = ARABIC_TITLE
    early = [r for r in rfas if r.operation_id != ids[2]]
    late = [r for r in rfas if r.operation_id == ids[2]]
    _push(hq, push_changes(early))
    late_changes = push_changes(late)
    _push(hq, [c for c in late_changes if c["entity"] == "rfa_event"])
    _push(hq, [c for c in late_changes if c["entity"] == "rfa"])
    return ids, rfas


# --- counts made here, independently of hq.overview -----------------------------------


def _first(rfa: GeneratedRfa, status: str) -> datetime | None:
    times = [at for _id, to, at in rfa.events if to == status]
    return min(times) if times else None


def _overdue(rfa: GeneratedRfa, now: datetime) -> bool:
    needed = datetime.fromisoformat(rfa.fields["required_until"])
    return rfa.status not in FINAL and needed < now


def _expected(rfas: list[GeneratedRfa], now: datetime) -> dict[str, int]:
    return {
        "total": len(rfas),
        "requested": sum(1 for r in rfas if _first(r, "submitted")),
        "tasked": sum(1 for r in rfas if _first(r, "tasked")),
        "completed": sum(1 for r in rfas if r.status == "completed"),
        "overdue": sum(1 for r in rfas if _overdue(r, now)),
        "life_saving_open": sum(1 for r in rfas if r.fields["priority"] == "life_saving"
                                and r.status not in FINAL),
    }


def _monday(moment: datetime) -> date:
    day = moment.astimezone(UTC).date()
    return day - timedelta(days=day.weekday())


# --- reading the page -------------------------------------------------------------------


def _figures(page: str) -> dict[str, int]:
    found = re.findall(r'data-figure="(\w+)"[^>]*><dt>[^<]*</dt><dd>([\d,]+)</dd>', page)
    return {name: int(value.replace(",", "")) for name, value in found}


def _table(page: str, table_id: str) -> dict[str, int]:
    body = page.split(f'id="{table_id}"', 1)[1].split("</table>", 1)[0]
    return {key: int(value) for key, value in
            re.findall(r'<tr data-key="([^"]*)">.*?data-value="(\d+)"', body)}


def _list_ids(page: str) -> list[str]:
    body = page.split('class="queue rfas"', 1)[1].split("</table>", 1)[0]
    return re.findall(r'<tr data-id="([^"]+)"', body)


def _svgs(page: str) -> dict[str, ET.Element]:
    return {m.group(1): ET.fromstring(m.group(0)) for m in
            re.finditer(r'<svg xmlns="http://www.w3.org/2000/svg" class="chart \w+" '
                        r'id="([\w-]+)".*?</svg>', page, re.S)}


def _coordinator(hq):
    return staff(hq.db, hq.url, "Coordinator Amina", COORDINATOR)


# --- the tests ----------------------------------------------------------------------------


def test_overview_figures_match_the_generated_requests(hq, generated):
    _ids, rfas = generated
    page = _coordinator(hq).get("/overview")
    now = datetime.now(UTC)

    assert page.status_code == 200
    assert _figures(page.text) == _expected(rfas, now)
    assert _table(page.text, "by-status-data") == {
        s: n for s, n in Counter(r.status for r in rfas).items()} | {
        s: 0 for s in ("draft", "submitted", "validated", "returned", "passed_to_military",
                       "tasked", "completed", "rejected", "cancelled")
        if s not in {r.status for r in rfas}}
    assert _table(page.text, "by-priority-data") == dict(
        Counter(r.fields["priority"] for r in rfas))
    assert _table(page.text, "by-capability-data") == dict(
        Counter(r.fields["capability"] for r in rfas))
    cluster_table = page.text.split('id="by-cluster-data"', 1)[1].split("</table>", 1)[0]
    counted = Counter(r.fields["cluster"] for r in rfas)
    assert sum(int(v) for v in re.findall(r'data-value="(\d+)"', cluster_table)) == len(rfas)
    assert f'data-value="{counted[SCRIPT_CLUSTER]}"' in cluster_table


def test_per_operation_totals_match(hq, generated):
    ids, rfas = generated
    page = _coordinator(hq).get("/overview").text
    now = datetime.now(UTC)
    table = page.split('id="by-operation-data"', 1)[1].split("</table>", 1)[0]
    for op_id in ids:
        row = table.split(f'data-operation="{op_id}"', 1)[1].split("</tr>", 1)[0]
        shown = {m: int(v) for m, v in re.findall(r'data-measure="(\w+)">([\d,]+)<', row)}
        mine = [r for r in rfas if r.operation_id == op_id]
        want = _expected(mine, now)
        assert shown == {"total": want["total"], "requested": want["requested"],
                         "tasked": want["tasked"], "completed": want["completed"],
                         "overdue": want["overdue"]}


def test_list_puts_overdue_and_life_saving_first_then_pages(hq, generated):
    _ids, rfas = generated
    browser = _coordinator(hq)
    now = datetime.now(UTC)

    def rank(r: GeneratedRfa) -> tuple:
        late, saving = _overdue(r, now), r.fields["priority"] == "life_saving"
        group = 0 if late and saving else 1 if late else \
            2 if saving and r.status not in FINAL else 3
        return group, datetime.fromisoformat(r.fields["required_until"]), \
            r.fields["reference"]

    expected = [r.id for r in sorted(rfas, key=rank)]
    first, second = _list_ids(browser.get("/overview").text), \
        _list_ids(browser.get("/overview?page=2").text)
    third = _list_ids(browser.get("/overview?page=3").text)

    assert first + second + third == expected
    assert len(first) == 50
    assert rank(next(r for r in rfas if r.id == first[0]))[0] == 0  # an overdue life-saving


def test_operation_timeline_counts_each_week(hq, generated):
    ids, rfas = generated
    op_id = ids[2]  # its histories came before its requests
    page = _coordinator(hq).get(f"/overview/operations/{op_id}").text
    body = page.split('id="timeline-data"', 1)[1].split("</table>", 1)[0]
    shown = {week: {m: int(v) for m, v in re.findall(r'data-measure="(\w+)">(\d+)<', row)}
             for week, row in re.findall(r'<tr data-week="([\d-]+)">(.*?)</tr>', body)}
    expected: dict[str, Counter] = {}
    for rfa in (r for r in rfas if r.operation_id == op_id):
        for measure, status in (("requested", "submitted"), ("tasked", "tasked"),
                                ("completed", "completed")):
            moment = _first(rfa, status)
            if moment is not None:
                expected.setdefault(_monday(moment).isoformat(), Counter())[measure] += 1

    assert {w: {m: n for m, n in c.items() if n} for w, c in shown.items() if any(
        c.values())} == {w: dict(c) for w, c in expected.items()}
    weeks = sorted(shown)
    assert weeks == [(date.fromisoformat(weeks[0]) + timedelta(weeks=i)).isoformat()
                     for i in range(len(weeks))]  # every week, none skipped
    assert _figures(page)["total"] == 40


@pytest.mark.parametrize("query", [
    {"status": "tasked"}, {"priority": "life_saving"}, {"capability": "medical"},
    {"cluster": "Health"}, {"status": "passed_to_military", "priority": "other"},
])
def test_filters_narrow_every_figure(hq, generated, query):
    _ids, rfas = generated
    keep = [r for r in rfas if all(
        (r.status if k == "status" else r.fields[k]) == v for k, v in query.items())]
    page = _coordinator(hq).get("/overview", params=query).text
    assert _figures(page) == _expected(keep, datetime.now(UTC))
    assert len(_list_ids(page)) == min(len(keep), 50)


def test_operation_and_date_filters(hq, generated):
    ids, rfas = generated
    browser = _coordinator(hq)
    requested = sorted(_first(r, "submitted") for r in rfas if _first(r, "submitted"))
    start, end = requested[len(requested) // 4].date(), requested[len(requested) // 2].date()
    keep = [r for r in rfas if r.operation_id == ids[1] and _first(r, "submitted")
            and start <= _first(r, "submitted").date() <= end]

    page = browser.get("/overview", params={"operation": ids[1], "start": start.isoformat(),
                                            "end": end.isoformat()}).text

    assert _figures(page) == _expected(keep, datetime.now(UTC))
    swapped = browser.get("/overview", params={"operation": ids[1], "start": end.isoformat(),
                                               "end": start.isoformat()}).text
    assert _figures(swapped) == _expected(keep, datetime.now(UTC))
    assert "were swapped" in swapped
    bad = browser.get("/overview", params={"start": "yesterday", "status": "nonsense"})
    assert bad.status_code == 200
    assert "is not a date" in bad.text
    assert _figures(bad.text)["total"] == len(rfas)


def test_csv_and_hxl_exports_hold_the_filtered_requests(hq, generated):
    _ids, rfas = generated
    browser = _coordinator(hq)
    answer = browser.get("/overview.csv", params={"priority": "life_saving"})
    rows = list(csv.reader(io.StringIO(answer.content.decode("utf-8-sig"))))
    keep = [r for r in rfas if r.fields["priority"] == "life_saving"]

    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/csv")
    assert rows[0][:3] == ["Operation code", "Operation", "Reference"]
    assert sorted(row[2] for row in rows[1:]) == sorted(r.fields["reference"] for r in keep)
    overdue = {row[2]: row[14] for row in rows[1:]}
    assert overdue == {r.fields["reference"]: "1" if _overdue(r, datetime.now(UTC)) else "0"
                       for r in keep}

    hxl = browser.get("/overview.hxl.csv")
    table = list(csv.reader(io.StringIO(hxl.content.decode("utf-8-sig"))))
    tags = table[1]
    for tag in ("#operation+code", "#activity+id", "#status", "#priority",
                "#capability+category", "#sector+cluster", "#date+requested",
                "#date+needed", "#indicator+overdue"):
        assert tag in tags
    assert len(table) == 2 + len(rfas)
    titles = {row[tags.index("#activity+name")] for row in table[2:]}
    assert "'" + FORMULA_TITLE in titles
    assert FORMULA_TITLE not in titles
    assert ARABIC_TITLE in titles
    statuses = Counter(row[tags.index("#status")] for row in table[2:])
    assert statuses == Counter(r.status for r in rfas)  # codes, not labels


def test_charts_are_well_formed_svg_whose_bars_match_the_counts(hq, generated):
    _ids, rfas = generated
    page = _coordinator(hq).get("/overview").text
    charts = _svgs(page)
    ns = "{http://www.w3.org/2000/svg}"

    assert set(charts) >= {"by-status", "by-priority", "by-capability", "by-cluster",
                           "by-operation", "timeline"}
    for chart in charts.values():
        assert chart.get("role") == "img"
        assert chart.get("aria-label")
        assert chart.find(f"{ns}title") is not None
    bars = {bar.get("data-key"): (int(bar.get("data-value")), float(bar.get("width")))
            for bar in charts["by-status"].iter(f"{ns}rect")}
    assert {k: v for k, (v, _w) in bars.items()} == _table(page, "by-status-data")
    top_value, top_width = max(bars.values())
    for value, width in bars.values():
        assert width == pytest.approx(value / top_value * top_width, abs=0.01)
    stacked = charts["by-operation"]
    for row in stacked.iter(f"{ns}g"):
        parts = {r.get("data-part"): int(r.get("data-value")) for r in row.iter(f"{ns}rect")
                 if r.get("data-part")}
        if row.get("data-key"):
            mine = [r for r in rfas if r.operation_id == row.get("data-key")]
            assert sum(parts.values()) == sum(1 for r in mine if _first(r, "submitted"))
            assert parts.get("completed", 0) == sum(1 for r in mine if r.status == "completed")
    points = [int(p.get("data-value")) for p in charts["timeline"].iter()
              if "requested" in (p.get("class") or "") and p.get("data-value") is not None]
    assert sum(points) == _expected(rfas, datetime.now(UTC))["requested"]
    # Labels are escaped text, Arabic kept as written; no script anywhere in the page.
    assert "<script" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "الحماية المدنية" in page


def test_only_coordinators_open_the_overview(hq, generated):
    ids, _rfas = generated
    paths = ["/overview", f"/overview/operations/{ids[0]}", "/overview.csv",
             "/overview.hxl.csv", "/overview?status=tasked&page=2"]
    coordinator = _coordinator(hq)
    reviewer = staff(hq.db, hq.url, "Reviewer Rita", REVIEWER)
    for path in paths:
        assert coordinator.get(path).status_code == 200, path
        assert reviewer.get(path).status_code == 403, path
    outsider = type(coordinator)(hq.url)
    assert outsider.get("/overview").status_code == 303
    assert coordinator.get(f"/overview/operations/{uuid.uuid4()}").status_code == 404
    assert coordinator.get("/overview/operations/not-an-id").status_code == 404
    assert coordinator.get("/overview", params={"cluster": "x" * 101}).status_code == 422


def _projection(hq, rfa_id: str) -> HqRfa | None:
    with hq.db.read() as session:
        return session.get(HqRfa, rfa_id)


def test_a_request_drafted_edited_cancelled_and_deleted_on_a_laptop_follows_its_pushes(
        hq, make_profile):
    laptop = enrolled(hq, make_profile, "a")
    with laptop.transaction() as session:
        rfa = create_draft(session, operation_id=hq.operation_id, by="Ana",
                           data=RfaInput(title="Airlift to Port Marovia", cluster="Health",
                                         capability="airlift_helicopter"))
        rfa_id, reference = rfa.id, rfa.reference
        other = create_draft(session, operation_id=hq.operation_id, by="Ana",
                             data=RfaInput(title="Boats")).id
    sync_once(laptop)

    first = _projection(hq, rfa_id)
    assert (first.reference, first.status, first.capability, first.cluster) == (
        reference, "draft", "airlift_helicopter", "Health")
    assert first.requested_at is None
    assert first.created_at is not None

    with laptop.transaction() as session:
        save_draft(session, rfa_id, RfaInput(title="Airlift of injured", cluster="Health",
                                             capability="airlift_helicopter",
                                             priority="life_saving"), by="Ana")
    sync_once(laptop)
    edited = _projection(hq, rfa_id)
    assert (edited.title, edited.priority, edited.life_saving) == (
        "Airlift of injured", "life_saving", True)

    with laptop.transaction() as session:
        transition(session, rfa_id, "cancelled", by="Ana", comment="Roads reopened")
        delete_rfa(session, other)
    sync_once(laptop)
    assert _projection(hq, rfa_id).status == "cancelled"
    assert _projection(hq, other).deleted is True

    page = _coordinator(hq).get("/overview").text
    assert _figures(page)["total"] == 1  # the deleted draft is not counted
    assert _table(page, "by-status-data")["cancelled"] == 1
    assert _list_ids(page) == [rfa_id]


def test_a_history_event_alone_redates_the_request(hq, generated):
    _ids, rfas = generated
    rfa = next(r for r in rfas if r.status == "submitted" and r.operation_id == _ids[0])
    earlier = min(at for _i, _s, at in rfa.events) - timedelta(days=3)
    event_id = str(uuid.uuid4())
    rfa.events.append((event_id, "submitted", earlier))
    fields = event_fields(rfa, len(rfa.events) - 1)
    _push(hq, [{"change_id": str(uuid.uuid4()), "entity": "rfa_event", "row_id": event_id,
                "operation_id": rfa.operation_id, "fields": fields, "base": {}}])
    assert _projection(hq, rfa.id).requested_at == earlier


def test_migration_backfills_the_requests_already_synced(hq_database_url):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from hq.db import HqDatabase, make_engine, run_migrations
    from hq.models import ServerBase
    from tests.sync.test_lessons_hq import _hq_downgrade

    engine = make_engine(hq_database_url)
    run_migrations(engine, target="0011_hq_roster")
    op_id = str(uuid.uuid4())
    rfas = generate(random.Random(9), [op_id], 12, now=datetime.now(UTC))
    rfas[0].events.clear()  # from an older laptop: no history; tasked says when HQ saw it
    rfas[0].fields["status"] = "tasked"
    rfas[1].fields["deleted"] = True
    with engine.begin() as conn:
        rows = [("rfa", r.id, r.fields, r.fields.get("deleted", False)) for r in rfas]
        rows += [("rfa_event", e[0], event_fields(r, i), False)
                 for r in rfas for i, e in enumerate(r.events)]
        for seq, (entity, row_id, fields, deleted) in enumerate(rows, start=1):
            conn.execute(text(
                "INSERT INTO row_states (entity, row_id, operation_id, fields, field_revs, "
                "deleted, seq, others_seq, updated_at) VALUES (:e, :id, :op, :f, '{}', :d, "
                ":s, 0, '2026-11-30 10:00:00')"),
                {"e": entity, "id": row_id, "op": op_id, "f": _json(fields), "d": deleted,
                 "s": seq})

    run_migrations(engine)
    db = HqDatabase(engine)
    with db.read() as session:
        got = {r.id: r for r in session.scalars(select(HqRfa))}
    assert set(got) == {r.id for r in rfas}
    for rfa in rfas[2:]:
        row = got[rfa.id]
        assert (row.status, row.priority, row.reference) == (
            rfa.status, rfa.fields["priority"], rfa.fields["reference"])
        assert row.requested_at == _first(rfa, "submitted")
        assert row.tasked_at == _first(rfa, "tasked")
        assert row.created_at == _first(rfa, "draft")
    assert got[rfas[0].id].tasked_at == datetime(2026, 11, 30, 10, tzinfo=UTC)
    assert got[rfas[0].id].tasked_week == date(2026, 11, 30)
    assert got[rfas[1].id].deleted is True
    with engine.connect() as conn:
        made_by_hand = ("_fts", "search_vector", "ix_hq_lessons_search")
        context = MigrationContext.configure(conn, opts={"include_name": lambda name, _k, _p: (
            not any(part in (name or "") for part in made_by_hand))})
        assert compare_metadata(context, ServerBase.metadata) == []
    _hq_downgrade(engine, "0011_hq_roster")
    run_migrations(engine)
    with db.read() as session:
        assert len(session.scalars(select(HqRfa.id)).all()) == len(rfas)
    db.close()


def _json(fields) -> str:
    import json

    return json.dumps(fields)


def test_the_page_counts_a_request_pushed_after_it_was_read(hq, generated):
    ids, rfas = generated
    browser = _coordinator(hq)
    before = _figures(browser.get("/overview").text)
    extra = generate(random.Random(5), [ids[0]], 1, now=datetime.now(UTC))
    extra[0].fields["reference"] = "MRV-X-0001"
    _push(hq, push_changes(extra))

    after = _figures(browser.get("/overview").text)

    assert after == _expected(rfas + extra, datetime.now(UTC))
    assert after["total"] == before["total"] + 1
