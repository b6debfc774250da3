"""What is written after the board, and what the evidence panel chooses to show."""

from __future__ import annotations

import stat
from datetime import date
from pathlib import Path

import pytest

from tareaid.app.agenda_summary import format_for, render, summary_rows, write_summary
from tareaid.app.key_evidence import key_figures, short_citation, trial_groups
from tareaid.domain.assessment import assess
from tareaid.domain.case import Case, Decision
from tareaid.domain.evidence import load_pack
from tareaid.ui.board.export import per_case_paths, safe_filename

BOARD = date(2026, 12, 3)


def _items():
    pack = load_pack()
    cases = [
        Case(
            reference="S-1",
            patient_name="Hidden Name",
            mrn="M-1",
            decision=Decision(
                "discuss_tare",
                "Line one\nline | two",
                ("A (Surgery)", "B (Oncology)"),
                None,
                BOARD,
                True,
            ),
        ),
        Case(reference="S-2"),
    ]
    return [(c, assess(c, pack)) for c in cases]


def test_rows_carry_decisions_but_no_identifiers():
    rows = summary_rows(_items())
    assert [r.reference for r in rows] == ["S-1", "S-2"]
    assert rows[0].outcome == "Discuss TARE with the patient"
    assert rows[0].finalised == "yes"
    assert rows[0].attendees == "A (Surgery); B (Oncology)"
    assert rows[1].outcome == "No decision"
    for fmt in ("csv", "markdown", "text"):
        text = render(rows, BOARD, fmt)
        assert "Hidden Name" not in text and "M-1" not in text
    markdown = render(rows, BOARD, "markdown")
    assert "Line one<br>line \\| two" in markdown  # a table cell stays one cell


@pytest.mark.parametrize(
    ("name", "fmt"), [("a.csv", "csv"), ("a.MD", "markdown"), ("a.txt", "text"), ("a", "text")]
)
def test_format_follows_the_extension(tmp_path, name, fmt):
    assert format_for(tmp_path / name) == fmt


def test_summary_file_is_private_and_replaced_whole(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "summary.md"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o644)
    write_summary(target, _items(), BOARD)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_text(encoding="utf-8").startswith("# Tumour board 2026-12-03")
    assert [p.name for p in folder.iterdir()] == ["summary.md"]  # no temporary left


def test_pdf_file_names_come_from_references():
    assert safe_filename("CRLM/2026 #14") == "CRLM_2026_14"
    assert safe_filename("../..") == "case"
    paths = per_case_paths(Path("/x"), ["A/1", "A_1", "B"])
    assert [p.name for p in paths] == ["A_1.pdf", "A_1-2.pdf", "B.pdf"]


def test_subgroups_only_beside_their_overall_results():
    pack = load_pack()
    keys = [f.key for f in key_figures(pack)]
    right = keys.index("right_sided_2018_os_right")
    assert keys.index("combined_2017_os") < right
    assert keys[right - 1] == "right_sided_2018_os_all"
    # Asking for the subgroup alone still brings its overall results first.
    alone = [f.key for f in key_figures(pack, ["right_sided_2018_os_right"])]
    assert alone == ["combined_2017_os", "right_sided_2018_os_all", "right_sided_2018_os_right"]
    # SIRFLOX's liver PFS is never shown without its primary endpoint.
    assert keys.index("sirflox_pfs_any") < keys.index("sirflox_pfs_liver")
    # Liver progression (HR 0.51) never without progression outside the liver (HR 1.98),
    # asked for or not.
    liver = keys.index("combined_2017_liver_progression")
    assert keys[liver + 1] == "combined_2017_extrahepatic_progression"
    pair = [f.key for f in key_figures(pack, ["combined_2017_liver_progression"])]
    assert pair == ["combined_2017_liver_progression", "combined_2017_extrahepatic_progression"]
    # EPOCH's two co-primary endpoints, both.
    assert {"epoch_pfs", "epoch_hepatic_pfs"} <= set(keys)


def test_rows_mark_co_primary_endpoints_and_cite_a_conference_report():
    pack = load_pack()
    rows = {row.key: row for group in trial_groups(pack) for row in group.rows}
    assert rows["epoch_pfs"].endpoint == "PFS (co-primary endpoint)"
    assert rows["epoch_hepatic_pfs"].endpoint == "Hepatic PFS (co-primary endpoint)"
    assert "co-primary" not in rows["epoch_pfs"].reading.lower()  # said once, not twice
    assert rows["sirflox_pfs_any"].endpoint == "PFS at any site (primary endpoint)"
    assert rows["sirflox_pfs_any"].reading == "Not significant."
    # The HR 1.98 comes from a conference report, not from the trial's paper.
    assert rows["combined_2017_extrahepatic_progression"].citation == "ASCO 2017, abstract 3507"
    assert rows["combined_2017_os"].citation == ""


def test_groups_cite_their_trials_with_a_doi():
    pack = load_pack()
    groups = trial_groups(pack)
    assert [g.heading for g in groups] == [
        "SIRFLOX",
        "FOXFIRE + SIRFLOX + FOXFIRE-Global",
        "SIRFLOX + FOXFIRE-Global, primary tumour side",
        "EPOCH",
    ]
    assert groups[0].citation == (
        "van Hazel GA, et al. J Clin Oncol 2016;34:1723–1731. DOI 10.1200/JCO.2015.66.1181"
    )
    subgroup = groups[2].rows[1]
    assert subgroup.values == "22.0 vs 17.1 months"
    assert subgroup.population.startswith("Subgroup:")
    assert subgroup.reading.count("Post hoc") == 1  # the note says it; not said twice
    assert short_citation(pack.references["combined_2017"]).endswith(
        "DOI 10.1016/S1470-2045(17)30457-6"
    )
