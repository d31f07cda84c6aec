"""Remove page furniture (navigation, comment forms, adverts) and find the headline of plain text.

The patterns live in ``rules/furniture.yaml``. Dropped lines are blanked rather than
deleted, so line numbers in the cleaned text still match the file an editor sees.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from checker.resources import load_rules_yaml


@dataclass(frozen=True)
class FurnitureRules:
    drop_lines: re.Pattern[str]
    truncate_from: re.Pattern[str]
    drop_repeated_lines: bool
    headline_min_words: int
    headline_max_chars: int


@cache
def furniture_rules() -> FurnitureRules:
    data = load_rules_yaml("furniture.yaml")

    def whole_line(patterns: list[str]) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{p})" for p in patterns) or "(?!)", re.IGNORECASE)

    return FurnitureRules(
        drop_lines=whole_line(data.get("drop_lines", [])),
        truncate_from=whole_line(data.get("truncate_from", [])),
        drop_repeated_lines=bool(data.get("drop_repeated_lines", True)),
        headline_min_words=int(data.get("headline_min_words", 4)),
        headline_max_chars=int(data.get("headline_max_chars", 200)),
    )


def remove_furniture(lines: list[str]) -> list[str]:
    """Blank furniture lines and cut the page tail (comment forms) from the first marker on."""
    rules = furniture_rules()
    kept: list[str] = []
    previous = None
    for line in lines:
        stripped = line.strip()
        if stripped and rules.truncate_from.fullmatch(stripped):
            break
        if stripped and (
            rules.drop_lines.fullmatch(stripped) or (rules.drop_repeated_lines and stripped == previous)
        ):
            kept.append("")
            continue
        if stripped:
            previous = stripped
        kept.append(line)
    while kept and not kept[-1].strip():
        kept.pop()
    return kept


def find_headline(lines: list[str]) -> tuple[str | None, list[str]]:
    """Find the headline: the first short line followed by a blank line.

    Short lines before it that are too short to be a headline (section labels,
    navigation) are blanked. Returns the headline (or None) and the lines.
    """
    rules = furniture_rules()
    labels: set[int] = set()
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        followed_by_blank = index + 1 >= len(lines) or not lines[index + 1].strip()
        if not followed_by_blank or len(stripped) > rules.headline_max_chars:
            return None, lines
        if len(stripped.split()) >= rules.headline_min_words:
            # labels such as "World News" above the headline are navigation, not text
            return stripped, ["" if i in labels else text for i, text in enumerate(lines)]
        labels.add(index)
    return None, lines
