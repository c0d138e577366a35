"""The markdown report as a reader's browser shows it: rendered to HTML by a CommonMark renderer with GitHub's
tables (markdown-it-py, raw HTML allowed, as many renderers do) and opened in headless Chromium, which runs
whatever the page holds. Quoted article text full of markup must leave the page's structure as plain text
leaves it, run no script and load nothing, and the page must draw.

Chromium is a system package (Debian's `chromium`); .ci/run installs it, and sets CHECKER_BROWSER=required
so that CI fails rather than skips when it is missing. Elsewhere the test is skipped without it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from test_report_views import NASTY, _quoting, make_result

from checker.reports import render_markdown

pytestmark = pytest.mark.slow

BROWSER_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--hide-scrollbars", "--window-size=1280,2400", "--timeout=20000"]
# Script and markup an article could carry; if the page ran it, the title and the body would say so.
PAYLOAD = NASTY + " <script>document.title='ran'</script> <img src=x onerror=\"document.title='ran'\">"


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("CHECKER_BROWSER") == "required":
            pytest.fail("CHECKER_BROWSER=required but no chromium is installed")
        pytest.skip("no chromium installed (Debian: apt-get install chromium)")
    return found


def page(markdown: str) -> str:
    from markdown_it import MarkdownIt

    body = MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown)
    return f"<!doctype html><html><head><meta charset='utf-8'><title>report</title></head><body>{body}</body></html>"


class Elements(HTMLParser):
    """Counts of the elements of a page, and its title."""

    def __init__(self, html: str):
        super().__init__()
        self.counts: dict[str, int] = {}
        self.title, self._in_title = "", False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.counts[tag] = self.counts.get(tag, 0) + 1
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def rendered(tmp_path: Path, name: str, markdown: str) -> tuple[Elements, Path]:
    """The page's DOM after the browser ran it, and a screenshot of it."""
    html = tmp_path / f"{name}.html"
    html.write_text(page(markdown), "utf-8")
    browser = chromium()
    # A script that ran and called alert() would block the page: a page that never finishes fails the test.
    dom = subprocess.run([browser, *BROWSER_FLAGS, "--dump-dom", html.as_uri()], capture_output=True, text=True,
                         timeout=60, cwd=tmp_path)
    assert dom.returncode == 0, dom.stderr[-2000:]
    shot = tmp_path / f"{name}.png"
    subprocess.run([browser, *BROWSER_FLAGS, f"--screenshot={shot}", html.as_uri()], capture_output=True, timeout=60,
                   cwd=tmp_path, check=True)
    return Elements(dom.stdout), shot


def test_quoted_markup_in_the_report_neither_runs_nor_changes_the_page(tmp_path):
    result = make_result()
    plain, plain_shot = rendered(tmp_path, "plain", render_markdown(_quoting(result, "plain words here")))
    hostile, hostile_shot = rendered(tmp_path, "hostile", render_markdown(_quoting(result, PAYLOAD)))
    assert hostile.title == plain.title == "report"  # no script of the article's ran
    for tag in ("h1", "h2", "h3", "table", "tr", "td", "th", "ul", "li", "p"):
        assert hostile.counts.get(tag, 0) == plain.counts.get(tag, 0), tag
    for tag in ("script", "img", "a", "b"):
        assert hostile.counts.get(tag, 0) == plain.counts.get(tag, 0) == 0, tag
    for shot in (plain_shot, hostile_shot):  # the page drew: a PNG of the window, not an empty file
        data = shot.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
