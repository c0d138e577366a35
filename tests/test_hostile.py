"""Hostile and broken input: every file bounded, exit codes that keep their meaning, names and text that are
not clean Unicode, nothing a quoted file name or text can inject. The loader and the configuration run here
without the model; the cases that need real spaCy or the command line are marked slow."""

from __future__ import annotations

import json
import os
import sys

import pytest
from conftest import run_cli, write_corpus

from checker import cli
from checker.config import ConfigError, load_settings
from checker.corpus import load_corpus
from checker.corpus.characters import CONFUSABLES, clean, hidden
from checker.corpus.furniture import MAX_FURNITURE_CHARS, furniture_lines
from checker.corpus.loader import MAX_PIECE, _pieces
from checker.corpus.source import Paragraph, printable

ARTICLE = "Finance minister Arvid Lindqvaard said on Monday that exports rose 12% in March.\n"


def problems(corpus) -> dict[str, str]:
    return {p.path: p.message for p in corpus.problems}


# --- every file bounded ------------------------------------------------------------------------------


def test_a_named_pipe_is_skipped_with_one_line_not_read(tmp_path):
    write_corpus(tmp_path, ARTICLE)
    os.mkfifo(tmp_path / "pipe.txt")  # opening it for reading would block for ever
    corpus = load_corpus(tmp_path)
    assert [s.id for s in corpus] == ["s0"]
    assert problems(corpus) == {"pipe.txt": "not a regular file (a named pipe)"}


def test_a_link_to_a_device_is_skipped_though_its_size_reads_zero(tmp_path):
    write_corpus(tmp_path, ARTICLE)
    os.symlink("/dev/zero", tmp_path / "zero.txt")  # endless: a size check alone lets it through
    corpus = load_corpus(tmp_path)
    assert problems(corpus) == {"zero.txt": "not a regular file (a device)"}


def test_a_link_to_an_article_already_read_is_one_source(tmp_path):
    write_corpus(tmp_path, ARTICLE, "Exports rose 15% in March.\n")
    os.symlink(tmp_path / "s1.txt", tmp_path / "s2.txt")  # would outvote the other spelling as a second source
    corpus = load_corpus(tmp_path)
    assert [s.id for s in corpus] == ["s0", "s1"]
    assert problems(corpus) == {"s2.txt": "the same file as s1.txt (a link); read once, as one source"}


def test_a_link_loop_is_one_line(tmp_path):
    write_corpus(tmp_path, ARTICLE)
    os.symlink(tmp_path / "loop.txt", tmp_path / "loop.txt")
    assert "cannot be read" in problems(load_corpus(tmp_path))["loop.txt"]


def test_a_file_over_the_size_limit_is_skipped_with_one_line(tmp_path):
    write_corpus(tmp_path, ARTICLE, ARTICLE * 200)  # 16 KB
    corpus = load_corpus(tmp_path, max_bytes=10_000)
    assert [s.id for s in corpus] == ["s0"]
    assert problems(corpus)["s1.txt"].startswith("larger than the size limit (16 KB > 10 KB; max-file-kb")


def test_a_folder_that_cannot_be_listed_is_named(tmp_path, monkeypatch):
    write_corpus(tmp_path, ARTICLE)
    (tmp_path / "locked").mkdir()
    real = os.scandir

    def scandir(path):  # as for a folder of mode 000 to a user who is not root
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    corpus = load_corpus(tmp_path)
    assert [s.id for s in corpus] == ["s0"]
    assert problems(corpus) == {"locked": "folder cannot be read (Permission denied)"}


