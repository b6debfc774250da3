"""The evidence status of each claim the selection framework makes (CONTRACT.md §4).

The framework comes from a published web page, not from a guideline or a validated score,
and several of its tier descriptions are claims the trials do not support. Each factor's
tier therefore carries a claim status: what the evidence says about the framework placing
this case's data in that tier. The table below is the contract; the wording of each status
and the evidence sentence for each factor and tier are reviewed data in the evidence pack
(``[claim_statuses]`` and ``[framework.<factor>.claims.<tier>]``), which the loader checks
against this table.
"""

from __future__ import annotations

from tareaid.domain.fields import FACTOR_KEYS, OVERRIDE_TIERS

NOT_SHOWN_BY_TRIALS = "not_shown_by_trials"
INDIRECT = "indirect"
CONTRADICTED_FOR_SURVIVAL = "contradicted_for_survival"
UNDERSTATED = "understated"
CONFLICTS_WITH_GUIDANCE = "conflicts_with_guidance"
NOT_SUPPORTED = "not_supported"
CLINICAL_REASONING = "clinical_reasoning"
CONSISTENT_WITH_TRIAL_ELIGIBILITY = "consistent_with_trial_eligibility"

CLAIM_STATUSES: tuple[str, ...] = (
    NOT_SHOWN_BY_TRIALS,
    INDIRECT,
    CONTRADICTED_FOR_SURVIVAL,
    UNDERSTATED,
    CONFLICTS_WITH_GUIDANCE,
    NOT_SUPPORTED,
    CLINICAL_REASONING,
    CONSISTENT_WITH_TRIAL_ELIGIBILITY,
)

# factor → tier → status, exactly the table of CONTRACT.md §4.
CLAIM_STATUS_BY_TIER: dict[str, dict[str, str]] = {
    "metastatic_pattern": {
        "favours": NOT_SHOWN_BY_TRIALS,
        "neutral": CLINICAL_REASONING,
        "against": CLINICAL_REASONING,
    },
    "treatment_goal": {
        "favours": INDIRECT,
        "neutral": CLINICAL_REASONING,
        "against": CLINICAL_REASONING,
    },
    "timing": {
        "favours": CONTRADICTED_FOR_SURVIVAL,
        "neutral": UNDERSTATED,
        "against": CONFLICTS_WITH_GUIDANCE,
    },
    "ras_status": {
        "favours": NOT_SUPPORTED,
        "neutral": CLINICAL_REASONING,
        "against": CLINICAL_REASONING,
    },
    "liver_lesions": {tier: CLINICAL_REASONING for tier in OVERRIDE_TIERS},
    "ecog": {tier: CONSISTENT_WITH_TRIAL_ELIGIBILITY for tier in OVERRIDE_TIERS},
}
assert tuple(CLAIM_STATUS_BY_TIER) == FACTOR_KEYS


def claim_status(factor: str, tier: str) -> str | None:
    """The claim status for a factor shown at `tier` (an override's tier takes the status
    of that tier); None for `unassessed` and `outside`, where the framework claims nothing."""
    return CLAIM_STATUS_BY_TIER[factor].get(tier)
