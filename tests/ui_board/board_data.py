"""The board the tests run: three cases of one date, one of them carrying identifiers."""

from __future__ import annotations

from datetime import date

from tareaid.domain.case import Case

BOARD_DATE = date(2026, 12, 3)
NAME = "Zoë Ñúñez-Åberg"
MRN = "MRN-778899"
DOB = "1950-03-12"
# The identifiers as a person or a program might write them; none may reach the wall.
IDENTIFIER_FORMS = (
    NAME,
    "Zoë",
    "Ñúñez",
    MRN,
    "778899",
    DOB,
    "12.03.1950",
    "12/03/1950",
    "03/12/1950",
)


def board_cases() -> list[Case]:
    """Three cases of one board; the first carries every identifier."""
    return [
        Case(
            reference="BRD-001",
            patient_name=NAME,
            mrn=MRN,
            date_of_birth=date.fromisoformat(DOB),
            board_date=BOARD_DATE,
            metastatic_pattern="liver_only",
            treatment_goal="conversion_to_resection",
            prior_systemic_lines=0,
            ras_status="mutant",
            liver_lesion_count=6,
            bilobar=True,
            ablation_suitable=False,
            ecog=1,
            planned_chemotherapy="FOLFOX",
            planned_biologic="bevacizumab",
            lung_shunt_fraction_pct=12.0,
        ),
        Case(
            reference="BRD-002",
            board_date=BOARD_DATE,
            metastatic_pattern="liver_limited_lung",
            treatment_goal="disease_control",
            prior_systemic_lines=1,
            ras_status="wild_type",
            liver_lesion_count=3,
            bilobar=True,
            ablation_suitable=True,
            ecog=2,
            planned_chemotherapy="FOLFIRI",
        ),
        Case(
            reference="BRD-003",
            board_date=BOARD_DATE,
            metastatic_pattern="extensive_extrahepatic",
            treatment_goal="palliative",
            prior_systemic_lines=3,
            ecog=3,
            bilirubin_mg_dl=2.6,
        ),
    ]
