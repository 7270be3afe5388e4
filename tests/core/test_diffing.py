"""Readable diffs: paragraphs, then words, then characters inside Korean words."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from deskeditor.core.diffing import (
    DIFF_FIELDS,
    DiffOp,
    Segment,
    diff_chars,
    diff_content,
    diff_text,
    merge,
    new_text,
    old_text,
)
from deskeditor.core.models import ArticleContent, Language, Status

EQUAL, DELETE, INSERT = DiffOp.EQUAL, DiffOp.DELETE, DiffOp.INSERT


def test_a_changed_particle_is_shown_inside_the_word() -> None:
    assert diff_text("데이터센터를", "데이터센터가") == [
        Segment(EQUAL, "데이터센터"),
        Segment(DELETE, "를"),
        Segment(INSERT, "가"),
    ]


def test_a_particle_change_in_a_sentence_leaves_the_other_words_alone() -> None:
    old = "정부는 초대형 데이터센터를 짓기로 했다."
    new = "정부는 초대형 데이터센터가 들어선다고 밝혔다."
    segments = diff_text(old, new)
    assert segments[0] == Segment(EQUAL, "정부는 초대형 데이터센터")
    assert segments[1:3] == [Segment(DELETE, "를"), Segment(INSERT, "가")]
    assert (old_text(segments), new_text(segments)) == (old, new)


def test_a_korean_word_that_changed_altogether_is_replaced_whole() -> None:
    assert diff_text("정부는 발표했다", "국회는 발표했다") == [
        Segment(DELETE, "정부는"),
        Segment(INSERT, "국회는"),
        Segment(EQUAL, " 발표했다"),
    ]


def test_an_inserted_word_next_to_a_changed_particle() -> None:
    segments = diff_text("데이터센터를 짓는다", "데이터센터가 새로 짓는다")
    assert segments == [
        Segment(EQUAL, "데이터센터"),
        Segment(DELETE, "를"),
        Segment(INSERT, "가 새로"),
        Segment(EQUAL, " 짓는다"),
    ]


def test_english_changes_by_whole_words() -> None:
    assert diff_text("The cat sat on the mat.", "The cats sat on a mat.") == [
        Segment(EQUAL, "The "),
        Segment(DELETE, "cat"),
        Segment(INSERT, "cats"),
        Segment(EQUAL, " sat on "),
        Segment(DELETE, "the"),
        Segment(INSERT, "a"),
        Segment(EQUAL, " mat."),
    ]


def test_paragraphs_added_and_removed_are_whole() -> None:
    old = "First paragraph.\n\nSecond paragraph.\n\nThird."
    new = "First paragraph.\n\nThird.\n\nA new ending."
    segments = diff_text(old, new)
    assert Segment(DELETE, "Second paragraph.\n\n") in segments
    assert segments[-1] == Segment(INSERT, "\n\nA new ending.")
    assert (old_text(segments), new_text(segments)) == (old, new)


def test_unchanged_and_empty_texts() -> None:
    assert diff_text("같다", "같다") == [Segment(EQUAL, "같다")]
    assert diff_text("", "") == []
    assert diff_text("", "새 글") == [Segment(INSERT, "새 글")]
    assert diff_text("지운 글", "") == [Segment(DELETE, "지운 글")]


def test_diff_chars_and_merge() -> None:
    assert diff_chars("abc", "abd") == [
        Segment(EQUAL, "ab"),
        Segment(DELETE, "c"),
        Segment(INSERT, "d"),
    ]
    assert merge([Segment(EQUAL, "a"), Segment(EQUAL, "b"), Segment(INSERT, "")]) == [
        Segment(EQUAL, "ab")
    ]


hangul_text = st.text(alphabet="데이터센터를가는 정부abc \n.", max_size=60)


@given(hangul_text, hangul_text)
def test_a_diff_spells_both_versions(old: str, new: str) -> None:
    segments = diff_text(old, new)
    assert old_text(segments) == old
    assert new_text(segments) == new
    assert all(segment.text for segment in segments)
    assert all(a.op is not b.op for a, b in zip(segments, segments[1:], strict=False))


def test_diff_content_lists_changed_fields_in_order() -> None:
    old = ArticleContent(headline="제목", body="본문을 썼다.", tags=("경제",), status=Status.DRAFT)
    new = ArticleContent(
        headline="제목",
        body="본문이 바뀌었다.",
        tags=("경제", "반도체"),
        status=Status.DESK,
        language=Language.KO,
        target_length=2000,
    )
    diffs = diff_content(old, new)
    assert [d.field for d in diffs] == ["status", "tags", "language", "target_length", "body"]
    assert [d.field for d in diffs] == [f for f in DIFF_FIELDS if f in {d.field for d in diffs}]
    tags = diffs[1].segments
    assert new_text(tags) == "경제, 반도체"
    assert diffs[3].segments == [Segment(INSERT, "2000")]
    assert diffs[0].segments == [Segment(DELETE, "draft"), Segment(INSERT, "desk")]
    assert diff_content(old, old) == []


def test_diff_content_words_values_through_describe() -> None:
    old = ArticleContent(status=Status.DRAFT)
    new = ArticleContent(status=Status.PUBLISHED, language=Language.KO)

    names = {Status.DRAFT.value: "초고", Status.PUBLISHED.value: "출고"}

    def describe(field: str, value: object) -> str | None:
        return names.get(str(value)) if field == "status" else None

    diffs = diff_content(old, new, describe)
    assert diffs[0].segments == [Segment(DELETE, "초고"), Segment(INSERT, "출고")]
    assert diffs[1].segments == [Segment(INSERT, "ko")]
