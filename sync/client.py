"""The sync client: enroll with HQ, sync (push then pull), conflicts and their resolution.

No Qt here: the UI calls these functions from a worker thread (`ui/tasks.py`) and passes
a `fieldapp.progress.Progress` for progress and cancel. A sync pushes the outbox in
batches (operations first, life-saving RFAs next, then oldest first), removing an entry
only once HQ has acknowledged its change id, then pulls in batches, each applied with
its cursor in one local transaction. Interrupted at any point, the next sync resumes
without losing or duplicating anything (see docs/sync-protocol.md). The demo operation
never travels: its outbox entries are dropped before each push.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import logging
import shutil
import socket
import tempfile
import time
import traceback
import zipfile
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import event, func, literal_column, select
from sqlalchemy.orm import Session

from fieldapp.db import Database
from fieldapp.db import sqlite3 as driver  # the profile's SQLite (SQLCipher's)
from fieldapp.errors import Cancelled, NotFoundError, ValidationError
from fieldapp.handbook.store import EDITION_SETTING, load_edition
from fieldapp.i18n import _, ngettext
from fieldapp.keys import ProfileKeys
from fieldapp.models import Conflict, HeldRow, OutboxEntry, utcnow
from fieldapp.outbox import encode_value
from fieldapp.progress import Progress
from fieldapp.services.settings import DEVICE_CODE, device_code, get_setting, set_setting
from sync import codec, local, releases, wire
from sync.clashes import is_clash, resolve_clash
from sync.errors import SyncError
from sync.held import (  # noqa: F401 - the Sync screen's API, re-exported
    HeldChange,
    HeldRowView,
    archived_operations,
    discard_held,
    discard_held_row,
    held_changes,
    held_report,
    held_rows,
    send_held_again,
)
from sync.tokens import TokenStore
from sync.transport import Transport

PUSH_BATCH = 300  # the first batch of a sync; the next ones are sized by _BatchSizer
MAX_PUSH_BATCH = 2000  # HQ's limit per push
PUSH_BYTES = 64 * 1024  # a batch on the wire at most, about: all a cut can waste
LINK_SECONDS = 8.0  # ... or what the link was seen to carry in this time, if that is less
MIN_PUSH_BYTES = 8 * 1024
PULL_BATCH = 1000  # rows per page of a streamed pull (~45 KB on the wire, bench.sync)
HQ_PROTOCOL = "hq_protocol"  # the newest protocol HQ was seen to speak ("3"; "" unknown)
HQ_URL = "hq_url"
DEVICE_ID = "device_id"
OFFICER_ID = "officer_id"
OFFICER_NAME = "hq_officer_name"
TOKEN_STORAGE = "token_storage"
LAST_SUCCESS = "last_success"
LAST_ERROR = "last_error"
RESOLUTIONS = ("mine", "hq", "edit")
SYNC_COUNT = "sync_count"  # syncs attempted: held changes back off in syncs, not clock time
RELEASE_HOLDS = "release_holds"  # "1" when HQ's version or this officer's operations changed
HQ_VERSION = "hq_version"
HQ_OPERATIONS = local.HQ_OPERATIONS
DEVICE_LOST = "device_lost"  # HQ's 401 code for a device revoked as lost
ERASED_MARKER = "ERASED-BY-HQ.txt"  # left in a profile erased on HQ's order
SYNC_DEADLINE = 30 * 60.0  # seconds: a sync that trickles on past this ends as an error
log = logging.getLogger("cmcoord.sync")


@dataclass(frozen=True)
class Enrollment:
    """This profile's link to HQ after enrolling."""

    hq_url: str
    device_id: str
    officer_name: str
    token_storage: str  # "keyring" or "database"
    operations: list[dict[str, Any]]
    device_code: str = ""  # given by HQ; the DEVICE part of new RFA references


@dataclass
class SyncResult:
    """What one sync did; also written to the sync log."""

    pushed: int = 0
    pulled: int = 0
    conflicts: int = 0
    bytes_up: int = 0
    bytes_down: int = 0
    requests: int = 0
    seconds: float = 0.0
    request_seconds: float = 0.0  # of `seconds`, spent inside HTTP requests
    device_seconds: float = 0.0  # this laptop's own work: preparing batches, applying answers
    handbook_edition: str | None = None
    result: str = "ok"  # ok | error | cancelled
    message: str = ""
    held: int = 0  # changes HQ held this time (kept here, listed on the Sync screen)
    held_rows: int = 0  # rows from HQ kept back (this version cannot apply them)
    unsettled: int = 0  # changes whose result HQ's answer did not give
    detail: str = ""  # technical detail of a failure, kept for "save report"
    extra: dict[str, Any] = field(default_factory=dict)


