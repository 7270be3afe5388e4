"""The renderer: page structure, escaping, language, dates, determinism and speed."""

from __future__ import annotations

import json
import os
import shutil
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta, timezone
from html.parser import HTMLParser
from pathlib import Path

import pytest

from deskeditor import paths
from deskeditor.core.markup import MarkdownConverter
from deskeditor.core.models import Article, ArticleContent, ArticleId, Language
from deskeditor.core.render import Renderer

KST = timezone(timedelta(hours=9), "KST")
# 2026-03-18 16:00 UTC is 2026-03-19 01:00 in Seoul: the date differs by zone.
CREATED = datetime(2026, 3, 18, 16, 0, tzinfo=UTC)
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)


@dataclass
class Node:
    tag: str
    attrs: dict[str, str | None]
    parent: Node | None = None
    children: list[Node | str] = field(default_factory=list)

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def elements(self) -> Iterator[Node]:
        """Every element below this one, in document order."""
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.elements()

    def find_all(self, tag: str) -> list[Node]:
        return [node for node in self.elements() if node.tag == tag]

    def find(self, tag: str) -> Node:
        found = self.find_all(tag)
        assert len(found) == 1, f"expected one <{tag}>, found {len(found)}"
        return found[0]

    def child_elements(self) -> list[Node]:
        return [child for child in self.children if isinstance(child, Node)]

    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())


