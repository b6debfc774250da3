"""The evidence panel (E): the selected factor's claim in full, and the key trial figures.

At the top, what the evidence says about the framework's claim for the selected factor's
tier: the claim-status label and its meaning, the pack's evidence sentence and the sources
it rests on. Below, the key trial figures with their citations, chosen and ordered by
``app.key_evidence`` (a subgroup after its overall results, liver progression beside
progression outside the liver, primary and co-primary endpoints marked, the qualifiers in
the pack's words). At the foot, once, where the framework comes from.

All of it in one type size, the largest at which the whole page fits.
"""

from __future__ import annotations

from tareaid.app.key_evidence import short_citation, trial_groups
from tareaid.domain.assessment import FactorResult
from tareaid.domain.evidence import EvidencePack
from tareaid.domain.fields import OVERRIDE_TIERS
from tareaid.ui.board.fit_label import FitLabel, Part, Run
from tareaid.ui.board.look import Cell, Look
from tareaid.ui.board.marks import claim_marker
from tareaid.ui.board.text_table import TableCell, TextTable, fixed_label, insets, pick_px
from tareaid.ui.i18n import QT_TRANSLATE_NOOP, evidence_note
from tareaid.ui.qt import QtGui, QtWidgets
from tareaid.ui.tiers import tier_text

# The endpoint, then the result read left to right: the population when it is a subgroup,
# the arms' values (TARE first), the effect and how to read it, with the figure's own source.
FIGURE_SHARES = (30, 70)
FIGURE_HEADERS = (
    QT_TRANSLATE_NOOP("EvidencePanel", "Endpoint"),
    QT_TRANSLATE_NOOP("EvidencePanel", "TARE vs no TARE  ·  effect  ·  how to read it"),
)
SEPARATOR = "  ·  "


