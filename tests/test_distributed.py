"""The dask engine gives the local engine's findings: on the seeds, on a corpus of several stories, and on a
flat folder whose clustered story is parted in two."""

from __future__ import annotations

import pytest
from conftest import CORPUS, ROOT, run_cli

from checker.config import Settings
from checker.reports import render_json

STORIES = ROOT / "tests" / "stories"


def _parted(folder):
    """A flat folder of two fights of one boxer, which clustering joins and a disagreement parts (run.compare); in
    the first, one source gives the champion another age than the others."""
    from test_story_seam import FIRST_ODD_AGE, SECOND, write

    return write(folder, FIRST_ODD_AGE, SECOND)


@pytest.mark.slow
@pytest.mark.parametrize("corpus", [CORPUS, STORIES, None], ids=["seeds", "stories", "parted"])
def test_the_dask_engine_finds_what_the_local_engine_finds(corpus, tmp_path):
    from checker import distributed, run

    corpus = corpus or _parted(tmp_path / "parted")
    local = run.check(corpus, Settings())
    if corpus.name == "parted":
        assert len(local.corpus.stories) == 2 and all(st.parted for st in local.corpus.stories)
    dask = distributed.check(corpus, Settings(engine="dask", jobs=2, cache_dir=str(tmp_path / "cache")))
    assert local.findings and render_json(dask) == render_json(local)
    # From the cache the workers filled: nothing read again, the same report.
    again = distributed.check(corpus, Settings(engine="dask", jobs=2, cache_dir=str(tmp_path / "cache")))
    assert render_json(again) == render_json(local)


@pytest.mark.slow
def test_the_command_line_runs_the_dask_engine_and_says_when_no_scheduler_answers(tmp_path):
    local = run_cli("check", str(STORIES), "--format", "json", "--no-cache", "--exit-zero")
    dask = run_cli("check", str(STORIES), "--format", "json", "--no-cache", "--exit-zero", "--engine", "dask",
                   "--jobs", "2")
    assert dask.returncode == 0 and dask.stdout == local.stdout
    proc = run_cli("check", str(STORIES), "--no-cache", "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9")
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines()[-1].startswith("checker: error: cannot reach the dask scheduler at "
                                                           "tcp://127.0.0.1:9")
    proc = run_cli("check", str(STORIES), "--no-cache", "--scheduler", "tcp://127.0.0.1:9")
    assert proc.returncode == 2 and proc.stderr.strip() == \
        "checker: error: --scheduler names a dask scheduler: use it with --engine dask"
