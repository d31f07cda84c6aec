"""The contracts of a run's tables, and lazy validation that reports bad rows instead of dropping them.

A table's columns, types, nullability and per-value checks come from its dataclass (see
``checker.model.table_columns``); this module adds only what a row cannot say about itself:
the article facts a claim is checked against (``published``, ``text_length``, ``span_text``),
an id for source rows, and the checks across columns.

Validation is in two steps. A screen in plain Python passes every row whose values are of their
column's exact Python type and meet its rules; only the rows it doubts go to the pandera schema
(``checker.pandera_schemas``), which says what is wrong with them. A clean run never imports
pandas or pandera, and the failures reported are the ones pandera gives for the whole table.
"""

from __future__ import annotations

import math
import operator
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from itertools import compress
from operator import attrgetter
from typing import Any

from checker.model import Article, Claim, Column, SourceScore, TableColumn, table_columns

__all__ = ["RowCheck", "RowFailure", "TableExtras", "article_failures", "claim_failures", "doubtful_rows",
           "source_failures", "table_extras"]


def _interval_is_ordered(low: float | None, high: float | None) -> bool:
    return low is None or high is None or low <= high


def _event_not_after_publication(event_date_low: date | None, published: date | None) -> bool:
    return event_date_low is None or published is None or event_date_low <= published


def _span_inside_text(start: int, end: int, text_length: int) -> bool:
    return start < end <= text_length


def _span_matches_surface(span_text: str, surface: str) -> bool:
    return span_text == surface


def _range_is_ordered(score_low: float, score_high: float) -> bool:
    return score_low <= score_high


@dataclass(frozen=True)
class RowCheck:
    """A check across the columns of one row: ``test`` takes the named columns' values (a record's, or the
    coerced ones of a DataFrame row with its nulls as None) and says whether the row passes."""

    columns: tuple[str, ...]
    test: Callable[..., bool]
    error: str  # the failure in words


@dataclass(frozen=True)
class TableExtras:
    """What a table's schema adds to its record's columns: derived columns and checks across columns."""

    derived: tuple[TableColumn, ...] = ()
    checks: tuple[RowCheck, ...] = ()


_EXTRAS: dict[type, TableExtras] = {
    Claim: TableExtras(
        derived=(TableColumn("published", "date", True, Column()),
                 TableColumn("text_length", "int", False, Column(ge=0)),
                 TableColumn("span_text", "str", False, Column())),
        checks=(RowCheck(("value_low", "value_high"), _interval_is_ordered, "value_low is greater than value_high"),
                RowCheck(("event_date_low", "published"), _event_not_after_publication,
                         "event date is after the publication date"),
                RowCheck(("start", "end", "text_length"), _span_inside_text, "span lies outside the article text"),
                RowCheck(("span_text", "surface"), _span_matches_surface,
                         "text at [start:end] is not the claim's surface form")),
    ),
    SourceScore: TableExtras(
        derived=(TableColumn("row_id", "str", False, Column()),),
        checks=(RowCheck(("score_low", "score_high"), _range_is_ordered, "score_low is above score_high"),),
    ),
}


def table_extras(record: type) -> TableExtras:
    """The derived columns and checks across columns of a record type's table (none for most tables)."""
    return _EXTRAS.get(record, TableExtras())


@dataclass(frozen=True)
class RowFailure:
    """One failed check on one row: which table, which row (by id), which column and check, and the bad value."""

    table: str
    row_id: str | None
    column: str | None
    check: str
    value: str

    @property
    def reason(self) -> str:
        if self.column is None:
            return f"{self.table} {self.row_id or '?'}: {self.check}"
        return f"{self.table} {self.row_id or '?'}: column {self.column!r} failed {self.check} (value {self.value})"


# --- the screen ------------------------------------------------------------------------------------

# pandas stores dates as nanoseconds since 1970, so only dates inside its Timestamp range coerce; the
# screen passes a little less and leaves the edges to pandera.
_FIRST_DAY, _LAST_DAY = date(1678, 1, 1), date(2261, 12, 31)
_INT64 = range(-(2**63), 2**63)


