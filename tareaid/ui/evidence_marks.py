"""How evidence statuses look on screen: a shape beside a word, never colour alone.

Three kinds of status carry a mark: the evidence status of a framework claim (CONTRACT.md
§4), a trial-population criterion (met, not met, unknown) and the severity of a work-up
alert. The words come from the evidence pack (claim statuses, criterion statuses) or the
contract (severities); the shapes from the domain (``domain/marks.py``), shared with the
projection and the PDF; this module puts them together, so that a status reads the same
in greyscale, for a colour-blind reader and to a screen reader (which hears the word).
"""

from __future__ import annotations

from tareaid.domain.evidence import EvidencePack
from tareaid.domain.marks import (
    CLAIM_STATUS_SHAPES,
    CRITERION_SHAPES,
    NO_ALERT_SHAPE,
    NOT_CHECKED_SHAPE,
    SEVERITY_SHAPES,
    SEVERITY_WORDS,
)
from tareaid.ui import vocabulary

# Only a contraindication is something to resolve first; a caution is never worded as a stop.
# (The words in English; severity_text and severity_words give them translated.)
SEVERITY_MARKS: dict[str, tuple[str, str]] = {
    severity: (SEVERITY_SHAPES[severity], SEVERITY_WORDS[severity][0])
    for severity in SEVERITY_SHAPES
}


def claim_status_text(pack: EvidencePack, status: str) -> str:
    """'∅ Not shown by the trials': the shape and the pack's label of a claim status."""
    return f"{CLAIM_STATUS_SHAPES[status]} {pack.claim_status_text(status).label}"


def criterion_status_text(pack: EvidencePack, status: str) -> str:
    """'✓ Met', '✗ Not met', '? Unknown', worded by the pack."""
    return f"{CRITERION_SHAPES[status]} {pack.trial_wording[status]}"


def severity_text(severity: str) -> str:
    """'✖ Contraindication, to resolve first' or '⚠ Caution'."""
    return vocabulary.severity_heading(severity)


def severity_words(severity: str) -> str:
    """What a screen reader says for a severity (the shape is not read out usefully)."""
    return vocabulary.severity_words(severity)


__all__ = [
    "CLAIM_STATUS_SHAPES",
    "CRITERION_SHAPES",
    "NOT_CHECKED_SHAPE",
    "NO_ALERT_SHAPE",
    "SEVERITY_MARKS",
    "claim_status_text",
    "criterion_status_text",
    "severity_text",
    "severity_words",
]
