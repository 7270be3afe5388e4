"""Marked runs tidied as HTML shows them: whitespace collapsed and kept out of marks' edges."""

from __future__ import annotations

import re
from collections.abc import Sequence

from deskeditor.core.markdownblocks import LINE_BREAK, PLAIN, Marks, Run

_ASCII_WS = re.compile(r"[ \t\n\r\f]+")
# Anything in a run's text that makes tidy_runs do more than copy the runs.
_UNTIDY = re.compile(r"  |[\t\n\r\f\u2028]")


def tidy_runs(runs: Sequence[Run]) -> list[Run]:
    """Runs with whitespace collapsed as HTML shows it and each hard break a run of its own."""
    if _already_tidy(runs):
        return list(runs)
    out: list[Run] = []
    for text, marks in runs:
        parts = text.split(LINE_BREAK) if LINE_BREAK in text else [text]
        for n, part in enumerate(parts):
            if n:
                out.append((LINE_BREAK, marks))
            if not part:
                continue
            if out and out[-1][1] == marks and out[-1][0] != LINE_BREAK:
                out[-1] = (out[-1][0] + part, marks)  # however the runs were cut, one span
            else:
                out.append((part, marks))
    for n, (text, marks) in enumerate(out):
        # The checks in C are much cheaper than the regular expression on every run.
        if "  " in text or "\t" in text or "\n" in text or "\r" in text or "\f" in text:
            out[n] = (_ASCII_WS.sub(" ", text), marks)
    if _is_tidy(out):
        return out
    while True:
        tidied = _tidy_once(out)
        if tidied == out:
            return tidied
        out = tidied


def _already_tidy(runs: Sequence[Run]) -> bool:
    """The usual line, told in one pass: nothing below would change it.

    That is: no empty run, no hard break, no whitespace to collapse, neighbours with
    different marks, no space at the line's edges or doubled across two runs, and no
    whitespace at the edges of a marked run (_is_tidy's conditions, and the merging
    and collapsing tidy_runs does first).
    """
    previous: Marks | None = None
    space_before = True  # a space at the start of the line is as bad as a doubled one
    for text, marks in runs:
        if (
            not text
            or marks == previous
            or (space_before and text[0] == " ")
            or _UNTIDY.search(text)
            or (marks != PLAIN and not marks.image and (text[0].isspace() or text[-1].isspace()))
        ):
            return False
        previous = marks
        space_before = text[-1] == " "
    return previous is not None and not space_before


def _is_tidy(line: list[Run]) -> bool:
    """The common case, checked quickly: nothing for _tidy_once to change."""
    if not line or line[0][0][0] == " " or line[-1][0][-1] == " ":
        return not line
    previous: Marks | None = None
    for text, marks in line:
        if marks is previous or marks == previous or text == LINE_BREAK:
            return False
        if marks != PLAIN and not marks.image and (text[0].isspace() or text[-1].isspace()):
            return False
        previous = marks
    return all(a[0][-1] != " " or b[0][0] != " " for a, b in zip(line, line[1:], strict=False))


def _tidy_once(line: list[Run]) -> list[Run]:
    """Move whitespace out of the edges of marked spans, merge equal runs, collapse spaces."""
    pieces: list[Run] = []
    count = len(line)
    for n, (text, marks) in enumerate(line):
        if (marks == PLAIN or marks.image) and text != LINE_BREAK:
            pieces.append((text, marks))
            continue
        before = line[n - 1][1] if n else PLAIN
        after = line[n + 1][1] if n + 1 < count else PLAIN
        core = text.strip()
        if text == LINE_BREAK or not core:
            pieces.append((text, _common(marks, _common(before, after))))
            continue
        head = text[: len(text) - len(text.lstrip())]
        tail = text[len(text.rstrip()) :]
        if head:
            pieces.append((head, _common(marks, before)))
        pieces.append((core, marks))
        if tail:
            pieces.append((tail, _common(marks, after)))
    merged: list[Run] = []
    for text, marks in pieces:
        if merged and text.startswith(" ") and merged[-1][0][-1] in (" ", LINE_BREAK):
            text = text[1:]  # collapsed, or at the start of a line
        if text == LINE_BREAK and merged and merged[-1][0].endswith(" "):
            merged[-1] = (merged[-1][0].rstrip(" "), merged[-1][1])  # invisible before <br>
            if not merged[-1][0]:
                merged.pop()
        if merged and merged[-1][1] == marks and LINE_BREAK not in (text, merged[-1][0]):
            text = merged.pop()[0] + text
        if text:
            merged.append((text, marks))
    if merged:
        merged[0] = (merged[0][0].lstrip(" "), merged[0][1])
        merged[-1] = (merged[-1][0].rstrip(" "), merged[-1][1])
    return [run for run in merged if run[0]]


def _common(marks: Marks, other: Marks) -> Marks:
    """The marks a piece of whitespace keeps: only those that continue into the neighbour."""
    same_link = marks.href == other.href and marks.title == other.title
    return Marks(
        bold=marks.bold and other.bold,
        italic=marks.italic and other.italic,
        strike=marks.strike and other.strike,
        href=marks.href if same_link else None,
        title=marks.title if same_link else "",
        underline=marks.underline and other.underline,
        sub=marks.sub and other.sub,
        sup=marks.sup and other.sup,
    )
