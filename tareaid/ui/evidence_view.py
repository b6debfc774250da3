"""The evidence view: the trials endpoint by endpoint, the references, and the notes.

Everything shown comes from the evidence pack; nothing is typed here. A subgroup result is
never shown alone: its overall result(s) follow it in the same table, as the pack requires.
The "about the evidence" note with the correction of the source page comes first, in a box.
"""

from __future__ import annotations

import html

from tareaid.domain.evidence import EvidencePack, Figure
from tareaid.ui.qt import QtCore, QtGui, QtWidgets

Role = QtGui.QPalette.ColorRole


def figure_line(pack: EvidencePack, figure: Figure, *, beside: bool = False) -> str:
    """One line for a figure: trial, endpoint, arm values and effect, and what qualifies it.

    `beside` marks an overall result shown only because a subgroup needs it beside it.
    """
    prefix = "Subgroup: " if figure.subgroup else ""
    if beside:
        prefix = "\N{RIGHTWARDS ARROW} Overall: "
    words = f"{prefix}{pack.trials[figure.trial].name} · {figure.endpoint}"
    details = "; ".join(part for part in (figure.values_text(), figure.effect_text()) if part)
    if details:
        words += f": {details}"
    labels = figure.qualifiers()
    if labels:
        words += f" ({', '.join(labels)})"
    return words


def figures_with_overall(pack: EvidencePack, keys: list[str] | tuple[str, ...]) -> list[Figure]:
    """The figures for `keys`, each subgroup followed by the overall results it needs."""
    shown: list[Figure] = []
    for key in keys:
        figure = pack.figure(key)
        if figure not in shown:
            shown.append(figure)
        for overall_key in figure.overall_figures:
            overall = pack.figure(overall_key)
            if overall not in shown:
                shown.append(overall)
    return shown


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{html.escape(part.strip())}</p>" for part in text.split("\n\n") if part)


def evidence_html(pack: EvidencePack, palette: QtGui.QPalette) -> str:
    """The whole evidence view as rich text, coloured from the palette."""
    border = palette.color(Role.Mid).name()
    box = palette.color(Role.AlternateBase).name()
    head = palette.color(Role.Button).name()
    out = [
        "<h2>About the evidence</h2>",
        f"<p>Evidence pack <b>{html.escape(pack.version)}</b>, reviewed on "
        f"<b>{pack.reviewed_on.isoformat()}</b>.</p>",
    ]
    if pack.reviewed_against:
        out.append(f"<p>{html.escape(pack.reviewed_against)}</p>")
    out.append(
        f'<table width="99%" cellpadding="8" border="1" cellspacing="0" '
        f'style="border-color:{border}; border-style:solid;">'
        f'<tr><td bgcolor="{box}"><p><b>\N{WARNING SIGN} Correction to the source of the '
        f"framework</b></p>{_paragraphs(pack.correction_note)}</td></tr></table>"
    )
    out.append("<h3>What TAREaid does not cover</h3>" + _paragraphs(pack.not_covered))
    out.append("<h3>Disclaimer</h3>" + _paragraphs(pack.disclaimer))

    out.append("<h2>Trials, endpoint by endpoint</h2>")
    figures_by_key = {figure.key: figure for figure in pack.figures}
    for trial in pack.trials.values():
        out.append(f"<h3>{html.escape(trial.name)}</h3>")
        arms = ", ".join(
            html.escape(arm.label) + (f" ({arm.patients})" if arm.patients else "")
            for arm in trial.arms
        )
        out.append(
            f"<p><i>{html.escape(trial.design)}</i>. {trial.patients:,} patients: {arms}.</p>"
            f"<p>{html.escape(trial.description)}</p>"
        )
        out.append(
            f'<table width="99%" cellpadding="4" cellspacing="0" border="1" '
            f'style="border-color:{border}; border-style:solid;">'
            f'<tr bgcolor="{head}"><th align="left">Endpoint and population</th>'
            '<th align="left">Result</th><th align="left">Effect</th>'
            '<th align="left">Notes</th></tr>'
        )
        for figure in pack.figures_for_trial(trial.key):
            out.append(_figure_row(figure, pack, overall_of=None))
            for overall_key in figure.overall_figures:
                out.append(_figure_row(figures_by_key[overall_key], pack, overall_of=figure))
        out.append("</table>")
        reference = pack.references.get(trial.reference)
        if reference is not None:
            out.append(f"<p>Source: {html.escape(reference.citation())}</p>")

    if pack.other_workup:
        out.append("<h2>Other work-up to check</h2><ul>")
        out.extend(f"<li>{html.escape(item)}</li>" for item in pack.other_workup)
        out.append("</ul>")
    if pack.guidelines:
        out.append("<h2>Guidelines</h2><ul>")
        out.extend(f"<li>{html.escape(item)}</li>" for item in pack.guidelines)
        out.append("</ul>")

    out.append("<h2>References</h2><ol>")
    for reference in pack.references.values():
        note = f"<br/><i>{html.escape(reference.note)}</i>" if reference.note else ""
        out.append(f"<li>{html.escape(reference.citation())}{note}</li>")
    out.append("</ol>")
    return "".join(out)


def _figure_row(figure: Figure, pack: EvidencePack, *, overall_of: Figure | None) -> str:
    labels = figure.qualifiers()
    endpoint = html.escape(figure.endpoint)
    if overall_of is not None:
        trial = pack.trials[figure.trial].name
        endpoint = (
            f"&nbsp;&nbsp;\N{RIGHTWARDS ARROW} <i>Overall result shown beside the subgroup "
            f"({html.escape(trial)})</i>: {endpoint}"
        )
    elif figure.subgroup:
        endpoint = f"<b>Subgroup</b>: {endpoint}"
    values = html.escape(figure.values_text()) or "—"
    arms = html.escape(f"{figure.experimental_arm} vs {figure.control_arm}")
    # "P = .61" and "HR 1.04" stay on one line.
    effect = (
        html.escape(figure.effect_text())
        .replace("P ", "P&nbsp;")
        .replace("HR ", "HR&nbsp;")
        .replace("&nbsp;= ", "&nbsp;=&nbsp;")
        .replace("&nbsp;&lt; ", "&nbsp;&lt;&nbsp;")
        or "—"
    )
    notes = []
    if labels:
        notes.append(html.escape(", ".join(labels).capitalize()))
    if figure.note:
        notes.append(html.escape(figure.note))
    return (
        f"<tr><td>{endpoint}<br/><small>{html.escape(figure.population)}</small></td>"
        f"<td>{values}<br/><small>{arms}</small></td><td>{effect}</td>"
        f"<td>{'<br/>'.join(notes) or '—'}</td></tr>"
    )


class EvidenceView(QtWidgets.QTextBrowser):
    """The evidence pack, readable and linked; re-coloured when the theme changes."""

    def __init__(self, pack: EvidencePack, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.pack = pack
        self.setObjectName("evidence_view")
        self.setAccessibleName("Evidence")
        self.setAccessibleDescription(
            "Trial results endpoint by endpoint, references, and notes about the evidence"
        )
        # DOIs and PMIDs are selectable text, not links: TAREaid never reaches the network.
        self.setOpenLinks(False)
        self._render()

    def _render(self) -> None:
        position = self.verticalScrollBar().value()
        self.setHtml(evidence_html(self.pack, self.palette()))
        self.verticalScrollBar().setValue(position)

    def changeEvent(self, event: QtCore.QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (
            QtCore.QEvent.Type.PaletteChange,
            QtCore.QEvent.Type.ApplicationPaletteChange,
        ):
            self._render()
