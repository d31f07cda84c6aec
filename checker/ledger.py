"""The claim ledger: an embedded DuckDB file of articles, claims, events and findings, scanned incrementally.

Articles are keyed by ``article_id`` and scanned by content hash: an unchanged article is
skipped, a changed one replaced with its claims. Each batch is one transaction, so a scan
killed midway leaves a ledger that opens, and a rerun completes it with nothing lost or
doubled. Events and findings are recomputed from the stored claims at the end of a scan.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import duckdb

from checker.config import Settings
from checker.events import Frame
from checker.ingest import iter_articles
from checker.knowledge import Knowledge
from checker.model import (
    Article,
    Claim,
    ColumnKind,
    Dispute,
    Event,
    EventMention,
    Finding,
    SkippedInput,
    SourceScore,
    table_columns,
)
from checker.parallel import Workers, file_reader, open_workers
from checker.pipeline import assess, extract
from checker.result import RunResult

DEFAULT_LEDGER = Path(".checker") / "ledger.duckdb"
"""The ledger a command uses when none is given: the one place for this path (the CLI reads it from here)."""
BATCH_ARTICLES = 200
TABLES: dict[str, type] = {"articles": Article, "claims": Claim, "mentions": EventMention, "events": Event,
                           "disputes": Dispute, "findings": Finding, "skipped": SkippedInput, "sources": SourceScore}
# derived from all claims, replaced together by each assessment
ASSESSMENT = ("events", "disputes", "findings", "sources")
EXTRACTED = ("articles", "claims", "mentions")  # what extraction wrote: a new column there means extracting again
FIRST_TABLES = ("articles", "claims", "events", "findings", "skipped")  # every ledger has these; later ones are added
KEYS = {"articles": "article_id", "claims": "claim_id", "events": "event_id", "disputes": "dispute_id",
        "findings": "finding_id"}


OWN_TABLES = frozenset({*TABLES, "meta"})
# Every ledger is opened so that nothing in the file can reach outside it: no file or network reads or writes
# (DuckDB's external access), no extension installed or loaded on demand.
LOCKED_DOWN: dict[str, str | bool | int | float | list[str]] = {
    "enable_external_access": False, "autoinstall_known_extensions": False, "autoload_known_extensions": False}


class LedgerError(RuntimeError):
    """A ledger that cannot be opened or written: the message names the file."""


_SQL_TYPES: dict[ColumnKind, str] = {"str": "VARCHAR", "int": "INTEGER", "float": "DOUBLE", "bool": "BOOLEAN",
                                    "date": "DATE", "str_list": "VARCHAR[]", "records": "JSON"}


@cache
def _columns(record: type) -> tuple[tuple[str, str], ...]:
    """(name, SQL type) of each column of a record's table, from its description in ``checker.model``."""
    return tuple((column.name, _SQL_TYPES[column.kind]) for column in table_columns(record))


@cache
def _conversions(record: type) -> tuple[tuple[str, str], ...]:
    """The columns whose stored values need converting back (JSON text, NULL lists, dates)."""
    return tuple((name, sql) for name, sql in _columns(record) if sql in ("JSON", "VARCHAR[]", "DATE"))


def _quoted(name: str) -> str:
    return f'"{name}"'


