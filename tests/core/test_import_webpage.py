"""Saved web pages: metadata from the page, the story without the page furniture around it."""

from __future__ import annotations

from pathlib import Path

import pytest

from deskeditor.core.importers import read_article_file
from deskeditor.core.markup import MarkdownConverter
from deskeditor.core.models import ArticleContent, Language

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def news() -> ArticleContent:
    return read_article_file(FIXTURES / "news_page.html")


def write_page(tmp_path: Path, head: str, body: str, name: str = "page.html") -> Path:
    path = tmp_path / name
    path.write_text(
        f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>",
        encoding="utf-8",
    )
    return path


STORY = (
    "<article><h1>수도권 전세가격 다섯 달째 상승</h1>"
    "<p>한국부동산원은 20일 수도권 아파트 전세가격이 다섯 달 연속 올랐다고 밝혔다. "
    "서울은 0.3% 올라 상승 폭이 커졌고 경기와 인천도 오름세를 이어갔다.</p>"
    "<p>전문가들은 신규 입주 물량이 줄어든 데다 매매 관망세가 길어지면서 전세 수요가 "
    "늘었다고 분석했다. 정부는 다음 달 임대차 시장 안정 방안을 내놓을 예정이다.</p></article>"
)


def test_metadata_fills_the_fields(news: ArticleContent) -> None:
    assert news.headline == "반도체 수출 석 달 만에 반등"
    assert news.subhead == "3월 1~20일 수출 12% 늘어…HBM이 견인"
    assert news.byline == "김한빛"
    assert news.section == "경제"
    assert news.tags == ("반도체", "수출")
    assert news.language is Language.KO
    assert news.summary == "3월 1~20일 수출 12% 늘어…HBM이 견인"
    assert news.editor_note == (
        "Source: https://news.example.com/economy/2026/03/19/chip-exports\n"
        "Published: 2026-03-19T10:30:00+09:00\n"
        "Updated: 2026-03-19T11:05:00+09:00"
    )


def test_the_body_is_the_story(news: ArticleContent) -> None:
    body = news.body

    assert "산업통상자원부는 19일 반도체 수출이 **석 달 만에** 반등했다고 밝혔다." in body
    assert "*여전히 강하다*는 분석이 나온다." in body
    assert "### 품목별 동향" in body
    assert (
        "- 메모리: D램과 낸드 가격이 함께 올랐다.\n- 시스템 반도체: 파운드리 가동률이 회복됐다."
        in body
    )
    assert "| 품목 | 증가율 |\n| --- | --- |\n| 메모리 | 18% |" in body
    # A remote photo is never fetched: it stays as a plain link, loading nothing.
    assert "[경기 평택의 반도체 공장](https://img.example.com/2026/03/19/fab.jpg" in body
    assert "![경기 평택의 반도체 공장]" not in body
    assert body.endswith("김한빛 기자 hanbit@example.com")


@pytest.mark.parametrize(
    "furniture",
    [
        "정치",  # navigation
        "검색",
        "지금 가입하면",  # ads
        "광고",
        "ads.example.net",
        "많이 본 뉴스",  # most read
        "주말 전국에 봄비",
        "페이스북",  # share buttons
        "카카오톡",
        "URL 복사",
        "관련 기사",  # related links
        "무단 전재",  # footer
        "dataLayer",  # script
        "pixel.gif",  # tracking pixel
        "입력 2026.03.19",  # the date line is metadata now
    ],
)
def test_page_furniture_is_dropped(news: ArticleContent, furniture: str) -> None:
    assert furniture not in news.body


def test_headline_and_subhead_are_not_repeated_in_the_body(news: ArticleContent) -> None:
    assert news.headline not in news.body
    assert news.subhead not in news.body


