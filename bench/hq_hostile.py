"""HQ's memory under hostile bodies: `python3 -m bench.hq_hostile [--parallel 8] [--rounds 3]`.

The real server (`cmcoord-hq serve`, a child process, on a fresh SQLite file) receives
`--parallel` simultaneous POSTs to /api/v1/push of a 63 KB gzip body that inflates to
64 MB of spaces, `--rounds` times: once without a token (answered 401 before the body is
read) and once with a valid device token (inflated as it arrives, refused 413 at the
8 MiB cap), and likewise to /api/v1/enroll (no token; 16 KiB cap) and to the reviewers'
sign-in form (no token; the 8 MiB cap). The server's resident
memory (VmRSS of its process tree, from /proc) is sampled every few milliseconds.

Prints JSON: idle_rss_mb, then for each case peak_rss_mb, growth_mb (peak − idle) and the
answers' status codes. Target (issue 16): growth_mb ≤ 100 in every case.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import tempfile
import threading
import time
import zlib
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import requests

from bench.hq_server import free_port, start_hq_server
from hq import admin
from hq.db import HqDatabase

TARGET_GROWTH_MB = 100
SAMPLE_EVERY = 0.003  # seconds


def hostile_body(inflated: int = 64 * 1024 * 1024) -> bytes:
    """About 63 KB of gzip inflating to `inflated` bytes of spaces."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = b" " * (1024 * 1024)
    return b"".join(packer.compress(block) for _ in range(inflated // len(block))) \
        + packer.flush()


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        with contextlib.suppress(OSError):  # a thread that has just ended
            found += [int(c) for c in (task / "children").read_text().split()]
    return found


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and its descendants, in MB (from /proc)."""
    total_kb = 0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total_kb += int(line.split()[1])
            pending += _children(current)
        except OSError:
            continue
    return total_kb / 1024


class Sampler:
    """The highest RSS of a process tree seen while it runs (a thread of its own)."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, tree_rss_mb(self.pid))
            time.sleep(SAMPLE_EVERY)

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        time.sleep(0.2)  # memory still held just after the last answer
        self._stop.set()
        self._thread.join()


def _post(url: str, body: bytes, headers: dict[str, str]) -> str:
    try:
        return str(requests.post(url, data=body, headers=headers, timeout=60).status_code)
    except requests.RequestException as error:  # the server may close before all is sent
        return type(error).__name__


def attack(pid: int, url: str, body: bytes, headers: dict[str, str], *, parallel: int,
           rounds: int) -> dict[str, Any]:
    """`rounds` times `parallel` simultaneous POSTs; the peak RSS and the answers."""
    answers: Counter[str] = Counter()
    with Sampler(pid) as sampler, ThreadPoolExecutor(parallel) as pool:
        for _ in range(rounds):
            answers.update(pool.map(lambda _: _post(url, body, headers), range(parallel)))
    return {"peak_rss_mb": round(sampler.peak, 1), "answers": dict(answers)}


def run(*, parallel: int = 8, rounds: int = 3) -> dict[str, Any]:
    """The measurements, as printed."""
    body = hostile_body()
    with tempfile.TemporaryDirectory() as folder:
        database_url = f"sqlite:///{Path(folder) / 'hq.sqlite'}"
        db = HqDatabase.open(database_url)
        try:
            admin.add_officer(db, name="Ana")
            code, _ = admin.make_enrollment_code(db, officer="Ana")
        finally:
            db.close()
        port = free_port()
        server = start_hq_server(database_url, port)
        try:
            base = f"http://127.0.0.1:{port}"
            token = requests.post(f"{base}/api/v1/enroll", json={"code": code},
                                  timeout=10).json()["token"]
            time.sleep(1.0)
            idle = tree_rss_mb(server.pid)
            gzipped = {"Content-Type": "application/json", "Content-Encoding": "gzip"}
            cases = {
                "push_no_token": (f"{base}/api/v1/push", gzipped),
                "push_with_token": (f"{base}/api/v1/push",
                                    {**gzipped, "Authorization": f"Bearer {token}"}),
                "enroll": (f"{base}/api/v1/enroll", gzipped),
                "review_signin": (f"{base}/review/signin",
                                  {**gzipped,
                                   "Content-Type": "application/x-www-form-urlencoded"}),
            }
            result: dict[str, Any] = {"idle_rss_mb": round(idle, 1),
                                      "hostile_body_kb": round(len(body) / 1024, 1),
                                      "inflates_to_mb": 64, "parallel": parallel,
                                      "rounds": rounds}
            for name, (url, headers) in cases.items():
                case = attack(server.pid, url, body, headers, parallel=parallel,
                              rounds=rounds)
                case["growth_mb"] = round(case["peak_rss_mb"] - idle, 1)
                case["within_target"] = case["growth_mb"] <= TARGET_GROWTH_MB
                result[name] = case
            return result
        finally:
            server.terminate()
            server.wait(timeout=20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parallel", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    print(json.dumps(run(parallel=args.parallel, rounds=args.rounds), indent=2))


if __name__ == "__main__":
    main()
