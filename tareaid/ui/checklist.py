"""The guided checklist: one step per framework factor, in the contract's order, then a summary.

Each step asks the factor's question, shows the framework's three tier descriptions with the
case's tier marked by a frame and a "This case" mark (never by colour alone), the finding,
the derived tier and its reason, the case data the rule reads (editable in place), and lets
the clinician override the tier with a mandatory reason. `unassessed` and `outside` are
shown as what they are. The tiers themselves come from the domain's assessment: this module
decides nothing.
"""

from __future__ import annotations

from typing import Any

from tareaid.domain.assessment import (
    Assessment,
    FactorResult,
    Flag,
    evidence_gap_fields_not_recorded,
)
from tareaid.domain.case import Case, Override
from tareaid.domain.evidence import Claim, EvidencePack
from tareaid.domain.fields import (
    FACTOR_FIELDS,
    FACTOR_KEYS,
    FIELDS_BY_NAME,
    OVERRIDE_TIERS,
    TIERS,
)
from tareaid.ui.case_session import CaseSession
from tareaid.ui.evidence_marks import (
    NO_ALERT_SHAPE,
    NOT_CHECKED_SHAPE,
    claim_status_text,
    severity_text,
    severity_words,
)
from tareaid.ui.evidence_view import factor_anchor, figure_line, grouped_figures, trial_anchor
from tareaid.ui.field_widgets import FieldWidget, make_field_label, make_field_widget
from tareaid.ui.headline_text import headline_text
from tareaid.ui.i18n import QT_TRANSLATE_NOOP, evidence_note, translate
from tareaid.ui.qt import Qt, QtCore, QtGui, QtWidgets, Signal
from tareaid.ui.tiers import TIER_SHAPES, tier_text
from tareaid.ui.trial_populations import POPULATIONS_TITLE, PopulationsStep
from tareaid.ui.vocabulary import field_label, tier_label, tier_word
from tareaid.ui.wheel_guard import guard_wheel
from tareaid.ui.widgets import TierLabel, heading, text_label

STEP_COUNT = len(FACTOR_KEYS)
# After the six factor steps: the trial populations (not a seventh factor), then the summary.
POPULATIONS_STEP = STEP_COUNT
SUMMARY_STEP = STEP_COUNT + 1
PAGE_COUNT = SUMMARY_STEP + 1

# Translated where they are shown (context "Checklist").
UNASSESSED_TEXT = QT_TRANSLATE_NOOP(
    "Checklist",
    "Unassessed: the data this factor needs are missing. Enter them below; the framework "
    "does not guess.",
)
OUTSIDE_TEXT = QT_TRANSLATE_NOOP(
    "Checklist",
    "Outside the framework: the data are known, but the framework does not classify them. "
    "The clinician decides, with an override and its reason.",
)
REASON_REQUIRED = QT_TRANSLATE_NOOP(
    "Checklist", "A reason is required to override the tier. Say why your judgement differs."
)
CHOOSE_TIER = QT_TRANSLATE_NOOP("Checklist", "Choose a tier…")


class _TierOption(QtWidgets.QFrame):
    """One of a factor's three framework descriptions, with what the evidence says about it;
    framed and marked when it applies."""

    def __init__(
        self,
        tier: str,
        description: str,
        claim: str,
        claim_meaning: str,
        parent: QtWidgets.QWidget | None = None,
    ):
        super().__init__(parent)
        self.tier = tier
        layout = QtWidgets.QVBoxLayout(self)
        top = QtWidgets.QHBoxLayout()
        self.title = TierLabel(self)
        self.title.set_tier(tier)
        top.addWidget(self.title, 1)
        self.mark = QtWidgets.QLabel(self.tr("◀ This case"))
        font = self.mark.font()
        font.setBold(True)
        self.mark.setFont(font)
        self.mark.setAccessibleName(self.tr("This case's tier"))
        top.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.description = text_label(description, self)
        layout.addWidget(self.description)
        # The evidence status of the framework's claim for this tier, as shape and word.
        self.claim = text_label(self.tr("Evidence: {status}").format(status=claim), self)
        self.claim.setToolTip(claim_meaning)
        self.claim.setAccessibleName(
            self.tr("Evidence status of this tier: {status}. {meaning}").format(
                status=claim, meaning=claim_meaning
            )
        )
        font = self.claim.font()
        font.setItalic(True)
        self.claim.setFont(font)
        layout.addWidget(self.claim)
        layout.addStretch(1)
        self.set_current(False)

    def set_current(self, current: bool) -> None:
        # A heavy frame plus the "This case" mark: visible in greyscale and to screen readers.
        self.setFrameShape(
            QtWidgets.QFrame.Shape.Box if current else QtWidgets.QFrame.Shape.StyledPanel
        )
        self.setLineWidth(3 if current else 1)
        self.mark.setVisible(current)
        self.setBackgroundRole(
            QtGui.QPalette.ColorRole.AlternateBase if current else QtGui.QPalette.ColorRole.Window
        )
        self.setAutoFillBackground(current)
        text = (
            self.tr("{tier}: {description} (this case); {evidence}")
            if current
            else self.tr("{tier}: {description} (not this case); {evidence}")
        )
        self.setAccessibleName(
            text.format(
                tier=tier_label(self.tier),
                description=self.description.text(),
                evidence=self.claim.text(),
            )
        )


