"""Reading and validating the YAML data files of packs: safe YAML with line numbers, pydantic models, merging.

Every mistake in a data file is reported as ``path:line: reason`` (a ``DataFileError``),
like a mistake in a rule pack; the shipped files are read the same way as a user's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from checker.lang.regex_risk import backtracking_risk

__all__ = ["DataFileError", "DataModel", "merge_data", "read_data_file", "validate_data"]

Model = TypeVar("Model", bound="DataModel")
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


class DataFileError(ValueError):
    """A data file (language pack, gazetteer, taxonomy) with a mistake: the file, the line and the reason."""

    def __init__(self, path: str | Path, line: int | None, reason: str) -> None:
        self.path, self.line, self.reason = str(path), line, reason
        super().__init__(f"{self.path}:{line}: {reason}" if line else f"{self.path}: {reason}")

    def __reduce__(self) -> tuple[type, tuple[str, int | None, str]]:
        return DataFileError, (self.path, self.line, self.reason)  # raised in a worker, it reaches the parent whole


class DataModel(BaseModel):
    """Base of the data-file models: unknown keys are mistakes (a misspelt key must not be ignored)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class _LinedDict(dict):
    line: int = 0
    key_lines: dict


class _LinedList(list):
    line: int = 0
    item_lines: list


_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser where installed: ten times faster


class _LineLoader(_SafeLoader):  # type: ignore[valid-type, misc]
    """The safe loader, remembering the line of every mapping key and sequence item."""


def _mapping(loader: _LineLoader, node: yaml.MappingNode) -> _LinedDict:
    loader.flatten_mapping(node)
    result = _LinedDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(None, None, "a key must be a plain value",
                                                    key_node.start_mark) from None
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _sequence(loader: _LineLoader, node: yaml.SequenceNode) -> _LinedList:
    result = _LinedList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence)


def read_data_file(path: Path) -> dict:
    """The mapping in a YAML data file (safe loader), with line numbers kept for error messages."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DataFileError(path, None, f"cannot read: {getattr(error, 'strerror', None) or error}") from None
    try:
        document = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - _LineLoader is a SafeLoader
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise DataFileError(path, mark.line + 1 if mark else None,
                            f"not valid YAML: {getattr(error, 'problem', None) or error}") from None
    if document is None:
        return {}
    if not isinstance(document, dict):
        raise DataFileError(path, 1, "a data file is a mapping of keys to word lists and tables")
    return document


def _line_of(data: object, location: Iterable[int | str]) -> int | None:
    """The line of the deepest node of ``data`` on the path ``location`` (a pydantic error's loc)."""
    line = getattr(data, "line", None)
    for step in location:
        if isinstance(data, _LinedDict) and step in data:
            line = data.key_lines.get(step, line)
            data = data[step]
        elif isinstance(data, _LinedList) and isinstance(step, int) and step < len(data):
            line = data.item_lines[step]
            data = data[step]
        else:
            break
    return line


def validate_data(model: type[Model], data: dict, path: str | Path) -> Model:
    """``data`` as a ``model``; the first problem is raised as a DataFileError naming its line."""
    try:
        validated = model.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(step) for step in first["loc"])
        raise DataFileError(path, _line_of(data, first["loc"]), f"{where}: {first['msg']}") from None
    for name, template in _patterns_of(validated):
        _check_template(model, name, template, data, path)
    return validated


def _patterns_of(validated: DataModel) -> list[tuple[str, str]]:
    patterns = getattr(validated, "patterns", None)
    return list(patterns.items()) if isinstance(patterns, Mapping) else []


def _check_template(model: type[DataModel], name: str, template: str, data: dict, path: str | Path) -> None:
    """A pattern must name only word lists of its own file and compile."""
    line = _line_of(data, ["patterns", name])
    for placeholder in PLACEHOLDER.findall(template):
        field = model.model_fields.get(placeholder)
        if field is None or placeholder == "patterns":
            raise DataFileError(path, line, f"patterns.{name}: {{{placeholder}}} is not a word list of this file")
    try:
        re.compile(PLACEHOLDER.sub("(?:x)", template))
    except re.error as error:
        raise DataFileError(path, line, f"patterns.{name}: not a valid regular expression: {error}") from None
    risk = backtracking_risk(PLACEHOLDER.sub("(?:x|xy)", template))  # a word list is an alternation
    if risk:
        raise DataFileError(path, line, f"patterns.{name}: refused: {risk}; bound the repeat or make its group "
                                        "match one way")


def merge_data(base: Mapping[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    """``extra`` laid over ``base``: mappings merge, lists extend (without repeats), other values replace.

    A key listed under ``replace`` in ``extra`` replaces the base's value instead of extending it.
    """
    replaced = set(extra.get("replace") or ())
    merged: dict[str, Any] = dict(base)
    for key, value in extra.items():
        if key == "replace":
            continue
        old = merged.get(key)
        if key in replaced or old is None:
            merged[key] = value
        elif isinstance(old, Mapping) and isinstance(value, Mapping):
            merged[key] = merge_data(old, value)
        elif isinstance(old, list) and isinstance(value, list):
            merged[key] = list(old) + [item for item in value if item not in old]
        else:
            merged[key] = value
    return merged
