"""Bytes → text without mojibake: UTF-8 first, then byte order marks, then careful detection."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from deskeditor.core.errors import ImportFileError

# UTF-32 LE first: its mark begins with UTF-16 LE's.
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
LEGACY_ENCODINGS: tuple[str, ...] = ("cp949", "cp1252")
"""What a file that is not UTF-8 may be: Korean (CP949, a superset of EUC-KR) or Western.

Detection among every codec Python knows reads short Korean files as Big5 or Shift-JIS;
the candidates a Korean newsroom actually receives are few, and restricting to them is
what makes detection reliable.
"""
# Labels pages and mail use for Korean; CP949 decodes all of EUC-KR and more.
_KOREAN_LABELS = frozenset({"euc_kr", "ksc5601", "ks_c_5601_1987", "cp949", "uhc", "windows_949"})
_HIGH_BYTES = bytes(range(0x80, 0x100))
_ASCII_BYTES = bytes(range(0x80))
_ISO2022_KR = b"\x1b$)C"  # the designator every ISO-2022-KR text opens with


def decode_text(data: bytes, name: str, *, declared: str | None = None) -> str:
    """The text of a file; ``declared`` is the charset a page names, if any.

    Order matters: valid UTF-8 is almost never anything else, a byte order mark is
    explicit, and only then is the encoding guessed, among sensible candidates only.
    """
    for mark, codec, label in _BOMS:
        if data.startswith(mark):
            return _strict(data, codec, name, f"it starts as {label} text but is damaged")
    if _ISO2022_KR in data[:1024] and not data.translate(None, _ASCII_BYTES):
        # Seven-bit, so valid UTF-8 too: its designator has to be looked for first.
        return _strict(data, "iso2022_kr", name, "its ISO-2022-KR text is damaged")
    if b"\x00" in data:  # never in text, but in every other byte of UTF-16 Latin text
        return _utf16_without_mark(data, name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        invalid_at = error.start
    else:
        return _korean_lookalike(data, text) or text
    korean = _plausible_korean(data)
    if korean is not None:
        return korean
    candidates = list(dict.fromkeys([*_declared_codec(declared), *LEGACY_ENCODINGS]))
    best = from_bytes(data, cp_isolation=candidates, preemptive_behaviour=False).best()
    line = _line(data, invalid_at)
    # A UTF-8 file with a few stray bytes (pasted from a legacy system, or cut) must not
    # be read as Windows-1252: all of its good text would turn into "cafÃ©".
    if best is None or (best.encoding == "cp1252" and _mostly_utf8(data)):
        if _mostly_utf8(data):
            reason = "it mixes UTF-8 with another encoding or is damaged"
        else:
            reason = "its encoding could not be recognised"
        raise ImportFileError(
            f"Cannot import {name}: it is not UTF-8 text and {reason} "
            f"(invalid byte at line {line})."
        )
    return str(best)


def _korean_lookalike(data: bytes, text: str) -> str | None:
    """EUC-KR that happens to be valid UTF-8: only ever a word or two, read as "Ź" or "¡".

    A syllable in the last rows of EUC-KR's Hangul block (징 … 힝) followed by a byte
    below 0xC0 forms a valid two-byte UTF-8 sequence. A text made only of such pairs
    and no letters of the Latin alphabet is far likelier Korean than Latin-1 soup.
    """
    if len(data) > 64 or not all(
        "\x80" <= char <= "\u07ff" or (char.isascii() and not char.isalpha()) for char in text
    ):
        return None
    try:
        korean = data.decode("euc_kr")
    except UnicodeDecodeError:
        return None
    if all(char.isascii() or "\uac00" <= char <= "\ud7a3" for char in korean):
        return korean
    return None


def _plausible_korean(data: bytes) -> str | None:
    """The text as EUC-KR/CP949 if that reads as Korean: mostly Hangul, rare syllables rare.

    Statistical detection is weak on a line or two ("“반등”" alone); Korean decoded from
    the wrong bytes, though, is a jumble of hanja and rare syllables.
    """
    for codec in ("euc_kr", "cp949"):  # euc_kr also composes KS X 1001's 8-byte syllables
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        others = [char for char in text if not char.isascii()]
        syllables = [char for char in others if "\uac00" <= char <= "\ud7a3"]
        # EUC-KR spells a syllable outside its 2,350 with eight explicit bytes: not rare by chance.
        rare = 0 if codec == "euc_kr" else sum(1 for c in syllables if not _in_ks_x_1001(c))
        if syllables and len(syllables) * 2 >= len(others) and rare * 4 <= len(syllables):
            return text
        return None
    return None


def _in_ks_x_1001(char: str) -> bool:
    """One of the 2,350 syllables EUC-KR has (CP949 adds the other 8,822, rarely used)."""
    try:
        return len(char.encode("euc_kr")) == 2
    except UnicodeEncodeError:
        return False


def _strict(data: bytes, codec: str, name: str, problem: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        raise ImportFileError(
            f"Cannot import {name}: {problem} (invalid bytes near byte {error.start})."
        ) from error


def _utf16_without_mark(data: bytes, name: str) -> str:
    """UTF-16 without a mark shows as zero bytes in every other position (for Latin text)."""
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if len(data) % 2 == 0 and odd > len(data) // 8 and even == 0:
        return _strict(data, "utf-16-le", name, "its UTF-16 text is damaged")
    if len(data) % 2 == 0 and even > len(data) // 8 and odd == 0:
        return _strict(data, "utf-16-be", name, "its UTF-16 text is damaged")
    raise ImportFileError(f"Cannot import {name}: it is a binary file, not text.")


def _mostly_utf8(data: bytes) -> bool:
    """Whether most bytes above ASCII decode as UTF-8 where a UTF-8 decoder finds them.

    Single-byte Western text almost never does; a UTF-8 file with some stray bytes, for
    nearly all of them. (EUC-KR lines up by chance for a quarter of its bytes, and more in
    short texts, so this only ever second-guesses a Windows-1252 guess.)
    """
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    decoded = data.decode("utf-8", "replace")
    characters = [char for char in decoded if char > "\x7f" and char != "\ufffd"]
    good = sum(len(char.encode("utf-8")) for char in characters)
    return len(characters) >= 3 and good * 5 >= high * 3


def _declared_codec(label: str | None) -> list[str]:
    if not label:
        return []
    try:
        codec = codecs.lookup(label.strip()).name.replace("-", "_")
    except LookupError:
        return []
    if codec in _KOREAN_LABELS or label.strip().lower().replace("-", "_") in _KOREAN_LABELS:
        return ["cp949"]
    if codec.startswith(("utf_8", "utf_16", "utf_32")):
        return []  # already tried, strictly; a false claim must not win
    return [codec]


def _line(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1