def test_json_ld_graph_with_several_authors(tmp_path: Path) -> None:
    ld = (
        '<script type="application/ld+json">{"@context":"https://schema.org","@graph":['
        '{"@type":"WebSite","name":"한빛일보"},'
        '{"@type":["NewsArticle"],"headline":"전세가격 상승","alternativeHeadline":"다섯 달째",'
        '"author":[{"@type":"Person","name":"박하늘"},"이바다"],"articleSection":["부동산"],'
        '"keywords":"전세, 아파트","datePublished":"2026-03-20T09:00:00+09:00"}]}</script>'
    )
    content = read_article_file(write_page(tmp_path, ld, STORY))

    assert (content.headline, content.subhead) == ("전세가격 상승", "다섯 달째")
    assert content.byline == "박하늘, 이바다"
    assert (content.section, content.tags) == ("부동산", ("전세", "아파트"))
    assert content.editor_note == "Published: 2026-03-20T09:00:00+09:00"


def test_without_metadata_the_title_loses_the_site_name(tmp_path: Path) -> None:
    head = (
        "<title>수도권 전세가격 다섯 달째 상승 - 한빛일보</title>"
        '<meta property="og:site_name" content="한빛일보">'
        '<meta name="description" content="서울은 0.3% 올랐다.">'
        '<meta property="article:author" content="https://facebook.com/hanbit">'
        '<meta name="author" content="박하늘 기자">'
    )
    content = read_article_file(write_page(tmp_path, head, STORY))

    assert content.headline == "수도권 전세가격 다섯 달째 상승"
    assert (content.subhead, content.summary) == ("서울은 0.3% 올랐다.", "서울은 0.3% 올랐다.")
    assert content.byline == "박하늘 기자"  # not the profile URL
    assert content.body.startswith("한국부동산원은 20일")


def test_without_any_title_the_first_heading_is_the_headline(tmp_path: Path) -> None:
    content = read_article_file(write_page(tmp_path, "", STORY))

    assert content.headline == "수도권 전세가격 다섯 달째 상승"
    assert "수도권 전세가격" not in content.body


def test_broken_json_ld_is_ignored(tmp_path: Path) -> None:
    head = '<script type="application/ld+json">{"headline": </script><title>제목</title>'
    assert read_article_file(write_page(tmp_path, head, STORY)).headline == "제목"


def test_a_short_page_still_gives_its_text(tmp_path: Path) -> None:
    path = write_page(tmp_path, "<title>알림</title>", "<p>오늘 브리핑은 오후 3시입니다.</p>")
    content = read_article_file(path)

    assert (content.headline, content.body) == ("알림", "오늘 브리핑은 오후 3시입니다.")


def test_script_in_the_story_never_reaches_the_body(tmp_path: Path) -> None:
    body = STORY.replace(
        "</article>",
        "<p>끝<script>alert(1)</script><img src=x onerror=alert(2)>"
        "<a href='javascript:alert(3)'>링크</a> &lt;script&gt;글자&lt;/script&gt;</p></article>",
    )
    content = read_article_file(write_page(tmp_path, "", body))
    html = MarkdownConverter().to_html(content.body)

    assert "alert" not in content.body
    assert "<script" not in html and "javascript:" not in html
    assert "&lt;script&gt;글자&lt;/script&gt;" in html


def test_euc_kr_page_declared_in_meta() -> None:
    content = read_article_file(FIXTURES / "page_euckr.html")

    assert content.headline == "지방 공항 국제선 증편"  # <title> less " :: 한빛일보"
    assert content.subhead == "여름 성수기를 앞두고 지방 공항 국제선이 늘어난다."
    assert "청주·대구·무안 공항의 국제선 운항을 주 40회 늘린다고" in content.body
    assert "홈" not in content.body and "Copyright" not in content.body


def test_an_html_fragment_named_html(tmp_path: Path) -> None:
    path = tmp_path / "fragment.html"
    path.write_text("<h1>조각</h1><p>문단 <b>하나</b>.</p>", encoding="utf-8")
    content = read_article_file(path)

    assert (content.headline, content.body) == ("조각", "문단 **하나**.")


def test_xhtml_with_an_encoding_declaration(tmp_path: Path) -> None:
    path = tmp_path / "page"  # no extension: the content says HTML
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x.dtd">'
        f'<html xmlns="http://www.w3.org/1999/xhtml" lang="en"><body>{STORY}</body></html>',
        encoding="utf-8",
    )
    content = read_article_file(path)

    assert content.headline == "수도권 전세가격 다섯 달째 상승"
    assert content.language is Language.EN
    assert content.body.startswith("한국부동산원은 20일")
