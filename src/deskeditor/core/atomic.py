"""Atomic file writes: readers see the old file or the new one, never half of either."""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Sequence
from pathlib import Path

# The temp file sits beside the target, so os.replace() never crosses a file system
# (which would make it a copy, not an atomic rename). A leading dot keeps it out of
# a file browser's view while it briefly exists.
_TEMP_PREFIX = "."
_TEMP_SUFFIX = ".tmp"
_CREATE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def _open_temp(directory: Path, name: str) -> tuple[int, Path]:
    """Create a new, empty temp file next to the target and return its descriptor."""
    while True:
        # Shortened so the temp name stays within the 255-byte limit of most file systems.
        temp = directory / f"{_TEMP_PREFIX}{name[:64]}.{secrets.token_hex(6)}{_TEMP_SUFFIX}"
        try:
            # 0o666 lets the user's umask decide, as for any file they create;
            # tempfile.mkstemp would force 0o600 on an exported page.
            return os.open(temp, _CREATE_FLAGS, 0o666), temp
        except FileExistsError:
            continue


def fsync_directory(directory: Path) -> None:
    """Make the rename itself durable; best effort where directories cannot be opened."""
    if os.name != "posix":
        return  # Windows cannot open a directory for fsync; NTFS journals the rename.
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        # Some file systems (network shares) refuse fsync on a directory; the data
        # itself is already on disk, so this is not worth failing the write for.
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write data to path through a temp file, fsync and os.replace().

    On any failure the previous file (if any) is left as it was and the temp file is
    removed; the exception propagates. The one-file case of the staged batch below.
    """
    path = Path(path)
    temp = write_staged(path, data)
    try:
        sync_staged([temp])
    except BaseException:
        discard_staged([temp])
        raise
    place_staged(temp, path)
    fsync_directory(path.parent)


SYNC_ONCE_FROM = 16
"""Staged files from which one system-wide flush beats an fsync per file."""


def write_staged(path: Path, data: bytes) -> Path:
    """Write data to a new temp file beside path (not yet durable, not in place); return it.

    For writing many files as one batch: sync_staged() flushes them together, then
    place_staged() moves each into place; discard_staged() removes an abandoned batch.
    """
    path = Path(path)
    fd, temp = _open_temp(path.parent, path.name)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
    except BaseException:
        discard_staged([temp])
        raise
    return temp


def sync_staged(temps: Sequence[Path]) -> None:
    """Make staged temp files durable before any of them is renamed into place.

    A big batch is flushed with one sync() rather than an fsync per file: the disk serves
    one flush much faster than thousands.
    """
    if len(temps) >= SYNC_ONCE_FROM and hasattr(os, "sync"):
        os.sync()
        return
    for temp in temps:
        # Opened for writing: Windows fsyncs only files open for writing.
        fd = os.open(temp, os.O_RDWR | getattr(os, "O_BINARY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def place_staged(temp: Path, path: Path) -> None:
    """Rename a synced temp file over its target (removing the temp if that fails).

    The target is the old file or the whole new one, as with atomic_write_bytes; call
    fsync_directory() on the folder once the batch is placed.
    """
    try:
        with contextlib.suppress(OSError):
            os.chmod(temp, path.stat().st_mode & 0o7777)
        os.replace(temp, path)
    except BaseException:
        discard_staged([temp])
        raise


def discard_staged(temps: Sequence[Path]) -> None:
    """Remove staged temp files of an abandoned batch (best effort)."""
    for temp in temps:
        with contextlib.suppress(OSError):
            os.unlink(temp)


def atomic_write_text(path: Path, text: str, encoding: str = "utf-8") -> None:
    """Write text atomically, byte for byte: no newline translation on any platform."""
    # Encode first, so text that cannot be encoded fails before any file is touched.
    atomic_write_bytes(path, text.encode(encoding))
