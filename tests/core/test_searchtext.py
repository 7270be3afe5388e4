"""Bigram index text and query building, checked against a real SQLite FTS5 table."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from deskeditor.core.searchtext import (
    fts5_match,
    index_text,
    markdown_plain,
    parse_query,
    snippet_html,
)

DOCUMENTS = {
    1: "초대형데이터센터를 짓는 정부는 전력망을 걱정한다.",
    2: "Election results in SEOUL were announced.",
    3: "행정부 발표: 반도체 수출 증가",
    4: "데이터 센터",
    5: "AI반도체 시장",
}


@pytest.fixture
def fts() -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE VIRTUAL TABLE docs USING fts5(body, tokenize='unicode61')")
    for rowid, text in DOCUMENTS.items():
        connection.execute("INSERT INTO docs(rowid, body) VALUES (?, ?)", (rowid, index_text(text)))
    yield connection
    connection.close()


def hits(connection: sqlite3.Connection, query: str) -> set[int]:
    expression = fts5_match(parse_query(query))
    if not expression:
        return set()
    rows = connection.execute("SELECT rowid FROM docs WHERE docs MATCH ?", (expression,))
    return {row[0] for row in rows}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("데이터센터", {1}),  # inside 초대형데이터센터를
        ("데이터센터를", {1}),
        ("정부", {1, 3}),  # 정부는 and 행정부
        ("전력", {1}),
        ("반도체", {3, 5}),  # also glued to Latin: AI반도체
        ("seoul", {2}),
        ("SEOUL", {2}),
        ("Elect", {2}),  # English prefix, any case
        ("데이터 센터", {1, 4}),  # every part must match
        ("없는말", set()),
    ],
)
def test_queries_find_korean_inside_longer_forms(
    fts: sqlite3.Connection, query: str, expected: set[int]
) -> None:
    assert hits(fts, query) == expected


def test_one_syllable_query_is_a_prefix_match(fts: sqlite3.Connection) -> None:
    assert hits(fts, "정") == {1, 3}


@pytest.mark.parametrize("query", ['"', "AND", "OR NOT", "a*", "(x", "NEAR(", "^", "-", "col:x"])
def test_fts_syntax_in_a_query_never_breaks_matching(fts: sqlite3.Connection, query: str) -> None:
    hits(fts, query)  # must not raise sqlite3.OperationalError


def test_urls_in_markdown_links_are_not_indexed() -> None:
    assert "example" not in index_text("[기사](https://example.com/path)")
    assert "기사" in index_text("[기사](https://example.com/path)")


def test_snippet_marks_hits_and_escapes_html() -> None:
    snippet = snippet_html("앞 문장. <b>정부는</b> 오늘 데이터센터를 발표했다.", "데이터센터")
    assert "<mark>데이터센터</mark>를" in snippet
    assert "&lt;b&gt;" in snippet and "<b>" not in snippet


def test_snippet_is_case_insensitive_for_latin() -> None:
    assert "<mark>Seoul</mark>" in snippet_html("Results in Seoul today", "seoul")


@given(st.text(max_size=60))
def test_any_query_is_safe_to_run(query: str) -> None:
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE VIRTUAL TABLE docs USING fts5(body)")
    connection.execute("INSERT INTO docs(body) VALUES (?)", (index_text("정부는 데이터 center"),))
    expression = fts5_match(parse_query(query))
    if expression:
        connection.execute("SELECT rowid FROM docs WHERE docs MATCH ?", (expression,)).fetchall()
    connection.close()


def test_snippet_text_has_no_markdown_syntax_or_urls() -> None:
    plain = markdown_plain(
        "## 제목\n\n**굵은** [링크](https://example.com/x_y) `코드`\n\n- 항목\n> 인용"
    )
    assert plain.split() == ["제목", "굵은", "링크", "코드", "항목", "인용"]


def test_snippet_of_a_long_markdown_body_shows_the_far_hit_without_syntax() -> None:
    body = (
        "앞 문단입니다. " * 400
        + "**정부는** [데이터센터](https://x.example/a_b)를 짓는다. "
        + "뒤 " * 300
    )
    snippet = snippet_html(body, "데이터센터", markdown=True)
    assert snippet.startswith("…") and snippet.endswith("…")
    assert "<mark>데이터센터</mark>를" in snippet
    assert "**" not in snippet and "https" not in snippet


# The tokenizer as it was written first (one lower() per word, one match object per
# run): the faster index_text must give byte-identical text, or every stored index
# would disagree with newly written entries.
_REFERENCE_CJK = (
    "\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff"
    "\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff\uf900-\ufaff"
)
_REFERENCE_RUN = re.compile(rf"(?P<cjk>[{_REFERENCE_CJK}]+)|(?P<word>[^\W{_REFERENCE_CJK}]+)")
_REFERENCE_URL = re.compile(r"\]\([^)]*\)|<https?://[^>]*>")


def reference_index_text(text: str) -> str:
    tokens: list[str] = []
    for match in _REFERENCE_RUN.finditer(_REFERENCE_URL.sub("]", text)):
        run = match.group()
        if match.lastgroup == "cjk" and len(run) > 1:
            tokens.extend(run[start : start + 2] for start in range(len(run) - 1))
        else:
            tokens.append(run.lower())
    return " ".join(tokens)


# Hangul, kana, ideographs and jamo next to Latin with case, Greek sigma (whose lower
# case depends on its neighbours), dotted İ (lowers to two characters), modifier
# letters, digits, underscores, Markdown links and punctuation.
TRICKY = "가나다정부는데이터をカ漢字ᄀㄱ aAbBzZ ΣσςΑΒ İıẞß ʰˠ 09²_ .,!?()[]<>:/-*#\n\t"


@given(st.text(alphabet=st.sampled_from(TRICKY), max_size=80) | st.text(max_size=80))
def test_index_text_equals_the_reference_tokenizer(text: str) -> None:
    assert index_text(text) == reference_index_text(text)


def test_index_text_of_markdown_with_links_equals_the_reference() -> None:
    text = "**정부는** [AI반도체](https://example.com/a_b) <https://x.kr/y> ΟΔΟΣ Σ ΑΣʰ 行政部"
    assert index_text(text) == reference_index_text(text)


def test_no_cjk_character_has_a_lower_case() -> None:
    """index_text lowers the joined tokens at once, bigrams included."""
    for start, end in re.findall(r"(.)-(.)", _REFERENCE_CJK):
        for code in range(ord(start), ord(end) + 1):
            assert chr(code).lower() == chr(code)
