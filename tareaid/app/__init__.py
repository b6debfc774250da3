"""What a user does to cases, without Qt: the editing service, its notices, the board.

- ``editing``: every change to a case (fields, overrides, decisions, finalising, renaming,
  duplicating, archiving) with its rules in one place;
- ``changes``: the notice each change publishes, and the notifier every open view listens to;
- ``board``: a tumour board's agenda and the case on the wall, changed through ``editing``;
- ``agenda_summary`` and ``key_evidence``: what the board writes after it and the trial
  figures it shows on the wall.

Imports point down: this package uses ``tareaid.domain`` and ``tareaid.store``, never Qt,
ReportLab or ``tareaid.ui``.
"""
