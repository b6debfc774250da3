"""The evidence view: the trials endpoint by endpoint, the framework's claims, guidance,
what changed, the references and the notes.

Everything shown comes from the evidence pack; nothing medical is typed here. Figures are
shown in the groups the pack requires (``EvidencePack.display_figures``): a subgroup beside
its overall results, liver progression beside progression outside the liver. Primary and
co-primary endpoints carry the emphasis; a subgroup is never more salient than them. Each
trial and each factor of the framework has an anchor, so the checklist can open the view
at the trial or claim a step is about.
"""

from __future__ import annotations

import html

from tareaid.domain.evidence import EvidencePack, Figure
from tareaid.domain.fields import FACTOR_KEYS, OVERRIDE_TIERS
from tareaid.ui.evidence_marks import claim_status_text
from tareaid.ui.i18n import EVIDENCE_NOTE, evidence_note, translate
from tareaid.ui.qt import QtCore, QtGui, QtWidgets
from tareaid.ui.tiers import tier_text

Role = QtGui.QPalette.ColorRole

# Anchors of the sections a caller can open the view at.
TRIALS_ANCHOR = "trials"
FRAMEWORK_ANCHOR = "framework"
GUIDANCE_ANCHOR = "guidance"
CHANGES_ANCHOR = "changes"
# Said in the view whatever the interface's language (translated in another).
LANGUAGE_NOTE = EVIDENCE_NOTE


def _h2(title: str, anchor: str = "") -> str:
    """A section heading (with an anchor to open the view at)."""
    text = html.escape(title)
    return f'<h2><a name="{anchor}">{text}</a></h2>' if anchor else f"<h2>{text}</h2>"


def _headers(head: str, titles: list[tuple[str, str]]) -> str:
    """A table's header row: (title, width) per column."""
    cells = []
    for title, width in titles:
        size = f' width="{width}"' if width else ""
        cells.append(f'<th align="left"{size}>{html.escape(title)}</th>')
    return f'<tr bgcolor="{head}">{"".join(cells)}</tr>'


def trial_anchor(trial_key: str) -> str:
    return f"trial-{trial_key}"


def factor_anchor(factor_key: str) -> str:
    return f"factor-{factor_key}"


def figure_line(pack: EvidencePack, figure: Figure, *, beside: bool = False) -> str:
    """One line for a figure: trial, endpoint, arm values and effect, and what qualifies it.

    `beside` marks an overall result shown only because a subgroup needs it beside it.
    """
    words = f"{pack.trials[figure.trial].name} · {figure.endpoint}"
    if beside:
        words = translate("EvidenceView", "→ Overall: {figure}").format(figure=words)
    elif figure.subgroup:
        words = translate("EvidenceView", "Subgroup: {figure}").format(figure=words)
    details = "; ".join(part for part in (figure.values_text(), figure.effect_text()) if part)
    if details:
        words += f": {details}"
    labels = figure.qualifiers()
    if labels:
        words += f" ({', '.join(labels)})"
    return words


def grouped_figures(pack: EvidencePack, keys: tuple[str, ...] | list[str]) -> tuple[Figure, ...]:
    """The figures to show for `keys` (``EvidencePack.display_figures``: each with the
    figures it is never shown without), each subgroup placed just after the last of its
    overall results, so that the two are read together."""
    shown = pack.display_figures(keys)
    ordered = [figure for figure in shown if not figure.subgroup]
    for subgroup in (figure for figure in shown if figure.subgroup):
        place = max(ordered.index(pack.figure(key)) for key in subgroup.overall_figures)
        # Never between a figure and the companion it is shown with.
        while place + 1 < len(ordered) and ordered[place + 1].key in ordered[place].shown_with:
            place += 1
        ordered.insert(place + 1, subgroup)
    return tuple(ordered)


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{html.escape(part.strip())}</p>" for part in text.split("\n\n") if part)


def _box(content: str, colour: str, border: str) -> str:
    return (
        f'<table width="99%" cellpadding="8" border="1" cellspacing="0" '
        f'style="border-color:{border}; border-style:solid;">'
        f'<tr><td bgcolor="{colour}">{content}</td></tr></table>'
    )