class EvidencePanel(QtWidgets.QWidget):
    """The E page of the projection."""

    def __init__(self, pack: EvidencePack, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evidencePanel")
        self.setAccessibleName(self.tr("Key trial evidence"))
        self.pack = pack
        self.look = Look()
        self.page_px = self.look.base_px
        self.fits = True
        self.claim_cell = Cell(self)
        self.claim_cell.setObjectName("claimPanel")
        self.claim_label = fixed_label()
        self.claim_label.setObjectName("claimText")
        self.claim_label.setAccessibleName(self.tr("What the evidence says about this tier"))
        self.claim_cell.box.addWidget(self.claim_label)
        self.table = TextTable(FIGURE_SHARES, tight=True)
        # (entry, kind, texts): painted from the look in _paint_table.
        self._rows: list[tuple[TableCell, str, tuple[str, ...]]] = []
        self._figure_keys: list[str] = []
        self._build_table()
        self.provenance_label = fixed_label()
        self.provenance_label.setParent(self)
        self.provenance_label.setObjectName("frameworkProvenance")
        self.provenance_label.setAccessibleName(self.tr("Where the framework comes from"))

    def _build_table(self) -> None:
        row = 0
        for column, title in enumerate(FIGURE_HEADERS):
            entry = self.table.add(self, row, column)
            self._rows.append((entry, "header", (self.tr(title),)))
        row += 1
        for group in trial_groups(self.pack):
            entry = self.table.add(self, row, 0, span=len(FIGURE_SHARES))
            self._rows.append((entry, "heading", (group.heading, group.population, group.citation)))
            row += 1
            for figure in group.rows:
                kind = "subgroup" if figure.population.startswith("Subgroup") else "figure"
                endpoint = self.table.add(self, row, 0)
                result = self.table.add(self, row, 1)
                for entry in (endpoint, result):
                    entry.cell.setProperty("figure_key", figure.key)
                self._rows.append((endpoint, f"{kind}:endpoint", (figure.endpoint,)))
                self._rows.append(
                    (
                        result,
                        f"{kind}:result",
                        (
                            figure.population,
                            figure.values,
                            figure.effect,
                            figure.reading,
                            figure.citation,
                        ),
                    )
                )
                self._figure_keys.append(figure.key)
                row += 1

    def figure_order(self) -> list[str]:
        """The figure keys of the panel, top to bottom."""
        return list(self._figure_keys)

    def labels(self) -> list[FitLabel]:
        return [self.claim_label, *self.table.labels(), self.provenance_label]

    # -- content ------------------------------------------------------------------------

    def show_claim(self, result: FactorResult, look: Look) -> None:
        """Show what the evidence says about the selected factor's tier."""
        self.look = look
        pack = self.pack
        tier = tier_text(result.tier)
        if result.overridden:
            tier = self.tr("{tier} (set by hand)").format(tier=tier)
        heading = [Run(f"▶ {result.label} — {tier}", True, look.accent)]
        if result.tier in OVERRIDE_TIERS:
            # The framework's own words for the tier: the claim the evidence is held against.
            words = pack.factor(result.key).tier_text(result.tier)
            heading.append(Run(f": “{words}”", False, look.text))
        claim = result.claim
        if claim is None or result.claim_status is None:
            heading.append(
                Run(
                    self.tr(
                        ". No tier of the framework is shown for this factor, so there is no "
                        "claim of the framework to weigh against the evidence."
                    ),
                    False,
                    look.text,
                )
            )
            parts = [Part(runs=tuple(heading))]
        else:
            status = pack.claim_status_text(result.claim_status)
            heading += [
                Run("  ·  ", False, look.muted),
                Run(f"{claim_marker(result.claim_status, pack)}: ", True, look.accent),
                Run(status.meaning, True, look.text),
            ]
            evidence = [Run(claim.evidence, False, look.text)]
            sources = "; ".join(short_citation(ref) for ref in pack.claim_references(claim))
            if sources:
                evidence += [
                    Run(self.tr("  Sources: "), True, look.muted),
                    Run(sources, False, look.muted),
                ]
            parts = [Part(runs=tuple(heading)), Part(runs=tuple(evidence))]
        self.claim_label.set_parts(parts)
        self.claim_cell.setAccessibleName(
            self.tr("{factor}: what the evidence says about the framework's claim").format(
                factor=result.label
            )
        )
        self._paint_table()
        # In an interface in another language, the foot also says the evidence is in English.
        note = evidence_note()
        provenance = [
            Part(
                pack.framework_provenance,
                colour=look.muted,
                lead=self.tr("About the framework:"),
            )
        ]
        if note:
            provenance.insert(0, Part(note, colour=look.text, bold=True))
        self.provenance_label.set_parts(provenance)
        self.relayout()

    def _paint_table(self) -> None:
        look = self.look
        thin = max(1, round(look.base_px * 0.06))
        for entry, kind, texts in self._rows:
            label, cell = entry.label, entry.cell
            if kind == "header":
                label.set_parts([Part(texts[0], bold=True, colour=look.accent)])
                cell.set_frame(None, None, 0)
                continue
            if kind == "heading":
                heading, population, citation = texts
                label.set_parts(
                    [
                        Part(
                            f"{population}{SEPARATOR}{citation}",
                            colour=look.muted,
                            lead=heading,
                            lead_colour=look.accent,
                        )
                    ]
                )
                cell.set_frame(None, None, 0)
                continue
            row_kind, column = kind.split(":")
            if column == "endpoint":
                label.set_parts([Part(texts[0], bold=True, colour=look.text)])
            else:
                label.set_parts([Part(runs=_result_runs(texts, look))])
            cell.set_frame(look.row_fill if row_kind == "subgroup" else None, look.rule, thin)

    def _gap(self, px: int) -> int:
        return max(2, round(px * 0.18))

    def _fit_columns(self, px: int) -> None:
        """The endpoints as wide as the widest of them (up to a third of the page), the
        results the rest."""
        width = self.width()
        _inset_v, inset_h = self.table.insets(px)
        widest = max(
            entry.label.natural_width(base_px=px)
            for entry, kind, _texts in self._rows
            if kind.endswith(":endpoint")
        )
        endpoint = min(widest + 2 * inset_h + 2, round(width / 3))
        self.table.shares = (endpoint, max(1, width - endpoint))

    def _needed(self, px: int) -> int:
        self._fit_columns(px)
        width = self.width()
        gap = self._gap(px)
        inset_v, inset_h = insets(px)
        claim = self.claim_label.natural_height(width - 2 * inset_h, base_px=px) + 2 * inset_v
        table = self.table.height(width, gap, px)
        provenance = self.provenance_label.natural_height(width, base_px=px)
        return claim + table + provenance + 4 * gap

    def relayout(self) -> None:
        px, self.fits = pick_px(self.look.base_px, self._needed, self.height())
        self.page_px = px
        self._fit_columns(px)
        gap = self._gap(px)
        inset_v, inset_h = insets(px)
        for label in (self.claim_label, self.provenance_label):
            label.set_base_px(px)
        width = self.width()
        claim = self.claim_label.natural_height(width - 2 * inset_h, base_px=px) + 2 * inset_v
        self.claim_cell.set_inset(inset_v, inset_h)
        self.claim_cell.set_frame(self.look.row_fill, self.look.accent, max(1, round(px * 0.1)))
        self.claim_cell.setGeometry(0, 0, width, claim)
        y = self.table.place(0, claim + 2 * gap, width, gap, px)
        provenance = self.provenance_label.natural_height(width, base_px=px)
        # The note sits at the foot of the page, whatever room the table leaves.
        top = max(y + gap, self.height() - provenance)
        self.provenance_label.setGeometry(0, top, width, max(0, self.height() - top))

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        self.relayout()


def _result_runs(texts: tuple[str, ...], look: Look) -> tuple[Run, ...]:
    """A figure's result in one line of reading: population (a subgroup's), values,
    effect, how to read it and the figure's own source."""
    population, values, effect, reading, citation = texts
    runs: list[Run] = []

    def add(text: str, bold: bool, colour: object) -> None:
        if text and text != "—":
            if runs:
                runs.append(Run(SEPARATOR, False, look.muted))
            runs.append(Run(text, bold, colour))  # type: ignore[arg-type]

    add(population, False, look.muted)
    add(values, True, look.text)
    add(effect, False, look.text)
    add(reading, False, look.text)
    add(citation, False, look.muted)
    return tuple(runs)
