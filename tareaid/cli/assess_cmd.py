"""`tareaid assess FILE|- [--json]`: assess case files without storing anything."""

from __future__ import annotations

import argparse
import textwrap

from tareaid.cli.common import print_json, read_input
from tareaid.domain.assessment import Assessment, assess
from tareaid.domain.case import parse_case_document
from tareaid.domain.evidence import EvidencePack, load_pack
from tareaid.domain.fields import TIER_LABELS, TIER_MARKS


def register(subparsers: argparse._SubParsersAction, db_parent: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "assess",
        help="assess a case file without storing anything",
        description="Assess one case file ('-' reads standard input) against the framework.",
    )
    parser.add_argument("file", metavar="FILE", help="case file in tareaid.case/1 format, or -")
    parser.add_argument("--json", action="store_true", help="print tareaid.assessment/1 JSON")
    parser.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    data, source = read_input(args.file)
    cases, _listed = parse_case_document(data, source=source)
    pack = load_pack()
    assessments = [assess(case, pack) for case in cases]
    if args.json:
        if len(assessments) == 1:
            print_json(assessments[0].to_json())
        else:
            print_json([a.to_json() for a in assessments])
    else:
        print("\n\n".join(format_table(a, pack.disclaimer, pack=pack) for a in assessments))
    return 0


def _wrap(text: str, width: int, indent: str = "  ", more: str = "    ") -> list[str]:
    return textwrap.wrap(text, width, initial_indent=indent, subsequent_indent=more) or [indent]


def format_table(
    assessment: Assessment,
    disclaimer: str,
    width: int = 100,
    pack: EvidencePack | None = None,
) -> str:
    """A plain-text assessment for a terminal: tiers as words and marks, never colour alone.

    Each factor shows its finding, tier and reason, then the evidence status of the
    framework's claim for that tier; then work-up alerts by severity (and the checks not
    done), evidence gaps, the evidence context, and the trial populations criterion by
    criterion.
    """
    pack = pack or load_pack()
    lines = [f"Case {assessment.reference}  (evidence pack {assessment.evidence_version})", ""]
    lines += textwrap.wrap(pack.framework_provenance, width)
    lines.append("")
    label_width = max(len(f.label) for f in assessment.factors)
    tier_width = max(len(v) for v in TIER_LABELS.values()) + 2
    indent = " " * (label_width + tier_width + 4)
    for factor in assessment.factors:
        tier = f"{TIER_MARKS[factor.tier]} {TIER_LABELS[factor.tier]}"
        source = "override" if factor.overridden else "derived"
        lines.append(f"{factor.label:<{label_width}}  {tier:<{tier_width}}  {factor.finding}")
        why = f"({source}) {factor.reason}"
        if factor.overridden:
            why += f" [derived: {TIER_LABELS[factor.derived_tier]} — {factor.derived_reason}]"
        lines.extend(textwrap.wrap(why, width, initial_indent=indent, subsequent_indent=indent))
        if factor.claim is not None and factor.claim_status is not None:
            status = pack.claim_status_text(factor.claim_status).label
            if factor.claim.claim:
                evidence = f"Claim “{factor.claim.claim}”: {status}. {factor.claim.evidence}"
            else:
                evidence = f"Evidence status: {status}. {factor.claim.evidence}"
            lines.extend(
                textwrap.wrap(evidence, width, initial_indent=indent, subsequent_indent=indent)
            )
    counts = assessment.counts
    lines += ["", "Counts: " + ", ".join(f"{counts[t]} {t}" for t in TIER_LABELS), ""]

    if assessment.workup_alerts:
        lines.append("Work-up alerts:")
    else:
        # "No alert" is never said of a check not done: with work-up values not recorded,
        # no alert was raised among the checks that could be made, and the rest are named.
        if assessment.not_checked:
            none = f"Work-up alerts: none among the checks made. {assessment.not_checked}"
        else:
            none = "Work-up alerts: none raised"
        lines.extend(textwrap.wrap(none + ".", width, subsequent_indent="  "))
    for severity, flags in (
        ("Contraindication, to resolve first", assessment.contraindications),
        ("Caution", assessment.cautions),
    ):
        for flag in flags:
            lines.extend(_wrap(f"- {severity}: {flag.title}. {flag.text}", width))
    if assessment.workup_alerts and assessment.not_checked:
        lines.extend(_wrap(f"{assessment.not_checked}.", width))
    lines.append("Evidence gaps:" if assessment.evidence_gaps else "Evidence gaps: none")
    for flag in assessment.evidence_gaps:
        lines.extend(_wrap(f"- {flag.title}: {flag.text}", width))

    lines += ["", "Evidence for this setting:"]
    lines.extend(_wrap(assessment.evidence_context, width, "  ", "  "))

    lines += ["", "Trial populations (applicability of the evidence, not eligibility):"]
    status_words = {
        "met": pack.trial_wording["met"],
        "not_met": pack.trial_wording["not_met"],
        "unknown": pack.trial_wording["unknown"],
    }
    status_width = max(len(word) for word in status_words.values())
    for trial in assessment.trials:
        lines.append("")
        lines.extend(_wrap(trial.summary, width, "  ", "  "))
        for criterion in trial.criteria:
            word = status_words[criterion.status]
            sources = ", ".join(criterion.sources)
            note = f"; {criterion.source_note}" if criterion.source_note else ""
            text = (
                f"{word:<{status_width}}  {criterion.wording} [{sources}{note}]"
                f" — {criterion.finding}"
            )
            lines.extend(_wrap(text, width, "    ", " " * (6 + status_width)))
        for item in trial.not_checkable:
            lines.extend(_wrap(f"Not checkable: {item}", width, "    ", "      "))

    lines += ["", f"Headline: {assessment.headline}", "", *textwrap.wrap(disclaimer, width)]
    return "\n".join(lines)
