"""The case fields of the `tareaid.case/1` format: names, types, limits, labels and groups.

One table describes every field so that validation, storage, the editor and the report
all agree on what a field is; adding a field means adding one row here.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    """How a field's value is written in JSON and held in memory."""

    TEXT = "text"
    DATE = "date"
    INTEGER = "integer"
    NUMBER = "number"
    BOOLEAN = "boolean"
    CHOICE = "choice"


class Group(StrEnum):
    """The groups a clinician thinks in; the editor and the report follow this order."""

    PATIENT = "Patient"
    DISEASE = "Primary and metastatic disease"
    EXTRAHEPATIC = "Extrahepatic disease"
    MOLECULAR = "Molecular profile"
    LESIONS = "Liver lesions"
    LIVER = "Liver function and contraindications"
    HISTORY = "History"
    TREATMENT = "Treatment plan"
    WORKUP = "Work-up"
    NOTES = "Notes"


@dataclass(frozen=True)
class FieldSpec:
    """One field of a case: its JSON name, type, limits and how people see it."""

    name: str
    kind: Kind
    label: str
    group: Group
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    max_length: int | None = None
    identifying: bool = False
    unit: str = ""
    help: str = ""

    def choice_label(self, value: str) -> str:
        """The words shown for a stored choice value."""
        return CHOICE_LABELS.get(value, value.replace("_", " "))


# Limits on free text exist so that a pasted document cannot swamp a table row or a page.
NAME_MAX = 200
MRN_MAX = 64
REFERENCE_MAX = 64
NOTES_MAX = 20_000
REASON_MAX = 2_000

FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec(
        "reference",
        Kind.TEXT,
        "Case reference",
        Group.PATIENT,
        max_length=REFERENCE_MAX,
        help="Pseudonymous reference shown everywhere, 1–64 characters, unique",
    ),
    FieldSpec(
        "patient_name",
        Kind.TEXT,
        "Patient name",
        Group.PATIENT,
        max_length=NAME_MAX,
        identifying=True,
    ),
    FieldSpec("mrn", Kind.TEXT, "MRN", Group.PATIENT, max_length=MRN_MAX, identifying=True),
    FieldSpec("date_of_birth", Kind.DATE, "Date of birth", Group.PATIENT, identifying=True),
    FieldSpec(
        "age_years", Kind.INTEGER, "Age", Group.PATIENT, minimum=18, maximum=120, unit="years"
    ),
    FieldSpec(
        "sex", Kind.CHOICE, "Sex", Group.PATIENT, choices=("female", "male", "other", "unknown")
    ),
    FieldSpec("board_date", Kind.DATE, "Tumour board date", Group.PATIENT),
    FieldSpec(
        "primary_tumour_side",
        Kind.CHOICE,
        "Primary tumour side",
        Group.DISEASE,
        choices=("right", "left", "rectum", "unknown"),
    ),
    FieldSpec(
        "histology",
        Kind.CHOICE,
        "Histology",
        Group.DISEASE,
        choices=("adenocarcinoma", "other", "unknown"),
    ),
    FieldSpec(
        "metastatic_pattern",
        Kind.CHOICE,
        "Metastatic pattern",
        Group.DISEASE,
        choices=(
            "liver_only",
            "liver_dominant",
            "liver_limited_lung",
            "extensive_extrahepatic",
            "unknown",
        ),
    ),
    FieldSpec(
        "treatment_goal",
        Kind.CHOICE,
        "Treatment goal",
        Group.DISEASE,
        choices=("conversion_to_resection", "disease_control", "palliative", "unknown"),
    ),
    FieldSpec(
        "prior_systemic_lines",
        Kind.INTEGER,
        "Prior systemic lines",
        Group.DISEASE,
        minimum=0,
        maximum=15,
        help="0 = first-line setting",
    ),
    FieldSpec(
        "ras_status",
        Kind.CHOICE,
        "RAS status",
        Group.MOLECULAR,
        choices=("mutant", "wild_type", "unknown"),
    ),
    FieldSpec(
        "braf_status",
        Kind.CHOICE,
        "BRAF status",
        Group.MOLECULAR,
        choices=("v600e", "wild_type", "unknown"),
    ),
    FieldSpec(
        "msi_status",
        Kind.CHOICE,
        "MSI status",
        Group.MOLECULAR,
        choices=("msi_high", "mss", "unknown"),
    ),
    FieldSpec(
        "liver_lesion_count",
        Kind.INTEGER,
        "Number of liver lesions",
        Group.LESIONS,
        minimum=0,
        maximum=200,
    ),
    FieldSpec("bilobar", Kind.BOOLEAN, "Bilobar", Group.LESIONS),
    FieldSpec("ablation_suitable", Kind.BOOLEAN, "Suitable for ablation", Group.LESIONS),
    FieldSpec("resectable", Kind.BOOLEAN, "Resectable", Group.LESIONS),
    FieldSpec(
        "largest_lesion_mm",
        Kind.INTEGER,
        "Largest lesion",
        Group.LESIONS,
        minimum=1,
        maximum=400,
        unit="mm",
    ),
    FieldSpec("ecog", Kind.INTEGER, "ECOG performance status", Group.DISEASE, minimum=0, maximum=4),
    FieldSpec(
        "life_expectancy_3_months",
        Kind.BOOLEAN,
        "Life expectancy at least 3 months",
        Group.DISEASE,
        help="The clinician expects the patient to live at least 3 months",
    ),
    # Second release: the fields the trial-population check reads (TRIALS.md).
    FieldSpec(
        "lung_metastasis_count",
        Kind.INTEGER,
        "Lung metastases",
        Group.EXTRAHEPATIC,
        minimum=0,
        maximum=100,
        help="Number of lung metastases; 0 = none",
    ),
    FieldSpec(
        "lung_metastasis_max_mm",
        Kind.INTEGER,
        "Largest lung metastasis",
        Group.EXTRAHEPATIC,
        minimum=1,
        maximum=200,
        unit="mm",
        help="Only with at least one lung metastasis",
    ),
    FieldSpec(
        "nodal_regions",
        Kind.INTEGER,
        "Nodal regions involved",
        Group.EXTRAHEPATIC,
        minimum=0,
        maximum=10,
        help="Anatomical regions with nodal metastases; 0 = none",
    ),
    FieldSpec(
        "nodal_max_mm",
        Kind.INTEGER,
        "Largest metastatic node",
        Group.EXTRAHEPATIC,
        minimum=1,
        maximum=200,
        unit="mm",
        help="Only with at least one nodal region",
    ),
    FieldSpec("bone_metastases", Kind.BOOLEAN, "Bone metastases", Group.EXTRAHEPATIC),
    FieldSpec("peritoneal_metastases", Kind.BOOLEAN, "Peritoneal metastases", Group.EXTRAHEPATIC),
    FieldSpec(
        "other_extrahepatic_site",
        Kind.BOOLEAN,
        "Other extrahepatic site",
        Group.EXTRAHEPATIC,
        help="Any extrahepatic site other than lung, nodes, bone and peritoneum",
    ),
    FieldSpec(
        "albumin_g_dl",
        Kind.NUMBER,
        "Serum albumin",
        Group.LIVER,
        minimum=0,
        maximum=10,
        unit="g/dL",
    ),
    FieldSpec("ascites", Kind.BOOLEAN, "Ascites", Group.LIVER),
    FieldSpec("cirrhosis", Kind.BOOLEAN, "Cirrhosis", Group.LIVER),
    FieldSpec("portal_hypertension", Kind.BOOLEAN, "Portal hypertension", Group.LIVER),
    FieldSpec(
        "main_portal_vein_involvement",
        Kind.BOOLEAN,
        "Main portal vein involvement",
        Group.LIVER,
    ),
    FieldSpec(
        "prior_adjuvant_chemotherapy",
        Kind.BOOLEAN,
        "Prior adjuvant chemotherapy",
        Group.HISTORY,
        help="Adjuvant chemotherapy after resection of the primary tumour",
    ),
    FieldSpec(
        "adjuvant_ended_on",
        Kind.DATE,
        "Adjuvant chemotherapy ended",
        Group.HISTORY,
        help="Date of the last adjuvant dose; a date means adjuvant chemotherapy was given",
    ),
    FieldSpec(
        "first_line_regimen",
        Kind.CHOICE,
        "First-line regimen given",
        Group.HISTORY,
        choices=("oxaliplatin_based", "irinotecan_based", "other", "unknown"),
        help="What was given in first line, when there was at least one prior line",
    ),
    FieldSpec(
        "peripheral_neuropathy_grade",
        Kind.INTEGER,
        "Peripheral neuropathy grade",
        Group.HISTORY,
        minimum=0,
        maximum=4,
        help="NCI CTCAE grade, 0–4",
    ),
    FieldSpec(
        "prior_upper_abdominal_radiotherapy",
        Kind.BOOLEAN,
        "Prior radiotherapy to the upper abdomen or liver",
        Group.HISTORY,
    ),
    FieldSpec("other_active_malignancy", Kind.BOOLEAN, "Other active malignancy", Group.HISTORY),
    FieldSpec(
        "planned_chemotherapy",
        Kind.CHOICE,
        "Planned chemotherapy",
        Group.TREATMENT,
        choices=("FOLFOX", "CAPOX", "FOLFIRI", "FOLFOXIRI", "other", "none", "unknown"),
    ),
    FieldSpec(
        "planned_biologic",
        Kind.CHOICE,
        "Planned biologic",
        Group.TREATMENT,
        choices=("none", "bevacizumab", "cetuximab", "panitumumab", "unknown"),
    ),
    FieldSpec(
        "checkpoint_inhibitor",
        Kind.BOOLEAN,
        "Checkpoint inhibitor",
        Group.TREATMENT,
        help="On or planned for pembrolizumab or another checkpoint inhibitor",
    ),
    FieldSpec(
        "prior_kras_g12c_inhibitor", Kind.BOOLEAN, "Prior KRAS G12C inhibitor", Group.TREATMENT
    ),
    FieldSpec(
        "microsphere",
        Kind.CHOICE,
        "Microsphere",
        Group.TREATMENT,
        choices=("sir_spheres", "therasphere", "undecided"),
    ),
    FieldSpec(
        "lung_shunt_fraction_pct",
        Kind.NUMBER,
        "Lung shunt fraction",
        Group.WORKUP,
        minimum=0,
        maximum=100,
        unit="%",
        help="From the Tc-99m MAA work-up",
    ),
    FieldSpec(
        "lung_dose_gy",
        Kind.NUMBER,
        "Estimated lung dose",
        Group.WORKUP,
        minimum=0,
        maximum=200,
        unit="Gy",
        help="Estimated lung absorbed dose from the dosimetry work-up",
    ),
    FieldSpec(
        "bilirubin_mg_dl",
        Kind.NUMBER,
        "Serum bilirubin",
        Group.WORKUP,
        minimum=0,
        maximum=50,
        unit="mg/dL",
        help="Stored in mg/dL (1 mg/dL = 17.1 µmol/L)",
    ),
    FieldSpec("notes", Kind.TEXT, "Notes", Group.NOTES, max_length=NOTES_MAX),
)

