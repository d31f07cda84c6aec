"""Tables that fill themselves from an SQLite database held in memory, row by row as they are asked for.

The gazetteer has some 170,000 rows (places, the names they go by, the first words of names); a check of
a short draft asks for a few hundred. Read from the cache as one SQLite database (``store_tables``), each
table is a ``StoredTable``: a dict that looks a missing key up in the database once and keeps the row, so a
key already asked for costs what a dict lookup costs. Iterating over a table, measuring it, comparing it
or pickling it (to send it to a worker process) reads the whole table first, so it behaves as the dict it
stands for. The database lives in this process's memory (``sqlite3`` ``deserialize``), never as a file,
and a forked process opens its own copy.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, ItemsView, Iterable, Iterator, KeysView, ValuesView
from typing import Any, TypeVar

__all__ = ["AVAILABLE", "StoredDatabase", "StoredTable", "store_tables"]

# Whether this Python's SQLite can write a database to bytes and open it from them (SQLite 3.23 or later, built
# with it, as nearly every one is); without it, what would be stored is built on every run.
AVAILABLE = hasattr(sqlite3.Connection, "serialize") and hasattr(sqlite3.Connection, "deserialize")

V = TypeVar("V")


def store_tables(tables: dict[str, tuple[int, Iterable[tuple]]]) -> bytes:
    """An SQLite database, as bytes, of ``tables``: each a name, its number of columns, and its rows, the first
    column a unique text key."""
    connection = sqlite3.connect(":memory:")
    try:
        for name, (width, rows) in tables.items():
            columns = ", ".join(f"c{i}" for i in range(1, width))
            connection.execute(f"CREATE TABLE {name} (k TEXT PRIMARY KEY{', ' if columns else ''}{columns}) "
                               "WITHOUT ROWID")
            connection.executemany(f"INSERT INTO {name} VALUES ({', '.join('?' * width)})", rows)
        connection.commit()
        return connection.serialize()
    finally:
        connection.close()


class StoredDatabase:
    """The database ``store_tables`` made, from its bytes, opened in memory (again in a forked process)."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._pid = -1
        self._connection: sqlite3.Connection | None = None

    def rows(self, sql: str, parameters: tuple = ()) -> list[tuple]:
        """The rows of a query; ``sqlite3.DatabaseError`` when the bytes are no such database."""
        if self._pid != os.getpid() or self._connection is None:
            connection = sqlite3.connect(":memory:", check_same_thread=False)
            connection.deserialize(self._data)
            self._connection, self._pid = connection, os.getpid()
        return self._connection.execute(sql, parameters).fetchall()


class StoredTable(dict[str, V]):
    """A dict of one table's rows by key, each row read from ``database`` the first time it is asked for and
    made a value by ``decode``."""

    def __init__(self, database: StoredDatabase, table: str, decode: Callable[[tuple], V]) -> None:
        super().__init__()
        self._database, self._decode = database, decode
        self._one, self._all = f"SELECT * FROM {table} WHERE k = ?", f"SELECT * FROM {table}"
        self._absent: set[str] = set()
        self._complete = False

    def __missing__(self, key: str) -> V:
        if self._complete or key in self._absent or not isinstance(key, str):
            raise KeyError(key)
        rows = self._database.rows(self._one, (key,))
        if not rows:
            self._absent.add(key)
            raise KeyError(key)
        value = self._decode(rows[0])
        dict.__setitem__(self, key, value)
        return value

    def get(self, key: str, default: Any = None) -> Any:
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key: object) -> bool:
        try:
            self[key]  # type: ignore[index]
        except KeyError:
            return False
        return True

    def fill(self) -> StoredTable[V]:
        """Read every row not read yet."""
        if not self._complete:
            for row in self._database.rows(self._all):
                if not dict.__contains__(self, row[0]):
                    dict.__setitem__(self, row[0], self._decode(row))
            self._complete = True
        return self

    def __iter__(self) -> Iterator[str]:
        return dict.__iter__(self.fill())

    def __len__(self) -> int:
        return dict.__len__(self.fill())

    def keys(self) -> KeysView[str]:  # type: ignore[override]
        return dict.keys(self.fill())

    def values(self) -> ValuesView[V]:  # type: ignore[override]
        return dict.values(self.fill())

    def items(self) -> ItemsView[str, V]:  # type: ignore[override]
        return dict.items(self.fill())

    def __eq__(self, other: object) -> bool:
        return dict.__eq__(self.fill(), other.fill() if isinstance(other, StoredTable) else other)

    __hash__ = None

    def __reduce__(self) -> tuple[type, tuple[dict[str, V]]]:
        return dict, (dict(self.fill()),)  # sent to another process as the plain dict it stands for
