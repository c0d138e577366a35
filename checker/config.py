"""Settings: defaults, then `[tool.checker]` in pyproject.toml or a checker.toml, then flags.

    [tool.checker]
    model = "en_core_web_sm"          # any installed spaCy English pipeline
    fail-on = "warning"               # error | warning | info
    include = ["*.txt", "*.md"]       # globs on paths relative to the corpus
    exclude = ["drafts/*"]
    max-file-kb = 2000                # a bigger file is skipped, with a line on stderr
    stories = "auto"                  # auto | folders | cluster | one (corpus/stories.py)
    story-threshold = 0.9             # how unlike two clustered sources may be and tell one story, 0 to 1
    story-seam = 0.75                 # part a clustered story whose two groups are alike across under this
                                      # share of their likeness within, when a disagreement follows the line
    [tool.checker.rules]
    NUM002 = "info"                   # a severity, or "off"
    [tool.checker.vocabulary.places]
    "European Central Bank" = ["ECB", "Frankfurt"]
    [tool.checker.vocabulary.nicknames]
    kit = "christopher"
    [tool.checker.vocabulary.spellings]   # spellings of a name accepted as the same
    "Zelenskyy" = ["Zelensky", "Zelenskiy"]
    [tool.checker.vocabulary.qualifiers]  # words before a figure: gt ge lt le near just_over approx
    "north of" = "gt"
    [tool.checker.vocabulary.movement]    # verbs of movement, by lemma: up, down, move (way unsaid)
    up = ["balloon"]
    [tool.checker.vocabulary.frames.dead] # what a count of people measures, by verb and noun lemma
    verbs = ["succumb"]
    [tool.checker.vocabulary]             # surnames many people share: another first name, another person
    surnames = ["Okonjo"]

A checker.toml holds the same keys at its top level, or under [tool.checker] like a pyproject.toml.
A key checker does not know is an error, not a setting silently left at its default.
"""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from checker.corpus.stories import MODES as STORY_MODES
from checker.corpus.stories import SEAM as STORY_SEAM
from checker.corpus.stories import THRESHOLD as STORY_THRESHOLD
from checker.findings.rules import RULES, SEVERITIES
from checker.nlp import DEFAULT_MODEL
from checker.values.vocabulary import (
    MOVEMENT_KINDS,
    QUALIFIER_KINDS,
    Vocabulary,
    load_vocabulary,
)

KEYS = ("model", "fail-on", "include", "exclude", "rules", "baseline", "vocabulary", "max-file-kb", "stories",
        "story-threshold", "story-seam")
MAX_FILE_KB = 2000  # the loader's default limit, in KB
VOCABULARY_KEYS = ("places", "offices", "office-synonyms", "nicknames", "spellings", "qualifiers", "movement",
                   "frames", "surnames")


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
    qualifiers: dict[str, str] = field(default_factory=dict)
    movement: dict[str, list[str]] = field(default_factory=dict)
    frames: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    surnames: list[str] = field(default_factory=list)  # common surnames, added to data/surnames.toml
    baseline: str | None = None  # path of the baseline file, relative to the working directory
    max_file_kb: int = MAX_FILE_KB  # files larger than this are skipped
    stories: str = "auto"  # how sources are told apart into stories (corpus/stories.py)
    story_threshold: float = STORY_THRESHOLD
    story_seam: float = STORY_SEAM  # how far apart a clustered story's two groups must be to part it (checker.run.compare)
    cache_dir: str | None = None  # where what was read of each source is kept between runs (None: nowhere)
    jobs: int = 1  # processes that read the sources (0: one a core)
    engine: str = "local"  # "local", or "dask" to read and reconcile on a dask.distributed cluster
    scheduler: str | None = None  # the dask scheduler's address; None starts a LocalCluster
    origin: dict[str, str] = field(default_factory=dict)  # setting -> where its value came from
    warnings: list[str] = field(default_factory=list)  # what was passed over while reading, one line each

    def rule_severity(self, code: str, default: str) -> str:
        return self.rules.get(code, default)

    def vocabulary_extensions(self) -> dict:
        """The user's additions to the shipped vocabulary, as plain tables (a spaCy config holds them)."""
        extensions = {"places": self.places, "offices": self.offices, "office_synonyms": self.office_synonyms,
                      "nicknames": self.nicknames, "spellings": self.spellings, "qualifiers": self.qualifiers,
                      "movement": self.movement, "frames": self.frames, "surnames": self.surnames}
        return {k: v for k, v in extensions.items() if v}

    def vocabulary(self) -> Vocabulary:
        """The shipped vocabulary with the user's additions: the one the pipeline for them reads."""
        return load_vocabulary(**self.vocabulary_extensions())


