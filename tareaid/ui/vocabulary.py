"""The words of the case format and the framework as the interface shows them, translated.

The domain names every field, group, choice, tier, decision outcome and alert severity in
English (``domain/fields.py``, ``domain/marks.py``): the case file, the command line and the
PDF use those words. The interface shows them in its own language: each is listed here for
``pyside6-lupdate`` and translated where it is shown. A word added in the domain shows in
English until it is listed here and translated (a test names any that is missing).
"""

from __future__ import annotations

from tareaid.domain.fields import (
    DECISION_OUTCOME_LABELS,
    FIELDS_BY_NAME,
    TIER_LABELS,
    FieldSpec,
    Group,
)
from tareaid.domain.marks import SEVERITY_SHAPES, SEVERITY_WORDS
from tareaid.ui.i18n import QT_TRANSLATE_NOOP, translate

# The domain's words, for pyside6-lupdate and for the test that finds one missing (at run
# time the domain's word itself is translated where it is shown).

_FIELD_LABELS = (
    QT_TRANSLATE_NOOP("Field", "Case reference"),
    QT_TRANSLATE_NOOP("Field", "Patient name"),
    QT_TRANSLATE_NOOP("Field", "MRN"),
    QT_TRANSLATE_NOOP("Field", "Date of birth"),
    QT_TRANSLATE_NOOP("Field", "Age"),
    QT_TRANSLATE_NOOP("Field", "Sex"),
    QT_TRANSLATE_NOOP("Field", "Tumour board date"),
    QT_TRANSLATE_NOOP("Field", "Primary tumour side"),
    QT_TRANSLATE_NOOP("Field", "Histology"),
    QT_TRANSLATE_NOOP("Field", "Metastatic pattern"),
    QT_TRANSLATE_NOOP("Field", "Treatment goal"),
    QT_TRANSLATE_NOOP("Field", "Prior systemic lines"),
    QT_TRANSLATE_NOOP("Field", "RAS status"),
    QT_TRANSLATE_NOOP("Field", "BRAF status"),
    QT_TRANSLATE_NOOP("Field", "MSI status"),
    QT_TRANSLATE_NOOP("Field", "Number of liver lesions"),
    QT_TRANSLATE_NOOP("Field", "Bilobar"),
    QT_TRANSLATE_NOOP("Field", "Suitable for ablation"),
    QT_TRANSLATE_NOOP("Field", "Resectable"),
    QT_TRANSLATE_NOOP("Field", "Largest lesion"),
    QT_TRANSLATE_NOOP("Field", "ECOG performance status"),
    QT_TRANSLATE_NOOP("Field", "Life expectancy at least 3 months"),
    QT_TRANSLATE_NOOP("Field", "Lung metastases"),
    QT_TRANSLATE_NOOP("Field", "Largest lung metastasis"),
    QT_TRANSLATE_NOOP("Field", "Nodal regions involved"),
    QT_TRANSLATE_NOOP("Field", "Largest metastatic node"),
    QT_TRANSLATE_NOOP("Field", "Bone metastases"),
    QT_TRANSLATE_NOOP("Field", "Peritoneal metastases"),
    QT_TRANSLATE_NOOP("Field", "Other extrahepatic site"),
    QT_TRANSLATE_NOOP("Field", "Serum albumin"),
    QT_TRANSLATE_NOOP("Field", "Ascites"),
    QT_TRANSLATE_NOOP("Field", "Cirrhosis"),
    QT_TRANSLATE_NOOP("Field", "Portal hypertension"),
    QT_TRANSLATE_NOOP("Field", "Main portal vein involvement"),
    QT_TRANSLATE_NOOP("Field", "Prior adjuvant chemotherapy"),
    QT_TRANSLATE_NOOP("Field", "Adjuvant chemotherapy ended"),
    QT_TRANSLATE_NOOP("Field", "First-line regimen given"),
    QT_TRANSLATE_NOOP("Field", "Peripheral neuropathy grade"),
    QT_TRANSLATE_NOOP("Field", "Prior radiotherapy to the upper abdomen or liver"),
    QT_TRANSLATE_NOOP("Field", "Other active malignancy"),
    QT_TRANSLATE_NOOP("Field", "Planned chemotherapy"),
    QT_TRANSLATE_NOOP("Field", "Planned biologic"),
    QT_TRANSLATE_NOOP("Field", "Checkpoint inhibitor"),
    QT_TRANSLATE_NOOP("Field", "Prior KRAS G12C inhibitor"),
    QT_TRANSLATE_NOOP("Field", "Microsphere"),
    QT_TRANSLATE_NOOP("Field", "Lung shunt fraction"),
    QT_TRANSLATE_NOOP("Field", "Estimated lung dose"),
    QT_TRANSLATE_NOOP("Field", "Serum bilirubin"),
    QT_TRANSLATE_NOOP("Field", "Notes"),
)

