"""The article page's publishing details: head metadata, JSON-LD, times, byline, editions."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import lxml.html
import pytest

from deskeditor import paths
from deskeditor.core.dates import timestamp
from deskeditor.core.models import Article, ArticleContent, ArticleId, Language, Status
from deskeditor.core.render import (
    Edition,
    Renderer,
    SectionLink,
    byline_authors,
    json_for_script,
    with_image_alts,
)

KST = timezone(timedelta(hours=9), "KST")
CREATED = datetime(2026, 3, 19, 1, 35, tzinfo=UTC)  # 10:35 in Seoul
PUBLISHED = datetime(2026, 3, 19, 2, 0, tzinfo=UTC)  # 11:00
UPDATED = datetime(2026, 3, 19, 5, 2, tzinfo=UTC)  # 14:02


def make_article(*, published: datetime | None = PUBLISHED, **changes: object) -> Article:
    content = ArticleContent(
        headline="반도체 수출 석 달 만에 반등",
        subhead="3월 수출 12% 늘어… 대중 수출도 회복",
        byline="홍길동 기자 hong@example.com",
        section="경제",
        body="## 배경\n\n수출이 **반등**했다.\n",
        tags=("반도체", "수출"),
        status=Status.PUBLISHED,
        summary="반도체 수출이 석 달 만에 늘었다.",
        editor_note="데스크: 수치 재확인",
    )
    content = replace(content, **changes)  # type: ignore[arg-type]
    return Article(
        id=ArticleId(12),
        content=content,
        created_at=CREATED,
        updated_at=UPDATED,
        published_at=published,
    )


@pytest.fixture
def renderer() -> Renderer:
    return Renderer(paths.templates_dir(), paths.css_dir(), tz=KST)


def tree(page: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(page)


def meta(page: lxml.html.HtmlElement, attribute: str, name: str) -> list[str]:
    return [str(m.get("content")) for m in page.iter("meta") if m.get(attribute) == name]


def json_ld(page: lxml.html.HtmlElement) -> dict[str, object]:
    [script] = page.xpath('//script[@type="application/ld+json"]')
    data = json.loads(script.text)
    assert isinstance(data, dict)
    return data


def test_head_carries_description_open_graph_and_twitter_tags(renderer: Renderer) -> None:
    page = tree(renderer.article_page(make_article()))
    assert page.findtext(".//title") == "반도체 수출 석 달 만에 반등"
    assert meta(page, "name", "description") == ["반도체 수출이 석 달 만에 늘었다."]
    assert meta(page, "property", "og:type") == ["article"]
    assert meta(page, "property", "og:title") == ["반도체 수출 석 달 만에 반등"]
    assert meta(page, "property", "og:description") == ["반도체 수출이 석 달 만에 늘었다."]
    assert meta(page, "property", "og:locale") == ["ko_KR"]
    assert meta(page, "property", "article:published_time") == ["2026-03-19T11:00:00+09:00"]
    assert meta(page, "property", "article:modified_time") == ["2026-03-19T14:02:00+09:00"]
    assert meta(page, "property", "article:section") == ["경제"]
    assert meta(page, "property", "article:tag") == ["반도체", "수출"]
    assert meta(page, "name", "twitter:card") == ["summary"]
    assert meta(page, "name", "twitter:title") == ["반도체 수출 석 달 만에 반등"]
    assert meta(page, "name", "twitter:description") == ["반도체 수출이 석 달 만에 늘었다."]


def test_json_ld_is_a_complete_news_article(renderer: Renderer) -> None:
    data = json_ld(tree(renderer.article_page(make_article())))
    assert data == {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "반도체 수출 석 달 만에 반등",
        "alternativeHeadline": "3월 수출 12% 늘어… 대중 수출도 회복",
        "description": "반도체 수출이 석 달 만에 늘었다.",
        "author": [{"@type": "Person", "name": "홍길동"}],
        "datePublished": "2026-03-19T11:00:00+09:00",
        "dateModified": "2026-03-19T14:02:00+09:00",
        "articleSection": "경제",
        "keywords": ["반도체", "수출"],
        "inLanguage": "ko",
    }


def test_empty_fields_leave_no_empty_metadata(renderer: Renderer) -> None:
    article = make_article(subhead="", summary="", section="", tags=(), byline="")
    page = tree(renderer.article_page(article))
    assert meta(page, "name", "description") == []
    assert meta(page, "property", "og:description") == []
    assert meta(page, "property", "article:section") == []
    data = json_ld(page)
    for key in ("alternativeHeadline", "description", "author", "articleSection", "keywords"):
        assert key not in data


@pytest.mark.parametrize(
    "hostile",
    ["</script><script>alert(1)</script>", "<!--<script>", "a & b </SCRIPT >", '"}]}'],
)
def test_json_ld_survives_text_that_would_end_the_script(renderer: Renderer, hostile: str) -> None:
    article = make_article(headline=hostile, subhead=hostile, byline=hostile, tags=(hostile,))
    html = renderer.article_page(article)
    block = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in block and ">" not in block
    data = json.loads(block)
    assert data["headline"] == hostile
    assert data["keywords"] == [hostile]
    assert len(tree(html).xpath("//script")) == 1


def test_json_for_script_round_trips() -> None:
    value = {"a": "</script>&<!--", "b": ["\u2028", "한글"]}
    assert json.loads(str(json_for_script(value))) == value


def test_csp_allows_exactly_the_json_ld_block(renderer: Renderer) -> None:
    import base64
    import hashlib

    html = renderer.article_page(make_article())
    page = tree(html)
    [policy] = meta(page, "http-equiv", "Content-Security-Policy")
    [script] = page.xpath("//script")
    digest = base64.b64encode(hashlib.sha256(script.text.encode()).digest()).decode()
    assert policy.startswith(f"script-src 'sha256-{digest}'; object-src 'none'")


def test_published_and_updated_times_in_korean(renderer: Renderer) -> None:
    page = tree(renderer.article_page(make_article()))
    [stamps] = page.find_class("timestamps")
    assert " ".join(stamps.text_content().split()) == "입력 2026.03.19 11:00 수정 2026.03.19 14:02"
    times = stamps.findall(".//time")
    assert [t.get("datetime") for t in times] == [
        "2026-03-19T11:00:00+09:00",
        "2026-03-19T14:02:00+09:00",
    ]


def test_published_falls_back_to_created_and_english_labels(renderer: Renderer) -> None:
    article = make_article(
        published=None, language=Language.EN, headline="Chip exports rebound", body="Up."
    )
    page = tree(renderer.article_page(article))
    [stamps] = page.find_class("timestamps")
    assert " ".join(stamps.text_content().split()) == (
        "Published March 19, 2026, 10:35 Updated March 19, 2026, 14:02"
    )
    assert meta(page, "property", "og:locale") == ["en_US"]


def test_no_updated_time_when_it_says_nothing_new(renderer: Renderer) -> None:
    same_minute = make_article(published=None)
    same_minute = replace(same_minute, updated_at=CREATED + timedelta(seconds=40))
    page = tree(renderer.article_page(same_minute))
    [stamps] = page.find_class("timestamps")
    assert " ".join(stamps.text_content().split()) == "입력 2026.03.19 10:35"
    # Edited before it was published: the publication is the latest news.
    early_edit = replace(make_article(), updated_at=CREATED)
    [stamps] = tree(renderer.article_page(early_edit)).find_class("timestamps")
    assert "수정" not in stamps.text_content()


def test_byline_is_an_address_at_the_end_with_a_mail_link(renderer: Renderer) -> None:
    page = tree(renderer.article_page(make_article()))
    [article] = page.iter("article")
    [address] = article.iter("address")
    assert address.text_content() == "홍길동 기자 hong@example.com"
    assert [a.get("href") for a in address.iter("a")] == ["mailto:hong@example.com"]
    assert address.getparent().tag == "footer"
    assert address.getparent() is list(article)[-1]


def test_semantic_structure_and_no_editor_note(renderer: Renderer) -> None:
    html = renderer.article_page(make_article())
    page = tree(html)
    [main] = page.iter("main")
    [article] = main.iter("article")
    assert [child.tag for child in article] == ["header", "div", "footer"]
    assert [h.text_content() for h in article.find("header").iter("h1")] == [
        "반도체 수출 석 달 만에 반등"
    ]
    assert "수치 재확인" not in html


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("홍길동 기자 hong@example.com", ["홍길동"]),
        ("워싱턴=홍길동·김철수 특파원", ["홍길동", "김철수"]),
        ("김민지 선임기자, 이준호 기자", ["김민지", "이준호"]),
        ("By Jane Park and John Roe jane@example.com", ["Jane Park", "John Roe"]),
        ("Jane Park jane@example.com", ["Jane Park"]),
        ("", []),
        ("hong@example.com", []),
    ],
)
def test_byline_authors(byline: str, names: list[str]) -> None:
    assert byline_authors(byline) == names


def test_images_without_alt_get_an_empty_one() -> None:
    html = '<p><img src="a.png"><img alt="사진" src="b.png"><img src="c>d" title=" alt="></p>'
    assert with_image_alts(html) == (
        '<p><img src="a.png" alt=""><img alt="사진" src="b.png">'
        '<img src="c>d" title=" alt=" alt=""></p>'
    )
    assert with_image_alts("<p>no images</p>") == "<p>no images</p>"


def test_timestamp_forms() -> None:
    moment = datetime(2026, 3, 19, 1, 5, tzinfo=UTC)
    assert timestamp(moment, Language.KO, KST) == "2026.03.19 10:05"
    assert timestamp(moment, Language.EN, KST) == "March 19, 2026, 10:05"
    assert timestamp(moment, Language.KO, UTC) == "2026.03.19 01:05"


EDITION = Edition(
    title="데스크 뉴스",
    language=Language.KO,
    date_line="2026년 03월 19일 목요일",
    sections=(
        SectionLink("정치", "정치", "section-politics.html"),
        SectionLink("경제", "경제", "section-economy.html"),
    ),
)


def test_edition_page_links_the_shared_stylesheet_and_navigation(renderer: Renderer) -> None:
    standalone = renderer.article_page(make_article())
    page = tree(renderer.article_page(make_article(), EDITION))
    assert page.xpath("//style") == []
    assert [(link.get("rel"), link.get("href")) for link in page.iter("link")] == [
        ("stylesheet", "style.css")
    ]
    [masthead] = page.find_class("masthead")
    assert [a.get("href") for a in masthead.iter("a")] == [
        "index.html",
        "section-politics.html",
        "section-economy.html",
    ]
    current = page.xpath('//nav//a[@aria-current="page"]')
    assert [a.text_content() for a in current] == ["경제"]
    [label] = page.find_class("section")
    assert (label.tag, label.get("href")) == ("a", "section-economy.html")
    assert meta(page, "property", "og:site_name") == ["데스크 뉴스"]
    # The standalone page (the preview's too) has none of it.
    assert "<link" not in standalone and "masthead" not in standalone


def test_edition_words_keep_the_edition_language_on_an_english_page(renderer: Renderer) -> None:
    article = make_article(language=Language.EN, headline="Chips", body="Up.", section="경제")
    page = tree(renderer.article_page(article, EDITION))
    assert page.get("lang") == "en"
    [masthead] = page.find_class("masthead")
    assert masthead.get("lang") == "ko"


def test_edition_stylesheet_is_the_article_css_and_the_edition_css(renderer: Renderer) -> None:
    article_css = (paths.css_dir() / "article.css").read_text(encoding="utf-8")
    edition_css = (paths.css_dir() / "edition.css").read_text(encoding="utf-8")
    shared = renderer.edition_stylesheet
    assert shared.startswith(article_css.rstrip())
    assert shared.endswith(edition_css)
