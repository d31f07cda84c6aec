"""Reader for saved web pages: main text and metadata through trafilatura, comments excluded."""

from __future__ import annotations

from html.parser import HTMLParser

from checker.ingest.controls import clean_field
from checker.ingest.decode import UnreadableInput, normalise_text
from checker.ingest.furniture import remove_furniture
from checker.ingest.text import ParsedText, parse_date

# htmldate's "extensive" search hands any odd date string in a page to dateparser with every one
# of its 200 locales: 5-10 s the first time in a process, and a guess in any language. The fast
# search reads the formats pages use (ISO, meta tags, "December 20, 2020"); the text's own dates
# remain for pages without one.
_DATE_SEARCH = {"original_date": True, "extensive_search": False}


def parse_html(html: str) -> ParsedText:
    """Extract the article body, title, site name, date and URL of an HTML page."""
    import trafilatura  # here, not at the top: runs without an .html input never need it (nor its lxml stack)
    from trafilatura.settings import Document

    def extract(with_metadata: bool) -> object:
        return trafilatura.bare_extraction(
            html, include_comments=False, include_tables=False, with_metadata=with_metadata, deduplicate=False,
            date_extraction_params=_DATE_SEARCH,
        )

    try:
        extracted = extract(with_metadata=True)
    except AssertionError:
        # htmldate, looking for the page's date, asks lxml to drop a script that has no parent on some malformed
        # pages ("</html><html><head><meta ..." after the body): read the page without its metadata
        try:
            extracted = extract(with_metadata=False)
        except AssertionError:
            extracted = None  # the paragraphs are read below with the standard library's tokenizer
    document = extracted if isinstance(extracted, Document) else Document()
    body = normalise_text(document.text or "")
    if not body.strip():
        # lxml, under trafilatura, drops what lies deeper than libxml2's nesting limit (a paragraph inside 2,000
        # <div>s): read the page's paragraphs with the standard library's tokenizer, which has no depth to exceed
        body = normalise_text(_paragraphs(html))
        if not body.strip():
            raise UnreadableInput("no article text found in the HTML page")
    lines = remove_furniture(body.split("\n"))
    if not any(line.strip() for line in lines):
        raise UnreadableInput("no article text left after removing page furniture")
    title = clean_field(document.title)
    if title and lines and lines[0].strip() != title:
        lines = [title, ""] + lines  # keep the headline in the text, as for plain text, so it can be checked
    try:
        published = parse_date(document.date, "page date")
    except UnreadableInput:
        published = None  # trafilatura found no usable date; the pipeline may infer one from the text
    return ParsedText(
        text="\n".join(lines),
        title=title,
        published=published,
        metadata={"outlet": document.sitename, "url": document.url},
    )


_BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote"})
_SKIPPED = frozenset({"script", "style", "nav", "header", "footer", "aside", "form", "noscript", "template"})


class _ParagraphReader(HTMLParser):
    """The text of a page's paragraphs, headings and list items, each on a line of its own, outside scripts,
    styles and page furniture; linear in the page, whatever its nesting."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.block = 0  # open block elements
        self.skipped = 0  # open elements whose text is not the article's

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _SKIPPED:
            self.skipped += 1
        elif tag in _BLOCKS:
            self._end_line()
            self.block += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipped = max(0, self.skipped - 1)
        elif tag in _BLOCKS:
            self._end_line()
            self.block = max(0, self.block - 1)

    def handle_data(self, data: str) -> None:
        if self.block and not self.skipped:
            self.current.append(data)

    def _end_line(self) -> None:
        line = " ".join("".join(self.current).split())
        if line:
            self.lines.extend([line, ""])
        self.current = []


def _paragraphs(html: str) -> str:
    reader = _ParagraphReader()
    try:
        reader.feed(html)
        reader.close()
    except (AssertionError, ValueError):  # the tokenizer gives up on some malformed markup ("<![date ...")
        pass  # what it read before is kept
    reader._end_line()
    return "\n".join(reader.lines)