_FIELD_HELP = (
    QT_TRANSLATE_NOOP(
        "FieldHelp",
        "Pseudonymous reference shown everywhere, 1–64 characters, unique",
    ),
    QT_TRANSLATE_NOOP("FieldHelp", "0 = first-line setting"),
    QT_TRANSLATE_NOOP("FieldHelp", "The clinician expects the patient to live at least 3 months"),
    QT_TRANSLATE_NOOP("FieldHelp", "Number of lung metastases; 0 = none"),
    QT_TRANSLATE_NOOP("FieldHelp", "Only with at least one lung metastasis"),
    QT_TRANSLATE_NOOP("FieldHelp", "Anatomical regions with nodal metastases; 0 = none"),
    QT_TRANSLATE_NOOP("FieldHelp", "Only with at least one nodal region"),
    QT_TRANSLATE_NOOP(
        "FieldHelp",
        "Any extrahepatic site other than lung, nodes, bone and peritoneum",
    ),
    QT_TRANSLATE_NOOP("FieldHelp", "Adjuvant chemotherapy after resection of the primary tumour"),
    QT_TRANSLATE_NOOP(
        "FieldHelp",
        "Date of the last adjuvant dose; a date means adjuvant chemotherapy was given",
    ),
    QT_TRANSLATE_NOOP(
        "FieldHelp",
        "What was given in first line, when there was at least one prior line",
    ),
    QT_TRANSLATE_NOOP("FieldHelp", "NCI CTCAE grade, 0–4"),
    QT_TRANSLATE_NOOP(
        "FieldHelp",
        "On or planned for pembrolizumab or another checkpoint inhibitor",
    ),
    QT_TRANSLATE_NOOP("FieldHelp", "From the Tc-99m MAA work-up"),
    QT_TRANSLATE_NOOP("FieldHelp", "Estimated lung absorbed dose from the dosimetry work-up"),
    QT_TRANSLATE_NOOP("FieldHelp", "Stored in mg/dL (1 mg/dL = 17.1 µmol/L)"),
)

_GROUPS = (
    QT_TRANSLATE_NOOP("FieldGroup", "Patient"),
    QT_TRANSLATE_NOOP("FieldGroup", "Primary and metastatic disease"),
    QT_TRANSLATE_NOOP("FieldGroup", "Extrahepatic disease"),
    QT_TRANSLATE_NOOP("FieldGroup", "Molecular profile"),
    QT_TRANSLATE_NOOP("FieldGroup", "Liver lesions"),
    QT_TRANSLATE_NOOP("FieldGroup", "Liver function and contraindications"),
    QT_TRANSLATE_NOOP("FieldGroup", "History"),
    QT_TRANSLATE_NOOP("FieldGroup", "Treatment plan"),
    QT_TRANSLATE_NOOP("FieldGroup", "Work-up"),
    QT_TRANSLATE_NOOP("FieldGroup", "Notes"),
)

_CHOICES = (
    QT_TRANSLATE_NOOP("Choice", "Liver only"),
    QT_TRANSLATE_NOOP("Choice", "Liver dominant"),
    QT_TRANSLATE_NOOP("Choice", "Liver and limited lung"),
    QT_TRANSLATE_NOOP("Choice", "Extensive extrahepatic"),
    QT_TRANSLATE_NOOP("Choice", "Conversion to resection"),
    QT_TRANSLATE_NOOP("Choice", "Disease control"),
    QT_TRANSLATE_NOOP("Choice", "Palliative"),
    QT_TRANSLATE_NOOP("Choice", "Wild-type"),
    QT_TRANSLATE_NOOP("Choice", "Mutant"),
    QT_TRANSLATE_NOOP("Choice", "V600E"),
    QT_TRANSLATE_NOOP("Choice", "MSI-high"),
    QT_TRANSLATE_NOOP("Choice", "MSS"),
    QT_TRANSLATE_NOOP("Choice", "SIR-Spheres (resin)"),
    QT_TRANSLATE_NOOP("Choice", "TheraSphere (glass)"),
    QT_TRANSLATE_NOOP("Choice", "Undecided"),
    QT_TRANSLATE_NOOP("Choice", "Unknown"),
    QT_TRANSLATE_NOOP("Choice", "Rectum"),
    QT_TRANSLATE_NOOP("Choice", "Right"),
    QT_TRANSLATE_NOOP("Choice", "Left"),
    QT_TRANSLATE_NOOP("Choice", "Female"),
    QT_TRANSLATE_NOOP("Choice", "Male"),
    QT_TRANSLATE_NOOP("Choice", "Other"),
    QT_TRANSLATE_NOOP("Choice", "None"),
    QT_TRANSLATE_NOOP("Choice", "Bevacizumab"),
    QT_TRANSLATE_NOOP("Choice", "Cetuximab"),
    QT_TRANSLATE_NOOP("Choice", "Panitumumab"),
    QT_TRANSLATE_NOOP("Choice", "Adenocarcinoma"),
    QT_TRANSLATE_NOOP("Choice", "Oxaliplatin-based"),
    QT_TRANSLATE_NOOP("Choice", "Irinotecan-based"),
)

