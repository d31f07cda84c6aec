"""Configuration: every key's type is checked (issues 10 and 13), and an unknown rule selector is a usage error."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.config import ConfigError, Settings, load_settings
from checker.rulebook import load_rules, unknown_selectors


def config_file(tmp_path: Path, body: str, name: str = "checker.toml") -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def config_error(tmp_path: Path, body: str, name: str = "checker.toml") -> str:
    with pytest.raises(ConfigError) as raised:
        load_settings(config_file(tmp_path, body, name))
    return str(raised.value)


@pytest.fixture(autouse=True)
def _outside_the_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from an empty directory, so the checkout's own configuration is not picked up."""
    workdir = tmp_path / "cwd"
    workdir.mkdir()
    monkeypatch.chdir(workdir)


# --- types: each was a TypeError, an AttributeError, or a setting that silently did something else ---


@pytest.mark.parametrize(
    ("line", "key", "got"),
    [
        ("select = 5", "select", "got 5"),
        ("select = [1]", "select", "select[0] is 1"),
        ('select = "CC101"', "select", 'got "CC101"'),  # selected no rules, and the run looked clean
        ('ignore = "SR"', "ignore", 'got "SR"'),
        ('severity = "x"', "severity", 'got "x"'),
        ('severity = { CC103 = "fatal" }', "severity", 'severity.CC103 is "fatal"'),
        ("rule-paths = 5", "rule-paths", "got 5"),
        ('rule-paths = "house/"', "rule-paths", 'got "house/"'),  # was read one character at a time
        ("priors = 5", "priors", "got 5"),
        ("max-file-bytes = true", "max-file-bytes", "got true"),  # was accepted as 1 byte
        ('max-file-bytes = "10MB"', "max-file-bytes", 'got "10MB"'),
        ("max-file-bytes = 0", "max-file-bytes", "it is 0"),
        ('fail-on = "fatal"', "fail-on", 'got "fatal"'),
        ('follow-symlinks = "yes"', "follow-symlinks", 'got "yes"'),
        ("input-root = []", "input-root", "got a list"),
        ('against = ["a", 3]', "against", "against[1] is 3"),
        ('priors = "a\\u0000b.csv"', "priors", "NUL"),
    ],
)
def test_config_wrong_type_names_file_line_and_key(tmp_path: Path, line: str, key: str, got: str) -> None:
    message = config_error(tmp_path, f'fail-on = "warning"\n{line}\n' if key != "fail-on" else f"{line}\n")
    path = tmp_path / "checker.toml"
    expected_line = 2 if key != "fail-on" else 1
    assert message.startswith(f"{path}:{expected_line}: {key} must be ")
    assert got in message


def test_config_string_for_a_list_says_how_to_write_it(tmp_path: Path) -> None:
    message = config_error(tmp_path, 'select = "CC101"\n')
    assert 'e.g. select = ["CC", "SR101"]' in message


def test_config_pyproject_line_is_in_the_checker_table(tmp_path: Path) -> None:
    body = '[tool.ruff]\nselect = ["E"]\n\n[tool.checker]\nfail-on = "warning"\nselect = "CC"\n'
    message = config_error(tmp_path, body, "pyproject.toml")
    assert message.startswith(f"{tmp_path / 'pyproject.toml'}:6: select must be")


def test_config_pyproject_checker_not_a_table(tmp_path: Path) -> None:
    message = config_error(tmp_path, "[tool]\nchecker = 5\n", "pyproject.toml")
    assert "[tool.checker] must be a table" in message


def test_config_unknown_key_named_with_known_keys(tmp_path: Path) -> None:
    message = config_error(tmp_path, 'fail-on = "error"\nmax-bytes = 5\n')
    assert message.startswith(f"{tmp_path / 'checker.toml'}:2: unknown setting 'max-bytes'")
    assert "max-file-bytes" in message


def test_config_deeply_nested_value_is_a_config_error(tmp_path: Path) -> None:
    assert "nested too deeply" in config_error(tmp_path, "select = " + "[" * 5000 + "]" * 5000 + "\n")


def test_config_invalid_toml_is_a_config_error(tmp_path: Path) -> None:
    assert "cannot read configuration" in config_error(tmp_path, "select = [\n")


def test_config_valid_file_read_with_both_key_spellings(tmp_path: Path) -> None:
    body = (
        'select = ["CC", "SR101"]\nignore = []\nseverity = { CC103 = "error" }\nfail_on = "warning"\n'
        'rule-paths = ["house/"]\nmax-file-bytes = 20000000\ninput-root = "articles"\nfollow-symlinks = true\n'
    )
    settings = load_settings(config_file(tmp_path, body))
    assert settings.select == ("CC", "SR101")
    assert settings.ignore == ()
    assert settings.severity == {"CC103": "error"}
    assert settings.fail_on == "warning"
    assert settings.rule_paths == ("house/",)
    assert settings.max_file_bytes == 20_000_000
    assert settings.resolve(settings.input_root) == tmp_path / "articles"
    assert settings.follow_symlinks is True