@dataclass
class ScanStats:
    """What a scan did: articles added, replaced, unchanged; inputs skipped; claims stored."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    skipped: int = 0
    claims: int = 0


class Ledger:
    """An open ledger file. Use as a context manager; every write is a transaction."""

    def __init__(self, path: Path | str = DEFAULT_LEDGER, read_only: bool = False) -> None:
        self.path = Path(path)
        if read_only and not self.path.is_file():
            raise LedgerError(f"{self.path}: no such ledger (create one with 'checker scan PATH --ledger {self.path}')")
        try:
            if not read_only:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self.connection = duckdb.connect(str(self.path), read_only=read_only, config=LOCKED_DOWN)
        except (duckdb.Error, OSError) as error:
            raise LedgerError(f"{self.path}: cannot open the ledger: {error}") from None
        try:
            self._refuse_foreign_objects()
        except LedgerError:
            self.connection.close()
            raise
        if not read_only:
            self._create_or_upgrade_tables()
        stored = self._stored_columns()
        if not set(FIRST_TABLES) <= set(stored):
            self.connection.close()
            missing = sorted(set(FIRST_TABLES) - set(stored))
            raise LedgerError(f"{self.path}: not a checker ledger (no tables {', '.join(missing)})")
        # a ledger written by an earlier version, opened read-only: what it lacks (a rescan adds it)
        self.outdated = {table: [name for name, _ in _columns(record) if name not in stored.get(table, ())]
                         for table, record in TABLES.items()}

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.connection.close()

    def _refuse_foreign_objects(self) -> None:
        """A ledger holds only the checker's tables. A view, a macro, a sequence or another table could run code
        a hostile file brings (a view over ``read_text('/etc/passwd')``): refuse the file, naming what it holds."""
        foreign = [f"view {name}" for (name,) in self.connection.execute(
            "SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()]
        foreign += [f"macro {name}" for (name,) in self.connection.execute(
            "SELECT function_name FROM duckdb_functions() WHERE NOT internal AND function_type IN "
            "('macro', 'table_macro')").fetchall()]
        foreign += [f"sequence {name}" for (name,) in self.connection.execute(
            "SELECT sequence_name FROM duckdb_sequences()").fetchall()]
        foreign += [f"table {name}" for (name,) in self.connection.execute(
            "SELECT table_name FROM duckdb_tables()").fetchall() if name not in OWN_TABLES]
        if foreign:
            raise LedgerError(f"{self.path}: not a checker ledger: it holds {', '.join(sorted(foreign)[:5])}"
                              f"{' and more' if len(foreign) > 5 else ''}; a ledger holds only the checker's tables "
                              f"({', '.join(sorted(OWN_TABLES))})")

    def _stored_columns(self) -> dict[str, set[str]]:
        stored: dict[str, set[str]] = {}
        for table, column in self.connection.execute(
                "SELECT table_name, column_name FROM information_schema.columns").fetchall():
            stored.setdefault(table, set()).add(column)
        return stored

    def _create_or_upgrade_tables(self) -> None:
        """Create the tables, or bring a ledger written by an earlier version up to the records' columns.

        A new column of an extracted table (articles, claims) marks every article as changed, so
        the next scan extracts it again; any new table or column makes the assessment stale.
        """
        connection = self.connection
        connection.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
        stored = self._stored_columns()
        fresh = not set(FIRST_TABLES) & set(stored)
        changed: set[str] = set()
        for table, record in TABLES.items():
            if table not in stored:
                columns = ", ".join(f"{_quoted(name)} {sql}" for name, sql in _columns(record))
                key = f", PRIMARY KEY ({_quoted(KEYS[table])})" if table in KEYS else ""
                connection.execute(f"CREATE TABLE {table} ({columns}{key})")
                changed.add(table)
                continue
            for name, sql in _columns(record):
                if name not in stored[table]:
                    connection.execute(f"ALTER TABLE {table} ADD COLUMN {_quoted(name)} {sql}")
                    changed.add(table)
        if fresh or not changed:
            return
        if changed & set(EXTRACTED):
            connection.execute("UPDATE articles SET sha256 = ''")  # extracted without the new columns: extract again
        connection.execute("INSERT OR REPLACE INTO meta VALUES ('assessment', 'stale')")

    def _require_current(self, *tables: str) -> None:
        """Raise ``LedgerError`` if any of ``tables`` lacks a table or column that this version writes."""
        lacks = []
        for table in tables:
            missing = self.outdated.get(table)
            if missing:
                lacks.append(f"no table {table}" if len(missing) == len(_columns(TABLES[table]))
                             else f"no columns {', '.join(missing)} in table {table}")
        if lacks:
            raise LedgerError(f"{self.path}: written by an earlier version of checker (has {'; '.join(lacks)}); "
                              "run 'checker scan' on it to bring it up to date")

    # --- writing ----------------------------------------------------------------------------------
    def count(self, table: str) -> int:
        if table not in TABLES:
            raise ValueError(f"no table {table!r} in a ledger")
        return self._count(f"SELECT count(*) FROM {table}")

    def _count(self, query: str) -> int:
        row = self.connection.execute(query).fetchone()
        return int(row[0]) if row else 0

    def known_articles(self) -> dict[str, tuple[str, str]]:
        """article id -> (content hash, source path) of every stored article."""
        rows = self.connection.execute("SELECT article_id, sha256, source_path FROM articles").fetchall()
        return {article_id: (sha256, path) for article_id, sha256, path in rows}

    def assessment_is_stale(self) -> bool:
        return bool(self._count("SELECT count(*) FROM meta WHERE key = 'assessment'"))

    def store_batch(self, articles: list[Article], claims: list[Claim], skipped: list[SkippedInput],
                    read_paths: Sequence[str] = (), mentions: Sequence[EventMention] = ()) -> None:
        """In one transaction: replace these articles and their claims (by id, and by source path, so a
        renamed id leaves no stale copy), drop articles whose file is now unreadable, record skipped
        inputs and forget old skips of files that read again, and mark events and findings stale."""
        connection = self.connection
        connection.execute("BEGIN TRANSACTION")
        try:
            ids = [a.article_id for a in articles]
            gone_paths = [a.source_path for a in articles] + [s.path for s in skipped]
            if ids or gone_paths:
                stale = ("SELECT article_id FROM articles WHERE article_id IN (SELECT UNNEST(?)) "
                         "OR source_path IN (SELECT UNNEST(?))")
                connection.execute(f"DELETE FROM claims WHERE article_id IN ({stale})", [ids, gone_paths])
                connection.execute(f"DELETE FROM mentions WHERE article_id IN ({stale})", [ids, gone_paths])
                connection.execute(f"DELETE FROM articles WHERE article_id IN ({stale})", [ids, gone_paths])
                self._insert("articles", articles)
                self._insert("claims", claims)
                self._insert("mentions", list(mentions))
            # files that read now (manifest rows are left alone: a manifest may span batches)
            files = sorted({path for path in [*read_paths, *(a.source_path for a in articles)]
                            if _file_of(path) == path})
            if files:
                connection.execute("DELETE FROM skipped WHERE path IN (SELECT UNNEST(?))", [files])
            paths = [s.path for s in skipped]
            if paths:
                connection.execute("DELETE FROM skipped WHERE path IN (SELECT UNNEST(?))", [paths])
                self._insert("skipped", skipped)
            connection.execute("INSERT OR REPLACE INTO meta VALUES ('assessment', 'stale')")
            connection.execute("COMMIT")
        except Exception:
            connection.execute("ROLLBACK")
            raise

    def store_assessment(self, result: RunResult) -> None:
        """Replace the events, disputes, findings and source scores (derived from all claims) in one transaction."""
        connection = self.connection
        connection.execute("BEGIN TRANSACTION")
        try:
            for table in ASSESSMENT:
                connection.execute(f"DELETE FROM {table}")
            connection.execute("DELETE FROM meta WHERE key = 'assessment'")
            connection.execute("UPDATE claims SET event_id = NULL")
            self._insert("events", result.events)
            self._insert("disputes", result.disputes)
            self._insert("findings", result.findings)
            self._insert("sources", result.sources)
            pairs = [(c.claim_id, c.event_id) for c in result.claims if c.event_id]
            if pairs:
                import pandas as pd

                frame = pd.DataFrame(pairs, columns=["claim_id", "event_id"])
                connection.register("event_of_claim", frame)
                connection.execute("UPDATE claims SET event_id = e.event_id FROM event_of_claim e "
                                   "WHERE claims.claim_id = e.claim_id")
                connection.unregister("event_of_claim")
            connection.execute("COMMIT")
        except Exception:
            connection.execute("ROLLBACK")
            raise

    def _insert(self, table: str, records: list) -> None:
        if not records:
            return
        import pandas as pd

        columns = _columns(TABLES[table])
        names = [name for name, _ in columns]
        rows = [_row(record, columns) for record in records]
        frame = pd.DataFrame(rows, columns=names)
        self.connection.register("incoming", frame)
        column_list = ", ".join(_quoted(n) for n in names)
        self.connection.execute(f"INSERT INTO {table} ({column_list}) SELECT {column_list} FROM incoming")
        self.connection.unregister("incoming")

    # --- reading ----------------------------------------------------------------------------------
    def load(self, table: str, where: str = "", parameters: list | None = None) -> list:
        record = TABLES[table]
        self._require_current(table)
        names = [name for name, _ in _columns(record)]
        query = f"SELECT {', '.join(_quoted(n) for n in names)} FROM {table} {where}"
        try:
            rows = self.connection.execute(query, parameters or []).fetchall()
        except duckdb.Error as error:
            raise LedgerError(f"{self.path}: cannot read table {table} "
                              f"(a ledger from another version?): {error}") from None
        return [record(**_values(dict(zip(names, row, strict=True)), record)) for row in rows]

    def record(self) -> RunResult:
        """Articles, claims and skipped inputs as stored (events and findings are recomputed by ``assess``)."""
        return RunResult(articles=self.load("articles", "ORDER BY article_id"),
                         claims=self.load("claims", "ORDER BY article_id, start"),
                         skipped=self.load("skipped", "ORDER BY path"),
                         mentions=self.load("mentions", "ORDER BY article_id, start, kind"))

    def record_near(self, claims: list[Claim], articles: list[Article], knowledge: Knowledge) -> RunResult:
        """What a draft could be compared with: every event on record that event resolution could join the
        draft's claims to, with all its claims and their articles. ``checker check`` then clusters the draft
        with them through the same resolver a report uses, so a draft's figure meets the same event with
        ``--ledger`` as with ``--against``; reading only these events keeps it fast on a large ledger.

        Which events are in reach is the events package's rule (``EventResolver.could_join``). A ledger whose
        events are stale (a scan interrupted before they were recomputed) is read whole.
        """
        published = {article.article_id: article.published for article in articles}
        framed = {(Frame(c.event_type, c.place, c.event_date_low, c.event_date_high), published.get(c.article_id))
                  for c in claims if c.kind != "attribution" and (c.event_type or c.place)}
        if not framed:
            return RunResult()
        if self.assessment_is_stale():
            record = self.record()
            return RunResult(articles=record.articles, claims=record.claims)
        try:
            rows = self.connection.execute(
                "SELECT event_id, event_type, place, date_low, date_high FROM events").fetchall()
        except duckdb.Error as error:
            raise LedgerError(f"{self.path}: cannot read table events "
                              f"(a ledger from another version?): {error}") from None
        resolver = knowledge.resolver()
        on_record = [Event(event_id, event_type, place, _day(low), _day(high))
                     for event_id, event_type, place, low, high in rows]
        wanted = sorted({event.event_id for event in on_record
                         if any(resolver.could_join(frame, day, event) for frame, day in framed)})
        if not wanted:
            return RunResult()
        near = self.load("claims", "WHERE event_id IN (SELECT UNNEST(?)) ORDER BY article_id, start", [wanted])
        article_ids = sorted({c.article_id for c in near})
        return RunResult(articles=self.load("articles", "WHERE article_id IN (SELECT UNNEST(?)) ORDER BY article_id",
                                            [article_ids]), claims=near)

    def export(self, directory: Path) -> list[Path]:
        """Every table (articles, claims, events, findings, skipped inputs, sources) as a Parquet file in
        ``directory``."""
        self._require_current(*TABLES)
        written = []
        try:
            directory.mkdir(parents=True, exist_ok=True)
            writer = duckdb.connect()  # in memory, holding nothing of the file but each table's plain rows
            try:
                for table in TABLES:
                    target = directory / f"{table}.parquet"
                    writer.register("rows", self.connection.execute(f"SELECT * FROM {table}").df())
                    escaped = str(target).replace("'", "''")
                    writer.execute(f"COPY rows TO '{escaped}' (FORMAT PARQUET)")
                    writer.unregister("rows")
                    written.append(target)
            finally:
                writer.close()
        except (duckdb.Error, OSError) as error:
            raise LedgerError(f"{directory}: cannot export the ledger there: {error}") from None
        return written


def _row(record: object, columns: tuple[tuple[str, str], ...]) -> list[object]:
    return [json.dumps(getattr(record, name), ensure_ascii=False) if sql == "JSON" else getattr(record, name)
            for name, sql in columns]


def _values(row: dict, record: type) -> dict:
    for name, sql in _conversions(record):
        value = row[name]
        if sql == "JSON" and isinstance(value, str):
            row[name] = json.loads(value)
        elif sql == "VARCHAR[]" and value is None:
            row[name] = []
        elif sql == "DATE" and value is not None and not isinstance(value, date):
            row[name] = date.fromisoformat(str(value)[:10])
    return row


def _day(value: object) -> date | None:
    return value if value is None or isinstance(value, date) else date.fromisoformat(str(value)[:10])


def scan(
    ledger_path: Path | str,
    paths: Iterable[Path | str],
    settings: Settings | None = None,
    on_file: Callable[[Path], None] | None = None,
    batch_articles: int = BATCH_ARTICLES,
    knowledge: Knowledge | None = None,
    workers: Workers | None = None,
) -> tuple[ScanStats, dict[str, int]]:
    """Add the articles under ``paths`` to the ledger, batch by batch; then recompute events and findings
    (when anything changed). Returns what the scan did, and how many rows each table now holds.

    Files are read and articles extracted by ``workers`` (default: ``settings.jobs`` processes, or this
    process for a small input), started before DuckDB starts its threads.
    """
    settings = settings or Settings()
    knowledge = knowledge or Knowledge.load(settings.lexicon_folders())
    if workers is None:
        paths = list(paths)
        with open_workers(settings, knowledge, paths) as opened:
            return scan(ledger_path, paths, settings, on_file, batch_articles, knowledge, opened)
    stats = ScanStats()
    with Ledger(ledger_path) as ledger:
        known = ledger.known_articles()
        articles_read = iter_articles(paths, settings, on_file, file_reader(workers))
        for articles, skipped in _batches(articles_read, batch_articles):
            fresh, read_paths = [], []
            for article in articles:
                stored = known.get(article.article_id)
                if stored is not None and stored[1] != article.source_path:
                    # the same id from another file (two "story.md" in two folders): keep both
                    article.article_id = f"{article.article_id}~{_path_key(article.source_path)}"
                    stored = known.get(article.article_id)
                read_paths.append(article.source_path)
                if stored is not None and stored[0] == article.sha256:
                    stats.unchanged += 1
                    continue
                stats.replaced += stored is not None
                stats.added += stored is None
                fresh.append(article)
            found = extract(fresh, knowledge, workers)
            skipped = skipped + found.skipped
            stats.skipped += len(skipped)
            stats.claims += len(found.claims)
            ledger.store_batch(found.articles, found.claims, skipped, read_paths, found.mentions)
            known.update((a.article_id, (a.sha256, a.source_path)) for a in found.articles)
        if stats.added or stats.replaced or ledger.assessment_is_stale():
            record = ledger.record()
            ledger.store_assessment(assess(record.articles, record.claims, record.mentions, settings,
                                           skipped=record.skipped, knowledge=knowledge))
        totals = {table: ledger.count(table) for table in ("articles", "claims", "events", "disputes", "findings")}
    return stats, totals


def _path_key(path: str) -> str:
    import hashlib

    return hashlib.sha256(path.encode("utf-8")).hexdigest()[:8]


def _file_of(path: str) -> str:
    """The file a source path names ("wire.jsonl:3" is a row of wire.jsonl)."""
    head, _, tail = path.rpartition(":")
    return head if head and tail.isdigit() else path


def _batches(items: Iterator[Article | SkippedInput], size: int) -> Iterator[tuple[list[Article], list[SkippedInput]]]:
    articles: list[Article] = []
    skipped: list[SkippedInput] = []
    for item in items:
        if isinstance(item, SkippedInput):
            skipped.append(item)
        else:
            articles.append(item)
        if len(articles) >= size:
            yield articles, skipped
            articles, skipped = [], []
    if articles or skipped:
        yield articles, skipped


def report_from(ledger_path: Path | str = DEFAULT_LEDGER, settings: Settings | None = None,
                priors: dict[str, tuple[float, str]] | None = None) -> RunResult:
    """The report's data from a ledger, without re-reading any article."""
    with Ledger(ledger_path, read_only=True) as ledger:
        record = ledger.record()
    return assess(record.articles, record.claims, record.mentions, settings, skipped=record.skipped, priors=priors)


