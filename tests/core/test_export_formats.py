"""Markdown with front matter, plain text and Word: what each file holds, read back."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import docx
import pytest
import yaml
from docx.oxml.ns import qn

from deskeditor import paths
from deskeditor.core.docxexport import article_docx
from deskeditor.core.export import ExportFormat, export_article, export_articles
from deskeditor.core.exportformats import article_markdown, article_text
from deskeditor.core.models import Article, ArticleContent, ArticleId, Language, Status
from deskeditor.core.render import Renderer

KST = timezone(timedelta(hours=9), "KST")
CREATED = datetime(2026, 3, 19, 1, 35, tzinfo=UTC)
UPDATED = datetime(2026, 3, 19, 5, 2, tzinfo=UTC)

BODY = """## 배경

수출이 **크게** *반등*했다. [산업부 발표](https://example.com/a)에 따르면
증가세가 ~~둔화~~ 이어졌다.

1. 반도체
2. 자동차
    - 전기차

- 첫 목록
- 둘째 목록

3. 셋째부터

> "수출이 살아났다"

| 품목 | 증가율 |
|:---|---:|
| 반도체 | **12%** |

```
raw <code> line
second line
```
"""


def make_article(**changes: object) -> Article:
    content = ArticleContent(
        headline="반도체 수출 석 달 만에 반등",
        subhead="3월 수출 12% 늘어",
        byline="홍길동 기자 hong@example.com",
        section="경제",
        body=BODY,
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
        published_at=CREATED,
        slug="반도체-수출-석-달-만에-반등",
    )


@pytest.fixture
def renderer() -> Renderer:
    return Renderer(paths.templates_dir(), paths.css_dir(), tz=KST)


def split_front_matter(text: str) -> tuple[dict[str, object], str]:
    assert text.startswith("---\n")
    meta, body = text[4:].split("\n---\n", 1)
    data = yaml.safe_load(meta)
    assert isinstance(data, dict)
    return data, body


# -- Markdown ---------------------------------------------------------------------------


def test_markdown_front_matter_has_hugo_and_jekyll_keys() -> None:
    meta, body = split_front_matter(article_markdown(make_article(), KST))
    assert meta == {
        "title": "반도체 수출 석 달 만에 반등",
        "subtitle": "3월 수출 12% 늘어",
        "date": datetime(2026, 3, 19, 10, 35, tzinfo=KST),
        "lastmod": datetime(2026, 3, 19, 14, 2, tzinfo=KST),
        "description": "반도체 수출이 석 달 만에 늘었다.",
        "author": "홍길동 기자",
        "authors": ["홍길동"],
        "byline": "홍길동 기자 hong@example.com",
        "categories": ["경제"],
        "tags": ["반도체", "수출"],
        "slug": "반도체-수출-석-달-만에-반등",
        "lang": "ko",
        "draft": False,
    }
    assert body == "\n" + BODY.strip("\n") + "\n"


def test_markdown_dates_are_plain_rfc3339_timestamps() -> None:
    text = article_markdown(make_article(), KST)
    # Hugo reads RFC 3339; a quoted string or a space before the time is not that.
    assert "\ndate: 2026-03-19T10:35:00+09:00\n" in text
    assert "\nlastmod: 2026-03-19T14:02:00+09:00\n" in text


def test_markdown_draft_and_empty_fields() -> None:
    article = make_article(
        status=Status.DESK, subhead="", summary="", section="", tags=(), byline="", body=""
    )
    meta, body = split_front_matter(article_markdown(article, KST))
    assert meta["draft"] is True
    for key in ("subtitle", "description", "categories", "tags", "author", "authors"):
        assert key not in meta
    assert body == ""


def test_markdown_never_holds_the_editor_note_and_quotes_hostile_values() -> None:
    hostile = 'a: b\n---\n- "x" # y'
    text = article_markdown(make_article(headline=hostile, tags=("#tag", "x: y")), KST)
    assert "수치 재확인" not in text
    meta, _ = split_front_matter(text)
    assert meta["title"] == hostile
    assert meta["tags"] == ["#tag", "x: y"]


# -- plain text -------------------------------------------------------------------------


def test_plain_text_has_no_markup_and_the_byline_last(renderer: Renderer) -> None:
    text = article_text(renderer, make_article())
    assert text == (
        "반도체 수출 석 달 만에 반등\n\n"
        "3월 수출 12% 늘어\n\n"
        "배경\n\n"
        "수출이 크게 반등했다. 산업부 발표 (https://example.com/a)에 따르면 "
        "증가세가 둔화 이어졌다.\n\n"
        "1. 반도체\n2. 자동차\n  • 전기차\n\n"
        "• 첫 목록\n• 둘째 목록\n\n"
        "3. 셋째부터\n\n"
        '"수출이 살아났다"\n\n'
        "품목 | 증가율\n반도체 | 12%\n\n"
        "raw <code> line\nsecond line\n\n"
        "홍길동 기자 hong@example.com\n"
    )


def test_plain_text_of_hostile_body_keeps_no_script(renderer: Renderer) -> None:
    body = "<script>alert(1)</script>\n\n줄<br>바꿈 <b>굵게</b> &amp; 기호"
    text = article_text(renderer, make_article(body=body, subhead="", byline=""))
    assert text == "반도체 수출 석 달 만에 반등\n\n줄\n바꿈 굵게 & 기호\n"


# -- Word -------------------------------------------------------------------------------


def read_docx(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def test_docx_reads_back_with_title_subtitle_body_and_byline(renderer: Renderer) -> None:
    document = read_docx(article_docx(renderer, make_article()))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    assert paragraphs == [
        ("Title", "반도체 수출 석 달 만에 반등"),
        ("Subtitle", "3월 수출 12% 늘어"),
        ("Normal", "입력 2026.03.19 10:35  수정 2026.03.19 14:02"),
        ("Heading 1", "배경"),
        ("Normal", "수출이 크게 반등했다. 산업부 발표에 따르면 증가세가 둔화 이어졌다."),
        ("List Number", "반도체"),
        ("List Number", "자동차"),
        ("List Bullet 2", "전기차"),
        ("List Bullet", "첫 목록"),
        ("List Bullet", "둘째 목록"),
        ("List Number", "셋째부터"),
        ("Quote", '"수출이 살아났다"'),
        ("Normal", "raw <code> line\nsecond line"),
        ("Normal", "홍길동 기자 hong@example.com"),
    ]
    properties = document.core_properties
    assert properties.title == "반도체 수출 석 달 만에 반등"
    assert properties.author == "홍길동 기자"
    assert properties.keywords == "반도체, 수출"
    assert properties.language == "ko-KR"
    assert "수치 재확인" not in "".join(p.text for p in document.paragraphs)


def test_docx_inline_formatting_and_links(renderer: Renderer) -> None:
    document = read_docx(article_docx(renderer, make_article()))
    paragraph = document.paragraphs[4]
    runs = {run.text: run for run in paragraph.runs}
    assert runs["크게"].bold and not runs["크게"].italic
    assert runs["반등"].italic
    assert runs["둔화"].font.strike
    [link] = paragraph.hyperlinks
    assert (link.address, link.text) == ("https://example.com/a", "산업부 발표")
    byline = document.paragraphs[-1]
    assert [h.address for h in byline.hyperlinks] == ["mailto:hong@example.com"]


def test_docx_table_and_numbered_lists_restart(renderer: Renderer) -> None:
    document = read_docx(article_docx(renderer, make_article()))
    [table] = document.tables
    assert [[cell.text for cell in row.cells] for row in table.rows] == [
        ["품목", "증가율"],
        ["반도체", "12%"],
    ]
    assert table.rows[0].cells[0].paragraphs[0].runs[0].bold  # header row
    assert table.rows[1].cells[1].paragraphs[0].alignment == 2  # right, from ---:
    numbered = [p for p in document.paragraphs if p.style.name == "List Number"]
    num_ids = [p._p.pPr.numPr.numId.val for p in numbered]
    # The first list's two items share a counter; the later list (start 3) has its own.
    assert num_ids[0] == num_ids[1] != num_ids[2]
    numbering = document.part.numbering_part.element
    num = numbering.num_having_numId(num_ids[2])
    assert num.xpath("./w:lvlOverride/w:startOverride/@w:val") == ["3"]


def test_docx_is_deterministic_and_names_a_hangul_font(renderer: Renderer) -> None:
    first = article_docx(renderer, make_article())
    assert article_docx(renderer, make_article()) == first
    with zipfile.ZipFile(io.BytesIO(first)) as package:
        assert {info.date_time for info in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    styles = read_docx(first).styles.element
    fonts = styles.xpath("./w:docDefaults//w:rFonts") + styles.xpath("./w:style/w:rPr/w:rFonts")
    assert len(fonts) > 5
    for element in fonts:
        # A theme slot would win over the named font: there must be none.
        assert element.get(qn("w:eastAsia")) == "맑은 고딕"
        assert element.get(qn("w:eastAsiaTheme")) is None


def test_docx_of_an_empty_english_article(renderer: Renderer) -> None:
    article = make_article(
        headline="", subhead="", byline="", body="", language=Language.EN, tags=()
    )
    document = read_docx(article_docx(renderer, article))
    assert [p.text for p in document.paragraphs][0] == "Untitled"
    assert document.core_properties.language == "en-US"


# -- files ------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_every_format_exports_to_its_own_file(
    renderer: Renderer, tmp_path: Path, fmt: ExportFormat
) -> None:
    articles = [make_article(), replace(make_article(), id=ArticleId(3))]
    written = export_articles(renderer, articles, tmp_path / "out", fmt)
    assert [p.name for p in written] == [f"article-12.{fmt.value}", f"article-3.{fmt.value}"]
    single = export_article(renderer, articles[0], tmp_path / f"one.{fmt.value}", fmt)
    assert single.read_bytes() == written[0].read_bytes()
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(p.name for p in written)


@pytest.mark.parametrize("status", [Status.PUBLISHED, Status.DESK])
def test_markdown_export_imports_back_with_every_field(tmp_path: Path, status: Status) -> None:
    from deskeditor.core.importers import read_article_file

    article = make_article(status=status, language=Language.KO)
    path = tmp_path / "story.md"
    path.write_text(article_markdown(article, timezone(timedelta(hours=9))), encoding="utf-8")
    back = read_article_file(path)
    original = article.content
    assert (back.headline, back.subhead, back.byline, back.section) == (
        original.headline,
        original.subhead,
        original.byline,
        original.section,
    )
    assert (back.tags, back.summary, back.slug, back.language) == (
        original.tags,
        original.summary,
        article.slug,
        Language.KO,
    )
    assert back.body.strip() == original.body.strip()
    # Hugo's draft flag carries "published or not"; the desk's finer states read as drafts.
    assert back.status is (Status.PUBLISHED if status is Status.PUBLISHED else Status.DRAFT)
    assert back.editor_note == ""  # never exported, so never imported


def test_static_site_front_matter_keys_are_read(tmp_path: Path) -> None:
    from deskeditor.core.importers import read_article_file

    path = tmp_path / "post.md"
    path.write_text(
        "---\ntitle: Chip exports rebound\nsubtitle: Up 12%\nauthors: [Jane Roe, Kim Min]\n"
        "categories: [Economy, Trade]\ndescription: Exports rose.\nlang: en\ndraft: false\n"
        "---\n\nBody text.\n",
        encoding="utf-8",
    )
    back = read_article_file(path)
    assert (back.headline, back.subhead, back.byline, back.section, back.summary) == (
        "Chip exports rebound",
        "Up 12%",
        "Jane Roe, Kim Min",
        "Economy",
        "Exports rose.",
    )
    assert back.language is Language.EN and back.status is Status.PUBLISHED