def evidence_html(pack: EvidencePack, palette: QtGui.QPalette) -> str:
    """The whole evidence view as rich text, coloured from the palette."""
    border = palette.color(Role.Mid).name()
    box = palette.color(Role.AlternateBase).name()
    head = palette.color(Role.Button).name()
    reviewed = translate("EvidenceView", "Evidence pack {version}, reviewed on {date}.").format(
        version=f"<b>{html.escape(pack.version)}</b>",
        date=f"<b>{pack.reviewed_on.isoformat()}</b>",
    )
    out = [
        _h2(translate("EvidenceView", "About the evidence")),
        f"<p>{reviewed} {html.escape(evidence_note(always=True))}</p>",
    ]
    if pack.reviewed_against:
        out.append(f"<p>{html.escape(pack.reviewed_against)}</p>")
    correction = translate("EvidenceView", "Correction to the source of the framework")
    out.append(
        _box(
            f"<p><b>\N{WARNING SIGN} {html.escape(correction)}</b></p>"
            + _paragraphs(pack.correction_note),
            box,
            border,
        )
    )
    out.append(_guidance_html(pack))

    out.append(_h2(translate("EvidenceView", "Trials, endpoint by endpoint"), TRIALS_ANCHOR))
    out.append(
        "<p>"
        + html.escape(
            translate(
                "EvidenceView",
                "Primary endpoints are marked ★ and shaded; a subgroup is shown "
                "beside the overall result it belongs to, and liver progression beside "
                "progression outside the liver.",
            )
        )
        + "</p>"
    )
    for trial in pack.trials.values():
        out.append(f'<h3><a name="{trial_anchor(trial.key)}">{html.escape(trial.name)}</a></h3>')
        arms = ", ".join(
            html.escape(arm.label) + (f" ({arm.patients})" if arm.patients else "")
            for arm in trial.arms
        )
        patients = translate("EvidenceView", "{count} patients: {arms}.").format(
            count=f"{trial.patients:,}", arms=arms
        )
        out.append(
            f"<p><i>{html.escape(trial.design)}</i>. {patients}</p>"
            f"<p>{html.escape(trial.description)}</p>"
        )
        out.append(
            f'<table width="99%" cellpadding="4" cellspacing="0" border="1" '
            f'style="border-color:{border}; border-style:solid;">'
            + _headers(
                head,
                [
                    (translate("EvidenceView", "Endpoint and population"), ""),
                    (translate("EvidenceView", "Result"), ""),
                    (translate("EvidenceView", "Effect"), ""),
                    (translate("EvidenceView", "Notes"), ""),
                ],
            )
        )
        keys = [figure.key for figure in pack.figures_for_trial(trial.key)]
        for figure in grouped_figures(pack, keys):
            # A figure of another trial stands here only as a subgroup's overall result.
            beside = figure.trial != trial.key
            out.append(_figure_row(figure, pack, beside=beside, shade=box, table=trial.key))
        out.append("</table>")
        reference = pack.references.get(trial.reference)
        if reference is not None:
            source = translate("EvidenceView", "Source: {citation}").format(
                citation=reference.citation()
            )
            out.append(f"<p>{html.escape(source)}</p>")

    out.append(_framework_html(pack, border, head))
    out.append(_changes_html(pack))

    if pack.other_workup:
        out.append(_h2(translate("EvidenceView", "Other work-up to check")) + "<ul>")
        out.extend(f"<li>{html.escape(item)}</li>" for item in pack.other_workup)
        out.append("</ul>")
    out.append(
        _h2(translate("EvidenceView", "What TAREaid does not cover"))
        + _paragraphs(pack.not_covered)
    )
    out.append(_h2(translate("EvidenceView", "Disclaimer")) + _paragraphs(pack.disclaimer))

    out.append(_h2(translate("EvidenceView", "References")) + "<ol>")
    for reference in pack.references.values():
        note = f"<br/><i>{html.escape(reference.note)}</i>" if reference.note else ""
        label = f"[{html.escape(reference.label)}] " if reference.label else ""
        out.append(f"<li>{label}{html.escape(reference.citation())}{note}</li>")
    out.append("</ol>")
    return "".join(out)


def _changes_html(pack: EvidencePack) -> str:
    if not pack.changes:
        return ""
    newest, *earlier = pack.changes
    title = translate("EvidenceView", "What changed in this version ({version}, {date})").format(
        version=newest.version, date=newest.date.isoformat()
    )
    out = [_h2(title, CHANGES_ANCHOR) + "<ul>"]
    out.extend(f"<li>{html.escape(item)}</li>" for item in newest.items)
    out.append("</ul>")
    for change in earlier:
        version = translate("EvidenceView", "Version {version}").format(version=change.version)
        out.append(
            f"<p><b>{html.escape(version)}</b> "
            f"({change.date.isoformat()}): {' '.join(html.escape(i) for i in change.items)}</p>"
        )
    return "".join(out)


