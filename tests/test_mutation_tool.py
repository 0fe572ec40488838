"""The mutation runner (python3 -m tests.mutation): the settings it gives mutmut per module
and the score it prints from mutmut's results."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from tests import mutation


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(mutation, "WORK", tmp_path / ".mutation")
    monkeypatch.setattr(mutation, "EQUIVALENTS", tmp_path / "equivalents.toml")
    return tmp_path


def test_module_names_are_accepted_as_paths_or_dotted() -> None:
    assert mutation.dotted("sync/local.py") == "sync.local"
    assert mutation.dotted("sync.local") == "sync.local"
    assert mutation.source_path("fieldapp.services.rfa") == "fieldapp/services/rfa.py"


def test_each_module_gets_its_own_folder_mutating_only_it_with_its_tests(work: Path) -> None:
    where = mutation.prepare("fieldapp/outbox.py", fresh=False)

    settings = tomllib.loads((where / "pyproject.toml").read_text("utf-8"))
    mutmut = settings["tool"]["mutmut"]
    listed = mutation.project()["tool"]["cmcoord"]["mutation"]["fieldapp/outbox.py"]
    assert mutmut["only_mutate"] == ["fieldapp/outbox.py"]
    assert mutmut["pytest_add_cli_args_test_selection"] == listed
    assert "--hypothesis-seed=0" in mutmut["pytest_add_cli_args"]
    # The rest of the project's settings are kept (pytest markers, other tables).
    assert "slow: long-running test" in settings["tool"]["pytest"]["ini_options"]["markers"]
    assert (where / "fieldapp" / "outbox.py").read_text() == \
        (mutation.ROOT / "fieldapp" / "outbox.py").read_text()
    assert all((where / test).exists() for test in listed)


def test_every_listed_test_file_exists() -> None:
    for module, tests in mutation.project()["tool"]["cmcoord"]["mutation"].items():
        assert (mutation.ROOT / module).exists(), module
        for test in tests:
            assert (mutation.ROOT / test).exists(), (module, test)


def test_a_module_without_listed_tests_is_refused(work: Path) -> None:
    with pytest.raises(SystemExit, match="no tests listed"):
        mutation.prepare("fieldapp/db.py", fresh=False)


def test_score_is_killed_over_all_but_the_equivalent(work: Path) -> None:
    meta = work / ".mutation" / "m.x" / "mutants" / "m" / "x.py.meta"
    meta.parent.mkdir(parents=True)
    codes = {"m.x.f__mutmut_1": 1, "m.x.f__mutmut_2": 1, "m.x.f__mutmut_3": 24,
             "m.x.f__mutmut_4": 0, "m.x.f__mutmut_5": 33, "m.x.f__mutmut_6": 0}
    meta.write_text(json.dumps({"exit_code_by_key": codes}))
    (work / "equivalents.toml").write_text(
        '["m.x"]\n"m.x.f__mutmut_6" = "same value"\n"m.x.f__mutmut_9" = "gone"\n')

    result = mutation.score("m/x.py")

    assert result["mutants"] == 6
    assert result["equivalent"] == 1
    assert result["killed"] == 3  # a timeout is a kill
    assert result["survived"] == 1
    assert result["no_tests"] == 1
    assert result["score"] == 0.6
    assert result["meets_target"] is False
    assert result["stale_equivalents"] == ["m.x.f__mutmut_9"]
    assert result["survivors"] == ["m.x.f__mutmut_4", "m.x.f__mutmut_5"]
