"""The Markdown report on GitHub: nothing from input becomes a link, an image, raw HTML, emphasis or a list.

Checked with cmarkgfm (GitHub's own cmark-gfm, with its autolink extension), in unsafe mode so
that any raw HTML that got through would show up in the output.
"""

from __future__ import annotations

import html
import os
import re
from html.parser import HTMLParser

import cmarkgfm
from cmarkgfm.cmark import Options
from hostile_records import MARKDOWN, PAYLOAD, hostile_run
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.render import View, renderer_for
from checker.render.escape import strip_terminal_controls
from checker.render.markdown import WORD_JOINER, code, escape

REPORT_TAGS = {"h1", "h2", "h3", "p", "strong", "blockquote", "code", "table", "thead", "tbody", "tr", "th", "td",
               "ul", "li", "br"}


def github_html(markdown: str) -> str:
    return cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append((tag, dict(attrs)))


def tags_of(page: str) -> list[tuple[str, dict]]:
    parser = _Tags()
    parser.feed(page)
    return parser.tags


def test_render_markdown_hostile_ids_outlets_and_text_make_no_links_images_or_html() -> None:
    """Article ids with a backtick or a newline, outlets, titles, speakers, reasons: all inert on GitHub."""
    markdown = renderer_for(View.report, "markdown").render(hostile_run())
    page = github_html(markdown)
    tags = tags_of(page)
    assert {tag for tag, _ in tags} <= REPORT_TAGS, {tag for tag, _ in tags} - REPORT_TAGS
    assert not [attrs for _, attrs in tags if attrs]  # no href, src, onerror ...
    assert "&lt;img src=x onerror=alert(1)&gt;" in page  # shown as text, so an editor sees what was there
    assert "https://evil.example/p" in page and "www.evil.example" in page  # the words stay, as words
    lines = markdown.splitlines()
    assert not [line for line in lines if line.startswith("::")]  # the newline in the payload did not survive


def test_render_markdown_an_id_with_a_backtick_and_a_newline_is_text() -> None:
    hostile_id = "x`\n<img src=x onerror=alert(1)>`[a](https://evil.example)"
    page = github_html(f"| {code(hostile_id)} |\n|---|\n| {code(hostile_id)} |\n\n(line {code(hostile_id)})")
    assert not [tag for tag, _ in tags_of(page) if tag in ("img", "a")]
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert code("kvh-2020-12-20") == "`kvh-2020-12-20`"  # an ordinary id keeps its code span


def rendered_text(markdown: str) -> str:
    """The text of a one-paragraph (or one-cell) rendering, with the tags around it removed."""
    inner = re.sub(r"</?(p|blockquote|table|thead|tbody|tr|th|td)( [^>]*)?>", "", github_html(markdown))
    return html.unescape(inner).strip().replace(WORD_JOINER, "")


HOSTILE_CHARACTERS = list("abw.:/@_*`<>[]()!#|~&\\-+=1 \n\t\"'") + ["www.", "http://", "https://", "a@b.co", "&amp;",
                                                                     "<img src=x>", "- ", "1. ", "---", "```", "\x1b["]


@settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "300")), deadline=None)
@given(st.lists(st.sampled_from(HOSTILE_CHARACTERS) | st.characters(blacklist_categories=("Cs",)), max_size=30))
def test_render_markdown_escape_keeps_every_character_as_text(parts: list[str]) -> None:
    """Whatever the text, escape() renders on GitHub as that text: in a paragraph, a quote, or a table cell."""
    text = "".join(parts)
    expected = " ".join(strip_terminal_controls(text).split()).replace(WORD_JOINER, "")
    escaped = escape(text).strip()
    assert rendered_text(f"x {escaped}")[2:] == expected or (not expected and rendered_text(f"x {escaped}") == "x")
    if expected:
        assert rendered_text(f"> {escaped}") == expected
        assert rendered_text(f"| h |\n|---|\n| {escaped} |").removeprefix("h").strip() == expected
    assert "<a " not in github_html(f"> {escaped}")


def test_render_markdown_payload_constants_cover_what_they_claim() -> None:
    """The hostile payload really is live Markdown when not escaped (so the tests above can fail)."""
    page = github_html(MARKDOWN)
    assert "<img" in page and "<a href" in page and "<code>" in page
    assert PAYLOAD.count("\n") == 1