def _guidance_html(pack: EvidencePack) -> str:
    if not pack.guidance:
        return ""
    out = [_h2(translate("EvidenceView", "Guidance"), GUIDANCE_ANCHOR) + "<ul>"]
    for item in pack.guidance:
        citation = pack.reference(item.reference).citation()
        # The text usually names its body already ("NICE IPG672: …").
        body = "" if item.text.startswith(item.body) else f"<b>{html.escape(item.body)}</b>: "
        out.append(
            f"<li>{body}{html.escape(item.text)}<br/><small>{html.escape(citation)}</small></li>"
        )
    out.append("</ul>")
    return "".join(out)


def _framework_html(pack: EvidencePack, border: str, head: str) -> str:
    """The framework's tier descriptions, each with what the evidence says about it."""
    title = translate(
        "EvidenceView", "The selection framework and what the evidence says about each claim"
    )
    out = [
        _h2(title, FRAMEWORK_ANCHOR),
        _paragraphs(pack.framework_provenance),
        f'<table width="99%" cellpadding="4" cellspacing="0" border="1" '
        f'style="border-color:{border}; border-style:solid;">'
        + _headers(
            head,
            [
                (translate("EvidenceView", "Factor and tier"), "17%"),
                (translate("EvidenceView", "The framework says"), "20%"),
                (translate("EvidenceView", "Evidence status"), "17%"),
                (translate("EvidenceView", "What the evidence says"), "46%"),
            ],
        ),
    ]
    for key in FACTOR_KEYS:
        text = pack.factor(key)
        for index, tier in enumerate(OVERRIDE_TIERS):
            claim = text.claims[tier]
            factor = (
                f'<b><a name="{factor_anchor(key)}">{html.escape(text.label)}</a></b><br/>'
                if index == 0
                else ""
            )
            sources = "; ".join(r.citation() for r in pack.claim_references(claim))
            evidence = html.escape(claim.evidence)
            if sources:
                sources = translate("EvidenceView", "Sources: {sources}").format(sources=sources)
                evidence += f"<br/><small>{html.escape(sources)}</small>"
            out.append(
                f"<tr><td>{factor}{html.escape(tier_text(tier))}</td>"
                f"<td>“{html.escape(text.tier_text(tier))}”</td>"
                f"<td><b>{html.escape(claim_status_text(pack, claim.status))}</b></td>"
                f"<td>{evidence}</td></tr>"
            )
    out.append("</table>")
    return "".join(out)


def _nowrap_effect(text: str) -> str:
    # "P = .61" and "HR 1.04" stay on one line.
    return (
        html.escape(text)
        .replace("P ", "P&nbsp;")
        .replace("HR ", "HR&nbsp;")
        .replace("&nbsp;= ", "&nbsp;=&nbsp;")
        .replace("&nbsp;&lt; ", "&nbsp;&lt;&nbsp;")
    )


def _arms_text(figure: Figure, pack: EvidencePack) -> str:
    """'TARE + chemotherapy (n = 215) vs Chemotherapy (n = 213)': arm sizes are the trial's,
    so they are given only for a result in all its randomised patients, not a subgroup."""
    arms = pack.trials[figure.trial].arms
    sizes = [arm.patients for arm in arms[:2]]
    if figure.subgroup or len(arms) < 2 or None in sizes:
        return f"{figure.experimental_arm} vs {figure.control_arm}"
    return f"{figure.experimental_arm} (n = {sizes[0]}) vs {figure.control_arm} (n = {sizes[1]})"


