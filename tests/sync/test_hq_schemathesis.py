"""A bounded schemathesis run against the real HQ server (issue 16).

Every operation of the OpenAPI document gets generated requests (its examples, the
coverage phase's edge cases and undeclared methods, then random ones), authenticated
with a real enrolled device token, and every check schemathesis has: no server error,
no status code the document does not list, no refusal (422) of a request the schema
allows, `Allow` on every 405, answers that match their schemas.

SQLite always, PostgreSQL too when CMCOORD_TEST_PG_URL is set. The number of examples is
bounded (EXAMPLES per operation); a run takes about ten seconds per database.
"""

from __future__ import annotations

import functools
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from hq import admin
from hq import app as hq_app
from hq.throttle import EnrollmentThrottle, Limit
from tests.sync.conftest import Hq, ServerThread

EXAMPLES = 40
# A cursor HQ never gave out fits the schema (any base64url text) and is refused 422
# `invalid_cursor` by the protocol: the device then pulls from the start.
CONFIG = """
[[operations]]
include-path = "/api/v1/pull"
checks.positive_data_acceptance.expected-statuses = ["2XX", "401", "403", "404", "422"]

# Likewise a protocol 3 push whose runs fit the schema (a list) but not sync/wire.py's
# shape (columns that do not match the field names) is refused 422 `invalid_request`.
[[operations]]
include-path = "/api/v1/push"
checks.positive_data_acceptance.expected-statuses = ["2XX", "401", "403", "404", "422"]
"""


@pytest.fixture
def hq(hq_database_url: str, monkeypatch: pytest.MonkeyPatch):
    """HQ as `serve` runs it, with Ana enrolled. Enrollment attempts get no delay (they
    still end in 429 after ten): the delays would make this run wait 40 s for nothing."""
    quick = Limit(free=3, most=10, window=15 * 60.0, max_delay=0.0)
    monkeypatch.setattr(hq_app, "EnrollmentThrottle",
                        functools.partial(EnrollmentThrottle, per_address=quick))
    app = hq_app.create_app(hq_database_url)
    db = app.state.db
    op = admin.add_operation(db, code="MRV", name="Marovia response", country="HTI")
    admin.add_officer(db, name="Ana")
    admin.assign(db, officer="Ana", operation="MRV")
    try:
        with ServerThread(app, proxy_headers=False) as server:
            yield Hq(server.url, db, op.id, "Ana")
    finally:
        db.close()


def _device_token(hq: Hq) -> str:
    """A token from a real enrollment through the API."""
    code, _ = admin.make_enrollment_code(hq.db, officer=hq.officer)
    answer = requests.post(hq.url + "/api/v1/enroll", timeout=20,
                           json={"code": code, "device_name": "schemathesis"})
    assert answer.status_code == 200, answer.text
    return answer.json()["token"]


def test_generated_requests_get_only_documented_answers(hq: Hq, tmp_path: Path):
    token = _device_token(hq)
    (tmp_path / "schemathesis.toml").write_text(CONFIG, encoding="utf-8")
    started = time.monotonic()
    run = subprocess.run(
        [sys.executable, "-m", "schemathesis.cli", "--config-file",
         str(tmp_path / "schemathesis.toml"), "run", f"{hq.url}/openapi.json",
         "-H", f"Authorization: Bearer {token}", "--checks", "all",
         "--phases", "examples,coverage,fuzzing", "--max-examples", str(EXAMPLES),
         "--seed", "16", "--generation-database", "none", "--workers", "1",
         "--no-color", "--output-truncate", "false",
         "--report", "junit", "--report-dir", str(tmp_path)],
        capture_output=True, text=True, timeout=300, cwd=tmp_path, check=False)
    elapsed = time.monotonic() - started
    summary = [line.strip() for line in run.stdout.splitlines() if " generated, " in line]
    print(f"schemathesis: {summary} in {elapsed:.1f} s")
    assert run.returncode == 0, run.stdout[-12000:] + run.stderr[-3000:]
    assert "Tested: 5" in run.stdout  # health, enroll, push, pull, handbook
