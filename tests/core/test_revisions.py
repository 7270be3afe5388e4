"""Revision history: when revisions are taken, restore, and the retention policy."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from deskeditor.core.models import ArticleContent, RevisionId, RevisionKind, Status
from deskeditor.core.retention import RevisionStamp, revisions_to_prune
from deskeditor.core.store import Store


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 3, 19, 1, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def tick(self, minutes: float) -> None:
        self.now += timedelta(minutes=minutes)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> Iterator[Store]:
    opened = Store.open(tmp_path / "store.sqlite3", clock=clock)
    yield opened
    opened.close()


def body(text: str, status: Status = Status.DRAFT) -> ArticleContent:
    return ArticleContent(headline="기사", body=text, status=status)


def test_first_change_after_opening_keeps_the_text_as_it_was(store: Store, clock: Clock) -> None:
    article = store.create_article(body("원래 문장"))
    clock.tick(1)
    store.save_article(article.id, body("원래 문장 고침"), keep_revision=True)
    (revision,) = store.revisions(article.id)
    assert revision.kind is RevisionKind.AUTO
    assert store.get_revision(revision.id).content.body == "원래 문장"


def test_continuous_editing_keeps_a_revision_every_five_minutes(store: Store, clock: Clock) -> None:
    article = store.create_article(body("v0"))
    store.save_article(article.id, body("v1"), keep_revision=True)  # revision of v0
    for minute in range(1, 12):  # an edit every minute for 11 minutes
        clock.tick(1)
        store.save_article(article.id, body(f"v{minute + 1}"))
    bodies = [store.get_revision(r.id).content.body for r in store.revisions(article.id)]
    # v0 at the start, then the text as it stood 5 and 10 minutes later
    assert bodies == ["v10", "v5", "v0"]


def test_status_change_records_the_text_before_it(store: Store, clock: Clock) -> None:
    article = store.create_article(body("초고"))
    clock.tick(1)
    store.save_article(article.id, body("데스킹본", Status.DESK))
    (revision,) = store.revisions(article.id)
    assert revision.kind is RevisionKind.STATUS
    kept = store.get_revision(revision.id).content
    assert kept.body == "초고" and kept.status is Status.DRAFT


def test_labelled_version_and_restore_which_itself_keeps_a_revision(
    store: Store, clock: Clock
) -> None:
    article = store.create_article(
        ArticleContent(headline="첫 제목", body="좋은 문장", tags=("a",))
    )
    version = store.save_version(article.id, "  송고 전  ")
    assert version.label == "송고 전" and version.kind is RevisionKind.LABELLED
    clock.tick(1)
    store.save_article(article.id, ArticleContent(headline="망친 제목", body="망친 문장"))
    clock.tick(1)
    restored = store.restore_article_revision(article.id, version.id)
    assert restored.content.body == "좋은 문장" and restored.content.tags == ("a",)
    assert store.get_article(article.id).content.headline == "첫 제목"
    newest = store.revisions(article.id)[0]
    assert newest.kind is RevisionKind.RESTORE
    assert store.get_revision(newest.id).content.body == "망친 문장"  # nothing is lost
    assert [hit.id for hit in store.search("좋은")] == [article.id]


def test_restore_rejects_another_articles_revision(store: Store) -> None:
    a = store.create_article(body("a"))
    b = store.create_article(body("b"))
    version = store.save_version(a.id, "x")
    with pytest.raises(Exception, match="has no revision"):
        store.restore_article_revision(b.id, version.id)


def stamp(
    number: int, age: timedelta, now: datetime, kind: RevisionKind = RevisionKind.AUTO
) -> RevisionStamp:
    return RevisionStamp(RevisionId(number), now - age, kind)


def test_retention_keeps_the_last_day_then_hourly_then_daily() -> None:
    now = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
    stamps = [
        stamp(1, timedelta(minutes=5), now),
        stamp(2, timedelta(hours=3), now),
        stamp(
            3, timedelta(hours=3, minutes=10), now
        ),  # same hour as 2... within the last day: kept
        stamp(4, timedelta(days=3, minutes=10), now),
        stamp(5, timedelta(days=3, minutes=20), now),  # same hour as 4: pruned
        stamp(6, timedelta(days=40, hours=1), now),
        stamp(7, timedelta(days=40, hours=5), now),  # same day as 6: pruned
        stamp(8, timedelta(days=40, hours=6), now, RevisionKind.LABELLED),  # labelled: kept
    ]
    assert revisions_to_prune(stamps, now) == {RevisionId(5), RevisionId(7)}


def test_retention_never_prunes_the_newest() -> None:
    now = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
    stamps = [stamp(1, timedelta(days=90), now), stamp(2, timedelta(days=90, minutes=1), now)]
    assert revisions_to_prune(stamps, now) == {RevisionId(2)}
    assert revisions_to_prune([stamp(1, timedelta(days=900), now)], now) == set()


def test_store_prunes_old_automatic_revisions(store: Store, clock: Clock) -> None:
    article = store.create_article(body("v"))
    for step in range(40):  # every 6 minutes for 4 hours, two days ago
        clock.tick(6)
        store.save_article(article.id, body(f"v{step}"))
    taken = len(store.revisions(article.id))
    clock.tick(60 * 24 * 2)
    store.save_article(article.id, body("today"))
    after = store.revisions(article.id)
    assert taken >= 30
    assert len(after) <= 6  # one per hour for the old session, plus the newest
