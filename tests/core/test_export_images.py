"""Photos in exports: inlined in a page, written once in an edition, beside Markdown, in Word."""

from __future__ import annotations

import base64
import hashlib
import io
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

import docx
import lxml.html
import pytest
import yaml
from PIL import Image

from deskeditor import cli, paths
from deskeditor.core.edition import export_edition
from deskeditor.core.export import (
    ExportFormat,
    export_article,
    export_article_html,
    export_articles,
)
from deskeditor.core.importers import read_article
from deskeditor.core.models import Article, ArticleContent, ImageAsset, Language, Status
from deskeditor.core.render import Renderer
from deskeditor.core.store import Store

from imagefactory import image_bytes, noisy_jpeg

KOREAN_CAPTION = "19일 국회 본회의에서 예산안이 통과되고 있다."


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "store.sqlite3", clock=lambda: datetime(2026, 3, 19, tzinfo=UTC))
    yield opened
    opened.close()


@pytest.fixture
def renderer() -> Renderer:
    return Renderer(paths.templates_dir(), paths.css_dir())


@pytest.fixture
def big(store: Store) -> ImageAsset:
    """A photo wider than the display width, with every word filled in."""
    return store.add_image(
        noisy_jpeg((2400, 1600)),
        alt="본회의장 전경",
        caption=KOREAN_CAPTION,
        credit="사진=연합뉴스",
    )


@pytest.fixture
def small(store: Store) -> ImageAsset:
    return store.add_image(
        image_bytes("PNG", (64, 48), "magenta"), alt="작은 그림", caption="작은 캡션"
    )


def photo_article(store: Store, body: str, **fields: object) -> Article:
    content = ArticleContent(headline="예산안 통과", byline="홍길동 기자", body=body, **fields)  # type: ignore[arg-type]
    return store.create_article(content)


