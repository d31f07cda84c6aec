"""Read articles from files, directories and manifests; account for every input that cannot be read."""

from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from checker.config import Settings
from checker.ingest.controls import clean_field, shown_path
from checker.ingest.decode import UnreadableInput, decode_bytes, normalise_text
from checker.ingest.files import iter_input_files, manifest_target, read_file_bytes
from checker.ingest.manifest import manifest_rows
from checker.ingest.text import ParsedText, parse_date, parse_markdown, parse_plain_text
from checker.model import Article, SkippedInput

__all__ = [
    "SUPPORTED_SUFFIXES", "Ingested", "iter_articles", "iter_input_files", "read_file", "read_inputs", "read_text",
]


def parse_html(html: str) -> ParsedText:
    """``checker.ingest.html.parse_html``, imported when an HTML page is read (a run without one never needs it)."""
    from checker.ingest.html import parse_html as parse

    return parse(html)


TEXT_PARSERS: dict[str, tuple[str, Callable[[str], ParsedText]]] = {
    ".txt": ("text", parse_plain_text),
    ".text": ("text", parse_plain_text),
    ".md": ("markdown", parse_markdown),
    ".markdown": ("markdown", parse_markdown),
    ".html": ("html", parse_html),
    ".htm": ("html", parse_html),
}
MANIFEST_SUFFIXES = (".jsonl", ".json", ".csv")
SUPPORTED_SUFFIXES = tuple(TEXT_PARSERS) + MANIFEST_SUFFIXES
FileReader = Callable[[Iterable[Path], Settings], Iterator[list[Article | SkippedInput]]]
"""Reads files, each to its list of ``read_file`` results, in order (in this process, or in workers)."""
# The start of the reason given when reading a file failed in a way no check foresaw (a bug in
# the checker or a library): the file is skipped and named, the run goes on; fuzz tests look for it.
INTERNAL_ERROR = "the checker failed on this file (please report it)"


@dataclass
class Ingested:
    """The articles read and the inputs skipped, in input order."""

    articles: list[Article] = field(default_factory=list)
    skipped: list[SkippedInput] = field(default_factory=list)


def read_text(path: Path, settings: Settings) -> str:
    """The decoded, normalised text of a regular file; raise ``UnreadableInput`` with the reason otherwise."""
    return normalise_text(decode_bytes(read_file_bytes(path, settings.max_file_bytes)))


def iter_articles(
    paths: Iterable[Path | str],
    settings: Settings | None = None,
    on_file: Callable[[Path], None] | None = None,
    read_files: FileReader | None = None,
) -> Iterator[Article | SkippedInput]:
    """Each article under ``paths`` as it is read, or a ``SkippedInput`` with the reason; never raises.

    ``read_files`` reads the files (each to its list of ``read_file`` results, in order): in this process by
    default, or in worker processes (``checker.parallel``). Article ids are made unique here, in input order.
    """
    settings = settings or Settings()
    used_ids: set[str] = set()
    walked: deque[Path | SkippedInput] = deque()  # walk entries whose results have not come back yet, in order

    def files_to_read() -> Iterator[Path]:
        for item in iter_input_files((Path(p) for p in paths), settings):
            walked.append(item)
            if isinstance(item, Path):
                yield item

    for results in (read_files or _read_files_here)(files_to_read(), settings):
        entry = walked.popleft()
        while isinstance(entry, SkippedInput):  # entries the walk skipped before this file
            yield entry
            entry = walked.popleft()
        if on_file:
            on_file(entry)
        for item in results:
            if isinstance(item, Article):
                item.article_id = _unique_id(item.article_id, item.source_path, used_ids)
                item.lang = item.lang or settings.lang.lower().replace("_", "-").split("-")[0]
            yield item
    yield from (entry for entry in walked if isinstance(entry, SkippedInput))  # all that is left


def _read_files_here(files: Iterable[Path], settings: Settings) -> Iterator[list[Article | SkippedInput]]:
    for path in files:
        yield read_file(path, settings)


def read_file(path: Path, settings: Settings) -> list[Article | SkippedInput]:
    """The articles in one input file (ids as written, not yet made unique), or why it is skipped; never raises.

    Pure (it reads the file and nothing else), so worker processes can run it.
    """
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        return [SkippedInput(shown_path(path), f"unsupported file type {clean_field(suffix) or '(none)'}")]
    items: list[Article | SkippedInput] = []
    try:
        items.extend(_articles_in_file(path, suffix, settings))
    except UnreadableInput as problem:
        items.append(SkippedInput(shown_path(path), problem.reason, problem.line))
    except Exception as error:  # noqa: BLE001 - one file's bug must not end the run; the report names it
        detail = clean_field(str(error)) or "no message"
        items.append(SkippedInput(shown_path(path), f"{INTERNAL_ERROR}: {type(error).__name__}: {detail}"))
    return items


