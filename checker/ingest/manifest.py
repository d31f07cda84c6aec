"""Readers for manifests: JSON Lines, JSON and CSV files listing one article per row."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from checker.ingest.decode import UnreadableInput

FIELDS = ("id", "outlet", "title", "published", "url", "text", "path", "lang")


@dataclass
class ManifestRow:
    """One row of a manifest, with the line it starts on."""

    line: int
    fields: dict[str, str | None]


def manifest_rows(text: str, path: Path) -> Iterator[ManifestRow | UnreadableInput]:
    """Yield each row of the manifest, or an ``UnreadableInput`` naming the line of a broken row."""
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from _jsonl_rows(text)
    elif suffix == ".json":
        yield from _json_rows(text)
    else:
        yield from _csv_rows(text)


def _checked(line: int, value: object) -> ManifestRow | UnreadableInput:
    """A row with each known field as text (or None), or the reason the row cannot be used."""
    if not isinstance(value, dict):
        return UnreadableInput("manifest row is not an object with named fields", line=line)
    row: dict[str, str | None] = {}
    for key in FIELDS:
        field = value.get(key)
        if isinstance(field, bool) or not isinstance(field, (str, int, float, type(None))):
            kind = "true or false" if isinstance(field, bool) else "a list" if isinstance(field, list) else "an object"
            return UnreadableInput(f"manifest field {key!r} must be text, not {kind}", line=line)
        row[key] = None if field is None else str(field)
    if not (row["text"] and row["text"].strip()) and not row["path"]:
        return UnreadableInput("manifest row has no text and no path", line=line)
    return ManifestRow(line, row)


def _parsed_json(text: str) -> object:
    """``json.loads``, with every way it can fail turned into an ``UnreadableInput`` (line in the text)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise UnreadableInput(f"not valid JSON: {error.msg}", line=error.lineno) from None
    except ValueError as error:  # e.g. an integer with more digits than Python converts
        raise UnreadableInput(f"not usable JSON: {error}") from None
    except RecursionError:
        raise UnreadableInput("not usable JSON: nested too deeply") from None


def _jsonl_rows(text: str) -> Iterator[ManifestRow | UnreadableInput]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            value = _parsed_json(line)
        except UnreadableInput as problem:
            yield UnreadableInput(f"manifest row is {problem.reason}", line=number)
            continue
        yield _checked(number, value)


def _json_rows(text: str) -> Iterator[ManifestRow | UnreadableInput]:
    try:
        document = _parsed_json(text)
    except UnreadableInput as problem:
        yield UnreadableInput(problem.reason, line=problem.line or 1)
        return
    nested = isinstance(document, dict) and "articles" in document
    if isinstance(document, dict):
        document = document.get("articles", [document])
    if not isinstance(document, list):
        yield UnreadableInput("a JSON manifest holds a list of articles (or {\"articles\": [...]})", line=1)
        return
    # json keeps no line numbers: find where each item of the article list starts
    starts = _item_start_lines(text, nested) if nested or text.lstrip().startswith("[") else [1]
    for index, value in enumerate(document):
        yield _checked(starts[index] if index < len(starts) else 1, value)


def _item_start_lines(text: str, nested: bool) -> list[int]:
    """The line each item of the article list starts on: the top-level list, or the list one level down."""
    target_depth = 2 if nested else 1
    lines: list[int] = []
    depth, in_string, escaped, line = 0, False, False, 1
    expecting_item = False
    list_depths: list[bool] = []  # for each open bracket: is it a list?
    for char in text:
        if char == "\n":
            line += 1
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
            continue
        if char.isspace():
            continue
        if expecting_item and char not in ",]":
            lines.append(line)
            expecting_item = False
        if char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            list_depths.append(char == "[")
            expecting_item = char == "[" and depth == target_depth
        elif char in "]}":
            depth -= 1
            list_depths.pop() if list_depths else None
        elif char == "," and depth == target_depth and list_depths and list_depths[-1]:
            expecting_item = True
    return lines


def _csv_rows(text: str) -> Iterator[ManifestRow | UnreadableInput]:
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or not {"text", "path"} & {name.strip().lower() for name in reader.fieldnames}:
        yield UnreadableInput("a CSV manifest needs a header row with a 'text' or 'path' column", line=1)
        return
    try:
        row_start = reader.line_num + 1
        for row in reader:
            cleaned = {(key or "").strip().lower(): value for key, value in row.items()}
            yield _checked(row_start, {key: (value or None) for key, value in cleaned.items()})
            row_start = reader.line_num + 1
    except csv.Error as error:
        yield UnreadableInput(f"broken CSV: {error}", line=reader.line_num)
