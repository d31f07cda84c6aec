"""Readers for plain text (``.txt``) and Markdown (``.md``) articles."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from checker.ingest.decode import UnreadableInput
from checker.ingest.front_matter import FrontMatter, read_front_matter
from checker.ingest.furniture import find_headline, remove_furniture

# A leading publication-date marker, as some saved pages carry: "date 2019-05-20 ...".
_DATE_MARKER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*")
_MARKDOWN_HEADING = re.compile(r"^#{1,2}\s+(.+?)\s*#*\s*$")


@dataclass
class ParsedText:
    """What a text reader found: the cleaned text and the metadata it carried."""

    text: str
    title: str | None = None
    published: date | None = None
    line_offset: int = 0
    metadata: dict[str, str | None] | None = None


def parse_date(value: object, what: str) -> date | None:
    """A date from a YAML/JSON/CSV value (a date, or a string starting YYYY-MM-DD); raise on anything else."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise UnreadableInput(f"{what} {value!r} is not a date (expected YYYY-MM-DD)") from None


def _clean(lines: list[str], line_offset: int, detect_headline: bool, **found: object) -> ParsedText:
    lines = remove_furniture(lines)
    title = None
    if detect_headline:
        title, lines = find_headline(lines)
    leading_blank = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    text = "\n".join(lines[leading_blank:])  # one slice: popping blank lines one by one is quadratic
    line_offset += leading_blank
    if not text.strip():
        raise UnreadableInput("no article text left after removing page furniture")
    return ParsedText(text=text, title=title, line_offset=line_offset, **found)  # type: ignore[arg-type]


def parse_plain_text(text: str) -> ParsedText:
    """Plain text: an optional leading ``date YYYY-MM-DD`` marker, an optional headline, furniture removed."""
    lines = text.split("\n")
    published = None
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        marker = _DATE_MARKER.match(line)
        if marker:
            published = parse_date(marker.group(1), "date marker")
            lines[index] = line[marker.end():]
        break
    return _clean(lines, 0, True, published=published)


def parse_markdown(text: str) -> ParsedText:
    """Markdown with optional YAML front matter (title, outlet, published, url, id: see ``front_matter``)."""
    lines = text.split("\n")
    front = FrontMatter()
    body_start = 0
    if lines and lines[0].strip() == "---":
        closing = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
        if closing is None:
            raise UnreadableInput("malformed front matter: no closing '---' line", line=1)
        front = read_front_matter("\n".join(lines[1:closing]), first_line=2)
        body_start = closing + 1
    metadata = front.values
    date_key = "published" if metadata.get("published") else "date"
    try:
        published = parse_date(metadata.get(date_key), f"front matter '{date_key}'")
    except UnreadableInput as problem:
        raise UnreadableInput(problem.reason, line=front.lines.get(date_key)) from None
    parsed = _clean(lines[body_start:], body_start, False, published=published, metadata=metadata)
    first_line = parsed.text.split("\n", 1)[0]
    heading = _MARKDOWN_HEADING.match(first_line)
    parsed.title = metadata.get("title") or (heading.group(1) if heading else None)
    return parsed
