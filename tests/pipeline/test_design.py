"""Design rules measured in LibreOffice renders: contrast, one size per role, titles, footers.

The decks: the seed, the showcase, the translated report in every language, a deck the project
did not tune for (another office, long names, a long event title), and the showcase through
a template whose accents are too light for text.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests import pdfcheck
from tests.conftest import ROOT, SEED_DECK, require_renderer
from tests.ooxml import assert_opens_cleanly
from tests.pdfstyle import contrast_failures, footer_runs, styled_runs
from tests.templates import light_accents
from wocdeck.pipeline import render

UNTUNED = """\
theme: wipo
event:
  office: WIPO External Office for the Association of Southeast Asian Nations in Singapore
  acronym: WSO
  title: >-
    Report to the Member States at the Side-Event of the Sixty-Fifth Series of Meetings
    of the Assemblies of the Member States of WIPO
  city: Geneva
  date: 2024-07-09
about:
  established: 2005-10-01
  location: Singapore (Republic of Singapore)
resources:
  personnel: [P5, P4, "2 G-staff (1 incumbent, 1 under recruitment)"]
  budget: {currency: CHF, amount: 1254300}
focus:
  - name: Strengthening Intellectual Property Ecosystems for Micro, Small and Medium Enterprises
    goal: 4
    aims:
      - Supporting the ten ASEAN Member States in building IP offices that serve their users
    achievements:
      - Hosted **42** roundtables with IP offices (15 countries)
      - heading: Outcome
        metrics:
          - label: PCT applications from the region
            value: 12480
            period: Jan-Jun
            change: "+3.1%"
          - {label: Madrid, value: 1912, period: Jan-Jun, change: "+12%"}
year_ahead:
  - Launching the regional IP and innovation academy for examiners and judges (SG 5)
closing: Thank you.
"""


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every deck under test, rendered once to .pptx and converted to PDF."""
    require_renderer()
    folder = tmp_path_factory.mktemp("design")
    shutil.copytree(ROOT / "examples", folder / "examples")
    untuned = folder / "untuned.yaml"
    untuned.write_text(UNTUNED, encoding="utf-8")
    template = light_accents(folder)
    decks = {
        "seed": render(SEED_DECK, folder / "seed.pptx").output,
        "showcase": render(folder / "examples" / "showcase.yaml", folder / "showcase.pptx").output,
        "untuned": render(untuned, folder / "untuned.pptx").output,
        "light": render(
            folder / "examples" / "showcase.yaml", folder / "light.pptx", template=template
        ).output,
    }
    for language in ("en", "fr", "zh", "ar"):
        out = folder / f"translated.{language}.pptx"
        source = folder / "examples" / "translated.yaml"
        decks[language] = render(source, out, language=language).output
    pdfcheck.convert(list(decks.values()))
    return decks


DECKS = ["seed", "showcase", "untuned", "light", "en", "fr", "zh", "ar"]


@pytest.mark.parametrize("name", DECKS)
def test_every_run_of_text_reads_against_what_is_behind_it(rendered, name: str) -> None:
    deck = rendered[name]
    assert contrast_failures(deck.with_suffix(".pdf")) == []
    if name in ("untuned", "light"):
        assert_opens_cleanly(deck)


@pytest.mark.parametrize("name", DECKS)
def test_footers_are_one_line_of_at_least_10_pt(rendered, name: str) -> None:
    footers = footer_runs(rendered[name].with_suffix(".pdf"))
    assert footers, "no footer drawn"
    for page, runs in footers.items():
        assert min(r.size for r in runs) >= 10, (page, runs)
        tops = {round(r.top) for r in runs}
        assert max(tops) - min(tops) <= 2, (page, [r.text for r in runs])  # one line


@pytest.mark.parametrize("name", DECKS)
def test_content_titles_share_one_size(rendered, name: str) -> None:
    pdf = rendered[name].with_suffix(".pdf")
    content = set(footer_runs(pdf))  # slides with a footer: content slides
    top = 0.17 * 540  # the title band
    sizes = {r.size for r in styled_runs(pdf) if r.page in content and r.top < top}
    assert len(sizes) == 1, sizes
