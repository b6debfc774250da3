"""What a user does to cases, without Qt: the editing service and its change notices.

- ``editing``: every change to a case (fields, overrides, decisions, finalising, renaming,
  duplicating, archiving) with its rules in one place;
- ``changes``: the notice each change publishes, and the notifier every open view listens to.

Imports point down: this package uses ``tareaid.domain`` and ``tareaid.store``, never Qt,
ReportLab or ``tareaid.ui``.
"""
