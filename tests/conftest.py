"""Shared fixtures: the real spaCy pipeline and the real seed corpus, loaded once per session."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

# `pytest --hypothesis-profile=long` (bench/fuzz.sh): the generated-corpora tests run 2,000 examples each.
hypothesis_settings.register_profile("long", max_examples=2000, deadline=None)
# No time limit on an example: the tests assert behaviour, speed is the benchmarks' (bench/). A loaded machine
# made an example of the token rules take 250 ms against hypothesis's default 200 ms deadline and fail.
hypothesis_settings.register_profile("checker", deadline=None)
hypothesis_settings.load_profile("checker")

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"


SHARED_ACCEPTANCE = Path("acceptance") / "seeds.json"
OWN_EXPECTATIONS = ROOT / "tests" / "expectations" / "demo_corpus.toml"


def shared_dir() -> Path:
    """../shared beside the repository (CHECKER_SHARED overrides); it may be absent in a lone clone."""
    return Path(os.environ.get("CHECKER_SHARED", ROOT.parent / "shared"))


def shared_acceptance() -> dict | None:
    """The shared acceptance file, when it is beside the repository. CI always has it."""
    path = shared_dir() / SHARED_ACCEPTANCE
    return json.loads(path.read_text("utf-8")) if path.is_file() else None


def expectation_sets() -> dict[str, dict]:
    """What the demo corpus must give: the project's own expectations, and the shared ones when present."""
    sets = {"own": tomllib.loads(OWN_EXPECTATIONS.read_text("utf-8"))}
    shared = shared_acceptance()
    if shared is not None:
        sets["shared"] = shared
    return sets


def run_cli(*args: str, cwd: Path = ROOT, env: dict | None = None) -> subprocess.CompletedProcess:
    """The real command line in a subprocess, as a user or CI runs it."""
    return subprocess.run([sys.executable, "-m", "checker", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=600)


def copy_seeds(folder: Path, where: str = "corpus", *extra: tuple[str, str]) -> Path:
    """A copy of the seed corpus at folder/where, with extra articles (name, text) added."""
    dest = folder / where
    shutil.copytree(CORPUS, dest)
    for name, text in extra:
        (dest / name).write_text(text, "utf-8")
    return dest


def write_corpus(folder: Path, *articles: str) -> Path:
    """A corpus of the given article texts, one file each (s0.txt, s1.txt, ...)."""
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(articles):
        (folder / f"s{i}.txt").write_text(text, "utf-8")
    return folder


@pytest.fixture(scope="session")
def expectations() -> dict[str, dict]:
    return expectation_sets()


@pytest.fixture(scope="session")
def nlp():
    from checker.nlp import DEFAULT_MODEL
    from checker.run import pipeline

    return pipeline(DEFAULT_MODEL)


@pytest.fixture(scope="session")
def seed_result():
    from checker.run import check

    return check(Path("corpus")) if Path.cwd() == ROOT else check(CORPUS)


@pytest.fixture(scope="session")
def seed_json() -> dict:
    """`checker check corpus --format json`, the command the acceptance contract names."""
    proc = run_cli("check", "corpus", "--format", "json")
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


# How an expectation (tests/expectations/*.toml, tests/stories/*/expectations.toml, the shared
# acceptance file) is matched against a finding of the JSON report.
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}  # least severe first: ">= min_severity"


def matches(finding: dict, item: dict) -> bool:
    """Every evidence the item names is quoted by the finding: its source ("any" for any) and a text
    that its span or sentence contains."""
    for want in item["evidence"]:
        text = want["contains"].lower()
        if not any(
            (want["source"] in ("any", e["source"]))
            and (text in e["span"].lower() or text in e["sentence"].lower())
            for e in finding["evidence"]
        ):
            return False
    return True


def no_majority(finding: dict) -> bool:
    """A finding whose explanation says no side has a majority (one source against one): it flags no side."""
    return "majority" in finding["explanation"] and finding["explanation"]["majority"] is None


def points_at(finding: dict, source: str) -> bool:
    """The finding flags a side from `source`; or, having no majority to flag a side against, quotes one."""
    return any((e["flagged"] or no_majority(finding)) and e["source"] == source for e in finding["evidence"])
