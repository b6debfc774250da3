"""Paragraphs remembered between builds: the same PDF, never yesterday's words.

The report keeps the parsed markup and the line breaks of paragraphs it has built before
(the evidence pages repeat from case to case). A build with those caches warm must give
exactly the bytes of a build without them, whichever cases came before; a changed
evidence pack must show its new words; and no build may share a fragment with another.
"""

from __future__ import annotations

import importlib.resources
from pathlib import Path

import pytest
from report_pdf import Pdf

from tareaid.domain.assessment import assess
from tareaid.domain.evidence import load_pack
from tareaid.report import blocks, build_report
from tareaid.report import styles as st
from tareaid.report.options import ReportOptions
from tareaid.store.demo_cases import load_demo_cases

INVARIANT = ReportOptions(invariant=True)


@pytest.fixture(scope="module")
def demo():
    pack = load_pack()
    return [(case, assess(case, pack)) for case in load_demo_cases()]


@pytest.mark.parametrize(
    "options",
    [INVARIANT, ReportOptions(invariant=True, deidentified=True, page_size="Letter")],
    ids=["A4", "Letter, de-identified"],
)
def test_warm_builds_give_the_bytes_of_cold_ones(demo, options):
    pack = load_pack()
    cold = {}
    for case, assessment in demo:
        blocks.clear_caches()
        cold[case.reference] = build_report(case, assessment, pack, options)
    # Every case again, in another order, with the caches full of the others.
    for case, assessment in reversed(demo):
        assert build_report(case, assessment, pack, options) == cold[case.reference], case.reference


def test_a_changed_pack_shows_its_own_words(demo, tmp_path: Path):
    case, _ = demo[0]
    shipped = importlib.resources.files("tareaid.resources") / "evidence_pack.toml"
    text = shipped.read_text(encoding="utf-8")
    old = "It does not read or measure images, compute dosimetry or activity"
    new = "It does not read or measure images, nor compute dosimetry or activity"
    assert old in text
    changed_file = tmp_path / "evidence_pack.toml"
    changed_file.write_text(text.replace(old, new), encoding="utf-8")
    shipped_pack, changed_pack = load_pack(), load_pack(changed_file)

    before = Pdf(build_report(case, assess(case, shipped_pack), shipped_pack, INVARIANT))
    after = Pdf(build_report(case, assess(case, changed_pack), changed_pack, INVARIANT))
    assert old in before.text and new not in before.text
    assert new in after.text and old not in after.text
    blocks.clear_caches()
    cold = build_report(case, assess(case, changed_pack), changed_pack, INVARIANT)
    assert after.data == cold


def test_every_paragraph_has_fragments_of_its_own():
    style = st.styles().body
    first = blocks.para("<b>Bold</b> and plain", style)
    second = blocks.para("<b>Bold</b> and plain", style)
    assert [f.text for f in first.frags] == [f.text for f in second.frags]
    assert not any(a is b for a in first.frags for b in second.frags)
    # Laying one out (which annotates its fragments) leaves the other as it was parsed.
    first.wrap(200, 100)
    assert second.__dict__.get("blPara") is None
    assert second.wrap(200, 100) == first.wrap(200, 100)
