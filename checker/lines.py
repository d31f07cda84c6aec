"""Lines of a text: where each starts, so that an offset becomes the line and column an editor sees.

The one place a file's line number is worked out (a claim's, a finding's evidence, a draft's
suppression comment): lines are counted from the start of the file, so the lines before an
article's text (front matter, a date marker) are added.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

__all__ = ["LineIndex"]

_NEWLINE = re.compile("\n")


class LineIndex:
    """Where the lines of ``text`` start; ``line_offset`` lines of the file come before the text."""

    def __init__(self, text: str, line_offset: int = 0) -> None:
        self.text = text
        self.line_offset = line_offset
        self.starts = [0] + [match.end() for match in _NEWLINE.finditer(text)]

    def line_and_column(self, offset: int) -> tuple[int, int]:
        """The file's line (from 1) and the column (from 1) of the character at ``offset`` of the text."""
        index = bisect.bisect_right(self.starts, offset) - 1
        return index + 1 + self.line_offset, offset - self.starts[index] + 1

    def lines(self) -> Iterator[tuple[int, int, str]]:
        """Each line of the text: its file line number, where it starts in the text, and its words."""
        for index, start in enumerate(self.starts):
            end = self.starts[index + 1] - 1 if index + 1 < len(self.starts) else len(self.text)
            yield index + 1 + self.line_offset, start, self.text[start:end]