def _normalise_url(url: str) -> str:
    url = url.strip()
    if not url:
        raise ValidationError("hq_url", _("Enter the HQ address, e.g. https://hq.example.org."))
    if "://" not in url:
        url = "https://" + url
    if not url.startswith(("http://", "https://")):
        raise ValidationError("hq_url", _("The HQ address starts with https:// (or http://)."))
    return url.rstrip("/")


def token_store(db: Database) -> TokenStore:
    """Where this profile's device token lives."""
    return TokenStore(db)


def enroll(db: Database, url: str, code: str, *, device_name: str | None = None,
           tokens: TokenStore | None = None) -> Enrollment:
    """Trade a one-time enrollment code for a device token and remember HQ.

    HQ also gives the device code used in new RFA references (this device's current
    code when no colleague's device has it), unique among the devices of the officer's
    operations. Enrolling with another HQ or as another officer starts the pull from the beginning.
    Raises SyncError (network or refused code) or ValidationError (address, code).
    """
    url = _normalise_url(url)
    if not code.strip():
        raise ValidationError("code", _("Enter the enrollment code HQ gave you."))
    with db.transaction() as session:
        current_code = device_code(session)
    link = Transport(url)
    try:
        answer = link.post_json("/api/v1/enroll", {
            "code": code.strip(), "device_name": (device_name or socket.gethostname())[:200],
            "device_code": current_code})
    finally:
        link.close()
    if not isinstance(answer, dict) or "token" not in answer:
        raise SyncError(_("HQ's answer to the enrollment was not understood."), code="garbled")
    storage = (tokens or token_store(db)).save(answer["token"])
    with db.transaction() as session:
        if (local.get_state(session, HQ_URL) != url
                or local.get_state(session, OFFICER_ID) != answer["officer_id"]):
            local.set_state(session, local.CURSOR, "")
        for key, value in ((HQ_URL, url), (DEVICE_ID, answer["device_id"]),
                           (OFFICER_ID, answer["officer_id"]),
                           (OFFICER_NAME, answer["officer_name"]), (TOKEN_STORAGE, storage)):
            local.set_state(session, key, value)
        local.set_state(session, HQ_PROTOCOL, _protocol_of(answer.get("protocol")))
        given = answer.get("device_code")
        if isinstance(given, str) and given.isdigit():
            # New RFA references use HQ's code; references already made keep theirs.
            set_setting(session, DEVICE_CODE, given)
    return Enrollment(url, answer["device_id"], answer["officer_name"], storage,
                      list(answer.get("operations", [])), str(answer.get("device_code") or ""))


def _protocol_of(value: Any) -> str:
    """HQ's protocol as stored: "3" when it speaks protocol 3 (or newer), else ""."""
    return str(wire.PROTOCOL) if isinstance(value, int) and not isinstance(value, bool) \
        and value >= wire.PROTOCOL else ""


def _connect(db: Database, tokens: TokenStore | None, *, deadline: float | None = None,
             officer_present: bool = False) -> Transport:
    with db.session() as session:
        url = local.get_state(session, HQ_URL)
        compact = local.get_state(session, HQ_PROTOCOL) == str(wire.PROTOCOL)
    token = (tokens or token_store(db)).load()
    if not url or not token:
        raise SyncError(_("This computer is not enrolled with HQ yet. Enter the HQ address "
                          "and an enrollment code in the sync settings."),
                        code="not_enrolled", retry_later=False)
    return Transport(url, token=token, deadline=deadline, officer_present=officer_present,
                     encoding=codec.ZSTD if compact else codec.GZIP)


