"""The article store: one session per public method, plain models in and out."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Engine, create_engine, inspect, select
from sqlalchemy.engine import URL
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from deskeditor.core import backends
from deskeditor.core.errors import (
    ArticleNotFoundError,
    NotAStoreError,
    StoreError,
    StoreTooNewError,
)
from deskeditor.core.models import (
    Article,
    ArticleContent,
    ArticleId,
    ArticleSummary,
    Language,
    Status,
)
from deskeditor.core.schema import ArticleRow

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """The current time as an aware UTC datetime."""
    return datetime.now(UTC)


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def known_revisions() -> set[str]:
    """Every schema revision this version of deskeditor ships."""
    script = ScriptDirectory.from_config(_alembic_config())
    return {revision.revision for revision in script.walk_revisions()}


def _check_existing_schema(location: str, tables: set[str], revisions: Sequence[str]) -> None:
    """Refuse a database that is not ours, or is ours but from a newer version."""
    if not tables:
        return
    if "alembic_version" not in tables or "articles" not in tables:
        raise NotAStoreError(f"{location} is not a deskeditor store (it holds other data).")
    unknown = set(revisions) - known_revisions()
    if unknown:
        raise StoreTooNewError(
            f"{location} was written by a newer deskeditor (schema {', '.join(sorted(unknown))}); "
            "update deskeditor to open it."
        )


def _reason(error: SQLAlchemyError) -> object:
    """The driver's own message where there is one (sqlalchemy wraps it with SQL and links)."""
    return getattr(error, "orig", None) or error


def _to_content(row: ArticleRow) -> ArticleContent:
    return ArticleContent(
        headline=row.headline,
        subhead=row.subhead,
        byline=row.byline,
        section=row.section,
        body=row.body,
        tags=tuple(row.tags),
        status=Status(row.status),
        language=Language(row.language) if row.language else None,
    )


def _to_article(row: ArticleRow) -> Article:
    return Article(
        id=ArticleId(row.id),
        content=_to_content(row),
        created_at=row.created_at,
        updated_at=row.updated_at,
        deleted_at=row.deleted_at,
    )


def _apply_content(row: ArticleRow, content: ArticleContent) -> None:
    row.headline = content.headline
    row.subhead = content.subhead
    row.byline = content.byline
    row.section = content.section
    row.body = content.body
    row.tags = list(content.tags)
    row.status = content.status.value
    row.language = content.language.value if content.language else None
    row.body_chars = len(content.body)


