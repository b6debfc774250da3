"""The assessment's headline in the interface's language, built from the assessment's parts.

The domain words the headline in English: the command line's, the JSON's and the PDF's
sentence, which the contract fixes. The interface builds the same sentence from the same
parts through Qt's translation: the counts, the "to resolve first" and caution framing,
the evidence gaps and the "not checked" framing are interface text; the alerts' short names
and the work-up fields' names come from the evidence pack and stay in English, as all
evidence content does. In English the two sentences are the same (a test compares them).
"""

from __future__ import annotations

from collections.abc import Sequence

from tareaid.domain.assessment import Assessment
from tareaid.domain.evidence import EvidencePack
from tareaid.ui.qt import QtCore


class HeadlineText(QtCore.QObject):
    """The words of the headline (the class is the translator's context)."""

    def sentence(self, assessment: Assessment, pack: EvidencePack) -> str:
        counts = assessment.counts
        parts = []
        contraindications = [a.short or a.title for a in assessment.contraindications]
        if contraindications:
            parts.append(
                self.tr(
                    "Contraindication(s) to resolve first: {names}", "", len(contraindications)
                ).format(names=self._list(contraindications))
            )
        cautions = [a.short or a.title for a in assessment.cautions]
        if cautions:
            parts.append(
                self.tr("caution(s): {names}", "", len(cautions)).format(names=self._list(cautions))
            )
        tally = self.tr(
            "%n of 6 factors favour(s) adding TARE, {neutral} neutral, {against} against",
            "",
            counts["favours"],
        ).format(neutral=counts["neutral"], against=counts["against"])
        if counts["unassessed"]:
            tally += self.tr(", {count} unassessed").format(count=counts["unassessed"])
        if counts["outside"]:
            tally += self.tr(", {count} outside the framework").format(count=counts["outside"])
        parts.append(tally)
        gaps = len(assessment.evidence_gaps)
        if gaps:
            parts.append(self.tr("%n evidence gap(s)", "", gaps))
        if assessment.workup_unchecked:
            names = [pack.workup_names[name] for name in assessment.workup_unchecked]
            parts.append(
                self.tr("not checked: {fields} not recorded").format(fields=self._and(names))
            )
        sentence = self.tr("{parts}.").format(parts=self.tr("; ").join(parts))
        # The sentence may begin with a part written to follow another ("caution: …").
        return sentence[:1].upper() + sentence[1:]

    def _list(self, names: Sequence[str]) -> str:
        """Alert names one after another: "a, b"."""
        return self.tr(", ").join(names)

    def _and(self, names: Sequence[str]) -> str:
        """Field names as a list: "a", "a and b", "a, b and c"."""
        if len(names) <= 1:
            return "".join(names)
        return self.tr("{first} and {last}").format(
            first=self.tr(", ").join(names[:-1]), last=names[-1]
        )


def headline_text(assessment: Assessment, pack: EvidencePack) -> str:
    """The headline of `assessment` in the interface's language."""
    return HeadlineText().sentence(assessment, pack)


__all__ = ["HeadlineText", "headline_text"]