def _figure_row(figure: Figure, pack: EvidencePack, *, beside: bool, shade: str, table: str) -> str:
    labels = figure.qualifiers()
    endpoint = html.escape(figure.endpoint)
    if figure.primary:
        kind = (
            translate("EvidenceView", "Co-primary endpoint")
            if figure.co_primary
            else translate("EvidenceView", "Primary endpoint")
        )
        endpoint = f"<b>\N{BLACK STAR} {html.escape(kind)}: {endpoint}</b>"
    elif figure.subgroup:
        kind = translate("EvidenceView", "Subgroup (its overall result just above)")
        endpoint = f"<i>{html.escape(kind)}</i>: {endpoint}"
    if beside:
        kind = translate("EvidenceView", "Overall result shown beside the subgroup")
        endpoint = f"\N{RIGHTWARDS ARROW} <i>{html.escape(kind)}</i>: {endpoint}"
    trial = ""
    if figure.trial != table:
        trial = f" ({html.escape(pack.trials[figure.trial].name)})"
    values = html.escape(figure.values_text()) or "—"
    arms = html.escape(_arms_text(figure, pack))
    effect = _nowrap_effect(figure.effect_text()) or "—"
    if figure.primary:
        values, effect = f"<b>{values}</b>", f"<b>{effect}</b>"
    notes = []
    if labels:
        notes.append(html.escape(", ".join(labels).capitalize()))
    if figure.note:
        notes.append(html.escape(figure.note))
    background = f' bgcolor="{shade}"' if figure.primary else ""
    return (
        f"<tr{background}><td>{endpoint}{trial}<br/>"
        f"<small>{html.escape(figure.population)}</small></td>"
        f"<td>{values}<br/><small>{arms}</small></td><td>{effect}</td>"
        f"<td>{'<br/>'.join(notes) or '—'}</td></tr>"
    )


class EvidenceView(QtWidgets.QTextBrowser):
    """The evidence pack, readable and linked; re-coloured when the theme changes."""

    def __init__(self, pack: EvidencePack, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.pack = pack
        self.setObjectName("evidence_view")
        self.setAccessibleName(self.tr("Evidence"))
        self.setAccessibleDescription(
            self.tr(
                "Trial results endpoint by endpoint, the framework's claims, guidance, what "
                "changed, references and notes about the evidence. {note}"
            ).format(note=evidence_note(always=True))
        )
        # DOIs and PMIDs are selectable text, not links: TAREaid never reaches the network.
        self.setOpenLinks(False)
        # The section last asked for, scrolled to again once the view has its real size.
        self._pending_anchor: str | None = None
        self.current_anchor: str | None = None
        self.verticalScrollBar().sliderPressed.connect(self._forget_anchor)
        self._render()

    def show_anchor(self, anchor: str) -> None:
        """Scroll to a section or a factor's row of the framework table and select it."""
        self.current_anchor = anchor
        self._pending_anchor = anchor
        self._go_to_anchor()

    def _go_to_anchor(self) -> None:
        anchor = self._pending_anchor
        if anchor is None:
            return
        cursor = self._anchor_cursor(anchor)
        if cursor is not None:
            cursor.movePosition(QtGui.QTextCursor.MoveOperation.StartOfBlock)
            cursor.movePosition(
                QtGui.QTextCursor.MoveOperation.EndOfBlock, QtGui.QTextCursor.MoveMode.KeepAnchor
            )
            self.setTextCursor(cursor)
        self.scrollToAnchor(anchor)

    def _anchor_cursor(self, anchor: str) -> QtGui.QTextCursor | None:
        block = self.document().begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                if anchor in fragment.charFormat().anchorNames():
                    cursor = QtGui.QTextCursor(self.document())
                    cursor.setPosition(fragment.position())
                    return cursor
                iterator += 1
            block = block.next()
        return None

    def _render(self) -> None:
        position = self.verticalScrollBar().value()
        self.setHtml(evidence_html(self.pack, self.palette()))
        self.verticalScrollBar().setValue(position)

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        # Opened at a section before it was laid out at its real width: scroll there again.
        self._go_to_anchor()

    def showEvent(self, event: QtGui.QShowEvent) -> None:
        super().showEvent(event)
        self._go_to_anchor()

    def _forget_anchor(self) -> None:
        # The reader has taken over: resizing no longer jumps back to the section.
        self._pending_anchor = None

    def mousePressEvent(self, event: QtGui.QMouseEvent) -> None:
        self._forget_anchor()
        super().mousePressEvent(event)

    def wheelEvent(self, event: QtGui.QWheelEvent) -> None:
        self._forget_anchor()
        super().wheelEvent(event)

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        self._forget_anchor()
        super().keyPressEvent(event)

    def changeEvent(self, event: QtCore.QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (
            QtCore.QEvent.Type.PaletteChange,
            QtCore.QEvent.Type.ApplicationPaletteChange,
        ):
            self._render()
