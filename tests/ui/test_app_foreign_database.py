"""Start-up on another program's SQLite file: explained like every storage error, and the
file is left exactly as it was."""

from __future__ import annotations

import sqlcipher3.dbapi2 as sqlite3  # the application's SQLite: its locks are per library

from fieldapp.paths import resolve_profile
from tests.ui.conftest import answer_message_box
from ui.app import open_database


def test_another_programs_database_is_explained_and_left_untouched(qapp, tmp_path):
    paths = resolve_profile(tmp_path / "profile")
    paths.root.mkdir()
    conn = sqlite3.connect(paths.database)
    with conn:
        conn.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("INSERT INTO recipes (name) VALUES ('Matapa')")
    conn.close()
    before = paths.database.read_bytes()
    seen: list[tuple[str, str]] = []
    timer = answer_message_box(seen)
    assert open_database(paths, None) is None
    timer.stop()
    text, informative = seen[0]
    assert "another program" in text
    assert str(paths.database) in informative
    assert paths.database.read_bytes() == before