def sync_once(db: Database, *, progress: Progress | None = None,
              tokens: TokenStore | None = None, push_batch: int = PUSH_BATCH,
              pull_batch: int = PULL_BATCH, deadline_seconds: float = SYNC_DEADLINE,
              officer_present: bool = False) -> SyncResult:
    """Push the outbox, pull what changed, fetch a new handbook edition; log the attempt.

    Each change gets its own outcome: applied, conflict, or held at HQ (kept here with
    HQ's reason); one held change never stops the rest, in either direction. Raises
    SyncError with a readable message (and logs it) when the link or HQ fails, or when
    anything else stops the sync; Cancelled when `progress` was cancelled; what finished
    before stays done. The whole sync has a deadline (`deadline_seconds`).

    When HQ answers that it wrote this device off as lost (401 `device_lost`), the
    profile's data is erased (see `erase_lost_profile`) and the SyncError raised has the
    code `device_lost`: `db` cannot be used any more. With `officer_present` (the officer
    is signed in: the window is open and unlocked) HQ still takes the outbox's pushes, so
    the officer's last work reaches HQ first, and the erasure comes at the pull; without
    it, HQ refuses the first push and the erasure comes at once.
    """
    try:
        return _sync_once(db, progress=progress, tokens=tokens, push_batch=push_batch,
                          pull_batch=pull_batch, deadline_seconds=deadline_seconds,
                          officer_present=officer_present)
    except SyncError as exc:
        if exc.code != DEVICE_LOST:
            raise
        raise erase_lost_profile(db, tokens) from exc


def erase_lost_profile(db: Database, tokens: TokenStore | None = None) -> SyncError:
    """Erase a profile HQ wrote off as lost; returns the SyncError that says so.

    The database is closed (and refuses new connections, so nothing recreates the file),
    then the database with its journal files, the backups folder and the device token are
    deleted; a marker file (ERASED_MARKER) says when and why. The outbox is not pushed:
    HQ refuses the token (it takes a last push only while the officer is signed in: see
    sync_once), and what is left unsent on a laptop in unknown hands is not to be trusted.
    """
    paths = db.paths
    db.close()

    def _refuse(*_args: Any) -> Any:
        raise driver.OperationalError("this profile was erased on HQ's order")  # i18n: not shown

    event.listen(db.engine, "do_connect", _refuse)
    left: list[str] = []
    (tokens or TokenStore(db)).clear()
    ProfileKeys(paths.root).forget()  # the database key: what is left cannot be read
    for suffix in ("", "-journal", "-wal", "-shm"):
        file = paths.database.with_name(paths.database.name + suffix)
        try:
            file.unlink(missing_ok=True)
        except OSError:
            left.append(str(file))
    if paths.backups.exists():
        shutil.rmtree(paths.backups, ignore_errors=True)
        if paths.backups.exists():
            left.append(str(paths.backups))
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    note = _("HQ wrote this computer off as lost. On HQ's order, Field Kit erased this "
             "profile's data (database, backups and device token) on {when}.").format(when=when)
    with contextlib.suppress(OSError):
        (paths.root / ERASED_MARKER).write_text(note + "\n", encoding="utf-8")
    log.warning(  # i18n: not shown
        "profile erased on HQ's order (device revoked as lost); left: %s", left or "nothing")
    message = _("HQ has written this computer off as lost, so this profile's data was "
                "erased from it. Field Kit will close. To work again, ask HQ for a new "
                "enrollment code.")
    if left:
        message += " " + _("Some files could not be deleted; delete them by hand: "
                           "{files}").format(files=", ".join(left))
    return SyncError(message, code=DEVICE_LOST, retry_later=False, status=401)


