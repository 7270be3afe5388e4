"""The converter's inline fast path writes exactly what stock Python-Markdown writes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deskeditor.core.markup import (
    INLINE_TRIGGERS,
    MarkdownConverter,
    TriggeredInlineProcessor,
    build_markdown,
)

# Text made of the characters inline patterns react to, with Hangul and plain words between.
_PIECES = st.sampled_from(
    [
        "*", "**", "_", "__", "~~", "~", "`", "``", "\\", "[", "]", "(", ")", "!", "<", ">",
        "&", "&amp;", "&#44;", ";", "  \n", "\n", "\n\n", " ", "데이터센터", "를", "word",
        "http://example.com/a_b", "<https://example.com>", "<a@b.kr>", "<b>", "</b>", "1.",
        "- ", "> ", "# ", "|", "---", "[x]", "![alt](asset:ab \"t\")", "[l](u \"t\")",
    ]
)  # fmt: skip
_MARKDOWN = st.lists(_PIECES, max_size=40).map("".join)


def _both(text: str) -> tuple[str, str]:
    fast, stock = build_markdown(), build_markdown(fast_inline=False)
    return fast.convert(text), stock.convert(text)


@settings(max_examples=400, deadline=None)
@given(_MARKDOWN)
def test_fast_inline_processor_matches_stock_on_random_text(text: str) -> None:
    fast, stock = _both(text)
    assert fast == stock


@pytest.mark.parametrize(
    "text",
    [
        '**굵게**를 *기울임* ~~취소~~ `코드` [링크](https://a.kr/x_(y) "제목") ![그림](asset:ff)',
        "줄 끝 공백  \n다음 줄 &amp; &#x41; <em>raw</em> <https://a.kr> \\*literal\\*",
        "- 하나\n    - 둘\n\n1. 셋\n\n> 인용 **굵게**\n\n| a | b |\n|:-|-:|\n| `|` | _c_ |",
        "평범한 문장만 있는 문단입니다. 아무 표시도 없습니다.\n\n두 번째 문단.",
    ],
)
def test_fast_inline_processor_matches_stock_on_every_construct(text: str) -> None:
    fast, stock = _both(text)
    assert fast == stock


def test_every_trigger_names_a_pattern_or_a_known_absent_one() -> None:
    """A renamed pattern upstream would silently lose its shortcut: keep the table honest."""
    md = build_markdown(fast_inline=False)
    names = {item.name for item in md.inlinePatterns._priority}
    optional = {"em_strong2", "not_strong"}  # present only in some Python-Markdown versions
    assert names <= set(INLINE_TRIGGERS)
    assert set(INLINE_TRIGGERS) - names <= optional


def test_the_app_converts_with_the_fast_inline_processor() -> None:
    assert isinstance(build_markdown().treeprocessors["inline"], TriggeredInlineProcessor)
    assert "<strong>굵게</strong>를" in MarkdownConverter().to_html("**굵게**를")
