"""Model-based test of sync (issue 11): a hypothesis state machine plays an HQ, two
operations, three officers and four devices through random steps, then syncs everyone
until nothing moves and checks what must then be true.

Steps: create, edit, delete, make global, move to another operation, import a vCard
exported from another operation (foreign ids), assign / unassign at HQ, resolve a conflict
with each choice, laptop clock jumps of ±3 days, a sync whose link is cut at any request of
its push or pull (before HQ gets it, or after HQ answered), a client restart, a sync by
an older client version (simulated as in probe p10), and plain syncs.

After a quiescent full sync (every device syncs until a whole round moves nothing; open
conflicts settled "keep HQ's"):
- each device holds exactly what HQ holds of the rows its officer sees, and every live row
  it holds in its officer's scope is one HQ has (rows with changes held back excepted);
- every change ever made is at HQ (in its change log) or held and listed to its author;
- a clean sync round succeeds on every device, receiving nothing;
- the sync log tells the truth: one entry per attempt, with the result the caller saw.

HQ runs in a process of its own (`cmcoord-hq serve`, SQLite), started once per test
function; every example gets operations and officers of its own. CI runs a bounded number
of examples; the `slow` variant runs CMCOORD_MODEL_EXAMPLES (default 2000).
"""

from __future__ import annotations

import itertools
import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, rule, run_state_machine_as_test
from sqlalchemy import and_, exists, or_, select

from bench.hq_server import free_port, start_hq_server
from fieldapp.db import Database
from fieldapp.errors import Cancelled
from fieldapp.importexport.contacts import apply_import, preview_import
from fieldapp.importexport.contacts_export import export_vcard
from fieldapp.models import Contact, Counter, Operation, OutboxEntry
from fieldapp.outbox import SEQ_COUNTER, encode_value, synced_columns
from fieldapp.paths import resolve_profile
from fieldapp.progress import Progress
from hq import admin
from hq.db import HqDatabase
from hq.models import Change, Membership, RowShare, RowState
from sync import local
from sync.client import (
    DEVICE_ID,
    enroll,
    held_changes,
    held_rows,
    open_conflicts,
    resolve_conflict,
    sync_log,
    sync_once,
    sync_status,
)
from sync.errors import SyncError
from sync.tokens import TokenStore
from sync.transport import Transport
from tests.sync.scenario_helpers import laptop_clock, older_client

OFFICERS = ("O0", "O1", "O2")
# officer of each device, and the operations (by index) each officer starts in
DEVICE_OFFICERS = (0, 0, 1, 2)
START_MEMBERSHIP = {0: (0, 1), 1: (0,), 2: (1,)}
FIELDS = ("role", "location", "notes", "favourite")
VALUES: dict[str, list[Any]] = {
    "role": ["Logistics", "Chief", "Deputy"], "location": ["Port", "Airport", ""],
    "notes": ["radio 3", "radio 4", "sat only"], "favourite": [True, False]}
# No shrinking in CI: an example takes a second or two, so shrinking one can take many
# minutes; the failing steps are printed as they ran (the slow variant shrinks).
CI_SETTINGS = settings(max_examples=15, stateful_step_count=25, deadline=None, database=None,
                       suppress_health_check=list(HealthCheck),
                       phases=(Phase.explicit, Phase.generate))
QUIET_ROUNDS = 10


@dataclass
class HqProcess:
    """`cmcoord-hq serve` on a SQLite file, and the same database opened here for admin."""

    url: str
    db: HqDatabase


@pytest.fixture
def hq_process(tmp_path: Path) -> Iterator[HqProcess]:
    """HQ in a process of its own: the laptop clocks faked here do not reach it."""
    database_url = f"sqlite:///{tmp_path / 'hq.sqlite'}"
    db = HqDatabase.open(database_url)
    port = free_port()
    server = start_hq_server(database_url, port)
    try:
        yield HqProcess(f"http://127.0.0.1:{port}", db)
    finally:
        server.terminate()
        server.wait(timeout=30)
        db.close()


