"""No identifier ever reaches the log or the crash file.

The app is walked through a whole case with distinctive identifiers and free text (create,
edit every field, override a tier, export the PDF with identifiers, export and import case
files) and through a tumour board (projection, a tier set by hand, identifiers shown on
request, a decision with attendees, rationale and dissent), with the log at its most
detailed (DEBUG). Then the log and the crash file are searched for every identifier, in
the forms a person or a program might write it.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from modal_recorder import ModalRecorder

from tareaid import logs
from tareaid.domain.fields import FIELDS, Kind
from tareaid.ui.case_pane import CHECKLIST_TAB, EDITOR_TAB
from tareaid.ui.dialogs import PdfOptions
from tareaid.ui.qt import Qt, QtWidgets

pytestmark = pytest.mark.slow

NAME = "Quillon Vexmoor-Abernathy"
MRN = "QX-7781-ZZ"
BIRTH = date(1931, 2, 3)
NOTES = "Nocturnal xylophonist, lives with Hermelinda"
OVERRIDE_REASON = "Frailty judged by Wendeline at clinic"
TIER_REASON = "Projector reason Fennimore"
RATIONALE = "Consensus after Ostrogoth discussion"
ATTENDEE = "Ysolde Kettleburn"
DISSENT = "Brannock dissents strongly"
IMPORTED_NAME = "Thaddeus Quorlington"
IMPORTED_MRN = "IMP-99812"
IMPORTED_NOTES = "Imported note about Marigoldine"
BOARD_DATE = date(2026, 12, 3)
# Every other free-text field: free text may hold an identifier, so each gets a made-up
# word of its own, typed into the editor like the notes and looked for in the log like
# every identifier (a new text field joins here by itself).
OTHER_TEXT = {
    spec.name: f"Zorvequil{index}"
    for index, spec in enumerate(FIELDS)
    if spec.kind is Kind.TEXT and spec.name not in ("reference", "patient_name", "mrn", "notes")
}

SECRETS = (
    *OTHER_TEXT.values(),
    NAME,
    "Quillon",
    "Vexmoor",
    MRN,
    "7781",
    "1931-02-03",
    "03.02.1931",
    "03/02/1931",
    "02/03/1931",
    "19310203",
    "Hermelinda",
    "xylophonist",
    "Wendeline",
    "Fennimore",
    "Ostrogoth",
    ATTENDEE,
    "Kettleburn",
    "Brannock",
    IMPORTED_NAME,
    "Quorlington",
    IMPORTED_MRN,
    "99812",
    "Marigoldine",
)

BOARD_PROMPTS = (
    "run_dialog",
    "ask_reason",
    "ask_amend_reason",
    "confirm",
    "show_message",
    "choose_folder",
    "choose_save_file",
    "ask_date",
    "pick_case",
    "ask_export_choice",
)


def value_for(spec) -> object:
    """A valid value for every field that is not typed in by hand below."""
    if spec.name == "age_years":
        return 95  # born 1931-02-03, board on 2026-12-03: the age must agree
    if spec.kind is Kind.CHOICE:
        return spec.choices[0]
    if spec.kind is Kind.INTEGER:
        return int(spec.minimum or 0) + 1
    if spec.kind is Kind.NUMBER:
        return float(spec.minimum or 0) + 1.5
    if spec.kind is Kind.BOOLEAN:
        return True
    if spec.kind is Kind.DATE:
        return BOARD_DATE
    raise AssertionError(f"no value for {spec.name}")


def type_into(qtbot, widget, text: str) -> None:
    control = widget.control
    control.setFocus()
    if isinstance(control, QtWidgets.QLineEdit):
        control.selectAll()
    qtbot.keyClicks(control, text)
    qtbot.keyClick(control, Qt.Key.Key_Tab)


def wait_for_tasks(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=20_000)


def test_a_whole_case_and_a_board_leave_no_identifier_in_the_log(
    window, qtbot, dialogs, repository, tmp_path, monkeypatch
):
    folder = tmp_path / "log"
    logs.start(directory=folder, verbose=True)

    # Create the case and give every field a value; the identifiers and the notes are
    # typed into the editor as a user would.
    window._on_new_case_confirmed("PRIV-001", None)
    assert window.session.reference == "PRIV-001"
    window.case_pane.show_tab(EDITOR_TAB)
    editor = window.case_pane.editor
    typed = {
        "patient_name": NAME,
        "mrn": MRN,
        "date_of_birth": BIRTH.isoformat(),
        "notes": NOTES,
        **OTHER_TEXT,
    }
    for name, text in typed.items():
        type_into(qtbot, editor.fields[name], text)
    for spec in FIELDS:
        if spec.name not in typed and spec.name != "reference":
            assert window.session.set_field(spec.name, value_for(spec)), spec.name
    assert window.session.save_now()
    stored = repository.get_case("PRIV-001").case
    assert (stored.patient_name, stored.mrn, stored.date_of_birth) == (NAME, MRN, BIRTH)
    assert stored.notes == NOTES
    assert {name: getattr(stored, name) for name in OTHER_TEXT} == OTHER_TEXT

    # Override a tier with a reason, in the checklist.
    window.case_pane.show_tab(CHECKLIST_TAB)
    step = window.case_pane.checklist.step(5)
    step.override_tier.setCurrentIndex(step.override_tier.findData("against"))
    step.override_reason_edit.setText(OVERRIDE_REASON)
    step.apply_button.click()
    assert window.session.save_now()
    assert repository.get_case("PRIV-001").case.overrides["ecog"].reason == OVERRIDE_REASON

    # Export the PDF with the identifiers in it, and all cases as JSON.
    pdf = tmp_path / "PRIV-001.pdf"
    dialogs.reply("ask_pdf_options", PdfOptions(deidentified=False, page_size="A4"))
    dialogs.reply("choose_save_file", str(pdf))
    window.action("export_pdf").trigger()
    wait_for_tasks(qtbot, window)
    assert pdf.read_bytes().startswith(b"%PDF-")
    exported = tmp_path / "cases.json"
    dialogs.reply("choose_save_file", str(exported))
    window.action("export_json").trigger()
    wait_for_tasks(qtbot, window)
    assert NAME in exported.read_text(encoding="utf-8")

    # Import a case file with other identifiers, then the same file again (refused).
    incoming = tmp_path / "incoming.json"
    incoming.write_text(
        json.dumps(
            {
                "reference": "PRIV-002",
                "patient_name": IMPORTED_NAME,
                "mrn": IMPORTED_MRN,
                "date_of_birth": "1931-02-03",
                "notes": IMPORTED_NOTES,
                "board_date": BOARD_DATE.isoformat(),
            }
        ),
        encoding="utf-8",
    )
    for _attempt in range(2):
        dialogs.reply("choose_open_file", str(incoming))
        window.action("import").trigger()
        wait_for_tasks(qtbot, window)
    assert repository.get_case("PRIV-002").case.mrn == IMPORTED_MRN

    # The tumour board: project, set a tier by hand, show the identifiers, record the
    # decision with attendees.
    prompts = ModalRecorder(BOARD_PROMPTS, informational=("show_message",))
    from tareaid.ui.board import prompts as prompts_module

    prompts.install(monkeypatch, prompts_module)

    def decide(panel) -> int:
        panel.outcome_combo.setCurrentIndex(1)
        panel.rationale_edit.setPlainText(RATIONALE)
        panel.attendee_edit.setText(f"{ATTENDEE}, Radiology")
        panel.attendee_edit.returnPressed.emit()
        panel.dissent_edit.setPlainText(DISSENT)
        panel.finalise_check.setChecked(True)
        panel.save_button.click()
        return panel.result()

    window.action("board").trigger()
    board = window._board_window
    board.choose_board_date(BOARD_DATE)
    board.start_projection()
    projection = board.projection
    assert projection is not None
    projection.select_factor(0)
    prompts.reply("ask_reason", TIER_REASON)
    projection.set_tier("favours")
    prompts.reply("confirm", True)
    projection.toggle_identifiers()
    prompts.reply("run_dialog", decide)
    projection.open_decision_panel()
    projection.close()
    board.close()
    decision = repository.get_case("PRIV-001").case.decision
    assert decision is not None and decision.rationale == RATIONALE
    assert any(ATTENDEE in attendee for attendee in decision.attendees)

    # Help, diagnostics and About along the way.
    window.action("help").trigger()
    window.action("diagnostics").trigger()
    window.action("about").trigger()
    window.close()

    logs.stop()
    text = "\n".join(
        path.read_text(encoding="utf-8", errors="replace") for path in sorted(folder.iterdir())
    )
    # The log did record the walk: otherwise this test would prove nothing.
    for event in (
        "Writing the PDF: done",
        "Exporting cases: done",
        "Importing cases: done",
        "Importing cases: not done",
    ):
        assert event in text, event
    assert (folder / "crash.txt").exists()
    found = [secret for secret in SECRETS if secret.casefold() in text.casefold()]
    assert found == [], f"identifiers in the log: {found}"


def test_the_diagnostics_text_carries_no_identifier(window, repository, tmp_path):
    from tareaid.domain.case import Case
    from tareaid.ui.diagnostics_dialog import DiagnosticsDialog

    logs.start(directory=tmp_path / "log", verbose=True)
    repository.create_case(Case(reference="PRIV-003", patient_name=NAME, mrn=MRN))
    window.model.reload()
    assert window.open_case("PRIV-003")
    window.action("diagnostics").trigger()
    text = window.findChild(DiagnosticsDialog).text.toPlainText()
    assert [secret for secret in SECRETS if secret in text] == []
    assert Path(window.database.label).name in text
