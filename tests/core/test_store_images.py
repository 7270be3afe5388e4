"""Photos in the store: stored once, described, scaled once, and cleaned up safely."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from deskeditor.core.images import ImageError
from deskeditor.core.models import ArticleContent
from deskeditor.core.store import Store

from imagefactory import image_bytes


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "store.sqlite3")
    yield opened
    opened.close()


def count(store: Store, table: str) -> int:
    with store.engine.connect() as connection:
        return int(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


def test_the_same_photo_added_twice_is_stored_once(store: Store) -> None:
    data = image_bytes("JPEG", (200, 100))
    first = store.add_image(data, caption="국회 본회의장", credit="사진=연합뉴스")
    second = store.add_image(data, caption="다른 설명")
    assert first.sha256 == second.sha256 == hashlib.sha256(data).hexdigest()
    assert count(store, "assets") == 1
    assert second.caption == "국회 본회의장"  # an existing caption is not overwritten
    assert store.image_data(first.sha256) == (data, "image/jpeg")


def test_words_are_edited_and_the_original_bytes_never_change(store: Store) -> None:
    data = image_bytes("PNG", (50, 50))
    asset = store.add_image(data)
    described = store.describe_image(
        asset.sha256, alt=" 의원들이 표결하는 모습 ", caption="표결", credit="Photo: Reuters"
    )
    assert (described.alt, described.caption, described.credit) == (
        "의원들이 표결하는 모습",
        "표결",
        "Photo: Reuters",
    )
    assert store.image_data(asset.sha256)[0] == data


def test_bad_image_changes_nothing(store: Store) -> None:
    with pytest.raises(ImageError, match="notes.jpg is not an image"):
        store.add_image(b"plain text pretending", name="notes.jpg")
    assert count(store, "assets") == 0


def test_display_copy_is_made_once_and_kept(store: Store) -> None:
    data = image_bytes("JPEG", (2400, 1600))
    asset = store.add_image(data)
    scaled, media_type = store.display_image(asset.sha256, 1200)
    assert media_type == "image/jpeg" and len(scaled) < len(data)
    assert count(store, "asset_displays") == 1
    assert store.display_image(asset.sha256, 1200) == (scaled, media_type)
    assert count(store, "asset_displays") == 1
    assert store.image_data(asset.sha256)[0] == data


def test_vacuum_keeps_what_articles_revisions_and_lead_photos_use(store: Store) -> None:
    in_body = store.add_image(image_bytes("JPEG", color="red"))
    in_revision = store.add_image(image_bytes("JPEG", color="blue"))
    lead = store.add_image(image_bytes("JPEG", color="green"))
    unused = store.add_image(image_bytes("PNG", color="white"))
    article = store.create_article(
        ArticleContent(body=f"![a]({in_revision.uri})", feature_image=lead.sha256)
    )
    store.save_version(article.id, "with the old photo")
    store.save_article(
        article.id, ArticleContent(body=f"![b]({in_body.uri})", feature_image=lead.sha256)
    )
    report = store.vacuum()
    assert report.removed_images == 1
    assert report.freed_bytes == unused.byte_size
    remaining = {row for row in (in_body, in_revision, lead) if store.image(row.sha256)}
    assert len(remaining) == 3
    with pytest.raises(Exception, match="no image"):
        store.image(unused.sha256)
