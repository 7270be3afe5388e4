"""Newsroom workflow in the store: slugs, tags, sections, status log, trash, search, lists."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from deskeditor.core.models import ArticleContent, ArticleId, ListQuery, SortKey, Status
from deskeditor.core.store import Store


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 3, 19, 1, 35, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def tick(self, minutes: float = 1) -> None:
        self.now += timedelta(minutes=minutes)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> Iterator[Store]:
    opened = Store.open(tmp_path / "store.sqlite3", clock=clock)
    yield opened
    opened.close()


def test_slug_follows_the_headline_keeps_hangul_and_is_unique(store: Store) -> None:
    first = store.create_article(ArticleContent(headline="반도체 수출, 3개월 연속 증가"))
    second = store.create_article(ArticleContent(headline="반도체 수출 3개월 연속 증가!"))
    assert first.slug == "반도체-수출-3개월-연속-증가"
    assert second.slug == "반도체-수출-3개월-연속-증가-2"
    renamed = store.save_article(first.id, ArticleContent(headline="Chips: exports up"))
    assert renamed.slug == "chips-exports-up"


def test_a_chosen_slug_wins_and_stays_unique(store: Store) -> None:
    store.create_article(ArticleContent(headline="x", slug="election-night"))
    other = store.create_article(ArticleContent(headline="y", slug="Election Night"))
    assert other.slug == "election-night-2"
    assert other.content.slug == "Election Night"


def test_untitled_article_has_no_slug(store: Store) -> None:
    assert store.create_article().slug == ""


def test_sections_are_seeded_and_editable(store: Store) -> None:
    assert store.sections()[:4] == ["정치", "경제", "사회", "산업"]
    store.set_sections(["사회", "  ", "산업", "사회", "지역"])
    assert store.sections() == ["사회", "산업", "지역"]


def test_status_change_is_logged_with_time_and_publication_stamped(
    store: Store, clock: Clock
) -> None:
    article = store.create_article(ArticleContent(headline="h", body="draft text"))
    clock.tick(10)
    store.save_article(
        article.id, ArticleContent(headline="h", body="draft text", status=Status.DESK)
    )
    clock.tick(10)
    published = store.save_article(
        article.id, ArticleContent(headline="h", body="final", status=Status.PUBLISHED)
    )
    history = store.status_history(article.id)
    assert [(c.from_status, c.to_status) for c in history] == [
        (Status.DRAFT, Status.DESK),
        (Status.DESK, Status.PUBLISHED),
    ]
    assert history[1].changed_at == clock.now
    assert published.published_at == clock.now
    assert published.status_changed_at == clock.now


def test_trash_restore_and_empty(store: Store) -> None:
    keep = store.create_article(ArticleContent(headline="keep 데이터"))
    gone = store.create_article(ArticleContent(headline="gone 데이터", tags=("x",)))
    store.save_version(gone.id, "v1")
    store.delete_article(gone.id)
    assert store.article_ids() == [keep.id]
    assert store.article_ids(ListQuery(deleted=True)) == [gone.id]
    store.restore_article(gone.id)
    assert set(store.article_ids()) == {keep.id, gone.id}
    store.delete_article(gone.id)
    assert store.empty_trash() == 1
    assert store.article_ids(ListQuery(deleted=True)) == []
    assert [hit.id for hit in store.search("데이터")] == [keep.id]
    assert store.tags() == []


def test_search_finds_korean_inside_longer_forms_with_snippets(store: Store) -> None:
    a = store.create_article(
        ArticleContent(headline="전력 수요", body="정부는 초대형데이터센터를 짓기로 했다.")
    )
    b = store.create_article(ArticleContent(headline="Seoul election", body="Turnout was high."))
    hits = store.search("데이터센터")
    assert [hit.id for hit in hits] == [a.id]
    assert "<mark>데이터센터</mark>" in hits[0].snippet_html
    assert [hit.id for hit in store.search("정부")] == [a.id]
    assert [hit.id for hit in store.search("SEOUL")] == [b.id]


def test_search_index_follows_every_save_in_the_same_transaction(store: Store) -> None:
    article = store.create_article(ArticleContent(body="첫 원고"))
    store.save_article(article.id, ArticleContent(body="고친 원고: 반도체"))
    assert store.search("첫") == []
    assert [hit.id for hit in store.search("반도체")] == [article.id]


def test_headline_hits_rank_above_body_hits(store: Store) -> None:
    in_body = store.create_article(ArticleContent(headline="다른 기사", body="반도체 이야기 " * 3))
    in_headline = store.create_article(ArticleContent(headline="반도체 수출", body="내용"))
    assert [hit.id for hit in store.search("반도체")] == [in_headline.id, in_body.id]


def test_list_filters_by_section_status_tag_and_dates(store: Store, clock: Clock) -> None:
    old = store.create_article(ArticleContent(headline="old", section="사회", tags=("선거",)))
    clock.tick(60 * 24)
    new = store.create_article(
        ArticleContent(headline="new", section="산업", tags=("선거", "AI"), status=Status.READY)
    )
    assert store.article_ids(ListQuery(section="사회")) == [old.id]
    assert store.article_ids(ListQuery(status=Status.READY)) == [new.id]
    assert store.article_ids(ListQuery(tag="선거")) == [new.id, old.id]
    assert store.article_ids(ListQuery(tag="AI")) == [new.id]
    assert store.article_ids(ListQuery(updated_from=clock.now - timedelta(hours=1))) == [new.id]
    assert store.article_ids(ListQuery(updated_until=clock.now)) == [old.id]
    assert store.tags() == ["AI", "선거"]


def test_list_sorts_by_any_column(store: Store) -> None:
    ids = {
        name: store.create_article(ArticleContent(headline=name, body="x" * length)).id
        for name, length in (("b", 3), ("a", 1), ("c", 2))
    }
    by_headline = store.article_ids(ListQuery(sort=SortKey.HEADLINE, descending=False))
    assert by_headline == [ids["a"], ids["b"], ids["c"]]
    by_length = store.article_ids(ListQuery(sort=SortKey.LENGTH, descending=True))
    assert by_length == [ids["b"], ids["c"], ids["a"]]


def test_list_with_search_text_keeps_filters(store: Store) -> None:
    society = store.create_article(ArticleContent(headline="정부 발표", section="사회"))
    store.create_article(ArticleContent(headline="정부 예산", section="경제"))
    assert store.article_ids(ListQuery(text="정부", section="사회")) == [society.id]


def test_unknown_ids_in_summaries_are_skipped(store: Store) -> None:
    assert store.summaries([ArticleId(12345)]) == []


def test_query_words_may_match_in_different_fields(store: Store) -> None:
    article = store.create_article(ArticleContent(headline="부동산 대책", body="새 정책을 발표"))
    assert [hit.id for hit in store.search("부동산 정책")] == [article.id]


def test_headline_tier_needs_every_word_in_the_head_fields(store: Store) -> None:
    both_in_body = store.create_article(ArticleContent(headline="기사", body="부동산 정책"))
    both_in_head = store.create_article(ArticleContent(headline="부동산 정책", body="내용"))
    split = store.create_article(ArticleContent(headline="부동산", body="정책"))
    hits = [hit.id for hit in store.search("부동산 정책")]
    assert hits[0] == both_in_head.id
    assert set(hits[1:]) == {both_in_body.id, split.id}
