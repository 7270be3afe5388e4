"""Atomic file writes: readers see the old file or the new one, never half of either."""

from __future__ import annotations

import contextlib
import os
import secrets
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


def _fsync_directory(directory: Path) -> None:
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
    removed; the exception propagates.
    """
    path = Path(path)
    directory = path.parent
    fd, temp = _open_temp(directory, path.name)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        with contextlib.suppress(OSError):
            # Keep the permissions of the file being replaced, as editors do.
            os.chmod(temp, path.stat().st_mode & 0o7777)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    _fsync_directory(directory)


def atomic_write_text(path: Path, text: str, encoding: str = "utf-8") -> None:
    """Write text atomically, byte for byte: no newline translation on any platform."""
    # Encode first, so text that cannot be encoded fails before any file is touched.
    atomic_write_bytes(path, text.encode(encoding))