def _type_test(column: TableColumn) -> Callable[[object], bool]:
    """Whether a value is of the column's exact Python type (bool is not an int here, nor int a float)."""
    kind = column.kind
    if kind == "int":
        return lambda v: type(v) is int and v in _INT64
    if kind == "float":
        return lambda v: type(v) is float and v == v  # NaN is null, and a non-nullable column has none
    if kind == "date":
        return lambda v: type(v) is date and _FIRST_DAY <= v <= _LAST_DAY
    expected = {"str": str, "bool": bool, "str_list": list, "records": list}[kind]
    return lambda v: type(v) is expected


def _rule_tests(rules: Column) -> list[Callable[[Any], bool]]:
    """What a value of the right type must also satisfy (``unique`` is a property of the table, tested apart)."""
    tests: list[Callable[[Any], bool]] = []
    if rules.isin is not None:
        allowed = frozenset(rules.isin)
        tests.append(lambda v: v in allowed)
    if rules.ge is not None:
        low = rules.ge
        tests.append(lambda v: v >= low)
    if rules.le is not None:
        high = rules.le
        tests.append(lambda v: v <= high)
    if rules.matches is not None:
        match = re.compile(rules.matches).match  # pandas' str.match: a match from the start
        tests.append(lambda v: match(v) is not None)
    if rules.min_length is not None:
        shortest = rules.min_length
        tests.append(lambda v: len(v) >= shortest)
    return tests


@cache
def _value_test(column: TableColumn) -> Callable[[object], bool]:
    """Whether the screen passes a value of ``column``: null where allowed (pandera checks no null), else a
    value of the exact type that meets every rule."""
    if column.kind in ("str_list", "records") and column.rules != Column():
        return lambda v: False  # rules on a list column: leave them to pandera
    is_typed, tests = _type_test(column), _rule_tests(column.rules)

    def passes(value: object) -> bool:
        if value is None:
            return column.nullable
        return is_typed(value) and all(test(value) for test in tests)

    return passes


def _unique_keys(column: TableColumn, values: list[object]) -> list[object]:
    """What a unique column's values are compared by: a text column's as pandera coerces them (``str``), so a
    number and its digits clash; another column's as they are, or by position where a value cannot be hashed."""
    if column.kind == "str":
        return [None if v is None else str(v) for v in values]
    return [v if isinstance(v, (str, int, float, bool, date)) else ("unhashable", i) for i, v in enumerate(values)]


_KIND_TYPES: dict[str, type] = {"str": str, "int": int, "float": float, "bool": bool, "date": date, "str_list": list,
                                "records": list}


def _whole_column_passes(column: TableColumn, values: list[object]) -> bool:
    """Whether every value of ``column`` passes the screen, by tests over the whole column (the set of types,
    the smallest and largest values); when this says no, each value is tested to find the rows."""
    allowed = {_KIND_TYPES[column.kind]} | ({type(None)} if column.nullable else set())
    types = set(map(type, values))
    if not types <= allowed:
        return False
    present = [v for v in values if v is not None] if type(None) in types else values
    if not present:
        return True
    rules, kind = column.rules, column.kind
    if kind in ("str_list", "records"):
        return rules == Column()  # rules on a list column: left to pandera
    low, high = (min(present), max(present)) if kind in ("int", "float", "date") else (None, None)  # type: ignore[type-var]
    return not (
        (kind == "float" and any(map(math.isnan, present)))  # type: ignore[arg-type]
        or (kind == "int" and not (low in _INT64 and high in _INT64))
        or (kind == "date" and not (_FIRST_DAY <= low and high <= _LAST_DAY))  # type: ignore[operator]
        or (rules.isin is not None and not set(present) <= set(rules.isin))
        or (rules.ge is not None and min(present) < rules.ge)  # type: ignore[type-var, operator]
        or (rules.le is not None and max(present) > rules.le)  # type: ignore[type-var, operator]
        or (rules.matches is not None and not all(map(re.compile(rules.matches).match, present)))  # type: ignore[arg-type]
        or (rules.min_length is not None and min(map(len, present)) < rules.min_length)  # type: ignore[arg-type]
    )


