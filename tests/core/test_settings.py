"""The preferences schema without Qt: defaults, limits, parsing of stored values, persistence."""

from __future__ import annotations

import pytest

from deskeditor.core import settings
from deskeditor.core.models import ArticleContent, Language
from deskeditor.core.settings import (
    MANUSCRIPT_PAGE,
    MARKDOWN_TYPING,
    REPORTER_EMAIL,
    REPORTER_NAME,
    SCHEMA,
    UI_LANGUAGE,
    DictBackend,
    InvalidSettingError,
    Preferences,
    UiLanguage,
    default_byline,
    resolve_ui_language,
)


def test_defaults_when_nothing_is_stored() -> None:
    preferences = Preferences(DictBackend())
    assert preferences.get(REPORTER_NAME) == ""
    assert preferences.get(REPORTER_EMAIL) == ""
    assert preferences.get(MANUSCRIPT_PAGE) == 200
    assert preferences.get(MARKDOWN_TYPING) is True
    assert preferences.get(UI_LANGUAGE) is UiLanguage.SYSTEM


def test_the_schema_is_declared_once_with_unique_keys_and_valid_defaults() -> None:
    keys = [setting.key for setting in SCHEMA]
    assert len(keys) == len(set(keys))
    assert all(setting.accepts(setting.default) for setting in SCHEMA)
    assert settings.MANUSCRIPT_PAGE_MIN == 150
    assert settings.MANUSCRIPT_PAGE_MAX == 200
    assert settings.MANUSCRIPT_PAGE_DEFAULT == 200


@pytest.mark.parametrize("chars", [150, 200])
def test_manuscript_pages_of_150_or_200_characters(chars: int) -> None:
    preferences = Preferences(DictBackend())
    preferences.set(MANUSCRIPT_PAGE, chars)
    assert preferences.get(MANUSCRIPT_PAGE) == chars


@pytest.mark.parametrize("chars", [0, 100, 149, 175, 201, 1000])
def test_other_page_sizes_are_refused(chars: int) -> None:
    preferences = Preferences(DictBackend())
    with pytest.raises(InvalidSettingError):
        preferences.set(MANUSCRIPT_PAGE, chars)
    assert preferences.get(MANUSCRIPT_PAGE) == 200


def test_names_longer_than_the_limit_are_refused() -> None:
    preferences = Preferences(DictBackend())
    with pytest.raises(InvalidSettingError):
        preferences.set(REPORTER_NAME, "가" * (REPORTER_NAME.max_length + 1))


@pytest.mark.parametrize(
    ("setting", "raw", "expected"),
    [
        # INI files give strings back; QSettings' cache gives the typed value.
        (MANUSCRIPT_PAGE, "150", 150),
        (MANUSCRIPT_PAGE, 150, 150),
        (MANUSCRIPT_PAGE, "175", 200),
        (MANUSCRIPT_PAGE, "many", 200),
        (MANUSCRIPT_PAGE, True, 200),
        (MARKDOWN_TYPING, "false", False),
        (MARKDOWN_TYPING, "true", True),
        (MARKDOWN_TYPING, False, False),
        (MARKDOWN_TYPING, "perhaps", True),
        (UI_LANGUAGE, "ko", UiLanguage.KOREAN),
        (UI_LANGUAGE, "en", UiLanguage.ENGLISH),
        (UI_LANGUAGE, "klingon", UiLanguage.SYSTEM),
        (REPORTER_NAME, "홍길동", "홍길동"),
        (REPORTER_NAME, 42, ""),
    ],
)
def test_stored_values_are_parsed_and_bad_ones_give_the_default(
    setting: settings.Setting[object], raw: object, expected: object
) -> None:
    preferences = Preferences(DictBackend({setting.key: raw}))
    assert preferences.get(setting) == expected


def test_values_persist_in_the_backend_in_their_stored_form() -> None:
    backend = DictBackend()
    first = Preferences(backend)
    assert first.set(REPORTER_NAME, "홍길동") is True
    assert first.set(REPORTER_NAME, "홍길동") is False  # no change
    first.set(UI_LANGUAGE, UiLanguage.KOREAN)
    first.set(MARKDOWN_TYPING, False)
    assert backend.values[UI_LANGUAGE.key] == "ko"
    second = Preferences(backend)
    assert second.get(REPORTER_NAME) == "홍길동"
    assert second.get(UI_LANGUAGE) is UiLanguage.KOREAN
    assert second.get(MARKDOWN_TYPING) is False


def test_reset_returns_to_the_default() -> None:
    preferences = Preferences(DictBackend())
    preferences.set(MANUSCRIPT_PAGE, 150)
    assert preferences.reset(MANUSCRIPT_PAGE) is True
    assert preferences.get(MANUSCRIPT_PAGE) == 200
    assert preferences.reset(MANUSCRIPT_PAGE) is False


@pytest.mark.parametrize(
    ("name", "email", "byline"),
    [
        ("홍길동", "hong@example.com", "홍길동 기자 hong@example.com"),
        ("홍길동 기자", "hong@example.com", "홍길동 기자 hong@example.com"),
        ("  홍길동 ", "", "홍길동 기자"),
        ("Jane Doe", "jane@example.com", "Jane Doe jane@example.com"),
        ("", "desk@example.com", "desk@example.com"),
        ("", "", ""),
    ],
)
def test_default_byline(name: str, email: str, byline: str) -> None:
    assert default_byline(name, email) == byline


def test_a_new_article_starts_with_the_reporters_byline() -> None:
    preferences = Preferences(DictBackend())
    assert preferences.new_article_content() == ArticleContent()
    preferences.set(REPORTER_NAME, "홍길동")
    preferences.set(REPORTER_EMAIL, "hong@example.com")
    assert preferences.new_article_content() == ArticleContent(
        byline="홍길동 기자 hong@example.com"
    )


@pytest.mark.parametrize(
    ("choice", "system", "language"),
    [
        (UiLanguage.SYSTEM, "ko_KR", Language.KO),
        (UiLanguage.SYSTEM, "en_US", Language.EN),
        (UiLanguage.SYSTEM, "C", Language.EN),
        (UiLanguage.KOREAN, "en_US", Language.KO),
        (UiLanguage.ENGLISH, "ko_KR", Language.EN),
    ],
)
def test_the_interface_language(choice: UiLanguage, system: str, language: Language) -> None:
    assert resolve_ui_language(choice, system) is language