def _sync_once(db: Database, *, progress: Progress | None, tokens: TokenStore | None,
               push_batch: int, pull_batch: int, deadline_seconds: float,
               officer_present: bool) -> SyncResult:
    progress = progress or Progress()
    link = _connect(db, tokens, deadline=time.monotonic() + deadline_seconds,
                    officer_present=officer_present)
    result = SyncResult()
    started = time.monotonic()
    try:
        with db.transaction() as session:
            sync_number = _next_sync_number(session)
        # Rows an older version had to keep back, applied before the push: the officer's
        # edits made since are still in the outbox, so they stay as the officer made them.
        with local.lenient_transaction(db) as session:
            result.pulled += local.retry_held_rows(session).rows
        if _push(db, link, progress, result, batch=push_batch, pull_batch=pull_batch,
                 sync_number=sync_number):
            _pull(db, link, progress, result, batch=pull_batch)
        _fetch_edition(db, link, progress, result)
        if result.unsettled:
            raise SyncError(ngettext(
                "HQ's answer did not settle {count} change; it is kept here and goes again "
                "at the next sync.",
                "HQ's answer did not settle {count} changes; they are kept here and go again "
                "at the next sync.", result.unsettled).format(count=result.unsettled),
                code="garbled")
    except SyncError as exc:
        result.result, result.message = "error", exc.message
        result.detail = f"{exc.code}: {exc.message}"
        raise
    except Cancelled:
        result.result, result.message = "cancelled", _("Cancelled by the officer.")
        raise
    except Exception as exc:  # anything else still ends as an honest error in the log
        log.exception("sync failed")
        result.result = "error"
        result.message = _("The sync stopped on a problem on this computer; nothing was "
                           "lost and it will be tried again. Save the report for support.")
        result.detail = "".join(traceback.format_exception(exc))[-4000:]
        raise SyncError(result.message, code="internal") from exc
    finally:
        result.seconds = round(time.monotonic() - started, 3)
        result.bytes_up = link.traffic.bytes_up
        result.bytes_down = link.traffic.bytes_down
        result.requests = link.traffic.requests
        result.request_seconds = round(link.traffic.seconds, 3)
        _record(db, result)
        link.close()
    return result


def _next_sync_number(session: Session) -> int:
    number = int(local.get_state(session, SYNC_COUNT, "0") or 0) + 1
    local.set_state(session, SYNC_COUNT, str(number))
    return number


def _record(db: Database, result: SyncResult) -> None:
    now = utcnow().isoformat()
    entry = {"at": now, "result": result.result, "message": result.message,
             "pushed": result.pushed, "pulled": result.pulled, "conflicts": result.conflicts,
             "held": result.held, "held_rows": result.held_rows,
             "bytes_up": result.bytes_up, "bytes_down": result.bytes_down,
             "requests": result.requests, "seconds": result.seconds,
             "request_seconds": result.request_seconds,
             "device_seconds": round(result.device_seconds, 3)}
    if result.detail:
        entry["detail"] = result.detail  # technical detail, for "save report" only
    with db.transaction() as session:
        local.add_log(session, entry)
        if result.result == "ok":  # push and pull both completed
            local.set_state(session, LAST_SUCCESS, now)
            local.set_state(session, LAST_ERROR, "")
        elif result.result == "error":
            local.set_state(session, LAST_ERROR, result.message)


class _BatchSizer:
    """How many changes the next push takes: as many as fit PUSH_BYTES on the wire, or what
    the link was seen to carry in LINK_SECONDS if that is less (a slow link's batch is cut
    less often and wastes less when it is), judged from the batches sent so far."""

    def __init__(self, first: int) -> None:
        self.fixed = first != PUSH_BATCH  # a caller's own size (tests, scripts) is kept
        self.count = first if self.fixed else MAX_PUSH_BATCH  # the first is cut to fit

    def sent(self, changes: int, body_bytes: int, seconds: float) -> None:
        """A batch of `changes` took `body_bytes` on the wire and `seconds` in all."""
        if self.fixed or not changes or not body_bytes:
            return
        budget = PUSH_BYTES
        if seconds > 0:
            budget = min(budget, max(MIN_PUSH_BYTES, int(body_bytes / seconds * LINK_SECONDS)))
        self.count = max(50, min(MAX_PUSH_BATCH, int(budget * changes / body_bytes)))


def _independent(sent: list[dict[str, Any]], batch: list[dict[str, Any]]) -> bool:
    """Whether `batch` may go while `sent` is still in flight (HQ may apply either
    first): no row in both, and only rows of an operation in both (operations, conflicts'
    resolutions and rows of no operation, whose order matters to scope and shares, go
    one batch at a time), and nothing urgent (life-saving RFAs reach HQ first)."""
    def rows(changes: list[dict[str, Any]]) -> set[tuple[str, str]] | None:
        if not all(_may_overlap(c) for c in changes):
            return None
        return {(c["entity"], c["row_id"]) for c in changes}

    first, second = rows(sent), rows(batch)
    return first is not None and second is not None and not first & second


def _may_overlap(change: dict[str, Any]) -> bool:
    """Whether HQ may apply this change after a change sent later (see _independent)."""
    operation = change.get("operation_id", change["fields"].get("operation_id"))
    return change["entity"] not in ("operation", local.CONFLICT_ENTITY) and bool(operation) \
        and not change.get("urgent")


