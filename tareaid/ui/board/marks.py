"""The marks the wall puts beside words: claim statuses, alert severities, trial criteria.

Nothing on the projection is told apart by colour alone: each status has a shape here and a
word from the evidence pack (claim-status labels, the met / not met / unknown words of the
trial populations) or from the contract (a contraindication is "to resolve first", a
caution is a caution). The shapes are the domain's (``domain/marks.py``), the same on the
desktop and in the PDF.
"""

from __future__ import annotations

from tareaid.domain.evidence import EvidencePack
from tareaid.domain.marks import (
    CLAIM_STATUS_SHAPES,
    CRITERION_SHAPES,
    NO_ALERT_SHAPE,
    NOT_CHECKABLE_SHAPE,
    NOT_CHECKED_SHAPE,
    severity_heading,
)

# Shown in the strip of evidence gaps (a gap is not a severity).
GAP_SHAPE = "◇"
ALL_CHECKED_SHAPE = NO_ALERT_SHAPE


def claim_marker(status: str, pack: EvidencePack) -> str:
    """'✕ Contradicted for survival': the shape and the pack's short label."""
    return f"{CLAIM_STATUS_SHAPES[status]} {pack.claim_status_text(status).label}"


def criterion_marker(status: str, pack: EvidencePack) -> str:
    """'✓ Met', '✗ Not met' or '? Unknown', worded by the pack."""
    return f"{CRITERION_SHAPES[status]} {pack.trial_wording[status]}"


__all__ = [
    "ALL_CHECKED_SHAPE",
    "GAP_SHAPE",
    "NOT_CHECKABLE_SHAPE",
    "NOT_CHECKED_SHAPE",
    "claim_marker",
    "criterion_marker",
    "severity_heading",
]
