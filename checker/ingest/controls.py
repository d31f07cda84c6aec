"""Make text from an input safe to store and show: no terminal control sequences, no lone surrogates.

Input text reaches terminals, CI logs and JSON files. An escape sequence in an article
could clear the screen, plant a hyperlink (OSC 8) or write to the clipboard (OSC 52); a
lone surrogate (from a JSON ``\\ud800`` escape or an undecodable file name) cannot be
encoded as UTF-8 and breaks hashing and every writer. Each unsafe character is
replaced by one character (a space, or U+FFFD for a surrogate), never deleted, so
offsets, lines and columns into the text stay true.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

__all__ = ["clean_field", "neutralise_controls", "shown_path"]

# Whole escape sequences, so that their parameters ("[2J", "]8;;https://...") go with them:
# CSI (ESC [ or U+009B) parameters and a final byte; OSC, DCS, SOS, PM and APC strings up to
# their terminator (BEL or ST) on the same line; other ESC sequences (ESC c, ESC ( B).
# Each part stops at a character class the next part cannot take, so matching is linear.
_ESCAPE_SEQUENCE = (
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[ -/]*[0-~]"
)
# Any other C0 or C1 control character except tab and newline (a stray ESC included).
_CONTROL_CHARACTER = r"[\x00-\x08\x0b-\x1f\x7f-\x9f]"
_UNSAFE = re.compile(f"{_ESCAPE_SEQUENCE}|{_CONTROL_CHARACTER}")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_FIELD_BREAKS = re.compile("[\t\n]")


def neutralise_controls(text: str) -> str:
    """``text`` with each character of a control sequence or control character (except tab and newline)
    replaced by a space, and each lone surrogate by U+FFFD; the length and every position are unchanged."""
    text = _LONE_SURROGATE.sub("\ufffd", text)
    return _UNSAFE.sub(lambda match: " " * len(match.group()), text)


def clean_field(value: str | None) -> str | None:
    """A one-line metadata value (id, title, outlet, url) made safe: controls and line breaks become
    spaces, ends trimmed; None when nothing is left."""
    if value is None:
        return None
    return _FIELD_BREAKS.sub(" ", neutralise_controls(value)).strip() or None


def shown_path(path: Path | str) -> str:
    """A path as a string that can always be encoded: bytes of a file name that are not UTF-8 are
    written as ``\\xNN`` (the name stays recognisable and stable), other lone surrogates as U+FFFD."""
    try:
        return os.fsencode(path).decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return _LONE_SURROGATE.sub("\ufffd", str(path))
