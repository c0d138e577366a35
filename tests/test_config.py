"""Configuration files: where settings are read from, what is refused, and the vocabulary they extend."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli, write_corpus

from checker.config import ConfigError, find_config, load_settings, render_settings
from checker.values.vocabulary import default_vocabulary

TOP_LEVEL = '''fail-on = "info"
include = ["*.txt"]
[rules]
NUM002 = "off"
[vocabulary.places]
"Zorblandia" = ["Zorbia"]
[vocabulary.nicknames]
Kit = "Christopher"
'''
TOOL_TABLE = '''[tool.checker]
fail-on = "info"
include = ["*.txt"]
[tool.checker.rules]
NUM002 = "off"
[tool.checker.vocabulary.places]
"Zorblandia" = ["Zorbia"]
[tool.checker.vocabulary.nicknames]
Kit = "Christopher"
'''


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, "utf-8")
    return path


def settled(settings) -> tuple:
    return (settings.fail_on, settings.include, settings.rules, settings.places, settings.nicknames)


def test_a_checker_toml_with_a_tool_checker_table_reads_as_its_top_level(tmp_path):
    top = load_settings(write(tmp_path, "checker.toml", TOP_LEVEL))
    (tmp_path / "tool").mkdir()
    tool = load_settings(write(tmp_path / "tool", "checker.toml", TOOL_TABLE))
    assert settled(tool) == settled(top) == (
        "info", ["*.txt"], {"NUM002": "off"}, {"Zorblandia": ["Zorbia"]}, {"kit": "christopher"})
    where = str(tmp_path / "tool" / "checker.toml")
    assert tool.origin["fail_on"] == tool.origin["rules"] == tool.origin["vocabulary"] == where
    assert tool.vocabulary().place("Zorbia") == "Zorblandia"


def test_a_tool_checker_table_is_shown_with_its_file_as_origin(tmp_path):
    path = write(tmp_path, "checker.toml", TOOL_TABLE)
    lines = {ln.split("=")[0].strip(): ln for ln in render_settings(load_settings(path)).splitlines() if "=" in ln}
    assert lines["fail-on"].endswith(f"# {path}") and '"info"' in lines["fail-on"]
    assert lines["NUM002"].endswith(f"# {path}") and '"off"' in lines["NUM002"]
    assert lines["places"].endswith(f"# {path}") and '{"Zorblandia": ["Zorbia"]}' in lines["places"]
    assert lines["model"].endswith("# default")


def test_the_configuration_is_found_beside_the_corpus(tmp_path):
    path = write(tmp_path, "checker.toml", TOOL_TABLE)
    (tmp_path / "corpus" / "deep").mkdir(parents=True)
    assert find_config(tmp_path / "corpus" / "deep") == path
    assert load_settings(start=tmp_path / "corpus").places == {"Zorblandia": ["Zorbia"]}


def test_pyproject_reads_only_its_tool_checker_table(tmp_path):
    path = write(tmp_path, "pyproject.toml", '[project]\nname = "x"\n[tool.ruff]\nline-length = 99\n' + TOOL_TABLE)
    assert find_config(tmp_path) == path
    assert settled(load_settings(path))[0] == "info"


@pytest.mark.parametrize("name, text, unknown", [
    ("checker.toml", 'fail_on = "info"\n', "'fail_on' at the top level"),
    ("checker.toml", '[tool.checker]\nmodle = "en_core_web_sm"\n', "'modle' in [tool.checker]"),
    ("pyproject.toml", '[tool.checker]\nfail-on = "info"\nfailon = "error"\n', "'failon' in [tool.checker]"),
    ("checker.toml", '[vocabulary.place]\n"Zorblandia" = ["Zorbia"]\n', "'place' in [vocabulary]"),
    ("checker.toml", '[tool.checker.vocabulary.aliases]\nZorblandia = ["Zorbia"]\n',
     "'aliases' in [tool.checker.vocabulary]"),
])
def test_an_unknown_key_is_an_error_not_a_silent_default(tmp_path, name, text, unknown):
    with pytest.raises(ConfigError, match="unknown setting") as err:
        load_settings(write(tmp_path, name, text))
    assert unknown in str(err.value) and str(tmp_path / name) in str(err.value)
    assert "\n" not in str(err.value)


def test_settings_both_at_the_top_level_and_under_tool_checker_are_refused(tmp_path):
    with pytest.raises(ConfigError, match="both under"):
        load_settings(write(tmp_path, "checker.toml", 'model = "x"\n' + TOOL_TABLE))


def test_a_checker_toml_holds_no_other_tool_table(tmp_path):
    with pytest.raises(ConfigError, match=r"\[tool.ruff\]"):
        load_settings(write(tmp_path, "checker.toml", TOOL_TABLE + "[tool.ruff]\nline-length = 99\n"))


def test_the_command_line_says_so_in_one_line_and_exits_2(tmp_path):
    write_corpus(tmp_path / "corpus", "The port reopened on Monday.")
    write(tmp_path, "checker.toml", '[tool.checker]\nfail_on = "info"\n')
    proc = run_cli("config", "corpus", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        f"checker: error: {tmp_path / 'checker.toml'}: unknown setting 'fail_on' in [tool.checker]; "
        f"known: model, fail-on, include, exclude, rules, baseline, vocabulary, max-file-kb, stories, story-threshold, "
        f"story-seam"]


def test_added_qualifiers_and_movement_verbs_are_read_and_shown_only_when_set(tmp_path):
    path = write(tmp_path, "checker.toml", '[vocabulary.qualifiers]\n"North of" = "gt"\n'
                                           '[vocabulary.movement]\nup = ["Balloon"]\n')
    settings = load_settings(path)
    assert settings.qualifiers == {"north of": "gt"} and settings.movement == {"up": ["balloon"]}
    assert settings.vocabulary().numbers.qualifiers["north of"] == "gt"
    assert "balloon" in settings.vocabulary().movement.up
    shown = render_settings(settings)
    assert 'qualifiers = {"north of": "gt"}' in shown and 'movement = {"up": ["balloon"]}' in shown
    plain = render_settings(load_settings(write(tmp_path, "checker.toml", 'fail-on = "info"\n')))
    assert not [ln for ln in plain.splitlines() if ln.startswith(("qualifiers", "movement"))]


def test_added_surnames_are_read_shown_and_join_the_common_ones(tmp_path):
    settings = load_settings(write(tmp_path, "checker.toml", '[vocabulary]\nsurnames = ["Okonjo"]\n'))
    assert settings.surnames == ["okonjo"]
    assert {"okonjo", "rodriguez"} <= settings.vocabulary().common_surnames
    assert "okonjo" not in default_vocabulary().common_surnames
    assert 'surnames = ["okonjo"]' in render_settings(settings)
    with pytest.raises(ConfigError, match="surnames"):
        load_settings(write(tmp_path, "checker.toml", '[vocabulary]\nsurnames = "Okonjo"\n'))


@pytest.mark.parametrize("text, message", [
    ('[vocabulary.qualifiers]\n"north of" = "above"\n', "vocabulary.qualifiers.north of must be one of"),
    ('[vocabulary.movement]\nsideways = ["crab"]\n', "vocabulary.movement lists verbs under up, down, move"),
    ('[vocabulary.movement]\nup = "balloon"\n', "vocabulary.movement lists verbs"),
    ('vocabulary = "places"\n', "vocabulary must be a table"),
])
def test_malformed_vocabulary_tables_are_refused(tmp_path, text, message):
    with pytest.raises(ConfigError, match=message):
        load_settings(write(tmp_path, "checker.toml", text))


def test_no_additions_means_the_shipped_vocabulary(tmp_path):
    settings = load_settings(write(tmp_path, "checker.toml", 'fail-on = "info"\n'))
    assert settings.vocabulary() is default_vocabulary()


# Two outlets name one invented country two ways; each states its share of one market.
WIRE = """Cobalt prices climb as export curbs bite