class Store:
    """Articles in a SQLAlchemy database (SQLite by default, PostgreSQL later)."""

    def __init__(self, engine: Engine, *, clock: Clock = utc_now) -> None:
        self._engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._clock = clock

    @classmethod
    def open(cls, target: str | Path, *, clock: Clock = utc_now) -> Store:
        """Open (creating and migrating as needed) the store at a path or database URL."""
        url = backends.to_url(target)
        path = backends.sqlite_file(url)
        location = str(path) if path else url.render_as_string(hide_password=True)
        if path is not None:
            existing = backends.read_sqlite_tables(path)
            if existing is not None:
                _check_existing_schema(location, *existing)
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
                cls._check_server_schema(engine, location)
            cls._migrate(engine)
        except StoreError:
            engine.dispose()
            raise
        except SQLAlchemyError as error:
            engine.dispose()
            raise StoreError(f"Cannot open the store {location}: {_reason(error)}.") from error
        return cls(engine, clock=clock)

    @staticmethod
    def _check_server_schema(engine: Engine, location: str) -> None:
        with engine.connect() as connection:
            tables = set(inspect(connection).get_table_names())
            revisions: list[str] = []
            if "alembic_version" in tables:
                revisions = list(
                    connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalars()
                )
        _check_existing_schema(location, tables, revisions)

    @staticmethod
    def _migrate(engine: Engine) -> None:
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

    @property
    def url(self) -> URL:
        return self._engine.url

    @property
    def engine(self) -> Engine:
        """The engine, for backend-aware maintenance and tests."""
        return self._engine

    def close(self) -> None:
        """Release every connection (checkpointing SQLite's WAL)."""
        self._engine.dispose()

    @contextmanager
    def _session(self) -> Iterator[Session]:
        """One transaction per public call; database failures become StoreError."""
        try:
            with self._sessions.begin() as session:
                yield session
        except SQLAlchemyError as error:
            raise StoreError(
                f"The store could not complete the operation: {_reason(error)}."
            ) from error

    @staticmethod
    def _row(session: Session, article_id: ArticleId) -> ArticleRow:
        row = session.get(ArticleRow, article_id)
        if row is None:
            raise ArticleNotFoundError(f"There is no article with id {article_id}.")
        return row

    def create_article(self, content: ArticleContent | None = None) -> Article:
        """Store a new article and return it with its id and timestamps."""
        now = self._clock()
        with self._session() as session:
            row = ArticleRow(created_at=now, updated_at=now)
            _apply_content(row, content or ArticleContent())
            session.add(row)
            session.flush()
            return _to_article(row)

    def get_article(self, article_id: ArticleId) -> Article:
        with self._session() as session:
            return _to_article(self._row(session, article_id))

    def save_article(self, article_id: ArticleId, content: ArticleContent) -> Article:
        """Write the article's content; updated_at moves only when something changed."""
        with self._session() as session:
            row = self._row(session, article_id)
            if _to_content(row) != content:
                _apply_content(row, content)
                row.updated_at = self._clock()
            return _to_article(row)

    def delete_article(self, article_id: ArticleId) -> None:
        """Mark the article deleted; nothing is removed from the database."""
        with self._session() as session:
            row = self._row(session, article_id)
            if row.deleted_at is None:
                row.deleted_at = self._clock()

    def restore_article(self, article_id: ArticleId) -> None:
        """Bring a deleted article back."""
        with self._session() as session:
            self._row(session, article_id).deleted_at = None

    def article_ids(self, *, deleted: bool = False) -> list[ArticleId]:
        """Ids of live (or, with deleted=True, deleted) articles, newest first."""
        condition = (
            ArticleRow.deleted_at.is_not(None) if deleted else ArticleRow.deleted_at.is_(None)
        )
        query = (
            select(ArticleRow.id)
            .where(condition)
            .order_by(ArticleRow.updated_at.desc(), ArticleRow.id.desc())
        )
        with self._session() as session:
            return [ArticleId(value) for value in session.scalars(query)]

    def summaries(self, article_ids: Sequence[ArticleId]) -> list[ArticleSummary]:
        """List rows for the given ids, in the given order (unknown ids are skipped)."""
        if not article_ids:
            return []
        columns = (
            ArticleRow.id,
            ArticleRow.headline,
            ArticleRow.section,
            ArticleRow.status,
            ArticleRow.updated_at,
            ArticleRow.created_at,
            ArticleRow.body_chars,
            ArticleRow.tags,
        )
        found: dict[int, ArticleSummary] = {}
        with self._session() as session:
            # Chunked so that the IN list stays under SQLite's variable limit.
            for start in range(0, len(article_ids), 500):
                chunk = list(article_ids[start : start + 500])
                for row in session.execute(select(*columns).where(ArticleRow.id.in_(chunk))):
                    found[row.id] = ArticleSummary(
                        id=ArticleId(row.id),
                        headline=row.headline,
                        section=row.section,
                        status=Status(row.status),
                        updated_at=row.updated_at,
                        created_at=row.created_at,
                        body_chars=row.body_chars,
                        tags=tuple(row.tags),
                    )
        return [found[article_id] for article_id in article_ids if article_id in found]

    def list_summaries(self, *, deleted: bool = False) -> list[ArticleSummary]:
        """Every live (or deleted) article's list row, newest first."""
        return self.summaries(self.article_ids(deleted=deleted))

    def articles(self, article_ids: Sequence[ArticleId]) -> list[Article]:
        """Whole articles for the given ids, in order; an unknown id raises."""
        with self._session() as session:
            return [_to_article(self._row(session, article_id)) for article_id in article_ids]
