"""`cmcoord-hq serve` in a child process, as HQ runs it: for the HQ benchmarks and the kill
tests, which need the server in a process of its own (several workers, or SIGKILL); and a
fresh PostgreSQL schema for a run (the benchmarks and tests/sync)."""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import requests
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    """A TCP port of 127.0.0.1 free right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_hq_server(database_url: str, port: int, *, workers: int | None = None,
                    timeout: float = 60) -> subprocess.Popen[bytes]:
    """Start `cmcoord-hq serve` on 127.0.0.1:`port`; returns once /api/v1/health answers.

    Raises RuntimeError (with the server's error output when it stopped) otherwise.
    """
    command = [sys.executable, "-m", "hq.cli", "serve", "--database", database_url,
               "--port", str(port)]
    if workers is not None:
        command += ["--workers", str(workers)]
    # Errors go to a file, not a pipe, which a long run would fill; the child keeps its copy.
    with tempfile.TemporaryFile() as errors:
        server = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=errors)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if server.poll() is not None:
                errors.seek(0)
                raise RuntimeError(errors.read().decode(errors="replace")
                                   or "the HQ server died")
            try:
                if requests.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=1).ok:
                    return server
            except requests.RequestException:
                time.sleep(0.05)
    server.terminate()
    server.wait(timeout=20)
    raise RuntimeError("the HQ server did not start")


@contextmanager
def fresh_schema(url: str, *, prefix: str, keep: bool = False) -> Iterator[str]:
    """`url` on a new PostgreSQL schema, dropped afterwards unless `keep`; any other
    database's URL as it is."""
    if make_url(url).get_backend_name() != "postgresql":
        yield url
        return
    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        sep = "&" if "?" in url else "?"
        yield f"{url}{sep}options=-csearch_path%3D{schema}"
    finally:
        if not keep:
            with engine.begin() as conn:
                conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        engine.dispose()
