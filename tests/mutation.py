"""Mutation testing for one module or more: runs mutmut and prints the score.

    python3 -m tests.mutation fieldapp/outbox.py [sync/local.py ...]
    python3 -m tests.mutation fieldapp/outbox.py --survivors   # re-run only the survivors
    python3 -m tests.mutation fieldapp/outbox.py --score-only  # the last run's score
    python3 -m tests.mutation sync/local.py --only 'sync.local.x_acknowledge*'  # some mutants

Each module gets its own folder, ``.mutation/<module>/``, holding a copy of the code and
a pyproject.toml whose ``[tool.mutmut]`` is the project's with two settings added: only
this module is mutated, and only the tests listed for it under
``[tool.cmcoord.mutation]`` run. mutmut runs the tests once to learn which of them call
which function, then each mutant against the tests that call the mutated function,
fastest first (tests/conftest.py), stopping at the first failure. Results are kept in
that folder, so a second run re-checks only what changed; ``--fresh`` starts over.
Modules can run side by side: their folders are separate.

The score is killed / (all - equivalent). Equivalent mutants (changes no caller could
ever observe) are listed with their reason in ``mutation-equivalents.toml`` beside
pyproject.toml. A listed name that no longer exists is reported as stale, since mutant
numbers move when the code changes.

The JSON printed last holds, per module: mutants, killed (timeouts included), survived,
no tests, equivalent, score, and the names of the survivors.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".mutation"
EQUIVALENTS = ROOT / "mutation-equivalents.toml"
COPIED = ("fieldapp", "sync", "hq", "bench", "resources", "tests")
KILLED = {1, 3, 24, -24, 152, 255, 36}  # failed, pytest internal error, timed out
UNTESTED = {5, 33}
TARGET = 0.90


def dotted(module: str) -> str:
    """'sync/local.py' or 'sync.local' -> 'sync.local'."""
    return module.removesuffix(".py").replace("/", ".").strip(".")


def source_path(module: str) -> str:
    return dotted(module).replace(".", "/") + ".py"


def project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))


def equivalents() -> dict[str, dict[str, str]]:
    """Equivalent mutants by module: {module: {mutant name: reason}}."""
    if not EQUIVALENTS.exists():
        return {}
    return tomllib.loads(EQUIVALENTS.read_text("utf-8"))


def folder(module: str) -> Path:
    return WORK / dotted(module)


def prepare(module: str, fresh: bool) -> Path:
    """The module's folder: a fresh copy of the code, mutmut's settings for this module."""
    tests = project()["tool"]["cmcoord"]["mutation"].get(source_path(module))
    if not tests:
        raise SystemExit(f"{source_path(module)} has no tests listed under "
                         "[tool.cmcoord.mutation] in pyproject.toml")
    where = folder(module)
    if fresh and where.exists():
        shutil.rmtree(where)
    where.mkdir(parents=True, exist_ok=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in COPIED:
        if (where / name).exists():
            shutil.rmtree(where / name)
        shutil.copytree(ROOT / name, where / name, ignore=ignore)
    text = (ROOT / "pyproject.toml").read_text("utf-8")
    marker = "\n[tool.mutmut]\n"
    head, _, rest = text.partition(marker)
    table, newline, after = rest.partition("\n[")
    settings = (f"only_mutate = {json.dumps([source_path(module)])}\n"
                f"pytest_add_cli_args_test_selection = {json.dumps(tests)}\n")
    tail = "\n[" + after if newline else ""
    (where / "pyproject.toml").write_text(
        head + marker + table.rstrip("\n") + "\n" + settings + tail, "utf-8")
    return where


def exit_codes(module: str) -> dict[str, int | None]:
    """The result of every mutant of ``module`` from mutmut's meta file."""
    meta = folder(module) / "mutants" / (source_path(module) + ".meta")
    if not meta.exists():
        return {}
    return json.loads(meta.read_text("utf-8"))["exit_code_by_key"]


def score(module: str) -> dict[str, object]:
    codes = exit_codes(module)
    listed = equivalents().get(dotted(module), {})
    equivalent = {name for name in listed if name in codes}
    counted = {name: code for name, code in codes.items() if name not in equivalent}
    killed = [name for name, code in counted.items() if code in KILLED]
    untested = sorted(name for name, code in counted.items() if code in UNTESTED)
    survived = sorted(name for name in counted if name not in killed and name not in untested)
    total = len(counted)
    return {
        "module": dotted(module),
        "mutants": len(codes),
        "equivalent": len(equivalent),
        "killed": len(killed),
        "survived": len(survived),
        "no_tests": len(untested),
        "score": round(len(killed) / total, 4) if total else None,
        "meets_target": bool(total) and len(killed) / total >= TARGET,
        "stale_equivalents": sorted(set(listed) - equivalent),
        "survivors": survived + untested,
    }


def run(module: str, *, fresh: bool, survivors: bool, max_children: int,
        only: list[str] | None = None) -> int:
    where = prepare(module, fresh)
    names = score(module)["survivors"] if survivors else list(only or [])
    if survivors and not names:
        return 0
    return subprocess.run([sys.executable, "-m", "mutmut", "run",
                           "--max-children", str(max_children), *names],
                          cwd=where, check=False).returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="+", help="e.g. sync/local.py or sync.local")
    parser.add_argument("--max-children", type=int, default=2)
    parser.add_argument("--fresh", action="store_true", help="forget earlier results")
    parser.add_argument("--survivors", action="store_true",
                        help="re-run only the mutants that survived the last run")
    parser.add_argument("--score-only", action="store_true",
                        help="print the last run's score without running mutmut")
    parser.add_argument("--only", action="append", metavar="GLOB",
                        help="run only the mutants whose names match (e.g. "
                             "'sync.local.x_acknowledge*'); the others keep their last result")
    args = parser.parse_args(argv)
    for module in args.modules:
        if args.score_only:
            continue
        code = run(module, fresh=args.fresh, survivors=args.survivors,
                   max_children=args.max_children, only=args.only)
        if code not in (0, 1):
            print(f"mutmut stopped with exit code {code} on {module}", file=sys.stderr)
            return code
    results = [score(module) for module in args.modules]
    for result in results:
        for name in result["survivors"]:
            print(f"survived: {name}")
    print(json.dumps([{key: value for key, value in result.items() if key != "survivors"}
                      for result in results], indent=2))
    print("See a mutant: cd .mutation/MODULE && python3 -m mutmut show NAME")
    return 0 if all(result["meets_target"] for result in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
