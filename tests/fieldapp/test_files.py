"""Files written whole or not at all."""

from __future__ import annotations

import os

import pytest

from fieldapp.files import write_atomically


def test_write_atomically_replaces_the_file_and_leaves_nothing_beside_it(tmp_path):
    target = tmp_path / "log.csv"
    target.write_bytes(b"old")
    assert write_atomically(target, b"new") == target
    assert target.read_bytes() == b"new"
    assert os.listdir(tmp_path) == ["log.csv"]


def test_a_failed_write_keeps_the_old_file_and_removes_the_temporary(tmp_path, monkeypatch):
    target = tmp_path / "sheet.pdf"
    target.write_bytes(b"the sheet printed yesterday")

    def disk_full(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(OSError, match="No space"):
        write_atomically(target, b"%PDF-1.4 ...")
    assert target.read_bytes() == b"the sheet printed yesterday"
    assert os.listdir(tmp_path) == ["sheet.pdf"]


def test_the_file_keeps_the_permissions_a_plain_write_would_give(tmp_path):
    shared = tmp_path / "contact-sheet.pdf"
    shared.write_bytes(b"old")
    shared.chmod(0o644)
    write_atomically(shared, b"new")
    assert shared.stat().st_mode & 0o777 == 0o644  # replaced: as it was
    fresh = write_atomically(tmp_path / "new.csv", b"a,b")
    umask = os.umask(0)
    os.umask(umask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask  # new: as open() would make it


def test_a_name_near_the_file_system_limit_is_written(tmp_path):
    target = tmp_path / ("lessons-" + "x" * 240 + ".csv")
    assert write_atomically(target, b"a,b").read_bytes() == b"a,b"
