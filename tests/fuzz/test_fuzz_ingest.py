"""Fuzz targets for ingest: each reader (by suffix), front matter, manifests' paths, control characters, folder walks.

Properties for every input: the reader never raises (a bad file is skipped with a reason),
never fails on a file because of its own bug, never reads outside the tree it was given,
never blocks, and every string it produces is safe to show (no control characters, no
lone surrogates; metadata on one line) and encodable as UTF-8.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from pathlib import Path

import pytest
from fuzz_harness import SEEDS, encoded, fuzz_call, fuzz_settings, mutants, scratch_folder, text_with_hazards
from hypothesis import given
from hypothesis import strategies as st

from checker.config import Settings
from checker.ingest import INTERNAL_ERROR, Ingested, read_inputs
from checker.ingest.controls import clean_field, neutralise_controls
from checker.ingest.decode import UnreadableInput, normalise_text
from checker.ingest.manifest import FIELDS
from checker.ingest.text import parse_markdown

SECRET = "SECRET-MARKER-91c4"
POSIX = os.name == "posix"


@pytest.fixture(scope="module", autouse=True)
def _readers_warmed_up() -> None:
    """Read one input of each kind first: the first page with a date makes trafilatura load its date
    helpers (about a second, once per process), which is not the cost of any input."""
    page = '<html><head><meta name="date" content="2020-12-20"><title>T</title></head><body><p>x</p></body></html>'
    with scratch_folder() as folder:
        for name, text in [("a.html", page), ("b.md", "---\ntitle: t\n---\nBody."), ("c.txt", "Body."),
                           ("d.jsonl", '{"text": "x"}'), ("e.json", "[]"), ("f.csv", "text\nx")]:
            (Path(folder) / name).write_text(text, encoding="utf-8")
        read_inputs([folder])


def is_control(character: str) -> bool:
    code = ord(character)
    return code < 0x20 or 0x7F <= code <= 0x9F


def internal_errors(result: Ingested) -> str | None:
    failed = [s for s in result.skipped if s.reason.startswith(INTERNAL_ERROR)]
    return f"the reader failed on its own: {failed[0].reason}" if failed else None


def assert_ingested_safe(result: Ingested, inputs: int = 1) -> None:
    """What must hold for whatever was read: safe strings, true hashes, every input accounted for."""
    assert len(result.articles) + len(result.skipped) >= inputs
    for article in result.articles:
        assert article.text.strip()
        article.text.encode("utf-8")
        assert not any(is_control(ch) and ch != "\n" for ch in article.text), repr(article.text)
        assert article.sha256 == hashlib.sha256(article.text.encode("utf-8")).hexdigest()
        assert SECRET not in article.text
        for value in (article.article_id, article.title, article.outlet, article.url):
            if value is not None:
                value.encode("utf-8")
                assert value == value.strip() and value, repr(value)
                assert not any(is_control(ch) for ch in value), repr(value)
        article.source_path.encode("utf-8")
        assert article.line_offset >= 0
    for skipped in result.skipped:
        skipped.path.encode("utf-8")
        skipped.reason.encode("utf-8")
        assert skipped.reason


def read_file_and_mutants(target: str, name: str, data: bytes, seed: int) -> None:
    """Read ``data`` as the file ``name``, then each of its mutants, checking every result."""
    with scratch_folder() as folder:
        path = Path(folder) / name
        for variant in mutants(data, seed):
            path.write_bytes(variant)
            result = fuzz_call(target, read_inputs, [path], crash_in=internal_errors, shown=variant)
            assert isinstance(result, Ingested)
            assert_ingested_safe(result)


# --- inputs, by suffix --------------------------------------------------------------------------------

YAML_VALUES = [
    "2020-02-30", "2020-12-20", "2020-12-20 10:00:00+02:00", "true", "no", "null", "~", "[a]", "{x: 1}",
    "!!binary aGVsbG8=", "!!timestamp 2020-13-45", "!!float nan", "!custom x", "&a [x, x]", "*a", "*missing",
    "|\n  two\n  lines", ">\n  folded", "'quoted ''twice'''", '"\\ud800 lone"', '"\\e[2J clear"', '"\\x00"',
    "0x1F", "1e999", "-.inf", "12345678901234567890123456789", "[" * 200, "- a\n- b", "", ":", "'", '"',
]


@st.composite
def markdown_documents(draw: st.DrawFn) -> str:
    keys = st.one_of(st.sampled_from(["id", "title", "outlet", "published", "date", "url", "tags", "<<", "? x"]),
                     text_with_hazards(3))
    values = st.one_of(st.sampled_from(YAML_VALUES), text_with_hazards(4))
    lines = draw(st.lists(st.tuples(keys, values).map(lambda kv: f"{kv[0]}: {kv[1]}"), max_size=8))
    closing = draw(st.sampled_from(["---", "...", "", "--- "]))
    opening = draw(st.sampled_from(["---", "---", "", " ---"]))
    return "\n".join([opening, *lines, closing, draw(text_with_hazards())])


@st.composite
def plain_texts(draw: st.DrawFn) -> str:
    marker = draw(st.sampled_from(["", "date 2020-12-20 ", "date 2020-02-30 ", "  date 9999-99-99\t"]))
    headline = draw(st.sampled_from(["", "Rockets hit the Green Zone\n\n", "World\n\nNews\n\n", "\n" * 30]))
    return marker + headline + draw(text_with_hazards())


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    body = draw(st.lists(st.one_of(
        st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<br>", "<h1>", "</h1>", "<article>", "</article>",
                         "<script>x</script>", "<style>p{}</style>", "<!-- c -->", "<table><tr><td>", "<a href='",
                         "javascript:alert(1)'>", "</a>", "<p>The army said 21 rockets were fired.</p>"]),
        text_with_hazards(6)), max_size=30).map("".join))
    head = draw(st.sampled_from(["", "<title>T</title>", "<title>\x1b[2J x</title>",
                                 '<meta property="og:site_name" content="Wire \x1b]8;;x\x07">',
                                 '<meta name="date" content="2020-02-30">', '<link rel="canonical" href="http://[::1">']))
    return draw(st.sampled_from(["<html><head>{h}</head><body>{b}</body></html>", "{b}", "<html>{h}{b}"])).format(
        h=head, b=body)


json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), text_with_hazards(4)),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner, max_size=3)),
    max_leaves=8,
)
ROW_PATHS = ["inside.txt", "./inside.txt", "sub/../inside.txt", "../outside/secret.txt", "../../etc/hostname",
             "/etc/hostname", "fifo.txt", "link.txt", "loop.txt", "missing.txt", "a\x00b.txt", "\ud800.txt", "", "."]


@st.composite
def manifest_rows(draw: st.DrawFn) -> dict:
    row = {}
    for key in draw(st.lists(st.sampled_from(FIELDS), unique=True)):
        if key == "path":
            row[key] = draw(st.one_of(st.sampled_from(ROW_PATHS), json_values))
        elif key == "text":
            row[key] = draw(st.one_of(text_with_hazards(), json_values))
        else:
            row[key] = draw(st.one_of(text_with_hazards(4), st.sampled_from(["2020-02-30", "2020-12-20"]), json_values))
    return row


@st.composite
def jsonl_documents(draw: st.DrawFn) -> str:
    lines = draw(st.lists(st.one_of(
        manifest_rows().map(lambda row: json.dumps(row, ensure_ascii=True)),
        manifest_rows().map(lambda row: json.dumps(row, ensure_ascii=False)),
        json_values.map(json.dumps),
        text_with_hazards(4),
        st.sampled_from(["[" * 5000, '{"id": ' + "9" * 5000 + "}", "NaN", "{}", '{"text": "\\ud800"}']),
    ), max_size=6))
    return "\n".join(lines)


@st.composite
def json_documents(draw: st.DrawFn) -> str:
    rows = draw(st.lists(st.one_of(manifest_rows(), json_values), max_size=5))
    document = draw(st.sampled_from(["list", "articles", "object", "value", "cut"]))
    if document == "value":
        return json.dumps(draw(json_values))
    shaped: object = {"articles": rows} if document == "articles" else rows[0] if document == "object" and rows else rows
    text = json.dumps(shaped, indent=draw(st.sampled_from([None, 1, 2])), ensure_ascii=draw(st.booleans()))
    return text[: draw(st.integers(0, len(text)))] if document == "cut" else text


@st.composite
def csv_documents(draw: st.DrawFn) -> str:
    header = draw(st.lists(st.one_of(st.sampled_from(FIELDS), text_with_hazards(2)), min_size=1, max_size=8))
    cell = st.one_of(text_with_hazards(5), st.sampled_from(ROW_PATHS))
    rows = draw(st.lists(st.lists(cell, max_size=len(header) + 2), max_size=5))
    if draw(st.booleans()):
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(header)
        writer.writerows(rows)
        return buffer.getvalue()
    return "\n".join(",".join(row) for row in [header, *rows])  # unquoted: broken rows on purpose


DOCUMENTS = {
    ".txt": plain_texts(),
    ".md": markdown_documents(),
    ".html": html_pages(),
    ".jsonl": jsonl_documents(),
    ".json": json_documents(),
    ".csv": csv_documents(),
}


def _reader_target(suffix: str, weight: float = 1.0):
    @fuzz_settings(weight)
    @given(data=st.data())
    def test(data: st.DataObject) -> None:
        text = data.draw(DOCUMENTS[suffix], label="document")
        raw = data.draw(encoded(text), label="bytes")
        read_file_and_mutants(f"read{suffix}", f"input{suffix}", raw, data.draw(SEEDS, label="seed"))

    test.__name__ = f"test_fuzz_ingest_read_{suffix[1:]}"
    return test


test_fuzz_ingest_read_txt = _reader_target(".txt")
test_fuzz_ingest_read_md = _reader_target(".md")
test_fuzz_ingest_read_html = _reader_target(".html")
test_fuzz_ingest_read_jsonl = _reader_target(".jsonl")
test_fuzz_ingest_read_json = _reader_target(".json")
test_fuzz_ingest_read_csv = _reader_target(".csv")


# --- front matter, without files --------------------------------------------------------------------


@fuzz_settings()
@given(markdown_documents(), SEEDS)
def test_fuzz_ingest_front_matter(document: str, seed: int) -> None:
    for variant in mutants(document, seed):
        parsed = fuzz_call("front_matter", parse_markdown, normalise_text(variant), answers=(UnreadableInput,))
        if isinstance(parsed, UnreadableInput):
            assert parsed.reason
            assert parsed.line is None or parsed.line >= 1
            continue
        for key, value in (parsed.metadata or {}).items():
            assert value is None or (isinstance(value, str) and "\n" not in value), (key, value)
        assert parsed.title is None or isinstance(parsed.title, str)


# --- manifests whose rows point anywhere -----------------------------------------------------------


@fuzz_settings()
@given(st.sampled_from([".jsonl", ".json", ".csv"]), st.data())
def test_fuzz_ingest_manifest_paths(suffix: str, data: st.DataObject) -> None:
    with scratch_folder() as folder:
        tree, outside = Path(folder) / "tree", Path(folder) / "outside"
        (tree / "sub").mkdir(parents=True)
        outside.mkdir()
        (outside / "secret.txt").write_text(f"Secret headline of four words\n\n{SECRET} 21 rockets.\n")
        (tree / "inside.txt").write_text("Inside headline of four words\n\nThe army said 8 rockets.\n")
        if POSIX:
            os.mkfifo(tree / "fifo.txt")
            (tree / "link.txt").symlink_to(outside / "secret.txt")
            (tree / "loop.txt").symlink_to("loop.txt")
        manifest = tree / f"rows{suffix}"
        document = data.draw(DOCUMENTS[suffix], label="manifest")
        settings = Settings(follow_symlinks=data.draw(st.booleans(), label="follow_symlinks"))
        for variant in mutants(document, data.draw(SEEDS, label="seed")):
            manifest.write_text(variant, encoding="utf-8", errors="surrogatepass")
            result = fuzz_call("manifest.paths", read_inputs, [manifest], settings, crash_in=internal_errors,
                               shown=variant)
            if settings.follow_symlinks:  # following links out is what the setting allows: the secret is read
                assert len(result.articles) + len(result.skipped) >= 1  # the row is accounted for, read or skipped
                result.articles = [a for a in result.articles if SECRET not in a.text]
                assert_ingested_safe(result, inputs=0)
            else:
                assert_ingested_safe(result)


# --- control characters and surrogates, without files ---------------------------------------------


@fuzz_settings()
@given(text_with_hazards(60), SEEDS)
def test_fuzz_ingest_controls(document: str, seed: int) -> None:
    for text in mutants(document, seed):
        blanked = fuzz_call("controls", neutralise_controls, text)
        assert len(blanked) == len(text)
        assert [i for i, ch in enumerate(blanked) if ch == "\n"] == [i for i, ch in enumerate(text) if ch == "\n"]
        assert not any(is_control(ch) and ch not in "\n\t" for ch in blanked)
        blanked.encode("utf-8")
        normalised = fuzz_call("controls", normalise_text, text)
        assert normalise_text(normalised) == normalised
        field = clean_field(text)
        assert field is None or not any(is_control(ch) for ch in field)


# --- folder walks over every kind of entry -----------------------------------------------------------

ENTRY_KINDS = ["file", "hidden", "folder", "link-in", "link-out", "link-dangling", "link-loop", "link-folder",
               "link-up", "fifo", "device", "unsupported"]


@fuzz_settings()
@given(st.lists(st.tuples(st.sampled_from(ENTRY_KINDS), st.sampled_from([".txt", ".md", ".html", ".jsonl", ""])),
                min_size=1, max_size=8),
       st.booleans())
def test_fuzz_ingest_folder_walk(entries: list[tuple[str, str]], follow: bool) -> None:
    if not POSIX:
        return
    with scratch_folder() as folder:
        tree, outside = Path(folder) / "tree", Path(folder) / "outside"
        tree.mkdir()
        outside.mkdir()
        (outside / "secret.txt").write_text(f"Secret headline of four words\n\n{SECRET} 21 rockets.\n")
        article = "Headline of four plain words\n\nThe army said 8 rockets were fired.\n"
        for number, (kind, suffix) in enumerate(entries):
            path = tree / (f".e{number}{suffix}" if kind == "hidden" else f"e{number}{suffix}")
            if kind in ("file", "hidden", "unsupported"):
                path.write_text(article)
            elif kind == "folder":
                path.mkdir()
                (path / "inner.txt").write_text(article)
            elif kind == "link-in":
                (tree / f"t{number}.txt").write_text(article)
                path.symlink_to(tree / f"t{number}.txt")
            elif kind == "link-out":
                path.symlink_to(outside / "secret.txt")
            elif kind == "link-dangling":
                path.symlink_to(tree / "nowhere")
            elif kind == "link-loop":
                path.symlink_to(path.name)
            elif kind == "link-folder":
                path.symlink_to(outside)
            elif kind == "link-up":
                path.symlink_to(tree)
            elif kind == "fifo":
                os.mkfifo(path)
            elif kind == "device":
                path.symlink_to("/dev/null")
        result = fuzz_call("folder.walk", read_inputs, [tree], Settings(follow_symlinks=follow),
                           crash_in=internal_errors)
        accounted = {Path(item.split(":")[0]).relative_to(tree).parts[0]
                     for item in [a.source_path for a in result.articles] + [s.path for s in result.skipped]
                     if item.startswith(str(tree))}
        expected = {p.name for p in tree.iterdir() if not p.name.startswith(".")}
        assert expected <= accounted, expected - accounted  # every entry read or listed with a reason
        if follow:  # following links out is what the setting allows
            result.articles = [a for a in result.articles if SECRET not in a.text]
        assert_ingested_safe(result, inputs=0)
