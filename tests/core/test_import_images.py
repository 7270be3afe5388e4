"""Imports bring their images in: Word pictures, a saved page's files, Markdown's neighbours."""

from __future__ import annotations

import base64
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from docx.shared import Inches
from sqlalchemy import text

from deskeditor import cli
from deskeditor.core.errors import StoreError
from deskeditor.core.importers import read_article
from deskeditor.core.store import Store

from imagefactory import image_bytes

RED = image_bytes("PNG", (120, 80), "red")
BLUE = image_bytes("JPEG", (90, 60), "blue")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "store.sqlite3")
    yield opened
    opened.close()


def count(store: Store, table: str) -> int:
    with store.engine.connect() as connection:
        return int(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


def word_file(path: Path, *, alt: str = "빨간 사각형", caption: str = "국회 앞 시위 현장") -> Path:
    """A .docx made with python-docx: headline, a picture with Alt Text and a Caption."""
    document = docx.Document()
    document.add_paragraph("시위 현장 르포", style="Title")
    document.add_paragraph("첫 문단입니다.")
    shape = document.add_paragraph().add_run().add_picture(io.BytesIO(RED), width=Inches(2))
    shape._inline.docPr.set("descr", alt)
    if caption:
        document.add_paragraph(caption, style="Caption")
    document.add_paragraph("가운데 문단 ").add_run().add_picture(io.BytesIO(BLUE))
    document.add_paragraph("마지막 문단입니다.")
    document.save(str(path))
    return path


def with_member(path: Path, member_suffix: str, data: bytes) -> Path:
    """The same .docx with one part's bytes replaced (a damaged picture)."""
    source = zipfile.ZipFile(path)
    out = path.with_name(f"broken-{path.name}")
    with source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            payload = source.read(item.filename)
            target.writestr(item, data if item.filename.endswith(member_suffix) else payload)
    return out


# -- Word -------------------------------------------------------------------------------


def test_word_pictures_come_in_with_alt_text_and_caption(store: Store, tmp_path: Path) -> None:
    imported = read_article(word_file(tmp_path / "story.docx"))

    red, blue = imported.photos
    assert (red.data, red.alt, red.caption) == (RED, "빨간 사각형", "국회 앞 시위 현장")
    assert (blue.data, blue.alt, blue.caption) == (BLUE, "", "")
    body = imported.content.body
    assert f"![빨간 사각형]({red.facts.uri})" in body
    assert f"가운데 문단 ![]({blue.facts.uri})" in body
    assert "국회 앞 시위 현장" not in body  # the caption left the body for the photo
    assert imported.skipped == ()

    article = store.import_article(imported)

    assert store.get_article(article.id).content.body == body
    assert store.image(red.facts.sha256).caption == "국회 앞 시위 현장"
    assert store.image_data(blue.facts.sha256) == (BLUE, "image/jpeg")


def test_a_caption_paragraph_not_under_a_picture_stays_text(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("제목", style="Title")
    document.add_paragraph("표 1. 지역별 결과", style="Caption")
    document.save(str(tmp_path / "c.docx"))

    assert read_article(tmp_path / "c.docx").content.body == "표 1. 지역별 결과"


def test_a_broken_picture_in_a_word_file_is_left_out_and_named(
    store: Store, tmp_path: Path
) -> None:
    good = word_file(tmp_path / "story.docx")
    broken = with_member(good, "image1.png", RED[: len(RED) // 2])

    imported = read_article(broken)

    [blue] = imported.photos
    assert blue.data == BLUE
    [message] = imported.skipped
    assert message.startswith(f"{broken}: image 1 (image/png) is damaged or truncated")
    assert message.endswith("It was left out.")
    assert message in imported.content.editor_note  # the desk sees it in the app too
    assert "![빨간 사각형]" not in imported.content.body
    assert (
        "첫 문단입니다." in imported.content.body and "마지막 문단입니다." in imported.content.body
    )
    store.import_article(imported)
    assert count(store, "assets") == 1


def test_the_same_file_imported_twice_stores_each_photo_once(store: Store, tmp_path: Path) -> None:
    path = word_file(tmp_path / "story.docx")

    first = store.import_article(read_article(path))
    second = store.import_article(read_article(path))

    assert first.id != second.id
    assert count(store, "assets") == 2


def test_photos_and_article_are_written_together_or_not_at_all(
    store: Store, tmp_path: Path
) -> None:
    imported = read_article(word_file(tmp_path / "story.docx"))
    with store.engine.begin() as connection:
        connection.execute(
            text(
                "CREATE TRIGGER refuse BEFORE INSERT ON articles "
                "BEGIN SELECT RAISE(ABORT, 'disk full'); END"
            )
        )

    with pytest.raises(StoreError, match="disk full"):
        store.import_article(imported)

    assert count(store, "assets") == 0  # the photos went back out with the article


# -- saved web pages --------------------------------------------------------------------


PAGE = """<!DOCTYPE html>
<html lang="ko"><head><meta charset="utf-8"><title>시위 현장 르포</title>
<link rel="canonical" href="https://news.example.com/2026/03/19/rally"></head>
<body><nav><a href="/">홈</a></nav>
<article><h1>시위 현장 르포</h1>
<p>국회 앞에는 이른 아침부터 시민들이 모였다. 참가자들은 저마다 손팻말을 들고 구호를 외쳤다.
경찰은 질서 유지를 위해 인력을 배치했다고 밝혔다.</p>
<figure><img src="rally_files/crowd.png" alt="모인 시민들">
<figcaption>19일 국회 앞 모습</figcaption></figure>
<p>시위는 오후까지 이어졌다. 주최 측은 다음 주에도 집회를 열겠다고 예고했다. 시민들은 평화롭게
행진했고 큰 충돌은 없었다.</p>
<p><img src="https://img.example.com/remote.jpg" alt="원격 사진"></p>
<p><img src="../outside.png" alt="바깥 파일"></p>
<p><img src="data:image/jpeg;base64,{data_uri}" alt="내장 사진"></p>
<p>행사는 저녁 무렵 마무리됐다. 참가자들은 자진 해산했다. 경찰 추산 참가 인원은 3천 명이었다.</p>
</article></body></html>
"""


def test_a_saved_page_brings_its_own_image_files_and_links_remote_ones(
    store: Store, tmp_path: Path
) -> None:
    folder = tmp_path / "saved"
    (folder / "rally_files").mkdir(parents=True)
    (folder / "rally_files" / "crowd.png").write_bytes(RED)
    (tmp_path / "outside.png").write_bytes(RED)  # beside, but not inside the page's folder
    page = folder / "rally.html"
    page.write_text(PAGE.replace("{data_uri}", base64.b64encode(BLUE).decode()), encoding="utf-8")

    imported = read_article(page)

    by_alt = {photo.alt: photo for photo in imported.photos}
    assert set(by_alt) == {"모인 시민들", "내장 사진"}
    assert by_alt["모인 시민들"].data == RED
    assert by_alt["모인 시민들"].caption == "19일 국회 앞 모습"
    assert by_alt["내장 사진"].data == BLUE
    body = imported.content.body
    assert f"![모인 시민들]({by_alt['모인 시민들'].facts.uri})" in body
    assert "19일 국회 앞 모습" not in body
    # Never fetched, never loaded by a reader: a remote image is a plain link.
    assert "[원격 사진](https://img.example.com/remote.jpg)" in body
    assert "![원격 사진]" not in body
    assert "outside.png" not in body
    assert any("'../outside.png' is not a file beside the page" in m for m in imported.skipped)
    store.import_article(imported)
    assert count(store, "assets") == 2


# -- Markdown ---------------------------------------------------------------------------


def test_markdown_images_beside_the_file_come_in(store: Store, tmp_path: Path) -> None:
    (tmp_path / "img").mkdir()
    (tmp_path / "img" / "red.png").write_bytes(RED)
    (tmp_path / "blue photo.jpg").write_bytes(BLUE)
    (tmp_path / "story.md").write_text(
        "# 제목\n\n"
        '![빨간 그림](img/red.png "국회 앞 모습")\n\n'
        "<blue photo.jpg> ![](<blue photo.jpg>)\n\n"
        "![원격](https://example.com/x.jpg)\n\n"
        "```\n![코드 안](img/red.png)\n```\n\n"
        "![없는 파일](img/missing.png)\n",
        encoding="utf-8",
    )

    imported = read_article(tmp_path / "story.md")

    red, blue = imported.photos
    assert (red.data, red.alt, red.caption) == (RED, "빨간 그림", "국회 앞 모습")
    assert blue.data == BLUE
    body = imported.content.body
    assert f'![빨간 그림]({red.facts.uri} "국회 앞 모습")' in body
    assert f"![]({blue.facts.uri})" in body
    assert "![원격](https://example.com/x.jpg)" in body
    assert "```\n![코드 안](img/red.png)\n```" in body  # code is never touched
    assert "![없는 파일](img/missing.png)" in body
    assert imported.skipped == (
        f"{tmp_path / 'story.md'}: the image 'img/missing.png' is not a file beside it; "
        "the reference stays.",
    )
    article = store.import_article(imported)
    assert store.image(red.facts.sha256).caption == "국회 앞 모습"
    assert store.get_article(article.id).content.headline == "제목"


def test_an_oversized_image_beside_markdown_is_skipped_unread(store: Store, tmp_path: Path) -> None:
    (tmp_path / "huge.jpg").write_bytes(b"\xff\xd8\xff" + b"\0" * (21 * 1024 * 1024))
    (tmp_path / "story.md").write_text("# 제목\n\n본문\n\n![큰 사진](huge.jpg)\n", encoding="utf-8")

    imported = read_article(tmp_path / "story.md")

    assert imported.photos == ()
    [message] = imported.skipped
    assert "the image 'huge.jpg' is 22.0 MB; images may be at most 21 MB" in message
    assert "![큰 사진]" not in imported.content.body and "본문" in imported.content.body
    store.import_article(imported)
    assert count(store, "assets") == 0


def test_markdown_front_matter_gives_back_the_lead_photo_and_every_photos_words(
    tmp_path: Path,
) -> None:
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "a.png").write_bytes(RED)
    (tmp_path / "story.md").write_text(
        "---\ntitle: 제목\nimage: images/a.png\nphotos:\n"
        "- {file: images/a.png, alt: 대체 글, caption: 캡션, credit: 사진=연합뉴스}\n"
        "- not a mapping\n---\n\n본문\n\n![](images/a.png)\n",
        encoding="utf-8",
    )

    imported = read_article(tmp_path / "story.md")

    [photo] = imported.photos
    assert (photo.alt, photo.caption, photo.credit) == ("대체 글", "캡션", "사진=연합뉴스")
    assert imported.content.feature_image == photo.facts.sha256


# -- the command line -------------------------------------------------------------------


def test_cli_import_stores_the_photos_and_warns_about_a_broken_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    broken = with_member(word_file(tmp_path / "story.docx"), "image1.png", b"not a picture")
    db = tmp_path / "cli.sqlite3"

    status = cli.main(["--db", str(db), "import", str(broken)])

    out, err = capsys.readouterr()
    assert status == 0
    assert out == "1\n"
    assert err.startswith(f"deskeditor: warning: {broken}: image 1 (image/png) is not an image")
    store = Store.open(db)
    try:
        assert count(store, "assets") == 1
        body = store.get_article(store.article_ids()[0]).content.body
        assert "asset:" in body
    finally:
        store.close()
