"""The store's rows for planned articles, written the way the app's Store writes them."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

from articlepool import (
    BYLINES,
    LANGUAGES,
    SECTIONS,
    SPAN_MINUTES,
    START,
    STATUSES,
    PlanRow,
    Pool,
    index_texts,
)
from deskeditor.core.models import Status
from deskeditor.core.schema import ArticleRow, ArticleTagRow
from deskeditor.core.searchindex import HEAD_TABLE, INDEX_TABLE
from deskeditor.core.slugs import slugify, unique_slug

TEXT = "CAST(? AS TEXT)"  # UTF-8 bytes bound as text: no re-encoding of cached pieces
ARTICLE_COLUMNS = {
    "id": "?",
    "headline": "?",
    "subhead": TEXT,
    "byline": "?",
    "section": "?",
    "body": TEXT,
    "tags": "?",
    "status": "?",
    "language": "?",
    "body_chars": "?",
    "created_at": "?",
    "updated_at": "?",
    "deleted_at": "NULL",
    "slug_choice": "''",
    "slug": "?",
    "summary": "''",
    "target_length": "NULL",
    "editor_note": "''",
    "published_at": "?",
    "status_changed_at": "?",
    "last_revision_at": "NULL",
    "feature_image": "''",
}


class _DateText:
    """A creation time (minutes after START) as stored: the date column's own text, cut in
    two (day, time of day) so that 100,000 times cost two lookups each."""

    def __init__(self, convert: Any) -> None:
        if START.hour or START.minute or START.second or START.microsecond:
            raise ValueError("START must be a midnight for days and times to combine")
        self._convert = convert
        self._days: dict[int, str] = {}
        self._times = [convert(START + timedelta(minutes=minute))[10:] for minute in range(1440)]
        for minutes in (0, 1439, 1440, SPAN_MINUTES - 1):  # the cut is where it seems
            assert self(minutes) == convert(START + timedelta(minutes=minutes))

    def __call__(self, minutes: int) -> str:
        day, minute = divmod(minutes, 1440)
        if (prefix := self._days.get(day)) is None:
            prefix = self._days[day] = self._convert(START + timedelta(days=day))[:10]
        return prefix + self._times[minute]


def _bind_processor(column_type: Any, dialect: Any) -> Any:
    """The conversion SQLAlchemy applies to a column's values on this dialect."""
    return column_type.dialect_impl(dialect).bind_processor(dialect)


class RowWriter:
    """This process's work: articles, tags, the headline index and the index's content."""

    def __init__(self, connection: sqlite3.Connection, pool: Pool, dialect: Any) -> None:
        self._connection = connection
        self._pool = pool
        # The column types' own conversions, so dates and tags are stored as the Store
        # stores them (one call per article, not per column).
        self._date = _DateText(_bind_processor(ArticleRow.__table__.c.created_at.type, dialect))
        tags_json = _bind_processor(ArticleRow.__table__.c.tags.type, dialect)
        self._tags_json = [tags_json(list(tags)) for tags in pool.tag_sets]
        self._taken: set[str] = set()
        columns = ", ".join(ARTICLE_COLUMNS)
        self._insert_article = (
            f"INSERT INTO articles({columns}) VALUES ({', '.join(ARTICLE_COLUMNS.values())})"
        )

    def write(self, first: int, rows: Iterator[PlanRow]) -> None:
        articles: list[tuple[object, ...]] = []
        contents: list[tuple[object, ...]] = []
        heads: list[tuple[object, ...]] = []
        tags: list[tuple[int, str]] = []
        pool = self._pool
        taken = self._taken
        for number, row in enumerate(rows, start=first):
            language, start, end, subhead, byline, section, status, tag_set, minutes, body = row
            headline = (
                pool.headline_starts[language].text[start]
                + " "
                + pool.headline_ends[language].text[end]
            )
            paragraphs = pool.paragraphs[language]
            base = slugify(headline)
            slug = unique_slug(base, taken.__contains__) if base else None
            if slug:
                taken.add(slug)
            created = self._date(minutes)
            articles.append(
                (
                    number,
                    headline,
                    pool.subheads[language].utf8[subhead],
                    BYLINES[byline],
                    SECTIONS[section],
                    b"\n\n".join(map(paragraphs.utf8.__getitem__, body)),
                    self._tags_json[tag_set],
                    STATUSES[status].value,
                    LANGUAGES[language].value,
                    sum(map(paragraphs.chars.__getitem__, body)) + 2 * len(body) - 2,
                    created,
                    created,
                    slug,
                    created if STATUSES[status] is Status.PUBLISHED else None,
                    created,
                )
            )
            headline_index, subhead_index, body_index, tags_index = index_texts(pool, row)
            contents.append((number, headline_index, subhead_index, body_index, tags_index))
            heads.append((number, headline_index, subhead_index, tags_index))
            tags.extend((number, tag) for tag in pool.tag_sets[tag_set])
        execute = self._connection.executemany
        execute(self._insert_article, articles)
        execute(f"INSERT INTO {ArticleTagRow.__tablename__}(article_id, tag) VALUES (?, ?)", tags)
        execute(
            f"INSERT INTO {HEAD_TABLE}(rowid, headline, subhead, tags) "
            f"VALUES (?, {TEXT}, {TEXT}, {TEXT})",
            heads,
        )
        execute(
            f"INSERT INTO {INDEX_TABLE}_content(id, c0, c1, c2, c3) "
            f"VALUES (?, {TEXT}, {TEXT}, {TEXT}, {TEXT})",
            contents,
        )