class _ClaimBox(QtWidgets.QGroupBox):
    """What the evidence says about the framework's claim for the tier this case is shown at:
    the status (shape and word), the framework's own words, the evidence sentence and the
    sources, all from the evidence pack; and a button to the trial whose figures it quotes.

    Signals:
        evidence_requested(str): the user asked for the evidence view at this anchor.
    """

    evidence_requested = Signal(str)

    def __init__(self, pack: EvidencePack, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("What the evidence says about this case's tier"))
        self.pack = pack
        layout = QtWidgets.QVBoxLayout(self)
        self.status = text_label()
        font = self.status.font()
        font.setBold(True)
        self.status.setFont(font)
        self.framework_words = text_label()
        self.evidence = text_label()
        self.evidence.setAccessibleName(self.tr("What the evidence says"))
        self.sources = text_label()
        self.sources.setAccessibleName(self.tr("Sources"))
        small = self.sources.font()
        if small.pointSizeF() > 0:
            small.setPointSizeF(small.pointSizeF() * 0.9)
        self.sources.setFont(small)
        for label in (self.status, self.framework_words, self.evidence, self.sources):
            layout.addWidget(label)
        self.anchor = ""
        self.evidence_button = QtWidgets.QPushButton(self.tr("Open the evidence view"))
        self.evidence_button.setAccessibleName(self.tr("Open the evidence view"))
        self.evidence_button.clicked.connect(
            lambda _checked=False: self.evidence_requested.emit(self.anchor)
        )
        layout.addWidget(self.evidence_button, 0, Qt.AlignmentFlag.AlignLeft)

    def show_claim(self, claim: Claim | None) -> None:
        if claim is None:
            self.hide()
            return
        status = self.pack.claim_status_text(claim.status)
        self.status.setText(f"{claim_status_text(self.pack, claim.status)}: {status.meaning}")
        self.status.setAccessibleName(
            self.tr("Evidence status: {status}. {meaning}").format(
                status=status.label, meaning=status.meaning
            )
        )
        if claim.claim:
            words = self.tr("The framework's {tier} tier: “{criterion}”; its claim: “{claim}”")
        else:
            words = self.tr("The framework's {tier} tier: “{criterion}”")
        self.framework_words.setText(
            words.format(tier=tier_word(claim.tier), criterion=claim.criterion, claim=claim.claim)
        )
        self.evidence.setText(claim.evidence)
        references = self.pack.claim_references(claim)
        self.sources.setText(
            "\n".join(
                [self.tr("Sources:"), *(f"\N{BULLET} {ref.citation()}" for ref in references)]
            )
        )
        self.sources.setVisible(bool(references))
        # The trial the claim's evidence is about: that of the first figure it quotes.
        if claim.figures:
            trial = self.pack.figure(claim.figures[0]).trial
            self.anchor = trial_anchor(trial)
            words = self.tr("Open the evidence view at {trial}").format(
                trial=self.pack.trials[trial].name
            )
            self.evidence_button.setText(words)
            self.evidence_button.setAccessibleName(words)
        self.evidence_button.setVisible(bool(claim.figures))
        self.show()


