"""The newsroom commands in-process: search, the Trash, history and revert, counts in show."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from deskeditor import cli
from deskeditor.core.models import ArticleContent, ArticleId, RevisionKind, Status
from deskeditor.core.store import Store

COUNT_KEYS = ["chars", "chars_no_spaces", "words", "paragraphs", "manuscript_pages"]

DATACENTER = ArticleContent(
    headline="정부, 데이터센터 유치 나서",
    section="경제",
    body="정부는 초대형데이터센터를 짓겠다고 밝혔다. 투자 규모는 A & B <비공개>.",
)
BUDGET = ArticleContent(
    headline="Budget talks resume",
    section="국제",
    body="Lawmakers met again to discuss the BUDGET.",
)
WEATHER = ArticleContent(headline="내일 전국에 비", section="사회", body="비가 온다고 밝혔다.")


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 3, 19, 1, 35, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def tick(self, minutes: float) -> None:
        self.now += timedelta(minutes=minutes)


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "s.sqlite3")


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(db: str, clock: Clock) -> Iterator[Store]:
    """The store the commands run on, opened beside them to set it up and check it."""
    opened = Store.open(db, clock=clock)
    yield opened
    opened.close()


@pytest.fixture
def seoul_time() -> Iterator[None]:
    """Local time is Korea's (UTC+9, no summer time) for the length of a test."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "KST-9"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


def run(capsys: pytest.CaptureFixture[str], db: str, *argv: str) -> tuple[int, str, str]:
    """Run the CLI in-process on the store at db; returns (exit status, stdout, stderr)."""
    status = cli.main(["--db", db, *argv])
    out, err = capsys.readouterr()
    return status, out, err


def run_json(capsys: pytest.CaptureFixture[str], db: str, *argv: str) -> Any:
    status, out, err = run(capsys, db, *argv, "--json")
    assert (status, err) == (0, "")
    return json.loads(out)


def ids_of(listed: Any) -> list[int]:
    return [item["id"] for item in listed]


# --- search ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "inside"),
    [
        ("데이터센터", "초대형[데이터센터]를"),  # a word inside a longer form with a particle
        ("정부", "[정부]는"),  # two syllables before a particle
    ],
)
def test_search_finds_korean_words_inside_longer_forms(
    capsys: pytest.CaptureFixture[str], db: str, store: Store, query: str, inside: str
) -> None:
    found = store.create_article(DATACENTER)
    store.create_article(WEATHER)

    status, out, err = run(capsys, db, "search", query)

    assert (status, err) == (0, "")
    heading, snippet = out.splitlines()
    assert heading.split() == [str(found.id), "경제", *DATACENTER.headline.split()]
    assert inside in snippet


def test_search_english_ignores_case(
    capsys: pytest.CaptureFixture[str], db: str, store: Store
) -> None:
    budget = store.create_article(BUDGET)
    store.create_article(DATACENTER)

    for query in ("budget", "BUDGET", "Budget"):
        assert ids_of(run_json(capsys, db, "search", query)) == [budget.id]


def test_search_json_keys_and_marked_snippet(
    capsys: pytest.CaptureFixture[str], db: str, store: Store
) -> None:
    article = store.create_article(DATACENTER)

    status, out, _ = run(capsys, db, "search", "데이터센터", "--json")

    assert status == 0
    assert "초대형" in out  # Korean is written as itself, not as \\u escapes
    [hit] = json.loads(out)
    assert list(hit) == ["id", "headline", "section", "status", "updated_at", "snippet"]
    assert (hit["id"], hit["headline"], hit["section"]) == (article.id, DATACENTER.headline, "경제")
    assert hit["status"] == "draft"
    assert hit["updated_at"] == "2026-03-19T01:35:00+00:00"
    assert "초대형<mark>데이터센터</mark>를" in hit["snippet"]
    assert "A &amp; B &lt;비공개&gt;" in hit["snippet"]  # JSON keeps the escaped HTML


def test_search_text_snippet_is_plain_text(
    capsys: pytest.CaptureFixture[str], db: str, store: Store
) -> None:
    store.create_article(DATACENTER)

    out = run(capsys, db, "search", "투자")[1]

    assert "[투자] 규모는 A & B <비공개>." in out
    assert "&amp;" not in out and "<mark>" not in out


def test_search_ranks_headline_hits_first_and_limits(
    capsys: pytest.CaptureFixture[str], db: str, store: Store, clock: Clock
) -> None:
    in_headline = store.create_article(DATACENTER)
    clock.tick(1)
    in_body = store.create_article(
        ArticleContent(headline="지역 소식", body="군은 데이터센터 부지를 찾는다.")
    )

    assert ids_of(run_json(capsys, db, "search", "데이터센터")) == [in_headline.id, in_body.id]
    assert ids_of(run_json(capsys, db, "search", "데이터센터", "--limit", "1")) == [in_headline.id]


