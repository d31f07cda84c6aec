"""The on-disk cache: what is slow to build and the same from run to run (the world's places, the gazetteer's
indexes, a language pack, compiled patterns, a record's extracted claims), kept in the user's cache folder.

The folder is ``$CHECKER_CACHE_DIR``, else ``$XDG_CACHE_HOME/checker``, else ``~/.cache/checker``;
``CHECKER_NO_CACHE=1`` (or ``checker check --no-cache``) turns the cache off. It is never taken from a
configuration file, which a pull request can change.

Every file holds one entry: a header line (the cache format, how the payload is encoded, the entry's key and
the SHA-256 of the payload) and the payload: JSON, ``marshal`` data (plain lists, dictionaries, strings and
numbers) or the bytes of an SQLite database (``checker.stored_tables``); never pickle, so loading an entry
cannot run code. An entry is used only when its header names the
key the caller expects and its payload matches its checksum, the file is a regular file owned by this user and
not writable by anyone else; anything else (a missing, corrupt, truncated or foreign file, one from another
version) is ignored and the entry built again. Files are written whole (a temporary file renamed into place),
so a run that is killed leaves no half-written entry; of each kind of entry (``gazetteer-``, ``record-`` ...)
the ten most recently used are kept, the others removed when a new one is written.
"""

from __future__ import annotations

import gc
import hashlib
import json
import marshal
import os
import stat
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

__all__ = ["Cache", "code_fingerprint", "digest", "files_digest", "paused_gc"]

FORMAT = 1  # raise when the layout of entries changes
KEEP = 10  # entries of one kind (the part of the name before the first "-") kept, the most recently used
_MAGIC = b"checker-cache"
Encoding = Literal["json", "marshal", "bytes"]


@dataclass(frozen=True)
class Cache:
    """Where cache entries are read and written; ``folder`` None: the cache is off."""

    folder: Path | None = None

    @classmethod
    def from_environment(cls) -> Cache:
        """The user's cache folder (``CHECKER_CACHE_DIR``, ``XDG_CACHE_HOME``, ``~/.cache``), or off when
        ``CHECKER_NO_CACHE`` is set to anything but 0 or nothing."""
        if os.environ.get("CHECKER_NO_CACHE", "").strip() not in ("", "0"):
            return cls(None)
        chosen = os.environ.get("CHECKER_CACHE_DIR", "").strip()
        if chosen:
            return cls(Path(chosen).expanduser().absolute())
        base = os.environ.get("XDG_CACHE_HOME", "").strip()
        try:
            return cls((Path(base) if base else Path.home() / ".cache").absolute() / "checker")
        except RuntimeError:  # no home folder to be found
            return cls(None)

    @property
    def enabled(self) -> bool:
        return self.folder is not None

    def read(self, name: str, key: str, encoding: Encoding = "json") -> Any:
        """The payload of entry ``name`` when it was written for ``key``; None otherwise (never raises)."""
        if self.folder is None:
            return None
        try:
            with open(self.folder / name, "rb") as handle:
                status = os.fstat(handle.fileno())
                if not _private(status):
                    return None
                header = handle.readline(4096).split()
                payload = handle.read()
            with suppress(OSError):
                os.utime(self.folder / name)  # used now: the last to be cleared away
            if header != [_MAGIC, str(FORMAT).encode(), encoding.encode(), key.encode(),
                          hashlib.sha256(payload).hexdigest().encode()]:
                return None
            if encoding == "bytes":
                return payload
            return json.loads(payload) if encoding == "json" else marshal.loads(payload)
        except (OSError, ValueError, TypeError, EOFError, RecursionError, MemoryError):
            return None

    def write(self, name: str, key: str, document: Any, encoding: Encoding = "json") -> None:
        """Store ``document`` as entry ``name`` for ``key``; a folder that cannot be written is left alone."""
        if self.folder is None:
            return
        try:
            if encoding == "bytes":
                payload = bytes(document)
            elif encoding == "json":
                payload = json.dumps(document, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
            else:
                payload = marshal.dumps(document)
        except (TypeError, ValueError):
            return  # not plain data: a bug, but never a reason to fail the run
        header = b" ".join([_MAGIC, str(FORMAT).encode(), encoding.encode(), key.encode(),
                            hashlib.sha256(payload).hexdigest().encode()])
        temporary = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            with tempfile.NamedTemporaryFile("wb", dir=self.folder, prefix=f".{name}.", delete=False) as handle:
                temporary = handle.name  # created readable and writable by this user only
                handle.write(header + b"\n" + payload)
            os.replace(temporary, self.folder / name)
            temporary = None
            self._clear_away(name)
        except OSError:
            pass  # no cache this time: the next run builds the entry again
        finally:
            if temporary is not None:
                with suppress(OSError):
                    os.unlink(temporary)


    def _clear_away(self, written: str) -> None:
        """Remove the entries of ``written``'s kind beyond the KEEP most recently used (a record or a lexicon
        folder that is no longer checked against leaves its entry behind)."""
        assert self.folder is not None
        kind = written.split("-", 1)[0] + "-"
        entries = []
        for path in self.folder.glob(f"{kind}*"):
            with suppress(OSError):
                entries.append((path.stat().st_mtime_ns, path))
        stale = [path for _, path in sorted(entries, reverse=True)[KEEP:] if path.name != written]
        hour_ago = time.time() - 3600
        for path in self.folder.glob(f".{kind}*"):  # the temporary file of a run killed while writing
            with suppress(OSError):
                if path.stat().st_mtime < hour_ago:
                    stale.append(path)
        for path in stale:
            with suppress(OSError):
                path.unlink()


def _private(status: os.stat_result) -> bool:
    """A regular file of this user that no one else may write (on systems with owners)."""
    if not stat.S_ISREG(status.st_mode) or status.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return False
    getuid = getattr(os, "getuid", None)
    return getuid is None or status.st_uid == getuid()


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection for the duration: reading a large entry makes hundreds of thousands of objects,
    none of them garbage, and the collector would look through them all again and again (a third of the time)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def digest(*parts: object) -> str:
    """A short stable hash of JSON-able ``parts`` (a cache key)."""
    text = json.dumps(parts, separators=(",", ":"), sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def files_digest(paths: Iterable[Path]) -> str:
    """A hash of the files' names and contents (a missing or unreadable file counts as one with no content)."""
    hasher = hashlib.sha256()
    for path in paths:
        hasher.update(os.fsencode(str(path)) + b"\0")
        try:
            hasher.update(hashlib.sha256(path.read_bytes()).digest())
        except OSError:
            hasher.update(b"unreadable")
    return hasher.hexdigest()[:32]


@cache
def code_fingerprint() -> str:
    """What the cached results depend on besides the data files: the cache format, checker's version and source
    files (their names, sizes and modification times: an edited checkout builds its entries again), and the
    Python version."""
    import checker

    package = Path(checker.__file__).parent
    sources = []
    for path in sorted(package.rglob("*.py")):
        try:
            status = path.stat()
        except OSError:
            continue
        sources.append((path.relative_to(package).as_posix(), status.st_size, status.st_mtime_ns))
    return digest(FORMAT, checker.__version__, sys.version, sys.implementation.cache_tag, sources)
