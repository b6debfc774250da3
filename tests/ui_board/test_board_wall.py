"""What the wall shows of the second clinical release, and how it holds with real text.

Golden words are typed from the contract and the evidence brief (claim statuses, alert
severities, "Not checked: … not recorded", the trial summaries), never read from the pack.
"""

from __future__ import annotations

from datetime import date

import pytest
from board_data import BOARD_DATE
from board_walk import texts

from tareaid.app.board import BoardSession
from tareaid.domain.case import Case, Override
from tareaid.ui.board.fit_label import FitLabel
from tareaid.ui.board.preferences import bilirubin_unit
from tareaid.ui.board.projection import ProjectionWindow
from tareaid.ui.qt import Qt

Key = Qt.Key

# 64 characters, the longest reference a case may have.
LONG_REFERENCE = "CRLM-2026-12-03-HEPATOBILIARY-MDT-SECOND-OPINION-REFERRAL-000042"
# 400 characters of reason, as a board might dictate it.
LONG_REASON = (
    "Discussed at length: the hepatobiliary surgeon considers the disease potentially "
    "convertible if the response seen on the last two scans continues, the medical "
    "oncologist agrees provided the next restaging confirms it, and the interventional "
    "radiologist notes that the segment four lesion abuts the middle hepatic vein, which "
    "changes the approach; the board sets this tier until the next scan is read."
)
assert len(LONG_REFERENCE) == 64 and len(LONG_REASON) == 400


class UnitSettings:
    """The main window's settings as far as the wall reads them."""

    def __init__(self, unit: str) -> None:
        self.unit = unit

    def bilirubin_unit(self) -> str:
        return self.unit


def _wall(qtbot, editing, size=(1920, 1080), **kwargs) -> ProjectionWindow:
    window = ProjectionWindow(BoardSession(editing, BOARD_DATE), **kwargs)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.height() == size[1])
    return window


def _go(window: ProjectionWindow, reference: str) -> None:
    window.go_to_case(window.session.references.index(reference))


@pytest.fixture
def long_texts_case(repository):
    """A case with the longest reference and three 400-character reasons."""
    repository.import_cases(
        [
            Case(
                reference=LONG_REFERENCE,
                board_date=BOARD_DATE,
                metastatic_pattern="liver_only",
                treatment_goal="conversion_to_resection",
                prior_systemic_lines=0,
                ras_status="mutant",
                liver_lesion_count=6,
                bilobar=True,
                ablation_suitable=False,
                ecog=1,
                overrides={
                    "metastatic_pattern": Override("neutral", LONG_REASON),
                    "timing": Override("neutral", LONG_REASON),
                    "ecog": Override("against", LONG_REASON),
                },
            )
        ]
    )
    return LONG_REFERENCE


@pytest.mark.parametrize("size", [(1280, 720), (1366, 768), (1920, 1080)])
def test_long_reasons_and_a_long_reference_leave_every_row_readable(
    qtbot, editing, long_texts_case, size
):
    window = _wall(qtbot, editing, size)
    _go(window, long_texts_case)
    window.select_factor(2)  # timing, set by hand with a 400-character reason
    qtbot.wait(1)
    assert window.reference_label.text() == LONG_REFERENCE
    assert window.reference_label.fits()
    # Every row's tier word, whole, on its first line; the framework's tier where the
    # board set it by hand.
    first_lines = [row.status.painted_lines()[0] for row in window.rows]
    assert first_lines == [
        "● Neutral · set by hand",
        "▲ Favours TARE",
        "● Neutral · set by hand",
        "▲ Favours TARE",
        "▲ Favours TARE",
        "▼ Against TARE · set by hand",
    ]
    for row in window.rows:
        assert "…" not in row.status.painted_lines()[0]
    # The row shows a reason's start; the detail area holds all of it.
    detail = window.grid_page.detail
    assert LONG_REASON in detail.text()
    assert detail.fits()
    assert detail.shows_in_full(LONG_REASON)
    # Rows of one height, whatever their text.
    heights = {cell.height() for row in window.rows for cell in row.cells()}
    assert len(heights) == 1
    # One type size for the whole grid, the detail area included.
    grid_labels = [
        label
        for label in window.grid_page.findChildren(FitLabel)
        if label.isVisible() and label.text()
    ]
    assert len({label.smallest_px() for label in grid_labels}) == 1
    assert len({label.font().pixelSize() for label in grid_labels}) == 1
    assert min(label.smallest_px() for label in grid_labels) >= 24 * size[1] / 1080 - 0.5


