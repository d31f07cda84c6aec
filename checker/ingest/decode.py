"""Turn the bytes of an input into normalised text, or a reason why they cannot be read."""

from __future__ import annotations

import re
import unicodedata

from checker.ingest.controls import neutralise_controls

# No-break and other typographic spaces fold to a plain space; zero-width marks and the
# byte-order mark disappear. Curly quotes and dashes are kept as written.
_ODD_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\v\f]")
_INVISIBLES = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_INVISIBLE_OR_ODD_SPACE = re.compile(f"{_ODD_SPACES.pattern}|{_INVISIBLES.pattern}")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_LINE_BREAKS = re.compile("\r\n?|[\u2028\u2029\u0085]")


class UnreadableInput(ValueError):
    """Raised with the reason an input cannot be used, and the line it concerns when there is one."""

    def __init__(self, reason: str, line: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line


def decode_bytes(data: bytes) -> str:
    """Decode ``data`` as UTF-8, else as the detected encoding; raise ``UnreadableInput`` otherwise."""
    if not data.strip():
        raise UnreadableInput("empty file")
    wide = _wide_encoding(data)
    if wide is not None:
        try:
            return _readable(data.decode(wide), wide)
        except UnicodeDecodeError:
            raise UnreadableInput(f"looks like {wide.upper()} (by its byte-order mark or its NUL bytes) but is "
                                  "not") from None
    if b"\x00" in data[:8192]:
        raise UnreadableInput("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        utf8_error = error
    # Western news text that is not UTF-8 is most often Windows-1252 (a superset of Latin-1 for
    # printable text); take it when every byte maps to a printable character, else ask the detector.
    try:
        text = data.decode("cp1252")
        if not _CONTROL.search(text):
            return text
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # here: most input is UTF-8, and the detector is slow to import

    best = from_bytes(data).best()
    if best is None or best.encoding is None or best.chaos > 0.2:
        raise UnreadableInput(
            f"not UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) and no other encoding fits"
        )
    return str(best)


def _wide_encoding(data: bytes) -> str | None:
    """UTF-32 or UTF-16, by a byte-order mark (UTF-32's first: its little-endian mark begins with UTF-16's), or
    without one by where the NUL bytes of mostly-ASCII text fall; None for anything else."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "utf-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    sample = data[:4096]
    if b"\x00" not in sample or len(sample) < 8:
        return None
    for encoding, width, nuls in (("utf-32-le", 4, (1, 2, 3)), ("utf-32-be", 4, (0, 1, 2)),
                                  ("utf-16-le", 2, (1,)), ("utf-16-be", 2, (0,))):
        units = [sample[i:i + width] for i in range(0, len(sample) - width + 1, width)]
        if len(data) % width == 0 and sum(all(unit[k] == 0 for k in nuls) for unit in units) >= 0.9 * len(units):
            return encoding
    return None


def _readable(text: str, encoding: str) -> str:
    """Decoded text, unless it is mostly NULs or letters spaced out one by one (" I r a q"), the mark of bytes read
    in the wrong width: then the reason."""
    if not text.strip("\x00\ufeff \n"):
        raise UnreadableInput("empty file")
    words = text.replace("\x00", " ").split()
    spaced = len(words) >= 8 and sum(len(word) == 1 for word in words) > 0.6 * len(words)
    if text.count("\x00") > 0.1 * len(text) or spaced:
        raise UnreadableInput(f"read as {encoding.upper()}, it gives mostly NUL characters or letters spaced out "
                              "one by one: not text in an encoding the checker can tell")
    return text


def normalise_text(text: str) -> str:
    """NFC, Unix line breaks, control sequences and characters blanked (see ``controls``), odd spaces folded
    to one space, invisible characters removed, lines right-trimmed."""
    text = unicodedata.normalize("NFC", _LINE_BREAKS.sub("\n", text))
    text = neutralise_controls(text)
    text = _INVISIBLE_OR_ODD_SPACE.sub(lambda m: "" if _INVISIBLES.match(m.group(0)) else " ", text)  # one scan
    return "\n".join(line.rstrip() for line in text.split("\n"))
