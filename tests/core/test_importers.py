"""Markdown import: front matter, headline from the first heading, encodings, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from deskeditor.core.errors import ImportFileError
from deskeditor.core.importers import parse_markdown_article, read_markdown_file
from deskeditor.core.models import ArticleContent, Language, Status

FIXTURES = Path(__file__).parent / "fixtures"


def test_front_matter_sets_every_field() -> None:
    content = read_markdown_file(FIXTURES / "front_matter_ko.md")

    assert content == ArticleContent(
        headline="반도체 수출 석 달 만에 반등",
        subhead="3월 1~20일 수출 12% 늘어…HBM이 견인",
        byline="김기자 기자",
        section="경제",
        # With a headline key, a "# heading" in the body is part of the body.
        body="# 본문 속 제목은 그대로 둔다\n\n"
        "산업통상자원부는 19일 반도체 수출이 석 달 만에 반등했다고 밝혔다.",
        tags=("반도체", "수출"),
        status=Status.READY,
        language=Language.KO,
    )


def test_title_is_an_alias_and_yaml_scalars_become_text() -> None:
    content = read_markdown_file(FIXTURES / "title_alias.md")

    assert content.headline == "Budget talks resume"
    assert content.byline == "2026"  # a YAML number, kept as the text it was
    assert content.section == "국제"
    assert content.tags == ("budget", "congress", "politics")
    assert content.body == "Lawmakers met again on Thursday."
    assert content.status is Status.DRAFT
    assert content.language is None


def test_headline_key_wins_over_title() -> None:
    content = parse_markdown_article("---\ntitle: Old\nheadline: New\n---\nBody")
    assert content.headline == "New"


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("2026-03-19", "2026-03-19"),
        ("2026-03-19 10:30:00+09:00", "2026-03-19T10:30:00+09:00"),
        ("yes", "true"),
        ("3.5", "3.5"),
        ("", ""),
    ],
)
def test_yaml_dates_numbers_and_booleans_do_not_crash(field: str, expected: str) -> None:
    content = parse_markdown_article(f"---\nsubhead: {field}\n---\nBody")
    assert content.subhead == expected


def test_tags_from_a_list_of_mixed_scalars() -> None:
    content = parse_markdown_article("---\ntags: [ 2026, ' 선거 ', ~, '', 선거]\n---\n")
    assert content.tags == ("2026", "선거")


def test_without_front_matter_the_first_level_one_heading_is_the_headline() -> None:
    content = read_markdown_file(FIXTURES / "no_front_matter.md")

    assert content.headline == "서울시, 대중교통 요금 동결"
    assert "# 서울시" not in content.body
    # A "#" line inside a code fence and a hashtag are not headings; they stay in the body.
    assert "# a comment, not a heading" in content.body
    assert "#hashtag is not a heading either" in content.body
    assert content.body.endswith("시는 올해 버스와 지하철 요금을 동결한다고 밝혔다.")


def test_front_matter_without_headline_takes_the_heading() -> None:
    content = parse_markdown_article("---\nsection: 사회\n---\n\n# 제목\n\n본문")
    assert (content.headline, content.section, content.body) == ("제목", "사회", "본문")


def test_an_empty_heading_is_skipped() -> None:
    content = parse_markdown_article("#\n#   \n# Real headline\nText")
    assert content.headline == "Real headline"
    assert content.body == "#\n#   \nText"


def test_level_two_heading_is_not_a_headline() -> None:
    content = parse_markdown_article("## Only a subheading\n\nText")
    assert content.headline == ""
    assert content.body == "## Only a subheading\n\nText"


def test_bom_and_windows_line_endings(tmp_path: Path) -> None:
    path = tmp_path / "bom.md"
    path.write_bytes("\ufeff---\r\nheadline: 바이트 순서 표시\r\n---\r\n본문\r\n".encode())

    content = read_markdown_file(path)

    assert content.headline == "바이트 순서 표시"
    assert content.body == "본문"


def test_bom_before_a_heading(tmp_path: Path) -> None:
    path = tmp_path / "bom.md"
    path.write_bytes(b"\xef\xbb\xbf# Title\n\nBody")
    assert read_markdown_file(path).headline == "Title"


def test_status_and_language_are_case_insensitive() -> None:
    content = parse_markdown_article("---\nstatus: Published\nlanguage: EN\n---\n")
    assert (content.status, content.language) == (Status.PUBLISHED, Language.EN)


def test_bad_utf8_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "기사.md"
    path.write_bytes("# 제목\n\n".encode() + "본문".encode("euc-kr"))

    with pytest.raises(ImportFileError) as caught:
        read_markdown_file(path)

    assert str(path) in str(caught.value)
    assert "not UTF-8" in str(caught.value)
    assert "line 3" in str(caught.value)


def test_missing_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "missing.md"
    with pytest.raises(ImportFileError, match="missing.md: No such file"):
        read_markdown_file(path)


def test_bad_yaml_is_one_line_naming_file_and_line() -> None:
    path = FIXTURES / "bad_yaml.md"
    with pytest.raises(ImportFileError) as caught:
        read_markdown_file(path)

    message = str(caught.value)
    assert str(path) in message
    assert "invalid YAML front matter at line" in message
    assert "\n" not in message


def test_bad_status_lists_the_allowed_values() -> None:
    with pytest.raises(ImportFileError, match=r"unknown status 'archived' \(use draft, desk"):
        read_markdown_file(FIXTURES / "bad_status.md")


def test_bad_language_is_refused() -> None:
    with pytest.raises(ImportFileError, match="unknown language 'fr'"):
        parse_markdown_article("---\nlanguage: fr\n---\n", source="x.md")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("---\nheadline: never closed\n\nBody", "never closed"),
        ("---\n- a list\n- not a mapping\n---\n", "'key: value' lines"),
        ("---\nbyline: [a, b]\n---\n", "'byline' must be text"),
        ("---\ntags: {a: b}\n---\n", "'tags' must be a list"),
    ],
)
def test_malformed_front_matter_is_refused(text: str, reason: str) -> None:
    with pytest.raises(ImportFileError, match=f"Cannot import story.md: .*{reason}"):
        parse_markdown_article(text, source="story.md")


def test_empty_front_matter_is_allowed() -> None:
    content = parse_markdown_article("---\n---\n# Title\nBody")
    assert (content.headline, content.body) == ("Title", "Body")


def test_multiline_headline_is_joined_into_one_line() -> None:
    content = parse_markdown_article("---\nheadline: |\n  첫 줄\n  둘째 줄\n---\n")
    assert content.headline == "첫 줄 둘째 줄"


def test_raw_html_in_imported_markdown_never_renders_as_script(tmp_path: Path) -> None:
    """Markdown is kept as written; the one renderer sanitizes it, as it does every body."""
    from deskeditor.core.markup import MarkdownConverter

    path = tmp_path / "raw.md"
    path.write_text(
        "# 제목\n\n<script>alert(1)</script>\n\n"
        "<img src=x onerror=alert(2)> [x](javascript:alert(3))",
        encoding="utf-8",
    )
    html = MarkdownConverter().to_html(read_markdown_file(path).body)

    assert "<script" not in html and "onerror" not in html and "javascript:" not in html
