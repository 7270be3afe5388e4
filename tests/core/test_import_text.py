"""Plain text and encodings: UTF-8, BOMs, UTF-16, EUC-KR/CP949, never mojibake."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from deskeditor.core.errors import ImportFileError
from deskeditor.core.importers import read_article_file, read_markdown_file
from deskeditor.core.importers.decoding import decode_text
from deskeditor.core.markup import MarkdownConverter

FIXTURES = Path(__file__).parent / "fixtures"

SENTENCE = "산업통상자원부는 19일 반도체 수출이 석 달 만에 반등했다고 밝혔다."
SHORT = ["가", "네", "한국", "기자", "징", "탁구", "뷁", "똠방각하", "1월 2일", "OK 네", "“반등”"]


def encodings(text: str) -> dict[str, bytes]:
    """The text as each encoding a newsroom receives it in."""
    return {
        "utf-8": text.encode("utf-8"),
        "utf-8 with BOM": codecs.BOM_UTF8 + text.encode("utf-8"),
        "utf-16 le with BOM": codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
        "utf-16 be with BOM": codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
        "utf-32 with BOM": text.encode("utf-32"),
        "euc-kr": text.encode("euc-kr", "ignore"),
        "cp949": text.encode("cp949"),
    }


@pytest.mark.parametrize("text", [SENTENCE, *SHORT])
@pytest.mark.parametrize(
    "encoding",
    ["utf-8", "utf-8 with BOM", "utf-16 le with BOM", "utf-16 be with BOM", "utf-32 with BOM",
     "euc-kr", "cp949"],
)  # fmt: skip
def test_korean_in_every_encoding_decodes_exactly(text: str, encoding: str) -> None:
    data = encodings(text)[encoding]
    if encoding == "euc-kr" and data.decode("euc-kr") != text:
        pytest.skip("not in EUC-KR (CP949 only)")
    assert decode_text(data, "x.txt") == text


def test_cp949_only_syllables() -> None:
    text = "똠방각하 뷁 쌰갈, 확장 완성형 글자"
    assert decode_text(text.encode("cp949"), "x.txt") == text


@pytest.mark.parametrize(
    "text", ["Café “quoted” — naïve résumé", "Größe und Maß", "Ça va très bien, señor."]
)
def test_western_legacy_text(text: str) -> None:
    assert decode_text(text.encode("cp1252"), "x.txt") == text


def test_utf16_without_bom_for_latin_text() -> None:
    assert (
        decode_text("Plain English, 2026.".encode("utf-16-le"), "x.txt") == "Plain English, 2026."
    )


def test_iso_2022_kr() -> None:
    assert decode_text("한국어 기사".encode("iso2022_kr"), "x.txt") == "한국어 기사"


def test_a_declared_charset_is_a_candidate() -> None:
    text = "日本語の記事です。東京で会議が開かれた。"
    assert decode_text(text.encode("shift_jis"), "x.html", declared="Shift_JIS") == text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ("# 제목\n\n".encode() + "본문".encode("euc-kr"), "not UTF-8 text .* at line 3"),
        ("Le café est très bon, naïve".encode() + " – “x”".encode("cp1252"),
         "mixes UTF-8 with another encoding"),
        (codecs.BOM_UTF8 + b"ok \xff\xfe", "starts as UTF-8 text but is damaged"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", "starts as UTF-16 text but is damaged"),
        (b"text\x00\x01\x02\x03\xff\x00\x9c", "binary file, not text"),
    ],
)  # fmt: skip
def test_undecodable_text_is_refused_not_garbled(data: bytes, reason: str) -> None:
    with pytest.raises(ImportFileError, match=f"Cannot import x.txt: .*{reason}"):
        decode_text(data, "x.txt")


# --- plain text articles ---------------------------------------------------------------------


def test_euc_kr_text_file() -> None:
    content = read_article_file(FIXTURES / "story_euckr.txt")

    assert content.headline == "반도체 수출 석 달 만에 반등"
    paragraphs = content.body.split("\n\n")
    assert paragraphs[0] == f"{SENTENCE}\n3월 1일부터 20일까지 수출액은 12% 늘었다."
    assert paragraphs[-1] == "김한빛 기자 hanbit@example.com"


def test_text_that_looks_like_markdown_stays_literal() -> None:
    content = read_article_file(FIXTURES / "story_euckr.txt")
    html = MarkdownConverter().to_html(content.body)

    assert "<h1>" not in html and "<em>" not in html and "<b>" not in html
    assert "<p># 이 줄은 제목이 아니다. *별표*와 _밑줄_, &lt;b&gt;태그&lt;/b&gt;, 1. 번호도" in html


@pytest.mark.parametrize(
    "line",
    ["# 제목 아님", "## 둘", "- 목록 아님", "* 별", "+ 더하기", "1. 번호 아님", "> 인용", "---",
     "===", "| a | b |", "|---|---|", "```", "    들여쓴 줄", "<div>태그</div>", "&amp; 그대로",
     "[링크](http://e.com)", "![그림](x.png)", "`코드`", "**굵게** __굵게__", "~~취소~~ 1~2",
     "C:\\Users\\kim\\기사.txt", "a_b_c 2*3*4"],
)  # fmt: skip
def test_each_markdown_lookalike_renders_as_typed(tmp_path: Path, line: str) -> None:
    path = tmp_path / "story.txt"
    path.write_text(f"제목\n\n{line}\n", encoding="utf-8")
    body = read_article_file(path).body
    html = MarkdownConverter().to_html(body)

    import lxml.html

    text = lxml.html.fragment_fromstring(html, create_parent="div").text_content().strip()
    assert text == line.strip()
    assert html.startswith("<p>"), html


def test_paragraphs_line_endings_and_indents(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(
        "\r\n\r\n  헤드라인  두 칸 \r\n\r\n\r\n\u3000첫 문단 첫 줄\r\n"
        "    둘째 줄   \r\n\r\n둘째 문단\r\n".encode()
    )
    content = read_article_file(path)

    assert content.headline == "헤드라인 두 칸"
    assert content.body == "첫 문단 첫 줄\n둘째 줄\n\n둘째 문단"


def test_a_single_line_is_only_a_headline(tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    path.write_text("제목만 있는 파일", encoding="utf-16")
    content = read_article_file(path)
    assert (content.headline, content.body) == ("제목만 있는 파일", "")


# --- Markdown in legacy encodings ------------------------------------------------------------


def test_euc_kr_markdown_with_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_bytes(
        "---\nheadline: 한글 제목\nsection: 경제\n---\n**본문**입니다.\n".encode("euc-kr")
    )

    content = read_markdown_file(path)

    assert (content.headline, content.section, content.body) == (
        "한글 제목",
        "경제",
        "**본문**입니다.",
    )
    assert read_article_file(path) == content


def test_utf16_markdown(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text("# 제목\n\n- 목록", encoding="utf-16")
    assert read_article_file(path).body == "- 목록"