def articles_in(path: Path, settings: Settings) -> int:
    """How many articles an input file holds, for a progress bar: a manifest's rows, any other file 1 (a file
    that cannot be read counts 1: it is one step, skipped). Never raises."""
    if path.suffix.lower() not in MANIFEST_SUFFIXES:
        return 1
    try:
        return max(1, sum(1 for _ in manifest_rows(read_text(path, settings), path)))
    except UnreadableInput:
        return 1


def _articles_in_file(path: Path, suffix: str, settings: Settings) -> Iterator[Article | SkippedInput]:
    text = read_text(path, settings)
    if suffix in MANIFEST_SUFFIXES:
        yield from _read_manifest(path, text, settings)
    else:
        yield _article_from_file(path, text)


def read_inputs(
    paths: Iterable[Path | str],
    settings: Settings | None = None,
    on_file: Callable[[Path], None] | None = None,
    read_files: FileReader | None = None,
) -> Ingested:
    """Read every article under ``paths`` (with ``read_files``, as ``iter_articles``). Never raises for bad
    input: it is listed in ``skipped``."""
    result = Ingested()
    for item in iter_articles(paths, settings, on_file, read_files):
        if isinstance(item, SkippedInput):
            result.skipped.append(item)
        else:
            result.articles.append(item)
    return result


def language_of(value: str | None) -> str:
    """The language an article states (front matter or manifest ``lang``), as its pack is named: "en" for "en-GB"
    and "EN"; "" when it states none (the configuration's ``lang`` then holds)."""
    code = clean_field(value) or ""
    return code.strip().lower().replace("_", "-").split("-")[0]


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _unique_id(wanted: str, source_path: str, used: set[str]) -> str:
    """``wanted``, or ``wanted~<hash of the source path>`` when taken (stable when the file is edited),
    or ``wanted~<hash>-N`` for further copies."""
    key = hashlib.sha256(source_path.encode("utf-8")).hexdigest()[:8]
    article_id = wanted if wanted not in used else f"{wanted}~{key}"
    copy = 2
    while article_id in used:
        article_id = f"{wanted}~{key}-{copy}"
        copy += 1
    used.add(article_id)
    return article_id


def _article_from_file(path: Path, text: str) -> Article:
    kind, parser = TEXT_PARSERS[path.suffix.lower()]
    parsed = parser(text)
    metadata = parsed.metadata or {}
    return Article(
        article_id=clean_field(metadata.get("id")) or clean_field(shown_path(path.stem)) or "article",
        source_path=shown_path(path),
        text=parsed.text,
        sha256=_sha256(parsed.text),
        outlet=clean_field(metadata.get("outlet")),
        url=clean_field(metadata.get("url")),
        title=clean_field(parsed.title),
        published=parsed.published,
        lang=language_of(metadata.get("lang")),
        format=kind,
        line_offset=parsed.line_offset,
    )


def _article_from_row_path(target: Path, written: str, settings: Settings) -> Article:
    """The article in a file a manifest row names; a problem is reported on the row, naming the file."""
    try:
        return _article_from_file(target, read_text(target, settings))
    except UnreadableInput as problem:
        line = f" (its line {problem.line})" if problem.line else ""
        raise UnreadableInput(f"row's path {written!r}: {problem.reason}{line}") from None


def _read_manifest(path: Path, text: str, settings: Settings) -> Iterator[Article | SkippedInput]:
    rows_read, skipped_any = 0, False
    manifest = shown_path(path)
    for row in manifest_rows(text, path):
        if isinstance(row, UnreadableInput):
            skipped_any = True
            yield SkippedInput(manifest, row.reason, row.line)
            continue
        where = f"{manifest}:{row.line}"
        fields = row.fields
        try:
            if fields["path"] and not (fields["text"] and fields["text"].strip()):
                target = manifest_target(path, fields["path"], settings)
                if target.suffix.lower() not in TEXT_PARSERS:
                    raise UnreadableInput(f"row's path {fields['path']!r} is not a text, Markdown or HTML file")
                article = _article_from_row_path(target, fields["path"], settings)
            else:
                parsed = parse_plain_text(normalise_text(fields["text"] or ""))
                article = Article(
                    article_id="",
                    source_path=where,
                    text=parsed.text,
                    sha256=_sha256(parsed.text),
                    title=clean_field(parsed.title),
                    published=parsed.published,
                    lang="",
                    format="manifest",
                )
            article.source_path = where
            article.outlet = clean_field(fields["outlet"]) or article.outlet
            article.url = clean_field(fields["url"]) or article.url
            article.title = clean_field(fields["title"]) or article.title
            article.published = parse_date(fields["published"], "published") or article.published
            article.lang = language_of(fields["lang"]) or article.lang
        except UnreadableInput as problem:
            skipped_any = True
            yield SkippedInput(manifest, problem.reason, problem.line or row.line)
            continue
        # manifest id, else the referenced file's own id (front matter or file name), else a content hash
        wanted = clean_field(fields["id"]) or article.article_id or article.sha256[:16]
        article.article_id = wanted  # made unique by iter_articles, in input order
        yield article
        rows_read += 1
    if rows_read == 0 and not skipped_any:
        yield SkippedInput(manifest, "manifest lists no articles")
