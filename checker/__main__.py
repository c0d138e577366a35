"""`python -m checker` runs the command line."""

from checker.cli import app

app(prog_name="checker")