def test_config_defaults_keep_their_api() -> None:
    settings = Settings()
    assert (settings.input_root, settings.follow_symlinks, settings.select) == (None, False, ())
    assert settings.with_overrides(select=("CC",), fail_on=None).select == ("CC",)


def test_config_cli_wrong_type_exits_2_naming_the_key(tmp_path: Path, ingest_fixtures: Path) -> None:
    config = config_file(tmp_path, "select = 5\n")
    result = CliRunner().invoke(app, ["report", str(ingest_fixtures / "text"), "--config", str(config)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "select must be" in " ".join(result.stderr.split())


# --- unknown rule selectors ------------------------------------------------------------------------


def test_config_unknown_selectors_lists_only_the_unknown() -> None:
    book = load_rules()
    selectors = ["CC101", "cc", "numbers.conflicting_count", "ZZ999", "CC1O1", "XX", "CC1"]
    assert unknown_selectors(book, selectors) == ["ZZ999", "CC1O1", "XX", "CC1"]


@pytest.mark.parametrize(
    ("option", "value"), [("--select", "ZZ999"), ("--ignore", "CC1O1"), ("--select", "CC101,numbers.typo")]
)
def test_config_cli_unknown_selector_exits_2_naming_it(ingest_fixtures: Path, option: str, value: str) -> None:
    result = CliRunner().invoke(app, ["report", str(ingest_fixtures / "text"), option, value])
    assert result.exit_code == 2, result.output
    message = " ".join(result.stderr.split())
    unknown = value.split(",")[-1]
    assert f"unknown rule selector '{unknown}' in {option}" in message


def test_config_cli_unknown_selector_in_configuration_exits_2(tmp_path: Path, ingest_fixtures: Path) -> None:
    config = config_file(tmp_path, 'select = ["CC"]\nseverity = { CC1O3 = "error" }\n')
    result = CliRunner().invoke(app, ["report", str(ingest_fixtures / "text"), "--config", str(config)])
    assert result.exit_code == 2
    assert f"unknown rule selector 'CC1O3' in {config}:2: severity" in " ".join(result.stderr.split())


def test_config_cli_known_selectors_still_run(ingest_fixtures: Path) -> None:
    result = CliRunner().invoke(
        app, ["report", str(ingest_fixtures / "text"), "--select", "CC,SR101", "--ignore", "sourcing.anonymous_source",
              "--format", "json"]
    )
    assert result.exit_code == 0, result.output


def test_config_cli_check_unknown_selector_in_configuration_exits_2(tmp_path: Path, ingest_fixtures: Path) -> None:
    config = config_file(tmp_path, 'ignore = ["ZZ999"]\n')
    draft = tmp_path / "draft.md"
    draft.write_text("The council said 14 trees fell.\n")
    result = CliRunner().invoke(
        app, ["check", str(draft), "--against", str(ingest_fixtures / "text"), "--config", str(config)]
    )
    assert result.exit_code == 2
    assert "'ZZ999'" in result.stderr


def test_config_cli_check_unknown_selector_in_extend_and_per_file_ignores_exits_2(tmp_path: Path) -> None:
    config = config_file(tmp_path, 'per-file-ignores = { "drafts/*" = ["SR101", "SR1O2"] }\n')
    result = CliRunner().invoke(app, ["report", "--show-settings", "--config", str(config)])
    assert result.exit_code == 2
    assert f"unknown rule selector 'SR1O2' in {config}:1: per-file-ignores" in " ".join(result.stderr.split())
    result = CliRunner().invoke(app, ["report", "--show-settings", "--extend-select", "ZZ9"])
    assert result.exit_code == 2 and "unknown rule selector 'ZZ9' in --extend-select" in result.stderr


# --- the conventions of ruff: did you mean, extend-select, per-file-ignores, --show-settings -------------

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "claims" / "corpus"


def test_config_unknown_key_suggests_the_nearest(tmp_path: Path) -> None:
    message = config_error(tmp_path, 'fail-on = "error"\nselct = ["CC"]\n')
    assert message.startswith(f"{tmp_path / 'checker.toml'}:2: unknown setting 'selct'; did you mean 'select'?")
    assert "did you mean 'max-file-bytes'?" in config_error(tmp_path, "max_files_bytes = 5\n")
    assert "did you mean" not in config_error(tmp_path, "colour = true\n")


def _readme_configuration() -> str:
    """The example under "### Configuration" in the README, as written there."""
    section = (REPO / "README.md").read_text(encoding="utf-8").split("### Configuration", 1)[1]
    return section.split("```toml\n", 1)[1].split("```", 1)[0]


@pytest.mark.parametrize("name", ["checker.toml", "pyproject.toml"])
def test_config_readme_example_works_pasted_into_either_file(tmp_path: Path, name: str) -> None:
    example = _readme_configuration()
    assert example.startswith("[tool.checker]\n")
    settings = load_settings(config_file(tmp_path, example, name))
    assert settings.select == ("CC", "IC", "SR101") and settings.fail_on == "warning"
    assert settings.origins["fail_on"] == f"{tmp_path / name}:5"


def test_config_checker_toml_with_settings_outside_and_inside_tool_checker_says_to_drop_the_header(
        tmp_path: Path) -> None:
    message = config_error(tmp_path, 'ignore = ["SR"]\n\n[tool.checker]\nfail-on = "warning"\n')
    assert message.startswith(f"{tmp_path / 'checker.toml'}:3: ")
    assert "drop the line [tool.checker]" in message
    assert "drop the line [tool.checker]" in config_error(tmp_path, '[tool.ruff]\nselect = ["E"]\n')


def _codes_found(*args: str) -> list[tuple[str, str]]:
    import json

    result = CliRunner().invoke(app, ["report", str(EXAMPLES), "--format", "json", "--exit-zero", *args])
    assert result.exit_code == 0, result.stderr
    return sorted((f["code"], f["path"].rsplit("/", 1)[-1]) for f in json.loads(result.stdout)["findings"])


def test_config_extend_select_and_extend_ignore_add_to_the_configured_rules(tmp_path: Path) -> None:
    config = str(config_file(tmp_path, 'select = ["CC"]\nignore = ["CC102"]\n'))
    assert {code for code, _ in _codes_found("--config", config)} == {"CC101"}
    extended = {code for code, _ in _codes_found("--config", config, "--extend-select", "SR101")}
    assert extended == {"CC101", "SR101"}  # --select SR101 would have replaced CC
    assert {code for code, _ in _codes_found("--config", config, "--extend-ignore", "CC101")} == set()
    assert {code for code, _ in _codes_found("--config", config, "--ignore", "SR")} == {"CC101", "CC102"}
    in_file = str(config_file(tmp_path, 'select = ["CC"]\nextend-select = ["SR101"]\nextend-ignore = ["CC102"]\n'))
    assert {code for code, _ in _codes_found("--config", in_file)} == {"CC101", "SR101"}


def test_config_per_file_ignores_leave_out_rules_in_the_files_they_name(tmp_path: Path) -> None:
    everything = _codes_found()
    assert ("SR101", "wire.jsonl:1") in everything and ("CC101", "a_kestrel_valley_herald_2020-12-20.md") in everything
    config = config_file(tmp_path, 'per-file-ignores = { "wire.jsonl" = ["SR"], "*/a_kestrel_*.md" = ["CC101"] }\n')
    kept = _codes_found("--config", str(config))
    assert kept == [(code, where) for code, where in everything
                    if not where.startswith("wire.jsonl:") and (code, where[:9]) != ("CC101", "a_kestrel")]


def test_config_per_file_ignores_in_check_follow_the_drafts_folder(tmp_path: Path) -> None:
    (tmp_path / "checker.toml").write_text('per-file-ignores = { "drafts/opinion/*" = ["CC202"] }\n',
                                           encoding="utf-8")
    draft = ("---\npublished: 2020-12-22\n---\n\nU.S. Central Command said eight rockets were fired at the Green "
             "Zone on Sunday, December 20, 2020.\n")
    results = {}
    for desk in ("news", "opinion"):
        (tmp_path / "drafts" / desk).mkdir(parents=True)
        (tmp_path / "drafts" / desk / "zone.md").write_text(draft, encoding="utf-8")
        results[desk] = CliRunner().invoke(app, ["check", str(tmp_path / "drafts" / desk / "zone.md"), "--against",
                                                 str(EXAMPLES), "--config", str(tmp_path / "checker.toml")])
    assert results["news"].exit_code == 1 and "CC202" in results["news"].stdout
    assert results["opinion"].exit_code == 0 and "CC202" not in results["opinion"].stdout


def test_config_show_settings_names_where_each_value_comes_from(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                                ) -> None:
    monkeypatch.chdir(tmp_path)
    config_file(tmp_path, 'fail-on = "warning"\nextend-select = ["SR101"]\n'
                          'per-file-ignores = { "drafts/opinion/*" = ["SR"] }\n')
    result = CliRunner().invoke(app, ["report", "--show-settings", "--select", "CC", "--extend-select", "IC101"])
    assert result.exit_code == 0, result.stderr
    lines = {line.split("#")[0].strip(): line.split("#")[-1].strip() for line in result.stdout.splitlines()[1:]}
    config = tmp_path / "checker.toml"
    assert lines['fail-on = "warning"'] == f"{config}:1"
    assert lines['select = ["CC"]'] == "--select"
    assert lines['extend-select = ["SR101", "IC101"]'] == f"{config}:2, --extend-select"
    assert lines['per-file-ignores = { "drafts/opinion/*" = ["SR"] }'] == f"{config}:3"
    assert lines["max-file-bytes = 10000000"] == "default"
    assert result.stdout.startswith(f"# the settings in force; configuration file: {config}\n")
    for command in (["check"], ["rules"], ["sources"], ["scan", "x"], ["claims", "x"], ["export", "x"],
                    ["claimreview"]):  # every command, before it reads anything
        shown = CliRunner().invoke(app, [*command, "--show-settings"])
        assert shown.exit_code == 0 and 'fail-on = "warning"' in shown.stdout, (command, shown.stderr)
    checked = CliRunner().invoke(app, ["check", "--show-settings", "--against", "archive"])
    assert f'against = ["{tmp_path / "archive"}"]' in checked.stdout
