"""`tareaid assess FILE|- [--json]`: assess case files without storing anything."""

from __future__ import annotations

import argparse
import textwrap

from tareaid.cli.common import print_json, read_input
from tareaid.domain.assessment import Assessment, assess
from tareaid.domain.case import parse_case_document
from tareaid.domain.evidence import load_pack
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
        print("\n\n".join(format_table(a, pack.disclaimer) for a in assessments))
    return 0


def format_table(assessment: Assessment, disclaimer: str, width: int = 100) -> str:
    """A plain-text assessment for a terminal: tiers as words and marks, never colour alone."""
    lines = [f"Case {assessment.reference}  (evidence pack {assessment.evidence_version})", ""]
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
    counts = assessment.counts
    lines += ["", "Counts: " + ", ".join(f"{counts[t]} {t}" for t in TIER_LABELS)]
    for title, flags in (
        ("Evidence gaps", assessment.evidence_gaps),
        ("Work-up alerts", assessment.workup_alerts),
    ):
        lines.append(f"{title}: {'none' if not flags else ''}".rstrip())
        for flag in flags:
            lines.extend(
                textwrap.wrap(
                    f"- {flag.title}: {flag.text}",
                    width,
                    initial_indent="  ",
                    subsequent_indent="    ",
                )
            )
    lines += ["", f"Headline: {assessment.headline}", "", *textwrap.wrap(disclaimer, width)]
    return "\n".join(lines)
