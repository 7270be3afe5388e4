"""deskeditor vacuum: unused photos go, used ones stay."""

from __future__ import annotations

from pathlib import Path

import pytest

from deskeditor.cli import main
from deskeditor.core.models import ArticleContent
from deskeditor.core.store import Store

from imagefactory import image_bytes


def test_vacuum_removes_only_unused_photos(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "store.sqlite3"
    store = Store.open(db)
    used = store.add_image(image_bytes("JPEG", color="red"))
    unused = store.add_image(image_bytes("JPEG", color="blue"))
    store.create_article(ArticleContent(body=f"![사진]({used.uri})"))
    store.close()

    assert main(["vacuum", "--db", str(db)]) == 0
    assert "removed 1 unused photo" in capsys.readouterr().out

    store = Store.open(db)
    try:
        assert store.image(used.sha256).sha256 == used.sha256
        with pytest.raises(Exception, match="no image"):
            store.image(unused.sha256)
    finally:
        store.close()
