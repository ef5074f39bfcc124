"""Stress decks for the fit and render checks: too long, far too long, unbreakable, Chinese."""

from __future__ import annotations

import yaml

from tests.conftest import MINIMAL

LOREM = (
    "Strengthening cooperation with national and regional IP offices through joint "
    "activities, training programmes and the exchange of data and best practices"
)
URL = "https://www.wipo.int/about-wipo/en/offices/china/reports/2018/annual-report-full-text.html"
CHINESE = (
    "世界知识产权组织中国办事处致力于在中国推广知识产权制度，加强与政府部门、企业和高校的合作，"
    "并为用户提供专利合作条约、马德里体系和海牙体系的咨询服务。"
)


def _deck(**sections: object) -> str:
    return MINIMAL + yaml.safe_dump(sections, allow_unicode=True, sort_keys=False, width=1000)


def three_times() -> str:
    """A bullet list about three times longer than a slide holds."""
    return _deck(year_ahead=[f"{LOREM} ({n})" for n in range(1, 28)])


def five_times_bullet() -> str:
    """One bullet about five times longer than a whole slide."""
    return _deck(year_ahead=[" ".join([LOREM] * 40), "A short bullet after the long one"])


def long_url() -> str:
    """A 90-character URL with no spaces, in a title, a bullet and a tile."""
    assert len(URL) == 90
    return _deck(
        focus=[
            {
                "name": f"Reports at {URL}",
                "aims": [f"Read the report at {URL} and share it", URL],
                "achievements": [
                    {
                        "heading": URL,
                        "metrics": [{"label": "PCT", "value": 33745, "change": "+6.8%"}],
                    }
                ],
            }
        ]
    )


def chinese() -> str:
    """Chinese paragraphs, a Chinese title and mixed Chinese and Latin text."""
    return _deck(
        focus=[
            {
                "name": "中国的知识产权合作与推广",
                "goal": 8,
                "aims": [
                    CHINESE,
                    CHINESE * 3,
                    f"PCT 申请 33,745 件（1–8 月），增长 6.8%。{CHINESE}",
                ],
                "achievements": [CHINESE * 2 for _ in range(4)],
            }
        ]
    )


def mixed() -> str:
    """All of the above in one deck, with tiles and headings."""
    return _deck(
        about={"established": "2014-07-10", "location": "北京，中国", "points": [URL, CHINESE]},
        resources={
            "personnel": [LOREM, CHINESE, URL] * 4,
            "budget": {"currency": "CHF", "amount": 108348},
        },
        focus=[
            {
                "name": f"{LOREM} {CHINESE[:20]}",
                "goal": 2,
                "aims": [" ".join([LOREM] * 12), *([CHINESE] * 6)],
                "achievements": [
                    {"heading": "Activities", "points": [f"**{n}** {LOREM}" for n in range(12)]},
                    {
                        "heading": "Outcome",
                        "metrics": [
                            {
                                "label": "PCT",
                                "value": 33745,
                                "period": "Jan-Aug",
                                "change": "+6.8%",
                            },
                            {
                                "label": "Madrid",
                                "value": 3571,
                                "period": "Jan-Aug",
                                "change": "+81%",
                            },
                            {
                                "label": "Hague",
                                "value": 87,
                                "period": "Jan-Aug",
                                "change": "+85%",
                                "versus": "2017 total",
                            },
                            {"label": "Lisbon", "value": 123456789, "change": "-3%"},
                            {"label": "海牙", "value": 42},
                        ],
                        "points": [CHINESE * 4, URL],
                    },
                ],
            }
        ],
        year_ahead=[LOREM] * 12,
        closing="谢谢！Thank you for your time.",
    )


def sub_bullets() -> str:
    """Bullets with second-level bullets, about twice longer than a slide holds."""
    points = [
        {"text": f"{LOREM} ({n})", "points": [f"Sub-point {n}.{m}: {LOREM}" for m in (1, 2)]}
        for n in range(1, 7)
    ]
    return _deck(year_ahead=points)


LONG_OFFICE = (
    "WIPO Office in Japan and the Republic of Korea Liaison Desk for Northeast Asia, "
    "Intellectual Property Cooperation and Outreach"
)
JAPANESE = "日本の中小企業向けにPCTとマドリッド制度の説明会を開催しました。"
JAPANESE_KANJI = "特許協力条約の利用促進と中小企業支援を継続します。"


def newcomer() -> str:
    """A second office's deck written cold: 12 aims, five tiles in one group, a group of
    figures only, a long office name, Japanese and Chinese text."""
    return yaml.safe_dump(
        {
            "event": {
                "office": LONG_OFFICE,
                "acronym": "WJO",
                "title": "Side-Event at the 2019 WIPO Assemblies",
                "city": "Geneva",
                "date": "2019-10-01",
                "notes": "Welcome.",
            },
            "about": {"established": "2006-04-01", "location": "Tokyo, Japan"},
            "resources": {
                "personnel": ["P5", "P3", "G6", "Intern"],
                "budget": {"currency": "CHF", "amount": 95000},
            },
            "focus": [
                {
                    "name": "Global IP Services for users in Japan",
                    "goal": 2,
                    "aims": [
                        "Expanding use of PCT, Madrid and Hague among small enterprises",
                        "Promoting WIPO's ADR services",
                    ],
                    "achievements": [
                        {
                            "heading": "Filings from Japan",
                            "points": [
                                "Japan remained the third-largest user of the PCT",
                                "Hague filings grew after accession",
                            ],
                            "metrics": [
                                {
                                    "label": "PCT",
                                    "value": 49702,
                                    "period": "Jan-Dec",
                                    "change": "+2.1%",
                                },
                                {
                                    "label": "Madrid",
                                    "value": 6802,
                                    "period": "Jan-Dec",
                                    "change": "+5.9%",
                                },
                                {
                                    "label": "Hague",
                                    "value": 1248,
                                    "period": "Jan-Dec",
                                    "change": "+12%",
                                },
                                {"label": "ADR cases", "value": 31, "change": "+40%"},
                                {
                                    "label": "Seminars and workshops held",
                                    "value": 58,
                                    "change": "-3%",
                                },
                            ],
                        },
                        {
                            "heading": "Outreach",
                            "points": [
                                "Organizing **41** seminars in **18** prefectures",
                                JAPANESE,
                            ],
                        },
                    ],
                    "achievements_notes": "The figures are for the calendar year.",
                },
                {
                    "name": "Cooperation with Japanese and Korean authorities",
                    "goal": 3,
                    "aims": [f"{LOREM} ({n})" for n in range(1, 12)],
                    "achievements": [
                        {
                            "heading": "Figures only",
                            "metrics": [
                                {"label": "Visits", "value": 24},
                                {"label": "Trainees", "value": 310},
                            ],
                        },
                        "한국 특허청과의 협력을 강화했습니다",
                    ],
                },
            ],
            "year_ahead": [JAPANESE_KANJI, CHINESE, "Continue outreach across Japan"],
            "closing": "ありがとうございました。Thank you.",
        },
        allow_unicode=True,
        sort_keys=False,
        width=1000,
    )


STRESS_DECKS = {
    "three_times": three_times,
    "five_times_bullet": five_times_bullet,
    "long_url": long_url,
    "chinese": chinese,
    "mixed": mixed,
    "sub_bullets": sub_bullets,
    "newcomer": newcomer,
}
