"""Language detection: Hangul share of letters decides, and a chosen language wins."""

from __future__ import annotations

import pytest

from deskeditor.core.language import BODY_SAMPLE_CHARS, article_language, detect_language
from deskeditor.core.models import ArticleContent, Language


@pytest.mark.parametrize(
    "text",
    [
        "국회는 19일 본회의를 열고 내년도 예산안을 통과시켰다.",
        "삼성전자가 NVIDIA에 HBM3E를 공급한다",  # dense with Latin acronyms
        "OpenAI가 GPT-5를 공개했다",
        "美中 갈등 격화",  # Han characters count on neither side
        "ㅋㅋㅋ 진짜?",  # compatibility jamo
        "",
        "   \n\t ",
        "2026 - 03 - 19 !!!",  # no letters at all
    ],
)
def test_korean(text: str) -> None:
    assert detect_language(text) is Language.KO


@pytest.mark.parametrize(
    "text",
    [
        "The National Assembly passed the budget on Thursday.",
        "President Lee (이재명) said the talks would resume next week.",
        "Café au lait, naïve façade",
        "美中 trade talks resume",
    ],
)
def test_english(text: str) -> None:
    assert detect_language(text) is Language.EN


def test_addresses_do_not_make_korean_english() -> None:
    # 6 Hangul syllables against 60-odd Latin letters if the URL and address counted.
    text = "기사 원문 보기 https://www.example.com/news/articles/2026/03/19/budget-passed-assembly"
    assert detect_language(text) is Language.KO
    assert detect_language("문의 desk.editor.newsroom@example-newspaper.co.kr") is Language.KO


def test_the_quarter_share_is_the_boundary() -> None:
    assert detect_language("가" + "a" * 3) is Language.KO  # exactly 1/4
    assert detect_language("가" + "a" * 4) is Language.EN  # 1/5


def test_chosen_language_wins() -> None:
    content = ArticleContent(headline="국회 예산안 통과", body="본문", language=Language.EN)
    assert article_language(content) is Language.EN
    english = ArticleContent(headline="Budget passes", language=Language.KO)
    assert article_language(english) is Language.KO


def test_detection_reads_headline_subhead_and_body() -> None:
    assert article_language(ArticleContent(headline="Budget passes")) is Language.EN
    assert article_language(ArticleContent(subhead="The assembly votes")) is Language.EN
    assert article_language(ArticleContent(body="The assembly votes")) is Language.EN
    assert article_language(ArticleContent(headline="예산안 통과", body="Yes.")) is Language.KO
    assert article_language(ArticleContent()) is Language.KO


def test_detection_reads_only_the_beginning_of_a_long_body() -> None:
    korean_start = ("국회는 예산안을 통과시켰다. " * 1000)[:BODY_SAMPLE_CHARS]
    content = ArticleContent(body=korean_start + "The rest is English. " * 5000)
    assert article_language(content) is Language.KO
