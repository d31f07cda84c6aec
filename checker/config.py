"""Settings: built-in defaults, overridden by ``[tool.checker]`` in pyproject.toml or by checker.toml.

The types written on ``Settings`` are the contract of the configuration file: each key
is validated against its field's type with pydantic in strict mode, so a string where
a list is expected (``select = "CC101"``), a boolean where a number is expected, or a
severity that does not exist is a ``ConfigError`` naming the file, the line and the key,
never a setting that silently does something else.
"""

from __future__ import annotations

import json
import re
import tomllib
import typing
from dataclasses import dataclass, field, fields, replace
from functools import cache
from pathlib import Path
from typing import Any, Literal

Severity = Literal["info", "warning", "error"]
SEVERITIES: tuple[str, ...] = typing.get_args(Severity)

# What each key holds, in the words an error message uses.
EXPECTED = {
    "max_file_bytes": "a whole number of bytes above 0, e.g. max-file-bytes = 20000000",
    "fail_on": f"one of {', '.join(SEVERITIES)}",
    "select": 'a list of rule codes, dotted names or families, e.g. select = ["CC", "SR101"]',
    "ignore": 'a list of rule codes, dotted names or families, e.g. ignore = ["SR102"]',
    "severity": f'a table of rule selectors and levels ({", ".join(SEVERITIES)}), '
                'e.g. severity = { CC103 = "error" }',
    "rule_paths": 'a list of files or folders of rule packs, e.g. rule-paths = ["house-rules/"]',
    "against": 'a list of article files or folders, e.g. against = ["archive/"]',
    "priors": 'the path of a CSV file of outlet ratings, e.g. priors = "priors.csv"',
    "input_root": 'the folder that manifest rows may read files from, e.g. input-root = "articles/"',
    "follow_symlinks": "true or false",
    "jobs": "a whole number of worker processes above 0, e.g. jobs = 4 (default: every core)",
    "lexicon_paths": 'a list of folders of language packs, gazetteer and taxonomy, e.g. lexicon-paths = ["lexicon/"]',
    "ledger": 'the path of the ledger file, e.g. ledger = ".checker/ledger.duckdb"',
    "publisher": 'the name of the organisation that publishes reviews, e.g. publisher = "Harbor Fact Desk"',
    "author": 'the name of who wrote the reviews, e.g. author = "Harbor Fact Desk"',
}
PATH_KEYS = ("rule_paths", "against", "priors", "input_root", "lexicon_paths", "ledger")


class ConfigError(ValueError):
    """A configuration file that cannot be used; the message names the file (and the line and key)."""


@dataclass(frozen=True)
class Settings:
    """Everything a run can be configured with. Field names match the TOML keys (``-`` or ``_``)."""

    max_file_bytes: int = 10_000_000
    fail_on: Severity = "error"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    rule_paths: tuple[str, ...] = ()
    lexicon_paths: tuple[str, ...] = ()  # folders extending the language packs, gazetteer and taxonomy
    against: tuple[str, ...] = ()  # what `checker check` compares drafts with, when --against is not given
    priors: str | None = None  # a CSV of outlet ratings (outlet, prior, note) blended into source scores
    ledger: str | None = None  # what `scan` writes; `report`, `check`, `export` read it (.checker/ledger.duckdb)
    publisher: str | None = None  # the organisation that publishes ClaimReview (`checker claimreview`)
    author: str | None = None  # who wrote the reviews (default: the publisher)
    input_root: str | None = None  # the folder manifest rows may read from (default: each manifest's folder)
    follow_symlinks: bool = False  # follow symbolic links out of the folders given (default: skip them)
    jobs: int | None = None  # processes that read and extract (default: every core; 1: in this process)
    source: str | None = None  # the file these settings came from, for messages

    def resolve(self, path: str) -> Path:
        """A path from the configuration: relative to the file it was written in (else to the working
        directory); an absolute path stays as it is."""
        return (Path(self.source).parent if self.source else Path.cwd()) / path

    def lexicon_folders(self) -> list[Path]:
        """The ``lexicon-paths`` folders, resolved against the configuration file."""
        return [self.resolve(path) for path in self.lexicon_paths]

    def with_overrides(self, **overrides: object) -> Settings:
        """A copy with the given non-None values replaced (command-line options win)."""
        changes: dict[str, Any] = {key: value for key, value in overrides.items() if value is not None}
        return replace(self, **changes)


