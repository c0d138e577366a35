"""Stage 5: reports. Interchangeable views of one Result: text, json, markdown, sarif, github."""

from checker.reports.github import render_github
from checker.reports.json_report import render_json, report_dict
from checker.reports.markdown import render_markdown
from checker.reports.sarif import render_sarif, sarif_dict
from checker.reports.text import render_text

FORMATS = {"text": render_text, "json": render_json, "markdown": render_markdown, "sarif": render_sarif,
           "github": render_github}

__all__ = ["FORMATS", "render_github", "render_json", "render_markdown", "render_sarif", "render_text",
           "report_dict", "sarif_dict"]
