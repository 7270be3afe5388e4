"""`deskeditor export`: formats, editions, sections, and the usage rules, in-process."""

from __future__ import annotations

from pathlib import Path

import pytest

from deskeditor import cli
from deskeditor.core.models import ArticleContent, Status
from deskeditor.core.store import Store


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "s.sqlite3")
    store = Store.open(path)
    try:
        for index, section in enumerate(["정치", "경제", "정치"], start=1):
            store.create_article(
                ArticleContent(
                    headline=f"기사 {index}",
                    section=section,
                    body=f"본문 **{index}**",
                    byline="홍길동 기자",
                    status=Status.PUBLISHED,
                )
            )
        deleted = store.create_article(ArticleContent(headline="지운 기사", section="정치"))
        store.delete_article(deleted.id)
    finally:
        store.close()
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = cli.main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize("fmt", ["html", "md", "docx", "txt"])
def test_export_all_in_each_format(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path, fmt: str
) -> None:
    out_dir = tmp_path / "out"
    status, out, err = run(
        capsys, "--db", db, "export", "--all", "--out", str(out_dir), "--format", fmt
    )
    assert (status, err) == (0, "")
    assert sorted(Path(line).name for line in out.splitlines()) == [
        f"article-{i}.{fmt}" for i in (1, 2, 3)
    ]
    assert sorted(p.name for p in out_dir.iterdir()) == [f"article-{i}.{fmt}" for i in (1, 2, 3)]


def test_export_one_section_as_text(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    status, out, _ = run(
        capsys, "--db", db, "export", "--section", "정치", "--out", str(tmp_path), "--format", "txt"
    )
    assert status == 0
    assert sorted(Path(line).name for line in out.splitlines()) == [
        "article-1.txt",
        "article-3.txt",
    ]
    assert (tmp_path / "article-1.txt").read_text(
        encoding="utf-8"
    ) == "기사 1\n\n본문 1\n\n홍길동 기자\n"


def test_export_edition_of_every_live_article(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    out_dir = tmp_path / "edition"
    status, out, err = run(
        capsys, "--db", db, "export", "--edition", "--out", str(out_dir), "--title", "오늘"
    )
    assert (status, err) == (0, "")
    assert out.splitlines() == [str(out_dir / "index.html")]
    names = sorted(p.name for p in out_dir.iterdir())
    assert names == [
        "article-1.html",
        "article-2.html",
        "article-3.html",
        "index.html",
        "section-economy.html",
        "section-politics.html",
        "style.css",
    ]
    front = (out_dir / "index.html").read_text(encoding="utf-8")
    assert "<title>오늘</title>" in front and "지운 기사" not in front


def test_export_edition_of_one_section_or_chosen_ids(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    status, _, _ = run(
        capsys, "--db", db, "export", "--edition", "--section", "경제", "--out", str(tmp_path / "a")
    )
    assert status == 0
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == [
        "article-2.html",
        "index.html",
        "section-economy.html",
        "style.css",
    ]
    status, _, _ = run(
        capsys, "--db", db, "export", "--edition", "1", "2", "--out", str(tmp_path / "b")
    )
    assert status == 0
    assert {"article-1.html", "article-2.html"} <= {p.name for p in (tmp_path / "b").iterdir()}
    assert not (tmp_path / "b" / "article-3.html").exists()


def test_edition_with_an_unknown_id_writes_nothing(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    status, _, err = run(
        capsys, "--db", db, "export", "--edition", "1", "99", "--out", str(tmp_path / "x")
    )
    assert status == 1
    assert "There is no article with id 99." in err
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "--out", "x"],
        ["export", "1", "--all", "--out", "x"],
        ["export", "--edition", "--format", "md", "--out", "x"],
        ["export", "--edition", "1", "--all", "--out", "x"],
        ["export", "1", "--section", "정치", "--out", "x"],
        ["export", "--all", "--title", "오늘", "--out", "x"],
        ["export", "--all", "--format", "pdf", "--out", "x"],
        ["export", "--edition"],
    ],
)
def test_usage_errors_exit_2_and_open_no_store(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str]
) -> None:
    db = tmp_path / "never.sqlite3"
    status, out, err = run(capsys, "--db", str(db), *argv)
    assert status == 2
    assert out == ""
    assert "deskeditor export" in err and "error:" in err
    assert not db.exists()
