"""The report builds for varied cases and is a readable PDF."""

from __future__ import annotations

import io

import pypdf
import pytest
from report_samples import ALL, make

from tareaid.domain.evidence import load_pack
from tareaid.report import ReportOptions, build_report


@pytest.mark.parametrize("name", sorted(ALL))
def test_each_sample_case_builds_a_readable_pdf(name):
    case, assessment = make(ALL[name])
    data = build_report(case, assessment, load_pack(), ReportOptions(invariant=True))
    assert data.startswith(b"%PDF-")
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert 1 <= len(reader.pages) <= 3
