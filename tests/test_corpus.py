"""Stage 1: reading files, metadata, furniture, bad input."""

from __future__ import annotations

import os
from pathlib import Path

from conftest import CORPUS

from checker.corpus import load_corpus
from checker.corpus.furniture import furniture_lines

NEVER = ["TEKEDIA", "Tekedia", "25432352", "September 6", "Need Help", "bottom of page", "top of page"]


def test_seed_furniture_never_reaches_a_paragraph():
    corpus = load_corpus(CORPUS)
    sources, problems = corpus.sources, corpus.problems
    assert not problems
    assert len(sources) == 5
    for s in sources:
        for p in s.paragraphs:
            for t in NEVER:
                assert t not in p.text, (s.id, t)


def test_reporting_lines_are_kept_next_to_an_advert():
    sources = load_corpus(CORPUS).sources
    s = next(x for x in sources if x.id.startswith("004"))
    text = " ".join(p.text for p in s.paragraphs)
    assert "“First, we had to release negativity,” Larick told journalists." in text
    assert "Lutnick confirmed that the two delegations had agreed" in text
    assert (7, 10) in s.furniture


def test_footer_runs_are_cut_as_a_block():
    lines = ["The minister said the deal would hold until the end of the year, officials said.", "",
             "Need Help? Chat with us", "", "Home", "", "Products", "", "contact"]
    assert furniture_lines(lines) == {2, 4, 6, 8}


def test_a_short_line_with_a_figure_beside_a_date_line_is_a_headline_not_furniture():
    """The date line under a headline is furniture; the headline's "78" is a claim, not a menu item."""
    lines = ["Vincent Marrowby, 78, Crime Boss", "", "December 20, 2005",
             "Vincent Marrowby, who died yesterday in federal prison at 77, was the boss.", "", "Home"]
    assert furniture_lines(lines) == {2, 5}
    assert furniture_lines(["Crime Boss Obituary", "", "December 20, 2005"]) == {0, 2}


def test_offsets_map_to_line_and_column():
    sources = load_corpus(CORPUS).sources
    s = next(x for x in sources if x.id.startswith("001"))
    offset = s.text.index("over 80%")
    line, col = s.line_col(offset)
    assert s.text.split("\n")[line - 1][col - 1 :].startswith("over 80%")
    assert line == 33


def test_front_matter_and_sidecar_metadata(tmp_path: Path):
    (tmp_path / "a.md").write_text("---\noutlet: Daily Planet\ndate: 2025-06-11\n---\nThe mayor said 40 people attended.\n", "utf-8")
    (tmp_path / "b.txt").write_text("The mayor said 45 people attended.\n", "utf-8")
    (tmp_path / "b.meta.yaml").write_text("outlet: Gazette\nurl: https://example.org/b\n", "utf-8")
    corpus = load_corpus(tmp_path)
    sources, problems = corpus.sources, corpus.problems
    assert not problems
    a, b = sources
    assert a.meta == {"outlet": "Daily Planet", "date": "2025-06-11"}
    assert b.meta == {"outlet": "Gazette", "url": "https://example.org/b"}
    # front matter lines are blanked, not removed: line numbers stay those of the file
    assert a.line_col(a.paragraphs[0].start) == (5, 1)


def test_html_goes_through_an_extraction_library(tmp_path: Path):
    html = """<html><head><title>Talks end</title></head><body>
    <nav><a href="/">Home</a> | <a href="/about">About us</a></nav>
    <article><h1>Talks end in London</h1>
    <p>Officials said on Tuesday that the two delegations had reached a framework after two days of talks in London.</p>
    <p>Treasury Secretary Scott Bessent said the talks had been productive and that the work would go on.</p>
    </article><footer>Subscribe to our newsletter</footer></body></html>"""
    (tmp_path / "page.html").write_text(html, "utf-8")
    corpus = load_corpus(tmp_path)
    sources, problems = corpus.sources, corpus.problems
    assert not problems
    text = " ".join(p.text for p in sources[0].paragraphs)
    assert "Treasury Secretary Scott Bessent" in text
    assert "newsletter" not in text and "About us" not in text


def test_bad_files_get_one_line_each_and_the_rest_is_read(tmp_path: Path):
    (tmp_path / "good.txt").write_text("The council said 40 people attended the meeting on Monday.\n", "utf-8")
    (tmp_path / "empty.txt").write_text("", "utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "latin1.txt").write_bytes("Le ministre a dit: caf\xe9 \xe0 40%.".encode("latin-1"))
    os.symlink(tmp_path / "missing.txt", tmp_path / "dangling.txt")
    (tmp_path / "ads.txt").write_text("Need Help? Chat with us\nHome\nProducts\n", "utf-8")
    corpus = load_corpus(tmp_path)
    sources, problems = corpus.sources, corpus.problems
    assert [s.id for s in sources] == ["good"]
    said = {p.path: p.message for p in problems}
    assert set(said) == {"binary.txt", "dangling.txt", "empty.txt", "latin1.txt", "ads.txt"}
    assert "binary" in said["binary.txt"]
    assert "not UTF-8" in said["latin1.txt"]
    assert "cannot be read" in said["dangling.txt"]
    assert "empty" in said["empty.txt"]
    assert "furniture" in said["ads.txt"]
    assert all("\n" not in m for m in said.values())


def test_empty_folder_and_missing_path(tmp_path: Path):
    corpus = load_corpus(tmp_path)
    sources, problems = corpus.sources, corpus.problems
    assert not sources and len(problems) == 1 and "no articles" in problems[0].message
    corpus = load_corpus(tmp_path / "nope")
    sources, problems = corpus.sources, corpus.problems
    assert not sources and "no such file" in problems[0].message


def test_discovery_order_does_not_depend_on_the_file_system(tmp_path: Path):
    for name in ["b.txt", "a.txt", "c.md"]:
        (tmp_path / name).write_text(f"Officials said {name} reported 40 arrests.\n", "utf-8")
    sources = load_corpus(tmp_path).sources
    assert [s.id for s in sources] == ["a", "b", "c"]


def test_include_and_exclude_globs(tmp_path: Path):
    (tmp_path / "drafts").mkdir()
    (tmp_path / "a.txt").write_text("Officials said 40 people attended.\n", "utf-8")
    (tmp_path / "drafts" / "b.txt").write_text("Officials said 45 people attended.\n", "utf-8")
    sources = load_corpus(tmp_path, exclude=["drafts/*"]).sources
    assert [s.id for s in sources] == ["a"]
