"""Articles for a big store drawn from pools of pre-generated pieces, their index text cached."""

from __future__ import annotations

import random
import re
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import accumulate
from operator import add

from deskeditor.core.models import SECTIONS, ArticleContent, Language, Status
from deskeditor.core.searchtext import index_text

from corpus import (
    BYLINES,
    ENGLISH_WORDS,
    KOREAN_ENDINGS,
    KOREAN_NOUNS,
    PARTICLES,
    english_sentence,
    korean_sentence,
)

START = datetime(2023, 11, 1, tzinfo=UTC)
SPAN_MINUTES = 3 * 365 * 24 * 60
KOREAN_SHARE = 0.7
WORDS = 600  # words of an article on average
PARAGRAPHS = 4096  # per language; about 18 of them make an article
HEADLINE_HALVES = 2048  # per language and half: 4 million headlines
SUBHEADS = 4096  # per language
TAG_SETS = 4096
LANGUAGES = (Language.KO, Language.EN)  # a plan's language is an index into this
STATUSES = tuple(Status)

# The premises that make a joined index text exact (see Pieces): an index token is
# lower-case ASCII letters and digits or one or two Hangul syllables, which SQLite's
# ascii and unicode61 tokenizers split and fold alike; and Markdown link syntax comes
# only as whole links with no space in the address, so index_text's removal of
# addresses never reaches across a space.
_TOKENS = re.compile(r"(?:[a-z0-9]+|[가-힣]{1,2})(?: (?:[a-z0-9]+|[가-힣]{1,2}))*")
_WHOLE_LINK = re.compile(r"\[[^\[\]()<>]*\]\([^()<>\s]*\)")
_LINK_SYNTAX = re.compile(r"[\[\]()<>]")


class _WordIndex(dict[str, bytes]):
    """index_text of each whitespace-free chunk, computed once per distinct chunk."""

    def __missing__(self, chunk: str) -> bytes:
        value = index_text(chunk).encode()
        self[chunk] = value
        return value


@dataclass(frozen=True, slots=True)
class Pieces:
    """Generated texts of one kind and language, with what the store derives from each.

    index_text never makes a token across whitespace, so the index text of texts joined
    with spaces or blank lines is their index texts joined with one space: an article's
    index text is assembled, not tokenized (tests/core/test_generate_store.py checks it).
    """

    text: tuple[str, ...]
    utf8: tuple[bytes, ...]
    index: tuple[bytes, ...]
    """index_text(text) as UTF-8."""
    chars: tuple[int, ...]
    words: tuple[int, ...]


def pieces(texts: list[str], words: _WordIndex) -> Pieces:
    """The texts with their index texts, after checking the premises of joining them."""
    indexes: list[bytes] = []
    for text in texts:
        indexed = b" ".join(filter(None, map(words.__getitem__, text.split())))
        if not _TOKENS.fullmatch(indexed.decode()) or _LINK_SYNTAX.search(
            _WHOLE_LINK.sub("", text)
        ):
            raise ValueError(f"not a poolable text (see articlepool premises): {text!r}")
        indexes.append(indexed)
    return Pieces(
        text=tuple(texts),
        utf8=tuple(text.encode() for text in texts),
        index=tuple(indexes),
        chars=tuple(map(len, texts)),
        words=tuple(len(text.split()) for text in texts),
    )


def _paragraph(rng: random.Random, korean: bool) -> str:
    sentence = korean_sentence if korean else english_sentence
    text = " ".join(sentence(rng) for _ in range(rng.randint(2, 5)))
    roll = rng.random()
    if roll < 0.06:  # a subheading stands alone as a paragraph
        return "## " + sentence(rng).rstrip(".")
    if roll < 0.16:  # a bold lead-in
        first, _, rest = text.partition(" ")
        return f"**{first}** {rest}"
    if roll < 0.19:  # a link on one word
        first, _, rest = text.partition(" ")
        return f"[{first}](https://news.example.com/{rng.randrange(10**6)}) {rest}"
    return text


def _headline_start(rng: random.Random, korean: bool) -> str:
    if korean:
        count = rng.randint(2, 3)
        return " ".join(
            map(add, rng.choices(KOREAN_NOUNS, k=count), rng.choices(PARTICLES, k=count))
        )
    return " ".join(rng.choices(ENGLISH_WORDS, k=rng.randint(3, 4))).capitalize()


def _headline_end(rng: random.Random, korean: bool) -> str:
    if korean:
        return _headline_start(rng, True) + " " + rng.choice(KOREAN_ENDINGS).rstrip(".")
    return " ".join(rng.choices(ENGLISH_WORDS, k=rng.randint(3, 4)))


def _subhead(rng: random.Random, korean: bool) -> str:
    return korean_sentence(rng) if korean else english_sentence(rng)


@dataclass(frozen=True, slots=True)
class Pool:
    """Pieces per language (index 0 Korean, 1 English) that articles are assembled from."""

    paragraphs: tuple[Pieces, Pieces]
    headline_starts: tuple[Pieces, Pieces]
    headline_ends: tuple[Pieces, Pieces]
    subheads: tuple[Pieces, Pieces]
    tag_sets: tuple[tuple[str, ...], ...]
    tag_index: tuple[bytes, ...]
    """index_text(" ".join(tags)) of each tag set, as UTF-8."""


