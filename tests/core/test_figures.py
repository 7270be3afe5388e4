"""Photos in rendered pages: figures with caption and credit, escaping, placeholders, lead photo."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import lxml.html
import pytest

from deskeditor import paths
from deskeditor.core.figures import Photos, missing_alt, store_photos
from deskeditor.core.models import Article, ArticleContent, ArticleId, ImageAsset, Language
from deskeditor.core.render import Renderer
from deskeditor.core.store import Store

from imagefactory import image_bytes

MOMENT = datetime(2026, 3, 19, 1, 35, tzinfo=UTC)
HOSTILE = "</figcaption><script>alert(1)</script><img src=x onerror=alert(2)>\"'&"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "store.sqlite3")
    yield opened
    opened.close()


@pytest.fixture
def renderer() -> Renderer:
    return Renderer(paths.templates_dir(), paths.css_dir())


def preview_photos(store: Store) -> Photos:
    return store_photos(store, lambda asset: f"deskeditor://asset/{asset.sha256}")


def article(body: str, **fields: object) -> Article:
    content = ArticleContent(headline="국회 본회의", body=body, **fields)  # type: ignore[arg-type]
    return Article(ArticleId(7), content, created_at=MOMENT, updated_at=MOMENT)


def fragment(html: str) -> lxml.html.HtmlElement:
    return lxml.html.fragment_fromstring(html, create_parent="div")


def test_a_photo_alone_in_its_paragraph_is_a_figure_with_caption_and_credit(
    store: Store, renderer: Renderer
) -> None:
    asset = store.add_image(
        image_bytes("JPEG", (2400, 1600)),
        alt="본회의장 전경",
        caption="19일 국회 본회의에서 예산안이 통과되고 있다.",
        credit="사진=연합뉴스",
    )

    html = renderer.body_html(f"앞 문단\n\n![]({asset.uri})\n\n뒤 문단", preview_photos(store))

    [figure] = fragment(html).findall("figure")
    [image] = figure.findall("img")
    assert image.get("src") == f"deskeditor://asset/{asset.sha256}"
    assert image.get("alt") == "본회의장 전경"  # the Markdown alt is empty: the store's
    # The page shows the display copy: at most 1200 wide, the photo's shape kept.
    assert (image.get("width"), image.get("height")) == ("1200", "800")
    assert image.get("loading") == "lazy"
    caption = figure.find("figcaption")
    assert caption.text_content() == "19일 국회 본회의에서 예산안이 통과되고 있다. 사진=연합뉴스"
    assert caption.find("span").get("class") == "credit"
    assert "<p><figure" not in html  # the paragraph around the photo is gone


def test_markdown_alt_wins_and_the_title_is_the_caption_only_when_the_store_has_none(
    store: Store, renderer: Renderer
) -> None:
    plain = store.add_image(image_bytes("PNG", (40, 30), "red"), alt="저장된 설명")
    captioned = store.add_image(image_bytes("PNG", (40, 30), "blue"), caption="저장된 캡션")
    body = f'![본문 설명]({plain.uri} "제목 캡션")\n\n![x]({captioned.uri} "무시되는 제목")'

    figures = fragment(renderer.body_html(body, preview_photos(store))).findall("figure")

    assert figures[0].find("img").get("alt") == "본문 설명"
    assert figures[0].find("figcaption").text_content() == "제목 캡션"
    assert figures[1].find("figcaption").text_content() == "저장된 캡션"


def test_hostile_words_in_the_store_and_the_body_stay_text(
    store: Store, renderer: Renderer
) -> None:
    asset = store.add_image(image_bytes(), alt=HOSTILE, caption=HOSTILE, credit=HOSTILE)
    body = f'![{HOSTILE.replace("]", "")}]({asset.uri} "{HOSTILE.replace(chr(34), "")}")'

    html = renderer.body_html(body, preview_photos(store))

    tree = fragment(html)
    assert tree.findall(".//script") == []
    assert len(tree.findall(".//img")) == 1
    assert not any(key.startswith("on") for img in tree.iter("img") for key in img.attrib)
    caption = tree.find(".//figcaption")
    assert caption.text_content() == f"{HOSTILE} {HOSTILE}"
    assert [child.tag for child in caption] == ["span"]


def test_a_missing_photo_is_a_visible_accessible_placeholder(
    store: Store, renderer: Renderer
) -> None:
    gone = "ab" * 32
    body = f"![국회 전경](asset:{gone})\n\n문단 안의 ![작은 사진](asset:{gone}) 사진"

    html = renderer.body_html(body, preview_photos(store), language=Language.KO)

    tree = fragment(html)
    assert tree.findall(".//img") == []
    figure = tree.find("figure")
    assert figure.get("class") == "photo photo-missing"
    placeholder = figure.find("span")
    assert placeholder.get("role") == "img"
    assert placeholder.get("aria-label") == "사진을 찾을 수 없습니다: 국회 전경"
    assert placeholder.text == "사진을 찾을 수 없습니다"
    inline = tree.find("p/span")
    assert inline.get("aria-label") == "사진을 찾을 수 없습니다: 작은 사진"


def test_an_image_inside_running_text_stays_inline_and_sized(
    store: Store, renderer: Renderer
) -> None:
    asset = store.add_image(image_bytes("PNG", (40, 30)), alt="아이콘")

    html = renderer.body_html(f"앞 ![]({asset.uri}) 뒤", preview_photos(store))

    assert fragment(html).findall(".//figure") == []
    [image] = fragment(html).findall(".//p/img")
    assert (image.get("alt"), image.get("width"), image.get("height")) == ("아이콘", "40", "30")


def test_a_caption_edited_in_the_store_is_shown_at_once(store: Store, renderer: Renderer) -> None:
    asset = store.add_image(image_bytes(), caption="처음 캡션")
    body = f"![]({asset.uri})"
    photos = preview_photos(store)
    assert "처음 캡션" in renderer.body_html(body, photos)

    store.describe_image(asset.sha256, alt="", caption="고친 캡션", credit="")

    # Same body, same renderer: the cache must not hand back the old figure.
    html = renderer.body_html(body, photos)
    assert "고친 캡션" in html and "처음 캡션" not in html


def test_without_photos_the_body_renders_as_before(renderer: Renderer) -> None:
    body = f"![설명](asset:{'cd' * 32})"
    assert renderer.body_html(body) == f'<p><img alt="설명" src="asset:{"cd" * 32}"></p>'


def test_the_lead_photo_heads_the_page_and_fills_the_social_cards(
    store: Store, renderer: Renderer
) -> None:
    asset = store.add_image(image_bytes("JPEG", (800, 600)), alt="대표 사진", caption="대표 캡션")
    page = renderer.article_page(
        article("본문", feature_image=asset.sha256), photos=preview_photos(store)
    )

    tree = lxml.html.document_fromstring(page)
    url = f"deskeditor://asset/{asset.sha256}"
    assert tree.xpath("//meta[@property='og:image']/@content") == [url]
    assert tree.xpath("//meta[@name='twitter:image']/@content") == [url]
    assert tree.xpath("//meta[@name='twitter:card']/@content") == ["summary_large_image"]
    [script] = tree.xpath("//script[@type='application/ld+json']")
    assert json.loads(script.text)["image"] == [url]
    # The figure sits between the header and the body, not lazy: it is the first thing seen.
    lead = tree.xpath("//article/header/following-sibling::*[1]")[0]
    assert lead.tag == "figure" and "lead-photo" in lead.get("class")
    assert lead.find("img").get("loading") == "eager"
    assert lead.find("figcaption").text_content() == "대표 캡션"


def test_a_lead_photo_given_as_an_asset_uri_and_a_missing_one(
    store: Store, renderer: Renderer
) -> None:
    asset = store.add_image(image_bytes())
    photos = preview_photos(store)

    page = renderer.article_page(article("", feature_image=asset.uri), photos=photos)
    assert "og:image" in page

    gone = renderer.article_page(article("", feature_image="ef" * 32), photos=photos)
    tree = lxml.html.document_fromstring(gone)
    assert tree.xpath("//meta[@property='og:image']") == []
    assert "image" not in json.loads(tree.xpath("//script")[0].text)
    assert tree.xpath("//figure[contains(@class, 'photo-missing')]//span[@role='img']")


def test_a_data_uri_is_never_a_social_card_url(renderer: Renderer) -> None:
    asset = ImageAsset("12" * 32, "image/png", 10, 10, 10, "대체", "", "", MOMENT)
    photos = Photos(lookup={asset.sha256: asset}.get, href=lambda _: "data:image/png;base64,AA==")

    page = renderer.article_page(article("", feature_image=asset.sha256), photos=photos)

    tree = lxml.html.document_fromstring(page)
    assert tree.xpath("//meta[@property='og:image']") == []
    assert tree.xpath("//figure/img/@src") == ["data:image/png;base64,AA=="]


def test_the_fragment_for_the_clipboard_carries_the_figures(
    store: Store, renderer: Renderer
) -> None:
    asset = store.add_image(image_bytes(), caption="캡션")
    html = renderer.article_fragment(article(f"![a]({asset.uri})"), preview_photos(store))
    assert "<figcaption>캡션</figcaption>" in html


def test_missing_alt_lists_each_photo_with_no_words_once(store: Store) -> None:
    described = store.add_image(image_bytes("PNG", color="red"), alt="저장된 설명")
    bare = store.add_image(image_bytes("PNG", color="blue"))
    bare_twice = store.add_image(image_bytes("PNG", color="green"))
    lead = store.add_image(image_bytes("PNG", color="black"))
    gone = "9f" * 32
    body = (
        f"![]({described.uri})\n\n![]({bare.uri})\n\n![]({bare_twice.uri})\n\n"
        f"![이번엔 있음]({bare_twice.uri})\n\n![]({bare.uri})\n\n![](asset:{gone})"
    )

    found = missing_alt(body, store_photos(store), feature_image=lead.sha256)

    assert [item.sha256 for item in found] == [lead.sha256, bare.sha256, gone]
    assert found[1].asset == bare and found[2].asset is None
