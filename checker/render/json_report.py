"""JSON and JSON Lines: the full data model with stable keys (documented in the README), written record by record.

Nothing here builds the whole document as one string: a report of a large corpus is written
one record at a time. Indented output uses orjson (the json module indents only in Python, and
that took a third of a report's time), with the json module's own bytes: a record orjson cannot
encode (a lone surrogate in an article's text) falls back to the json module; JSON Lines uses
the json module's compact C encoder.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO, TypedDict

import orjson

from checker import __version__
from checker.model import SEVERITY_RANK
from checker.render import RenderOptions
from checker.render.escape import json_text
from checker.result import RunResult

SEVERITY_ORDER = tuple(sorted(SEVERITY_RANK, key=SEVERITY_RANK.__getitem__, reverse=True))  # error, warning, info
INDENT = 2
_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))  # no indent: json uses its C encoder
_INDENTED = json.JSONEncoder(ensure_ascii=False, indent=INDENT)
_ORJSON_INDENTED = orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS

# The tables of a report in the JSON document's order, each with the ``type`` of its records in JSON Lines.
RECORD_TYPES = {"articles": "article", "skipped": "skipped", "claims": "claim", "events": "event",
                "disputes": "dispute", "findings": "finding", "sources": "source"}
# JSON Lines: skipped inputs last
LINES_ORDER = ("articles", "claims", "events", "disputes", "findings", "sources", "skipped")


class Summary(TypedDict):
    """The counts of the summary block."""

    articles: int
    skipped: int
    claims: int
    events: int
    disputes: int
    findings: dict[str, int]  # by severity, most severe first


def _compact(value: object) -> str:
    return json_text(_COMPACT.encode(value))


def summary(result: RunResult) -> Summary:
    """Counts for the summary block, shared by every renderer."""
    return {
        "articles": len(result.articles),
        "skipped": len(result.skipped),
        "claims": len(result.claims),
        "events": len(result.events),
        "disputes": len(result.disputes),
        "findings": {level: sum(f.severity == level for f in result.findings) for level in SEVERITY_ORDER},
    }


def _indented(value: object, depth: int) -> str:
    """``value`` as ``json.dumps(..., indent=2)`` writes it ``depth`` levels down inside a larger document."""
    # json escapes newlines inside strings, so every newline in its output is layout
    try:
        encoded = orjson.dumps(value, option=_ORJSON_INDENTED).decode()
    except (TypeError, orjson.JSONEncodeError):  # a lone surrogate, a number too large for orjson
        encoded = _INDENTED.encode(value)
    return json_text(encoded).replace("\n", "\n" + " " * (INDENT * depth))


def _write_object(out: TextIO, members: Iterable[tuple[str, object]]) -> None:
    """An indented JSON object whose members may be lists of records, each record encoded as it is written.

    The bytes are those of ``json.dumps(document, ensure_ascii=False, indent=2)``, without the
    whole document ever being in memory.
    """
    pad, inner = " " * INDENT, " " * (2 * INDENT)
    out.write("{")
    for index, (key, value) in enumerate(members):
        out.write(("," if index else "") + f"\n{pad}{_INDENTED.encode(key)}: ")
        if not isinstance(value, list) or not value:
            out.write(_indented(value, 1))
            continue
        out.write("[")
        for position, record in enumerate(value):
            out.write(("," if position else "") + f"\n{inner}{_indented(record.to_dict(), 2)}")
        out.write(f"\n{pad}]")
    out.write("\n}\n")


def write_report(result: RunResult, options: RenderOptions, out: TextIO) -> None:
    """The JSON report of ``checker report``: version, summary, then every table."""
    _write_object(out, [("checker_version", __version__), ("summary", summary(result)),
                        *((table, getattr(result, table)) for table in RECORD_TYPES)])


def write_report_lines(result: RunResult, options: RenderOptions, out: TextIO) -> None:
    """JSON Lines: a summary line, then one line per record, each with its ``type`` first."""
    out.write(_compact({"type": "summary", "checker_version": __version__, **summary(result)}) + "\n")
    for table in LINES_ORDER:
        kind = RECORD_TYPES[table]
        for record in getattr(result, table):
            out.write(_compact({"type": kind, **record.to_dict()}) + "\n")


def write_findings(result: RunResult, options: RenderOptions, out: TextIO) -> None:
    """The JSON of ``checker check``: ``{"findings": [...], "drafts": [...]}`` (what was compared in each draft)."""
    _write_object(out, [("findings", result.findings), ("drafts", result.drafts)])


def write_sources(result: RunResult, options: RenderOptions, out: TextIO) -> None:
    """The JSON of ``checker sources``: ``{"sources": [...]}``."""
    _write_object(out, [("sources", result.sources)])


def write_claims_lines(result: RunResult, options: RenderOptions, out: TextIO) -> None:
    """Every claim, one compact JSON object a line (``checker claims --format jsonl``)."""
    for claim in result.claims:
        out.write(_compact(claim.to_dict()) + "\n")
