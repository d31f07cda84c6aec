"""Reader for saved web pages: main text and metadata through trafilatura, comments excluded."""

from __future__ import annotations

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

    document = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=False, with_metadata=True, deduplicate=False,
        date_extraction_params=_DATE_SEARCH,
    )
    body = normalise_text(document.text or "") if isinstance(document, Document) else ""
    if not isinstance(document, Document) or not body.strip():
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
