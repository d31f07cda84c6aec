"""Settings: built-in defaults, overridden by ``[tool.checker]`` in pyproject.toml or by checker.toml.

The types written on ``Settings`` are the contract of the configuration file: each key
is validated against its field's type with pydantic in strict mode, so a string where
a list is expected (``select = "CC101"``), a boolean where a number is expected, or a
severity that does not exist is a ``ConfigError`` naming the file, the line and the key,
never a setting that silently does something else.
"""

from __future__ import annotations

import difflib
import fnmatch
import json
import re
import tomllib
import typing
from dataclasses import dataclass, field, fields, replace
from functools import cache
from pathlib import Path
from typing import Any, Literal

from checker.model import file_and_row

Severity = Literal["info", "warning", "error"]
SEVERITIES: tuple[str, ...] = typing.get_args(Severity)

# What each key holds, in the words an error message uses.
EXPECTED = {
    "max_file_bytes": "a whole number of bytes above 0, e.g. max-file-bytes = 20000000",
    "fail_on": f"one of {', '.join(SEVERITIES)}",
    "select": 'a list of rule codes, dotted names or families, e.g. select = ["CC", "SR101"]',
    "ignore": 'a list of rule codes, dotted names or families, e.g. ignore = ["SR102"]',
    "extend_select": 'a list of rule codes, dotted names or families, e.g. extend-select = ["SR101"]',
    "extend_ignore": 'a list of rule codes, dotted names or families, e.g. extend-ignore = ["SR102"]',
    "per_file_ignores": 'a table of file patterns and lists of rules, e.g. per-file-ignores = { "opinion/*" = ["SR"] }',
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
    "lang": 'the language code of articles that state none (front matter or manifest `lang`), e.g. lang = "en"',
}
LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")  # "en", "en-GB", "pt_BR"
PATH_KEYS = ("rule_paths", "against", "priors", "input_root", "lexicon_paths", "ledger")
EXTENDING = ("extend_select", "extend_ignore")  # given on the command line, they add to the file's


class ConfigError(ValueError):
    """A configuration file that cannot be used; the message names the file (and the line and key)."""


@dataclass(frozen=True)
class Settings:
    """Everything a run can be configured with. Field names match the TOML keys (``-`` or ``_``)."""

    max_file_bytes: int = 10_000_000
    fail_on: Severity = "error"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()  # added to select (the command line's to the file's)
    extend_ignore: tuple[str, ...] = ()  # added to ignore (the command line's to the file's)
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)  # file pattern -> rules left out
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
    lang: str = "en"  # the language of an article that states none (front matter or manifest row `lang`)
    source: str | None = None  # the file these settings came from, for messages
    origins: dict[str, str] = field(default_factory=dict, compare=False)  # field -> "file:line" that set it

    def resolve(self, path: str) -> Path:
        """A path from the configuration: relative to the file it was written in (else to the working
        directory); an absolute path stays as it is."""
        return (Path(self.source).parent if self.source else Path.cwd()) / path

    def ignored_in(self, path: str) -> tuple[str, ...]:
        """The rules ``per-file-ignores`` leaves out in the file at ``path`` (as a finding names it: a manifest's
        row is its manifest). A pattern is matched against the path relative to the configuration file's folder
        (``*`` also crosses ``/``); a pattern without ``/`` also against the file's name."""
        file = Path(file_and_row(path)[0])
        try:
            where = (Path.cwd() / file).resolve().relative_to(self.resolve(".").resolve()).as_posix()
        except (OSError, ValueError):  # outside the configuration's folder: the path as given
            where = file.as_posix()
        return tuple(selector for pattern, selectors in self.per_file_ignores.items()
                     if fnmatch.fnmatchcase(where, pattern) or ("/" not in pattern
                                                               and fnmatch.fnmatchcase(file.name, pattern))
                     for selector in selectors)

    def lexicon_folders(self) -> list[Path]:
        """The ``lexicon-paths`` folders, resolved against the configuration file."""
        return [self.resolve(path) for path in self.lexicon_paths]

    def with_overrides(self, **overrides: object) -> Settings:
        """A copy with the given non-None values replaced (command-line options win); ``extend_select`` and
        ``extend_ignore`` are added to the configured ones, as their names say."""
        changes: dict[str, Any] = {key: value for key, value in overrides.items() if value is not None}
        for key in EXTENDING:
            if key in changes:
                changes[key] = (*getattr(self, key), *changes[key])
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
    elif "tool" in document:  # the table of pyproject.toml, e.g. the README's example pasted into checker.toml
        tool = document["tool"]
        if set(document) != {"tool"} or not isinstance(tool, dict) or set(tool) != {"checker"}:
            raise ConfigError(f"{_header_where(path, text)}: [tool...] tables belong in pyproject.toml; in "
                              f"{path.name} write the settings without a table header (drop the line "
                              "[tool.checker])")
        table = tool["checker"]
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

    known = {f.name for f in fields(Settings)} - {"source", "origins"}
    values: dict[str, object] = {}
    origins: dict[str, str] = {}
    for key, value in table.items():
        name = key.replace("-", "_")
        if name not in known:
            names = sorted(name.replace("_", "-") for name in known)
            close = difflib.get_close_matches(key.replace("_", "-").lower(), names, n=1, cutoff=0.6)
            meant = f"; did you mean {close[0]!r}?" if close else ""
            raise ConfigError(f"{_where(path, text, key)}: unknown setting {key!r}{meant} (known: {', '.join(names)})")
        given = _arrays_as_tuples(value)  # TOML arrays fill tuple fields
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
        origins[name] = _where(path, text, key)
    return Settings(**values, source=str(path), origins=origins)  # type: ignore[arg-type]


def _arrays_as_tuples(value: object) -> object:
    """TOML arrays as tuples, at the top and in a table's values (``per-file-ignores``)."""
    if isinstance(value, list):
        return tuple(value)
    if isinstance(value, dict):
        return {key: tuple(item) if isinstance(item, list) else item for key, item in value.items()}
    return value


def _value_problem(name: str, value: object) -> str | None:
    """What the types cannot say: a positive size, paths without NUL characters."""
    if name in ("max_file_bytes", "jobs") and isinstance(value, int) and value <= 0:
        return f"it is {value}"
    if name == "lang" and isinstance(value, str) and not LANGUAGE_TAG.fullmatch(value):
        return f"{json.dumps(value)} is not a language code"
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


def _header_where(path: Path, text: str) -> str:
    """``path:line`` of the first ``[tool...]`` table header, or the path alone."""
    for number, line in enumerate(text.split("\n"), start=1):
        if re.match(r"\s*\[+\s*[\"']?tool\b", line):
            return f"{path}:{number}"
    return str(path)


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
