"""The marks the wall puts beside words: claim statuses, alert severities, trial criteria.

Nothing on the projection is told apart by colour alone: each status has a shape here and a
word from the evidence pack (claim-status labels, the met / not met / unknown words of the
trial populations) or from the contract (a contraindication is "to resolve first", a
caution is a caution). The shapes avoid the tier shapes (▲ ● ▼ ? ◆) so that a claim marker
is never read as a tier.
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
from tareaid.domain.evidence import CAUTION, CONTRAINDICATION, EvidencePack

# One shape per claim status: crosses and bars where the evidence goes against the claim,
# an arrow where it is stronger than the framework says, a tick where it follows the trials.
CLAIM_SHAPES: dict[str, str] = {
    NOT_SHOWN_BY_TRIALS: "∅",
    CONTRADICTED_FOR_SURVIVAL: "✕",
    NOT_SUPPORTED: "⊘",
    CONFLICTS_WITH_GUIDANCE: "≠",
    UNDERSTATED: "↑",
    INDIRECT: "≈",
    CLINICAL_REASONING: "⚕",
    CONSISTENT_WITH_TRIAL_ELIGIBILITY: "✓",
}

SEVERITY_SHAPES: dict[str, str] = {CONTRAINDICATION: "✖", CAUTION: "⚠"}
# (one alert, several): the contract's words, as the command line prints them.
SEVERITY_WORDS: dict[str, tuple[str, str]] = {
    CONTRAINDICATION: (
        "Contraindication, to resolve first",
        "Contraindications, to resolve first",
    ),
    CAUTION: ("Caution", "Cautions"),
}
# Shown where no alert was raised but some work-up values were not recorded.
NOT_CHECKED_SHAPE = "○"
ALL_CHECKED_SHAPE = "✓"
GAP_SHAPE = "◇"

CRITERION_SHAPES: dict[str, str] = {"met": "✓", "not_met": "✗", "unknown": "?"}
NOT_CHECKABLE_SHAPE = "–"


def claim_marker(status: str, pack: EvidencePack) -> str:
    """'✕ Contradicted for survival': the shape and the pack's short label."""
    return f"{CLAIM_SHAPES[status]} {pack.claim_status_text(status).label}"


def severity_heading(severity: str, count: int) -> str:
    """'✖ Contraindication, to resolve first' or '⚠ Cautions'."""
    one, several = SEVERITY_WORDS[severity]
    return f"{SEVERITY_SHAPES[severity]} {one if count == 1 else several}"


def criterion_marker(status: str, pack: EvidencePack) -> str:
    """'✓ Met', '✗ Not met' or '? Unknown', worded by the pack."""
    return f"{CRITERION_SHAPES[status]} {pack.trial_wording[status]}"