def test_search_skips_the_trash_unless_asked(
    capsys: pytest.CaptureFixture[str], db: str, store: Store
) -> None:
    deleted = store.create_article(DATACENTER)
    store.delete_article(deleted.id)

    assert run(capsys, db, "search", "정부") == (0, "", "")
    assert ids_of(run_json(capsys, db, "search", "정부", "--trash")) == [deleted.id]


# --- the Trash ------------------------------------------------------------------------------


def test_delete_moves_to_the_trash_and_restore_brings_back(
    capsys: pytest.CaptureFixture[str], db: str, store: Store
) -> None:
    kept = store.create_article(BUDGET)
    doomed = store.create_article(DATACENTER)

    assert run(capsys, db, "delete", str(doomed.id)) == (
        0,
        f"moved article {doomed.id} to the Trash\n",
        "",
    )

    listed, trash = run_json(capsys, db, "list"), run_json(capsys, db, "trash")
    assert (ids_of(listed), ids_of(trash)) == ([kept.id], [doomed.id])
    assert list(trash[0]) == list(listed[0])  # the Trash is listed as `list` lists
    assert doomed.content.headline in run(capsys, db, "trash")[1]

    status, out, _ = run(capsys, db, "restore", str(doomed.id))

    assert (status, out) == (0, f"restored article {doomed.id} from the Trash\n")
    assert sorted(ids_of(run_json(capsys, db, "list"))) == [kept.id, doomed.id]
    assert run_json(capsys, db, "trash") == []


def test_delete_and_restore_say_when_there_is_nothing_to_do(
    capsys: pytest.CaptureFixture[str], db: str, store: Store
) -> None:
    article = store.create_article(BUDGET)

    assert "is not in the Trash" in run(capsys, db, "restore", str(article.id))[1]
    run(capsys, db, "delete", str(article.id))
    status, out, _ = run(capsys, db, "delete", str(article.id))

    assert (status, out) == (0, f"article {article.id} is already in the Trash\n")
    assert store.get_article(article.id).is_deleted


@pytest.mark.parametrize("command", ["delete", "restore", "history"])
def test_unknown_article_fails_with_one_line(
    capsys: pytest.CaptureFixture[str], db: str, command: str
) -> None:
    assert run(capsys, db, command, "42") == (
        1,
        "",
        "deskeditor: error: There is no article with id 42.\n",
    )


def test_empty_trash_removes_for_good_only_with_yes(
    capsys: pytest.CaptureFixture[str], db: str, store: Store
) -> None:
    live = store.create_article(BUDGET)
    doomed = [store.create_article(DATACENTER), store.create_article(WEATHER)]
    for article in doomed:
        store.delete_article(article.id)

    status, out, err = run(capsys, db, "empty-trash")

    assert (status, out) == (2, "")
    assert "--yes" in err and "cannot be undone" in err
    assert len(ids_of(run_json(capsys, db, "trash"))) == 2

    assert run(capsys, db, "empty-trash", "--yes") == (
        0,
        "removed 2 articles from the Trash for good\n",
        "",
    )
    assert run_json(capsys, db, "trash") == []
    assert ids_of(run_json(capsys, db, "list")) == [live.id]
    assert run(capsys, db, "show", str(doomed[0].id))[0] == 1
    assert run(capsys, db, "restore", str(doomed[0].id))[0] == 1


# --- history and revert ---------------------------------------------------------------------


def edited_article(store: Store, clock: Clock) -> ArticleId:
    """An article with an automatic, a labelled and a status revision, a few minutes apart."""
    article = store.create_article(ArticleContent(headline="초고 제목", body="첫 문장."))
    clock.tick(1)
    store.save_article(
        article.id, ArticleContent(headline="고친 제목", body="첫 문장. 둘째."), keep_revision=True
    )
    clock.tick(1)
    store.save_version(article.id, "데스크 전달본")
    clock.tick(1)
    store.save_article(
        article.id,
        ArticleContent(headline="고친 제목", body="첫 문장. 둘째. 셋째.", status=Status.DESK),
    )
    return article.id


def test_history_json_newest_first(
    capsys: pytest.CaptureFixture[str], db: str, store: Store, clock: Clock
) -> None:
    article_id = edited_article(store, clock)

    history = run_json(capsys, db, "history", str(article_id))

    assert [list(item) for item in history] == [
        ["id", "created_at", "kind", "label", "body_chars"]
    ] * 3
    assert [item["kind"] for item in history] == ["status", "labelled", "auto"]
    assert [item["created_at"] for item in history] == [
        "2026-03-19T01:38:00+00:00",
        "2026-03-19T01:37:00+00:00",
        "2026-03-19T01:36:00+00:00",
    ]
    assert history[0]["label"] == "draft → desk"
    assert history[1]["label"] == "데스크 전달본"
    assert [item["body_chars"] for item in history] == [9, 9, 5]
    assert [item["id"] for item in history] == [r.id for r in store.revisions(article_id)]