def test_a_paragraph_longer_than_the_model_reads_is_cut_into_pieces_at_sentence_ends():
    sentence = "The council met again on Tuesday and approved 12 new schools. "
    text = sentence * (2 * MAX_PIECE // len(sentence) + 5)
    pieces = _pieces(Paragraph(40, text))
    assert len(pieces) == 3 and all(len(p.text) <= MAX_PIECE for p in pieces)
    assert "".join(p.text for p in pieces) == text
    assert all(p.text.endswith(". ") for p in pieces[:-1])  # at a sentence end, not inside one
    assert [p.start for p in pieces] == [40, 40 + len(pieces[0].text), 40 + len(pieces[0].text) + len(pieces[1].text)]


def test_a_paragraph_with_no_sentence_end_or_space_is_still_cut_at_the_limit():
    pieces = _pieces(Paragraph(0, "x" * (MAX_PIECE * 2 + 7)))
    assert [len(p.text) for p in pieces] == [MAX_PIECE, MAX_PIECE, 7]


# --- metadata read safely and bounded ----------------------------------------------------------------

BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n" \
       "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\ntitle: *c\n"


@pytest.mark.parametrize(("front", "said"), [
    (BOMB, "front matter is not valid YAML (aliases (*name) are not allowed in metadata)"),
    ("k: " + "[" * 5000 + "]" * 5000, "front matter is not valid YAML (nested deeper than 20 levels)"),
    ("title: " + "x" * 70_000, "front matter is larger than 64 KB; metadata is a few keys"),
])
def test_front_matter_that_would_exhaust_memory_or_the_stack_is_one_line(tmp_path, front, said):
    write_corpus(tmp_path, ARTICLE)
    (tmp_path / "bomb.md").write_text(f"---\n{front}\n---\n{ARTICLE}", "utf-8")
    assert problems(load_corpus(tmp_path)) == {"bomb.md": said}


def test_ordinary_front_matter_is_still_read(tmp_path):
    (tmp_path / "a.md").write_text(f"---\noutlet: Korsk Herald\ndate: 2025-06-10\n---\n{ARTICLE}", "utf-8")
    (source,) = load_corpus(tmp_path).sources
    assert source.meta == {"outlet": "Korsk Herald", "date": "2025-06-10"}


@pytest.mark.parametrize(("make", "said"), [
    (lambda p: p.mkdir(), "metadata file s0.meta.yaml: not a regular file (a folder)"),
    (lambda p: p.write_bytes("title: caf\xe9\n".encode("latin-1")), "metadata file s0.meta.yaml is not UTF-8"),
    (lambda p: p.write_text(BOMB, "utf-8"),
     "metadata file s0.meta.yaml is not valid YAML (aliases (*name) are not allowed in metadata)"),
])
def test_a_sidecar_that_is_a_folder_not_utf8_or_a_bomb_is_one_line(tmp_path, make, said):
    write_corpus(tmp_path, ARTICLE)
    make(tmp_path / "s0.meta.yaml")
    assert problems(load_corpus(tmp_path)) == {"s0.txt": said}


# --- furniture: bounded, and never a reporting sentence for a word in it ------------------------------


def test_a_long_line_is_never_furniture_and_a_phone_pattern_is_bounded():
    punctuation = "(" * 2 + "- . " * 40_000  # quadratic under the old phone pattern: minutes
    assert furniture_lines([punctuation, "Tel: +44 20 7946 0958"]) == {1}
    assert furniture_lines(["x" * (MAX_FURNITURE_CHARS + 1) + " newsletter"]) == set()


def test_a_furniture_word_inside_a_reporting_sentence_with_a_figure_keeps_the_sentence():
    lines = ["Its weekly newsletter said on Monday that exports to the region rose 12% in March, the ministry said.",
             "Subscribe to our newsletter", "Sign up for our newsletter for 3 months free"]
    assert furniture_lines(lines) == {1, 2}



def test_a_furniture_phrase_inside_a_quote_someone_said_keeps_the_paragraph():
    """A paragraph that quotes a spokesperson ("Call us and we will book the car in") is reporting, figure or not;
    the same phrase speaking to the reader is advertising."""
    lines = ['Vessler spokesperson Nora Dunmore told the Gazette the company would write to every owner within '
             'four weeks. "Call us and we will book the car in immediately," she said.',
             "Call us today and subscribe to our newsletter for the best deals on cars this week.",
             "Need help? Chat with us"]
    assert furniture_lines(lines) == {1, 2}

# --- names and text that are not clean Unicode --------------------------------------------------------


@pytest.mark.parametrize(("name", "shown"), [
    (os.fsdecode(b"c\xff.txt"), "c\\xff.txt"),
    ("x\n::error file=a.txt::injected.txt", "x\\n::error file=a.txt::injected.txt"),
    ("a\u202etxt.exe", "a\\u202etxt.exe"),
    ("caf\u00e9 \u0421.txt", "caf\u00e9 \u0421.txt"),  # letters are letters, whatever the script
])
def test_a_file_name_is_shown_on_one_line_with_what_cannot_be_shown_escaped(name, shown):
    assert printable(name) == shown


def test_an_undecodable_or_multiline_file_name_is_escaped_in_the_source_and_its_problems(tmp_path):
    write_corpus(tmp_path, ARTICLE)
    (tmp_path / "x\n::error::y.txt").write_text(ARTICLE, "utf-8")
    with open(os.fsencode(tmp_path) + b"/c\xff.txt", "wb") as fh:
        fh.write(b"\x00binary")
    corpus = load_corpus(tmp_path)
    assert [(s.id, s.path) for s in corpus] == [("s0", f"{tmp_path}/s0.txt"), ("x\\n::error::y", f"{tmp_path}/x\\n::error::y.txt")]
    assert problems(corpus) == {"c\\xff.txt": "binary file, not an article"}


@pytest.mark.parametrize("text", [
    "Arvid Lind\u200bqvaard said exports rose 1\u00ad2% in March.",
    "A\u202erv\u200did Lind\u2060qvaard \ufeffsaid.",
    "Lindqv\u0430ard and L\u0456ndqvaard and \u041c\u043e\u0441\u043a\u0432\u0430",
])
def test_clean_text_maps_every_character_read_back_to_the_file(text):
    read, removed = clean(text)
    p = Paragraph(100, read, removed)
    original = " " * 100 + text
    shown = [original[p.source_offset(i)] for i in range(len(read))]
    assert all(a == b or CONFUSABLES.get(a) == b for a, b in zip(shown, read, strict=True))
    kept = [100 + i for i, ch in enumerate(text) if not hidden(ch) or ch in "\u0430\u0456"]
    assert p.source_end(len(read)) == kept[-1] + 1  # a stretch ends after its last character read
    assert p.source_end(3) == p.source_offset(2) + 1


def test_clean_reads_a_look_alike_letter_only_inside_a_latin_word():
    assert clean("Lindqv\u0430ard, \u041c\u043e\u0441\u043a\u0432\u0430")[0] == "Lindqvaard, \u041c\u043e\u0441\u043a\u0432\u0430"
    assert hidden("Lind\u200bqv\u0430ard") == ["a Cyrillic '\u0430' (U+0430) read as 'a'", "a zero width space (U+200B)"]


# --- configuration: every value checked, the key named -----------------------------------------------


@pytest.mark.parametrize(("toml", "said"), [
    ('rules = "NUM002"', 'rules must be a table, like [rules] NUM002 = "info"; not "NUM002"'),
    ("include = 5", 'include must be a list of strings, like include = ["*.txt", "*.md"]; not 5'),
    ('include = "*.md"', 'include must be a list of strings, like include = ["*.txt", "*.md"]; not "*.md"'),
    ('vocabulary = "x"', 'vocabulary must be a table, like [vocabulary.places]; not "x"'),
    ("max-file-kb = 0", "max-file-kb must be a whole number over 0, like max-file-kb = 2000; not 0"),
    ('model = 3', 'model must be a string, like model = "en_core_web_sm"; not 3'),
    ("[rules]\nNUM002 = 1", 'rules must be a table, like [rules] NUM002 = "info"; not {"NUM002": 1}'),
    ("[vocabulary]\nplaces = 1", 'vocabulary.places must be a table, like "European Central Bank" = ["ECB"]; not 1'),
])
def test_a_setting_of_the_wrong_type_is_one_line_naming_the_key(tmp_path, toml, said):
    path = tmp_path / "checker.toml"
    path.write_text(toml + "\n", "utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    assert str(caught.value) == f"{path}: {said}"


def test_max_file_kb_is_read_from_the_configuration(tmp_path):
    path = tmp_path / "checker.toml"
    path.write_text("max-file-kb = 50\n", "utf-8")
    settings = load_settings(path)
    assert settings.max_file_kb == 50 and settings.origin["max_file_kb"] == str(path)


def test_a_pyproject_that_is_not_toml_is_passed_over_with_a_warning(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.checker\nfail-on = 'error'\n", "utf-8")
    settings = load_settings(start=tmp_path)
    assert settings.fail_on == "warning"
    (warning,) = settings.warnings
    assert warning.startswith(f"{tmp_path / 'pyproject.toml'}: not valid TOML") and warning.endswith("is not read")


# --- exit codes: 1 says findings, nothing else --------------------------------------------------------


def test_an_unexpected_error_exits_2_with_one_line_not_1(monkeypatch, capsys, tmp_path):
    write_corpus(tmp_path, ARTICLE)

    def broken(*_args, **_kwargs):
        raise RuntimeError("something nobody foresaw\nwith a second line")

    monkeypatch.setattr("checker.run.check", broken)
    monkeypatch.setattr(sys, "argv", ["checker", "check", str(tmp_path)])
    with pytest.raises(SystemExit) as caught:
        cli.main()
    assert caught.value.code == 2
    assert capsys.readouterr().err.splitlines() == [
        "checker: error: unexpected RuntimeError: something nobody foresaw; this is a bug in checker, please "
        "report it with the command that raised it"]


def test_an_interrupt_exits_130_with_one_line(monkeypatch, capsys, tmp_path):
    write_corpus(tmp_path, ARTICLE)

    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("checker.run.check", interrupted)
    monkeypatch.setattr(sys, "argv", ["checker", "check", str(tmp_path)])
    with pytest.raises(SystemExit) as caught:
        cli.main()
    assert caught.value.code == 130


# --- the command line, with the real model -----------------------------------------------------------


@pytest.mark.slow
def test_a_file_name_with_a_newline_never_starts_a_line_of_any_output(tmp_path):
    corpus = write_corpus(tmp_path / "c", ARTICLE, ARTICLE.replace("12%", "15%"))
    (corpus / "x\n::error file=evil.txt::injected.txt").write_text(ARTICLE, "utf-8")
    (corpus / "y\n::warning::z.txt").write_bytes(b"\x00")
    with open(os.fsencode(corpus) + b"/w\xff.txt", "w", encoding="utf-8") as fh:  # not UTF-8: once a crash
        fh.write(ARTICLE)
    for fmt in ("text", "github", "json", "markdown", "sarif"):
        proc = run_cli("check", str(corpus), "--format", fmt)
        assert proc.returncode == 1, (fmt, proc.stderr)
        for line in (proc.stdout + proc.stderr).splitlines():
            assert not line.lstrip().startswith("::error file=evil") and not line.startswith("::warning::z"), (fmt, line)
        assert "checker: y\\n::warning::z.txt: binary file, not an article" in proc.stderr
        if fmt == "text":
            assert "x\\n::error file=evil.txt::injected" in proc.stdout and "w\\xff" in proc.stdout
        if fmt == "json":
            paths = {s["id"]: s["path"] for s in json.loads(proc.stdout)["sources"]}
            assert paths["x\\n::error file=evil.txt::injected"].endswith("/x\\n::error file=evil.txt::injected.txt")
            assert paths["w\\xff"].endswith("/w\\xff.txt")


@pytest.mark.slow
def test_output_to_a_folder_and_a_summary_in_a_missing_folder_are_one_line_each(tmp_path):
    corpus = write_corpus(tmp_path / "c", ARTICLE, ARTICLE.replace("12%", "15%"))
    proc = run_cli("check", str(corpus), "-o", str(tmp_path))
    assert proc.returncode == 2 and proc.stderr.strip() == f"checker: error: {tmp_path}: is a folder; name a file to write"
    proc = run_cli("check", str(corpus), env={"GITHUB_STEP_SUMMARY": str(tmp_path / "no" / "summary.md")})
    assert proc.returncode == 1  # the gate still says what it found
    assert proc.stderr.strip() == (f"checker: warning: GITHUB_STEP_SUMMARY {tmp_path / 'no' / 'summary.md'}: "
                                   f"cannot be written (No such file or directory)")


@pytest.mark.slow
@pytest.mark.parametrize("config", ["missing.toml", "."])
def test_a_config_that_is_missing_or_a_folder_exits_2_with_one_line(tmp_path, config):
    corpus = write_corpus(tmp_path / "c", ARTICLE)
    proc = run_cli("check", str(corpus), "--config", str(tmp_path / config))
    assert proc.returncode == 2
    (line,) = proc.stderr.strip().splitlines()
    assert line.startswith(f"checker: error: {tmp_path / config}: cannot be read")


@pytest.mark.slow
@pytest.mark.parametrize("hide", ["\u200b", "\u200d", "\u00ad", "\u202e", "\u0430"])
def test_a_name_with_a_hidden_character_is_read_as_the_name_and_said(tmp_path, hide):
    """Three sources spell the minister alike; in one of them the name hides a character. It is the same name:
    no spelling finding flags it (or, worse, the correct name), and NAME004 says what was read."""
    odd = "Lindqv" + ("\u0430" if hide == "\u0430" else "a" + hide) + "ard" if hide == "\u0430" else f"Lind{hide}qvaard"
    corpus = write_corpus(tmp_path / "c", ARTICLE, ARTICLE.replace("Lindqvaard", odd),
                          "Finance minister Arvid Lindqvaard said on Monday that exports rose 15% in March.\n")
    proc = run_cli("check", str(corpus), "--format", "json")
    findings = json.loads(proc.stdout)["findings"]
    rules = sorted(f["rule"] for f in findings)
    assert rules == ["NAME004", "NUM001"], [f["message"] for f in findings]
    (name,) = [f for f in findings if f["rule"] == "NAME004"]
    assert name["subject"] == "Arvid Lindqvaard"
    (e,) = name["evidence"]
    assert e["source"] == "s1" and e["span"] == f"Arvid {odd}" and (e["line"], e["column"]) == (1, 18)
    (figure,) = [f for f in findings if f["rule"] == "NUM001"]
    assert {e["source"] for e in figure["evidence"]} == {"s0", "s1", "s2"}  # the figure of the odd source still read


def test_a_config_that_is_not_utf8_is_one_line(tmp_path):
    path = tmp_path / "checker.toml"
    path.write_bytes(b'model = "caf\xe9"\n')
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    assert str(caught.value).startswith(f"{path}: cannot be read (UnicodeDecodeError") and one_line(str(caught.value))


def one_line(text: str) -> bool:
    return "\n" not in text


def test_html_in_a_template_or_hidden_is_not_article_text(tmp_path):
    (tmp_path / "a.html").write_text(
        "<html><body><article><p>Exports rose 12% in March, the finance ministry said on Monday.</p>"
        "<template><p>Exports rose 99% in March, the ministry said.</p></template>"
        "<p hidden>Exports rose 77% in March, the ministry said.</p></article></body></html>", "utf-8")
    (source,) = load_corpus(tmp_path).sources
    assert "12%" in source.text and "99%" not in source.text and "77%" not in source.text


@pytest.mark.slow
def test_a_paragraph_longer_than_a_piece_is_read_whole_with_the_real_model(tmp_path):
    from checker.config import Settings
    from checker.run import check, pipeline

    assert MAX_PIECE < pipeline(Settings().model).max_length  # a piece is never refused
    filler = "The council met again on Tuesday and talked about roads. " * (2 * MAX_PIECE // 58 + 20)
    text = f"{filler}Exports rose 12% in March, Lindqvaard said. {filler}Exports rose 15% in March, the ministry said.\n"
    write_corpus(tmp_path, text, "Exports rose 12% in March, Lindqvaard said.\n")
    result = check(tmp_path)
    figures = sorted((c.source, c.span, c.column) for c in result.claims if c.span in ("12%", "15%"))
    assert figures == [("s0", "12%", len(filler) + 14), ("s0", "15%", 2 * len(filler) + 58), ("s1", "12%", 14)]


@pytest.mark.slow
def test_nothing_reaches_the_network(monkeypatch, tmp_path):
    import socket

    def refused(*_args, **_kwargs):
        raise AssertionError("checker opened a network connection")

    monkeypatch.setattr(socket.socket, "connect", refused)
    monkeypatch.setattr(socket, "create_connection", refused)
    from checker.run import check

    corpus = write_corpus(tmp_path / "c", ARTICLE, ARTICLE.replace("12%", "15%"))
    (corpus / "p.html").write_text(f"<html><body><article><p>{ARTICLE}</p></article></body></html>", "utf-8")
    assert [f.rule for f in check(corpus).findings] == ["NUM001"]


@pytest.mark.slow
def test_an_interrupt_during_a_run_exits_130_without_a_traceback(tmp_path):
    import signal
    import subprocess
    import time

    # Paragraphs that differ (one that several sources carry is parsed once) and no cache (a run read before is
    # answered from it): the run is still reading when the interrupt comes.
    corpus = write_corpus(tmp_path / "c", *("".join(ARTICLE.replace("12%", f"{400 * i + k}%") for k in range(400))
                                            for i in range(4)))
    # A suite started in the background (`make test &`) passes an ignored SIGINT on to its children, and Python
    # keeps it ignored: the run is given the default back, as a terminal's run has it.
    proc = subprocess.Popen([sys.executable, "-m", "checker", "check", "--no-cache", str(corpus)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    time.sleep(3)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130 and "Traceback" not in err, err


@pytest.mark.slow
def test_an_error_in_one_paragraph_is_one_line_and_the_rest_is_read(monkeypatch, tmp_path):
    from checker.claims import extract
    from checker.run import check

    real = extract.doc_claims

    def fragile(doc, *args):
        if "Marrowby" in doc.text:
            raise ValueError("a case nobody foresaw")
        return real(doc, *args)

    monkeypatch.setattr(extract, "doc_claims", fragile)  # read from its module at each reading
    corpus = write_corpus(tmp_path / "c", ARTICLE + "\nThe port of Marrowby reopened.\n", ARTICLE.replace("12%", "15%"))
    result = check(corpus)
    assert [f.rule for f in result.findings] == ["NUM001"]  # both files' figures read
    assert [str(p) for p in result.problems] == [
        f"{corpus / 's0.txt'}: the paragraph at line 3 could not be read (ValueError); the rest of the file is"]


def test_a_run_without_spaces_longer_than_any_word_is_read_in_words_of_at_most_max_word():
    from checker.corpus.characters import MAX_WORD

    text = "It rose 12%. " + "%" * (3 * MAX_WORD) + " Then it fell."
    read, removed = clean(text)
    assert len(read) == len(text) and removed == ()  # one for one: offsets unchanged
    assert max(len(w) for w in read.split()) == MAX_WORD and read.split()[:3] == ["It", "rose", "12%."]
    assert clean("https://example.invalid/" + "a" * 150)[0] == "https://example.invalid/" + "a" * 150  # a URL is a word


# --- reports and baselines written whole or not at all -----------------------------------------------


@pytest.mark.parametrize("failure", [KeyboardInterrupt(), OSError(28, "No space left on device")])
def test_an_interrupted_or_failed_write_leaves_the_old_file_whole_and_no_temporary_file(tmp_path, monkeypatch, failure):
    baseline = tmp_path / "checker-baseline.json"
    baseline.write_text('{"version": 1, "entries": []}\n', "utf-8")
    real_fdopen = os.fdopen

    def failing_fdopen(*args, **kwargs):
        handle = real_fdopen(*args, **kwargs)
        real_write = handle.write

        def write(text):
            real_write(text[: len(text) // 2])  # half the new baseline is on disk when the write fails
            raise failure

        handle.write = write
        return handle

    monkeypatch.setattr(os, "fdopen", failing_fdopen)
    with pytest.raises(type(failure)):
        cli.write_atomic(baseline, '{"version": 1, "entries": [' + '"x", ' * 1000 + '"y"]}\n')
    assert baseline.read_text("utf-8") == '{"version": 1, "entries": []}\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["checker-baseline.json"]


@pytest.mark.slow
def test_a_paragraph_over_a_million_characters_is_checked_not_refused(tmp_path):
    """spaCy refuses a text over 1,000,000 characters (E088): the paragraph is read in pieces. Its bulk is one
    run of letters, which the model reads as words of 200, so the test is quick."""
    from checker.run import check

    text = "Exports rose 12% in March, the ministry said. " + "a" * 1_050_000 + " Exports rose 15% in March.\n"
    write_corpus(tmp_path, text, "Exports rose 12% in March, the ministry said.\n")
    result = check(tmp_path)
    assert result.problems == ()
    assert sorted((c.source, c.span) for c in result.claims if c.span in ("12%", "15%")) == [
        ("s0", "12%"), ("s0", "15%"), ("s1", "12%")]
