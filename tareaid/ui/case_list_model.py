"""The case list as a Qt table model, fetched lazily page by page from the repository.

The model holds only the rows the view has asked for: it counts the matching cases once,
fetches the first page, and fetches more as the user scrolls (canFetchMore/fetchMore), so
100,000 cases cost no more at start-up than fifty. Searching and sorting reset the model in
place (the view keeps it); they never re-create it.

The model follows the editing service's change notices itself: a case whose data changed
(wherever it was changed) has its row read again; cases created, archived, restored or
renamed, or changes from another client, reload the list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from tareaid.domain.assessment import Assessment, assess
from tareaid.domain.case import Case
from tareaid.domain.evidence import EvidencePack, load_pack
from tareaid.errors import message_for
from tareaid.store.errors import StoreError
from tareaid.store.records import INVALID_STORED_VALUE
from tareaid.ui.busy import busy_cursor, on_server
from tareaid.ui.i18n import QT_TRANSLATE_NOOP, evidence_note, translate
from tareaid.ui.qt import Qt, QtCore, QtGui
from tareaid.ui.tiers import TIER_SHAPES, tier_colour
from tareaid.ui.vocabulary import tier_label
from tareaid.ui.workers import BackgroundCall

if TYPE_CHECKING:
    from tareaid.app.changes import ChangeNotice
    from tareaid.store.records import CaseSummary
    from tareaid.store.repository import Repository
    from tareaid.ui.changes import ChangeBridge

PAGE_SIZE = 200

# Column keys, in display order; NAME and MRN appear only when identifiers are shown.
REFERENCE = "reference"
BOARD_DATE = "board_date"
FAVOURS = "favours"
NEUTRAL = "neutral"
AGAINST = "against"
HEADLINE = "headline"
NAME = "patient_name"
MRN = "mrn"

BASE_COLUMNS = (REFERENCE, BOARD_DATE, FAVOURS, NEUTRAL, AGAINST, HEADLINE)
IDENTIFIER_COLUMNS = (NAME, MRN)


def columns_for(*, show_identifiers: bool) -> tuple[str, ...]:
    """The columns shown; names and MRNs sit beside the reference when they are shown."""
    if not show_identifiers:
        return BASE_COLUMNS
    return (REFERENCE, *IDENTIFIER_COLUMNS, *BASE_COLUMNS[1:])


# The count columns are headed by the tier's shape alone: a one-digit count then needs no
# wide column, and the headline gets the room. The tooltip and screen readers say the word.
# (Words are translated where they are shown: see headerData.)
HEADERS = {
    REFERENCE: QT_TRANSLATE_NOOP("CaseListModel", "Reference"),
    BOARD_DATE: QT_TRANSLATE_NOOP("CaseListModel", "Board date"),
    FAVOURS: TIER_SHAPES["favours"],
    NEUTRAL: TIER_SHAPES["neutral"],
    AGAINST: TIER_SHAPES["against"],
    HEADLINE: QT_TRANSLATE_NOOP("CaseListModel", "Headline"),
    NAME: QT_TRANSLATE_NOOP("CaseListModel", "Name"),
    MRN: QT_TRANSLATE_NOOP("CaseListModel", "MRN"),
}
HEADER_TIPS = {
    FAVOURS: f"{TIER_SHAPES['favours']} "
    + QT_TRANSLATE_NOOP("CaseListModel", "Favours: factors that favour adding TARE"),
    NEUTRAL: f"{TIER_SHAPES['neutral']} "
    + QT_TRANSLATE_NOOP("CaseListModel", "Neutral: factors that are neutral"),
    AGAINST: f"{TIER_SHAPES['against']} "
    + QT_TRANSLATE_NOOP("CaseListModel", "Against: factors against adding TARE"),
    NAME: QT_TRANSLATE_NOOP("CaseListModel", "Patient name (identifying)"),
    MRN: QT_TRANSLATE_NOOP("CaseListModel", "Medical record number (identifying)"),
}
# How each sortable column is ordered by the repository (list_cases order_by).
ORDER_BY = {
    REFERENCE: "reference",
    BOARD_DATE: "board_date",
    FAVOURS: "favours",
    NEUTRAL: "neutral",
    AGAINST: "against",
    HEADLINE: "headline",
}

# The stored reference of a row, whatever the column (for selection and opening).
ReferenceRole = Qt.ItemDataRole.UserRole + 1

# data() runs for every visible cell and role at each repaint (thousands of calls after a
# sort or search), so it compares plain ints and returns values made once.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_REFERENCE = int(ReferenceRole)
_CENTRED = int(Qt.AlignmentFlag.AlignCenter)
_TIER_COLUMNS = frozenset((FAVOURS, NEUTRAL, AGAINST))
_CELL_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
)


@dataclass(frozen=True)
class CaseRow:
    """What the list shows for one case."""

    reference: str
    board_date: date | None
    counts: dict[str, int]
    headline: str
    archived: bool
    finalised: bool
    patient_name: str | None
    mrn: str | None
    # Fields holding an invalid stored value (shown as such).
    invalid_fields: tuple[str, ...] = ()
    # Each column's text, made once when the row is fetched (see data()).
    display: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "display", {key: _cell_text(self, key) for key in HEADERS})

    @classmethod
    def from_summary(cls, summary: CaseSummary) -> CaseRow:
        return cls(
            reference=summary.reference,
            board_date=summary.board_date,
            counts=dict(summary.counts),
            headline=summary.headline,
            archived=summary.archived,
            finalised=summary.finalised,
            patient_name=summary.patient_name,
            mrn=summary.mrn,
            invalid_fields=summary.invalid_fields,
        )


class CaseListModel(QtCore.QAbstractTableModel):
    """Cases matching the search, one row each, fetched from the repository a page at a time.

    Signals:
        total_changed(int): the number of matching cases changed (after a reset).
        search_failed(str): a background search could not be answered (the message).
    """

    total_changed = QtCore.Signal(int)
    search_failed = QtCore.Signal(str)

    def __init__(
        self,
        repository: Repository | None,
        parent: QtCore.QObject | None = None,
        *,
        changes: ChangeBridge | None = None,
        pack: EvidencePack | None = None,
    ) -> None:
        super().__init__(parent)
        self._repository = repository
        self._pack = pack
        self._rows: list[CaseRow] = []
        self._total = 0
        self._search = ""
        self._include_archived = False
        self._show_identifiers = False
        self._columns: tuple[str, ...] = BASE_COLUMNS
        self._order_by = "reference"
        self._descending = False
        self._loaded = False
        # False while the first page is shown and the count is still to come (start()).
        self._counted = True
        # Each query gets a number; only the answer to the latest one is shown.
        self._generation = 0
        self._pending: BackgroundCall | None = None
        # Tier colours for the palette they were made for (a theme change makes new ones).
        self._palette_key: int | None = None
        self._tier_brushes: dict[str, QtGui.QBrush] = {}
        self._archived_font: QtGui.QFont | None = None
        if changes is not None:
            changes.published.connect(self._on_changes_published)

    # Configuration ----------------------------------------------------------------------

    @property
    def repository(self) -> Repository | None:
        return self._repository

    @property
    def total(self) -> int:
        return self._total

    @property
    def search(self) -> str:
        return self._search

    @property
    def columns(self) -> tuple[str, ...]:
        return self._columns

    def column_of(self, key: str) -> int:
        return self._columns.index(key)

    def set_repository(self, repository: Repository | None) -> None:
        self._repository = repository
        self.reload()

    # The setters fetch again only once the model has loaded: before that they configure
    # the first (single) fetch, which the owner starts with reload().

    def set_search(self, text: str) -> None:
        text = text.strip()
        if text != self._search:
            self._search = text
            self._reload_if_loaded()

    def set_include_archived(self, value: bool) -> None:
        if value != self._include_archived:
            self._include_archived = value
            self._reload_if_loaded()

    def set_show_identifiers(self, value: bool) -> None:
        if value != self._show_identifiers:
            self._show_identifiers = value
            self._reload_if_loaded()

    def _reload_if_loaded(self) -> None:
        if self._loaded:
            self.reload()

    @property
    def include_archived(self) -> bool:
        return self._include_archived

    def set_order(self, column: int, descending: bool) -> None:
        """Remember the sort without fetching (the first reload applies it)."""
        key = self._columns[column] if 0 <= column < len(self._columns) else REFERENCE
        self._order_by = ORDER_BY.get(key, "reference")
        self._descending = descending

    def sort_column(self) -> int:
        for key, order_by in ORDER_BY.items():
            if order_by == self._order_by:
                return self._columns.index(key)
        return 0

    @property
    def descending(self) -> bool:
        return self._descending

    # Loading ----------------------------------------------------------------------------

    def reload(self) -> None:
        """Count the matching cases and fetch the first page again (on this thread)."""
        self._generation += 1
        if self._repository is None:
            self._apply(0, [])
            return
        with busy_cursor(on_server(self._repository)):
            result = self._query(self._repository, self._query_options())()
        self._apply(*result)

    def reload_in_background(self) -> None:
        """Count and fetch the first page again on a worker thread (a change saved by
        another client): the window does not wait for the database."""
        self._query_in_background()

    def start(self) -> None:
        """The first load, at start-up: the first page only. A full page is counted later
        (`count_in_background`, once the window is on screen): at 100,000 cases counting
        takes longer than reading the page. Until the count arrives the list knows only
        that there is more to fetch."""
        self._generation += 1
        repository = self._repository
        if repository is None:
            self._apply(0, [])
            return
        with busy_cursor(on_server(repository)):
            rows = self._page(repository, self._query_options(), 0)
        if len(rows) < PAGE_SIZE:
            self._apply(len(rows), rows)
        else:
            self._apply(len(rows) + 1, rows, counted=False)

    def count_in_background(self) -> None:
        """Count the matching cases on a worker thread, if the list shown is not counted
        yet (after `start`); total_changed follows."""
        repository = self._repository
        if self._counted or repository is None:
            return
        generation = self._generation
        options = self._query_options()
        search = options.pop("search")
        BackgroundCall(
            self,
            lambda: repository.count_cases(search, **options),
            lambda total: self._on_counted(generation, total),
            self._on_search_failed,
        )

    def _on_counted(self, generation: int, total: int) -> None:
        if generation != self._generation:
            return  # a search or a reload has counted again since
        self._counted = True
        self._total = max(total, len(self._rows))
        self.total_changed.emit(self._total)

    def search_in_background(self, text: str) -> None:
        """Search for `text` on a worker thread; the model resets when the answer arrives.

        Typing never waits for the database: each keystroke's query replaces the previous
        one, and an answer that arrives after a newer query (or a reload) is dropped.
        """
        text = text.strip()
        if text == self._search and self._pending is None:
            return
        self._search = text
        self._query_in_background()

    def _query_in_background(self) -> None:
        """Count and fetch the first page on a worker thread; an answer that arrives after
        a newer query (or a reload) is dropped."""
        if self._repository is None or not self._loaded:
            return
        self._generation += 1
        generation = self._generation
        self._pending = BackgroundCall(
            self,
            self._query(self._repository, self._query_options()),
            lambda result: self._on_search_answered(generation, result),
            self._on_search_failed,
        )

    @property
    def searching(self) -> bool:
        """Whether a background search is still to come back."""
        return self._pending is not None

    def _on_search_answered(self, generation: int, result: tuple[int, list[CaseRow]]) -> None:
        if generation != self._generation:
            return  # a newer search or a reload has replaced this one
        self._pending = None
        self._apply(*result)

    def _on_search_failed(self, error: BaseException) -> None:
        # Bad input or the environment's (a bug went to the unexpected-error dialog).
        self._pending = None
        self.search_failed.emit(message_for(error))

    def _query_options(self) -> dict[str, Any]:
        return {
            "search": self._search or None,
            "include_archived": self._include_archived,
            "search_identifiers": self._show_identifiers,
        }

    def _query(
        self, repository: Repository, options: dict[str, Any]
    ) -> Callable[[], tuple[int, list[CaseRow]]]:
        """The count and first page for these options, as a call any thread can make."""
        order_by, descending = self._order_by, self._descending

        def run() -> tuple[int, list[CaseRow]]:
            search = options["search"]
            flags = {k: v for k, v in options.items() if k != "search"}
            total = repository.count_cases(search, **flags)
            summaries = repository.list_cases(
                search, **flags, offset=0, limit=PAGE_SIZE, order_by=order_by, descending=descending
            )
            return total, [CaseRow.from_summary(summary) for summary in summaries]

        return run

    def _page(self, repository: Repository, options: dict[str, Any], offset: int) -> list[CaseRow]:
        search = options["search"]
        flags = {k: v for k, v in options.items() if k != "search"}
        summaries = repository.list_cases(
            search,
            **flags,
            offset=offset,
            limit=PAGE_SIZE,
            order_by=self._order_by,
            descending=self._descending,
        )
        return [CaseRow.from_summary(summary) for summary in summaries]

    def _apply(self, total: int, rows: list[CaseRow], *, counted: bool = True) -> None:
        self._pending = None
        self.beginResetModel()
        self._columns = columns_for(show_identifiers=self._show_identifiers)
        self._rows = rows
        self._total = total
        self._counted = counted
        self._loaded = True
        self.endResetModel()
        if counted:
            self.total_changed.emit(self._total)

    def _fetch(self, offset: int) -> list[CaseRow]:
        assert self._repository is not None
        with busy_cursor(on_server(self._repository)):
            return self._page(self._repository, self._query_options(), offset)

    def canFetchMore(self, parent: QtCore.QModelIndex = QtCore.QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or self._repository is None:
            return False
        return len(self._rows) < self._total

    def fetchMore(self, parent: QtCore.QModelIndex = QtCore.QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        more = self._fetch(len(self._rows))
        if not more:
            # The database shrank since the count: stop asking for rows that are not there.
            self._total = len(self._rows)
            self.total_changed.emit(self._total)
            return
        first = len(self._rows)
        self.beginInsertRows(QtCore.QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        if not self._counted:
            # Still counting: a full page means there may be more.
            self._total = len(self._rows) + (1 if len(more) == PAGE_SIZE else 0)
        self.endInsertRows()

    # Rows -------------------------------------------------------------------------------

    def reference_at(self, row: int) -> str | None:
        if 0 <= row < len(self._rows):
            return self._rows[row].reference
        return None

    def row_at(self, row: int) -> CaseRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, reference: str, *, fetch_pages: int = 5) -> int:
        """The row showing a case, fetching up to `fetch_pages` more pages to find it; -1 if
        it is not among them."""
        searched = 0
        for attempt in range(fetch_pages + 1):
            for index in range(searched, len(self._rows)):
                if self._rows[index].reference == reference:
                    return index
            searched = len(self._rows)
            if attempt == fetch_pages or not self.canFetchMore():
                break
            self.fetchMore()
        return -1

    def update_case(self, case: Case, assessment: Assessment) -> None:
        """Refresh a loaded row from the case just saved, without asking the database."""
        for index, row in enumerate(self._rows):
            if row.reference == case.reference:
                self._rows[index] = replace(
                    row,
                    board_date=case.board_date,
                    counts=dict(assessment.counts),
                    headline=assessment.headline,
                    finalised=bool(case.decision and case.decision.finalised),
                    patient_name=case.patient_name,
                    mrn=case.mrn,
                )
                self.dataChanged.emit(
                    self.index(index, 0), self.index(index, len(self._columns) - 1)
                )
                return

    def refresh_cases(self, references: frozenset[str] | set[str]) -> None:
        """Read the loaded rows of these cases again (after a change made anywhere)."""
        if self._repository is None:
            return
        loaded = {row.reference for row in self._rows}
        for reference in sorted(set(references) & loaded):
            try:
                with busy_cursor(on_server(self._repository)):
                    stored = self._repository.get_case(reference)
            except StoreError:
                # Gone or unreadable just now: the list is read again instead.
                self.reload()
                return
            if self._pack is None:
                self._pack = load_pack()
            self.update_case(stored.case, assess(stored.case, self._pack))

    def _on_changes_published(self, notice: ChangeNotice) -> None:
        if self._repository is None or not self._loaded:
            return
        if notice.elsewhere:
            # Saved by another client: read on a worker thread, never waiting here.
            self.reload_in_background()
            return
        if notice.case_set_changed:
            self.reload()
        elif notice.case_data_changed:
            self.refresh_cases(notice.references)

    # QAbstractTableModel ----------------------------------------------------------------

    def rowCount(self, parent: QtCore.QModelIndex = QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QtCore.QModelIndex = QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        key = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return _header_text(HEADERS[key])
        if role == Qt.ItemDataRole.AccessibleTextRole and key in _TIER_COLUMNS:
            # Words, not a shape.
            return self.tr("{tier} (number of factors)").format(tier=tier_label(key))
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            tip = _header_text(HEADER_TIPS.get(key, HEADERS[key]))
            return _with_evidence_note(tip) if key == HEADLINE else tip
        return None

    def flags(self, index: QtCore.QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _CELL_FLAGS

    def data(self, index: QtCore.QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # An invalid index has row and column -1.
        row_number, column = index.row(), index.column()
        if not (0 <= row_number < len(self._rows) and 0 <= column < len(self._columns)):
            return None
        row = self._rows[row_number]
        key = self._columns[column]
        role = int(role)
        if role == _DISPLAY:
            return row.display[key]
        if role == _REFERENCE:
            return row.reference
        if role == _FOREGROUND:
            return self._tier_brush(key) if key in _TIER_COLUMNS else None
        if role == _ALIGNMENT:
            return _CENTRED if key in _TIER_COLUMNS else None
        if role == _FONT:
            return self._italic_font() if row.archived else None
        if role == _ACCESSIBLE:
            return self._accessible(row, key)
        if role == _TOOLTIP:
            if key == HEADLINE:
                return _with_evidence_note(row.headline)
            if key == REFERENCE and row.archived:
                return self.tr("Archived case: restore it to edit")
        return None

    def _tier_brush(self, tier: str) -> QtGui.QBrush:
        palette = QtGui.QGuiApplication.palette()
        if palette.cacheKey() != self._palette_key:
            self._palette_key = palette.cacheKey()
            self._tier_brushes = {
                key: QtGui.QBrush(tier_colour(key, palette)) for key in _TIER_COLUMNS
            }
        return self._tier_brushes[tier]

    def _italic_font(self) -> QtGui.QFont:
        if self._archived_font is None:
            self._archived_font = QtGui.QFont()
            self._archived_font.setItalic(True)
        return self._archived_font

    def _accessible(self, row: CaseRow, key: str) -> str:
        if key in (FAVOURS, NEUTRAL, AGAINST):
            return self.tr("{count} {tier}").format(
                count=row.counts.get(key, 0), tier=tier_label(key)
            )
        if key == BOARD_DATE and row.board_date is None:
            return self.tr("Board date not recorded")
        return row.display[key]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        key = self._columns[column]
        if key not in ORDER_BY:
            return  # names and MRNs are not offered as a sort order
        descending = order == Qt.SortOrder.DescendingOrder
        if ORDER_BY[key] == self._order_by and descending == self._descending:
            return
        self._order_by = ORDER_BY[key]
        self._descending = descending
        self._reload_if_loaded()


def _with_evidence_note(text: str) -> str:
    """A stored headline, or the headline column's tip, with the note that it is in English
    in another interface language: the store keeps the headline as the domain worded it,
    and a list of stored rows has no assessment to word it again from."""
    note = evidence_note()
    return f"{text}\n{note}" if note else text


def _header_text(text: str) -> str:
    """A header or its tooltip in the interface's language (a shape stays a shape)."""
    shape, _, words = text.partition(" ")
    if shape in TIER_SHAPES.values():
        return f"{shape} {translate('CaseListModel', words)}" if words else shape
    return translate("CaseListModel", text)


def _cell_text(row: CaseRow, key: str) -> str:
    """What a cell of the list shows."""
    if key == REFERENCE:
        if row.archived:
            return translate("CaseListModel", "{reference} (archived)").format(
                reference=row.reference
            )
        return row.reference
    if key == BOARD_DATE:
        if "board_date" in row.invalid_fields:
            return INVALID_STORED_VALUE
        return row.board_date.isoformat() if row.board_date else "—"
    if key in (FAVOURS, NEUTRAL, AGAINST):
        return f"{TIER_SHAPES[key]} {row.counts.get(key, 0)}"
    if key == HEADLINE:
        return row.headline
    if key == NAME:
        return row.patient_name or ""
    if key == MRN:
        return row.mrn or ""
    return ""