def test_history_text_shows_local_time(
    capsys: pytest.CaptureFixture[str], db: str, store: Store, clock: Clock, seoul_time: None
) -> None:
    article_id = edited_article(store, clock)
    newest, labelled, oldest = store.revisions(article_id)

    status, out, _ = run(capsys, db, "history", str(article_id))

    assert status == 0
    header, *rows = out.splitlines()
    assert header.split() == ["REVISION", "TIME", "KIND", "LENGTH", "LABEL"]
    assert rows[1].split() == [
        str(labelled.id),
        "2026-03-19",
        "10:37",
        "labelled",
        "9",
        "데스크",
        "전달본",
    ]
    assert rows[2].split() == [str(oldest.id), "2026-03-19", "10:36", "auto", "5"]
    assert rows[0].startswith(str(newest.id))


def test_history_of_a_fresh_article_is_empty(
    capsys: pytest.CaptureFixture[str], db: str, store: Store
) -> None:
    article = store.create_article(BUDGET)

    assert run(capsys, db, "history", str(article.id)) == (0, "", "")
    assert run_json(capsys, db, "history", str(article.id)) == []


def test_revert_restores_and_keeps_the_replaced_text(
    capsys: pytest.CaptureFixture[str], db: str, store: Store, clock: Clock
) -> None:
    article_id = edited_article(store, clock)
    oldest = store.revisions(article_id)[-1]
    clock.tick(1)

    status, out, err = run(capsys, db, "revert", str(article_id), "--to", str(oldest.id))

    assert (status, err) == (0, "")
    restored = store.get_article(article_id).content
    assert (restored.headline, restored.body) == ("초고 제목", "첫 문장.")
    kept = store.revisions(article_id)[0]
    assert kept.kind is RevisionKind.RESTORE
    assert store.get_revision(kept.id).content.body == "첫 문장. 둘째. 셋째."
    assert out.splitlines() == [
        f"article {article_id} now has the text of revision {oldest.id}:",
        "  초고 제목",
        f"the text it replaced is kept as revision {kept.id}",
    ]

    # Nothing is lost: reverting to the kept revision undoes the revert.
    assert run(capsys, db, "revert", str(article_id), "--to", str(kept.id))[0] == 0
    assert store.get_article(article_id).content.body == "첫 문장. 둘째. 셋째."


def test_revert_refuses_unknown_or_foreign_revisions(
    capsys: pytest.CaptureFixture[str], db: str, store: Store, clock: Clock
) -> None:
    article_id = edited_article(store, clock)
    other_id = edited_article(store, clock)
    foreign = store.revisions(other_id)[0]
    before = store.get_article(article_id)

    for revision in (str(foreign.id), "9999"):
        status, out, err = run(capsys, db, "revert", str(article_id), "--to", revision)

        assert (status, out) == (1, "")
        assert err == (
            f"deskeditor: error: Article {article_id} has no revision with id {revision}.\n"
        )
    assert store.get_article(article_id) == before
    assert len(store.revisions(article_id)) == 3  # a refused revert keeps no revision


# --- counts in show -------------------------------------------------------------------------


def test_show_json_counts_the_text_a_reader_sees(
    capsys: pytest.CaptureFixture[str], db: str, store: Store
) -> None:
    body = (
        "정부는 **초대형데이터센터를** 짓는다.\n\n"
        "[링크](https://example.com/a/very/long/address/that/must/not/count) 둘째"
    )
    article = store.create_article(ArticleContent(headline="제목", body=body))

    shown = run_json(capsys, db, "show", str(article.id))

    assert list(shown["counts"]) == COUNT_KEYS
    # "정부는 초대형데이터센터를 짓는다." is 18 characters, "링크 둘째" 5: no ** and no URL.
    assert shown["counts"] == {
        "chars": 23,
        "chars_no_spaces": 20,
        "words": 5,
        "paragraphs": 2,
        "manuscript_pages": 0.2,
    }


def test_show_text_has_a_length_line_and_marks_the_trash(
    capsys: pytest.CaptureFixture[str], db: str, store: Store, seoul_time: None
) -> None:
    article = store.create_article(DATACENTER)
    store.delete_article(article.id)

    lines = run(capsys, db, "show", str(article.id))[1].splitlines()

    assert (
        "Length:   43 chars (34 without spaces), 10 words, 1 paragraph, 0.3 manuscript pages"
        in lines
    )
    assert "Trash:    deleted 2026-03-19 10:35" in lines
