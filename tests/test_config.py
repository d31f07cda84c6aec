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
    assert f"unknown rule selector 'CC1O3' in {config}: severity" in " ".join(result.stderr.split())


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