class TreeBuilder(HTMLParser):
    """A small strict DOM: records a mismatched or missing end tag as an error."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]
        self.errors: list[str] = []
        self.doctype = ""

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, dict(attrs), parent=self.stack[-1])
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if self.stack[-1].tag != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1].tag}>")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(page: str) -> TreeBuilder:
    builder = TreeBuilder()
    builder.feed(page)
    builder.close()
    assert builder.errors == []
    assert [node.tag for node in builder.stack] == ["#document"], "unclosed elements"
    return builder


def make_article(**changes: object) -> Article:
    content = ArticleContent(
        headline="국회, 내년도 예산안 통과",
        subhead="여야 합의로 본회의 처리…\n총지출 677조원",
        byline="홍길동 기자 hong@example.com",
        section="정치",
        body="## 쟁점\n\n여야는 **막판 협상** 끝에 합의했다.\n\n> 국민을 위한 예산\n",
    )
    content = replace(content, **changes)  # type: ignore[arg-type]
    return Article(id=ArticleId(7), content=content, created_at=CREATED, updated_at=CREATED)


@pytest.fixture
def renderer() -> Renderer:
    return Renderer(paths.templates_dir(), paths.css_dir(), tz=KST)


def test_page_has_head_and_article_structure(renderer: Renderer) -> None:
    tree = parse(renderer.article_page(make_article()))
    assert tree.doctype.lower() == "doctype html"
    html = tree.root.find("html")
    assert html.attrs["lang"] == "ko"
    head = html.find("head")
    metas = head.find_all("meta")
    assert any(m.attrs.get("charset", "").lower() == "utf-8" for m in metas)  # type: ignore[union-attr]
    viewport = [m for m in metas if m.attrs.get("name") == "viewport"]
    assert viewport and "width=device-width" in (viewport[0].attrs["content"] or "")
    assert head.find("title").text() == "국회, 내년도 예산안 통과"

    article = html.find("body").find("article")
    header = article.find("header")
    section = [n for n in header.elements() if "section" in n.classes()]
    assert [n.text() for n in section] == ["정치"]
    assert header.find("h1").text() == "국회, 내년도 예산안 통과"
    subhead = [n for n in header.elements() if "subhead" in n.classes()]
    assert [n.text() for n in subhead] == ["여야 합의로 본회의 처리…\n총지출 677조원"]
    dateline, published = header.find_all("time")
    assert "dateline" in dateline.classes()
    assert dateline.attrs["datetime"] == "2026-03-19T01:00:00+09:00"
    assert dateline.text() == "2026년 03월 19일 목요일"
    assert published.attrs["datetime"] == "2026-03-19T01:00:00+09:00"
    assert published.parent is not None and published.parent.text() == "입력 2026.03.19 01:00"
    # Section label and date line come first, as over a Korean daily's story.
    order = [n.tag for n in header.child_elements()]
    assert order == ["p", "h1", "p", "p"]


def test_header_then_body_then_byline_last(renderer: Renderer) -> None:
    article = parse(renderer.article_page(make_article())).root.find("article")
    order = [n for n in article.elements() if n.tag in {"header", "h2", "blockquote"}]
    assert [n.tag for n in order] == ["header", "h2", "blockquote"]
    assert article.find("strong").text() == "막판 협상"
    bylines = [n for n in article.elements() if "byline" in n.classes() or n.tag == "address"]
    assert [n.text() for n in bylines] == ["홍길동 기자 hong@example.com"]
    # The byline closes the article: nothing with text follows it.
    last = article.child_elements()[-1]
    assert bylines[0] is last or bylines[0] in list(last.elements())
    assert article.text().rstrip().endswith("홍길동 기자 hong@example.com")


def test_css_is_inlined_and_nothing_external_is_loaded(renderer: Renderer) -> None:
    page = renderer.article_page(make_article())
    head = parse(page).root.find("head")
    css = (paths.css_dir() / "article.css").read_text(encoding="utf-8")
    assert head.find("style").text().strip() == css.strip()
    tree = parse(page).root
    assert tree.find_all("link") == []
    # The one script is JSON-LD data, which no browser runs.
    assert [s.attrs.get("type") for s in tree.find_all("script")] == ["application/ld+json"]
    assert "@import" not in page
    assert "url(" not in page
    # schema.org names the JSON-LD vocabulary; it is never fetched.
    assert "http://" not in page
    assert page.count("https://") == page.count('"https://schema.org"') == 1


def test_stylesheet_suits_a_korean_page() -> None:
    css = (paths.css_dir() / "article.css").read_text(encoding="utf-8")
    for family in ("Noto Sans KR", "Apple SD Gothic Neo", "Malgun Gothic", "Noto Sans CJK KR"):
        assert f'"{family}"' in css
    assert "sans-serif" in css
    assert "word-break: keep-all" in css
    assert "@media print" in css
    assert "@media (max-width" in css


@pytest.mark.parametrize(
    "hostile",
    [
        '<script>alert("x")</script>',
        '"><img src=x onerror=alert(1)>',
        "</title><script>alert(1)</script>",
        "<iframe src=javascript:alert(1)></iframe>",
    ],
)
def test_headline_subhead_byline_and_section_are_escaped(renderer: Renderer, hostile: str) -> None:
    article = make_article(
        headline=hostile, subhead=hostile, byline=hostile, section=hostile, summary=hostile
    )
    tree = parse(renderer.article_page(article)).root
    for tag in ("img", "iframe"):
        assert tree.find_all(tag) == []
    [data] = tree.find_all("script")
    assert data.attrs["type"] == "application/ld+json"
    assert json.loads(data.text())["headline"] == hostile
    assert not any(name.startswith("on") for n in tree.elements() for name in n.attrs)
    assert tree.find("title").text() == hostile
    assert tree.find("h1").text() == hostile
    texts = [n.text() for n in tree.elements() if n.classes() & {"subhead", "byline", "section"}]
    assert texts == [hostile, hostile, hostile]
    assert tree.find("address").text() == hostile
    description = [n for n in tree.find_all("meta") if n.attrs.get("name") == "description"]
    assert [n.attrs["content"] for n in description] == [hostile]


def test_body_is_sanitized_in_the_page(renderer: Renderer) -> None:
    body = "<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(2)>"
    tree = parse(renderer.article_page(make_article(body=body))).root
    assert [s.attrs.get("type") for s in tree.find_all("script")] == ["application/ld+json"]
    body_div = [n for n in tree.elements() if "article-body" in n.classes()][0]
    assert body_div.find("a").attrs.get("href") is None
    assert "onerror" not in tree.find("img").attrs
    assert tree.find("img").attrs["alt"] == ""  # invalid HTML without it
    assert "alert(1)" not in tree.find("body").text()


def test_body_html_is_the_markup_pipeline_and_appears_verbatim(renderer: Renderer) -> None:
    body = "본문 **굵게** ~~취소~~\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    fragment = renderer.body_html(body)
    assert fragment == MarkdownConverter().to_html(body)  # no image: nothing to add
    assert "<del>취소</del>" in fragment and "<table>" in fragment
    assert fragment in renderer.article_page(make_article(body=body))


def test_english_article_gets_english_lang_date_and_placeholder(renderer: Renderer) -> None:
    article = make_article(
        headline="", subhead="", section="", byline="", body="The assembly passed the budget."
    )
    tree = parse(renderer.article_page(article)).root
    assert tree.find("html").attrs["lang"] == "en"
    assert tree.find("title").text() == "Untitled"
    assert tree.find("h1").text() == "Untitled"
    dateline, published = tree.find_all("time")
    assert dateline.text() == "Thursday, March 19, 2026"
    assert published.parent is not None
    assert published.parent.text() == "Published March 19, 2026, 01:00"


def test_empty_korean_article_gets_korean_placeholder_and_no_empty_elements(
    renderer: Renderer,
) -> None:
    article = make_article(headline=" ", subhead="", section="", byline="", body="")
    tree = parse(renderer.article_page(article)).root
    assert tree.find("html").attrs["lang"] == "ko"
    assert tree.find("title").text() == "제목 없음"
    classes = set().union(*(n.classes() for n in tree.elements()))
    assert not classes & {"subhead", "section", "byline"}
    assert tree.find_all("address") == []


def test_chosen_language_overrides_detection(renderer: Renderer) -> None:
    page = renderer.article_page(make_article(language=Language.EN))
    tree = parse(page).root
    assert tree.find("html").attrs["lang"] == "en"
    assert tree.find_all("time")[0].text() == "Thursday, March 19, 2026"


def test_editor_note_is_never_exported(renderer: Renderer) -> None:
    page = renderer.article_page(make_article(editor_note="데스크 메모: 출처 재확인"))
    assert "출처 재확인" not in page


def test_date_follows_the_renderer_zone() -> None:
    utc = Renderer(paths.templates_dir(), paths.css_dir(), tz=UTC)
    time_node = parse(utc.article_page(make_article())).root.find_all("time")[0]
    assert time_node.attrs["datetime"] == "2026-03-18T16:00:00+00:00"
    assert time_node.text() == "2026년 03월 18일 수요일"


@pytest.mark.skipif(not hasattr(time, "tzset"), reason="needs POSIX TZ handling")
def test_no_zone_means_the_machines_local_zone() -> None:
    saved = os.environ.get("TZ")
    os.environ["TZ"] = "KST-9"  # POSIX syntax for UTC+9; needs no tz database.
    time.tzset()
    try:
        local = Renderer(paths.templates_dir(), paths.css_dir())
        time_node = parse(local.article_page(make_article())).root.find_all("time")[0]
    finally:
        if saved is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = saved
        time.tzset()
    assert time_node.attrs["datetime"] == "2026-03-19T01:00:00+09:00"
    assert time_node.text() == "2026년 03월 19일 목요일"


def test_output_is_deterministic(renderer: Renderer) -> None:
    other = Renderer(paths.templates_dir(), paths.css_dir(), tz=KST)
    article = make_article()
    first = renderer.article_page(article)
    renderer.article_page(make_article(body="다른 본문"))  # in between, to clear any cache
    assert renderer.article_page(article).encode() == first.encode()
    assert other.article_page(article).encode() == first.encode()


def test_template_and_css_are_read_once(tmp_path: Path) -> None:
    templates = shutil.copytree(paths.templates_dir(), tmp_path / "templates")
    css = shutil.copytree(paths.css_dir(), tmp_path / "css")
    renderer = Renderer(templates, css, tz=KST)
    expected = Renderer(paths.templates_dir(), paths.css_dir(), tz=KST).article_page(make_article())
    shutil.rmtree(templates)
    shutil.rmtree(css)
    assert renderer.article_page(make_article()) == expected


def test_stylesheet_that_would_close_style_is_refused(tmp_path: Path) -> None:
    (tmp_path / "article.css").write_text("p { color: red }</style><script>x()</script>")
    with pytest.raises(ValueError, match="</style"):
        Renderer(paths.templates_dir(), tmp_path)


def test_concurrent_renders_match_serial_ones(renderer: Renderer) -> None:
    articles = [
        make_article(body=f"## 제목 {i}\n\n" + "본문 **강조** 문장. " * 40) for i in range(8)
    ]
    serial = [
        Renderer(paths.templates_dir(), paths.css_dir(), tz=KST).article_page(a) for a in articles
    ]
    barrier = threading.Barrier(4)

    def render_all(offset: int) -> list[str]:
        barrier.wait()
        return [renderer.article_page(articles[(i + offset) % 8]) for i in range(16)]

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads often, so a missing lock shows up
    try:
        with ThreadPoolExecutor(max_workers=4) as pool:
            results = list(pool.map(render_all, range(4)))
    finally:
        sys.setswitchinterval(interval)
    for offset, pages in enumerate(results):
        assert pages == [serial[(i + offset) % 8] for i in range(16)]


def ten_thousand_words() -> str:
    sentence = (
        "정부는 19일 국회에서 내년도 경제 정책 방향을 발표했다. 기획재정부는 반도체와 "
        "인공지능(AI) 산업 투자를 **확대**하겠다고 밝혔다. "
    )
    paragraph = sentence * 5  # 5 x 15 = 75 words
    blocks = []
    for i in range(130):
        blocks.append(paragraph + f"[관련 기사 {i}](https://example.com/news/{i})")
        if i % 10 == 0:
            blocks.append(f"## 소제목 {i}")
    body = "\n\n".join(blocks)
    assert len(body.split()) >= 10_000
    return body


def test_ten_thousand_words_render_quickly(renderer: Renderer) -> None:
    body = ten_thousand_words()
    renderer.article_page(make_article(body="warm-up"))
    timings = []
    for run in range(3):
        article = make_article(body=f"{body}\n\n{run}")  # a new body: no cached result
        # CPU time, best of three: other processes on a shared machine do not count.
        start = time.process_time()
        page = renderer.article_page(article)
        timings.append(time.process_time() - start)
    assert page.count("<h2>") == 13
    # Measured at about 25 ms; the bound is loose so that a slow CI machine passes,
    # while a step gone quadratic in the body length does not.
    assert min(timings) < 0.5, f"rendering took {min(timings) * 1000:.0f} ms"
