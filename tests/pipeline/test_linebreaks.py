"""Lines break where LibreOffice breaks them: the measurer finds the Unicode line breaking
algorithm's opportunities (UAX #14), so what it predicts is what is drawn."""

from __future__ import annotations

from pathlib import Path

from tests import pdfcheck
from tests.conftest import MINIMAL, require_renderer
from tests.pdfstyle import drawn_lines
from wocdeck.look.lines import WIDTH_SAFETY, line_width, measured_spans
from wocdeck.look.measure import wrap

# Bullets whose line ends fall, one filler letter after another, beside quotation marks
# written with plain spaces, a closing bracket, and em dashes (spaced and not).
TEXTS = [
    "Offices joined the network {} « Madrid » and « La Haye » programmes (EU) — and more!",
    "Seminars in {} provinces (« Centres d'appui ») were planned — ours, « PCT » first",
    "Training for the examiners of the regional offices and for the judges {} of the"
    " courts—the academy’s first—reached the Western provinces",
]


def _deck(tmp_path: Path) -> Path:
    bullets = "".join(f'      - "{text.format("i" * k)}"\n' for text in TEXTS for k in range(1, 13))
    deck = tmp_path / "deck.yaml"
    deck.write_text(
        MINIMAL
        + "slides:\n"
        + "".join(
            f"  - title: Slide {n}\n    points:\n{chunk}"
            for n, chunk in enumerate(_chunks(bullets), start=1)
        ),
        encoding="utf-8",
    )
    return deck


def _chunks(bullets: str) -> list[str]:
    lines = bullets.splitlines(keepends=True)
    return ["".join(lines[i : i + 4]) for i in range(0, len(lines), 4)]


def test_each_line_ends_where_the_measurer_said(tmp_path: Path) -> None:
    from wocdeck.pipeline import _plan, render

    require_renderer()
    deck = _deck(tmp_path)
    pptx = render(deck, tmp_path / "deck.pptx").output
    pdfcheck.convert([pptx])
    drawn: dict[int, list[list[str]]] = {}  # page: each bullet's line ends, as drawn
    lines = [line for line in drawn_lines(pptx.with_suffix(".pdf")) if line.top > 110]
    marks = {(line.page, round(line.top)) for line in lines if line.text == "•"}
    for line in lines:
        if line.size < 18 or line.text == "•":
            continue
        paragraphs = drawn.setdefault(line.page, [])
        if any((line.page, round(line.top) + d) in marks for d in (-2, -1, 0, 1, 2)):
            paragraphs.append([])
        if paragraphs:
            paragraphs[-1].append(line.text.split()[-1])
    compared = 0
    for number, slide in enumerate(_plan(deck).slides, start=1):
        body = slide.body
        if body is None or slide.footer is None:
            continue
        assert len(body.paragraphs) == len(drawn[number]), number
        for paragraph, ends in zip(body.paragraphs, drawn[number], strict=True):
            spans = measured_spans(paragraph, body)
            text = "".join(s.text for s in spans)
            width = line_width(paragraph, body) / WIDTH_SAFETY  # the box's whole width
            size = body.size * paragraph.scale
            narrow, wide = (
                [(n.start, n.end) for n in wrap(spans, size, width + d)] for d in (-1, 1)
            )
            if narrow != wide:
                continue  # within a point of the width: renderers may differ by a hair
            compared += 1
            assert [text[a:b].split()[-1] for a, b in narrow] == ends, (number, text)
    assert compared >= 30  # most bullets far from a knife-edge


CHINESE_TABLE = """\
language: zh
event: {office: 世界知识产权组织新加坡办事处, title: 2019年大会会外活动, date: 2019-09-27}
slides:
  - title: 主要活动
    table:
      columns: [日期, 活动, 国家, 人数]
      rows:
        - [1月15日, PCT巡回研讨会, 印度尼西亚, 120]
        - [3月12日, 东盟知识产权学院关于版权和集体管理的圆桌会议, 新加坡, 40]
        - [4月26日, 世界知识产权日, 菲律宾, 300]
"""


def test_chinese_dates_in_a_table_stay_on_one_line(tmp_path: Path) -> None:
    """LibreOffice (as PowerPoint) sets a gap between Chinese and digits ("1 月 15 日"): the
    date column is measured with it, so no date is broken before its 日."""
    from wocdeck.pipeline import render

    require_renderer()
    deck = tmp_path / "deck.yaml"
    deck.write_text(CHINESE_TABLE, encoding="utf-8")
    pptx = render(deck, tmp_path / "deck.pptx").output
    pdfcheck.convert([pptx])
    drawn = [line.text for line in drawn_lines(pptx.with_suffix(".pdf")) if line.page == 2]
    assert not [text for text in drawn if text.split()[0] == "日"], drawn
    for date in ("1 月 15 日", "3 月 12 日", "4 月 26 日"):
        assert any(text.startswith(date) for text in drawn), (date, drawn)
