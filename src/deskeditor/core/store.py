"""The article store: one session per public method, plain models in and out."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, delete, select
from sqlalchemy.engine import URL
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from deskeditor.core import (
    articlewrites,
    imagerows,
    images,
    importwrites,
    listquery,
    revisionlog,
    searchindex,
)
from deskeditor.core.articlerows import (
    apply_content,
    row_article,
    row_content,
    row_revision,
    row_revision_summary,
)
from deskeditor.core.errors import ArticleNotFoundError, StoreError
from deskeditor.core.models import (
    Article,
    ArticleContent,
    ArticleId,
    ArticleSummary,
    ImageAsset,
    ListQuery,
    Revision,
    RevisionId,
    RevisionKind,
    RevisionSummary,
    SearchHit,
    Status,
    StatusChange,
    VacuumReport,
)
from deskeditor.core.opening import known_revisions, open_engine, reason
from deskeditor.core.schema import (
    ArticleRow,
    ArticleTagRow,
    RevisionRow,
    SectionRow,
    StatusChangeRow,
)

if TYPE_CHECKING:  # the importers pull in lxml; only the type is needed here
    from deskeditor.core.importers.photos import ImportedArticle

__all__ = ["Store", "known_revisions", "utc_now"]

Clock = Callable[[], datetime]
_BATCH = 500  # ids per IN (...) list, under SQLite's variable limit


def utc_now() -> datetime:
    """The current time as an aware UTC datetime."""
    return datetime.now(UTC)


class Store:
    """Articles in a SQLAlchemy database (SQLite by default, PostgreSQL later)."""

    def __init__(self, engine: Engine, *, clock: Clock = utc_now) -> None:
        self._engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._clock = clock

    @classmethod
    def open(cls, target: str | Path, *, clock: Clock = utc_now) -> Store:
        """Open (creating and migrating as needed) the store at a path or database URL."""
        return cls(open_engine(target), clock=clock)

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
            message = f"The store could not complete the operation: {reason(error)}."
            raise StoreError(message) from error

    @staticmethod
    def _row(session: Session, article_id: ArticleId) -> ArticleRow:
        row = session.get(ArticleRow, article_id)
        if row is None:
            raise ArticleNotFoundError(f"There is no article with id {article_id}.")
        return row

    # -- articles -------------------------------------------------------------------------

    def create_article(self, content: ArticleContent | None = None) -> Article:
        """Store a new article and return it with its id and timestamps."""
        now = self._clock()
        content = content or ArticleContent()
        with self._session() as session:
            row = ArticleRow(created_at=now, updated_at=now, status_changed_at=now)
            apply_content(row, content)
            if content.status is Status.PUBLISHED:
                row.published_at = now
            session.add(row)
            session.flush()
            articlewrites.after_content_change(session, row)
            return row_article(row)

    def create_articles(self, items: Iterable[tuple[ArticleContent, datetime]]) -> int:
        """Store many articles (content, creation time) in one transaction; returns how many.

        For bulk imports: rows, tags and index entries go in with executemany, and no
        revisions are taken (there is no earlier text to keep).
        """
        with self._session() as session:
            return articlewrites.insert_many(session, items)

    def get_article(self, article_id: ArticleId) -> Article:
        with self._session() as session:
            return row_article(self._row(session, article_id))

    def articles(self, article_ids: Sequence[ArticleId]) -> list[Article]:
        """Whole articles for the given ids, in order; an unknown id raises."""
        with self._session() as session:
            return [row_article(self._row(session, article_id)) for article_id in article_ids]

    def save_article(
        self, article_id: ArticleId, content: ArticleContent, *, keep_revision: bool = False
    ) -> Article:
        """Write the article's content; updated_at moves only when something changed.

        Before the change a revision of the old text is kept when keep_revision is set
        (the editor sets it on the first change after opening an article), every five
        minutes of editing, and before a status change.
        """
        now = self._clock()
        with self._session() as session:
            row = self._row(session, article_id)
            old = row_content(row)
            if old == content:
                return row_article(row)
            new_status = content.status
            if new_status.value != row.status:
                revisionlog.record_status_change(session, row, new_status, now)
            elif keep_revision or revisionlog.auto_revision_due(row, now):
                revisionlog.record_revision(session, row, RevisionKind.AUTO, now)
                revisionlog.prune_revisions(session, row.id, now)
            apply_content(row, content)
            row.updated_at = now
            articlewrites.after_content_change(session, row, old)
            return row_article(row)

    # -- the list, trash and search -------------------------------------------------------

    def article_ids(
        self, query: ListQuery | None = None, *, deleted: bool = False
    ) -> list[ArticleId]:
        """Ids of the articles a list query selects, in its order (newest first by default)."""
        with self._session() as session:
            return listquery.article_ids(session, query or ListQuery(deleted=deleted))

    def summaries(self, article_ids: Sequence[ArticleId]) -> list[ArticleSummary]:
        """List rows for the given ids, in the given order (unknown ids are skipped)."""
        with self._session() as session:
            return listquery.summaries(session, article_ids)

    def list_summaries(self, *, deleted: bool = False) -> list[ArticleSummary]:
        """Every live (or deleted) article's list row, newest first."""
        return self.summaries(self.article_ids(deleted=deleted))

    def search(self, text: str, *, limit: int = 50, deleted: bool = False) -> list[SearchHit]:
        """The best matches for a query, each with a highlighted snippet."""
        with self._session() as session:
            return searchindex.search_hits(session, text, limit=limit, deleted=deleted)

    def delete_article(self, article_id: ArticleId) -> None:
        """Move the article to the Trash; nothing is removed from the database."""
        with self._session() as session:
            row = self._row(session, article_id)
            if row.deleted_at is None:
                row.deleted_at = self._clock()

    def restore_article(self, article_id: ArticleId) -> None:
        """Bring an article back from the Trash."""
        with self._session() as session:
            self._row(session, article_id).deleted_at = None

    def empty_trash(self) -> int:
        """Remove every article in the Trash for good, with its revisions; returns how many."""
        with self._session() as session:
            doomed = list(
                session.scalars(select(ArticleRow.id).where(ArticleRow.deleted_at.is_not(None)))
            )
            for start in range(0, len(doomed), _BATCH):
                chunk = doomed[start : start + _BATCH]
                for table in (RevisionRow, StatusChangeRow):
                    session.execute(delete(table).where(table.article_id.in_(chunk)))
                session.execute(delete(ArticleTagRow).where(ArticleTagRow.article_id.in_(chunk)))
                for article_id in chunk:
                    searchindex.unindex_article(session, article_id)
                session.execute(delete(ArticleRow).where(ArticleRow.id.in_(chunk)))
            return len(doomed)

    # -- revisions and workflow -----------------------------------------------------------

    def save_version(self, article_id: ArticleId, label: str) -> RevisionSummary:
        """File → Save Version: keep the article as it is now, under a label."""
        with self._session() as session:
            row = self._row(session, article_id)
            revision = revisionlog.record_revision(
                session, row, RevisionKind.LABELLED, self._clock(), label=label.strip()
            )
            return row_revision_summary(revision)

    def revisions(self, article_id: ArticleId) -> list[RevisionSummary]:
        """An article's revisions, newest first."""
        with self._session() as session:
            self._row(session, article_id)
            statement = (
                select(RevisionRow)
                .where(RevisionRow.article_id == article_id)
                .order_by(RevisionRow.created_at.desc(), RevisionRow.id.desc())
            )
            return [row_revision_summary(row) for row in session.scalars(statement)]

    def get_revision(self, revision_id: RevisionId) -> Revision:
        with self._session() as session:
            row = session.get(RevisionRow, revision_id)
            if row is None:
                raise ArticleNotFoundError(f"There is no revision with id {revision_id}.")
            return row_revision(row)

    def restore_article_revision(self, article_id: ArticleId, revision_id: RevisionId) -> Article:
        """Make an old revision current; the text it replaces is kept as a revision first."""
        now = self._clock()
        with self._session() as session:
            row = self._row(session, article_id)
            revision = session.get(RevisionRow, revision_id)
            if revision is None or revision.article_id != row.id:
                raise ArticleNotFoundError(
                    f"Article {article_id} has no revision with id {revision_id}."
                )
            target = row_revision(revision).content
            old = row_content(row)
            revisionlog.record_revision(
                session, row, RevisionKind.RESTORE, now, label=f"#{revision_id}"
            )
            if target.status != old.status:
                session.add(
                    StatusChangeRow(
                        article_id=row.id,
                        from_status=row.status,
                        to_status=target.status.value,
                        changed_at=now,
                    )
                )
                row.status_changed_at = now
            apply_content(row, target)
            row.updated_at = now
            articlewrites.after_content_change(session, row, old)
            return row_article(row)

    def status_history(self, article_id: ArticleId) -> list[StatusChange]:
        """The article's status changes, oldest first."""
        with self._session() as session:
            statement = (
                select(StatusChangeRow)
                .where(StatusChangeRow.article_id == article_id)
                .order_by(StatusChangeRow.changed_at, StatusChangeRow.id)
            )
            return [
                StatusChange(
                    article_id=ArticleId(row.article_id),
                    from_status=Status(row.from_status),
                    to_status=Status(row.to_status),
                    changed_at=row.changed_at,
                )
                for row in session.scalars(statement)
            ]

    # -- photos ---------------------------------------------------------------------------

    def add_image(
        self,
        data: bytes,
        *,
        name: str = "the image",
        max_bytes: int = images.DEFAULT_MAX_IMAGE_BYTES,
        alt: str = "",
        caption: str = "",
        credit: str = "",
    ) -> ImageAsset:
        """Check and store a photo (once, however often it is added); ImageError if unusable."""
        facts = images.examine_image(data, name=name, max_bytes=max_bytes)
        with self._session() as session:
            return imagerows.add(
                session, data, facts, self._clock(), alt=alt, caption=caption, credit=credit
            )

    def image(self, sha256: str) -> ImageAsset:
        """A stored photo's facts and words."""
        with self._session() as session:
            return imagerows.image_asset(imagerows.asset_row(session, sha256))

    def image_data(self, sha256: str) -> tuple[bytes, str]:
        """The original bytes and media type, as stored."""
        with self._session() as session:
            row = imagerows.asset_row(session, sha256, with_data=True)
            return row.data, row.media_type

    def display_image(self, sha256: str, width: int = images.DISPLAY_WIDTH) -> tuple[bytes, str]:
        """A copy scaled for the screen (cached in the store), or the original if small."""
        with self._session() as session:
            return imagerows.display(session, sha256, width)

    def describe_image(self, sha256: str, *, alt: str, caption: str, credit: str) -> ImageAsset:
        """Set a photo's alt text, caption and credit."""
        with self._session() as session:
            row = imagerows.asset_row(session, sha256)
            row.alt, row.caption, row.credit = alt.strip(), caption.strip(), credit.strip()
            return imagerows.image_asset(row)

    def import_article(self, imported: ImportedArticle) -> Article:
        """Store an imported file's photos and its article together: all or nothing."""
        with self._session() as session:
            return importwrites.import_article(session, imported, self._clock())

    def vacuum(self) -> VacuumReport:
        """Remove photos no article or revision refers to any more."""
        with self._session() as session:
            return imagerows.vacuum(session)

    # -- sections and tags ----------------------------------------------------------------

    def sections(self) -> list[str]:
        """The managed section list, in the user's order."""
        with self._session() as session:
            statement = select(SectionRow.name).order_by(SectionRow.position, SectionRow.id)
            return list(session.scalars(statement))

    def set_sections(self, names: Sequence[str]) -> None:
        """Replace the section list (articles keep whatever section they have)."""
        cleaned = list(dict.fromkeys(name.strip() for name in names if name.strip()))
        with self._session() as session:
            session.execute(delete(SectionRow))
            session.add_all(
                SectionRow(name=name, position=index) for index, name in enumerate(cleaned)
            )

    def tags(self) -> list[str]:
        """Every tag used by a live article, sorted."""
        with self._session() as session:
            statement = (
                select(ArticleTagRow.tag)
                .join(ArticleRow, ArticleRow.id == ArticleTagRow.article_id)
                .where(ArticleRow.deleted_at.is_(None))
                .distinct()
                .order_by(ArticleTagRow.tag)
            )
            return list(session.scalars(statement))
