"""The dask engine gives the local engine's findings: on the seeds, and on a corpus of several stories."""

from __future__ import annotations

import pytest
from conftest import CORPUS, ROOT, run_cli

from checker.config import Settings
from checker.reports import render_json

STORIES = ROOT / "tests" / "stories"


@pytest.mark.slow
@pytest.mark.parametrize("corpus", [CORPUS, STORIES], ids=["seeds", "stories"])
def test_the_dask_engine_finds_what_the_local_engine_finds(corpus, tmp_path):
    from checker import distributed, run

    local = run.check(corpus, Settings())
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
