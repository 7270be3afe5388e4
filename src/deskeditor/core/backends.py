"""Backend-specific parts of the store (SQLite pragmas and file checks) behind one seam.

The store calls these by dialect name, so the same store code runs on PostgreSQL
when a desk later shares one server.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event, make_url
from sqlalchemy.engine import URL

from deskeditor.core.errors import NotAStoreError, StoreError

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


def to_url(target: str | Path) -> URL:
    """A SQLAlchemy URL from either a URL string or a filesystem path (SQLite)."""
    text = str(target)
    if "://" in text:
        try:
            return make_url(text)
        except Exception as error:  # sqlalchemy raises ArgumentError with a long text
            raise StoreError(f"Not a valid database URL: {text}") from error
    return make_url("sqlite://").set(database=str(Path(text).expanduser().resolve()))


def sqlite_file(url: URL) -> Path | None:
    """The file behind a SQLite URL, or None for other backends and in-memory stores."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def read_sqlite_tables(path: Path) -> tuple[set[str], list[str]] | None:
    """Table names and alembic revisions of an existing SQLite file, read without writing.

    Returns None when the file does not exist or is empty (a new store). Raises
    NotAStoreError when it is not a SQLite database at all. The file is opened
    read-only and never modified, so a wrong file stays byte-for-byte as it was.
    """
    if not path.exists() or path.stat().st_size == 0:
        return None
    if path.is_dir():
        raise NotAStoreError(f"{path} is a folder, not a deskeditor store.")
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise StoreError(f"Cannot read {path}: {error.strerror or error}.") from error
    if header != SQLITE_HEADER:
        raise NotAStoreError(f"{path} is not a deskeditor store (it is not an SQLite database).")
    # Without a -wal beside it, "immutable" reads the file with no locking and no
    # side files at all; with one (a WAL store in use or killed), plain read-only
    # mode is needed to see the committed pages that still live in the WAL.
    wal = path.with_name(path.name + "-wal")
    mode = "mode=ro" if wal.exists() else "immutable=1"
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?{mode}", uri=True)
        try:
            tables = {
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            revisions: list[str] = []
            if "alembic_version" in tables:
                revisions = [
                    row[0] for row in connection.execute("SELECT version_num FROM alembic_version")
                ]
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise NotAStoreError(f"{path} is not a readable deskeditor store ({error}).") from error
    return tables, revisions


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        # WAL keeps readers and the autosaving writer from blocking each other and
        # survives a killed process; FULL makes every commit durable on power loss.
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    finally:
        cursor.close()


def configure_engine(engine: Engine) -> None:
    """Install the backend's per-connection settings on a freshly created engine."""
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_on_connect)


def engine_options(url: URL) -> dict[str, Any]:
    """Keyword arguments for create_engine that this backend needs."""
    if url.get_backend_name() == "sqlite":
        return {"connect_args": {"timeout": BUSY_TIMEOUT_MS / 1000}}
    return {"pool_pre_ping": True}
