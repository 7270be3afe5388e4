"""The one declared preferences schema: each setting's key, type, default and limits."""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Generic, Protocol, TypeVar

from deskeditor.core.counts import MANUSCRIPT_PAGE_CHARS
from deskeditor.core.models import ArticleContent, Language

T = TypeVar("T")
E = TypeVar("E", bound=StrEnum)

_HANGUL = re.compile(r"[\uac00-\ud7a3]")
REPORTER_TITLE = "기자"
"""What a Korean byline puts after the reporter's name."""


class UiLanguage(StrEnum):
    """The language of menus and dialogs."""

    SYSTEM = "system"
    KOREAN = "ko"
    ENGLISH = "en"


class SettingsBackend(Protocol):
    """Where values live: QSettings in the application, a dict in core tests."""

    def value(self, key: str) -> object:
        """The stored value, or None when the key is unset."""
        ...

    def set_value(self, key: str, value: object) -> None: ...

    def remove(self, key: str) -> None: ...


class Setting(ABC, Generic[T]):
    """A key with a type and a default; stored values are parsed and checked on reading."""

    def __init__(self, key: str, default: T) -> None:
        self.key = key
        self.default = default

    @abstractmethod
    def parse(self, raw: object) -> T | None:
        """The stored value as T, or None when it cannot be one (INI files hold strings)."""

    def accepts(self, value: T) -> bool:
        """Whether value lies within the setting's limits."""
        return True

    def read(self, raw: object) -> T:
        """A stored value as T; anything missing, malformed or out of range gives the default."""
        if raw is None:
            return self.default
        value = self.parse(raw)
        return value if value is not None and self.accepts(value) else self.default

    def stored(self, value: T) -> object:
        """The form written to the backend."""
        return value


class TextSetting(Setting[str]):
    def __init__(self, key: str, default: str = "", *, max_length: int = 200) -> None:
        super().__init__(key, default)
        self.max_length = max_length

    def parse(self, raw: object) -> str | None:
        return raw if isinstance(raw, str) else None

    def accepts(self, value: str) -> bool:
        return len(value) <= self.max_length


class BoolSetting(Setting[bool]):
    def parse(self, raw: object) -> bool | None:
        if isinstance(raw, bool):
            return raw
        text = str(raw).strip().lower()
        if text in {"true", "1", "yes", "on"}:
            return True
        if text in {"false", "0", "no", "off"}:
            return False
        return None


class IntSetting(Setting[int]):
    def __init__(
        self,
        key: str,
        default: int,
        *,
        minimum: int,
        maximum: int,
        choices: tuple[int, ...] = (),
    ) -> None:
        super().__init__(key, default)
        self.minimum = minimum
        self.maximum = maximum
        self.choices = choices

    def parse(self, raw: object) -> int | None:
        if isinstance(raw, bool):
            return None
        try:
            return int(str(raw).strip())
        except ValueError:
            return None

    def accepts(self, value: int) -> bool:
        in_range = self.minimum <= value <= self.maximum
        return in_range and (not self.choices or value in self.choices)


class ChoiceSetting(Setting[E]):
    def __init__(self, key: str, default: E, kind: type[E]) -> None:
        super().__init__(key, default)
        self.kind = kind

    def parse(self, raw: object) -> E | None:
        try:
            return self.kind(str(raw))
        except ValueError:
            return None

    def stored(self, value: E) -> object:
        return value.value


# --- the schema -----------------------------------------------------------------------------

REPORTER_NAME = TextSetting("reporter/name", max_length=100)
REPORTER_EMAIL = TextSetting("reporter/email", max_length=200)

MANUSCRIPT_PAGE_MIN = 150
MANUSCRIPT_PAGE_MAX = 200
MANUSCRIPT_PAGE_DEFAULT = MANUSCRIPT_PAGE_CHARS
MANUSCRIPT_PAGE = IntSetting(
    "counts/manuscriptPageChars",
    MANUSCRIPT_PAGE_DEFAULT,
    minimum=MANUSCRIPT_PAGE_MIN,
    maximum=MANUSCRIPT_PAGE_MAX,
    # The two 원고지 sizes desks use; any other number would not match anyone's sheet.
    choices=(200, 150),
)
MARKDOWN_TYPING = BoolSetting("editor/markdownTyping", True)
UI_LANGUAGE = ChoiceSetting("interface/language", UiLanguage.SYSTEM, UiLanguage)

SCHEMA: tuple[Setting[Any], ...] = (
    REPORTER_NAME,
    REPORTER_EMAIL,
    MANUSCRIPT_PAGE,
    MARKDOWN_TYPING,
    UI_LANGUAGE,
)
"""Every preference, so a dialog or a reset can walk them all."""


class InvalidSettingError(ValueError):
    """A value outside a setting's limits was offered."""


@dataclass(frozen=True, slots=True)
class ReporterProfile:
    name: str
    email: str


class Preferences:
    """Typed reading and writing of the schema over a backend (no signals: see ui.preferences)."""

    def __init__(self, backend: SettingsBackend) -> None:
        self._backend = backend

    @property
    def backend(self) -> SettingsBackend:
        return self._backend

    def get(self, setting: Setting[T]) -> T:
        return setting.read(self._backend.value(setting.key))

    def set(self, setting: Setting[T], value: T) -> bool:
        """Store a value; True when it changed. Out-of-range values raise InvalidSettingError."""
        if setting.parse(setting.stored(value)) is None or not setting.accepts(value):
            raise InvalidSettingError(f"{value!r} is not a valid value for {setting.key}.")
        changed = self.get(setting) != value
        self._backend.set_value(setting.key, setting.stored(value))
        return changed

    def reset(self, setting: Setting[T]) -> bool:
        """Forget the stored value; True when the effective value changed."""
        before = self.get(setting)
        self._backend.remove(setting.key)
        return before != setting.default

    def reporter(self) -> ReporterProfile:
        return ReporterProfile(self.get(REPORTER_NAME).strip(), self.get(REPORTER_EMAIL).strip())

    def new_article_content(self) -> ArticleContent:
        """What a new article starts with: the reporter's byline."""
        profile = self.reporter()
        return ArticleContent(byline=default_byline(profile.name, profile.email))


def default_byline(name: str, email: str) -> str:
    """The byline a reporter's new stories get: "홍길동 기자 hong@example.com".

    A Hangul name takes the title 기자, as Korean papers print it; other names stand alone.
    """
    name, email = name.strip(), email.strip()
    if name and _HANGUL.search(name) and not name.endswith(REPORTER_TITLE):
        name = f"{name} {REPORTER_TITLE}"
    return " ".join(part for part in (name, email) if part)


def resolve_ui_language(choice: UiLanguage, system_locale: str) -> Language:
    """The language the interface speaks: the choice, or the system's (e.g. "ko_KR")."""
    if choice is UiLanguage.KOREAN:
        return Language.KO
    if choice is UiLanguage.ENGLISH:
        return Language.EN
    return Language.KO if system_locale.lower().startswith("ko") else Language.EN


class DictBackend:
    """A backend in memory: for tests and for preferences that need not outlive the process."""

    def __init__(self, values: dict[str, object] | None = None) -> None:
        self.values: dict[str, object] = dict(values or {})

    def value(self, key: str) -> object:
        return self.values.get(key)

    def set_value(self, key: str, value: object) -> None:
        self.values[key] = value

    def remove(self, key: str) -> None:
        self.values.pop(key, None)