def find_config_file(start: Path) -> Path | None:
    """The nearest checker.toml, or pyproject.toml with a [tool.checker] table, from ``start`` upwards."""
    for directory in [start, *start.parents]:
        dedicated = directory / "checker.toml"
        if dedicated.is_file():
            return dedicated
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file() and "[tool.checker" in pyproject.read_text(encoding="utf-8", errors="replace"):
            return pyproject
    return None


def load_settings(path: Path | None = None, start: Path | None = None) -> Settings:
    """Read settings from ``path``, or from the nearest config file above ``start`` (default: cwd)."""
    path = path or find_config_file((start or Path.cwd()).resolve())
    if path is None:
        return Settings()
    try:
        text = path.read_text(encoding="utf-8")
        document = tomllib.loads(text)
    except (OSError, ValueError) as error:  # TOMLDecodeError and UnicodeDecodeError are ValueErrors
        raise ConfigError(f"{path}: cannot read configuration: {error}") from error
    except RecursionError:
        raise ConfigError(f"{path}: cannot read configuration: values nested too deeply") from None
    table: object = document
    if path.name == "pyproject.toml":
        tool = document.get("tool", {})
        table = tool.get("checker", {}) if isinstance(tool, dict) else None
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.checker] must be a table of settings")
    return _settings_from_table(table, path, text)


@cache
def _validator(name: str):
    """The strict validator of one field of ``Settings``, from the type written on it (built once)."""
    from pydantic import TypeAdapter

    return TypeAdapter(typing.get_type_hints(Settings)[name])


def _settings_from_table(table: dict, path: Path, text: str = "") -> Settings:
    from pydantic import ValidationError

    known = {f.name for f in fields(Settings)} - {"source"}
    values: dict[str, object] = {}
    for key, value in table.items():
        name = key.replace("-", "_")
        if name not in known:
            names = ", ".join(sorted(name.replace("_", "-") for name in known))
            raise ConfigError(f"{_where(path, text, key)}: unknown setting {key!r} (known: {names})")
        given = tuple(value) if isinstance(value, list) else value  # TOML arrays fill tuple fields
        try:
            values[name] = _validator(name).validate_python(given, strict=True)
        except ValidationError as error:
            inner = error.errors()[0]["loc"]  # the index or table key inside the value, if any
            part = "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in inner[:1])
            problem = f"{key}{part} is {_shown(value, inner)}" if part else f"got {_shown(value, inner)}"
            raise ConfigError(f"{_where(path, text, key)}: {key} must be {EXPECTED[name]} ({problem})") from None
        beyond_type = _value_problem(name, values[name])
        if beyond_type:
            raise ConfigError(f"{_where(path, text, key)}: {key} must be {EXPECTED[name]} ({beyond_type})")
    return Settings(**values, source=str(path))  # type: ignore[arg-type]


def _value_problem(name: str, value: object) -> str | None:
    """What the types cannot say: a positive size, paths without NUL characters."""
    if name in ("max_file_bytes", "jobs") and isinstance(value, int) and value <= 0:
        return f"it is {value}"
    if name in PATH_KEYS:
        paths = value if isinstance(value, tuple) else (value,)
        if any(isinstance(p, str) and "\x00" in p for p in paths):
            return "a path holds a NUL character"
    return None


def _shown(value: object, inner: tuple) -> str:
    """The offending value, as TOML would write it, cut short."""
    for step in inner:
        try:
            value = value[step]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            break
    if isinstance(value, bool):
        shown = "true" if value else "false"
    elif isinstance(value, (str, int, float)):
        shown = json.dumps(value)
    else:
        kind = "table" if isinstance(value, dict) else "list" if isinstance(value, list) else type(value).__name__
        shown = f"a {kind}"
    return shown if len(shown) <= 60 else shown[:57] + "..."


def _where(path: Path, text: str, key: str) -> str:
    """``path:line`` of the line that sets ``key`` in the checker table, or the path alone."""
    in_checker_table = path.name != "pyproject.toml"
    assignment = re.compile(rf"""\s*(["']?){re.escape(key)}\1\s*=""")
    for number, line in enumerate(text.split("\n"), start=1):
        header = re.match(r"\s*\[+\s*([^\]]+?)\s*\]", line)
        if header:
            in_checker_table = path.name != "pyproject.toml" or header.group(1).startswith("tool.checker")
        elif in_checker_table and assignment.match(line):
            return f"{path}:{number}"
    return str(path)