@dataclass
class _InFlight:
    changes: list[dict[str, Any]]
    answer: Future[tuple[Any, int, float]]
    pulls: bool = False  # the last push of the sync: its answer brings the first pull page
    sized: bool = True  # its size says how many changes fit a batch (see _fit)


@contextlib.contextmanager
def _device_work(result: SyncResult) -> Iterator[None]:
    """Count the time of a block as this laptop's own work (result.device_seconds)."""
    started = time.perf_counter()
    try:
        yield
    finally:
        result.device_seconds += time.perf_counter() - started


def _push(db: Database, link: Transport, progress: Progress, result: SyncResult, *,
          batch: int, pull_batch: int, sync_number: int) -> bool:
    """Send the outbox in batches, up to two in flight when they share no row; whether the
    pull is still to do (the last push's answer may have brought all of it)."""
    with _device_work(result):
        return _push_batches(db, link, progress, result, batch=batch, pull_batch=pull_batch,
                             sync_number=sync_number)


def _push_batches(db: Database, link: Transport, progress: Progress, result: SyncResult, *,
                  batch: int, pull_batch: int, sync_number: int) -> bool:
    with db.transaction() as session:
        local.drop_demo_entries(session)
        everything = local.get_state(session, RELEASE_HOLDS) == "1"
        local.release_holds(session, sync_number=sync_number, everything=everything)
        local.set_state(session, RELEASE_HOLDS, "")
        total = session.scalar(select(func.count()).select_from(OutboxEntry)
                               .where(OutboxEntry.held_code == "")) or 0
    with db.session() as session:
        order = local.push_order(session)
        cursor = local.get_state(session, local.CURSOR)
    if not order:
        return True
    stopped: set[tuple[str, str]] = set()  # rows with a change HQ held this time
    sizer = _BatchSizer(batch)
    flying: deque[_InFlight] = deque()
    done = 0
    to_pull = True

    def settle() -> None:
        nonlocal done, to_pull
        oldest = flying.popleft()
        waited = time.perf_counter()
        try:
            answer, body_bytes, seconds = oldest.answer.result()
        finally:  # waiting for HQ is not the laptop's work
            result.device_seconds -= time.perf_counter() - waited
        changes = oldest.changes
        results = _push_results(answer, len(changes))
        with local.lenient_transaction(db) as session:
            acked = local.acknowledge(session, changes, results, sync_number=sync_number)
        if oldest.sized:
            sizer.sent(len(changes), body_bytes, seconds)
        result.pushed += acked.applied
        result.conflicts += acked.conflicts
        result.held += acked.held
        result.unsettled += len(acked.unsettled)
        unsettled = set(acked.unsettled)
        stopped.update((c["entity"], c["row_id"]) for c, r in zip(changes, results,
                                                                   strict=False)
                       if c["local_id"] in unsettled
                       or (isinstance(r, dict) and r.get("status") == "held"))
        done += len(changes)
        # Translators: progress of a sync: changes sent to HQ so far, of all to send.
        progress.report(min(done, total), total,
                        _("Sent {done} of {total}").format(done=done, total=total))
        if oldest.pulls and isinstance(answer, dict) and "page" in answer:
            to_pull = _apply_page(db, answer["page"], result)

    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="push") as pool:
        try:
            while True:
                progress.check()
                with db.session() as session:
                    changes = local.push_batch(session, order, sizer.count, held_rows=stopped)
                while flying and (not changes or len(flying) > 1
                                  or not _independent(flying[-1].changes, changes)):
                    settle()
                    changes = [c for c in changes if (c["entity"], c["row_id"]) not in stopped]
                if not changes:
                    if not order:
                        return to_pull
                    continue
                changes, data, sized = _fit(link, changes, order, fixed=sizer.fixed)
                last = not order and data[1] == codec.ZSTD  # protocol 3: bring the pull too
                query = {"since": cursor, "limit": pull_batch} if last else None
                flying.append(_InFlight(changes, pool.submit(_send_push, link, changes, data,
                                                             query), pulls=last, sized=sized))
        finally:
            # Whatever stopped the push, what HQ answered meanwhile is recorded here, so
            # nothing it applied is sent again; a failed request's changes simply stay.
            while flying:
                with contextlib.suppress(Exception):  # the first problem is the one raised
                    settle()