def test_the_framework_tier_shows_beside_one_set_by_hand(qtbot, editing, long_texts_case):
    window = _wall(qtbot, editing)
    _go(window, long_texts_case)
    timing = window.rows[2]
    # Set to neutral by the board; the framework says favours (no prior line).
    assert timing.tier_labels["neutral"].text().startswith("● THIS CASE")
    framework = timing.tier_labels["favours"]
    assert framework.text().startswith("▲ FRAMEWORK")
    assert timing.tier_cells["favours"].dashed
    assert "Framework: ▲ Favours TARE" in timing.status.text()
    window.select_factor(2)
    assert "framework: ▲ Favours TARE" in window.grid_page.detail.text()


def test_a_framework_tier_with_no_cell_is_named_in_the_row(qtbot, editing, repository):
    # Two prior lines: the framework places timing outside; the board sets it by hand.
    stored = repository.get_case("BRD-002")
    repository.save_case(
        stored.case.with_changes(
            prior_systemic_lines=2,
            overrides={"timing": Override("neutral", "Second line in effect")},
        ),
        expected_version=stored.version,
    )
    window = _wall(qtbot, editing, (1280, 720))
    _go(window, "BRD-002")
    status = window.rows[2].status
    assert status.painted_lines()[:3] == [
        "● Neutral · set by hand",
        "↑ Understated",
        "Framework: ◆ Outside framework",
    ]
    assert not any(cell.dashed for cell in window.rows[2].tier_cells.values())


def test_every_row_marks_what_the_evidence_says_about_its_claim(qtbot, editing):
    window = _wall(qtbot, editing, (1280, 720))
    # BRD-001 places every factor in the favours tier (CONTRACT.md §4's table).
    expected = [
        "not shown by the trials",
        "indirect",
        "contradicted for survival",
        "not supported",
        "clinical reasoning",
        "consistent with trial eligibility",
    ]
    for row, words in zip(window.rows, expected, strict=True):
        second = row.status.painted_lines()[1]
        assert words in second.lower()
        assert not second[0].isalnum()  # a shape before the word, never colour alone
    window.select_factor(2)
    assert "Contradicted for survival" in window.grid_page.detail.text()


def test_the_evidence_context_is_under_the_headline(qtbot, editing):
    window = _wall(qtbot, editing)
    expected = {
        "BRD-001": "First-line setting: in SIRFLOX",
        "BRD-002": "Second-line setting: in EPOCH",
        "BRD-003": "Third line or later:",
    }
    for reference, start in expected.items():
        _go(window, reference)
        context = window.context_label
        assert context.text().startswith(start)
        assert context.isVisible() and context.fits()
        assert context.y() >= window.headline_label.geometry().bottom()
    window.toggle_trials()
    assert not window.context_label.isVisible()


def test_workup_alerts_by_severity_and_the_checks_not_done(qtbot, editing, repository):
    window = _wall(qtbot, editing)
    # BRD-001: two cautions (shunt 12%, bevacizumab), bilirubin not recorded.
    alerts = window.alerts_label.text()
    assert alerts.startswith("⚠ Cautions: lung shunt fraction 10–20%")
    assert "to resolve first" not in alerts
    assert "? Not checked: bilirubin not recorded" in alerts
    assert "No work-up alert" not in alerts
    # BRD-002: nothing raised, two checks not done: the assessment's words, not "no alert".
    _go(window, "BRD-002")
    assert window.alerts_label.text() == (
        "? Not checked: lung shunt fraction and bilirubin not recorded"
    )
    # BRD-003: bilirubin 2.6 mg/dL, a contraindication, with the value in its unit.
    _go(window, "BRD-003")
    alerts = window.alerts_label.text()
    assert alerts.startswith("✖ Contraindication, to resolve first: bilirubin above 2.0 mg/dL")
    assert alerts.split("\n")[0].endswith("; recorded 2.6 mg/dL")
    # Every check made and nothing raised: then, and only then, "no work-up alerts".
    stored = repository.get_case("BRD-002")
    repository.save_case(
        stored.case.with_changes(lung_shunt_fraction_pct=6.0, bilirubin_mg_dl=0.8),
        expected_version=stored.version,
    )
    _go(window, "BRD-002")
    window.refresh()
    assert window.alerts_label.text() == "✓ No work-up alerts"


def test_bilirubin_is_shown_in_the_unit_the_user_chose(qtbot, editing):
    window = _wall(qtbot, editing, settings=UnitSettings("µmol/L"))
    _go(window, "BRD-003")
    # 2.6 mg/dL × 17.1 = 44.46 µmol/L.
    assert window.alerts_label.text().split("\n")[0].endswith("; recorded 44.5 µmol/L")


@pytest.mark.parametrize(
    ("settings", "unit"),
    [(None, "mg/dL"), (object(), "mg/dL"), (UnitSettings("mmol/L"), "mg/dL")],
)
def test_an_unknown_or_missing_unit_preference_means_mg_dl(settings, unit):
    assert bilirubin_unit(settings) == unit
    assert bilirubin_unit(UnitSettings("µmol/L")) == "µmol/L"