def files_under(folder: Path) -> dict[str, str]:
    """Every file's path (relative) and SHA-256: the whole export, byte for byte."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


# -- a single page ----------------------------------------------------------------------


def test_a_single_page_inlines_the_display_copy_of_each_photo(
    store: Store, renderer: Renderer, big: ImageAsset, small: ImageAsset, tmp_path: Path
) -> None:
    article = photo_article(
        store, f"![]({big.uri})\n\n본문\n\n![]({small.uri})", feature_image=big.sha256
    )

    (tmp_path / "out").mkdir()
    path = export_article_html(renderer, article, tmp_path / "out" / "page.html", library=store)

    tree = lxml.html.document_fromstring(path.read_text(encoding="utf-8"))
    sources = tree.xpath("//img/@src")
    assert len(sources) == 3  # the lead photo and the body's two
    assert all(src.startswith("data:image/") for src in sources)
    # The 2400-pixel original is not what the page carries: its 1200-pixel display copy is.
    inlined = base64.b64decode(sources[1].split(",", 1)[1])
    with Image.open(io.BytesIO(inlined)) as image:
        assert image.size == (1200, 800)
    assert inlined == store.display_image(big.sha256)[0]
    assert base64.b64decode(sources[2].split(",", 1)[1]) == store.image_data(small.sha256)[0]
    assert tree.xpath("//figcaption")[1].text_content() == f"{KOREAN_CAPTION} 사진=연합뉴스"
    # A social card cannot point into the file itself: no og:image, and no fourth copy.
    assert tree.xpath("//meta[@property='og:image']") == []
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["page.html"]


def test_a_photo_missing_from_the_store_is_a_placeholder_and_a_warning(
    store: Store, renderer: Renderer, tmp_path: Path
) -> None:
    gone = "ab" * 32
    article = photo_article(store, f"![국회](asset:{gone})\n\n본문")
    warnings: list[str] = []

    export_article_html(
        renderer, article, tmp_path / "page.html", library=store, warn=warnings.append
    )

    page = (tmp_path / "page.html").read_text(encoding="utf-8")
    assert 'role="img" aria-label="Photo not found: 국회"' in page or "찾을 수 없습니다" in page
    assert warnings == [
        f"article {int(article.id)}: photo {gone[:12]}… is not in the store; "
        "a placeholder stands in for it"
    ]


# -- an edition -------------------------------------------------------------------------


def edition_articles(store: Store, big: ImageAsset, small: ImageAsset) -> list[Article]:
    return [
        photo_article(
            store, f"![]({big.uri})\n\n첫 기사", section="정치", feature_image=big.sha256
        ),
        photo_article(store, f"둘째 기사\n\n![]({big.uri})\n\n![]({small.uri})", section="경제"),
        photo_article(store, "사진 없는 기사", section="경제"),
    ]


def test_an_edition_writes_each_photo_once_and_links_it(
    store: Store, renderer: Renderer, big: ImageAsset, small: ImageAsset, tmp_path: Path
) -> None:
    out = tmp_path / "edition"

    written = export_edition(renderer, edition_articles(store, big, small), out, library=store)

    images = sorted(p.relative_to(out).as_posix() for p in (out / "images").iterdir())
    assert images == sorted([f"images/{big.sha256}.jpg", f"images/{small.sha256}.png"])
    assert [p.relative_to(out).as_posix() for p in written if "images" in p.parts] == sorted(
        images, key=lambda name: name != f"images/{big.sha256}.jpg"
    )  # each once, in the order first met
    assert (out / f"images/{big.sha256}.jpg").read_bytes() == store.display_image(big.sha256)[0]
    first = lxml.html.document_fromstring((out / "article-1.html").read_text(encoding="utf-8"))
    assert first.xpath("//img/@src") == [f"images/{big.sha256}.jpg"] * 2
    assert first.xpath("//meta[@property='og:image']/@content") == [f"images/{big.sha256}.jpg"]


def test_every_link_and_photo_of_an_edition_resolves_inside_it(
    store: Store, renderer: Renderer, big: ImageAsset, small: ImageAsset, tmp_path: Path
) -> None:
    out = tmp_path / "edition"
    export_edition(renderer, edition_articles(store, big, small), out, library=store)

    checked = photos = 0
    for html in out.glob("*.html"):
        tree = lxml.html.document_fromstring(html.read_text(encoding="utf-8"))
        targets = [
            value
            for element in tree.iter()
            for attribute in ("href", "src")
            if (value := element.get(attribute)) is not None and not urlsplit(value).scheme
        ]
        targets += tree.xpath("//meta[@property='og:image']/@content")
        for target in targets:
            relative = unquote(urlsplit(target).path)
            resolved = (out / relative).resolve()
            assert resolved.is_relative_to(out.resolve()), f"{html.name}: {target} leaves"
            assert resolved.is_file(), f"{html.name}: {target} does not resolve"
            checked += 1
            photos += relative.startswith("images/")
    assert (
        checked > 20 and photos == 5
    )  # 3 on the first page (lead, body, og:image), 2 on the second


def test_an_edition_with_photos_is_byte_identical_on_re_export_and_across_workers(
    store: Store, renderer: Renderer, big: ImageAsset, small: ImageAsset, tmp_path: Path
) -> None:
    articles = edition_articles(store, big, small)
    # Enough pages that two workers really render them (chunks of 50).
    articles += [
        photo_article(store, f"기사 {n}\n\n![]({(big if n % 2 else small).uri})", section="사회")
        for n in range(110)
    ]

    export_edition(renderer, articles, tmp_path / "one", library=store)
    export_edition(renderer, articles, tmp_path / "again", library=store)
    export_edition(renderer, articles, tmp_path / "two", library=store, workers=2)

    one = files_under(tmp_path / "one")
    assert one == files_under(tmp_path / "again") == files_under(tmp_path / "two")
    assert sum(name.startswith("images/") for name in one) == 2


# -- Markdown, Word, text ---------------------------------------------------------------


def test_markdown_writes_the_originals_beside_and_points_at_them(
    store: Store, renderer: Renderer, big: ImageAsset, small: ImageAsset, tmp_path: Path
) -> None:
    article = photo_article(
        store,
        f'![]({big.uri})\n\n본문\n\n![내 설명]({small.uri} "내 제목")',
        feature_image=big.sha256,
    )

    written = export_articles(
        renderer, [article], tmp_path / "md", ExportFormat.MARKDOWN, library=store
    )

    names = [p.relative_to(tmp_path / "md").as_posix() for p in written]
    assert names[0] == f"article-{int(article.id)}.md"
    assert sorted(names[1:]) == sorted([f"images/{big.sha256}.jpg", f"images/{small.sha256}.png"])
    # The original, not the display copy: a site generator makes its own sizes.
    original = tmp_path / "md" / f"images/{big.sha256}.jpg"
    assert original.read_bytes() == store.image_data(big.sha256)[0]
    text = written[0].read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    assert f'![본회의장 전경](images/{big.sha256}.jpg "{KOREAN_CAPTION}")' in body
    assert f'![내 설명](images/{small.sha256}.png "내 제목")' in body
    assert "asset:" not in text
    meta = yaml.safe_load(front)
    assert meta["image"] == f"images/{big.sha256}.jpg" and meta["images"] == [meta["image"]]
    assert {"file": f"images/{big.sha256}.jpg", "alt": "본회의장 전경",
            "caption": KOREAN_CAPTION, "credit": "사진=연합뉴스"} in meta["photos"]  # fmt: skip


def test_markdown_export_then_import_brings_the_photos_back(
    store: Store, renderer: Renderer, big: ImageAsset, tmp_path: Path
) -> None:
    article = photo_article(store, f"본문\n\n![]({big.uri})", feature_image=big.sha256)
    [md, _] = export_articles(
        renderer, [article], tmp_path / "md", ExportFormat.MARKDOWN, library=store
    )
    other = Store.open(tmp_path / "other.sqlite3")
    try:
        imported = other.import_article(read_article(md))
        assert imported.content.feature_image == big.sha256
        assert f"asset:{big.sha256}" in imported.content.body
        # The same bytes and the same words; only the time it was stored differs.
        assert replace(other.image(big.sha256), created_at=big.created_at) == big
        assert other.image_data(big.sha256) == store.image_data(big.sha256)
    finally:
        other.close()


def test_word_embeds_each_photo_a_column_wide_at_most_with_its_caption_below(
    store: Store, renderer: Renderer, big: ImageAsset, small: ImageAsset, tmp_path: Path
) -> None:
    article = photo_article(store, f"앞 문단\n\n![]({big.uri})\n\n![]({small.uri})\n\n뒤 문단")

    path = export_article(renderer, article, tmp_path / "a.docx", ExportFormat.DOCX, library=store)

    document = docx.Document(str(path))
    shapes = document.inline_shapes
    assert len(shapes) == 2
    column = document.sections[0].page_width - document.sections[0].left_margin * 2
    assert shapes[0].width == column  # the wide photo is capped at the text column
    assert shapes[1].width == 64 * 914400 // 96  # a small one keeps its size
    assert abs(shapes[0].height / shapes[0].width - 1600 / 2400) < 0.001
    assert shapes[0]._inline.docPr.get("descr") == "본회의장 전경"
    texts = [(p.style.name, p.text) for p in document.paragraphs]
    picture = next(i for i, p in enumerate(document.paragraphs) if p._p.xpath(".//w:drawing"))
    assert texts[picture + 1] == ("Caption", f"{KOREAN_CAPTION} 사진=연합뉴스")
    package = {part.partname: part.blob for part in document.part.package.iter_parts()}
    assert store.display_image(big.sha256)[0] in package.values()


def test_word_round_trip_brings_the_photo_back_with_alt_and_caption(
    store: Store, renderer: Renderer, small: ImageAsset, tmp_path: Path
) -> None:
    article = photo_article(store, f"앞 문단\n\n![]({small.uri})\n\n뒤 문단")
    path = export_article(renderer, article, tmp_path / "a.docx", ExportFormat.DOCX, library=store)

    imported = read_article(path)

    [photo] = imported.photos
    assert photo.facts.sha256 == small.sha256  # small enough to travel unchanged
    assert (photo.alt, photo.caption) == ("작은 그림", "작은 캡션")
    assert f"asset:{small.sha256}" in imported.content.body
    assert "작은 캡션" not in imported.content.body  # the caption went to the photo


def test_word_gets_a_webp_photo_as_png(store: Store, renderer: Renderer, tmp_path: Path) -> None:
    webp = store.add_image(image_bytes("WEBP", (80, 60)), alt="웹피")
    article = photo_article(store, f"![]({webp.uri})")

    path = export_article(renderer, article, tmp_path / "a.docx", ExportFormat.DOCX, library=store)

    [shape] = docx.Document(str(path)).inline_shapes
    assert shape._inline.docPr.get("descr") == "웹피"
    with Image.open(io.BytesIO(docx.Document(str(path)).part.related_parts[
        shape._inline.graphic.graphicData.pic.blipFill.blip.embed
    ].blob)) as image:  # fmt: skip
        assert image.format == "PNG"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (Language.KO, f"[사진: {KOREAN_CAPTION} (사진=연합뉴스)]"),
        (Language.EN, f"[Photo: {KOREAN_CAPTION} (사진=연합뉴스)]"),
    ],
)
def test_plain_text_prints_each_photo_as_a_line(
    store: Store, renderer: Renderer, big: ImageAsset, small: ImageAsset, tmp_path: Path,
    language: Language, expected: str,
) -> None:  # fmt: skip
    article = photo_article(
        store, f"앞 문단\n\n![]({big.uri})\n\n![]({small.uri})\n\n뒤 문단", language=language
    )

    path = export_article(renderer, article, tmp_path / "a.txt", ExportFormat.TEXT, library=store)

    paragraphs = path.read_text(encoding="utf-8").split("\n\n")
    label = "사진" if language is Language.KO else "Photo"
    assert paragraphs[1:5] == ["앞 문단", expected, f"[{label}: 작은 캡션]", "뒤 문단"]


# -- the command line -------------------------------------------------------------------


def test_cli_export_warns_about_photos_without_alt_text_and_still_exports(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "cli.sqlite3"
    store = Store.open(db)
    bare = store.add_image(image_bytes("PNG", color="red"))
    described = store.add_image(image_bytes("PNG", color="blue"), alt="설명")
    article = store.create_article(
        ArticleContent(headline="기사", body=f"![]({bare.uri})\n\n![]({described.uri})",
                       status=Status.PUBLISHED)
    )  # fmt: skip
    store.close()

    status = cli.main(["--db", str(db), "export", "--all", "--out", str(tmp_path / "out")])

    out, err = capsys.readouterr()
    assert status == 0
    assert err == (
        f"deskeditor: warning: article {int(article.id)}: photo {bare.sha256[:12]}… "
        "has no alt text\n"
    )
    assert out.splitlines() == [str(tmp_path / "out" / f"article-{int(article.id)}.html")]
    assert (
        "data:image/png;base64,"
        in (tmp_path / "out" / f"article-{int(article.id)}.html").read_text()
    )


def test_cli_markdown_export_prints_the_photo_files_too(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "cli.sqlite3"
    store = Store.open(db)
    photo = store.add_image(image_bytes("JPEG"), alt="설명")
    store.create_article(ArticleContent(headline="기사", body=f"![]({photo.uri})"))
    store.close()

    status = cli.main(
        ["--db", str(db), "export", "--all", "--format", "md", "--out", str(tmp_path / "o")]
    )

    out, err = capsys.readouterr()
    assert (status, err) == (0, "")
    assert [Path(line).relative_to(tmp_path / "o").as_posix() for line in out.splitlines()] == [
        "article-1.md",
        f"images/{photo.sha256}.jpg",
    ]


def test_a_long_export_inlines_the_right_photo_in_every_page(
    store: Store, renderer: Renderer, tmp_path: Path
) -> None:
    # More photos than the export keeps in memory at once: each page still gets its own.
    photos = [store.add_image(image_bytes("PNG", (8, 8), f"#{n:02x}0000")) for n in range(40)]
    articles = [photo_article(store, f"![]({photo.uri})") for photo in photos]

    written = export_articles(renderer, articles, tmp_path / "out", library=store)

    for path, photo in zip(written, photos, strict=True):
        [src] = lxml.html.parse(str(path)).xpath("//img/@src")
        assert base64.b64decode(src.split(",", 1)[1]) == store.image_data(photo.sha256)[0]