def _encoded(link: Transport, changes: list[dict[str, Any]]) -> tuple[bytes, str]:
    """A batch as sent: protocol 3's form in zstd when HQ takes it, else protocol 2's."""
    body = local.wire_body(changes)
    if link.encoding == codec.ZSTD:
        return link.encode(wire.encode_push(body["changes"]))
    return link.encode(body)


def _fit(link: Transport, changes: list[dict[str, Any]], order: list[str], *, fixed: bool
         ) -> tuple[list[dict[str, Any]], tuple[bytes, str], bool]:
    """The batch cut to about PUSH_BYTES on the wire (what is left goes back to the front of
    `order`), and its body. Operations and urgent changes, which come first and go one
    batch at a time (see _independent), end their batch: they go quickly on their own, and
    the rest may then go two at a time. The third value says whether the batch's size
    tells how many changes fit (not when it was ended that way)."""
    sized = True
    if not fixed:
        alone = [i for i, c in enumerate(changes) if not _may_overlap(c)]
        if alone and alone[-1] + 1 < len(changes) and alone == list(range(len(alone))):
            order[:0] = [c["local_id"] for c in changes[len(alone):]]
            changes = changes[:len(alone)]
            sized = False
    data = _encoded(link, changes)
    if not fixed and len(data[0]) > PUSH_BYTES * 5 // 4 and len(changes) > 50:
        keep = max(50, len(changes) * PUSH_BYTES // len(data[0]))
        order[:0] = [c["local_id"] for c in changes[keep:]]
        changes = changes[:keep]
        data = _encoded(link, changes)
    return changes, data, sized


def _send_push(link: Transport, changes: list[dict[str, Any]], data: tuple[bytes, str],
               query: dict[str, Any] | None = None) -> tuple[Any, int, float]:
    """Push one batch (with `query`, asking for the first pull page too); (answer, bytes
    sent, seconds).

    An HQ that refuses protocol 3's form or zstd (an older HQ put back) is sent protocol
    2's form with gzip, and this sync goes on that way."""
    started = time.monotonic()
    try:
        answer = link.post_encoded("/api/v1/push", *data, params=query)
    except SyncError as exc:
        if data[1] != codec.ZSTD or exc.status not in (415, 422):
            raise
        link.encoding = codec.GZIP
        data = _encoded(link, changes)
        answer = link.post_encoded("/api/v1/push", *data)
    return answer, len(data[0]), time.monotonic() - started


def _push_results(answer: Any, sent: int) -> list[Any]:
    """HQ's results of a push, one per change sent, a bare rev (protocol 3) as {"rev"}."""
    results = answer.get("results") if isinstance(answer, dict) else None
    if not isinstance(results, list) or len(results) > sent:
        raise SyncError(_("HQ's answer to the push was not understood."), code="garbled")
    return [{"rev": r} if isinstance(r, int) and not isinstance(r, bool) else r
            for r in results]


def _pull(db: Database, link: Transport, progress: Progress, result: SyncResult, *,
          batch: int) -> None:
    """Pull pages until HQ has nothing more; each page is applied with its cursor in one
    local transaction as soon as it has arrived (protocol 3 streams them)."""
    restarted = False
    more = True
    while more:
        progress.check()
        with db.session() as session:
            cursor = local.get_state(session, local.CURSOR)
        more = False

        def page(line: bytes) -> None:
            nonlocal more
            progress.check()  # between pages: those applied stay applied
            with _device_work(result):
                more = _apply_page(db, _parse_page(line), result)
            # HQ does not say how many rows are left: no total (a busy bar) until the end.
            progress.report(result.pulled, 0 if more else result.pulled,
                            # Translators: progress of a sync: records received from HQ so far.
                            _("Received {count}").format(count=result.pulled))

        try:
            link.get_lines("/api/v1/pull", {"since": cursor, "limit": batch,
                                            "v": wire.PROTOCOL}, page)
        except SyncError as exc:
            if exc.code != "invalid_cursor" or restarted or not cursor:
                raise
            # HQ does not know our cursor (restored backup, HQ rebuilt): start again from
            # the beginning; applying rows again is harmless.
            restarted = True
            with db.transaction() as session:
                local.set_state(session, local.CURSOR, "")
            more = True


def _pull_not_understood() -> SyncError:
    return SyncError(_("HQ's answer to the pull was not understood."), code="garbled")


def _parse_page(line: bytes) -> Any:
    try:
        return json.loads(line)
    except ValueError as exc:
        raise _pull_not_understood() from exc


def _apply_page(db: Database, answer: Any, result: SyncResult) -> bool:
    """Apply one page of a pull with its cursor; whether HQ has more."""
    if not isinstance(answer, dict) or not isinstance(answer.get("next"), str) \
            or len(answer["next"]) > 400:
        raise _pull_not_understood()
    try:
        rows = answer["rows"] if "rows" in answer else wire.decode_rows(answer.get("runs"))
    except wire.WireError as exc:
        raise _pull_not_understood() from exc
    if not isinstance(rows, list):
        raise _pull_not_understood()
    with local.lenient_transaction(db) as session:
        applied = local.apply_rows(session, rows, gone=answer.get("gone"))
        result.pulled += applied.rows
        result.conflicts += applied.clashes
        result.held_rows += applied.held
        local.set_state(session, local.CURSOR, answer["next"])
        protocol = str(wire.PROTOCOL) if "runs" in answer else ""
        if protocol != local.get_state(session, HQ_PROTOCOL):
            local.set_state(session, HQ_PROTOCOL, protocol)  # zstd and runs from now on
        _note_hq(session, answer)
        edition = answer.get("handbook")
        if isinstance(edition, dict) and isinstance(edition.get("name"), str) \
                and edition["name"]:
            current = get_setting(session, EDITION_SETTING)
            if edition["name"] != current:
                local.set_state(session, local.PENDING_EDITION, json.dumps(edition))
    return answer.get("more") is True


def _note_hq(session: Session, answer: dict[str, Any]) -> None:
    """Remember HQ's version and this officer's operations; a change of either may lift
    holds (HQ upgraded, officer assigned again), and an operation no longer assigned is
    archived here: its data stays readable and no longer syncs."""
    version = answer.get("hq")
    if isinstance(version, str) and len(version) <= 40 \
            and version != local.get_state(session, HQ_VERSION):
        local.set_state(session, HQ_VERSION, version)
        local.set_state(session, RELEASE_HOLDS, "1")
    releases.note_release(session, answer.get("release"))  # a newer app (issue 19)
    operations = answer.get("operations")
    if isinstance(operations, list) and all(isinstance(o, str) for o in operations):
        text = json.dumps(sorted(operations))
        if text != local.get_state(session, HQ_OPERATIONS):
            local.set_state(session, HQ_OPERATIONS, text)
            local.set_state(session, RELEASE_HOLDS, "1")


def _fetch_edition(db: Database, link: Transport, progress: Progress,
                   result: SyncResult) -> None:
    with db.session() as session:
        pending = local.get_state(session, local.PENDING_EDITION)
    if not pending:
        return
    edition = json.loads(pending)
    progress.check()
    url = edition.get("url")
    try:
        if not isinstance(url, str):
            raise SyncError(_("HQ announced a handbook edition without an address."),
                            code="garbled")
        archive = link.get_bytes(url)  # refused unless it is the enrolled HQ's own address
    except SyncError as exc:
        if exc.code in ("foreign_url", "garbled"):
            # Asking again cannot help: forget this announcement (the next edition HQ
            # publishes is announced afresh) and say so in the log.
            with db.transaction() as session:
                local.set_state(session, local.PENDING_EDITION, "")
        raise
    if hashlib.sha256(archive).hexdigest() != edition.get("sha256"):
        raise SyncError(_("The handbook edition from HQ arrived damaged; it will be fetched "
                          "again at the next sync."), code="garbled")
    with tempfile.TemporaryDirectory() as tmp:
        with zipfile.ZipFile(io.BytesIO(archive)) as unpacked:
            unpacked.extractall(tmp)
        loaded = load_edition(db, Path(tmp), progress=progress)
    with db.transaction() as session:
        local.set_state(session, local.PENDING_EDITION, "")
    result.handbook_edition = loaded.name


# --- state for the sync screen -------------------------------------------------------


@dataclass(frozen=True)
class SyncStatus:
    """What the sync screen and status bar show."""

    enrolled: bool
    hq_url: str
    officer_name: str
    token_storage: str
    last_success: datetime | None
    last_error: str
    pending: dict[str, int]  # entity -> number of changes waiting (held ones not counted)
    conflicts: int
    held: int = 0  # changes HQ held, waiting for the officer
    held_rows: int = 0  # rows from HQ this version kept back
    archived_operations: tuple[str, ...] = ()  # names: no longer assigned at HQ


def sync_status(session: Session) -> SyncStatus:
    """Enrollment, last success or error, pending changes by kind, open conflicts, held
    changes and rows, archived operations."""
    demo = local.demo_operation_ids(session)
    query = select(OutboxEntry.entity, func.count()).where(OutboxEntry.held_code == "") \
        .group_by(OutboxEntry.entity)
    if demo:
        query = query.where(OutboxEntry.operation_id.is_(None)
                            | OutboxEntry.operation_id.not_in(demo))
    pending = {entity: count for entity, count in session.execute(query)}
    last = local.get_state(session, LAST_SUCCESS)
    return SyncStatus(
        enrolled=bool(local.get_state(session, DEVICE_ID)),
        hq_url=local.get_state(session, HQ_URL),
        officer_name=local.get_state(session, OFFICER_NAME),
        token_storage=local.get_state(session, TOKEN_STORAGE),
        last_success=datetime.fromisoformat(last) if last else None,
        last_error=local.get_state(session, LAST_ERROR),
        pending=pending,
        conflicts=session.scalar(select(func.count()).select_from(Conflict)
                                 .where(Conflict.resolved_at.is_(None))) or 0,
        held=session.scalar(select(func.count()).select_from(OutboxEntry)
                            .where(OutboxEntry.held_code != "")) or 0,
        held_rows=session.scalar(select(func.count()).select_from(HeldRow)) or 0,
        archived_operations=tuple(archived_operations(session)),
    )


def sync_log(session: Session, *, limit: int = 50) -> list[dict[str, Any]]:
    """Past syncs, newest first: at, result, message, pushed, pulled, conflicts, bytes_up,
    bytes_down, requests, seconds, request_seconds (of seconds, inside HTTP requests)."""
    return local.read_log(session, limit)


def open_conflicts(session: Session) -> list[Conflict]:
    """Conflicts waiting for the officer, in the order they were found (both values on
    each); the table's insertion order, never the laptop's clock."""
    return list(session.scalars(
        select(Conflict).where(Conflict.resolved_at.is_(None))
        .order_by(literal_column("conflicts.rowid"))
    ))


def resolve_conflict(session: Session, conflict_id: str, *, choice: str,
                     value: Any = None) -> None:
    """Close a conflict: "mine" (send my value), "hq" (keep HQ's), "edit" (send `value`).

    The decision is written like any local edit, so it reaches HQ with the next sync,
    together with a note that closes the conflict at HQ. "Keep HQ's" takes HQ's value of
    now (pulls keep the conflict's HQ value current) and writes nothing when the row
    already holds it, so it can never send back a stale copy. A value naming a row this
    device has not received yet is stored all the same (the pull brings the row). A unique
    clash found on this device (two rows wanting one RFA reference) raises ValidationError
    when the chosen value is held by another row here (see sync.clashes).
    """
    if choice not in RESOLUTIONS:
        raise ValueError(f"choice must be one of {RESOLUTIONS}")  # i18n: not shown
    # Before any write of this unit of work (SQLite ignores it inside a transaction); the
    # engine turns the checks back on for the connection's next user.
    session.connection().exec_driver_sql("PRAGMA foreign_keys=OFF")
    conflict = session.get(Conflict, conflict_id)
    if conflict is None or conflict.resolved_at is not None:
        raise NotFoundError(_("This conflict was already resolved."))
    model = local.MODELS.get(conflict.entity)
    row = session.get(model, conflict.row_id) if model is not None else None
    if row is not None and is_clash(conflict):  # found on this device: see sync.clashes
        resolve_clash(session, conflict, row, choice=choice, value=value)
        return
    wanted = {"mine": conflict.local_value, "hq": conflict.server_value,
              "edit": encode_value(value)}[choice]
    if row is not None and model is not None \
            and encode_value(getattr(row, conflict.field)) != wanted:
        setattr(row, conflict.field, local.decode_value(model, conflict.field, wanted))
    conflict.resolved_at = utcnow()
    session.add(OutboxEntry(entity=local.CONFLICT_ENTITY, row_id=conflict.id,
                            operation_id=row.operation_id if row is not None else None,
                            fields={"resolution": choice}, base={}))
    session.flush()
