"""The model's declaration of which fields are text to translate."""

from __future__ import annotations

from wocdeck.model.texts import translatable
from wocdeck.read.texts import Texts


def _at(*path: str | int) -> Texts:
    place = translatable()
    for key in path:
        below = place.under(key)
        assert below is not None, path
        place = below
    return place


def test_words_a_reader_sees_are_text() -> None:
    for path in [
        ("event", "office"),
        ("event", "acronym"),
        ("focus", 0, "aims", 0, "points"),
        ("focus", 0, "achievements", 0, "metrics", 0, "period"),
        ("slides", 0, "picture", "alt"),
        ("slides", 0, "table", "columns"),
        ("slides", 0, "table", "rows", 0, "City"),
        ("slides", 0, "chart", "categories"),
        ("slides", 0, "statement"),
    ]:
        assert _at(*path).text, path
    assert _at("slides", 0, "chart", "series").named  # series names are words


def test_files_kinds_places_figures_and_years_are_not_text() -> None:
    for path in [
        ("theme",),
        ("template",),
        ("layouts", "cover"),
        ("event", "date"),
        ("about", "established"),
        ("focus", 0, "goal"),
        ("focus", 0, "achievements", 0, "metrics", 0, "previous"),
        ("focus", 0, "achievements", 0, "metrics", 0, "history", "2017"),
        ("slides", 0, "picture", "file"),
        ("slides", 0, "table", "csv"),
        ("slides", 0, "chart", "type"),
        ("slides", 0, "chart", "data"),
        ("slides", 0, "after"),
        ("resources", "budget", "currency"),
    ]:
        assert not _at(*path).holds_text, path


def test_a_short_form_is_the_field_it_stands_for() -> None:
    assert _at("year_ahead").written_as(["Continue outreach"]).text
    assert _at("closing").written_as("Thank you.").text
    assert not _at("year_ahead").written_as({"points": []}).text
