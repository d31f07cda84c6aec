"""A file's line and column, worked out in one place (checker.lines) for claims, evidence and suppressions."""

from __future__ import annotations

from checker.lines import LineIndex


def test_lines_count_from_the_file_with_the_lines_before_the_text() -> None:
    text = "Headline\n\nFirst paragraph.\nSecond line here.\n"
    lines = LineIndex(text, line_offset=4)  # four lines of front matter came before the text
    assert lines.line_and_column(0) == (5, 1)
    assert lines.line_and_column(text.index("Second")) == (8, 1)
    assert lines.line_and_column(text.index("line here")) == (8, 8)
    assert [(number, line) for number, _, line in lines.lines()][:3] == [(5, "Headline"), (6, ""),
                                                                         (7, "First paragraph.")]


def test_lines_a_claim_and_a_draft_suppression_agree_on_the_line(tmp_path) -> None:
    """A claim on the fifth line of a draft with front matter is on line 5, as its suppression comment."""
    from checker.pipeline import analyse
    from checker.prepublication import draft_article

    draft = draft_article("---\npublished: 2020-12-21\n---\n\nEight rockets hit the Green Zone in Baghdad on "
                          "Sunday, police said. <!-- checker: ignore SR102 -->\n", "draft.md")
    (claim,) = [c for c in analyse([draft]).claims if c.kind == "count"]
    assert (claim.line, claim.column) == (5, 1)
