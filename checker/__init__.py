"""checker: find where news sources disagree on figures, dates, names and titles.

The way through the code: corpus -> claims -> groups -> findings -> reports.
"""

__version__ = "0.1.0"
