"""Word import: title and subtitle as headline and subhead, structure kept, footnotes readable."""

from __future__ import annotations

import importlib.util
import io
import re
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

from deskeditor.core.errors import ImportFileError
from deskeditor.core.importers import read_article_file
from deskeditor.core.markup import MarkdownConverter
from deskeditor.core.models import ArticleContent

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def story() -> ArticleContent:
    """story.docx, read once: mammoth takes most of a second on python-docx's big styles."""
    return read_article_file(FIXTURES / "story.docx")


def fixture_builder() -> ModuleType:
    """tests/core/fixtures/make_fixtures.py, which made the committed .docx files."""
    spec = importlib.util.spec_from_file_location("make_fixtures", FIXTURES / "make_fixtures.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_title_and_subtitle_styles_become_headline_and_subhead(story: ArticleContent) -> None:
    content = story

    assert content.headline == "반도체 수출 석 달 만에 반등"
    assert content.subhead == "3월 1~20일 수출 12% 늘어…HBM이 견인"
    assert not content.body.startswith(("반도체 수출", "3월"))


def test_body_keeps_formatting_lists_table_quote_and_footnote(story: ArticleContent) -> None:
    body = story.body

    assert body.startswith(
        "산업통상자원부는 **19일** 반도체 수출이 *석 달 만에* 반등했다고 "
        "~~발표할 예정~~ 밝혔다.\\[1]"
    )
    assert (
        "[산업부 누리집](https://www.motie.go.kr/)에서 볼 수 있다. 별표(\\*)와 \\[괄호]는 글자다."
        in body
    )
    # Word's level-1 headings are demoted: level 1 is the headline field.
    assert "\n## 품목별 동향\n" in body and "\n### 수출 증가율\n" in body
    assert "- 메모리\n    - HBM\n        - 12단 적층\n- 시스템 반도체\n" in body
    assert "1. 첫째 과제\n2. 둘째 과제\n" in body
    assert "| 품목 | 증가율 |\n| --- | --- |\n| 메모리 \\| D램 | 18% |\n| 시스템 | 4% |" in body
    assert "> 수출 회복세가 하반기까지 이어지도록 하겠다." in body
    # The footnote: a numbered note after a rule at the end, without mammoth's back-arrow.
    assert body.endswith("---\n\n1. 산업통상자원부 보도자료, 2026년 3월 19일.")
    assert "↑" not in body


def test_the_body_renders_with_the_documents_structure(story: ArticleContent) -> None:
    html = MarkdownConverter().to_html(story.body)

    assert "<strong>19일</strong>" in html and "<del>발표할 예정</del>" in html
    assert "<ul>\n<li>메모리<ul>\n<li>HBM<ul>\n<li>12단 적층</li>" in html
    assert "<td>메모리 | D램</td>" in html
    assert "<p>산업통상자원부는" in html and "[1]</p>" in html


def test_images_come_in_as_stored_photo_references(story: ArticleContent) -> None:
    # The photo bytes themselves are checked in test_import_images.py.
    content = story

    assert "data:" not in content.body
    assert re.search(r"!\[\]\(asset:[0-9a-f]{64}\)", content.body)
    assert content.editor_note == ""


def test_document_title_property_is_the_headline_and_its_repeat_leaves_the_body() -> None:
    content = read_article_file(FIXTURES / "story_core_title.docx")

    assert content.headline == "지방 공항 국제선 증편"
    assert content.subhead == ""
    assert "지방 공항 국제선 증편" not in content.body
    assert content.body.startswith("산업통상자원부는 **19일**")


def test_without_title_the_first_heading_is_the_headline(tmp_path: Path) -> None:
    from docx import Document

    document = Document()
    document.add_paragraph("머리말 없는 첫 문단.")
    document.add_heading("첫 제목", level=1)
    document.add_paragraph("본문.")
    document.add_heading("둘째 제목", level=1)
    path = tmp_path / "headings.docx"
    document.save(str(path))

    content = read_article_file(path)

    assert content.headline == "첫 제목"
    assert content.body == "머리말 없는 첫 문단.\n\n본문.\n\n## 둘째 제목"


def test_the_committed_fixture_matches_its_builder(tmp_path: Path, story: ArticleContent) -> None:
    """The .docx in fixtures/ is what make_fixtures.py builds (python-docx, no hand edits)."""
    fixture_builder().build_story_docx(tmp_path / "story.docx")
    assert read_article_file(tmp_path / "story.docx") == story


def test_a_document_with_no_text_is_refused(tmp_path: Path) -> None:
    from docx import Document

    path = tmp_path / "blank.docx"
    Document().save(str(path))

    with pytest.raises(ImportFileError, match=r"blank\.docx: the Word document has no text\."):
        read_article_file(path)


def test_script_in_a_document_stays_text(tmp_path: Path) -> None:
    from docx import Document

    document = Document()
    document.add_paragraph("<script>alert('x')</script> & <img src=x onerror=alert(1)>")
    path = tmp_path / "script.docx"
    document.save(str(path))

    body = read_article_file(path).body
    html = MarkdownConverter().to_html(body)

    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in html


def test_a_docm_or_misnamed_docx_is_read_by_content(tmp_path: Path) -> None:
    data = (FIXTURES / "story.docx").read_bytes()
    path = tmp_path / "story.bin"
    path.write_bytes(data)

    assert read_article_file(path).headline == "반도체 수출 석 달 만에 반등"


def test_a_damaged_document_xml_is_reported(tmp_path: Path) -> None:
    source = zipfile.ZipFile(FIXTURES / "story.docx")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = data[: len(data) // 2]  # cut mid-element
            target.writestr(item, data)
    path = tmp_path / "damaged.docx"
    path.write_bytes(buffer.getvalue())

    with pytest.raises(
        ImportFileError, match=r"damaged\.docx: the Word document is damaged \("
    ) as caught:
        read_article_file(path)
    assert "\n" not in str(caught.value)
