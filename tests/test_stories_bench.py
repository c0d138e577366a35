"""bench/stories.py, its pure parts: which true stories a finding quotes. No spaCy model is loaded."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from checker.findings.finding import Evidence, Finding

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("stories_bench", ROOT / "bench" / "stories.py")
stories = importlib.util.module_from_spec(spec)
sys.modules["stories_bench"] = stories
spec.loader.exec_module(stories)


def evidence(source: str) -> Evidence:
    return Evidence(source, f"{source}.txt", 1, 1, "12", "12 died.", False)


def test_a_finding_names_the_true_stories_it_quotes():
    truth = {"quake_a__1": "quake_a", "quake_a__2": "quake_a", "quake_b__1": "quake_b"}
    one = Finding("NUM001", "number", "error", "the story: dead", "", (evidence("quake_a__1"), evidence("quake_a__2")))
    two = Finding("NUM001", "number", "error", "the story: dead", "", (evidence("quake_b__1"), evidence("quake_a__2")))
    assert stories.stories_of(one, truth) == ["quake_a"]  # one story's claims grouped otherwise
    assert stories.stories_of(two, truth) == ["quake_a", "quake_b"]  # two stories' claims set against each other
