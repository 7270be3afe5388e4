"""The headless command line in-process: import, list, show, export, choosing the store."""

from __future__ import annotations

import json
import sqlite3
import sys
import types
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from deskeditor import cli, paths
from deskeditor.core.export import export_filename
from deskeditor.core.models import ArticleId
from deskeditor.core.render import Renderer
from deskeditor.core.store import Store

FIXTURES = Path(__file__).parent / "fixtures"
GOOD = [FIXTURES / "front_matter_ko.md", FIXTURES / "title_alias.md"]
JSON_KEYS = [
    "id",
    "headline",
    "subhead",
    "byline",
    "section",
    "tags",
    "status",
    "language",
    "created_at",
    "updated_at",
]


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "s.sqlite3")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the CLI in-process; returns (exit status, stdout, stderr)."""
    status = cli.main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def import_files(capsys: pytest.CaptureFixture[str], db: str, *files: Path) -> list[int]:
    status, out, err = run(capsys, "--db", db, "import", *map(str, files))
    assert (status, err) == (0, "")
    return [int(line) for line in out.splitlines()]


# --- import ---------------------------------------------------------------------------------


def test_import_prints_one_new_id_per_file(capsys: pytest.CaptureFixture[str], db: str) -> None:
    ids = import_files(capsys, db, *GOOD)

    assert len(ids) == 2
    store = Store.open(db)
    try:
        articles = store.articles([ArticleId(i) for i in ids])
    finally:
        store.close()
    assert [a.content.headline for a in articles] == [
        "반도체 수출 석 달 만에 반등",
        "Budget talks resume",
    ]


def test_import_front_matter_reaches_the_store(capsys: pytest.CaptureFixture[str], db: str) -> None:
    [article_id] = import_files(capsys, db, FIXTURES / "front_matter_ko.md")

    status, out, _ = run(capsys, "show", str(article_id), "--json", "--db", db)

    assert status == 0
    shown = json.loads(out)
    assert shown["subhead"] == "3월 1~20일 수출 12% 늘어…HBM이 견인"
    assert shown["byline"] == "김기자 기자"
    assert shown["section"] == "경제"
    assert shown["tags"] == ["반도체", "수출"]
    assert shown["status"] == "ready"
    assert shown["language"] == "ko"


def test_import_without_front_matter_uses_the_heading(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    [article_id] = import_files(capsys, db, FIXTURES / "no_front_matter.md")

    shown = json.loads(run(capsys, "--db", db, "show", str(article_id), "--json")[1])

    assert shown["headline"] == "서울시, 대중교통 요금 동결"
    assert "서울시, 대중교통" not in shown["body"]
    assert shown["status"] == "draft"


def test_import_title_alias_and_comma_tags(capsys: pytest.CaptureFixture[str], db: str) -> None:
    [article_id] = import_files(capsys, db, FIXTURES / "title_alias.md")

    shown = json.loads(run(capsys, "--db", db, "show", str(article_id), "--json")[1])

    assert shown["headline"] == "Budget talks resume"
    assert shown["tags"] == ["budget", "congress", "politics"]
    assert shown["language"] == "en"  # not set in the file: detected from the English text


def test_import_bom_file(capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path) -> None:
    path = tmp_path / "bom.md"
    path.write_bytes("\ufeff# 한글 제목\n\n본문".encode())

    [article_id] = import_files(capsys, db, path)

    shown = json.loads(run(capsys, "--db", db, "show", str(article_id), "--json")[1])
    assert (shown["headline"], shown["body"]) == ("한글 제목", "본문")


def test_a_bad_file_among_good_ones(capsys: pytest.CaptureFixture[str], db: str) -> None:
    bad = FIXTURES / "bad_status.md"
    files = [GOOD[0], bad, FIXTURES / "bad_yaml.md", GOOD[1]]

    status, out, err = run(capsys, "--db", db, "import", *map(str, files))

    assert status == 1
    assert len(out.splitlines()) == 2  # the good files' ids
    lines = err.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("deskeditor: error: ")
    assert str(bad) in lines[0] and "archived" in lines[0]
    assert "bad_yaml.md" in lines[1]
    listed = json.loads(run(capsys, "--db", db, "list", "--json")[1])
    assert sorted(a["headline"] for a in listed) == [
        "Budget talks resume",
        "반도체 수출 석 달 만에 반등",
    ]


# --- list and show --------------------------------------------------------------------------


def test_list_json_keys_and_timestamps(capsys: pytest.CaptureFixture[str], db: str) -> None:
    first, second = import_files(capsys, db, *GOOD)

    status, out, _ = run(capsys, "list", "--json", "--db", db)

    assert status == 0
    listed = json.loads(out)
    assert [a["id"] for a in listed] == [second, first]  # newest first
    for article in listed:
        assert list(article) == JSON_KEYS
        for key in ("created_at", "updated_at"):
            moment = datetime.fromisoformat(article[key])
            assert moment.utcoffset() == timedelta(0)
            assert article[key].endswith("+00:00")


def test_show_json_adds_the_body(capsys: pytest.CaptureFixture[str], db: str) -> None:
    [article_id] = import_files(capsys, db, GOOD[1])

    status, out, _ = run(capsys, "--db", db, "show", str(article_id), "--json")

    assert status == 0
    shown = json.loads(out)
    assert list(shown) == [*JSON_KEYS[:-2], "body", "counts", *JSON_KEYS[-2:]]
    assert shown["id"] == article_id
    assert shown["body"] == "Lawmakers met again on Thursday."
    # Korean is written as itself, not as \\u escapes.
    assert "국제" in out


def test_list_skips_deleted_articles(capsys: pytest.CaptureFixture[str], db: str) -> None:
    first, second = import_files(capsys, db, *GOOD)
    store = Store.open(db)
    store.delete_article(ArticleId(first))
    store.close()

    listed = json.loads(run(capsys, "--db", db, "list", "--json")[1])

    assert [a["id"] for a in listed] == [second]


def test_list_text_is_a_table(capsys: pytest.CaptureFixture[str], db: str) -> None:
    first, second = import_files(capsys, db, *GOOD)

    status, out, _ = run(capsys, "--db", db, "list")

    assert status == 0
    header, row_second, row_first = out.splitlines()
    assert header.split() == ["ID", "STATUS", "SECTION", "HEADLINE"]
    assert row_second.split() == [str(second), "draft", "국제", "Budget", "talks", "resume"]
    assert row_first.split()[:3] == [str(first), "ready", "경제"]
    # Columns line up on screen: the headline starts at the same display column.
    assert row_second.index("Budget") == header.index("HEADLINE") - 2  # "국제" is 2 wide chars


def test_show_text(capsys: pytest.CaptureFixture[str], db: str) -> None:
    [article_id] = import_files(capsys, db, GOOD[0])

    status, out, _ = run(capsys, "--db", db, "show", str(article_id))

    assert status == 0
    for text in ("반도체 수출 석 달 만에 반등", "HBM이 견인", "김기자 기자", "경제"):
        assert text in out
    assert out.rstrip().endswith("반등했다고 밝혔다.")
    assert "# 본문 속 제목은 그대로 둔다" in out  # the body is printed as Markdown


def test_show_unknown_id_fails(capsys: pytest.CaptureFixture[str], db: str) -> None:
    status, out, err = run(capsys, "--db", db, "show", "42")

    assert status == 1
    assert out == ""
    assert err == "deskeditor: error: There is no article with id 42.\n"


# --- choosing the store ---------------------------------------------------------------------


def test_db_before_and_after_the_command_is_the_same_store(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    [article_id] = import_files(capsys, db, GOOD[0])

    before = run(capsys, "--db", db, "list", "--json")[1]
    after = run(capsys, "list", "--json", "--db", db)[1]

    assert [a["id"] for a in json.loads(before)] == [article_id]
    assert before == after


def test_store_from_the_environment(
    capsys: pytest.CaptureFixture[str], db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DESKEDITOR_DB", db)

    status, out, _ = run(capsys, "import", str(GOOD[0]))

    assert status == 0
    store = Store.open(db)
    try:
        assert store.article_ids() == [ArticleId(int(out))]
    finally:
        store.close()
    assert not paths.default_db_path().exists()


def test_explicit_db_wins_over_the_environment(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DESKEDITOR_DB", str(tmp_path / "env.sqlite3"))
    explicit = str(tmp_path / "explicit.sqlite3")
    import_files(capsys, explicit, GOOD[0])

    assert len(json.loads(run(capsys, "--db", explicit, "list", "--json")[1])) == 1
    assert json.loads(run(capsys, "list", "--json")[1]) == []


def test_a_file_that_is_not_a_store_is_refused_and_untouched(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    notes = tmp_path / "notes.txt"
    original = "회의 메모: 이 파일은 데이터베이스가 아니다.\n".encode() * 100
    notes.write_bytes(original)

    status, out, err = run(capsys, "--db", str(notes), "list")

    assert status == 1
    assert out == ""
    assert err.startswith("deskeditor: error: ") and "not a deskeditor store" in err
    assert err.count("\n") == 1
    assert notes.read_bytes() == original


def test_a_foreign_sqlite_database_is_refused_and_untouched(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    other = tmp_path / "other.db"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE contacts (name TEXT)")
    connection.commit()
    connection.close()
    original = other.read_bytes()

    status, _, err = run(capsys, "import", str(GOOD[0]), "--db", str(other))

    assert status == 1
    assert "not a deskeditor store" in err
    assert other.read_bytes() == original


# --- export ---------------------------------------------------------------------------------


def test_export_all_writes_the_renderers_pages(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    ids = import_files(capsys, db, *GOOD)
    out_dir = tmp_path / "out" / "pages"

    status, out, err = run(capsys, "--db", db, "export", "--all", "--out", str(out_dir))

    assert (status, err) == (0, "")
    store = Store.open(db)
    try:
        articles = store.articles(store.article_ids())
    finally:
        store.close()
    assert sorted(a.id for a in articles) == sorted(ids)
    renderer = Renderer(paths.templates_dir(), paths.css_dir())
    assert out.splitlines() == [str(out_dir / export_filename(a)) for a in articles]
    for article in articles:
        page = (out_dir / export_filename(article)).read_text(encoding="utf-8")
        assert page == renderer.article_page(article)
        assert article.content.headline in page


def test_export_chosen_ids(capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path) -> None:
    first, _ = import_files(capsys, db, *GOOD)

    status, out, _ = run(
        capsys, "--db", db, "export", str(first), str(first), "--out", str(tmp_path)
    )

    assert status == 0
    [written] = out.splitlines()
    assert "반도체 수출 석 달 만에 반등" in Path(written).read_text(encoding="utf-8")


def test_export_unknown_id_writes_nothing(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    [article_id] = import_files(capsys, db, GOOD[0])
    out_dir = tmp_path / "out"

    status, _, err = run(capsys, "--db", db, "export", str(article_id), "99", "--out", str(out_dir))

    assert status == 1
    assert "There is no article with id 99." in err
    assert not out_dir.exists()


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "--out", "x"],  # neither ids nor --all
        ["export", "1", "--all", "--out", "x"],  # both
        ["export", "--all"],  # no --out
        ["show", "one"],
        ["show"],
        ["frobnicate"],
        ["list", "--bogus"],
        ["--open", "3", "list"],  # --open is for the window only
        ["search"],
        ["search", " ?! "],  # nothing to search for
        ["search", "정부", "--limit", "0"],
        ["delete"],
        ["restore", "one"],
        ["empty-trash"],  # cannot be undone: --yes is required
        ["history"],
        ["revert", "1"],  # no --to
        ["revert", "1", "--to", "latest"],
    ],
)
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], db: str, argv: list[str]) -> None:
    status, out, err = run(capsys, "--db", db, *argv)

    assert status == 2
    assert out == ""
    assert "deskeditor" in err and "error:" in err
    assert not Path(db).exists()  # a usage error opens no store


# --- the window -----------------------------------------------------------------------------


def test_no_command_starts_the_window_with_argv_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    received: list[list[str] | None] = []

    def run_window(argv: list[str] | None = None) -> int:
        received.append(argv)
        return 7

    # Stands in for deskeditor.app, which needs Qt; the CLI must hand over without parsing twice.
    fake_app = types.ModuleType("deskeditor.app")
    fake_app.main = run_window  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "deskeditor.app", fake_app)
    argv = ["--db", "x.sqlite3", "--open", "12"]

    assert cli.main(argv) == 7
    assert received == [argv]
