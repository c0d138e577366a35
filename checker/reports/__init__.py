"""Stage 5: reports. Interchangeable views of one Result: text, json, markdown."""

from checker.reports.json_report import render_json, report_dict
from checker.reports.markdown import render_markdown
from checker.reports.text import render_text

FORMATS = {"text": render_text, "json": render_json, "markdown": render_markdown}

__all__ = ["FORMATS", "render_json", "render_markdown", "render_text", "report_dict"]
