"""The editor's own slides and what they show: pictures, charts, tables, tiles, columns."""

# No `from __future__ import annotations` here: pydantic would compile every field's annotation
# from its string when the models are built, at each start.

from decimal import Decimal
from typing import Annotated, Any, Literal, Self

from pydantic import (
    BeforeValidator,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from wocdeck.model.parts import Metrics, Part, Points
from wocdeck.model.values import (
    MAX_FOCUS_AREAS,
    MAX_POINTS,
    Cell,
    ChartValues,
    Label,
    Lines,
    Name,
    Renamed,
    Text,
    as_dict_list,
    as_list,
    plain,
)


class Picture(Part):
    """A photo or drawing from a file beside the deck, with alt text or marked decorative."""

    file: Name  # a file beside the deck: the same in every language
    alt: Text | None = None
    decorative: bool = False
    fit: Literal["fit", "crop"] = "fit"  # the whole picture, or the frame filled and cut
    caption: Text | None = None

    @model_validator(mode="after")
    def _described(self) -> Self:
        if self.alt is None and not self.decorative:
            raise plain(
                "a picture needs alt text for people who cannot see it",
                "add `alt: what the picture shows`, or `decorative: true` if it only decorates",
            )
        if self.alt is not None and self.decorative:
            raise plain(
                "a picture is either described (alt:) or decorative, not both",
                "remove `decorative: true` to keep the alt text",
            )
        return self


class Chart(Part):
    """A native chart: data inline (categories and series) or from a CSV file (data:)."""

    type: Literal["column", "bar", "line", "pie"] = "column"
    data: Name | None = None  # a CSV file beside the deck: categories, then a column a series
    categories: Lines = []
    series: dict[Text, ChartValues] = {}
    x_title: Text | None = None
    y_title: Text | None = None
    names: Renamed | None = None  # headings and series names translated: {fr: {Year: Année}}
    alt: Text | None = None  # alt text; default: a summary of the data in the deck's language

    @model_validator(mode="after")
    def _one_source(self) -> Self:
        if self.data is not None:
            if self.series or self.categories:
                raise plain(
                    "a chart takes its data from data: or from categories: and series:, not both",
                    "remove one of them",
                )
            return self
        if not self.series:
            raise plain(
                "a chart needs data",
                "give `data: file.csv`, or `categories:` and `series:` (a name and its values)",
            )
        if not self.categories:
            raise plain("a chart needs its categories", "add `categories: [2015, 2016, 2017]`")
        return self

    @field_validator("series")
    @classmethod
    def _matching(cls, series: dict[str, list[Decimal]], info: ValidationInfo) -> Any:
        # chart data's limits and checks: imported for a deck with charts only
        from wocdeck.read.chart_data import MAX_SERIES, series_problem

        if len(series) > MAX_SERIES:
            raise plain(
                f"a chart may have at most {MAX_SERIES} series; this one has {len(series):,}",
                "keep the series the chart compares",
            )
        categories = info.data.get("categories") or []
        for name, values in series.items():
            if not values:
                raise plain(f"the series '{name}' has no values", "give one value per category")
            if categories and len(values) != len(categories):
                raise plain(
                    f"the series '{name}' has {len(values)} value{'s' * (len(values) != 1)} "
                    f"for {len(categories)} categories",
                    "give one value per category, in the same order",
                )
        problem = series_problem(info.data.get("type", "column"), series)
        if problem:
            raise plain(*problem)
        return series


class Table(Part):
    """A table: a header row and rows, written inline or read from a CSV file beside the deck."""

    columns: Annotated[list[Text], BeforeValidator(as_list)] = []
    rows: Annotated[
        list[list[Cell] | dict[str, Cell]], Field(max_length=MAX_POINTS)
    ] = []  # rows as lists of cells, or as `column: cell` groups
    csv: Name | None = None  # a .csv file, relative to the deck file; its first row is the header
    total: Label | None = None  # `yes`: a total row of the number columns; or the row's label

    @model_validator(mode="after")
    def _has_data(self) -> Self:
        if bool(self.rows) == bool(self.csv):
            raise plain(
                "a table has either `rows:` or `csv:`" if self.csv else "this table has no rows",
                "write its rows under `rows:`, or name a CSV file beside the deck: `csv: data.csv`",
            )
        return self


class Column(Part):
    """What a column, or a slide, shows: one kind of content (see wocdeck/kinds/)."""

    points: Points | None = None
    table: Table | None = None
    tiles: Metrics | None = None
    picture: Picture | None = None
    chart: Chart | None = None

    @model_validator(mode="after")
    def _one_content(self) -> Self:
        content = [k for k in self.model_fields_set if k in content_keys(type(self))]
        if len(content) != 1:
            keys = ", ".join(f"`{k}:`" for k in content_keys(type(self)))
            found = " and ".join(f"`{k}:`" for k in sorted(content))
            if content:
                raise plain(f"this has both {found}", f"give each its own slide or column ({keys})")
            raise plain("this has nothing to show", f"give it one of {keys}")
        return self


_SLIDE_FIELDS = ("title", "notes", "before", "after", "subtitle", "by")


def content_keys(model: type[Column]) -> tuple[str, ...]:
    """The keys that say what a slide or column shows, one per kind of content."""
    return tuple(k for k in model.model_fields if k not in _SLIDE_FIELDS)


def content_key(spec: Column) -> str:
    """The key that says what this slide or column shows (validation made it exactly one)."""
    return next(k for k in content_keys(type(spec)) if k in spec.model_fields_set)


class FreeSlide(Column):
    """A slide of the editor's own, placed before or after a section of the report."""

    title: Text | None = None
    notes: Text | None = None
    before: Name | None = None  # cover, about, resources, focus, focus 2, year_ahead, closing
    after: Name | None = None
    columns: Annotated[list[Column], Field(min_length=2, max_length=2)] | None = None
    section: Text | None = None  # a section divider's big title
    subtitle: Text | None = None  # under a section divider's title
    statement: Text | None = None  # a statement or quote, large
    by: Text | None = None  # who said the statement

    @model_validator(mode="after")
    def _extras_belong(self) -> Self:
        for key, owner in (("subtitle", "section"), ("by", "statement")):
            if key in self.model_fields_set and owner not in self.model_fields_set:
                raise plain(f"`{key}:` belongs to a `{owner}:` slide", f"remove `{key}:`")
        if self.before and self.after:
            raise plain("a slide goes either `before:` or `after:` a section, not both")
        return self


FreeSlides = Annotated[
    list[FreeSlide], BeforeValidator(as_dict_list), Field(max_length=MAX_FOCUS_AREAS)
]
