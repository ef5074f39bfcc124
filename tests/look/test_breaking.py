"""Where lines may not break: numbers with their nouns, short parentheticals, CJK phrases."""

from __future__ import annotations

from wocdeck.look.breaking import glue_positions, phrase_ends


def _glued(text: str) -> str:
    at = glue_positions(text)
    return "".join("~" if i in at else c for i, c in enumerate(text))


def test_numbers_stay_with_their_nouns_and_currency_codes_with_amounts() -> None:
    assert _glued("supporting 17 important visits") == "supporting 17~important visits"
    assert _glued("a budget of CHF 108,348") == "a budget of CHF~108,348"


def test_a_short_parenthetical_stays_whole_and_with_the_word_before_it() -> None:
    assert _glued("interface (SG 8)") == "interface~(SG~8)"
    assert _glued("in August (15 countries)") == "in August~(15~countries)"
    long = "3 NODs (2 incumbents, 1 in selection process)"
    assert _glued(long) == "3~NODs (2~incumbents, 1~in selection process)"  # four words: free


def test_chinese_and_japanese_phrases_are_budoux_phrases() -> None:
    ends = phrase_ends("世界知识产权组织中国办事处")
    assert 10 in ends and 9 not in ends  # 中国 is one phrase
    ja = "マドリッド制度の改善した"
    assert 2 not in phrase_ends(ja) and 1 not in phrase_ends("改善した")  # マ|ド, 改|善
    assert phrase_ends("Latin") == set(range(6))
