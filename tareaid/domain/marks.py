"""The marks that stand beside words, so that no status is told apart by colour alone.

The evidence status of a framework claim (CONTRACT.md §4), a trial-population criterion
(met, not met, unknown) and the severity of a work-up alert each have a shape here, used by
the desktop, the projection and the PDF alike, as the tier shapes are (``fields.TIER_SHAPES``).
The words beside them come from the evidence pack, except the severities', which the
contract fixes: only a contraindication is something "to resolve first".

No claim or criterion shape is a tier shape (▲ ● ▼ ? ◆), so a status is never read as a
tier; every shape is in the fonts the application and the PDF ship.
"""

from __future__ import annotations

from tareaid.domain.claims import (
    CLINICAL_REASONING,
    CONFLICTS_WITH_GUIDANCE,
    CONSISTENT_WITH_TRIAL_ELIGIBILITY,
    CONTRADICTED_FOR_SURVIVAL,
    INDIRECT,
    NOT_SHOWN_BY_TRIALS,
    NOT_SUPPORTED,
    UNDERSTATED,
)
from tareaid.domain.evidence import CAUTION, CONTRAINDICATION
from tareaid.domain.trial_rules import MET, NOT_MET, UNKNOWN

# Crosses and slashes where the evidence does not bear the claim out, a half-filled circle
# for indirect evidence, an arrow where the evidence is stronger than the framework says,
# "not equal" where guidance places the setting differently, an open circle for clinical
# reasoning and a tick where the tier follows who the trials enrolled.
CLAIM_STATUS_SHAPES: dict[str, str] = {
    NOT_SHOWN_BY_TRIALS: "∅",
    CONTRADICTED_FOR_SURVIVAL: "✗",
    NOT_SUPPORTED: "⊘",
    CONFLICTS_WITH_GUIDANCE: "≠",
    UNDERSTATED: "↑",
    INDIRECT: "◐",
    CLINICAL_REASONING: "○",
    CONSISTENT_WITH_TRIAL_ELIGIBILITY: "✓",
}

CRITERION_SHAPES: dict[str, str] = {MET: "✓", NOT_MET: "✗", UNKNOWN: "?"}
# A criterion that cannot be checked from case data (listed with its reason).
NOT_CHECKABLE_SHAPE = "–"

SEVERITY_SHAPES: dict[str, str] = {CONTRAINDICATION: "✖", CAUTION: "⚠"}
# (one alert, several), as CONTRACT.md §3 words them.
SEVERITY_WORDS: dict[str, tuple[str, str]] = {
    CONTRAINDICATION: (
        "Contraindication, to resolve first",
        "Contraindications, to resolve first",
    ),
    CAUTION: ("Caution", "Cautions"),
}
# No alert raised, with every work-up check made; and checks not made (never "no alert").
NO_ALERT_SHAPE = "✓"
NOT_CHECKED_SHAPE = "?"


def severity_heading(severity: str, count: int = 1) -> str:
    """'✖ Contraindication, to resolve first' or '⚠ Cautions': shape and words."""
    one, several = SEVERITY_WORDS[severity]
    return f"{SEVERITY_SHAPES[severity]} {one if count == 1 else several}"