{name} holds 80% of the world's cobalt market, according to industry estimates published on Monday.

Traders said the new export licences had slowed shipments from the country's northern mines.
"""
DAILY = """Miners brace for tighter cobalt rules

{name} holds 60% of the world's cobalt market, analysts said, and its government plans to raise royalties next year.

Officials declined to say when the new rules would take effect.
"""


def cobalt_findings(folder: Path, wire: str, daily: str, config: str | None) -> list:
    from checker.run import check

    corpus = write_corpus(folder / "corpus", WIRE.format(name=wire), DAILY.format(name=daily))
    if config is not None:
        write(folder, "checker.toml", config)
    result = check(corpus, load_settings(start=corpus))
    return [f for f in result.findings if f.rule == "NUM001"]


@pytest.mark.slow
def test_a_place_alias_in_checker_toml_joins_two_names_of_one_country(tmp_path):
    # The text is of a shape the extractor reads: with one name in both articles, the figures disagree.
    same = cobalt_findings(tmp_path / "same", "Zorblandia", "Zorblandia", None)
    assert [(f.subject, {e.span for e in f.evidence}) for f in same] == [("Zorblandia: cobalt market", {"60%", "80%"})]
    # Two names, no alias: two countries, no disagreement.
    assert cobalt_findings(tmp_path / "plain", "Zorblandia", "Zorbia", None) == []
    # The alias, at the top level of checker.toml or under [tool.checker]: one country again.
    for folder, config in (("top", '[vocabulary.places]\n"Zorblandia" = ["Zorbia"]\n'),
                           ("tool", '[tool.checker.vocabulary.places]\n"Zorblandia" = ["Zorbia"]\n')):
        found = cobalt_findings(tmp_path / folder, "Zorblandia", "Zorbia", config)
        assert [(f.subject, {e.span for e in f.evidence}) for f in found] == [("Zorblandia: cobalt market", {"60%", "80%"})], folder
        proc = run_cli("config", "corpus", cwd=tmp_path / folder)
        assert proc.returncode == 0, proc.stderr
        places = [ln for ln in proc.stdout.splitlines() if ln.startswith("places")]
        assert places == ['places = {"Zorblandia": ["Zorbia"]}'.ljust(40) + f"  # {tmp_path / folder / 'checker.toml'}"]


@pytest.mark.slow
def test_a_configured_office_reaches_person_detection(tmp_path):
    from checker.claims.claim import ClaimKind
    from checker.run import check

    corpus = write_corpus(tmp_path / "corpus", "Watchdog opens inquiry into port contracts\n\n"
                          "The inquiry was announced on Tuesday by Ombudsman Lena Varga, who said the contracts "
                          "had been awarded without a tender.\n")

    def titles() -> list:
        result = check(corpus, load_settings(start=corpus))
        return [c.titles for c in result.claims if c.kind is ClaimKind.PERSON and c.span == "Lena Varga"]

    assert titles() == [()]  # "ombudsman" is not a shipped office
    write(tmp_path, "checker.toml", '[vocabulary]\noffices = ["ombudsman"]\n')
    assert [[t[0] for t in ts] for ts in titles()] == [["Ombudsman"]]


def test_added_frames_are_read_shown_and_checked(tmp_path):
    path = write(tmp_path, "checker.toml", '[vocabulary.frames.dead]\nverbs = ["Succumb"]\n')
    settings = load_settings(path)
    assert settings.frames == {"dead": {"verbs": ["succumb"]}}
    assert settings.vocabulary().frames.frame_of("people", "succumb") == "dead"
    assert 'frames = {"dead": {"verbs": ["succumb"]}}' in render_settings(settings)
    with pytest.raises(ConfigError, match="vocabulary.frames.dead lists verbs, nouns and of"):
        load_settings(write(tmp_path, "checker.toml", '[vocabulary.frames.dead]\nadjectives = ["late"]\n'))