FIELDS_BY_NAME: dict[str, FieldSpec] = {spec.name: spec for spec in FIELDS}
IDENTIFYING_FIELDS: frozenset[str] = frozenset(s.name for s in FIELDS if s.identifying)

CHOICE_LABELS: dict[str, str] = {
    "liver_only": "Liver only",
    "liver_dominant": "Liver dominant",
    "liver_limited_lung": "Liver and limited lung",
    "extensive_extrahepatic": "Extensive extrahepatic",
    "conversion_to_resection": "Conversion to resection",
    "disease_control": "Disease control",
    "palliative": "Palliative",
    "wild_type": "Wild-type",
    "mutant": "Mutant",
    "v600e": "V600E",
    "msi_high": "MSI-high",
    "mss": "MSS",
    "sir_spheres": "SIR-Spheres (resin)",
    "therasphere": "TheraSphere (glass)",
    "undecided": "Undecided",
    "unknown": "Unknown",
    "rectum": "Rectum",
    "right": "Right",
    "left": "Left",
    "female": "Female",
    "male": "Male",
    "other": "Other",
    "none": "None",
    "bevacizumab": "Bevacizumab",
    "cetuximab": "Cetuximab",
    "panitumumab": "Panitumumab",
    "adenocarcinoma": "Adenocarcinoma",
    "oxaliplatin_based": "Oxaliplatin-based",
    "irinotecan_based": "Irinotecan-based",
}

FACTOR_KEYS: tuple[str, ...] = (
    "metastatic_pattern",
    "treatment_goal",
    "timing",
    "ras_status",
    "liver_lesions",
    "ecog",
)

# The case fields each factor's rule reads, so the checklist can ask for them in place.
FACTOR_FIELDS: dict[str, tuple[str, ...]] = {
    "metastatic_pattern": ("metastatic_pattern",),
    "treatment_goal": ("treatment_goal",),
    "timing": ("prior_systemic_lines",),
    "ras_status": ("ras_status",),
    "liver_lesions": ("liver_lesion_count", "bilobar", "ablation_suitable", "resectable"),
    "ecog": ("ecog",),
}

OVERRIDE_TIERS: tuple[str, ...] = ("favours", "neutral", "against")
TIERS: tuple[str, ...] = ("favours", "neutral", "against", "unassessed", "outside")

DECISION_OUTCOMES: tuple[str, ...] = (
    "discuss_tare",
    "not_recommended",
    "further_workup",
    "deferred",
)
DECISION_OUTCOME_LABELS: dict[str, str] = {
    "discuss_tare": "Discuss TARE with the patient",
    "not_recommended": "TARE not recommended by the board",
    "further_workup": "Further work-up needed",
    "deferred": "Deferred",
}

TIER_LABELS: dict[str, str] = {
    "favours": "Favours TARE",
    "neutral": "Neutral",
    "against": "Against TARE",
    "unassessed": "Unassessed",
    "outside": "Outside framework",
}
# A mark per tier so that no screen or page tells tiers apart by colour alone.
TIER_MARKS: dict[str, str] = {
    "favours": "+",
    "neutral": "=",
    "against": "−",
    "unassessed": "?",
    "outside": "!",
}
# Shapes that stay distinct in greyscale and for colour-blind readers: the app, the
# projection and the PDF all mark tiers with them, beside the word.
TIER_SHAPES: dict[str, str] = {
    "favours": "▲",
    "neutral": "●",
    "against": "▼",
    "unassessed": "?",
    "outside": "◆",
}