class FactorStep(QtWidgets.QScrollArea):
    """One factor of the framework for the open case.

    Signals:
        evidence_requested(str): the user asked to see the evidence view at this anchor
            (the section of the trial the step's evidence is about).
    """

    evidence_requested = Signal(str)

    def __init__(
        self,
        number: int,
        key: str,
        session: CaseSession,
        pack: EvidencePack,
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.number = number
        self.key = key
        self.session = session
        self.pack = pack
        text = pack.factor(key)
        self.setAccessibleName(
            self.tr("Step {number} of {count}: {factor}").format(
                number=number, count=STEP_COUNT, factor=text.label
            )
        )
        self.setWidgetResizable(True)
        self.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        body = QtWidgets.QWidget()
        layout = QtWidgets.QVBoxLayout(body)

        self.title = heading(f"{number}. {text.label}", scale=1.4)
        layout.addWidget(self.title)
        self.question = heading(text.question, scale=1.1)
        self.question.setAccessibleName(
            self.tr("Question: {question}").format(question=text.question)
        )
        layout.addWidget(self.question)

        options = QtWidgets.QGridLayout()
        self.options: dict[str, _TierOption] = {}
        for column, tier in enumerate(OVERRIDE_TIERS):
            status = text.claims[tier].status
            option = _TierOption(
                tier,
                text.tier_text(tier),
                claim_status_text(pack, status),
                pack.claim_status_text(status).meaning,
            )
            self.options[tier] = option
            options.addWidget(option, 0, column)
            options.setColumnStretch(column, 1)
        layout.addLayout(options)

        # Unassessed or outside: a box that says so in words (no option is marked).
        self.status_box = QtWidgets.QFrame()
        self.status_box.setFrameShape(QtWidgets.QFrame.Shape.Box)
        self.status_box.setLineWidth(3)
        status_layout = QtWidgets.QVBoxLayout(self.status_box)
        self.status_tier = TierLabel(self.status_box)
        self.status_text = text_label()
        status_layout.addWidget(self.status_tier)
        status_layout.addWidget(self.status_text)
        layout.addWidget(self.status_box)

        result = QtWidgets.QFormLayout()
        result.setRowWrapPolicy(QtWidgets.QFormLayout.RowWrapPolicy.WrapLongRows)
        self.finding = text_label()
        self.finding.setAccessibleName(self.tr("Finding"))
        self.derived = TierLabel()
        self.derived_reason = text_label()
        self.derived_reason.setAccessibleName(self.tr("Reason for the derived tier"))
        self.tier_used = TierLabel()
        self.override_reason = text_label()
        self.override_reason.setAccessibleName(self.tr("Reason for the override"))
        result.addRow(self.tr("Finding:"), self.finding)
        result.addRow(self.tr("Derived tier:"), self.derived)
        result.addRow(self.tr("Why:"), self.derived_reason)
        self.tier_used_label = QtWidgets.QLabel(self.tr("Tier used:"))
        result.addRow(self.tier_used_label, self.tier_used)
        self.override_reason_label = QtWidgets.QLabel(self.tr("Override reason:"))
        result.addRow(self.override_reason_label, self.override_reason)
        layout.addLayout(result)
        self.claim_box = _ClaimBox(pack)
        self.claim_box.evidence_requested.connect(self.evidence_requested)
        layout.addWidget(self.claim_box)

        data_box = QtWidgets.QGroupBox(self.tr("Case data for this factor"))
        data_form = QtWidgets.QFormLayout(data_box)
        data_form.setRowWrapPolicy(QtWidgets.QFormLayout.RowWrapPolicy.WrapLongRows)
        data_form.setFieldGrowthPolicy(
            QtWidgets.QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow
        )
        self.fields: dict[str, FieldWidget] = {}
        for name in FACTOR_FIELDS[key]:
            spec = FIELDS_BY_NAME[name]
            widget = make_field_widget(spec, data_box)
            widget.value_committed.connect(self._on_value_committed)
            data_form.addRow(make_field_label(spec, widget), widget)
            self.fields[name] = widget
        layout.addWidget(data_box)

        override_box = QtWidgets.QGroupBox(self.tr("Override the tier"))
        override_layout = QtWidgets.QGridLayout(override_box)
        intro = text_label(
            self.tr(
                "If your judgement differs from the framework, choose the tier and say why. "
                "The reason is kept with the case and printed in the report."
            )
        )
        override_layout.addWidget(intro, 0, 0, 1, 4)
        tier_caption = QtWidgets.QLabel(self.tr("&Tier:"))
        self.override_tier = guard_wheel(QtWidgets.QComboBox())
        self.override_tier.addItem(translate("Checklist", CHOOSE_TIER), None)
        for tier in OVERRIDE_TIERS:
            self.override_tier.addItem(tier_text(tier), tier)
        self.override_tier.setAccessibleName(
            self.tr("Override tier for {factor}").format(factor=text.label)
        )
        tier_caption.setBuddy(self.override_tier)
        reason_label = QtWidgets.QLabel(self.tr("&Reason:"))
        self.override_reason_edit = QtWidgets.QLineEdit()
        self.override_reason_edit.setPlaceholderText(self.tr("Why the tier differs (required)"))
        self.override_reason_edit.setAccessibleName(
            self.tr("Reason for overriding {factor}").format(factor=text.label)
        )
        self.override_reason_edit.returnPressed.connect(self._on_apply_clicked)
        reason_label.setBuddy(self.override_reason_edit)
        override_layout.addWidget(tier_caption, 1, 0)
        override_layout.addWidget(self.override_tier, 1, 1)
        override_layout.addWidget(reason_label, 2, 0)
        override_layout.addWidget(self.override_reason_edit, 2, 1, 1, 3)
        self.apply_button = QtWidgets.QPushButton(self.tr("&Apply override"))
        self.apply_button.setAccessibleName(
            self.tr("Apply override for {factor}").format(factor=text.label)
        )
        self.apply_button.clicked.connect(self._on_apply_clicked)
        self.remove_button = QtWidgets.QPushButton(self.tr("Re&move override"))
        self.remove_button.setAccessibleName(
            self.tr("Remove override for {factor}").format(factor=text.label)
        )
        self.remove_button.clicked.connect(self._on_remove_clicked)
        buttons = QtWidgets.QHBoxLayout()
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        override_layout.addLayout(buttons, 3, 0, 1, 4)
        self.override_error = QtWidgets.QLabel()
        self.override_error.setWordWrap(True)
        self.override_error.setAccessibleName(self.tr("Override problem"))
        font = self.override_error.font()
        font.setBold(True)
        self.override_error.setFont(font)
        self.override_error.hide()
        override_layout.addWidget(self.override_error, 4, 0, 1, 4)
        override_layout.setColumnStretch(3, 1)
        layout.addWidget(override_box)

        evidence_box = QtWidgets.QGroupBox(self.tr("Evidence behind this factor"))
        evidence_layout = QtWidgets.QVBoxLayout(evidence_box)
        figures = grouped_figures(pack, text.evidence_figures)
        self.figure_labels: list[QtWidgets.QLabel] = []
        for figure in figures:
            added = figure.key not in text.evidence_figures
            label = text_label(figure_line(pack, figure, beside=added))
            if figure.primary:
                # Primary endpoints carry the emphasis; subgroups never more than them.
                font = label.font()
                font.setBold(True)
                label.setFont(font)
            evidence_layout.addWidget(label)
            self.figure_labels.append(label)
        if not figures:
            evidence_layout.addWidget(
                text_label(
                    self.tr(
                        "The trials give no figure for this factor on its own; the tier "
                        "follows the framework's wording. The Evidence tab shows every trial."
                    )
                )
            )
        # The button under the figures opens the evidence view at the trial of the first of
        # them (a factor without figures: at its row of the framework's claims).
        target = figures[0].trial if figures else None
        self.evidence_anchor = trial_anchor(target) if target else factor_anchor(key)
        where = (
            self.tr("Open the evidence view at {trial}").format(trial=pack.trials[target].name)
            if target
            else self.tr("Open the evidence view at this factor's claims")
        )
        self.evidence_button = QtWidgets.QPushButton(where)
        self.evidence_button.setAccessibleName(where)
        self.evidence_button.clicked.connect(
            lambda _checked=False: self.evidence_requested.emit(self.evidence_anchor)
        )
        evidence_layout.addWidget(self.evidence_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(evidence_box)
        layout.addStretch(1)
        self.setWidget(body)

    # Showing the case -------------------------------------------------------------------

    def show_case(self, case: Case, assessment: Assessment, *, force: bool = False) -> None:
        result = assessment.factor(self.key)
        editable = self.session.editable
        for name, widget in self.fields.items():
            widget.set_value(getattr(case, name), force=force)
            widget.control.setEnabled(editable)
        for tier, option in self.options.items():
            option.set_current(result.tier == tier)
        self.claim_box.show_claim(result.claim)
        self._show_status(result)
        self.finding.setText(result.finding)
        self.derived.set_tier(result.derived_tier)
        self.derived_reason.setText(result.derived_reason)
        self.tier_used.set_tier(result.tier, self.tr(" (override)") if result.overridden else "")
        self.tier_used.setVisible(result.overridden)
        self.tier_used_label.setVisible(result.overridden)
        self.override_reason.setText(result.reason if result.overridden else "")
        self.override_reason.setVisible(result.overridden)
        self.override_reason_label.setVisible(result.overridden)
        override = case.overrides.get(self.key)
        if force or override is not None:
            index = self.override_tier.findData(override.tier if override else None)
            self.override_tier.setCurrentIndex(max(0, index))
            self.override_reason_edit.setText(override.reason if override else "")
        self.apply_button.setText(
            self.tr("Update override") if override else self.tr("&Apply override")
        )
        self.remove_button.setEnabled(override is not None and editable)
        self.apply_button.setEnabled(editable)
        self.override_tier.setEnabled(editable)
        self.override_reason_edit.setEnabled(editable)
        if force:
            self.clear_override_error()

    def _show_status(self, result: FactorResult) -> None:
        if result.derived_tier in ("unassessed", "outside"):
            self.status_tier.set_tier(
                result.derived_tier, self.tr(" (override applies)") if result.overridden else ""
            )
            self.status_text.setText(
                translate(
                    "Checklist",
                    UNASSESSED_TEXT if result.derived_tier == "unassessed" else OUTSIDE_TEXT,
                )
            )
            self.status_box.show()
        else:
            self.status_box.hide()

    def show_override_error(self, message: str) -> None:
        self.override_error.setText(f"\N{WARNING SIGN} {message}")
        self.override_error.show()

    def clear_override_error(self) -> None:
        self.override_error.clear()
        self.override_error.hide()

    def flush(self) -> None:
        for widget in self.fields.values():
            widget.flush()

    def show_field_error(self, name: str, message: str) -> None:
        widget = self.fields.get(name)
        if widget is not None:
            widget.show_error(message)

    # Slots ------------------------------------------------------------------------------

    def _on_value_committed(self, name: str, value: Any, burst: int) -> None:
        self.session.set_field(name, value, burst)

    def _on_apply_clicked(self) -> None:
        tier = self.override_tier.currentData()
        reason = self.override_reason_edit.text().strip()
        if tier is None:
            self.show_override_error(self.tr("Choose the tier you judge right for this factor."))
            self.override_tier.setFocus()
            return
        if not reason:
            self.show_override_error(translate("Checklist", REASON_REQUIRED))
            self.override_reason_edit.setFocus()
            return
        self.clear_override_error()
        self.session.set_override(self.key, Override(tier=tier, reason=reason))

    def _on_remove_clicked(self) -> None:
        self.clear_override_error()
        if self.session.set_override(self.key, None):
            self.override_tier.setCurrentIndex(0)
            self.override_reason_edit.clear()
            self.override_tier.setFocus()


class SummaryStep(QtWidgets.QScrollArea):
    """Counts, headline and evidence context, each factor's tier and claim status, work-up
    alerts by severity (or the checks not done), evidence gaps.

    Signals:
        step_requested(int): the user wants to review a factor step (0-based).
        export_requested(): the user asked for the PDF.
    """

    step_requested = Signal(int)
    export_requested = Signal()

    NO_ALERT_TEXT = QT_TRANSLATE_NOOP(
        "SummaryStep", "{shape} No work-up alert is raised by the values entered."
    )

    def __init__(self, pack: EvidencePack, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.pack = pack
        self.setAccessibleName(self.tr("Checklist summary"))
        self.setWidgetResizable(True)
        self.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        body = QtWidgets.QWidget()
        layout = QtWidgets.QVBoxLayout(body)
        layout.addWidget(heading(self.tr("Summary"), scale=1.4))
        self.headline = heading("", scale=1.1)
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.headline)
        # Where the case stands against the primary endpoints of its setting's trials.
        self.evidence_context = text_label()
        layout.addWidget(self.evidence_context)

        counts = QtWidgets.QHBoxLayout()
        self.count_labels: dict[str, TierLabel] = {}
        for tier in TIERS:
            label = TierLabel(bold=True)
            self.count_labels[tier] = label
            counts.addWidget(label)
        counts.addStretch(1)
        layout.addLayout(counts)

        factors_box = QtWidgets.QGroupBox(self.tr("Factors"))
        grid = QtWidgets.QGridLayout(factors_box)
        self.factor_tiers: dict[str, TierLabel] = {}
        self.factor_claims: dict[str, QtWidgets.QLabel] = {}
        self.factor_reasons: dict[str, QtWidgets.QLabel] = {}
        self.review_buttons: list[QtWidgets.QPushButton] = []
        for row, key in enumerate(FACTOR_KEYS):
            label = pack.factor(key).label
            name = QtWidgets.QLabel(f"{row + 1}. {label}")
            tier = TierLabel()
            claim = text_label()
            reason = text_label()
            button = QtWidgets.QPushButton(self.tr("Review"))
            button.setAccessibleName(
                self.tr("Review step {number}: {factor}").format(number=row + 1, factor=label)
            )
            button.clicked.connect(lambda _checked=False, step=row: self.step_requested.emit(step))
            grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(tier, row, 1, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(claim, row, 2, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(reason, row, 3, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(button, row, 4, Qt.AlignmentFlag.AlignTop)
            self.factor_tiers[key] = tier
            self.factor_claims[key] = claim
            self.factor_reasons[key] = reason
            self.review_buttons.append(button)
        grid.setColumnStretch(2, 2)
        grid.setColumnStretch(3, 3)
        layout.addWidget(factors_box)

        self.alerts_box = QtWidgets.QGroupBox(self.tr("Work-up alerts"))
        self.alerts_layout = QtWidgets.QVBoxLayout(self.alerts_box)
        layout.addWidget(self.alerts_box)
        self.gaps_box = QtWidgets.QGroupBox(self.tr("Evidence gaps"))
        self.gaps_layout = QtWidgets.QVBoxLayout(self.gaps_box)
        layout.addWidget(self.gaps_box)
        # The labels the two boxes show now (the previous ones are deleted later by Qt).
        self.alert_labels: list[QtWidgets.QLabel] = []
        self.gap_labels: list[QtWidgets.QLabel] = []

        self.disclaimer = text_label(pack.disclaimer)
        layout.addWidget(self.disclaimer)
        buttons = QtWidgets.QHBoxLayout()
        self.export_button = QtWidgets.QPushButton(self.tr("Export &PDF…"))
        self.export_button.setAccessibleName(self.tr("Export PDF"))
        self.export_button.clicked.connect(self.export_requested)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.setWidget(body)

    def show_case(self, case: Case, assessment: Assessment) -> None:
        headline = headline_text(assessment, self.pack)
        self.headline.setText(headline)
        self.headline.setAccessibleName(self.tr("Headline: {headline}").format(headline=headline))
        self.evidence_context.setText(assessment.evidence_context)
        self.evidence_context.setAccessibleName(
            self.tr("Evidence context: {context}").format(context=assessment.evidence_context)
        )
        self.evidence_context.setVisible(bool(assessment.evidence_context))
        for tier, label in self.count_labels.items():
            label.set_tier(tier, f": {assessment.counts.get(tier, 0)}")
        for factor in assessment.factors:
            self.factor_tiers[factor.key].set_tier(
                factor.tier, translate("FactorStep", " (override)") if factor.overridden else ""
            )
            self.factor_reasons[factor.key].setText(
                self.tr("Override: {reason}").format(reason=factor.reason)
                if factor.overridden
                else factor.reason
            )
            claim = self.factor_claims[factor.key]
            if factor.claim_status is None:
                # Unassessed or outside: the framework claims nothing for this case.
                words = tier_label(factor.tier).lower()
                claim.setText(self.tr("No claim: {tier}").format(tier=words))
                claim.setToolTip("")
                claim.setAccessibleName(
                    self.tr("Evidence status: none, the factor is {tier}").format(tier=words)
                )
            else:
                status = self.pack.claim_status_text(factor.claim_status)
                claim.setText(claim_status_text(self.pack, factor.claim_status))
                claim.setToolTip(status.meaning)
                claim.setAccessibleName(
                    translate("_ClaimBox", "Evidence status: {status}. {meaning}").format(
                        status=status.label, meaning=status.meaning
                    )
                )
        self.alert_labels = self._fill(self.alerts_layout, self._alert_items(assessment))
        gaps = [(flag.title, flag.text, flag.title) for flag in assessment.evidence_gaps]
        if not gaps:
            gaps = [("", _no_gap_text(evidence_gap_fields_not_recorded(case)), "")]
        self.gap_labels = self._fill(self.gaps_layout, gaps)

    @classmethod
    def _alert_items(cls, assessment: Assessment) -> list[tuple[str, str, str]]:
        """(title, text, accessible name) per line of the alerts box: contraindications
        first, then cautions, then the checks not done; "no alert" only when every check
        was made."""
        alerts: list[Flag] = [*assessment.contraindications, *assessment.cautions]
        items = [
            (
                f"{severity_text(flag.severity or '')} \N{EM DASH} {flag.title}",
                flag.text,
                translate("SummaryStep", "{severity}: {alert}").format(
                    severity=severity_words(flag.severity or ""), alert=flag.title
                ),
            )
            for flag in alerts
        ]
        if assessment.not_checked:
            text = f"{NOT_CHECKED_SHAPE} {assessment.not_checked}."
            items.append(("", text, assessment.not_checked))
        elif not alerts:
            no_alert = translate("SummaryStep", cls.NO_ALERT_TEXT).format(shape=NO_ALERT_SHAPE)
            items.append(("", no_alert, translate("SummaryStep", "No work-up alert")))
        return items

    @staticmethod
    def _fill(
        layout: QtWidgets.QVBoxLayout, items: list[tuple[str, str, str]]
    ) -> list[QtWidgets.QLabel]:
        while layout.count():
            item = layout.takeAt(0)
            if item.widget() is not None:
                # Hidden at once: deleted only when the event loop next runs.
                item.widget().hide()
                item.widget().deleteLater()
        labels = []
        for title, text, name in items:
            if title:
                title_label = heading(title, scale=1.0)
                layout.addWidget(title_label)
                labels.append(title_label)
            body = text_label(text)
            if name:
                body.setAccessibleName(name)
            layout.addWidget(body)
            labels.append(body)
        return labels


def _no_gap_text(names: list[str]) -> str:
    """That no evidence gap is raised, and which fields it could not check: "no gap" is not
    "checked and clear"."""
    if not names:
        return translate("SummaryStep", "No evidence gap is raised by the treatment plan entered.")
    return translate(
        "SummaryStep",
        "No evidence gap is raised by the treatment plan entered. Not recorded: {fields}, so "
        "this check is incomplete.",
    ).format(fields=translate("SummaryStep", ", ").join(field_label(name) for name in names))


class Checklist(QtWidgets.QWidget):
    """The six factor steps, the trial populations and the summary, with a step list,
    progress and Back/Next.

    Signals:
        step_changed(int): the visible step changed (0–5 factors, POPULATIONS_STEP the trial
            populations, SUMMARY_STEP the summary).
        export_requested(): the user asked for the PDF from the summary.
        evidence_requested(str): the user asked for the evidence view at an anchor (a trial
            or a factor's claims).
        field_requested(str): the user asked to fill in a case field (in the editor).
    """

    step_changed = Signal(int)
    export_requested = Signal()
    evidence_requested = Signal(str)
    field_requested = Signal(str)

    def __init__(
        self, session: CaseSession, pack: EvidencePack, parent: QtWidgets.QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.pack = pack
        outer = QtWidgets.QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)

        # Said once, plainly, for the whole checklist: where the framework comes from.
        # In an interface in another language, the same note says the evidence is in English.
        note = evidence_note()
        self.provenance = text_label(
            f"\N{INFORMATION SOURCE} {note}\n{pack.framework_provenance}"
            if note
            else f"\N{INFORMATION SOURCE} {pack.framework_provenance}"
        )
        self.provenance.setObjectName("framework_provenance")
        self.provenance.setAccessibleName(
            self.tr("About the framework: {provenance}").format(
                provenance=pack.framework_provenance
            )
        )
        self.provenance.setFrameShape(QtWidgets.QFrame.Shape.StyledPanel)
        self.provenance.setMargin(4)
        outer.addWidget(self.provenance)

        middle = QtWidgets.QHBoxLayout()
        self.step_list = QtWidgets.QListWidget()
        self.step_list.setObjectName("checklist_steps")
        self.step_list.setAccessibleName(self.tr("Checklist steps"))
        self.step_list.setWordWrap(True)
        self.step_list.setSpacing(3)
        self.step_list.setUniformItemSizes(False)
        self.step_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        metrics = self.fontMetrics()
        self.step_list.setMaximumWidth(metrics.horizontalAdvance("M") * 16)
        self.step_list.setSizePolicy(
            QtWidgets.QSizePolicy.Policy.Preferred, QtWidgets.QSizePolicy.Policy.Expanding
        )
        for number, key in enumerate(FACTOR_KEYS, start=1):
            self.step_list.addItem(f"{number}. {pack.factor(key).label}")
        title = translate("PopulationsStep", POPULATIONS_TITLE)
        self.step_list.addItem(self.tr("{title}\n(not a factor)").format(title=title))
        self.step_list.item(POPULATIONS_STEP).setData(
            Qt.ItemDataRole.AccessibleTextRole,
            self.tr("{title}: not a factor, changes neither counts nor headline").format(
                title=title
            ),
        )
        self.step_list.addItem(self.tr("Summary"))
        self.step_list.currentRowChanged.connect(self._on_step_list_current_row_changed)
        middle.addWidget(self.step_list)

        self.stack = QtWidgets.QStackedWidget()
        # Steps are built when first shown (a placeholder stands in until then), so opening
        # the window builds one step, not seven.
        self._steps: list[FactorStep | None] = [None] * STEP_COUNT
        self._populations: PopulationsStep | None = None
        # Built steps still to show the case as it is now (index → whether to force it).
        self._stale: dict[int, bool] = {}
        # The steps not built yet are built one at a time while the window is idle, after a
        # case is opened (_build_ahead): the first visit to a step then only shows it.
        self._ahead = QtCore.QTimer(self)
        self._ahead.setSingleShot(True)
        self._ahead.setInterval(BUILD_AHEAD_MS)
        self._ahead.timeout.connect(self._build_ahead)
        for _key in FACTOR_KEYS:
            self.stack.addWidget(QtWidgets.QWidget())
        self.stack.addWidget(QtWidgets.QWidget())  # the trial populations
        self.summary = SummaryStep(pack)
        self.summary.step_requested.connect(self.go_to)
        self.summary.export_requested.connect(self.export_requested)
        self.stack.addWidget(self.summary)
        middle.addWidget(self.stack, 1)
        outer.addLayout(middle, 1)
        # Arriving at the checklist puts the keyboard on the step list: arrows choose a step,
        # Tab goes into it.
        self.setFocusProxy(self.step_list)

        nav = QtWidgets.QHBoxLayout()
        self.back_button = QtWidgets.QPushButton(self.tr("‹ &Back"))
        self.back_button.setAccessibleName(self.tr("Back"))
        self.back_button.setToolTip(self.tr("Previous step (Alt+B, Ctrl+Page Up)"))
        self.back_button.clicked.connect(self.back)
        self.progress_label = QtWidgets.QLabel()
        self.progress_label.setAccessibleName(self.tr("Checklist progress"))
        self.progress = QtWidgets.QProgressBar()
        self.progress.setRange(0, PAGE_COUNT)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Checklist progress bar"))
        self.next_button = QtWidgets.QPushButton(self.tr("&Next ›"))
        self.next_button.setAccessibleName(self.tr("Next"))
        self.next_button.setToolTip(self.tr("Next step (Alt+N, Ctrl+Page Down)"))
        self.next_button.clicked.connect(self.next)
        nav.addWidget(self.back_button)
        nav.addWidget(self.progress_label)
        nav.addWidget(self.progress, 1)
        nav.addWidget(self.next_button)
        outer.addLayout(nav)
        # Ctrl+Page Down / Up are the main window's "Next / Previous checklist step" actions,
        # so that they mean the same wherever the focus is (in the case list too).

        session.case_opened.connect(self._on_case_opened)
        session.case_refreshed.connect(self._on_case_refreshed)
        session.case_changed.connect(self._on_case_changed)
        session.field_rejected.connect(self._on_field_rejected)
        session.flush_requested.connect(self.flush)
        self.go_to(0)
        if session.case is not None:
            self._on_case_opened(session.case)

    # Navigation -------------------------------------------------------------------------

    @property
    def current_step(self) -> int:
        return self.stack.currentIndex()

    def step(self, index: int) -> FactorStep:
        """The factor step at `index` (0–5), built on first use, showing the case."""
        step = self._steps[index]
        if step is None:
            step = FactorStep(index + 1, FACTOR_KEYS[index], self.session, self.pack)
            step.evidence_requested.connect(self.evidence_requested)
            self._replace_placeholder(index, step)
            self._steps[index] = step
            self._stale.pop(index, None)
            if self.session.case is not None and self.session.assessment is not None:
                step.show_case(self.session.case, self.session.assessment, force=True)
        elif index in self._stale:
            self._catch_up(index)
        return step

    @property
    def populations(self) -> PopulationsStep:
        """The trial-populations step, built on first use, showing the case."""
        if self._populations is None:
            page = PopulationsStep(self.pack)
            page.field_requested.connect(self.field_requested)
            page.evidence_requested.connect(self.evidence_requested)
            self._replace_placeholder(POPULATIONS_STEP, page)
            self._populations = page
            self._stale.pop(POPULATIONS_STEP, None)
            if self.session.assessment is not None:
                page.show_assessment(self.session.assessment)
        elif POPULATIONS_STEP in self._stale:
            self._catch_up(POPULATIONS_STEP)
        return self._populations

    def _catch_up(self, index: int) -> None:
        """Show the case on a step built earlier and hidden while the case changed (see
        _show)."""
        force = self._stale.pop(index)
        case, assessment = self.session.case, self.session.assessment
        if case is None or assessment is None:
            return
        if index == POPULATIONS_STEP:
            assert self._populations is not None
            self._populations.show_assessment(assessment)
        else:
            step = self._steps[index]
            assert step is not None
            step.show_case(case, assessment, force=force)

    def _replace_placeholder(self, index: int, page: QtWidgets.QWidget) -> None:
        placeholder = self.stack.widget(index)
        current = self.stack.currentIndex()
        self.stack.insertWidget(index, page)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        self.stack.setCurrentIndex(current)

    @property
    def steps(self) -> list[FactorStep]:
        """All six factor steps (building those not shown yet)."""
        return [self.step(index) for index in range(STEP_COUNT)]

    def _built_steps(self) -> list[FactorStep]:
        return [step for step in self._steps if step is not None]

    def go_to(self, step: int) -> None:
        step = max(0, min(SUMMARY_STEP, step))
        if step != self.stack.currentIndex():
            self.flush()
        if step < STEP_COUNT:
            self.step(step)
        elif step == POPULATIONS_STEP:
            _ = self.populations
        self.stack.setCurrentIndex(step)
        if self.step_list.currentRow() != step:
            self.step_list.blockSignals(True)
            self.step_list.setCurrentRow(step)
            self.step_list.blockSignals(False)
        if step < STEP_COUNT:
            self.progress_label.setText(
                self.tr("Step {number} of {count}").format(number=step + 1, count=STEP_COUNT)
            )
        elif step == POPULATIONS_STEP:
            # Not a seventh factor: the counter says what the step is, not "Step 7 of 6".
            self.progress_label.setText(translate("PopulationsStep", POPULATIONS_TITLE))
        else:
            self.progress_label.setText(self.tr("Summary"))
        self.progress.setValue(step + 1)
        self.progress.setAccessibleDescription(self.progress_label.text())
        self.back_button.setEnabled(step > 0)
        self.next_button.setEnabled(step < SUMMARY_STEP)
        self.step_changed.emit(step)

    def next(self) -> None:
        self.go_to(self.current_step + 1)
        self.focus_step()

    def back(self) -> None:
        self.go_to(self.current_step - 1)
        self.focus_step()

    def focus_step(self) -> None:
        """Put the keyboard on the step's first question (the trial populations: the step
        itself, which scrolls with the keys and whose links Tab reaches; the summary: its
        Export button)."""
        step = self.current_step
        if step < STEP_COUNT:
            first = next(iter(self.step(step).fields.values()))
            target = first.control if first.control.isEnabled() else self.next_button
        elif step == POPULATIONS_STEP:
            target = self.populations
        else:
            target = self.summary.export_button
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def flush(self) -> None:
        for step in self._built_steps():
            step.flush()

    # Slots ------------------------------------------------------------------------------

    def _on_step_list_current_row_changed(self, row: int) -> None:
        if row >= 0:
            self.go_to(row)

    def _on_case_opened(self, case: Case) -> None:
        self._show(case, force=True)
        # Another case starts at the top of each step, not where the last one was left.
        for step in (*self._built_steps(), self.summary):
            step.verticalScrollBar().setValue(0)
        self.go_to(0)
        self._ahead.start()

    def _build_ahead(self) -> None:
        """Build one step not built yet (the factors', then the trial populations'), and
        come back for the next: each step costs 20-40 ms to build, which a first visit to
        it would otherwise add to the stall of showing it."""
        if self.session.case is None:
            return
        if None in self._steps:
            self.step(self._steps.index(None))
        elif self._populations is None:
            _ = self.populations
        else:
            return
        self._ahead.start()

    def _on_case_refreshed(self, case: Case) -> None:
        # Changed elsewhere (the board, another window): shown afresh on the same step.
        self._show(case, force=True)

    def _on_case_changed(self, case: Case) -> None:
        self._show(case, force=False)

    def _show(self, case: Case, *, force: bool) -> None:
        # The step on show follows at once; a step built earlier and hidden catches up when
        # it is shown next (step(), populations): moving from case to case then updates one
        # step, not seven.
        assessment = self.session.assessment
        if assessment is None:
            return
        current = self.stack.currentIndex()
        for index, step in enumerate(self._steps):
            if step is None:
                continue
            if index == current:
                step.show_case(case, assessment, force=force or self._stale.pop(index, False))
            else:
                self._stale[index] = force or self._stale.get(index, False)
        if self._populations is not None:
            if current == POPULATIONS_STEP:
                self._stale.pop(POPULATIONS_STEP, None)
                self._populations.show_assessment(assessment)
            else:
                self._stale[POPULATIONS_STEP] = True
        self.summary.show_case(case, assessment)
        for row, factor in enumerate(assessment.factors):
            item = self.step_list.item(row)
            mark = TIER_SHAPES[factor.tier]
            override = translate("FactorStep", " (override)") if factor.overridden else ""
            tier = tier_label(factor.tier)
            item.setText(f"{row + 1}. {factor.label}\n{mark} {tier}{override}")
            item.setData(
                Qt.ItemDataRole.AccessibleTextRole,
                self.tr("Step {number}, {factor}: {tier}").format(
                    number=row + 1, factor=factor.label, tier=f"{tier}{override}"
                ),
            )

    def _on_field_rejected(self, name: str, message: str) -> None:
        if name.startswith("overrides."):
            key = name.split(".")[1]
            for step in self._built_steps():
                if step.key == key:
                    step.show_override_error(message)
            return
        for step in self._built_steps():
            step.show_field_error(name, message)


# The pause before building the next step ahead: other events (a key, a repaint) go first.
BUILD_AHEAD_MS = 30

__all__ = [
    "PAGE_COUNT",
    "POPULATIONS_STEP",
    "STEP_COUNT",
    "SUMMARY_STEP",
    "Checklist",
    "FactorStep",
    "SummaryStep",
]