def _read(path: Path) -> dict:
    """A configuration file's TOML, or one line saying why it cannot be read."""
    try:
        return tomllib.loads(path.read_text("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot be read ({exc.__class__.__name__}: {exc})") from None


def find_config(start: Path, warnings: list[str] | None = None) -> Path | None:
    """checker.toml, or a pyproject.toml with [tool.checker], in start or its parents. A pyproject.toml that
    does not parse is passed over (it may be another project's), with a warning in `warnings`."""
    for folder in [start, *start.parents]:
        own = folder / "checker.toml"
        if own.is_file():
            return own
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            try:
                data = _read(pyproject)
            except ConfigError as exc:
                if warnings is not None:
                    warnings.append(f"{exc}; its [tool.checker], if any, is not read")
                continue  # another project's pyproject.toml that does not parse is not checker's to refuse
            if "checker" in data.get("tool", {}):
                return pyproject
    return None


def _table(path: Path) -> dict:
    """checker's table of a configuration file: [tool.checker] in a pyproject.toml; in a checker.toml,
    [tool.checker] when it has one, else the top level."""
    data = _read(path)
    if path.name == "pyproject.toml":
        table, where = data.get("tool", {}).get("checker", {}), "in [tool.checker]"
    elif "tool" in data:
        others = sorted(set(data) - {"tool"})
        if others:
            raise ConfigError(f"{path}: settings both under [tool.checker] and at the top level ({', '.join(others)}); "
                              f"keep them in one place")
        if set(data["tool"]) != {"checker"}:
            raise ConfigError(f"{path}: a checker.toml holds [tool.checker] only, not "
                              f"{', '.join(f'[tool.{k}]' for k in sorted(set(data['tool']) - {'checker'}))}")
        table, where = data["tool"]["checker"], "in [tool.checker]"
    else:
        table, where = data, "at the top level"
    _known(path, table, KEYS, where)
    _types(path, table, TYPES)
    vocab = table.get("vocabulary", {})
    _known(path, vocab, VOCABULARY_KEYS, "in [tool.checker.vocabulary]" if "tool" in where else "in [vocabulary]")
    _types(path, vocab, VOCABULARY_TYPES, "vocabulary.")
    return table


# What each setting must be, and how it is written: a value of another type is an error naming the key.
TYPES = {"model": (str, '"en_core_web_sm"'), "fail-on": (str, '"warning"'), "include": (list, '["*.txt", "*.md"]'),
         "exclude": (list, '["drafts/*"]'), "rules": (dict, '[rules] NUM002 = "info"'), "baseline": (str, '"baseline.json"'),
         "vocabulary": (dict, "[vocabulary.places]"), "max-file-kb": (int, "2000"),
         "stories": (str, '"auto"'), "story-threshold": (float, "0.9"),
         "story-seam": (float, "0.75")}
VOCABULARY_TYPES = {"places": (dict, '"European Central Bank" = ["ECB"]'), "offices": (list, '["governor"]'),
                    "office-synonyms": (dict, '"finance chief" = "finance minister"'), "nicknames": (dict, 'kit = "christopher"'),
                    "spellings": (dict, '"Zelenskyy" = ["Zelensky"]'), "qualifiers": (dict, '"north of" = "gt"'),
                    "movement": (dict, 'up = ["balloon"]'), "frames": (dict, '[vocabulary.frames.dead] verbs = ["succumb"]'),
                    "surnames": (list, '["Okonjo"]')}
TYPE_NAMES = {str: "a string", list: "a list", dict: "a table", int: "a whole number", float: "a number"}


def _types(path: Path, table: dict, types: dict, prefix: str = "") -> None:
    for key, value in table.items():
        kind, example = types[key]
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        wrong = not isinstance(value, kind) or (kind in (int, float) and (isinstance(value, bool) or value <= 0))
        if not wrong and kind is list:
            wrong = not all(isinstance(x, str) for x in value)
        if not wrong and kind is dict and key == "rules":
            wrong = not all(isinstance(x, str) for x in value.values())
        if wrong:
            what = TYPE_NAMES[kind] + (" of strings" if kind is list else " over 0" if kind in (int, float) else "")
            written = example if kind is dict else f"{key} = {example}"  # a table's example names its own key
            raise ConfigError(f"{path}: {prefix}{key} must be {what}, like {written}; not {json.dumps(value, default=str)}")


def _known(path: Path, table: dict, keys: tuple[str, ...], where: str) -> None:
    unknown = [k for k in table if k not in keys]
    if unknown:
        raise ConfigError(f"{path}: unknown setting{'s' if len(unknown) > 1 else ''} "
                          f"{', '.join(repr(k) for k in unknown)} {where}; known: {', '.join(keys)}")


def load_settings(config: Path | None = None, start: Path | None = None) -> Settings:
    settings = Settings()
    settings.origin = {k: "default" for k in ("model", "fail_on", "baseline", "include", "exclude", "rules", "vocabulary",
                                              "max_file_kb", "stories", "story_threshold", "story_seam")}
    env_model = os.environ.get("CHECKER_MODEL")
    path = config or find_config(start or Path.cwd(), settings.warnings)
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
        if "max-file-kb" in table:
            settings.max_file_kb, settings.origin["max_file_kb"] = table["max-file-kb"], where
        if "stories" in table:
            settings.stories, settings.origin["stories"] = table["stories"], where
        if "story-threshold" in table:
            settings.story_threshold, settings.origin["story_threshold"] = float(table["story-threshold"]), where
        if "story-seam" in table:
            settings.story_seam, settings.origin["story_seam"] = float(table["story-seam"]), where
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
        for k, v in vocab.get("qualifiers", {}).items():
            if v not in QUALIFIER_KINDS:
                raise ConfigError(f"{path}: vocabulary.qualifiers.{k} must be one of {', '.join(QUALIFIER_KINDS)}, "
                                  f"not {json.dumps(v)}")
        for k, v in vocab.get("movement", {}).items():
            if k not in MOVEMENT_KINDS or not isinstance(v, list):
                raise ConfigError(f"{path}: vocabulary.movement lists verbs under {', '.join(MOVEMENT_KINDS)}, "
                                  f"like up = [\"balloon\"]; not {k} = {json.dumps(v)}")
        for k, v in vocab.get("frames", {}).items():
            if not isinstance(v, dict) or set(v) - {"verbs", "nouns", "of", "measures"} or \
                    not all(isinstance(w, list) for p, w in v.items() if p != "measures") or \
                    v.get("measures", "people") not in ("people", "money", "share"):
                raise ConfigError(f"{path}: vocabulary.frames.{k} lists verbs, nouns and of (and measures = "
                                  f"\"people\", \"money\" or \"share\"), like [vocabulary.frames.{k}] verbs = "
                                  f"[\"succumb\"]; not {json.dumps(v)}")
        settings.places = {str(k): [str(x) for x in v] for k, v in vocab.get("places", {}).items()}
        settings.offices = [str(x) for x in vocab.get("offices", [])]
        settings.surnames = [str(x).lower() for x in vocab.get("surnames", [])]
        settings.office_synonyms = {str(k): str(v) for k, v in vocab.get("office-synonyms", {}).items()}
        settings.nicknames = {str(k).lower(): str(v).lower() for k, v in vocab.get("nicknames", {}).items()}
        settings.spellings = {str(k): [str(x) for x in v] for k, v in vocab.get("spellings", {}).items()}
        settings.qualifiers = {str(k).lower(): str(v) for k, v in vocab.get("qualifiers", {}).items()}
        settings.movement = {str(k): [str(x).lower() for x in v] for k, v in vocab.get("movement", {}).items()}
        settings.frames = {str(k): {str(part): (str(words) if part == "measures" else [str(x).lower() for x in words])
                                    for part, words in v.items()}
                           for k, v in vocab.get("frames", {}).items()}
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
    if settings.stories not in STORY_MODES:
        raise ConfigError(f"stories must be one of {', '.join(STORY_MODES)}, not '{settings.stories}'")
    if not 0 < settings.story_threshold <= 1:
        raise ConfigError(f"story-threshold must be over 0 and at most 1, not {settings.story_threshold}")
    if not 0 < settings.story_seam <= 1:
        raise ConfigError(f"story-seam must be over 0 and at most 1, not {settings.story_seam}")


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
           line("max-file-kb", settings.max_file_kb, o.get("max_file_kb", "default")),
           line("stories", settings.stories, o.get("stories", "default")),
           line("story-threshold", settings.story_threshold, o.get("story_threshold", "default")),
           line("story-seam", settings.story_seam, o.get("story_seam", "default")),
           "", f"[tool.checker.rules]  # {o.get('rules', 'default')}"]
    for code, rule in RULES.items():
        level = settings.rule_severity(code, rule.severity)
        out.append(line(code, level, o.get("rules", "default") if code in settings.rules else "default"))
    vocab = [("places", settings.places), ("offices", settings.offices), ("office-synonyms", settings.office_synonyms),
             ("nicknames", settings.nicknames), ("spellings", settings.spellings)]
    out += ["", f"[tool.checker.vocabulary]  # {o.get('vocabulary', 'default')}, added to checker/data"]
    # Added to the shipped tables later; shown only when set, so that a configuration without them
    # reads as before.
    vocab += [(name, value) for name, value in (("qualifiers", settings.qualifiers), ("movement", settings.movement),
                                                               ("frames", settings.frames),
                                                               ("surnames", settings.surnames))
              if value]
    out += [line(name, value, o.get("vocabulary", "default")) for name, value in vocab]
    return "\n".join(out) + "\n"
