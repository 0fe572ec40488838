"""cmcoord-hq's admin commands, run as the admin would, on a SQLite file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fieldapp.handbook.edition import bundled_path, read_edition
from hq.cli import main


@pytest.fixture
def hq(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'hq.sqlite'}"
    monkeypatch.setenv("CMCOORD_HQ_DATABASE", url)
    return url


def test_admin_sets_up_an_operation_an_officer_and_a_code(hq, capsys):
    assert main(["operation", "add", "mrv-tc", "Marovia cyclone", "--country", "XMV"]) == 0
    assert main(["officer", "add", "Ana Lopez"]) == 0
    assert main(["officer", "assign", "Ana Lopez", "MRV-TC"]) == 0
    assert main(["officer", "list"]) == 0
    assert main(["enroll-code", "Ana Lopez", "--hours", "2"]) == 0
    out = capsys.readouterr().out
    assert "Operation MRV-TC added" in out
    assert re.search(r"Ana Lopez\s+MRV-TC", out)
    assert re.search(r"Enrollment code: [A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{2}\n", out)


def test_unknown_names_are_refused_with_a_sentence(hq, capsys):
    assert main(["officer", "assign", "Nobody", "X"]) == 1
    assert "No officer named 'Nobody'" in capsys.readouterr().err


def test_handbook_publish_validates_the_edition(hq, tmp_path, capsys):
    assert main(["handbook", "publish", str(bundled_path())]) == 0
    every = len(read_edition(bundled_path()).sections)  # English and its translations
    assert f"published ({every} sections" in capsys.readouterr().out
    assert main(["handbook", "publish", str(bundled_path())]) == 1  # same name twice
    broken = tmp_path / "broken" / "en"
    broken.mkdir(parents=True)
    (broken / "01.md").write_text("no front matter\n")
    assert main(["handbook", "publish", str(broken.parent)]) == 1
    assert "The edition was refused" in capsys.readouterr().err


def test_version_and_help(capsys):
    with pytest.raises(SystemExit):
        main(["--version"])
    assert "cmcoord-hq 0." in capsys.readouterr().out
