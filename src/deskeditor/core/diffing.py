"""Readable diffs of article text: by paragraph, then by word, then by character in Korean words."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from difflib import SequenceMatcher
from enum import StrEnum
from typing import NamedTuple

from deskeditor.core.models import ArticleContent

# Hangul syllables and jamo: words in these scripts carry particles and endings, so a
# changed particle (데이터센터를 → 데이터센터가) is shown inside the word.
_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\ud7b0-\ud7ff]")
_TOKEN = re.compile(r"\s+|\S+")

RELATED_RATIO = 0.5
"""Two changed Korean words whose characters match at least this much (difflib's ratio)
are shown with a character diff; below it, as a whole word out and a word in."""

MAX_ALIGN_CELLS = 40_000
"""Largest replaced block (old words × new words) paired word by word; beyond it the
block is shown as a deletion and an insertion, which is what a rewrite is anyway."""


class DiffOp(StrEnum):
    """What happened to a piece of text between the old and the new version."""

    EQUAL = "equal"
    DELETE = "delete"
    INSERT = "insert"


DIFF_FIELDS: tuple[str, ...] = (
    "headline",
    "subhead",
    "byline",
    "section",
    "status",
    "tags",
    "slug",
    "summary",
    "language",
    "target_length",
    "editor_note",
    "feature_image",
    "body",
)
"""The fields of ArticleContent a history diff compares, in the order it shows them."""
WHOLE_VALUE_FIELDS = frozenset(
    {"section", "status", "slug", "language", "target_length", "feature_image"}
)
"""Values, not prose: shown as the old one out and the new one in."""


class Segment(NamedTuple):
    """A run of text with one operation; the segments in order spell both versions."""

    op: DiffOp
    text: str


Describe = Callable[[str, object], str | None]


class FieldDiff(NamedTuple):
    """One changed field of an article and how it changed."""

    field: str
    """The ArticleContent attribute name (headline, body, ...)."""
    segments: list[Segment]


def diff_text(old: str, new: str) -> list[Segment]:
    """The changes from old to new, as merged segments.

    Paragraphs (lines) are matched first, so an edit in one paragraph never pairs
    words across the document; changed paragraphs are compared word by word, and
    changed Korean words that share most of their characters character by character.
    """
    if old == new:
        return merge([Segment(DiffOp.EQUAL, old)])
    segments: list[Segment] = []
    old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
    # Blank lines are everywhere in Markdown; as junk they extend a match but never anchor
    # one, which keeps the matcher from comparing every blank line with every other.
    matcher = SequenceMatcher(_is_blank, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        before, after = "".join(old_lines[i1:i2]), "".join(new_lines[j1:j2])
        if tag == "equal":
            segments.append(Segment(DiffOp.EQUAL, before))
        elif tag == "delete":
            segments.append(Segment(DiffOp.DELETE, before))
        elif tag == "insert":
            segments.append(Segment(DiffOp.INSERT, after))
        else:
            segments.extend(diff_words(before, after))
    return merge(segments)


def diff_content(
    old: ArticleContent, new: ArticleContent, describe: Describe | None = None
) -> list[FieldDiff]:
    """The fields that differ between two versions of an article, each with its diff.

    describe(field, value) may word a value for people (a status's name, say); when it
    gives None, the value is shown as stored.
    """
    diffs: list[FieldDiff] = []
    for name in DIFF_FIELDS:
        before, after = getattr(old, name), getattr(new, name)
        if before != after:
            texts = (_field_text(name, before, describe), _field_text(name, after, describe))
            if name in WHOLE_VALUE_FIELDS:
                segments = merge(
                    [Segment(DiffOp.DELETE, texts[0]), Segment(DiffOp.INSERT, texts[1])]
                )
            else:
                segments = diff_text(*texts)
            diffs.append(FieldDiff(name, segments))
    return diffs


def _field_text(name: str, value: object, describe: Describe | None) -> str:
    described = describe(name, value) if describe is not None else None
    if described is not None:
        return described
    if isinstance(value, tuple):
        return ", ".join(map(str, value))
    return "" if value is None else str(value)


def diff_words(old: str, new: str) -> list[Segment]:
    """Word-level diff of two short texts (white space runs are tokens of their own)."""
    old_tokens, new_tokens = _TOKEN.findall(old), _TOKEN.findall(new)
    # Spaces only extend matches (the same reason as blank lines above); difflib's own
    # popularity heuristic is off, as it would also drop common words like 있다.
    matcher = SequenceMatcher(_is_blank, old_tokens, new_tokens, autojunk=False)
    segments: list[Segment] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            segments.append(Segment(DiffOp.EQUAL, "".join(old_tokens[i1:i2])))
        elif tag == "delete":
            segments.append(Segment(DiffOp.DELETE, "".join(old_tokens[i1:i2])))
        elif tag == "insert":
            segments.append(Segment(DiffOp.INSERT, "".join(new_tokens[j1:j2])))
        else:
            segments.extend(_replace_block(old_tokens[i1:i2], new_tokens[j1:j2]))
    return merge(segments)


def diff_chars(old: str, new: str) -> list[Segment]:
    """Character-level diff (used inside one word)."""
    segments: list[Segment] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            segments.append(Segment(DiffOp.EQUAL, old[i1:i2]))
            continue
        if i2 > i1:
            segments.append(Segment(DiffOp.DELETE, old[i1:i2]))
        if j2 > j1:
            segments.append(Segment(DiffOp.INSERT, new[j1:j2]))
    return segments


def merge(segments: Iterable[Segment]) -> list[Segment]:
    """Join neighbours with the same operation and drop empty runs."""
    merged: list[Segment] = []
    for segment in segments:
        if not segment.text:
            continue
        if merged and merged[-1].op is segment.op:
            merged[-1] = Segment(segment.op, merged[-1].text + segment.text)
        else:
            merged.append(segment)
    return merged


def old_text(segments: Iterable[Segment]) -> str:
    """The old version spelled by a diff."""
    return "".join(text for op, text in segments if op is not DiffOp.INSERT)


def new_text(segments: Iterable[Segment]) -> str:
    """The new version spelled by a diff."""
    return "".join(text for op, text in segments if op is not DiffOp.DELETE)


def _is_blank(text: str) -> bool:
    return not text.strip()


def _related(old: str, new: str) -> float:
    """How alike two changed Korean words are (0 when a character diff would not help)."""
    if old == new:
        return 1.0
    if not (_HANGUL.search(old) and _HANGUL.search(new)):
        return 0.0  # English words change as wholes; a letter diff inside them distracts
    ratio = SequenceMatcher(None, old, new, autojunk=False).ratio()
    return ratio if ratio >= RELATED_RATIO else 0.0


def _replace_block(old: Sequence[str], new: Sequence[str]) -> list[Segment]:
    """Pair the words of a replaced run so that related Korean words get a character diff.

    An alignment in the manner of Needleman-Wunsch that maximises the summed likeness
    of the paired words; unpaired words are deleted or inserted in place.
    """
    if len(old) * len(new) > MAX_ALIGN_CELLS:
        return [Segment(DiffOp.DELETE, "".join(old)), Segment(DiffOp.INSERT, "".join(new))]
    rows, cols = len(old), len(new)
    likeness = [[_related(a, b) for b in new] for a in old]
    # best[i][j]: the best score aligning old[i:] with new[j:].
    best = [[0.0] * (cols + 1) for _ in range(rows + 1)]
    for i in range(rows - 1, -1, -1):
        for j in range(cols - 1, -1, -1):
            paired = likeness[i][j] + best[i + 1][j + 1] if likeness[i][j] else -1.0
            best[i][j] = max(paired, best[i + 1][j], best[i][j + 1])
    segments: list[Segment] = []
    deleted: list[str] = []
    inserted: list[str] = []

    def flush() -> None:
        # Deletions read before insertions, as in every diff a desk has seen.
        segments.append(Segment(DiffOp.DELETE, "".join(deleted)))
        segments.append(Segment(DiffOp.INSERT, "".join(inserted)))
        deleted.clear()
        inserted.clear()

    i = j = 0
    while i < rows or j < cols:
        pairs = i < rows and j < cols and likeness[i][j] > 0
        if pairs and best[i][j] == likeness[i][j] + best[i + 1][j + 1]:
            flush()
            segments.extend(diff_chars(old[i], new[j]))
            i, j = i + 1, j + 1
            continue
        if i < rows and (j == cols or best[i][j] == best[i + 1][j]):
            deleted.append(old[i])
            i += 1
        else:
            inserted.append(new[j])
            j += 1
    flush()
    return segments
