"""The command line as a shell sees it: exit codes, streams, encodings, no Qt."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
GOOD = [FIXTURES / "front_matter_ko.md", FIXTURES / "title_alias.md"]


def run_process(
    *argv: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run `python -m deskeditor`: exit codes, streams and encodings as a shell sees them."""
    return subprocess.run(
        [sys.executable, "-m", "deskeditor", *argv],
        capture_output=True,
        env={**os.environ, **(env or {})},
        timeout=120,
        check=False,
    )


@pytest.mark.slow
def test_version_in_a_process() -> None:
    result = run_process("--version")
    assert (result.returncode, result.stdout, result.stderr) == (0, b"deskeditor 0.1.0\n", b"")


@pytest.mark.slow
def test_failures_in_a_process_are_one_line_without_traceback(tmp_path: Path) -> None:
    db = str(tmp_path / "s.sqlite3")
    missing = tmp_path / "없는 파일.md"

    imported = run_process("import", str(GOOD[1]), str(missing), "--db", db)
    unknown = run_process("--db", db, "show", "99")

    assert imported.returncode == 1
    assert imported.stdout.strip().isdigit()
    assert imported.stderr.decode().splitlines() == [
        f"deskeditor: error: Cannot import {missing}: No such file or directory."
    ]
    assert unknown.returncode == 1
    assert unknown.stderr == b"deskeditor: error: There is no article with id 99.\n"


@pytest.mark.slow
def test_not_a_store_in_a_process(tmp_path: Path) -> None:
    notes = tmp_path / "notes.sqlite3"
    original = b"SQLite format 3\x00" + b"\x00garbage" * 300  # an SQLite header, corrupt inside
    notes.write_bytes(original)

    result = run_process("--db", str(notes), "list")

    assert result.returncode == 1
    lines = result.stderr.decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith("deskeditor: error: ")
    assert b"Traceback" not in result.stderr
    assert notes.read_bytes() == original


@pytest.mark.slow
def test_usage_error_in_a_process_exits_2() -> None:
    result = run_process("show", "not-a-number")
    assert result.returncode == 2
    assert b"invalid int value" in result.stderr


@pytest.mark.slow
def test_output_is_utf8_whatever_the_locale(tmp_path: Path) -> None:
    db = str(tmp_path / "s.sqlite3")
    # An ASCII-only stdout would fail on Hangul unless the CLI switches it to UTF-8.
    ascii_env = {"PYTHONIOENCODING": "ascii", "LC_ALL": "C", "DESKEDITOR_DB": db}
    imported = run_process("import", str(GOOD[0]), env=ascii_env)
    assert imported.returncode == 0, imported.stderr

    shown = run_process("show", imported.stdout.decode().strip(), "--json", env=ascii_env)
    listed = run_process("list", env=ascii_env)

    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout.decode("utf-8"))["headline"] == "반도체 수출 석 달 만에 반등"
    assert "반도체 수출 석 달 만에 반등" in listed.stdout.decode("utf-8")


@pytest.mark.slow
def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    db = str(tmp_path / "s.sqlite3")
    assert run_process("--db", db, "import", *map(str, GOOD)).returncode == 0
    read_end, write_end = os.pipe()
    os.close(read_end)  # like `deskeditor list | head -0`: the reader is gone before we write
    try:
        result = subprocess.run(
            [sys.executable, "-m", "deskeditor", "--db", db, "list", "--json"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            timeout=120,
            check=False,
        )
    finally:
        os.close(write_end)

    assert result.returncode == 1
    assert result.stderr == b""


@pytest.mark.slow
def test_headless_commands_never_load_qt(tmp_path: Path) -> None:
    code = (
        "import sys; from deskeditor import cli; "
        f"status = cli.main(['--db', {str(tmp_path / 's.sqlite3')!r}, 'list']); "
        "qt = ('PySide6', 'deskeditor.ui', 'deskeditor.app'); "
        "print(status, sorted(m for m in sys.modules if m.startswith(qt)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.stdout == "0 []\n", result.stderr


@pytest.mark.slow
def test_trash_and_history_exit_codes_in_a_process(tmp_path: Path) -> None:
    env = {"DESKEDITOR_DB": str(tmp_path / "s.sqlite3")}
    imported = run_process("import", str(GOOD[0]), env=env)
    article_id = imported.stdout.decode().strip()

    deleted = run_process("delete", article_id, env=env)
    refused = run_process("empty-trash", env=env)
    unknown_revision = run_process("revert", article_id, "--to", "99", env=env)
    emptied = run_process("empty-trash", "--yes", env=env)
    gone = run_process("restore", article_id, env=env)

    assert (deleted.returncode, deleted.stdout) == (
        0,
        f"moved article {article_id} to the Trash\n".encode(),
    )
    assert refused.returncode == 2
    assert b"cannot be undone" in refused.stderr
    assert unknown_revision.returncode == 1
    assert unknown_revision.stderr.decode().splitlines() == [
        f"deskeditor: error: Article {article_id} has no revision with id 99."
    ]
    assert (emptied.returncode, emptied.stdout) == (
        0,
        b"removed 1 article from the Trash for good\n",
    )
    assert gone.returncode == 1
    assert gone.stderr == f"deskeditor: error: There is no article with id {article_id}.\n".encode()
    for result in (refused, unknown_revision, gone):
        assert b"Traceback" not in result.stderr


@pytest.mark.slow
def test_search_in_a_process_whatever_the_locale(tmp_path: Path) -> None:
    ascii_env = {
        "PYTHONIOENCODING": "ascii",
        "LC_ALL": "C",
        "DESKEDITOR_DB": str(tmp_path / "s.sqlite3"),
    }
    assert run_process("import", *map(str, GOOD), env=ascii_env).returncode == 0

    korean = run_process("search", "반도체", "--json", env=ascii_env)
    english = run_process("search", "BUDGET", env=ascii_env)
    nothing = run_process("search", "--", "-?!", env=ascii_env)

    assert korean.returncode == 0, korean.stderr
    [hit] = json.loads(korean.stdout.decode("utf-8"))
    assert hit["headline"] == "반도체 수출 석 달 만에 반등"
    assert english.returncode == 0, english.stderr
    assert "Budget talks resume" in english.stdout.decode("utf-8")
    assert nothing.returncode == 2
    assert b"give at least one word to search for" in nothing.stderr