@dataclass(frozen=True)
class _Screened:
    """What the screen made of a table: the rows only pandera can judge, and the checks across columns that
    failed on rows whose every value is of the right type and meets its rules (their failures need no pandera)."""

    for_pandera: list[int]
    failed_checks: list[tuple[RowCheck, list[int]]]


def _screen(record: type, records: Sequence[object], derived: dict[str, list[object]]
            ) -> tuple[_Screened, dict[str, list[object]]]:
    extras = table_extras(record)
    values: dict[str, list[object]] = {c.name: list(map(attrgetter(c.name), records)) for c in table_columns(record)}
    values.update(derived)
    doubtful: set[int] = set()
    positions = range(len(records))
    for column in (*table_columns(record), *extras.derived):
        column_values = values[column.name]
        clean = _whole_column_passes(column, column_values)
        if not clean:
            passes = _value_test(column)
            doubtful.update(compress(positions, (not passes(v) for v in column_values)))
        if column.rules.unique and not (clean and len(set(column_values)) == len(column_values)):
            keys = _unique_keys(column, column_values)
            counts = Counter(keys)
            doubtful.update(compress(positions, (counts[key] > 1 for key in keys)))
    if not doubtful:  # every value of the right type and within its rules: the checks across columns say the rest
        failed = [(check, list(compress(positions, map(operator.not_, map(check.test, *(values[name] for name in
                                                                                        check.columns))))))
                  for check in extras.checks]
        return _Screened([], [(check, rows) for check, rows in failed if rows]), values
    for check in extras.checks:  # on the rows of the right types only
        arguments = [values[name] for name in check.columns]
        for position, row in enumerate(zip(*arguments, strict=True)):
            if position not in doubtful and not check.test(*row):
                doubtful.add(position)
    return _Screened(sorted(doubtful), []), values


def doubtful_rows(record: type, records: Sequence[object], derived: dict[str, list[object]] | None = None) -> list[int]:
    """The positions of the rows the screen cannot pass: a value of another type, a null where none is
    allowed, a broken rule, a value shared in a unique column, or a failed check across columns."""
    screened, _ = _screen(record, records, derived or {})
    return sorted(set(screened.for_pandera).union(*(rows for _, rows in screened.failed_checks)))


def _failures(record: type, records: Sequence[object], derived: dict[str, list[object]], table: str,
              id_column: str) -> list[RowFailure]:
    """The table's failures as pandera reports them for the whole table. A row that fails only checks across
    columns, in a table with no other doubt, is reported here; any other doubtful row is validated by pandera
    (with the others, whose bad values can change what pandera makes of a check across columns)."""
    screened, values = _screen(record, records, derived)
    failures = [RowFailure(table, str(values[id_column][row]), None, check.error, "")
                for check, rows in screened.failed_checks for row in rows]
    doubtful = screened.for_pandera
    if not doubtful:
        return failures
    from checker.pandera_schemas import validate_rows  # pandas and pandera only when a row is doubtful

    return failures + validate_rows(record, [records[i] for i in doubtful],
                                    {name: [column[i] for i in doubtful] for name, column in derived.items()},
                                    table, id_column, index=doubtful)


def article_failures(articles: Sequence[Article]) -> list[RowFailure]:
    """The Article table's failed checks (each becomes an SV001 finding)."""
    return _failures(Article, articles, {}, "article", "article_id")


def claim_failures(claims: Sequence[Claim], articles: Iterable[Article]) -> list[RowFailure]:
    """The Claim table's failed checks, with the article facts a claim is checked against (SV002)."""
    if not claims:
        return []
    by_id = {article.article_id: article for article in articles}
    texts = [by_id[claim.article_id].text for claim in claims]
    derived: dict[str, list[object]] = {
        "published": [by_id[claim.article_id].published for claim in claims],
        "text_length": [len(text) for text in texts],
        "span_text": [text[claim.start:claim.end] for claim, text in zip(claims, texts, strict=True)],
    }
    return _failures(Claim, claims, derived, "claim", "claim_id")


def source_failures(sources: Sequence[SourceScore]) -> list[RowFailure]:
    """The source table's failed checks (SV003); a row is named by its level and source."""
    if not sources:
        return []
    return _failures(SourceScore, sources, {"row_id": [f"{s.level}:{s.source}" for s in sources]}, "source",
                     "row_id")
