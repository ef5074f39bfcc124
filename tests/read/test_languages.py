"""The language pre-pass: per-language values picked, positions kept, fall-backs noticed."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from wocdeck.errors import DeckError
from wocdeck.model import load_deck
from wocdeck.model.texts import translatable
from wocdeck.read.languages import SUPPORTED, is_translations, present, select
from wocdeck.read.source import parse

DECK = """\
language: en
event:
  office:
    en: WIPO Office in China
    zh: 世界知识产权组织中国办事处
  title: {en: Side-Event, fr: Manifestation parallèle}
  date: 2018-09-27
about:
  points:
    en: [One, Two]
    fr: [Un, Deux]
year_ahead:
  - {en: Hague, zh: 海牙}
  - Plain
"""


def _select(text: str, language: str | None):
    return select(parse(text.encode(), "deck.yaml"), language, texts=translatable())


def test_the_requested_language_is_picked_for_text_and_lists() -> None:
    chosen = _select(DECK, "fr")
    data = chosen.source.data
    assert data["event"]["title"] == "Manifestation parallèle"
    assert data["about"]["points"] == ["Un", "Deux"]
    assert data["language"] == "fr"
    assert load_deck(chosen.source).language == "fr"


def test_missing_text_falls_back_to_the_deck_language_with_one_located_notice_per_field() -> None:
    chosen = _select(DECK, "zh")
    data = chosen.source.data
    assert data["event"]["office"] == "世界知识产权组织中国办事处"
    assert data["event"]["title"] == "Side-Event"
    assert data["about"]["points"] == ["One", "Two"]
    messages = [str(n) for n in chosen.notices]
    assert (
        "deck.yaml:6:3: notice: event.title has no 'zh' text; the 'en' text is used "
        "(add zh: … to translate it)" in messages
    )
    assert any(m.startswith("deck.yaml:9:3: notice: about.points has no 'zh'") for m in messages)
    # year_ahead's list has a translated item and a plain one: one notice for the list
    assert sum("year_ahead" in m for m in messages) == 1
    assert len(messages) == 3


def test_the_deck_language_needs_no_notice() -> None:
    chosen = _select(DECK, None)
    assert chosen.language == "en"
    assert chosen.notices == ()
    assert chosen.source.data["event"]["office"] == "WIPO Office in China"


def test_positions_follow_the_chosen_text_so_errors_stay_located() -> None:
    text = DECK.replace("zh: 世界知识产权组织中国办事处", 'zh: "**unbalanced"')
    chosen = _select(text, "zh")
    with pytest.raises(DeckError) as caught:
        load_deck(chosen.source)
    assert str(caught.value).startswith("deck.yaml:5:9: error: event.office: unbalanced '**'")


def test_unknown_language_codes_are_located_errors() -> None:
    with pytest.raises(DeckError) as caught:
        _select(DECK.replace("fr: Manifestation", "it: Manifestation"), "fr")
    assert "deck.yaml:6:27: error: 'it' is not a supported language" in str(caught.value)
    wrong = _select(DECK.replace("language: en", "language: xx"), None).errors
    assert "'xx' is not a supported language" in str(wrong[0])  # reported with the model's


def test_languages_present_start_with_the_deck_language() -> None:
    assert present(parse(DECK.encode(), "deck.yaml")) == ["en", "zh", "fr"]
    assert present(parse(b"language: ar\nevent: {office: x}\n", "d")) == ["ar"]


def test_a_field_given_in_no_language_is_an_error() -> None:
    text = DECK.replace("en: WIPO Office in China", "en: ~").replace("zh: 世界", "zh: ~ #")
    with pytest.raises(DeckError, match=r"event\.office has no text in any language"):
        _select(text, "de")


def test_text_only_in_another_language_falls_back_to_it() -> None:
    chosen = _select(DECK.replace("en: WIPO Office in China", "en: ~"), "de")
    assert chosen.source.data["event"]["office"] == "世界知识产权组织中国办事处"
    assert "event.office has no 'de' text; the 'zh' text is used" in str(chosen.notices[0])


def test_only_mappings_keyed_by_language_codes_are_translations() -> None:
    assert is_translations({"en": "a", "zh": "b"})
    assert not is_translations({"currency": "CHF", "amount": "1"})
    assert not is_translations({})
    assert not is_translations({"en": "a", "notes": "b"})


def test_files_dates_figures_and_layout_names_need_no_translation() -> None:
    text = DECK + "template: corporate.potx\nlayouts: {cover: Title Slide}\n"
    notices = [str(n) for n in _select(text, "zh").notices]
    assert not any("template" in n or "layouts" in n or "date" in n for n in notices)
    assert len(notices) == 3


_LANGUAGE = st.sampled_from(sorted(SUPPORTED))
_WORDS = st.text(alphabet="abcdefghij XYZ", min_size=1, max_size=12).map(str.strip).filter(bool)
_FIELDS = st.sampled_from(["office", "title", "points", "name", "aims", "notes", "heading"])


def _data(leaf: st.SearchStrategy) -> st.SearchStrategy:
    return st.recursive(
        leaf,
        lambda inner: (
            st.lists(inner, min_size=1, max_size=3)
            | st.dictionaries(_FIELDS, inner, min_size=1, max_size=3)
            | st.dictionaries(_LANGUAGE, inner, min_size=1, max_size=3)
        ),
        max_leaves=12,
    )


def _strings(node: object) -> list[str]:
    if isinstance(node, dict):
        return [s for value in node.values() for s in _strings(value)]
    if isinstance(node, list):
        return [s for item in node for s in _strings(item)]
    return [node] if isinstance(node, str) else []


def _no_translations_left(node: object) -> bool:
    if isinstance(node, dict):
        return not is_translations(node) and all(map(_no_translations_left, node.values()))
    if isinstance(node, list):
        return all(map(_no_translations_left, node))
    return True


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(_FIELDS, _data(_WORDS), min_size=1, max_size=3), _LANGUAGE)
def test_selecting_a_language_invents_nothing_and_leaves_no_mapping(data, language) -> None:
    source = parse(yaml.safe_dump(data, allow_unicode=True).encode(), "deck.yaml")
    chosen = select(source, language, texts=translatable())
    out = dict(chosen.source.data)
    assert out.pop("language") == language
    assert _no_translations_left(out)
    assert set(_strings(out)) <= set(_strings(data))  # every word comes from the file
    for notice in chosen.notices:
        assert notice.severity == "notice" and notice.location.line > 0
