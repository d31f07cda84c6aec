"""Which files are inputs, and reading them: regular files only, no symbolic links out of the folder given.

The checker runs in CI on content from pull requests, where a symbolic link such as
``leak.txt -> /etc/passwd`` or ``x.txt -> ../.git/config`` would put a secret into a
report, and a FIFO or a device would hang the run. So a folder walk follows a link only
when its target is inside the folder given (and not hidden), a manifest row reads only
inside the manifest's folder (or ``input-root``), and nothing but a regular file is ever
opened. Every entry that is not read is listed with its reason.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from checker.config import Settings
from checker.ingest.controls import shown_path
from checker.ingest.decode import UnreadableInput
from checker.model import SkippedInput

__all__ = ["iter_input_files", "manifest_target", "read_file_bytes"]

_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
_KINDS = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)
_FOLLOW_HINT = "set follow-symlinks to follow it"


def not_regular_reason(mode: int) -> str:
    """Why a file of this kind is not read."""
    kind = next((name for test, name in _KINDS if test(mode)), "not a file or folder")
    return f"not a regular file ({kind}); only regular files are read"


def iter_input_files(paths: Iterable[Path], settings: Settings | None = None) -> Iterator[Path | SkippedInput]:
    """Each regular file under ``paths``, or a ``SkippedInput`` for each entry that is not read.

    Folders are walked recursively in sorted order; hidden entries (names starting with a dot)
    are left out without mention. A path named here is read even when it is a symbolic link (it
    was chosen); inside a folder, a link is followed only to a file inside that folder, unless
    ``settings.follow_symlinks``.
    """
    settings = settings or Settings()
    for path in paths:
        try:
            found = path.stat()
        except FileNotFoundError:
            yield SkippedInput(shown_path(path), _missing_reason(path))
            continue
        except (OSError, ValueError) as error:
            yield SkippedInput(shown_path(path), _stat_error_reason(error))
            continue
        if stat.S_ISDIR(found.st_mode):
            tree = path.resolve()
            yield from _walk(path, tree, settings, {(found.st_dev, found.st_ino)})
        elif stat.S_ISREG(found.st_mode):
            yield path
        else:
            yield SkippedInput(shown_path(path), not_regular_reason(found.st_mode))


def _missing_reason(path: Path) -> str:
    return "dangling symbolic link (its target does not exist)" if path.is_symlink() else "no such file or directory"


def _stat_error_reason(error: Exception) -> str:
    if isinstance(error, ValueError):
        return "not a usable path (it holds a NUL character)"
    if isinstance(error, OSError) and error.errno == errno.ELOOP:
        return "symbolic link loop"
    return f"cannot read: {getattr(error, 'strerror', None) or error}"


def _walk(
    directory: Path, tree: Path, settings: Settings, walked: set[tuple[int, int]]
) -> Iterator[Path | SkippedInput]:
    try:
        with os.scandir(directory) as scan:
            entries = sorted((entry.name, Path(entry.path)) for entry in scan if not entry.name.startswith("."))
    except OSError as error:
        yield SkippedInput(shown_path(directory), f"cannot read folder: {error.strerror or error}")
        return
    for _, path in entries:
        found = _entry_stat(path, tree, settings)
        if isinstance(found, str):
            yield SkippedInput(shown_path(path), found)
        elif stat.S_ISREG(found.st_mode):
            yield path
        elif stat.S_ISDIR(found.st_mode):
            key = (found.st_dev, found.st_ino)
            if key in walked:
                yield SkippedInput(shown_path(path), "symbolic link to a folder already walked (a loop)")
                continue
            walked.add(key)
            yield from _walk(path, tree, settings, walked)
        else:
            yield SkippedInput(shown_path(path), not_regular_reason(found.st_mode))


def _entry_stat(path: Path, tree: Path, settings: Settings) -> os.stat_result | str:
    """What a folder entry stands for (a link's target), or the reason it is not read."""
    try:
        found = path.lstat()
    except OSError as error:
        return _stat_error_reason(error)
    if not stat.S_ISLNK(found.st_mode):
        return found
    try:
        target = path.resolve(strict=True)
        found = target.stat()
    except FileNotFoundError:
        return "dangling symbolic link (its target does not exist)"
    except RuntimeError:  # Python before 3.13 reports a loop so
        return "symbolic link loop"
    except OSError as error:
        return _stat_error_reason(error)
    if settings.follow_symlinks:
        return found
    if not target.is_relative_to(tree):
        return f"symbolic link to a path outside the folder given ({_FOLLOW_HINT})"
    if any(part.startswith(".") for part in target.relative_to(tree).parts):
        return "symbolic link to a hidden file or folder"
    if stat.S_ISDIR(found.st_mode):
        return f"symbolic link to a folder (its files are read where they are; {_FOLLOW_HINT})"
    return found


def manifest_target(manifest: Path, written: str, settings: Settings) -> Path:
    """The file a manifest row's ``path`` names, if it lies inside the manifest's folder (or ``input-root``).

    A relative path is read from the manifest's folder. Raises ``UnreadableInput`` for a path
    outside (``../../secret.txt``, ``/tmp/x.md``, or a symbolic link out, unless
    ``follow-symlinks``) and for a path that no file can have.
    """
    if "\x00" in written:
        raise UnreadableInput(f"row's path {written!r} holds a NUL character")
    root = settings.resolve(settings.input_root) if settings.input_root else manifest.parent
    where = f"input-root {shown_path(root)}" if settings.input_root else "the manifest's folder"
    joined = manifest.parent / written
    try:
        if settings.follow_symlinks:  # links may lead out; the path as written may not
            inside = Path(os.path.abspath(joined)).is_relative_to(os.path.abspath(root))
        else:
            inside = joined.resolve().is_relative_to(root.resolve())
    except (OSError, ValueError, RuntimeError):  # a name no file can have, or a link loop
        raise UnreadableInput(f"row's path {written!r} cannot be resolved") from None
    if not inside:
        raise UnreadableInput(f"row's path {written!r} is outside {where}; set input-root to read another folder")
    return joined


def read_file_bytes(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``; raise ``UnreadableInput`` otherwise.

    The kind of file is checked before it is opened, and again on the open file (it could have
    been swapped for a FIFO in between); the open never waits, and the read stops after the limit.
    """
    try:
        found = path.stat()
    except (OSError, ValueError) as error:
        raise UnreadableInput(_read_error_reason(error)) from None
    _check_regular(found, max_bytes)
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        raise UnreadableInput(_read_error_reason(error)) from None
    with os.fdopen(descriptor, "rb") as handle:
        _check_regular(os.fstat(descriptor), max_bytes)
        try:
            data = handle.read(max_bytes + 1)
        except OSError as error:
            raise UnreadableInput(_read_error_reason(error)) from None
    if len(data) > max_bytes:
        raise UnreadableInput(f"file is over the limit of {max_bytes:,} bytes (max_file_bytes)")
    return data


def _check_regular(found: os.stat_result, max_bytes: int) -> None:
    if not stat.S_ISREG(found.st_mode):
        raise UnreadableInput(not_regular_reason(found.st_mode))
    if found.st_size > max_bytes:
        raise UnreadableInput(f"file is {found.st_size:,} bytes, over the limit of {max_bytes:,} (max_file_bytes)")


def _read_error_reason(error: Exception) -> str:
    if isinstance(error, ValueError):
        return "cannot read file: not a usable path (it holds a NUL character)"
    return f"cannot read file: {getattr(error, 'strerror', None) or error}"
