"""Text from input made safe to print: no terminal escapes, no forged lines, no spreadsheet formulas.

Article text, titles, outlets, speakers, ids, reasons and file names all come from input the
checker does not trust (it runs in CI on pull requests). The readers strip control sequences
at ingest too, but a renderer does not rely on that: what it prints goes through one of these.
"""

from __future__ import annotations

import re

__all__ = ["csv_cell", "escape_controls", "json_for_html", "json_text", "strip_terminal_controls"]

# Terminal escape sequences: CSI (colours, cursor, clear screen), OSC (titles, OSC 8 links, OSC 52
# clipboard; ended by BEL or ST), the other string commands (DCS, SOS, PM, APC), two-byte escapes, and
# the same introduced by their 8-bit C1 forms. An unterminated string command runs to the end.
_ESCAPE_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]?"
)
# What is left after the sequences: C0 and C1 controls (tab and newline kept: Rich lays them out),
# and the bidirectional embeddings, overrides and isolates that reorder what a reader sees.
_STRAY_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_STRAY_CONTROL_IN_CELL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")  # CR kept
# For text printed as one line: every control character (newline and tab too), the line and
# paragraph separators, the bidirectional controls and lone surrogates (which no encoder accepts).
_LINE_BREAKING = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_CELL_LINE_BREAK = re.compile("\r\n|[\n\r\u2028\u2029]")
_SHORT_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def strip_terminal_controls(text: str) -> str:
    """``text`` without terminal escape sequences or other control characters; newlines and tabs stay."""
    return _STRAY_CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", text))


def _escaped(match: re.Match[str]) -> str:
    char = match.group(0)
    code = ord(char)
    return _SHORT_ESCAPES.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def escape_controls(text: str) -> str:
    """``text`` on one line, control characters shown as escapes (``\\n``, ``\\x1b``, ``\\u202e``).

    For anything printed where a line means something: file names and messages on stderr,
    ``path:line:col`` lines that CI reads (a newline there could forge a workflow command).
    """
    return _LINE_BREAKING.sub(_escaped, text)


# Spreadsheets run a cell that starts with one of these as a formula (OWASP, "CSV Injection"),
# including the full-width forms; tab and carriage return are in the list too.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def csv_cell(value: object) -> object:
    """A CSV cell that no spreadsheet reads as a formula: text starting with a formula character gets a quote mark.

    Terminal escape sequences go too (a CSV is often printed with ``cat``), and line breaks become spaces: a
    cell never starts a line of the file, which a CI log could read as a workflow command. Numbers are left
    alone (a negative number is a number, not a formula); the csv module quotes the cell and doubles its quote
    characters.
    """
    if not isinstance(value, str):
        return value
    value = _CELL_LINE_BREAK.sub(" ", _STRAY_CONTROL_IN_CELL.sub("", _ESCAPE_SEQUENCE.sub("", value)))
    return "'" + value if value.startswith(_FORMULA_START) else value


# JSON written with ensure_ascii=False escapes only the C0 controls; DEL and the C1 controls (an
# 8-bit CSI or OSC) would reach a terminal raw, and a lone surrogate cannot be encoded as UTF-8.
_RAW_IN_JSON = re.compile("[\x7f-\x9f\ud800-\udfff]")


def json_text(encoded: str) -> str:
    """JSON text (from ``json``, ensure_ascii=False) with DEL, C1 controls and lone surrogates as ``\\uXXXX`` escapes.

    They can only occur inside strings, so the JSON means the same.
    """
    return _RAW_IN_JSON.sub(lambda match: f"\\u{ord(match.group(0)):04x}", encoded)


_HTML_SIGNIFICANT = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"}


def json_for_html(encoded: str) -> str:
    """JSON text (as ``json_text`` makes it) that can be pasted into ``<script type="application/ld+json">``: ``<``,
    ``>`` and ``&`` as ``\\u003c``, ``\\u003e`` and ``\\u0026``, so no string can close the script element or open
    a comment. They can only occur inside strings, so the JSON means the same."""
    return re.sub("[<>&]", lambda match: _HTML_SIGNIFICANT[match.group(0)], json_text(encoded))
