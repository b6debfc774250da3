"""The PDF as a file: fonts, page size, byte stability, extremes, combined reports, writing."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from report_pdf import Pdf, is_embedded
from report_samples import (
    ALL,
    LATE_LINE,
    MINIMAL,
    SECOND_LINE,
    SPARSE,
    TYPICAL,
    full_case,
    long_case,
    make,
)

from tareaid.domain.evidence import load_pack
from tareaid.report import ReportOptions, build_combined_report, build_report, write_report

INVARIANT = ReportOptions(invariant=True)
HERE = Path(__file__).parent


def build(data: dict, options: ReportOptions = INVARIANT) -> bytes:
    case, assessment = make(data)
    return build_report(case, assessment, load_pack(), options)


def test_every_font_is_embedded_and_none_is_a_standard_font():
    pdf = Pdf(build(SECOND_LINE))
    assert pdf.fonts, "no fonts found"
    for name, font in pdf.fonts.items():
        assert is_embedded(font), f"{name} is not embedded"
        assert "Helvetica" not in name and "Times" not in name and "Courier" not in name


def test_cjk_names_use_the_embedded_cjk_font():
    pdf = Pdf(build(SECOND_LINE))
    assert "王小明" in pdf.text
    assert "Dr 李娜 (oncology)" in pdf.text
    cjk = [name for name in pdf.fonts if "DroidSansFallback" in name]
    assert cjk and all(is_embedded(pdf.fonts[name]) for name in cjk)


def test_latin_only_report_does_not_carry_the_cjk_font():
    pdf = Pdf(build(TYPICAL))
    assert not [name for name in pdf.fonts if "DroidSansFallback" in name]
    assert any("DejaVuSans" in name for name in pdf.fonts)


@pytest.mark.parametrize(
    ("page_size", "width", "height"),
    [("A4", 595.28, 841.89), ("Letter", 612, 792)],
)
def test_page_size(page_size, width, height):
    pdf = Pdf(build(TYPICAL, ReportOptions(invariant=True, page_size=page_size)))
    for page in pdf.reader.pages:
        box = page.mediabox
        assert float(box.width) == pytest.approx(width, abs=0.01)
        assert float(box.height) == pytest.approx(height, abs=0.01)


def test_a4_is_the_default():
    box = Pdf(build(MINIMAL, ReportOptions())).reader.pages[0].mediabox
    assert float(box.height) == pytest.approx(841.89, abs=0.01)


def test_unknown_page_size_is_refused():
    with pytest.raises(ValueError, match="page_size"):
        ReportOptions(page_size="A5")


def test_invariant_output_is_byte_identical():
    assert build(TYPICAL) == build(TYPICAL)
    assert build(SECOND_LINE) == build(SECOND_LINE)


def test_invariant_output_is_identical_across_processes():
    script = (
        "import hashlib, sys\n"
        f"sys.path.insert(0, {str(HERE)!r})\n"
        "from report_samples import TYPICAL, make\n"
        "from tareaid.domain.evidence import load_pack\n"
        "from tareaid.report import ReportOptions, build_report\n"
        "case, assessment = make(TYPICAL)\n"
        "data = build_report(case, assessment, load_pack(), ReportOptions(invariant=True))\n"
        "print(hashlib.sha256(data).hexdigest())\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env
    )
    assert result.stdout.strip() == hashlib.sha256(build(TYPICAL)).hexdigest()


@pytest.mark.parametrize("name", sorted(ALL))
def test_sample_cases_fit_on_three_pages(name):
    # An ordinary case: page 1, the trial populations and the evidence, the references.
    # second_line raises every alert and every gap, and shows EPOCH as well: one more page.
    limit = 4 if name == "second_line" else 3
    assert len(Pdf(build(ALL[name])).pages) <= limit


def test_a_case_with_every_field_filled_and_long_free_text_stays_within_five_pages():
    data = full_case()
    pdf = Pdf(build(data))
    assert len(pdf.pages) <= 5
    assert data["notes"][-30:] in pdf.text.replace("\n", " ")
    assert data["decision"]["dissent"][-30:] in pdf.text


def test_case_with_only_a_reference_is_a_valid_readable_pdf():
    for options in (INVARIANT, ReportOptions(invariant=True, deidentified=True)):
        pdf = Pdf(build(MINIMAL, options))
        assert 1 <= len(pdf.pages) <= 3
        assert "Case X" in pdf.text
        assert "not recorded" in pdf.text
        assert "0 of 6 factors favour adding TARE, 0 neutral, 0 against, 6 unassessed" in pdf.text


def test_case_with_every_field_at_its_maximum_is_a_valid_readable_pdf():
    data = long_case()
    pdf = Pdf(build(data))
    total = len(pdf.pages)
    assert 3 <= total <= 20
    for number, page in enumerate(pdf.pages, start=1):
        assert f"Page {number} of {total}" in page
    text = pdf.text
    assert data["notes"][-40:].strip() in text  # the end of 20,000 characters of notes
    assert data["decision"]["attendees"][-1] in text  # the sixtieth attendee
    assert data["patient_name"][:60] in text
    assert "R" * 64 in text.replace(" ", "")
    # Every override reason of 2,000 characters arrives whole (six of them, plus rationale
    # and dissent).
    reason_end = data["overrides"]["ecog"]["reason"][-30:].strip()
    assert text.count(reason_end) >= 8


def test_long_case_de_identified_is_valid_too():
    pdf = Pdf(build(long_case(), ReportOptions(invariant=True, deidentified=True)))
    assert 2 <= len(pdf.pages) <= 20
    assert "Notes omitted in de-identified output" in pdf.text


def test_combined_report_has_each_case_and_one_evidence_section():
    items = [make(d) for d in (TYPICAL, SECOND_LINE, LATE_LINE, SPARSE)]
    pdf = Pdf(build_combined_report(items, load_pack(), INVARIANT, title="Board 3 December"))
    text = pdf.text
    assert text.count("The evidence Primary endpoints") == 1
    assert text.count("References [1]") == 1
    assert text.count("About the evidence: a correction") == 1
    total = len(pdf.pages)
    assert total >= 1 + len(items) + 1
    for number, page in enumerate(pdf.pages, start=1):
        assert f"Page {number} of {total}" in page
        assert "Decision support for qualified clinicians" in page
    for reference in ("CRLM-2026-014", "CRLM-2026-021", "CRLM-2026-033", "CRLM-2026-040"):
        assert f"Case {reference}" in text
    # Each case starts on its own page: no page carries two cases' titles.
    for page in pdf.pages:
        titles = [r for r in ("014", "021", "033", "040") if f"Case CRLM-2026-{r} " in page]
        assert len(set(titles)) <= 1, page[:200]
    # EPOCH is shown because one case is second-line with glass microspheres.
    assert "8.0 vs 7.2 mo" in text
    assert pdf.metadata["/Title"] == "TAREaid — Board 3 December"


def test_combined_report_of_no_cases_still_builds():
    pdf = Pdf(build_combined_report([], load_pack(), INVARIANT))
    assert "Tumour board summary" in pdf.text


def test_write_report_is_atomic_and_private(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "case.pdf"
    target.write_bytes(b"old")
    write_report(target, b"%PDF-new")
    assert target.read_bytes() == b"%PDF-new"
    assert target.stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in folder.iterdir()) == ["case.pdf"]


def test_write_report_refuses_a_folder_and_a_missing_folder(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(IsADirectoryError):
        write_report(folder, b"%PDF")
    with pytest.raises(FileNotFoundError):
        write_report(folder / "missing" / "case.pdf", b"%PDF")
    assert list(folder.iterdir()) == []


def test_importing_the_package_does_not_import_reportlab():
    script = (
        "import sys\n"
        "from tareaid.report import ReportOptions, build_report\n"
        "print(any(m == 'reportlab' or m.startswith('reportlab.') for m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_every_demo_case_fits_on_three_pages_identified_and_de_identified():
    # An ordinary case's summary stays within three pages, with the trial populations.
    from tareaid.domain.assessment import assess
    from tareaid.store.demo_cases import load_demo_cases

    pack = load_pack()
    cases = load_demo_cases()
    assert cases
    for case in cases:
        assessment = assess(case, pack)
        for deidentified in (False, True):
            options = ReportOptions(invariant=True, deidentified=deidentified)
            pages = len(Pdf(build_report(case, assessment, pack, options)).pages)
            assert pages <= 3, f"{case.reference} runs to {pages} pages"
        # US Letter is 18 mm shorter: a case with the EPOCH results or many alerts may take
        # a fourth page, never a fifth.
        letter = ReportOptions(invariant=True, page_size="Letter")
        pages = len(Pdf(build_report(case, assessment, pack, letter)).pages)
        assert pages <= 4, f"{case.reference} runs to {pages} Letter pages"
