"""The checklist's trial-populations step: does this patient resemble each trial's patients?

One column per trial of the evidence pack (SIRFLOX, FOXFIRE, FOXFIRE-Global, EPOCH): the
trial's one-sentence summary, then each criterion as met, not met or unknown (shape and
word), with its finding and sources; for an unknown criterion, a link to each field to fill
in; then the criteria that are not checkable, with the reason, and the sources. The domain
decides every status and words every sentence (``Assessment.trials``); this module lays
them out. It is not a seventh factor: it changes neither the counts nor the headline.
"""

from __future__ import annotations

import html

from tareaid.domain.assessment import Assessment
from tareaid.domain.evidence import EvidencePack
from tareaid.domain.fields import FIELDS_BY_NAME
from tareaid.domain.populations import Criterion, Population
from tareaid.domain.trial_rules import MET, NOT_MET, STATUSES, UNKNOWN
from tareaid.domain.trials import CriterionResult, TrialFit
from tareaid.ui.evidence_marks import CRITERION_SHAPES, criterion_status_text
from tareaid.ui.evidence_view import TRIALS_ANCHOR, trial_anchor
from tareaid.ui.i18n import QT_TRANSLATE_NOOP, evidence_note, translate
from tareaid.ui.link_button import LinkButton
from tareaid.ui.qt import Qt, QtCore, QtGui, QtWidgets, Signal
from tareaid.ui.vocabulary import field_label
from tareaid.ui.widgets import heading, text_label

# Translated where they are shown (context "PopulationsStep").
POPULATIONS_TITLE = QT_TRANSLATE_NOOP("PopulationsStep", "Trial populations")
INTRO = QT_TRANSLATE_NOOP(
    "PopulationsStep",
    "Does this patient resemble the patients each trial enrolled? Each criterion is met, not "
    "met, or unknown when a field it needs is not recorded. This is about how far the "
    "evidence applies, never eligibility for a trial or a treatment; it is not a seventh "
    "factor and changes neither the counts nor the headline.",
)


def results_trial(pack: EvidencePack, population: Population) -> str | None:
    """The trial of the evidence pack whose results come from this population: the trial of
    that name, else the first analysis that names it among the trials it combines (FOXFIRE's
    results are those of the combined analysis)."""
    for trial in pack.trials.values():
        if trial.name == population.name:
            return trial.key
    for trial in pack.trials.values():
        if population.name in (part.strip() for part in trial.name.split("+")):
            return trial.key
    return None


def _rich(text: str) -> str:
    return html.escape(text)


