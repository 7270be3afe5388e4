"""Korean-aware counts: graphemes, 어절, paragraphs, 원고지 매수, reading time, copyfit."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from deskeditor.core.counts import (
    Fit,
    copyfit,
    count_markdown,
    count_plain_text,
    manuscript_pages,
    visible_text,
)
from deskeditor.core.models import Language


def test_korean_sentence_counts_with_and_without_spaces() -> None:
    counts = count_plain_text("정부는 데이터센터를 짓는다.")
    assert counts.chars == 15
    assert counts.chars_no_spaces == 13
    assert counts.words == 3  # 어절
    assert counts.paragraphs == 1


def test_line_breaks_are_not_characters_but_separate_paragraphs() -> None:
    counts = count_plain_text("첫 문단\n\n둘째 문단\r\n셋째")
    assert counts.chars == len("첫 문단") + len("둘째 문단") + len("셋째")
    assert counts.paragraphs == 3


@pytest.mark.parametrize(
    ("text", "clusters"),
    [
        ("👨‍👩‍👧", 1),  # ZWJ family emoji
        ("🇰🇷", 1),  # flag from two regional indicators
        ("é", 1),  # e + combining acute
        ("ᄒᆞᆫ글", 2),  # old-style jamo sequence + modern syllable
        ("한글", 2),
        ("a\u200bb", 2),  # a zero-width space is invisible: not a character to a reader
        ("a\u00adb\ufeff", 2),  # soft hyphen and BOM neither
    ],
)
def test_user_perceived_characters_are_grapheme_clusters(text: str, clusters: int) -> None:
    assert count_plain_text(text).chars == clusters


def test_non_breaking_space_counts_as_space() -> None:
    counts = count_plain_text("가\u00a0나")
    assert counts.chars == 3
    assert counts.chars_no_spaces == 2
    assert counts.words == 2  # a reader sees two words, however the space was typed


@pytest.mark.parametrize(
    ("chars", "pages"),
    [(0, 0.0), (1, 0.1), (20, 0.1), (21, 0.2), (200, 1.0), (201, 1.1), (1999, 10.0), (2001, 10.1)],
)
def test_manuscript_pages_round_up_to_one_decimal(chars: int, pages: float) -> None:
    assert manuscript_pages(chars) == pages


def test_manuscript_pages_with_150_character_pages() -> None:
    assert manuscript_pages(150, 150) == 1.0
    assert count_plain_text("가" * 300, page_chars=150).manuscript_pages == 2.0


def test_markdown_syntax_and_urls_are_not_counted() -> None:
    body = "## 제목\n\n**굵게** [링크](https://example.com/a_very_long_url) `코드`\n\n- 하나\n- 둘"
    lines = [line for line in visible_text(body).split("\n") if line]
    assert lines == ["제목", "굵게 링크 코드", "하나", "둘"]
    counts = count_markdown(body)
    assert counts.chars == len("제목") + len("굵게 링크 코드") + len("하나") + len("둘")
    assert counts.paragraphs == 4
    assert "example" not in visible_text(body)


def test_entities_count_as_the_character_they_stand_for() -> None:
    assert count_markdown("AT&amp;T &lt;b&gt;").chars == len("AT&T <b>")


def test_reading_time_uses_the_language_rate() -> None:
    assert count_plain_text("가" * 1000, Language.KO).reading_minutes == 2.0
    assert count_plain_text("word " * 460, Language.EN).reading_minutes == 2.0


@pytest.mark.parametrize(
    ("chars", "fit", "difference"),
    [(900, Fit.SHORT, -100), (980, Fit.FITS, -20), (1000, Fit.FITS, 0), (1100, Fit.OVER, 100)],
)
def test_copyfit_against_target(chars: int, fit: Fit, difference: int) -> None:
    result = copyfit(chars, 1000)
    assert result.fit is fit
    assert result.difference == difference


def test_counts_json_has_the_promised_keys() -> None:
    keys = set(count_plain_text("가나다").as_json())
    assert keys == {"chars", "chars_no_spaces", "words", "paragraphs", "manuscript_pages"}


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=200))
def test_counts_are_consistent_for_any_text(text: str) -> None:
    counts = count_plain_text(text)
    assert 0 <= counts.chars_no_spaces <= counts.chars <= len(text)
    assert counts.words <= counts.chars_no_spaces or counts.chars_no_spaces == 0
    assert counts.paragraphs <= counts.chars


def test_a_soft_wrap_inside_a_paragraph_is_a_space_not_a_paragraph() -> None:
    counts = count_markdown("첫 줄이\n이어진다\n\n둘째 문단")
    assert counts.paragraphs == 2
    assert counts.chars == len("첫 줄이 이어진다") + len("둘째 문단")
    assert counts.words == 5
