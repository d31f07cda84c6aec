"""Read articles from files, directories and manifests; account for every input that cannot be read."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from checker.config import Settings
from checker.ingest.decode import UnreadableInput, decode_bytes, normalise_text
from checker.ingest.html import parse_html
from checker.ingest.manifest import manifest_rows
from checker.ingest.text import ParsedText, parse_date, parse_markdown, parse_plain_text
from checker.model import Article, SkippedInput

__all__ = ["Ingested", "iter_articles", "read_inputs", "read_text", "SUPPORTED_SUFFIXES"]

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


@dataclass
class Ingested:
    """The articles read and the inputs skipped, in input order."""

    articles: list[Article] = field(default_factory=list)
    skipped: list[SkippedInput] = field(default_factory=list)


def iter_input_files(paths: Iterable[Path]) -> Iterator[Path | SkippedInput]:
    """Each file under ``paths`` (directories walked recursively in sorted order, hidden entries left out)."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                relative = child.relative_to(path)
                if child.is_file() and not any(part.startswith(".") for part in relative.parts):
                    yield child
        elif path.is_file():
            yield path
        elif path.exists():
            yield SkippedInput(str(path), "not a regular file")
        else:
            yield SkippedInput(str(path), "no such file or directory")


def read_text(path: Path, settings: Settings) -> str:
    """The decoded, normalised text of a file; raise ``UnreadableInput`` with the reason otherwise."""
    try:
        size = path.stat().st_size
        if size > settings.max_file_bytes:
            raise UnreadableInput(
                f"file is {size:,} bytes, over the limit of {settings.max_file_bytes:,} (max_file_bytes)"
            )
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableInput(f"cannot read file: {error.strerror or error}") from None
    return normalise_text(decode_bytes(data))


def iter_articles(
    paths: Iterable[Path | str],
    settings: Settings | None = None,
    on_file: Callable[[Path], None] | None = None,
) -> Iterator[Article | SkippedInput]:
    """Each article under ``paths`` as it is read, or a ``SkippedInput`` with the reason; never raises."""
    settings = settings or Settings()
    used_ids: set[str] = set()
    for item in iter_input_files(Path(p) for p in paths):
        if isinstance(item, SkippedInput):
            yield item
            continue
        if on_file:
            on_file(item)
        suffix = item.suffix.lower()
        if suffix not in SUPPORTED_SUFFIXES:
            yield SkippedInput(str(item), f"unsupported file type {suffix or '(none)'}")
            continue
        try:
            text = read_text(item, settings)
            if suffix in MANIFEST_SUFFIXES:
                yield from _read_manifest(item, text, settings, used_ids)
            else:
                article = _article_from_file(item, text)
                article.article_id = _unique_id(article.article_id, article.source_path, used_ids)
                yield article
        except UnreadableInput as problem:
            yield SkippedInput(str(item), problem.reason, problem.line)


def read_inputs(
    paths: Iterable[Path | str],
    settings: Settings | None = None,
    on_file: Callable[[Path], None] | None = None,
) -> Ingested:
    """Read every article under ``paths``. Never raises for bad input: it is listed in ``skipped``."""
    result = Ingested()
    for item in iter_articles(paths, settings, on_file):
        (result.skipped if isinstance(item, SkippedInput) else result.articles).append(item)
    return result


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


def _text_or_none(value: object) -> str | None:
    return str(value).strip() or None if value is not None else None


def _article_from_file(path: Path, text: str) -> Article:
    kind, parser = TEXT_PARSERS[path.suffix.lower()]
    parsed = parser(text)
    metadata = parsed.metadata or {}
    return Article(
        article_id=_text_or_none(metadata.get("id")) or path.stem,
        source_path=str(path),
        text=parsed.text,
        sha256=_sha256(parsed.text),
        outlet=_text_or_none(metadata.get("outlet")),
        url=_text_or_none(metadata.get("url")),
        title=_text_or_none(parsed.title),
        published=parsed.published,
        format=kind,
        line_offset=parsed.line_offset,
    )


def _read_manifest(path: Path, text: str, settings: Settings, used_ids: set[str]) -> Iterator[Article | SkippedInput]:
    rows_read, skipped_any = 0, False
    for row in manifest_rows(text, path):
        if isinstance(row, UnreadableInput):
            skipped_any = True
            yield SkippedInput(str(path), row.reason, row.line)
            continue
        where = f"{path}:{row.line}"
        fields = row.fields
        try:
            if fields["path"] and not (isinstance(fields["text"], str) and fields["text"].strip()):
                target = (path.parent / str(fields["path"])).resolve()
                if target.suffix.lower() not in TEXT_PARSERS:
                    raise UnreadableInput(f"row's path {fields['path']!r} is not a text, Markdown or HTML file")
                article = _article_from_file(target, read_text(target, settings))
            else:
                parsed = parse_plain_text(normalise_text(str(fields["text"])))
                article = Article(
                    article_id="",
                    source_path=where,
                    text=parsed.text,
                    sha256=_sha256(parsed.text),
                    title=parsed.title,
                    published=parsed.published,
                    format="manifest",
                )
            article.source_path = where
            article.outlet = _text_or_none(fields["outlet"]) or article.outlet
            article.url = _text_or_none(fields["url"]) or article.url
            article.title = _text_or_none(fields["title"]) or article.title
            article.published = parse_date(fields["published"], "published") or article.published
        except UnreadableInput as problem:
            skipped_any = True
            yield SkippedInput(str(path), problem.reason, problem.line or row.line)
            continue
        # manifest id, else the referenced file's own id (front matter or file name), else a content hash
        wanted = _text_or_none(fields["id"]) or article.article_id or article.sha256[:16]
        article.article_id = _unique_id(wanted, article.source_path, used_ids)
        yield article
        rows_read += 1
    if rows_read == 0 and not skipped_any:
        yield SkippedInput(str(path), "manifest lists no articles")