_TIERS = (
    QT_TRANSLATE_NOOP("Tier", "Favours TARE"),
    QT_TRANSLATE_NOOP("Tier", "Neutral"),
    QT_TRANSLATE_NOOP("Tier", "Against TARE"),
    QT_TRANSLATE_NOOP("Tier", "Unassessed"),
    QT_TRANSLATE_NOOP("Tier", "Outside framework"),
)

_OUTCOMES = (
    QT_TRANSLATE_NOOP("DecisionOutcome", "Discuss TARE with the patient"),
    QT_TRANSLATE_NOOP("DecisionOutcome", "TARE not recommended by the board"),
    QT_TRANSLATE_NOOP("DecisionOutcome", "Further work-up needed"),
    QT_TRANSLATE_NOOP("DecisionOutcome", "Deferred"),
)

_SEVERITIES = (
    QT_TRANSLATE_NOOP("Severity", "Contraindication, to resolve first"),
    QT_TRANSLATE_NOOP("Severity", "Contraindications, to resolve first"),
    QT_TRANSLATE_NOOP("Severity", "Caution"),
    QT_TRANSLATE_NOOP("Severity", "Cautions"),
)

# The framework's own names for its three tiers, as a sentence quotes them ("the framework's
# favours tier").
_TIER_WORDS = (
    QT_TRANSLATE_NOOP("TierWord", "favours"),
    QT_TRANSLATE_NOOP("TierWord", "neutral"),
    QT_TRANSLATE_NOOP("TierWord", "against"),
)

_UNITS = (QT_TRANSLATE_NOOP("Unit", "years"),)


def field_label(field: FieldSpec | str) -> str:
    """A field's name on a form ('Serum bilirubin'); any other key as it is."""
    spec = FIELDS_BY_NAME.get(field) if isinstance(field, str) else field
    if spec is None:
        return str(field)
    return translate("Field", spec.label)


def field_help(spec: FieldSpec) -> str:
    """What a field's tooltip says about it beyond its name ('' when nothing)."""
    return translate("FieldHelp", spec.help) if spec.help else ""


def group_label(group: Group) -> str:
    return translate("FieldGroup", group.value)


def choice_label(spec: FieldSpec, value: str) -> str:
    """The words for a stored choice ('Liver only'); regimen names stay as they are."""
    return translate("Choice", spec.choice_label(value))


def unit_label(unit: str) -> str:
    """A field's unit: 'years' in words, symbols (mm, mg/dL, %) as they are."""
    return translate("Unit", unit)


def tier_label(tier: str) -> str:
    """'Favours TARE', 'Neutral', …; an unknown tier as it is."""
    return translate("Tier", TIER_LABELS[tier]) if tier in TIER_LABELS else str(tier)


def tier_word(tier: str) -> str:
    """The framework's name of a tier in a sentence: 'favours', 'neutral', 'against'."""
    return translate("TierWord", tier)


def outcome_label(outcome: str) -> str:
    """A decision outcome in words; an unknown one as it is."""
    if outcome in DECISION_OUTCOME_LABELS:
        return translate("DecisionOutcome", DECISION_OUTCOME_LABELS[outcome])
    return str(outcome)


def severity_words(severity: str, count: int = 1) -> str:
    """'Contraindication, to resolve first' or 'Cautions' (the contract's wording)."""
    one, several = SEVERITY_WORDS[severity]
    return translate("Severity", one if count == 1 else several)


def severity_heading(severity: str, count: int = 1) -> str:
    """'✖ Contraindication, to resolve first' or '⚠ Cautions': shape and words."""
    return f"{SEVERITY_SHAPES[severity]} {severity_words(severity, count)}"


__all__ = [
    "choice_label",
    "field_help",
    "field_label",
    "group_label",
    "outcome_label",
    "severity_heading",
    "severity_words",
    "tier_label",
    "tier_word",
    "unit_label",
]
