"""Fictional cases for the report tests: varied, covering every tier, flag and extreme.

All names, MRNs and dates are invented.
"""

from __future__ import annotations

from tareaid.domain.assessment import Assessment, assess
from tareaid.domain.case import Case, parse_case
from tareaid.domain.evidence import load_pack

# A first-line case with a finalised decision, an override and an accented name.
TYPICAL = {
    "reference": "CRLM-2026-014",
    "patient_name": "Zoë Ørsted-Müller",
    "mrn": "MRN-884213",
    "date_of_birth": "1958-03-12",
    "age_years": 68,
    "sex": "female",
    "board_date": "2026-12-03",
    "primary_tumour_side": "left",
    "metastatic_pattern": "liver_dominant",
    "treatment_goal": "conversion_to_resection",
    "prior_systemic_lines": 0,
    "ras_status": "mutant",
    "braf_status": "wild_type",
    "msi_status": "mss",
    "liver_lesion_count": 7,
    "bilobar": True,
    "ablation_suitable": False,
    "resectable": False,
    "largest_lesion_mm": 46,
    "ecog": 1,
    "planned_chemotherapy": "FOLFOX",
    "planned_biologic": "bevacizumab",
    "checkpoint_inhibitor": False,
    "prior_kras_g12c_inhibitor": False,
    "microsphere": "sir_spheres",
    "lung_shunt_fraction_pct": 12.5,
    "bilirubin_mg_dl": 0.8,
    "notes": "Discussed with the HPB surgeons: re-stage after 4 cycles.\nCEA 48 µg/L.",
    "overrides": {
        "ecog": {
            "tier": "neutral",
            "reason": "ECOG 1 on paper but frail after a recent admission; treat as 2.",
        }
    },
    "decision": {
        "outcome": "discuss_tare",
        "rationale": "Liver-dominant bilobar disease unsuitable for ablation; aim is "
        "conversion. Stop bevacizumab ≥ 4 weeks before work-up.",
        "attendees": ["Dr A. Okafor (HPB surgery)", "Dr L. Brennan (IR)", "Dr S. Patel (oncology)"],
        "decided_on": "2026-12-03",
        "finalised": True,
    },
}

# Second line, TheraSphere, every alert and gap, a CJK name, a draft decision.
SECOND_LINE = {
    "reference": "CRLM-2026-021",
    "patient_name": "王小明",
    "mrn": "H-5521907",
    "date_of_birth": "1949-11-30",
    "age_years": 77,
    "sex": "male",
    "board_date": "2026-12-10",
    "primary_tumour_side": "right",
    "metastatic_pattern": "liver_limited_lung",
    "treatment_goal": "disease_control",
    "prior_systemic_lines": 1,
    "ras_status": "wild_type",
    "braf_status": "v600e",
    "msi_status": "msi_high",
    "liver_lesion_count": 3,
    "bilobar": True,
    "ablation_suitable": True,
    "ecog": 2,
    "planned_chemotherapy": "FOLFIRI",
    "planned_biologic": "cetuximab",
    "checkpoint_inhibitor": True,
    "prior_kras_g12c_inhibitor": True,
    "microsphere": "therasphere",
    "lung_shunt_fraction_pct": 23.0,
    "bilirubin_mg_dl": 2.6,
    "decision": {
        "outcome": "further_workup",
        "rationale": "Repeat MAA; bilirubin to be explained first (王小明 to be seen in clinic).",
        "attendees": ["Dr 李娜 (oncology)", "Dr M. Novák (IR)"],
        "finalised": False,
    },
}

# Second-line rescue with resin microspheres: EPOCH is shown; one gap, no alert.
SECOND_LINE_RESCUE = {
    "reference": "CRLM-2026-027",
    "patient_name": "Siobhán Ní Bhriain",
    "mrn": "IE-220981",
    "date_of_birth": "1966-05-21",
    "age_years": 60,
    "sex": "female",
    "board_date": "2026-12-10",
    "primary_tumour_side": "left",
    "metastatic_pattern": "liver_only",
    "treatment_goal": "disease_control",
    "prior_systemic_lines": 1,
    "ras_status": "mutant",
    "braf_status": "wild_type",
    "msi_status": "mss",
    "liver_lesion_count": 9,
    "bilobar": True,
    "ablation_suitable": False,
    "resectable": False,
    "largest_lesion_mm": 38,
    "ecog": 1,
    "planned_chemotherapy": "FOLFIRI",
    "planned_biologic": "none",
    "microsphere": "sir_spheres",
    "lung_shunt_fraction_pct": 6.0,
    "bilirubin_mg_dl": 0.9,
    "decision": {
        "outcome": "discuss_tare",
        "rationale": "Liver-only progression on FOLFOX; second-line rescue discussed.",
        "attendees": ["Dr K. Osei", "Dr P. Lindqvist", "Dr R. Haddad", "CNS J. Moore"],
        "decided_on": "2026-12-10",
        "finalised": True,
    },
}