@dataclass
class Device:
    """One laptop: its profile, open database, officer, clock and what it did."""

    name: str
    root: Path
    officer: int
    db: Database
    device_id: str = ""
    clock: timedelta = timedelta(0)
    outcomes: list[str] = field(default_factory=list)  # every sync attempt, as seen
    made: list[tuple[str, str, str, bool]] = field(default_factory=list)  # outbox entries

    def close(self) -> None:
        self.db.close()


@contextmanager
def _link_cut_at(request: int, *, after: bool) -> Iterator[None]:
    """Fake: the link drops at the `request`-th request of a sync (pushes and pulls counted
    together), before HQ gets it or after HQ answered (the answer is lost). A real link
    cannot be cut at one chosen request."""
    real_post, real_get = Transport.post_encoded, Transport.get_lines
    count = itertools.count(1)

    def maybe_cut(real: Callable[..., Any]) -> Callable[..., Any]:
        def call(self: Transport, *args: Any) -> Any:
            if next(count) != request:
                return real(self, *args)
            if after:  # HQ does the work; nothing of its answer arrives here
                real(self, *args) if real is real_post else real(self, *args[:2], len)
            raise SyncError("The connection to HQ was cut during the sync.",
                            code="connection_cut")
        return call

    Transport.post_encoded = maybe_cut(real_post)  # type: ignore[method-assign]
    Transport.get_lines = maybe_cut(real_get)  # type: ignore[method-assign]
    try:
        yield
    finally:
        Transport.post_encoded = real_post  # type: ignore[method-assign]
        Transport.get_lines = real_get  # type: ignore[method-assign]