class _CriterionRow(QtWidgets.QWidget):
    """One criterion: status, wording, finding, sources; links to the fields to fill in.

    Signals:
        field_requested(str): the user asked to fill in this field.
    """

    field_requested = Signal(str)

    def __init__(
        self, pack: EvidencePack, criterion: Criterion, parent: QtWidgets.QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.pack = pack
        self.criterion = criterion
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.setSpacing(1)
        self.label = QtWidgets.QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        sources = ", ".join(criterion.sources)
        citations = "\n".join(
            f"{label}: {pack.source(label).citation()}" for label in criterion.sources
        )
        self.label.setToolTip(self.tr("Sources\n{citations}").format(citations=citations))
        self._sources = sources
        layout.addWidget(self.label)
        self.fill_label = QtWidgets.QLabel(self.tr("Fill in:"))
        layout.addWidget(self.fill_label)
        self.links: dict[str, LinkButton] = {}
        for name in dict.fromkeys(criterion.rule.fields):
            label = field_label(FIELDS_BY_NAME[name])
            link = LinkButton(f"\N{RIGHTWARDS ARROW} {label}")
            link.setAccessibleName(self.tr("Fill in {field} in the editor").format(field=label))
            link.setToolTip(self.tr("Go to {field} in the editor").format(field=label))
            link.clicked.connect(lambda _checked=False, n=name: self.field_requested.emit(n))
            layout.addWidget(link)
            self.links[name] = link
        self.status = UNKNOWN

    def show_result(self, result: CriterionResult) -> None:
        self.status = result.status
        status = criterion_status_text(self.pack, result.status)
        note = f" — {self.criterion.source_note}" if self.criterion.source_note else ""
        sources = self.tr("Sources: {sources}").format(sources=self._sources)
        self.label.setText(
            f"<b>{_rich(status)}</b> · {_rich(result.wording)}"
            f"<br/><i>{_rich(result.finding)}</i>"
            f"<br/><small>{_rich(sources)}{_rich(note)}</small>"
        )
        self.label.setAccessibleName(
            f"{self.pack.trial_wording[result.status]}: {result.wording}. {result.finding}. "
            f"{sources}{note}"
        )
        missing = set(result.missing_fields)
        for name, link in self.links.items():
            link.setVisible(name in missing)
        self.fill_label.setVisible(bool(missing))

    def visible_links(self) -> list[LinkButton]:
        return [link for link in self.links.values() if not link.isHidden()]


class TrialColumn(QtWidgets.QFrame):
    """One trial's population against the case.

    Signals:
        field_requested(str): the user asked to fill in a field.
        evidence_requested(str): the user asked for the trial's results (an anchor).
    """

    field_requested = Signal(str)
    evidence_requested = Signal(str)

    def __init__(
        self, pack: EvidencePack, population: Population, parent: QtWidgets.QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.pack = pack
        self.population = population
        self.setFrameShape(QtWidgets.QFrame.Shape.StyledPanel)
        self.setObjectName(f"population_{population.key}")
        layout = QtWidgets.QVBoxLayout(self)
        self.title = heading(population.name, scale=1.25)
        layout.addWidget(self.title)
        setting = text_label(population.setting)
        font = setting.font()
        font.setItalic(True)
        setting.setFont(font)
        layout.addWidget(setting)
        self.summary = text_label()
        layout.addWidget(self.summary)
        self.counts = text_label()
        font = self.counts.font()
        font.setBold(True)
        self.counts.setFont(font)
        layout.addWidget(self.counts)
        layout.addWidget(_rule())

        self.rows: dict[str, _CriterionRow] = {}
        for criterion in population.criteria:
            row = _CriterionRow(pack, criterion)
            row.field_requested.connect(self.field_requested)
            layout.addWidget(row)
            self.rows[criterion.key] = row

        layout.addWidget(_rule())
        self.not_checkable: list[QtWidgets.QLabel] = []
        if population.not_checkable:
            layout.addWidget(heading(self.tr("Not checkable"), scale=1.0))
            for item in population.not_checkable:
                label = text_label(
                    self.tr("{text} (Sources: {sources})").format(
                        text=item.text, sources=", ".join(item.sources)
                    )
                )
                layout.addWidget(label)
                self.not_checkable.append(label)

        layout.addWidget(heading(self.tr("Sources"), scale=1.0))
        labels = [label for c in population.criteria for label in c.sources]
        labels += [label for item in population.not_checkable for label in item.sources]
        self.sources = text_label(
            "\n\n".join(
                f"{label}: {pack.source(label).citation()}" for label in dict.fromkeys(labels)
            )
        )
        self.sources.setAccessibleName(
            self.tr("Sources of the {trial} criteria").format(trial=population.name)
        )
        small = self.sources.font()
        if small.pointSizeF() > 0:
            small.setPointSizeF(small.pointSizeF() * 0.9)
        self.sources.setFont(small)
        layout.addWidget(self.sources)

        trial = results_trial(pack, population)
        self._anchor = trial_anchor(trial) if trial else TRIALS_ANCHOR
        if trial:
            name = pack.trials[trial].name
            self.results_link = LinkButton(
                self.tr("Results: {trial}, in the evidence view").format(trial=name)
            )
            self.results_link.setAccessibleName(
                self.tr("Open the evidence view at {trial}").format(trial=name)
            )
        else:
            self.results_link = LinkButton(self.tr("Results: the trials, in the evidence view"))
            self.results_link.setAccessibleName(self.tr("Open the evidence view at the trials"))
        self.results_link.clicked.connect(
            lambda _checked=False: self.evidence_requested.emit(self._anchor)
        )
        layout.addWidget(self.results_link)
        layout.addStretch(1)

    def show_fit(self, fit: TrialFit) -> None:
        self.summary.setText(fit.summary)
        self.summary.setAccessibleName(
            self.tr("{trial}: {summary}").format(trial=self.population.name, summary=fit.summary)
        )
        # Each count wraps as a whole ("✓ 8 met"), never between shape, number and word.
        self.counts.setText(
            " · ".join(
                f"{CRITERION_SHAPES[status]} {fit.counts[status]} "
                f"{self.pack.trial_wording[status].lower()}".replace(" ", "\N{NO-BREAK SPACE}")
                for status in STATUSES
            )
        )
        self.counts.setAccessibleName(
            ", ".join(
                f"{fit.counts[status]} {self.pack.trial_wording[status].lower()}"
                for status in (MET, NOT_MET, UNKNOWN)
            )
        )
        for result in fit.criteria:
            self.rows[result.key].show_result(result)

    def links(self) -> list[LinkButton]:
        return [link for row in self.rows.values() for link in row.visible_links()]


def _rule() -> QtWidgets.QFrame:
    line = QtWidgets.QFrame()
    line.setFrameShape(QtWidgets.QFrame.Shape.HLine)
    line.setFrameShadow(QtWidgets.QFrame.Shadow.Sunken)
    return line


class PopulationsStep(QtWidgets.QScrollArea):
    """The case against the four trial populations, one column per trial.

    Signals:
        field_requested(str): the user asked to fill in a case field (in the editor).
        evidence_requested(str): the user asked for the evidence view at an anchor.
    """

    field_requested = Signal(str)
    evidence_requested = Signal(str)

    def __init__(self, pack: EvidencePack, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.pack = pack
        self.setAccessibleName(translate("PopulationsStep", POPULATIONS_TITLE))
        # Arriving here by keyboard puts the focus on the step: the arrow and page keys
        # scroll it, Tab goes to its first link (scrolled into view by the scroll area).
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setWidgetResizable(True)
        self.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        body = QtWidgets.QWidget()
        layout = QtWidgets.QVBoxLayout(body)
        self.title = heading(translate("PopulationsStep", POPULATIONS_TITLE), scale=1.4)
        layout.addWidget(self.title)
        note = evidence_note()
        intro = translate("PopulationsStep", INTRO)
        self.intro = text_label(f"{intro} {note}" if note else intro)
        layout.addWidget(self.intro)
        self._grid = QtWidgets.QGridLayout()
        self.columns: dict[str, TrialColumn] = {}
        for population in pack.populations:
            column = TrialColumn(pack, population)
            column.field_requested.connect(self.field_requested)
            column.evidence_requested.connect(self.evidence_requested)
            self.columns[population.key] = column
        self._per_row = 0
        # The widest column's narrowest width, kept until the content or the font changes
        # (asking each column lays all of it out: ~15 ms for the four).
        self._needed: int | None = None
        self._place_columns(len(self.columns))
        layout.addLayout(self._grid)
        layout.addStretch(1)
        self.setWidget(body)

    def _place_columns(self, per_row: int) -> None:
        """The trials side by side, `per_row` to a row, in the pack's order."""
        if per_row == self._per_row:
            return
        self._per_row = per_row
        for column in self.columns.values():
            self._grid.removeWidget(column)
        for index, column in enumerate(self.columns.values()):
            self._grid.addWidget(
                column, index // per_row, index % per_row, Qt.AlignmentFlag.AlignTop
            )
        for position in range(len(self.columns)):
            self._grid.setColumnStretch(position, 1 if position < per_row else 0)

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        # All four trials side by side when they fit; two by two, or one under the other,
        # when the pane is narrower (a small screen, a wide case list): never a sideways
        # scroll bar.
        if self._needed is None:
            self._needed = max(column.minimumSizeHint().width() for column in self.columns.values())
        needed = self._needed
        spacing = self._grid.horizontalSpacing()
        margins = self.widget().layout().contentsMargins()
        scroll_bar = self.verticalScrollBar().sizeHint().width()
        available = event.size().width() - scroll_bar - margins.left() - margins.right()
        count = len(self.columns)
        for per_row in (count, count // 2, 1):
            if per_row == 1 or per_row * needed + (per_row - 1) * spacing <= available:
                break
        self._place_columns(per_row)
        super().resizeEvent(event)

    def show_assessment(self, assessment: Assessment) -> None:
        for fit in assessment.trials:
            self.columns[fit.key].show_fit(fit)
        self._needed = None

    def changeEvent(self, event: QtCore.QEvent) -> None:
        if event.type() in (QtCore.QEvent.Type.FontChange, QtCore.QEvent.Type.StyleChange):
            self._needed = None
        super().changeEvent(event)

    def links(self) -> list[LinkButton]:
        """The field links shown now, column by column (the fields to fill in)."""
        return [link for column in self.columns.values() for link in column.links()]


__all__ = ["POPULATIONS_TITLE", "PopulationsStep", "TrialColumn", "results_trial"]
