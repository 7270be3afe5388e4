"""The article list's queries on a real store: workflow order, and reads from the index alone."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy.dialects import sqlite

from deskeditor.core import listquery
from deskeditor.core.models import ArticleContent, ArticleId, ListQuery, SortKey, Status
from deskeditor.core.store import Store


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 3, 19, 1, 35, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)  # every write a minute after the last
        return self.now


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "store.sqlite3", clock=Clock())
    yield opened
    opened.close()


def add(store: Store, headline: str, status: Status = Status.DRAFT) -> ArticleId:
    return store.create_article(ArticleContent(headline=headline, status=status)).id


def test_status_sorts_in_workflow_order_not_alphabetically(store: Store) -> None:
    # Created in an order that is neither the workflow's nor the alphabet's.
    ready = add(store, "r", Status.READY)
    published = add(store, "p", Status.PUBLISHED)
    draft = add(store, "d", Status.DRAFT)
    desk = add(store, "k", Status.DESK)
    assert store.article_ids(ListQuery(sort=SortKey.STATUS, descending=False)) == [
        draft,
        desk,
        ready,
        published,
    ]
    assert store.article_ids(ListQuery(sort=SortKey.STATUS, descending=True)) == [
        published,
        ready,
        desk,
        draft,
    ]


def test_status_ties_are_newest_first_in_both_directions(store: Store) -> None:
    old_draft = add(store, "old", Status.DRAFT)
    desk = add(store, "desk", Status.DESK)
    new_draft = add(store, "new", Status.DRAFT)
    assert store.article_ids(ListQuery(sort=SortKey.STATUS, descending=False)) == [
        new_draft,
        old_draft,
        desk,
    ]
    assert store.article_ids(ListQuery(sort=SortKey.STATUS, descending=True)) == [
        desk,
        new_draft,
        old_draft,
    ]


def test_status_order_keeps_filters_and_the_trash_apart(store: Store) -> None:
    kept = add(store, "budget", Status.READY)
    gone = add(store, "budget too", Status.DRAFT)
    store.delete_article(gone)
    add(store, "other", Status.DESK)
    tagged = store.create_article(ArticleContent(headline="tagged", tags=("선거",))).id
    assert store.article_ids(ListQuery(sort=SortKey.STATUS, deleted=True)) == [gone]
    assert store.article_ids(ListQuery(sort=SortKey.STATUS, tag="선거")) == [tagged]
    assert store.article_ids(ListQuery(sort=SortKey.STATUS, text="budget")) == [kept]


def test_search_hits_are_filtered_in_batches_keeping_their_order(store: Store) -> None:
    wanted = [
        store.create_article(ArticleContent(headline=f"예산 {n}", section="경제")).id
        for n in range(listquery.BATCH + 20)
    ]
    store.create_article(ArticleContent(headline="예산 사회", section="사회"))
    hits = store.article_ids(ListQuery(text="예산", section="경제"))
    assert hits == list(reversed(wanted))  # newest first, every batch kept


def test_summaries_come_in_the_order_asked(store: Store) -> None:
    first = add(store, "first", Status.DESK)
    second = add(store, "second")
    rows = store.summaries([second, ArticleId(9999), first])
    assert [(row.id, row.headline, row.status) for row in rows] == [
        (second, "second", Status.DRAFT),
        (first, "first", Status.DESK),
    ]


def plan(store: Store, query: ListQuery) -> str:
    statement = listquery.ordered_ids(query)
    sql = str(statement.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}))
    with store.engine.connect() as connection:
        rows = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}").all()
    return " ; ".join(str(row[-1]) for row in rows)


@pytest.mark.parametrize("key", list(SortKey))
@pytest.mark.parametrize("descending", [False, True])
def test_every_sort_reads_the_index_alone(store: Store, key: SortKey, descending: bool) -> None:
    """No row of the table is read to list the ids: at 100,000 articles that is seconds."""
    for number in range(30):
        add(store, f"headline {number % 7}", list(Status)[number % 4])
    query_plan = plan(store, ListQuery(sort=key, descending=descending))
    assert "COVERING INDEX" in query_plan, query_plan
    if key is not SortKey.STATUS:  # workflow order is a computed rank: sorted, but in the index
        assert "TEMP B-TREE FOR ORDER BY" not in query_plan, query_plan


@pytest.mark.parametrize("key", list(SortKey))
@pytest.mark.parametrize(
    "narrowed",
    [ListQuery(section="정치"), ListQuery(status=Status.DESK)],
    ids=["section", "status"],
)
def test_a_filtered_sort_reads_the_index_alone(
    store: Store, key: SortKey, narrowed: ListQuery
) -> None:
    """Without the filter columns in each index, every row was looked up (0.5 s at 100,000)."""
    add(store, "x")
    query_plan = plan(store, replace(narrowed, sort=key))
    assert "COVERING INDEX" in query_plan, query_plan


@pytest.mark.parametrize("field", ["section", "status"])
def test_a_filter_on_the_default_order_is_one_index_range(store: Store, field: str) -> None:
    add(store, "x")
    query = ListQuery(section="정치") if field == "section" else ListQuery(status=Status.DESK)
    query_plan = plan(store, query)
    assert f"COVERING INDEX ix_articles_live_{field} (deleted_at=? AND {field}=?)" in query_plan


def test_the_trash_is_listed_from_its_own_index(store: Store) -> None:
    for number in range(30):
        add(store, f"live {number}")
    assert "ix_articles_trash" in plan(store, ListQuery(deleted=True))
