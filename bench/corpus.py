"""Realistic generated articles for benchmarks: Korean with particles, English, mixed."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from operator import add

from deskeditor.core.models import SECTIONS, ArticleContent, Language, Status

KOREAN_NOUNS = [
    "정부",
    "데이터센터",
    "반도체",
    "수출",
    "전력",
    "시장",
    "기업",
    "정책",
    "국회",
    "대통령",
    "경제",
    "금리",
    "물가",
    "부동산",
    "주택",
    "일자리",
    "청년",
    "교육",
    "학교",
    "병원",
    "의료",
    "환경",
    "기후",
    "탄소",
    "에너지",
    "원전",
    "배터리",
    "자동차",
    "철강",
    "조선",
    "항공",
    "관광",
    "문화",
    "영화",
    "음악",
    "축구",
    "야구",
    "선수",
    "감독",
    "경기",
    "선거",
    "후보",
    "여당",
    "야당",
    "장관",
    "총리",
    "외교",
    "안보",
    "북한",
    "미국",
    "중국",
    "일본",
    "유럽",
    "서울",
    "부산",
    "인천",
    "대구",
    "광주",
    "대전",
    "지역",
    "주민",
    "시민",
    "노동자",
    "노조",
    "협상",
    "임금",
    "예산",
    "세금",
    "법안",
    "재판",
    "검찰",
    "경찰",
    "사건",
    "사고",
    "재난",
    "태풍",
    "지진",
    "인공지능",
    "플랫폼",
    "스타트업",
    "투자",
    "주가",
    "환율",
    "은행",
    "보험",
    "증시",
    "소비",
    "생산",
    "공장",
    "물류",
    "농업",
    "어업",
    "식품",
    "가격",
    "수요",
    "공급",
    "계획",
    "발표",
]
PARTICLES = (
    "은",
    "는",
    "이",
    "가",
    "을",
    "를",
    "의",
    "에",
    "에서",
    "와",
    "과",
    "도",
    "로",
    "으로",
    "",
)
KOREAN_ENDINGS = (
    "밝혔다.",
    "전망이다.",
    "분석했다.",
    "강조했다.",
    "덧붙였다.",
    "설명했다.",
    "예정이다.",
    "나타났다.",
    "지적했다.",
    "보인다.",
)
ENGLISH_WORDS = [
    "the",
    "government",
    "said",
    "data",
    "center",
    "exports",
    "rose",
    "market",
    "policy",
    "election",
    "minister",
    "budget",
    "growth",
    "energy",
    "power",
    "demand",
    "chip",
    "industry",
    "workers",
    "union",
    "talks",
    "prices",
    "inflation",
    "rate",
    "bank",
    "investors",
    "company",
    "shares",
    "quarter",
    "report",
    "analysts",
    "expected",
    "city",
    "residents",
    "school",
    "hospital",
    "climate",
    "storm",
    "court",
    "ruling",
    "police",
    "officials",
]
LATIN_TERMS = ("AI", "GPU", "ESG", "OECD", "IMF", "5G", "SK", "LG")
"""Latin-script names that Korean copy carries, particles attached (AI를, OECD는)."""
BYLINES = (
    "홍길동 기자 hong@example.com",
    "김민지 기자 mj@example.com",
    "이서준 기자 sj.lee@example.com",
    "박지현 기자 jh.park@example.com",
    "최우진 기자 wj@example.com",
    "정하은 기자 haeun@example.com",
    "강도윤 기자 doyoon@example.com",
    "윤서연 특파원 sy.yoon@example.com",
    "Jane Park jane@example.com",
    "Daniel Kim dkim@example.com",
    "Sarah Lee slee@example.com",
    "편집국 desk@example.com",
)


def korean_sentence(rng: random.Random) -> str:
    """6 to 12 nouns with particles and an ending; about a third carry a Latin-script name."""
    count = rng.randint(6, 12)
    nouns = rng.choices(KOREAN_NOUNS, k=count)
    if rng.random() < 0.3:
        nouns[rng.randrange(count)] = rng.choice(LATIN_TERMS)
    words = map(add, nouns, rng.choices(PARTICLES, k=count))
    return " ".join(words) + " " + rng.choice(KOREAN_ENDINGS)


def english_sentence(rng: random.Random) -> str:
    words = rng.choices(ENGLISH_WORDS, k=rng.randint(8, 16))
    return " ".join(words).capitalize() + "."


def article(rng: random.Random, words: int = 600) -> ArticleContent:
    """One article of about `words` words, Korean (70 %) or English."""
    korean = rng.random() < 0.7
    sentence = korean_sentence if korean else english_sentence
    paragraphs: list[str] = []
    count = 0
    while count < words:
        paragraph = " ".join(sentence(rng) for _ in range(rng.randint(2, 5)))
        count += len(paragraph.split())
        paragraphs.append(paragraph)
    headline = sentence(rng).rstrip(".")[:60]
    return ArticleContent(
        headline=headline,
        subhead=sentence(rng),
        byline=rng.choice(BYLINES),
        section=rng.choice(SECTIONS),
        body="\n\n".join(paragraphs),
        tags=tuple(rng.sample(KOREAN_NOUNS, 2)),
        status=rng.choice(list(Status)),
        language=Language.KO if korean else Language.EN,
    )


def articles(count: int, seed: int = 1) -> list[tuple[ArticleContent, datetime]]:
    """`count` articles with creation times spread over the last three years."""
    rng = random.Random(seed)
    start = datetime(2023, 11, 1, tzinfo=UTC)
    return [
        (article(rng), start + timedelta(minutes=rng.randint(0, 3 * 365 * 24 * 60)))
        for _ in range(count)
    ]
