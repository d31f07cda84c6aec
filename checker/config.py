"""Settings: built-in defaults, overridden by ``[tool.checker]`` in pyproject.toml or by checker.toml."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

SEVERITIES = ("info", "warning", "error")


class ConfigError(ValueError):
    """A configuration file that cannot be used; the message names the file."""


@dataclass(frozen=True)
class Settings:
    """Everything a run can be configured with. Field names match the TOML keys."""

    max_file_bytes: int = 10_000_000
    fail_on: str = "error"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    rule_paths: tuple[str, ...] = ()
    lexicon_paths: tuple[str, ...] = ()  # folders extending the language packs, gazetteer and taxonomy
    against: tuple[str, ...] = ()  # what `checker check` compares drafts with, when --against is not given
    priors: str | None = None  # a CSV of outlet ratings (outlet, prior, note) blended into source scores
    ledger: str | None = None  # the ledger `scan` writes and `report`, `check`, `export` read (default .checker/ledger.duckdb)
    publisher: str | None = None  # the organisation that publishes ClaimReview (`checker claimreview`)
    author: str | None = None  # who wrote the reviews (default: the publisher)
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
        return replace(self, **{key: value for key, value in overrides.items() if value is not None})


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
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: cannot read configuration: {error}") from error
    table = document.get("tool", {}).get("checker", {}) if path.name == "pyproject.toml" else document
    return _settings_from_table(table, path)


def _settings_from_table(table: dict, path: Path) -> Settings:
    known = {f.name for f in fields(Settings)} - {"source"}
    values: dict[str, object] = {}
    for key, value in table.items():
        name = key.replace("-", "_")
        if name not in known:
            raise ConfigError(f"{path}: unknown setting {key!r} (known: {', '.join(sorted(known))})")
        values[name] = tuple(value) if isinstance(value, list) else value
    if values.get("fail_on", "error") not in SEVERITIES:
        raise ConfigError(f"{path}: fail-on must be one of {', '.join(SEVERITIES)}")
    for code, level in dict(values.get("severity", {})).items():
        if level not in SEVERITIES:
            raise ConfigError(f"{path}: severity for {code} must be one of {', '.join(SEVERITIES)}")
    if not isinstance(values.get("max_file_bytes", 1), int):
        raise ConfigError(f"{path}: max-file-bytes must be an integer")
    return Settings(**values, source=str(path))
