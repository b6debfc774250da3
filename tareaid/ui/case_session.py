"""The case open in the window: its current data, its undo history and its autosave.

The editor, the checklist and the case pane all edit through one CaseSession, so an edit
made in the checklist shows in the editor, undo covers both, and there is exactly one place
that saves. What Qt is needed for lives here: the QUndoStack, the autosave timer (~600 ms
after the last edit, and whenever the user leaves the case or the window) and the signals
the widgets follow. Every rule and every read and write goes to the editing service
(``tareaid.app.editing``): it checks each edit (values, archived case, the amend reason of a
finalised case, the reason for an override) and saves against the version the case was
loaded at, so that a concurrent edit is detected, never overwritten. No widget here: the
pane shows what the session reports.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from tareaid.app.editing import CaseState, EditingService
from tareaid.domain.assessment import Assessment
from tareaid.domain.case import Case, CaseError, Override
from tareaid.domain.evidence import EvidencePack
from tareaid.store.errors import (
    CaseArchivedError,
    CaseLockedError,
    DuplicateReferenceError,
    StaleEditError,
    StoreError,
)
from tareaid.ui.i18n import translate
from tareaid.ui.qt import QtCore, QtGui, Signal
from tareaid.ui.vocabulary import field_label, tier_label

if TYPE_CHECKING:
    from tareaid.app.changes import ChangeNotice
    from tareaid.store.repository import Repository
    from tareaid.ui.changes import ChangeBridge

AUTOSAVE_MS = 600

# Undo command ids: commands with the same id may merge (one typing burst = one undo step).
_FIELD_COMMAND_ID = 1


class _SetFieldsCommand(QtGui.QUndoCommand):
    """Changes one or more case fields (or the overrides) from old to new values."""

    def __init__(
        self,
        session: CaseSession,
        old: dict[str, Any],
        new: dict[str, Any],
        text: str,
        burst: int = 0,
    ) -> None:
        super().__init__(text)
        self._session = session
        self.old = old
        self.new = new
        self.burst = burst

    def id(self) -> int:
        return _FIELD_COMMAND_ID if self.burst else -1

    def mergeWith(self, other: QtGui.QUndoCommand) -> bool:
        if not isinstance(other, _SetFieldsCommand) or other.burst != self.burst:
            return False
        if set(other.new) != set(self.new):
            return False
        self.new = dict(other.new)
        return True

    def redo(self) -> None:
        self._session._apply(self.new)

    def undo(self) -> None:
        self._session._apply(self.old)


class _RenameCommand(QtGui.QUndoCommand):
    """A new reference: stored at once (renames cannot wait), undone by renaming back."""

    def __init__(self, session: CaseSession, old: str, new: str) -> None:
        super().__init__(
            translate("CaseSession", "Rename case to {reference}").format(reference=new)
        )
        self._session = session
        self.old = old
        self.new = new
        self._done = True  # push() calls redo(); the rename has already happened

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._session._rename_stored(self.old, self.new)

    def undo(self) -> None:
        self._session._rename_stored(self.new, self.old)


class CaseSession(QtCore.QObject):
    """The open case: data, assessment, undo stack, autosave.

    Signals:
        case_opened(Case): a case was loaded (undo history starts afresh).
        case_closed(): no case is open any more.
        case_refreshed(Case): the open case was read again because it was changed elsewhere
            (the board, another window, another client); undo history starts afresh.
        case_changed(Case): the case data changed (edit, undo, redo, reload).
        case_saved(object): the case was stored (its CaseState).
        case_renamed(str, str): the case's reference changed from the first to the second.
        save_state_changed(str): status words for the user ("Saved 14:02", "Saving…").
        field_rejected(str, str): an edit was refused: field name and the reason.
        conflict_detected(str): someone else saved this case first; saving is paused.
        lock_detected(str): the case has a finalised decision and needs an amend reason.
        save_failed(str): the database refused the save for another reason.
        flush_requested(): widgets should commit what the user is still typing.
    """

    case_opened = Signal(object)
    case_closed = Signal()
    case_refreshed = Signal(object)
    case_changed = Signal(object)
    case_saved = Signal(object)
    case_renamed = Signal(str, str)
    save_state_changed = Signal(str)
    field_rejected = Signal(str, str)
    conflict_detected = Signal(str)
    lock_detected = Signal(str)
    save_failed = Signal(str)
    flush_requested = Signal()

    def __init__(
        self,
        editing: EditingService,
        parent: QtCore.QObject | None = None,
        *,
        changes: ChangeBridge | None = None,
    ) -> None:
        super().__init__(parent)
        self.editing = editing
        self.undo_stack = QtGui.QUndoStack(self)
        self._case: Case | None = None
        self._assessment: Assessment | None = None
        self._version: int | None = None
        self._archived = False
        self._dirty = False
        self._in_conflict = False
        self._saving = False
        self._amend_reason: str | None = None
        self._save_state = ""
        # Asked for a reason before the first change to a case with a finalised decision;
        # returns None when the user declines. The pane installs a dialog here.
        self.amend_reason_provider: Callable[[Case], str | None] = lambda _case: None
        self._timer = QtCore.QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self._on_autosave_timer_timeout)
        if changes is not None:
            changes.published.connect(self._on_changes_published)

    # State ------------------------------------------------------------------------------

    @property
    def repository(self) -> Repository:
        return self.editing.repository

    @property
    def pack(self) -> EvidencePack:
        return self.editing.pack

    @property
    def case(self) -> Case | None:
        return self._case

    @property
    def assessment(self) -> Assessment | None:
        return self._assessment

    @property
    def reference(self) -> str | None:
        return self._case.reference if self._case else None

    @property
    def version(self) -> int | None:
        return self._version

    @property
    def archived(self) -> bool:
        return self._archived

    @property
    def invalid(self) -> dict[str, str]:
        """Fields of the open case whose stored value is not valid (field → the value)."""
        return getattr(self, "_invalid", {})

    @property
    def editable(self) -> bool:
        return self._case is not None and not self._archived

    @property
    def dirty(self) -> bool:
        return self._dirty

    @property
    def in_conflict(self) -> bool:
        return self._in_conflict

    @property
    def save_state(self) -> str:
        return self._save_state

    @property
    def finalised(self) -> bool:
        return self._case is not None and self.editing.needs_amend_reason(self._case)

    # Opening and closing ----------------------------------------------------------------

    def open(self, reference: str, *, save: bool = True) -> None:
        """Load a stored case, first saving the open one unless `save` is False (the user
        chose to leave edits that cannot be saved). Raises StoreError."""
        if save:
            self.save_now()
        self._load(self.editing.load(reference))

    def reload(self) -> None:
        """Throw away unsaved edits and load the stored case again (after a conflict)."""
        if self.reference is not None:
            self._load(self.editing.load(self.reference))

    def close(self, *, save: bool = True) -> None:
        """Forget the open case, first saving it unless `save` is False."""
        if save:
            self.save_now()
        self._timer.stop()
        self._case = None
        self._assessment = None
        self._version = None
        self._dirty = False
        self._in_conflict = False
        self._amend_reason = None
        self.undo_stack.clear()
        self._set_save_state("")
        self.case_closed.emit()

    def _load(self, stored: CaseState, *, refreshed: bool = False) -> None:
        self._timer.stop()
        self._case = stored.case
        self._version = stored.version
        self._archived = stored.archived
        self._invalid = dict(stored.invalid)
        self._assessment = stored.assessment
        self._dirty = False
        self._in_conflict = False
        self._amend_reason = None
        self.undo_stack.clear()
        self.undo_stack.setClean()
        # Nothing has been saved yet: "Saved 14:02" is for a save of this session's, not for
        # merely opening a case.
        self._set_save_state("")
        (self.case_refreshed if refreshed else self.case_opened).emit(self._case)
        self.case_changed.emit(self._case)

    def _on_changes_published(self, notice: ChangeNotice) -> None:
        """Follow a change made elsewhere to the open case (read it again), unless this
        session made it or holds edits of its own: those stay, and their save meets the
        change as a conflict, never overwriting it."""
        reference = self.reference
        if reference is None or notice.caused_by(self) or not notice.affects(reference):
            return
        if self._dirty or self._in_conflict or self._saving:
            return
        try:
            stored = self.editing.load(notice.renamed_to(reference) or reference)
        except StoreError:
            return  # gone or unreadable just now: the next save or open says so
        self._load(stored, refreshed=True)

    # Editing ----------------------------------------------------------------------------

    def set_field(self, name: str, value: Any, burst: int = 0) -> bool:
        """Change one field; False (and field_rejected) when the value is refused."""
        if self._case is None:
            return False
        if getattr(self._case, name) == value:
            return True
        if name == "reference":
            return self._rename(value)
        try:
            self.editing.with_fields(self._case, {name: value}, archived=self._archived)
        except CaseError as error:
            if error.related_field and error.field_name:
                self._reject_contradiction(error)
            else:
                self._reject(name, _sentence(error.message))
            return False
        except CaseArchivedError as error:
            self._reject(name, _sentence(error.message))
            return False
        if not self._amend_allowed(name):
            return False
        label = field_label(name)
        self.undo_stack.push(
            _SetFieldsCommand(
                self,
                {name: getattr(self._case, name)},
                {name: value},
                self.tr("Change {field}").format(field=label),
                burst,
            )
        )
        return True

    def set_override(self, factor: str, override: Override | None) -> bool:
        """Set or remove the clinician's tier for a factor; the reason is mandatory."""
        if self._case is None:
            return False
        field_name = f"overrides.{factor}"
        if self._case.overrides.get(factor) == override:
            return True
        try:
            if override is None:
                changed = self.editing.without_override(self._case, factor, archived=self._archived)
                text = self.tr("Remove override")
            else:
                changed = self.editing.with_override(
                    self._case, factor, override.tier, override.reason, archived=self._archived
                )
                text = self.tr("Override to {tier}").format(tier=tier_label(override.tier))
        except (CaseError, CaseArchivedError) as error:
            self._reject(field_name, _sentence(error.message))
            return False
        if not self._amend_allowed(field_name):
            return False
        self.undo_stack.push(
            _SetFieldsCommand(
                self,
                {"overrides": dict(self._case.overrides)},
                {"overrides": dict(changed.overrides)},
                text,
            )
        )
        return True

    def _amend_allowed(self, field_name: str) -> bool:
        """Whether the change may go ahead: the service's amend rule, with the reason asked
        of the user once per opened case."""
        if not self.finalised or self._amend_reason:
            return True
        assert self._case is not None
        reason = self.amend_reason_provider(self._case)
        try:
            self._amend_reason = self.editing.amend_reason(self._case, reason)
        except CaseLockedError:
            self._reject(
                field_name,
                self.tr("Not changed: a finalised case needs a reason for the amendment"),
            )
            return False
        except CaseError as error:
            self._reject(
                field_name,
                self.tr("Not changed: the amend reason {problem}").format(problem=error.message),
            )
            return False
        return True

    def set_amend_reason(self, reason: str) -> None:
        """The reason recorded with changes to a case whose decision is finalised."""
        self._amend_reason = reason.strip() or None
        if self._dirty:
            self.save_now()

    def _reject(self, name: str, message: str) -> None:
        # Widgets showing the refused value go back to the case's value first, then show
        # why the change was refused.
        if self._case is not None:
            self.case_changed.emit(self._case)
        self.field_rejected.emit(name, message)

    def _reject_contradiction(self, error: CaseError) -> None:
        """Refuse a value that contradicts another field: both fields are told, with a
        message that names both, since either may be the one to correct."""
        names = (error.field_name, error.related_field)
        message = contradiction_message(error)
        if self._case is not None:
            self.case_changed.emit(self._case)
        for name in names:
            self.field_rejected.emit(name, message)

    def _apply(self, changes: dict[str, Any]) -> None:
        assert self._case is not None
        self._case = self._case.with_changes(**changes)
        self._assessment = self.editing.assess(self._case)
        self._dirty = True
        if not self._in_conflict:  # the conflict stays the news until it is resolved
            self._set_save_state(self.tr("Unsaved changes"))
        self.case_changed.emit(self._case)
        self._timer.start()

    # Renaming ---------------------------------------------------------------------------

    def _rename(self, new: str) -> bool:
        assert self._case is not None
        try:
            self.editing.renamed(self._case, new, archived=self._archived)
        except (CaseError, CaseArchivedError) as error:
            self._reject("reference", _sentence(error.message))
            return False
        self.save_now()
        if self._dirty or self._in_conflict:
            self._reject(
                "reference", self.tr("Not renamed: the case has changes that are not saved")
            )
            return False
        if not self._amend_allowed("reference"):
            return False
        old = self._case.reference
        if not self._rename_stored(old, new):
            return False
        self.undo_stack.push(_RenameCommand(self, old, new))
        return True

    def _rename_stored(self, old: str, new: str) -> bool:
        """Rename in the store and in memory; reports problems as a rejection."""
        assert self._case is not None and self._version is not None
        try:
            result = self.editing.rename(
                old,
                new,
                expected_version=self._version,
                amend_reason=self._amend_reason,
                origin=self,
            )
        except DuplicateReferenceError as error:
            self._reject("reference", error.message)
            return False
        except StaleEditError as error:
            self._enter_conflict(error.message)
            return False
        except (StoreError, CaseError) as error:
            self._reject("reference", _sentence(error.message))
            return False
        self._version = result.version
        self._case = self._case.with_changes(reference=new)
        self._set_save_state(self.tr("Saved {time}").format(time=_clock()))
        self.case_renamed.emit(old, new)
        self.case_changed.emit(self._case)
        return True

    # Saving -----------------------------------------------------------------------------

    def save_now(self) -> bool:
        """Save the open case if it changed; True when nothing is left unsaved."""
        if self._saving:
            return not self._dirty
        self._timer.stop()
        self._saving = True
        try:
            self.flush_requested.emit()
            self._timer.stop()
            if self._case is None or not self._dirty:
                return True
            if self._in_conflict:
                return False
            self._set_save_state(self.tr("Saving…"))
            assert self._version is not None
            try:
                stored = self.editing.save(
                    self._case,
                    expected_version=self._version,
                    amend_reason=self._amend_reason,
                    origin=self,
                )
            except StaleEditError as error:
                self._enter_conflict(error.message)
                return False
            except CaseLockedError as error:
                self._set_save_state(self.tr("Not saved: the decision is finalised"))
                self.lock_detected.emit(error.message)
                return False
            except CaseError as error:
                # Bad input: the amend reason (the case itself was checked as it was
                # edited). Forgotten, so that the next attempt asks for it again.
                self._amend_reason = None
                self._set_save_state(self.tr("Not saved"))
                self.save_failed.emit(str(error))
                return False
            except StoreError as error:
                self._set_save_state(self.tr("Not saved"))
                self.save_failed.emit(error.message)
                return False
            self._version = stored.version
            self._dirty = False
            self.undo_stack.setClean()
            self._set_save_state(self.tr("Saved {time}").format(time=_clock()))
            self.case_saved.emit(stored)
            return True
        finally:
            self._saving = False

    def _on_autosave_timer_timeout(self) -> None:
        # While the database's integrity check runs (on a worker thread, just after the
        # window opened), a save would wait for it on the GUI thread: try again shortly.
        # Leaving the case or the window still saves at once, after the check.
        if getattr(self.repository, "checking_integrity", False):
            self._timer.start()
            return
        self.save_now()

    def _enter_conflict(self, message: str) -> None:
        self._in_conflict = True
        self._set_save_state(self.tr("Not saved: changed elsewhere"))
        self.conflict_detected.emit(message)

    def _set_save_state(self, text: str) -> None:
        if text != self._save_state:
            self._save_state = text
            self.save_state_changed.emit(text)


def contradiction_message(error: CaseError) -> str:
    """'A largest node size needs at least 1 nodal region: Largest metastatic node and Nodal
    regions involved contradict each other. Not saved.'"""
    first, second = (field_label(name) for name in (error.field_name, error.related_field))
    # The domain's message ends by naming the other field by its key; here both are named
    # by the labels the form shows (the domain's own words stay in English).
    core = error.message.removesuffix(f" (contradicts field '{error.related_field}')")
    return translate(
        "CaseSession", "{problem}: {first} and {second} contradict each other. Not saved."
    ).format(problem=_sentence(core), first=first, second=second)


def _clock() -> str:
    return time.strftime("%H:%M")


def _sentence(message: str) -> str:
    return message[:1].upper() + message[1:] if message else message