class SyncModel(RuleBasedStateMachine):
    """Random steps on four devices of three officers in two operations; then quiescence
    and the invariants (see the module docstring)."""

    def __init__(self, hq: HqProcess, template: Path, folder: Path) -> None:
        super().__init__()
        self.hq = hq
        tag = uuid.uuid4().hex[:6]
        self.tag = tag
        self.folder = folder / tag
        self.operations = [
            admin.add_operation(hq.db, code=f"A{tag[:5]}".upper(), name=f"Alpha {tag}",
                                country="HTI").id,
            admin.add_operation(hq.db, code=f"B{tag[:5]}".upper(), name=f"Bravo {tag}",
                                country="MOZ").id]
        self.officer_names = [f"{name}-{tag}" for name in OFFICERS]
        self.officer_ids = [admin.add_officer(hq.db, name=name).id
                            for name in self.officer_names]
        for officer, operations in START_MEMBERSHIP.items():
            for index in operations:
                admin.assign(hq.db, officer=self.officer_names[officer],
                             operation=self.operations[index])
        self.devices: list[Device] = []
        self.names = itertools.count(1)
        for number, officer in enumerate(DEVICE_OFFICERS):
            root = self.folder / f"device-{number}"
            shutil.copytree(template, root)
            device = Device(f"d{number}", root, officer,
                            Database.open(resolve_profile(root)))
            self.devices.append(device)
            code, _ = admin.make_enrollment_code(hq.db, officer=self.officer_names[officer])
            enroll(device.db, hq.url, code, device_name=device.name,
                   tokens=TokenStore(device.db))
            with device.db.session() as session:
                device.device_id = local.get_state(session, DEVICE_ID)
            self._sync(device)
        # A few rows every device has, so that edits meet from the first step.
        for d, where in ((0, 0), (0, 1), (2, 0), (3, 1), (1, 2)):
            self.create(d, where)
        for device in [*self.devices, *self.devices]:
            self._sync(device)

    # --- doing things on a device -------------------------------------------------------

    def _sync(self, device: Device, **options: Any) -> None:
        """A sync whose outcome, whatever it is, is noted as the caller saw it."""
        try:
            with laptop_clock(device.clock):
                sync_once(device.db, **options)
        except SyncError:
            device.outcomes.append("error")
        except Cancelled:
            device.outcomes.append("cancelled")
        else:
            device.outcomes.append("ok")

    @contextmanager
    def _write(self, device: Device) -> Iterator[Any]:
        """A local transaction under the laptop's clock; the outbox entries it made are
        remembered, to check later that none was dropped."""
        with device.db.session() as session:
            counter = session.get(Counter, SEQ_COUNTER)
            before = counter.value if counter is not None else 0
        with laptop_clock(device.clock), device.db.transaction() as session:
            yield session
        with device.db.session() as session:
            device.made.extend(
                (e.change_id, e.entity, e.row_id, not e.base)
                for e in session.scalars(select(OutboxEntry).where(OutboxEntry.seq > before)))

    def _local_operations(self, device: Device) -> list[str]:
        with device.db.session() as session:
            present = set(session.scalars(select(Operation.id)))
        return [op for op in self.operations if op in present]

    def _contact(self, device: Device, pick: int) -> str | None:
        """The `pick`-th live contact of the device, if any. The order does not depend on
        the random ids, so that an example replays (and shrinks) the same way."""
        with device.db.session() as session:
            rows = session.execute(select(Contact.id, Contact.given_name, Contact.operation_id)
                                   .where(Contact.deleted.is_(False))).all()
        scope = {op: n for n, op in enumerate(self.operations)}
        ids = [r.id for r in sorted(rows, key=lambda r: (len(r.given_name), r.given_name,
                                                          scope.get(r.operation_id, 2), r.id))]
        return ids[pick % len(ids)] if ids else None

    # --- rules ---------------------------------------------------------------------------

    @rule(d=st.integers(0, 3), where=st.integers(0, 2))
    def create(self, d: int, where: int) -> None:
        device = self.devices[d]
        scopes = [*self._local_operations(device), None]
        operation = scopes[where % len(scopes)]
        with self._write(device) as session:
            session.add(Contact(operation_id=operation, given_name=f"P{next(self.names)}",
                                role="Logistics"))

    @rule(d=st.integers(0, 3), pick=st.integers(0, 50), name=st.sampled_from(FIELDS),
          value=st.integers(0, 2))
    def edit(self, d: int, pick: int, name: str, value: int) -> None:
        device = self.devices[d]
        contact_id = self._contact(device, pick)
        if contact_id is None:
            return
        options = VALUES[name]
        with self._write(device) as session:
            setattr(session.get(Contact, contact_id), name, options[value % len(options)])

    @rule(d=st.integers(0, 3), pick=st.integers(0, 50))
    def delete(self, d: int, pick: int) -> None:
        device = self.devices[d]
        contact_id = self._contact(device, pick)
        if contact_id is not None:
            with self._write(device) as session:
                session.get(Contact, contact_id).deleted = True

    @rule(d=st.integers(0, 3), pick=st.integers(0, 50))
    def make_global(self, d: int, pick: int) -> None:
        device = self.devices[d]
        contact_id = self._contact(device, pick)
        if contact_id is not None:
            with self._write(device) as session:
                session.get(Contact, contact_id).operation_id = None

    @rule(d=st.integers(0, 3), pick=st.integers(0, 50), into=st.integers(0, 1))
    def move(self, d: int, pick: int, into: int) -> None:
        device = self.devices[d]
        contact_id = self._contact(device, pick)
        operations = self._local_operations(device)
        if contact_id is None or not operations:
            return
        with self._write(device) as session:
            session.get(Contact, contact_id).operation_id = operations[into % len(operations)]

    @rule(source=st.integers(0, 3), d=st.integers(0, 3), pair=st.integers(0, 3))
    def import_foreign_file(self, source: int, d: int, pair: int) -> None:
        """A vCard exported from one operation imported into another (its ids are the
        other operation's rows)."""
        exporter, importer = self.devices[source], self.devices[d]
        mine, theirs = self._local_operations(importer), self._local_operations(exporter)
        if not mine or not theirs:
            return
        origin = theirs[pair % len(theirs)]
        into = next((op for op in mine if op != origin), mine[0])
        with exporter.db.session() as session:
            card = export_vcard(session, operation_id=origin)
        if not card:
            return
        with self._write(importer) as session:
            preview = preview_import(session, card, operation_id=into)
            apply_import(session, preview, {}, progress=Progress())

    @rule(officer=st.integers(0, 2), operation=st.integers(0, 1))
    def assign_or_unassign(self, officer: int, operation: int) -> None:
        name, op = self.officer_names[officer], self.operations[operation]
        with self.hq.db.read() as session:
            member = session.get(Membership, (self.officer_ids[officer], op)) is not None
        if member:
            admin.unassign(self.hq.db, officer=name, operation=op)
        else:
            admin.assign(self.hq.db, officer=name, operation=op)

    @rule(d=st.integers(0, 3), choice=st.sampled_from(("mine", "hq", "edit")),
          value=st.integers(0, 2))
    def resolve(self, d: int, choice: str, value: int) -> None:
        device = self.devices[d]
        with device.db.session() as session:
            conflicts = [(c.id, c.field, c.server_value) for c in open_conflicts(session)]
        if not conflicts:
            return
        conflict_id, name, server_value = conflicts[0]
        new = VALUES[name][value % len(VALUES[name])] if name in VALUES else server_value
        with self._write(device) as session:
            resolve_conflict(session, conflict_id, choice=choice, value=new)

    @rule(d=st.integers(0, 3), days=st.sampled_from((-3, 3)))
    def clock_jump(self, d: int, days: int) -> None:
        device = self.devices[d]
        device.clock = max(min(device.clock + timedelta(days=days), timedelta(days=6)),
                           timedelta(days=-6))

    @rule(d=st.integers(0, 3))
    def sync(self, d: int) -> None:
        self._sync(self.devices[d])

    @rule(d=st.integers(0, 3), request=st.integers(1, 4), after=st.booleans())
    def sync_with_link_cut(self, d: int, request: int, after: bool) -> None:
        with _link_cut_at(request, after=after):
            self._sync(self.devices[d], push_batch=2, pull_batch=3)

    @rule(d=st.integers(0, 3))
    def restart(self, d: int) -> None:
        device = self.devices[d]
        device.db.close()
        device.db = Database.open(resolve_profile(device.root))

    @rule(d=st.integers(0, 3))
    def sync_as_older_version(self, d: int) -> None:
        with older_client():
            self._sync(self.devices[d], pull_batch=3)

    # --- quiescence and invariants -------------------------------------------------------

    def teardown(self) -> None:
        try:
            if self.devices and len(self.devices) == len(DEVICE_OFFICERS):
                self.quiesce()
                self.check_audiences_equal_hq()
                self.check_no_change_dropped()
                self.check_clean_round()
                self.check_log_tells_the_truth()
        finally:
            for device in self.devices:
                device.close()

    def quiesce(self) -> None:
        """Sync every device until a whole round moves nothing; open conflicts are settled
        "keep HQ's" (the same rule everywhere)."""
        for _ in range(QUIET_ROUNDS):
            moved = 0
            for device in self.devices:
                self._sync(device)
                assert device.outcomes[-1] == "ok", \
                    f"{device.name}: a sync failed on a quiet link: {self._last_log(device)}"
                entry = self._last_log(device)
                moved += entry["pushed"] + entry["pulled"] + entry["conflicts"]
            for device in self.devices:
                with device.db.session() as session:
                    open_ids = [c.id for c in open_conflicts(session)]
                for conflict_id in open_ids:
                    with self._write(device) as session:
                        resolve_conflict(session, conflict_id, choice="hq")
                moved += len(open_ids)
                with device.db.session() as session:
                    moved += (session.query(OutboxEntry).count()
                              - len(held_changes(session)))
            if moved == 0:
                return
        raise AssertionError(f"no quiescence after {QUIET_ROUNDS} rounds of syncs")

    def _last_log(self, device: Device) -> dict[str, Any]:
        with device.db.session() as session:
            return sync_log(session, limit=1)[0]

    def _hq_visible(self, officer: int) -> tuple[dict[str, dict[str, Any]], set[str]]:
        """HQ's contacts the officer sees: their operations, their own rows of no
        operation, rows of no operation shared with their operations."""
        officer_id = self.officer_ids[officer]
        with self.hq.db.read() as session:
            operations = set(session.scalars(select(Membership.operation_id)
                                             .where(Membership.officer_id == officer_id)))
            shared = exists().where(RowShare.entity == RowState.entity,
                                    RowShare.row_id == RowState.row_id,
                                    RowShare.operation_id.in_(operations))
            rows = session.scalars(select(RowState).where(
                RowState.entity == "contact",
                or_(RowState.operation_id.in_(operations),
                    and_(RowState.operation_id.is_(None),
                         or_(RowState.owner_officer_id == officer_id, shared)))))
            return {row.row_id: dict(row.fields) for row in rows}, operations

    def check_audiences_equal_hq(self) -> None:
        columns = synced_columns(Contact)
        for device in self.devices:
            visible, operations = self._hq_visible(device.officer)
            with device.db.session() as session:
                held = {c.row_id for c in held_changes(session)}
                mine = {row.id: row for row in session.scalars(select(Contact))}
                for row_id, fields in visible.items():
                    if row_id in held:
                        continue
                    row = mine.get(row_id)
                    assert row is not None, f"{device.name} lacks contact {row_id} HQ shows it"
                    local_fields = {c: encode_value(getattr(row, c)) for c in columns}
                    differ = {c: (v, fields.get(c)) for c, v in local_fields.items()
                              if fields.get(c) != v}
                    assert not differ, f"{device.name} differs from HQ on {row_id}: {differ}"
                for row_id, row in mine.items():
                    in_scope = row.operation_id is None or row.operation_id in operations
                    if row.deleted or not in_scope or row_id in held:
                        continue
                    assert row_id in visible, (
                        f"{device.name} shows live contact {row_id} (operation "
                        f"{row.operation_id}) that HQ does not give its officer")

    def check_no_change_dropped(self) -> None:
        with self.hq.db.read() as session:
            logged = set(session.execute(select(Change.device_id, Change.change_id).where(
                Change.device_id.in_([d.device_id for d in self.devices]))).all())
        for device in self.devices:
            with device.db.session() as session:
                held = {c.change_id for c in held_changes(session)}
            for change_id, entity, row_id, creation in device.made:
                ids = {change_id}
                if creation:
                    ids.add(local.creation_change_id(entity, row_id))
                at_hq = any((device.device_id, i) in logged for i in ids)
                assert at_hq or change_id in held, (
                    f"{device.name}: change {change_id} ({entity} {row_id}) is neither at HQ "
                    "nor held on the device: dropped")

    def check_clean_round(self) -> None:
        for device in self.devices:
            self._sync(device)
            entry = self._last_log(device)
            assert (device.outcomes[-1], entry["pulled"], entry["conflicts"]) == \
                ("ok", 0, 0), f"{device.name}: the clean round did not stay quiet: {entry}"
            with device.db.session() as session:
                status = sync_status(session)
                assert held_rows(session) == [], f"{device.name} keeps rows back"
            assert status.last_error == ""
            assert status.conflicts == 0

    def check_log_tells_the_truth(self) -> None:
        for device in self.devices:
            with device.db.session() as session:
                logged = [e["result"] for e in reversed(sync_log(session, limit=100))]
            assert logged == device.outcomes[-100:], f"{device.name}: the log disagrees"
            assert logged[-1] == "ok"


@pytest.fixture
def template(_migrated_template: Path) -> Path:
    """The migrated empty profile every device of every example copies."""
    return _migrated_template


def _run(hq: HqProcess, template: Path, folder: Path, options: settings) -> None:
    run_state_machine_as_test(lambda: SyncModel(hq, template, folder), settings=options)


def test_devices_agree_with_hq_after_any_steps(hq_process, template, tmp_path):
    _run(hq_process, template, tmp_path, CI_SETTINGS)


@pytest.mark.slow
@pytest.mark.timeout(0)  # thousands of examples take hours
@pytest.mark.skipif(not os.environ.get("CMCOORD_MODEL_EXAMPLES"),
                    reason="thousands of examples: set CMCOORD_MODEL_EXAMPLES (e.g. 2000)")
def test_devices_agree_with_hq_after_any_steps_many_examples(hq_process, template, tmp_path):
    count = int(os.environ.get("CMCOORD_MODEL_EXAMPLES", "2000"))
    _run(hq_process, template, tmp_path,
         settings(CI_SETTINGS, max_examples=count, stateful_step_count=40,
                  phases=(Phase.explicit, Phase.generate, Phase.shrink)))