# Late line, against and outside tiers, no decision.
LATE_LINE = {
    "reference": "CRLM-2026-033",
    "patient_name": "Jean-Luc Lefèvre",
    "mrn": "004471",
    "date_of_birth": "1961-07-04",
    "board_date": "2026-12-10",
    "metastatic_pattern": "extensive_extrahepatic",
    "treatment_goal": "palliative",
    "prior_systemic_lines": 3,
    "ras_status": "unknown",
    "liver_lesion_count": 1,
    "resectable": True,
    "ecog": 3,
    "planned_chemotherapy": "CAPOX",
    "planned_biologic": "none",
    "microsphere": "undecided",
    "overrides": {
        "timing": {"tier": "neutral", "reason": "Only two lines were full-dose; board view."}
    },
}

# Third line (outside), everything else missing.
SPARSE = {
    "reference": "CRLM-2026-040",
    "prior_systemic_lines": 2,
    "liver_lesion_count": 0,
}

MINIMAL = {"reference": "X"}


def long_case() -> dict:
    """Every field at its maximum length or count."""
    words = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod. "
    notes = (words * 300)[:19_990].rstrip() + " END."
    notes = notes[:20_000]
    reason = (words * 30)[:2_000]
    attendee = ("Dr Attendee With A Very Long Name And Department " * 5)[:200].strip()
    return {
        **TYPICAL,
        "reference": "R" * 64,
        "patient_name": ("Maximilian-Alexander Großmann-Ñúñez " * 6)[:200].strip(),
        "mrn": "9" * 64,
        "notes": notes,
        "overrides": {
            key: {"tier": "against", "reason": reason}
            for key in (
                "metastatic_pattern",
                "treatment_goal",
                "timing",
                "ras_status",
                "liver_lesions",
                "ecog",
            )
        },
        "decision": {
            "outcome": "not_recommended",
            "rationale": reason,
            "dissent": reason,
            "attendees": [f"{attendee[:195]} {i:02d}" for i in range(60)],
            "decided_on": "2026-12-03",
            "finalised": True,
        },
    }


def full_case() -> dict:
    """Every field of the case format filled (CONTRACT §2 and §2b), with long but ordinary
    free text: what a thorough board writes."""
    sentence = "Discussed imaging, pathology and the work-up with the HPB team in detail. "
    return {
        **TYPICAL,
        "histology": "adenocarcinoma",
        "prior_adjuvant_chemotherapy": True,
        "adjuvant_ended_on": "2025-01-15",
        "lung_metastasis_count": 2,
        "lung_metastasis_max_mm": 8,
        "nodal_regions": 1,
        "nodal_max_mm": 14,
        "bone_metastases": False,
        "peritoneal_metastases": False,
        "other_extrahepatic_site": False,
        "ascites": False,
        "cirrhosis": False,
        "portal_hypertension": False,
        "main_portal_vein_involvement": False,
        "prior_upper_abdominal_radiotherapy": False,
        "peripheral_neuropathy_grade": 1,
        "other_active_malignancy": False,
        "life_expectancy_3_months": True,
        "albumin_g_dl": 3.8,
        "lung_dose_gy": 12.0,
        "notes": (sentence * 24).strip() + " END OF NOTES",
        "overrides": {
            key: {"tier": "neutral", "reason": sentence * 3}
            for key in ("metastatic_pattern", "treatment_goal", "ecog")
        },
        "decision": {
            **TYPICAL["decision"],
            "rationale": sentence * 6,
            "dissent": sentence * 4 + "END OF DISSENT",
            "attendees": [f"Dr Attendee {i} (department {i})" for i in range(12)],
        },
    }


def make(data: dict) -> tuple[Case, Assessment]:
    case = parse_case(data)
    return case, assess(case, load_pack())


ALL = {
    "typical": TYPICAL,
    "second_line": SECOND_LINE,
    "second_line_rescue": SECOND_LINE_RESCUE,
    "late_line": LATE_LINE,
    "sparse": SPARSE,
    "minimal": MINIMAL,
}