def make_pool(seed: int = 1) -> Pool:
    """The pools, the same for the same seed."""
    rng = random.Random(seed)
    words = _WordIndex()

    def per_language(
        make: Callable[[random.Random, bool], str], count: int
    ) -> tuple[Pieces, Pieces]:
        korean = [make(rng, True) for _ in range(count)]
        english = [make(rng, False) for _ in range(count)]
        return pieces(korean, words), pieces(english, words)

    sizes = rng.choices((1, 2, 2, 2, 3), k=TAG_SETS)
    tag_sets = tuple(tuple(rng.sample(KOREAN_NOUNS, size)) for size in sizes)
    return Pool(
        paragraphs=per_language(_paragraph, PARAGRAPHS),
        headline_starts=per_language(_headline_start, HEADLINE_HALVES),
        headline_ends=per_language(_headline_end, HEADLINE_HALVES),
        subheads=per_language(_subhead, SUBHEADS),
        tag_sets=tag_sets,
        tag_index=pieces([" ".join(tags) for tags in tag_sets], words).index,
    )


PlanRow = tuple[int, int, int, int, int, int, int, int, int, tuple[int, ...]]
"""One article: language, headline start and end, subhead, byline, section, status, tag
set, minutes after START, paragraphs."""


@dataclass(frozen=True, slots=True)
class Plans:
    """Every article of a store as indices into a Pool, one list per field.

    Article n (from 1) is item n - 1 of every list; language 0 is Korean, 1 English.
    """

    language: list[int]
    headline_start: list[int]
    headline_end: list[int]
    subhead: list[int]
    byline: list[int]
    section: list[int]
    status: list[int]
    tags: list[int]
    minutes: list[int]
    """Creation time, in minutes after START."""
    paragraphs: list[tuple[int, ...]]

    def __len__(self) -> int:
        return len(self.language)

    def numbered(self) -> Iterator[tuple[int, PlanRow]]:
        """(article id, plan) of every article."""
        return enumerate(self.rows(0, len(self)), start=1)

    def rows(self, start: int, stop: int) -> Iterator[PlanRow]:
        """The plans of articles start + 1 … stop."""
        fields = (
            self.language,
            self.headline_start,
            self.headline_end,
            self.subhead,
            self.byline,
            self.section,
            self.status,
            self.tags,
            self.minutes,
            self.paragraphs,
        )
        return zip(*(field[start:stop] for field in fields), strict=True)


def _draws(rng: random.Random, count: int, size: int) -> list[int]:
    """`count` random integers below `size`, from random bytes (choices() costs 0.2 µs each)."""
    # A modulo's bias is below size / 2**32: nothing a benchmark could notice.
    return [value % size for value in array("I", rng.randbytes(4 * count))]


def plans(pool: Pool, count: int, seed: int = 1) -> Plans:
    """`count` articles, every field drawn in bulk (a Python loop per article costs seconds)."""
    rng = random.Random(seed)
    korean_below = round(KOREAN_SHARE * 2**32)
    language = [int(value >= korean_below) for value in array("I", rng.randbytes(4 * count))]
    bodies = [iter(_bodies(pool.paragraphs[which], language.count(which), rng)) for which in (0, 1)]
    return Plans(
        language=language,
        headline_start=_draws(rng, count, HEADLINE_HALVES),
        headline_end=_draws(rng, count, HEADLINE_HALVES),
        subhead=_draws(rng, count, SUBHEADS),
        byline=_draws(rng, count, len(BYLINES)),
        section=_draws(rng, count, len(SECTIONS)),
        status=_draws(rng, count, len(STATUSES)),
        tags=_draws(rng, count, len(pool.tag_sets)),
        minutes=_draws(rng, count, SPAN_MINUTES),
        paragraphs=[next(bodies[which]) for which in language],
    )


def _bodies(paragraphs: Pieces, count: int, rng: random.Random) -> list[tuple[int, ...]]:
    """Paragraph lists of WORDS words on average, their lengths spread by a third either way."""
    typical = round(WORDS / (sum(paragraphs.words) / len(paragraphs.words)))
    spread = typical // 3
    lengths = [typical - spread + extra for extra in _draws(rng, count, 2 * spread + 1)]
    ends = list(accumulate(lengths))
    stream = _draws(rng, ends[-1] if ends else 0, len(paragraphs.text))
    return [tuple(stream[end - length : end]) for end, length in zip(ends, lengths, strict=True)]


def index_texts(pool: Pool, row: PlanRow) -> tuple[bytes, bytes, bytes, bytes]:
    """The four index columns (headline, subhead, body, tags) of a plan row, as UTF-8."""
    language, start, end, subhead, _, _, _, tags, _, paragraphs = row
    return (
        pool.headline_starts[language].index[start]
        + b" "
        + pool.headline_ends[language].index[end],
        pool.subheads[language].index[subhead],
        b" ".join(map(pool.paragraphs[language].index.__getitem__, paragraphs)),
        pool.tag_index[tags],
    )


def content(pool: Pool, row: PlanRow) -> tuple[ArticleContent, datetime]:
    """A plan row as the app's Store takes it (for the equivalence test and small stores)."""
    language, start, end, subhead, byline, section, status, tags, minutes, paragraphs = row
    body = "\n\n".join(map(pool.paragraphs[language].text.__getitem__, paragraphs))
    article = ArticleContent(
        headline=pool.headline_starts[language].text[start]
        + " "
        + pool.headline_ends[language].text[end],
        subhead=pool.subheads[language].text[subhead],
        byline=BYLINES[byline],
        section=SECTIONS[section],
        body=body,
        tags=pool.tag_sets[tags],
        status=STATUSES[status],
        language=LANGUAGES[language],
    )
    return article, START + timedelta(minutes=minutes)
