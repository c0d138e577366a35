"""Settings: defaults, then `[tool.checker]` in pyproject.toml or a checker.toml, then flags.

    [tool.checker]
    model = "en_core_web_sm"          # any installed spaCy English pipeline
    fail-on = "warning"               # error | warning | info
    include = ["*.txt", "*.md"]       # globs on paths relative to the corpus
    exclude = ["drafts/*"]
    [tool.checker.rules]
    NUM002 = "info"                   # a severity, or "off"
    [tool.checker.vocabulary.places]
    "European Central Bank" = ["ECB", "Frankfurt"]
    [tool.checker.vocabulary.nicknames]
    kit = "christopher"
    [tool.checker.vocabulary.spellings]   # spellings of a name accepted as the same
    "Zelenskyy" = ["Zelensky", "Zelenskiy"]
"""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from checker.findings.rules import RULES, SEVERITIES
from checker.nlp import DEFAULT_MODEL
from checker.values.vocabulary import Vocabulary, build_vocabulary, default_vocabulary


class ConfigError(ValueError):
    """A configuration that cannot be used; the message is one line."""


@dataclass
class Settings:
    model: str = DEFAULT_MODEL
    fail_on: str = "warning"
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    rules: dict[str, str] = field(default_factory=dict)
    places: dict[str, list[str]] = field(default_factory=dict)
    offices: list[str] = field(default_factory=list)
    office_synonyms: dict[str, str] = field(default_factory=dict)
    nicknames: dict[str, str] = field(default_factory=dict)
    spellings: dict[str, list[str]] = field(default_factory=dict)
    baseline: str | None = None  # path of the baseline file, relative to the working directory
    origin: dict[str, str] = field(default_factory=dict)  # setting -> where its value came from

    def rule_severity(self, code: str, default: str) -> str:
        return self.rules.get(code, default)

    def vocabulary(self) -> Vocabulary:
        if not (self.places or self.offices or self.office_synonyms or self.nicknames or self.spellings):
            return default_vocabulary()
        return build_vocabulary(self.places, self.offices, self.office_synonyms, self.nicknames, self.spellings)


def find_config(start: Path) -> Path | None:
    """checker.toml, or a pyproject.toml with [tool.checker], in start or its parents."""
    for folder in [start, *start.parents]:
        own = folder / "checker.toml"
        if own.is_file():
            return own
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            try:
                data = tomllib.loads(pyproject.read_text("utf-8"))
            except (tomllib.TOMLDecodeError, OSError):
                continue
            if "checker" in data.get("tool", {}):
                return pyproject
    return None


def _table(path: Path) -> dict:
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    return data.get("tool", {}).get("checker", {}) if path.name == "pyproject.toml" else data


def load_settings(config: Path | None = None, start: Path | None = None) -> Settings:
    settings = Settings()
    settings.origin = {k: "default" for k in ("model", "fail_on", "baseline", "include", "exclude", "rules", "vocabulary")}
    env_model = os.environ.get("CHECKER_MODEL")
    path = config or find_config(start or Path.cwd())
    if path is not None:
        table = _table(path)
        where = str(path)
        if "model" in table:
            settings.model, settings.origin["model"] = str(table["model"]), where
        if "fail-on" in table:
            settings.fail_on, settings.origin["fail_on"] = str(table["fail-on"]), where
        for key in ("include", "exclude"):
            if key in table:
                setattr(settings, key, [str(g) for g in table[key]])
                settings.origin[key] = where
        if "rules" in table:
            settings.rules, settings.origin["rules"] = {str(k): str(v) for k, v in table["rules"].items()}, where
        if "baseline" in table:  # relative to the configuration file, like every path in it
            settings.baseline = os.path.relpath(path.parent / str(table["baseline"]))
            settings.origin["baseline"] = where
        vocab = table.get("vocabulary", {})
        if vocab:
            settings.origin["vocabulary"] = where
        for name in ("places", "spellings"):
            for k, v in vocab.get(name, {}).items():
                if not isinstance(v, list):
                    raise ConfigError(f"{path}: vocabulary.{name}.{k} must be a list of names, like [\"{v}\"]")
        settings.places = {str(k): [str(x) for x in v] for k, v in vocab.get("places", {}).items()}
        settings.offices = [str(x) for x in vocab.get("offices", [])]
        settings.office_synonyms = {str(k): str(v) for k, v in vocab.get("office-synonyms", {}).items()}
        settings.nicknames = {str(k).lower(): str(v).lower() for k, v in vocab.get("nicknames", {}).items()}
        settings.spellings = {str(k): [str(x) for x in v] for k, v in vocab.get("spellings", {}).items()}
    if env_model:
        settings.model, settings.origin["model"] = env_model, "CHECKER_MODEL"
    validate(settings)
    return settings


def validate(settings: Settings) -> None:
    if settings.fail_on not in SEVERITIES:
        raise ConfigError(f"fail-on must be one of {', '.join(SEVERITIES)}, not '{settings.fail_on}'")
    for code, level in settings.rules.items():
        if code not in RULES:
            raise ConfigError(f"unknown rule '{code}' in [rules]; known: {', '.join(sorted(RULES))}")
        if level not in (*SEVERITIES, "off"):
            raise ConfigError(f"rule {code}: severity must be error, warning, info or off, not '{level}'")


def render_settings(settings: Settings) -> str:
    """The settings as TOML, each with a comment naming its origin."""
    def line(key: str, value, origin: str) -> str:
        return f"{key} = {json.dumps(value, ensure_ascii=False)}".ljust(40) + f"  # {origin}"

    o = settings.origin
    out = ["[tool.checker]",
           line("model", settings.model, o.get("model", "default")),
           line("fail-on", settings.fail_on, o.get("fail_on", "default")),
           line("baseline", settings.baseline or "", o.get("baseline", "default")),
           line("include", settings.include, o.get("include", "default")),
           line("exclude", settings.exclude, o.get("exclude", "default")),
           "", f"[tool.checker.rules]  # {o.get('rules', 'default')}"]
    for code, rule in RULES.items():
        level = settings.rule_severity(code, rule.severity)
        out.append(line(code, level, o.get("rules", "default") if code in settings.rules else "default"))
    vocab = [("places", settings.places), ("offices", settings.offices), ("office-synonyms", settings.office_synonyms),
             ("nicknames", settings.nicknames), ("spellings", settings.spellings)]
    out += ["", f"[tool.checker.vocabulary]  # {o.get('vocabulary', 'default')}, added to checker/data"]
    out += [line(name, value, o.get("vocabulary", "default")) for name, value in vocab]
    return "\n".join(out) + "\n"
