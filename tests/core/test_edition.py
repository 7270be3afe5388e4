"""Edition export: the folder's files, front and section pages, links that resolve, same bytes."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html
import pytest

from deskeditor import paths
from deskeditor.core.edition import (
    export_edition,
    plan_edition,
    section_filenames,
    section_order,
)
from deskeditor.core.errors import ExportError
from deskeditor.core.models import Article, ArticleContent, ArticleId, Language
from deskeditor.core.render import Renderer

KST = timezone(timedelta(hours=9), "KST")
BASE = datetime(2026, 3, 19, 0, 0, tzinfo=UTC)


def make_article(
    article_id: int, section: str, minutes: int, headline: str = "", **extra: object
) -> Article:
    content = ArticleContent(
        headline=headline or f"{section or '무소속'} 기사 {article_id}",
        subhead=f"부제 {article_id}",
        byline="홍길동 기자 hong@example.com",
        section=section,
        body=f"본문 {article_id}. [외부 링크](https://example.com/{article_id})",
        **extra,  # type: ignore[arg-type]
    )
    moment = BASE + timedelta(minutes=minutes)
    return Article(ArticleId(article_id), content, created_at=moment, updated_at=moment)


ARTICLES = [
    make_article(1, "경제", 10),
    make_article(2, "정치", 30),
    make_article(3, "경제", 50),
    make_article(4, "정치", 5),
    make_article(5, "", 40),
    make_article(6, "IT·과학", 20),
    make_article(7, "날씨", 15),
    make_article(8, "경제", 50),  # same minute as 3: the higher id comes first
]


@pytest.fixture
def renderer() -> Renderer:
    return Renderer(paths.templates_dir(), paths.css_dir(), tz=KST)


def page(path: Path) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(path.read_text(encoding="utf-8"))


def local_targets(path: Path) -> list[str]:
    """Every href and src in a page that is not an absolute URL (http:, mailto:, …)."""
    tree = page(path)
    found = []
    for element in tree.iter():
        for attribute in ("href", "src"):
            value = element.get(attribute)
            if value is not None and not urlsplit(value).scheme:
                found.append(value)
    return found


def test_edition_folder_holds_index_sections_articles_and_one_stylesheet(
    renderer: Renderer, tmp_path: Path
) -> None:
    out = tmp_path / "edition"
    written = export_edition(renderer, ARTICLES, out)
    assert written[0] == out / "index.html"
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(
        [
            "index.html",
            "style.css",
            "section-politics.html",
            "section-economy.html",
            "section-it-science.html",
            "section-날씨.html",
            "section-other.html",
            *(f"article-{a.id}.html" for a in ARTICLES),
        ]
    )
    assert sorted(written) == sorted(out.iterdir())
    assert (out / "style.css").read_text(encoding="utf-8") == renderer.edition_stylesheet


def test_every_link_and_source_resolves_to_a_file_in_the_folder(
    renderer: Renderer, tmp_path: Path
) -> None:
    out = tmp_path / "edition"
    export_edition(renderer, ARTICLES, out)
    checked = 0
    for html in out.glob("*.html"):
        for target in local_targets(html):
            path = unquote(urlsplit(target).path)
            assert path and "/" not in path, f"{html.name}: {target} leaves the folder"
            assert (out / path).is_file(), f"{html.name}: {target} does not resolve"
            checked += 1
    assert checked > 50
    # No page reaches outside: the only absolute URLs are the body's own links.
    for html in out.glob("*.html"):
        tree = page(html)
        assert tree.xpath("//style") == []
        assert [link.get("href") for link in tree.iter("link")] == ["style.css"]


def test_front_page_blocks_follow_the_desk_order_newest_first(
    renderer: Renderer, tmp_path: Path
) -> None:
    out = tmp_path / "edition"
    export_edition(renderer, ARTICLES, out, title="데스크 뉴스")
    front = page(out / "index.html")
    assert front.findtext(".//title") == "데스크 뉴스"
    assert [h.text_content() for h in front.iter("h1")] == ["데스크 뉴스"]
    blocks = front.find_class("front-section")
    titles = [block.find(".//h2").text_content() for block in blocks]
    # The desk's section list first, then others by name, articles with none last.
    assert titles == ["정치", "경제", "IT·과학", "날씨", "기타"]
    economy = blocks[1]
    assert [a.get("href") for a in economy.find(".//ul").iter("a")] == [
        "article-8.html",
        "article-3.html",
        "article-1.html",
    ]
    [more] = economy.find_class("more")
    assert [a.get("href") for a in more.iter("a")] == ["section-economy.html"]
    assert " ".join(more.text_content().split()) == "더보기 경제"
    [date] = front.find_class("masthead-date")
    assert date.text_content() == "2026년 03월 19일 목요일"


def test_front_page_shows_a_few_headlines_and_the_section_page_all(
    renderer: Renderer, tmp_path: Path
) -> None:
    many = [make_article(i, "정치", i) for i in range(1, 15)]
    out = tmp_path / "edition"
    export_edition(renderer, many, out, front_page_headlines=4)
    [block] = page(out / "index.html").find_class("front-section")
    assert len(block.find(".//ul").findall("li")) == 4
    section = page(out / "section-politics.html")
    items = section.find(".//main//ul").findall("li")
    assert [li.find("a").get("href") for li in items] == [
        f"article-{i}.html" for i in range(14, 0, -1)
    ]
    assert [h.text_content() for h in section.iter("h1")] == ["정치"]
    nav = section.xpath('//nav//a[@aria-current="page"]')
    assert [a.get("href") for a in nav] == ["section-politics.html"]


def test_english_edition_words(renderer: Renderer, tmp_path: Path) -> None:
    out = tmp_path / "edition"
    export_edition(renderer, ARTICLES, out, language=Language.EN)
    front = page(out / "index.html")
    assert front.get("lang") == "en"
    assert [h.text_content() for h in front.iter("h1")] == ["News"]
    assert "Other" in [h.text_content() for h in front.iter("h2")]
    [more] = front.find_class("more")[:1]
    assert more.text_content().startswith("More")
    # A Korean article's headline is marked as Korean inside the English page.
    assert {li.get("lang") for li in front.iter("li") if li.find("a") is not None} >= {"ko"}


def digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_the_same_articles_give_byte_identical_editions(renderer: Renderer, tmp_path: Path) -> None:
    export_edition(renderer, ARTICLES, tmp_path / "one")
    other = Renderer(paths.templates_dir(), paths.css_dir(), tz=KST)
    export_edition(other, list(reversed(ARTICLES)), tmp_path / "two")
    assert digest(tmp_path / "one") == digest(tmp_path / "two")
    # Exporting again over the first leaves every byte as it was.
    export_edition(renderer, ARTICLES, tmp_path / "one")
    assert digest(tmp_path / "one") == digest(tmp_path / "two")


def test_worker_processes_write_the_same_bytes(renderer: Renderer, tmp_path: Path) -> None:
    articles = [make_article(i, ("정치", "경제", "사회")[i % 3], i) for i in range(1, 131)]
    export_edition(renderer, articles, tmp_path / "serial", workers=1)
    export_edition(renderer, articles, tmp_path / "parallel", workers=2)
    assert digest(tmp_path / "serial") == digest(tmp_path / "parallel")
    assert len(digest(tmp_path / "parallel")) == 130 + 3 + 2


def test_an_empty_edition_is_a_valid_front_page(renderer: Renderer, tmp_path: Path) -> None:
    written = export_edition(renderer, [], tmp_path / "empty")
    assert [p.name for p in written] == ["index.html", "style.css"]
    front = page(tmp_path / "empty" / "index.html")
    assert front.find_class("front-section") == []


def test_an_article_given_twice_is_exported_once(renderer: Renderer, tmp_path: Path) -> None:
    plan = plan_edition(renderer, [ARTICLES[0], ARTICLES[0], ARTICLES[2]])
    [(link, group)] = plan.groups
    assert link.name == "경제"
    assert [a.id for a in group] == [3, 1]


def test_section_order_and_file_names() -> None:
    assert section_order(["", "날씨", "경제", "가요"], ["정치", "경제"]) == [
        "경제",
        "가요",
        "날씨",
        "",
    ]
    names = section_filenames(["경제", "IT 과학", "it-과학", "!!!", "", "CON"])
    assert names == {
        "경제": "section-economy.html",
        "IT 과학": "section-it-과학.html",
        "it-과학": "section-it-과학-2.html",
        "!!!": "section-section.html",
        "": "section-other.html",
        "CON": "section-con.html",
    }


def test_out_folder_that_is_a_file_is_an_export_error(renderer: Renderer, tmp_path: Path) -> None:
    blocker = tmp_path / "edition"
    blocker.write_text("a file", encoding="utf-8")
    with pytest.raises(ExportError, match="edition"):
        export_edition(renderer, ARTICLES, blocker)
    assert blocker.read_text(encoding="utf-8") == "a file"