def test_evidence_gaps_say_what_was_not_recorded(qtbot, editing):
    window = _wall(qtbot, editing)
    _go(window, "BRD-002")  # FOLFIRI: one gap
    assert window.gaps_label.text() == "◇ Evidence gap: Irinotecan-based chemotherapy"
    _go(window, "BRD-003")  # nothing planned recorded
    gaps = window.gaps_label.text()
    assert gaps.startswith("◇ No evidence gap flagged; not recorded: planned chemotherapy")


def test_the_evidence_panel_gives_the_selected_claim_in_full(qtbot, editing):
    window = _wall(qtbot, editing)
    qtbot.keyClick(window, Key.Key_E)
    claim = window.evidence_page.claim_label.text()
    # Metastatic pattern, liver only: the favours tier's claim.
    assert "Metastatic pattern" in claim and "“liver-only or liver-dominant”" in claim
    assert "Not shown by the trials" in claim
    assert "(HR 1.04)" in claim and "(HR 1.98)" in claim
    assert "Wasan HS, et al." in claim  # a source the evidence rests on
    # ↓ follows the factor: timing, first line.
    qtbot.keyClick(window, Key.Key_Down)
    qtbot.keyClick(window, Key.Key_Down)
    claim = window.evidence_page.claim_label.text()
    assert "Contradicted for survival" in claim
    assert "SIRFLOX HR 0.93, P = .43" in claim
    # The framework's provenance, said once.
    shown = "\n".join(texts(window.evidence_page))
    assert shown.count("not a validated score") == 1
    assert window.evidence_page.provenance_label.isVisible()


def test_the_evidence_panel_without_a_claim(qtbot, editing):
    window = _wall(qtbot, editing)
    _go(window, "BRD-003")
    window.select_factor(3)  # RAS status not recorded: unassessed
    window.toggle_evidence()
    claim = window.evidence_page.claim_label.text()
    assert "? Unassessed" in claim
    assert "no claim of the framework" in claim


def test_t_shows_the_trial_populations_and_changes_nothing_else(qtbot, editing):
    window = _wall(qtbot, editing)
    _go(window, "BRD-002")
    headline = window.headline_label.text()
    statuses = [row.status.text() for row in window.rows]
    qtbot.keyClick(window, Key.Key_T)
    page = window.trials_page
    assert page.isVisible() and window.trials_visible
    names = [page.column_label(key).text().split(" ")[0] for key in page.columns]
    assert names == ["SIRFLOX", "FOXFIRE", "FOXFIRE-Global", "EPOCH"]
    sirflox = page.column_label("sirflox").text()
    assert "Resembles the SIRFLOX population on" in sirflox
    # ECOG 2 is outside SIRFLOX; age is not recorded; one prior line is EPOCH's setting.
    assert "✗ Not met ECOG" in sirflox
    assert "? Unknown age" in sirflox
    assert "✓ Met prior systemic lines" in page.column_label("epoch").text()
    assert "– Not checkable: organ function" in sirflox
    everything = "\n".join(texts(page)).lower()
    assert "eligible" not in everything
    for label in page.labels():
        assert label.fits(), label.text()
    # Not a seventh factor: the checklist and headline are as they were.
    qtbot.keyClick(window, Key.Key_Escape)
    assert window.grid_page.isVisible() and window.isVisible()
    assert window.headline_label.text() == headline
    assert [row.status.text() for row in window.rows] == statuses


def test_keys_that_change_a_tier_do_nothing_on_a_panel(qtbot, editing, repository, prompts):
    window = _wall(qtbot, editing)
    for key in (Key.Key_T, Key.Key_E):
        qtbot.keyClick(window, key)
        for change in (Key.Key_1, Key.Key_0):
            qtbot.keyClick(window, change)
        qtbot.keyClick(window, key)
    assert prompts.calls == []
    assert repository.get_case("BRD-001").case.overrides == {}


def test_an_empty_board_takes_the_panel_keys_calmly(qtbot, editing):
    window = ProjectionWindow(BoardSession(editing, date(2031, 1, 1)))
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.keyClick(window, Key.Key_T)
    qtbot.keyClick(window, Key.Key_E)
    assert "No cases on the agenda" in window.empty_page.text()


def test_a_work_up_value_recorded_elsewhere_reaches_the_wall(qtbot, editing):
    # Through the editing service's notice, as every change does: no window tells another.
    window = _wall(qtbot, editing)
    loaded = editing.load("BRD-001")
    with qtbot.waitSignal(window.changes.published):
        editing.set_fields("BRD-001", {"bilirubin_mg_dl": 1.1}, expected_version=loaded.version)
    qtbot.waitUntil(lambda: "bilirubin" not in window.alerts_label.text())
    assert "Not checked" not in window.alerts_label.text()
