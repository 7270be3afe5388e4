"""Opening a store: refuse what is not ours, then create or migrate the schema."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, inspect
from sqlalchemy.exc import SQLAlchemyError

from deskeditor.core import backends
from deskeditor.core.errors import NotAStoreError, StoreError, StoreTooNewError
from deskeditor.core.schemaversion import HEAD_REVISION, KNOWN_REVISIONS

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def reason(error: SQLAlchemyError) -> object:
    """The driver's own message where there is one (sqlalchemy wraps it with SQL and links)."""
    return getattr(error, "orig", None) or error


def _alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def known_revisions() -> set[str]:
    """Every schema revision this version of deskeditor ships."""
    return set(KNOWN_REVISIONS)


def script_revisions() -> list[str]:
    """The revisions of the migration scripts themselves, oldest first (Alembic's view)."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config())
    return [revision.revision for revision in reversed(list(script.walk_revisions()))]


def _check_existing_schema(location: str, tables: set[str], revisions: Sequence[str]) -> bool:
    """Refuse a database that is not ours, or is ours but from a newer version.

    Returns True when the store is already at this version's schema (nothing to migrate).
    """
    if not tables:
        return False
    if "alembic_version" not in tables or "articles" not in tables:
        raise NotAStoreError(f"{location} is not a deskeditor store (it holds other data).")
    unknown = set(revisions) - known_revisions()
    if unknown:
        raise StoreTooNewError(
            f"{location} was written by a newer deskeditor (schema {', '.join(sorted(unknown))}); "
            "update deskeditor to open it."
        )
    return list(revisions) == [HEAD_REVISION]


def _check_server_schema(engine: Engine, location: str) -> bool:
    with engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        revisions: list[str] = []
        if "alembic_version" in tables:
            revisions = list(
                connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalars()
            )
    return _check_existing_schema(location, tables, revisions)


def _migrate(engine: Engine) -> None:
    from alembic import command
    from alembic.util.exc import CommandError

    config = _alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        try:
            command.upgrade(config, "head")
        except CommandError as error:
            # Reached only when the revision hid in an uncheckpointed WAL.
            raise StoreTooNewError(
                f"The store was written by a newer deskeditor ({error}); "
                "update deskeditor to open it."
            ) from error


def open_engine(target: str | Path) -> Engine:
    """An engine on a checked, migrated store at a path or database URL."""
    url = backends.to_url(target)
    path = backends.sqlite_file(url)
    location = str(path) if path else url.render_as_string(hide_password=True)
    current = False
    if path is not None:
        # Checked read-only before any connection sets pragmas: a wrong file stays untouched.
        existing = backends.read_sqlite_tables(path)
        if existing is not None:
            current = _check_existing_schema(location, *existing)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(f"Cannot create the folder for {path}: {error}.") from error
    try:
        engine = create_engine(url, **backends.engine_options(url))
    except (SQLAlchemyError, ImportError) as error:
        raise StoreError(f"Cannot open the store {location}: {error}.") from error
    backends.configure_engine(engine)
    try:
        if path is None:
            current = _check_server_schema(engine, location)
        if not current:
            _migrate(engine)
    except StoreError:
        engine.dispose()
        raise
    except SQLAlchemyError as error:
        engine.dispose()
        raise StoreError(f"Cannot open the store {location}: {reason(error)}.") from error
    return engine
